import HeapEngine

// Objects/typeobject.c's object.__reduce_ex__ for protocol 4 (object___reduce_ex___impl,
// _common_reduce, reduce_newobj, _PyObject_GetNewArguments, _PyObject_GetState /
// object_getstate / object_getstate_default, _PyType_GetSlotNames) and Lib/copyreg.py's
// `__newobj__` and `_slotnames`, as Lib/copy.py's copy and deepcopy reach them for an
// instance of a plain class (CopyModule.swift's stand-in, `_reconstruct`).
//
// copyreg is Python in CPython, and so is its stand-in here: `__newobj__` and `_slotnames`
// are compiled into copy's stand-in, so that their frames, the `names` list `_slotnames`
// caches in the class (`C.__slotnames__`, a class attribute from the first copy on) and
// the generator `_reconstruct` makes are made as CPython's bytecode makes them. Where the
// stand-in cannot spell CPython's code, a native function does what it does, object for
// object:
// - `_hb_getattr(x, "__reduce_ex__", None)`: builtin getattr (same signature, METH_VARARGS
//   on 3.6) binding object.__reduce_ex__ to x (a builtin method object, PyCFunction, off the
//   free list where the profile has one);
// - `_hb_class_dict_get(cls, key)`: `cls.__dict__.get(key)`, the mappingproxy type_dict
//   makes (GC-tracked: it counts in generation 0) and, on 3.6, the bound `get`, its
//   argument tuple, the bound dict.get and the "(OO)" tuple mappingproxy_get passes it;
//   on 3.8 the argument tuple of the METH_VARARGS method descriptor (3.11+: vectorcall,
//   nothing);
// - `_hb_object_new(cls, *args)`: `cls.__new__(cls, *args)`, object.__new__ found on the
//   type (tp_new_wrapper: a PyCFunction stored in object's dict, no allocation).
// The reduction itself (`objectReduceEx`) makes what reduce_newobj makes: the bound
// `__reduce__` it compares with object's (freed at once), the `(cls,)` args tuple, 3.11+'s
// bound `__getstate__` (object_getstate), the state (the instance's own `__dict__`, not a
// copy, measured `p.__reduce_ex__(4)[2] is p.__dict__` True on all five; None when it is
// empty; 3.11+ materialise it, PyObject_GenericGetDict), and the 5-tuple.
//
// Slotted classes (3.11 only: the other versions refuse their copies anyway): `_slotnames`
// walks the MRO through `_hb_class_dict_contains`/`_hb_class_dict_getitem` (a proxy each),
// object_getstate_default gathers the set slots into a new dict and the state becomes
// `(state, slots)` (PyTuple_Pack), which `_reconstruct` sets back with setattr.
//
// Refused (a plain refusal where CPython's path differs): any object but an instance of a
// plain class (builtin subclasses: list/dict items, tp_itemsize); slotted classes on the
// versions other than 3.11; a `__slotnames__` that is not the class's slots;
// an instance whose own dict holds `__reduce_ex__`, `__reduce__` or `__getstate__`;
// protocols other than 4; `__new__`/`__getnewargs__`/`__getnewargs_ex__`/`__getstate__`
// /`__setstate__` defined by the class (the class statement refuses them already); a
// lookup of a missing attribute while an exception is being handled before 3.12 (3.6-3.10:
// `obj.__getstate__`, PyErr_SetObject normalizes it for chaining).
extension Interpreter {
    /// Lib/copyreg.py's `__newobj__` and `_slotnames` at 3.6.15-3.13.0 (identical at the five
    /// tags), named `_hb_newobj` and `_hb_slotnames` (copy's module has neither name), with `cls.__dict__.get(...)` spelled `_hb_class_dict_get(cls, ...)` and
    /// `cls.__new__` spelled `_hb_object_new` (see the header). `_slotnames`' walk over
    /// `__slots__` is kept for the day slots are modelled; `objectReduceEx` refuses slotted
    /// classes before calling it.
    static let copyregStandIn = """
        def _hb_newobj(cls, *args):
            return _hb_object_new(cls, args)

        def _hb_slotnames(cls):
            names = _hb_class_dict_get(cls, "__slotnames__")
            if names is not None:
                return names

            names = []
            if not hasattr(cls, "__slots__"):
                pass
            else:
                for c in cls.__mro__:
                    if _hb_class_dict_contains(c, "__slots__"):
                        slots = _hb_class_dict_getitem(c, '__slots__')
                        if isinstance(slots, str):
                            slots = (slots,)
                        for name in slots:
                            if name in ("__dict__", "__weakref__"):
                                continue
                            elif name.startswith('__') and not name.endswith('__'):
                                _hb_unmodelled(cls)
                            else:
                                names.append(name)

            try:
                cls.__slotnames__ = names
            except:
                pass

            return names

        """

    /// The natives copy's stand-in calls in place of copyreg's and typeobject.c's code
    /// (see the header), defined in copy's dict `d`.
    func defineCopyregNatives(_ d: ObjectRef) {
        // Builtin getattr's signature (3.6: METH_VARARGS, an argument tuple).
        defineFunction(in: d, "_hb_getattr", module: "copy") { i, _, args, _ in
            let x = args[0]
            guard args.count == 3, i.heap.kind(args[1]) == .str, i.stringValue(args[1]) == "__reduce_ex__",
                  args[2] == i.heap.none else { preconditionFailure("_hb_getattr: the stand-in's own call") }
            try i.refusePlainInstanceReduce(x)
            // generic getattr: object.__reduce_ex__ (a method descriptor) bound to x.
            i.heap.incref(x)
            return try i.newBuiltinObject(BuiltinInfo(id: i.copyregBuiltin("__reduce_ex__"), selfRef: x))
        }
        // `y = func(*args)` in `_reconstruct` when `args` is its generator expression
        // (deep copies), as 3.11's CALL_FUNCTION_EX runs it: PySequence_Tuple(gen) makes
        // PyTuple_New(10) (PyObject_LengthHint's default: a generator has no
        // `__length_hint__`) before running the generator, then _PyTuple_Resize's it to the
        // items' count; the stack's reference to the generator goes (the local keeps it);
        // PyObject_Call → _PyEval_Vector (the frame's own references); the tuple is released
        // after the call. Only 3.11's is modelled: 3.8 calls without the frame's reference to
        // the function, 3.12+ release the tuple when the frame is pushed (`CEval.callFunctionEx`),
        // and their counts after a deep copy were not measured against this.
        defineFunction(in: d, "_hb_call_star_generator", module: "copy") { i, _, args, _ in
            let (f, gen) = (args[0], args[1])
            guard i.profile.minor == 11 else {
                throw i.notModelled("copy.deepcopy of an instance", because: "copy._reconstruct's `func(*args)` over its generator is modelled on CPython 3.11 only")
            }
            guard i.generator(gen) != nil, case .function = i.heap.payload[Int(f)] else { preconditionFailure("the stand-in's own call") }
            let hint = 10
            let placeholders = Array(repeating: i.heap.none, count: hint)
            placeholders.forEach(i.heap.incref)
            let tuple = try i.newTuple(placeholders)
            defer { i.heap.decref(tuple) }
            let items = try i.iterateToArray(gen)
            guard !items.isEmpty, items.count < hint else {
                items.forEach(i.heap.decref)
                throw i.notModelled("copy._reconstruct with \(items.count) arguments for `__new__`")
            }
            do { try i.heap.shrinkTuple(tuple, to: items) } catch { items.forEach(i.heap.decref); throw i.memoryError() }
            items.forEach(i.heap.incref)
            return try i.call(f, items, [])
        }
        defineFunction(in: d, "_hb_class_dict_get", module: "copy") { i, _, args, _ in
            try i.classDictGet(args[0], args[1])
        }
        // `key in c.__dict__` and `c.__dict__[key]` (3.11: mappingproxy_contains →
        // PyDict_Contains, mappingproxy_getitem → PyObject_GetItem, nothing made but the
        // proxy). Only 3.11 gets here: slotted instances are refused on the others.
        defineFunction(in: d, "_hb_class_dict_contains", module: "copy") { i, _, args, _ in
            let (c, key) = (args[0], args[1])
            guard i.profile.minor == 11, i.heap.kind(c) == .type else {
                throw i.notModelled("copyreg._slotnames on CPython \(i.profile.version)")
            }
            // `object` (the end of every MRO) has no dict in the engine; CPython's holds no
            // `__slots__`. Its proxy is made over None, whose count is back when it goes.
            let cd = i.heap.typeInfo(c).dict
            guard cd != nil || c == i.heap.builtinType(.object) else {
                throw i.notModelled("copyreg._slotnames of a class based on '\(i.heap.typeInfo(c).name)'")
            }
            let proxy: ObjectRef
            do { proxy = try i.heap.newMappingProxy(cd ?? i.heap.none) } catch { throw i.memoryError() }
            defer { i.heap.decref(proxy) }
            guard let cd else { return i.heap.newBool(false) }
            return i.heap.newBool(try i.dictGet(cd, key) != nil)
        }
        defineFunction(in: d, "_hb_class_dict_getitem", module: "copy") { i, _, args, _ in
            let (c, key) = (args[0], args[1])
            guard i.profile.minor == 11, i.heap.kind(c) == .type, let cd = i.heap.typeInfo(c).dict,
                  let v = try i.dictGet(cd, key) else {
                throw i.notModelled("copyreg._slotnames on CPython \(i.profile.version)")
            }
            let proxy: ObjectRef
            do { proxy = try i.heap.newMappingProxy(cd) } catch { throw i.memoryError() }
            defer { i.heap.decref(proxy) }
            i.heap.incref(v)
            return v
        }
        defineFunction(in: d, "_hb_object_new", module: "copy") { i, _, args, _ in
            let cls = args[0]
            guard case .tuple(let rest) = i.heap.payload[Int(args[1])], rest.isEmpty, i.heap.kind(cls) == .type,
                  i.heap.typeInfo(cls).kind == .instance, i.heap.typeInfo(cls).isHeapType,
                  try i.lookupInType(cls, "__new__") == nil else {
                throw i.notModelled("copyreg.__newobj__ of a '\(i.typeName(cls))'")
            }
            // `cls.__new__(cls, *args)` as 3.11's bytecode runs it: BUILD_LIST 1 + LIST_EXTEND
            // (a list, freed by LIST_TO_TUPLE), the (cls,) tuple CALL_FUNCTION_EX passes to
            // tp_new_wrapper (object.__new__, found on the type without allocating), held
            // for the call; object_new: no excess arguments, tp_alloc. 3.6/3.8 (BUILD_TUPLE_
            // UNPACK_WITH_CALL) and 3.12+ never get here: their CALL_FUNCTION_EX is refused
            // at `_reconstruct(x, None, *rv)`.
            guard i.profile.callFunctionExModelled else {
                throw i.notModelled("f(*args, **kwargs)", because: "CPython \(i.profile.version)'s CALL_FUNCTION_EX is not modelled")
            }
            let list = i.heap.takeFromFreeLists(FreeListCounts(lists: 1))
            let tuple = i.heap.takeFromFreeLists(FreeListCounts(tuples: [0, 1]))
            i.heap.releaseWorkingSet(list)
            defer { i.heap.releaseWorkingSet(tuple) }
            do { return try i.heap.newInstance(type: cls) } catch { throw i.memoryError() }
        }
    }

    /// The builtin function ids the reduction binds (registered on first use): object's
    /// `__reduce_ex__` (called), `__reduce__` and `__getstate__` (bound and released only),
    /// mappingproxy's `get` and dict's `get` on 3.6 (bound and released only).
    func copyregBuiltin(_ n: String) -> Int32 {
        if let id = copyregBuiltins[n] { return id }
        let id: Int32
        switch n {
        case "__reduce_ex__":
            id = registerBuiltin(n, owner: .object) { i, s, args, _ in try i.objectReduceEx(s!, args) }
        case "mappingproxy.get":
            id = registerBuiltin("get") { _, _, _, _ in preconditionFailure("never called") }
        default:
            id = registerBuiltin(n, owner: .object) { _, _, _, _ in preconditionFailure("never called") }
        }
        copyregBuiltins[n] = id
        return id
    }

    /// What `objectReduceEx` models: an instance of a plain class (no slots, no builtin
    /// base) whose own dict does not hold the names the reduction looks up.
    func refusePlainInstanceReduce(_ x: ObjectRef) throws {
        let info = heap.typeInfo(of: x)
        guard case .instance(let st) = heap.payload[Int(x)], info.isHeapType, info.kind == .instance else {
            throw notModelled("copying a '\(typeName(x))' object",
                              because: "Lib/copy.py copies it through `__reduce_ex__(4)` (copyreg, _reconstruct), "
                                  + "which heapbook models only for instances of plain classes")
        }
        if (info.slotCount > 0 || !info.hasInstanceDict) && profile.minor != 11 {
            throw notModelled("copying a '\(typeName(x))' object",
                              because: "the slot state object.__reduce_ex__ gathers for a class with `__slots__` "
                                  + "(copyreg._slotnames, the (dict, slots) state) is not modelled")
        }
        for n in ["__reduce_ex__", "__reduce__", "__getstate__", "__setstate__", "__getnewargs__", "__getnewargs_ex__", "__getattribute__"] {
            if try lookupInType(heap.typeOf[Int(x)], n) != nil {
                throw notModelled("copying a '\(typeName(x))' object", because: "its class defines \(n)")
            }
        }
        var own: [String] = []
        if let d = st.dict { own = dictStorage(d).items.compactMap { heap.kind($0.key) == .str ? stringValue($0.key) : nil } }
        if let a = st.attributes { own += a.items.compactMap { heap.kind($0.key) == .str ? stringValue($0.key) : nil } }
        for n in ["__reduce_ex__", "__reduce__", "__getstate__", "__setstate__"] where own.contains(n) {
            throw notModelled("copying a '\(typeName(x))' object", because: "its own `__dict__` holds \(n)")
        }
    }

    /// object.__reduce_ex__(x, protocol) (3.6: object_reduce_ex) for an instance
    /// `refusePlainInstanceReduce` accepted: new reference to the 5-tuple
    /// `(copyreg.__newobj__, (cls,), state, None, None)`.
    func objectReduceEx(_ x: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard args.count == 1, case .int(let p) = heap.payload[Int(args[0])], heap.kind(args[0]) == .int, p == 4 else {
            throw notModelled("object.__reduce_ex__ with a protocol other than 4")
        }
        try refusePlainInstanceReduce(x)
        let cls = heap.typeOf[Int(x)]
        // `self.__reduce__` (a bound builtin method, GC-tracked) and `cls.__reduce__` (the
        // method descriptor itself): equal to object's, so not overridden; released at once.
        heap.incref(x)
        heap.decref(try newBuiltinObject(BuiltinInfo(id: copyregBuiltin("__reduce__"), selfRef: x)))
        // reduce_newobj: no __getnewargs_ex__/__getnewargs__ (type lookups, nothing made),
        // copyreg from sys.modules, copyreg.__newobj__, newargs = (cls,).
        guard let newobj = try dictGet(copyModuleDict(), name("_hb_newobj")) else { preconditionFailure("no _hb_newobj") }
        heap.incref(newobj)
        heap.incref(cls)
        let newargs: ObjectRef
        do { newargs = try newTuple([cls]) } catch { heap.decref(newobj); throw error }
        let state: ObjectRef
        do { state = try objectGetState(x, cls) } catch { heap.decref(newargs); heap.decref(newobj); throw error }
        // _PyObject_GetItemsIter: neither a list nor a dict, so None and None; PyTuple_Pack
        // takes its own references and reduce_newobj drops its.
        heap.incref(heap.none); heap.incref(heap.none)
        return try newTuple([newobj, newargs, state, heap.none, heap.none])
    }

    /// _PyObject_GetState(obj, required=1) (3.6/3.8) or object_getstate (3.11+): new
    /// reference to the state (the instance's dict, or None).
    private func objectGetState(_ x: ObjectRef, _ cls: ObjectRef) throws -> ObjectRef {
        var getstate: ObjectRef?
        if profile.minor >= 11 {
            // object.__getstate__ (3.11+) bound to x: it is object's own, so
            // object_getstate_default runs; released after the state is made.
            heap.incref(x)
            getstate = try newBuiltinObject(BuiltinInfo(id: copyregBuiltin("__getstate__"), selfRef: x))
        } else if handledException != nil {
            throw notModelled("copying an instance while an exception is being handled",
                              because: "CPython \(profile.version)'s `obj.__getstate__` lookup raises an AttributeError that "
                                  + "PyErr_SetObject normalizes for chaining, which heapbook does not model")
        }
        // else: generic getattr raised AttributeError (an unnormalized message str),
        // PyErr_Clear freed it.
        defer { getstate.map(heap.decref) }
        guard case .instance(let st) = heap.payload[Int(x)] else { preconditionFailure() }
        var state: ObjectRef
        if profile.minor < 11 {
            // _PyObject_GetDictPtr: the dict itself when it exists and is not empty.
            precondition(st.attributes == nil, "inline values before 3.11")
            if let d = st.dict, dictStorage(d).count > 0 { state = d } else { state = heap.none }
            heap.incref(state)
        } else {
            // _PyObject_IsInstanceDictEmpty, then PyObject_GenericGetDict (materialises).
            let empty: Bool
            if let d = st.dict { empty = dictStorage(d).count == 0 } else { empty = (st.attributes?.count ?? 0) == 0 }
            if empty { state = heap.none; heap.incref(state) } else { state = try materializeDict(x) }
        }
        // _PyType_GetSlotNames: the class's own `__slotnames__`, else copyreg._slotnames(cls)
        // (a Python call from C with cls borrowed), which caches it there.
        let slotnames: ObjectRef
        do {
            if let d = heap.typeInfo(cls).dict, let cached = try dictGet(d, name("__slotnames__")) {
                guard case .list = heap.payload[Int(cached)] else {
                    throw notModelled("a class whose `__slotnames__` is not a list")
                }
                heap.incref(cached)
                slotnames = cached
            } else {
                guard let f = try dictGet(copyModuleDict(), name("_hb_slotnames")) else { preconditionFailure("no _hb_slotnames") }
                // callFunction consumes a reference to the function and to each argument.
                heap.incref(f)
                heap.incref(cls)
                slotnames = try callFunction(f, [cls], [], vectorcall: true)
            }
        } catch { heap.decref(state); throw error }
        defer { heap.decref(slotnames) }
        // The `required` basicsize check: object's, a non-managed dict pointer (none: 3.11's
        // dicts are managed), the weakref pointer, one pointer per slot name; engine classes
        // have no other fields, so it passes exactly when the names are the slots.
        guard case .list(let l) = heap.payload[Int(slotnames)], l.items.count == heap.typeInfo(cls).slotCount,
              l.items.isEmpty || profile.minor == 11 else {
            heap.decref(state)
            throw notModelled("object.__reduce_ex__ of a class whose `__slotnames__` are not its slots")
        }
        if l.items.isEmpty { return state }
        // The slots dict: each set slot's value (an unset one raises AttributeError inside
        // _PyObject_LookupAttr: an unnormalized message, cleared); (state, slots) when any.
        let slots: ObjectRef
        do { slots = try newDict() } catch { heap.decref(state); throw error }
        defer { heap.decref(slots) }
        for n in l.items {
            guard heap.kind(n) == .str else { heap.decref(state); throw notModelled("a non-str slot name") }
            guard let m = try memberDescriptor(of: x, stringValue(n)) else {
                heap.decref(state)
                throw notModelled("a slot name that is not a member of '\(typeName(x))'")
            }
            let i = heap.slotIndex(m, instanceType: cls)
            guard let v = heap.slotValue(x, i) else { continue }
            do { try dictSet(slots, n, v) } catch { heap.decref(state); throw error }
        }
        guard dictStorage(slots).count > 0 else { return state }
        heap.incref(slots)
        return try newTuple([state, slots])   // PyTuple_Pack, then Py_DECREF(state)
    }

    /// `cls.__dict__.get(key)` (copyreg._slotnames): a new reference to the value or None.
    /// The mappingproxy and what each version's mappingproxy_get makes (see the header).
    private func classDictGet(_ cls: ObjectRef, _ key: ObjectRef) throws -> ObjectRef {
        guard heap.kind(cls) == .type, let d = heap.typeInfo(cls).dict else {
            throw notModelled("copyreg._slotnames of a '\(typeName(cls))'")
        }
        let proxy: ObjectRef
        do { proxy = try heap.newMappingProxy(d) } catch { throw memoryError() }
        var result: ObjectRef = heap.none
        if let v = try dictGet(d, key) { result = v }
        heap.incref(result)
        switch profile.minor {
        case ..<8:
            // LOAD_ATTR get: a bound builtin method holding the proxy (the stack's reference
            // to the proxy goes); METH_VARARGS: the (key,) tuple; _PyObject_CallMethodId:
            // the bound dict.get and the "(OO)" tuple, released in reverse.
            let bound = try newBuiltinObject(BuiltinInfo(id: copyregBuiltin("mappingproxy.get"), selfRef: proxy))
            let args1 = heap.takeFromFreeLists(FreeListCounts(tuples: [0, 1]))
            heap.incref(d)
            guard let dictGetID = methodTable[.dict]?["get"] else { preconditionFailure("dict.get") }
            let boundGet = try newBuiltinObject(BuiltinInfo(id: dictGetID, selfRef: d))
            let args2 = heap.takeFromFreeLists(FreeListCounts(tuples: [0, 0, 1]))
            heap.releaseWorkingSet(args2)
            heap.decref(boundGet)
            heap.releaseWorkingSet(args1)
            heap.decref(bound)
        case ..<11:
            // LOAD_METHOD: the method descriptor; METH_VARARGS: the (key,) tuple.
            let args1 = heap.takeFromFreeLists(FreeListCounts(tuples: [0, 1]))
            heap.releaseWorkingSet(args1)
            heap.decref(proxy)
        default:
            heap.decref(proxy)
        }
        return result
    }

    /// copy's module dict (the stand-in's globals).
    private func copyModuleDict() throws -> ObjectRef {
        guard let m = modules["copy"], case .module(let info) = heap.payload[Int(m)] else {
            preconditionFailure("copy is not imported")
        }
        return info.dict
    }
}
