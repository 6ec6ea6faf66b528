import HeapEngine

// Objects/typeobject.c (type_new, type_call, subtype_dealloc/traverse), Objects/listobject.c
// (list___init__), Objects/dictobject.c (dict_new, dict_init, dict_subscript's
// `__missing__`) and Objects/tupleobject.c (tuple_subtype_new): classes derived from list,
// dict and tuple.
//
// `class L(list)` is a heap type whose instances have list's payload (TypeInfo.kind is
// .list, Heap+SubtypeInstances.swift): every list method, operator and the repr work on
// them as on a list, and what CPython's list code makes new (`L([1]) + [2]`, `x[:1]`,
// `x * 2`, `D(a=1).copy()`, `T((1,))[:]`) is a plain list, dict or tuple there and here
// alike. The class adds what type_new adds: tp_basicsize grown by the `__dict__` and
// `__weakref__` slots (a tuple subclass gets no `__weakref__`), GC tracking by
// PyType_GenericAlloc, no free lists, a reference to the class.
//
// Modelled: making the class (with or without `__slots__ = ()`), calling it (type_call:
// list's / dict's tp_new, then list___init__ / dict_init or the class's own `__init__`;
// tuple_subtype_new, which takes the items before allocating), the class's own methods and
// class attributes, and the special methods `__init__` (list and dict), `__del__`,
// `__repr__`, `__str__` and (dict) `__missing__`.
// Refused by name: any other special method (the builtin's C code would keep calling its
// own slots, and the engine's operations read the payload directly; a tuple subclass's
// `__new__` and `__init__` among them), non-empty `__slots__`, instance attributes and
// `__dict__` (the instance's dict is not modelled for these layouts), weak references to
// the instances, and `super()` / `list.__init__` reaching the builtin's methods
// (SuperObject.swift refuses those for every builtin type).

extension Interpreter {
    /// The special names a list, dict or tuple subclass may define (as plain functions). A
    /// tuple subclass's `__init__` is left out: tuple_new would take its arguments first.
    static func honouredBuiltinSubclassMethods(_ kind: TypeKind) -> Set<String> {
        switch kind {
        case .dict: return ["__init__", "__del__", "__repr__", "__str__", "__missing__"]
        case .tuple: return ["__del__", "__repr__", "__str__"]
        default: return ["__init__", "__del__", "__repr__", "__str__"]
        }
    }

    /// "list", "dict" or "tuple": the builtin a subclass's instances lay out as.
    func builtinBaseName(_ kind: TypeKind) -> String { heap.typeInfo(heap.builtinType(kind)).name }

    /// Whether `base` is a builtin type whose subclasses the engine models.
    func isSubclassableBuiltin(_ base: TypeInfo) -> Bool {
        // The builtin itself (collections.defaultdict, a static type of kind .dict, is not).
        !base.isHeapType && Heap.subclassableBuiltinKinds.contains(base.kind) && heap.typeInfo(heap.builtinType(base.kind)) === base
    }

    /// type_new's checks for a class whose instances lay out as list, dict or tuple: refuses
    /// the special names and `__slots__` the engine does not honour for them.
    func checkBuiltinSubclassNamespace(_ namespace: ObjectRef, kind: TypeKind, slots: SlotsSpec?) throws {
        let baseName = builtinBaseName(kind)
        for (k, v) in dictStorage(namespace).items {
            guard case .str(let s) = heap.payload[Int(k)], Interpreter.isSpecialName(s.value) else { continue }
            switch s.value {
            case "__module__", "__qualname__", "__firstlineno__", "__static_attributes__", "__doc__",
                 "__slots__", "__classcell__":
                continue   // checkClassNamespace / typeNewSlots judge these
            default:
                guard Interpreter.honouredBuiltinSubclassMethods(kind).contains(s.value), case .function = heap.payload[Int(v)] else {
                    throw notModelled("\(s.value) in a subclass of \(baseName)")
                }
            }
        }
        if let slots, !slots.names.isEmpty || slots.addDict || slots.addWeakref {
            throw notModelled("non-empty __slots__ in a subclass of \(baseName)")
        }
    }

    /// type_call for a list or dict subclass: _PyObject_MakeTpCall packs the arguments
    /// (heap types have no vectorcall), tp_new allocates (PyType_GenericAlloc; dict_new adds
    /// its keys object), then tp_init: the class's `__init__` (slot_tp_init) or the base's
    /// list___init__ / dict_init. Consumes the arguments.
    func instantiateBuiltinSubclass(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        let kind = heap.typeInfo(type).kind
        if let info = namedtupleInfo(type) { return try instantiateNamedtuple(type, info, args, kwargs) }
        if kind == .tuple { return try instantiateTupleSubclass(type, args, kwargs) }
        if let initFn = try lookupInType(type, "__init__"), case .function = heap.payload[Int(initFn)] {
            return try instantiate(type, args, kwargs, allocate: { try self.newBuiltinSubclassObject(type, kind) })
        }
        defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
        for a in args { try refuseStartupObject(a) }
        let packed = try packTypeCallArguments(args, kwargs)
        defer { packed.reversed().forEach(heap.decref) }
        let obj = try newBuiltinSubclassObject(type, kind)
        do {
            // list___init__ / dict_init check their arguments under the builtin's name
            // ("list expected at most 1 argument, got 2").
            // 3.8's list___init__ checks for keywords only when `type(self) is list`
            // (`L(a=1)` is `[]` on 3.8.18); 3.6's "|O:list" and 3.11's check (also for a class
            // keeping list's tp_new, bpo-43413) raise for L as for list.
            let ignoresKeywords = kind == .list && profile.minor >= 7 && profile.minor < 11
            let checked = try checkArguments(typeSignature(kind)!, builtinBaseName(kind), args,
                                             ignoresKeywords ? [] : kwargs)
            if kind == .dict {
                try dictInit(obj, checked.args.first, checked.kwargs)
            } else if let a = checked.args.first {
                try listInit(obj, a)
            }
        } catch {
            heap.decref(obj)
            throw error
        }
        return obj
    }

    /// type_call for a tuple subclass: the packed arguments, then tuple_new's checks (3.8's
    /// for keywords only when `type is tuple`, as list___init__'s), then tuple_subtype_new:
    /// a plain tuple of the items first (tuple_new_impl(&PyTuple_Type, iterable):
    /// PySequence_Tuple, or the empty tuple), the instance allocated and filled with them,
    /// the plain tuple released. tp_init is object_init, which accepts the arguments because
    /// tp_new is not object_new. Consumes the arguments.
    private func instantiateTupleSubclass(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
        for a in args { try refuseStartupObject(a) }
        // 3.6's "|O:tuple" takes `sequence=` as the argument.
        if profile.minor < 7, !kwargs.isEmpty { throw notModelled("keyword arguments to a subclass of tuple on 3.6") }
        let packed = try packTypeCallArguments(args, kwargs)
        defer { packed.reversed().forEach(heap.decref) }
        let ignoresKeywords = profile.minor >= 7 && profile.minor < 11
        let checked = try checkArguments(typeSignature(.tuple)!, "tuple", args, ignoresKeywords ? [] : kwargs)
        let plain: ObjectRef
        if let a = checked.args.first { plain = try sequenceTuple(a) } else { heap.incref(heap.emptyTuple); plain = heap.emptyTuple }
        defer { heap.decref(plain) }
        let items = sequenceItems(plain) ?? []
        items.forEach(heap.incref)
        do { return try heap.newTupleSubtypeInstance(type: type, items: items) } catch {
            items.forEach(heap.decref)
            throw memoryError()
        }
    }

    /// tp_new of list (PyType_GenericNew) or dict (dict_new) for the class `type`.
    private func newBuiltinSubclassObject(_ type: ObjectRef, _ kind: TypeKind) throws -> ObjectRef {
        do {
            if kind == .dict {
                // dict_new: 3.7 and 3.8 give the new dict a keys object of its own, 3.6's
                // new_keys_object(PyDict_MINSIZE) as well (what `dict()` gets: `D()` is
                // 16 bytes more than `dict()`, 248 vs 264 on 3.6.15, 232 vs 248 on 3.8.18).
                let storage = layouts.emptyDictKeys == .shared ? DictStorage() : DictStorage(minimumSize: layouts)
                return try heap.newDictSubtypeInstance(type: type, storage: storage)
            }
            return try heap.newListSubtypeInstance(type: type)
        } catch { throw memoryError() }
    }

    /// list___init__(self, iterable) on the empty new list: list_extend, sized as `list(x)`
    /// sizes its items (newListCall). Borrows `iterable`.
    func listInit(_ obj: ObjectRef, _ iterable: ObjectRef) throws {
        let items = try iterateToArray(iterable)
        let storage = listCallStorage(items, from: iterable)
        heap.setPayload(obj, .list(storage))
        heap.listItemsResized(obj)
    }

    /// dict_init → dict_update_common: the positional mapping or pairs, then the keywords.
    func dictInit(_ d: ObjectRef, _ a: ObjectRef?, _ kwargs: [(String, ObjectRef)]) throws {
        if let a {
            try refuseOrderedDictSource(a, "dict() of a collections.OrderedDict")
            if case .dict = heap.payload[Int(a)] {
                try dictMergeDict(d, from: a)
            } else {
                try dictMergeFromSequence(d, a)
            }
        }
        for (k, v) in kwargs { try dictSet(d, name(k), v) }
    }

    /// Attribute lookup on an instance of a list, dict or tuple subclass (PyObject_GenericGetAttr
    /// with no instance dict to read): the class's own dict and its heap bases first, then
    /// the builtin's methods (the caller's method table). nil: not found in the classes.
    func builtinSubclassAttribute(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        let info = heap.typeInfo(of: obj)
        if attr == "__dict__" {
            // subtype_dict: the instance dict is not modelled for these layouts.
            if info.hasInstanceDict { throw notModelled("the __dict__ of an instance of a subclass of \(builtinName(obj))") }
            return nil
        }
        guard let v = try lookupInType(heap.typeOf[Int(obj)], attr) else { return nil }
        if let p = propertyObject(v) { return try propertyGet(p, obj, attr: attr) }
        // `__weakref__` (and `__dict__`): getset descriptors whose __get__ is not modelled.
        if heap.kind(v) == .getsetDescriptor { throw notModelled("\(typeName(obj)).\(attr)") }
        return try bindIfFunction(v, obj)
    }

    /// Instance attributes of list and dict subclasses are refused (their `__dict__` is not
    /// modelled), whether set, deleted or read back.
    func refuseBuiltinSubclassAttributeStore(_ obj: ObjectRef, _ attr: String) throws {
        guard heap.isBuiltinSubtypeInstance(obj) else { return }
        if let v = try lookupInType(heap.typeOf[Int(obj)], attr), propertyObject(v) != nil {
            throw notModelled("a property of a subclass of \(builtinName(obj)) set or deleted")
        }
        if heap.typeInfo(of: obj).hasInstanceDict {
            throw notModelled("instance attributes of a subclass of \(builtinName(obj))")
        }
        // `__slots__ = ()`: no dict, so PyObject_GenericSetAttr raises (not modelled either:
        // its message depends on whether the class has the name).
        throw notModelled("setting an attribute on an instance of a subclass of \(builtinName(obj)) without __dict__")
    }

    /// Weak references to instances of list and dict subclasses (their `__weakref__` slot).
    func refuseBuiltinSubclassWeakref(_ obj: ObjectRef) throws {
        if heap.isBuiltinSubtypeInstance(obj) {
            throw notModelled("weak references to instances of a subclass of \(builtinName(obj))")
        }
        if heap.isDefaultDict(obj) { throw notModelled("weak references to collections.defaultdict objects") }
        if heap.isOrderedDict(obj) { throw notModelled("weak references to collections.OrderedDict objects") }
    }

    /// dict_subscript's miss on a dict subclass: `_PyObject_LookupSpecial(mp, "__missing__")`
    /// binds the method (a bound method object, off its free list before 3.9), calls it with
    /// the key and releases it. nil: the class has no `__missing__` (KeyError follows).
    func dictMissing(_ d: ObjectRef, _ key: ObjectRef) throws -> ObjectRef? {
        if heap.isDefaultDict(d) { return try defaultDictSubscriptMissing(d, key) }
        guard heap.isBuiltinSubtypeInstance(d), let fn = try lookupSpecial(d, "__missing__") else { return nil }
        let bound: ObjectRef
        do { bound = try heap.newMethod(function: fn, selfRef: d) } catch { throw memoryError() }
        defer { heap.decref(bound) }
        // 3.6: PyObject_CallFunctionObjArgs → _PyObject_FastCallDict gives the method's
        // tp_call a tuple of the arguments (_PyStack_AsTuple), and method_call copies self and
        // them into a new tuple for the function (`sys.getrefcount(key)` in `__missing__` is
        // one more on 3.6.15 than on 3.8.18, and so is self's); 3.8+ vectorcall it.
        var packed: [ObjectRef] = []
        defer { packed.reversed().forEach(heap.decref) }
        if profile.minor < 7 {
            heap.incref(key); packed.append(try newTuple([key]))
            heap.incref(d); heap.incref(key); packed.append(try newTuple([d, key]))
        }
        heap.incref(fn); heap.incref(d); heap.incref(key)
        return try callFunction(fn, [d, key], [], vectorcall: true)
    }

    /// The user `__repr__` / `__str__` of a list or dict subclass (slot_tp_repr /
    /// slot_tp_str override list_repr and dict_repr). nil: the class defines neither.
    func builtinSubclassReprMethod(_ r: ObjectRef, _ names: [String]) throws -> ObjectRef? {
        guard heap.isBuiltinSubtypeInstance(r) else { return nil }
        for n in names { if let m = try lookupSpecial(r, n) { return m } }
        return nil
    }

    /// `sys.getsizeof` of a list or dict subclass instance: list___sizeof__ / dict_sizeof
    /// start from _PyObject_SIZE(Py_TYPE(self)), the class's tp_basicsize, and getsizeof
    /// adds the class's pre-header; the items or keys are the builtin's.
    func builtinSubclassSizeDelta(_ r: ObjectRef) -> Int {
        let info = heap.typeInfo(of: r)
        // A class derived from list, dict or tuple, or collections.defaultdict (0 for the
        // builtins themselves).
        guard info.kind == .list || info.kind == .dict || info.kind == .tuple else { return 0 }
        let base = heap.typeInfo(heap.builtinType(info.kind))
        return (info.basicSize + info.preHeaderSize) - (base.basicSize + base.preHeaderSize)
    }

    private func builtinName(_ obj: ObjectRef) -> String { builtinBaseName(heap.typeInfo(of: obj).kind) }
}
