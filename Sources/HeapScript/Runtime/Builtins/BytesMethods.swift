import HeapEngine

// BytesMethods.swift — the str-like methods of bytes, after Objects/bytesobject.c,
// Objects/bytes_methods.c and Objects/stringlib (find.h, join.h, transmogrify.h).
//
// Results made with their contents (PyBytes_FromStringAndSize(s, n): strip's slices) are the
// cached one-byte and empty objects; results filled in place (PyBytes_FromStringAndSize(NULL,
// n): upper, lower, join, replace) are new objects even at one byte. A result equal to an
// exact bytes `self` is `self`. Only bytes arguments are modelled (an int needle, bytearray
// and memoryview are refused).
extension Interpreter {
    func registerBytesMethods() {
        defineMethod(.bytes, "hex") { i, s, _, _ in
            // _Py_strhex: a PyUnicode_New(2n, 127) string.
            let hex: [Character] = Array("0123456789abcdef")
            var out = ""
            for b in i.bytesValue(s!) { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
            return try i.newStrObject(out)
        }
        for (mname, missing) in [("find", -1), ("index", nil), ("rfind", -1), ("rindex", nil), ("count", nil)] as [(String, Int?)] {
            defineMethod(.bytes, mname) { i, s, args, _ in
                let needle = try i.bytesNeedle(args[0])
                let hay = i.bytesValue(s!)
                if mname == "count" {
                    return try i.newInt(needle.isEmpty ? hay.count + 1 : Interpreter.occurrences(of: needle, in: hay).count)
                }
                let found = mname.hasPrefix("r") ? Interpreter.lastIndex(of: needle, in: hay) : Interpreter.firstIndex(of: needle, in: hay)
                if let k = found { return try i.newInt(k) }
                if let missing { return try i.newInt(missing) }
                throw i.error("ValueError", "subsection not found")
            }
        }
        for (mname, atStart) in [("startswith", true), ("endswith", false)] {
            defineMethod(.bytes, mname) { i, s, args, _ in
                try i.refuseByteArrayOperand(args[0], "bytes.\(mname)() with a bytearray argument")
                try i.refuseArrayBuffer(args[0], "bytes.\(mname)() with an array.array argument")
                var candidates: [ObjectRef] = [args[0]]
                if case .tuple(let t) = i.heap.payload[Int(args[0])] {
                    guard t.allSatisfy({ i.heap.kind($0) == .bytes }) else {
                        throw i.notModelled("bytes.\(mname)() with a tuple holding a non-bytes")
                    }
                    candidates = t
                } else if i.heap.kind(args[0]) != .bytes {
                    throw i.error("TypeError", "\(mname) first arg must be bytes or a tuple of bytes, not \(i.typeName(args[0]))")
                }
                let v = i.bytesValue(s!)
                for c in candidates {
                    let affix = i.bytesValue(c)
                    if affix.count <= v.count, (atStart ? v.prefix(affix.count) : v.suffix(affix.count)).elementsEqual(affix) {
                        return i.heap.newBool(true)
                    }
                }
                return i.heap.newBool(false)
            }
        }
        for (mname, upper) in [("upper", true), ("lower", false)] {
            defineMethod(.bytes, mname) { i, s, _, _ in
                let v = i.bytesValue(s!).map { b -> UInt8 in
                    if upper { return (0x61...0x7A).contains(b) ? b - 32 : b }
                    return (0x41...0x5A).contains(b) ? b + 32 : b
                }
                return try i.newBytesObject(v)
            }
        }
        for (mname, left, right) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
            defineMethod(.bytes, mname) { i, s, args, _ in
                // do_argstrip: None strips ASCII whitespace, bytes strip their bytes.
                var chars: [UInt8]? = nil
                if let a = args.first, a != i.heap.none {
                    try i.refuseByteArrayOperand(a, "bytes.\(mname)() with a bytearray argument")
                    try i.refuseArrayBuffer(a, "bytes.\(mname)() with an array.array argument")
                    guard i.heap.kind(a) == .bytes else {
                        throw i.error("TypeError", "a bytes-like object is required, not '\(i.typeName(a))'")
                    }
                    chars = i.bytesValue(a)
                }
                let strips: (UInt8) -> Bool = { b in chars.map { $0.contains(b) } ?? Interpreter.isAsciiSpace(b) }
                let v = i.bytesValue(s!)
                var lo = 0, hi = v.count
                if left { while lo < hi && strips(v[lo]) { lo += 1 } }
                if right { while hi > lo && strips(v[hi - 1]) { hi -= 1 } }
                if lo == 0 && hi == v.count { return try i.bytesUnchanged(s!, mname) }
                return try i.newBytes(Array(v[lo..<hi]))
            }
        }
        defineMethod(.bytes, "join") { i, s, args, _ in
            let items = try i.iterateToArray(args[0])
            defer { items.forEach(i.heap.decref) }
            for x in items {
                try i.refuseByteArrayOperand(x, "bytes.join() with a bytearray item")
                try i.refuseArrayBuffer(x, "bytes.join() with an array.array item")
            }
            for (n, x) in items.enumerated() where i.heap.kind(x) != .bytes {
                throw i.error("TypeError", "sequence item \(n): expected a bytes-like object, \(i.typeName(x)) found")
            }
            // stringlib join: one exact bytes item is the result itself.
            if items.count == 1, i.heap.typeOf[Int(items[0])] == i.heap.builtinType(.bytes) {
                i.heap.incref(items[0]); return items[0]
            }
            let sep = i.bytesValue(s!)
            var out: [UInt8] = []
            for (n, x) in items.enumerated() {
                if n > 0 { out += sep }
                out += i.bytesValue(x)
            }
            return try i.newBytesObject(out)
        }
    }

    func bytesValue(_ r: ObjectRef) -> [UInt8] {
        if case .bytes(let b) = heap.payload[Int(r)] { return b }
        return []
    }

    /// The sub argument of find, index and count: bytes (an int is a byte value, not modelled).
    /// The TypeError text changed in 3.8 (measured on 3.6.15 and 3.8.18).
    private func bytesNeedle(_ r: ObjectRef) throws -> [UInt8] {
        if heap.kind(r) == .bytes { return bytesValue(r) }
        try refuseByteArrayOperand(r, "a bytes method with a bytearray argument")
        try refuseArrayBuffer(r, "a bytes method with an array.array argument")
        if heap.kind(r) == .int || heap.kind(r) == .bool { throw notModelled("a bytes method with an int argument") }
        throw error("TypeError", profile.minor < 8 ? "a bytes-like object is required, not '\(typeName(r))'"
                        : "argument should be integer or bytes-like object, not '\(typeName(r))'")
    }

    private func bytesUnchanged(_ s: ObjectRef, _ mname: String) throws -> ObjectRef {
        guard heap.typeOf[Int(s)] == heap.builtinType(.bytes) else { throw notModelled("bytes.\(mname)() of a bytes subclass") }
        heap.incref(s)
        return s
    }

    /// Py_ISSPACE: the ASCII whitespace bytes.
    static func isAsciiSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
}
