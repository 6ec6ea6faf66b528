/// The blocks Python/symtable.c makes for a statement: one per function, class body and
/// comprehension, nested as in the source. Only their shape matters here: symtable_analyze
/// walks them with short-lived sets (`Compiler.analyzeSymtable`).
struct SymtableBlock {
    var children: [SymtableBlock] = []

    /// This block and every block nested in it: how many symtable entries it makes.
    var entryCount: Int { 1 + children.reduce(0) { $0 + $1.entryCount } }

    /// The child blocks of a body, in the order symtable.c visits them.
    static func children(of body: [Stmt]) -> [SymtableBlock] { body.flatMap(children(of:)) }

    static func children(of s: Stmt) -> [SymtableBlock] {
        switch s.kind {
        case .expr(let e): return children(of: e)
        case .assign(let targets, let value): return children(of: [value] + targets)
        case .augAssign(let target, _, let value): return children(of: [target, value])
        case .annAssign(let target, let annotation, let value, _):
            return children(of: [target, annotation] + [value].compactMap { $0 })
        case .delete(let targets): return children(of: targets)
        case .pass, .break, .continue, .global, .nonlocal, .import, .importFrom: return []
        case .if(let test, let body, let orelse), .while(let test, let body, let orelse):
            return children(of: test) + children(of: body) + children(of: orelse)
        case .for(let target, let iter, let body, let orelse):
            return children(of: [target, iter]) + children(of: body) + children(of: orelse)
        case .functionDef(_, let params, let body, let decorators, let returns):
            // Decorators, defaults and annotations belong to the enclosing block.
            return children(of: decorators + params.compactMap({ $0.defaultValue }) + Stmt.annotations(params, returns))
                + [SymtableBlock(children: children(of: body))]
        case .return(let e): return e.map(children(of:)) ?? []
        case .classDef(_, let bases, let body, let decorators):
            return children(of: decorators + bases) + [SymtableBlock(children: children(of: body))]
        case .raise(let e, let cause): return children(of: [e, cause].compactMap { $0 })
        case .assert(let test, let message): return children(of: [test] + [message].compactMap { $0 })
        case .try(let body, let handlers, let orelse, let finalbody):
            return children(of: body) + handlers.flatMap { children(of: [$0.type].compactMap { $0 }) + children(of: $0.body) }
                + children(of: orelse) + children(of: finalbody)
        case .with(let items, let body):
            return children(of: items.flatMap { [$0.context] + [$0.target].compactMap { $0 } }) + children(of: body)
        }
    }

    static func children(of exprs: [Expr]) -> [SymtableBlock] { exprs.flatMap(children(of:)) }

    static func children(of e: Expr) -> [SymtableBlock] {
        switch e.kind {
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis, .name: return []
        case .fstring(let parts):
            return parts.flatMap { part -> [SymtableBlock] in
                if case .field(let x, _, _) = part { return children(of: x) }
                return []
            }
        case .tuple(let items), .list(let items), .set(let items): return children(of: items)
        case .dict(let items): return children(of: items.flatMap { [$0.key].compactMap { $0 } + [$0.value] })
        case .listComp(let element, let generators), .setComp(let element, let generators),
             .generatorExp(let element, let generators):
            return comprehension([element], generators)
        case .dictComp(let key, let value, let generators): return comprehension([key, value], generators)
        case .attribute(let x, _), .starred(let x), .unary(_, let x): return children(of: x)
        case .subscript(let x, let index): return children(of: [x, index])
        case .slice(let lower, let upper, let step): return children(of: [lower, upper, step].compactMap { $0 })
        case .call(let f, let args, let keywords): return children(of: [f] + args + keywords.map({ $0.value }))
        case .binary(_, let a, let b): return children(of: [a, b])
        case .boolOp(_, let operands): return children(of: operands)
        case .compare(let first, let rest): return children(of: [first] + rest.map({ $0.operand }))
        case .ifExp(let test, let body, let orelse): return children(of: [test, body, orelse])
        case .lambda(let params, let body):
            return children(of: params.compactMap({ $0.defaultValue })) + [SymtableBlock(children: children(of: body))]
        case .yield(let value): return children(of: value.map { [$0] } ?? [])
        case .yieldFrom(let x), .namedExpr(_, let x): return children(of: x)
        }
    }

    /// symtable_handle_comprehension: the outermost iterable is visited in the enclosing
    /// block, everything else in the comprehension's own.
    private static func comprehension(_ elements: [Expr], _ generators: [Comprehension]) -> [SymtableBlock] {
        let inner = generators.enumerated().flatMap { i, g in
            children(of: (i == 0 ? [] : [g.iter]) + [g.target] + g.ifs)
        } + children(of: elements)
        return children(of: generators[0].iter) + [SymtableBlock(children: inner)]
    }
}
