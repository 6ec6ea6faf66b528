import HeapEngine

/// Calls: Python functions get a frame whose locals take over the argument references;
/// builtins borrow the arguments, which are released when they return.
extension Interpreter {
    /// Calls `callable` (borrowed) with `args` and `kwargs` (consumed).
    func call(_ callable: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        try refuseIfOpaque(callable)
        try refuseGenericAlias(callable, "calling")
        if heap.tracemalloc.tracing {
            // Builtins are judged in callBuiltin; Python functions allocate only what their code does.
            switch heap.payload[Int(callable)] {
            case .function, .builtin: break
            case .method(let fn, _) where heap.kind(fn) == .function: break
            case .type(let info):
                noteTracedCall("\(info.name)()", checked: !info.isHeapType && Interpreter.tracedTypesChecked.contains(info.kind)
                                   && tracedArgumentsChecked(info.name, args))
            default: noteTracedCall("\(typeName(callable)) object", checked: false)
            }
        }
        switch heap.payload[Int(callable)] {
        case .function:
            // A call from C (vectorcall): the frame takes a new reference to the function.
            heap.incref(callable)
            return try callFunction(callable, args, kwargs)
        case .builtin(let b):
            defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            try refuseCCallNearRecursionLimit()
            let result = try callBuiltin(b.id, b.selfRef, args, kwargs)
            evalBreaker()   // CALL's CHECK_EVAL_BREAKER after a C function
            return result
        case .method(let fn, let selfRef):
            // CALL unpacks a bound method into (function, self) on the stack.
            heap.incref(selfRef)
            heap.incref(fn)
            return try callFunction(fn, [selfRef] + args, kwargs)
        case .type(let info):
            do { try refuseCCallNearRecursionLimit() } catch {
                args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
                throw error
            }
            if info.isHeapType { return try instantiate(callable, args, kwargs) }
            if info.kind == .ctypesSimple {
                // Simple_init/GenericPyCData_new: only from_address is modelled (CtypesModule.swift).
                args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
                throw notModelled("ctypes.\(info.name)()", because: Interpreter.ctypesModelled)
            }
            if callable == heap.weakProxyType || callable == heap.weakCallableProxyType {
                // No tp_new: type_call's "cannot create '%s' instances".
                args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
                throw error("TypeError", "cannot create '\(info.name)' instances")
            }
            if let st = structSeqTypes[callable] {
                args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
                throw structSeqCallError(st, info)
            }
            if info.kind == .exception {
                defer { kwargs.forEach { heap.decref($0.1) } }
                return try newExceptionInstance(callable, args: args)
            }
            defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            let result = try callBuiltinType(info.kind, callable, args, kwargs)
            evalBreaker()
            return result
        case .native(let o as MethodWrapper):
            // wrapper_call through tp_call: the arguments packed into a tuple (none: the
            // empty tuple).
            defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            var tuples: [Int] = []
            if !args.isEmpty { tuples = Array(repeating: 0, count: args.count + 1); tuples[args.count] = 1 }
            let held = heap.takeFromFreeLists(FreeListCounts(tuples: tuples))
            defer { heap.releaseWorkingSet(held) }
            let result = try callSlotWrapper(o.slot, o.selfRef, args, kwargs)
            evalBreaker()
            return result
        case .instance where try lookupSpecial(callable, "__call__") != nil:
            defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            return try slotCall(callable, try lookupSpecial(callable, "__call__")!, args, kwargs)
        case .weakref where heap.isWeakProxy(callable):
            let result = try callWeakProxy(callable, args, kwargs)
            evalBreaker()
            return result
        case .native(let o as LruCacheObject):
            let result = try callLruCache(o, args, kwargs)
            evalBreaker()
            return result
        case .native(let o as PartialObject):
            let result = try callPartial(o, args, kwargs)
            evalBreaker()   // CALL's CHECK_EVAL_BREAKER after a call into C
            return result
        case .weakref(let w):
            defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            let target = w.referent ?? heap.none
            heap.incref(target)
            return target
        default:
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            if profile.funcWrappersCopyAttributes, let w = funcWrapper(callable), !w.isClassMethod {
                // sm_call: through tp_call with a packed argument tuple (not modelled).
                throw notModelled("calling a staticmethod object")
            }
            throw error("TypeError", "'\(typeName(callable))' object is not callable")
        }
    }

    /// `obj.name(args)`: LOAD_METHOD + CALL. `obj` and the arguments are consumed.
    /// What LOAD_METHOD (LOAD_ATTR before 3.7) leaves for `obj.attr(...)`, looked up before
    /// the arguments are evaluated, as ceval.c does: `a.missing(undefined)` raises
    /// AttributeError, not NameError (measured on 3.6.15-3.13.0).
    enum LoadedMethod {
        /// A Python function of the type (_PyObject_GetMethod's unbound method): the stack
        /// holds it and `obj` (meth, self); called with `obj` as its first argument.
        case function(ObjectRef)
        /// A builtin method of the type (a method descriptor, not a simulated object): the
        /// stack holds `obj` as self.
        case builtin(Int32)
        /// A slot wrapper of the type (3.8+, `Profile.loadMethodLeavesSlotWrappersUnbound`):
        /// the stack holds `obj` as self.
        case slotWrapper(Int32)
        /// Anything else (NULL, attr): the attribute's value; `obj`'s reference is released.
        case attribute(ObjectRef)
        /// `object.__setattr__(self, name, value)` (the generated `__init__` of a frozen
        /// dataclass): LOAD_METHOD finds object's wrapper_descriptor (NULL + attr), and CALL
        /// calls it through _PyObject_MakeTpCall (a tuple of the arguments) and
        /// wrapperdescr_call (a slice of it without self). The stack holds `object`.
        case unboundObjectSlot(Int32)
    }

    /// LOAD_METHOD: consumes `obj`'s reference for `.attribute` and when the lookup raises,
    /// else keeps it as self.
    func loadMethod(_ obj: ObjectRef, _ attr: String) throws -> LoadedMethod {
        let info = heap.typeInfo(of: obj)
        // A proxy's tp_getattro is not PyObject_GenericGetAttr: _PyObject_GetMethod gets the
        // attribute (a bound method of the referent).
        if heap.isWeakProxy(obj) {
            defer { heap.decref(obj) }
            return .attribute(try getAttr(obj, attr))
        }
        // collections.defaultdict: its member, or dict's plain methods; the rest is refused
        // (DefaultDictObject.swift).
        if heap.isDefaultDict(obj) || obj == heap.defaultDictTypeIfMade {
            let member: ObjectRef?
            do { member = try defaultDictAttribute(obj, attr) } catch { heap.decref(obj); throw error }
            if let member { heap.decref(obj); return .attribute(member) }
        }
        // collections.OrderedDict: its modelled methods (method descriptors, called unbound
        // with self), dict's `get`; the rest is refused (OrderedDictObject.swift).
        if heap.isOrderedDict(obj) || obj == heap.orderedDictTypeIfMade {
            if heap.isOrderedDict(obj), let id = orderedDictMethodID(attr) { return .builtin(id) }
            do { _ = try orderedDictAttribute(obj, attr) } catch { heap.decref(obj); throw error }
        }
        if obj == heap.builtinType(.object), ["__setattr__", "__getattribute__", "__delattr__"].contains(attr), let id = objectSlotTable[attr] {
            return .unboundObjectSlot(id)
        }
        let hooked: Bool
        do { hooked = try hasGetattrHook(obj) } catch { heap.decref(obj); throw error }
        if hooked {
            // tp_getattro is slot_tp_getattr_hook: _PyObject_GetMethod gets the attribute (a
            // bound method), which CALL unpacks (SlotTpGetattrHook.swift).
        } else if info.isHeapType, case .instance(let st) = heap.payload[Int(obj)] {
            let key = name(attr)
            let shadowed = try st.dict.map { try dictGet($0, key) != nil } ?? false
                || (st.attributes.map { $0.count > 0 && $0.value(forKey: key, hash: (try? hash(key)) ?? 0, isEqual: keysEqual) != nil } ?? false)
            if !shadowed, let fn = try lookupInType(heap.typeOf[Int(obj)], attr), case .function = heap.payload[Int(fn)] {
                heap.incref(fn)   // LOAD_METHOD's reference, handed to the frame
                return .function(fn)
            }
        } else if !info.isHeapType, case .module = heap.payload[Int(obj)] {
            // A module attribute is loaded, not bound.
        } else if info.isHeapType, info.kind != .instance, let v = try lookupInType(heap.typeOf[Int(obj)], attr) {
            // A list or dict subclass: the class's own entry shadows the builtin's method.
            if case .function = heap.payload[Int(v)] { heap.incref(v); return .function(v) }
        } else if let id = methodTable[info.kind]?[attr], !Interpreter.isClassMethod(info.kind, attr),
                  !(try functionDictHas(obj, attr)) {
            return .builtin(id)
        } else if profile.loadMethodLeavesSlotWrappersUnbound, !info.isHeapType,
                  let id = slotTable[info.kind]?[attr], !(try functionDictHas(obj, attr)) {
            return .slotWrapper(id)
        }
        let bound: ObjectRef
        do { bound = try getAttr(obj, attr) } catch { heap.decref(obj); throw error }
        heap.decref(obj)
        return .attribute(bound)
    }

    /// CALL of what `loadMethod` found: consumes the method's, `obj`'s (unless `.attribute`)
    /// and the arguments' references.
    func callLoadedMethod(_ method: LoadedMethod, _ obj: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        switch method {
        case .function(let fn):
            return try callFunction(fn, [obj] + args, kwargs)
        case .builtin(let id):
            defer { heap.decref(obj); args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            try refuseCCallNearRecursionLimit()
            let result = try callBuiltin(id, obj, args, kwargs)
            evalBreaker()
            return result
        case .slotWrapper(let id):
            defer { heap.decref(obj); args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            // _PyObject_MakeTpCall packs (self, *args); wrapperdescr_call slices args off it.
            var tuples = Array(repeating: 0, count: args.count + 2)
            tuples[args.count + 1] += 1
            if !args.isEmpty { tuples[args.count] += 1 }
            let held = heap.takeFromFreeLists(FreeListCounts(tuples: tuples))
            defer { heap.releaseWorkingSet(held) }
            let result = try callSlotWrapper(id, obj, args, kwargs)
            evalBreaker()
            return result
        case .unboundObjectSlot(let id):
            defer { heap.decref(obj); args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
            guard let selfRef = args.first, kwargs.isEmpty, heap.typeInfo(of: selfRef).isHeapType,
                  case .instance = heap.payload[Int(selfRef)] else {
                throw notModelled("object.\(slotWrappers[Int(id)].name) called with other than an instance of a class and positional arguments")
            }
            var tuples = Array(repeating: 0, count: args.count + 1)
            tuples[args.count] += 1
            tuples[args.count - 1] += 1
            let held = heap.takeFromFreeLists(FreeListCounts(tuples: tuples))
            defer { heap.releaseWorkingSet(held) }
            let result = try callSlotWrapper(id, selfRef, Array(args.dropFirst()), kwargs)
            evalBreaker()
            return result
        case .attribute(let bound):
            if case .method = heap.payload[Int(bound)] { return try callUnpackingMethod(bound, args, kwargs) }
            defer { heap.decref(bound) }
            return try call(bound, args, kwargs)
        }
    }

    /// CALL of a bound method that is not a LOAD_METHOD pair (3.11 PRECALL, 3.12+ CALL; 3.6
    /// and 3.8 call_function's "optimize access to bound methods"): its self and function
    /// take its place on the stack and the method is released before the call, so a method
    /// made for the call (`getattr(o, 'f')()`, `super().f()`) is gone while the function
    /// runs. Consumes `method`'s and the arguments' references.
    func callUnpackingMethod(_ method: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard case .method(let fn, let selfRef) = heap.payload[Int(method)] else { preconditionFailure("not a bound method") }
        heap.incref(selfRef)
        heap.incref(fn)
        heap.decref(method)
        return try callFunction(fn, [selfRef] + args, kwargs)
    }

    func callMethod(_ obj: ObjectRef, _ attr: String, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        let method: LoadedMethod
        do { method = try loadMethod(obj, attr) } catch {
            kwargs.reversed().forEach { heap.decref($0.1) }; args.reversed().forEach(heap.decref)
            throw error
        }
        return try callLoadedMethod(method, obj, args, kwargs)
    }

    /// _PyEvalFramePushAndInit for a Python function: consumes one reference to the
    /// function (the frame's f_func) and the arguments (its fast locals), runs the body,
    /// and clears the frame (locals released in index order, then the function).
    /// - Parameter fromC: called from C with borrowed arguments (slot_tp_init): the frame
    ///   takes references of its own while the caller keeps its, as every call does before
    ///   3.11 (`Profile.callerStackKeepsArguments`).
    /// - Parameter vectorcall: called from C through vectorcall with arguments the C caller
    ///   borrows (property_descr_get and property_descr_set; typeobject.c's slot_* functions
    ///   through vectorcall_method / call_unbound): `args` are the frame's own references
    ///   (consumed) in every version, and no caller's copies are kept besides.
    /// - Parameter borrowsFunction: the frame takes no reference to the function
    ///   (`Frame.borrowsFunction`); otherwise it consumes one.
    /// - Parameter pushed: run once the arguments are bound (or binding failed and the frame
    ///   is cleared), before the body starts: 3.12+'s CALL_FUNCTION_EX releases the argument
    ///   tuple and dict there (_PyEvalFramePushAndInit_Ex).
    func callFunction(_ fnRef: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)],
                      fromC: Bool = false, vectorcall: Bool = false, borrowsFunction: Bool = false,
                      pushed: (() -> Void)? = nil) throws -> ObjectRef {
        guard case .function(let fn) = heap.payload[Int(fnRef)], let code = fn.code as? CodeObject else {
            preconditionFailure("not a function")
        }
        if code.isGenerator {
            // The generator's frame takes its own references; the caller's go on return.
            let keeps = !vectorcall && (fromC || profile.callerStackKeepsArguments)
            if keeps { args.forEach(heap.incref); kwargs.forEach { heap.incref($0.1) } }
            defer { if keeps { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } } }
            // The generator takes a reference of its own (no Python code runs meanwhile).
            if borrowsFunction { heap.incref(fnRef) }
            return try makeGenerator(fnRef, args, kwargs, pushed: pushed)
        }
        let frame = Frame(code: code, globals: fn.globals, namespace: nil)
        frame.borrowsFunction = borrowsFunction
        newFrameObject(frame)
        // Before 3.11 the frame object holds f_globals (3.11+ borrow the function's).
        if !profile.lazyFrameObjects { heap.incref(fn.globals) }
        let framesOwnReferences = !vectorcall && (fromC || profile.callerStackKeepsArguments)
        if framesOwnReferences {
            // The frame's own references; the caller drops its copies on return.
            args.forEach(heap.incref); kwargs.forEach { heap.incref($0.1) }
        }
        defer {
            if framesOwnReferences { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
        }
        do {
            if code.filename == Interpreter.weakrefModuleFile {
                try refuseFinalizeKeywords(code, kwargs)
                try refuseWeakKeyDictKeywords(code, kwargs)
                try refuseWeakValueDictKeywords(code, kwargs)
            }
            try functoolsStandInEntered(code, kwargs)
            if code.filename == Interpreter.namedtupleModuleFile, code.name == "_replace", kwargs.contains(where: { $0.0 == "self" }) {
                throw notModelled("namedtuple._replace(self=...)", because: "heapbook's parser has no positional-only parameters")
            }
            try bindArguments(frame, fn, code, args, kwargs)
        } catch {
            clearFrame(frame, fnRef)
            pushed?()
            throw error
        }
        pushed?()
        do { try checkRecursionDepth() } catch {   // the module's frame counts too
            clearFrame(frame, fnRef)
            throw error
        }
        depth += 1
        defer { depth -= 1 }
        let flow: Flow
        do {
            evalBreaker()   // RESUME
            try step()
            flow = try CEval(self).run(frame)
        } catch var e as PyException {
            if code.filename == Interpreter.weakrefModuleFile {
                // CPython's traceback would name the installed Lib/weakref.py and its lines.
                releaseException(e)
                clearFrame(frame, fnRef)
                throw notModelled("an exception raised through Lib/weakref.py's \(code.qualname)()",
                                  because: "its traceback names CPython's installed weakref.py, which heapbook stands in for")
            }
            if code.filename == Interpreter.namedtupleModuleFile {
                // CPython's traceback would name the installed collections/__init__.py and its lines.
                releaseException(e)
                clearFrame(frame, fnRef)
                throw notModelled("an exception raised through a namedtuple's \(code.qualname)()",
                                  because: "its traceback names CPython's installed collections/__init__.py, which heapbook stands in for")
            }
            if code.filename == Interpreter.functoolsModuleFile {
                releaseException(e)
                clearFrame(frame, fnRef)
                throw functoolsStandInRaised(code)
            }
            if code.filename == Interpreter.copyModuleFile {
                // CPython's traceback would name the installed Lib/copy.py and its lines.
                releaseException(e)
                clearFrame(frame, fnRef)
                throw notModelled("an exception raised through Lib/copy.py's \(code.name)()",
                                  because: "its traceback names CPython's installed copy.py, which heapbook stands in for")
            }
            if code.filename == Interpreter.reprlibModuleFile {
                // CPython's traceback would name the installed Lib/reprlib.py and its lines.
                releaseException(e)
                clearFrame(frame, fnRef)
                throw notModelled("an exception raised through Lib/reprlib.py's \(code.qualname)()",
                                  because: "its traceback names CPython's installed reprlib.py, which heapbook stands in for")
            }
            if code.filename == Interpreter.weakrefsetModuleFile {
                // CPython's traceback would name the installed Lib/_weakrefset.py and its lines.
                releaseException(e)
                clearFrame(frame, fnRef)
                throw notModelled("an exception raised through Lib/_weakrefset.py's \(code.qualname)()",
                                  because: "its traceback names CPython's installed _weakrefset.py, which heapbook stands in for")
            }
            let live = frame.tracebackHolders.filter { $0.holdsTraceback }
            if !live.isEmpty {   // as CEval.leave
                guard frameKeeper(live, inFlight: exceptionState(e.exception)) != nil else {
                    releaseException(e)
                    clearFrame(frame, fnRef)
                    throw notModelled("an exception leaving a frame whose caught exception is still alive",
                                      because: "the frame object both tracebacks share is not modelled")
                }
                leaveFrame(&e, code: code, line: frame.line, function: code.name, position: frame.position)
                clearFrame(frame, fnRef)
                throw e
            }
            leaveFrame(&e, code: code, line: frame.line, function: code.name, position: frame.position)
            // The traceback keeps the frame, and with it the locals, alive.
            deallocFrameObject(frame, keptByTraceback: true)
            if !frame.borrowsFunction { e.keptAlive.append(fnRef) }
            for case let r? in frame.locals { e.keptAlive.append(r) }
            if !profile.lazyFrameObjects { e.keptAlive.append(frame.globals) }
            throw e
        } catch var stop as RunStopped {
            stop.traceback.append(TracebackEntry(filename: code.filename, line: frame.line, function: code.name))
            clearFrame(frame, fnRef)
            throw stop
        } catch {
            clearFrame(frame, fnRef)
            throw error
        }
        let result: ObjectRef
        if case .returned = flow { result = frame.returnValue } else { result = heap.newNone() }
        clearFrame(frame, fnRef)
        do { try throwPendingRefusal() } catch { heap.decref(result); throw error }
        return result
    }

    /// Whether `state`'s exception reaches `target`'s through `__context__`/`__cause__`.
    private func chains(from state: ExceptionState, to target: ExceptionState) -> Bool {
        var work = [state], seen: Set<ObjectIdentifier> = []
        while let s = work.popLast(), seen.insert(ObjectIdentifier(s)).inserted {
            for next in [s.context, s.cause].compactMap({ $0 }).compactMap(exceptionState) {
                if next === target { return true }
                work.append(next)
            }
        }
        return false
    }

    /// Of the caught exceptions alive when their frame ends (`live`, and `inFlight` raised out
    /// of it), the one that takes the frame's locals: CPython's frame object lives as long as
    /// the longest-lived of their tracebacks, so it must be one every other keeps alive (its
    /// __context__ or __cause__ chain leads to it). Nil when there is none (not modelled).
    func frameKeeper(_ live: [ExceptionState], inFlight: ExceptionState? = nil) -> ExceptionState? {
        let all = live + (inFlight.map { [$0] } ?? [])
        return live.first { k in all.allSatisfy { $0 === k || chains(from: $0, to: k) } }
    }

    /// Throws what `clearFrame` found it does not model (the run stops there).
    func throwPendingRefusal() throws {
        if let r = pendingRefusal { pendingRefusal = nil; throw r }
    }

    /// Before 3.11 (`Profile.lazyFrameObjects` false) every call makes or reuses a frame
    /// object, a GC object (HeapEngine's Heap+FrameObjects.swift), when its frame is set up.
    func newFrameObject(_ frame: Frame) {
        guard !profile.lazyFrameObjects else { return }
        heap.frameObjectNew(zombie: &frame.code.zombieFrame)
        frame.ownsFrameObject = true
    }

    /// frame_dealloc, once the frame's locals are released. A frame a traceback keeps is
    /// deallocated with the traceback, a moment the engine does not follow: calls made
    /// meanwhile cannot take it as their code's zombie, so the count may end one higher.
    func deallocFrameObject(_ frame: Frame, keptByTraceback: Bool = false) {
        guard frame.ownsFrameObject else { return }
        frame.ownsFrameObject = false
        heap.frameObjectDealloc(zombie: &frame.code.zombieFrame)
        if keptByTraceback { heap.countMayDiffer(by: 1) }
    }

    func clearFrame(_ frame: Frame, _ fnRef: ObjectRef) {
        // A caught exception that is still alive holds the frame through its traceback:
        // the frame object takes the locals (3.11's take_ownership; before, the frame
        // object was the frame), and they live as long as that exception.
        let live = frame.tracebackHolders.filter { $0.holdsTraceback }
        let keeper = frameKeeper(live)
        if keeper == nil && !live.isEmpty && pendingRefusal == nil {
            pendingRefusal = notModelled("two caught exceptions of one frame alive when it returns",
                                         because: "the frame object both tracebacks share is not modelled")
        }
        if let keeper = keeper ?? live.first {
            frame.tracebackHolders = []
            for i in frame.locals.indices {
                if let r = frame.locals[i] { frame.locals[i] = nil; keeper.keptAlive.append(r) }
            }
            if !profile.lazyFrameObjects { keeper.keptAlive.append(frame.globals) }
            if !frame.borrowsFunction { keeper.keptAlive.append(fnRef) }
            deallocFrameObject(frame, keptByTraceback: true)
            return
        }
        frame.tracebackHolders = []
        for i in frame.locals.indices {
            if let r = frame.locals[i] { frame.locals[i] = nil; heap.decref(r) }
        }
        if !profile.lazyFrameObjects { heap.decref(frame.globals) }
        deallocFrameObject(frame)
        if !frame.borrowsFunction { heap.decref(fnRef) }
    }

    func bindArguments(_ frame: Frame, _ fn: FunctionInfo, _ code: CodeObject,
                               _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws {
        // initialize_locals (3.11) / _PyEval_EvalCodeWithName: the **kwargs dict is made
        // first, then the positional arguments are copied, the rest make the *args tuple,
        // then the keywords are bound; the count is checked, then the defaults filled in.
        let n = code.paramCount
        let total = n + code.kwonlyCount
        let kwdict = code.hasVarKeywords ? try newDict() : nil
        if let kwdict { frame.locals[total + (code.hasVarArgs ? 1 : 0)] = kwdict }
        var extra: [ObjectRef] = []
        for (i, a) in args.enumerated() {
            if i < n { frame.locals[i] = a } else { extra.append(a) }
        }
        if code.hasVarArgs {
            frame.locals[total] = try newTuple(extra)
            extra = []
        } else {
            extra.forEach(heap.decref)   // too many: reported after the keywords
        }
        for (index, (k, v)) in kwargs.enumerated() {
            // Keywords are looked up after the positional-only names: one of those goes to
            // **kwargs, or is an error.
            guard let i = code.localNames[code.posonlyCount..<total].firstIndex(of: k) else {
                if let kwdict {
                    defer { heap.decref(v) }
                    try dictSet(kwdict, name(k), v)
                    continue
                }
                kwargs[index...].forEach { heap.decref($0.1) }
                // positional_only_passed_as_keyword: every positional-only name among all
                // the keywords (not only this one), in parameter order.
                let passed = code.localNames.prefix(code.posonlyCount).filter { p in kwargs.contains { $0.0 == p } }
                if !passed.isEmpty {
                    throw error("TypeError", "\(bindingName(fn))() got some positional-only arguments passed as keyword arguments: '\(passed.joined(separator: ", "))'")
                }
                throw error("TypeError", "\(bindingName(fn))() got an unexpected keyword argument '\(k)'")
            }
            if frame.locals[i] != nil {
                kwargs[index...].forEach { heap.decref($0.1) }
                throw error("TypeError", "\(bindingName(fn))() got multiple values for argument '\(k)'")
            }
            frame.locals[i] = v
        }
        var defaults: [ObjectRef] = []
        if let d = fn.defaults, case .tuple(let items) = heap.payload[Int(d)] { defaults = items }
        if args.count > n && !code.hasVarArgs {
            // too_many_positional
            let kwonlyGiven = (n..<total).filter { frame.locals[$0] != nil }.count
            let sig = defaults.isEmpty ? "\(n)" : "from \(n - defaults.count) to \(n)"
            let plural = !defaults.isEmpty || n != 1
            let kwonlySig = kwonlyGiven == 0 ? ""
                : " positional argument\(args.count != 1 ? "s" : "") (and \(kwonlyGiven) keyword-only argument\(kwonlyGiven != 1 ? "s" : ""))"
            throw error("TypeError", "\(bindingName(fn))() takes \(sig) positional argument\(plural ? "s" : "") but \(args.count)\(kwonlySig) \(args.count == 1 && kwonlyGiven == 0 ? "was" : "were") given")
        }
        let firstDefault = n - defaults.count
        let missing = (0..<firstDefault).filter { frame.locals[$0] == nil }.map { code.localNames[$0] }
        if !missing.isEmpty { throw missingArguments(fn, missing, "positional") }
        for i in firstDefault..<n where frame.locals[i] == nil {
            let v = defaults[i - firstDefault]
            heap.incref(v)
            frame.locals[i] = v
        }
        if code.kwonlyCount > 0 {
            var missing: [String] = []
            for i in n..<total where frame.locals[i] == nil {
                if let d = fn.kwdefaults, let v = try dictGet(d, name(code.localNames[i])) {
                    heap.incref(v)
                    frame.locals[i] = v
                } else {
                    missing.append(code.localNames[i])
                }
            }
            if !missing.isEmpty { throw missingArguments(fn, missing, "keyword-only") }
        }
        if !code.cellSlots.isEmpty || code.freeCount > 0 { try makeCellsAndCopyFreeVars(frame, fn, code) }
    }

    /// How initialize_locals' errors name the function (`Profile.bindingErrorsNameQualname`).
    private func bindingName(_ fn: FunctionInfo) -> String {
        profile.bindingErrorsNameQualname ? fn.qualname : fn.name
    }

    /// missing_arguments / format_missing: "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
    private func missingArguments(_ fn: FunctionInfo, _ missing: [String], _ kind: String) -> PyException {
        let names = missing.map { "'\($0)'" }
        let list = names.count == 1 ? names[0]
            : names.count == 2 ? "\(names[0]) and \(names[1])"
            : names.dropLast().joined(separator: ", ") + ", and " + names.last!
        let word = missing.count == 1 ? "argument" : "arguments"
        return error("TypeError", "\(bindingName(fn))() missing \(missing.count) required \(kind) \(word): \(list)")
    }

    // MARK: - Functions and classes

    func newCodeObject(_ code: CodeObject) throws -> ObjectRef {
        do { return try heap.newNativeObject(type: heap.builtinType(.code), code) } catch { throw memoryError() }
    }

    func newFunction(codeRef: ObjectRef, globals: ObjectRef, defaults: ObjectRef?, closure: ObjectRef? = nil) throws -> ObjectRef {
        guard case .native(let o) = heap.payload[Int(codeRef)], let code = o as? CodeObject else {
            preconditionFailure("not a code object")
        }
        heap.incref(codeRef); heap.incref(globals)
        // PyFunction_New: func_module is globals['__name__'] (a new reference), if any.
        let module = try dictGet(globals, name("__name__"))
        module.map(heap.incref)
        let info = FunctionInfo(name: code.name, qualname: code.qualname, code: code, codeRef: codeRef,
                                globals: globals, defaults: defaults, module: module)
        info.closure = closure
        // PyFunction_New (3.11+): func_qualname is co_qualname, shared.
        if let q = code.qualnameRef { heap.incref(q); info.qualnameRef = q }
        // PyFunction_New: func_doc is co_consts[0] when that is a str. (Only for a def or
        // lambda: the engine also wraps a module unit's code in a function to run it.)
        if code.kind == .function, let first = code.consts.first, heap.kind(first) == .str {
            heap.incref(first)
            info.doc = first
        }
        do { return try heap.newFunctionObject(info) } catch { throw memoryError() }
    }

    /// __build_class__ + type.__new__: runs the body, then makes the heap type.
    func buildClass(code: CodeObject, codeRef: ObjectRef, name className: String, qualname: String,
                    qualnameConst: ObjectRef? = nil, bases: [ObjectRef],
                    globals: ObjectRef, staticAttributes: ObjectRef? = nil) throws -> ObjectRef {
        // update_bases: an alias base's __mro_entries__ (list[int] gives list).
        for b in bases { try refuseGenericAlias(b, "a class statement with a base that is") }
        // The body is a function (MAKE_FUNCTION) that __build_class__ calls with the namespace;
        // the module code drops it once the class exists.
        let bodyFunction = try newFunction(codeRef: codeRef, globals: globals, defaults: nil)
        defer { heap.decref(bodyFunction) }
        // builtin___build_class__ looks up `type.__prepare__` (a classmethod: binding makes a
        // builtin method, off its free list before 3.9) and calls it for the namespace, then
        // releases it: `class C: pass` in a function right after `gc.collect()` counts 14
        // objects on 3.8.18 (this method, kept by the free list, and the super call's tuple
        // of `typeNewEpilogue` among them), 11 on 3.11.7-3.13.0.
        let temporaries = profile.buildClassMakesTemporaries
        let packed = heap.takeFromFreeLists(temporaries ? .tuple(length: 2 + bases.count) : FreeListCounts())
        defer { heap.releaseWorkingSet(packed) }
        let prepare = try newBuiltinObject(BuiltinInfo(id: typePrepareMethod, selfRef: nil))
        let prepareArguments = heap.takeFromFreeLists(temporaries ? .tuple(length: 2) : FreeListCounts())
        let namespace: ObjectRef
        do { namespace = try newDict() } catch {
            heap.releaseWorkingSet(prepareArguments); heap.decref(prepare)
            throw error
        }
        heap.releaseWorkingSet(prepareArguments)
        heap.decref(prepare)
        try dictSet(namespace, name("__module__"), name(classBodyModule))
        // The body's LOAD_CONST of its `__qualname__` (a new str where the caller has no constant).
        let qualnameStr = try qualnameConst.map { heap.incref($0); return $0 } ?? newStr(qualname)
        try dictSet(namespace, name("__qualname__"), qualnameStr)
        heap.decref(qualnameStr)
        if profile.classStaticAttributes {
            // 3.13 (gh-118465): the class body stores __firstlineno__ first.
            let line = try newInt(code.firstLine)
            try dictSet(namespace, name("__firstlineno__"), line)
            heap.decref(line)
        }
        let frame = Frame(code: code, globals: globals, namespace: namespace)
        newFrameObject(frame)
        // The body's `__class__` cell (its only cell: `CodeGen.emitClass`), made empty when
        // the frame is (3.11+: its MAKE_CELL).
        if !code.cellSlots.isEmpty { frame.locals[0] = try newCell(nil) }
        do { _ = try CEval(self).run(frame) } catch var e as PyException {
            leaveFrame(&e, code: code, line: frame.line, function: className, position: frame.position)
            deallocFrameObject(frame, keptByTraceback: true)
            // The frame's cell lives as long as the frame, as its namespace does.
            for case let local? in frame.locals { e.keptAlive.append(local) }
            // The traceback keeps the class body's frame alive, and the frame its namespace
            // (f_locals) and the body function (3.11+, f_func) or the globals (before,
            // f_globals): what the body bound lives until the traceback goes (measured with
            // __del__ on 3.6.15-3.13.0, `Corpus/classes/class_body_error_keeps_namespace.py`).
            e.keptAlive.append(namespace)
            let held = profile.lazyFrameObjects ? bodyFunction : globals
            heap.incref(held)
            e.keptAlive.append(held)
            bases.forEach(heap.decref)
            throw e
        }
        deallocFrameObject(frame)
        frame.locals.forEach(heap.xdecref)
        // What the body returned: its `__class__` cell or None, which __build_class__ holds
        // until the class is made.
        let returned = frame.returnValue
        defer { if returned != 0 { heap.decref(returned) } }
        if let staticAttributes {
            // 3.13 (gh-115775): ... and __static_attributes__ last, a constant tuple (a GC
            // object the class's garbage counts: `class C: def __init__(self): self.v = 1` then
            // `del C; gc.collect()` finds 8 objects on 3.13.0, 7 on 3.12.1).
            try dictSet(namespace, name("__static_attributes__"), staticAttributes)
        }
        // Multiple inheritance: the C3 merge, every base's tp_subclasses entry and the layout
        // checks (best_base) are not modelled (the engine's MRO would be the first base's).
        if bases.count > 1 {
            heap.decref(namespace); bases.forEach(heap.decref)
            throw UnsupportedAtRuntime(what: "a class with more than one base (multiple inheritance)")
        }
        for b in bases {
            guard case .type(let bi) = heap.payload[Int(b)] else {
                heap.decref(namespace); bases.forEach(heap.decref)
                throw error("TypeError", "bases must be types")
            }
            if !bi.isHeapType && bi.kind != .object && !isSubclassableBuiltin(bi) {
                heap.decref(namespace); bases.forEach(heap.decref)
                throw UnsupportedAtRuntime(what: "subclassing the builtin type '\(bi.name)'")
            }
            do { try refuseWeakKeyDictClass(b, "a class statement deriving") } catch {
                heap.decref(namespace); bases.forEach(heap.decref)
                throw error
            }
        }
        do { try checkClassNamespace(namespace, qualname: qualname, firstLine: code.firstLine,
                                               staticAttributes: staticAttributes) } catch {
            heap.decref(namespace); bases.forEach(heap.decref)
            throw error
        }
        // type(name, bases, namespace): _PyObject_MakeTpCall packs the arguments into a
        // tuple, and type_new gives the class a copy of the namespace (which __build_class__
        // releases when it returns).
        let callArguments = heap.takeFromFreeLists(FreeListCounts(tuples: [0, 0, 0, 1]))
        defer { heap.releaseWorkingSet(callArguments); heap.decref(namespace) }
        let typeDict = try copyDict(namespace)
        let slots: SlotsSpec?
        do {
            slots = try typeNewSlots(typeDict, base: bases.first ?? heap.builtinType(.object))
            // A class over list, dict or tuple (directly or through another such class).
            // (A namedtuple's methods are CollectionsNamedtuple.swift's.)
            if let b = bases.first, Heap.subclassableBuiltinKinds.contains(heap.typeInfo(b).kind), !makingNamedtupleClass {
                try checkBuiltinSubclassNamespace(typeDict, kind: heap.typeInfo(b).kind, slots: slots)
            }
        } catch {
            heap.decref(typeDict); bases.forEach(heap.decref)
            throw error
        }
        // type_new_set_ht_name: ht_qualname takes the body's `__qualname__` (a str:
        // checkClassNamespace refuses any other binding) and the key leaves the class dict,
        // a deleted entry that still counts against the dict's usable entries. Then
        // type_new_set_classcell takes `__classcell__` out the same way, before PyType_Ready
        // adds the descriptors and `__doc__` (the cell gets the class once it exists).
        var qualnameRef: ObjectRef?
        if let (k, v) = try dictRemove(typeDict, name("__qualname__")) { heap.decref(k); qualnameRef = v }
        var classCell: ObjectRef?
        if let (k, v) = try dictRemove(typeDict, name("__classcell__")) { heap.decref(k); classCell = v }
        do {
            let t = try heap.newHeapType(name: className, module: classBodyModule, bases: bases, dict: typeDict, slots: slots)
            heap.typeInfo(t).qualnameRef = qualnameRef
            let nameRef = try internedName(className)
            heap.incref(nameRef)
            heap.typeInfo(t).nameRef = nameRef
            nestedClassQualnames[t] = qualname == className ? nil : qualname
            try typeNewStaticmethod(typeDict)
            // 3.6's mro_implementation (`Profile.buildClassMakesTemporaries`): n + 3 lists.
            if temporaries { heap.releaseWorkingSet(heap.takeFromFreeLists(FreeListCounts(lists: max(bases.count, 1) + 3))) }
            try typeReadySetHash(typeDict)
            // type_new_set_classcell: the cell gets the class (its key left the dict above).
            // In 3.13 the body stored `__static_attributes__` before `__classcell__`, here
            // after it: the same entries, one deleted, in another order.
            if let cell = classCell {
                heap.incref(t)
                cellSet(cell, t)
                heap.decref(cell)
            }
            try typeNewEpilogue(typeDict)
            if try dictGet(typeDict, name("__del__")) != nil { heap.typeInfo(t).hasDel = true }
            // 3.13 _PyDict_NewKeysForClass: the shared keys start with __static_attributes__.
            let info = heap.typeInfo(t)
            // type_new before 3.11: ht_cached_keys = _PyDict_NewKeysForClass(), for a class
            // whose instances have a __dict__.
            if profile.instanceDictSlot && info.hasInstanceDict { classKeys[t] = SplitKeys(SharedDictKeys(layouts: layouts)) }
            if let staticAttributes, case .tuple(let names) = heap.payload[Int(staticAttributes)] {
                for key in names { _ = info.sharedKeys?.insert(key, hash: try hash(key), isEqual: keysEqual) }
            }
            return t
        } catch { throw memoryError() }
    }

    /// The end of type_new: type_new_set_names walks a copy of the class dict, and
    /// type_new_init_subclass calls `super(C, C).__init_subclass__()` — a super object and
    /// a bound builtin method, freed at once. Only the collector's count sees them.
    private func typeNewEpilogue(_ typeDict: ObjectRef) throws {
        let namesToSet = heap.takeFromFreeLists(FreeListCounts(dicts: 1))
        defer { heap.releaseWorkingSet(namesToSet) }
        // 3.10+: for each property, in dict order, _PyObject_LookupSpecial binds its
        // `__set_name__` (a builtin method object) and PyObject_CallFunctionObjArgs packs
        // (type, key) into a 2-tuple for the METH_VARARGS call; property_set_name keeps the key.
        // (No other object the engine puts in a class dict has a `__set_name__`.)
        if profile.propertyKeepsName {
            for (key, value) in dictStorage(typeDict).items {
                guard let p = propertyObject(value) else { continue }
                do {
                    let setName = try heap.newObject(type: heap.builtinType(.builtinFunction), payload: .empty)
                    let args = heap.takeFromFreeLists(FreeListCounts(tuples: [0, 0, 1]))
                    propertySetName(p, key)
                    heap.releaseWorkingSet(args)
                    heap.decref(setName)
                } catch { throw memoryError() }
            }
        }
        // init_subclass: `super(type, type)` — before 3.9 super has no vectorcall and the
        // call packs (type, type) into a tuple (_PyObject_MakeTpCall; 3.6: PyTuple_Pack) —
        // then its bound `__init_subclass__` (off the builtin methods' free list before 3.9),
        // the super object released before the method is called.
        let superArguments = heap.takeFromFreeLists(FreeListCounts(tuples: profile.typeCallPacksArguments ? [0, 0, 1] : []))
        let superObject: ObjectRef
        do { superObject = try heap.newObject(type: heap.builtinType(.superObject), payload: .empty) } catch {
            heap.releaseWorkingSet(superArguments)
            throw memoryError()
        }
        heap.releaseWorkingSet(superArguments)
        let method: ObjectRef
        do { method = try newBuiltinObject(BuiltinInfo(id: objectInitSubclassMethod, selfRef: nil)) } catch {
            heap.decref(superObject)
            throw error
        }
        heap.decref(superObject)
        heap.decref(method)
    }

    /// PyDict_Copy of an exact dict. From 3.7 a combined table at most a third of whose
    /// entries are deleted is cloned (clone_combined_dict: same size, deleted slots kept);
    /// otherwise, and always on 3.6, PyDict_New() + dict_merge, which compacts it — sizes
    /// checked against CPython 3.6.15-3.13.0 for 0-1000 int keys with 0-99 deleted.
    /// A split table (an instance's `__dict__`) is copied as a split table sharing the
    /// class's keys, which the engine does not model: refused.
    func copyDict(_ d: ObjectRef) throws -> ObjectRef {
        if heap.isSplitTable(d) { throw notModelled("copying an instance's __dict__ (a split-table dict)") }
        let st = dictStorage(d)
        try refuseUserKeys(st.items.map { $0.key }, "copying a dict")
        if profile.minor >= 7, st.count > 0, st.count >= (st.nentries * 2) / 3 {
            do { return try heap.cloneCombinedDict(d) } catch { throw memoryError() }
        }
        let copy = try newDict()
        do { try dictMergeDict(copy, from: d) } catch { heap.decref(copy); throw error }
        return copy
    }

    /// Calling a class: object.__new__ (or, for a list or dict subclass, `allocate`: the
    /// builtin's tp_new; for a class defining `__new__`, `instantiateWithNew`) then __init__.
    func instantiate(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)],
                     allocate: (() throws -> ObjectRef)? = nil) throws -> ObjectRef {
        if allocate == nil, heap.typeInfo(type).kind != .instance {
            return try instantiateBuiltinSubclass(type, args, kwargs)
        }
        let newFunction: ObjectRef?
        do { newFunction = allocate == nil ? try classNewFunction(type) : nil } catch {
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            throw error
        }
        if let newFunction { return try instantiateWithNew(type, newFunction, args, kwargs) }
        // object_new refuses excess arguments before allocating when __init__ is object's.
        if !args.isEmpty || !kwargs.isEmpty, try lookupInType(type, "__init__") == nil {
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            throw error("TypeError", "\(heap.typeInfo(type).name)() takes no arguments")
        }
        // _PyObject_MakeTpCall packs the arguments into a tuple (and a dict for keywords)
        // for type_call; they are real allocations, visible in gc.get_count().
        let packed = try packTypeCallArguments(args, kwargs)
        defer { packed.reversed().forEach(heap.decref) }
        let obj: ObjectRef
        do {
            if let allocate { obj = try allocate() } else { obj = try heap.newInstance(type: type) }
        } catch {
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            throw memoryError()
        }
        if let initFn = try lookupInType(type, "__init__"), case .function = heap.payload[Int(initFn)] {
            try slotTpInit(obj, initFn, args, kwargs)
        } else if !args.isEmpty || !kwargs.isEmpty {
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            heap.decref(obj)
            throw error("TypeError", "\(heap.typeInfo(type).name)() takes no arguments")
        }
        return obj
    }

    /// slot_tp_init with the class's `__init__` (a plain function): consumes the caller's
    /// references to the arguments; on an error, the object's too.
    func slotTpInit(_ obj: ObjectRef, _ initFn: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws {
        // slot_tp_init: the looked-up method's reference (3.6: a bound method), then a
        // vectorcall with borrowed arguments: the new object is type_call's reference and
        // the frame's own (`sys.getrefcount(self)` in `__init__` is 3 from 3.8, 4 on 3.6);
        // the arguments are the caller's and the frame's, released after the frame.
        heap.incref(initFn)
        defer { heap.decref(initFn) }
        let bound = try bindForSlotCall(initFn, obj)
        defer { bound.map(heap.decref) }
        heap.incref(initFn)
        heap.incref(obj)
        args.forEach(heap.incref); kwargs.forEach { heap.incref($0.1) }
        defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
        // Keyword arguments: 3.8+'s _PyObject_Call_Prepend → _PyStack_UnpackDict copies
        // self, the positional arguments and the keyword values into a PyMem_Malloc'd
        // array (then a kwnames tuple); 3.6's _PyFunction_FastCallDict makes a tuple of
        // the names and values. Both hold references for the call.
        var kwTuple: ObjectRef?, unpacked: UnpackedDict?
        if !kwargs.isEmpty {
            let keys = kwargs.map { name($0.0) }
            if profile.slotCallsBindMethods {
                let items = zip(keys, kwargs).flatMap { [$0.0, $0.1.1] }
                items.forEach(heap.incref)
                kwTuple = try newTuple(items)
            } else {
                unpacked = try stackUnpackDict([obj] + args, keys: keys, values: kwargs.map { $0.1 })
            }
        }
        defer { kwTuple.map(heap.decref); unpacked.map(stackUnpackDictFree) }
        let result: ObjectRef
        do { result = try callFunction(initFn, [obj] + args, kwargs, vectorcall: true) } catch {
            heap.decref(obj)
            throw error
        }
        defer { heap.decref(result) }
        if result != heap.none {
            heap.decref(obj)
            throw error("TypeError", "__init__() should return None, not '\(typeName(result))'")
        }
    }

    /// tp_finalize for heap types: calls `__del__`; exceptions are printed as
    /// "Exception ignored in: ..." on stderr, as PyErr_WriteUnraisable does.
    func runFinalizer(_ obj: ObjectRef) {
        if let gen = generator(obj) { genFinalize(gen); return }
        // A collection the session is going to refuse (Heap.judgeGarbage) runs no Python code:
        // what it would print may not be what CPython prints.
        guard let del = try? lookupSpecial(obj, "__del__") else { return }
        if heap.gc.untimelyGarbage { skippedPythonCode = true; return }
        if heap.trashcanOrderUnknown { return }   // refused at the end of the statement
        heap.incref(del)
        defer { heap.decref(del) }
        let bound: ObjectRef?
        do { bound = try bindForSlotCall(del, obj) } catch { return }
        defer { bound.map(heap.decref) }
        heap.incref(del)
        heap.incref(obj)
        // slot_tp_finalize: a vectorcall with self borrowed (3.6: through the bound method),
        // so the frame's reference is the only one added (`sys.getrefcount(self)` in
        // `__del__` is 3 from 3.8, 4 on 3.6).
        do { heap.decref(try callFunction(del, [obj], [], vectorcall: true)) } catch let e as PyException {
            if let t = shownTraceback(e, header: { "Exception ignored in: \(reprString(del))\n" }) { stderr += t }
            releaseException(e)
        } catch let u as UnsupportedAtRuntime {
            if pendingRefusal == nil { pendingRefusal = u }
        } catch {}
    }

    func runWeakrefCallback(_ callback: ObjectRef, _ weakref: ObjectRef) {
        if heap.gc.untimelyGarbage { skippedPythonCode = true; return }   // as runFinalizer
        if heap.trashcanOrderUnknown { return }
        heap.incref(weakref)
        // handle_callback: PyObject_CallOneArg (3.6: PyObject_CallFunctionObjArgs), a
        // vectorcall with the weakref borrowed, so a Python callback's frame holds the only
        // added reference (`sys.getrefcount(w)` in a lone callback is 3 on 3.6.15-3.12.1).
        do {
            let result: ObjectRef
            if case .function = heap.payload[Int(callback)] {
                heap.incref(callback)
                result = try callFunction(callback, [weakref], [], vectorcall: true)
            } else {
                result = try call(callback, [weakref], [])
            }
            heap.decref(result)
        } catch let e as PyException {
            if let t = shownTraceback(e, header: { "Exception ignored in: \(reprString(callback))\n" }) { stderr += t }
            releaseException(e)
        } catch let u as UnsupportedAtRuntime {
            if pendingRefusal == nil { pendingRefusal = u }
        } catch {}
    }

    /// PyTraceBack_Here: the exception leaves a frame. From 3.11 (`Profile.lazyFrameObjects`)
    /// that is when the frame gets its frame object (a slot per local and stack entry; the
    /// stack depth is not modelled, two are assumed), and the traceback object keeps it.
    func leaveFrame(_ e: inout PyException, code: CodeObject, line: Int, function: String, position: SourceSpan? = nil) {
        if e.frameRecorded { e.frameRecorded = false; return }
        e.traceback.append(TracebackEntry(filename: code.filename, line: line, function: function, position: position))
        guard profile.lazyFrameObjects else { return }
        let slots = code.localNames.count + code.hiddenLocals.count + 2
        do {
            e.keptAlive.append(try heap.newObject(type: heap.builtinType(.frame), payload: .empty,
                                                  extraSize: slots * profile.pointerSize))
            e.keptAlive.append(try heap.newObject(type: heap.builtinType(.traceback), payload: .empty))
        } catch {}   // no memory left: the traceback keeps fewer objects
    }

    /// Before 3.12 a call of C code counts towards the recursion limit as a Python frame does
    /// (3.6/3.8: Py_EnterRecursiveCall in the call paths, " while calling a Python object";
    /// 3.11: the one recursion_remaining), and C code nests checks of its own (comparisons,
    /// repr, str, a type's `__init__`): at `k(998)` under the default limit, `len("a")` is a
    /// RecursionError on 3.6.15, 3.8.18 and 3.11.7 (3.6 and 3.11: `int("1")`). The engine
    /// counts Python frames only, so within `cCallRecursionMargin` levels of the limit a
    /// call of C code (a builtin function or method, a type) is refused there.
    func refuseCCallNearRecursionLimit() throws {
        guard profile.cCallsCountTowardsRecursionLimit, depth + Interpreter.cCallRecursionMargin >= recursionLimit else { return }
        throw notModelled("a call of C code near the recursion limit",
                          because: "CPython \(profile.version) counts C calls towards the limit, which heapbook does not model")
    }

    /// How many levels below the recursion limit C calls are refused (3.6-3.11): twice the
    /// deepest nesting of C-level checks measured at the limit (5, `D()` with an `__init__`
    /// on 3.6.15), and small enough for a lowered limit (`sys.setrecursionlimit(40)`).
    static let cCallRecursionMargin = 10

    /// Py_EnterRecursiveCall: one more level of Python calls (or, with `context`, of nested
    /// comparisons) would pass the recursion limit.
    func checkRecursionDepth(_ context: String = "") throws {
        if depth + 1 >= recursionLimit {
            throw error("RecursionError", "maximum recursion depth exceeded" + context)
        }
    }

    /// slot_tp_call: an instance called with positional arguments (borrowed).
    /// _PyObject_MakeTpCall packs them into a tuple first (none for no arguments: the empty
    /// tuple), which lives for the call; `__call__` then runs through _PyObject_Call_Prepend
    /// (3.6: the bound method from lookup_method). Keyword arguments, which 3.6 and 3.8
    /// pass on as a dict and a keyword tuple, are refused.
    func slotCall(_ obj: ObjectRef, _ function: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard kwargs.isEmpty else {
            throw notModelled("calling a '\(typeName(obj))' object with keyword arguments", because: "the keyword dict slot_tp_call receives is not modelled")
        }
        var packed: ObjectRef?
        if !args.isEmpty {
            args.forEach(heap.incref)
            packed = try newTuple(args)
        }
        defer { packed.map(heap.decref) }
        let bound = try bindForSlotCall(function, obj)
        defer { bound.map(heap.decref) }
        heap.incref(function)
        heap.incref(obj)
        args.forEach(heap.incref)
        return try callFunction(function, [obj] + args, [], vectorcall: true)
    }

    /// _PyObject_MakeTpCall's packing for type_call: a tuple of the positional arguments
    /// and a dict of the keyword ones, each only when there are some (new references).
    func packTypeCallArguments(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> [ObjectRef] {
        var packed: [ObjectRef] = []
        if !args.isEmpty {
            args.forEach(heap.incref)
            packed.append(try newTuple(args))
        }
        if !kwargs.isEmpty {
            do {
                let d = try newDict()
                packed.append(d)
                for (k, v) in kwargs { try dictSet(d, name(k), v) }
            } catch {
                packed.reversed().forEach(heap.decref)
                throw error
            }
        }
        return packed
    }

    func releaseException(_ e: PyException) {
        heap.decref(e.exception)
        e.keptAlive.forEach(heap.decref)
    }

    /// What _PyStack_UnpackDict made for one call: the references its PyMem_Malloc'd array
    /// holds, the array, and the kwnames tuple.
    struct UnpackedDict {
        let array: UInt64
        let kwnames: ObjectRef
        let copies: [ObjectRef]
    }

    /// _PyStack_UnpackDict: a vectorcall of a keyword dict gets an array (from 3.9 one slot
    /// for PY_VECTORCALL_ARGUMENTS_OFFSET first; then the positional arguments, the keyword
    /// values) holding references of its own, then a tuple of the keys.
    func stackUnpackDict(_ positional: [ObjectRef], keys: [ObjectRef], values: [ObjectRef]) throws -> UnpackedDict {
        let array: UInt64
        let offsetSlot = profile.minor >= 9 ? 1 : 0
        do { array = try heap.pyMemMalloc((offsetSlot + positional.count + values.count) * 8) } catch { throw memoryError() }
        keys.forEach(heap.incref)
        let kwnames: ObjectRef
        do { kwnames = try newTuple(keys) } catch { heap.pyMemFree(array); throw error }
        let copies = positional + values
        copies.forEach(heap.incref)
        return UnpackedDict(array: array, kwnames: kwnames, copies: copies)
    }

    /// _PyStack_UnpackDict_Free: the array's references, the array, then kwnames.
    func stackUnpackDictFree(_ u: UnpackedDict) {
        u.copies.forEach(heap.decref)
        heap.pyMemFree(u.array)
        heap.decref(u.kwnames)
    }
}
