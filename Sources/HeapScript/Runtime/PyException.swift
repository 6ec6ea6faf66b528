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

    public init(_ exception: ObjectRef) {
        self.exception = exception; traceback = []; keptAlive = []; suggestion = nil
    }
}

public struct TracebackEntry: Sendable, Equatable {
    public var filename: String
    public var line: Int
    public var function: String
}

/// A limit the run hit that CPython has no exception for: it stops the run.
public struct RunStopped: Error {
    public var message: String
}

/// Valid Python the interpreter meets at run time but does not model.
public struct UnsupportedAtRuntime: Error {
    public var what: String
}
