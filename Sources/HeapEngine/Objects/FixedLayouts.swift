// Mirrors the var-sized and fixed-size objects whose size needs no table: bytes
// (Objects/bytesobject.c: PyBytesObject_SIZE = offsetof(ob_sval) + 1 = 33, plus one byte
// per item), tuple (Objects/tupleobject.c: 24 + 8 per item, GC-tracked, so 40 + 8n), float
// (Objects/floatobject.c: 24) and the plain-object types of `ObjectLayouts` (CPython 3.11.7).

extension ObjectLayouts {
    /// `sys.getsizeof(b)` for a bytes of `count` bytes: basicsize 33 + count (itemsize 1).
    public func bytesSizeOf(count: Int, profile: Profile) -> Int {
        bytes.sysGetSizeOf(variable: count * bytes.itemSize, profile: profile)
    }

    /// `sys.getsizeof(t)` for a tuple of `count` items: 24 + 8n + GC header.
    public func tupleSizeOf(count: Int, profile: Profile) -> Int {
        tuple.sysGetSizeOf(variable: count * tuple.itemSize, profile: profile)
    }

    /// `sys.getsizeof(1.0)`.
    public func floatSizeOf(profile: Profile) -> Int { float.sysGetSizeOf(variable: 0, profile: profile) }

    /// `sys.getsizeof(C)` for a heap type: sizeof(PyHeapTypeObject) + its cached shared keys
    /// (type___sizeof___impl) + GC header.
    public func heapTypeSizeOf(sharedKeys: SharedDictKeys?, profile: Profile) -> Int {
        type.sysGetSizeOf(variable: sharedKeys?.keysSize(self) ?? 0, profile: profile)
    }
}
