// Objects/complexobject.c: complex (PyComplexObject), at v3.6.15, v3.8.18, v3.11.7, v3.12.1
// and v3.13.0.
//
// A complex is PyObject_HEAD and a Py_complex (two doubles): 32 bytes on every modelled
// release (`complex.__basicsize__` 32, `sys.getsizeof(1j)` 32, not a GC type). No modelled
// release has a complex free list (complex_dealloc is the type's tp_free, PyObject_Free, up
// to 3.13; the free list arrived in 3.14), so a freed complex goes back to pymalloc's
// 32-byte size class and its address is reused through the allocator, not a free list.

/// The value of one complex object (immutable, as cval is after complex_subtype_from_c_complex).
public final class ComplexObject {
    public let real: Double
    public let imag: Double
    public init(real: Double, imag: Double) { self.real = real; self.imag = imag }
}

extension Heap {
    /// The `complex` type, made on first use (by the builtins' registration).
    public func complexType() -> ObjectRef {
        if let t = complexTypeRef { return t }
        let layout = TypeLayout.builtin(.complex, profile: profile)
        let t = newStaticType(name: "complex", kind: .complex, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        complexTypeRef = t
        return t
    }

    public var complexTypeIfMade: ObjectRef? { complexTypeRef }

    /// A new complex (PyComplex_FromCComplex: PyObject_Malloc, no free list).
    public func newComplex(real: Double, imag: Double) throws(HeapExhausted) -> ObjectRef {
        try newNativeObject(type: complexType(), ComplexObject(real: real, imag: imag))
    }

    /// The value of `r`, if `r` is a complex.
    public func complexValue(_ r: ObjectRef) -> ComplexObject? {
        if case .native(let o) = payload[Int(r)] { return o as? ComplexObject }
        return nil
    }
}
