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

    /// weakref.ref(r, callback): a new weak reference. Without a callback CPython reuses
    /// the existing basic ref (and `weakref.ref(x) is weakref.ref(x)`).
    public func newWeakref(to r: ObjectRef, callback: ObjectRef?) throws(HeapExhausted) -> ObjectRef {
        var list = weakrefs(to: r)
        if callback == nil, let basic = list.first(where: { w in
            if case .weakref(let s) = payload[Int(w)] { return s.callback == nil }
            return false
        }) {
            incref(basic)
            return basic
        }
        if let callback { incref(callback) }
        let type = builtinType(.weakref)
        let w = try allocateObject(type: type, size: requestSize(type),
                                   payload: .weakref(WeakrefState(referent: r, callback: callback)))
        gcTrackNew(w)
        // The basic ref (no callback) goes first (insert_head); a ref with a callback goes
        // right after the basic ref (insert_after), so newer callbacks run first.
        if callback == nil {
            list.insert(w, at: 0)
        } else {
            let hasBasic = list.first.map { first -> Bool in
                if case .weakref(let s) = payload[Int(first)] { return s.callback == nil }
                return false
            } ?? false
            list.insert(w, at: hasBasic ? 1 : 0)
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
