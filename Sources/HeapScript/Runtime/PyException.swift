import HeapEngine

/// A Python exception in flight: the exception object plus the traceback entries
/// collected while it unwinds (innermost first), like `PyTracebackObject`'s chain.
public struct PyException: Error {
    /// The exception instance (an owned reference).
    public var exception: ObjectRef
    /// (filename, line, function name), innermost first.
    public var traceback: [TracebackEntry]
    /// References the traceback keeps alive (locals of the frames it passes through,
    /// as frame objects do in CPython), released when the traceback is dropped.
    public var keptAlive: [ObjectRef]
    /// The "Did you mean" suggestion printed after the exception line, if any.
    public var suggestion: String?
    /// A NameError's standard-module name, for 3.12+'s "Did you forget to import 'x'?".
    public var forgottenImport: String?
    /// The innermost frame being unwound already has its traceback entry: a handler in it
    /// caught the exception (the entry was made then, as exception_unwind's
    /// PyTraceBack_Here is) and RERAISE or a bare `raise` sends it on. `leaveFrame` adds
    /// none for it.
    var frameRecorded = false
    /// An AttributeError whose `name` and `obj` are set (3.10+'s set_attribute_error_context,
    /// `Profile.attributeErrorKeepsObject`): `obj` is among `keptAlive`.
    var attributeContextSet = false

    public init(_ exception: ObjectRef) {
        self.exception = exception; traceback = []; keptAlive = []; suggestion = nil; forgottenImport = nil
    }
}

public struct TracebackEntry: Sendable, Equatable {
    public var filename: String
    public var line: Int
    public var function: String
    /// Where the failing instruction sits (3.11+'s co_positions: lines and columns), for
    /// the carets under the source line; nil where the evaluator knows only the line.
    public var position: SourceSpan? = nil

    /// The same frame line as `other` (tb_print_internal's repeat check: file, line, name).
    func sameLine(as other: TracebackEntry) -> Bool {
        filename == other.filename && line == other.line && function == other.function
    }
}

/// A limit the run hit that CPython has no exception for: it stops the run. It unwinds
/// like an exception, collecting the frames it leaves, so that the report is a traceback
/// whose last line names the limit (and cannot be taken for a CPython exception).
public struct RunStopped: Error {
    public var message: String
    public var traceback: [TracebackEntry] = []
}

/// Valid Python the interpreter meets at run time but does not model. The session stops
/// there: a refusal is never an exception the program could catch, so nothing after it runs
/// on a state CPython would not have.
public struct UnsupportedAtRuntime: Error {
    public var what: String
    /// The whole message when it is not "<what> is not in heapbook's Python subset".
    public var fullMessage: String?
    public init(what: String, fullMessage: String? = nil) { self.what = what; self.fullMessage = fullMessage }

    /// Something CPython has and the engine does not model (a name, attribute, module,
    /// keyword, or a class feature it would otherwise accept and ignore):
    /// "heapbook does not model `dict.fromkeys` (CPython 3.11 has it)".
    public static func notModelled(_ what: String, version: String) -> UnsupportedAtRuntime {
        UnsupportedAtRuntime(what: what, fullMessage: "heapbook does not model `\(what)` (CPython \(version) has it)")
    }
}

extension Interpreter {
    /// `UnsupportedAtRuntime.notModelled` for this interpreter's profile.
    func notModelled(_ what: String) -> UnsupportedAtRuntime {
        .notModelled(what, version: profile.version)
    }

    /// A refusal that says why: "heapbook does not model `what`: why".
    func notModelled(_ what: String, because why: String) -> UnsupportedAtRuntime {
        UnsupportedAtRuntime(what: what, fullMessage: "heapbook does not model `\(what)`: \(why)")
    }
}
