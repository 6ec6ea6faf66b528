// Mirrors the mutating paths of Objects/dictobject.c (3.11.7): insert_to_emptydict,
// insertdict, delitem_common, dict_pop, dict_popitem_impl, PyDict_Clear, PyDict_Copy and
// dict_merge. Reference counts stay with the caller: each operation returns the handles
// whose references the dict gave up.

extension DictStorage {
    // MARK: - Lookup

    /// `d[key]` / `key in d`: the value, or nil.
    public func value(forKey key: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> ObjectRef? {
        guard let ix = lookup(key, hash: hash, isEqual: isEqual) else { return nil }
        return entryValues[ix]
    }

    // MARK: - Insert

    /// `d[key] = value` (PyDict_SetItem → insert_to_emptydict or insertdict), also what
    /// MAP_ADD, BUILD_MAP's items, `dict(a=1)` keywords and `setdefault` of a missing key do.
    ///
    /// Case 1: ma_keys is Py_EMPTY_KEYS → a fresh PyDict_MINSIZE table, unicode iff the key
    /// is an exact str. Case 2: a unicode table and a non-str key → insertion_resize(mp, 0)
    /// makes it general first. Case 3: the key is present → replace the value. Case 4: a
    /// new key in a full table (dk_usable <= 0) → insertion_resize(mp, 1), then append the
    /// entry at dk_nentries and point the first free slot on its probe sequence at it.
    @discardableResult
    public mutating func setItem(_ key: ObjectRef, hash: Int, isExactStr: Bool, value: ObjectRef,
                                 layouts: ObjectLayouts,
                                 isEqual: (ObjectRef, ObjectRef) -> Bool) -> DictInsertResult {
        if hasEmptyKeys {
            // Case 1.
            self = DictStorage(log2Size: UInt8(layouts.dictMinLog2Size), unicode: isExactStr, layouts: layouts)
            appendEntry(key, hash: hash, value: value)
            return .inserted
        }
        if kind == .unicode && !isExactStr {
            // Case 2.
            becomeGeneral(layouts)
        }
        if let ix = lookup(key, hash: hash, isEqual: isEqual) {
            // Case 3.
            let old = entryValues[ix]
            entryValues[ix] = value
            return .replaced(oldValue: old)
        }
        // Case 4.
        if usable <= 0 { insertionResize(unicode: true, layouts: layouts) }
        appendEntry(key, hash: hash, value: value)
        return .inserted
    }

    /// A unicode table gets a non-str key: insertion_resize(mp, 0) in 3.11+; before 3.11 only
    /// the lookup function changes (dk_lookup = lookdict).
    private mutating func becomeGeneral(_ layouts: ObjectLayouts) {
        if layouts.dictKindChangeResizes { insertionResize(unicode: false, layouts: layouts) } else { kind = .general }
    }

    /// The tail of insertdict / insert_to_emptydict for a key known to be absent.
    private mutating func appendEntry(_ key: ObjectRef, hash: Int, value: ObjectRef) {
        let slot = findEmptySlot(hash: hash)
        indices[slot] = Int32(entryKeys.count)
        entryKeys.append(key); entryValues.append(value); entryHashes.append(hash)
        used += 1; usable -= 1
    }

    /// `d.setdefault(key, default)` (PyDict_SetDefault): the existing value, or inserts
    /// `defaultValue` and returns nil. The unicode → general conversion happens before the
    /// lookup, as in CPython, even when the key turns out to be present.
    public mutating func setDefault(_ key: ObjectRef, hash: Int, isExactStr: Bool, defaultValue: ObjectRef,
                                    layouts: ObjectLayouts,
                                    isEqual: (ObjectRef, ObjectRef) -> Bool) -> ObjectRef? {
        if !hasEmptyKeys && kind == .unicode && !isExactStr { becomeGeneral(layouts) }
        if let ix = lookup(key, hash: hash, isEqual: isEqual) { return entryValues[ix] }
        setItem(key, hash: hash, isExactStr: isExactStr, value: defaultValue, layouts: layouts, isEqual: isEqual)
        return nil
    }

    // MARK: - Delete

    /// `del d[key]` / `d.pop(key)` (delitem_common): the index slot becomes DKIX_DUMMY,
    /// the entry NULL; ma_used drops, dk_usable and dk_nentries do not. Never resizes.
    /// Returns the removed (key, value), whose references are the caller's to drop.
    public mutating func removeItem(_ key: ObjectRef, hash: Int,
                                    isEqual: (ObjectRef, ObjectRef) -> Bool) -> (key: ObjectRef, value: ObjectRef)? {
        guard !hasEmptyKeys, used > 0, let ix = lookup(key, hash: hash, isEqual: isEqual) else { return nil }
        let slot = lookdictIndex(hash: hash, entry: ix)
        indices[slot] = DictStorage.dkixDummy
        let removed = (entryKeys[ix], entryValues[ix])
        entryKeys[ix] = DictStorage.null; entryValues[ix] = DictStorage.null
        used -= 1
        return removed
    }

    /// `d.popitem()` (dict_popitem_impl): removes the last live entry and sets dk_nentries to
    /// its index; "We can't dk_usable++ since there is DKIX_DUMMY in indices". nil when empty.
    public mutating func popItem() -> (key: ObjectRef, value: ObjectRef)? {
        if used == 0 { return nil }
        var i = nentries - 1
        while i >= 0 && entryKeys[i] == DictStorage.null { i -= 1 }
        let removed = (entryKeys[i], entryValues[i])
        let slot = lookdictIndex(hash: entryHashes[i], entry: i)
        indices[slot] = DictStorage.dkixDummy
        entryKeys.removeSubrange(i...); entryValues.removeSubrange(i...); entryHashes.removeSubrange(i...)
        used -= 1
        return removed
    }

    /// `d.clear()` (PyDict_Clear): back to Py_EMPTY_KEYS. Returns the live (key, value)
    /// pairs in order, whose references the caller drops.
    @discardableResult
    public mutating func clear() -> [(key: ObjectRef, value: ObjectRef)] {
        let old = items
        self = DictStorage()
        return old
    }

    // MARK: - Iteration

    /// The live entries in iteration (insertion) order.
    public var items: [(key: ObjectRef, value: ObjectRef)] {
        var out: [(key: ObjectRef, value: ObjectRef)] = []
        out.reserveCapacity(used)
        for i in 0..<nentries where entryKeys[i] != DictStorage.null { out.append((entryKeys[i], entryValues[i])) }
        return out
    }

    public var keys: [ObjectRef] { entryKeys.filter { $0 != DictStorage.null } }

    /// dictiter_iternextkey: the first live entry at or after `position` (an entry index, as
    /// di_pos), or nil at the end.
    public func nextEntry(from position: Int) -> (position: Int, key: ObjectRef, value: ObjectRef)? {
        var i = position
        while i < nentries {
            if entryKeys[i] != DictStorage.null { return (i, entryKeys[i], entryValues[i]) }
            i += 1
        }
        return nil
    }

    // MARK: - Copy and merge

    /// `d.copy()` (PyDict_Copy) for a combined dict. Case 1: empty → PyDict_New(). Case 2:
    /// at most a third of the entries deleted → clone_combined_dict_keys, an exact copy of the
    /// keys object (same size, same dummies). Case 3: otherwise PyDict_New + dict_merge.
    public func copy(layouts: ObjectLayouts) -> DictStorage {
        if used == 0 { return DictStorage() }
        if used >= (nentries * 2) / 3 { return self }
        var fresh = DictStorage()
        fresh.merge(self, override: true, layouts: layouts,
                    isExactStr: { _ in kind != .general }, isEqual: { _, _ in false })
        return fresh
    }

    /// dict_merge's sizing, for callers that then insert b's live entries in order themselves
    /// (`a.update(b)`): an empty `a` gets a table the size of b's (Case 1 below clones b's
    /// keys, which lays the entries out the same way), otherwise one big dictresize when b
    /// would not fit (Case 2). `clonable`: b is a combined table (a split one never is cloned).
    public mutating func reserveForMerge(_ other: DictStorage, clonable: Bool = true, layouts: ObjectLayouts) {
        if other.used == 0 { return }
        if clonable && mergeClonesKeys(of: other, layouts: layouts) {
            dictresize(log2NewSize: Int(other.log2Size), unicode: other.kind != .general, layouts: layouts)
        } else {
            resizeForMerge(other, layouts: layouts)
        }
    }

    /// dict_merge's Case 1 test: `a` is empty and `b` is clean (no deleted entries) and either
    /// minimum-sized or more than USABLE_FRACTION(size / 2) full.
    public func mergeClonesKeys(of other: DictStorage, layouts: ObjectLayouts) -> Bool {
        used == 0 && other.used == other.nentries
            && (Int(other.log2Size) == layouts.dictMinLog2Size
                || DictStorage.usableFraction(other.tableSize / 2) < other.used)
    }

    /// dict_merge's Case 2: one dictresize up front when `b` would not fit.
    private mutating func resizeForMerge(_ other: DictStorage, layouts: ObjectLayouts) {
        if DictStorage.usableFraction(tableSize) < other.used {
            dictresize(log2NewSize: DictStorage.estimateLog2KeySize(used + other.used, layouts),
                       unicode: other.kind != .general, layouts: layouts)
        }
    }

    /// `a.update(b)` / `dict(b)` / `{**b}` with b a dict (dict_merge, override 1; 0 for
    /// `{**a, **b}`-style "keep existing" is `override: false`).
    ///
    /// Case 1: `a` is empty and `b` is clean (no deleted entries) and either minimum-sized
    /// or more than USABLE_FRACTION(size / 2) full → a takes a clone of b's keys object.
    /// Case 2: if `a`'s usable fraction is below b's ma_used → one dictresize to
    /// estimate_log2_keysize(a.used + b.used), unicode as b's kind. Then b's live entries are
    /// inserted in order (insertdict). Returns the values replaced (override) for decref.
    @discardableResult
    public mutating func merge(_ other: DictStorage, override: Bool, layouts: ObjectLayouts,
                               isExactStr: (ObjectRef) -> Bool,
                               isEqual: (ObjectRef, ObjectRef) -> Bool) -> [ObjectRef] {
        if other.used == 0 { return [] }
        var override = override
        if used == 0 { override = true }
        if mergeClonesKeys(of: other, layouts: layouts) {
            // Case 1.
            self = other
            return []
        }
        resizeForMerge(other, layouts: layouts)   // Case 2.
        var replaced: [ObjectRef] = []
        for i in 0..<other.nentries where other.entryKeys[i] != DictStorage.null {
            let k = other.entryKeys[i], h = other.entryHashes[i]
            if !override && lookup(k, hash: h, isEqual: isEqual) != nil { continue }
            if case .replaced(let old) = setItem(k, hash: h, isExactStr: other.kind != .general || isExactStr(k),
                                                 value: other.entryValues[i], layouts: layouts, isEqual: isEqual) {
                replaced.append(old)
            }
        }
        return replaced
    }
}
