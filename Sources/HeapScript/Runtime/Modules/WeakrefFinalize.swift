import HeapEngine

// Lib/weakref.py: class finalize.
//
// finalize is Python in CPython, and so it is here (as Lib/copy.py in CopyModule.swift): the
// first lookup of `weakref.finalize` compiles and runs the class statement of Lib/weakref.py
// at the profile's tag (v3.6.15, v3.8.18, v3.11.7, v3.12.1, v3.13.0) with the engine's own
// compiler and evaluator, so that what a finalizer makes is what CPython's bytecode makes:
// the instance (`__slots__ = ()`: 16 bytes, no GC header, no `__weakref__`), its `_Info`
// (six slots, a GC object), the weakref whose callback is the finalizer itself, the
// `_registry` entry, `next(_index_iter)`'s int, the `{}` of `info.kwargs or {}` at the call,
// and the frames (objects before 3.11).
//
// The class differs between the tags only in `__init__`'s signature: 3.6.15 `(self, obj,
// func, *args, **kwargs)`; 3.8.18 `(*args, **kwargs)` unpacked by hand (bpo-36492: `obj`
// and `func` as keywords are deprecated, with `__init__.__text_signature__` set after it);
// 3.9+ positional-only `(self, obj, func, /, *args, **kwargs)` (3.11.7 = 3.12.1 = 3.13.0).
//
// What the engine does not have is replaced, never approximated:
// - `import atexit; atexit.register(self._exitfunc)` is `_hb_atexit_register(self._exitfunc)`:
//   the bound classmethod is kept in `Interpreter.atexitCallbacks` as atexit's callback
//   list keeps it, and called at exit (`runAtexitCallbacks`). The engine has no atexit
//   module: the local `atexit` of `__init__`'s frame is not there. The 24-byte
//   `atexit_callback` block PyMem_Malloc makes is not modelled (addresses are unknown from
//   the class's creation on anyway, see below).
// - 3.8's `import warnings; warnings.warn(...)` (obj or func passed by keyword) is a refusal;
// - `_exitfunc`'s `sys.excepthook(*sys.exc_info())` is a refusal: an exception a finalizer
//   raises at exit. An exception leaving any frame of this code is refused anyway
//   (`Interpreter.callFunction`): CPython's traceback names the installed weakref.py.
//
// The class itself is CPython's start-up object (3.11.7, and 3.13.0's REPL load weakref) or
// one `import weakref` made (the engine declares that import's count unknown where it runs
// Lib/weakref.py: `Profile.weakrefImportUnmodelled`). The engine makes it later, at the first
// lookup, so its objects count in no generation (the count is restored), and from then on
// addresses, the collector's lists and the shared objects' counts are refused
// (`noteFinalizeClass`).
extension Interpreter {
    /// The file name the class's code carries (`co_filename`); an exception leaving one of
    /// its frames is refused (`Interpreter.callFunction`).
    static let weakrefModuleFile = "<heapbook: Lib/weakref.py>"

    /// `weakref.finalize` (borrowed): made at the first lookup.
    func weakrefFinalize() throws -> ObjectRef {
        if let c = finalizeClass { return c }
        makingFinalizeClass = true
        defer { makingFinalizeClass = false }
        let c = try makeLibClass("finalize", module: "weakref", file: Interpreter.weakrefModuleFile) { d in
            // `from _weakref import ref` at the top of Lib/weakref.py.
            try dictSet(d, name("ref"), heap.builtinType(.weakref))
            defineFunction(in: d, "_hb_atexit_register", module: "weakref") { i, _, args, _ in
                // atexit.register is METH_VARARGS (| METH_KEYWORDS): its call packs the argument
                // into a 1-tuple, off the free list or new (`gc.collect(); atexit.register(f);
                // gc.get_count()` counts it on 3.12.1 and 3.13.0).
                i.heap.releaseWorkingSet(i.heap.takeFromFreeLists(.tuple(length: 1)))
                // atexit_register (Modules/atexitmodule.c): the callback holds the function (and
                // `PyTuple_GetSlice(args, 1, 1)`, the empty tuple: shared counts are refused).
                i.heap.incref(args[0])
                i.atexitCallbacks.append(args[0])
                // `import atexit` at the first finalizer of a script: start-up did not load
                // atexit there but on 3.11.7 (a builtin module's import: its module object, spec,
                // dict), which the engine does not model.
                if i.scriptStartup && i.profile.minor != 11 {
                    i.heap.countMayDiffer(by: i.heap.gc.thresholds[0] + 1)
                    i.unmodelledCollectorObjects = i.unmodelledCollectorObjects
                        ?? "the atexit module CPython \(i.profile.version)'s first `weakref.finalize` imported"
                }
                return i.heap.newNone()
            }
            defineFunction(in: d, "_hb_unmodelled", module: "weakref") { i, _, args, _ in
                throw i.notModelled(i.stringValue(args[0]), because: "Lib/weakref.py's finalize would call warnings.warn, "
                    + "which heapbook does not model")
            }
            defineFunction(in: d, "_hb_call_ex", module: "weakref") { i, _, args, _ in
                try i.finalizeCallEx(args[0])
            }
            defineFunction(in: d, "_hb_exit_exception", module: "weakref") { i, _, _, _ in
                throw i.notModelled("an exception raised by a weakref.finalize callback at exit",
                                    because: "finalize._exitfunc prints it with sys.excepthook, which heapbook does not model")
            }
            return profile.minor >= 13 ? Interpreter.cleaningDocstrings(finalizeSource()) : finalizeSource()
        }
        finalizeClass = c
        return c
    }

    /// Makes the class `className` of a Lib module CPython loaded at start-up or at `import
    /// weakref` (Lib/weakref.py's finalize, Lib/_weakrefset.py's WeakSet): `define` fills the
    /// stand-in's globals (beyond `__builtins__` and `__name__`) and returns its source, which
    /// runs with the engine's compiler and evaluator (`runStandIn`). Returns the class,
    /// kept by the interpreter for the session (borrowed).
    ///
    /// The engine makes it later than CPython did, so its objects count in no generation
    /// (the count is restored), what the making freed onto the free lists is not there
    /// (CPython's lists hold other blocks), and from then on addresses, the collector's lists
    /// and the shared objects' counts are refused (`noteLibClass`).
    func makeLibClass(_ className: String, module: String, file: String,
                      define: (ObjectRef) throws -> String) throws -> ObjectRef {
        let savedCounts = heap.gc.counts, savedEnabled = heap.gc.enabled
        let savedFreeLists = heap.freeListLengths()
        heap.gc.enabled = false
        classBodyModule = module
        defer {
            heap.trimFreeLists(to: savedFreeLists)
            heap.gc.counts = savedCounts
            heap.gc.enabled = savedEnabled
            classBodyModule = "__main__"
        }
        let d = try newDict()
        try dictSet(d, name("__builtins__"), builtinsDict)
        // The class takes its `__module__` from the globals' `__name__`.
        try dictSet(d, name("__name__"), name(module))
        let source = try define(d)
        try runStandIn(source, filename: file, in: d)
        // The functions' `__globals__` would show the stand-in's names, not the module's.
        opaqueObjects[d] = "\(module).__dict__"
        guard let c = try dictGet(d, name(className)) else { preconditionFailure("no \(className) in \(file)") }
        heap.incref(c)   // the interpreter's reference, for the session
        noteLibClass("\(module).\(className)")
        return c
    }

    /// `info.func(*info.args, **(info.kwargs or {}))` in finalize.__call__: the dicts its
    /// bytecode makes, and the call PyObject_Call makes of the tuple. 3.6.15 and 3.8.18
    /// pass the `{}` of `or {}` itself (one mapping: no BUILD_MAP_UNPACK_WITH_CALL); 3.9+
    /// BUILD_MAP 0 a dict, DICT_MERGE the `{}` into it and release it. The call: a Python
    /// function gets the tuple's items, as a vectorcall (PyObject_Call → _PyVectorcall_Call /
    /// 3.6 function_call → _PyFunction_FastCallDict, the empty dict giving no kwnames); on
    /// 3.12+ CALL_FUNCTION_EX pushes its frame first and releases the dict before the body
    /// runs (_PyEvalFramePushAndInit_Ex), before 3.12 after the call. `print` (METH_FASTCALL)
    /// likewise gets the items, and a bound method self and the items (below; no early frame
    /// push on 3.12+, which is for exact functions). Other callables (builtin methods,
    /// classes, callable instances: tp_call paths of their own) and keyword arguments for the callback (whose dict
    /// _PyStack_UnpackDict turns into a kwnames tuple) are refused. `func` and `args` are
    /// held for the call as CPython's stack holds them.
    func finalizeCallEx(_ info: ObjectRef) throws -> ObjectRef {
        let kwargs = try getAttr(info, "kwargs")
        defer { heap.decref(kwargs) }
        guard kwargs == heap.none else {
            throw notModelled("keyword arguments for a weakref.finalize callback",
                              because: "the call through CALL_FUNCTION_EX with a keyword dict is not modelled")
        }
        let f = try getAttr(info, "func")
        defer { heap.decref(f) }
        let args = try getAttr(info, "args")
        defer { heap.decref(args) }
        guard case .tuple(let items) = heap.payload[Int(args)] else { preconditionFailure("finalize's args is a tuple") }
        func isPlainFunction(_ r: ObjectRef) -> Bool {
            if case .function(let fn) = heap.payload[Int(r)], let code = fn.code as? CodeObject, !code.isGenerator { return true }
            return false
        }
        let isFunction = isPlainFunction(f)
        // A bound method of a Python function (`weakref.finalize(obj, obj.close)`, which keeps
        // obj alive until exit): method_vectorcall (3.6: method_call's _PyObject_Call_Prepend)
        // puts self before the items on a small C stack — up to four items; more take a
        // PyMem_Malloc'd array, not modelled — and calls the function as a vectorcall.
        var method: (fn: ObjectRef, selfRef: ObjectRef)?
        if case .method(let fn, let selfRef) = heap.payload[Int(f)], isPlainFunction(fn), items.count <= 4 { method = (fn, selfRef) }
        let isPrint = try dictGet(builtinsDict, name("print")) == f
        guard isFunction || method != nil || isPrint else {
            throw notModelled("a weakref.finalize callback of type '\(typeName(f))'",
                              because: "only Python functions, their bound methods (with up to four arguments) and print "
                                  + "are modelled as CALL_FUNCTION_EX calls them")
        }
        var dict: ObjectRef? = try newDict()
        if profile.minor >= 9 { heap.decref(try newDict()) }   // the merged `{}`
        defer { dict.map(heap.decref) }
        if isFunction {
            if profile.minor >= 12 { heap.decref(dict!); dict = nil }
            // The frame's own references (_PyEval_Vector / 3.12's _PyEvalFramePushAndInit_Ex
            // INCREF the items; callFunction consumes what it is given for a vectorcall).
            heap.incref(f)
            items.forEach(heap.incref)
            return try callFunction(f, items, [], vectorcall: true)
        }
        if let (fn, selfRef) = method {
            heap.incref(fn)
            heap.incref(selfRef)
            items.forEach(heap.incref)
            return try callFunction(fn, [selfRef] + items, [], vectorcall: true)
        }
        items.forEach(heap.incref)   // `call` consumes the arguments; the tuple keeps its own
        return try call(f, items, [])
    }

    /// 3.9+'s `__init__(self, obj, func, /, *args, **kwargs)`: the engine's parser has no
    /// positional-only parameters, so the stand-in's are plain ones, which bind a keyword
    /// `self`, `obj` or `func` where CPython's put it in `kwargs` (or raise a TypeError):
    /// such a call is refused before binding.
    func refuseFinalizeKeywords(_ code: CodeObject, _ kwargs: [(String, ObjectRef)]) throws {
        guard profile.minor >= 9, code.qualname == "finalize.__init__",
              let k = kwargs.first(where: { ["self", "obj", "func"].contains($0.0) }) else { return }
        throw notModelled("weakref.finalize(..., \(k.0)=...)",
                          because: "heapbook's parser has no positional-only parameters, which Lib/weakref.py's "
                              + "finalize.__init__ has from 3.9")
    }

    /// What making the class later than CPython does leaves unknown: where its blocks are
    /// (CPython's were allocated at start-up or at `import weakref`), which objects the
    /// collector lists, and the references its code constants hold on shared objects.
    private func noteLibClass(_ what: String) {
        unknownBlockSizes = unknownBlockSizes ?? "CPython \(profile.version) made \(what)'s class, functions and "
            + "code (blocks) when it loaded the module; heapbook makes them at the first lookup of `\(what)`"
        unmodelledCollectorObjects = unmodelledCollectorObjects ?? "\(what)'s class, functions and code, "
            + "which CPython \(profile.version) made when it loaded the module"
        heap.markSharedCountsUnmodelled()
    }

    /// At exit (Py_FinalizeEx → _PyAtExit_Call, before the modules are cleared): atexit's
    /// callbacks, last registered first, each called with no arguments, then released
    /// (atexit_cleanup). Their exceptions are refused: finalize._exitfunc catches every
    /// Exception of a finalizer (and reports it, refused above); what is left is a
    /// BaseException, whose report ("Exception ignored in atexit callback", 3.6 "Error in
    /// atexit._run_exitfuncs") is not modelled.
    ///
    /// Which finalizers are still alive then depends on the collections CPython ran before:
    /// one that took a cycle called its finalizer (or `__del__`) at that moment, not here.
    /// Where the engine does not know when CPython collected (`GCState.timingUnknown`), a
    /// finalizer is alive and there is cyclic garbage, the exit is refused before any of
    /// them prints.
    func runAtexitCallbacks() throws {
        if heap.gc.timingUnknown, !atexitCallbacks.isEmpty, let c = finalizeClass, let info = heap.typeInfo(c).dict,
           let registry = try dictGet(info, name("_registry")), dictStorage(registry).count > 0,
           heap.hasUnreachableObjects() {
            throw notModelled("which weakref.finalize finalizers are alive at exit",
                              because: countErrorReason + ", which decides whether a collection already called them")
        }
        let callbacks = atexitCallbacks
        atexitCallbacks = []
        defer { callbacks.forEach(heap.decref) }
        for cb in callbacks.reversed() {
            do { heap.decref(try call(cb, [], [])) } catch let e as PyException {
                releaseException(e)
                throw notModelled("an exception leaving an atexit callback", because: "its report at exit is not modelled")
            }
        }
    }

    /// 3.13's compiler strips the indentation of a docstring's lines (_PyCompile_CleanDoc,
    /// gh-81283), which the engine's does not: the stand-in's docstrings are cleaned in its
    /// source instead. Every continuation line of them is indented by the common margin (or
    /// empty), so cleaning strips all leading spaces of the lines after a line opening `"""`,
    /// up to the line closing it (`weakref.finalize.__doc__` on 3.13.0 ends "...true.\n").
    static func cleaningDocstrings(_ source: String) -> String {
        var out: [Substring] = []
        var inDoc = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if inDoc {
                let stripped = line.drop(while: { $0 == " " })
                out.append(stripped)
                if stripped.contains("\"\"\"") { inDoc = false }
                continue
            }
            out.append(line)
            let t = line.drop(while: { $0 == " " })
            if t.hasPrefix("\"\"\""), !t.dropFirst(3).contains("\"\"\"") { inDoc = true }
        }
        return out.joined(separator: "\n")
    }

    /// Lib/weakref.py's class finalize at the profile's tag (see the header).
    private func finalizeSource() -> String {
        let v = profile.minor
        let initHead: String
        if v < 8 {
            initHead = "    def __init__(self, obj, func, *args, **kwargs):\n"
        } else if v == 8 {
            initHead = #"""
                    def __init__(*args, **kwargs):
                        if len(args) >= 3:
                            self, obj, func, *args = args
                        elif not args:
                            raise TypeError("descriptor '__init__' of 'finalize' object "
                                            "needs an argument")
                        else:
                            if 'func' not in kwargs:
                                raise TypeError('finalize expected at least 2 positional '
                                                'arguments, got %d' % (len(args)-1))
                            func = kwargs.pop('func')
                            if len(args) >= 2:
                                self, obj, *args = args
                                _hb_unmodelled("weakref.finalize with func passed as keyword argument")
                            else:
                                if 'obj' not in kwargs:
                                    raise TypeError('finalize expected at least 2 positional '
                                                    'arguments, got %d' % (len(args)-1))
                                obj = kwargs.pop('obj')
                                self, *args = args
                                _hb_unmodelled("weakref.finalize with obj passed as keyword argument")
                        args = tuple(args)


                """#
        } else {
            // Positional-only in CPython (`refuseFinalizeKeywords`).
            initHead = "    def __init__(self, obj, func, *args, **kwargs):\n"
        }
        let textSignature = v == 8 ? "    __init__.__text_signature__ = '($self, obj, func, /, *args, **kwargs)'\n" : ""
        return #"""
            import itertools

            class finalize:
                """Class for finalization of weakrefable objects

                finalize(obj, func, *args, **kwargs) returns a callable finalizer
                object which will be called when obj is garbage collected. The
                first time the finalizer is called it evaluates func(*arg, **kwargs)
                and returns the result. After this the finalizer is dead, and
                calling it just returns None.

                When the program exits any remaining finalizers for which the
                atexit attribute is true will be run in reverse order of creation.
                By default atexit is true.
                """

                # Finalizer objects don't have any state of their own.  They are
                # just used as keys to lookup _Info objects in the registry.  This
                # ensures that they cannot be part of a ref-cycle.

                __slots__ = ()
                _registry = {}
                _shutdown = False
                _index_iter = itertools.count()
                _dirty = False
                _registered_with_atexit = False

                class _Info:
                    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

            \#(initHead)        if not self._registered_with_atexit:
                        # We may register the exit function more than once because
                        # of a thread race, but that is harmless
                        _hb_atexit_register(self._exitfunc)
                        finalize._registered_with_atexit = True
                    info = self._Info()
                    info.weakref = ref(obj, self)
                    info.func = func
                    info.args = args
                    info.kwargs = kwargs or None
                    info.atexit = True
                    info.index = next(self._index_iter)
                    self._registry[self] = info
                    finalize._dirty = True
            \#(textSignature)
                def __call__(self, _=None):
                    """If alive then mark as dead and return func(*args, **kwargs);
                    otherwise return None"""
                    info = self._registry.pop(self, None)
                    if info and not self._shutdown:
                        return _hb_call_ex(info)

                def detach(self):
                    """If alive then mark as dead and return (obj, func, args, kwargs);
                    otherwise return None"""
                    info = self._registry.get(self)
                    obj = info and info.weakref()
                    if obj is not None and self._registry.pop(self, None):
                        return (obj, info.func, info.args, info.kwargs or {})

                def peek(self):
                    """If alive then return (obj, func, args, kwargs);
                    otherwise return None"""
                    info = self._registry.get(self)
                    obj = info and info.weakref()
                    if obj is not None:
                        return (obj, info.func, info.args, info.kwargs or {})

                @property
                def alive(self):
                    """Whether finalizer is alive"""
                    return self in self._registry

                @property
                def atexit(self):
                    """Whether finalizer should be called at exit"""
                    info = self._registry.get(self)
                    return bool(info) and info.atexit

                @atexit.setter
                def atexit(self, value):
                    info = self._registry.get(self)
                    if info:
                        info.atexit = bool(value)

                def __repr__(self):
                    info = self._registry.get(self)
                    obj = info and info.weakref()
                    if obj is None:
                        return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
                    else:
                        return '<%s object at %#x; for %r at %#x>' % \
                            (type(self).__name__, id(self), type(obj).__name__, id(obj))

                @classmethod
                def _select_for_exit(cls):
                    # Return live finalizers marked for exit, oldest first
                    L = [(f,i) for (f,i) in cls._registry.items() if i.atexit]
                    L.sort(key=lambda item:item[1].index)
                    return [f for (f,i) in L]

                @classmethod
                def _exitfunc(cls):
                    # At shutdown invoke finalizers for which atexit is true.
                    # This is called once all other non-daemonic threads have been
                    # joined.
                    reenable_gc = False
                    try:
                        if cls._registry:
                            import gc
                            if gc.isenabled():
                                reenable_gc = True
                                gc.disable()
                            pending = None
                            while True:
                                if pending is None or finalize._dirty:
                                    pending = cls._select_for_exit()
                                    finalize._dirty = False
                                if not pending:
                                    break
                                f = pending.pop()
                                try:
                                    # gc is disabled, so (assuming no daemonic
                                    # threads) the following is the only line in
                                    # this function which might trigger creation
                                    # of a new finalizer
                                    f()
                                except Exception:
                                    _hb_exit_exception()
                                assert f not in cls._registry
                    finally:
                        # prevent any more finalizers from executing during shutdown
                        finalize._shutdown = True
                        if reenable_gc:
                            gc.enable()

            del itertools

            """#
    }
}
