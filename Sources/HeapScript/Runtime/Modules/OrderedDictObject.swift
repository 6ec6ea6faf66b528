import HeapEngine

// Objects/odictobject.c: collections.OrderedDict, a C dict subclass (HeapEngine's
// OrderedDictObject.swift keeps the type, the linked list of nodes and od_fast_nodes).
//
// Modelled: OrderedDict(), OrderedDict(exact dict), OrderedDict(list or tuple of pairs)
// (3.8+), OrderedDict(**kwargs) (type_call packs the arguments, dict_new, odict_init →
// mutablemapping_update: PyDict_Items' list of new pairs, then mutablemapping_add_pairs:
// a list iterator, a tuple iterator per pair, PyObject_SetItem; every object made and freed
// as CPython does); `od[k] = v` (PyODict_SetItem: the dict first, then
// _odict_add_new_node), `del od[k]` (the node first, then the dict); what dict's own code
// does for a dict subclass (`od[k]`, len, `in`, get, truth); pop, popitem(last=),
// setdefault, clear, move_to_end where the key is already at that end (CPython moves
// nothing); repr before 3.12 (odict_repr's list of pairs: "OrderedDict([('a', 1)])",
// "OrderedDict()"); == and != (odict_richcompare: dict equality, then the keys in order
// when both are OrderedDicts); sys.getsizeof (odict_sizeof); the collector; refcounts
// (each node holds its key).
// Refused: iteration and everything made of it (for, list(), the views keys/values/items,
// reversed, unpacking), a move_to_end that moves (the engine keeps the list in the dict's
// order, see the invariant in HeapEngine's OrderedDictObject.swift), the repr of a
// non-empty OrderedDict on 3.12+ (odict_repr copies it into a dict through PyDict_Copy,
// whose dict_merge goes through odict_keys and an odict_iterator), copy, update, fromkeys,
// `__reduce__`, `__dict__` and instance attributes, weak references, `|` (3.9+), dict's
// methods called on an OrderedDict (`dict.pop(od, k)`), an OrderedDict as the source of
// dict(), `{**od}`, `f(**od)` and dict.update (dict_merge takes its keys() path), keys whose
// hashing or comparison runs Python code, and subclassing it.
extension Interpreter {
    /// OrderedDict's methods, made on first use.
    static let orderedDictMethodNames = ["move_to_end", "popitem", "pop", "setdefault", "clear"]

    /// dict's methods whose C code reads an OrderedDict as a plain dict in CPython (what
    /// `od.get` and `dict.get(od, k)` run); any other dict method on an OrderedDict is
    /// refused.
    static let dictMethodsReadingOrderedDict: Set<String> = ["get", "__contains__", "__getitem__"]

    // MARK: - construction

    /// type_call for collections.OrderedDict (a static type without vectorcall: the
    /// arguments are packed), dict_new, then odict_init: more than one positional argument
    /// is a TypeError; then mutablemapping_update. Borrows the arguments.
    func newOrderedDictCall(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        for a in args { try refuseStartupObject(a) }
        if args.count > 1 { throw notModelled("OrderedDict() with more than one positional argument") }
        let packed = try packTypeCallArguments(args, kwargs)
        defer { packed.reversed().forEach(heap.decref) }
        let od: ObjectRef
        do {
            let storage = layouts.emptyDictKeys == .shared ? DictStorage() : DictStorage(minimumSize: layouts)
            od = try heap.newOrderedDict(storage: storage)
        } catch { throw memoryError() }
        do {
            if let other = args.first { try odictUpdateArgument(od, other) }
            if !kwargs.isEmpty {
                // The packed kwargs dict: PyDict_Items of it.
                let kw = packed.last!
                try odictAddPairs(od, try pyDictItems(kw))
            }
        } catch {
            heap.decref(od)
            throw error
        }
        return od
    }

    /// mutablemapping_update_arg (mutablemapping_update's one-argument branch on 3.6): an
    /// exact dict gives PyDict_Items; a list or tuple is taken as pairs, after the lookups
    /// of `keys` and `items` found nothing (on 3.8+ _PyObject_LookupAttr suppresses the
    /// AttributeError without making it; 3.6's _PyObject_HasAttrId makes and clears it).
    private func odictUpdateArgument(_ od: ObjectRef, _ other: ObjectRef) throws {
        if heap.isExact(other, .dict) {
            heap.incref(other)
            defer { heap.decref(other) }
            try odictAddPairs(od, try pyDictItems(other))
            return
        }
        guard heap.isExact(other, .list) || heap.isExact(other, .tuple) else {
            throw notModelled("OrderedDict() of a '\(typeName(other))'")
        }
        if profile.minor < 8 {
            throw notModelled("OrderedDict() of a \(typeName(other)) of pairs",
                              because: "CPython \(profile.version)'s _PyObject_HasAttrId makes and clears two AttributeErrors")
        }
        heap.incref(other)
        defer { heap.decref(other) }
        try odictAddPairs(od, other, owned: false)
    }

    /// PyDict_Items(d): PyList_New(n), then n PyTuple_New(2) in a row, then filled from
    /// the entries in order. A new reference.
    private func pyDictItems(_ d: ObjectRef) throws -> ObjectRef {
        let items = dictStorage(d).items
        for _ in items { heap.incref(heap.none) }
        let list = try newList(Array(repeating: heap.none, count: items.count), extend: false)
        for (i, (k, v)) in items.enumerated() {
            heap.incref(k); heap.incref(v)
            let pair: ObjectRef
            do { pair = try newTuple([k, v]) } catch { heap.decref(list); throw error }
            let old = mutateList(list) { st -> ObjectRef in
                let o = st.items[i]
                st.items[i] = pair
                return o
            }
            heap.decref(old)
        }
        return list
    }

    /// mutablemapping_add_pairs(self, pairs): PyObject_GetIter(pairs), then for each pair
    /// its own iterator (a tuple iterator), the key, the value, one more next() that must
    /// find the end, PyObject_SetItem; the pair, its iterator, key and value released in
    /// that order. `owned`: `pairs` is a new reference to release at the end.
    private func odictAddPairs(_ od: ObjectRef, _ pairs: ObjectRef, owned: Bool = true) throws {
        defer { if owned { heap.decref(pairs) } }
        let iterator = try getIter(pairs)
        defer { heap.decref(iterator) }
        while let pair = try next(iterator) {
            guard heap.isExact(pair, .tuple) || heap.isExact(pair, .list) else {
                heap.decref(pair)
                throw notModelled("OrderedDict() of an item of type '\(typeName(pair))'")
            }
            let n = sequenceItems(pair)!.count
            guard n == 2 else {
                heap.decref(pair)
                throw notModelled("OrderedDict() of an item of \(n) values")
            }
            let pairIterator: ObjectRef
            do { pairIterator = try getIter(pair) } catch { heap.decref(pair); throw error }
            var key: ObjectRef?, value: ObjectRef?
            do {
                key = try next(pairIterator)
                value = try next(pairIterator)
                if let extra = try next(pairIterator) { heap.decref(extra) }
                try odictSetItem(od, key!, value!)
            } catch {
                heap.decref(pair); heap.decref(pairIterator)
                if let key { heap.decref(key) }
                if let value { heap.decref(value) }
                throw error
            }
            heap.decref(pair); heap.decref(pairIterator)
            heap.decref(key!); heap.decref(value!)
        }
    }

    // MARK: - mapping

    /// Keys whose hashing or comparison could run Python code are refused: _odict_get_index
    /// looks the key up in the dict once more (dk_lookup), which the engine does not repeat.
    private func refuseOrderedDictKey(_ key: ObjectRef) throws {
        if case .tuple = heap.payload[Int(key)] { throw notModelled("a tuple as a collections.OrderedDict key") }
        try refuseUserKeys([key], "a collections.OrderedDict")
    }

    /// The index of `key`'s node (the dict's stored key, found by identity), nil if absent.
    private func odictNodeIndex(_ od: ObjectRef, _ key: ObjectRef) throws -> Int? {
        let s = dictStorage(od)
        guard s.count > 0, let ix = s.lookup(key, hash: try hash(key), isEqual: keysEqual) else { return nil }
        let stored = s.entryKeys[ix]
        return heap.odictKeys(od).firstIndex(of: stored)
    }

    /// PyODict_SetItem: PyObject_Hash, the dict's insert, then _odict_add_new_node
    /// (_odict_get_index, which may remake od_fast_nodes, then a node for a new key).
    func odictSetItem(_ od: ObjectRef, _ key: ObjectRef, _ value: ObjectRef) throws {
        try refuseOrderedDictKey(key)
        let had = try odictNodeIndex(od, key) != nil
        try dictSet(od, key, value)
        do {
            if had { try heap.odictSyncFastNodes(od) } else { try heap.odictAppendNode(od, key) }
        } catch { throw memoryError() }
    }

    /// PyODict_DelItem: _odict_clear_node (nothing when the list is empty; else
    /// _odict_get_index, then the node's key released and the node freed), then the dict's
    /// delete (KeyError(key) when it is missing).
    func odictDelItem(_ od: ObjectRef, _ key: ObjectRef) throws {
        try refuseOrderedDictKey(key)
        _ = try hash(key)
        if !heap.odictKeys(od).isEmpty {
            do { try heap.odictSyncFastNodes(od) } catch { throw memoryError() }
            if let i = try odictNodeIndex(od, key) { heap.odictRemoveNode(od, at: i) }
        }
        guard let (k, v) = try dictRemove(od, key) else {
            heap.incref(key)
            throw try raiseNew("KeyError", args: [key])
        }
        heap.decref(k); heap.decref(v)
    }

    /// _odict_popkey_hash: the node first (found through _odict_get_index, then cleared),
    /// then the value taken out of the dict; the default, or KeyError(key). A new reference.
    private func odictPopKey(_ od: ObjectRef, _ key: ObjectRef, _ failobj: ObjectRef?) throws -> ObjectRef {
        try refuseOrderedDictKey(key)
        _ = try hash(key)
        var found = false
        if !heap.odictKeys(od).isEmpty {
            do { try heap.odictSyncFastNodes(od) } catch { throw memoryError() }
            if let i = try odictNodeIndex(od, key) {
                heap.odictRemoveNode(od, at: i)
                found = true
            }
        }
        if found, let (k, v) = try dictRemove(od, key) {
            heap.decref(k)
            return v
        }
        if let failobj { heap.incref(failobj); return failobj }
        heap.incref(key)
        throw try raiseNew("KeyError", args: [key])
    }

    // MARK: - methods

    /// The builtin ids of OrderedDict's modelled methods, made on first use.
    func orderedDictMethodID(_ name: String) -> Int32? {
        if orderedDictMethods.isEmpty { defineOrderedDictMethods() }
        return orderedDictMethods[name]
    }

    private func defineOrderedDictMethods() {
        func define(_ name: String, _ body: @escaping BuiltinFunction.Body) {
            orderedDictMethods[name] = registerBuiltin(name, module: "OrderedDict", body)
        }
        // odict_pop ("O|O:pop", METH_VARARGS | METH_KEYWORDS before 3.11, Argument Clinic
        // after): _odict_popkey.
        define("pop") { i, s, args, _ in
            try i.odictPopKey(s!, args[0], args.count > 1 ? args[1] : nil)
        }
        // OrderedDict_popitem_impl: KeyError("dictionary is empty"), else the last (or first)
        // node's key, popped through _odict_popkey_hash, packed with its value.
        define("popitem") { i, s, args, _ in
            let last = args.isEmpty ? true : try i.isTrue(args[0])
            let keys = i.heap.odictKeys(s!)
            guard let key = last ? keys.last : keys.first else {
                throw i.error("KeyError", "dictionary is empty")
            }
            i.heap.incref(key)
            let value: ObjectRef
            do { value = try i.odictPopKey(s!, key, nil) } catch { i.heap.decref(key); throw error }
            return try i.newTuple([key, value])
        }
        // OrderedDict_setdefault_impl for an exact OrderedDict: the value, or the default
        // stored through PyODict_SetItem.
        define("setdefault") { i, s, args, _ in
            try i.refuseOrderedDictKey(args[0])
            if let v = try i.dictGet(s!, args[0]) { i.heap.incref(v); return v }
            let dflt = args.count > 1 ? args[1] : i.heap.none
            try i.odictSetItem(s!, args[0], dflt)
            i.heap.incref(dflt)
            return dflt
        }
        // odict_clear: PyDict_Clear, then _odict_clear_nodes.
        define("clear") { i, s, _, _ in
            i.heap.dictClear(s!)
            i.heap.odictClearNodes(s!)
            return i.heap.newNone()
        }
        // OrderedDict_move_to_end_impl: KeyError(key) when empty; nothing to do when the key
        // is the end node's (compared by identity); otherwise _odict_find_node and a move,
        // refused unless the node is already at that end.
        define("move_to_end") { i, s, args, _ in
            let key = args[0]
            let last = args.count > 1 ? try i.isTrue(args[1]) : true
            let keys = i.heap.odictKeys(s!)
            guard let end = last ? keys.last : keys.first else {
                i.heap.incref(key)
                throw try i.raiseNew("KeyError", args: [key])
            }
            if key == end { return i.heap.newNone() }
            try i.refuseOrderedDictKey(key)
            _ = try i.hash(key)
            do { try i.heap.odictSyncFastNodes(s!) } catch { throw i.memoryError() }
            guard let index = try i.odictNodeIndex(s!, key) else {
                i.heap.incref(key)
                throw try i.raiseNew("KeyError", args: [key])
            }
            if index != (last ? keys.count - 1 : 0) {
                throw i.notModelled("OrderedDict.move_to_end() moving a key",
                                    because: "heapbook keeps an OrderedDict's order in its dict's order")
            }
            return i.heap.newNone()
        }
    }

    /// Attributes of collections.OrderedDict and its instances: the modelled methods (bound),
    /// nil for dict's `get` and `__class__` (looked up as for a dict), everything else refused.
    func orderedDictAttribute(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        if obj == heap.orderedDictTypeIfMade { throw notModelled("collections.OrderedDict.\(attr)") }
        guard heap.isOrderedDict(obj) else { return nil }
        if let id = orderedDictMethodID(attr) {
            heap.incref(obj)
            return try newBuiltinObject(BuiltinInfo(id: id, selfRef: obj))
        }
        if attr == "__class__" || attr == "get" { return nil }
        throw notModelled("collections.OrderedDict.\(attr)")
    }

    /// Setting or deleting attributes of an OrderedDict (it has a `__dict__`) or its type.
    func refuseOrderedDictAttributeStore(_ obj: ObjectRef, _ attr: String) throws {
        if heap.isOrderedDict(obj) || obj == heap.orderedDictTypeIfMade {
            throw notModelled("setting or deleting collections.OrderedDict.\(attr)")
        }
    }

    /// A dict method called on an OrderedDict: only those CPython runs as for a dict.
    func refuseDictMethodOnOrderedDict(_ fn: BuiltinFunction, _ selfRef: ObjectRef?) throws {
        guard let s = selfRef, fn.owner == .dict, heap.isOrderedDict(s),
              !Interpreter.dictMethodsReadingOrderedDict.contains(fn.name) else { return }
        throw notModelled("dict.\(fn.name)() on a collections.OrderedDict")
    }

    /// What reads an OrderedDict's entries as a mapping source (dict(od), `{**od}`,
    /// `f(**od)`, dict.update(od)): dict_merge's keys() path in CPython.
    func refuseOrderedDictSource(_ r: ObjectRef, _ what: @autoclosure () -> String) throws {
        if heap.isOrderedDict(r) { throw notModelled(what()) }
    }

    // MARK: - repr, comparison

    /// odict_repr: "OrderedDict()" when empty (no Py_ReprEnter); "..." inside itself; before
    /// 3.12 a list of (key, value) pairs (PyList_New(n), a PyTuple_Pack per node) whose repr
    /// goes between the parentheses, then released.
    func orderedDictRepr(_ r: ObjectRef, depth: Int) throws -> String {
        let keys = heap.odictKeys(r)
        if keys.isEmpty { return "OrderedDict()" }
        guard reprEnter(r) else { return "..." }
        defer { reprStack.remove(r) }
        if profile.minor >= 12 {
            throw notModelled("repr() of a non-empty collections.OrderedDict",
                              because: "CPython \(profile.version) copies it into a dict through odict_keys and an odict_iterator, which heapbook does not model")
        }
        for _ in keys { heap.incref(heap.none) }
        let pieces = try newList(Array(repeating: heap.none, count: keys.count), extend: false)
        defer { heap.decref(pieces) }
        for (i, k) in keys.enumerated() {
            guard let v = try dictGet(r, k) else { throw notModelled("an OrderedDict whose dict lost a key") }
            heap.incref(k); heap.incref(v)
            let pair = try newTuple([k, v])
            let old = mutateList(pieces) { st -> ObjectRef in
                let o = st.items[i]
                st.items[i] = pair
                return o
            }
            heap.decref(old)
        }
        return "OrderedDict(\(try repr(pieces, depth: depth + 1)))"
    }

    /// _odict_keys_equal: the node keys pairwise (PyObject_RichCompareBool), same length.
    func orderedDictKeysEqual(_ a: ObjectRef, _ b: ObjectRef) throws -> Bool {
        let s = heap.odictKeys(a), t = heap.odictKeys(b)
        guard s.count == t.count else { return false }
        for (x, y) in zip(s, t) where x != y {
            if !(try valuesEqual(x, y)) { return false }
        }
        return true
    }
}
