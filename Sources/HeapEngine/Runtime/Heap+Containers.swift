/// Containers: the object header and the separately allocated parts (a list's item
/// array, a dict's keys object, a set's table once it outgrows the inline smalltable).
/// CPython allocates those with PyMem_Malloc / PyObject_Malloc, i.e. from pymalloc when
/// they are small, so they take part in address reuse exactly like objects do.
extension Heap {
    /// PyList_New: the list free list first (3.11 `state->free_list`, LIFO). `list(...)` is
    /// made by PyType_GenericAlloc instead (list_vectorcall, type_call before 3.9), which
    /// skips the free list: `x = list(range(5))` moves generation 0 by 1 on 3.11.7, `[]` by 0.
    public func newList(_ storage: ListStorage, usingFreeList: Bool = true) throws(HeapExhausted) -> ObjectRef {
        var storage = storage
        storage.growth = profile.objects.listGrowth
        let type = builtinType(.list)
        let r = usingFreeList ? try allocateReusing({ $0.lists.popLast() }, type: type, payload: .list(storage))
            : try allocateObject(type: type, size: requestSize(type), payload: .list(storage))
        listItemsResized(r)
        gcTrackNew(r)
        return r
    }

    /// PyDict_New: the dict free list first. `{}` shares Py_EMPTY_KEYS (no keys block).
    /// `dict()` is made by dict_new's tp_alloc (PyType_GenericAlloc) instead, which skips the
    /// free list: `x = dict()` moves generation 0 by 1 on 3.11.7 and 3.12.1, `x = {}` by 0.
    public func newDict(_ storage: DictStorage, usingFreeList: Bool = true) throws(HeapExhausted) -> ObjectRef {
        var storage = storage
        if storage.hasEmptyKeys && profile.objects.emptyDictKeys == .allocated {
            storage = DictStorage(minimumSize: profile.objects)   // 3.6 PyDict_New
        }
        let type = builtinType(.dict)
        let r = usingFreeList ? try allocateReusing({ $0.dicts.popLast() }, type: type, payload: .dict(DictObject(storage)))
            : try allocateObject(type: type, size: requestSize(type), payload: .dict(DictObject(storage)))
        dictKeysChanged(r)
        gcTrackNew(r)
        return r
    }

    /// clone_combined_dict (3.7+, PyDict_Copy's fast path): the keys object copied as it is,
    /// table size and deleted entries included, a reference taken to every key and value,
    /// and the new dict tracked exactly when the original is (not by its contents).
    /// Precondition: `d` is a combined (not split) exact dict.
    public func cloneCombinedDict(_ d: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        guard let storage = payload[Int(d)].dictStorage else { preconditionFailure("not a dict") }
        let r = try allocateReusing({ $0.dicts.popLast() }, type: builtinType(.dict), payload: .dict(DictObject(storage)))
        for (k, v) in storage.items { incref(k); incref(v) }
        dictKeysChanged(r)
        gcLink(r)
        if gc.isTracked(d) { gc.track(r) }
        return r
    }

    public func newSet(_ storage: SetStorage) throws(HeapExhausted) -> ObjectRef {
        try newSetObject(storage, type: builtinType(.set))
    }

    /// A set or frozenset object over `storage` (whose item references it takes over).
    public func newSetObject(_ storage: SetStorage, type: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateObject(type: type, size: requestSize(type), payload: .set(SetObject(storage)))
        setTableChanged(r)
        gcTrackNew(r)
        return r
    }

    /// The bytes a fixed-size object of `type` asks the allocator for (pre-header included).
    public func requestSize(_ type: ObjectRef) -> Int {
        let info = typeInfo(type)
        return info.basicSize + info.preHeaderSize
    }

    /// Re-sizes the separately allocated part of `r` to `bytes` (0 frees it), as
    /// PyMem_Realloc would: in place when the size class allows, moved otherwise.
    /// `newBlock`: CPython allocates the new part and then frees the old one (dictresize,
    /// set_table_resize): placed as by realloc, traced as a malloc and a free.
    func resizeAux(_ r: ObjectRef, bytes: Int, newBlock: Bool = false) {
        let i = Int(r)
        let old = auxAddress[i]
        if old != 0 { noteAuxReleased(r) }
        if bytes == 0 {
            if old != 0 { allocator.free(old) }
            auxAddress[i] = 0; auxSize[i] = 0
            return
        }
        if old != 0 {
            if auxSize[i] == bytes { return }
            auxAddress[i] = (newBlock ? allocator.reallocAsNewBlock(old, bytes) : allocator.realloc(old, bytes)) ?? old
        } else {
            auxAddress[i] = allocator.malloc(bytes) ?? 0
        }
        auxSize[i] = bytes
    }

    /// Whether the separately allocated part of `r` must be resized to `bytes`.
    @inline(__always) func auxNeedsResize(_ r: ObjectRef, _ bytes: Int) -> Bool {
        let i = Int(r)
        return auxSize[i] != bytes || (bytes == 0 && auxAddress[i] != 0)
    }

    /// After a list's `allocated` changed: the item array follows (list_resize's PyMem_Realloc).
    public func listItemsResized(_ r: ObjectRef) {
        guard case .list(let s) = payload[Int(r)] else { return }
        let bytes = s.allocated * profile.objects.pointerSize
        if auxNeedsResize(r, bytes) { resizeAux(r, bytes: bytes) }
    }

    /// After a dict's keys object may have changed (new_keys_object / dictresize).
    public func dictKeysChanged(_ r: ObjectRef) {
        guard let s = payload[Int(r)].dictStorage else { return }
        let bytes = s.variableSize(profile.objects)
        if auxNeedsResize(r, bytes) { resizeAux(r, bytes: bytes, newBlock: true) }
    }

    /// After a set's table may have moved out of (or back into) its smalltable.
    public func setTableChanged(_ r: ObjectRef) {
        guard let s = payload[Int(r)].setStorage else { return }
        let bytes = s.variableSize(profile.objects)
        if auxNeedsResize(r, bytes) { resizeAux(r, bytes: bytes, newBlock: true) }
    }

    /// set_swap_bodies: `a` and `b` exchange their tables (an `&=` keeps the result's table
    /// in the left operand's object). A table outside the smalltable is one malloc'd block,
    /// which moves with it.
    public func swapSetBodies(_ a: ObjectRef, _ b: ObjectRef) {
        let (i, j) = (Int(a), Int(b))
        (payload[i], payload[j]) = (payload[j], payload[i])
        (auxAddress[i], auxAddress[j]) = (auxAddress[j], auxAddress[i])
        (auxSize[i], auxSize[j]) = (auxSize[j], auxSize[i])
    }

    func deallocDictStorage(_ r: ObjectRef, _ storage: DictStorage) {
        for (k, v) in storage.items { decref(k); decref(v) }
        freeAux(r)
    }
}

extension Heap {
    /// A new list from a storage value; with `incref`, the list takes new references to
    /// the items (they are borrowed from another container).
    public func newListCopying(_ storage: ListStorage, incref takeRefs: Bool) throws(HeapExhausted) -> ObjectRef {
        if takeRefs { storage.items.forEach(incref) }
        return try newList(storage)
    }
}
