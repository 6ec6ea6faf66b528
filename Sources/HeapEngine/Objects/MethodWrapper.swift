/// Objects/descrobject.c's wrapperobject (`method-wrapper`): what wrapperdescr_get makes when
/// a slot wrapper (a wrapper_descriptor in a builtin type's dict, `list.__len__`) is read from
/// an instance: `[].__len__` is a new one each time (PyWrapper_New, GC-tracked, no free
/// list), holding the instance.
///
/// It holds self and its descriptor; wrapper_traverse visits both. The engine does not hold
/// the descriptor (a static type's dict entry, made at start-up), so `gc.get_referents` of a
/// method-wrapper is refused by the interpreter.
public final class MethodWrapper: NativeReferents {
    /// The object it is bound to (wp->self).
    public let selfRef: ObjectRef
    /// The interpreter's slot table index (the wrapper_descriptor).
    public let slot: Int32

    init(selfRef: ObjectRef, slot: Int32) {
        self.selfRef = selfRef; self.slot = slot
    }

    public func releaseReferences(in heap: Heap) {
        heap.decref(selfRef)
    }

    public func forEachReferent(_ body: (ObjectRef) -> Void) {
        body(selfRef)
    }
}

extension Heap {
    /// The `method-wrapper` type, made on first use.
    public func methodWrapperType() -> ObjectRef {
        if let t = methodWrapperTypeRef { return t }
        let layout = TypeLayout.builtin(.methodWrapper, profile: profile)
        let t = newStaticType(name: "method-wrapper", kind: .methodWrapper, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        methodWrapperTypeRef = t
        return t
    }

    /// PyWrapper_New: a new method-wrapper holding a reference to `selfRef`.
    public func newMethodWrapper(selfRef: ObjectRef, slot: Int32) throws(HeapExhausted) -> ObjectRef {
        let r = try newObject(type: methodWrapperType(), payload: .native(MethodWrapper(selfRef: selfRef, slot: slot)))
        incref(selfRef)
        return r
    }

    /// The method-wrapper state of `r`, if `r` is one.
    public func methodWrapper(_ r: ObjectRef) -> MethodWrapper? {
        if case .native(let o) = payload[Int(r)] { return o as? MethodWrapper }
        return nil
    }
}
