import HeapEngine
import BigInt

// Python/ast_unparse.c: `_PyAST_ExprAsUnicode`, the source text CPython 3.7+ stores for an
// annotation under `from __future__ import annotations` (PEP 563). The text is rebuilt from
// the tree, not copied from the source: one space around binary operators, `, ` between
// items, parentheses only where the operator priorities need them (`PR_*`), a str constant
// as its repr (`'Node'` stays quoted: "'Node'").
//
// Per version (measured `x: ...; print(__annotations__)` on 3.8.18, 3.11.7, 3.12.1, 3.13.0):
// - 3.8 unparses the tree after Python/ast_opt.c has folded it: `2 + 3` is '5', `Literal[1, 2]`
//   is 'Literal[(1, 2)]' (the folded constant tuple), `a in [1, 2]` is 'a in (1, 2)'. The
//   engine has no such folder over annotations, so those shapes are refused on 3.8
//   (`foldedBefore310`); 3.10+ unparse the tree as parsed.
// - an infinite float is `1e309` on 3.10+ (replace_inf_value), `inf` on 3.8.
//
// What the engine's tree cannot say exactly, or what no annotation in a memory example
// needs, is refused rather than approximated: f-strings (their brace escaping and nested
// specs), lambdas, comprehensions, imaginary literals, `yield`, `await` and `:=` (3.10+ make
// the last three a SyntaxError in an annotation).
enum ASTUnparse {
    /// Priority levels (ast_unparse.c's enum).
    enum Level: Int, Comparable {
        case tuple = 0, test, or, and, not, cmp, bor, bxor, band, shift, arith, term, factor, power, await, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        var next: Level { Level(rawValue: rawValue + 1) ?? .atom }
    }

    /// Why an annotation is not unparsed (the construct, for the refusal).
    struct Refused: Error { let what: String }

    /// `_PyAST_ExprAsUnicode(e)`: the text at PR_TEST.
    static func unparse(_ e: Expr, minor: Int) throws -> String {
        var out = ""
        try append(e, .test, minor: minor, &out)
        return out
    }

    /// append_ast_expr.
    static func append(_ e: Expr, _ level: Level, minor: Int, _ out: inout String) throws {
        func sub(_ x: Expr, _ l: Level) throws { try append(x, l, minor: minor, &out) }
        func open(_ pr: Level) { if level > pr { out += "(" } }
        func close(_ pr: Level) { if level > pr { out += ")" } }
        switch e.kind {
        case .int(let n): out += String(n)
        case .bigInt(let n): out += n.description
        case .float(let d):
            let r = Interpreter.floatRepr(d)
            // replace_inf_value (3.10+): "inf" → "1e309" (1 + DBL_MAX_10_EXP).
            out += minor >= 10 && d.isInfinite ? (d < 0 ? "-1e309" : "1e309") : r
        case .imaginary: throw Refused(what: "an imaginary literal")
        case .string(let s): out += Interpreter.strRepr(s)
        case .bytes(let b): out += Interpreter.bytesRepr(b)
        case .fstring: throw Refused(what: "an f-string")
        case .bool(let b): out += b ? "True" : "False"
        case .none: out += "None"
        case .ellipsis: out += "..."
        case .name(let n): out += n
        case .tuple(let items):
            // append_ast_tuple: `()` bare; parentheses above PR_TUPLE; `(a,)` for one item.
            if items.isEmpty { out += "()"; return }
            open(.tuple)
            for (k, x) in items.enumerated() {
                if k > 0 { out += ", " }
                try sub(x, .test)
            }
            if items.count == 1 { out += "," }
            close(.tuple)
        case .list(let items):
            out += "["
            for (k, x) in items.enumerated() { if k > 0 { out += ", " }; try sub(x, .test) }
            out += "]"
        case .set(let items):
            out += "{"
            for (k, x) in items.enumerated() { if k > 0 { out += ", " }; try sub(x, .test) }
            out += "}"
        case .dict(let items):
            out += "{"
            for (k, item) in items.enumerated() {
                if k > 0 { out += ", " }
                if let key = item.key {
                    try sub(key, .test)
                    out += ": "
                    try sub(item.value, .test)
                } else {
                    out += "**"
                    try sub(item.value, .bor)
                }
            }
            out += "}"
        case .listComp, .setComp, .dictComp, .generatorExp: throw Refused(what: "a comprehension")
        case .attribute(let value, let attr):
            try sub(value, .atom)
            // An int constant needs a space: `1 .real`.
            switch value.kind { case .int, .bigInt: out += " ."; default: out += "." }
            out += attr
        case .subscript(let value, let index):
            try sub(value, .atom)
            out += "["
            try sub(index, .tuple)
            out += "]"
        case .slice(let lower, let upper, let step):
            if let lower { try sub(lower, .test) }
            out += ":"
            if let upper { try sub(upper, .test) }
            if let step { out += ":"; try sub(step, .test) }
        case .call(let f, let args, let keywords):
            try sub(f, .atom)
            out += "("
            var first = true
            for a in args {
                if !first { out += ", " }
                first = false
                try sub(a, .test)
            }
            for k in keywords {
                if !first { out += ", " }
                first = false
                if let n = k.name { out += n + "=" } else { out += "**" }
                try sub(k.value, .test)
            }
            out += ")"
        case .unary(let op, let operand):
            let (text, pr): (String, Level)
            switch op {
            case .invert: (text, pr) = ("~", .factor)
            case .not: (text, pr) = ("not ", .not)
            case .plus: (text, pr) = ("+", .factor)
            case .negate: (text, pr) = ("-", .factor)
            }
            open(pr)
            out += text
            try sub(operand, pr)
            close(pr)
        case .binary(let op, let left, let right):
            let pr: Level
            switch op {
            case .add, .sub: pr = .arith
            case .mul, .matMul, .div, .mod, .floorDiv: pr = .term
            case .lshift, .rshift: pr = .shift
            case .bitOr: pr = .bor
            case .bitXor: pr = .bxor
            case .bitAnd: pr = .band
            case .pow: pr = .power
            }
            // `**` is right-associative: its left operand binds one level tighter.
            let rassoc = op == .pow
            open(pr)
            try sub(left, rassoc ? pr.next : pr)
            out += " " + op.rawValue + " "
            try sub(right, rassoc ? pr : pr.next)
            close(pr)
        case .boolOp(let op, let values):
            let pr: Level = op == .and ? .and : .or
            open(pr)
            for (k, v) in values.enumerated() {
                if k > 0 { out += op == .and ? " and " : " or " }
                try sub(v, pr.next)
            }
            close(pr)
        case .compare(let left, let rest):
            open(.cmp)
            try sub(left, .bor)
            for c in rest {
                out += " " + c.op.rawValue + " "
                try sub(c.operand, .bor)
            }
            close(.cmp)
        case .ifExp(let test, let body, let orelse):
            open(.test)
            try sub(body, .or)
            out += " if "
            try sub(test, .or)
            out += " else "
            try sub(orelse, .test)
            close(.test)
        case .starred(let value):
            out += "*"
            try sub(value, .bor)
        case .lambda: throw Refused(what: "a lambda")
        case .yield, .yieldFrom: throw Refused(what: "'yield'")
        case .namedExpr: throw Refused(what: "':='")
        }
    }

    /// 3.8 unparses after ast_opt.c's folding (see the header): whether `e` has a shape the
    /// folder would have changed — an operation on constants, a constant tuple as a
    /// subscript's index, a list or set searched with `in` — which the engine refuses there.
    static func foldedBefore310(_ e: Expr) -> Bool {
        func constant(_ x: Expr) -> Bool {
            switch x.kind {
            case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: return true
            case .tuple(let xs): return xs.allSatisfy(constant)
            case .unary(_, let y): return constant(y)
            case .binary(_, let a, let b): return constant(a) && constant(b)
            default: return false
            }
        }
        func folds(_ x: Expr) -> Bool {
            switch x.kind {
            case .unary(let op, let y):
                // `-1`, `-1.5`: the folded constant's repr is the same text.
                if op == .negate, case .int = y.kind { return false }
                if op == .negate, case .float(let d) = y.kind, d.isFinite { return false }
                return constant(y) || folds(y)
            case .binary(_, let a, let b): return (constant(a) && constant(b)) || folds(a) || folds(b)
            case .subscript(let v, let i):
                if case .tuple(let xs) = i.kind, !xs.isEmpty, xs.allSatisfy(constant) { return true }
                return (constant(v) && constant(i)) || folds(v) || folds(i)
            case .compare(let a, let rest):
                for c in rest where c.op == .in || c.op == .notIn {
                    switch c.operand.kind { case .list, .set: return true; default: break }
                }
                return folds(a) || rest.contains { folds($0.operand) }
            case .tuple(let xs), .list(let xs), .set(let xs), .boolOp(_, let xs): return xs.contains(where: folds)
            case .dict(let items): return items.contains { ($0.key.map(folds) ?? false) || folds($0.value) }
            case .attribute(let v, _), .starred(let v): return folds(v)
            case .slice(let a, let b, let c): return [a, b, c].contains { $0.map(folds) ?? false }
            case .call(let f, let args, let kws): return folds(f) || args.contains(where: folds) || kws.contains { folds($0.value) }
            case .ifExp(let t, let b, let o): return folds(t) || folds(b) || folds(o)
            default: return false
            }
        }
        return folds(e)
    }

    /// Whether `e` reads a name (for 3.8's symtable, which still sees the names of an
    /// annotation it stores as a string).
    static func usesName(_ e: Expr) -> Bool {
        var found = false
        func visit(_ x: Expr) {
            if found { return }
            switch x.kind {
            case .name: found = true
            case .tuple(let xs), .list(let xs), .set(let xs), .boolOp(_, let xs): xs.forEach(visit)
            case .dict(let items): for i in items { i.key.map(visit); visit(i.value) }
            case .attribute(let v, _), .starred(let v), .unary(_, let v): visit(v)
            case .subscript(let a, let b), .binary(_, let a, let b): visit(a); visit(b)
            case .slice(let a, let b, let c): [a, b, c].compactMap({ $0 }).forEach(visit)
            case .call(let f, let args, let kws): visit(f); args.forEach(visit); kws.forEach { visit($0.value) }
            case .compare(let a, let rest): visit(a); rest.forEach { visit($0.operand) }
            case .ifExp(let t, let b, let o): visit(t); visit(b); visit(o)
            default: break
            }
        }
        visit(e)
        return found
    }
}
