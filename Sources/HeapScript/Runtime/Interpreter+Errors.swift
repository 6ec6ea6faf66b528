import HeapEngine

/// Raising exceptions and printing tracebacks in CPython's words.
extension Interpreter {
    /// A new exception of builtin type `typeName` with one str argument.
    func error(_ typeName: String, _ message: String) -> PyException {
        let arg = (try? newStr(message)) ?? heap.newNone()
        do { return PyException(try instantiateException(typeName, args: [arg])) } catch {
            return memoryError()
        }
    }

    func raiseNew(_ typeName: String, args: [ObjectRef]) throws -> PyException {
        PyException(try instantiateException(typeName, args: args))
    }

    /// An exception instance: args tuple steals `args`.
    func instantiateException(_ typeName: String, args: [ObjectRef]) throws -> ObjectRef {
        guard let type = exceptionTypes[typeName] else { preconditionFailure("no exception type \(typeName)") }
        return try newExceptionInstance(type, args: args)
    }

    func newExceptionInstance(_ type: ObjectRef, args: [ObjectRef]) throws -> ObjectRef {
        // Not checked against CPython's tracemalloc (3.11's displayhook AttributeError peaks
        // at 244 bytes there, 205 here).
        heap.tracemalloc.noteUnknown("an exception object was made (not modelled block for block)")
        // OSError_new with 2 to 5 arguments reads errno, strerror and filenames, and picks
        // the subclass for the errno (OSError(2, 'x') is a FileNotFoundError): not modelled.
        if args.count >= 2, let os = exceptionTypes["OSError"], heap.typeInfo(type).mro.contains(os) {
            args.forEach(heap.decref)
            throw notModelled("\(heap.typeInfo(type).name)() with several arguments",
                              because: "OSError's errno, strerror and filename attributes are not modelled")
        }
        let argsTuple = try newTuple(args)
        let state = ExceptionState(args: argsTuple)
        do {
            let r = try heap.newNativeObject(type: type, state)
            return r
        } catch { heap.decref(argsTuple); throw memoryError() }
    }

    func preallocatedMemoryError() -> ObjectRef {
        if let r = preallocatedMemoryErrorRef { heap.incref(r); return r }
        return heap.newNone()
    }

    /// `raise X` / `raise X(...)`: consumes the value.
    func makeRaise(_ value: ObjectRef) throws -> PyException {
        if case .type(let info) = heap.payload[Int(value)], info.kind == .exception {
            defer { heap.decref(value) }
            return PyException(try newExceptionInstance(value, args: []))
        }
        if heap.kind(value) == .exception { return raising(value) }
        heap.decref(value)
        return error("TypeError", "exceptions must derive from BaseException")
    }

    /// `raise exc from cause` (do_raise): the cause is an exception instance, made from an
    /// exception class, or None (no cause, context suppressed all the same). Consumes both.
    func makeRaise(_ value: ObjectRef, from cause: ObjectRef) throws -> PyException {
        var fixedCause: ObjectRef?
        if case .type(let info) = heap.payload[Int(cause)], info.kind == .exception {
            defer { heap.decref(cause) }
            do { fixedCause = try newExceptionInstance(cause, args: []) } catch { heap.decref(value); throw error }
        } else if heap.kind(cause) == .exception {
            fixedCause = cause
        } else if cause == heap.none {
            heap.decref(cause)
        } else {
            heap.decref(cause); heap.decref(value)
            return error("TypeError", "exception causes must derive from BaseException")
        }
        let e: PyException
        do { e = try makeRaise(value) } catch { fixedCause.map(heap.decref); throw error }
        guard let state = exceptionState(e.exception) else { fixedCause.map(heap.decref); return e }
        let old = state.cause
        state.cause = fixedCause
        state.suppressContext = true
        old.map(heap.decref)
        return e
    }

    /// An exception object raised again (`raise e`, RERAISE): its traceback so far, kept by
    /// the handler that caught it (`catching`), goes on with it (PyErr_Restore with its
    /// __traceback__). Consumes the reference.
    func raising(_ exc: ObjectRef) -> PyException {
        var e = PyException(exc)
        guard let state = exceptionState(exc) else { return e }
        e.traceback = state.traceback
        e.keptAlive = state.keptAlive
        e.suggestion = state.suggestion
        e.forgottenImport = state.forgottenImport
        state.traceback = []
        state.keptAlive = []
        if let census = state.census { census.live -= 1; state.census = nil }
        return e
    }

    /// A handler caught `e`: the exception object keeps what the PyException carried (its
    /// traceback); with an exception being handled, that one becomes its `__context__`
    /// (_PyErr_SetObject: unless it is the same, and cutting a cycle in the chain). Returns
    /// the exception's reference.
    func catching(_ e: PyException) -> ObjectRef {
        guard let state = exceptionState(e.exception) else {
            e.keptAlive.forEach(heap.decref)
            return e.exception
        }
        state.traceback = e.traceback
        state.keptAlive += e.keptAlive
        state.suggestion = e.suggestion
        state.forgottenImport = e.forgottenImport
        if !state.traceback.isEmpty && state.census == nil {
            tracebackCensus.live += 1
            state.census = tracebackCensus
        }
        if let handled = handledException, handled != e.exception, state.context != handled {
            var o = handled
            while let next = exceptionState(o)?.context {
                if next == e.exception {
                    exceptionState(o)!.context = nil
                    heap.decref(next)
                    break
                }
                o = next
            }
            heap.incref(handled)
            let old = state.context
            state.context = handled
            old.map(heap.decref)
        }
        return e.exception
    }

    /// A caught exception's `__traceback__` as an object (borrowed): from 3.11 the traceback
    /// object made for the frame whose handler caught it (`leaveFrame`); before 3.11 the
    /// engine makes none while unwinding, so one is made here and kept with the exception.
    /// Only its identity and type are modelled (its attributes are refused).
    func tracebackObject(of exc: ObjectRef) throws -> ObjectRef {
        guard let state = exceptionState(exc) else { throw notModelled("the traceback of this exception") }
        let tracebackType = heap.builtinType(.traceback)
        if let tb = state.keptAlive.last(where: { heap.typeOf[Int($0)] == tracebackType }) { return tb }
        let tb: ObjectRef
        do { tb = try heap.newObject(type: tracebackType, payload: .empty) } catch { throw memoryError() }
        state.keptAlive.append(tb)
        return tb
    }

    /// format_exc_check_arg's UNBOUNDLOCAL_ERROR_MSG: 3.11 reworded it (bpo-45848); CPython
    /// 3.6.15 and 3.8.18 say "referenced before assignment".
    func unboundLocal(_ name: String) -> PyException {
        error("UnboundLocalError", profile.minor < 11 ? "local variable '\(name)' referenced before assignment"
                                                      : "cannot access local variable '\(name)' where it is not associated with a value")
    }

    /// "TypeError: message" — the last line of a traceback.
    func exceptionLine(_ exc: ObjectRef) -> String {
        let typeRef = heap.typeOf[Int(exc)]
        let info = heap.typeInfo(typeRef)
        var name = info.name
        if let module = info.module, module != "builtins" { name = "\(module).\(name)" }
        let message: String
        if let state = exceptionState(exc), case .tuple(let args) = heap.payload[Int(state.args)] {
            switch args.count {
            case 0: message = ""
            case 1:
                message = typeRef == exceptionTypes["KeyError"] ? reprString(args[0]) : strString(args[0])
            default: message = reprString(state.args)
            }
        } else {
            message = ""
        }
        return message.isEmpty ? name : "\(name): \(message)"
    }

    func exceptionState(_ exc: ObjectRef) -> ExceptionState? {
        if case .native(let o) = heap.payload[Int(exc)] { return o as? ExceptionState }
        return nil
    }

    /// `header` and `formatTraceback(e)`, or nil when making their text met a refusal (an
    /// exception argument whose str() is refused, such as a str spelled from an id() value,
    /// UnplacedIds.swift): the refusal is then pending (`pendingRefusal`), and nothing is
    /// printed in place of the text CPython prints.
    func shownTraceback(_ e: PyException, header: () -> String = { "" }) -> String? {
        swallowedRefusal = nil
        let text = header() + formatTraceback(e)
        guard let u = swallowedRefusal else { return text }
        swallowedRefusal = nil
        if pendingRefusal == nil { pendingRefusal = u }
        return nil
    }

    /// The whole traceback text, as PyErr_Display prints it for the REPL.
    /// With a `__context__`, the chain first, as print_exception_recursive prints it.
    func formatTraceback(_ e: PyException) -> String {
        var seen: Set<ObjectRef> = [e.exception]
        return formatContext(of: e.exception, &seen) + formatTraceback(e.traceback, lastLine: printedExceptionLine(e))
    }

    /// The exceptions `exc`'s chain holds, outermost first (print_exception_recursive): its
    /// `__cause__`, or else its `__context__` unless suppressed, each followed by the line
    /// that links it to the next.
    private func formatContext(of exc: ObjectRef, _ seen: inout Set<ObjectRef>) -> String {
        guard let state = exceptionState(exc) else { return "" }
        let linked: ObjectRef
        let message: String
        if let cause = state.cause {
            linked = cause
            message = "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let context = state.context, !state.suppressContext {
            linked = context
            message = "\nDuring handling of the above exception, another exception occurred:\n\n"
        } else {
            return ""
        }
        guard !seen.contains(linked), let linkedState = exceptionState(linked) else { return "" }
        seen.insert(linked)
        let line = printedExceptionLine(linked, suggestion: linkedState.suggestion, forgottenImport: linkedState.forgottenImport)
        let printed = linkedState.traceback.isEmpty ? line + "\n" : formatTraceback(linkedState.traceback, lastLine: line)
        return formatContext(of: linked, &seen) + printed + message
    }

    /// A traceback of `entries` (innermost first) ending with `lastLine`.
    func formatTraceback(_ entries: [TracebackEntry], lastLine: String) -> String {
        var out = "Traceback (most recent call last):\n"
        if let u = dataclassTracebackRefusal(entries) { swallowedRefusal = swallowedRefusal ?? u }
        // tb_print_internal: a line repeated more than TB_RECURSIVE_CUTOFF (3) times in a
        // row is summarised.
        let cutoff = 3
        var last: TracebackEntry?
        var count = 0
        func flushRepeats() {
            if count > cutoff {
                let n = count - cutoff
                out += "  [Previous line repeated \(n) more time\(n > 1 ? "s" : "")]\n"
            }
        }
        for entry in entries.reversed() {
            if last.map({ !entry.sameLine(as: $0) }) ?? true { flushRepeats(); last = entry; count = 0 }
            count += 1
            if count > cutoff { continue }
            out += "  File \"\(displayedFilename(entry.filename))\", line \(entry.line), in \(entry.function)\n"
            out += sourceLines(entry)
        }
        flushRepeats()
        out += lastLine + "\n"
        return out
    }

    /// The exception line as print_exception writes it, with the suggestion (3.10+) and
    /// 3.12+'s forgotten-import hint (traceback.py TracebackException.__init__).
    func printedExceptionLine(_ e: PyException) -> String {
        printedExceptionLine(e.exception, suggestion: e.suggestion, forgottenImport: e.forgottenImport)
    }

    func printedExceptionLine(_ exc: ObjectRef, suggestion: String?, forgottenImport: String?) -> String {
        var line = exceptionLine(exc)
        if suggestion == Interpreter.suggestionThroughHook {
            swallowedRefusal = swallowedRefusal ?? notModelled("the \"Did you mean\" of an AttributeError of an instance whose class defines __getattribute__",
                                                                because: "CPython computes that suggestion with dir() of it, which calls the hook")
            return line
        }
        if let s = suggestion { line += ". Did you mean: '\(s)'?" }
        if let m = forgottenImport {
            line += suggestion == nil ? ". Did you forget to import '\(m)'?" : " Or did you forget to import '\(m)'?"
        }
        return line
    }

    /// NameError with CPython's suggestion: fast locals, then globals, then the builtins of
    /// the profile's CPython in builtins.__dict__'s order (the first of equally close wins).
    func nameError(_ n: String, frame: Frame?, globals: ObjectRef) -> PyException {
        var e = error("NameError", "name '\(n)' is not defined")
        let s = surface
        if s.suggestsNames {
            let locals = frame?.code.kind == .function ? frame!.code.localNames : []
            let globalNames = dictStorage(globals).keys.map(stringValue)
            e.suggestion = Suggestions.suggest(n, among: locals)
                ?? Suggestions.suggest(n, among: globalNames)
                ?? Suggestions.suggest(n, among: s.builtinsInOrder)
        }
        if s.hintsForgottenImport && s.has(module: n) { e.forgottenImport = n }
        return e
    }

    /// AttributeError with CPython's suggestion from dir(obj). The exception's `obj` holds
    /// the object (set_attribute_error_context, 3.10+, for a failed lookup; 3.13 also sets it
    /// when setting or deleting fails, `Profile.attributeErrorContextOnSet`), so it stays
    /// referenced while the exception is sys.last_value: `v = object(); v.zz;
    /// sys.getrefcount(v)` is 3 on 3.11.7, 3.12.1 and 3.13.0; `v.b = 1` instead gives 2 on
    /// 3.11.7 and 3.12.1, 3 on 3.13.0.
    func attributeError(_ obj: ObjectRef, _ attr: String, message: String, onSet: Bool = false,
                        onDelete: Bool = false) -> PyException {
        var e = error("AttributeError", message)
        if surface.suggestsNames { e.suggestion = attributeSuggestion(obj, attr) }
        // A failed `del o.x` on an instance with a __dict__ records no obj in any version
        // (3.13.0: sys.getrefcount stays 2).
        if profile.attributeErrorKeepsObject && !onDelete && (!onSet || profile.attributeErrorContextOnSet) {
            heap.incref(obj)
            e.keptAlive.append(obj)
            e.attributeContextSet = true
        }
        return e
    }

    /// sorted(dir(obj)) as the profile's CPython gives it: the instance's and its classes'
    /// dicts, and for every builtin type along the MRO the recorded dir() of that type
    /// (a class statement's class adds `CPythonSurface.plainClass`).
    func dirNames(_ obj: ObjectRef) -> [String] {
        var names: Set<String> = []
        let s = surface
        switch heap.payload[Int(obj)] {
        case .module(let m):
            // module_dir: the module's dict alone.
            names.formUnion(dictStorage(m.dict).keys.map(stringValue))
        case .instance(let st):
            if let d = st.dict { names.formUnion(dictStorage(d).keys.map(stringValue)) }
            if let a = st.attributes { names.formUnion(a.keys.map(stringValue)) }
            fallthrough
        default:
            for t in heap.typeInfo(of: obj).mro {
                let info = heap.typeInfo(t)
                if info.isHeapType {
                    if let d = info.dict { names.formUnion(dictStorage(d).keys.map(stringValue)) }
                    // A slotted class has no `__dict__`/`__weakref__` getsets (its dict, or a
                    // base's, lists them when they exist).
                    names.formUnion(s.plainClass.filter {
                        ($0 != "__dict__" || info.hasInstanceDict) && ($0 != "__weakref__" || info.hasInstanceWeakrefs)
                    })
                } else {
                    names.formUnion(s.types[s.typeName(forEngineType: info.name)] ?? [])
                }
            }
        }
        return names.sorted { Array($0.unicodeScalars.map({ $0.value })).lexicographicallyPrecedes($1.unicodeScalars.map({ $0.value })) }
    }

    /// Source lines are shown for files, not for `<stdin>` (CPython has none to show).
    /// 3.13's REPL compiles statement N as `<stdin>-N` (so that linecache finds its lines);
    /// tracebacks print `<stdin>` (format_frame_summary).
    func displayedFilename(_ filename: String) -> String {
        profile.replCachesSourceLines && filename.hasPrefix("<stdin>-") ? "<stdin>" : filename
    }

    /// Formats a SyntaxError as CPython prints it.
    func formatSyntaxError(_ e: SyntaxError, filename: String) -> String {
        var out = "  File \"\(filename)\", line \(e.line)\n"
        if let src = e.sourceLine {
            let stripped = src.drop { $0 == " " || $0 == "\t" }
            let removed = src.count - stripped.count
            let trimmed = String(stripped).trimmingTrailingWhitespace()
            out += "    \(trimmed)\n"
            // print_error_text: 3.10+ prints no caret that would point left of the stripped
            // text (an IndentationError's or TabError's offset inside the indentation: "unexpected
            // indent" on 3.11.7-3.13.0); 3.8 puts it at the first column.
            let caretCol = e.offset - 1 - removed
            if caretCol >= 0 || profile.minor < 10 {
                out += "    " + String(repeating: " ", count: max(0, caretCol)) + String(repeating: "^", count: max(1, e.width)) + "\n"
            }
        }
        out += "\(e.kind.rawValue): \(e.message)\n"
        return out
    }
}

/// The state of an exception instance (PyBaseExceptionObject): its args tuple, and once a
/// handler caught it, what the raise gave it: its traceback (`__traceback__`, with the
/// references its frames keep alive, `PyException.keptAlive`) and `__context__`.
///
/// Invariant: `keptAlive`, `context` and `cause` are owned references, released with the
/// exception. The collector sees them as the exception's (BaseException_traverse: traceback,
/// context, cause), so that the exception -> traceback -> frame -> locals -> exception cycle
/// is garbage it finds; its traceback and frame objects are not containers of their own
/// here, so `Interpreter.refuseCaughtTracebacks` refuses to count a collection while one lives.
final class ExceptionState: NativeReferents, NativeClearable {
    var args: ObjectRef
    var traceback: [TracebackEntry] = []
    var keptAlive: [ObjectRef] = []
    var suggestion: String?
    var forgottenImport: String?
    /// `__context__` (PyException_SetContext): the exception being handled when this one
    /// was raised.
    var context: ObjectRef?
    /// `__cause__` and `__suppress_context__`, set by `raise ... from cause`.
    var cause: ObjectRef?
    var suppressContext = false
    /// Counts the live exceptions holding a traceback, for the collector's refusal.
    var census: TracebackCensus?
    init(args: ObjectRef) { self.args = args }

    /// Caught, with its traceback, and alive (not re-raised, not freed).
    var holdsTraceback: Bool { census != nil }

    func releaseReferences(in heap: Heap) {
        heap.decref(args)
        clearReferences(in: heap)
    }

    /// BaseException_clear: the traceback (and what it keeps), context and cause.
    func clearReferences(in heap: Heap) {
        if let census { census.live -= 1; self.census = nil }
        let kept = keptAlive, ctx = context, cause = cause
        keptAlive = []; context = nil; self.cause = nil
        kept.forEach(heap.decref)
        ctx.map(heap.decref)
        cause.map(heap.decref)
    }

    func forEachReferent(_ body: (ObjectRef) -> Void) {
        body(args)
        keptAlive.forEach(body)
        context.map(body)
        cause.map(body)
    }
}

/// How many exception objects hold a traceback (`ExceptionState.census`).
final class TracebackCensus {
    var live = 0
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\n" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
