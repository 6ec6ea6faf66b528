/// Weak references (Objects/weakrefobject.c): a referent's `__weakref__` slot lists the
/// weakrefs to it; when it dies they are cleared and their callbacks called.
extension Heap {
    /// The weakrefs pointing at `r`, oldest first (empty for types without the slot).
    public func weakrefs(to r: ObjectRef) -> [ObjectRef] {
        switch payload[Int(r)] {
        case .instance(let s): return s.weakrefs
        case .function(let f): return f.weakrefs
        case .type(let t): return t.weakrefs
        default: return []
        }
    }

    /// Whether `weakref.ref(r)` is allowed (the type has a weaklist slot).
    public func supportsWeakrefs(_ r: ObjectRef) -> Bool {
        switch payload[Int(r)] {
        // A class with `__slots__` and no `__weakref__` among them has no weaklist slot.
        case .instance: return typeInfo(typeOf[Int(r)]).hasInstanceWeakrefs
        case .function, .type: return true
        default: return false
        }
    }

    func setWeakrefs(of r: ObjectRef, _ list: [ObjectRef]) {
        switch payload[Int(r)] {
        case .instance(var s):
            payload[Int(r)] = .empty; s.weakrefs = list; payload[Int(r)] = .instance(s)
        case .function(let f): f.weakrefs = list
        case .type(let t): t.weakrefs = list
        default: break
        }
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

    /// A dying weakref leaves its referent's list.
    func unlinkWeakref(_ w: ObjectRef, from referent: ObjectRef?) {
        guard let referent else { return }
        setWeakrefs(of: referent, weakrefs(to: referent).filter { $0 != w })
    }

    /// PyObject_ClearWeakRefs: every weakref to the dying object is cleared first, then
    /// the callbacks run, in list order.
    func clearWeakrefs(_ list: [ObjectRef]) {
        guard !list.isEmpty else { return }
        var pending: [(ObjectRef, ObjectRef)] = []
        for w in list {
            guard case .weakref(var s) = payload[Int(w)] else { continue }
            s.referent = nil
            if let cb = s.callback, refcnt[Int(w)] > 0 {
                incref(w)
                pending.append((cb, w))
            }
            payload[Int(w)] = .weakref(s)
        }
        for (cb, w) in pending {
            weakrefCallback?(cb, w)
            decref(w)
        }
    }
}
