import HeapEngine
import BigInt

/// Arithmetic, comparison and truth (Objects/abstract.c, longobject.c, floatobject.c).
extension Interpreter {
    enum Num { case int(Int), big(BigInt), float(Double) }

    func number(_ r: ObjectRef) -> Num? {
        switch heap.payload[Int(r)] {
        case .int(let v): return .int(v)
        case .bigInt(let v): return .big(v)
        case .float(let d): return .float(d)
        default: return nil
        }
    }

    func bigOf(_ n: Num) -> BigInt? {
        switch n { case .int(let v): return BigInt(v); case .big(let v): return v; case .float: return nil }
    }
    func doubleOf(_ n: Num) -> Double {
        switch n { case .int(let v): return Double(v); case .big(let v): return Double(v); case .float(let d): return d }
    }

    func makeInt(_ v: BigInt) throws -> ObjectRef {
        if let small = Int(exactly: v) { return try newInt(small) }
        return try newBigInt(v)
    }

    func typeName(_ r: ObjectRef) -> String { heap.typeInfo(of: r).name }

    func isTrue(_ r: ObjectRef) throws -> Bool {
        // A phantom start-up object is only counted and compared by identity (GCModule.swift).
        try refuseStartupObject(r)
        if r == heap.trueRef { return true }
        if r == heap.falseRef || r == heap.none { return false }
        if heap.isWeakProxy(r) { return try withProxyReferent(r) { try isTrue($0) } }   // proxy_bool
        // A mappingproxy has no nb_bool: PyObject_IsTrue takes mappingproxy_len, the dict's.
        if let d = mappingProxyTarget(r) { return try isTrue(d) }
        if let c = ctypesObject(r) { return try ctypesIsTrue(r, c) }
        switch heap.payload[Int(r)] {
        case .int(let v): return v != 0
        case .bigInt(let v): return !v.isZero
        case .float(let d): return d != 0
        case .str(let s): return s.count != 0
        case .bytes(let b): return !b.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .list(let l): return l.count != 0
        case .dict(let dObject): let d = dObject.storage; return d.count != 0
        case .set(let sObject): let s = sObject.storage; return s.count != 0
        case .range(let rv): return rv.count != 0
        case .native(let o as DequeObject): return o.count != 0
        case .native(let o as ByteArrayObject): return o.count != 0
        case .native(let o as MemoryViewObject): return try memoryViewLength(o) != 0   // memory_length
        case .native(let o as ComplexObject): return complexTruth(o)
        case .native(let o as ArrayObject): return o.count != 0
        case .instance:
            // slot_nb_bool: `__bool__` must return a bool ("__bool__ should return bool,
            // returned int", 3.6.15-3.13.0); without it, `__len__` through slot_sq_length.
            if let m = try lookupSpecial(r, "__bool__") {
                let v = try callSpecial(m, r, [])
                defer { heap.decref(v) }
                guard heap.kind(v) == .bool else {
                    throw error("TypeError", "__bool__ should return bool, returned \(typeName(v))")
                }
                return v == heap.trueRef
            }
            if let m = try lookupSpecial(r, "__len__") { return try slotLength(r, m) != 0 }
            return true
        default: return true
        }
    }

    func unaryOp(_ op: UnaryOp, _ v: ObjectRef) throws -> ObjectRef {
        try refuseUnplacedId(v, "unary \(op.rawValue) of")
        try refuseWeakProxyOperand(v, "unary \(op.rawValue) of a weakref proxy")
        try refuseGenericAlias(v, "unary \(op.rawValue) of")
        if let r = try complexUnaryOp(op, v) { return r }
        guard let n = number(v) else {
            throw error("TypeError", "bad operand type for unary \(op.rawValue): '\(typeName(v))'")
        }
        let isBool = heap.kind(v) == .bool
        switch (op, n) {
        case (.negate, .int(let a)):
            let (r, o) = (0).subtractingReportingOverflow(a)
            return o ? try makeInt(-BigInt(a)) : try newInt(r)
        case (.negate, .big(let a)): return try makeInt(-a)
        case (.negate, .float(let d)): return try newFloat(-d)
        case (.plus, .float(let d)): return try newFloat(d)
        case (.plus, _):
            if isBool, case .int(let a) = n { return try newInt(a) }
            heap.incref(v); return v
        case (.invert, .int(let a)): return try newInt(~a)
        case (.invert, .big(let a)): return try makeInt(-a - 1)
        case (.invert, .float):
            throw error("TypeError", "bad operand type for unary ~: 'float'")
        default:
            throw error("TypeError", "bad operand type for unary \(op.rawValue): '\(typeName(v))'")
        }
    }

    func inplaceOp(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        try refuseUnplacedId(a, "the \(op.rawValue)= operator with"); try refuseUnplacedId(b, "the \(op.rawValue)= operator with")
        // list += iterable extends in place (list_inplace_concat); others fall back. A list
        // subclass inherits sq_inplace_concat and sq_inplace_repeat (the engine refuses the
        // number methods that would come first), so `x += [6]` keeps x's identity and class.
        if op == .add, heap.kind(a) == .list {
            let items = try iterateToArray(b)
            try mutateList(a) { st in st.extend(iterating: items, lengthHint: items.count) }
            heap.incref(a)
            return a
        }
        // list *= n repeats in place (list_inplace_repeat): the list keeps its identity.
        if op == .mul, heap.kind(a) == .list,
           case .int(let n) = heap.payload[Int(b)], case .list(let l) = heap.payload[Int(a)] {
            let old = l.items
            let (bytes, overflow) = (old.count * 8).multipliedReportingOverflow(by: max(0, n))
            try ensureHeapRoom(overflow ? -1 : bytes)
            mutateList(a) { st in st.inplaceRepeat(n) }
            if n < 1 {
                old.reversed().forEach(heap.decref)   // _list_clear releases from the end
            } else if !old.isEmpty {
                for _ in 1..<n { old.forEach(heap.incref) }
            }
            heap.incref(a)
            return a
        }
        if heap.kind(a) == .set, heap.kind(b) == .set || heap.kind(b) == .frozenset,
           let r = try setInplaceOperation(op, a, b) { return r }
        return try binaryOp(op, a, b, inplace: true)
    }

    func binaryOp(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef, inplace: Bool = false) throws -> ObjectRef {
        // `%` too: `'%x' % id(x)` reads the number, `'%s' % hex(id(x))` the text (UnplacedIds.swift).
        try refuseUnplacedId(a, "the \(op.rawValue) operator with"); try refuseUnplacedId(b, "the \(op.rawValue) operator with")
        // ga_as_number's `|` (types.UnionType, 3.10+) and the other operand's slots.
        try refuseGenericAlias(a, "the \(op.rawValue) operator with"); try refuseGenericAlias(b, "the \(op.rawValue) operator with")
        if let why = heap.identityComparisonUncertainty(a, b) { throw notModelled("arithmetic on this id", because: why) }
        try refuseAddressDistance(a, b, "arithmetic on the ids of two objects")
        // The proxy's number slots forward to the referent (not modelled).
        if heap.isWeakProxy(a) || heap.isWeakProxy(b) { throw notModelled("the \(op.rawValue) operator with a weakref proxy") }
        // mappingproxy_or / mappingproxy_ior (3.9+).
        try refuseMappingProxyOperand(a, "the \(op.rawValue) operator with a mappingproxy")
        try refuseMappingProxyOperand(b, "the \(op.rawValue) operator with a mappingproxy")
        // defdict_or / defdict_ror (3.9+) and dict's number slots on a defaultdict.
        if heap.isDefaultDict(a) || heap.isDefaultDict(b) { throw notModelled("the \(op.rawValue) operator with a collections.defaultdict") }
        // odict_or / odict_inplace_or (3.9+) and dict's number slots on an OrderedDict.
        if heap.isOrderedDict(a) || heap.isOrderedDict(b) { throw notModelled("the \(op.rawValue) operator with a collections.OrderedDict") }
        // bool_and, bool_or, bool_xor (Objects/boolobject.c): two bools give a bool.
        if op == .bitAnd || op == .bitOr || op == .bitXor, heap.kind(a) == .bool, heap.kind(b) == .bool {
            let (x, y) = (a == heap.trueRef, b == heap.trueRef)
            return heap.newBool(op == .bitAnd ? x && y : op == .bitOr ? x || y : x != y)
        }
        if let x = number(a), let y = number(b) { return try arithmetic(op, x, y) }
        try refuseDequeOperand(a, "operators on a deque"); try refuseDequeOperand(b, "operators on a deque")
        try refuseMemoryViewOperand(a, "the \(op.rawValue) operator with a memoryview"); try refuseMemoryViewOperand(b, "the \(op.rawValue) operator with a memoryview")
        if let r = try byteArrayBinaryOp(op, a, b, inplace: inplace) { return r }
        if let r = try complexBinaryOp(op, a, b, inplace: inplace) { return r }
        if let r = try arrayBinaryOp(op, a, b, inplace: inplace) { return r }
        // A slice (a tuple payload) has no number or sequence methods: `s * 2` is a TypeError.
        if heap.kind(a) == .slice || heap.kind(b) == .slice, !(op == .mod && heap.kind(a) == .str) {
            throw try binaryOpFallbackError(op, a, b, inplace: inplace)
        }
        let pa = heap.payload[Int(a)], pb = heap.payload[Int(b)]
        switch (op, pa, pb) {
        case (.add, .str(let s), .str(let t)): return try newStr(s.value + t.value)
        case (.add, .bytes(let s), .bytes(let t)): return try newBytes(s + t)
        case (.add, .list(let s), .list(let t)):
            return try heap.newListCopying(ListStorage.concat(s, t), incref: true)
        case (.add, .tuple(let s), .tuple(let t)):
            // tupleconcat gives an exact tuple operand back when the other is empty from 3.8
            // (measured `t + () is t`, `() + t is t`: False on 3.6.15, True on 3.8.18-3.13.0);
            // 3.6's always makes a new tuple (PyTuple_New: the empty one for no items).
            let concatReturnsOperand = profile.minor >= 8
            // (PyTuple_CheckExact: a tuple subclass operand is copied into a plain tuple.)
            if concatReturnsOperand, t.isEmpty, heap.isExact(a, .tuple) { heap.incref(a); return a }
            if concatReturnsOperand, s.isEmpty, heap.isExact(b, .tuple) { heap.incref(b); return b }
            let items = s + t
            items.forEach(heap.incref)
            return try newTuple(items)
        case (.mul, .str(let s), .int(let n)), (.mul, .int(let n), .str(let s)):
            if n == 1, case .str = pa { heap.incref(a); return a }
            // unicode_repeat: a length past PY_SSIZE_T_MAX is an OverflowError, a length
            // the heap cannot hold a MemoryError.
            if s.value.unicodeScalars.count.multipliedReportingOverflow(by: max(0, n)).overflow {
                throw error("OverflowError", "repeated string is too long")
            }
            let (bytes, overflow) = s.value.utf8.count.multipliedReportingOverflow(by: max(0, n))
            try ensureHeapRoom(overflow ? -1 : bytes)
            return try newStr(n <= 0 ? "" : String(repeating: s.value, count: n))
        case (.mul, .bytes(let s), .int(let n)), (.mul, .int(let n), .bytes(let s)):
            // bytes_repeat: as unicode_repeat.
            let (bytes, overflow) = s.count.multipliedReportingOverflow(by: max(0, n))
            if overflow { throw error("OverflowError", "repeated bytes are too long") }
            try ensureHeapRoom(bytes)
            return try newBytes(n <= 0 ? [] : Array([[UInt8]](repeating: s, count: n).joined()))
        case (.mul, .list(let s), .int(let n)), (.mul, .int(let n), .list(let s)):
            let (bytes, overflow) = (s.count * 8).multipliedReportingOverflow(by: max(0, n))
            try ensureHeapRoom(overflow ? -1 : bytes)
            return try heap.newListCopying(s.repeated(max(0, n)), incref: true)
        case (.mul, .tuple(let s), .int(let n)), (.mul, .int(let n), .tuple(let s)):
            let (bytes, overflow) = (s.count * 8).multipliedReportingOverflow(by: max(0, n))
            try ensureHeapRoom(overflow ? -1 : bytes)
            // tuplerepeat gives an exact tuple back for n == 1; a subclass's items are copied.
            let operand = heap.kind(a) == .tuple ? a : b
            if n == 1, heap.isExact(operand, .tuple) { heap.incref(operand); return operand }
            var items: [ObjectRef] = []
            for _ in 0..<max(0, n) { items += s }
            items.forEach(heap.incref)
            return try newTuple(items)
        case (.mod, .str(let s), _):
            return try percentFormat(a, s.value, b)
        case (.sub, .set, .set), (.bitAnd, .set, .set), (.bitOr, .set, .set), (.bitXor, .set, .set):
            return try setOperation(op, a, b)
        default:
            try refuseWeakSetOperand(a, b, op.rawValue)
            if isWeakKeyDictOrInstance(a) || isWeakKeyDictOrInstance(b) {
                let cls = isWeakValueDictOrInstance(a) || isWeakValueDictOrInstance(b) ? "WeakValueDictionary" : "WeakKeyDictionary"
                throw notModelled("the \(op.rawValue) operator with a \(cls)", because: unmodelledWeakKeyDictReason)
            }
            if let m = try lookupSpecial(a, BinaryOp.dunder[op]!) {
                let r = try callSpecial(m, a, [b])
                if r != heap.notImplemented { return r }
                heap.decref(r)
            }
            throw try binaryOpFallbackError(op, a, b, inplace: inplace)
        }
    }

    /// What abstract.c raises once neither operand's number slot took the operation:
    /// PyNumber_Add falls back to the left operand's sq_concat, PyNumber_Multiply to either
    /// operand's sq_repeat (which need an index), everything else is binop_type_error.
    /// Before that, a builtin type whose slot for the operator the engine does not model
    /// (per CPython's recorded `dir()`) is refused: CPython might have taken the operation.
    func binaryOpFallbackError(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef, inplace: Bool) throws -> Error {
        let name = BinaryOp.dunder[op]!
        let reflected = "__r" + name.dropFirst(2)
        let inplaceName = "__i" + name.dropFirst(2)
        for (x, slots) in [(a, inplace ? [name, inplaceName] : [name]), (b, [reflected])] {
            let info = heap.typeInfo(of: x)
            guard !info.isHeapType, !Self.modelsSlot(info.kind, op) else { continue }
            for slot in slots where surface.has(attribute: slot, onType: typeName(x)) {
                return notModelled("\(typeName(x)).\(slot)")
            }
        }
        let sequences: Set<TypeKind> = [.str, .bytes, .list, .tuple]
        let (ka, kb) = (heap.kind(a), heap.kind(b))
        if op == .add, sequences.contains(ka) {
            let other = typeName(b)
            switch ka {
            case .str where profile.strConcatErrorSaysMustBeStr: return error("TypeError", "must be str, not \(other)")
            case .bytes: return error("TypeError", "can't concat \(other) to bytes")
            default: return error("TypeError", "can only concatenate \(typeName(a)) (not \"\(other)\") to \(typeName(a))")
            }
        }
        if op == .mul, sequences.contains(ka) || (!inplace && sequences.contains(kb)) {
            // sequence_repeat: the count must be an index (int or bool here).
            let count = sequences.contains(ka) ? b : a
            return error("TypeError", "can't multiply sequence by non-int of type '\(typeName(count))'")
        }
        let symbol = op == .pow && !(inplace && profile.augmentedPowErrorSaysAssignment)
            ? "** or pow()" : op.rawValue + (inplace ? "=" : "")
        return error("TypeError", "unsupported operand type(s) for \(symbol): '\(typeName(a))' and '\(typeName(b))'")
    }

    /// Whether the engine implements `kind`'s number or sequence slot for `op` completely, so
    /// that every operand it does not handle is one CPython's slot refuses too.
    private static func modelsSlot(_ kind: TypeKind, _ op: BinaryOp) -> Bool {
        switch kind {
        case .int, .bool, .float: return op != .matMul
        case .str, .bytes, .list, .tuple: return op == .add || op == .mul
        case .set, .frozenset: return op == .sub || op == .bitAnd || op == .bitOr || op == .bitXor
        default: return false
        }
    }

    /// a ** e by squaring in machine ints, nil when a step overflows (the BigInt path then
    /// answers): the same value long_pow computes, without its temporaries (which the engine
    /// does not make on either path).
    static func intPower(_ a: Int, _ e: Int) -> Int? {
        var result = 1, base = a, e = e
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: base)
                if o { return nil }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (b, o) = base.multipliedReportingOverflow(by: base)
                if o { return nil }
                base = b
            }
        }
        return result
    }

    private func arithmetic(_ op: BinaryOp, _ x: Num, _ y: Num) throws -> ObjectRef {
        if case .float = x { return try floatArithmetic(op, doubleOf(x), doubleOf(y)) }
        if case .float = y { return try floatArithmetic(op, doubleOf(x), doubleOf(y)) }
        if case .int(let a) = x, case .int(let b) = y, op == .add || op == .sub || op == .mul,
           let digits = longAllocation(op, a, b) {
            // x_add / x_sub / k_mul: the result's block is sized before normalisation.
            let r: BigInt = op == .add ? BigInt(a) + BigInt(b) : op == .sub ? BigInt(a) - BigInt(b) : BigInt(a) * BigInt(b)
            do { return try heap.newInt(r, allocatedDigits: digits) } catch { throw memoryError() }
        }
        if case .int(let a) = x, case .int(let b) = y {
            switch op {
            case .add: let (r, o) = a.addingReportingOverflow(b); if !o { return try newInt(r) }
            case .sub: let (r, o) = a.subtractingReportingOverflow(b); if !o { return try newInt(r) }
            case .mul: let (r, o) = a.multipliedReportingOverflow(by: b); if !o { return try newInt(r) }
            case .bitAnd: return try newInt(a & b)
            case .bitOr: return try newInt(a | b)
            case .bitXor: return try newInt(a ^ b)
            // l_divmod's floor rounding; Int.min // -1 overflows and takes the BigInt path.
            case .floorDiv where b != 0 && !(a == .min && b == -1), .mod where b != 0 && !(a == .min && b == -1):
                var (q, r) = a.quotientAndRemainder(dividingBy: b)
                if r != 0 && ((r < 0) != (b < 0)) { q -= 1; r += b }
                return try newInt(op == .floorDiv ? q : r)
            case .pow where b >= 0:
                if let r = Interpreter.intPower(a, b) { return try newInt(r) }
            default: break
            }
        }
        let a = bigOf(x)!, b = bigOf(y)!
        switch op {
        case .add: return try makeInt(a + b)
        case .sub: return try makeInt(a - b)
        case .mul: return try makeInt(a * b)
        case .floorDiv, .mod:
            if b.isZero {
                throw error("ZeroDivisionError", op == .mod ? "integer modulo by zero" : "integer division or modulo by zero")
            }
            var (q, r) = a.quotientAndRemainder(dividingBy: b)
            if !r.isZero && ((r < 0) != (b < 0)) { q -= 1; r += b }
            return try makeInt(op == .floorDiv ? q : r)
        case .div:
            if b.isZero { throw error("ZeroDivisionError", "division by zero") }
            return try newFloat(trueDivide(a, b))
        case .pow:
            if b < 0 {
                if a.isZero { throw error("ZeroDivisionError", "0.0 cannot be raised to a negative power") }
                return try newFloat(LibM.power(Double(a), Double(b)))
            }
            guard let e = Int(exactly: b), e < 1 << 24 else { throw memoryError() }
            return try makeInt(a.power(e))
        case .lshift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            guard let s = Int(exactly: b), s < 1 << 24 else { throw error("OverflowError", "too many digits in integer") }
            return try makeInt(a << s)
        case .rshift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            guard let s = Int(exactly: b) else { return try makeInt(a < 0 ? -1 : 0) }
            return try makeInt(a >> s)
        case .bitAnd: return try makeInt(a & b)
        case .bitOr: return try makeInt(a | b)
        case .bitXor: return try makeInt(a ^ b)
        case .matMul:
            throw error("TypeError", "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    /// The digits CPython 3.11 allocates for `a op b` when an operand has more than one
    /// digit (long_add/long_sub pick x_add or x_sub by the signs; long_mul uses k_mul);
    /// nil when both are "medium" values, whose results are allocated exactly.
    func longAllocation(_ op: BinaryOp, _ a: Int, _ b: Int) -> Int? {
        let limit = 1 << profile.longDigitBits
        if a > -limit && a < limit && b > -limit && b < limit { return nil }
        let na = IntLayout.digitCount(a, profile), nb = IntLayout.digitCount(b, profile)
        let sameSign = (a < 0) == (b < 0)
        switch op {
        case .add: return sameSign ? max(na, nb) + 1 : max(na, nb)
        case .sub: return sameSign ? max(na, nb) : max(na, nb) + 1
        default: return na + nb
        }
    }

    /// int / int as CPython's long_true_divide: correctly rounded.
    private func trueDivide(_ a: BigInt, _ b: BigInt) -> Double {
        if let x = Int(exactly: a), let y = Int(exactly: b), abs(x) < 1 << 53, abs(y) < 1 << 53 {
            return Double(x) / Double(y)
        }
        return Double(a) / Double(b)
    }

    private func floatArithmetic(_ op: BinaryOp, _ a: Double, _ b: Double) throws -> ObjectRef {
        switch op {
        case .add: return try newFloat(a + b)
        case .sub: return try newFloat(a - b)
        case .mul: return try newFloat(a * b)
        case .div:
            if b == 0 { throw error("ZeroDivisionError", "float division by zero") }
            return try newFloat(a / b)
        case .floorDiv, .mod:
            if b == 0 { throw error("ZeroDivisionError", op == .mod ? "float modulo" : "float floor division by zero") }
            let (floordiv, m) = floatDivmod(a, b)
            return try newFloat(op == .mod ? m : floordiv)
        case .pow:
            if a == 0 && b < 0 { throw error("ZeroDivisionError", "0.0 cannot be raised to a negative power") }
            return try newFloat(LibM.power(a, b))
        default:
            throw error("TypeError", "unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    /// float_divmod's floor quotient and modulo (b != 0): `(a - fmod(a, b)) / b`, corrected
    /// towards the modulo's sign rule, with the signed zeros of floatobject.c.
    func floatDivmod(_ a: Double, _ b: Double) -> (floordiv: Double, mod: Double) {
        var m = a.truncatingRemainder(dividingBy: b)   // C fmod
        var div = (a - m) / b
        if m != 0 { if (b < 0) != (m < 0) { m += b; div -= 1 } } else { m = Double(signOf: b, magnitudeOf: 0) }
        var floordiv = div.rounded(.down)
        if div - floordiv > 0.5 { floordiv += 1 }
        if div == 0 { floordiv = Double(signOf: a / b, magnitudeOf: 0) }
        return (floordiv, m)
    }

    /// Where pymalloc puts an object depends on which blocks CPython's start-up, its compiler
    /// (between statements at the prompt) and its free lists left in each pool, which the
    /// engine does not model one for one. So the distance between two objects' addresses,
    /// and their order, are not the engine's to answer: measured, `a = [1]; b = [2];
    /// print(id(b) - id(a))` as a script gives -192 on 3.8.18 and 1920 on 3.12.1 (the same in
    /// every run), the engine's heap 64. Arithmetic and ordering between two `id()` ints of
    /// different objects are refused; `==`, `is`, reuse (`id(y) == old`, followed by
    /// Heap+AddressCertainty.swift) and one id's own arithmetic (`id(x) % 16`) stay exact.
    /// The book's sessions answer from the engine's heap (`engineAddressDistances`).
    func refuseAddressDistance(_ a: ObjectRef, _ b: ObjectRef, _ what: String) throws {
        guard !engineAddressDistances, heap.hasIdInts, heap.isIdInt(a), heap.isIdInt(b) else { return }
        if case .int(let x) = heap.payload[Int(a)], case .int(let y) = heap.payload[Int(b)], x == y { return }
        throw notModelled(what, because: "where CPython places an object depends on which blocks its start-up, its compiler "
                          + "and its free lists left in each pool, which heapbook does not model one for one "
                          + "(`==` and `is` between ids stay exact)")
    }

    // MARK: - Comparison

    func compare(_ op: CompareOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        switch op {
        case .is: return heap.newBool(a == b)
        case .isNot: return heap.newBool(a != b)
        case .in, .notIn:
            if let why = heap.identityLookupUncertainty(a) { throw notModelled("`in` with this id", because: why) }
            let found = try contains(b, a)
            return heap.newBool(op == .in ? found : !found)
        case .eq, .ne, .lt, .le, .gt, .ge:
            if let r = try unplacedIdComparison(op, a, b) { return r }
            if let why = heap.identityComparisonUncertainty(a, b) { throw notModelled("comparing these ids", because: why) }
            if op != .eq && op != .ne { try refuseAddressDistance(a, b, "ordering the ids of two objects") }
            if heap.isWeakProxy(a) || heap.isWeakProxy(b) { return try weakProxyCompare(op, a, b) }
            try refuseDequeOperand(a, "comparing a deque"); try refuseDequeOperand(b, "comparing a deque")
            try refuseMappingProxyOperand(a, "comparing a mappingproxy"); try refuseMappingProxyOperand(b, "comparing a mappingproxy")
            if op != .eq && op != .ne {
                try refuseByteArrayOperand(a, "ordering a bytearray"); try refuseByteArrayOperand(b, "ordering a bytearray")
                try refuseMemoryViewOperand(a, "ordering a memoryview"); try refuseMemoryViewOperand(b, "ordering a memoryview")
            }
            if let r = try genericAliasCompare(op, a, b) { return r }
            // COMPARE_OP pushes what a class's method returned, bool or not.
            if try comparesInPython(a, b) { return try richCompare(op, a, b) }
            if let r = try arrayCompare(op, a, b) { return heap.newBool(r) }
            if op != .eq && op != .ne, heap.kind(a) == heap.kind(b), heap.kind(a) == .list || heap.kind(a) == .tuple {
                return try sequenceOrder(op, a, b)
            }
            switch op {
            case .eq: return heap.newBool(try valuesEqual(a, b))
            case .ne: return heap.newBool(!(try valuesEqual(a, b)))
            default: return heap.newBool(try ordered(op, a, b))
            }
        }
    }

    /// PyObject_RichCompareBool(x, y, Py_EQ) for two items of a list or tuple comparison or
    /// search: identity first, then the comparison. 3.8+ lists hold the item(s) for the call
    /// (Py_INCREF in list_contains, list_richcompare, listindex, list_count, list_remove, a
    /// `__eq__` could drop them): `sys.getrefcount(self)` in `__eq__` for `[c].index(a)` is
    /// 5 on 3.6.15 (whose bound method holds one) and on 3.8.18-3.13.0, where `(c,).index(a)`
    /// shows 4.
    /// `held` are the list's items among x and y.
    func itemsEqual(_ x: ObjectRef, _ y: ObjectRef, held: [ObjectRef] = []) throws -> Bool {
        if x == y { return true }
        let hold = profile.minor >= 8 ? held : []
        hold.forEach(heap.incref)
        defer { hold.reversed().forEach(heap.decref) }
        return try valuesEqual(x, y)
    }

    /// list_richcompare / tuplerichcompare: the first index where the items differ, the sizes
    /// read again for each item (a class's `__eq__` may change a list).
    private func firstDifference(_ a: ObjectRef, _ b: ObjectRef) throws -> Int {
        let inList = heap.kind(a) == .list
        var i = 0
        while let s = sequenceItems(a), let t = sequenceItems(b), i < s.count, i < t.count {
            if !(try itemsEqual(s[i], t[i], held: inList ? [s[i], t[i]] : [])) { return i }
            i += 1
        }
        return i
    }

    /// An ordering of two lists or two tuples (a new reference): the sizes decide when no
    /// items differ, else PyObject_RichCompare of the first differing pair, returned as
    /// its method returned it.
    private func sequenceOrder(_ op: CompareOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        try nestedComparison {
            let i = try firstDifference(a, b)
            let s = sequenceItems(a)!, t = sequenceItems(b)!
            if i >= s.count || i >= t.count {
                let c = s.count < t.count ? -1 : (s.count == t.count ? 0 : 1)
                switch op {
                case .lt: return heap.newBool(c < 0)
                case .le: return heap.newBool(c <= 0)
                case .gt: return heap.newBool(c > 0)
                default: return heap.newBool(c >= 0)
                }
            }
            return try compare(op, s[i], t[i])
        }
    }

    func valuesEqual(_ a: ObjectRef, _ b: ObjectRef) throws -> Bool {
        // Two id() values, or two strs spelled alike from them, compare exactly while their
        // objects live; anything else about them is refused (UnplacedIds.swift).
        if a != b, let same = try unplacedIdsEqual(a, b) { return same }
        // A phantom start-up object is only counted and compared by identity (GCModule.swift).
        if a != b { try refuseStartupObject(a); try refuseStartupObject(b) }
        if a != b { try refuseDequeOperand(a, "comparing a deque"); try refuseDequeOperand(b, "comparing a deque") }
        if a != b { try refuseMappingProxyOperand(a, "comparing a mappingproxy"); try refuseMappingProxyOperand(b, "comparing a mappingproxy") }
        // ga_richcompare (GenericAliasObject.swift).
        if a != b, let r = try genericAliasCompare(.eq, a, b) { heap.decref(r); return r == heap.trueRef }
        if a != b, heap.isWeakProxy(a) || heap.isWeakProxy(b) {
            let r = try weakProxyCompare(.eq, a, b)
            defer { heap.decref(r) }
            return try isTrue(r)
        }
        if try comparesInPython(a, b) { return try richCompareTruth(.eq, a, b) }
        if let x = number(a), let y = number(b) {
            switch (x, y) {
            case (.int(let p), .int(let q)): return p == q
            case (.float, _), (_, .float): return doubleOf(x) == doubleOf(y)
            default: return bigOf(x) == bigOf(y)
            }
        }
        // Before identity: a complex holding a NaN is not equal to itself.
        if let e = try complexEquals(a, b) { return e }
        if let e = try memoryViewEquals(a, b) { return e }
        if a == b { return true }
        if let e = byteArrayEquals(a, b) { return e }
        if let e = try arrayCompare(.eq, a, b) { return e }
        // wrapper_richcompare compares descriptor and self: `x.__len__ == x.__len__` is True.
        if heap.methodWrapper(a) != nil || heap.methodWrapper(b) != nil { throw notModelled("method-wrapper comparison") }
        switch (heap.payload[Int(a)], heap.payload[Int(b)]) {
        case (.str(let s), .str(let t)): return s.value == t.value
        case (.bytes(let s), .bytes(let t)): return s == t
        case (.tuple, .tuple), (.list, .list):
            // list_richcompare answers a size difference at once; tuplerichcompare compares
            // the items first (`(a,) == (b, c)` calls a's `__eq__`).
            if heap.kind(a) == .list && sequenceItems(a)!.count != sequenceItems(b)!.count { return false }
            return try nestedComparison {
                let i = try firstDifference(a, b)
                let s = sequenceItems(a)!, t = sequenceItems(b)!
                return i >= s.count && i >= t.count
            }
        case (.dict(let sObject), .dict(let tObject)): let s = sObject.storage, t = tObject.storage
            guard s.count == t.count else { return false }
            try refuseUserKeys(s.items.map { $0.key }, "comparing dicts")
            let equal = try nestedComparison {
                for (k, v) in s.items {
                    guard let w = try dictGet(b, k) else { return false }
                    if v == w { continue }
                    // dict_equal holds the values (and key) for the call: not modelled.
                    if try comparesInPython(v, w) { throw notModelled("comparing dicts whose values have comparison methods of a class") }
                    if !(try valuesEqual(v, w)) { return false }
                }
                return true
            }
            // odict_richcompare: dict equality, then (two OrderedDicts) the keys in order.
            if equal && heap.isOrderedDict(a) && heap.isOrderedDict(b) { return try orderedDictKeysEqual(a, b) }
            return equal
        case (.set(let sObject), .set(let tObject)): let s = sObject.storage, t = tObject.storage
            guard s.count == t.count else { return false }
            try refuseUserKeys(s.elements, "comparing sets")
            for k in s.elements where !(try setContains(b, k)) { return false }
            return true
        case (.weakref(let s), .weakref(let t)):
            // weakref_richcompare: two live references compare their referents; if either
            // referent is gone, they are equal only when they are the same reference.
            guard let x = s.referent, let y = t.referent else { return false }
            return try valuesEqual(x, y)
        case (.range(let s), .range(let t)):
            return s.count == t.count && (s.count == 0 || (s.start == t.start && (s.count == 1 || s.step == t.step)))
        case (.method(let f, let s), .method(let g, let t)):
            // method_richcompare: the functions compare equal (functions by identity), then
            // the selves: by identity from 3.8, by == before (3.6.15: `c.m == d.m` asks
            // `c == d`).
            guard f == g else { return false }
            return profile.minor < 8 ? try valuesEqual(s, t) : s == t
        case (.builtin(let x), .builtin(let y)):
            // meth_richcompare: the same self (by identity) and the same C function.
            return x.selfRef == y.selfRef && x.id == y.id
        default:
            // Types whose tp_richcompare compares contents, which the engine does not model:
            // anything else here compares by identity (object_richcompare).
            for r in [a, b] where Interpreter.contentComparedKinds.contains(heap.kind(r)) {
                throw notModelled("== of \(typeName(r)) objects")
            }
            return false
        }
    }

    /// cell_richcompare, code_richcompare, slice_richcompare and dictview_richcompare (keys
    /// and items views compare as sets, with sets too).
    static let contentComparedKinds: Set<TypeKind> = [.cell, .code, .slice, .dictKeys, .dictItems]

    /// Py_EnterRecursiveCall(" in comparison"): comparing containers recurses into their
    /// items, bounded by the recursion limit like calls. `a = [a]; b = [b]; a == b` raises
    /// RecursionError on 3.6.15-3.13.0 (and must not overflow the engine's own stack).
    func nestedComparison<T>(_ body: () throws -> T) throws -> T {
        try checkRecursionDepth(" in comparison")
        depth += 1
        defer { depth -= 1 }
        return try body()
    }

    func ordered(_ op: CompareOp, _ a: ObjectRef, _ b: ObjectRef) throws -> Bool {
        try refuseStartupObject(a); try refuseStartupObject(b)
        try refuseMappingProxyOperand(a, "comparing a mappingproxy"); try refuseMappingProxyOperand(b, "comparing a mappingproxy")
        if heap.isWeakProxy(a) || heap.isWeakProxy(b) {
            let r = try weakProxyCompare(op, a, b)
            defer { heap.decref(r) }
            return try isTrue(r)
        }
        try refuseByteArrayOperand(a, "ordering a bytearray"); try refuseByteArrayOperand(b, "ordering a bytearray")
        try refuseMemoryViewOperand(a, "ordering a memoryview"); try refuseMemoryViewOperand(b, "ordering a memoryview")
        if try comparesInPython(a, b) { return try richCompareTruth(op, a, b) }
        if let r = try arrayCompare(op, a, b) { return r }
        func result(_ c: Int) -> Bool {
            switch op { case .lt: return c < 0; case .le: return c <= 0; case .gt: return c > 0; default: return c >= 0 }
        }
        if let x = number(a), let y = number(b) {
            switch (x, y) {
            case (.int(let p), .int(let q)): return result(p < q ? -1 : (p == q ? 0 : 1))
            case (.float, _), (_, .float):
                let p = doubleOf(x), q = doubleOf(y)
                if p.isNaN || q.isNaN { return false }
                return result(p < q ? -1 : (p == q ? 0 : 1))
            default:
                let p = bigOf(x)!, q = bigOf(y)!
                return result(p < q ? -1 : (p == q ? 0 : 1))
            }
        }
        switch (heap.payload[Int(a)], heap.payload[Int(b)]) {
        case (.str(let s), .str(let t)):
            let p = Array(s.value.unicodeScalars.map({ $0.value })), q = Array(t.value.unicodeScalars.map({ $0.value }))
            return result(p.lexicographicallyPrecedes(q) ? -1 : (p == q ? 0 : 1))
        case (.bytes(let s), .bytes(let t)):
            return result(s.lexicographicallyPrecedes(t) ? -1 : (s == t ? 0 : 1))
        case (.tuple, .tuple), (.list, .list):
            if heap.kind(a) == heap.kind(b) {
                let r = try sequenceOrder(op, a, b)
                defer { heap.decref(r) }
                return try isTrue(r)
            }
        case (.set(let sObject), .set(let tObject)): let s = sObject.storage, t = tObject.storage
            try refuseUserKeys(s.elements + t.elements, "comparing sets")
            let sub = try s.elements.allSatisfy { try setContains(b, $0) }
            let sup = try t.elements.allSatisfy { try setContains(a, $0) }
            switch op {
            case .le: return sub
            case .lt: return sub && s.count < t.count
            case .ge: return sup
            default: return sup && s.count > t.count
            }
        default: break
        }
        // dictview_richcompare orders keys and items views against sets and views as
        // subsets: not modelled (with anything else it returns NotImplemented, as here).
        let views: Set<TypeKind> = [.dictKeys, .dictItems], sets: Set<TypeKind> = [.set, .frozenset]
        let (ka, kb) = (heap.kind(a), heap.kind(b))
        if views.contains(ka) && (views.contains(kb) || sets.contains(kb)) || views.contains(kb) && sets.contains(ka) {
            throw notModelled("ordering a \(typeName(views.contains(ka) ? a : b)) view")
        }
        throw error("TypeError", "'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
    }

    func contains(_ container: ObjectRef, _ item: ObjectRef) throws -> Bool {
        // `x in s` reads the text of a str spelled from an id() value; `id(x) in range(n)`
        // and `'0x' in s` read the value (UnplacedIds.swift). A list's or tuple's items are
        // compared with `valuesEqual`, a dict's or set's hashed, which decide for themselves.
        try refuseUnplacedId(container, "`in` over")
        try refuseGenericAlias(container, "`in` over")
        if heap.kind(container) == .str || heap.kind(container) == .range { try refuseUnplacedId(item, "`in` with") }
        // proxy_contains: PySequence_Contains(referent, item), the item as it is.
        if heap.isWeakProxy(container) { return try withProxyReferent(container) { try contains($0, item) } }
        if let dq = heap.deque(container) { return try dequeContains(dq, item) }
        if let ba = heap.byteArray(container) { return try byteArrayContains(ba, item) }
        try refuseMemoryViewOperand(container, "`in` a memoryview")
        if let a = heap.array(container) { return try arrayContains(a, item) }
        // mappingproxy_contains: PyDict_Contains for a dict.
        if let d = mappingProxyTarget(container) { return try contains(d, item) }
        switch heap.payload[Int(container)] {
        case .str(let s):
            guard case .str(let t) = heap.payload[Int(item)] else {
                throw error("TypeError", "'in <string>' requires string as left operand, not \(typeName(item))")
            }
            return t.value.isEmpty || s.value.contains(t.value)
        case .dict: return try dictGet(container, item) != nil
        case .set: return try setContains(container, item)
        case .range(let rv):
            guard case .int(let v) = heap.payload[Int(item)] else { return false }
            if rv.step > 0 { return v >= rv.start && v < rv.stop && (v - rv.start) % rv.step == 0 }
            return v <= rv.start && v > rv.stop && (rv.start - v) % (-rv.step) == 0
        case .tuple, .list:
            // list_contains / tuplecontains: the item searched for on the left up to 3.8
            // (`PyObject_RichCompareBool(el, item)`), the container's item from 3.11 (a's
            // `__eq__` runs for `a in [c]` on 3.6.15 and 3.8.18, c's on 3.11.7-3.13.0).
            let inList = heap.kind(container) == .list
            var i = 0
            while let items = sequenceItems(container), i < items.count {
                let x = items[i]
                let held = inList ? [x] : []
                if try profile.minor >= 11 ? itemsEqual(x, item, held: held) : itemsEqual(item, x, held: held) { return true }
                i += 1
            }
            return false
        case .bytes(let b):
            return try bytesContains(b, item)
        case .cell(let d?) where dictView(container) != nil:
            if dictView(container)!.kind == .dictKeys { return try dictGet(d, item) != nil }
            let items = try iterateToArray(container)
            defer { items.forEach(heap.decref) }
            // dictitems_contains looks the key up and compares the value; the values view
            // iterates: neither is modelled where a class's `__eq__` would run.
            func comparesInPython(_ r: ObjectRef) throws -> Bool {
                try hasSlotRichCompare(r) || (sequenceItems(r)?.contains { try hasSlotRichCompare($0) } ?? false)
            }
            if try comparesInPython(item) || items.contains(where: comparesInPython) {
                throw notModelled("'in' of a dict view with objects that have comparison methods of a class")
            }
            for x in items where try x == item || valuesEqual(x, item) { return true }
            return false
        case .instance:
            // slot_sq_contains: `__contains__`'s result through PyObject_IsTrue, after the
            // call (3.6.15 packs the item into a tuple first, freed before the truth test).
            if let m = try lookupSpecial(container, "__contains__") {
                let res = try callSpecial(m, container, [item])
                defer { heap.decref(res) }
                return try isTrue(res)
            }
            // Without it, _PySequence_IterSearch iterates the object: not modelled.
            try refuseSequenceIteration(container)
            if try lookupSpecial(container, "__iter__") != nil {
                throw notModelled("'in' of a '\(typeName(container))' object through __iter__", because: "_PySequence_IterSearch is not modelled")
            }
            throw error("TypeError", "argument of type '\(typeName(container))' is not iterable")
        case .iterator, .native(_ as ItertoolsObject), .native(_ as GenObject):
            // An iterator has no sq_contains: _PySequence_IterSearch consumes it, which is
            // not modelled (`1 in iter([1])` is True, not a TypeError).
            throw notModelled("'in' of a '\(typeName(container))' object", because: "_PySequence_IterSearch is not modelled")
        default:
            throw error("TypeError", "argument of type '\(typeName(container))' is not iterable")
        }
    }
}

extension Interpreter {
    /// The items of a tuple or list (borrowed), nil for other objects.
    func sequenceItems(_ r: ObjectRef) -> [ObjectRef]? {
        switch heap.payload[Int(r)] {
        case .tuple(let t): return t
        case .list(let l): return l.items
        default: return nil
        }
    }
}

extension BinaryOp {
    static let dunder: [BinaryOp: String] = [
        .add: "__add__", .sub: "__sub__", .mul: "__mul__", .div: "__truediv__", .floorDiv: "__floordiv__",
        .mod: "__mod__", .pow: "__pow__", .lshift: "__lshift__", .rshift: "__rshift__",
        .bitAnd: "__and__", .bitOr: "__or__", .bitXor: "__xor__", .matMul: "__matmul__",
    ]
}
