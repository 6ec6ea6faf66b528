import HeapEngine
import BigInt

/// round, pow and ascii (Python/bltinmodule.c builtin_round, builtin_pow, builtin_ascii;
/// Objects/floatobject.c float___round___impl and double_round; Objects/longobject.c
/// int___round___impl and long_pow; Objects/object.c PyObject_ASCII).
extension Interpreter {
    func registerRoundingBuiltins(_ d: ObjectRef) {
        let intRound = registerBuiltin("__round__", owner: .int) { i, _, _, _ in throw i.notModelled("int.__round__") }
        let floatRound = registerBuiltin("__round__", owner: .float) { i, _, _, _ in throw i.notModelled("float.__round__") }
        defineFunction(in: d, "round") { i, _, args, _ in
            let number = args[0]
            let ndigits = args.count > 1 && args[1] != i.heap.none ? args[1] : nil
            guard let n = i.number(number) else {
                if case .instance = i.heap.payload[Int(number)] { throw i.notModelled("round() of \(i.typeName(number))") }
                throw i.error("TypeError", "type \(i.typeName(number)) doesn't define __round__ method")
            }
            // _PyObject_LookupSpecial binds `__round__` (a builtin method, off its free list
            // before 3.9), which lives until the result is made. 3.6's METH_VARARGS
            // `__round__` gets ndigits in a 1-tuple (PyObject_CallFunctionObjArgs).
            let isFloat: Bool
            if case .float = n { isFloat = true } else { isFloat = false }
            i.heap.incref(number)
            let method = try i.newBuiltinObject(BuiltinInfo(id: isFloat ? floatRound : intRound, selfRef: number))
            defer { i.heap.decref(method) }
            let packed = i.heap.takeFromFreeLists(FreeListCounts(tuples: ndigits != nil && i.profile.minor < 8 ? [0, 1] : []))
            defer { i.heap.releaseWorkingSet(packed) }
            switch n {
            case .float(let x):
                guard let ndigits else { return try i.makeInt(try i.roundToInteger(x)) }
                let nd = try i.ssizeIndex(ndigits)
                return try i.newFloat(try i.doubleRound(x, nd))
            case .int, .big:
                if let ndigits {
                    // PyNumber_Index(ndigits); a negative one rounds through _PyLong_DivmodNear,
                    // whose intermediate ints are not modelled.
                    let nd = try i.indexForRound(ndigits)
                    if nd < 0 { throw i.notModelled("round() of an int with a negative ndigits") }
                }
                // long_long: an exact int is returned itself; a bool becomes its int.
                if i.heap.kind(number) == .int { i.heap.incref(number); return number }
                return try i.makeInt(i.bigOf(n)!)
            }
        }
        defineFunction(in: d, "pow") { i, _, args, _ in
            let mod = args.count > 2 && args[2] != i.heap.none ? args[2] : nil
            guard let mod else { return try i.binaryOp(.pow, args[0], args[1]) }
            return try i.modularPow(args[0], args[1], mod)
        }
        defineFunction(in: d, "ascii") { i, _, args, _ in
            // PyObject_ASCII: an ASCII repr is returned itself; otherwise it is encoded with
            // backslashreplace into a bytes object (a _PyBytesWriter that over-allocates) and
            // decoded again, which is not modelled.
            let r = try i.reprObject(args[0])
            if i.stringValue(r).unicodeScalars.allSatisfy({ $0.isASCII }) { return r }
            i.heap.decref(r)
            throw i.notModelled("ascii() of an object whose repr is not ASCII")
        }
    }

    /// float___round___impl without ndigits: round half to even, then PyLong_FromDouble.
    func roundToInteger(_ x: Double) throws -> BigInt {
        if x.isNaN { throw error("ValueError", "cannot convert float NaN to integer") }
        if x.isInfinite { throw error("OverflowError", "cannot convert float infinity to integer") }
        return BigInt(x.rounded(.toNearestOrEven))
    }

    /// PyNumber_AsSsize_t(ndigits, NULL): an int, clipped to Py_ssize_t on overflow.
    private func ssizeIndex(_ r: ObjectRef) throws -> Int {
        let b = try indexForRound(r)
        if let v = Int(exactly: b) { return v }
        return b < 0 ? Int.min : Int.max
    }

    /// PyNumber_Index of ndigits (a class's `__index__` is not modelled).
    private func indexForRound(_ r: ObjectRef) throws -> BigInt {
        if let n = number(r), let b = bigOf(n) { return b }
        if case .instance = heap.payload[Int(r)] { throw notModelled("round() with an ndigits of \(typeName(r))") }
        throw error("TypeError", "'\(typeName(r))' object cannot be interpreted as an integer")
    }

    /// float___round___impl with ndigits, and double_round: _Py_dg_dtoa(x, 3, ndigits)
    /// rounds x's exact binary value to ndigits decimal places (ties to even), and
    /// _Py_dg_strtod reads the digits back, correctly rounded. Both steps are done exactly
    /// here: x = m·2^e, N = round-half-even(|x|·10^ndigits) in integers, then the nearest
    /// double to N·10^-ndigits (Swift's parser, glibc's strtod, rounds correctly). The sign
    /// is dtoa's: a result of zero keeps x's sign.
    func doubleRound(_ x: Double, _ ndigits: Int) throws -> Double {
        if !x.isFinite { return x }
        // NDIGITS_MAX = (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103 = 323,
        // NDIGITS_MIN = -(DBL_MAX_EXP + 1) * 0.30103 = -308.
        if ndigits > 323 { return x }
        if ndigits < -308 { return 0.0 * x }
        let a = x.magnitude
        var p = BigInt(a.significandBitPattern | (a.isNormal ? 1 << 52 : 0))
        var q = BigInt(1)
        let e = (a.isNormal ? Int(a.exponentBitPattern) : 1) - 1075
        if e >= 0 { p <<= e } else { q <<= -e }
        let ten = BigInt(10).power(abs(ndigits))
        if ndigits >= 0 { p *= ten } else { q *= ten }
        var (n, r) = p.quotientAndRemainder(dividingBy: q)
        let twice = r * 2
        if twice > q || (twice == q && n % 2 == 1) { n += 1 }
        guard let v = Double("\(n)e\(-ndigits)") else { throw notModelled("round() of \(x)") }
        if v.isInfinite { throw error("OverflowError", "rounded value too large to represent") }
        return x.sign == .minus ? -v : v
    }

    /// pow(base, exp, mod) of ints. long_pow reduces and multiplies through intermediate
    /// ints; heapbook answers only where every one of them is a cached small int (base and
    /// modulus at most 16, so each product is below 257), leaving no trace in pymalloc.
    func modularPow(_ a: ObjectRef, _ b: ObjectRef, _ c: ObjectRef) throws -> ObjectRef {
        guard let x = number(a).flatMap(bigOf), let y = number(b).flatMap(bigOf), let m = number(c).flatMap(bigOf) else {
            throw notModelled("pow() with three arguments that are not all ints")
        }
        let negativeFirst = profile.minor < 8
        if negativeFirst && y < 0 {
            throw error("ValueError", "pow() 2nd argument cannot be negative when 3rd argument specified")
        }
        if m.isZero { throw error("ValueError", "pow() 3rd argument cannot be 0") }
        guard y >= 0 else { throw notModelled("pow() with a negative exponent and a modulus") }
        guard x >= 0, x <= 16, m > 0, m <= 16 else {
            throw notModelled("pow() with a modulus, beyond small operands",
                              because: "CPython \(profile.version)'s long_pow makes intermediate ints that decide where the result lands")
        }
        // Left-to-right square-and-multiply, reducing each step.
        var result = BigInt(1) % m
        let base = x % m
        for bit in String(y, radix: 2) {
            result = (result * result) % m
            if bit == "1" { result = (result * base) % m }
        }
        return try makeInt(result)
    }
}
