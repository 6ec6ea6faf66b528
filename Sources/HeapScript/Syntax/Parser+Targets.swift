/// Assignment and deletion targets, validated as CPython 3.11 does
/// (`_PyPegen_get_invalid_target`, `_PyPegen_get_expr_name` in `Parser/pegen.c`,
/// and the starred checks of `Python/compile.c`).
extension Parser {
    enum TargetContext { case store, delete }

    /// The first sub-expression of `e` that cannot be a target, or nil.
    static func invalidTarget(_ e: Expr, _ context: TargetContext) -> Expr? {
        switch e.kind {
        case .name(let n): return n == "__debug__" ? e : nil
        case .attribute, .subscript: return nil
        case .tuple(let items), .list(let items):
            for item in items { if let bad = invalidTarget(item, context) { return bad } }
            return nil
        case .starred(let inner):
            return context == .delete ? e : invalidTarget(inner, context)
        default:
            return e
        }
    }

    /// `_PyPegen_get_expr_name`: how error messages name an expression.
    static func exprName(_ e: Expr) -> String {
        switch e.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name(let n): return n == "__debug__" ? "__debug__" : "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .yield, .yieldFrom: return "yield expression"
        case .call: return "function call"
        case .boolOp, .binary, .unary: return "expression"
        case .generatorExp: return "generator expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .fstring: return "f-string expression"
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .ellipsis: return "ellipsis"
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .slice: return "slice"
        case .namedExpr: return "named expression"
        default: return "literal"
        }
    }

    func targetError(_ bad: Expr, whole: Expr, end: (Int, Int), verb: String, here: Bool) -> ParseStop {
        let suffix = here ? " here. Maybe you meant '==' instead of '='?" : ""
        let width = bad.span.startsWith(whole.span) && end.0 == bad.span.line ? end.1 - bad.span.column : 1
        return error("cannot \(verb) \(Parser.exprName(bad))\(suffix)", line: bad.span.line,
                     offset: bad.span.column + 1, width: width)
    }

    /// Targets of `for`, `with … as`, comprehensions and `del`.
    func validateTarget(_ e: Expr, context: TargetContext) throws(ParseStop) {
        if let bad = Parser.invalidTarget(e, context) {
            throw targetError(bad, whole: e, end: prevEnd, verb: context == .delete ? "delete" : "assign to", here: false)
        }
        if context == .store { try checkStarred(e) }
    }

    /// One target of `a = b = value`. `single`: the only target, where `invalid_named_expression`
    /// gives its "here. Maybe you meant '=='" variant for operator-level expressions.
    func validateAssignTarget(_ e: Expr, end: (Int, Int), single: Bool) throws(ParseStop) {
        guard let bad = Parser.invalidTarget(e, .store) else { return try checkStarred(e) }
        var here = single
        switch e.kind {
        case .tuple, .list, .generatorExp, .bool, .none, .compare, .boolOp, .ifExp, .lambda, .starred,
             .unary(.not, _):
            here = false
        default: break
        }
        if case .name = e.kind { here = false }
        throw targetError(bad, whole: e, end: end, verb: "assign to", here: here)
    }

    /// compile.c's unpacking checks: a lone starred target, two starred targets in one tuple.
    func checkStarred(_ e: Expr) throws(ParseStop) {
        switch e.kind {
        case .starred:
            throw error("starred assignment target must be in a list or tuple", line: e.span.line,
                        offset: e.span.column + 1)
        case .tuple(let items), .list(let items):
            var count = 0
            for item in items {
                if case .starred(let inner) = item.kind { count += 1; try checkStarred(inner) } else { try checkStarred(item) }
            }
            if count > 1 {
                throw error("multiple starred expressions in assignment", line: e.span.line, offset: e.span.column + 1)
            }
        default: break
        }
    }
}
