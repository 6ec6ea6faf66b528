// What the bytecode code generator handles yet (the first step of issue 16). A compilation
// unit with anything else is left to the closure compiler, whole: the check looks at the
// AST only, before anything is compiled, so that declining has no effect on the heap.

extension CodeGen {
    /// Whether every statement and expression of `body` is one the code generator compiles.
    static func accepts(_ body: [Stmt]) -> Bool {
        body.allSatisfy(accepts)
    }

    static func accepts(_ stmt: Stmt) -> Bool {
        switch stmt.kind {
        case .expr(let e): return accepts(e)
        case .assign(let targets, let value): return targets.allSatisfy(acceptsTarget) && accepts(value)
        case .augAssign(let target, _, let value):
            switch target.kind {
            case .name, .attribute, .subscript: return acceptsTarget(target) && accepts(value)
            default: return false
            }
        case .delete(let targets): return targets.allSatisfy(acceptsTarget)
        case .pass, .break, .continue, .global: return true
        case .if(let test, let body, let orelse), .while(let test, let body, let orelse):
            return accepts(test) && accepts(body) && accepts(orelse)
        case .for(let target, let iter, let body, let orelse):
            return acceptsTarget(target) && accepts(iter) && accepts(body) && accepts(orelse)
        case .functionDef(_, let params, let body, let decorators):
            return decorators.allSatisfy(accepts) && accepts(params) && accepts(body)
        case .return(let value): return value.map(accepts) ?? true
        case .import, .importFrom: return true
        case .raise(let exc, let cause): return (exc.map(accepts) ?? true) && (cause.map(accepts) ?? true)
        case .try(let body, let handlers, let orelse, let finalbody):
            // A `finally` body is generated once and copied (`Bytecode.Item.inlineFinally`),
            // in the context of its normal path: leaving it by return/break/continue, which
            // unwinds differently on the exceptional path, is not generated yet.
            return accepts(body) && accepts(orelse) && accepts(finalbody) && !leavesBlock(finalbody)
                && handlers.allSatisfy { h in (h.type.map(accepts) ?? true) && accepts(h.body) }
                && handlers.dropLast().allSatisfy { $0.type != nil }
        case .assert(let test, let message): return accepts(test) && (message.map(accepts) ?? true)
        case .classDef(_, let bases, let body, let decorators):
            return decorators.allSatisfy(accepts) && bases.allSatisfy(accepts) && accepts(body)
        case .nonlocal: return true
        case .with(let items, let body):
            return items.allSatisfy { i in accepts(i.context) && (i.target.map(acceptsTarget) ?? true) } && accepts(body)
        }
    }

    /// Whether `body` has a `return`, or a `break`/`continue` of a loop around it (nested
    /// functions and classes aside).
    static func leavesBlock(_ body: [Stmt], inLoop: Bool = false) -> Bool {
        body.contains { s in
            switch s.kind {
            case .return: return true
            case .break, .continue: return !inLoop
            case .if(_, let b, let o): return leavesBlock(b + o, inLoop: inLoop)
            case .while(_, let b, let o), .for(_, _, let b, let o):
                return leavesBlock(b, inLoop: true) || leavesBlock(o, inLoop: inLoop)
            case .try(let b, let hs, let o, let f):
                return leavesBlock(b + o + f + hs.flatMap { $0.body }, inLoop: inLoop)
            case .with(_, let b): return leavesBlock(b, inLoop: inLoop)
            default: return false
            }
        }
    }

    static func acceptsTarget(_ e: Expr) -> Bool {
        switch e.kind {
        case .name: return true
        case .attribute(let obj, _): return accepts(obj)
        case .subscript(let obj, let index): return accepts(obj) && accepts(index)
        case .tuple(let items), .list(let items):
            return items.allSatisfy { item in
                if case .starred(let inner) = item.kind { return acceptsTarget(inner) }
                return acceptsTarget(item)
            }
        default: return false   // a lone starred, or an invalid target (the closure compiler's SyntaxError)
        }
    }

    static func accepts(_ e: Expr) -> Bool {
        switch e.kind {
        case .int, .bigInt, .float, .string, .bytes, .bool, .none, .ellipsis, .name: return true
        case .fstring(let parts):
            return parts.allSatisfy { part in
                if case .field(let x, _, _) = part { return accepts(x) }
                return true
            }
        case .tuple(let items), .list(let items), .set(let items): return items.allSatisfy(accepts)
        case .dict(let entries): return entries.allSatisfy { ($0.key.map(accepts) ?? false) && accepts($0.value) }
        case .attribute(let obj, _): return accepts(obj)
        case .subscript(let obj, let index): return accepts(obj) && accepts(index)
        case .slice(let lower, let upper, let step):
            return [lower, upper, step].allSatisfy { $0.map(accepts) ?? true }
        case .call(let callee, let args, let keywords):
            let isEx = args.contains { if case .starred = $0.kind { return true }; return false }
                || keywords.contains { $0.name == nil }
            // STACK_USE_GUIDELINE (30): longer argument lists are built another way.
            if isEx && (args.count > 30 || keywords.count * 2 > 30) { return false }
            return accepts(callee) && keywords.allSatisfy { accepts($0.value) }
                && args.allSatisfy { a in
                    if case .starred(let value) = a.kind { return accepts(value) }
                    return accepts(a)
                }
        case .unary(_, let x): return accepts(x)
        case .binary(_, let a, let b): return accepts(a) && accepts(b)
        case .boolOp(_, let xs): return xs.allSatisfy(accepts)
        case .compare(let first, let rest): return accepts(first) && rest.allSatisfy { accepts($0.operand) }
        case .ifExp(let t, let b, let o): return accepts(t) && accepts(b) && accepts(o)
        case .listComp(let el, let gens), .setComp(let el, let gens):
            return accepts(el) && accepts(gens)
        case .dictComp(let k, let v, let gens):
            return accepts(k) && accepts(v) && accepts(gens)
        case .lambda(let params, let body): return accepts(params) && accepts(body)
        case .generatorExp(let el, let gens): return accepts(el) && accepts(gens)
        case .yield(let value): return value.map(accepts) ?? true
        case .yieldFrom, .starred: return false
        }
    }

    /// Positional parameters (with defaults), then `*args` or a bare `*`, keyword-only
    /// parameters, then `**kwargs` (the parser enforces that order; `emitFunction` lays the
    /// slots out in co_varnames' order).
    static func accepts(_ params: [Param]) -> Bool {
        let order: [Param.Kind: Int] = [.positional: 0, .varArgs: 1, .keywordOnly: 1, .varKeywords: 2]
        var last = 0
        for p in params {
            guard let k = order[p.kind], k >= last else { return false }
            last = k
            if let d = p.defaultValue, !accepts(d) { return false }
        }
        return true
    }

    static func accepts(_ generators: [Comprehension]) -> Bool {
        generators.allSatisfy { g in acceptsTarget(g.target) && accepts(g.iter) && g.ifs.allSatisfy(accepts) }
    }
}
