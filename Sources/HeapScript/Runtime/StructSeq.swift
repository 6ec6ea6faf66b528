import HeapEngine

// Objects/structseq.c: the named tuples of C modules (PyStructSequence), here the sys
// module's `version_info`, `int_info`, `float_info` and `hash_info`.
//
// A structseq type is a static subtype of tuple (tp_name "sys.version_info", not a heap
// type on 3.6.15-3.13.0: `__flags__ & Py_TPFLAGS_HEAPTYPE` is 0) whose instances lay out as
// tuples (TypeInfo.kind .tuple, the tuple's payload): indexing, slicing (a plain tuple),
// comparison with tuples, `==`, hash, len, unpacking, `in`, `+`, `*`, count and index are the
// tuple's. The type adds the field names (member descriptors over the items: `.major`),
// structseq_repr ("sys.version_info(major=3, minor=11, ...)") and refuses to be called
// (structseq_new's argument checks are not modelled; CPython's sys types raise "cannot
// create 'sys.version_info' instances" as their tp_new is NULL). None of these instances has
// invisible fields (n_fields == n_sequence_fields; n_unnamed_fields 0), so
// `sys.getsizeof` is the tuple's for its length: 80 for version_info on 3.8.18-3.13.0, 96
// on 3.6.15 (its 32-byte GC header).
//
// The instances are made at start-up, as CPython's sys module makes them: `sys.getrefcount`
// of them is refused there (`refuseStartupRefcount`: CPython's start-up holds references the
// engine does not see, 4 or 5 for version_info on 3.11.7). They are not tracked by the
// collector (`gc.is_tracked(sys.version_info)` is False on 3.6.15-3.13.0: PyStructSequence_New
// does not track).

/// One structseq type: its field names, in order.
struct StructSeqType {
    let fields: [String]
    /// Whether the type keeps structseq_new: sys makes version_info's tp_new NULL ("cannot
    /// create 'sys.version_info' instances"); int_info, float_info and hash_info keep it.
    let callable: Bool
}

extension Interpreter {
    /// Makes the structseq type `module.name` (static, borrowed: the type lives for the
    /// session) and its one instance holding `values` (new references, consumed).
    func makeStructSeq(_ qualifiedName: String, fields: [String], values: [ObjectRef], callable: Bool = true) throws -> ObjectRef {
        precondition(fields.count == values.count, "a structseq field without a value")
        let tuple = heap.typeInfo(heap.builtinType(.tuple))
        let t = heap.newStaticType(name: qualifiedName, kind: .tuple, base: heap.builtinType(.tuple),
                                   basicSize: tuple.basicSize, isGC: true)
        heap.typeInfo(t).itemSize = tuple.itemSize
        // CPython's sys types are held by references the engine does not make: refused.
        heap.markModuleTypeCountUnmodelled(t)
        structSeqTypes[t] = StructSeqType(fields: fields, callable: callable)
        let r: ObjectRef
        do { r = try heap.newTupleSubtypeInstance(type: t, items: values) } catch { throw memoryError() }
        heap.gc.untrack(r)
        discountStartupReferences(values)
        return r
    }

    /// The field names of a structseq instance's type (nil for any other object).
    func structSeqFields(_ r: ObjectRef) -> [String]? {
        structSeqTypes.isEmpty ? nil : structSeqTypes[heap.typeOf[Int(r)]]?.fields
    }

    /// Calling a structseq type: type_call's TypeError without tp_new; structseq_new (its
    /// `sequence` and `dict` arguments, the invisible fields) is not modelled.
    func structSeqCallError(_ st: StructSeqType, _ info: TypeInfo) -> Error {
        if !st.callable { return error("TypeError", "cannot create '\(info.name)' instances") }
        return notModelled("\(info.name)()", because: "structseq_new is not modelled")
    }

    /// The member descriptors of the fields (`v.major`) and the type's counts
    /// (`n_fields`, `n_sequence_fields`, `n_unnamed_fields`; 5, 5, 0 for version_info).
    /// nil: not a field; the tuple's methods and the rest follow.
    func structSeqAttribute(_ r: ObjectRef, _ fields: [String], _ attr: String) throws -> ObjectRef? {
        if let k = fields.firstIndex(of: attr), case .tuple(let items) = heap.payload[Int(r)] {
            heap.incref(items[k])
            return items[k]
        }
        switch attr {
        case "n_fields", "n_sequence_fields": return try newInt(fields.count)
        case "n_unnamed_fields": return try newInt(0)
        default: return nil
        }
    }

    /// Setting or deleting an attribute of a structseq instance: a field's member descriptor
    /// is READONLY ("readonly attribute", 3.6.15-3.13.0); any other name is refused (no
    /// instance dict: PyObject_GenericSetAttr's message is not modelled).
    func refuseStructSeqAttributeStore(_ r: ObjectRef, _ attr: String) throws {
        guard let fields = structSeqFields(r) else { return }
        if fields.contains(attr) { throw error("AttributeError", "readonly attribute") }
        throw notModelled("setting an attribute of a '\(typeName(r))' object")
    }

    /// structseq_repr: `sys.version_info(major=3, minor=11, micro=7, releaselevel='final',
    /// serial=0)`, the type's tp_name then each field's name and the repr of its value.
    func structSeqRepr(_ r: ObjectRef, _ fields: [String], depth: Int) throws -> String {
        guard case .tuple(let items) = heap.payload[Int(r)] else { return "" }
        var parts: [String] = []
        for (k, f) in fields.enumerated() { parts.append("\(f)=\(try repr(items[k], depth: depth + 1))") }
        return "\(typeName(r))(\(parts.joined(separator: ", ")))"
    }
}
