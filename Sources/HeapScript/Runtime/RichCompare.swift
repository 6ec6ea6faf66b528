import HeapEngine

// Objects/object.c: PyObject_RichCompare (do_richcompare), PyObject_RichCompareBool and
// object_richcompare; Objects/typeobject.c: slot_tp_richcompare and slot_tp_hash — the
// comparisons and hashes of instances whose class (or a base) defines `__eq__`, `__ne__`,
// `__lt__`, `__le__`, `__gt__`, `__ge__` or `__hash__`.
//
// A class with one of the six comparison methods in its dict gets slot_tp_richcompare
// (update_one_slot), and so does every subclass (inherit_slots). Other instances keep
// object_richcompare; the builtin types' own tp_richcompare answers NotImplemented for an
// instance (none of them is a base of a class the engine models but object). The methods
// are plain functions (checked when the class is made, `checkSpecialMethod`), called with
// `callSpecial` as the other slot functions are.

extension Interpreter {
    static let comparisonMethodNames = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]

    /// A special name looked up along the MRO of `type` (borrowed), nil when no class in it
    /// has it. Made without interning the name: CPython looks slots up with static strings
    /// (_Py_IDENTIFIER / _Py_ID), and a str allocated here would move later addresses.
    func lookupSpecialName(_ type: ObjectRef, _ attr: String) throws -> ObjectRef? {
        guard let key = nameCache[attr] else {
            // Never interned: no class body (co_names) or setattr bound it.
            return nil
        }
        // The class dicts' own probe, not dictGet: this runs inside `keysEqual`, while a
        // dict or set probe takes `probeAnswers` (class dict keys are strs: no Python code).
        let h = try hash(key)
        for t in heap.typeInfo(type).mro {
            guard let d = heap.typeInfo(t).dict, let s = heap.payload[Int(d)].dictStorage, s.count > 0 else { continue }
            if let v = s.value(forKey: key, hash: h, isEqual: keysEqual) { return v }
        }
        return nil
    }

    /// Whether `r` is an instance whose type's tp_richcompare is slot_tp_richcompare.
    func hasSlotRichCompare(_ r: ObjectRef) throws -> Bool {
        guard case .instance = heap.payload[Int(r)] else { return false }
        let type = heap.typeOf[Int(r)]
        for name in Interpreter.comparisonMethodNames where try lookupSpecialName(type, name) != nil { return true }
        return false
    }

    /// Whether comparing `a` with `b` runs a class's comparison method (do_richcompare
    /// through slot_tp_richcompare on either side).
    func comparesInPython(_ a: ObjectRef, _ b: ObjectRef) throws -> Bool {
        try hasSlotRichCompare(a) || hasSlotRichCompare(b)
    }

    /// PyObject_RichCompare for a pair where `comparesInPython`: a new reference, the
    /// method's result as it returned it (COMPARE_OP pushes it; a non-bool is truth-tested
    /// only by whoever wants a truth value). do_richcompare: the right operand's reflected
    /// method first when its type is a proper subclass of the left one's, then the left
    /// operand's, then (unless tried) the reflected one; if all answer NotImplemented,
    /// identity for `==`/`!=` and a TypeError for ordering ("'<' not supported between
    /// instances of 'A' and 'B'", 3.6.15-3.13.0).
    func richCompare(_ op: CompareOp, _ v: ObjectRef, _ w: ObjectRef) throws -> ObjectRef {
        // Py_EnterRecursiveCall(" in comparison") counts C levels with the Python ones up to
        // 3.11 and apart from them on 3.12+: where the recursion limit is near, which check
        // trips first and with what message differs, so deep recursion here is refused.
        if 2 * depth + 20 >= recursionLimit {
            throw notModelled("deep recursion through comparison methods")
        }
        try refuseDequeOperand(v, "comparing a deque"); try refuseDequeOperand(w, "comparing a deque")
        if let r = try genericAliasCompare(op, v, w) { return r }
        if heap.isWeakProxy(v) || heap.isWeakProxy(w) { return try weakProxyCompare(op, v, w) }
        // mappingproxy_richcompare compares the mapping: not modelled.
        if heap.mappingProxy(v) != nil || heap.mappingProxy(w) != nil { throw notModelled("comparing a mappingproxy") }
        let tv = heap.typeOf[Int(v)], tw = heap.typeOf[Int(w)]
        var checkedReverse = false
        if tv != tw && heap.typeInfo(tw).mro.contains(tv) {
            checkedReverse = true
            let r = try typeRichCompare(w, v, op.swapped)
            if r != heap.notImplemented { return r }
            heap.decref(r)
        }
        let r = try typeRichCompare(v, w, op)
        if r != heap.notImplemented { return r }
        heap.decref(r)
        if !checkedReverse {
            let r = try typeRichCompare(w, v, op.swapped)
            if r != heap.notImplemented { return r }
            heap.decref(r)
        }
        switch op {
        case .eq: return heap.newBool(v == w)
        case .ne: return heap.newBool(v != w)
        default:
            throw error("TypeError", "'\(op.rawValue)' not supported between instances of '\(typeName(v))' and '\(typeName(w))'")
        }
    }

    /// PyObject_RichCompareBool without its identity shortcut (callers test `a == b`
    /// first where CPython does): the result's truth, a bool read directly.
    func richCompareTruth(_ op: CompareOp, _ a: ObjectRef, _ b: ObjectRef) throws -> Bool {
        let r = try richCompare(op, a, b)
        defer { heap.decref(r) }
        if heap.kind(r) == .bool { return r == heap.trueRef }
        return try isTrue(r)
    }

    /// Py_TYPE(self)->tp_richcompare(self, other, op), a new reference.
    func typeRichCompare(_ selfRef: ObjectRef, _ other: ObjectRef, _ op: CompareOp) throws -> ObjectRef {
        if try hasSlotRichCompare(selfRef) { return try slotTpRichCompare(selfRef, other, op) }
        if case .instance = heap.payload[Int(selfRef)] { return try objectRichCompare(selfRef, other, op) }
        if heap.typeInfo(of: selfRef).isHeapType {
            throw notModelled("comparing a '\(typeName(selfRef))' object with a class's comparison method")
        }
        // A builtin type's tp_richcompare given an instance: NotImplemented (the types differ,
        // so object_richcompare's identity cannot hold either).
        return newNotImplemented()
    }

    /// slot_tp_richcompare: the class's method for `op` along the MRO, called with
    /// `callSpecial`; where no class defines it, object's slot wrapper (`object.__lt__`) is
    /// what _PyType_Lookup finds: lookup_maybe_method binds it (a method-wrapper holding
    /// self), and the call packs `other` into a 1-tuple (_PyObject_MakeTpCall; 3.6:
    /// PyObject_CallFunctionObjArgs's _PyStack_AsTuple), freed before the method-wrapper.
    /// (`a != b` with only `__eq__`: `sys.getrefcount(self)` in `__eq__` is 6 on 3.6.15, 5
    /// on 3.8.18-3.13.0, one more than `a == b`: the method-wrapper's reference.) The
    /// collector's count after such a call is not the engine's: `gc.collect(); x = l == l;
    /// gc.get_count()` for a class with only `__lt__` counts 2 more than `x = 1` on 3.8.18,
    /// 3.12.1 and 3.13.0 and 1 more on 3.11.7, where the engine's method-wrapper and tuple
    /// leave 1 and 0; so the count is marked unknown until the next collection.
    private func slotTpRichCompare(_ selfRef: ObjectRef, _ other: ObjectRef, _ op: CompareOp) throws -> ObjectRef {
        let name = "__\(Interpreter.slotName(op))__"
        if let m = try lookupSpecialName(heap.typeOf[Int(selfRef)], name) {
            return try callSpecial(m, selfRef, [other])
        }
        guard let slot = slotTable[.object]?[name] else { preconditionFailure("object has every comparison slot") }
        heap.countMayDiffer(by: 2)
        let wrapper: ObjectRef
        do { wrapper = try heap.newMethodWrapper(selfRef: selfRef, slot: slot) } catch { throw memoryError() }
        defer { heap.decref(wrapper) }
        heap.incref(other)
        let packed = try newTuple([other])
        defer { heap.decref(packed) }
        return try objectRichCompare(selfRef, other, op)
    }

    /// object_richcompare: `==` is identity (else NotImplemented); `!=` asks the type's
    /// tp_richcompare for `==` and inverts a result that is not NotImplemented (through
    /// PyObject_IsTrue, 3.x); ordering is NotImplemented.
    func objectRichCompare(_ selfRef: ObjectRef, _ other: ObjectRef, _ op: CompareOp) throws -> ObjectRef {
        switch op {
        case .eq:
            return selfRef == other ? heap.newBool(true) : newNotImplemented()
        case .ne:
            let r = try typeRichCompare(selfRef, other, .eq)
            if r == heap.notImplemented { return r }
            defer { heap.decref(r) }
            return heap.newBool(!(try isTrue(r)))
        default:
            return newNotImplemented()
        }
    }

    /// slot_tp_hash, for an instance: the class's `__hash__` along the MRO; None there
    /// (set by the class statement for a class defining `__eq__` without `__hash__`
    /// (type_ready_set_hash), or explicitly) is PyObject_HashNotImplemented's TypeError;
    /// none at all is object's hash (the address). The result must be an int
    /// ("__hash__ method should return an integer", 3.6.15-3.13.0); one beyond Py_hash_t
    /// is hashed as an int is (PyLong_Type.tp_hash), and -1 becomes -2.
    func instanceHash(_ r: ObjectRef) throws -> Int {
        guard let m = try lookupSpecialName(heap.typeOf[Int(r)], "__hash__") else { return addressHash(r) }
        if m == heap.none { throw error("TypeError", "unhashable type: '\(typeName(r))'") }
        let res = try callSpecial(m, r, [])
        defer { heap.decref(res) }
        let h: Int
        switch heap.payload[Int(res)] {
        case .int(let v) where !heap.typeInfo(of: res).isHeapType: h = v
        case .bigInt(let v) where !heap.typeInfo(of: res).isHeapType: h = IntLayout.hash(v)
        default:
            if heap.typeInfo(of: res).isHeapType { throw notModelled("a `__hash__` returning a '\(typeName(res))' object") }
            throw error("TypeError", "__hash__ method should return an integer")
        }
        return h == -1 ? -2 : h
    }
}

extension CompareOp {
    /// _Py_SwappedOp: the operator a reflected comparison asks for.
    var swapped: CompareOp {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return self
        }
    }
}
