/// Objects/descrobject.c's PyMemberDescrObject, as type_new makes one for each `__slots__`
/// name (PyType_Ready → type_ready_fill_dict → add_members → PyDescr_NewMember).
///
/// It holds its class (d_type) and its name (d_name, the interned str of ht_slots) and
/// visits only the class (descr_traverse); descr_dealloc releases the class, then the name.
/// Which instance slot it reads is `index` among its class's own members (tp_members order).
public final class MemberDescr: NativeReferents {
    public let owner: ObjectRef
    public let name: ObjectRef
    public let nameValue: String
    public let index: Int

    init(owner: ObjectRef, name: ObjectRef, nameValue: String, index: Int) {
        self.owner = owner; self.name = name; self.nameValue = nameValue; self.index = index
    }

    public func releaseReferences(in heap: Heap) {
        heap.decref(owner)
        heap.decref(name)
    }

    public func forEachReferent(_ body: (ObjectRef) -> Void) {
        body(owner)
    }
}

extension Heap {
    /// The `member_descriptor` type, made on first use.
    public func memberDescriptorType() -> ObjectRef {
        if let t = memberDescriptorTypeRef { return t }
        let layout = TypeLayout.builtin(.memberDescriptor, profile: profile)
        let t = newStaticType(name: "member_descriptor", kind: .memberDescriptor, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        memberDescriptorTypeRef = t
        return t
    }

    /// The member descriptor state of `r`, if `r` is one.
    public func memberDescr(_ r: ObjectRef) -> MemberDescr? {
        if case .native(let o) = payload[Int(r)] { return o as? MemberDescr }
        return nil
    }

    /// Where member `descr` of an instance of `type` keeps its value in `InstanceState.slots`.
    public func slotIndex(_ descr: MemberDescr, instanceType type: ObjectRef) -> Int {
        typeInfo(type).slotCount - typeInfo(descr.owner).slotCount + descr.index
    }

    /// The instance's value of slot `i` (borrowed), nil when unset.
    public func slotValue(_ r: ObjectRef, _ i: Int) -> ObjectRef? {
        guard case .instance(let st) = payload[Int(r)], i < st.slots.count else { return nil }
        return st.slots[i]
    }

    /// member_set (structmember.c PyMember_SetOne, T_OBJECT_EX): stores `value` (borrowed;
    /// the slot takes a new reference) or clears the slot (nil), then releases the old
    /// value, as Py_XSETREF does. Returns false when deleting a slot that was not set.
    public func setSlot(_ r: ObjectRef, _ i: Int, _ value: ObjectRef?) -> Bool {
        guard case .instance(let st) = payload[Int(r)], i < st.slots.count else { return false }
        let old = st.slots[i]
        if value == nil && old == nil { return false }
        if let value { incref(value) }
        st.slots[i] = value
        xdecref(old)
        return true
    }
}

extension Heap {
    /// The member names of an instance of `type`, in `InstanceState.slots` order (the
    /// class's own first, then each base's up the tp_base chain).
    public func slotNamesInInstanceOrder(_ type: ObjectRef) -> [String] {
        var out: [String] = []
        var t: ObjectRef? = type
        while let c = t, typeInfo(c).isHeapType {
            out += typeInfo(c).slotNames
            t = typeInfo(c).base
        }
        return out
    }
}
