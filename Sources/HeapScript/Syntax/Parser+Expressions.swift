/// Expressions, from `expression` down to `atom`, in `Grammar/python.gram`'s order of precedence.
extension Parser {
    // MARK: - Tuples and starred

    /// Whether the current token can begin an expression.
    mutating func startsExpression() throws(ParseStop) -> Bool {
        let t = try tok()
        switch t.kind {
        case .name, .number, .string: return true
        case .keyword: return ["not", "lambda", "await", "None", "True", "False", "yield"].contains(t.text)
        case .op: return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(t.text)
        default: return false
        }
    }

    /// `star_expressions`: `a`, `a, b`, `a,`, `*a, b`.
    mutating func starExpressions() throws(ParseStop) -> Expr {
        let start = Parser.span(try tok())
        let first = try starExpression()
        guard try at(",") else { return first }
        var items = [first]
        while try accept(",") {
            if !(try startsExpression()) { break }
            items.append(try starExpression())
        }
        return node(.tuple(items), start)
    }

    /// `star_expression`: `*bitwise_or` or `expression`.
    mutating func starExpression() throws(ParseStop) -> Expr {
        if try at("*") {
            let star = try advance()
            return node(.starred(try bitwiseOr()), Parser.span(star))
        }
        return try expression()
    }

    /// `star_named_expression`, used inside displays.
    mutating func starNamedExpression() throws(ParseStop) -> Expr {
        if try at("*") {
            let star = try advance()
            return node(.starred(try bitwiseOr()), Parser.span(star))
        }
        return try namedExpression()
    }

    /// `named_expression`: an expression, or `NAME := expression` (its node spans both).
    mutating func namedExpression() throws(ParseStop) -> Expr {
        let t = try tok()
        if t.kind == .name, try tok(1).isOp(":=") {
            try advance()
            let target = node(.name(t.text), Parser.span(t))   // ends with the name
            try advance()
            return node(.namedExpr(target: target, value: try expression()), Parser.span(t))
        }
        return try expression()
    }

    // MARK: - Boolean and conditional

    mutating func expression() throws(ParseStop) -> Expr {
        try descend()
        defer { nesting -= 1 }
        if try atKeyword("lambda") { return try lambda() }
        let start = Parser.span(try tok())
        let body = try disjunction()
        guard try atKeyword("if") else { return body }
        try advance()
        let test = try disjunction()
        guard try acceptKeyword("else") else {
            throw error("expected 'else' after 'if' expression", from: body.span)
        }
        let orelse = try expression()
        return node(.ifExp(test: test, body: body, orelse: orelse), start)
    }

    mutating func lambda() throws(ParseStop) -> Expr {
        let kw = try advance()
        let params = try parameters(closing: ":", annotations: false)
        _ = try expect(":")
        functionDepth += 1
        defer { functionDepth -= 1 }
        let body = try expression()
        return node(.lambda(params: params, body: body), Parser.span(kw))
    }

    mutating func disjunction() throws(ParseStop) -> Expr {
        let start = Parser.span(try tok())
        let first = try conjunction()
        guard try atKeyword("or") else { return first }
        var values = [first]
        while try acceptKeyword("or") { values.append(try conjunction()) }
        return node(.boolOp(.or, values), start)
    }

    mutating func conjunction() throws(ParseStop) -> Expr {
        let start = Parser.span(try tok())
        let first = try inversion()
        guard try atKeyword("and") else { return first }
        var values = [first]
        while try acceptKeyword("and") { values.append(try inversion()) }
        return node(.boolOp(.and, values), start)
    }

    mutating func inversion() throws(ParseStop) -> Expr {
        if try atKeyword("not") {
            let t = try advance()
            try descend()
            defer { nesting -= 1 }
            return node(.unary(.not, try inversion()), Parser.span(t))
        }
        return try comparison()
    }

    mutating func compareOperator() throws(ParseStop) -> CompareOp? {
        let t = try tok()
        if t.kind == .op {
            switch t.text {
            case "==": try advance(); return .eq
            case "!=": try advance(); return .ne
            case "<": try advance(); return .lt
            case "<=": try advance(); return .le
            case ">": try advance(); return .gt
            case ">=": try advance(); return .ge
            default: return nil
            }
        }
        if t.isKeyword("in") { try advance(); return .in }
        if t.isKeyword("not"), try tok(1).isKeyword("in") { try advance(); try advance(); return .notIn }
        if t.isKeyword("is") {
            try advance()
            if try acceptKeyword("not") { return .isNot }
            return .is
        }
        return nil
    }

    mutating func comparison() throws(ParseStop) -> Expr {
        let start = Parser.span(try tok())
        let first = try bitwiseOr()
        var pairs: [Comparison] = []
        while let op = try compareOperator() { pairs.append(Comparison(op, try bitwiseOr())) }
        return pairs.isEmpty ? first : node(.compare(first, pairs), start)
    }

    // MARK: - Arithmetic

    static let binaryLevels: [[String: BinaryOp]] = [
        ["|": .bitOr], ["^": .bitXor], ["&": .bitAnd], ["<<": .lshift, ">>": .rshift],
        ["+": .add, "-": .sub], ["*": .mul, "/": .div, "//": .floorDiv, "%": .mod, "@": .matMul],
    ]

    mutating func bitwiseOr() throws(ParseStop) -> Expr { try binary(level: 0) }

    /// Left-associative binary operators, `bitwise_or` (level 0) down to `term` (level 5).
    mutating func binary(level: Int) throws(ParseStop) -> Expr {
        if level == Parser.binaryLevels.count { return try factor() }
        // A node starts at its rule's first token, a parenthesis of its left operand included
        // (`(1 + 2) * 3` starts at column 0), as pegen's EXTRA does.
        let start = Parser.span(try tok())
        var left = try binary(level: level + 1)
        let chainStart = chain
        defer { chain = chainStart }
        while true {
            let t = try tok()
            guard t.kind == .op, let op = Parser.binaryLevels[level][t.text] else { return left }
            try advance()
            try lengthenChain()
            let right = try binary(level: level + 1)
            left = node(.binary(op, left, right), start)
        }
    }

    /// `factor`: unary `+ - ~`, which bind looser than `**` on their right (`-2**2 == -4`).
    mutating func factor() throws(ParseStop) -> Expr {
        let t = try tok()
        if t.kind == .op {
            let op: UnaryOp? = t.text == "-" ? .negate : t.text == "+" ? .plus : t.text == "~" ? .invert : nil
            if let op {
                try advance()
                try descend()
                defer { nesting -= 1 }
                return node(.unary(op, try factor()), Parser.span(t))
            }
        }
        return try power()
    }

    mutating func power() throws(ParseStop) -> Expr {
        if try atKeyword("await") {
            let t = try advance()
            unsupported("'await'", at: t)
            return try power()
        }
        let start = Parser.span(try tok())
        let base = try primary()
        if try accept("**") {
            try descend()
            defer { nesting -= 1 }
            return node(.binary(.pow, base, try factor()), start)
        }
        return base
    }

    // MARK: - Primaries

    mutating func primary() throws(ParseStop) -> Expr {
        let start = Parser.span(try tok())
        var e = try atom()
        let chainStart = chain
        defer { chain = chainStart }
        while true {
            if try atAny(".", "(", "[") { try lengthenChain() }
            if try accept(".") {
                let name = try expectName()
                e = node(.attribute(e, name.text), start)
            } else if try at("(") {
                e = try call(e, start: start)
            } else if try at("[") {
                try advance()
                let index = try slices()
                _ = try expect("]")
                e = node(.subscript(e, index), start)
            } else {
                return e
            }
        }
    }

    /// `slices`: one slice, or a tuple of slices and starred expressions.
    mutating func slices() throws(ParseStop) -> Expr {
        let start = Parser.span(try tok())
        let first = try slice()
        guard try at(",") else { return first }
        var items = [first]
        while try accept(",") {
            if try at("]") { break }
            items.append(try slice())
        }
        return node(.tuple(items), start)
    }

    mutating func slice() throws(ParseStop) -> Expr {
        let start = try tok()
        if start.isOp("*") { return try starNamedExpression() }
        var lower: Expr?
        if !start.isOp(":") {
            lower = try namedExpression()
            if !(try at(":")) { return lower! }
        }
        try advance()  // ':'
        var upper: Expr?, step: Expr?
        if !(try atAny(":", "]", ",")) { upper = try expression() }
        if try accept(":") {
            if !(try atAny("]", ",")) { step = try expression() }
        }
        return node(.slice(lower: lower, upper: upper, step: step), Parser.span(start))
    }

    /// A call's argument list, CPython's `args` + `invalid_arguments`.
    mutating func call(_ callee: Expr, start: SourceSpan? = nil) throws(ParseStop) -> Expr {
        let open = try advance()
        var args: [Expr] = [], keywords: [Keyword] = []
        var sawKeyword = false, sawDoubleStar = false
        while !(try at(")")) {
            let t = try tok()
            if t.isOp("*") {
                try advance()
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking",
                                line: t.line, offset: t.column + 1)
                }
                let starred = node(.starred(try expression()), Parser.span(t))
                if try atKeyword("for") { _ = try comprehensionClauses(element: starred) }
                args.append(starred)
            } else if t.isOp("**") {
                try advance()
                keywords.append(Keyword(name: nil, value: try expression()))
                sawDoubleStar = true
            } else if (t.kind == .name || t.isKeyword("True") || t.isKeyword("False") || t.isKeyword("None")),
                      try tok(1).isOp("=") {
                if t.kind == .keyword {
                    try advance()
                    throw error("cannot assign to \(t.text)", line: t.line, offset: t.column + 1, width: t.text.count)
                }
                try advance(); try advance()
                keywords.append(Keyword(name: t.text, value: try expression()))
                sawKeyword = true
            } else {
                var e = try namedExpression()
                try checkForgottenComma(e)
                if try atKeyword("for") {
                    let gens = try comprehensionClauses()
                    // The call's parentheses are the generator expression's own: it ends
                    // after the `)` (python.gram's `primary genexp` takes it whole).
                    let closes = try at(")")
                    var gen = node(.generatorExp(element: e, generators: gens), Parser.span(open))
                    if closes { gen.span.endLine = try tok().endLine; gen.span.endColumn = try tok().endColumn }
                    if !args.isEmpty || !keywords.isEmpty || !closes {
                        throw error("Generator expression must be parenthesized", from: e.span)
                    }
                    e = gen
                } else if try at("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", from: e.span)
                }
                if sawKeyword || sawDoubleStar {
                    _ = try tok()
                    let last = toks.last!
                    let message = sawDoubleStar ? "positional argument follows keyword argument unpacking"
                                                : "positional argument follows keyword argument"
                    throw error(message, line: last.line, offset: last.column + 1)
                }
                args.append(e)
            }
            if !(try accept(",")) { break }
        }
        _ = try expect(")")
        return node(.call(callee, args: args, keywords: keywords), start ?? callee.span)
    }
}
