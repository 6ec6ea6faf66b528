import HeapEngine

/// One interpreter session: the REPL's `__main__`, run statement by statement.
public final class Session {
    public let profile: Profile
    public let limits: Limits
    let interp: Interpreter

    /// `script`: the session runs one file as `python3 FILE` (`runScript`), whose start-up
    /// differs from the REPL's.
    /// `hashSeed`: the PYTHONHASHSEED CPython runs with (nil: unset or "random", hash
    /// randomization; then whatever depends on str and bytes hashes is refused).
    public init(profile: Profile = .default, limits: Limits = Limits(), script: Bool = false,
                hashSeed: UInt32? = nil) {
        self.profile = profile
        self.limits = limits
        self.interp = Interpreter(profile: profile, limits: limits, script: script, hashSeed: hashSeed)
    }

    /// Keeps every shared object at the provisional `StartupRefcounts.staticObject` and never
    /// refuses its count: only for scripts/measure/startup_refcounts.py, which calibrates the
    /// measured start-up counts against exactly these numbers. Set before the first run.
    public var provisionalStartupRefcounts = false

    /// Answers the distance between two objects' addresses (`id(b) - id(a)`, ordering two
    /// ids) from the engine's heap, where CPython's depends on pools the engine does not
    /// know (`Interpreter.refuseAddressDistance`). For the book, whose outputs are CPython's
    /// or marked `+ENGINE`: an example whose engine answer is not CPython's fails there.
    public var showsEngineAddressDistances: Bool {
        get { interp.engineAddressDistances }
        set { interp.engineAddressDistances = newValue }
    }

    /// The simulated heap (for diagrams and statistics).
    public var heap: Heap { interp.heap }

    /// Runs one interactive statement (CPython's `single` mode, as the REPL does): an
    /// expression statement's non-None value is printed with repr and bound to `_`.
    public func runInteractive(_ source: String, filename: String = "<stdin>") -> ExecutionResult {
        run(source, filename: filename, interactive: true)
    }

    /// Runs source as a module body (`exec` mode) in this session's `__main__` namespace, as
    /// `exec(source)` does at the prompt.
    public func runModule(_ source: String, filename: String) -> ExecutionResult {
        interp.sourceFiles[filename] = source.split(separator: "\n", omittingEmptySubsequences: false)
        return run(source, filename: filename, interactive: false)
    }

    /// Runs a file as `python3 FILE` does: `__main__` gets the script's `__file__`,
    /// `__cached__` and loader first (`path` as CPython shows it: absolute from 3.9).
    public func runScript(_ source: String, path: String) -> ExecutionResult {
        do { try interp.initScriptMain(filename: path) } catch {
            return ExecutionResult(stderr: "MemoryError\n", exception: "MemoryError")
        }
        return runModule(source, filename: path)
    }

    /// Interpreter shutdown, as far as the session's objects go (Py_FinalizeEx, 3.11; 3.6's
    /// PyImport_Cleanup has the same steps): atexit's callbacks, one collection if the
    /// collector is enabled (_PyGC_CollectIfEnabled), then finalize_modules: the REPL's `_`
    /// and the last traceback are dropped, `__main__` is removed from sys.modules, and one
    /// full collection runs (_PyGC_CollectNoFail), calling the finalizers of what is left in
    /// the collector's order.
    ///
    /// How `__main__`'s namespace dies depends on how CPython was started. Run as a script,
    /// the module dies by reference counting (its entries released in dict order, weakref
    /// callbacks called) unless functions' globals keep it in a cycle. At the REPL, site's
    /// readline set-up has imported rlcompleter, whose globals hold `__main__` and which is
    /// itself cyclic (its functions' globals), so `__main__` and everything only it holds are
    /// garbage of that last collection: a weak reference it holds to an object it holds is
    /// cleared without its callback being called (handle_weakrefs), and finalizers run in the
    /// collector's order, not the dict's (measured on all five versions:
    /// Corpus/classes/exit_main_garbage).
    ///
    /// Divergence: CPython then clears the globals of modules still alive
    /// (`_PyModule_ClearDict`); heapbook's `__main__` is never kept alive past that collection,
    /// so that step has nothing to do here.
    public func finalize() -> ExecutionResult {
        Session.onLargeStack {
            let i = self.interp
            let heap = i.heap
            i.stdout = ""; i.stderr = ""
            // _PyAtExit_Call comes first, before finalize_modules clears `_` and `__main__`.
            // A refusal there ends the session: what shutdown prints after it may not follow.
            do { try i.runAtexitCallbacks() } catch let u as UnsupportedAtRuntime {
                var result = ExecutionResult(stdout: i.stdout, stderr: i.stderr)
                result.unsupported = UnsupportedConstruct(u.what, line: 0, column: 0, fullMessage: u.fullMessage)
                i.stdout = ""; i.stderr = ""
                return result
            } catch {}
            if heap.gcEnabled { _ = heap.collect(generation: 2) }
            if let underscore = i.nameCache["_"], (try? i.dictGet(i.builtinsDict, underscore)) != nil {
                try? i.dictSet(i.builtinsDict, underscore, heap.none)
            }
            if let previous = i.lastTraceback { i.lastTraceback = nil; i.releaseException(previous) }
            i.skippedPythonCode = false
            // rlcompleter's part at the REPL: a cycle holding the module (taking over
            // sys.modules' reference), garbage once sys.modules lets go of it.
            if !i.scriptStartup, let holder = try? heap.newList(ListStorage(exactly: [i.mainModule]), usingFreeList: false) {
                heap.incref(holder)
                if (try? i.listAppendStealing(holder, holder)) == nil { heap.decref(holder) }
                heap.decref(holder)
            } else { heap.decref(i.mainModule) }
            _ = heap.collect(generation: 2)
            var result = ExecutionResult(stdout: i.stdout, stderr: i.stderr)
            // Its finalizers did not run if CPython may have collected that garbage earlier
            // (`Heap.judgeGarbage`): what they print at exit is not known, so it is refused.
            do { try i.refuseUntimelyCollection() } catch let u as UnsupportedAtRuntime where i.skippedPythonCode {
                result.unsupported = UnsupportedConstruct(u.what, line: 0, column: 0, fullMessage: u.fullMessage)
            } catch {}
            if result.unsupported == nil, let u = i.pendingRefusal {
                result.unsupported = UnsupportedConstruct(u.what, line: 0, column: 0, fullMessage: u.fullMessage)
            }
            if let u = i.refuseTrashcanOrder(), result.unsupported == nil {
                result.unsupported = UnsupportedConstruct(u.what, line: 0, column: 0, fullMessage: u.fullMessage)
            }
            i.pendingRefusal = nil
            i.stdout = ""; i.stderr = ""
            return result
        }
    }

    /// Whether `source` is a complete interactive statement yet.
    public static func completeness(of source: String) -> Completeness {
        onLargeStack { interactiveCompleteness(source) }
    }

    private func run(_ source: String, filename: String, interactive: Bool) -> ExecutionResult {
        interp.installStartupObjects(interactive: !interp.scriptStartup)
        // The shared objects' measured start-up counts differ between CPython's REPL and a
        // script (StartupRefcounts); a chapter's script block is exec() at the REPL.
        if !provisionalStartupRefcounts { interp.heap.rebaseStartupRefcounts(interp.scriptStartup ? .script : .interactive) }
        // The parser recurses once per nesting level too (up to `ParserLimits`: 200 brackets
        // take more than 8 MiB of stack in a debug build).
        return Session.onLargeStack { self.parseAndRun(source, filename: filename, interactive: interactive) }
    }

    private func parseAndRun(_ source: String, filename: String, interactive: Bool) -> ExecutionResult {
        // CPython's parser arena lists (Heap.trackParserArenas): a chapter's script block is
        // `exec(SOURCE)` typed at the prompt, whose statement has an arena of its own.
        interp.heap.trackParserArenas(interactive || interp.scriptStartup ? 1 : 2)
        // A script is compiled before it runs; at the prompt each statement is compiled (the
        // tokenizer's buffers, the parser's arena, code objects) while tracing.
        interp.heap.tracemalloc.noteUnknown("a statement was compiled at the prompt (the tokenizer, parser arena and code "
            + "objects are not modelled block for block; at the prompt the numbers are answered within the line that called start())")
        interp.heap.beginCompilation()
        if !interactive && !interp.scriptStartup { interp.execObjectsUnmodelled = true }
        defer { interp.heap.untrackParserArenas() }
        let stmts: [Stmt]
        var numberParses = NumberTokenParses()
        do {
            let limits = ParserLimits(profile)
            stmts = interactive ? try Parser.parseInteractive(source, limits: limits, numberParses: &numberParses)
                : try Parser.parseModule(source, filename: filename, limits: limits, numberParses: &numberParses)
        } catch {
            switch error {
            case .syntax(let e): return syntaxFailure(e, filename: filename)
            case .unsupported(let u): return ExecutionResult(unsupported: u)
            }
        }
        return execute(stmts, numberParses: numberParses, source: source, filename: filename, interactive: interactive)
    }

    /// The result of source that is not Python: CPython's SyntaxError report, or a refusal.
    public func syntaxFailure(_ e: SyntaxError, filename: String) -> ExecutionResult {
        // Profile.pegSyntaxErrors: the engine knows the input is not Python, but not how the
        // LL(1) parser of 3.6/3.8 words it.
        guard profile.pegSyntaxErrors else {
            return ExecutionResult(unsupported: UnsupportedConstruct(
                "SyntaxError", line: e.line, column: e.offset,
                fullMessage: "heapbook does not model the SyntaxError messages of CPython \(profile.version)'s LL(1) parser"
                    + " (3.11 would say: \(e.kind.rawValue): \(e.message))"))
        }
        let text = interp.formatSyntaxError(e, filename: filename)
        // At the prompt the SyntaxError stays as sys.last_value (Heap.lastValueIsSyntaxError).
        if !interp.scriptStartup { interp.heap.lastValueIsSyntaxError = true }
        return ExecutionResult(stderr: text, exception: "\(e.kind.rawValue): \(e.message)")
    }

    /// Lines the REPL read as empty statements (blanks or a comment: a `pass` to CPython's
    /// parser, compiled and run). 3.13 registers their lines with linecache as it does any
    /// statement's, so they count in the next statement's `<stdin>-N`.
    public func noteEmptyStatements(_ sources: [String]) {
        if !sources.isEmpty {
            interp.heap.tracemalloc.noteUnknown("the prompt read more input (the tokenizer's buffers are not modelled)")
        }
        guard interp.profile.replCachesSourceLines else { return }
        for source in sources { interp.cacheSourceLines(source, filename: "<stdin>") }
    }

    private func execute(_ stmts: [Stmt], numberParses: NumberTokenParses, source: String, filename: String,
                         interactive: Bool) -> ExecutionResult {
        let i = interp
        // 3.13's REPL compiles statement N as `<stdin>-N` and registers its lines with
        // linecache under that name, so tracebacks show the source of any statement.
        let replFilename = filename
        var filename = filename
        if interactive && i.profile.replCachesSourceLines {
            filename += "-\(i.linecacheEntries)"
            i.sourceFiles[filename] = source.split(separator: "\n", omittingEmptySubsequences: false)
        }
        i.stdout = ""; i.stderr = ""
        i.resetSteps()
        // The compiler's own GC allocations (Heap.gcThresholdCheck, Profile.compileWorkingSet).
        i.heap.gcThresholdCheck()
        let collectionsBefore = i.heap.gc.stats.reduce(0) { $0 + $1.collections }
        let compiler = Compiler(interp: i, filename: filename)
        compiler.numberParses = numberParses
        let code: CodeObject
        let codeRef: ObjectRef
        do {
            (code, codeRef) = try i.heap.withCompilerReserve {
                let code = try CodeGen.compileModule(compiler, stmts, interactive: interactive)
                return (code, try compiler.makeCode(code))
            }
        } catch let e as SyntaxError {
            compiler.finishCompiling(); compiler.releaseArena()
            return syntaxFailure(e, filename: filename)
        } catch let u as UnsupportedConstruct {
            compiler.finishCompiling(); compiler.releaseArena()
            return ExecutionResult(unsupported: u)
        } catch let e as PyException {
            // Out of memory even with the reserve (a MemoryError is the only Python error
            // compiling raises).
            compiler.finishCompiling(); compiler.releaseArena()
            i.releaseException(e)
            return ExecutionResult(stderr: "MemoryError\n", exception: "MemoryError")
        } catch {
            compiler.finishCompiling(); compiler.releaseArena()
            return ExecutionResult(stderr: "\(error)\n", exception: "\(error)")
        }
        compiler.finishCompiling()
        if let e = i.profile.compileCountError {
            i.heap.countMayDiffer(by: e.statement + e.function * compiler.functionsCompiled + e.classBody * compiler.classBodiesCompiled)
        }
        let mayWarn = compiler.warned || Compiler.sourceMayWarn(source)
        if i.scriptStartup, !interactive, mayWarn, i.profile.scriptWarningLeavesGarbage, i.unmodelledGarbage == nil {
            i.unmodelledGarbage = "the cyclic garbage CPython \(i.profile.version) leaves showing a warning about the script's "
                + "source (or one heapbook cannot rule out)"
        }
        // A script (`python3 FILE`) whose compilation is bounded (Heap.startWithBoundedCount):
        // not where the engine itself collected while compiling, nor after a warning.
        if i.scriptStartup, !interactive, let b = i.profile.scriptCountBound, !mayWarn,
           i.heap.gc.stats.reduce(0, { $0 + $1.collections }) == collectionsBefore {
            i.heap.startWithBoundedCount(upTo: b.bound(bytes: source.utf8.count, units: 1 + compiler.unitsEntered,
                                                       keyNodes: compiler.keyNodes))
        }
        if i.profile.parserArenaLiteralsVary && i.profile.immortalRefcount == nil && !provisionalStartupRefcounts {
            i.heap.runningLiterals = compiler.literalsOfUnknownCount()
        }
        if i.profile.immortalRefcount == nil && !provisionalStartupRefcounts {
            // The parser's arena also holds the statement's identifiers while it runs (3.6/3.8
            // ast.c's NEW_IDENTIFIER: one reference per occurrence; 3.11's
            // _PyPegen_new_identifier: more with backtracking), which the engine does not
            // count: the interned str of a name in the running code has its count refused.
            // Measured with k the interned 'zq' (an instance attribute's key): `p.zq;
            // sys.getrefcount(k)` is 6 on 3.6.15 and 3.8.18, 10 on 3.11.7, where the engine
            // said 5.
            i.heap.runningLiterals.formUnion(Session.identifiers(in: source).compactMap { i.heap.interned[$0] })
        } else if i.profile.immortalRefcount != nil && !i.profile.internedStringsImmortal {
            i.compiledIdentifiers.formUnion(Session.identifiers(in: source))
        }
        if interactive && i.profile.replCachesSourceLines { i.cacheSourceLines(source, filename: replFilename) }
        let frame = Frame(code: code, globals: i.mainDict, namespace: i.mainDict)
        // PyEval_EvalCode (3.11+) runs the code through a new function object, released
        // after the run unless the frame of an exception keeps it.
        var moduleFunction = i.profile.lazyFrameObjects
            ? try? i.newFunction(codeRef: codeRef, globals: i.mainDict, defaults: nil) : nil
        // The frame's own references to the namespace, f_locals (and f_globals before 3.11,
        // when frames were objects): `sys.getrefcount(globals())` is 4 at the prompt on
        // 3.6.15-3.13.0. So `__main__`'s dict is reachable from outside while a statement
        // runs, which decides the collector's list order. The traceback keeps the frame.
        var frameReferences = [i.mainDict] + (i.profile.lazyFrameObjects ? [] : [i.mainDict])
        frameReferences.forEach(i.heap.incref)
        var result = ExecutionResult()
        do {
            // No exception is being handled at the prompt: a run that stopped (a limit, a
            // refusal) inside a handler did not restore the one before.
            if let handled = i.handledException { i.handledException = nil; i.heap.decref(handled) }
            i.evalBreaker()   // the module code's RESUME
            _ = try CEval(i).run(frame)
        } catch var e as PyException {
            i.leaveFrame(&e, code: code, line: frame.line, function: "<module>", position: frame.position)
            if let f = moduleFunction { e.keptAlive.append(f); moduleFunction = nil }
            e.keptAlive += frameReferences
            frameReferences = []
            // A refused argument's text is not printed (the refusal is pending, below).
            if let t = i.shownTraceback(e) { i.stderr += t }
            result.exception = i.printedExceptionLine(e)
            // Printing it allocates (3.13: in Python code) what the engine does not model.
            i.heap.countMayDiffer(by: i.profile.compileCountError?.uncaughtError ?? 0)
            // ... and keeps the failed statement's code object alive through
            // sys.last_traceback (3.6.15, 3.8.18: its co_consts tuple is tracked). Measured:
            // after `len(1, 2)` at the prompt, len(gc.get_objects()) counts 4 more objects on
            // 3.6.15 and 3.8.18 and 8 more on 3.13.0 than the engine made.
            if (i.profile.compileCountError?.uncaughtError ?? 0) > 0, i.unmodelledCollectorObjects == nil {
                i.unmodelledCollectorObjects = "every object CPython \(i.profile.version) keeps after an error reached "
                    + "the prompt (the failed statement's code object, what printing the traceback made)"
            }
            // sys.last_value / sys.last_traceback keep the exception (and its frames) alive
            // until the next one.
            let previous = i.lastTraceback
            i.lastTraceback = e
            i.heap.lastValueIsSyntaxError = false
            if let previous { i.releaseException(previous) }
        } catch var stop as RunStopped {
            stop.traceback.append(TracebackEntry(filename: filename, line: frame.line, function: "<module>"))
            i.stderr += i.formatTraceback(stop.traceback, lastLine: stop.message)
            result.exception = stop.message
            result.stopped = true
        } catch let u as UnsupportedAtRuntime {
            result.unsupported = UnsupportedConstruct(u.what, line: frame.line, column: 0, fullMessage: u.fullMessage)
        } catch {
            i.stderr += "\(error)\n"
            result.exception = "\(error)"
        }
        // A refusal inside a finalizer or weakref callback (they cannot unwind a dealloc).
        if let u = i.pendingRefusal {
            i.pendingRefusal = nil
            if result.unsupported == nil {
                result.unsupported = UnsupportedConstruct(u.what, line: frame.line, column: 0, fullMessage: u.fullMessage)
            }
        }
        if let u = i.refuseTrashcanOrder(), result.unsupported == nil {
            result.unsupported = UnsupportedConstruct(u.what, line: frame.line, column: 0, fullMessage: u.fullMessage)
        }
        // An automatic collection that found garbage at a moment CPython's may not have.
        if result.unsupported == nil, i.heap.gc.untimelyGarbage {
            do { try i.refuseUntimelyCollection() } catch let u as UnsupportedAtRuntime {
                result.unsupported = UnsupportedConstruct(u.what, line: frame.line, column: 0, fullMessage: u.fullMessage)
            } catch {}
        }
        frameReferences.forEach(i.heap.decref)
        if let moduleFunction { i.heap.decref(moduleFunction) }
        i.heap.decref(codeRef)
        compiler.releaseArena()
        result.stdout = i.stdout
        result.stderr = i.stderr + result.stderr
        i.stdout = ""; i.stderr = ""
        return result
    }

    /// Runs `body` on a thread with a large stack: deep Python recursion (up to the
    /// recursion limit) nests many Swift frames. One such thread serves every session.
    static func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        BigStackExecutor.shared.run(body)
    }
}

extension Session {
    /// The identifiers of `source`: its name tokens, and the words of its f-strings'
    /// replacement fields (an over-approximation: any word of an f-string).
    static func identifiers(in source: String) -> Set<String> {
        var names: Set<String> = []
        for t in Lexer.tokens(source) {
            if t.kind == .name { names.insert(t.text); continue }
            guard t.kind == .string, t.text.prefix(while: { $0 != "'" && $0 != "\"" }).lowercased().contains("f") else { continue }
            var word = ""
            for ch in t.text.unicodeScalars {
                let letter = ch == "_" || ("a"..."z").contains(ch) || ("A"..."Z").contains(ch) || ch.value > 127
                if letter || (!word.isEmpty && ("0"..."9").contains(ch)) {
                    word.unicodeScalars.append(ch)
                } else {
                    if !word.isEmpty { names.insert(word) }
                    word = ""
                }
            }
            if !word.isEmpty { names.insert(word) }
        }
        return names
    }
}
