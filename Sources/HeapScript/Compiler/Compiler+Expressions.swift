import HeapEngine
import BigInt

extension Compiler {
    func compileExpr(_ e: Expr) throws -> Eval { try compileOperand(e).eval }

    /// compileExpr, plus the object of its LOAD_CONST when `e` folds to a constant.
    func compileOperand(_ e: Expr) throws -> (eval: Eval, constant: ObjectRef?) {
        if let constant = try foldConstant(e) {
            let c = addConst(constant), heap = self.heap
            return ({ _ in heap.incref(c); return c }, c)
        }
        return (try compileNonConstant(e), nil)
    }

    private func compileNonConstant(_ e: Expr) throws -> Eval {
        let interp = self.interp, heap = self.heap
        switch e.kind {
        case .int, .bigInt, .float, .string, .bytes, .bool, .none, .ellipsis:
            fatalError("literals are constants")   // handled by foldConstant

        case .fstring(let parts):
            // compile.c compiler_joined_str: the values are visited in order and BUILD_STRING
            // joins them only when there is not exactly one. An f-string without fields is one
            // Constant (the parser joins its literal parts), loaded as any string literal is;
            // one field alone is FORMAT_VALUE's result, which for an exact str is the str
            // itself (`f"{s}" is s`, measured True on 3.6.15-3.13.0).
            if case .literal(let text)? = parts.first, parts.count == 1, !text.isEmpty {
                return try compileOperand(Expr(.string(text), e.span)).eval
            }
            var pieces: [Eval] = []
            for part in parts {
                switch part {
                case .literal(let s) where s.isEmpty:
                    continue   // `f"{x}"` has no literal part: no '' among its constants
                case .literal(let s):
                    let c = addConst(literal(try heap.newStr(s)))
                    pieces.append { _ in heap.incref(c); return c }
                case .field(let expr, let conversion, let spec):
                    if spec != nil { throw unsupported("format specs in f-strings", expr.span) }
                    let value = try compileExpr(expr)
                    pieces.append { f in
                        let v = try value(f)
                        defer { heap.decref(v) }
                        return try conversion == "r" ? interp.reprObject(v) : interp.strObject(v)
                    }
                }
            }
            if pieces.count == 1, parts.contains(where: { if case .field = $0 { return true }; return false }) {
                return pieces[0]
            }
            return { f in
                var s = ""
                for p in pieces {
                    let r = try p(f)
                    s += interp.stringValue(r)
                    heap.decref(r)
                }
                return try interp.newStr(s)
            }

        case .name(let name):
            return try compileLoadName(name, e.span)

        case .tuple(let elements):
            let items = try compileElements(elements)
            return { f in try interp.newTuple(try items(f)) }

        case .list(let elements) where elements.count > 2 && interp.profile.foldsConstantDisplays:
            // BUILD_LIST 0 + LOAD_CONST (tuple) + LIST_EXTEND when every item is constant
            // (compile.c starunpack_helper): the list is over-allocated as extend does.
            if let c = try constantTuple(elements) {
                return { _ in
                    let items = interp.sequenceItems(c)!
                    items.forEach(heap.incref)
                    return try interp.newList(items, extend: true)
                }
            }
            let items = try compileElements(elements)
            return { f in try interp.newList(try items(f), extend: false) }

        case .set(let elements) where elements.count > 2 && interp.profile.foldsConstantDisplays:
            // BUILD_SET 0 + LOAD_CONST (frozenset) + SET_UPDATE.
            if let c = try constantFrozenset(elements) {
                return { _ in try interp.newSetMerging(c) }
            }
            let items = try compileElements(elements)
            return { f in try interp.newSet(try items(f)) }

        case .list(let elements):
            let items = try compileElements(elements)
            return { f in try interp.newList(try items(f), extend: false) }

        case .set(let elements):
            let items = try compileElements(elements)
            return { f in try interp.newSet(try items(f)) }

        case .dict(let entries):
            let keys = try entries.map { entry in
                guard let k = entry.key else { throw unsupported("'**' in dict displays", e.span) }
                return k
            }
            // BUILD_CONST_KEY_MAP (compiler_subdict): two or more constant keys are one
            // constant tuple, and only the values are loaded one by one: co_consts of
            // `d = {'a': 1, 'b': 2}` is (1, 2, ('a', 'b'), None) on 3.6.15-3.13.0.
            var pairs: [(Eval, Eval)] = []
            if keys.count > 1, keys.allSatisfy(isLiteral) {
                let values = try entries.map { try compileExpr($0.value) }
                let keyEvals: [Eval]
                if let keyTuple = try foldConstant(Expr(.tuple(keys), e.span), byCompiler: true).map({ addConst($0) }),
                   let keyObjects = interp.sequenceItems(keyTuple) {
                    keyEvals = keyObjects.map { k in { _ in heap.incref(k); return k } }
                } else {
                    keyEvals = try keys.map(compileExpr)   // not reached: literals always fold
                }
                pairs = Array(zip(keyEvals, values))
            } else {
                for (k, entry) in zip(keys, entries) { pairs.append((try compileExpr(k), try compileExpr(entry.value))) }
            }
            // BUILD_MAP / BUILD_CONST_KEY_MAP: every key and value is evaluated first, then
            // the dict is made presized for them (_PyDict_FromItems) and filled in order.
            return { f in
                var items: [ObjectRef] = []
                items.reserveCapacity(pairs.count * 2)
                do {
                    for (k, v) in pairs {
                        items.append(try k(f))
                        items.append(try v(f))
                    }
                } catch { items.reversed().forEach(heap.decref); throw error }   // top-down, as the stack unwinds
                defer { items.forEach(heap.decref) }
                let d = try interp.newDict(presizedFor: stride(from: 0, to: items.count, by: 2).map { items[$0] })
                for i in stride(from: 0, to: items.count, by: 2) {
                    do { try interp.dictSet(d, items[i], items[i + 1]) } catch { heap.decref(d); throw error }
                }
                return d
            }

        case .listComp, .setComp, .dictComp:
            return try compileComprehension(e)

        case .generatorExp:
            throw unsupported("generator expressions", e.span)

        case .attribute(let objExpr, let attr):
            let obj = try compileExpr(objExpr)
            noteName(attr)
            return { f in
                let o = try obj(f)
                defer { heap.decref(o) }
                return try interp.getAttr(o, attr)
            }

        case .subscript(let objExpr, let indexExpr):
            let obj = try compileExpr(objExpr)
            let index = try compileExpr(indexExpr)
            return { f in
                let o = try obj(f)
                defer { heap.decref(o) }
                let i = try index(f)
                defer { heap.decref(i) }
                return try interp.getItem(o, i)
            }

        case .slice(let lower, let upper, let step):
            let parts = try [lower, upper, step].map { try $0.map { try compileExpr($0) } }
            return { f in
                let values = try parts.map { try $0?(f) ?? heap.newNone() }
                return try interp.newSlice(values[0], values[1], values[2])
            }

        case .call(let calleeExpr, let args, let keywords):
            return try compileCall(calleeExpr, args, keywords, e.span)

        case .unary(let op, let operandExpr):
            let operand = try compileExpr(operandExpr)
            if op == .not {
                return { f in
                    let v = try operand(f)
                    defer { heap.decref(v) }
                    return heap.newBool(!(try interp.isTrue(v)))
                }
            }
            return { f in
                let v = try operand(f)
                defer { heap.decref(v) }
                return try interp.unaryOp(op, v)
            }

        case .binary(let op, let lhsExpr, let rhsExpr):
            let lhs = try compileExpr(lhsExpr)
            let rhs = try compileExpr(rhsExpr)
            return { f in
                let a = try lhs(f)
                defer { heap.decref(a) }
                let b = try rhs(f)
                defer { heap.decref(b) }
                return try interp.binaryOp(op, a, b)
            }

        case .boolOp(let op, let operands):
            let values = try operands.map { try compileExpr($0) }
            return { f in
                var result = try values[0](f)
                for next in values.dropFirst() {
                    let truth = try interp.isTrue(result)
                    if (op == .and && !truth) || (op == .or && truth) { return result }
                    heap.decref(result)
                    result = try next(f)
                }
                return result
            }

        case .compare(let firstExpr, let rest):
            let firstOperand = try compileOperand(firstExpr)
            let operands = try rest.map { ($0.op, try compileOperand($0.operand)) }
            checkCompare(e, first: firstOperand.constant, rest: operands.map { ($0.0, $0.1.constant) })
            let first = firstOperand.eval
            let ops = operands.map { ($0.0, $0.1.eval) }
            return { f in
                var left = try first(f)
                for (index, (op, rightEval)) in ops.enumerated() {
                    let right: ObjectRef
                    do { right = try rightEval(f) } catch { heap.decref(left); throw error }
                    let result: ObjectRef
                    do { result = try interp.compare(op, left, right) } catch {
                        heap.decref(left); heap.decref(right); throw error
                    }
                    heap.decref(left)
                    if index == ops.count - 1 { heap.decref(right); return result }
                    if !(try interp.isTrue(result)) { heap.decref(right); return result }
                    heap.decref(result)
                    left = right
                }
                return left
            }

        case .ifExp(let testExpr, let bodyExpr, let elseExpr):
            let test = try compileCondition(testExpr)
            let body = try compileExpr(bodyExpr)
            let other = try compileExpr(elseExpr)
            return { f in try test(f) ? try body(f) : try other(f) }

        case .starred:
            throw SyntaxError(.syntaxError, "can't use starred expression here", line: e.span.line, offset: e.span.column + 1)

        case .lambda:
            throw unsupported("'lambda'", e.span)
        case .yield, .yieldFrom:
            throw unsupported("'yield'", e.span)
        }
    }

    /// A literal, a negated number or a tuple of literals: an expression that is a
    /// Constant node once the AST optimizer ran, told without making its object.
    func isLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .int, .bigInt, .float, .string, .bytes, .bool, .none, .ellipsis: return true
        case .unary(.negate, let operand):
            switch operand.kind { case .int, .bigInt, .float: return true; default: return false }
        case .tuple(let items): return items.allSatisfy(isLiteral)
        default: return false
        }
    }

    /// The tuple constant of a display whose items are all constants (nil otherwise).
    func constantTuple(_ elements: [Expr]) throws -> ObjectRef? {
        var items: [ObjectRef] = []
        for el in elements {
            guard let c = try foldConstant(el) else { return nil }
            items.append(c)
        }
        let merged = items.map { item -> ObjectRef in
            let c = canonical(item); heap.incref(c); return c
        }
        return addConst(literal(try interp.newTuple(merged)))
    }

    /// The frozenset constant of a set display of constants, built as 3.11 builds it.
    func constantFrozenset(_ elements: [Expr]) throws -> ObjectRef? {
        var items: [ObjectRef] = []
        for el in elements {
            guard let c = try foldConstant(el) else { return nil }
            items.append(canonical(c))
        }
        return addConst(literal(try interp.newFrozensetConstant(items)))
    }

    /// Elements of a display; evaluated left to right into new references.
    func compileElements(_ elements: [Expr]) throws -> (Frame) throws -> [ObjectRef] {
        let heap = self.heap
        for el in elements { if case .starred = el.kind { throw unsupported("'*' unpacking in displays", el.span) } }
        let evals = try elements.map { try compileExpr($0) }
        return { f in try evaluateAll(evals, f, heap) }
    }

    func compileCall(_ calleeExpr: Expr, _ args: [Expr], _ keywords: [Keyword], _ span: SourceSpan) throws -> Eval {
        let interp = self.interp, heap = self.heap
        for a in args { if case .starred = a.kind { throw unsupported("'*' arguments", a.span) } }
        // The positional arguments, then the keyword values, pushed in order: when one raises,
        // all of them are released top-down as the frame unwinds (none is leaked).
        let operandEvals = try args.map { try compileExpr($0) } + keywords.map { k in
            guard k.name != nil else { throw unsupported("'**' arguments", k.value.span) }
            return try compileExpr(k.value)
        }
        let kwNames = keywords.map { $0.name ?? "" }
        try addKeywordNamesConst(kwNames)
        let positional = args.count
        func split(_ operands: [ObjectRef]) -> ([ObjectRef], [(String, ObjectRef)]) {
            (Array(operands[..<positional]), Array(zip(kwNames, operands[positional...])))
        }
        if case .attribute(let objExpr, let attr) = calleeExpr.kind {
            // LOAD_METHOD / CALL: no bound method object is made for `obj.method(...)`, and
            // the method is looked up before the arguments are evaluated.
            let obj = try compileExpr(objExpr)
            noteName(attr)
            return { f in
                let o = try obj(f)
                let method = try interp.loadMethod(o, attr)
                let operands: [ObjectRef]
                do { operands = try evaluateAll(operandEvals, f, heap) } catch {
                    interp.releaseLoadedMethod(method, o); throw error
                }
                let (argv, kw) = split(operands)
                return try interp.callLoadedMethod(method, o, argv, kw)
            }
        }
        let callee = try compileExpr(calleeExpr)
        return { f in
            let c = try callee(f)
            let operands: [ObjectRef]
            do { operands = try evaluateAll(operandEvals, f, heap) } catch { heap.decref(c); throw error }
            let (argv, kw) = split(operands)
            // CALL of a Python function hands the stack's references to the new frame.
            if case .function = heap.payload[Int(c)] { return try interp.callFunction(c, argv, kw) }
            defer { heap.decref(c) }
            return try interp.call(c, argv, kw)
        }
    }
}

/// Evaluates operands left to right onto the stack: when one raises, the values already
/// pushed are released as the frame unwinds.
func evaluateAll(_ evals: [Eval], _ f: Frame, _ heap: Heap) throws -> [ObjectRef] {
    var out: [ObjectRef] = []
    out.reserveCapacity(evals.count)
    do {
        for ev in evals { out.append(try ev(f)) }
    } catch {
        // Top-down, as the unwinding frame pops its stack: the last evaluated goes first
        // (measured with __del__ on 3.6.15-3.13.0, `Corpus/errors/call_args_unwind.py`).
        out.reversed().forEach(heap.decref)
        throw error
    }
    return out
}
