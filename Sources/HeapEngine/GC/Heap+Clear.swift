/// tp_clear of each type, as delete_garbage calls it, and clear_freelists.
///
/// tp_clear drops the references that can take part in a cycle, so that refcounting frees
/// the rest. Each type clears exactly what its 3.11 tp_clear clears, in its order, because
/// the order decides which objects die first (and so which addresses are reused next):
///
/// - list (_list_clear): the list becomes empty first, then the items are released last to
///   first, then the item array is freed.
/// - dict (PyDict_Clear): back to Py_EMPTY_KEYS, then the old entries are released in order
///   (key, value), then the keys object is freed.
/// - set (set_clear_internal): back to the empty smalltable, then the keys are released in
///   table order, then a malloced table is freed.
/// - instance (subtype_clear): the inline attribute values in order
///   (_PyObject_ClearInstanceAttributes), then the materialised `__dict__`.
/// - function (func_clear): globals, module, defaults, dict. The code object stays.
/// - class (type_clear): its dict is *cleared* (PyDict_Clear, the dict object stays), then
///   `__mro__` is dropped.
/// - module (module_clear): its dict. cell (cell_clear): its contents.
/// - weakref (gc_clear): the reference is cleared and the callback dropped.
/// - tuple, method, builtin method, iterators: no tp_clear in 3.11. A tuple in a cycle dies
///   when the other members are cleared.
///
/// Divergence: a function's globals and a module's dict are non-optional in the store, so
/// tp_clear puts `None` there instead of NULL (the None reference is counted and released
/// with the object, so no visible refcount changes).
extension Heap {
    func tpClear(_ op: ObjectRef) {
        let i = Int(op)
        switch payload[i] {
        case .list(let s):
            guard s.allocated > 0 || !s.items.isEmpty else { return }   // ob_item == NULL
            // Because decrefs can recursively touch this list, make it empty first.
            let block = auxAddress[i]
            auxAddress[i] = 0; auxSize[i] = 0
            var cleared = ListStorage()
            cleared.growth = s.growth
            payload[i] = .list(cleared)
            var k = s.items.count
            while k > 0 { k -= 1; decref(s.items[k]) }
            if block != 0 { allocator.free(block) }
        case .dict:
            // defdict_tp_clear: the factory first, then dict_tp_clear.
            if typeOf[i] == defaultDictTypeRef { clearDefaultFactory(op) }
            dictClear(op)
            // odict_tp_clear: PyDict_Clear, then _odict_clear_nodes.
            if typeOf[i] == orderedDictTypeRef { odictClearNodes(op) }
        case .set(let setObject):
            let block = auxAddress[i]   // only a malloced table has one
            auxAddress[i] = 0; auxSize[i] = 0
            let keys = setObject.storage.clear()
            for k in keys { decref(k) }
            if block != 0 { allocator.free(block) }
        case .instance(let st):
            // subtype_clear: clear_slots up the chain first, then the dict.
            if !st.slots.isEmpty {
                clearSlots(op)
                guard case .instance = payload[i] else { return }
            }
            let attrs = st.attributes
            let dict = st.dict
            st.attributes = nil
            st.dict = nil
            if let dict { setEmbeddedValues(dict, false) }   // 3.13 _PyDict_DetachFromObject
            if let attrs {
                // Py_CLEAR(values[i]) in order; the keys belong to the shared keys in
                // CPython, to the instance here (released after the values).
                let entries = attrs.items
                for e in entries { decref(e.value) }
                for e in entries { decref(e.key) }
            }
            xdecref(dict)
        case .function(let f):
            let globals = f.globals
            incref(none); f.globals = none
            decref(globals)
            if let m = f.module { f.module = nil; decref(m) }
            if let d = f.defaults { f.defaults = nil; decref(d) }
            if let d = f.kwdefaults { f.kwdefaults = nil; decref(d) }
            if let d = f.doc { f.doc = nil; decref(d) }
            if let d = f.dict { f.dict = nil; decref(d) }
            if let c = f.closure { f.closure = nil; decref(c) }
            if let a = f.annotations { f.annotations = nil; decref(a) }
        case .type(let info):
            guard !isStatic(op) else { return }
            if let d = info.dict { dictClear(d) }
            if let mro = info.mroTuple { info.mroTuple = nil; decref(mro) }
        case .module(let m):
            let dict = m.dict
            incref(none); m.dict = none
            decref(dict)
        case .cell(let content):
            guard kind(op) == .cell, let content else { return }
            payload[i] = .cell(nil)
            decref(content)
        case .weakref:
            // A KeyedRef: subtype_clear's clear_slots, then weakref's gc_clear.
            if case .weakref(var w) = payload[i], let k = w.key {
                w.key = nil
                payload[i] = .weakref(w)
                decref(k)
            }
            weakrefClearRef(op)
            if case .weakref(var w) = payload[i], let cb = w.callback {
                w.callback = nil
                payload[i] = .weakref(w)
                decref(cb)
            }
        case .native(let object):
            (object as? NativeClearable)?.clearReferences(in: self)
        case .tuple, .method, .builtin, .iterator, .empty, .int, .bigInt, .float, .str, .bytes, .range:
            break
        }
    }

    /// PyDict_Clear: the dict goes back to Py_EMPTY_KEYS first, then the old entries are
    /// released (free_keys_object: key then value, in entry order) and the keys freed.
    public func dictClear(_ d: ObjectRef) {
        guard case .dict(let o) = payload[Int(d)], !o.storage.hasEmptyKeys else { return }
        let s = o.storage
        let cleared = DictObject(DictStorage())
        cleared.typeWatch = o.typeWatch
        o.typeWatch?.modified()
        payload[Int(d)] = .dict(cleared)
        deallocDictStorage(d, s)
    }

    // MARK: - clear_freelists

    /// clear_freelists (3.11): during a full collection the free lists give their memory
    /// back to the allocator, in this order: tuples (by length, each list from its most
    /// recent entry), floats, lists, dicts, then dict keys. Freeing a GC object's memory
    /// (PyObject_GC_Del) lowers count0 when it is positive.
    func clearFreelists() {
        // Before 3.9 PyMethod_ClearFreeList and PyCFunction_ClearFreeList come first.
        let methodPre = UInt64(typeInfo(builtinType(.method)).preHeaderSize)
        while let a = freeLists.methods.popLast() { allocator.free(a - methodPre); gcCountFree() }
        let cfunctionPre = UInt64(typeInfo(builtinType(.builtinFunction)).preHeaderSize)
        while let a = freeLists.cfunctions.popLast() { allocator.free(a - cfunctionPre); gcCountFree() }
        while freeLists.frames > 0 { freeLists.frames -= 1; gcCountFree() }   // PyFrame_ClearFreeList
        let tuplePre = UInt64(typeInfo(builtinType(.tuple)).preHeaderSize)
        for length in 1...profile.tupleFreeListMaxLength {
            guard var addrs = freeLists.tuples[length], !addrs.isEmpty else { continue }
            while let a = addrs.popLast() { allocator.free(a - tuplePre); gcCountFree() }
            freeLists.tuples[length] = []
        }
        let floatPre = UInt64(typeInfo(builtinType(.float)).preHeaderSize)
        while let a = freeLists.floats.popLast() { allocator.free(a - floatPre) }
        let listPre = UInt64(typeInfo(builtinType(.list)).preHeaderSize)
        while let a = freeLists.lists.popLast() { allocator.free(a - listPre); gcCountFree() }
        let dictPre = UInt64(typeInfo(builtinType(.dict)).preHeaderSize)
        while let a = freeLists.dicts.popLast() { allocator.free(a - dictPre); gcCountFree() }
        while let a = freeLists.dictKeys.popLast() { allocator.free(a) }
    }

    /// Runs `body` with empty free lists, then gives back to the allocator whatever `body`
    /// freed onto them and puts the free lists back as they were. For objects CPython made
    /// before the prompt (a module its start-up imported, which the engine makes at the first
    /// `import`): they must neither take the prompt's free-listed memory, which the next
    /// statement's compiler reuses in CPython, nor leave their temporaries on the free lists.
    /// The caller restores the collector's counts.
    public func withFreeListsSetAside<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let saved = freeLists
        freeLists = FreeLists()
        defer {
            clearFreelists()
            freeLists = saved
        }
        return try body()
    }

    /// Runs `body` and then puts back what the engine knew of generation 0's count and of the
    /// collections' timing: for objects CPython made earlier (at start-up or at an import the
    /// engine already declared), whose making here must leave no uncertainty of its own.
    public func withCountCertaintyKept<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let bound = gc.countErrorBound, slack = gc.countBelowSlack
        let timing = gc.timingUnknown, stats = gc.statsUnknown
        defer {
            gc.countErrorBound = bound; gc.countBelowSlack = slack
            gc.timingUnknown = timing; gc.statsUnknown = stats
        }
        return try body()
    }

    /// How many entries each free list holds now (`trimFreeLists`).
    public func freeListLengths() -> FreeListLengths {
        FreeListLengths(methods: freeLists.methods.count, cfunctions: freeLists.cfunctions.count, frames: freeLists.frames,
                        tuples: freeLists.tuples.mapValues { $0.count }, floats: freeLists.floats.count,
                        lists: freeLists.lists.count, dicts: freeLists.dicts.count, dictKeys: freeLists.dictKeys.count)
    }

    /// Gives the allocator back the entries each free list holds beyond `lengths` (its most
    /// recent first), as clear_freelists would: for objects a stand-in for Python code CPython
    /// ran at another moment made and freed (WeakrefFinalize.swift), which must not leave
    /// the free lists fuller than CPython's. Generation 0's count is the caller's to restore.
    public func trimFreeLists(to lengths: FreeListLengths) {
        let methodPre = UInt64(typeInfo(builtinType(.method)).preHeaderSize)
        while freeLists.methods.count > lengths.methods, let a = freeLists.methods.popLast() { allocator.free(a - methodPre) }
        let cfunctionPre = UInt64(typeInfo(builtinType(.builtinFunction)).preHeaderSize)
        while freeLists.cfunctions.count > lengths.cfunctions, let a = freeLists.cfunctions.popLast() { allocator.free(a - cfunctionPre) }
        freeLists.frames = min(freeLists.frames, lengths.frames)
        let tuplePre = UInt64(typeInfo(builtinType(.tuple)).preHeaderSize)
        for (length, var addrs) in freeLists.tuples {
            let keep = lengths.tuples[length] ?? 0
            while addrs.count > keep, let a = addrs.popLast() { allocator.free(a - tuplePre) }
            freeLists.tuples[length] = addrs
        }
        let floatPre = UInt64(typeInfo(builtinType(.float)).preHeaderSize)
        while freeLists.floats.count > lengths.floats, let a = freeLists.floats.popLast() { allocator.free(a - floatPre) }
        let listPre = UInt64(typeInfo(builtinType(.list)).preHeaderSize)
        while freeLists.lists.count > lengths.lists, let a = freeLists.lists.popLast() { allocator.free(a - listPre) }
        let dictPre = UInt64(typeInfo(builtinType(.dict)).preHeaderSize)
        while freeLists.dicts.count > lengths.dicts, let a = freeLists.dicts.popLast() { allocator.free(a - dictPre) }
        while freeLists.dictKeys.count > lengths.dictKeys, let a = freeLists.dictKeys.popLast() { allocator.free(a) }
    }

    /// PyObject_GC_Del's count: generation 0's count drops with each GC object freed.
    @inline(__always) func gcCountFree() {
        if gc.counts[0] > 0 { gc.counts[0] -= 1 }
    }
}

/// Native (interpreter-owned) payloads with a tp_clear: drop the references that may
/// take part in a cycle (frames, generators). Types without it are never cleared; like
/// tuples, they die when the rest of their cycle is cleared.
public protocol NativeClearable: AnyObject {
    func clearReferences(in heap: Heap)
}
