import HeapEngine

// Mirrors Objects/genobject.c: a generator owns the frame of its function's call and runs
// it a piece at a time.
//
// Calling a generator function (CO_GENERATOR) binds the arguments in a new frame, as any call
// does, and RETURN_GENERATOR hands that frame to a new generator object instead of running
// it. From 3.11 the frame lives inside the generator (PyGenObject's gi_iframe: one slot per
// local and value-stack entry, so `sys.getsizeof` depends on co_stacksize) and holds the
// function (f_func); before, the frame is a frame object of its own (gi_frame, counted by
// Heap+FrameObjects.swift; its block is not modelled) that holds the globals, not the
// function. Measured sizes (`sys.getsizeof((x for x in range(10)))`): 96 (3.6.15), 112
// (3.8.18), 200 (3.11.7), 192 (3.12.1, 3.13.0).
//
// Each `next()` or `send()` resumes the frame in a CEval of its own (as gen_send_ex enters
// _PyEval_EvalFrame) with the sent value pushed; YIELD_VALUE saves the value stack and the
// instruction and hands the value out. The frame ends like any frame: RETURN_VALUE (the
// generator is exhausted: StopIteration), or an exception, which leaves the traceback
// holding the frame.
//
// `yield from` delegates with SEND (CEval), the subiterator kept on the frame's stack.
//
// Not modelled, and refused: generator functions with `try` or `with` (closing such a
// generator runs its handlers), `yield` inside a method call's arguments, `throw()`,
// `gi_frame`, and `yield from` before 3.11. gi_name and gi_qualname hold the function's name strs in CPython; the engine
// does not count those references.

final class GenObject: NativeReferents {
    enum State { case created, suspended, running, completed }

    unowned let interp: Interpreter
    let frame: Frame
    /// The function (f_func) from 3.11; nil before (the frame object holds f_globals).
    var function: ObjectRef?
    /// gi_code (f_code from 3.11).
    var codeRef: ObjectRef?
    var state = State.created
    /// FRAME_CLEARED: the frame's references are gone (3.12+ mark a generator they close
    /// without running it exhausted, and keep its frame until it dies).
    var frameCleared = false
    /// Where the frame resumes: the POP_TOP after RETURN_GENERATOR, then after each
    /// YIELD_VALUE.
    var pc = 1
    /// The frame's value stack while it is suspended (owned).
    var stack: [ObjectRef] = []
    /// Set by YIELD_VALUE for the resume that is running.
    var yielded = false
    /// Suspended inside a `yield from` (the subiterator on top of `stack`: gi_yieldfrom).
    var delegating = false
    /// sys.getsizeof: nil where co_stacksize is not known (`Bytecode.stackDepth`).
    let size: Int?

    init(interp: Interpreter, frame: Frame, size: Int?) {
        self.interp = interp; self.frame = frame; self.size = size
    }

    /// gen_traverse: the code, then (while the frame is not cleared) its function, its
    /// globals (before 3.11), its locals and its stack.
    func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let codeRef { body(codeRef) }
        guard !frameCleared else { return }
        if let function { body(function) }
        if !interp.profile.lazyFrameObjects { body(frame.globals) }
        for case let r? in frame.locals { body(r) }
        stack.forEach(body)
    }

    /// gen_dealloc: a frame not yet cleared is cleared (a suspended one is first closed:
    /// GeneratorExit unwinds its stack, top first); then the code goes.
    func releaseReferences(in heap: Heap) {
        if !frameCleared {
            interp.refuseClosingWeakSetIterator(self)
            while let r = stack.popLast() { heap.decref(r) }
            interp.clearGeneratorFrame(self)
        }
        if let c = codeRef { codeRef = nil; heap.decref(c) }
    }
}

extension Interpreter {
    /// A call of a generator function: consumes the function reference and the arguments,
    /// as `CEval.enterFrame` does, and returns the new generator.
    /// `pushed`: as `callFunction`'s, run once the arguments are bound (RETURN_GENERATOR, which
    /// makes the generator, runs in the pushed frame).
    func makeGenerator(_ fnRef: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)],
                       pushed: (() -> Void)? = nil) throws -> ObjectRef {
        guard case .function(let fn) = heap.payload[Int(fnRef)], let code = fn.code as? CodeObject,
              let bytecode = code.bytecode else { preconditionFailure("not generator code") }
        bytecode.assemble(code)
        // Lib/_weakrefset.py's WeakSet.__iter__ (`with _IterationGuard(self): for ...: yield`,
        // WeakrefWeakSet.swift) and Lib/weakref.py's WeakKeyDictionary.keys, items and values
        // (WeakrefWeakKeyDictionary.swift) are the one exception: their handler is the
        // `with`'s, which catches nothing (`__exit__` returns None), an exception leaving it is
        // refused (`genSend`), and so is closing it while it is suspended inside the `with`
        // (`genClose`), which would run `__exit__`.
        if !bytecode.exceptionTable.isEmpty && !Interpreter.isIterationGuardedFile(code.filename) {
            // Closing such a generator runs its handlers; a caught exception's traceback
            // shares its frame.
            heap.decref(fnRef); args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            pushed?()
            throw notModelled("a generator function with try or with")
        }
        let frame = Frame(code: code, globals: fn.globals, namespace: nil)
        newFrameObject(frame)
        if !profile.lazyFrameObjects { heap.incref(fn.globals) }
        do { try bindArguments(frame, fn, code, args, kwargs) } catch {
            clearFrame(frame, fnRef)
            pushed?()
            throw error
        }
        pushed?()
        do { try checkRecursionDepth() } catch {
            clearFrame(frame, fnRef)
            throw error
        }
        let layout = layouts.generator
        var size: Int? = layout.basicSize + heap.typeInfo(heap.builtinType(.generator)).preHeaderSize
        var extra = 0
        if layout.itemSize > 0 {
            // From 3.11 the frame's slots follow the header: its locals (cells and free
            // variables included) and co_stacksize; 3.12+ wrap the body in a handler that
            // needs two.
            if let depth = bytecode.stackDepth(generator: true, kwnamesOnStack: profile.minor >= 13) {
                let stackSize = profile.minor >= 12 ? max(depth, 2) : depth
                extra = layout.itemSize * (frame.locals.count + stackSize)
                size! += extra
            } else {
                // Its block is then not CPython's size either: later addresses may differ.
                size = nil
                extra = layout.itemSize * frame.locals.count
                unknownBlockSizes = "a generator's block, whose size depends on a co_stacksize heapbook does not know, "
                    + "may be in another size class than CPython's"
            }
        }
        let gen = GenObject(interp: self, frame: frame, size: size)
        let r: ObjectRef
        do { r = try heap.newNativeObject(type: heap.builtinType(.generator), gen, extraSize: extra) } catch {
            clearFrame(frame, fnRef)
            throw memoryError()
        }
        if !profile.lazyFrameObjects { liveGeneratorFrames += 1 }
        heap.incref(fn.codeRef)
        gen.codeRef = fn.codeRef
        if profile.lazyFrameObjects { gen.function = fnRef } else { heap.decref(fnRef) }
        return r
    }

    func generator(_ r: ObjectRef) -> GenObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? GenObject }
        return nil
    }

    /// gen_send_ex: resumes `gen` with `value` (borrowed). Returns the next item (a new
    /// reference), or nil once the generator returns (its return value in `returned`).
    func genSend(_ r: ObjectRef, _ gen: GenObject, _ value: ObjectRef) throws -> (item: ObjectRef?, returned: ObjectRef?) {
        switch gen.state {
        case .completed: return (nil, nil)
        case .running: throw error("ValueError", "generator already executing")
        case .created where value != heap.none:
            throw error("TypeError", "can't send non-None value to a just-started generator")
        case .created, .suspended: break
        }
        try checkRecursionDepth()
        depth += 1
        defer { depth -= 1 }
        gen.state = .running
        gen.yielded = false
        heap.incref(r)   // the running frame's generator stays alive while it runs
        defer { heap.decref(r) }
        heap.incref(value)
        let stack = gen.stack
        gen.stack = []
        do {
            _ = try CEval(self).resume(gen, stack: stack + [value])
        } catch var e as PyException {
            if heap.typeInfo(of: e.exception).name == "StopIteration" {
                // PEP 479 (3.7+) turns it into RuntimeError('generator raised StopIteration'),
                // chained to it; 3.6 lets it end the iteration. Neither is modelled.
                releaseException(e)
                gen.state = .completed
                throw notModelled("StopIteration raised inside a generator")
            }
            // The exception leaves the generator's frame: the traceback holds it (and its
            // locals), the generator is exhausted.
            gen.state = .completed
            if Interpreter.isIterationGuardedFile(gen.frame.code.filename) {
                // CPython's traceback would name the installed Lib/_weakrefset.py (or weakref.py)
                // and its lines.
                releaseException(e)
                let lib = gen.frame.code.filename == Interpreter.weakrefsetModuleFile ? "_weakrefset.py" : "weakref.py"
                throw notModelled("an exception raised through Lib/\(lib)'s \(gen.frame.code.qualname)()",
                                  because: "its traceback names CPython's installed \(lib), which heapbook stands in for")
            }
            gen.frameCleared = true
            if !profile.lazyFrameObjects { liveGeneratorFrames -= 1 }
            leaveFrame(&e, code: gen.frame.code, line: gen.frame.line, function: gen.frame.code.name, position: gen.frame.position)
            for i in gen.frame.locals.indices {
                if let l = gen.frame.locals[i] { gen.frame.locals[i] = nil; e.keptAlive.append(l) }
            }
            if let f = gen.function { gen.function = nil; e.keptAlive.append(f) }
            if !profile.lazyFrameObjects { e.keptAlive.append(gen.frame.globals) }
            deallocFrameObject(gen.frame, keptByTraceback: true)
            throw e
        } catch {
            gen.state = .completed   // a refusal or a stop: the session ends
            throw error
        }
        if gen.yielded {
            gen.state = .suspended
            return (gen.frame.returnValue, nil)
        }
        gen.state = .completed
        let result = gen.frame.returnValue
        clearGeneratorFrame(gen)
        return (nil, result)
    }

    /// _PyFrame_Clear of a generator's frame: its locals in order, then (3.11+) the
    /// function, or (before) the globals and the frame object.
    func clearGeneratorFrame(_ gen: GenObject) {
        gen.state = .completed
        guard !gen.frameCleared else { return }
        gen.frameCleared = true
        if !profile.lazyFrameObjects { liveGeneratorFrames -= 1 }
        let frame = gen.frame
        for i in frame.locals.indices {
            if let r = frame.locals[i] { frame.locals[i] = nil; heap.decref(r) }
        }
        if !profile.lazyFrameObjects { heap.decref(frame.globals) }
        deallocFrameObject(frame)
        if let f = gen.function { gen.function = nil; heap.decref(f) }
    }

    /// _PyGen_Finalize, for a generator the collector finds unreachable or that dies:
    /// gen_close of one not exhausted. Before 3.12 that throws GeneratorExit in (at the
    /// start of a generator not started), which unwinds the frame: its stack, then its
    /// locals (measured: a generator holding the instance that holds it, `del n;
    /// gc.collect()` finds 0 on 3.8.18 and 3.11.7; the cycle died of its refcounts). 3.12+
    /// mark a generator not started exhausted and keep its frame (2 found on 3.12.1:
    /// the instance and the generator); one suspended at a yield outside any try has its
    /// locals cleared (0 found). The GeneratorExit instance, and the traceback and frame
    /// objects its unwinding makes, are freed before gen_close returns.
    func genFinalize(_ gen: GenObject) {
        guard gen.state == .created || gen.state == .suspended, !gen.frameCleared else { return }
        if profile.minor < 8 {
            // 3.6 counts the collector's garbage before finalizers run, the frame object
            // (not modelled) with it.
            generatorFrameInGarbage = true
        }
        genClose(gen)
    }

    /// gen_close of a generator not started or suspended at a yield (outside any try: the
    /// engine refuses generators with handlers, but WeakSet.__iter__'s `with`, whose close
    /// while suspended would run `_IterationGuard.__exit__`: refused).
    func genClose(_ gen: GenObject) {
        guard gen.state == .created || gen.state == .suspended, !gen.frameCleared else { return }
        refuseClosingWeakSetIterator(gen)
        if gen.state == .suspended && gen.delegating, let receiver = gen.stack.last {
            // gen_close_iter: a subgenerator is closed first; another iterator's close() is
            // looked up (the builtin ones have none; a class's would run: refused). Then
            // GeneratorExit is thrown in at the yield, inside the `yield from`'s own handler
            // on 3.12+ (so never their fast path): the stack unwinds top first (the
            // subiterator goes), then the locals, as before 3.12.
            if let inner = generator(receiver) {
                genClose(inner)
            } else if case .instance = heap.payload[Int(receiver)], pendingRefusal == nil {
                pendingRefusal = notModelled("closing a generator suspended in 'yield from' over an instance")
            }
            heap.peakMayExceed(by: 3)
            while let r = gen.stack.popLast() { heap.decref(r) }
            clearGeneratorFrame(gen)
            return
        }
        if profile.minor >= 12 {
            // The fast path: no frame to run. _PyFrame_ClearLocals empties a suspended one
            // (its locals, then its stack, in slot order); the rest waits for gen_dealloc.
            if gen.state == .suspended {
                let frame = gen.frame
                for i in frame.locals.indices {
                    if let r = frame.locals[i] { frame.locals[i] = nil; heap.decref(r) }
                }
                let stack = gen.stack
                gen.stack = []
                stack.forEach(heap.decref)
            }
            gen.state = .completed
            return
        }
        heap.peakMayExceed(by: 3)
        while let r = gen.stack.popLast() { heap.decref(r) }
        clearGeneratorFrame(gen)
    }

    /// A WeakSet (WeakKeyDictionary) iterator closed (or dropped) while suspended inside its
    /// `with`: CPython's GeneratorExit runs `_IterationGuard.__exit__` (the guard leaves `_iterating`, pending
    /// removals are committed), which the engine does not model. Refused after the statement.
    func refuseClosingWeakSetIterator(_ gen: GenObject) {
        guard gen.state == .suspended, Interpreter.isIterationGuardedFile(gen.frame.code.filename),
              pendingRefusal == nil else { return }
        let weakSet = gen.frame.code.filename == Interpreter.weakrefsetModuleFile
        let what = weakSet ? "WeakSet" : String(gen.frame.code.qualname.split(separator: ".")[0])
        let method = weakSet ? "_weakrefset.py's WeakSet.__iter__" : "weakref.py's " + gen.frame.code.qualname
        pendingRefusal = notModelled("closing a \(what) iterator before its end",
                                     because: "GeneratorExit would run _IterationGuard.__exit__ in Lib/\(method), "
                                         + "which heapbook does not model")
    }

    /// FOR_ITER and next() of a generator: the next item, or nil once it is exhausted (its
    /// return value dropped).
    func genNext(_ r: ObjectRef, _ gen: GenObject) throws -> ObjectRef? {
        let (item, returned) = try genSend(r, gen, heap.none)
        returned.map(heap.decref)
        return item
    }

    /// gen_methods: send and close (throw is not modelled); `__next__` is the tp_iternext
    /// slot's wrapper.
    func registerGeneratorMethods() {
        defineMethod(.generator, "send") { i, s, args, _ in try i.genSendOrStop(s!, args[0]) }
        defineMethod(.generator, "__next__") { i, s, _, _ in try i.genSendOrStop(s!, i.heap.none) }
        defineMethod(.generator, "close") { i, s, _, _ in
            let gen = i.generator(s!)!
            if gen.state == .running { throw i.error("ValueError", "generator already executing") }
            i.genClose(gen)
            try i.throwPendingRefusal()
            return i.heap.newNone()
        }
    }

    /// send(value) / __next__(): the next item, or StopIteration once it returns.
    func genSendOrStop(_ r: ObjectRef, _ value: ObjectRef) throws -> ObjectRef {
        let (item, returned) = try genSend(r, generator(r)!, value)
        if let item { return item }
        throw try raiseStopIteration(returned)
    }

    /// StopIteration for an exhausted generator: with its return value as the argument
    /// when that is not None (_PyGen_SetStopIterationValue). Consumes `returned`.
    func raiseStopIteration(_ returned: ObjectRef?) throws -> Error {
        guard let v = returned, v != heap.none else {
            returned.map(heap.decref)
            return try raiseNew("StopIteration", args: [])
        }
        return try raiseNew("StopIteration", args: [v])
    }
}
