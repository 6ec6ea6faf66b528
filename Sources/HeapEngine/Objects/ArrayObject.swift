// Modules/arraymodule.c: array.array (arrayobject) and its buffer, at v3.6.15, v3.8.18,
// v3.11.7, v3.12.1 and v3.13.0.
//
// An array is PyObject_VAR_HEAD, ob_item, allocated, ob_descr, weakreflist, ob_exports:
// 64 bytes on every modelled release (`array.array.__basicsize__`). Its items are C values
// (no references) in a separate buffer of allocated * itemsize bytes from PyMem_Malloc
// (pymalloc for small sizes), or none at all (ob_item NULL, allocated 0).
// array_array___sizeof___impl is tp_basicsize + allocated * itemsize; from 3.10 the type is a
// heap type with Py_TPFLAGS_HAVE_GC (bpo-42972), so sys.getsizeof adds the GC header there
// (`sys.getsizeof(array('i'))` 64 on 3.6.15 and 3.8.18, 80 on 3.11.7-3.13.0; gc.is_tracked
// False before, True from 3.11.7).
//
// array_resize(self, newsize), the same rule at every modelled tag (measured: sys.getsizeof
// after each of 40 appends, after pops and after `del a[0:18]` agree with it on all five):
//   allocated >= newsize && size < newsize + 16 && ob_item != NULL: only the size changes;
//   newsize == 0: PyMem_Free(ob_item), ob_item NULL, allocated 0;
//   otherwise allocated = (newsize >> 4) + (size < 8 ? 3 : 7) + newsize, PyMem_Realloc'd.
// newarrayobject(type, size, descr) allocates exactly size * itemsize (nothing for 0).
//
// The buffer is the object's separately allocated block in the simulated allocator (as a
// list's item array is), so addresses and sys.getallocatedblocks stay consistent.

/// One array's state: its typecode, item size, the raw buffer contents (little-endian C
/// values, `count * itemsize` bytes) and `allocated` (in items).
///
/// Invariant: bytes.count == count * itemsize, allocated >= count; allocated == 0 exactly
/// when ob_item is NULL.
public final class ArrayObject: NativeReferents, NativeWeakReferent {
    /// The typecode character's code point ('b', 'B', 'h', ...).
    public let typecode: UInt8
    public let itemsize: Int
    public private(set) var bytes: [UInt8]
    public private(set) var allocated: Int
    /// From 3.10 array_tp_traverse visits the (heap) type: nil before.
    let visitedType: ObjectRef?
    public var weakrefs: [ObjectRef] = []

    /// newarrayobject(type, size, descr) with its items copied in.
    public init(typecode: UInt8, itemsize: Int, bytes: [UInt8], visitedType: ObjectRef?) {
        precondition(bytes.count % itemsize == 0)
        self.typecode = typecode; self.itemsize = itemsize
        self.bytes = bytes
        self.allocated = bytes.count / itemsize
        self.visitedType = visitedType
    }

    public var count: Int { bytes.count / itemsize }

    /// array_array___sizeof___impl.
    public func sizeof(basicSize: Int) -> Int { basicSize + allocated * itemsize }

    /// array_resize: the length becomes `newsize` (new items are zero bytes; callers
    /// overwrite them as CPython's do).
    public func resize(_ newsize: Int) {
        precondition(newsize >= 0)
        let size = count
        if allocated >= newsize && size < newsize + 16 && allocated > 0 {
            setCount(newsize)
            return
        }
        if newsize == 0 {
            bytes = []
            allocated = 0
            return
        }
        allocated = (newsize >> 4) + (size < 8 ? 3 : 7) + newsize
        setCount(newsize)
    }

    private func setCount(_ n: Int) {
        let want = n * itemsize
        if want < bytes.count { bytes.removeLast(bytes.count - want) }
        else if want > bytes.count { bytes.append(contentsOf: repeatElement(0, count: want - bytes.count)) }
    }

    /// The raw bytes of item `i`.
    public func item(_ i: Int) -> ArraySlice<UInt8> { bytes[(i * itemsize)..<((i + 1) * itemsize)] }

    /// Stores raw item bytes at item `i` (setitem's store; `raw.count == itemsize`).
    public func setItem(_ i: Int, _ raw: [UInt8]) {
        bytes.replaceSubrange((i * itemsize)..<((i + 1) * itemsize), with: raw)
    }

    /// Replaces the contents without a resize (memmove/memcpy within the buffer: reverse,
    /// byteswap, the shift of ins1 and array_del_slice after their resize).
    public func replaceContents(_ raw: [UInt8]) {
        precondition(raw.count == bytes.count)
        bytes = raw
    }

    public func forEachReferent(_ body: (ObjectRef) -> Void) { if let t = visitedType { body(t) } }
    public func releaseReferences(in heap: Heap) {}
}

/// A native object with a weaklist slot (tp_weaklistoffset): its weakrefs, oldest first.
public protocol NativeWeakReferent: AnyObject {
    var weakrefs: [ObjectRef] { get set }
}

extension Heap {
    /// After an array's `allocated` changed: its buffer follows (newarrayobject's
    /// PyMem_NEW, array_resize's PyMem_RESIZE / PyMem_Free).
    public func arrayBufferResized(_ r: ObjectRef) {
        guard case .native(let o as ArrayObject) = payload[Int(r)] else { return }
        let bytes = o.allocated * o.itemsize
        if auxNeedsResize(r, bytes) { resizeAux(r, bytes: bytes) }
    }
}

extension Heap {
    /// The `array.array` type, made on first use (the method registration at start-up, or
    /// the first `import array`). CPython's is the module's (a heap type from 3.10 holding
    /// the module's references): its count is refused.
    public func arrayType() -> ObjectRef {
        if let t = arrayTypeRef { return t }
        let layout = TypeLayout.builtin(.array, profile: profile)
        let t = newStaticType(name: "array.array", kind: .array, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        arrayTypeRef = t
        markModuleTypeCountUnmodelled(t)
        return t
    }

    /// The array iterator type: tp_name "arrayiterator" before 3.10, "array.arrayiterator"
    /// from 3.10 (a heap type; `type(iter(array('i')))` measured on 3.8.18 and 3.11.7).
    public func arrayIteratorType() -> ObjectRef {
        if let t = arrayIteratorTypeRef { return t }
        let layout = TypeLayout.builtin(.arrayIterator, profile: profile)
        let t = newStaticType(name: profile.minor >= 10 ? "array.arrayiterator" : "arrayiterator", kind: .arrayIterator,
                              base: builtinType(.object), basicSize: layout.basicSize, isGC: layout.isGC)
        arrayIteratorTypeRef = t
        markModuleTypeCountUnmodelled(t)
        return t
    }

    /// The array type, nil before it was made.
    public var arrayTypeIfMade: ObjectRef? { arrayTypeRef }

    /// newarrayobject(type, n, descr) holding `bytes`: the object, then (n > 0) its buffer of
    /// exactly n * itemsize bytes; GC-tracked where the type is a GC type.
    public func newArray(typecode: UInt8, itemsize: Int, bytes: [UInt8]) throws(HeapExhausted) -> ObjectRef {
        let type = arrayType()
        let state = ArrayObject(typecode: typecode, itemsize: itemsize, bytes: bytes,
                                visitedType: profile.minor >= 10 ? type : nil)
        let r = try newNativeObject(type: type, state)
        arrayBufferResized(r)
        return r
    }

    /// The array state of `r`, if `r` is an array.
    public func array(_ r: ObjectRef) -> ArrayObject? {
        if case .native(let o) = payload[Int(r)] { return o as? ArrayObject }
        return nil
    }
}
