// Objects/memoryobject.c: memoryview (PyMemoryViewObject) and the managed buffer
// (_PyManagedBufferObject), at v3.6.15, v3.8.18, v3.11.7, v3.12.1 and v3.13.0.
//
// PyMemoryView_FromObject(exporter) makes a managed buffer first (mbuf_alloc, a GC object;
// PyObject_GetBuffer fills its `master` Py_buffer, whose `obj` is a new reference to the
// exporter, and a bytearray's ob_exports goes up by one), then the view (mbuf_add_view:
// memory_alloc(ndim), a GC object holding a reference to the managed buffer and counted in
// its `exports`). A view's own `view.obj` is a borrowed copy of master.obj: the exporter's
// count rises by one per managed buffer, not per view (`sys.getrefcount(b)` +1 after
// `m = memoryview(b); m2 = m[1:]; m3 = memoryview(m)`, 3.6.15-3.13.0). Slicing and
// memoryview(memoryview) share the managed buffer.
//
// Releasing a view (`release()`, the end of `with`, memory_dealloc) drops the managed
// buffer's `exports`; at zero, mbuf_release untracks the managed buffer and releases the
// master buffer (bytearray_releasebuffer: ob_exports - 1, then the exporter's reference).
// The managed buffer object itself lives until its last view is freed (memory_dealloc's
// Py_CLEAR(self->mbuf) after _memory_release): `gc.get_referents(m)` still shows it after
// `m.release()`, and `gc.get_referents(mbuf)` is empty then (measured on all five).
//
// Sizes (measured: `sys.getsizeof`, `__basicsize__`, `__itemsize__` on all five):
// PyMemoryViewObject is PyObject_VAR_HEAD, mbuf, hash, flags, exports, Py_buffer view,
// weakreflist, ob_array[1]: basicsize 144, itemsize 8, ob_size 3 * ndim (shape, strides,
// suboffsets); a one-dimensional view is 168 + the GC header (200 on 3.6.15, 184 after).
// _PyManagedBufferObject is PyObject_HEAD, flags, exports, Py_buffer master: 112 + the GC
// header (144 on 3.6.15, 128 after).
//
// Only one-dimensional C-contiguous exporters are modelled (bytes, bytearray), so a view
// is a start, a length and a step (in items) over the exporter's storage: nothing is copied
// (a view of 100,000,000 bytes costs what its two objects cost).

/// The managed buffer: the exporter (master.obj) and the number of views registered.
///
/// Invariant: `exporter` is nil exactly when the master buffer was released (flags has
/// _Py_MANAGED_BUFFER_RELEASED); `exports` counts the views not yet released.
public final class ManagedBufferObject: NativeReferents {
    public private(set) var exporter: ObjectRef?
    public internal(set) var exports = 0

    init(exporter: ObjectRef) { self.exporter = exporter }

    /// mbuf_release's PyBuffer_Release(&self->master): the exporter's release hook, then its
    /// reference. (The untracking is the caller's: it knows the managed buffer's row.)
    func releaseMaster(in heap: Heap) {
        guard let e = exporter else { return }
        exporter = nil
        if let ba = heap.byteArray(e) { ba.exports -= 1 }   // bytearray_releasebuffer
        heap.decref(e)
    }

    /// mbuf_traverse: master.obj.
    public func forEachReferent(_ body: (ObjectRef) -> Void) { if let e = exporter { body(e) } }

    /// mbuf_dealloc: mbuf_release (a no-op once released).
    public func releaseReferences(in heap: Heap) { releaseMaster(in: heap) }
}

/// A one-dimensional view: `count` items of `itemsize` bytes, item k at byte
/// `start + k * step * itemsize` of the exporter's storage.
///
/// Invariant: while not released, `mbuf` is set and counts this view in its `exports`;
/// `format` is the struct format character ('B' for bytes and bytearray, or a cast's).
public final class MemoryViewObject: NativeReferents {
    public private(set) var mbuf: ObjectRef?
    /// view.obj: borrowed (the managed buffer holds the reference).
    public let exporter: ObjectRef
    public let start: Int
    public let count: Int
    public let step: Int
    public let itemsize: Int
    public let format: UInt8
    public let readonly: Bool
    public private(set) var released = false
    /// memory_hash's cache (self->hash, -1 until computed).
    public var cachedHash: Int?

    init(mbuf: ObjectRef, exporter: ObjectRef, start: Int, count: Int, step: Int, itemsize: Int, format: UInt8, readonly: Bool) {
        self.mbuf = mbuf; self.exporter = exporter; self.start = start; self.count = count; self.step = step
        self.itemsize = itemsize; self.format = format; self.readonly = readonly
    }

    /// C-contiguous (and F-contiguous: one dimension): a step of one item, or at most one item
    /// (PyBuffer_IsContiguous: a dimension of length 0 or 1 does not count).
    public var isContiguous: Bool { count <= 1 || step == 1 }

    /// _memory_release: the view is released, and the managed buffer too when it was the
    /// last view (mbuf_release untracks it).
    public func release(in heap: Heap) {
        guard !released, let m = mbuf, case .native(let o as ManagedBufferObject) = heap.payload[Int(m)] else { return }
        released = true
        o.exports -= 1
        if o.exports == 0, o.exporter != nil {
            heap.gc.untrack(m)
            o.releaseMaster(in: heap)
        }
    }

    /// memory_traverse: the managed buffer (kept after a release).
    public func forEachReferent(_ body: (ObjectRef) -> Void) { if let m = mbuf { body(m) } }

    /// memory_dealloc: _memory_release, then Py_CLEAR(self->mbuf).
    public func releaseReferences(in heap: Heap) {
        release(in: heap)
        let m = mbuf
        mbuf = nil
        heap.xdecref(m)
    }
}

extension Heap {
    /// The `memoryview` type, made on first use (by the builtins' registration).
    public func memoryViewType() -> ObjectRef {
        if let t = memoryViewTypeRef { return t }
        let layout = TypeLayout.builtin(.memoryView, profile: profile)
        let t = newStaticType(name: "memoryview", kind: .memoryView, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        memoryViewTypeRef = t
        return t
    }

    /// The `managedbuffer` type (not in builtins; reached through gc.get_referents).
    public func managedBufferType() -> ObjectRef {
        if let t = managedBufferTypeRef { return t }
        let layout = TypeLayout.builtin(.managedBuffer, profile: profile)
        let t = newStaticType(name: "managedbuffer", kind: .managedBuffer, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        managedBufferTypeRef = t
        return t
    }

    /// The one-dimensional view's ob_size part: shape, strides and suboffsets (3 × ndim).
    public static let memoryViewItemBytes = 3 * 8

    /// _PyManagedBuffer_FromObject: mbuf_alloc (GC-tracked), then PyObject_GetBuffer (a new
    /// reference to the exporter; a bytearray's ob_exports + 1).
    public func newManagedBuffer(exporter: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        let r = try newNativeObject(type: managedBufferType(), ManagedBufferObject(exporter: exporter))
        incref(exporter)
        if let ba = byteArray(exporter) { ba.exports += 1 }
        return r
    }

    /// mbuf_add_view: memory_alloc(1) (GC-tracked), holding a new reference to the managed
    /// buffer, registered in its exports.
    public func newMemoryView(mbuf: ObjectRef, start: Int, count: Int, step: Int, itemsize: Int,
                              format: UInt8, readonly: Bool) throws(HeapExhausted) -> ObjectRef {
        guard case .native(let o as ManagedBufferObject) = payload[Int(mbuf)], let e = o.exporter else {
            preconditionFailure("a view of a released managed buffer")
        }
        let state = MemoryViewObject(mbuf: mbuf, exporter: e, start: start, count: count, step: step,
                                     itemsize: itemsize, format: format, readonly: readonly)
        let r = try newNativeObject(type: memoryViewType(), state, extraSize: Heap.memoryViewItemBytes)
        incref(mbuf)
        o.exports += 1
        return r
    }

    /// The view state of `r`, if `r` is a memoryview.
    public func memoryView(_ r: ObjectRef) -> MemoryViewObject? {
        if case .native(let o) = payload[Int(r)] { return o as? MemoryViewObject }
        return nil
    }
}
