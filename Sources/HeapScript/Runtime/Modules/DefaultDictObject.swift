import HeapEngine

// Modules/_collectionsmodule.c (defdict_*): collections.defaultdict, whose instances are
// dicts (HeapEngine's DefaultDictObject.swift keeps the type, the layout and the factory).
//
// Modelled: defaultdict(), defaultdict(factory), defaultdict(factory, mapping or pairs,
// **kwargs) (type_call → dict_new → defdict_init → dict_init); d[missing] (dict_subscript's
// `__missing__` → defdict_missing: the factory called with no arguments, its result stored
// and returned); the `default_factory` member read; the repr; everything a dict does that
// dict's own code does for a dict subclass (len, `in`, get, setdefault, items...,
// `d[k] = v`, `del d[k]`, ==, iteration, sys.getsizeof with the type's basic size); the
// collector (defdict_traverse, defdict_tp_clear, defdict_dealloc).
// Refused: what defaultdict overrides or adds beyond that (copy, __copy__, __reduce__,
// `|` (3.9+), `__missing__` called by name, setting default_factory), dict methods
// called through a dunder name or as class methods (fromkeys), attributes of the type,
// subclassing it, weak references to its instances, and factories other than Python
// functions and classes.
extension Interpreter {
    /// type_call for collections.defaultdict (a static type without vectorcall: the
    /// arguments are packed), dict_new, then defdict_init: the first argument is the factory
    /// ("first argument must be callable or None"), the rest (PySequence_GetSlice(args, 1,
    /// n): a slice object and, for two or more arguments, a new tuple) go to dict_init.
    /// Borrows the arguments.
    func newDefaultDictCall(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        for a in args { try refuseStartupObject(a) }
        let packed = try packTypeCallArguments(args, kwargs)
        defer { packed.reversed().forEach(heap.decref) }
        let obj: ObjectRef
        do {
            let storage = layouts.emptyDictKeys == .shared ? DictStorage() : DictStorage(minimumSize: layouts)
            obj = try heap.newDefaultDict(storage: storage)
        } catch { throw memoryError() }
        do {
            let factory = args.first
            if let f = factory, f != heap.none {
                guard try isCallable(f) else { throw error("TypeError", "first argument must be callable or None") }
            }
            let rest = Array(args.dropFirst())
            // _PySlice_FromIndices(1, n) (small ints) for tuple_subscript, released after it.
            heap.incref(heap.none)
            let slice = try newSlice(try newInt(1), try newInt(args.count), heap.none)
            var newargs: ObjectRef?
            if !rest.isEmpty {
                rest.forEach(heap.incref)
                do { newargs = try newTuple(rest) } catch { heap.decref(slice); throw error }
            }
            heap.decref(slice)
            defer { if let newargs { heap.decref(newargs) } }
            if let f = factory { heap.incref(f); heap.setDefaultFactory(obj, f) }
            let checked = try checkArguments(typeSignature(.dict)!, "dict", rest, kwargs)
            try dictInit(obj, checked.args.first, checked.kwargs)
        } catch {
            heap.decref(obj)
            throw error
        }
        return obj
    }

    /// dict_subscript's miss on a defaultdict: `_PyObject_LookupSpecial(mp, "__missing__")`
    /// binds the method descriptor (a builtin method object holding the defaultdict, off
    /// the free list where the profile has one), calls it with the key (METH_O: no tuple),
    /// and releases it.
    func defaultDictSubscriptMissing(_ d: ObjectRef, _ key: ObjectRef) throws -> ObjectRef {
        heap.incref(d)
        let bound = try newBuiltinObject(BuiltinInfo(id: defaultDictMissingID(), selfRef: d))
        defer { heap.decref(bound) }
        return try defaultDictMissing(d, key)
    }

    /// defdict_missing: no factory (NULL or None) raises KeyError((key,)); otherwise the
    /// factory is called with no arguments (_PyObject_CallNoArg) and its result stored
    /// under the key (PyObject_SetItem) and returned (a new reference).
    private func defaultDictMissing(_ d: ObjectRef, _ key: ObjectRef) throws -> ObjectRef {
        guard let f = heap.defaultFactory(d), f != heap.none else {
            heap.incref(key)
            throw try raiseNew("KeyError", args: [key])
        }
        let value: ObjectRef
        switch heap.payload[Int(f)] {
        case .function:
            value = try callFromC(f, [])
        case .type(let info) where info.isHeapType:
            value = try call(f, [], [])
        case .type(let info) where info.kind != .exception && f != heap.weakProxyType && f != heap.weakCallableProxyType:
            // A call from C: no CALL instruction, so no eval-breaker check after it.
            value = try callBuiltinType(info.kind, f, [], [])
        default:
            throw notModelled("a defaultdict's default_factory of type '\(typeName(f))' called")
        }
        do { try dictSet(d, key, value) } catch { heap.decref(value); throw error }
        return value
    }

    /// The builtin id standing for defdict_missing's method (only ever bound and released
    /// by dict_subscript; `d.__missing__` itself is refused).
    private func defaultDictMissingID() -> Int32 {
        if let id = defaultDictMissingBuiltin { return id }
        let id = registerBuiltin("__missing__", owner: .dict) { i, s, args, _ in
            try i.defaultDictMissing(s!, args[0])
        }
        defaultDictMissingBuiltin = id
        return id
    }

    /// defdict_repr: "defaultdict(<factory repr>, <dict repr>)", the dict's repr first, then
    /// the factory's inside Py_ReprEnter ("..." when it is being printed already), "None"
    /// for NULL.
    func defaultDictRepr(_ r: ObjectRef, _ storage: DictStorage, depth: Int) throws -> String {
        let base = try dictRepr(r, storage, depth: depth)
        var factory = "None"
        if let f = heap.defaultFactory(r) {
            if reprEnter(f) {
                defer { reprStack.remove(f) }
                factory = try repr(f, depth: depth + 1)
            } else {
                factory = "..."
            }
        }
        return "defaultdict(\(factory), \(base))"
    }

    /// Attributes of collections.defaultdict and its instances: `default_factory` (a
    /// T_OBJECT member: None for NULL) and dict's plain methods (their C code is dict's for
    /// any dict subclass); everything else is refused. nil: look the attribute up as for a
    /// dict.
    func defaultDictAttribute(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        if obj == heap.defaultDictTypeIfMade { throw notModelled("collections.defaultdict.\(attr)") }
        guard heap.isDefaultDict(obj) else { return nil }
        if attr == "default_factory" {
            let f = heap.defaultFactory(obj) ?? heap.none
            heap.incref(f)
            return f
        }
        if attr == "__class__" { return nil }
        // copy (defdict_copy), fromkeys (a class method calling the class), and the dunder
        // names (__missing__, __reduce__, __copy__, __or__, dict's __getitem__...).
        if attr.hasPrefix("__") || attr == "copy" || attr == "fromkeys" || methodTable[.dict]?[attr] == nil {
            throw notModelled("collections.defaultdict.\(attr)")
        }
        return nil
    }

    /// Setting or deleting attributes of a defaultdict (the `default_factory` member's
    /// setter, or the AttributeError of a type without `__dict__`).
    func refuseDefaultDictAttributeStore(_ obj: ObjectRef, _ attr: String) throws {
        if heap.isDefaultDict(obj) || obj == heap.defaultDictTypeIfMade {
            throw notModelled("setting or deleting collections.defaultdict.\(attr)")
        }
    }
}
