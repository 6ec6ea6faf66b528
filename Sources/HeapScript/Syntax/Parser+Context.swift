/// Checks CPython makes after parsing, in `Python/symtable.c` and `Python/compile.c`, that need
/// only the tree: `return`/`break`/`continue` out of place and `nonlocal` at module level.
/// Doing them here means every front-end user (REPL, runner, workbook) reports them the same way.
extension Parser {
    struct Context {
        var inFunction = false
        var inLoop = false
    }

    static func checkContext(_ body: [Stmt], _ ctx: Context, _ parser: Parser) throws(ParseStop) {
        for s in body { try checkContext(s, ctx, parser) }
    }

    static func checkContext(_ s: Stmt, _ ctx: Context, _ parser: Parser) throws(ParseStop) {
        func fail(_ message: String) -> ParseStop {
            parser.error(message, line: s.span.line, offset: s.span.column + 1)
        }
        switch s.kind {
        case .return:
            if !ctx.inFunction { throw fail("'return' outside function") }
        case .break:
            if !ctx.inLoop { throw fail("'break' outside loop") }
        case .continue:
            if !ctx.inLoop { throw fail("'continue' not properly in loop") }
        case .nonlocal:
            if !ctx.inFunction { throw fail("nonlocal declaration not allowed at module level") }
        case .if(_, let body, let orelse):
            try checkContext(body, ctx, parser); try checkContext(orelse, ctx, parser)
        case .while(_, let body, let orelse), .for(_, _, let body, let orelse):
            var inner = ctx
            inner.inLoop = true
            try checkContext(body, inner, parser); try checkContext(orelse, ctx, parser)
        case .functionDef(_, _, let body, _, _):
            try checkContext(body, Context(inFunction: true, inLoop: false), parser)
        case .classDef(_, _, let body, _):
            try checkContext(body, Context(), parser)
        case .try(let body, let handlers, let orelse, let finalbody):
            try checkContext(body, ctx, parser)
            for h in handlers { try checkContext(h.body, ctx, parser) }
            try checkContext(orelse, ctx, parser); try checkContext(finalbody, ctx, parser)
        case .with(_, let body):
            try checkContext(body, ctx, parser)
        default:
            break
        }
    }

    /// `invalid_expression`'s "Perhaps you forgot a comma?": inside brackets, an expression
    /// directly followed by another one.
    mutating func checkForgottenComma(_ a: Expr) throws(ParseStop) {
        let t = try tok()
        let starts: Bool
        switch t.kind {
        case .name, .number, .string: starts = true
        case .keyword: starts = ["None", "True", "False", "lambda"].contains(t.text)
        case .op: starts = ["{", "~", "..."].contains(t.text)
        default: starts = false
        }
        guard starts else { return }
        switch a.kind {
        case .ifExp, .lambda, .starred: return
        case .name: if t.kind == .string { return }
        default: break
        }
        let save = p, saveEnd = prevEnd, saveLast = (lastEnd.line, lastEnd.column)
        do {
            _ = try expression()
        } catch {
            if case .needMore = error { throw error }
            p = save; prevEnd = saveEnd
            (lastEnd.line, lastEnd.column) = saveLast
            return
        }
        throw self.error("invalid syntax. Perhaps you forgot a comma?", from: a.span)
    }
}
