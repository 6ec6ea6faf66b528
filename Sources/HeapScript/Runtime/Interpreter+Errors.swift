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
        if heap.kind(value) == .exception { return PyException(value) }
        heap.decref(value)
        return error("TypeError", "exceptions must derive from BaseException")
    }

    func unboundLocal(_ name: String) -> PyException {
        error("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value")
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

    /// The whole traceback text, as PyErr_Display prints it for the REPL.
    func formatTraceback(_ e: PyException) -> String {
        var out = "Traceback (most recent call last):\n"
        for entry in e.traceback.reversed() {
            out += "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
            if let source = sourceLine(entry) { out += "    \(source)\n" }
        }
        out += exceptionLine(e.exception) + "\n"
        return out
    }

    /// Source lines are shown for files, not for `<stdin>` (CPython has none to show).
    func sourceLine(_ entry: TracebackEntry) -> String? {
        guard let lines = sourceFiles[entry.filename], entry.line >= 1, entry.line <= lines.count else { return nil }
        let line = lines[entry.line - 1].drop { $0 == " " || $0 == "\t" }
        return line.isEmpty ? nil : String(line)
    }

    /// Formats a SyntaxError as CPython prints it.
    func formatSyntaxError(_ e: SyntaxError, filename: String) -> String {
        var out = "  File \"\(filename)\", line \(e.line)\n"
        if let src = e.sourceLine {
            let stripped = src.drop { $0 == " " || $0 == "\t" }
            let removed = src.count - stripped.count
            let trimmed = String(stripped).trimmingTrailingWhitespace()
            out += "    \(trimmed)\n"
            let caretCol = max(0, e.offset - 1 - removed)
            out += "    " + String(repeating: " ", count: caretCol) + String(repeating: "^", count: max(1, e.width)) + "\n"
        }
        out += "\(e.kind.rawValue): \(e.message)\n"
        return out
    }
}

/// The state of an exception instance: its args tuple.
final class ExceptionState: NativeReferents {
    var args: ObjectRef
    init(args: ObjectRef) { self.args = args }
    func releaseReferences(in heap: Heap) { heap.decref(args) }
    func forEachReferent(_ body: (ObjectRef) -> Void) { body(args) }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\n" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
