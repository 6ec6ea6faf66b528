import HeapEngine

// Objects/memoryobject.c (v3.6.15, v3.8.18, v3.11.7, v3.12.1, v3.13.0): memoryview over the
// exporters the engine has a buffer for, bytes and bytearray (format 'B', one dimension,
// C-contiguous). HeapEngine's MemoryViewObject.swift keeps the view and the managed buffer;
// a view reads and writes the exporter's storage, nothing is copied per item.
//
// What a memoryview does here: memoryview(obj) (bytes, bytearray, memoryview), len(), truth,
// repr()/str() (`<memory at 0x...>`, `<released memory at 0x...>`), v[i] (ints, negative
// indexes), v[i:j:k] (a view on the same managed buffer), v[i] = int and v[i:j:k] = bytes-
// like into a writable buffer, == and != (with bytes, bytearray, memoryview, and builtin
// non-buffers), hash (a read-only view: the bytes' hash), sys.getsizeof; tobytes(),
// tolist(), hex(), release(), cast('B' | 'b' | 'c'), `with` (__enter__/__exit__); nbytes,
// itemsize, format, ndim, shape, strides, suboffsets, readonly, obj, contiguous,
// c_contiguous, f_contiguous; bytes(v), bytearray(v). A bytearray with a live view refuses
// to change its length (BufferError, in ByteArrayObject.swift's resizing paths).
// Refused: array.array and other exporters, iteration and `in` (memory_iter from 3.10, the
// sequence protocol before), ordering, every operator, arguments of tobytes/hex/cast beyond
// the format, casts to other formats or shapes, tuple subscripts, weak references, the
// other attributes (toreadonly, __getitem__...), views given to consumers of the buffer
// protocol the engine reads only bytes and bytearray in (bytes methods, bytearray `+`,
// int()...).
//
// Texts measured on the five releases (alike unless said): "memoryview: a bytes-like object
// is required, not 'int'", "Required argument 'object' (pos 1) not found" (3.6.15) /
// "memoryview() missing required argument 'object' (pos 1)", "memoryview() takes at most 1
// argument (2 given)", "operation forbidden on released memoryview object" (ValueError),
// "index out of bounds on dimension 1", "memoryview: invalid slice key", "cannot modify
// read-only memory", "cannot delete memory", "memoryview: invalid value for format 'B'",
// "memoryview: invalid type for format 'B'", "a bytes-like object is required, not 'list'",
// "memoryview assignment: lvalue and rvalue have different structures", "cannot hash
// writable memoryview object", "Existing exports of data: object cannot be re-sized".
extension Interpreter {
    func memoryViewObject(_ r: ObjectRef) -> MemoryViewObject? { heap.memoryView(r) }

    /// CHECK_RELEASED: ValueError once released (or its managed buffer was).
    func checkNotReleased(_ v: MemoryViewObject) throws {
        if v.released { throw error("ValueError", "operation forbidden on released memoryview object") }
    }

    /// _canresize (Objects/bytearrayobject.c): PyByteArray_Resize to another length while a
    /// buffer is exported.
    func checkByteArrayResize(_ ba: ByteArrayObject, to size: Int) throws {
        if ba.exports > 0 && size != ba.count {
            throw error("BufferError", "Existing exports of data: object cannot be re-sized")
        }
    }

    /// An operation the engine does not model on a memoryview operand.
    func refuseMemoryViewOperand(_ r: ObjectRef, _ what: @autoclosure () -> String) throws {
        if heap.memoryView(r) != nil { throw notModelled(what()) }
    }

    /// The view's bytes, item after item (PyBuffer_ToContiguous), read from the exporter.
    func memoryViewBytes(_ v: MemoryViewObject) -> [UInt8] {
        let n = v.count * v.itemsize
        if n == 0 { return [] }
        func gather(_ src: [UInt8]) -> [UInt8] {
            if v.step == 1 { return Array(src[v.start..<(v.start + n)]) }
            var out = [UInt8](); out.reserveCapacity(n)
            var k = v.start
            for _ in 0..<v.count { out.append(src[k]); k += v.step }
            return out
        }
        switch heap.payload[Int(v.exporter)] {
        case .bytes(let b): return gather(b)
        case .native(let o as ByteArrayObject): return gather(o.bytes)
        default: preconditionFailure("a memoryview of an exporter the engine does not model")
        }
    }

    private func memoryViewByte(_ v: MemoryViewObject, _ i: Int) -> UInt8 {
        let k = v.start + i * v.step
        switch heap.payload[Int(v.exporter)] {
        case .bytes(let b): return b[k]
        case .native(let o as ByteArrayObject): return o.bytes[k]
        default: preconditionFailure("a memoryview of an exporter the engine does not model")
        }
    }

    /// unpack_single for the modelled formats: 'B' an int, 'b' a signed int, 'c' a bytes of
    /// one byte (PyBytes_FromStringAndSize(ptr, 1): the shared one-byte bytes).
    private func memoryViewUnpack(_ v: MemoryViewObject, _ byte: UInt8) throws -> ObjectRef {
        switch v.format {
        case UInt8(ascii: "b"): return try newInt(Int(Int8(bitPattern: byte)))
        case UInt8(ascii: "c"): return try newBytes([byte])
        default: return try newInt(Int(byte))
        }
    }

    /// The contents and struct format of an object given as a buffer (PyObject_GetBuffer
    /// with PyBUF_FULL_RO): nil for an object that is not one (a builtin the engine knows has
    /// no buffer); refused for exporters the engine does not read.
    private func bufferContents(_ r: ObjectRef, for what: String) throws -> (bytes: [UInt8], format: UInt8, count: Int)? {
        if let v = heap.memoryView(r) {
            try checkNotReleased(v)
            return (memoryViewBytes(v), v.format, v.count)
        }
        if heap.typeInfo(of: r).isHeapType { throw notModelled("\(what) with an instance of a class") }
        switch heap.payload[Int(r)] {
        case .bytes(let b): return (b, UInt8(ascii: "B"), b.count)
        case .native(let o as ByteArrayObject): return (o.bytes, UInt8(ascii: "B"), o.count)
        case .int, .bigInt, .float, .str, .list, .tuple, .dict, .set, .range: return nil
        case .empty where r == heap.none: return nil
        default: throw notModelled("\(what) with a '\(typeName(r))' object")
        }
    }

    // MARK: - Construction

    /// memoryview_impl (PyMemoryView_FromObject): a view of a memoryview shares its managed
    /// buffer (mbuf_add_view); a bytes or bytearray gets a managed buffer, then the view.
    func newMemoryViewCall(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        var given = args
        for (k, v) in kwargs {
            guard k == "object", given.isEmpty else { throw notModelled("memoryview() with the keyword argument '\(k)'") }
            given.append(v)
        }
        guard given.count <= 1 else {
            if kwargs.isEmpty { throw error("TypeError", "memoryview() takes at most 1 argument (\(given.count) given)") }
            throw notModelled("memoryview() with more than one argument")
        }
        guard let o = given.first else {
            throw error("TypeError", profile.minor < 8 ? "Required argument 'object' (pos 1) not found"
                                                       : "memoryview() missing required argument 'object' (pos 1)")
        }
        do {
            if let v = heap.memoryView(o) {
                try checkNotReleased(v)
                return try heap.newMemoryView(mbuf: v.mbuf!, start: v.start, count: v.count, step: v.step,
                                              itemsize: v.itemsize, format: v.format, readonly: v.readonly)
            }
            if heap.typeInfo(of: o).isHeapType {
                // 3.12+ classes may export a buffer (`__buffer__`, PEP 688); bytes and
                // bytearray subclasses would export theirs.
                if profile.minor >= 12 || heap.kind(o) == .bytes || heap.kind(o) == .bytearray || !isPlainInstance(o) {
                    throw notModelled("memoryview() of an instance of a class")
                }
                throw error("TypeError", "memoryview: a bytes-like object is required, not '\(typeName(o))'")
            }
            switch heap.payload[Int(o)] {
            case .bytes(let b):
                let m = try heap.newManagedBuffer(exporter: o)
                defer { heap.decref(m) }
                return try heap.newMemoryView(mbuf: m, start: 0, count: b.count, step: 1, itemsize: 1,
                                              format: UInt8(ascii: "B"), readonly: true)
            case .native(let ba as ByteArrayObject):
                let m = try heap.newManagedBuffer(exporter: o)
                defer { heap.decref(m) }
                return try heap.newMemoryView(mbuf: m, start: 0, count: ba.count, step: 1, itemsize: 1,
                                              format: UInt8(ascii: "B"), readonly: false)
            case .native(let a as ArrayObject):
                _ = a
                throw notModelled("memoryview() of an array.array", because: "its buffer's export count is not modelled")
            case .int, .bigInt, .float, .str, .list, .tuple, .dict, .set, .range:
                break
            case .empty where o == heap.none || heap.kind(o) == .object:
                break
            default:
                throw notModelled("memoryview() of a '\(typeName(o))' object")
            }
        } catch let e as HeapExhausted { _ = e; throw memoryError() }
        throw error("TypeError", "memoryview: a bytes-like object is required, not '\(typeName(o))'")
    }

    /// An instance of a class whose bases are all `object`'s (no builtin base with a buffer).
    private func isPlainInstance(_ o: ObjectRef) -> Bool {
        if case .instance = heap.payload[Int(o)] { return heap.kind(o) == .instance || heap.kind(o) == .object }
        return false
    }

    // MARK: - Protocols

    /// memory_repr.
    func memoryViewRepr(_ r: ObjectRef, _ v: MemoryViewObject) -> String {
        (v.released ? "<released memory at " : "<memory at ") + hexAddress(r) + ">"
    }

    /// memory_length.
    func memoryViewLength(_ v: MemoryViewObject) throws -> Int {
        try checkNotReleased(v)
        return v.count
    }

    /// memory_subscript for one dimension: an index gives an item, a slice a new view on the
    /// same managed buffer (mbuf_add_view, then init_slice).
    func memoryViewItem(_ v: MemoryViewObject, _ key: ObjectRef) throws -> ObjectRef {
        try checkNotReleased(v)
        if isSlice(key) {
            let s = try sliceIndices(key, count: v.count)
            do {
                return try heap.newMemoryView(mbuf: v.mbuf!, start: v.start + s.start * v.step, count: s.length,
                                              step: v.step * s.step, itemsize: v.itemsize, format: v.format,
                                              readonly: v.readonly)
            } catch { throw memoryError() }
        }
        let i = try memoryViewIndex(v, key)
        return try memoryViewUnpack(v, memoryViewByte(v, i))
    }

    /// The index of a subscript (memory_item's bounds check), or the TypeError of a key that is
    /// neither an index nor a slice.
    private func memoryViewIndex(_ v: MemoryViewObject, _ key: ObjectRef) throws -> Int {
        if heap.typeInfo(of: key).isHeapType { throw notModelled("a memoryview subscript that is an instance of a class") }
        switch heap.payload[Int(key)] {
        case .int(var i) where heap.kind(key) == .int || heap.kind(key) == .bool:
            if i < 0 { i += v.count }
            guard i >= 0, i < v.count else { throw error("IndexError", "index out of bounds on dimension 1") }
            return i
        case .bigInt: throw notModelled("a memoryview index that is a big int")
        case .tuple where heap.kind(key) == .tuple: throw notModelled("a memoryview subscript that is a tuple")
        case .str, .float, .bytes, .list, .dict, .set:
            throw error("TypeError", "memoryview: invalid slice key")
        case .empty where key == heap.none || key == heap.ellipsis:
            throw error("TypeError", "memoryview: invalid slice key")
        default:
            throw notModelled("a memoryview subscript that is a '\(typeName(key))' object")
        }
    }

    /// memory_ass_sub for one dimension: an int index takes an int in range(0, 256) (format
    /// 'B'); a slice takes a buffer of the same format and length (copy_single, which copies
    /// through a temporary when the two overlap).
    func memoryViewSetItem(_ v: MemoryViewObject, _ key: ObjectRef, _ value: ObjectRef?) throws {
        try checkNotReleased(v)
        if v.readonly { throw error("TypeError", "cannot modify read-only memory") }
        guard let value else { throw error("TypeError", "cannot delete memory") }
        guard v.format == UInt8(ascii: "B"), let ba = heap.byteArray(v.exporter) else {
            throw notModelled("assigning into a memoryview of format '\(String(UnicodeScalar(v.format)))'")
        }
        if isSlice(key) {
            let s = try sliceIndices(key, count: v.count)
            guard let src = try bufferContents(value, for: "memoryview slice assignment") else {
                throw error("TypeError", "a bytes-like object is required, not '\(typeName(value))'")
            }
            guard src.format == UInt8(ascii: "B"), src.count == s.length else {
                throw error("ValueError", "memoryview assignment: lvalue and rvalue have different structures")
            }
            var k = v.start + s.start * v.step
            for x in src.bytes { ba.setByte(k, x); k += v.step * s.step }
            return
        }
        let i = try memoryViewIndex(v, key)
        // pack_single 'B': PyNumber_Index (a TypeError becomes "invalid type"), then the range.
        if heap.typeInfo(of: value).isHeapType { throw notModelled("assigning an instance of a class into a memoryview") }
        switch heap.payload[Int(value)] {
        case .int(let x) where heap.kind(value) == .int || heap.kind(value) == .bool:
            guard (0..<256).contains(x) else { throw error("ValueError", "memoryview: invalid value for format 'B'") }
            ba.setByte(v.start + i * v.step, UInt8(x))
        case .bigInt: throw error("ValueError", "memoryview: invalid value for format 'B'")
        case .str, .float, .bytes, .list, .tuple, .dict, .set:
            throw error("TypeError", "memoryview: invalid type for format 'B'")
        case .empty where value == heap.none:
            throw error("TypeError", "memoryview: invalid type for format 'B'")
        default:
            throw notModelled("assigning a '\(typeName(value))' object into a memoryview")
        }
    }

    /// memory_richcompare for == and != (nil: neither operand is a memoryview). A released
    /// view compares by identity; another operand that has no buffer is NotImplemented, which
    /// ends in identity too. Items are compared unpacked: 'B' and 'b' as ints, 'c' as bytes.
    /// bytearray_richcompare, on the left, compares the raw bytes of a C-contiguous view.
    func memoryViewEquals(_ a: ObjectRef, _ b: ObjectRef) throws -> Bool? {
        let va = heap.memoryView(a), vb = heap.memoryView(b)
        guard va != nil || vb != nil else { return nil }
        if let ba = heap.byteArray(a), let w = vb, !w.released, w.isContiguous {
            return ba.bytes == memoryViewBytes(w)
        }
        let (v, vr, other) = va != nil ? (va!, a, b) : (vb!, b, a)
        if v.released { return vr == other }
        if let w = heap.memoryView(other), w.released { return false }
        guard let o = try bufferContents(other, for: "comparing a memoryview") else { return vr == other }
        guard o.count == v.count else { return false }
        let mine = memoryViewBytes(v)
        let isChar = { (f: UInt8) in f == UInt8(ascii: "c") }
        if isChar(v.format) != isChar(o.format) { return v.count == 0 }
        if v.format == o.format || isChar(v.format) { return mine == o.bytes }
        // 'B' against 'b': equal where both are below 128.
        return zip(mine, o.bytes).allSatisfy { $0 == $1 && $0 < 128 }
    }

    /// memory_hash: the cached hash, else (released: ValueError) a read-only view of a byte
    /// format hashes as the bytes it holds.
    func memoryViewHash(_ v: MemoryViewObject) throws -> Int {
        if let h = v.cachedHash { return h }
        try checkNotReleased(v)
        if !v.readonly { throw error("ValueError", "cannot hash writable memoryview object") }
        let h = heap.bytesHash(memoryViewBytes(v))
        v.cachedHash = h
        return h
    }

    /// bytes(v) and tobytes(): _PyBytes_FromBuffer / memory_tobytes, PyBytes_FromStringAndSize
    /// (NULL, n) filled in place (the empty bytes for n == 0, a new object otherwise).
    func memoryViewToBytes(_ v: MemoryViewObject) throws -> ObjectRef {
        try checkNotReleased(v)
        let b = memoryViewBytes(v)
        try ensureHeapRoom(b.count)
        return try newBytesObject(b)
    }

    /// bytearray(v): bytearray___init__'s buffer path.
    func memoryViewToByteArray(_ v: MemoryViewObject) throws -> ObjectRef {
        try checkNotReleased(v)
        return try newByteArrayObject(memoryViewBytes(v))
    }

    // MARK: - Attributes and methods

    /// The getters of memory_getsetlist the engine models (each CHECK_RELEASED first).
    func memoryViewAttribute(_ r: ObjectRef, _ v: MemoryViewObject, _ attr: String) throws -> ObjectRef? {
        let getters: Set<String> = ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
                                    "suboffsets", "c_contiguous", "f_contiguous", "contiguous"]
        guard getters.contains(attr) else { return nil }
        try checkNotReleased(v)
        switch attr {
        case "obj": heap.incref(v.exporter); return v.exporter
        case "nbytes": return try newInt(v.count * v.itemsize)
        case "readonly": return heap.newBool(v.readonly)
        case "itemsize": return try newInt(v.itemsize)
        case "format": return try newStr(String(UnicodeScalar(v.format)))
        case "ndim": return try newInt(1)
        case "shape": return try newTuple([try newInt(v.count)])
        case "strides": return try newTuple([try newInt(v.step * v.itemsize)])
        case "suboffsets": heap.incref(heap.emptyTuple); return heap.emptyTuple
        default: return heap.newBool(v.isContiguous)
        }
    }

    /// `v.X` where not modelled: what CPython has besides the registered methods, the getters
    /// above and `__class__` is refused; the rest is the generic AttributeError.
    func refuseMemoryViewAttribute(_ obj: ObjectRef, _ attr: String) throws {
        if heap.memoryView(obj) != nil, methodTable[.memoryView]?[attr] == nil, !Interpreter.memoryViewGetters.contains(attr),
           attr != "__class__" {
            try refuseIfCPythonHas(attr, on: obj)
        }
        if heap.kind(obj) == .managedBuffer, attr != "__class__" { try refuseIfCPythonHas(attr, on: obj) }
    }

    static let memoryViewGetters: Set<String> = ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
                                                 "suboffsets", "c_contiguous", "f_contiguous", "contiguous"]

    func defineMemoryViewMethods() {
        defineMethod(.memoryView, "tobytes") { i, s, _, _ in try i.memoryViewToBytes(i.heap.memoryView(s!)!) }
        defineMethod(.memoryView, "tolist") { i, s, _, _ in
            let v = i.heap.memoryView(s!)!
            try i.checkNotReleased(v)
            var items: [ObjectRef] = []
            items.reserveCapacity(v.count)
            do {
                for x in i.memoryViewBytes(v) { items.append(try i.memoryViewUnpack(v, x)) }
            } catch { items.forEach(i.heap.decref); throw error }
            return try i.newList(items, extend: false)
        }
        defineMethod(.memoryView, "hex") { i, s, _, _ in
            // memory_hex: _Py_strhex of the contiguous bytes (the empty str for none).
            let v = i.heap.memoryView(s!)!
            try i.checkNotReleased(v)
            let b = i.memoryViewBytes(v)
            if b.isEmpty { i.heap.incref(i.heap.emptyStr); return i.heap.emptyStr }
            let hex: [Character] = Array("0123456789abcdef")
            var out = ""
            out.reserveCapacity(2 * b.count)
            for x in b { out.append(hex[Int(x >> 4)]); out.append(hex[Int(x & 15)]) }
            return try i.newStrObject(out)
        }
        defineMethod(.memoryView, "release") { i, s, _, _ in
            // memory_release: the view never has exports of its own here (the engine's
            // consumers hold a view's buffer only inside one call).
            i.heap.memoryView(s!)!.release(in: i.heap)
            return i.heap.newNone()
        }
        defineMethod(.memoryView, "__enter__") { i, s, _, _ in
            try i.checkNotReleased(i.heap.memoryView(s!)!)
            i.heap.incref(s!)
            return s!
        }
        defineMethod(.memoryView, "__exit__") { i, s, _, _ in
            i.heap.memoryView(s!)!.release(in: i.heap)
            return i.heap.newNone()
        }
        defineMethod(.memoryView, "cast") { i, s, args, _ in
            // memory_cast to a one-byte format, one dimension: a new view on the same managed
            // buffer (mbuf_add_incomplete_view).
            let v = i.heap.memoryView(s!)!
            try i.checkNotReleased(v)
            guard args.count == 1, i.heap.kind(args[0]) == .str else {
                throw i.notModelled("memoryview.cast() with a shape or a non-str format")
            }
            let f = i.stringValue(args[0])
            guard ["B", "b", "c"].contains(f), v.itemsize == 1 else {
                throw i.notModelled("memoryview.cast('\(f)')", because: "heapbook models casts between 'B', 'b' and 'c' only")
            }
            if !v.isContiguous { throw i.error("TypeError", "memoryview: casts are restricted to C-contiguous views") }
            do {
                return try i.heap.newMemoryView(mbuf: v.mbuf!, start: v.start, count: v.count, step: 1, itemsize: 1,
                                                format: f.utf8.first!, readonly: v.readonly)
            } catch { throw i.memoryError() }
        }
    }
}
