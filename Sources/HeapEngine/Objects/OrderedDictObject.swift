// Objects/odictobject.c: collections.OrderedDict (PyODictObject), at v3.6.15, v3.8.18,
// v3.11.7, v3.12.1 and v3.13.0.
//
// `struct _odictobject { PyDictObject od_dict; _ODictNode *od_first, *od_last;
// _ODictNode **od_fast_nodes; Py_ssize_t od_fast_nodes_size; void *od_resize_sentinel;
// size_t od_state; PyObject *od_inst_dict; PyObject *od_weakreflist; }`: a dict and eight
// pointers more (`OrderedDict.__basicsize__` 112 against `dict.__basicsize__` 48 on every
// release). Its type is static (PyODict_Type, tp_base &PyDict_Type) and keeps dict's tp_new,
// so an instance here is a `.dict` payload whose type is `collections.OrderedDict`, laid out
// as Heap+SubtypeInstances.swift lays out dict subclasses (tracked at once).
//
// The linked list: one `_odictnode { key, hash, next, prev }` (32 bytes, PyMem_Malloc) per
// key, holding a strong reference to the key (`sys.getrefcount(k)` is one more than in a
// dict); and od_fast_nodes, a PyMem_Malloc'd array of dk_size pointers, remade by
// _odict_resize whenever _odict_get_index finds the dict's keys object replaced or resized
// (`od_resize_sentinel`). Both are placed in the simulated pymalloc (`pyMemMalloc`), in
// CPython's order: _odict_resize allocates the new array before freeing the old one; a new
// node is allocated after _odict_get_index; _odictnode_DEALLOC releases the key, then frees.
// odict_sizeof: _PyDict_SizeOf (with the 112-byte basic size) + 8 * od_fast_nodes_size +
// 32 * len when there are nodes (sizes measured on all five: `OrderedDict()` 312, 296, 128,
// 128, 128; one key 408, 392, 384, 384, 384).
//
// Invariant (what the interpreter keeps, OrderedDictObject.swift there): `nodes.keys` is the
// dict's keys in the dict's entry order. The interpreter refuses what would reorder the
// list against the dict (a real move_to_end), so every reader of the dict's entries sees the
// OrderedDict's order.
//
// GC: odict_traverse visits od_inst_dict (never made here), the node keys first to last,
// then dict_traverse (`gc.get_referents(OrderedDict(a=[1]))` is ['a', [1]]). odict_tp_clear
// clears the dict, then the nodes; odict_dealloc frees the nodes, then the dict.

/// One OrderedDict's linked list and fast-nodes table.
struct ODictNodes {
    /// The node keys, first to last (each a strong reference).
    var keys: [ObjectRef] = []
    /// Each node's PyMem_Malloc block, parallel to `keys`.
    var blocks: [UInt64] = []
    /// od_fast_nodes (0 for NULL) and od_fast_nodes_size.
    var fastBlock: UInt64 = 0
    var fastSize = 0
    /// od_resize_sentinel: the keys object (its block, 0 for Py_EMPTY_KEYS) and its size at
    /// the last resize; nil for NULL.
    var sentinel: (block: UInt64, size: Int)?
}

extension Heap {
    /// sizeof(_ODictNode): key, hash, next, prev.
    public static let odictNodeSize = 32

    /// The `collections.OrderedDict` type, made on first use: a static type deriving from
    /// dict (its count is the module's and start-up's, not modelled).
    public func orderedDictType() -> ObjectRef {
        if let t = orderedDictTypeRef { return t }
        let dict = typeInfo(builtinType(.dict))
        let t = newStaticType(name: "collections.OrderedDict", kind: .dict, base: builtinType(.dict),
                              basicSize: dict.basicSize + 64, isGC: true)
        orderedDictTypeRef = t
        markModuleTypeCountUnmodelled(t)
        return t
    }

    /// The OrderedDict type, nil before the first `import collections`.
    public var orderedDictTypeIfMade: ObjectRef? { orderedDictTypeRef }

    /// Whether `r` is an OrderedDict.
    @inline(__always)
    public func isOrderedDict(_ r: ObjectRef) -> Bool {
        orderedDictTypeRef != nil && typeOf[Int(r)] == orderedDictTypeRef
    }

    /// dict_new for the OrderedDict type (the object, then its keys, tracked at once); the
    /// list is empty and od_fast_nodes NULL (PyType_GenericAlloc zeroes them).
    public func newOrderedDict(storage: DictStorage) throws(HeapExhausted) -> ObjectRef {
        let r = try newDictSubtypeInstance(type: orderedDictType(), storage: storage)
        orderedDictNodes[r] = ODictNodes()
        return r
    }

    /// The node keys, first to last (borrowed).
    public func odictKeys(_ r: ObjectRef) -> [ObjectRef] { orderedDictNodes[r]?.keys ?? [] }

    /// od_fast_nodes_size.
    public func odictFastSize(_ r: ObjectRef) -> Int { orderedDictNodes[r]?.fastSize ?? 0 }

    /// _odict_get_index's check: remakes od_fast_nodes (_odict_resize: the new array is
    /// allocated before the old one is freed) when the dict's keys object is not the one of
    /// the last resize or has another size.
    public func odictSyncFastNodes(_ r: ObjectRef) throws(HeapExhausted) {
        guard let s = payload[Int(r)].dictStorage, var n = orderedDictNodes[r] else { return }
        let keysBlock = s.hasEmptyKeys ? 0 : auxAddress[Int(r)]
        let size = s.tableSize
        if let sentinel = n.sentinel, sentinel.block == keysBlock, sentinel.size == size, n.fastSize == size { return }
        let block = try pyMemMalloc(8 * size)
        if n.fastBlock != 0 { pyMemFree(n.fastBlock) }
        n.fastBlock = block
        n.fastSize = size
        n.sentinel = (keysBlock, size)
        orderedDictNodes[r] = n
    }

    /// _odict_add_new_node after the dict took a new key: _odict_get_index, then the node
    /// (PyMem_Malloc) holding a new reference to the key, appended last.
    public func odictAppendNode(_ r: ObjectRef, _ key: ObjectRef) throws(HeapExhausted) {
        try odictSyncFastNodes(r)
        let block = try pyMemMalloc(Heap.odictNodeSize)
        incref(key)
        orderedDictNodes[r]!.keys.append(key)
        orderedDictNodes[r]!.blocks.append(block)
    }

    /// _odict_clear_node for the node at `index`: unlinked, then _odictnode_DEALLOC
    /// (Py_DECREF of the key, then PyMem_FREE). The caller has run `odictSyncFastNodes`.
    public func odictRemoveNode(_ r: ObjectRef, at index: Int) {
        let key = orderedDictNodes[r]!.keys.remove(at: index)
        let block = orderedDictNodes[r]!.blocks.remove(at: index)
        decref(key)
        pyMemFree(block)
    }

    /// _odict_clear_nodes: od_fast_nodes freed (and NULL), then each node first to last.
    public func odictClearNodes(_ r: ObjectRef) {
        guard let n = orderedDictNodes[r] else { return }
        orderedDictNodes[r] = ODictNodes()
        if n.fastBlock != 0 { pyMemFree(n.fastBlock) }
        for (k, b) in zip(n.keys, n.blocks) { decref(k); pyMemFree(b) }
    }

    /// odict_dealloc's share before dict_dealloc: the nodes; the row leaves the table.
    func deallocOrderedDictNodes(_ r: ObjectRef) {
        odictClearNodes(r)
        orderedDictNodes[r] = nil
    }

    /// odict_sizeof's additions to _PyDict_SizeOf: the fast-nodes array, then the nodes.
    public func odictExtraSize(_ r: ObjectRef) -> Int {
        guard let n = orderedDictNodes[r] else { return 0 }
        return 8 * n.fastSize + Heap.odictNodeSize * n.keys.count
    }
}
