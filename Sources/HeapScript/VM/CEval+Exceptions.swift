import HeapEngine

// Mirrors Python/ceval.c (3.11): exception_unwind (the exception table looked up, the stack
// cut to the handler's depth, then the jump), and the opcodes of handlers: PUSH_EXC_INFO,
// POP_EXCEPT, CHECK_EXC_MATCH, RERAISE, RAISE_VARARGS 0 (do_raise's bare `raise`), and
// those of `with`: BEFORE_WITH, WITH_EXCEPT_START.
//
// An exception in flight is a `PyException` (the Swift error); once a handler catches it,
// the exception object keeps its traceback (`Interpreter.catching`) and the stack holds the
// object, as CPython's does. Raising it again takes the traceback back (`Interpreter.raising`).

extension CEval {
    /// exception_unwind: for each frame from the innermost, the handler covering the failing
    /// instruction, if any, gets the exception; frames without one are left. Returns the
    /// error when no frame of this run handles it (RunStopped and refusals never are).
    func exceptionUnwind(_ frames: inout [Activation], _ raised: Error) -> Error? {
        var error = raised
        while let a = frames.last {
            if let inner = a.frame.inlinedFailure {
                (a.frame.line, a.frame.position) = inner
                a.frame.inlinedFailure = nil
            } else {
                a.frame.line = Int(a.bytecode.lines[a.pc])
                a.frame.position = a.bytecode.span(at: a.pc)
            }
            if var e = error as? PyException, let h = a.bytecode.handler(at: a.pc) {
                // PyTraceBack_Here: the frame's entry, once per raise in it.
                interp.leaveFrame(&e, code: a.code, line: a.frame.line, function: a.code.name, position: a.frame.position)
                popStack(to: a.base + h.depth)
                if h.lasti {
                    // 3.11+: the failing instruction's offset (in code units), as an int object.
                    // Before 3.11 the block stack held it, no object: the slot holds None.
                    let lasti = interp.profile.minor >= 11 ? try? interp.newInt(a.bytecode.codeUnitOffset(of: a.pc)) : nil
                    push(lasti ?? heap.newNone())
                }
                let exc = interp.catching(e)
                if let state = interp.exceptionState(exc) { a.frame.tracebackHolders.append(state) }
                push(exc)
                a.pc = h.target
                return nil
            }
            frames.removeLast()
            popStack(to: a.base)
            guard let function = a.function else { return error }
            error = leave(a, function, error)
        }
        return error
    }

    /// PUSH_EXC_INFO: [exc] becomes [prev_exc, exc]; exc is the exception being handled.
    func pushExcInfo() {
        let value = pop()
        push(interp.handledException ?? heap.newNone())
        heap.incref(value)
        interp.handledException = value
        push(value)
    }

    /// POP_EXCEPT: the exception handled before comes back (None: none).
    func popExcept() {
        let previous = pop()
        let current = interp.handledException
        if previous == heap.none {
            heap.decref(previous)
            interp.handledException = nil
        } else {
            interp.handledException = previous
        }
        current.map(heap.decref)
    }

    /// CHECK_EXC_MATCH: [exc, type] becomes [exc, bool], the type (or tuple of types) checked
    /// first (check_except_type_valid).
    func checkExcMatch() throws {
        let right = pop()
        defer { heap.decref(right) }
        let classes: [ObjectRef]
        if case .tuple(let items) = heap.payload[Int(right)] { classes = items } else { classes = [right] }
        for c in classes {
            guard case .type(let info) = heap.payload[Int(c)], info.kind == .exception else {
                throw interp.error("TypeError", "catching classes that do not inherit from BaseException is not allowed")
            }
        }
        let mro = heap.typeInfo(of: stack[stack.count - 1]).mro
        push(heap.newBool(classes.contains { mro.contains($0) }))
    }

    /// RERAISE: the exception goes on with its traceback; this frame's entry is in it already.
    func reraise(_ exc: ObjectRef) -> PyException {
        var e = interp.raising(exc)
        e.frameRecorded = true
        return e
    }

    /// A bare `raise`: the exception being handled goes on as it is, without an entry for
    /// this frame (do_raise returns to exception_unwind past PyTraceBack_Here).
    func reraiseHandled() -> PyException {
        guard let handled = interp.handledException else {
            return interp.error("RuntimeError", "No active exception to reraise")
        }
        heap.incref(handled)
        return reraise(handled)
    }

    /// BEFORE_WITH: [mgr] becomes [exit, enter()]: __enter__ and __exit__ looked up on the
    /// type (bound methods, _PyObject_LookupSpecial), the manager released, then __enter__
    /// called.
    func beforeWith() throws {
        let mgr = stack[stack.count - 1]
        func special(_ name: String, missed: String) throws -> ObjectRef {
            // memory_enter / memory_exit: method descriptors, bound by the special lookup
            // (PyCFunction objects, as `m.__enter__` makes).
            if interp.heap.memoryView(mgr) != nil, let id = interp.methodTable[.memoryView]?[name] {
                heap.incref(mgr)
                return try interp.newBuiltinObject(BuiltinInfo(id: id, selfRef: mgr))
            }
            if let f = try interp.lookupSpecial(mgr, name) {
                guard case .function = heap.payload[Int(f)] else {
                    throw interp.notModelled("a context manager whose \(name) is not a function")
                }
                do { return try heap.newMethod(function: f, selfRef: mgr) } catch { throw interp.memoryError() }
            }
            try interp.refuseIfCPythonHas(name, on: mgr)
            // 3.11 made it a TypeError (gh-44096); before, special_lookup's AttributeError.
            if interp.profile.minor >= 11 {
                throw interp.error("TypeError", "'\(interp.typeName(mgr))' object does not support the context manager protocol" + missed)
            }
            throw interp.error("AttributeError", name)
        }
        let enter = try special("__enter__", missed: "")
        let exit: ObjectRef
        do { exit = try special("__exit__", missed: " (missed __exit__ method)") } catch { heap.decref(enter); throw error }
        stack[stack.count - 1] = exit
        heap.decref(mgr)
        defer { heap.decref(enter) }
        push(try interp.call(enter, [], []))
    }

    /// WITH_EXCEPT_START: [exit, lasti, prev_exc, exc] gets exit(type(exc), exc, tb) pushed,
    /// tb the exception's traceback (`Interpreter.tracebackObject`).
    func withExceptStart() throws {
        let exc = stack[stack.count - 1], exit = stack[stack.count - 4]
        let tb: ObjectRef? = try interp.tracebackObject(of: exc)
        // The arguments are borrowed from the stack (3.11: `stack + 1`; 3.6/3.8's
        // WITH_CLEANUP_START: the (tb, exc, type) the handler pushed): the callee's locals
        // are its only new references. From 3.11 the engine's call takes references it is
        // given. Before, the frame takes its own as well (`Profile.callerStackKeepsArguments`),
        // so the stack lends its references to the call and takes them back after it; the
        // traceback, which the engine's stack does not hold, gets the reference CPython's
        // stack has for the call's duration. 3.6 calls PyObject_CallFunctionObjArgs, whose
        // argument tuple holds one more reference to each (measured: `sys.getrefcount(exc)`
        // in __exit__ is 5 on 3.6.15, 4 on 3.8.18 and 3.11.7).
        let args = [heap.typeOf[Int(exc)], exc, tb!]
        let lends = interp.profile.callerStackKeepsArguments && interp.profile.minor >= 7
        let borrowed = lends ? [args[0], args[1]] : []
        lends ? heap.incref(tb!) : args.forEach(heap.incref)
        defer { borrowed.forEach(heap.incref) }
        do {
            push(try interp.call(exit, args, []))
        } catch let raised as PyException where interp.profile.minor < 11 {
            // 3.6/3.8 (WITH_CLEANUP_START) put another line than the engine's in the `with`
            // frame's traceback entry (3.8.18 measured); not modelled.
            interp.releaseException(raised)
            throw interp.notModelled("an exception raised by `__exit__`",
                                     because: "CPython \(interp.profile.version)'s traceback entry for the `with` statement is not modelled")
        }
    }
}
