import HeapEngine
import BigInt

/// hex, bin, oct, chr, ord and divmod (Python/bltinmodule.c, Objects/longobject.c,
/// Objects/floatobject.c).
///
/// Error texts measured on CPython 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0
/// (Corpus/refcount/number_builtins).
extension Interpreter {
    func registerNumberBuiltins(_ d: ObjectRef) {
        for (fname, radix, prefix) in [("hex", 16, "0x"), ("bin", 2, "0b"), ("oct", 8, "0o")] {
            defineFunction(in: d, fname) { i, _, args, _ in
                if let s = try i.unplacedIdToBase(args[0], fname, radix: radix, prefix: prefix) { return s }
                try i.refuseUnplacedId(args[0], "\(fname)() of")
                let b = try i.indexValue(args[0])
                return try i.newStr((b < 0 ? "-" : "") + prefix + String(b.magnitude, radix: radix))
            }
        }
        defineFunction(in: d, "chr") { i, _, args, _ in
            let v = try i.chrArgument(args[0])
            guard v >= 0 && v < 0x110000 else { throw i.error("ValueError", "chr() arg not in range(0x110000)") }
            // 3.11 and 3.12 hand out another object for an ASCII code point than the one str
            // constants and indexing share: `chr(97) is 'a'` and `chr(97) is 'abc'[0]` are
            // False on 3.11.7 and 3.12.1 (True on 3.6.15, 3.8.18, 3.13.0; `chr(233) is
            // '\xe9'` is True everywhere). Which object that is, heapbook does not model.
            if v < 128 && (i.profile.minor == 11 || i.profile.minor == 12) {
                throw i.notModelled("chr() of an ASCII code point",
                                    because: "CPython \(i.profile.version) returns an object other than the str constants' one-character string")
            }
            // A lone surrogate is a str CPython can hold and Swift's String cannot.
            guard let scalar = Unicode.Scalar(UInt32(v)) else { throw i.notModelled("chr() of a surrogate code point") }
            return try i.newStr(String(Character(scalar)))
        }
        defineFunction(in: d, "ord") { i, _, args, _ in
            try i.refuseByteArrayOperand(args[0], "ord() of a bytearray")
            let length: Int
            switch i.heap.payload[Int(args[0])] {
            case .str(let s):
                let scalars = s.value.unicodeScalars
                if scalars.count == 1 { return try i.newInt(Int(scalars.first!.value)) }
                length = scalars.count
            case .bytes(let b):
                if b.count == 1 { return try i.newInt(Int(b[0])) }
                length = b.count
            default:
                throw i.error("TypeError", "ord() expected string of length 1, but \(i.typeName(args[0])) found")
            }
            throw i.error("TypeError", "ord() expected a character, but string of length \(length) found")
        }
        defineFunction(in: d, "divmod") { i, _, args, _ in try i.builtinDivmod(args[0], args[1]) }
    }

    /// PyNumber_Index for hex/bin/oct (PyNumber_ToBase): an int, or the TypeError every
    /// profile words the same; a class's `__index__` is not modelled.
    func indexValue(_ r: ObjectRef) throws -> BigInt {
        if let n = number(r), let b = bigOf(n) { return b }
        if case .instance = heap.payload[Int(r)], try lookupInType(heap.typeOf[Int(r)], "__index__") != nil {
            throw notModelled("__index__ of \(typeName(r))")
        }
        throw error("TypeError", "'\(typeName(r))' object cannot be interpreted as an integer")
    }

    /// chr's C int: PyArg_Parse "i" before 3.10 (3.6.15 words overflow by the C type it hit),
    /// _PyLong_AsInt in 3.11 and 3.12; 3.13 takes any int and range-checks it.
    func chrArgument(_ r: ObjectRef) throws -> BigInt {
        let v = profile.minor
        guard let n = number(r), let b = bigOf(n) else {
            if case .instance = heap.payload[Int(r)],
               try lookupInType(heap.typeOf[Int(r)], "__index__") != nil || lookupInType(heap.typeOf[Int(r)], "__int__") != nil {
                throw notModelled("chr() of \(typeName(r))")
            }
            if v >= 10 { throw error("TypeError", "'\(typeName(r))' object cannot be interpreted as an integer") }
            if case .float? = number(r) { throw error("TypeError", "integer argument expected, got float") }
            throw error("TypeError", "an integer is required (got type \(typeName(r)))")
        }
        if v >= 13 || (b >= BigInt(Int32.min) && b <= BigInt(Int32.max)) { return b }
        if v < 8, Int(exactly: b) != nil {
            throw error("OverflowError", b > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum")
        }
        throw error("OverflowError", "Python int too large to convert to C \(v < 8 ? "long" : "int")")
    }

    /// divmod(a, b) of ints and floats (a class's __divmod__ is not modelled).
    func builtinDivmod(_ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        guard let x = number(a), let y = number(b) else {
            if let e = try complexDivmodError(a, b) { throw e }
            for o in [a, b] { if case .instance = heap.payload[Int(o)] { throw notModelled("divmod() of \(typeName(o))") } }
            throw error("TypeError", "unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
        }
        if case .float = x {} else if case .float = y {} else { return try intDivmod(bigOf(x)!, bigOf(y)!) }
        // float_divmod: Py_BuildValue("(dd)") makes the tuple, then the two floats.
        let (p, q) = (doubleOf(x), doubleOf(y))
        if q == 0 { throw error("ZeroDivisionError", "float divmod()") }
        let (floordiv, mod) = floatDivmod(p, q)
        let t = try noneTuple(2)
        do {
            try setTupleItem(t, 0, try newFloat(floordiv))
            try setTupleItem(t, 1, try newFloat(mod))
        } catch { heap.decref(t); throw error }
        return t
    }

    /// long_divmod: l_divmod makes the quotient, then the remainder, then PyTuple_New(2) holds
    /// them. Which ints long division makes on the way (x_divrem's working copies, a
    /// quotient allocated at the dividend's length and then normalized, the sign
    /// correction's temporaries, a single-digit fast path in some versions) decides where
    /// non-cached results land; heapbook does not model it, so it answers only when both
    /// results are cached small ints (intermediates freed at once leave no trace).
    func intDivmod(_ a: BigInt, _ b: BigInt) throws -> ObjectRef {
        if b.isZero { throw error("ZeroDivisionError", "integer division or modulo by zero") }
        var (q, r) = a.quotientAndRemainder(dividingBy: b)
        if !r.isZero && ((r < 0) != (b < 0)) { q -= 1; r += b }
        if !(isSmallInt(q) && isSmallInt(r)) {
            throw notModelled("divmod() of ints outside the small-int cache",
                              because: "CPython \(profile.version)'s long division makes intermediate ints that decide where the results land")
        }
        let quotient = try makeInt(q)
        let remainder: ObjectRef
        do { remainder = try makeInt(r) } catch { heap.decref(quotient); throw error }
        return try newTuple([quotient, remainder])
    }

    private func isSmallInt(_ v: BigInt) -> Bool {
        guard let n = Int(exactly: v) else { return false }
        return n >= profile.smallIntMin && n <= profile.smallIntMax
    }
}
