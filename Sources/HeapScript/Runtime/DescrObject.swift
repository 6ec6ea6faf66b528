import HeapEngine

// Objects/descrobject.c: mappingproxy, the read-only view type_getsets gives for a class's
// `__dict__` (type_dict → PyDictProxy_New, a new proxy at every access).

extension Interpreter {
    /// `C.__dict__`. Refused: a mappingproxy's repr, len and iteration show the class dict
    /// as CPython's type_new leaves it (without `__qualname__`, with `__doc__`, its
    /// descriptors' reprs `<attribute '__dict__' of 'C' objects>`), which the engine's class
    /// dict is not; handing out the dict itself would let `C.__dict__['x'] = 1` succeed where
    /// CPython raises "'mappingproxy' object does not support item assignment".
    func typeDictProxy(_ dict: ObjectRef) throws -> ObjectRef {
        throw notModelled("mappingproxy")
    }
}

// Objects/descrobject.c: member_descriptor, the data descriptor type_new puts in a class
// dict for each `__slots__` name (member_get / member_set over structmember.c's
// PyMember_GetOne / PyMember_SetOne, T_OBJECT_EX).

extension Interpreter {
    /// The member descriptor a slotted instance's class (or a base) defines for `attr`
    /// (borrowed), nil when there is none. Only classes with slots can have one: putting a
    /// member descriptor into another class is refused (`refuseForeignMemberDescr`).
    func memberDescriptor(of obj: ObjectRef, _ attr: String) throws -> MemberDescr? {
        guard heap.typeInfo(of: obj).slotCount > 0, let v = try lookupInType(heap.typeOf[Int(obj)], attr) else { return nil }
        return heap.memberDescr(v)
    }

    /// member_get on an instance: the slot's value (new reference) or CPython's
    /// AttributeError for a slot never set (or deleted). 3.11+ word it like a missing
    /// attribute, and PyObject_GetAttr's set_attribute_error_context keeps the object
    /// (`sys.getrefcount(s)` 3 after it on 3.11.7-3.13.0, 2 on 3.6.15/3.8.18).
    func memberGet(_ m: MemberDescr, _ obj: ObjectRef) throws -> ObjectRef {
        let i = heap.slotIndex(m, instanceType: heap.typeOf[Int(obj)])
        if let v = heap.slotValue(obj, i) { heap.incref(v); return v }
        if profile.bareAttributeErrorForUnsetSlot { throw error("AttributeError", m.nameValue) }
        throw attributeError(obj, m.nameValue, message: "'\(typeName(obj))' object has no attribute '\(m.nameValue)'")
    }

    /// member_set: stores a new reference, or deletes (value nil). Deleting a slot that is
    /// not set raises `AttributeError('x')` in every version (PyMember_SetOne), with no
    /// object kept (`sys.getrefcount(s)` stays 2 on 3.6.15-3.13.0).
    func memberSet(_ m: MemberDescr, _ obj: ObjectRef, _ value: ObjectRef?) throws {
        let i = heap.slotIndex(m, instanceType: heap.typeOf[Int(obj)])
        if !heap.setSlot(obj, i, value) { throw error("AttributeError", m.nameValue) }
    }

    /// Attributes of a member descriptor itself: `__name__` and `__objclass__`; the rest
    /// (`__get__`, `__doc__`, `__qualname__`...) are refused.
    func memberDescrAttribute(_ m: MemberDescr, _ attr: String) throws -> ObjectRef {
        switch attr {
        case "__name__": heap.incref(m.name); return m.name
        case "__objclass__": heap.incref(m.owner); return m.owner
        default: throw notModelled("member_descriptor.\(attr)")
        }
    }

    /// A member descriptor stored in a class other than its own (`class A: y = S.x`, or
    /// `A.y = S.x`): its descr_check against instances of A is not modelled.
    func refuseForeignMemberDescr(_ value: ObjectRef) throws {
        if heap.memberDescr(value) != nil { throw notModelled("a member descriptor stored in another class") }
    }
}
