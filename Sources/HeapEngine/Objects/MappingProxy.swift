/// Objects/descrobject.c's mappingproxy (mappingproxyobject, PyDictProxy_Type), as
/// type_getsets' `__dict__` getter (type_dict → PyDictProxy_New) makes one for a class's
/// dict at every access.
///
/// The object is PyObject_HEAD and one pointer, `mapping` (`type(C.__dict__).__basicsize__`
/// 24 on 3.6.15-3.13.0), a GC type: PyDictProxy_New is PyObject_GC_New and
/// _PyObject_GC_TRACK (`gc.is_tracked(C.__dict__)` True), so `sys.getsizeof(C.__dict__)` is
/// 56 on 3.6.15 (its 32-byte PyGC_Head) and 40 on 3.8.18-3.13.0. mappingproxy_traverse
/// visits the mapping; there is no tp_clear; mappingproxy_dealloc untracks the proxy and
/// releases the mapping. Only a class's dict is ever wrapped here (the `mappingproxy(d)`
/// constructor is not modelled), so `mapping` is always an exact dict.
public final class MappingProxy: NativeReferents {
    /// The wrapped dict (an owned reference while the proxy lives).
    public let mapping: ObjectRef

    init(mapping: ObjectRef) { self.mapping = mapping }

    public func releaseReferences(in heap: Heap) { heap.decref(mapping) }

    public func forEachReferent(_ body: (ObjectRef) -> Void) { body(mapping) }
}

extension Heap {
    /// The `mappingproxy` type (a static type of CPython's start-up), made on first use.
    public func mappingProxyType() -> ObjectRef {
        if let t = mappingProxyTypeRef { return t }
        let layout = TypeLayout.builtin(.mappingProxy, profile: profile)
        let t = newStaticType(name: "mappingproxy", kind: .mappingProxy, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        mappingProxyTypeRef = t
        return t
    }

    /// PyDictProxy_New(mapping): a new tracked proxy holding a new reference to `mapping`.
    public func newMappingProxy(_ mapping: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        incref(mapping)
        let state = MappingProxy(mapping: mapping)
        do { return try newNativeObject(type: mappingProxyType(), state) } catch {
            decref(mapping)
            throw error
        }
    }

    /// The proxy state of `r`, if `r` is a mappingproxy.
    public func mappingProxy(_ r: ObjectRef) -> MappingProxy? {
        if case .native(let o) = payload[Int(r)] { return o as? MappingProxy }
        return nil
    }
}

extension Heap {
    public var mappingProxyTypeIfMade: ObjectRef? { mappingProxyTypeRef }
}
