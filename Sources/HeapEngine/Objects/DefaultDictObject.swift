// Modules/_collectionsmodule.c: collections.defaultdict (defdictobject), at v3.6.15,
// v3.8.18, v3.11.7, v3.12.1 and v3.13.0.
//
// `typedef struct { PyDictObject dict; PyObject *default_factory; } defdictobject;`: a
// dict with one more pointer. Its type derives from dict (tp_base = &PyDict_Type) and keeps
// dict's tp_new (dict_new → PyType_GenericAlloc, which tracks the object; only an exact
// dict is untracked again), so an instance here is a `.dict` payload whose type is
// `collections.defaultdict`, laid out as Heap+SubtypeInstances.swift lays out dict
// subclasses: tp_basicsize is dict's plus 8 (`defaultdict.__basicsize__` 56 against
// `dict.__basicsize__` 48 on every release), `sys.getsizeof(defaultdict())` is dict_sizeof
// with that basic size (3.6.15: 256, 3.8.18: 240, 3.11.7-3.13.0: 72).
//
// The factory is kept beside the dict (`defaultFactories`, one strong reference per
// defaultdict whose factory is not NULL), since the dict payload has no room for it.
// Invariant: a row is in `defaultFactories` only while it is a live defaultdict.
//
// GC: defdict_traverse visits the type (3.12+, where the module's types are heap types:
// `gc.get_referents(defaultdict(list))` is [<class 'collections.defaultdict'>, <class 'list'>]
// on 3.12.1 and 3.13.0, [<class 'list'>] before), then the factory, then dict_traverse.
// defdict_tp_clear and defdict_dealloc clear the factory first, then the dict.

extension Heap {
    /// The `collections.defaultdict` type, made on first use: a static type deriving from
    /// dict (its count is the module's, refused as the deque type's is).
    public func defaultDictType() -> ObjectRef {
        if let t = defaultDictTypeRef { return t }
        let dict = typeInfo(builtinType(.dict))
        let t = newStaticType(name: "collections.defaultdict", kind: .dict, base: builtinType(.dict),
                              basicSize: dict.basicSize + 8, isGC: true)
        defaultDictTypeRef = t
        markModuleTypeCountUnmodelled(t)
        return t
    }

    /// The defaultdict type, nil before the first `import collections`.
    public var defaultDictTypeIfMade: ObjectRef? { defaultDictTypeRef }

    /// Whether `r` is one of the `collections` types the engine makes (deque, defaultdict):
    /// static here, made by the module in CPython (heap types from 3.12).
    public func isCollectionsType(_ r: ObjectRef) -> Bool {
        (dequeTypeRef != nil && r == dequeTypeRef) || (defaultDictTypeRef != nil && r == defaultDictTypeRef)
    }

    /// Whether `r` is a defaultdict.
    @inline(__always)
    public func isDefaultDict(_ r: ObjectRef) -> Bool {
        defaultDictTypeRef != nil && typeOf[Int(r)] == defaultDictTypeRef
    }

    /// dict_new for the defaultdict type (the object, then its keys, tracked at once), with
    /// default_factory NULL (defdict_init sets it).
    public func newDefaultDict(storage: DictStorage) throws(HeapExhausted) -> ObjectRef {
        try newDictSubtypeInstance(type: defaultDictType(), storage: storage)
    }

    /// dd->default_factory (borrowed), nil for NULL.
    public func defaultFactory(_ r: ObjectRef) -> ObjectRef? { defaultFactories[r] }

    /// Sets dd->default_factory (the reference `f` is consumed), releasing the old one.
    public func setDefaultFactory(_ r: ObjectRef, _ f: ObjectRef?) {
        let old = defaultFactories[r]
        defaultFactories[r] = f
        if let old { decref(old) }
    }

    /// What defdict_traverse visits before dict_traverse: the type (3.12+), the factory.
    @inline(__always)
    func traverseDefaultDict(_ r: ObjectRef, _ visit: (ObjectRef) -> Void) {
        if profile.dequeTypeIsHeapType { visit(typeOf[Int(r)]) }
        if let f = defaultFactories[r] { visit(f) }
    }

    /// defdict_tp_clear's and defdict_dealloc's Py_CLEAR(dd->default_factory).
    func clearDefaultFactory(_ r: ObjectRef) {
        if let f = defaultFactories.removeValue(forKey: r) { decref(f) }
    }
}
