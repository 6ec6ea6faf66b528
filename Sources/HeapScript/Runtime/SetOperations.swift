import HeapEngine

// SetOperations.swift — the number protocol of sets, after Objects/setobject.c: set_or,
// set_and, set_sub, set_xor and their in-place forms (set_ior, set_iand, set_isub, set_ixor).
//
// Which table is copied, which one is walked and in what order keys go into the result decide
// where every key lands, and so the result's iteration order and its size history; each
// function below follows its C counterpart step for step (the same in 3.6 through 3.13).
// Keys move with the hashes stored in their entries (set_next yields entry->hash), so no
// key's __hash__ runs again.

extension Interpreter {
    /// `a op b` for two sets or frozensets; a new reference of the left operand's base type
    /// (make_new_set_basetype: `frozenset([1]) | {2}` is a frozenset, `{2} | frozenset([1])`
    /// a set; an empty result is a new object, not 3.6/3.8's empty frozenset singleton).
    func setOperation(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        let result = try setOperationUnchecked(op, a, b)
        do { try refuseMissedProbe() } catch { heap.decref(result); throw error }
        return result
    }

    private func setOperationUnchecked(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        switch op {
        case .bitOr:
            // set_or: a copy of `a` (set_merge), then `b` merged in.
            let result = try newSetMerging(a, like: a)
            if a != b { setMerge(result, from: b) }
            return result
        case .bitAnd:
            return try setIntersection(a, b)
        case .sub:
            // set_difference: when `a` is more than four times `b`, copy `a` and discard `b`'s
            // keys; otherwise add each key of `a` not in `b`, in `a`'s table order.
            if setStorage(a).count >> 2 > setStorage(b).count {
                let result = try newSetMerging(a, like: a)
                setDifferenceUpdate(result, b)
                return result
            }
            let result = try newSetLike(a)
            let other = setStorage(b)
            for (k, h) in setStorage(a).entries where !other.contains(k, hash: h, isEqual: keysEqual) {
                setAddEntry(result, k, h)
            }
            markOrderUncertainty(result, setStorage(a).orderUncertainty)
            return result
        default:
            // set_symmetric_difference: a copy of `b`, then set_symmetric_difference_update
            // with `a`.
            let result = try newSetMerging(b, like: a)
            setSymmetricDifferenceUpdate(result, a)
            return result
        }
    }

    /// `a op= b` for a set `a` and any set `b`: `a` itself, changed in place (a new
    /// reference), or nil for operators sets do not define in place.
    func setInplaceOperation(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef? {
        switch op {
        case .bitOr: setMerge(a, from: b)                       // set_ior: set_update_internal
        case .sub: setDifferenceUpdate(a, b)                    // set_isub
        case .bitXor: setSymmetricDifferenceUpdate(a, b)        // set_ixor
        case .bitAnd:
            // set_iand → set_intersection_update: the intersection is built as a new set,
            // which then swaps bodies with `a` and is released with `a`'s old table.
            let tmp = try setIntersection(a, b)
            heap.swapSetBodies(a, tmp)
            heap.decref(tmp)
        default: return nil
        }
        try refuseMissedProbe()
        heap.incref(a)
        return a
    }

    /// set_intersection: walks the smaller set (the right one when sizes tie) and adds each
    /// key the other has, in the walked set's table order. `a & a` is a copy.
    func setIntersection(_ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        if a == b { return try newSetMerging(a, like: a) }
        let result = try newSetLike(a)
        var (big, small) = (setStorage(a), setStorage(b))
        if small.count > big.count { swap(&big, &small) }
        for (k, h) in small.entries where big.contains(k, hash: h, isEqual: keysEqual) {
            setAddEntry(result, k, h)
        }
        markOrderUncertainty(result, small.orderUncertainty, big.orderUncertainty)
        return result
    }

    /// set_update_internal (set(x), frozenset(x), s.update(x)): a set or frozenset is merged
    /// (set_merge); an exact dict's keys go in after one resize, with the dict's stored
    /// hashes; anything else is iterated and added key by key.
    func setUpdateInternal(_ s: ObjectRef, _ iterable: ObjectRef) throws {
        switch heap.payload[Int(iterable)] {
        case .set:
            setMerge(s, from: iterable)
            try refuseMissedProbe()
        // PyDict_CheckExact: a dict subclass is iterated (its keys hashed again).
        case .dict(let dObject) where heap.kind(iterable) == .dict && !heap.isBuiltinSubtypeInstance(iterable): let d = dObject.storage
            var keyed: [(key: ObjectRef, hash: Int)] = []
            keyed.reserveCapacity(d.count)
            for i in 0..<d.nentries where d.entryKeys[i] != DictStorage.null { keyed.append((d.entryKeys[i], d.entryHashes[i])) }
            let runSpecific = !keyed.allSatisfy { hashIsReproducible($0.key) }
            let added: [ObjectRef] = heap.withPayload(s) { p in
                guard case .set(let setObject) = p else { return [] }
                let a = setObject.storage.updateFromDictKeys(keyed, isEqual: keysEqual)
                if runSpecific { setObject.storage.orderUncertainty.join(.runSpecific) }
                return a
            }
            added.forEach(heap.incref)
            heap.setTableChanged(s)
            try refuseMissedProbe()
        default:
            let items = try iterateToArray(iterable, lengthHint: false)
            defer { items.forEach(heap.decref) }
            for x in items { try setAdd(s, x) }
        }
    }

    /// set_merge of `other` into `s` (set_update_internal with a set argument).
    func setMerge(_ s: ObjectRef, from other: ObjectRef) {
        let source = setStorage(other)
        let added: [ObjectRef] = heap.withPayload(s) { p in
            guard case .set(let setObject) = p else { return [] }
            let a = setObject.storage.merge(source, isEqual: keysEqual)
            return a
        }
        added.forEach(heap.incref)
        heap.setTableChanged(s)
    }

    /// set_difference_update_internal: discards each key of `other` (walked in its table
    /// order); `s -= s` clears.
    func setDifferenceUpdate(_ s: ObjectRef, _ other: ObjectRef) {
        if s == other { setClear(s); return }
        for (k, h) in setStorage(other).entries { setDiscardEntry(s, k, h) }
        setResizeAwayDummies(s)
    }

    /// The end of set_difference_update_internal: "If more than 1/4th are dummies, then resize
    /// them away" (set_table_resize to used*4, used*2 past 50000 keys). Measured:
    /// `s = set(range(50)); s -= set(range(40))` leaves getsizeof 1240 on 3.8.18 through
    /// 3.13.0 (1256 on 3.6.15), not the 2264 of the unresized table.
    func setResizeAwayDummies(_ s: ObjectRef) {
        let st = setStorage(s)
        guard st.fill - st.used > st.mask / 4 else { return }
        heap.withPayload(s) { p in
            guard case .set(let setObject) = p else { return }
            let used = setObject.storage.used
            setObject.storage.setTableResize(used > 50000 ? used * 2 : used * 4)
        }
        heap.setTableChanged(s)
    }

    /// set_symmetric_difference_update: each key of `other`, in its table order, is
    /// discarded from `s` if there and added otherwise; `s ^= s` clears.
    func setSymmetricDifferenceUpdate(_ s: ObjectRef, _ other: ObjectRef) {
        if s == other { setClear(s); return }
        let source = setStorage(other)
        for (k, h) in source.entries where !setDiscardEntry(s, k, h) { setAddEntry(s, k, h) }
        markOrderUncertainty(s, source.orderUncertainty)
    }

    func setStorage(_ s: ObjectRef) -> SetStorage {
        guard let st = heap.payload[Int(s)].setStorage else { preconditionFailure("not a set") }
        return st
    }

    /// set_add_entry with the entry's stored hash; the set takes a reference when it adds.
    private func setAddEntry(_ s: ObjectRef, _ key: ObjectRef, _ hash: Int) {
        let added: Bool = heap.withPayload(s) { p in
            guard case .set(let setObject) = p else { return false }
            let r = setObject.storage.add(key, hash: hash, isEqual: keysEqual)
            return r
        }
        if added { heap.incref(key); heap.setTableChanged(s) }
    }

    /// set_discard_entry with a stored hash: whether the key was there (and is released).
    @discardableResult
    private func setDiscardEntry(_ s: ObjectRef, _ key: ObjectRef, _ hash: Int) -> Bool {
        let removed: ObjectRef? = heap.withPayload(s) { p in
            guard case .set(let setObject) = p else { return nil }
            let r = setObject.storage.discard(key, hash: hash, isEqual: keysEqual)
            return r
        }
        guard let removed else { return false }
        heap.decref(removed)
        return true
    }

    /// set_clear_internal: back to an empty smalltable, the old keys released.
    func setClear(_ s: ObjectRef) {
        let old: [ObjectRef] = heap.withPayload(s) { p in
            guard case .set(let setObject) = p else { return [] }
            let o = setObject.storage.clear()
            return o
        }
        heap.setTableChanged(s)
        old.forEach(heap.decref)
    }
}
