import HeapEngine
import BigInt

/// Object creation and the container operations that need Python semantics (hashing,
/// equality). A heap that runs out raises MemoryError.
extension Interpreter {
    /// The profile's layouts, lent rather than copied: `ObjectLayouts` is a struct of some
    /// sixty type layouts and a dictionary (about 2 KB), which a plain getter would copy
    /// (and retain) on every dict, set and attribute store that passes it on.
    var layouts: ObjectLayouts { _read { yield profile.objects } }

    func memoryError() -> PyException {
        // MemoryError is preallocated in CPython (no allocation to report the failure).
        PyException(preallocatedMemoryError())
    }

    /// Raises MemoryError before building something the simulated heap could not hold
    /// (CPython's malloc would fail the same way, before any item is touched).
    func ensureHeapRoom(_ bytes: Int) throws {
        if bytes < 0 || bytes > limits.heapBytes - heap.allocator.mappedBytes { throw memoryError() }
    }

    func newInt(_ v: Int) throws -> ObjectRef {
        do { return try heap.newInt(v) } catch { throw memoryError() }
    }
    func newBigInt(_ v: BigInt) throws -> ObjectRef {
        do { return try heap.newBigInt(v) } catch { throw memoryError() }
    }
    func newFloat(_ v: Double) throws -> ObjectRef {
        do { return try heap.newFloat(v) } catch { throw memoryError() }
    }
    func newStr(_ s: String) throws -> ObjectRef {
        do { return try heap.newStr(s) } catch { throw memoryError() }
    }
    func newStrObject(_ s: String) throws -> ObjectRef {
        do { return try heap.newStrObject(s) } catch { throw memoryError() }
    }
    func newBytes(_ b: [UInt8]) throws -> ObjectRef {
        do { return try heap.newBytes(b) } catch { throw memoryError() }
    }
    func newBytesObject(_ b: [UInt8]) throws -> ObjectRef {
        do { return try heap.newBytesObject(b) } catch { throw memoryError() }
    }
    /// Steals the item references.
    func newTuple(_ items: [ObjectRef]) throws -> ObjectRef {
        do { return try heap.newTuple(items) } catch { items.forEach(heap.decref); throw memoryError() }
    }
    /// Steals the item references. `extend` builds it as BUILD_LIST 0 + LIST_EXTEND does
    /// (over-allocated), otherwise exactly sized as BUILD_LIST n.
    /// `source`: the iterable a list_extend-built list came from, when it decides the sizing
    /// (see `extendResizes`).
    func newList(_ items: [ObjectRef], extend: Bool, from source: ObjectRef? = nil) throws -> ObjectRef {
        let storage = extend
            ? ListStorage(extending: items, lengthHint: source.flatMap { iteratorLengthHint($0, items.count) },
                          growth: layouts.listGrowth, resizing: source.map(extendResizes) ?? false)
            : ListStorage(exactly: items)
        return try newList(storage)
    }
    /// `list(iterable)`: list___init__'s own sizing (3.8 preallocates exactly what has a
    /// length). Steals the items.
    func newListCall(_ items: [ObjectRef], from source: ObjectRef) throws -> ObjectRef {
        let storage = listCallStorage(items, from: source)
        do { return try heap.newList(storage, usingFreeList: false) } catch { items.forEach(heap.decref); throw memoryError() }
    }
    /// PySequence_Tuple(a): an exact tuple itself, anything else (a tuple subclass too) made
    /// into a new tuple of its items.
    func sequenceTuple(_ a: ObjectRef) throws -> ObjectRef {
        if heap.isExact(a, .tuple) { heap.incref(a); return a }
        return try newTuple(try iterateToArray(a))
    }
    /// The items of `list(source)` as list___init__ sizes them (also `L(source)` for a list
    /// subclass, whose tp_init is the same list___init__). Steals the items.
    func listCallStorage(_ items: [ObjectRef], from source: ObjectRef) -> ListStorage {
        if let hint = iteratorLengthHint(source, items.count) {
            return ListStorage(extending: items, lengthHint: hint, growth: layouts.listGrowth)
        }
        return ListStorage(listCall: items, growth: layouts.listGrowth, resizing: extendResizes(source))
    }
    /// `list(x)` (`listInit`) or PySequence_List(x) (sorted()) of an instance whose class has
    /// `__len__` and `__iter__`: list___init__ (3.8 only: PyObject_Size first, for
    /// list_preallocate_exact's exactly-sized array), then list_extend — the iterator
    /// (`__iter__`), PyObject_LengthHint (`__len__` again), the list presized by the hint,
    /// the items, the list trimmed to its size. A TypeError from `__len__` is dropped both
    /// times (the hint is then PyObject_LengthHint's default, 8: a class defining
    /// `__length_hint__` is refused); any other error propagates. `len` is the class's
    /// `__len__`, borrowed.
    func listOfSizedInstance(_ a: ObjectRef, len: ObjectRef, listInit: Bool) throws -> ObjectRef {
        func lengthOrNil() throws -> Int? {
            do { return try slotLength(a, len) } catch let e as PyException where exceptionMatches(e, "TypeError") {
                releaseException(e)
                return nil
            }
        }
        var storage = ListStorage()
        storage.growth = layouts.listGrowth
        if listInit, layouts.listGrowth == .cpython38, let n = try lengthOrNil(), n > 0 { storage.allocated = n }
        let it = try getIter(a)
        defer { heap.decref(it) }
        let hint = try lengthOrNil() ?? 8
        var items: [ObjectRef] = []
        do { while let x = try next(it) { try step(); items.append(x) } } catch { items.forEach(heap.decref); throw error }
        storage.extend(iterating: items, lengthHint: hint)
        do { return try heap.newList(storage, usingFreeList: false) } catch { items.forEach(heap.decref); throw memoryError() }
    }

    /// The class's `__len__` of an instance that also has `__iter__` (what PyObject_LengthHint
    /// calls before list_extend iterates it), or nil.
    func sizedInstanceLength(_ a: ObjectRef) throws -> ObjectRef? {
        guard case .instance = heap.payload[Int(a)], let len = try lookupSpecial(a, "__len__"),
              try lookupSpecial(a, "__iter__") != nil else { return nil }
        return len
    }

    /// list_extend of an iterator (no `__len__`): PyObject_LengthHint(it, 8), the remaining
    /// count for the builtin iterators that have `__length_hint__`, 8 for generators, zip and
    /// enumerate (`sys.getsizeof(list(x for x in range(3)))` is 120 on 3.11.7: eight slots made
    /// and kept). nil for an iterable with a length.
    func iteratorLengthHint(_ source: ObjectRef, _ count: Int) -> Int? {
        if generator(source) != nil { return 8 }
        // An instance iterable: no `__len__` (refused by refuseLengthHint) and no
        // `__length_hint__` (refused on classes), so PyObject_LengthHint's default.
        if case .instance = heap.payload[Int(source)] { return 8 }
        if let st = itertoolsObject(source) { return itertoolsLengthHint(st, count) }
        // arrayiterator has no `__length_hint__`: the default (an array itself has a length).
        if arrayIterObject(source) != nil { return 8 }
        guard case .iterator = heap.payload[Int(source)] else { return nil }
        switch heap.kind(source) {
        case .zip, .enumerate, .map, .filter: return 8
        default: return count
        }
    }
    /// list_extend (`l.extend(x)`, LIST_EXTEND): lists and tuples are copied; other iterables
    /// are presized by PyObject_LengthHint (`iteratorLengthHint`) and trimmed at the end.
    /// The items are taken first (`iterateToArray`), so a generator, whose body would run
    /// between the list's resizes, is refused by the callers that cannot take that.
    func listExtend(_ list: ObjectRef, _ iterable: ObjectRef) throws {
        let items = try iterateToArray(iterable)
        try mutateList(list) { st in
            if extendResizes(iterable) { st.extend(resizing: items) }
            // PyList_CheckExact / PyTuple_CheckExact: a list subclass is iterated.
            else if heap.isExact(iterable, .list) || heap.isExact(iterable, .tuple) {
                st.extend(sequence: items)
            }
            else { st.extend(iterating: items, lengthHint: iteratorLengthHint(iterable, items.count) ?? items.count) }
        }
    }

    /// dict_merge(a, b, override 1) of a dict `b` (`a.update(b)`, `dict(b)`, `{**b}`,
    /// DICT_MERGE): one resize up front (or b's keys' size when `a` is empty and `b` is a
    /// clean combined table), then b's entries in order. A split `b` (an instance's
    /// `__dict__`) is never cloned: `dict(vars(obj))` of two attributes is 272 bytes on
    /// 3.11.7 (estimate_log2_keysize), not its 8-slot keys' 184.
    /// `present`: DICT_MERGE's error for a key `a` already has (override 2), else nil.
    func dictMergeDict(_ d: ObjectRef, from b: ObjectRef, present: ((ObjectRef) throws -> Error)? = nil) throws {
        let other = dictStorage(b)
        let otherIsCombined = !heap.isSplitTable(b)
        try refuseUserKeys(other.items.map { $0.key }, "merging dicts")
        // 3.11/3.12 dict_merge Case 1 on a materialised instance dict: an empty split table
        // given a clean combined dict takes a clone of its keys and frees its values, no
        // longer split (`y.__dict__.update(state)` in copy's _reconstruct after deepcopy:
        // sys.getsizeof(y.__dict__) 184 on 3.11.7 and 3.12.1 where the split one is 288;
        // 3.13.0 keeps it split over the inline values, 272).
        if otherIsCombined, profile.minor >= 11, !profile.instanceInlineValues, splitOwner(of: d) != nil,
           let st = heap.payload[Int(d)].dictStorage, st.mergeClonesKeys(of: other, layouts: layouts) {
            splitDictOwners[d] = nil
            heap.setSplitTable(d, false)
        }
        var clonesKeys = false
        if splitOwner(of: d) == nil && splitKeys(of: d) == nil {
            clonesKeys = otherIsCombined && dictStorage(d).mergeClonesKeys(of: other, layouts: layouts)
            heap.withPayload(d) { p in
                guard case .dict(let dictObject) = p else { return }
                dictObject.storage.reserveForMerge(other, clonable: otherIsCombined, layouts: layouts)
                dictObject.storageChanged()
            }
            heap.dictKeysChanged(d)
        }
        for (k, v) in other.items {
            if let present, try dictGet(d, k) != nil { throw try present(k) }
            try dictSet(d, k, v)
        }
        if clonesKeys && profile.minor > 8 { heap.dictTrackLike(d, b) }
    }

    /// Whether list_extend of `iterable` goes through list_resize (3.13's dict and set paths).
    func extendResizes(_ iterable: ObjectRef) -> Bool {
        guard layouts.listExtendResizesForDictsAndSets else { return false }
        switch heap.kind(iterable) {
        case .dict, .set, .frozenset, .dictKeys, .dictValues, .dictItems: return true
        default: return false
        }
    }
    func newList(_ storage: ListStorage) throws -> ObjectRef {
        do { return try heap.newList(storage) } catch { storage.items.forEach(heap.decref); throw memoryError() }
    }
    func newDict(_ storage: DictStorage = DictStorage(), usingFreeList: Bool = true) throws -> ObjectRef {
        do { return try heap.newDict(storage, usingFreeList: usingFreeList) } catch { throw memoryError() }
    }

    /// dict_new_presized for a display's keys (unicode keys when all are exact str).
    func newDict(presizedFor keys: [ObjectRef]) throws -> ObjectRef {
        let storage = DictStorage(presized: keys.count, unicode: keys.allSatisfy(isExactStr), layouts: layouts)
        do { return try heap.newDict(storage) } catch { throw memoryError() }
    }
    /// Borrows the items (the set takes its own references).
    func newSet(_ items: [ObjectRef]) throws -> ObjectRef {
        let s: ObjectRef
        do { s = try heap.newSet(SetStorage(layouts: layouts)) } catch { items.forEach(heap.decref); throw memoryError() }
        // BUILD_SET releases each item as soon as it is added (a class's `__eq__` called for
        // the next one sees it gone from the stack); an error releases the rest, then the set.
        for (i, item) in items.enumerated() {
            do { try setAdd(s, item) } catch {
                items[i...].forEach(heap.decref)
                heap.decref(s)
                throw error
            }
            heap.decref(item)
        }
        return s
    }

    /// A frozenset constant (borrows the items).
    func newFrozensetConstant(_ items: [ObjectRef]) throws -> ObjectRef {
        let keyed = try items.map { (key: $0, hash: try hash($0)) }
        var storage = SetStorage.compilerConstant(keyed, layouts: layouts, isEqual: keysEqual)
        if items.count > 1 { storage.orderUncertainty = constantSetOrderUncertainty(items) }
        storage.elements.forEach(heap.incref)
        do { return try heap.newSetObject(storage, type: heap.builtinType(.frozenset)) } catch { throw memoryError() }
    }

    /// make_new_set_basetype(Py_TYPE(so), NULL): an empty set, or frozenset when `so` is one
    /// (a subclass gives its base).
    func newSetLike(_ so: ObjectRef) throws -> ObjectRef {
        guard heap.kind(so) == .frozenset else { return try newSet([]) }
        do { return try heap.newSetObject(SetStorage(layouts: layouts), type: heap.builtinType(.frozenset)) } catch { throw memoryError() }
    }

    /// A new set holding the items of `source` (SET_UPDATE into an empty set: set_merge).
    /// `like`: set_copy's make_new_set_basetype — a frozenset when that operand is one.
    func newSetMerging(_ source: ObjectRef, like: ObjectRef? = nil) throws -> ObjectRef {
        let s = try like.map(newSetLike) ?? newSet([])
        if case .set = heap.payload[Int(source)] { setMerge(s, from: source) }
        return s
    }

    /// dict.keys() / values() / items(): a view holding a reference to the dict.
    func newDictView(_ kind: TypeKind, of d: ObjectRef) throws -> ObjectRef {
        heap.incref(d)
        do { return try heap.newObject(type: heap.builtinType(kind), payload: .cell(d)) } catch {
            heap.decref(d); throw memoryError()
        }
    }

    /// The dict a view looks at and which view it is, or nil for other objects.
    func dictView(_ r: ObjectRef) -> (dict: ObjectRef, kind: TypeKind)? {
        let k = heap.kind(r)
        guard k == .dictKeys || k == .dictValues || k == .dictItems, case .cell(let d?) = heap.payload[Int(r)] else { return nil }
        return (d, k)
    }

    // MARK: - Equality

    /// Equality for dict and set lookups (identity first, as PyObject_RichCompare callers
    /// do): `isEqual(stored, key)` of the tables, which cannot run Python code; a class's
    /// `__eq__` was called before (`probeInPython`) and its answer is taken here.
    func keysEqual(_ a: ObjectRef, _ b: ObjectRef) -> Bool {
        if a == b { return true }
        if let p = probeAnswers.first(where: { $0.stored == a && $0.key == b }) { return p.equal }
        if (try? comparesInPython(a, b)) ?? true { probeMissed = true; return false }
        return (try? valuesEqual(a, b)) ?? false
    }

    /// lookdict / set_lookkey / set_add_entry compare the key with each stored key of the
    /// same hash that is another object, in probe order, until one is equal:
    /// `PyObject_RichCompare(startkey, key, Py_EQ)`, the stored key on the left, held for
    /// the call (Py_INCREF(startkey)), as are `holding` (insertdict's key and value,
    /// set_add_entry's key: `sys.getrefcount` in `__eq__`, 3.6.15-3.13.0). The tables here do
    /// not call back into Python: `dryRun` probes a copy with a recording `isEqual`, the
    /// class methods it meets are called here in that order, and the real probe takes
    /// their answers (`keysEqual`); the caller clears `probeAnswers` after it. A call that
    /// changed the table is refused: CPython restarts the probe (or raises, 3.6's set).
    ///
    /// Returns true when the dry run compared no two distinct keys (only identity, or
    /// nothing): then nothing ran and the real probe would take the same path, so a caller
    /// that only reads may keep the dry run's answer. (`holding` is an autoclosure so that
    /// the common case, no class comparison met, allocates no array.)
    @discardableResult
    func probeInPython(holding: @autoclosure () -> [ObjectRef], snapshot: () -> [ObjectRef],
                       dryRun: ((ObjectRef, ObjectRef) -> Bool) -> Void) throws -> Bool {
        var met: [(ObjectRef, ObjectRef)] = []
        var compared = false
        dryRun { stored, key in
            if stored == key { return true }
            compared = true
            if (try? self.comparesInPython(stored, key)) ?? true { met.append((stored, key)); return false }
            return (try? self.valuesEqual(stored, key)) ?? false
        }
        if met.isEmpty {
            probeAnswers = []
            return !compared
        }
        // Collected apart and published last: the methods' own dict lookups clear
        // `probeAnswers` when they end.
        var answers: [(stored: ObjectRef, key: ObjectRef, equal: Bool)] = []
        let held = holding()
        for (stored, key) in met {
            let before = snapshot()
            held.forEach(heap.incref)
            heap.incref(stored)
            let equal: Bool
            do {
                defer { heap.decref(stored); held.reversed().forEach(heap.decref) }
                equal = try richCompareTruth(.eq, stored, key)
            }
            if snapshot() != before {
                throw notModelled("a `__eq__` that changes the dict or set being searched", because: "CPython restarts the search")
            }
            answers.append((stored, key, equal))
            if equal { break }
        }
        probeAnswers = answers
        return false
    }

    /// A table operation whose probe met a class's comparison no `probeInPython` answered
    /// (the set operations walking whole tables): refused after the fact.
    func refuseMissedProbe() throws {
        guard probeMissed else { return }
        probeMissed = false
        throw notModelled("a set operation comparing keys with a class's `__eq__`")
    }

    /// Refuses `what` on keys whose class defines `__hash__`: CPython reuses the hashes its
    /// tables stored (dict_equal, set_issubset), where the engine would hash them again.
    func refuseUserKeys(_ keys: [ObjectRef], _ what: String) throws {
        for k in keys {
            guard case .instance = heap.payload[Int(k)] else { continue }
            if let m = try lookupSpecialName(heap.typeOf[Int(k)], "__hash__"), m != heap.none {
                throw notModelled("\(what) with keys whose class defines `__hash__`", because: "CPython reuses the stored hashes")
            }
        }
    }

    /// Whether `hash(r)` is computed without running Python code (a class's `__hash__`,
    /// or one reached through a tuple's items), so a table read before it is still current.
    func hashRunsNoPython(_ r: ObjectRef) -> Bool {
        switch heap.payload[Int(r)] {
        case .int, .str, .float, .bigInt, .bytes: return true
        default: return false
        }
    }

    func isExactStr(_ r: ObjectRef) -> Bool { heap.typeOf[Int(r)] == heap.builtinType(.str) }

    // MARK: - dict

    /// The dict's table as it is now, a copy (a value that later stores leave as it was).
    func dictStorage(_ d: ObjectRef) -> DictStorage {
        guard let s = heap.payload[Int(d)].dictStorage else { preconditionFailure("not a dict") }
        return s
    }

    /// The dict object itself, to read its table in place (`dictObject(d).storage.lookup`)
    /// without copying it: for a read that no Python code can interleave with.
    func dictObject(_ d: ObjectRef) -> DictObject {
        guard case .dict(let o) = heap.payload[Int(d)] else { preconditionFailure("not a dict") }
        return o
    }

    /// d[key] = value; borrows both.
    func dictSet(_ d: ObjectRef, _ key: ObjectRef, _ value: ObjectRef) throws {
        let h = try hash(key)
        if profile.instanceDictSlot {
            if let shared = splitKeys(of: d) { splitTableWillStore(d, shared, key: key, hash: h) }
        } else if let owner = splitOwner(of: d) {
            // insert_into_dictkeys, or the switch to a combined table when it cannot.
            let inserted = isExactStr(key) ? heap.typeInfo(owner).sharedKeys?.insert(key, hash: h, isEqual: keysEqual) : nil
            if inserted == nil {
                splitDictOwners[d] = nil
                heap.setSplitTable(d, false)
                heap.setEmbeddedValues(d, false)   // 3.13: the values move into the dict
            }
        }
        let exactStr = isExactStr(key)
        // An exact str among exact strs (DICT_KEYS_UNICODE) compares without Python code:
        // no dry run needed.
        if !(exactStr && dictObject(d).storage.kind == .unicode) {
            try probeInPython(holding: [key, value], snapshot: { dictStorage(d).entryKeys }) { eq in
                _ = dictObject(d).storage.lookup(key, hash: h, isEqual: eq)
            }
        }
        defer { probeAnswers = [] }
        let object = dictObject(d)
        let result = object.storage.setItem(key, hash: h, isExactStr: exactStr, value: value, layouts: layouts, isEqual: keysEqual)
        object.storageChanged()
        heap.incref(value)
        switch result {
        case .inserted: heap.incref(key); heap.dictKeysChanged(d)
        case .replaced(let old): heap.decref(old)
        }
        heap.dictMaintainTracking(d, key: key, value: value)
    }

    /// d[key] or nil; a borrowed reference.
    func dictGet(_ d: ObjectRef, _ key: ObjectRef) throws -> ObjectRef? {
        guard case .dict(let o) = heap.payload[Int(d)] else { return nil }
        // lookdict_unicode's case: an exact str among exact strs, compared without Python
        // code (what the dry run below would conclude).
        if o.storage.kind == .unicode, case .str(let s) = heap.payload[Int(key)], isExactStr(key) {
            try refuseStartupObject(key)   // as hash() does
            probeAnswers = []
            return o.storage.value(forKey: key, hash: s.hash, isEqual: keysEqual)
        }
        // The dry run reads the table as it was before hashing: a copy when hashing may run
        // Python code (which could change it), the table itself when it cannot.
        let pure = hashRunsNoPython(key)
        let before: DictStorage? = pure ? nil : o.storage
        // The key is hashed first, even for an empty dict: `{}[[1]]` is a TypeError
        // (unhashable type: 'list') on 3.6.15-3.13.0, not a KeyError.
        let h = try hash(key)
        if (before?.count ?? o.storage.count) == 0 { return nil }
        var found: ObjectRef?
        let decided = try probeInPython(holding: [], snapshot: { dictStorage(d).entryKeys }) { eq in
            if let before { found = before.value(forKey: key, hash: h, isEqual: eq) }
            else { found = o.storage.value(forKey: key, hash: h, isEqual: eq) }
        }
        defer { probeAnswers = [] }
        // No key was compared (identity or nothing) and hashing ran no Python code (which
        // could have changed the table): the dry run's answer is the probe's.
        if decided && pure { return found }
        return dictObject(d).storage.value(forKey: key, hash: h, isEqual: keysEqual)
    }

    /// Removes key; returns the (key, value) references for the caller to drop, or nil.
    func dictRemove(_ d: ObjectRef, _ key: ObjectRef) throws -> (key: ObjectRef, value: ObjectRef)? {
        let h = try hash(key)
        try probeInPython(holding: [], snapshot: { dictStorage(d).entryKeys }) { eq in _ = dictObject(d).storage.lookup(key, hash: h, isEqual: eq) }
        defer { probeAnswers = [] }
        // "Split table doesn't allow deletion.  Combine it." (before 3.11, found keys only)
        if splitKeys(of: d) != nil, dictStorage(d).value(forKey: key, hash: h, isEqual: keysEqual) != nil {
            combineSplitTable(d, growing: false)
        }
        return heap.withPayload(d) { p in
            guard case .dict(let dictObject) = p else { return nil }
            let r = dictObject.storage.removeItem(key, hash: h, isEqual: keysEqual)
            dictObject.storageChanged()
            return r
        }
    }

    func dictDelName(_ d: ObjectRef, _ key: ObjectRef, _ name: String) throws {
        guard let (k, v) = try dictRemove(d, key) else {
            throw nameError(name, frame: nil, globals: d)
        }
        heap.decref(k); heap.decref(v)
    }

    // MARK: - set

    func setAdd(_ s: ObjectRef, _ key: ObjectRef) throws {
        let h = try hash(key)
        let runSpecific = !hashIsReproducible(key)
        try probeInPython(holding: [key], snapshot: { setKeys(s) }) { eq in _ = setObjectOf(s).storage.lookup(key, hash: h, isEqual: eq) }
        defer { probeAnswers = [] }
        let added: Bool = heap.withPayload(s) { p in
            guard case .set(let setObject) = p else { preconditionFailure("not a set") }
            let r = setObject.storage.add(key, hash: h, isEqual: keysEqual)
            if runSpecific && r { setObject.storage.orderUncertainty = .runSpecific }
            return r
        }
        if added { heap.incref(key); heap.setTableChanged(s) }
    }

    func setContains(_ s: ObjectRef, _ key: ObjectRef) throws -> Bool {
        guard let st = heap.payload[Int(s)].setStorage else { return false }
        let h = try hash(key)
        var found = false
        let decided = try probeInPython(holding: [], snapshot: { setKeys(s) }) { eq in
            found = st.lookup(key, hash: h, isEqual: eq) != nil
        }
        defer { probeAnswers = [] }
        if decided && hashRunsNoPython(key) { return found }
        return setKeysStorage(s).contains(key, hash: h, isEqual: keysEqual)
    }

    /// The set object itself, to read its table in place without copying it.
    private func setObjectOf(_ s: ObjectRef) -> SetObject {
        guard case .set(let o) = heap.payload[Int(s)] else { preconditionFailure("not a set") }
        return o
    }

    private func setKeysStorage(_ s: ObjectRef) -> SetStorage {
        guard let st = heap.payload[Int(s)].setStorage else { preconditionFailure("not a set") }
        return st
    }

    /// A set's keys in table order (what a probe's `__eq__` must leave as it was).
    func setKeys(_ s: ObjectRef) -> [ObjectRef] { setKeysStorage(s).entries.map { $0.key } }

    // MARK: - list

    /// LIST_APPEND: steals `item`.
    func listAppendStealing(_ l: ObjectRef, _ item: ObjectRef) throws {
        let resized: Bool = heap.withPayload(l) { p in
            guard case .list(var st) = p else { preconditionFailure("not a list") }
            p = .empty
            let before = st.allocated
            st.append(item)
            p = .list(st)
            return st.allocated != before
        }
        if resized { heap.listItemsResized(l) }
    }

    func listItems(_ l: ObjectRef) -> [ObjectRef] {
        guard case .list(let st) = heap.payload[Int(l)] else { return [] }
        return st.items
    }

    /// Mutates a list's storage in place, then re-accounts its item array.
    func mutateList<R>(_ l: ObjectRef, _ body: (inout ListStorage) throws -> R) rethrows -> R {
        let r: R = try heap.withPayload(l) { p in
            guard case .list(var st) = p else { preconditionFailure("not a list") }
            p = .empty
            defer { p = .list(st) }
            return try body(&st)
        }
        heap.listItemsResized(l)
        return r
    }
}
