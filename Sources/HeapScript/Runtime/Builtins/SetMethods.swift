import HeapEngine

// SetMethods.swift — the named methods of set and frozenset, after Objects/setobject.c
// (set_copy, set_union, set_intersection_multi, set_difference_multi,
// set_symmetric_difference, the *_update forms, set_issubset, set_issuperset,
// set_isdisjoint). They share the table walks of the operators (SetOperations.swift), so a
// result's table, size and order are the operator's.
//
// A set receiver's results are exact sets (make_new_set_basetype). Methods returning a new
// frozenset are not registered for frozenset (the operators refuse a frozenset on the left
// too). Where CPython walks a non-set argument its own way (intersection's lookups into
// `self`, issubset's temporary set, which changed between versions), a non-set argument is
// refused; union, update, difference and symmetric_difference take any iterable the way
// set_update_internal and set_difference_update_internal do.
extension Interpreter {
    func registerSetMethods() {
        defineMethod(.set, "copy") { i, s, _, _ in try i.newSetMerging(s!) }
        defineMethod(.frozenset, "copy") { i, s, _, _ in
            // frozenset_copy: an exact frozenset is its own copy.
            guard i.heap.typeOf[Int(s!)] == i.heap.builtinType(.frozenset) else {
                throw i.notModelled("frozenset.copy() of a frozenset subclass")
            }
            i.heap.incref(s!); return s!
        }
        defineMethod(.set, "union") { i, s, args, _ in
            try i.refuseDictArguments("union", args)
            let result = try i.newSetMerging(s!)
            do { for o in args where o != s! { try i.setUpdateInternal(result, o) } } catch { i.heap.decref(result); throw error }
            return result
        }
        defineMethod(.set, "intersection") { i, s, args, _ in
            try i.requireSetArguments("intersection", args)
            return try i.setIntersectionMulti(s!, args)
        }
        defineMethod(.set, "intersection_update") { i, s, args, _ in
            try i.requireSetArguments("intersection_update", args)
            // set_intersection_update_multi: the intersection swaps bodies with `self`.
            let tmp = try i.setIntersectionMulti(s!, args)
            i.heap.swapSetBodies(s!, tmp)
            i.heap.decref(tmp)
            return i.heap.newNone()
        }
        defineMethod(.set, "difference") { i, s, args, _ in
            try i.refuseDictArguments("difference", args)
            guard let first = args.first else { return try i.newSetMerging(s!) }
            // set_difference: a set argument as `-` does; anything else is
            // set_copy_and_difference.
            let result: ObjectRef
            if i.isAnySet(first) {
                result = try i.setOperation(.sub, s!, first)
            } else {
                result = try i.newSetMerging(s!)
                do { try i.setDifferenceUpdateInternal(result, first) } catch { i.heap.decref(result); throw error }
            }
            do { for o in args.dropFirst() { try i.setDifferenceUpdateInternal(result, o) } } catch { i.heap.decref(result); throw error }
            return result
        }
        defineMethod(.set, "difference_update") { i, s, args, _ in
            for o in args { try i.setDifferenceUpdateInternal(s!, o) }
            return i.heap.newNone()
        }
        defineMethod(.set, "symmetric_difference") { i, s, args, _ in
            try i.refuseDictArguments("symmetric_difference", args)
            // set_symmetric_difference: a new set of the argument, updated with `self`.
            let result = try i.newSet([])
            do {
                try i.setUpdateInternal(result, args[0])
                i.setSymmetricDifferenceUpdate(result, s!)
            } catch { i.heap.decref(result); throw error }
            return result
        }
        defineMethod(.set, "symmetric_difference_update") { i, s, args, _ in
            try i.refuseDictArguments("symmetric_difference_update", args)
            if i.isAnySet(args[0]) {
                i.setSymmetricDifferenceUpdate(s!, args[0])
            } else {
                // A temporary set of the argument, walked in its table order.
                let tmp = try i.newSet([])
                defer { i.heap.decref(tmp) }
                try i.setUpdateInternal(tmp, args[0])
                i.setSymmetricDifferenceUpdate(s!, tmp)
            }
            return i.heap.newNone()
        }
        for kind in [TypeKind.set, .frozenset] {
            defineMethod(kind, "issubset") { i, s, args, _ in
                try i.requireSetArguments("issubset", args)
                return i.heap.newBool(i.setIsSubset(s!, args[0]))
            }
            defineMethod(kind, "issuperset") { i, s, args, _ in
                try i.requireSetArguments("issuperset", args)
                return i.heap.newBool(i.setIsSubset(args[0], s!))
            }
            defineMethod(kind, "isdisjoint") { i, s, args, _ in
                try i.requireSetArguments("isdisjoint", args)
                // set_isdisjoint walks a set subclass with an iterator (PyAnySet_CheckExact).
                guard !i.heap.typeInfo(of: args[0]).isHeapType else {
                    throw i.notModelled("set.isdisjoint() with a '\(i.typeName(args[0]))' argument")
                }
                // set_isdisjoint: walk the smaller table, look up in the larger.
                if s! == args[0] { return i.heap.newBool(i.setStorage(s!).count == 0) }
                var (big, small) = (i.setStorage(s!), i.setStorage(args[0]))
                if small.count > big.count { swap(&big, &small) }
                for (k, h) in small.entries where big.contains(k, hash: h, isEqual: i.keysEqual) { return i.heap.newBool(false) }
                return i.heap.newBool(true)
            }
        }
    }

    func isAnySet(_ r: ObjectRef) -> Bool {
        if case .set = heap.payload[Int(r)] { return true }
        return false
    }

    private func requireSetArguments(_ mname: String, _ args: [ObjectRef]) throws {
        if let o = args.first(where: { !isAnySet($0) }) {
            throw notModelled("set.\(mname)() with a '\(typeName(o))' argument", because: "only set and frozenset arguments are modelled")
        }
    }

    /// An exact dict argument takes paths of its own (its stored hashes, _PyDict_Contains):
    /// not modelled for these methods.
    private func refuseDictArguments(_ mname: String, _ args: [ObjectRef]) throws {
        if let o = args.first(where: { heap.kind($0) == .dict }) {
            throw notModelled("set.\(mname)() with a '\(typeName(o))' argument")
        }
    }

    /// set_intersection_multi: no argument is a copy, otherwise set_intersection argument by
    /// argument, each result the next one's left side.
    private func setIntersectionMulti(_ s: ObjectRef, _ others: [ObjectRef]) throws -> ObjectRef {
        if others.isEmpty { return try newSetMerging(s) }
        heap.incref(s)
        var result = s
        for o in others {
            let next: ObjectRef
            do { next = try setIntersection(result, o) } catch { heap.decref(result); throw error }
            heap.decref(result)
            result = next
        }
        return result
    }

    /// set_difference_update_internal: a set argument's keys are discarded in its table order,
    /// anything else is iterated and each key discarded (set_discard_key).
    private func setDifferenceUpdateInternal(_ s: ObjectRef, _ other: ObjectRef) throws {
        if isAnySet(other) { setDifferenceUpdate(s, other); return }
        let items = try iterateToArray(other, lengthHint: false)
        defer { items.forEach(heap.decref) }
        for key in items {
            let h = try hash(key)
            let removed: ObjectRef? = heap.withPayload(s) { p in
                guard case .set(let setObject) = p else { return nil }
                let r = setObject.storage.discard(key, hash: h, isEqual: keysEqual)
                return r
            }
            if let removed { heap.decref(removed) }
        }
        setResizeAwayDummies(s)
    }

    /// set_issubset of two sets: no larger, and every key of `a` (in its table order) in `b`.
    private func setIsSubset(_ a: ObjectRef, _ b: ObjectRef) -> Bool {
        let (x, y) = (setStorage(a), setStorage(b))
        if x.count > y.count { return false }
        return x.entries.allSatisfy { y.contains($0.0, hash: $0.1, isEqual: keysEqual) }
    }
}

extension Interpreter {
    /// frozenset_new's `emptyfrozenset` (Objects/setobject.c before 3.10), a new reference.
    /// 3.8 makes it at the first empty `frozenset()` (a set object like any other, tracked,
    /// then held by the static pointer for good: `sys.getrefcount(frozenset())` is 2 in a
    /// fresh 3.8.18, script or prompt, and the first call moves generation 0's count by
    /// one). 3.6's start-up has made it already and its code constants hold it (12 on
    /// 3.6.15): a start-up object here, in CPython's lists already (the phantoms), whose
    /// count is refused.
    func emptyFrozensetSingleton() throws -> ObjectRef {
        if let e = emptyFrozenset { heap.incref(e); return e }
        let type = heap.builtinType(.frozenset)
        let e: ObjectRef
        if profile.minor < 8 {
            e = heap.newStartupObject(type: type, payload: .set(SetObject(SetStorage(layouts: layouts))), refcount: 1)
            heap.markUnmodelledCount(e)
        } else {
            do { e = try heap.newSetObject(SetStorage(layouts: layouts), type: type) } catch { throw memoryError() }
        }
        emptyFrozenset = e
        heap.incref(e)
        return e
    }
}
