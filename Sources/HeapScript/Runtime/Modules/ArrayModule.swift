import HeapEngine
import BigInt

// Modules/arraymodule.c (v3.6.15, v3.8.18, v3.11.7, v3.12.1, v3.13.0): `import array`, the
// array.array type and its iterator. HeapEngine's ArrayObject.swift keeps the buffer and
// array_resize's growth rule; the buffer is the object's block in the simulated allocator.
//
// What an array does here: array(typecode[, initializer]) for the typecodes b B h H i I l L
// q Q f d, from a list, tuple, bytes, bytearray, an array, or any iterable (iterated one
// item at a time, array_iter_extend); typecode, itemsize; len(), truth, repr()/str(),
// a[i], a[i:j:k], a[i] = x, del a[i], del a[i:j], iteration (arrayiterator), `in`, == != <
// <= > >= between arrays, `+`, `*` (either side), `+=`, `*=`, hash (a TypeError);
// append, extend, pop, insert, remove, index (one argument), count, reverse, tolist,
// tobytes, frombytes, fromlist, byteswap, clear (3.13), __sizeof__; sys.getsizeof; weak
// references (tp_weaklistoffset).
// Refused: the 'u' and 'w' typecodes (wchar_t/Py_UCS4 items, 3.13's DeprecationWarning),
// slice assignment, big ints as float items, every other attribute of the module
// (`_array_reconstructor`), the type and its objects (buffer_info, fromfile, tofile,
// fromunicode, tounicode, fromstring, tostring, __reduce_ex__, __copy__, __deepcopy__, the
// buffer protocol...), arguments whose errors were not measured, subclasses.
//
// Texts measured on the five releases (alike unless said): OverflowError "signed char is
// greater than maximum" / "less than minimum", "unsigned byte integer is ...", "signed short
// integer is ...", "unsigned short is ...", "signed integer is ...", "unsigned int is greater
// than maximum", "can't convert negative value to unsigned int", "can't convert negative int
// to unsigned", "Python int too large to convert to C long", "Python int too large to
// convert to C unsigned long", "int too big to convert"; TypeError "must be real number, not
// str"; before 3.10 PyArg_Parse's "integer argument expected, got float" and "an integer is
// required (got type str)", and for I, L, Q "array item must be integer" for a float; from
// 3.10 "'float' object cannot be interpreted as an integer"; "array.index(x): x not in
// list" (3.6.15; "not in array" from 3.8.18), "pop from empty array", "pop index out
// of range", "array index out of range", "array assignment index out of range", "array
// indices must be integers", "can only append array (not \"list\") to array", "bad argument
// type for built-in operation", "can only extend array with array (not \"list\")", "can only
// extend with array of same kind", "arg must be list", "bytes length not a multiple of item
// size", "cannot use a str to initialize an array with typecode 'i'", "bad typecode (must be
// b, B, u, h, H, i, I, l, L, q, Q, f or d)" (3.13.0 too), "array() argument 1 must be a
// unicode character, not int", "array() takes at least 1 argument (0 given)",
// "unhashable type: 'array.array'".

/// arrayiterobject: ao (NULL once exhausted: arrayiter_next drops it; `sys.getrefcount(a)`
/// falls back after `list(it)` on every modelled release), index.
/// tp_traverse visits (from 3.10, the heap type, then) ao.
final class ArrayIterObject: NativeReferents {
    let visitedType: ObjectRef?
    var ao: ObjectRef?
    var index = 0

    init(ao: ObjectRef, visitedType: ObjectRef?) { self.ao = ao; self.visitedType = visitedType }

    func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let t = visitedType { body(t) }
        if let a = ao { body(a) }
    }

    /// arrayiter_dealloc: Py_XDECREF(it->ao).
    func releaseReferences(in heap: Heap) {
        let a = ao
        ao = nil
        heap.xdecref(a)
    }
}

extension Interpreter {
    /// The typecodes the engine models and their item sizes (x86-64 Linux: long is 8 bytes).
    static let arrayItemSizes: [UInt8: Int] = [
        UInt8(ascii: "b"): 1, UInt8(ascii: "B"): 1, UInt8(ascii: "h"): 2, UInt8(ascii: "H"): 2,
        UInt8(ascii: "i"): 4, UInt8(ascii: "I"): 4, UInt8(ascii: "l"): 8, UInt8(ascii: "L"): 8,
        UInt8(ascii: "q"): 8, UInt8(ascii: "Q"): 8, UInt8(ascii: "f"): 4, UInt8(ascii: "d"): 8,
    ]

    /// The type is made at start-up for its methods' registration, like bytearray's; the
    /// module makes nothing else of its own.
    func isArrayType(_ r: ObjectRef) -> Bool {
        r == heap.arrayTypeIfMade || (heap.kind(r) == .type && heap.typeInfo(r).kind == .arrayIterator)
    }

    func arrayIterObject(_ r: ObjectRef) -> ArrayIterObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? ArrayIterObject }
        return nil
    }

    /// The first `import array`: `array` and `ArrayType` (the same type) and `typecodes`.
    /// What CPython's import makes besides (measured: `gc.collect(); gc.get_count()` then
    /// `import array`: (3, 0, 0) → (89, 0, 0) on 3.6.15, (1, 0, 0) → (88, 0, 0) on 3.8.18,
    /// (1, 0, 0) → (97, 0, 0) on 3.11.7, (0, 0, 0) → (101, 0, 0) on 3.12.1, (0, 0, 0) →
    /// (105, 0, 0) on 3.13.0; sys.getallocatedblocks() +123, +122, +139 or +140, +144, +152;
    /// `gc.collect()` right after finds 0) is declared unmodelled; start-up has not imported
    /// it on any of them (`'array' in sys.modules` False).
    func importArrayModule(_ d: ObjectRef) throws {
        if methodTable[.array] == nil { defineArrayMethods() }
        let t = heap.arrayType()
        try dictSet(d, name("array"), t)
        try dictSet(d, name("ArrayType"), t)
        // 3.13 adds 'w' (Py_UCS4, gh-80480).
        let s = try newStr(profile.minor >= 13 ? "bBuwhHiIlLqQfd" : "bBuhHiIlLqQfd")
        try dictSet(d, name("typecodes"), s)
        heap.decref(s)
        opaqueObjects[d] = "array.__dict__"
        noteUnmodelledImport("array", blocks: "its types, their dicts and descriptors, the module's state",
                             objects: "its types' dicts, method descriptors, tuples", leavesGarbage: false)
    }

    /// `array.array.X`, `a.X` and an iterator's attributes where not modelled: everything
    /// but the registered methods, `typecode`, `itemsize` and `__class__`. The refusal does
    /// not claim CPython has the name (its AttributeError, with 3.10+'s suggestion from
    /// dir(), is not modelled for these types either).
    func refuseArrayAttribute(_ obj: ObjectRef, _ attr: String) throws {
        let why = "heapbook models only some attributes of the array module's types (and not their AttributeErrors)"
        if obj == heap.arrayTypeIfMade, methodTable[.array]?[attr] == nil, attr != "__class__", attr != "__name__" {
            throw notModelled("array.array.\(attr)", because: why)
        }
        if heap.array(obj) != nil, methodTable[.array]?[attr] == nil, !["__class__", "typecode", "itemsize"].contains(attr) {
            throw notModelled("array.array.\(attr)", because: why)
        }
        if case .type(let info) = heap.payload[Int(obj)], info.kind == .arrayIterator, attr != "__name__" {
            throw notModelled("\(info.name).\(attr)", because: why)
        }
        if arrayIterObject(obj) != nil, attr != "__class__" { throw notModelled("\(typeName(obj)).\(attr)", because: why) }
    }

    /// array_get_typecode / array_get_itemsize.
    func arrayAttribute(_ a: ArrayObject, _ attr: String) throws -> ObjectRef? {
        switch attr {
        case "typecode": return try newStr(String(UnicodeScalar(a.typecode)))
        case "itemsize": return try newInt(a.itemsize)
        default: return nil
        }
    }

    // MARK: - Items

    /// The ints of 3.6/3.8's PyArg_Parse formats (b, h, i, l, L) and of the unsigned
    /// setitems: a non-int's TypeError, worded per version.
    func arrayIntTypeError(_ v: ObjectRef, unsigned: Bool) -> Error {
        if case .instance = heap.payload[Int(v)] { return notModelled("an array item given as a '\(typeName(v))' object") }
        if heap.typeInfo(of: v).isHeapType { return notModelled("an array item given as a '\(typeName(v))' object") }
        if profile.minor >= 10 {
            // _PyNumber_Index / PyLong_AsLong's __index__ (3.10 dropped __int__ here).
            return error("TypeError", "'\(typeName(v))' object cannot be interpreted as an integer")
        }
        if heap.kind(v) == .float {
            return error("TypeError", unsigned ? "array item must be integer" : "integer argument expected, got float")
        }
        return error("TypeError", "an integer is required (got type \(typeName(v)))")
    }

    /// The typecode's setitem (b_setitem ... d_setitem): `v` as the item's raw little-endian
    /// bytes, or the error CPython raises (before anything is stored or resized).
    func arrayItemBytes(_ code: UInt8, _ v: ObjectRef) throws -> [UInt8] {
        func le<T: FixedWidthInteger>(_ x: T) -> [UInt8] {
            var out: [UInt8] = []
            var u = x.littleEndian
            withUnsafeBytes(of: &u) { out.append(contentsOf: $0) }
            return out
        }
        try refuseUnplacedId(v, "an array item that is")   // UnplacedIds.swift
        let n = number(v)
        let isIntKind = heap.kind(v) == .int || heap.kind(v) == .bool
        switch code {
        case UInt8(ascii: "f"), UInt8(ascii: "d"):
            // PyArg_Parse "f"/"d": PyFloat_AsDouble.
            let d: Double
            switch n {
            case .float(let x)? where heap.kind(v) == .float: d = x
            case .int(let x)? where isIntKind: d = Double(x)
            case .big? where isIntKind: throw notModelled("a big int as a float array item")
            default:
                if case .instance = heap.payload[Int(v)] { throw notModelled("an array item given as a '\(typeName(v))' object") }
                if heap.typeInfo(of: v).isHeapType { throw notModelled("an array item given as a '\(typeName(v))' object") }
                throw error("TypeError", "must be real number, not \(typeName(v))")
            }
            return code == UInt8(ascii: "f") ? le(Float(d).bitPattern) : le(d.bitPattern)
        default: break
        }
        let unsigned = code == UInt8(ascii: "I") || code == UInt8(ascii: "L") || code == UInt8(ascii: "Q")
        guard isIntKind, let n, let b = bigOf(n) else { throw arrayIntTypeError(v, unsigned: unsigned) }
        let small = Int(exactly: b)
        func overflow(_ m: String) -> Error { error("OverflowError", m) }
        switch code {
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "i"), UInt8(ascii: "l"):
            // PyArg_Parse "h" (b), "b" (B), "h", "i" (H), "i", "l": PyLong_AsLong first.
            guard let x = small else { throw overflow("Python int too large to convert to C long") }
            switch code {
            case UInt8(ascii: "b"):
                if x < -32768 { throw overflow("signed short integer is less than minimum") }
                if x > 32767 { throw overflow("signed short integer is greater than maximum") }
                if x < -128 { throw overflow("signed char is less than minimum") }
                if x > 127 { throw overflow("signed char is greater than maximum") }
                return le(Int8(x))
            case UInt8(ascii: "B"):
                if x < 0 { throw overflow("unsigned byte integer is less than minimum") }
                if x > 255 { throw overflow("unsigned byte integer is greater than maximum") }
                return le(UInt8(x))
            case UInt8(ascii: "h"):
                if x < -32768 { throw overflow("signed short integer is less than minimum") }
                if x > 32767 { throw overflow("signed short integer is greater than maximum") }
                return le(Int16(x))
            case UInt8(ascii: "H"), UInt8(ascii: "i"):
                if x < Int(Int32.min) { throw overflow("signed integer is less than minimum") }
                if x > Int(Int32.max) { throw overflow("signed integer is greater than maximum") }
                if code == UInt8(ascii: "i") { return le(Int32(x)) }
                if x < 0 { throw overflow("unsigned short is less than minimum") }
                if x > 65535 { throw overflow("unsigned short is greater than maximum") }
                return le(UInt16(x))
            default:
                return le(Int64(x))
            }
        case UInt8(ascii: "q"):
            // PyArg_Parse "L": PyLong_AsLongLong (_PyLong_AsByteArray's overflow text).
            guard let x = small else { throw overflow("int too big to convert") }
            return le(Int64(x))
        default:
            // II_setitem, LL_setitem (PyLong_AsUnsignedLong), QQ_setitem
            // (PyLong_AsUnsignedLongLong).
            let q = code == UInt8(ascii: "Q")
            if b < BigInt(0) { throw overflow(q ? "can't convert negative int to unsigned" : "can't convert negative value to unsigned int") }
            guard let x = UInt64(exactly: b) else {
                throw overflow(q ? "int too big to convert" : "Python int too large to convert to C unsigned long")
            }
            if code == UInt8(ascii: "I") {
                if x > UInt64(UInt32.max) { throw overflow("unsigned int is greater than maximum") }
                return le(UInt32(x))
            }
            return le(x)
        }
    }

    /// The typecode's getitem: the item at `i` as a new int or float (PyLong_FromLong,
    /// PyLong_FromUnsignedLong..., PyFloat_FromDouble).
    func arrayItemObject(_ a: ArrayObject, _ i: Int) throws -> ObjectRef {
        let raw = Array(a.item(i))
        func u64() -> UInt64 {
            var x: UInt64 = 0
            for k in stride(from: raw.count - 1, through: 0, by: -1) { x = x << 8 | UInt64(raw[k]) }
            return x
        }
        let x = u64()
        switch a.typecode {
        case UInt8(ascii: "b"): return try newInt(Int(Int8(truncatingIfNeeded: x)))
        case UInt8(ascii: "h"): return try newInt(Int(Int16(truncatingIfNeeded: x)))
        case UInt8(ascii: "i"): return try newInt(Int(Int32(truncatingIfNeeded: x)))
        case UInt8(ascii: "l"), UInt8(ascii: "q"): return try newInt(Int(Int64(bitPattern: x)))
        case UInt8(ascii: "f"): return try newFloat(Double(Float(bitPattern: UInt32(x))))
        case UInt8(ascii: "d"): return try newFloat(Double(bitPattern: x))
        default:
            // B, H, I, L, Q: unsigned.
            if let s = Int(exactly: x) { return try newInt(s) }
            return try makeInt(BigInt(x))
        }
    }

    /// The item at `i` as a plain value (for comparisons that make no objects).
    private func arrayItemValue(_ a: ArrayObject, _ i: Int) -> Num {
        let raw = Array(a.item(i))
        var x: UInt64 = 0
        for k in stride(from: raw.count - 1, through: 0, by: -1) { x = x << 8 | UInt64(raw[k]) }
        switch a.typecode {
        case UInt8(ascii: "b"): return .int(Int(Int8(truncatingIfNeeded: x)))
        case UInt8(ascii: "h"): return .int(Int(Int16(truncatingIfNeeded: x)))
        case UInt8(ascii: "i"): return .int(Int(Int32(truncatingIfNeeded: x)))
        case UInt8(ascii: "l"), UInt8(ascii: "q"): return .int(Int(Int64(bitPattern: x)))
        case UInt8(ascii: "f"): return .float(Double(Float(bitPattern: UInt32(x))))
        case UInt8(ascii: "d"): return .float(Double(bitPattern: x))
        default: return Int(exactly: x).map { .int($0) } ?? .big(BigInt(x))
        }
    }

    /// A consumer of the buffer protocol (bytes methods, bytearray +, int(), ...) given an
    /// array: CPython reads the array's raw bytes there, which these paths do not model.
    func refuseArrayBuffer(_ r: ObjectRef, _ what: @autoclosure () -> String) throws {
        if heap.array(r) != nil { throw notModelled(what(), because: "reading an array.array through the buffer protocol is not modelled there") }
        if heap.memoryView(r) != nil {
            throw notModelled("a memoryview given where CPython reads a buffer", because: "heapbook reads only bytes and bytearray there")
        }
    }

    // MARK: - Construction

    func newArrayObject(_ code: UInt8, _ bytes: [UInt8]) throws -> ObjectRef {
        try ensureHeapRoom(bytes.count)
        do { return try heap.newArray(typecode: code, itemsize: Interpreter.arrayItemSizes[code]!, bytes: bytes) } catch {
            throw memoryError()
        }
    }

    /// array_new: `array(typecode[, initializer])` (the call's argument tuple is made by
    /// the caller, type_call).
    func newArrayCall(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        // _PyArg_NoKeywords("array.array", kwds) (3.6.15: "array.array()"): not measured.
        guard kwargs.isEmpty else { throw notModelled("array.array() with keyword arguments", because: "the TypeError CPython raises there is not measured") }
        guard !args.isEmpty else { throw error("TypeError", "array() takes at least 1 argument (0 given)") }
        guard args.count <= 2 else { throw notModelled("array.array() with more than two arguments", because: "the TypeError CPython raises there is not measured") }
        // PyArg_ParseTuple(args, "C|O:array", ...).
        let c = args[0]
        try refuseUnplacedId(c, "array.array() with a typecode that is")   // UnplacedIds.swift
        guard heap.kind(c) == .str, stringValue(c).unicodeScalars.count == 1 else {
            if heap.kind(c) == .str || heap.typeInfo(of: c).isHeapType {
                throw notModelled("array.array() with a typecode that is not one character", because: "the TypeError CPython raises there is not measured")
            }
            throw error("TypeError", "array() argument 1 must be a unicode character, not \(typeName(c))")
        }
        let scalar = stringValue(c).unicodeScalars.first!
        if scalar == "u" || scalar == "w" {
            throw notModelled("the array typecode '\(scalar)'", because: "wchar_t/Py_UCS4 items (and 3.13's DeprecationWarning for 'u') are not modelled")
        }
        guard scalar.isASCII, let itemsize = Interpreter.arrayItemSizes[UInt8(scalar.value)] else {
            throw error("ValueError", "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        }
        let code = UInt8(scalar.value)
        guard args.count == 2 else { return try newArrayObject(code, []) }
        let initial = args[1]
        try refuseStartupObject(initial)
        if heap.typeInfo(of: initial).isHeapType { throw notModelled("array.array() of a '\(typeName(initial))' object") }
        switch heap.payload[Int(initial)] {
        case .list(let l):
            // newarrayobject(len), then setarrayitem for each item (PySequence_GetItem).
            return try arrayFromItems(code, l.items)
        case .tuple(let t) where heap.kind(initial) == .tuple:
            return try arrayFromItems(code, t)
        case .str where heap.kind(initial) == .str:
            throw error("TypeError", "cannot use a str to initialize an array with typecode '\(scalar)'")
        default: break
        }
        if let b = bytesLikeValue(initial) {
            // newarrayobject(0), then array_array_frombytes: one resize to len / itemsize.
            let r = try newArrayObject(code, [])
            guard b.count % itemsize == 0 else {
                heap.decref(r)
                throw error("ValueError", "bytes length not a multiple of item size")
            }
            arrayAppendRaw(r, b)
            return r
        }
        if let other = heap.array(initial), other.typecode == code {
            // newarrayobject(len) and a memcpy.
            return try newArrayObject(code, other.bytes)
        }
        // Anything else (another typecode's array included): PyObject_GetIter first, then
        // an empty array and array_iter_extend.
        let it = try getIter(initial)
        defer { heap.decref(it) }
        let r = try newArrayObject(code, [])
        do { try arrayIterExtend(r, it) } catch { heap.decref(r); throw error }
        return r
    }

    /// newarrayobject(type, len) then setarrayitem(a, i, item) in order; an item's error
    /// frees the array (its buffer first).
    private func arrayFromItems(_ code: UInt8, _ items: [ObjectRef]) throws -> ObjectRef {
        let itemsize = Interpreter.arrayItemSizes[code]!
        try ensureHeapRoom(items.count * itemsize)
        let r = try newArrayObject(code, [UInt8](repeating: 0, count: items.count * itemsize))
        let a = heap.array(r)!
        do {
            for (k, v) in items.enumerated() { a.setItem(k, try arrayItemBytes(code, v)) }
        } catch {
            heap.decref(r)
            throw error
        }
        return r
    }

    /// array_resize to count + n items, then the raw bytes copied in (frombytes, extend with
    /// an array, `+=`).
    func arrayAppendRaw(_ r: ObjectRef, _ raw: [UInt8]) {
        let a = heap.array(r)!
        guard !raw.isEmpty else { return }
        let n = a.count
        a.resize(n + raw.count / a.itemsize)
        heap.arrayBufferResized(r)
        var all = a.bytes
        all.replaceSubrange((n * a.itemsize)..<all.count, with: raw)
        a.replaceContents(all)
    }

    /// ins1(self, where, v): the item converted first (setitem(self, -1, v)), then
    /// array_resize(n + 1), the tail moved up and the item stored.
    func arrayInsert(_ r: ObjectRef, _ whereIndex: Int, _ v: ObjectRef) throws {
        let a = heap.array(r)!
        let raw = try arrayItemBytes(a.typecode, v)
        let n = a.count
        var w = whereIndex
        if w < 0 { w += n; if w < 0 { w = 0 } }
        if w > n { w = n }
        try ensureHeapRoom((n + 1) * a.itemsize)
        var all = a.bytes
        all.insert(contentsOf: raw, at: w * a.itemsize)
        a.resize(n + 1)
        heap.arrayBufferResized(r)
        a.replaceContents(all)
    }

    /// array_iter_extend: PyIter_Next until exhausted, each item through ins1 at the end
    /// (released before the next one is read).
    func arrayIterExtend(_ r: ObjectRef, _ it: ObjectRef) throws {
        while let v = try next(it) {
            defer { heap.decref(v) }
            try arrayInsert(r, heap.array(r)!.count, v)
        }
    }

    /// array_do_extend: an array of the same typecode is copied with one resize; another
    /// typecode's is a TypeError; anything else is iterated (array_iter_extend).
    func arrayExtend(_ r: ObjectRef, _ bb: ObjectRef) throws {
        let a = heap.array(r)!
        if let b = heap.array(bb) {
            guard b.typecode == a.typecode else { throw error("TypeError", "can only extend with array of same kind") }
            try ensureHeapRoom(a.bytes.count + b.bytes.count)
            arrayAppendRaw(r, b.bytes)
            return
        }
        try refuseStartupObject(bb)
        if heap.typeInfo(of: bb).isHeapType { throw notModelled("array.extend() of a '\(typeName(bb))' object") }
        let it = try getIter(bb)
        defer { heap.decref(it) }
        try arrayIterExtend(r, it)
    }

    /// array_del_slice(a, ilow, ihigh) for a step of 1: the tail moved down, then
    /// array_resize(n - d).
    func arrayDeleteRange(_ r: ObjectRef, _ lo: Int, _ hi: Int) {
        let a = heap.array(r)!
        guard hi > lo else { return }
        var all = a.bytes
        all.removeSubrange((lo * a.itemsize)..<(hi * a.itemsize))
        a.resize(a.count - (hi - lo))
        heap.arrayBufferResized(r)
        a.replaceContents(all)
    }

    // MARK: - repr, subscripts, iteration

    /// array_repr: `array('i')` when empty, else `array('i', <repr of tolist()>)` (the list
    /// and its items made, repr'd and freed).
    func arrayRepr(_ r: ObjectRef, _ a: ArrayObject, depth: Int) throws -> String {
        guard !heap.typeInfo(of: r).isHeapType else { throw notModelled("repr() of an array subclass instance") }
        let code = String(UnicodeScalar(a.typecode))
        if a.count == 0 { return "array('\(code)')" }
        let list = try arrayToList(a)
        defer { heap.decref(list) }
        return "array('\(code)', \(try repr(list, depth: depth + 1)))"
    }

    /// array_array_tolist_impl: PyList_New(n) (the list, then its item array), then each
    /// item made and stored in order.
    func arrayToList(_ a: ArrayObject) throws -> ObjectRef {
        let n = a.count
        for _ in 0..<n { heap.incref(heap.none) }
        let list = try newList(Array(repeating: heap.none, count: n), extend: false)
        for k in 0..<n {
            let v: ObjectRef
            do { v = try arrayItemObject(a, k) } catch { heap.decref(list); throw error }
            heap.withPayload(list) { p in
                guard case .list(var st) = p else { return }
                p = .empty
                st.items[k] = v
                p = .list(st)
            }
            heap.decref(heap.none)
        }
        return list
    }

    /// array_subscr: an int index gives the item; a slice a new array (newarrayobject of
    /// the slice's length).
    func arrayItem(_ r: ObjectRef, _ a: ArrayObject, _ index: ObjectRef) throws -> ObjectRef {
        if isSlice(index) {
            let s = try sliceIndices(index, count: a.count)
            var out: [UInt8] = []
            var k = s.start
            for _ in 0..<max(0, s.length) { out.append(contentsOf: a.item(k)); k += s.step }
            return try newArrayObject(a.typecode, out)
        }
        let i = try arrayIndex(index, a.count, "array index out of range")
        return try arrayItemObject(a, i)
    }

    /// PyNumber_AsSsize_t of a subscript ("array indices must be integers" for anything but
    /// an int or a slice), normalized and range-checked.
    private func arrayIndex(_ index: ObjectRef, _ count: Int, _ message: String) throws -> Int {
        try refuseUnplacedId(index, "indexing with")   // UnplacedIds.swift
        guard heap.kind(index) == .int || heap.kind(index) == .bool else {
            if heap.typeInfo(of: index).isHeapType { throw notModelled("an array index that is a '\(typeName(index))' object") }
            throw error("TypeError", "array indices must be integers")
        }
        guard case .int(var i) = heap.payload[Int(index)] else {
            throw notModelled("an array index that is a big int", because: "PyNumber_AsSsize_t's IndexError is not measured for arrays")
        }
        if i < 0 { i += count }
        guard i >= 0, i < count else { throw error("IndexError", message) }
        return i
    }

    /// array_ass_subscr with an int index and a value (array_ass_item: setitem).
    func arraySetItem(_ r: ObjectRef, _ a: ArrayObject, _ index: ObjectRef, _ value: ObjectRef) throws {
        if isSlice(index) { throw notModelled("array slice assignment") }
        let i = try arrayIndex(index, a.count, "array assignment index out of range")
        a.setItem(i, try arrayItemBytes(a.typecode, value))
    }

    /// array_ass_subscr with no value: `del a[i]` and `del a[i:j]` (step 1) through
    /// array_del_slice; an extended slice is refused.
    func arrayDelItem(_ r: ObjectRef, _ a: ArrayObject, _ index: ObjectRef) throws {
        if isSlice(index) {
            let s = try sliceIndices(index, count: a.count)
            guard s.step == 1 else { throw notModelled("deleting an extended slice of an array") }
            arrayDeleteRange(r, s.start, max(s.start, s.stop))
            return
        }
        let i = try arrayIndex(index, a.count, "array assignment index out of range")
        arrayDeleteRange(r, i, i + 1)
    }

    /// array_iter: a new arrayiterator holding the array (GC-tracked).
    func newArrayIterator(_ r: ObjectRef) throws -> ObjectRef {
        let type = heap.arrayIteratorType()
        heap.incref(r)
        let st = ArrayIterObject(ao: r, visitedType: profile.minor >= 10 ? type : nil)
        do { return try heap.newNativeObject(type: type, st) } catch { heap.decref(r); throw memoryError() }
    }

    /// arrayiter_next: the next item, or (exhausted) ao dropped and nil.
    func arrayIterNext(_ st: ArrayIterObject) throws -> ObjectRef? {
        guard let r = st.ao, let a = heap.array(r) else { return nil }
        if st.index < a.count {
            st.index += 1
            return try arrayItemObject(a, st.index - 1)
        }
        st.ao = nil
        heap.decref(r)
        return nil
    }

    // MARK: - Comparisons and searches

    /// array_array_index / array_array_remove: the first index whose item equals v, or
    /// their ValueError (3.6.15 says "x not in list").
    private func arrayFirstIndex(_ a: ArrayObject, _ v: ObjectRef, method: String) throws -> Int {
        var at: Int?
        try arrayScan(a, v) { k in at = k; return true }
        guard let k = at else {
            throw error("ValueError", "array.\(method)(x): x not in \(profile.minor < 8 ? "list" : "array")")
        }
        return k
    }

    /// array_contains / count / index / remove: getarrayitem for each item (a new object,
    /// released after PyObject_RichCompareBool(item, v, Py_EQ)); `body` sees each index
    /// whose item equals v and says whether to stop.
    private func arrayScan(_ a: ArrayObject, _ v: ObjectRef, from start: Int = 0, _ body: (Int) -> Bool) throws {
        var k = start
        while k < a.count {
            let x = try arrayItemObject(a, k)
            let eq: Bool
            do { eq = try valuesEqual(x, v) } catch { heap.decref(x); throw error }
            heap.decref(x)
            if eq, body(k) { return }
            k += 1
        }
    }

    func arrayContains(_ a: ArrayObject, _ v: ObjectRef) throws -> Bool {
        var found = false
        try arrayScan(a, v) { _ in found = true; return true }
        return found
    }

    /// array_richcompare; nil when neither operand is an array. An array against anything
    /// else is NotImplemented both ways: identity for ==/!=, a TypeError for ordering.
    func arrayCompare(_ op: CompareOp, _ v: ObjectRef, _ w: ObjectRef) throws -> Bool? {
        let va = heap.array(v), wa = heap.array(w)
        guard va != nil || wa != nil else { return nil }
        guard let va, let wa else {
            for o in [v, w] where heap.typeInfo(of: o).isHeapType {
                throw notModelled("comparing an array with a '\(typeName(o))' object")
            }
            switch op {
            case .eq: return v == w
            case .ne: return v != w
            default:
                throw error("TypeError", "'\(op.rawValue)' not supported between instances of '\(typeName(v))' and '\(typeName(w))'")
            }
        }
        if va.count != wa.count && (op == .eq || op == .ne) { return op == .ne }
        let common = min(va.count, wa.count)
        func sizes() -> Bool {
            let (vs, ws) = (va.count, wa.count)
            switch op {
            case .lt: return vs < ws
            case .le: return vs <= ws
            case .eq: return vs == ws
            case .ne: return vs != ws
            case .gt: return vs > ws
            default: return vs >= ws
            }
        }
        let isInt = va.typecode != UInt8(ascii: "f") && va.typecode != UInt8(ascii: "d")
        if va.typecode == wa.typecode && isInt {
            // Same integer typecode. 3.12+ compares the buffers (compareitems: no objects
            // made). Before, either the same fast path or the item-by-item loop below,
            // which is not established here: only where the loop would make no objects
            // (small ints) is the answer the same either way; otherwise refused.
            for k in 0..<common {
                let x = arrayItemValue(va, k), y = arrayItemValue(wa, k)
                if profile.minor < 12 {
                    for n in [x, y] {
                        guard case .int(let s) = n, s >= -5, s <= 256 else {
                            throw notModelled("comparing two arrays of one integer typecode on CPython \(profile.version)",
                                              because: "whether it compares the buffers or makes an int object per item is not established")
                        }
                    }
                }
                if numCompare(x, y) != 0 {
                    switch op {
                    case .eq: return false
                    case .ne: return true
                    default:
                        let c = numCompare(x, y)
                        switch op {
                        case .lt: return c < 0
                        case .le: return c <= 0
                        case .gt: return c > 0
                        default: return c >= 0
                        }
                    }
                }
            }
            return sizes()
        }
        // Different typecodes, or float items: getarrayitem makes both items of each pair,
        // PyObject_RichCompareBool(vi, wi, Py_EQ), both released unless they differ; the
        // differing pair is compared again with `op`, then released.
        for k in 0..<common {
            let vi = try arrayItemObject(va, k)
            let wi: ObjectRef
            do { wi = try arrayItemObject(wa, k) } catch { heap.decref(vi); throw error }
            let eq: Bool
            do { eq = try valuesEqual(vi, wi) } catch { heap.decref(vi); heap.decref(wi); throw error }
            if eq { heap.decref(vi); heap.decref(wi); continue }
            defer { heap.decref(vi); heap.decref(wi) }
            switch op {
            case .eq: return false
            case .ne: return true
            default: return try ordered(op, vi, wi)
            }
        }
        return sizes()
    }

    /// Ints and floats compared as Python does (an item is an exact small value here: a
    /// float from a C float or double, an int of at most 64 bits).
    private func numCompare(_ x: Num, _ y: Num) -> Int {
        switch (x, y) {
        case (.float(let p), .float(let q)): return p < q ? -1 : (p > q ? 1 : 0)
        case (.float, _), (_, .float):
            let p = doubleOf(x), q = doubleOf(y)
            return p < q ? -1 : (p > q ? 1 : 0)
        default:
            let p = bigOf(x)!, q = bigOf(y)!
            return p < q ? -1 : (p > q ? 1 : 0)
        }
    }

    // MARK: - Operators

    /// `+`, `+=`, `*`, `*=` with an array operand; nil when neither is one.
    func arrayBinaryOp(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef, inplace: Bool) throws -> ObjectRef? {
        let left = heap.array(a), right = heap.array(b)
        guard left != nil || right != nil else { return nil }
        for o in [a, b] where heap.typeInfo(of: o).isHeapType {
            throw notModelled("the \(op.rawValue) operator with an array and a '\(typeName(o))' object")
        }
        switch op {
        case .add:
            guard let la = left else { throw notModelled("\(typeName(a)) + array") }
            guard let rb = right else {
                throw error("TypeError", inplace ? "can only extend array with array (not \"\(typeName(b))\")"
                                                  : "can only append array (not \"\(typeName(b))\") to array")
            }
            if inplace {
                // array_inplace_concat: array_do_extend.
                try arrayExtend(a, b)
                heap.incref(a)
                return a
            }
            // array_concat: PyErr_BadArgument for another typecode; newarrayobject(n + m).
            guard la.typecode == rb.typecode else { throw error("TypeError", "bad argument type for built-in operation") }
            return try newArrayObject(la.typecode, la.bytes + rb.bytes)
        case .mul:
            if left == nil, [.str, .bytes, .list, .tuple, .bytearray].contains(heap.kind(a)) {
                throw notModelled("\(typeName(a)) * array")
            }
            let (seqRef, count) = left != nil ? (a, b) : (b, a)
            let seq = heap.array(seqRef)!
            guard heap.kind(count) == .int || heap.kind(count) == .bool, case .int(var n) = heap.payload[Int(count)] else {
                if case .bigInt = heap.payload[Int(count)] { throw notModelled("array * a big int") }
                throw error("TypeError", "can't multiply sequence by non-int of type '\(typeName(count))'")
            }
            if n < 0 { n = 0 }
            let (total, overflow) = seq.bytes.count.multipliedReportingOverflow(by: n)
            try ensureHeapRoom(overflow ? -1 : total)
            if inplace && left != nil {
                // array_inplace_repeat: array_resize(n * size) when size > 0 and n != 1,
                // then the copies.
                let size = seq.count
                if size > 0 && n != 1 {
                    let content = seq.bytes
                    seq.resize(n * size)
                    heap.arrayBufferResized(seqRef)
                    seq.replaceContents(Array([[UInt8]](repeating: content, count: n).joined()))
                }
                heap.incref(seqRef)
                return seqRef
            }
            // array_repeat: newarrayobject(size * n).
            return try newArrayObject(seq.typecode, Array([[UInt8]](repeating: seq.bytes, count: n).joined()))
        default:
            return nil
        }
    }

    // MARK: - Methods

    func defineArrayMethods() {
        defineMethod(.array, "append") { i, s, args, _ in
            try i.arrayInsert(s!, i.heap.array(s!)!.count, args[0])
            return i.heap.newNone()
        }
        defineMethod(.array, "extend") { i, s, args, _ in
            try i.arrayExtend(s!, args[0])
            return i.heap.newNone()
        }
        defineMethod(.array, "insert") { i, s, args, _ in
            // "in:insert": the index through PyNumber_AsSsize_t.
            let idx = args[0]
            guard i.heap.kind(idx) == .int || i.heap.kind(idx) == .bool, case .int(let w) = i.heap.payload[Int(idx)] else {
                throw i.notModelled("array.insert() with an index that is not a small int")
            }
            try i.arrayInsert(s!, w, args[1])
            return i.heap.newNone()
        }
        defineMethod(.array, "pop") { i, s, args, _ in
            let a = i.heap.array(s!)!
            var index = -1
            if let x = args.first {
                guard i.heap.kind(x) == .int || i.heap.kind(x) == .bool, case .int(let v) = i.heap.payload[Int(x)] else {
                    throw i.notModelled("array.pop() with an index that is not a small int")
                }
                index = v
            }
            guard a.count > 0 else { throw i.error("IndexError", "pop from empty array") }
            if index < 0 { index += a.count }
            guard index >= 0, index < a.count else { throw i.error("IndexError", "pop index out of range") }
            // getarrayitem, then array_del_slice(i, i + 1).
            let v = try i.arrayItemObject(a, index)
            i.arrayDeleteRange(s!, index, index + 1)
            return v
        }
        defineMethod(.array, "remove") { i, s, args, _ in
            let k = try i.arrayFirstIndex(i.heap.array(s!)!, args[0], method: "remove")
            i.arrayDeleteRange(s!, k, k + 1)
            return i.heap.newNone()
        }
        defineMethod(.array, "index") { i, s, args, _ in
            try i.newInt(try i.arrayFirstIndex(i.heap.array(s!)!, args[0], method: "index"))
        }
        defineMethod(.array, "count") { i, s, args, _ in
            var n = 0
            try i.arrayScan(i.heap.array(s!)!, args[0]) { _ in n += 1; return false }
            return try i.newInt(n)
        }
        defineMethod(.array, "reverse") { i, s, _, _ in
            let a = i.heap.array(s!)!
            var out: [UInt8] = []
            for k in stride(from: a.count - 1, through: 0, by: -1) { out.append(contentsOf: a.item(k)) }
            a.replaceContents(out)
            return i.heap.newNone()
        }
        defineMethod(.array, "byteswap") { i, s, _, _ in
            let a = i.heap.array(s!)!
            var out: [UInt8] = []
            for k in 0..<a.count { out.append(contentsOf: a.item(k).reversed()) }
            a.replaceContents(out)
            return i.heap.newNone()
        }
        defineMethod(.array, "tolist") { i, s, _, _ in try i.arrayToList(i.heap.array(s!)!) }
        defineMethod(.array, "tobytes") { i, s, _, _ in
            // PyBytes_FromStringAndSize(ob_item, n * itemsize).
            try i.newBytesObject(i.heap.array(s!)!.bytes)
        }
        defineMethod(.array, "frombytes") { i, s, args, _ in
            let a = i.heap.array(s!)!
            guard let b = i.bytesLikeValue(args[0]) else {
                if i.heap.kind(args[0]) == .str || i.heap.typeInfo(of: args[0]).isHeapType {
                    throw i.notModelled("array.frombytes() of a '\(i.typeName(args[0]))' object")
                }
                throw i.notModelled("array.frombytes() of a '\(i.typeName(args[0]))' object")
            }
            guard b.count % a.itemsize == 0 else { throw i.error("ValueError", "bytes length not a multiple of item size") }
            try i.ensureHeapRoom(a.bytes.count + b.count)
            i.arrayAppendRaw(s!, b)
            return i.heap.newNone()
        }
        defineMethod(.array, "fromlist") { i, s, args, _ in
            // array_resize(old + n), each item's setitem; an error resizes back to old.
            let a = i.heap.array(s!)!
            guard i.heap.kind(args[0]) == .list, case .list(let l) = i.heap.payload[Int(args[0])] else {
                if i.heap.typeInfo(of: args[0]).isHeapType { throw i.notModelled("array.fromlist() of a '\(i.typeName(args[0]))' object") }
                throw i.error("TypeError", "arg must be list")
            }
            let old = a.count, n = l.items.count
            guard n > 0 else { return i.heap.newNone() }
            try i.ensureHeapRoom((old + n) * a.itemsize)
            a.resize(old + n)
            i.heap.arrayBufferResized(s!)
            for (k, v) in l.items.enumerated() {
                do { a.setItem(old + k, try i.arrayItemBytes(a.typecode, v)) } catch {
                    a.resize(old)
                    i.heap.arrayBufferResized(s!)
                    throw error
                }
            }
            return i.heap.newNone()
        }
        if profile.minor >= 13 {
            // 3.13's array.clear (gh-114894): array_resize(self, 0).
            defineMethod(.array, "clear") { i, s, _, _ in
                let a = i.heap.array(s!)!
                a.resize(0)
                i.heap.arrayBufferResized(s!)
                return i.heap.newNone()
            }
        }
        defineMethod(.array, "__sizeof__") { i, s, _, _ in try i.newInt(try i.ownSizeofValue(s!)) }
    }
}

extension Interpreter {
    /// Calling array.array: no vectorcall on any modelled release, so the call packs its
    /// positional arguments into a tuple (type_call before 3.9, _PyObject_MakeTpCall from
    /// 3.9), held while array_new runs and freed after.
    func callArrayType(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard kwargs.isEmpty else { throw notModelled("array.array() with keyword arguments", because: "the TypeError CPython raises there is not measured") }
        let held = args.isEmpty ? [] : heap.takeFromFreeLists(FreeListCounts(tuples: Array(repeating: 0, count: args.count) + [1]))
        args.forEach(heap.incref)
        defer { args.forEach(heap.decref); heap.releaseWorkingSet(held) }
        return try newArrayCall(args, kwargs)
    }
}
