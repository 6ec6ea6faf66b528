/// String atoms: adjacent literals concatenated, escapes decoded, f-strings split into literal
/// text and fields, after CPython 3.11's `Parser/string_parser.c` (`fstring_find_literal`,
/// `fstring_find_expr`, `fstring_compile_expr`).
extension Parser {
    mutating func strings() throws(ParseStop) -> Expr {
        let first = try tok()
        var sawBytes = false, sawText = false, sawFormat = false
        var parts: [FStringPart] = []
        var bytes: [UInt8] = []
        while try tok().kind == .string {
            let t = try advance()
            let scalars = Array(t.text.unicodeScalars)
            let sp = StringLiteral.split(scalars)
            if sp.isBytes { sawBytes = true } else { sawText = true }
            if sawBytes && sawText {
                // RAISE_SYNTAX_ERROR without a location: the last token fetched.
                _ = try tok()
                let n = toks.last!
                throw error("cannot mix bytes and nonbytes literals", line: n.line, offset: n.column + 1)
            }
            if sp.isFormat {
                sawFormat = true
                try formatString(t, scalars, sp, into: &parts)
                continue
            }
            let values = try decode(sp.body, raw: sp.isRaw, bytes: sp.isBytes, token: t)
            if sp.isBytes {
                bytes.append(contentsOf: values.map { UInt8(truncatingIfNeeded: $0) })
            } else {
                Parser.appendLiteral(StringLiteral.string(values), to: &parts)
            }
        }
        let span = Parser.span(first)
        if sawBytes { return node(.bytes(bytes), span) }
        if !sawFormat {
            if case .literal(let s)? = parts.first { return node(.string(s), span) }
            return node(.string(""), span)
        }
        return node(.fstring(parts), span)
    }

    static func appendLiteral(_ s: String, to parts: inout [FStringPart]) {
        if s.isEmpty { if parts.isEmpty { parts.append(.literal("")) }; return }
        if case .literal(let prev)? = parts.last {
            parts[parts.count - 1] = .literal(prev + s)
        } else {
            parts.append(.literal(s))
        }
    }

    mutating func decode(_ body: ArraySlice<Unicode.Scalar>, raw: Bool, bytes: Bool, token t: Token) throws(ParseStop) -> [UInt32] {
        do {
            return try StringLiteral.decode(body, raw: raw, bytes: bytes)
        } catch {
            switch error {
            case .syntax(let message):
                let width = t.endLine == t.line ? t.endColumn - t.column : 1
                throw self.error(message, line: t.line, offset: t.column + 1, width: width)
            case .unsupported(let what):
                unsupported(what, at: t)
                return []
            }
        }
    }

    /// Line and column of the scalar at `index` of a token's text.
    static func position(in scalars: [Unicode.Scalar], of index: Int, token t: Token) -> (Int, Int) {
        var l = t.line, c = t.column
        for k in 0..<index {
            if scalars[k] == "\n" { l += 1; c = 0 } else { c += 1 }
        }
        return (l, c)
    }

    /// Splits an f-string's body into literal text and `{expr!c}` fields.
    mutating func formatString(_ t: Token, _ scalars: [Unicode.Scalar], _ sp: StringLiteral.Parts,
                               into parts: inout [FStringPart]) throws(ParseStop) {
        let body = sp.body
        let end = body.endIndex
        // Errors found inside an f-string are reported after it, as pegen does.
        let after = (t.endLine, t.endColumn + 1)
        func fail(_ p: Parser, _ message: String) -> ParseStop {
            p.error(message, line: after.0, offset: after.1)
        }
        var literal: [Unicode.Scalar] = []
        var i = body.startIndex
        if parts.isEmpty { parts.append(.literal("")) }
        while i < end {
            let c = body[i]
            if c == "\\" && !sp.isRaw && i + 1 < end {
                if body[i + 1] == "N" { unsupported("'\\N{...}' escapes", at: t) }
                literal.append(c); literal.append(body[i + 1]); i += 2
                continue
            }
            if c == "}" {
                guard i + 1 < end && body[i + 1] == "}" else { throw fail(self, "f-string: single '}' is not allowed") }
                literal.append("}"); i += 2
                continue
            }
            if c != "{" { literal.append(c); i += 1; continue }
            if i + 1 < end && body[i + 1] == "{" { literal.append("{"); i += 2; continue }
            // Flush the literal before the field.
            let text = StringLiteral.string(try decode(literal[...], raw: sp.isRaw, bytes: false, token: t))
            Parser.appendLiteral(text, to: &parts)
            literal = []
            // Find the end of the expression: `!`, `:`, `=` or `}` outside brackets and quotes.
            let exprStart = i + 1
            var j = exprStart, depth = 0
            var quote: Unicode.Scalar?
            while j < end {
                let ch = body[j]
                if let q = quote {
                    if ch == q { quote = nil }
                    j += 1
                    continue
                }
                let next: Unicode.Scalar = j + 1 < end ? body[j + 1] : "\0"
                if ch == "'" || ch == "\"" { quote = ch }
                else if ch == "\\" { throw fail(self, "f-string expression part cannot include a backslash") }
                else if ch == "#" { throw fail(self, "f-string expression part cannot include '#'") }
                else if ch == "(" || ch == "[" || ch == "{" { depth += 1 }
                else if ch == ")" || ch == "]" || ch == "}" {
                    if depth == 0 {
                        if ch == "}" { break }
                        throw fail(self, "f-string: unmatched '\(Character(ch))'")
                    }
                    depth -= 1
                } else if depth == 0 && ch == "!" && next != "=" { break }
                else if depth == 0 && ch == ":" { break }
                else if ch == "=" || ch == "!" || ch == "<" || ch == ">" {
                    if next == "=" { j += 2; continue }
                    if depth == 0 && ch == "=" { break }
                }
                j += 1
            }
            if j >= end { throw fail(self, "f-string: expecting '}'") }
            let exprScalars = Array(body[exprStart..<j])
            if exprScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) {
                throw fail(self, "f-string: empty expression not allowed")
            }
            var conversion: Character?
            // 3.8's `=` (fstring_find_expr): the expression's text, through the `=` and the
            // whitespace after it, joins the literal before the field, and the value is shown
            // with repr unless a conversion or a format spec is given (3.8.18-3.13.0 alike:
            // f"a {x = }" has the constant 'a x = '). 3.6 has no `=`: its SyntaxError
            // ("invalid syntax" in "<fstring>") is not modelled.
            var debugText = false
            if body[j] == "=" {
                if let profile = limits.profile, profile.minor < 8 {
                    unsupported("'=' in f-strings (self-documenting expressions) before 3.8", at: t)
                }
                j += 1
                while j < end && (body[j] == " " || body[j] == "\t" || body[j] == "\n" || body[j] == "\r" || body[j] == "\u{0B}" || body[j] == "\u{0C}") { j += 1 }
                var text = ""
                text.unicodeScalars.append(contentsOf: body[exprStart..<j])
                Parser.appendLiteral(text, to: &parts)
                debugText = true
            }
            if j < end && body[j] == "!" {
                j += 1
                guard j < end else { throw fail(self, "f-string: expecting '}'") }
                let ch = body[j]
                guard ch == "s" || ch == "r" || ch == "a" else {
                    throw fail(self, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
                }
                conversion = Character(ch)
                j += 1
            }
            var spec: String?
            if j < end && body[j] == ":" {
                j += 1
                let specStart = j
                var d = 0
                while j < end && !(body[j] == "}" && d == 0) {
                    if body[j] == "{" { d += 1 } else if body[j] == "}" { d -= 1 }
                    j += 1
                }
                let specScalars = body[specStart..<min(j, end)]
                if specScalars.contains(where: { $0 == "{" || $0 == "}" || $0 == "\\" }) {
                    unsupported("format specs with fields or escapes in f-strings", at: t)
                }
                var text = ""
                text.unicodeScalars.append(contentsOf: specScalars)
                spec = text
            }
            guard j < end && body[j] == "}" else { throw fail(self, "f-string: expecting '}'") }
            if debugText && conversion == nil && spec == nil { conversion = "r" }
            let (fl, fc) = Parser.position(in: scalars, of: exprStart, token: t)
            parts.append(.field(try fieldExpression(exprScalars, line: fl, column: fc), conversion: conversion, spec: spec))
            i = j + 1
        }
        let text = StringLiteral.string(try decode(literal[...], raw: sp.isRaw, bytes: false, token: t))
        Parser.appendLiteral(text, to: &parts)
    }

    /// Parses an f-string field as CPython 3.11 does: `(expr)` compiled on its own, with node
    /// positions shifted to where the field sits in the source.
    mutating func fieldExpression(_ text: [Unicode.Scalar], line: Int, column: Int) throws(ParseStop) -> Expr {
        var sub = Parser(Lexer(["("] + text + [")"], baseLine: line, baseColumn: column - 1))
        sub.functionDepth = functionDepth
        do throws(ParseStop) {
            _ = try sub.expect("(")
            let e = try sub.starExpressions()
            _ = try sub.expect(")")
            guard try sub.tok().kind == .newline else { throw try sub.invalidSyntax() }
            if let u = sub.firstUnsupported { unsupported(u.construct, at: SourceSpan(line: u.line, column: u.column)) }
            return e
        } catch {
            switch error {
            case .syntax(var e):
                e.message = "f-string: " + e.message
                e.sourceLine = lexer.sourceLine(e.line - lexer.baseLine + 1)
                throw .syntax(e)
            default:
                throw error
            }
        }
    }
}
