import HeapEngine

// Objects/complexobject.c at v3.6.15, v3.8.18, v3.11.7, v3.12.1 and v3.13.0: what a complex
// does here (the object itself is HeapEngine's ComplexObject.swift).
//
// Modelled: complex() / complex(x) / complex(real, imag) from ints, bools, floats and complexes
// (complex_new's arithmetic, complex(c) returning c itself); repr and str (complex_repr:
// PyOS_double_to_string 'r' without ".0", the real part omitted when it is +0.0, parentheses
// otherwise); .real, .imag, .conjugate(); truth; unary - and + (complex_pos returns an exact
// complex itself); + - * / with ints, bools, floats and complexes (_Py_c_sum, _Py_c_diff,
// _Py_c_prod, _Py_c_quot; an int becomes a complex through PyLong_AsDouble, as
// to_complex does); == and != (complex_richcompare); ordering's TypeError; hash
// (complex_hash: hash(real) + 1000003 * hash(imag)); abs (_Py_c_abs, hypot); int()/float()
// TypeErrors; // % divmod() TypeErrors, whose texts changed in 3.10 (complex lost its
// nb_floor_divide, nb_remainder and nb_divmod; measured on all five).
//
// Refused: ** (c_pow/c_powi), complex(str), keyword arguments, other argument types (their
// TypeError texts), operators with anything but a number, and every other attribute
// (__format__ with a spec, __getnewargs__, pickling...).

extension Interpreter {
    /// The value of a complex, an int, a bool or a float as a complex operand (to_complex:
    /// an int through PyLong_AsDouble); nil for anything else.
    func complexOperand(_ r: ObjectRef) throws -> (re: Double, im: Double)? {
        // A subclass of int or float may define __complex__, __float__ or the reflected
        // operator, which complex_new and binary_op1 would call first: not modelled.
        if heap.typeInfo(of: r).isHeapType, number(r) != nil {
            throw notModelled("a complex operation with an instance of \(typeName(r))")
        }
        if let c = heap.complexValue(r) { return (c.real, c.imag) }
        guard let n = number(r) else { return nil }
        let d = doubleOf(n)
        if case .big = n, !d.isFinite { throw error("OverflowError", "int too large to convert to float") }
        return (d, 0)
    }

    /// complex_new (complex_new_impl): `complex()`, `complex(x)`, `complex(real, imag)`.
    func newComplexCall(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard kwargs.isEmpty else { throw notModelled("complex() with keyword arguments") }
        guard args.count <= 2 else { throw notModelled("complex() with more than two arguments") }
        guard let r = args.first else { return try heap.newComplex(real: 0, imag: 0) }
        if heap.kind(r) == .str { throw notModelled("complex() of a str", because: "complex_from_string_inner's parser is not modelled") }
        // An exact complex and no imaginary part: the argument itself.
        if args.count == 1, heap.complexValue(r) != nil { heap.incref(r); return r }
        guard let cr = try complexOperand(r) else { throw notModelled("complex() of \(typeName(r))") }
        var real = cr.re, imag = 0.0
        if args.count == 2 {
            guard let ci = try complexOperand(args[1]) else { throw notModelled("complex() of \(typeName(args[1]))") }
            imag = ci.re
            // complex(a + bj, c + dj) is (a - d) + (c + b)j, in this order of operations.
            if heap.complexValue(args[1]) != nil { real -= ci.im }
            if heap.complexValue(r) != nil { imag += cr.im }
        }
        return try heap.newComplex(real: real, imag: imag)
    }

    /// complex_repr (str is the same): shortest round-trip digits ('r', no ".0").
    func complexRepr(_ c: ComplexObject) -> String {
        if c.real == 0 && c.real.sign == .plus {
            return FloatFormat.format(c.imag, code: "r", precision: 0, flags: FloatFormat.Flags()) + "j"
        }
        let re = FloatFormat.format(c.real, code: "r", precision: 0, flags: FloatFormat.Flags())
        let im = FloatFormat.format(c.imag, code: "r", precision: 0, flags: FloatFormat.Flags(alwaysAddSign: true))
        return "(" + re + im + "j)"
    }

    /// complex_hash: hash(real) + _PyHASH_IMAG * hash(imag) in Py_uhash_t, -1 becoming -2.
    func complexHash(_ r: ObjectRef, _ c: ComplexObject) -> Int {
        let nanHash = profile.nanHashIsAddress ? addressHash(r) : 0
        let hr = IntLayout.hash(c.real, nanHash: nanHash), hi = IntLayout.hash(c.imag, nanHash: nanHash)
        let combined = Int(bitPattern: UInt(bitPattern: hr) &+ 1_000_003 &* UInt(bitPattern: hi))
        return combined == -1 ? -2 : combined
    }

    /// complex_bool.
    func complexTruth(_ c: ComplexObject) -> Bool { c.real != 0 || c.imag != 0 }

    /// complex_neg, complex_pos; `~` has no slot.
    func complexUnaryOp(_ op: UnaryOp, _ r: ObjectRef) throws -> ObjectRef? {
        guard let c = heap.complexValue(r) else { return nil }
        switch op {
        case .negate: return try heap.newComplex(real: -c.real, imag: -c.imag)
        case .plus: heap.incref(r); return r
        default: throw error("TypeError", "bad operand type for unary \(op.rawValue): 'complex'")
        }
    }

    /// complex_abs: _Py_c_abs (hypot, with C99's infinities first), OverflowError when a
    /// finite value overflows.
    func complexAbs(_ c: ComplexObject) throws -> ObjectRef {
        if c.real.isInfinite || c.imag.isInfinite { return try newFloat(.infinity) }
        if c.real.isNaN || c.imag.isNaN { return try newFloat(.nan) }
        let h = LibM.hypotenuse(c.real, c.imag)
        if h.isInfinite { throw error("OverflowError", "absolute value too large") }
        return try newFloat(h)
    }

    /// The number slots of complex for `a op b`; nil when neither operand is a complex.
    func complexBinaryOp(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef, inplace: Bool) throws -> ObjectRef? {
        guard heap.complexValue(a) != nil || heap.complexValue(b) != nil else { return nil }
        // str % complex and bytes % complex are printf-style formatting (PercentFormat.swift).
        if op == .mod, heap.kind(a) == .str || heap.kind(a) == .bytes { return nil }
        guard let x = try complexOperand(a), let y = try complexOperand(b) else {
            throw notModelled("the \(op.rawValue) operator with a complex and \(heap.complexValue(a) != nil ? typeName(b) : typeName(a))")
        }
        switch op {
        case .add: return try heap.newComplex(real: x.re + y.re, imag: x.im + y.im)
        case .sub: return try heap.newComplex(real: x.re - y.re, imag: x.im - y.im)
        case .mul: return try heap.newComplex(real: x.re * y.re - x.im * y.im, imag: x.re * y.im + x.im * y.re)
        case .div:
            guard let q = Interpreter.complexQuotient(x, y) else { throw error("ZeroDivisionError", "complex division by zero") }
            return try heap.newComplex(real: q.re, imag: q.im)
        case .pow: throw notModelled("** with a complex", because: "c_pow and c_powi are not modelled")
        case .floorDiv where profile.minor < 10: throw error("TypeError", "can't take floor of complex number.")
        case .mod where profile.minor < 10: throw error("TypeError", "can't mod complex numbers.")
        default: throw try binaryOpFallbackError(op, a, b, inplace: inplace)
        }
    }

    /// divmod() with a complex and a number: complex_divmod before 3.10, no slot after.
    func complexDivmodError(_ a: ObjectRef, _ b: ObjectRef) throws -> Error? {
        guard heap.complexValue(a) != nil || heap.complexValue(b) != nil else { return nil }
        guard try complexOperand(a) != nil, try complexOperand(b) != nil else { return nil }
        if profile.minor < 10 { return error("TypeError", "can't take floor or mod of complex number.") }
        return error("TypeError", "unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
    }

    /// _Py_c_quot (Smith's method); nil for a zero divisor (errno EDOM).
    static func complexQuotient(_ a: (re: Double, im: Double), _ b: (re: Double, im: Double)) -> (re: Double, im: Double)? {
        let absBReal = b.re < 0 ? -b.re : b.re
        let absBImag = b.im < 0 ? -b.im : b.im
        if absBReal >= absBImag {
            if absBReal == 0 { return nil }
            let ratio = b.im / b.re
            let denom = b.re + b.im * ratio
            return ((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
        }
        if absBImag >= absBReal {
            let ratio = b.re / b.im
            let denom = b.re * ratio + b.im
            return ((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
        }
        return (.nan, .nan)   // a NaN in the divisor
    }

    /// complex_richcompare for == and != (nil when neither operand is a complex, or the other
    /// is not a number: NotImplemented, the identity fallback).
    func complexEquals(_ a: ObjectRef, _ b: ObjectRef) throws -> Bool? {
        guard heap.complexValue(a) != nil || heap.complexValue(b) != nil else { return nil }
        func isNumber(_ r: ObjectRef) -> Bool { number(r) != nil || heap.complexValue(r) != nil }
        guard isNumber(a), isNumber(b) else { return nil }
        // An int is compared exactly with the real part (float_richcompare); the engine
        // models ints that a double holds exactly.
        for r in [a, b] {
            if case .big? = number(r) { throw notModelled("comparing a complex with a big int") }
            if case .int(let v)? = number(r), v.magnitude > 1 << 53 { throw notModelled("comparing a complex with a big int") }
        }
        guard let p = try complexOperand(a), let q = try complexOperand(b) else { return nil }
        return p.re == q.re && p.im == q.im
    }

    /// .real, .imag (complex_members).
    func complexAttribute(_ c: ComplexObject, _ attr: String) throws -> ObjectRef? {
        switch attr {
        case "real": return try newFloat(c.real)
        case "imag": return try newFloat(c.imag)
        default: return nil
        }
    }

    /// `complex.X` and `c.X` where not modelled: all but the registered methods, real, imag
    /// and __class__.
    func refuseComplexAttribute(_ obj: ObjectRef, _ attr: String) throws {
        let why = "heapbook models only some attributes of complex (and not their AttributeErrors)"
        let known = methodTable[.complex]?[attr] != nil
        // The standard refusal where CPython has the attribute (the recorded surface).
        func refusal(_ type: ObjectRef) -> Error {
            cpythonOwner(of: attr, inMROOf: type) != nil ? notModelled("complex.\(attr)") : notModelled("complex.\(attr)", because: why)
        }
        if obj == heap.complexTypeIfMade, !known, attr != "__name__" { throw refusal(obj) }
        if heap.complexValue(obj) != nil, !known, !["__class__", "real", "imag"].contains(attr) {
            throw refusal(heap.typeOf[Int(obj)])
        }
    }

    func defineComplexMethods() {
        // complex_conjugate.
        defineMethod(.complex, "conjugate") { i, s, _, _ in
            let c = i.heap.complexValue(s!)!
            return try i.heap.newComplex(real: c.real, imag: -c.imag)
        }
    }
}
