import BigInt

/// Atoms: names, literals, parenthesized forms, displays and comprehensions.
extension Parser {
    mutating func atom() throws(ParseStop) -> Expr {
        let t = try tok()
        let span = Parser.span(t)
        switch t.kind {
        case .name:
            try advance()
            return node(.name(t.text), span)
        case .number:
            try advance()
            return node(try number(t), span)
        case .string:
            return try strings()
        case .keyword:
            switch t.text {
            case "True": try advance(); return node(.bool(true), span)
            case "False": try advance(); return node(.bool(false), span)
            case "None": try advance(); return node(.none, span)
            default: throw try invalidSyntax()
            }
        case .op:
            switch t.text {
            case "(": return try parenthesized()
            case "[": return try listDisplay()
            case "{": return try braceDisplay()
            case "...": try advance(); return node(.ellipsis, span)
            default: throw try invalidSyntax()
            }
        default:
            throw try invalidSyntax()
        }
    }

    /// A NUMBER token's value: underscores removed, any base decoded, big values as BigInt.
    mutating func number(_ t: Token) throws(ParseStop) -> ExprKind {
        var s = t.text.replacingUnderscores()
        // An imaginary literal: the digits are a float's (parsenumber: PyOS_string_to_double).
        if s.hasSuffix("j") || s.hasSuffix("J") { return .imaginary(Double(String(s.dropLast())) ?? .infinity) }
        var radix = 10
        if s.count > 1 && s.hasPrefix("0") {
            switch s.dropFirst().first {
            case "x", "X": radix = 16
            case "o", "O": radix = 8
            case "b", "B": radix = 2
            default: break
            }
            if radix != 10 { s = String(s.dropFirst(2)) }
        }
        if radix == 10 && (s.contains(".") || s.contains("e") || s.contains("E")) {
            return .float(Double(s) ?? .infinity)
        }
        if let v = Int(s, radix: radix) { return .int(v) }
        if radix == 10 { try checkLiteralDigits(s.unicodeScalars.count, t) }
        return .bigInt(BigInt(s, radix: radix) ?? 0)
    }

    /// Python/pegen.c parsenumber_raw → PyLong_FromString: a decimal literal longer than
    /// the int-string limit is a SyntaxError with pegen's hint (3.11.7, 3.8.18); where the
    /// profile has no limit (3.6) the engine refuses past `LongFormat.engineMaxDigits`.
    /// Divergence: 3.11+ report offset 0 (no caret); the engine points at the literal, as 3.8.
    func checkLiteralDigits(_ digits: Int, _ t: Token) throws(ParseStop) {
        if let profile = limits.profile, let limit = profile.intMaxStrDigits {
            guard digits > limit else { return }
            throw error(LongFormat.toIntMessage(profile, limit, digits: digits)
                        + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                        line: t.line, offset: t.column + 1)
        }
        guard digits > LongFormat.engineMaxDigits else { return }
        throw ParseStop.unsupported(UnsupportedConstruct(
            "int literals of more than \(LongFormat.engineMaxDigits) digits", line: t.line, column: t.column))
    }

    // MARK: - Parentheses and displays

    mutating func parenthesized() throws(ParseStop) -> Expr {
        let open = try advance()
        let span = Parser.span(open)
        if try accept(")") { return node(.tuple([]), span) }
        if try atKeyword("yield") {
            let value = try yieldExpression()
            _ = try expect(")")
            return value
        }
        let first = try starNamedExpression()
        try checkForgottenComma(first)
        if try atKeyword("for") {
            let gens = try comprehensionClauses(element: first)
            _ = try expect(")")
            return node(.generatorExp(element: first, generators: gens), span)
        }
        if try at(")") {
            try advance()
            if case .starred = first.kind {
                throw error("cannot use starred expression here", line: first.span.line, offset: first.span.column + 1)
            }
            return first
        }
        var items = [first]
        while try accept(",") {
            if try at(")") { break }
            items.append(try starNamedExpression())
            try checkForgottenComma(items.last!)
        }
        _ = try expect(")")
        return node(.tuple(items), span)
    }

    mutating func listDisplay() throws(ParseStop) -> Expr {
        let open = try advance()
        let span = Parser.span(open)
        if try accept("]") { return node(.list([]), span) }
        let first = try starNamedExpression()
        try checkForgottenComma(first)
        if try atKeyword("for") {
            let gens = try comprehensionClauses(element: first)
            _ = try expect("]")
            return node(.listComp(element: first, generators: gens), span)
        }
        var items = [first]
        while try accept(",") {
            if try at("]") { break }
            items.append(try starNamedExpression())
            try checkForgottenComma(items.last!)
        }
        _ = try expect("]")
        return node(.list(items), span)
    }

    /// `{}`: a dict, set, dict comprehension or set comprehension.
    mutating func braceDisplay() throws(ParseStop) -> Expr {
        let open = try advance()
        let span = Parser.span(open)
        if try accept("}") { return node(.dict([]), span) }
        var first: DictItem?
        var firstElement: Expr?
        if try accept("**") {
            first = DictItem(key: nil, value: try bitwiseOr())
        } else {
            let e = try starNamedExpression()
            if try at(":") {
                first = DictItem(key: e, value: try dictValue())
                if try atKeyword("for") {
                    let gens = try comprehensionClauses()
                    _ = try expect("}")
                    return node(.dictComp(key: e, value: first!.value, generators: gens), span)
                }
            } else {
                firstElement = e
            }
        }
        if let first {
            var items = [first]
            while try accept(",") {
                if try at("}") { break }
                if try accept("**") {
                    items.append(DictItem(key: nil, value: try bitwiseOr()))
                } else {
                    let key = try expression()
                    guard try at(":") else { throw try invalidSyntax() }
                    items.append(DictItem(key: key, value: try dictValue()))
                }
            }
            _ = try expect("}")
            return node(.dict(items), span)
        }
        let element = firstElement!
        if try atKeyword("for") {
            let gens = try comprehensionClauses(element: element)
            _ = try expect("}")
            return node(.setComp(element: element, generators: gens), span)
        }
        var items = [element]
        while try accept(",") {
            if try at("}") { break }
            items.append(try starNamedExpression())
        }
        _ = try expect("}")
        return node(.set(items), span)
    }

    /// After a dict key: `':' expression`, with `invalid_double_starred_kvpairs`'s message.
    mutating func dictValue() throws(ParseStop) -> Expr {
        let colon = try advance()
        if try atAny("}", ",") {
            throw error("expression expected after dictionary key and ':'", line: colon.line, offset: colon.column + 1)
        }
        return try expression()
    }

    // MARK: - Comprehensions

    /// `for_if_clauses`: one or more `for target in iter (if cond)*`.
    mutating func comprehensionClauses(element: Expr? = nil) throws(ParseStop) -> [Comprehension] {
        if let element, case .starred = element.kind {
            throw error("iterable unpacking cannot be used in comprehension", line: element.span.line,
                        offset: element.span.column + 1)
        }
        var out: [Comprehension] = []
        while true {
            if try atKeyword("async") {
                unsupported("'async for'", at: try tok())
                try advance()
            }
            guard try atKeyword("for") else { break }
            try advance()
            let target = try targetList()
            try validateTarget(target, context: .store)
            guard try acceptKeyword("in") else { throw try invalidSyntax() }
            let iter = try disjunction()
            var ifs: [Expr] = []
            while try acceptKeyword("if") { ifs.append(try disjunction()) }
            out.append(Comprehension(target: target, iter: iter, ifs: ifs))
        }
        return out
    }

    /// `star_targets` as the left of `for … in`: items at `bitwise_or` level so `in` is not
    /// taken as a comparison.
    mutating func targetList() throws(ParseStop) -> Expr {
        func item(_ p: inout Parser) throws(ParseStop) -> Expr {
            if try p.at("*") {
                let star = try p.advance()
                return p.node(.starred(try p.bitwiseOr()), Parser.span(star))
            }
            return try p.bitwiseOr()
        }
        let start = Parser.span(try tok())
        let first = try item(&self)
        guard try at(",") else { return first }
        var items = [first]
        while try accept(",") {
            if try atKeyword("in") { break }
            if try at("=") { break }
            items.append(try item(&self))
        }
        return node(.tuple(items), start)
    }
}

extension String {
    func replacingUnderscores() -> String {
        contains("_") ? String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) : self
    }
}
