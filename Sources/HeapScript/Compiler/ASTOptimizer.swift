import HeapEngine

// Python/ast_opt.c's fold_iter and fold_compare (3.7+): a list display that is only
// iterated (a `for` statement's or a comprehension's iterable) or searched (the right operand
// of `in` / `not in`) becomes a tuple display, which the constant folder then makes a
// constant when its items are constants. So `for y in [a, b]` builds a tuple, and
// `for y in [3, 4]` loads the constant `(3, 4)` (3.8.18, 3.11.7, 3.12.1 `dis`).
//
// 3.6 has no AST optimizer: its peephole optimizer folds a list display of constants that
// is iterated into a tuple constant (`for y in [3, 4]`: LOAD_CONST (3, 4), GET_ITER) and keeps
// the others lists (`for y in [a, b]` and `1 in [a, 2]`: BUILD_LIST); a list of constants
// searched with `in` is folded too.
//
// 3.12's optimize_format: `'...%s...' % (a, b)` with a str constant, a tuple display and
// only %s/%r (flags, a width and a precision of at most two digits each) becomes the
// f-string `f'...{a!s}...'` (`dis` on 3.12.1: FORMAT_VALUE 1, FORMAT_VALUE 5 with '>5.2' for
// '%5.2s', '5' for '%-5s'); any other shape stays a BINARY_OP.
//
// The rewrite runs on the parsed statements before either compiler sees them, so the closure
// path and the code generator compile the same tree. Set displays (folded to frozenset
// constants by the same functions) are left as they are.

enum ASTOptimizer {
    static func optimize(_ body: [Stmt], profile: Profile) -> [Stmt] {
        var o = Folder(allDisplays: profile.iterableDisplaysBecomeTuples, percentToFString: profile.minor >= 12)
        return body.map { o.stmt($0) }
    }

    private struct Folder {
        /// 3.7+: every list display there; before, only lists of constants.
        let allDisplays: Bool
        /// 3.12+: optimize_format.
        let percentToFString: Bool

        func tupled(_ e: Expr) -> Expr {
            guard case .list(let items) = e.kind else { return e }
            if !allDisplays && !items.allSatisfy(Folder.isConstant) { return e }
            return Expr(.tuple(items), e.span)
        }

        static func isConstant(_ e: Expr) -> Bool {
            switch e.kind {
            case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: return true
            case .tuple(let items): return items.allSatisfy(isConstant)
            case .unary(_, let x): return isConstant(x)
            default: return false
            }
        }

        mutating func stmts(_ b: [Stmt]) -> [Stmt] { b.map { stmt($0) } }

        mutating func stmt(_ s: Stmt) -> Stmt {
            let kind: StmtKind
            switch s.kind {
            case .expr(let e): kind = .expr(expr(e))
            case .assign(let targets, let value): kind = .assign(targets: targets.map { expr($0) }, value: expr(value))
            case .augAssign(let t, let op, let v): kind = .augAssign(target: expr(t), op: op, value: expr(v))
            case .delete(let ts): kind = .delete(ts.map { expr($0) })
            case .pass, .break, .continue, .global, .nonlocal, .import, .importFrom: kind = s.kind
            case .if(let t, let b, let o): kind = .if(test: expr(t), body: stmts(b), orelse: stmts(o))
            case .while(let t, let b, let o): kind = .while(test: expr(t), body: stmts(b), orelse: stmts(o))
            case .for(let target, let iter, let b, let o):
                kind = .for(target: expr(target), iter: tupled(expr(iter)), body: stmts(b), orelse: stmts(o))
            case .annAssign(let t, let annotation, let v, let simple):
                kind = .annAssign(target: expr(t), annotation: expr(annotation), value: v.map { expr($0) }, simple: simple)
            case .functionDef(let name, let params, let body, let decorators, let returns):
                kind = .functionDef(name: name, params: params.map { param($0) }, body: stmts(body),
                                    decorators: decorators.map { expr($0) }, returns: returns.map { expr($0) })
            case .return(let v): kind = .return(v.map { expr($0) })
            case .classDef(let name, let bases, let body, let decorators):
                kind = .classDef(name: name, bases: bases.map { expr($0) }, body: stmts(body), decorators: decorators.map { expr($0) })
            case .raise(let e, let cause): kind = .raise(e.map { expr($0) }, cause: cause.map { expr($0) })
            case .assert(let t, let m): kind = .assert(test: expr(t), message: m.map { expr($0) })
            case .try(let body, let handlers, let orelse, let finalbody):
                kind = .try(body: stmts(body),
                            handlers: handlers.map { ExceptHandler(type: $0.type.map { expr($0) }, name: $0.name, body: stmts($0.body), span: $0.span) },
                            orelse: stmts(orelse), finalbody: stmts(finalbody))
            case .with(let items, let body):
                kind = .with(items: items.map { WithItem(context: expr($0.context), target: $0.target.map { expr($0) }) }, body: stmts(body))
            }
            var out = s
            out.kind = kind
            return out
        }

        /// optimize_format / parse_literal / simple_format_arg_parse (Python/ast_opt.c, 3.12):
        /// nil when the format has another conversion, more or fewer conversions than items,
        /// or a width or precision of three digits. `%a` is left to the runtime (refused).
        static func optimizeFormat(_ format: String, _ items: [Expr]) -> [FStringPart]? {
            let c = Array(format.unicodeScalars)
            var pos = 0, used = 0
            var parts: [FStringPart] = []
            func isDigit(_ ch: Unicode.Scalar) -> Bool { ch.value >= 48 && ch.value <= 57 }
            while true {
                var literal = ""
                let start = pos
                while pos < c.count {
                    if c[pos] != "%" { literal.unicodeScalars.append(c[pos]); pos += 1 }
                    else if pos + 1 < c.count && c[pos + 1] == "%" { literal.unicodeScalars.append("%"); pos += 2 }
                    else { break }
                }
                if pos > start { parts.append(.literal(literal)) }
                if pos >= c.count { break }
                guard used < items.count else { return nil }
                let item = items[used]
                used += 1
                pos += 1   // the '%'
                func next() -> Unicode.Scalar? { guard pos < c.count else { return nil }; pos += 1; return c[pos - 1] }
                guard var ch = next() else { return nil }
                var ljust = false, width = -1, precision = -1
                while ch == "-" || ch == "+" || ch == " " || ch == "#" || ch == "0" {
                    if ch == "-" { ljust = true }
                    guard let n = next() else { return nil }
                    ch = n
                }
                // A number of at most two digits from `ch` on (nil: the format is not simple).
                func number() -> Int? {
                    var value = 0, digits = 0
                    while isDigit(ch) {
                        value = value * 10 + Int(ch.value - 48)
                        guard let n = next() else { return nil }
                        ch = n
                        digits += 1
                        if digits >= 3 { return nil }
                    }
                    return value
                }
                if isDigit(ch) { guard let w = number() else { return nil }; width = w }
                if ch == "." {
                    guard let n = next() else { return nil }
                    ch = n
                    guard let p = number() else { return nil }
                    precision = p
                }
                guard ch == "s" || ch == "r" else { return nil }
                var spec = ""
                if !ljust && width > 0 { spec += ">" }
                if width >= 0 { spec += String(width) }
                if precision >= 0 { spec += "." + String(precision) }
                parts.append(.field(item, conversion: Character(ch), spec: spec.isEmpty ? nil : spec))
            }
            guard used == items.count else { return nil }
            return parts
        }

        mutating func param(_ p: Param) -> Param {
            Param(name: p.name, defaultValue: p.defaultValue.map { expr($0) }, kind: p.kind, annotation: p.annotation.map { expr($0) })
        }

        mutating func gens(_ gs: [Comprehension]) -> [Comprehension] {
            gs.map { Comprehension(target: expr($0.target), iter: tupled(expr($0.iter)), ifs: $0.ifs.map { expr($0) }) }
        }

        mutating func expr(_ e: Expr) -> Expr {
            let kind: ExprKind
            switch e.kind {
            case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis, .name: return e
            case .fstring(let parts):
                kind = .fstring(parts.map { part in
                    if case .field(let x, let c, let spec) = part { return .field(expr(x), conversion: c, spec: spec) }
                    return part
                })
            case .tuple(let xs): kind = .tuple(xs.map { expr($0) })
            case .list(let xs): kind = .list(xs.map { expr($0) })
            case .set(let xs): kind = .set(xs.map { expr($0) })
            case .dict(let items): kind = .dict(items.map { DictItem(key: $0.key.map { expr($0) }, value: expr($0.value)) })
            case .listComp(let el, let g): kind = .listComp(element: expr(el), generators: gens(g))
            case .setComp(let el, let g): kind = .setComp(element: expr(el), generators: gens(g))
            case .dictComp(let k, let v, let g): kind = .dictComp(key: expr(k), value: expr(v), generators: gens(g))
            case .generatorExp(let el, let g): kind = .generatorExp(element: expr(el), generators: gens(g))
            case .attribute(let x, let n): kind = .attribute(expr(x), n)
            case .subscript(let x, let i): kind = .subscript(expr(x), expr(i))
            case .slice(let a, let b, let c):
                kind = .slice(lower: a.map { expr($0) }, upper: b.map { expr($0) }, step: c.map { expr($0) })
            case .call(let f, let args, let kws):
                kind = .call(expr(f), args: args.map { expr($0) }, keywords: kws.map { Keyword(name: $0.name, value: expr($0.value)) })
            case .unary(let op, let x): kind = .unary(op, expr(x))
            case .binary(let op, let a, let b):
                let (l, r) = (expr(a), expr(b))
                if percentToFString, op == .mod, case .string(let format) = l.kind, case .tuple(let items) = r.kind,
                   !items.contains(where: { if case .starred = $0.kind { return true }; return false }),
                   let parts = Folder.optimizeFormat(format, items) {
                    kind = .fstring(parts)
                } else {
                    kind = .binary(op, l, r)
                }
            case .boolOp(let op, let xs): kind = .boolOp(op, xs.map { expr($0) })
            case .compare(let first, let rest):
                // fold_compare: the last comparator only (ast_opt.c looks at the rightmost).
                var folded = rest.map { Comparison($0.op, expr($0.operand)) }
                if let last = folded.last, last.op == .in || last.op == .notIn {
                    folded[folded.count - 1] = Comparison(last.op, tupled(last.operand))
                }
                kind = .compare(expr(first), folded)
            case .ifExp(let t, let b, let o): kind = .ifExp(test: expr(t), body: expr(b), orelse: expr(o))
            case .starred(let x): kind = .starred(expr(x))
            case .lambda(let params, let body): kind = .lambda(params: params.map { param($0) }, body: expr(body))
            case .yield(let x): kind = .yield(x.map { expr($0) })
            case .yieldFrom(let x): kind = .yieldFrom(expr(x))
            case .namedExpr(let t, let v): kind = .namedExpr(target: t, value: expr(v))
            }
            return Expr(kind, e.span)
        }
    }
}
