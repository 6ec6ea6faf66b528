import HeapEngine
import BigInt

/// A constant's identity for merging, like `_PyCode_ConstantKey`: the type is part of
/// the key (1, 1.0 and True stay distinct), and -0.0 differs from 0.0.
indirect enum ConstKey: Hashable {
    case int(Int), bigInt(BigInt), float(UInt64), complex(UInt64, UInt64), str(String), bytes([UInt8])
    case bool(Bool), none, ellipsis, tuple([ConstKey])
    /// A code object is its own key (code_richcompare compares contents; the subset never
    /// makes two equal ones in one compilation).
    case code(ObjectRef)
}

/// Constants: literals become objects at "parse" time (kept by the arena), are folded as
/// Python/ast_opt.c folds them, and are merged through the compilation unit's cache.
extension Compiler {
    /// Records a parser-created object in the arena (it keeps that reference).
    func literal(_ r: ObjectRef) -> ObjectRef {
        arena.append(r)
        return r
    }

    /// The object of a number literal, which the arena keeps once per object CPython's parser
    /// made for the token (`NumberTokenParses`, `Profile.pegParserNumberObjects`). For a small
    /// int those are all the one shared object. Any other number's extra objects are garbage
    /// only the arena holds (the Constant node keeps the first `primary` made); the engine does
    /// not make them (divergence: they take memory that only pymalloc's statistics show).
    private func numberLiteral(_ e: Expr, _ r: ObjectRef) -> ObjectRef {
        let r = literal(r)
        if interp.profile.pegParserNumberObjects, let parses = numberParses, heap.isStatic(r) {
            for _ in 1..<parses.objectsMade(at: e.span) {
                heap.incref(r)
                arena.append(r)
            }
        }
        return r
    }

    /// The shared objects among the arena's literals whose arena references the engine does
    /// not know (`Profile.parserArenaLiteralsVary`): all of them where the parse is not
    /// known, else all but the small ints (`numberLiteral`).
    func literalsOfUnknownCount() -> Set<ObjectRef> {
        Set(arena.filter { r in
            guard heap.isStatic(r) else { return false }
            guard numberParses != nil, heap.kind(r) == .int, case .int(let v) = heap.payload[Int(r)] else { return true }
            return heap.cachedSmallInt(v) != r
        })
    }

    /// A constant the compiler makes itself (ADDOP_LOAD_CONST_NEW), not the parser: the
    /// code's consts keep it and no arena does, so while the statement runs only the code
    /// holds it (3.8.18: `import gc; sys.getrefcount(0)` counts the level 0 once).
    func compilerConst(_ r: ObjectRef) -> ObjectRef {
        let c = addConst(r)
        heap.decref(r)
        return c
    }

    func constKey(_ r: ObjectRef) -> ConstKey? {
        switch heap.payload[Int(r)] {
        case .int(let v): return heap.kind(r) == .bool ? .bool(v != 0) : .int(v)
        case .bigInt(let v): return .bigInt(v)
        case .float(let d): return .float(d.bitPattern)
        case .str(let s): return .str(s.value)
        case .bytes(let b): return .bytes(b)
        case .tuple(let items):
            var keys: [ConstKey] = []
            for i in items { guard let k = constKey(i) else { return nil }; keys.append(k) }
            return .tuple(keys)
        case .native(let o) where o is CodeObject: return .code(r)
        case .native(let o as ComplexObject): return .complex(o.real.bitPattern, o.imag.bitPattern)
        case .empty:
            if r == heap.none { return ConstKey.none }   // not `.none`: that is Optional.none
            if r == heap.ellipsis { return ConstKey.ellipsis }
            return nil
        default: return nil
        }
    }

    /// The unit's canonical object equal to `r` (merge_consts_recursive): the first one
    /// seen wins, later equal constants are replaced by it.
    func canonical(_ r: ObjectRef) -> ObjectRef {
        if unmergedConstants.contains(r) { return r }
        guard let key = constKey(r) else { return r }
        let keyTuples = makeKeyTuples(for: r)
        if let c = constCache[key] {
            heap.releaseWorkingSet(keyTuples)
            return c
        }
        // The key stays in c_const_cache until the compilation ends.
        workingSet += keyTuples
        heap.incref(r)
        constCache[key] = r
        return r
    }

    /// The tuples `_PyCode_ConstantKey` makes for `r`: `(type, value)` for a float, bool or
    /// bytes, and for a tuple the tuple of its items' keys plus `(keys, tuple)`. Ints, strs,
    /// None and code objects are their own keys.
    private func makeKeyTuples(for r: ObjectRef) -> [ObjectRef] {
        heap.takeFromFreeLists(FreeListCounts(tuples: keyTupleLengths(r).reduce(into: []) { counts, n in
            if counts.count <= n { counts += Array(repeating: 0, count: n + 1 - counts.count) }
            counts[n] += 1
        }))
    }

    private func keyTupleLengths(_ r: ObjectRef) -> [Int] {
        switch heap.payload[Int(r)] {
        case .float(let d): return [d == 0 && d.sign == .minus ? 3 : 2]
        case .int where heap.kind(r) == .bool: return [2]
        case .bytes: return [2]
        // (type, value) plus a tag (True, False or None) when a part is -0.0.
        case .native(let o as ComplexObject):
            return [(o.real == 0 && o.real.sign == .minus) || (o.imag == 0 && o.imag.sign == .minus) ? 3 : 2]
        case .tuple(let items): return [items.count] + items.flatMap(keyTupleLengths) + [2]
        default: return []
        }
    }

    /// Adds a constant to the current code object's co_consts; returns the object used.
    func addConst(_ r: ObjectRef, to target: CodeObject? = nil) -> ObjectRef {
        let code = target ?? emittingCode
        let c = canonical(r)
        if peepholeFolds.contains(c) { code.peepholeFolded = true }
        if !code.consts.contains(c) {
            heap.incref(c)
            code.consts.append(c)
        }
        code.constUses[c, default: 0] += 1
        return c
    }

    /// Returns the constant an expression folds to (a reference owned by the arena), or
    /// nil when it is not constant.
    func foldConstant(_ e: Expr) throws -> ObjectRef? {
        if let done = foldedNodes[e.span]?.first(where: { $0.0 == e }) { return done.1 }
        let r = try foldConstantExpr(e)
        foldedNodes[e.span, default: []].append((e, r))
        if let r, !interp.profile.mergesFoldedConstants {
            switch e.kind {
            case .unary, .binary, .subscript, .tuple:
                unmergedConstants.insert(r)
                peepholeFolds.insert(r)
                markPeepholeLeftovers(e)
                // 3.6.15's peephole optimizer appends the folded constant to the consts list,
                // not to the parser's arena, so CPython counts one reference fewer than the
                // engine does (`sys.getrefcount(1 + 2j)`, `sys.getrefcount(100000 + 1)`,
                // `-1.5`, `(1, 2)`: 2 on 3.6.15, 3 on 3.8.18+). Not modelled: a folded
                // constant's count is refused while the statement runs (afterwards only
                // co_consts holds it, as in CPython).
                interp.peepholeFoldedConstants.insert(r)
            default: break
            }
        }
        return r
    }

    /// 3.6's peephole optimizer appends a folded constant to co_consts and leaves the
    /// operands it folded there (`-7` keeps 7, `(1, 2)` keeps 1 and 2), which the engine does
    /// not model: a shared object among them (a small int, a one-character str, None...)
    /// gets references the engine does not count, so its count is refused from here on.
    private func markPeepholeLeftovers(_ e: Expr) {
        switch e.kind {
        case .unary(_, let x): markPeepholeLeftover(x)
        case .binary(_, let a, let b): markPeepholeLeftover(a); markPeepholeLeftover(b)
        case .subscript(let a, let b): markPeepholeLeftover(a); markPeepholeLeftover(b)
        case .tuple(let items): items.forEach(markPeepholeLeftover)
        default: break
        }
    }

    private func markPeepholeLeftover(_ e: Expr) {
        let heap = interp.heap
        switch e.kind {
        case .int(let v): if let r = heap.cachedSmallInt(v) { heap.markUnmodelledCount(r) }
        case .string(let s):
            if let r = heap.cachedLatin1Str(s) { heap.markUnmodelledCount(r) }
            if let r = heap.interned[s] { heap.markUnmodelledCount(r) }
        case .bool(let b): heap.markUnmodelledCount(b ? heap.trueRef : heap.falseRef)
        case .none: heap.markUnmodelledCount(heap.none)
        case .ellipsis: heap.markUnmodelledCount(heap.ellipsis)
        default: markPeepholeLeftovers(e)
        }
    }

    /// One folding operation; nil when it raised. A Python error is released, as
    /// fold_binop/fold_unaryop/fold_subscr (Python/ast_opt.c) clear it with PyErr_Clear:
    /// `1/0` makes and frees its ZeroDivisionError at compile time.
    private func attemptFold(_ op: () throws -> ObjectRef) -> ObjectRef? {
        do { return try op() } catch let e as PyException {
            interp.releaseException(e)
            return nil
        } catch {
            return nil
        }
    }

    private func foldConstantExpr(_ e: Expr) throws -> ObjectRef? {
        switch e.kind {
        case .int(let v): return numberLiteral(e, try interp.newInt(v))
        case .bigInt(let v): return numberLiteral(e, try interp.newBigInt(v))
        case .float(let v): return numberLiteral(e, try interp.newFloat(v))
        case .imaginary(let v): return numberLiteral(e, try heap.newComplex(real: 0, imag: v))
        case .string(let s):
            let r = literal(try interp.newStr(s))
            // Identifier-like string constants are interned (intern_string_constants).
            if StrLayout.isInternedConstant(s) { return internConstant(r) }
            return r
        case .bytes(let b): return literal(try interp.newBytes(b))
        // The parser takes no reference to these singletons (Constant(Py_True) etc.: ast.c and
        // pegen add only the numbers and strings they parse to the arena): borrowed, which
        // is safe as static objects are never freed.
        case .bool(let b): return b ? heap.trueRef : heap.falseRef
        case .none: return heap.none
        case .ellipsis: return heap.ellipsis
        case .unary(.not, let operand) where interp.profile.mergesFoldedConstants:
            // fold_unaryop's unary_not (ast_opt, 3.7+): the bool PyBool_FromLong gives, kept
            // by the arena (make_const). `x = not 10` leaves 10 out of co_consts (3.8.18).
            // 3.6's peephole optimizer folds no UNARY_NOT.
            guard let v = try foldConstant(operand) else { return nil }
            guard let truth = attemptFold({ try interp.isTrue(v) ? heap.falseRef : heap.trueRef }) else { return nil }
            heap.incref(truth)
            return literal(truth)
        case .unary(let op, let operand) where op != .not:
            guard let v = try foldConstant(operand) else { return nil }
            guard isNumber(v) else { return nil }
            guard let r = attemptFold({ try interp.unaryOp(op, v) }) else { return nil }
            return literal(r)
        case .binary(let op, let lhs, let rhs):
            guard let a = try foldConstant(lhs), let b = try foldConstant(rhs) else { return nil }
            guard foldIsSafe(op, a, b) else { return nil }
            guard let r = attemptFold({ try interp.binaryOp(op, a, b) }) else { return nil }
            if case .str(let s) = heap.payload[Int(r)], StrLayout.isInternedConstant(s.value) {
                return internConstant(literal(r))
            }
            return literal(r)
        case .subscript(let value, let index):
            // fold_subscr (ast_opt.c; the peephole optimizer before 3.7): a constant indexed
            // by a constant. `'a\u0100'[1] is '\u0100a'[0]` is True on 3.8.18-3.13.0: both
            // fold to equal constants, merged in co_consts.
            guard let v = try foldConstant(value), let i = try foldConstant(index) else { return nil }
            guard case .int = heap.payload[Int(i)] else { return nil }
            switch heap.payload[Int(v)] {
            case .str, .tuple, .bytes: break
            default: return nil
            }
            guard let r = attemptFold({ try interp.getItem(v, i) }) else { return nil }
            // A folded str is a constant like any other: interned when made of name
            // characters, so `'xa'[1]` is the interned 'a' (on 3.11.7 not the latin-1
            // singleton that `s[1]` returns at run time).
            if case .str(let s) = heap.payload[Int(r)], StrLayout.isInternedConstant(s.value) {
                return internConstant(literal(r))
            }
            return literal(r)
        case .tuple(let elements):
            var items: [ObjectRef] = []
            for el in elements {
                guard let c = try foldConstant(el) else { return nil }
                items.append(c)
            }
            let merged = items.map { item -> ObjectRef in
                let c = canonical(item)
                heap.incref(c)
                return c
            }
            return literal(try interp.newTuple(merged))
        default:
            return nil
        }
    }

    /// A string constant made into its interned twin; the arena keeps the parser's object
    /// (which is the interned one only when no equal string was interned before). Returns a
    /// borrowed reference, like the parser's object itself: co_consts takes its own.
    /// `s = 'zqxw'; t = s; sys.getrefcount('zqxw')` is 4 on 3.11.7 and 3.13.0 (s, t,
    /// co_consts, the argument), not 5.
    private func internConstant(_ r: ObjectRef) -> ObjectRef {
        heap.incref(r)
        let interned = heap.intern(r)
        heap.decref(interned)   // the intern() reference; the object stays alive through others
        return interned
    }

    private func isNumber(_ r: ObjectRef) -> Bool {
        switch heap.payload[Int(r)] {
        case .int, .bigInt, .float: return true
        default: return heap.complexValue(r) != nil
        }
    }

    /// safe_multiply / safe_power / safe_lshift / safe_mod (Python/ast_opt.c 3.7+, and 3.6.15's
    /// Python/peephole.c, which has them since bpo-30416): a fold that would make a big int,
    /// str or tuple is left to run time. Only the sizes differ by version (Profile.foldMax*).
    /// Measured (co_consts of one function, 3.8.18 = 3.11.7 = 3.13.0): `'a'*4000 + 'b'*4000`
    /// and `(1,)*256` fold, `'c'*4097`, `(1,)*257`, `2**64 * 2**64`, `3**81`, `1<<128` do not.
    private func foldIsSafe(_ op: BinaryOp, _ a: ObjectRef, _ b: ObjectRef) -> Bool {
        // safe_mod: never a str or bytes %-format.
        if op == .mod, heap.kind(a) == .str || heap.kind(a) == .bytes { return false }
        // A complex with a number: + - * / fold (the others raise, or are refused, at run time).
        if heap.complexValue(a) != nil || heap.complexValue(b) != nil {
            return isNumber(a) && isNumber(b) && (op == .add || op == .sub || op == .mul || op == .div)
        }
        switch (heap.payload[Int(a)], heap.payload[Int(b)]) {
        case (.int, .int), (.int, .float), (.float, .int), (.float, .float), (.bigInt, _), (_, .bigInt):
            switch op {
            case .matMul: return false
            case .mul:
                // Both non-zero ints: at most MAX_INT_SIZE bits between them.
                guard let v = numBits(a), let w = numBits(b), v != 0, w != 0 else { return true }
                return v + w <= Compiler.foldMaxIntBits
            case .pow:
                // Both non-zero, the exponent positive: at most MAX_INT_SIZE bits in the result
                // (an exponent beyond an Int exceeds it for any base).
                guard let v = numBits(a), v != 0, isPositiveInt(b) else { return true }
                guard case .int(let e) = heap.payload[Int(b)] else { return false }
                return v <= Compiler.foldMaxIntBits / e
            case .lshift:
                guard let v = numBits(a), v != 0, let w = numBits(b), w != 0 else { return true }
                // PyLong_AsSize_t fails on a negative or huge count: not folded.
                guard case .int(let n) = heap.payload[Int(b)], n > 0 else { return false }
                return n <= Compiler.foldMaxIntBits && v <= Compiler.foldMaxIntBits - n
            default: return true
            }
        case (.str, .str), (.bytes, .bytes), (.tuple, .tuple): return op == .add
        case (.str, .int), (.bytes, .int), (.tuple, .int): return op == .mul && safeMultiply(sequence: a, count: b)
        case (.int, .str), (.int, .bytes), (.int, .tuple): return op == .mul && safeMultiply(sequence: b, count: a)
        default: return false
        }
    }

    /// MAX_INT_SIZE (bits) and MAX_TOTAL_ITEMS (including nested tuples), the same in
    /// ast_opt.c (3.8-3.13) and 3.6.15's peephole.c.
    static let foldMaxIntBits = 128
    static let foldMaxTotalItems = 1024

    /// safe_multiply's sequence case: `count` copies of a non-empty sequence fold only up to
    /// MAX_STR_SIZE characters or MAX_COLLECTION_SIZE items, and a tuple's nested items
    /// (check_complexity) up to MAX_TOTAL_ITEMS / count.
    private func safeMultiply(sequence s: ObjectRef, count c: ObjectRef) -> Bool {
        guard case .int(let n) = heap.payload[Int(c)] else { return false }
        let size: Int, limit: Int
        switch heap.payload[Int(s)] {
        case .str(let v): size = v.count; limit = interp.profile.foldMaxStrSize
        case .bytes(let v): size = v.count; limit = interp.profile.foldMaxStrSize
        case .tuple(let v): size = v.count; limit = interp.profile.foldMaxCollectionSize
        default: return false
        }
        if size == 0 { return true }
        if n < 0 || n > limit / size { return false }
        if n > 0, case .tuple = heap.payload[Int(s)] { return complexity(s, Compiler.foldMaxTotalItems / n) >= 0 }
        return true
    }

    /// check_complexity: what is left of `limit` after counting a tuple's items, recursively.
    private func complexity(_ r: ObjectRef, _ limit: Int) -> Int {
        guard case .tuple(let items) = heap.payload[Int(r)] else { return limit }
        var left = limit - items.count
        for item in items where left >= 0 { left = complexity(item, left) }
        return left
    }

    private func isPositiveInt(_ r: ObjectRef) -> Bool {
        switch heap.payload[Int(r)] {
        case .int(let v): return v > 0
        case .bigInt(let v): return v.signum() > 0
        default: return false
        }
    }

    /// _PyLong_NumBits of an int constant (nil for anything else).
    private func numBits(_ r: ObjectRef) -> Int? {
        switch heap.payload[Int(r)] {
        case .int(let v): return Int.bitWidth - v.magnitude.leadingZeroBitCount
        case .bigInt(let v): return v.magnitude.bitWidth
        default: return nil
        }
    }

    /// A literal token's node (3.6's `is_const`: Num, Str, Bytes, NameConstant, Ellipsis).
    func isPlainLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: return true
        default: return false
        }
    }

    /// A literal, a negated number or a tuple of literals: an expression that is a
    /// Constant node once the AST optimizer ran, told without making its object.
    func isLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: return true
        case .unary(.negate, let operand):
            switch operand.kind { case .int, .bigInt, .float, .imaginary: return true; default: return false }
        case .tuple(let items): return items.allSatisfy(isLiteral)
        default: return false
        }
    }

    /// The tuple constant of a display whose items are all constants (nil otherwise).
    ///
    /// The compiler makes this tuple (as it makes compiler_subdict's BUILD_CONST_KEY_MAP
    /// keys) and ADDOP_LOAD_CONST_NEW adds it, merged with an equal constant met before in
    /// the unit, then drops the compiler's reference: co_consts alone holds it, never the
    /// parser's arena, unlike a tuple the AST optimizer folded. Run as a script (one unit),
    /// `l = [4, 5, 6]` then `sys.getrefcount((4, 5, 6))` is 2 on 3.11.7-3.13.0: the call's
    /// folded tuple merged into the list's.
    func constantTuple(_ elements: [Expr]) throws -> ObjectRef? {
        var items: [ObjectRef] = []
        for el in elements {
            guard let c = try foldConstant(el) else { return nil }
            items.append(c)
        }
        let merged = items.map { item -> ObjectRef in
            let c = canonical(item); heap.incref(c); return c
        }
        let tuple = try interp.newTuple(merged)
        if !interp.profile.mergesFoldedConstants { unmergedConstants.insert(tuple) }
        return addCompilerConstant(tuple)
    }

    /// ADDOP_LOAD_CONST_NEW: adds a constant the compiler made (a new reference, consumed)
    /// and returns the object co_consts holds.
    private func addCompilerConstant(_ r: ObjectRef) -> ObjectRef {
        let c = addConst(r)
        heap.decref(r)
        return c
    }

    /// The frozenset constant of a set display of constants, built as 3.11 builds it.
    func constantFrozenset(_ elements: [Expr]) throws -> ObjectRef? {
        var items: [ObjectRef] = []
        for el in elements {
            guard let c = try foldConstant(el) else { return nil }
            items.append(canonical(c))
        }
        return addCompilerConstant(try interp.newFrozensetConstant(items))
    }
}
