// Objects/typeobject.c PyType_GenericAlloc, as list's, dict's and tuple's tp_new use it for
// a subclass (Objects/listobject.c PyType_GenericNew; Objects/dictobject.c dict_new;
// Objects/tupleobject.c tuple_subtype_new).
//
// An instance of `class L(list)` or `class D(dict)` has the builtin's payload (its items or
// its table) and the class's layout: type_new made tp_basicsize the base's plus the
// `__dict__` and `__weakref__` slots the base lacks (none of them from 3.12, where both are
// managed), and the pre-header holds the GC header and, from 3.11, the managed dict.
// PyType_GenericAlloc takes the memory straight from the allocator (the list and dict free
// lists are for exact lists and dicts only: list_dealloc and dict_dealloc check
// PyList_CheckExact / PyDict_CheckExact) and tracks the object at once; dict_new does not
// untrack it again (only `type == &PyDict_Type` is), so an empty `D()` stays tracked.
// A tuple subclass is variable-sized (tp_itemsize 8, inherited): PyType_GenericAlloc(type, n)
// takes _PyObject_VAR_SIZE(type, n + 1) bytes (one item more than it holds, "for the
// sentinel") plus the pre-header, and tupledealloc gives the free lists exact tuples only.
// Invariant: such an instance's TypeInfo.kind is the builtin's (.list, .dict or .tuple) and
// its payload is .list, .dict or .tuple, never .instance.

extension Heap {
    /// The builtin types a class may derive from with its instances modelled (TypeInfo.kind
    /// of the class is then the builtin's).
    public static let subclassableBuiltinKinds: Set<TypeKind> = [.list, .dict, .tuple]

    /// Whether `r` is an instance of a class derived from list, dict or tuple.
    @inline(__always)
    public func isBuiltinSubtypeInstance(_ r: ObjectRef) -> Bool {
        let info = typeInfo(typeOf[Int(r)])
        return info.isHeapType && info.kind != .instance
    }

    /// PyTuple_CheckExact / PyList_CheckExact / PyDict_CheckExact: `r`'s type is the builtin
    /// of `kind` itself (not a subclass, nor another type sharing its payload).
    @inline(__always)
    public func isExact(_ r: ObjectRef, _ kind: TypeKind) -> Bool { typeOf[Int(r)] == builtinType(kind) }

    /// PyType_GenericAlloc(type, 0) for a list subclass: an empty list (ob_item NULL).
    public func newListSubtypeInstance(type: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        var storage = ListStorage()
        storage.growth = profile.objects.listGrowth
        let r = try allocateObject(type: type, size: requestSize(type), payload: .list(storage))
        listItemsResized(r)
        gcTrackNew(r)
        return r
    }

    /// PyType_GenericAlloc(type, 0) then dict_new's keys for a dict subclass (the object
    /// first, its keys object after it, as dict_new allocates them).
    public func newDictSubtypeInstance(type: ObjectRef, storage: DictStorage) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateObject(type: type, size: requestSize(type), payload: .dict(DictObject(storage)))
        dictKeysChanged(r)
        gcTrackNew(r)
        return r
    }

    /// tuple_subtype_new's PyType_GenericAlloc(type, n) filled with `items` (stolen): the
    /// block holds n + 1 items (_PyObject_VAR_SIZE rounds to a pointer, a no-op for 8-byte
    /// items), and the object is tracked at once, even when empty.
    public func newTupleSubtypeInstance(type: ObjectRef, items: [ObjectRef]) throws(HeapExhausted) -> ObjectRef {
        let size = requestSize(type) + (items.count + 1) * typeInfo(type).itemSize
        let r = try allocateObject(type: type, size: size, payload: .tuple(items))
        gcTrackNew(r)
        return r
    }
}
