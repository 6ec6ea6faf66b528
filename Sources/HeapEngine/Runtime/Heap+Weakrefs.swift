/// Weak references (Objects/weakrefobject.c): a referent's `__weakref__` slot lists the
/// weakrefs to it; when it dies they are cleared and their callbacks called.
extension Heap {
    /// The weakrefs pointing at `r`, oldest first (empty for types without the slot).
    public func weakrefs(to r: ObjectRef) -> [ObjectRef] {
        switch payload[Int(r)] {
        case .instance(let s): return s.weakrefs
        case .function(let f): return f.weakrefs
        case .type(let t): return t.weakrefs
        case .native(let o as NativeWeakReferent): return o.weakrefs
        default: return slotWeakrefs.isEmpty ? [] : slotWeakrefs[r] ?? []
        }
    }

    /// Whether `weakref.ref(r)` is allowed (the type has a weaklist slot).
    public func supportsWeakrefs(_ r: ObjectRef) -> Bool {
        switch payload[Int(r)] {
        // A class with `__slots__` and no `__weakref__` among them has no weaklist slot.
        case .instance: return typeInfo(typeOf[Int(r)]).hasInstanceWeakrefs
        case .function, .type: return true
        // set, frozenset, method and builtin_function_or_method have a weaklist slot
        // (tp_weaklistoffset); method descriptors and method-wrappers (also `.builtin`) do not.
        case .set, .method: return true
        case .builtin: return typeInfo(typeOf[Int(r)]).kind == .builtinFunction && typeOf[Int(r)] != methodDescriptorType
        case .native(let o): return o is NativeWeakReferent
        default: return false
        }
    }

    func setWeakrefs(of r: ObjectRef, _ list: [ObjectRef]) {
        switch payload[Int(r)] {
        case .instance(let s): s.weakrefs = list
        case .function(let f): f.weakrefs = list
        case .type(let t): t.weakrefs = list
        case .native(let o as NativeWeakReferent): o.weakrefs = list
        case .set, .method, .builtin: slotWeakrefs[r] = list.isEmpty ? nil : list
        default: break
        }
    }

    /// A dying set, method or builtin function's weakrefs (`slotWeakrefs`), cleared as its
    /// deallocator's PyObject_ClearWeakRefs does, before it releases its references.
    func clearSlotWeakrefs(_ r: ObjectRef) {
        guard !slotWeakrefs.isEmpty, let list = slotWeakrefs.removeValue(forKey: r) else { return }
        clearWeakrefs(list)
    }

    /// Whether `w` is a weakref.proxy (ProxyType or CallableProxyType; PyWeakref_CheckProxy).
    @inline(__always)
    public func isWeakProxy(_ w: ObjectRef) -> Bool {
        let t = typeOf[Int(w)]
        return t == weakProxyType || t == weakCallableProxyType
    }

    /// get_basic_refs: the callback-less ref (only as the list's head, and of the exact
    /// weakref.ref type) and the callback-less proxy (the head, or right after that ref).
    func basicRefs(_ list: [ObjectRef]) -> (ref: ObjectRef?, proxy: ObjectRef?) {
        func hasCallback(_ w: ObjectRef) -> Bool {
            if case .weakref(let s) = payload[Int(w)] { return s.callback != nil }
            return true
        }
        guard var i = list.indices.first, !hasCallback(list[i]) else { return (nil, nil) }
        var ref: ObjectRef?
        if typeOf[Int(list[i])] == builtinType(.weakref) {
            ref = list[i]
            i += 1
        }
        guard i < list.count, !hasCallback(list[i]), isWeakProxy(list[i]) else { return (ref, nil) }
        return (ref, list[i])
    }

    /// weakref.ref(r, callback) (PyWeakref_NewRef), or with `proxy` weakref.proxy(r, callback)
    /// (PyWeakref_NewProxy: CallableProxyType when `callable`, the referent's PyCallable_Check).
    /// Without a callback CPython reuses the existing basic ref or proxy
    /// (`weakref.ref(x) is weakref.ref(x)`, `weakref.proxy(x) is weakref.proxy(x)`).
    public func newWeakref(to r: ObjectRef, callback: ObjectRef?, proxy: Bool = false,
                           callable: Bool = false) throws(HeapExhausted) -> ObjectRef {
        var list = weakrefs(to: r)
        let basic = basicRefs(list)
        if callback == nil, let reused = proxy ? basic.proxy : basic.ref {
            incref(reused)
            return reused
        }
        if let callback { incref(callback) }
        // new_weakref allocates a weakref.ref (PyObject_GC_New, tracked); a proxy's type is
        // then set to the proxy type, of the same size.
        let type = !proxy ? builtinType(.weakref) : (callable ? weakCallableProxyType : weakProxyType)
        let w = try allocateObject(type: type, size: requestSize(type),
                                   payload: .weakref(WeakrefState(referent: r, callback: callback)))
        gcTrackNew(w)
        // Where it goes in the list: a basic ref at the head (insert_head); a basic proxy
        // after the basic ref; anything with a callback after the basic proxy, or the basic
        // ref, or at the head (insert_after), so that newer callbacks run first.
        let prev: ObjectRef? = callback == nil ? (proxy ? basic.ref : nil) : (basic.proxy ?? basic.ref)
        if let prev, let at = list.firstIndex(of: prev) {
            list.insert(w, at: at + 1)
        } else {
            list.insert(w, at: 0)
        }
        setWeakrefs(of: r, list)
        return w
    }

    /// weakref___new__ for a subclass of weakref.ref with one slot (Lib/weakref.py's
    /// KeyedRef: `ref.__new__(type, ob, callback)` then `self.key = key`): never reuses a
    /// basic ref; tp_alloc (PyType_GenericAlloc: GC-tracked, a reference to the class) makes
    /// it, and it goes after the basic proxy, or the basic ref, or at the head (insert_after /
    /// insert_head), whether or not it has a callback. Borrows `type`, `callback`, `key`.
    public func newKeyedRef(type: ObjectRef, to r: ObjectRef, callback: ObjectRef?,
                            key: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        if let callback { incref(callback) }
        incref(key)
        let w = try allocateObject(type: type, size: requestSize(type),
                                   payload: .weakref(WeakrefState(referent: r, callback: callback, key: key)))
        gcTrackNew(w)
        var list = weakrefs(to: r)
        let basic = basicRefs(list)
        if let prev = basic.proxy ?? basic.ref, let at = list.firstIndex(of: prev) {
            list.insert(w, at: at + 1)
        } else {
            list.insert(w, at: 0)
        }
        setWeakrefs(of: r, list)
        return w
    }

    /// A dying weakref leaves its referent's list.
    func unlinkWeakref(_ w: ObjectRef, from referent: ObjectRef?) {
        guard let referent else { return }
        setWeakrefs(of: referent, weakrefs(to: referent).filter { $0 != w })
    }

    /// PyObject_ClearWeakRefs: the callback-less basic ref and proxy at the head are cleared
    /// first. One weakref left (before 3.13, `Profile.clearWeakrefsAlwaysPacks`): it is
    /// cleared, its callback (taken from it) called and released. More: a tuple of
    /// 2 × count items (PyTuple_New, a GC object, to the free list afterwards) takes each
    /// live weakref and its callback while all of them are cleared, then the callbacks run in
    /// list order, and the tuple's release drops the callbacks and the weakrefs, last first.
    /// A cleared weakref holds no callback any more (`sys.getrefcount(cb)` one lower once
    /// the referent died, 3.8.18 and 3.11.7).
    func clearWeakrefs(_ list: [ObjectRef]) {
        var rest = list[...]
        for _ in 0..<2 {
            guard let w = rest.first, case .weakref(var s) = payload[Int(w)], s.callback == nil else { break }
            s.referent = nil
            payload[Int(w)] = .weakref(s)
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return }
        /// clear_weakref after the callback was taken: (the weakref, its callback).
        func takeAndClear(_ w: ObjectRef) -> ObjectRef? {
            guard case .weakref(var s) = payload[Int(w)] else { return nil }
            let callback = s.callback
            s.callback = nil
            s.referent = nil
            payload[Int(w)] = .weakref(s)
            return callback
        }
        if rest.count == 1, !profile.clearWeakrefsAlwaysPacks, let w = rest.first {
            guard let cb = takeAndClear(w) else { return }
            if refcnt[Int(w)] > 0 { weakrefCallback?(cb, w) }
            decref(cb)
            return
        }
        var sizes = Array(repeating: 0, count: 2 * rest.count + 1)
        sizes[2 * rest.count] = 1
        let tuple = takeFromFreeLists(FreeListCounts(tuples: sizes))
        var items: [(ObjectRef, ObjectRef?)] = []
        for w in rest {
            let live = refcnt[Int(w)] > 0
            if live { incref(w) }
            let cb = takeAndClear(w)
            if live { items.append((w, cb)) } else if let cb { decref(cb) }
        }
        for (w, cb) in items { if let cb { weakrefCallback?(cb, w) } }
        for (w, cb) in items.reversed() {
            if let cb { decref(cb) }
            decref(w)
        }
        releaseWorkingSet(tuple)
    }
}
