import HeapEngine

// Python/bltinmodule.c builtin_exec_impl and Python/pythonrun.c run_mod: source text compiled
// by the engine's own parser and compiler and run in a frame over given globals and locals.
//
// Two kinds of text come here. A stand-in for a CPython module written in Python (Lib/copy.py,
// Lib/dataclasses.py, weakref.finalize, functools' lru_cache wrapper, a namedtuple class) is
// the engine's own: text it cannot read or compile is a bug, and stops the process. Text a
// program made at run time (the methods `@dataclass` exec's) is the program's: what the engine
// cannot read or compile there is refused, naming what was being built.

/// Whose text `Interpreter.execSource` runs, and so what a parse or compile failure means.
enum ExecSourceOrigin {
    /// The engine's stand-in for a module of CPython's: a failure is a bug.
    case standIn
    /// Text a program made (`exec`'s argument): a failure refuses `what`.
    case generated(what: String)
}

extension Interpreter {
    /// Compiles `source` as a module (`<filename>`) and runs it with `globals` and `namespace`
    /// as the frame's globals and locals; the code object lives as long as the run.
    func execSource(_ source: String, filename: String, globals: ObjectRef, namespace: ObjectRef,
                    origin: ExecSourceOrigin) throws {
        heap.tracemalloc.noteUnknown("text was compiled and exec'd (\(filename)), which is not modelled block for block")
        let stmts: [Stmt]
        do { stmts = try Parser.parseModule(source, filename: filename, limits: ParserLimits(profile)) } catch {
            guard case .generated(let what) = origin else { preconditionFailure("\(filename) does not parse: \(error)") }
            throw notModelled(what, because: "heapbook's parser does not read the text: \(error)")
        }
        let compiler = Compiler(interp: self, filename: filename)
        defer { compiler.finishCompiling(); compiler.releaseArena() }
        let code: CodeObject
        let codeRef: ObjectRef
        do {
            code = try CodeGen.compileModule(compiler, stmts, interactive: false)
            codeRef = try compiler.makeCode(code)
        } catch let e as PyException { throw e } catch let u as UnsupportedAtRuntime { throw u } catch {
            guard case .generated(let what) = origin else { preconditionFailure("\(filename) does not compile: \(error)") }
            throw notModelled(what, because: "heapbook's compiler does not compile the text: \(error)")
        }
        defer { heap.decref(codeRef) }
        let frame = Frame(code: code, globals: globals, namespace: namespace)
        heap.incref(globals)
        heap.incref(namespace)
        defer { heap.decref(globals); heap.decref(namespace) }
        _ = try CEval(self).run(frame)
    }

    /// Runs the stand-in for CPython's Python source of a module (`source`) in the dict `d`,
    /// so that its objects are made as CPython's bytecode makes them.
    func runStandIn(_ source: String, filename: String, in d: ObjectRef) throws {
        try execSource(source, filename: filename, globals: d, namespace: d, origin: .standIn)
    }
}
