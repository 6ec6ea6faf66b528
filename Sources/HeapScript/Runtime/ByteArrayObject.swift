import HeapEngine

// Objects/bytearrayobject.c (and Objects/bytes_methods.c, Objects/clinic/bytearrayobject.c.h)
// at v3.6.15, v3.8.18, v3.11.7, v3.12.1 and v3.13.0: bytearray. HeapEngine's
// ByteArrayObject.swift keeps the bytes and ob_alloc (PyByteArray_Resize's growth rule).
//
// What a bytearray does here: bytearray(), bytearray(n), bytearray(bytes or bytearray),
// bytearray(list or tuple of ints); len(), truth, repr(), str(), ==/!= with bytes and
// bytearray, `in` (an int or bytes/bytearray), b[i], b[i:j:k], b[i] = int, `+` and `+=` with
// bytes/bytearray, `*` by an int, hash (a TypeError), bytes(b); append, extend (bytes,
// bytearray, a list or tuple of ints), pop, clear, copy, decode (ASCII contents), hex();
// sys.getsizeof / __sizeof__ (tp_basicsize + ob_alloc); iteration (bytearray_iterator,
// Interpreter.next).
// Everything else (ordering, slice assignment, `del b[...]`, `*=`, `%`, the
// str-like methods, weakrefs...) is refused: by the recorded surface for attributes, by
// `refuseByteArrayOperand` elsewhere.
//
// Argument errors measured on 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0 (all alike unless
// said): "negative count", "string argument without an encoding", "'str' object cannot be
// interpreted as an integer", "byte must be in range(0, 256)", "bytearray index out of
// range", "bytearray indices must be integers or slices, not str", "can't concat str to
// bytearray", "pop from empty bytearray", "pop index out of range", "unhashable type:
// 'bytearray'", "a bytes-like object is required, not 'str'" (for `in`); 3.6.15 says
// "encoding or errors without a string argument" where later ones say "encoding without a
// string argument", and "'float' object is not iterable" where later ones say "cannot
// convert 'float' object to bytearray".
extension Interpreter {
    /// A bytearray's buffer (PyObject_Malloc of ob_alloc bytes, realloc'd as it grows) is
    /// not placed in the simulated malloc: addresses are unknown from the first bytearray on.
    private func noteByteArrayBuffer() {
        if unknownBlockSizes == nil {
            unknownBlockSizes = "a bytearray's buffer (PyObject_Malloc of ob_alloc bytes, resized as it grows) "
                + "is not placed in heapbook's simulated malloc"
        }
    }

    func newByteArrayObject(_ bytes: [UInt8]) throws -> ObjectRef {
        try ensureHeapRoom(bytes.count)
        noteByteArrayBuffer()
        do { return try heap.newByteArray(bytes) } catch { throw memoryError() }
    }

    /// An operation on a bytearray the engine does not model.
    func refuseByteArrayOperand(_ r: ObjectRef, _ what: @autoclosure () -> String) throws {
        if heap.byteArray(r) != nil { throw notModelled(what()) }
    }

    /// The contents of a bytes or bytearray (the buffer protocol of the two types the engine
    /// has), nil for anything else.
    func bytesLikeValue(_ r: ObjectRef) -> [UInt8]? {
        if case .bytes(let b) = heap.payload[Int(r)] { return b }
        return heap.byteArray(r)?.bytes
    }

    /// _getbytevalue: an int in range(0, 256).
    func byteValue(_ r: ObjectRef) throws -> UInt8 {
        switch heap.payload[Int(r)] {
        case .int(let v) where heap.kind(r) == .int || heap.kind(r) == .bool:
            guard (0..<256).contains(v) else { throw error("ValueError", "byte must be in range(0, 256)") }
            return UInt8(v)
        case .bigInt where heap.kind(r) == .int:
            throw notModelled("a bytearray byte given as a big int")
        case .str, .bytes, .list, .tuple, .dict, .set, .empty:
            // PyNumber_AsSsize_t / PyNumber_Index on a non-int builtin.
            throw error("TypeError", "'\(typeName(r))' object cannot be interpreted as an integer")
        default:
            throw notModelled("a bytearray byte given as a '\(typeName(r))' object")
        }
    }

    /// The byte values of a list or tuple read through its iterator (a GC object, made and
    /// freed as CPython's PyObject_GetIter loop does), each checked by _getbytevalue.
    private func byteValuesIterating(_ seq: ObjectRef) throws -> [UInt8] {
        let it = try getIter(seq)
        defer { heap.decref(it) }
        var out: [UInt8] = []
        while let x = try next(it) {
            defer { heap.decref(x) }
            out.append(try byteValue(x))
        }
        return out
    }

    /// bytearray.__new__ + bytearray___init__ (source, encoding, errors).
    func newByteArrayCall(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard kwargs.isEmpty else { throw notModelled("bytearray() with keyword arguments") }
        guard args.count <= 3 else { throw notModelled("bytearray() with more than three arguments") }
        guard let a = args.first else { return try newByteArrayObject([]) }
        if args.count > 1 {
            if heap.kind(a) == .str { throw notModelled("bytearray(str, encoding)") }
            throw error("TypeError", profile.minor < 8 ? "encoding or errors without a string argument" : "encoding without a string argument")
        }
        switch heap.payload[Int(a)] {
        case .str where heap.kind(a) == .str:
            throw error("TypeError", "string argument without an encoding")
        case .int(let n) where heap.kind(a) == .int || heap.kind(a) == .bool:
            // PyNumber_AsSsize_t, then PyByteArray_Resize(self, count) from nothing: n + 1.
            guard n >= 0 else { throw error("ValueError", "negative count") }
            try ensureHeapRoom(n)
            return try newByteArrayObject([UInt8](repeating: 0, count: n))
        case .bigInt where heap.kind(a) == .int:
            throw notModelled("bytearray() of a big int")
        case .bytes where heap.kind(a) == .bytes:
            // The buffer path: PyByteArray_Resize(self, len), n + 1 allocated.
            return try newByteArrayObject(bytesValue(a))
        case .native(let o as ByteArrayObject):
            return try newByteArrayObject(o.bytes)
        case .native(let o as MemoryViewObject):
            return try memoryViewToByteArray(o)
        case .list where heap.isExact(a, .list), .tuple where heap.isExact(a, .tuple):
            if profile.minor >= 11 {
                // 3.11+: a list or tuple is sized at once (PyByteArray_Resize(self, len)).
                return try newByteArrayObject(try (sequenceItems(a) ?? []).map { try byteValue($0) })
            }
            // Before: one PyByteArray_Resize(self, len + 1) per item through an iterator.
            let values = try byteValuesIterating(a)
            let r = try newByteArrayObject([])
            let ba = heap.byteArray(r)!
            for v in values { ba.appendContents([v]) }
            return r
        case .float, .empty:
            if profile.minor < 8 { throw error("TypeError", "'\(typeName(a))' object is not iterable") }
            throw error("TypeError", "cannot convert '\(typeName(a))' object to bytearray")
        default:
            throw notModelled("bytearray() of a '\(typeName(a))' object")
        }
    }

    /// bytearray_repr: `bytearray(b'...')`, the quotes chosen as bytes_repr does, but `'`
    /// escaped inside double quotes too.
    func byteArrayRepr(_ r: ObjectRef, _ ba: ByteArrayObject) throws -> String {
        guard heap.typeInfo(of: r).kind == .bytearray, !heap.typeInfo(of: r).isHeapType else {
            throw notModelled("repr() of a bytearray subclass instance")
        }
        return "bytearray(" + Interpreter.bytesRepr(ba.bytes, escapesEveryQuote: true) + ")"
    }

    /// bytearray_subscript: an int gives a small int; a slice a new bytearray
    /// (PyByteArray_FromStringAndSize: len + 1 allocated, nothing when empty).
    func byteArrayItem(_ ba: ByteArrayObject, _ index: ObjectRef) throws -> ObjectRef {
        if isSlice(index) {
            let s = try sliceIndices(index, count: ba.count)
            var out: [UInt8] = []
            if s.length > 0 {
                var k = s.start
                for _ in 0..<s.length { out.append(ba.bytes[k]); k += s.step }
            }
            return try newByteArrayObject(out)
        }
        switch heap.payload[Int(index)] {
        case .int(var i) where heap.kind(index) == .int || heap.kind(index) == .bool:
            if i < 0 { i += ba.count }
            guard i >= 0, i < ba.count else { throw error("IndexError", "bytearray index out of range") }
            return try newInt(Int(ba.bytes[i]))
        case .bigInt: throw notModelled("a bytearray index that is a big int")
        case .str, .float, .bytes, .list, .tuple, .dict, .empty:
            throw error("TypeError", "bytearray indices must be integers or slices, not \(typeName(index))")
        default:
            throw notModelled("a bytearray index that is a '\(typeName(index))' object")
        }
    }

    /// bytearray_ass_subscript with an int index and an int value.
    func byteArraySetItem(_ ba: ByteArrayObject, _ index: ObjectRef, _ value: ObjectRef) throws {
        guard heap.kind(index) == .int || heap.kind(index) == .bool, case .int(var i) = heap.payload[Int(index)] else {
            throw notModelled(isSlice(index) ? "bytearray slice assignment" : "a bytearray index that is not an int")
        }
        if i < 0 { i += ba.count }
        guard i >= 0, i < ba.count else { throw error("IndexError", "bytearray index out of range") }
        ba.setByte(i, try byteValue(value))
    }

    /// bytearray_contains (_Py_bytes_contains): an int is a byte value, a bytes-like object a
    /// substring; anything else is a TypeError.
    func byteArrayContains(_ ba: ByteArrayObject, _ item: ObjectRef) throws -> Bool {
        try bytesContains(ba.bytes, item)
    }

    /// _Py_bytes_contains, shared by bytes_contains and bytearray_contains (Objects/
    /// bytes_methods.c): `b'a' in b'abc'` is a substring search, `300 in b'abc'` a ValueError.
    func bytesContains(_ hay: [UInt8], _ item: ObjectRef) throws -> Bool {
        if let needle = bytesLikeValue(item) {
            return needle.isEmpty || Interpreter.firstIndex(of: needle, in: hay) != nil
        }
        switch heap.payload[Int(item)] {
        case .int where heap.kind(item) == .int || heap.kind(item) == .bool:
            return hay.contains(try byteValue(item))
        case .str, .float, .list, .tuple, .dict, .empty:
            throw error("TypeError", "a bytes-like object is required, not '\(typeName(item))'")
        default:
            throw notModelled("`in` bytes or a bytearray with a '\(typeName(item))' object")
        }
    }

    /// bytearray_richcompare for == and != (nil: NotImplemented, i.e. not both bytes-like).
    func byteArrayEquals(_ a: ObjectRef, _ b: ObjectRef) -> Bool? {
        guard heap.byteArray(a) != nil || heap.byteArray(b) != nil else { return nil }
        guard let x = bytesLikeValue(a), let y = bytesLikeValue(b) else { return nil }
        return x == y
    }

    /// `+`, `+=` and `*` with a bytearray operand; nil when neither operand is one.
    func byteArrayBinaryOp(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef, inplace: Bool) throws -> ObjectRef? {
        let left = heap.byteArray(a), right = heap.byteArray(b)
        guard left != nil || right != nil else { return nil }
        switch op {
        case .add:
            guard let la = left else { throw notModelled("\(typeName(a)) + bytearray") }
            try refuseArrayBuffer(b, "bytearray + array.array")
            guard let other = bytesLikeValue(b) else {
                if heap.typeInfo(of: b).isHeapType { throw notModelled("bytearray + an instance of a class") }
                throw error("TypeError", "can't concat \(typeName(b)) to bytearray")
            }
            if inplace {
                // bytearray_iconcat: PyByteArray_Resize(self, len + n), then the copy.
                try checkByteArrayResize(la, to: la.count + other.count)
                try ensureHeapRoom(la.count + other.count)
                la.appendContents(other)
                heap.incref(a)
                return a
            }
            // PyByteArray_Concat: a new bytearray of exactly the total (+ 1).
            return try newByteArrayObject(la.bytes + other)
        case .mul where !inplace:
            // PyNumber_Multiply: the left operand's sq_repeat first (a list's, a str's...).
            if left == nil, [.str, .bytes, .list, .tuple].contains(heap.kind(a)) || heap.typeInfo(of: a).isHeapType {
                throw notModelled("\(typeName(a)) * bytearray")
            }
            let (seq, count) = left != nil ? (left!, b) : (right!, a)
            guard heap.kind(count) == .int || heap.kind(count) == .bool, case .int(let n) = heap.payload[Int(count)] else {
                if case .bigInt = heap.payload[Int(count)] { throw notModelled("bytearray * a big int") }
                if heap.typeInfo(of: count).isHeapType { throw notModelled("bytearray * a non-int") }
                throw error("TypeError", "can't multiply sequence by non-int of type '\(typeName(count))'")
            }
            // bytearray_repeat: PyByteArray_FromStringAndSize(NULL, len * n).
            let (total, overflow) = seq.count.multipliedReportingOverflow(by: max(0, n))
            try ensureHeapRoom(overflow ? -1 : total)
            return try newByteArrayObject(n <= 0 ? [] : Array([[UInt8]](repeating: seq.bytes, count: n).joined()))
        case .mod where left != nil:
            throw notModelled("bytearray % (bytes formatting)")
        case .mul:
            // `*=`: bytearray_irepeat resizes in place (`n *= b` repeats b), not modelled.
            throw notModelled("the *= operator with a bytearray")
        default:
            // No other number slot: the generic path raises binop_type_error, or refuses
            // where the other operand's type (a class, str's %) might take the operation.
            return nil
        }
    }

    /// bytearray_extend: a bytes-like argument through bytearray_setslice, a list or tuple
    /// of ints through a temporary bytearray; either way self ends resized once to len + n.
    func byteArrayExtend(_ s: ObjectRef, _ arg: ObjectRef) throws {
        let ba = heap.byteArray(s)!
        try refuseMemoryViewOperand(arg, "bytearray.extend() of a memoryview")
        if let other = bytesLikeValue(arg) {
            try checkByteArrayResize(ba, to: ba.count + other.count)
            try ensureHeapRoom(ba.count + other.count)
            ba.appendContents(other)
            return
        }
        switch heap.payload[Int(arg)] {
        case .list where heap.kind(arg) == .list, .tuple where heap.kind(arg) == .tuple:
            // PyObject_GetIter, the items into a temporary bytearray (not a GC object, its
            // buffer not placed), then one resize of self.
            let values = try byteValuesIterating(arg)
            try checkByteArrayResize(ba, to: ba.count + values.count)
            ba.appendContents(values)
        case .str where heap.kind(arg) == .str:
            if profile.minor >= 13 { throw error("TypeError", "expected iterable of integers; got: 'str'") }
            // Before 3.13 a str is iterated and its first item refused by _getbytevalue
            // (an empty one adds nothing).
            if stringValue(arg).isEmpty { return }
            throw error("TypeError", "'str' object cannot be interpreted as an integer")
        case .int, .float, .empty:
            guard [.int, .bool, .float, .none].contains(heap.kind(arg)) else {
                throw notModelled("bytearray.extend() of a '\(typeName(arg))' object")
            }
            if profile.minor < 8 { throw error("TypeError", "'\(typeName(arg))' object is not iterable") }
            throw error("TypeError", "can't extend bytearray with \(typeName(arg))")
        default:
            throw notModelled("bytearray.extend() of a '\(typeName(arg))' object")
        }
    }

    func defineByteArrayMethods() {
        defineMethod(.bytearray, "append") { i, s, args, _ in
            let v = try i.byteValue(args[0])
            let ba = i.heap.byteArray(s!)!
            try i.checkByteArrayResize(ba, to: ba.count + 1)
            ba.appendContents([v])
            return i.heap.newNone()
        }
        defineMethod(.bytearray, "extend") { i, s, args, _ in
            try i.byteArrayExtend(s!, args[0])
            return i.heap.newNone()
        }
        defineMethod(.bytearray, "pop") { i, s, args, _ in
            let ba = i.heap.byteArray(s!)!
            var index = -1
            if let a = args.first {
                guard i.heap.kind(a) == .int || i.heap.kind(a) == .bool, case .int(let v) = i.heap.payload[Int(a)] else {
                    throw i.notModelled("bytearray.pop() with an index that is not an int")
                }
                index = v
            }
            guard ba.count > 0 else { throw i.error("IndexError", "pop from empty bytearray") }
            if index < 0 { index += ba.count }
            guard index >= 0, index < ba.count else { throw i.error("IndexError", "pop index out of range") }
            try i.checkByteArrayResize(ba, to: ba.count - 1)
            return try i.newInt(Int(ba.remove(at: index)))
        }
        defineMethod(.bytearray, "clear") { i, s, _, _ in
            let ba = i.heap.byteArray(s!)!
            try i.checkByteArrayResize(ba, to: 0)
            ba.resize(0)
            return i.heap.newNone()
        }
        defineMethod(.bytearray, "copy") { i, s, _, _ in
            try i.newByteArrayObject(i.heap.byteArray(s!)!.bytes)
        }
        defineMethod(.bytearray, "hex") { i, s, _, _ in
            // _Py_strhex: PyUnicode_New(2n, 127), the empty str for n == 0.
            let b = i.heap.byteArray(s!)!.bytes
            if b.isEmpty { i.heap.incref(i.heap.emptyStr); return i.heap.emptyStr }
            let hex: [Character] = Array("0123456789abcdef")
            var out = ""
            for x in b { out.append(hex[Int(x >> 4)]); out.append(hex[Int(x & 15)]) }
            return try i.newStrObject(out)
        }
        defineMethod(.bytearray, "decode") { i, s, args, _ in
            if let e = args.first {
                guard i.heap.kind(e) == .str else { throw i.notModelled("bytearray.decode() with a non-str encoding") }
                let name = i.stringValue(e).lowercased()
                guard ["utf-8", "utf8", "utf_8", "ascii", "latin-1", "latin1", "latin_1"].contains(name) else {
                    throw i.notModelled("bytearray.decode('\(i.stringValue(e))')")
                }
            }
            let b = i.heap.byteArray(s!)!.bytes
            // Only ASCII contents: every codec above decodes them alike, into an ASCII str
            // (the one-character and empty singletons included, as PyUnicode_DecodeUTF8 etc.
            // return them).
            guard b.allSatisfy({ $0 < 0x80 }) else { throw i.notModelled("bytearray.decode() of non-ASCII bytes") }
            return try i.newStr(String(decoding: b, as: UTF8.self))
        }
        defineMethod(.bytearray, "__sizeof__") { i, s, _, _ in
            guard !i.heap.typeInfo(of: s!).isHeapType else { throw i.notModelled("bytearray.__sizeof__ of a subclass instance") }
            return try i.newInt(try i.ownSizeofValue(s!))
        }
    }
}
