import HeapEngine

// Instance dicts before 3.11 (`Profile.instanceDictSlot`), after Objects/dictobject.c's
// _PyObjectDict_SetItem, new_dict_with_shared_keys, make_keys_shared and the split-table
// branches of insertdict / PyDict_DelItem (3.6-3.10, PEP 412).
//
// An instance has a `__dict__` pointer slot; its dict is made by the first attribute store
// (or by reading `obj.__dict__`). While the class has cached keys (CACHED_KEYS(tp)), that
// dict is a split table: it shares the class's keys object and owns only a values array of
// USABLE_FRACTION(keys size) slots, so sys.getsizeof reports 48 + 16 + 5 * 8 = 104 on 3.8.18
// for any instance of a class with up to five attributes (keys of 8 slots).
//
// A split dict stays split while its keys are set in the shared order and the shared keys
// have room; otherwise it becomes a combined table (insertion_resize). When that happens to
// the only dict sharing the class's keys, the class adopts the dict's new, larger keys
// (make_keys_shared: `self.a, ..., self.f = ...` in __init__ grows them to 16 slots); when
// other dicts still share them, the class stops sharing altogether and later instances get
// ordinary dicts. Deleting an attribute also ends the class's sharing.

/// A keys object shared by a class and the split dicts of its instances (dk_refcnt is the
/// number of live split dicts pointing at it, plus the class while it caches it).
final class SplitKeys {
    var keys: SharedDictKeys
    init(_ keys: SharedDictKeys) { self.keys = keys }
}

extension Interpreter {
    /// The split keys a dict shares, if it is a live split table.
    func splitKeys(of d: ObjectRef) -> SplitKeys? {
        heap.isSplitTable(d) ? splitTables[d] : nil
    }

    /// `PyObject_GenericGetDict` / the dict slot's first use: a split dict over the class's
    /// cached keys, or an ordinary empty dict once the class stopped sharing. Borrowed.
    func instanceDict(_ obj: ObjectRef) throws -> ObjectRef {
        guard case .instance(let st) = heap.payload[Int(obj)] else { preconditionFailure("not an instance") }
        if let d = st.dict { return d }
        let d = try newDict()
        if let shared = classKeys[heap.typeOf[Int(obj)]] {
            splitTables[d] = shared
            heap.setSplitTable(d, true)
        }
        st.dict = d
        return d
    }

    /// `_PyObjectDict_SetItem(tp, dictptr, key, value)`: value nil deletes. Borrows.
    func setInstanceDictItem(_ obj: ObjectRef, _ attr: String, _ value: ObjectRef?) throws {
        let type = heap.typeOf[Int(obj)]
        let d = try instanceDict(obj)
        let key = name(attr)
        guard let value else {
            defer { classKeys[type] = nil }   // "key sharing dict doesn't allow deletion"
            guard let (k, v) = try dictRemove(d, key) else { throw missingOnDelete(obj, attr) }
            heap.decref(k); heap.decref(v)
            return
        }
        let cached = classKeys[type]
        let wasShared = cached != nil && splitKeys(of: d) === cached
        try dictSet(d, key, value)
        guard wasShared, let cached, splitKeys(of: d) !== cached else { return }
        // The store turned the dict combined: the class adopts its keys if no other dict
        // shares the old ones, and otherwise stops sharing.
        if sharers(of: cached) == 0, let table = heap.payload[Int(d)].dictStorage, table.kind == .unicode {
            let adopted = SplitKeys(SharedDictKeys(sharing: table))
            classKeys[type] = adopted
            splitTables[d] = adopted
            heap.setSplitTable(d, true)
        } else {
            classKeys[type] = nil
        }
    }

    /// The live split dicts sharing `keys`.
    private func sharers(of keys: SplitKeys) -> Int {
        splitTables.reduce(0) { n, entry in n + (entry.value === keys && heap.isSplitTable(entry.key) ? 1 : 0) }
    }

    /// insertdict's split-table checks before storing `key` into split dict `d`: the key
    /// joins the shared keys when it is new, this dict holds every shared key so far and
    /// the keys have room; a shared key is set in place when it comes in the shared order.
    /// Anything else (a non-str key, out-of-order insertion, full keys) combines the table
    /// (insertion_resize to GROWTH_RATE).
    func splitTableWillStore(_ d: ObjectRef, _ shared: SplitKeys, key: ObjectRef, hash h: Int) {
        let table = dictStorage(d)
        var staysSplit = false
        if isExactStr(key) {
            if let ix = shared.keys.index(of: key, hash: h, isEqual: keysEqual) {
                staysSplit = table.value(forKey: key, hash: h, isEqual: keysEqual) != nil || table.count == ix
            } else if table.count == shared.keys.nentries, shared.keys.usable > 0 {
                _ = shared.keys.insert(key, hash: h, isEqual: keysEqual)
                staysSplit = true
            }
        }
        if !staysSplit { combineSplitTable(d, growing: true) }
    }

    /// The split table becomes combined: insertion_resize (GROWTH_RATE) before a store,
    /// dictresize to the keys' own size before a deletion, pop or clear.
    func combineSplitTable(_ d: ObjectRef, growing: Bool) {
        guard let shared = splitKeys(of: d) else { return }
        let size = 1 << Int(shared.keys.log2Size)
        let log2 = growing
            ? DictStorage.calculateLog2KeySize(layouts.dictGrowthRate(used: dictStorage(d).count, size: size), layouts)
            : Int(shared.keys.log2Size)
        combine(d, log2Size: log2)
    }

    /// A split dict (either model) becomes an ordinary combined unicode table of 1 << log2Size
    /// slots holding its items in order (dictresize).
    func combine(_ d: ObjectRef, log2Size: Int) {
        heap.setSplitTable(d, false)
        let layouts = self.layouts
        heap.withPayload(d) { p in
            guard case .dict(let dictObject) = p else { return }
            dictObject.storage.dictresize(log2NewSize: log2Size, unicode: true, layouts: layouts)
        }
        heap.dictKeysChanged(d)
    }
}
