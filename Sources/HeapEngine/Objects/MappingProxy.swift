/// Objects/descrobject.c's mappingproxy (mappingproxyobject): what type_dict
/// (`C.__dict__`) makes at every access, PyDictProxy_New: GC-tracked, no free list, holding
/// a reference to the class's dict.
///
/// Only made as the short-lived temporary Lib/copyreg.py's `_slotnames` reads
/// (`cls.__dict__.get("__slotnames__")`, CopyregReduce.swift): its allocation counts in
/// generation 0 (and may start a collection) and its block is pymalloc's for the call, as
/// in CPython. A mappingproxy the user's code could reach is still refused
/// (`Interpreter.typeDictProxy`).
public final class MappingProxy: NativeReferents {
    /// The class's dict (pp->mapping).
    public let mapping: ObjectRef

    init(mapping: ObjectRef) { self.mapping = mapping }

    public func releaseReferences(in heap: Heap) { heap.decref(mapping) }

    public func forEachReferent(_ body: (ObjectRef) -> Void) { body(mapping) }
}

extension Heap {
    /// The mappingproxy type (basicsize 24 and GC-tracked on 3.6.15-3.13.0:
    /// `type(C.__dict__).__basicsize__`, `gc.is_tracked(C.__dict__)`), made on first use. Its
    /// kind is the method-wrapper's: neither is ever looked at by kind outside its own code.
    public func mappingProxyType() -> ObjectRef {
        if let t = mappingProxyTypeRef { return t }
        let t = newStaticType(name: "mappingproxy", kind: .methodWrapper, base: builtinType(.object),
                              basicSize: 24, isGC: true)
        mappingProxyTypeRef = t
        return t
    }

    /// PyDictProxy_New(mapping): a new mappingproxy holding a reference to `mapping`.
    public func newMappingProxy(mapping: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        let r = try newObject(type: mappingProxyType(), payload: .native(MappingProxy(mapping: mapping)))
        incref(mapping)
        return r
    }
}
