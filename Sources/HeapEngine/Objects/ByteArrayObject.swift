// Objects/bytearrayobject.c: bytearray (PyByteArrayObject), at v3.6.15, v3.8.18, v3.11.7,
// v3.12.1 and v3.13.0.
//
// A bytearray is PyObject_VAR_HEAD, ob_alloc, ob_bytes, ob_start, ob_exports: 56 bytes on
// every modelled release (`bytearray.__basicsize__`). Its contents live in a separate
// buffer of ob_alloc bytes from PyObject_Malloc (one more than the length for the trailing
// NUL, or nothing at all: ob_bytes NULL and ob_alloc 0 for an empty one that never grew).
// bytearray___sizeof__ is tp_basicsize + ob_alloc; a bytearray is not a GC object, so
// sys.getsizeof adds nothing (`sys.getsizeof(bytearray())` 56 on all five releases).
//
// PyByteArray_Resize(self, size), the same rule on every modelled release (measured:
// `sys.getsizeof` after each of 40 appends and after pops/clear agree on 3.6.15-3.13.0):
//   size == len: nothing;
//   size + 1 <= alloc (it fits): size < alloc / 2 → realloc to size + 1 ("major
//     downsize"), else only the length changes;
//   otherwise: size <= alloc * 1.125 → alloc = size + (size >> 3) + (size < 9 ? 3 : 6)
//     ("moderate upsize"), else alloc = size + 1.
// (ob_start moves only when a slice at the front is deleted, which the engine refuses, so
// the logical offset is always 0 here.)
// PyByteArray_FromStringAndSize(s, n) allocates n + 1 (nothing for n == 0).
//
// The buffer is not placed in the simulated allocator: the interpreter declares block
// sizes unknown once a bytearray exists (as for a deque's blocks).

/// The state of one bytearray: its bytes and ob_alloc.
///
/// Invariant: alloc == 0 && bytes.isEmpty, or alloc >= bytes.count + 1.
public final class ByteArrayObject {
    public private(set) var bytes: [UInt8]
    public private(set) var alloc: Int
    /// ob_exports: the managed buffers holding this bytearray's buffer (MemoryViewObject.swift).
    /// While it is not 0, PyByteArray_Resize to another length raises BufferError.
    public internal(set) var exports = 0

    /// PyByteArray_FromStringAndSize(bytes, n).
    public init(fromStringAndSize bytes: [UInt8]) {
        self.bytes = bytes
        self.alloc = bytes.isEmpty ? 0 : bytes.count + 1
    }

    public var count: Int { bytes.count }

    /// bytearray___sizeof__.
    public func sizeof(basicSize: Int) -> Int { basicSize + alloc }

    /// PyByteArray_Resize: the length becomes `size` (new bytes are zero here; callers
    /// overwrite them as CPython's do).
    public func resize(_ size: Int) {
        precondition(size >= 0)
        if size == bytes.count { return }
        if size + 1 <= alloc {
            if size < alloc / 2 { alloc = size + 1 }
        } else if Double(size) <= Double(alloc) * 1.125 {
            alloc = size + (size >> 3) + (size < 9 ? 3 : 6)
        } else {
            alloc = size + 1
        }
        if size < bytes.count { bytes.removeLast(bytes.count - size) }
        else { bytes.append(contentsOf: repeatElement(0, count: size - bytes.count)) }
    }

    /// Resizes to count + tail.count and copies `tail` at the end (bytearray_iconcat,
    /// bytearray_setslice_linear at the end, bytearray_append).
    public func appendContents(_ tail: [UInt8]) {
        guard !tail.isEmpty else { return }
        let n = bytes.count
        resize(n + tail.count)
        bytes.replaceSubrange(n..<(n + tail.count), with: tail)
    }

    /// ob_start[i] = v.
    public func setByte(_ i: Int, _ v: UInt8) { bytes[i] = v }

    /// bytearray_pop_impl's memmove, then PyByteArray_Resize(n - 1).
    public func remove(at i: Int) -> UInt8 {
        let v = bytes[i]
        var shifted = bytes
        shifted.remove(at: i)
        resize(bytes.count - 1)
        bytes = shifted
        return v
    }
}

extension Heap {
    /// The `bytearray` type, made on first use (by the builtins' registration).
    public func byteArrayType() -> ObjectRef {
        if let t = byteArrayTypeRef { return t }
        let layout = TypeLayout.builtin(.bytearray, profile: profile)
        let t = newStaticType(name: "bytearray", kind: .bytearray, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        byteArrayTypeRef = t
        return t
    }

    /// A new bytearray (PyByteArray_FromStringAndSize; not GC-tracked).
    public func newByteArray(_ bytes: [UInt8]) throws(HeapExhausted) -> ObjectRef {
        try newNativeObject(type: byteArrayType(), ByteArrayObject(fromStringAndSize: bytes))
    }

    /// The bytearray state of `r`, if `r` is a bytearray.
    public func byteArray(_ r: ObjectRef) -> ByteArrayObject? {
        if case .native(let o) = payload[Int(r)] { return o as? ByteArrayObject }
        return nil
    }
}
