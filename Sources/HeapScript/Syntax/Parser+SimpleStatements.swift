/// Simple statements: expression statements, assignments, and the keyword statements.
extension Parser {
    static let augmentedOperators: [String: BinaryOp] = [
        "+=": .add, "-=": .sub, "*=": .mul, "/=": .div, "//=": .floorDiv, "%=": .mod, "**=": .pow,
        "<<=": .lshift, ">>=": .rshift, "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor, "@=": .matMul,
    ]

    mutating func simpleStatement() throws(ParseStop) -> Stmt {
        let t = try tok()
        let span = Parser.span(t)
        guard t.kind == .keyword else { return try expressionStatement() }
        switch t.text {
        case "pass": try advance(); return Stmt(.pass, span)
        case "break": try advance(); return Stmt(.break, span)
        case "continue": try advance(); return Stmt(.continue, span)
        case "return":
            try advance()
            let value: Expr? = try startsExpression() ? try starExpressions() : nil
            return Stmt(.return(value), span)
        case "raise":
            try advance()
            guard try startsExpression() else { return Stmt(.raise(nil, cause: nil), span) }
            let exc = try expression()
            let cause: Expr? = try acceptKeyword("from") ? try expression() : nil
            return Stmt(.raise(exc, cause: cause), span)
        case "global", "nonlocal":
            try advance()
            var names = [try expectName().text]
            while try accept(",") { names.append(try expectName().text) }
            return Stmt(t.text == "global" ? .global(names) : .nonlocal(names), span)
        case "del":
            try advance()
            let targets = try starExpressions()
            let items: [Expr]
            if case .tuple(let xs) = targets.kind, xs.first.map { targets.span.startsWith($0.span) } ?? false { items = xs } else { items = [targets] }
            for item in items { try validateTarget(item, context: .delete) }
            return Stmt(.delete(items), span)
        case "assert":
            try advance()
            let test = try expression()
            let message: Expr? = try accept(",") ? try expression() : nil
            return Stmt(.assert(test: test, message: message), span)
        case "import": return try importStatement()
        case "from": return try fromImport()
        default:
            return try expressionStatement()
        }
    }

    /// `yield`, `yield x` and `yield from x` (yield_expr).
    mutating func yieldExpression() throws(ParseStop) -> Expr {
        let kw = try advance()
        let span = Parser.span(kw)
        if try acceptKeyword("from") { return node(.yieldFrom(try expression()), span) }
        return node(.yield(try startsExpression() ? try starExpressions() : nil), span)
    }

    mutating func assignmentValue() throws(ParseStop) -> Expr {
        try atKeyword("yield") ? try yieldExpression() : try starExpressions()
    }

    /// Whether the tokens `toks[start..<end]` are one parenthesized group: `(1, 2)`, not
    /// `(1), 2`.
    func wrappedInParentheses(_ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2, toks[start].isOp("("), toks[end - 1].isOp(")") else { return false }
        var depth = 0
        for i in start..<end {
            let t = toks[i]
            if t.isOp("(") || t.isOp("[") || t.isOp("{") { depth += 1 }
            if t.isOp(")") || t.isOp("]") || t.isOp("}") { depth -= 1 }
            if depth == 0 && i < end - 1 { return false }
        }
        return true
    }

    /// Expression statements, `=` chains, augmented and annotated assignments.
    mutating func expressionStatement() throws(ParseStop) -> Stmt {
        let opensWithParenthesis = try tok().isOp("(")
        let first = try assignmentValue()
        let firstEnd = prevEnd
        let span = first.span
        let t = try tok()
        if t.isOp("=") {
            var exprs = [first]
            var ends = [firstEnd]
            while try accept("=") {
                exprs.append(try assignmentValue())
                ends.append(prevEnd)
            }
            let value = exprs.removeLast()
            for (i, target) in exprs.enumerated() {
                try validateAssignTarget(target, end: ends[i], single: exprs.count == 1)
            }
            return Stmt(.assign(targets: exprs, value: value), span)
        }
        if t.kind == .op, let op = Parser.augmentedOperators[t.text] {
            switch first.kind {
            case .name, .attribute, .subscript: break
            default:
                let width = firstEnd.0 == span.line ? firstEnd.1 - span.column : 1
                throw error("'\(Parser.exprName(first))' is an illegal expression for augmented assignment",
                            line: span.line, offset: span.column + 1, width: width)
            }
            try advance()
            return Stmt(.augAssign(target: first, op: op, value: try assignmentValue()), span)
        }
        if t.isOp(":") {
            // annotated_rhs after a single target (a name, attribute or subscription); the
            // grammar's invalid_ann_assign_target errors are refused (their texts differ
            // between the old parser and the PEG one).
            try advance()
            switch first.kind {
            case .name, .attribute, .subscript: break
            default: unsupported("an annotation of this target", at: t)
            }
            let annotation = try expression()
            var value: Expr?
            if try accept("=") {
                let start = p
                let rhs = try assignmentValue()
                // Before 3.8 only a `test` came here: `x: int = 1, 2` was a SyntaxError then.
                if case .tuple = rhs.kind, !wrappedInParentheses(start, p) {
                    unsupported("an unparenthesized tuple after an annotation", at: toks[start])
                }
                value = rhs
            }
            var simple = false
            if case .name = first.kind { simple = !opensWithParenthesis }
            return Stmt(.annAssign(target: first, annotation: annotation, value: value, simple: simple), span)
        }
        // invalid_legacy_expression: `print 'a'`.
        if case .name(let n) = first.kind, n == "print" || n == "exec",
           t.kind != .newline, !t.isOp(";"), try startsExpression() {
            _ = try starExpressions()
            throw error("Missing parentheses in call to '\(n)'. Did you mean \(n)(...)?", from: span)
        }
        return Stmt(.expr(first), span)
    }

    // MARK: - Imports

    mutating func dottedName() throws(ParseStop) -> String {
        var name = try expectName().text
        while try accept(".") { name += "." + (try expectName().text) }
        return name
    }

    mutating func importStatement() throws(ParseStop) -> Stmt {
        let kw = try advance()
        var names: [ImportAlias] = []
        repeat {
            let name = try dottedName()
            let asName: String? = try acceptKeyword("as") ? try expectName().text : nil
            names.append(ImportAlias(name: name, asName: asName))
        } while try accept(",")
        return Stmt(.import(names), Parser.span(kw))
    }

    mutating func fromImport() throws(ParseStop) -> Stmt {
        let kw = try advance()
        var level = 0
        while try atAny(".", "...") { level += (try advance()).text.count }
        if level > 0 { unsupported("relative imports", at: kw) }
        let bare = try atKeyword("import")
        let module = level > 0 && bare ? "" : try dottedName()
        guard try acceptKeyword("import") else { throw try invalidSyntax() }
        if try at("*") {
            unsupported("'import *'", at: try advance())
            return Stmt(.importFrom(module: module, names: []), Parser.span(kw))
        }
        let parenthesized = try accept("(")
        var names: [ImportAlias] = []
        while true {
            let name = try expectName().text
            let asName: String? = try acceptKeyword("as") ? try expectName().text : nil
            names.append(ImportAlias(name: name, asName: asName))
            guard try accept(",") else { break }
            let n = try tok()
            if parenthesized && n.isOp(")") { break }
            if !parenthesized && (n.kind == .newline || n.isOp(";")) {
                throw error("trailing comma not allowed without surrounding parentheses", line: n.line, offset: n.column + 1)
            }
        }
        if parenthesized { _ = try expect(")") }
        return Stmt(.importFrom(module: module, names: names), Parser.span(kw))
    }
}
