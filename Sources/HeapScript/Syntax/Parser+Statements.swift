/// Statements: `file`, `statement_newline` (the REPL's `single` mode), simple and compound
/// statements and blocks.
extension Parser {
    // MARK: - Entry rules

    /// `file: [statements] ENDMARKER`
    mutating func file() throws(ParseStop) -> [Stmt] {
        var body: [Stmt] = []
        while try tok().kind != .endMarker { body += try statement() }
        return body
    }

    /// `statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER`
    mutating func statementNewline() throws(ParseStop) -> [Stmt] {
        let t = try tok()
        if t.kind == .newline { try advance(); return [] }
        if t.kind == .endMarker { return [] }
        if try startsCompound() {
            let s = try compoundStatement()
            guard try tok().kind == .newline else { throw try invalidSyntax() }
            try advance()
            return s
        }
        return try simpleStatements()
    }

    mutating func statement() throws(ParseStop) -> [Stmt] {
        if try startsCompound() { return try compoundStatement() }
        return try simpleStatements()
    }

    mutating func startsCompound() throws(ParseStop) -> Bool {
        let t = try tok()
        if t.kind == .keyword {
            return ["if", "while", "for", "try", "with", "def", "class", "async"].contains(t.text)
        }
        if t.isOp("@") { return true }
        if t.kind == .name && t.text == "match" { return try looksLikeMatch() }
        return false
    }

    /// `match` is a soft keyword: a statement when followed by a subject and a final `:`.
    mutating func looksLikeMatch() throws(ParseStop) -> Bool {
        let next = try tok(1)
        if next.kind == .newline || (next.kind == .op && !["(", "[", "{", "-", "~", "*"].contains(next.text)) { return false }
        var k = 1
        while true {
            let kind = try tok(k).kind
            if kind == .newline || kind == .endMarker { break }
            k += 1
        }
        return try tok(k - 1).isOp(":")
    }

    /// `simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    mutating func simpleStatements() throws(ParseStop) -> [Stmt] {
        var start = p
        var out = [ended(try simpleStatement())]
        noteTargetProbes(from: start)
        while try accept(";") {
            if try tok().kind == .newline { break }
            start = p
            out.append(ended(try simpleStatement()))
            noteTargetProbes(from: start)
        }
        guard try tok().kind == .newline else { throw try invalidSyntax() }
        try advance()
        return out
    }

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`, with `invalid_block`'s message.
    mutating func block(after what: String, line: Int) throws(ParseStop) -> [Stmt] {
        guard try tok().kind == .newline else { return try simpleStatements() }
        try advance()
        let t = try tok()
        guard t.kind == .indent else {
            let width = t.endLine == t.line ? t.endColumn - t.column : 1
            throw error("expected an indented block after \(what) on line \(line)", line: t.line,
                        offset: t.column + 1, width: width, kind: .indentationError)
        }
        try advance()
        var body: [Stmt] = []
        while true {
            let kind = try tok().kind
            if kind == .dedent || kind == .endMarker { break }
            body += try statement()
        }
        try advance()
        return body
    }

    // MARK: - Compound statements

    mutating func compoundStatement() throws(ParseStop) -> [Stmt] {
        try compoundStatementBody().map(ended)
    }

    private mutating func compoundStatementBody() throws(ParseStop) -> [Stmt] {
        let t = try tok()
        if t.kind == .name {  // match
            return [try skipUnsupportedCompound("'match' statements")]
        }
        switch t.text {
        case "@": return [try decorated()]
        case "if": return [try ifStatement()]
        case "while": return [try whileStatement()]
        case "for": return [try forStatement()]
        case "try": return [try tryStatement()]
        case "with": return [try withStatement()]
        case "def": return [try functionDef(decorators: [])]
        case "class": return [try classDef(decorators: [])]
        default:  // async
            let next = try tok(1)
            guard next.isKeyword("def") || next.isKeyword("for") || next.isKeyword("with") else {
                try advance()
                throw try invalidSyntax()
            }
            unsupported("'async \(next.text)'", at: t)
            try advance()
            return try compoundStatement()
        }
    }

    /// Consumes a compound statement outside the subset (header line and indented block).
    mutating func skipUnsupportedCompound(_ what: String) throws(ParseStop) -> Stmt {
        let t = try tok()
        unsupported(what, at: t)
        while try tok().kind != .newline { try advance() }
        try advance()
        if try tok().kind == .indent {
            var depth = 0
            repeat {
                let k = try advance().kind
                if k == .indent { depth += 1 } else if k == .dedent { depth -= 1 }
            } while depth > 0
        }
        return Stmt(.pass, Parser.span(t))
    }

    mutating func decorated() throws(ParseStop) -> Stmt {
        var decorators: [Expr] = []
        while try accept("@") {
            decorators.append(try namedExpression())
            guard try tok().kind == .newline else { throw try invalidSyntax() }
            try advance()
        }
        if try atKeyword("def") { return try functionDef(decorators: decorators) }
        if try atKeyword("class") { return try classDef(decorators: decorators) }
        if try atKeyword("async"), try tok(1).isKeyword("def") {
            unsupported("'async def'", at: try tok())
            try advance()
            return try functionDef(decorators: decorators)
        }
        throw try invalidSyntax()
    }

    /// The test of `if`/`elif`/`while`, with `invalid_named_expression`'s messages for `=`.
    mutating func condition() throws(ParseStop) -> Expr {
        let test = try namedExpression()
        if try at("=") {
            switch test.kind {
            case .name:
                try advance()
                _ = try bitwiseOr()
                throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", from: test.span)
            case .compare, .boolOp, .ifExp, .lambda, .unary(.not, _):
                break
            default:
                if Parser.invalidTarget(test, .store) != nil {
                    throw error("cannot assign to \(Parser.exprName(test)) here. Maybe you meant '==' instead of '='?",
                                line: test.span.line, offset: test.span.column + 1)
                }
            }
        }
        return test
    }

    mutating func ifStatement() throws(ParseStop) -> Stmt {
        let kw = try advance()
        let test = try condition()
        try expectColon()
        let body = try block(after: "'\(kw.text)' statement", line: kw.line)
        var orelse: [Stmt] = []
        if try atKeyword("elif") {
            orelse = [try ifStatement()]
        } else if try atKeyword("else") {
            let e = try advance()
            try expectColon(forced: true)
            orelse = try block(after: "'else' statement", line: e.line)
        }
        return Stmt(.if(test: test, body: body, orelse: orelse), Parser.span(kw))
    }

    mutating func elseBlock() throws(ParseStop) -> [Stmt] {
        guard try atKeyword("else") else { return [] }
        let e = try advance()
        try expectColon(forced: true)
        return try block(after: "'else' statement", line: e.line)
    }

    mutating func whileStatement() throws(ParseStop) -> Stmt {
        let kw = try advance()
        let test = try condition()
        try expectColon()
        let body = try block(after: "'while' statement", line: kw.line)
        return Stmt(.while(test: test, body: body, orelse: try elseBlock()), Parser.span(kw))
    }

    mutating func forStatement() throws(ParseStop) -> Stmt {
        let kw = try advance()
        let target = try targetList()
        try validateTarget(target, context: .store)
        guard try acceptKeyword("in") else { throw try invalidSyntax() }
        let iter = try starExpressions()
        try expectColon()
        let body = try block(after: "'for' statement", line: kw.line)
        return Stmt(.for(target: target, iter: iter, body: body, orelse: try elseBlock()), Parser.span(kw))
    }

    mutating func tryStatement() throws(ParseStop) -> Stmt {
        let kw = try advance()
        try expectColon(forced: true)
        let body = try block(after: "'try' statement", line: kw.line)
        var handlers: [ExceptHandler] = []
        while try atKeyword("except") {
            let ex = try advance()
            if try at("*") { unsupported("'except*'", at: try advance()) }
            var type: Expr?, name: String?
            if !(try at(":")) {
                let t = try expression()
                if try at(",") {
                    while try accept(",") { _ = try expression() }
                    throw error("multiple exception types must be parenthesized", from: t.span)
                }
                type = t
                if try acceptKeyword("as") { name = try expectName().text }
            }
            try expectColon()
            let hbody = try block(after: "'except' statement", line: ex.line)
            handlers.append(ExceptHandler(type: type, name: name, body: hbody, span: Parser.span(ex)))
        }
        let orelse = handlers.isEmpty ? [] : try elseBlock()
        var finalbody: [Stmt] = []
        if try atKeyword("finally") {
            let f = try advance()
            try expectColon(forced: true)
            finalbody = try block(after: "'finally' statement", line: f.line)
        } else if handlers.isEmpty {
            let t = try tok()
            throw error("expected 'except' or 'finally' block", line: t.line, offset: t.column + 1)
        }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), Parser.span(kw))
    }

    mutating func withStatement() throws(ParseStop) -> Stmt {
        let kw = try advance()
        var items: [WithItem] = []
        repeat {
            let context = try expression()
            var target: Expr?
            if try acceptKeyword("as") {
                let t = try targetItem()
                try validateTarget(t, context: .store)
                target = t
            }
            items.append(WithItem(context: context, target: target))
        } while try accept(",")
        try expectColon()
        let body = try block(after: "'with' statement", line: kw.line)
        return Stmt(.with(items: items, body: body), Parser.span(kw))
    }

    mutating func targetItem() throws(ParseStop) -> Expr {
        if try at("*") {
            let star = try advance()
            return node(.starred(try bitwiseOr()), Parser.span(star))
        }
        return try bitwiseOr()
    }

    mutating func functionDef(decorators: [Expr]) throws(ParseStop) -> Stmt {
        let kw = try advance()
        let name = try expectName()
        _ = try expect("(")
        let params = try parameters(closing: ")", annotations: true)
        _ = try expect(")")
        let returns: Expr? = try accept("->") ? try expression() : nil
        try expectColon(forced: true)
        functionDepth += 1
        defer { functionDepth -= 1 }
        let body = try block(after: "function definition", line: kw.line)
        return Stmt(.functionDef(name: name.text, params: params, body: body, decorators: decorators, returns: returns), Parser.span(kw))
    }

    /// Parameters of `def` (up to `)`) or `lambda` (up to `:`).
    mutating func parameters(closing: String, annotations: Bool) throws(ParseStop) -> [Param] {
        var params: [Param] = []
        var names: [Token] = []
        var sawDefault = false, sawStar = false, sawSlash = false
        while !(try at(closing)) {
            let t = try tok()
            if t.isOp("/") {
                // PEP 570: the parameters so far are positional-only. The grammar's
                // invalid_parameters texts (3.11.7 = 3.12.1 = 3.13.0); a `/` first (pegen's
                // generic "invalid syntax" or "at least one argument must precede /", by
                // what follows) is refused.
                if params.isEmpty {
                    unsupported("'/' before any parameter", at: t)
                    try advance()
                } else if sawStar {
                    throw error("/ must be ahead of *", line: t.line, offset: t.column + 1)
                } else if sawSlash {
                    throw error("/ may appear only once", line: t.line, offset: t.column + 1)
                } else {
                    try advance()
                }
                sawSlash = true
                for i in params.indices where params[i].kind == .positional { params[i].kind = .positionalOnly }
                if try at("*") {
                    let star = try tok()
                    throw error("expected comma between / and *", line: star.line, offset: star.column + 1)
                }
            } else if t.isOp("*") {
                try advance()
                if sawStar { throw error("* argument may appear only once", line: t.line, offset: t.column + 1) }
                sawStar = true
                if try tok().kind == .name {
                    let n = try advance()
                    let a = try annotation(annotations)
                    names.append(n)
                    params.append(Param(name: n.text, kind: .varArgs, annotation: a))
                } else {
                    let next = try at(",") ? try tok(1) : try tok()
                    if next.isOp(closing) || next.isOp("**") {
                        throw error("named arguments must follow bare *", line: t.line, offset: t.column + 1)
                    }
                }
            } else if t.isOp("**") {
                try advance()
                let n = try expectName()
                let a = try annotation(annotations)
                names.append(n)
                params.append(Param(name: n.text, kind: .varKeywords, annotation: a))
                _ = try accept(",")
                if !(try at(closing)) {
                    throw error("arguments cannot follow var-keyword argument", line: n.line, offset: n.column + 1)
                }
                break
            } else {
                let n = try expectName()
                let a = try annotation(annotations)
                var value: Expr?
                if try accept("=") {
                    value = try expression()
                    if !sawStar { sawDefault = true }
                } else if sawDefault && !sawStar {
                    // invalid_parameters' text, reworded in 3.12 (3.12.1 = 3.13.0).
                    let renamed = (limits.profile?.minor ?? 0) >= 12
                    throw error(renamed ? "parameter without a default follows parameter with a default"
                                        : "non-default argument follows default argument",
                                line: n.line, offset: n.column + 1, width: n.text.count)
                }
                names.append(n)
                params.append(Param(name: n.text, defaultValue: value, kind: sawStar ? .keywordOnly : .positional, annotation: a))
            }
            if !(try accept(",")) { break }
        }
        var seen = Set<String>()
        for n in names where !seen.insert(n.text).inserted {
            throw error("duplicate argument '\(n.text)' in function definition", line: n.line,
                        offset: n.column + 1, width: n.text.count)
        }
        return params
    }

    /// A parameter's `: expression` (not in a lambda's parameters). 3.11's `*args: *Ts` is
    /// refused.
    mutating func annotation(_ allowed: Bool) throws(ParseStop) -> Expr? {
        guard allowed, try accept(":") else { return nil }
        if try at("*") { unsupported("a starred annotation", at: try tok()) }
        return try expression()
    }

    mutating func classDef(decorators: [Expr]) throws(ParseStop) -> Stmt {
        let kw = try advance()
        let name = try expectName()
        var bases: [Expr] = []
        if try at("(") {
            let e = try call(node(.name(name.text), Parser.span(name)))
            if case .call(_, let args, let keywords) = e.kind {
                bases = args
                if !keywords.isEmpty { unsupported("class keyword arguments", at: name) }
            }
        }
        try expectColon()
        let bodyStart = p
        let body = try block(after: "class definition", line: kw.line)
        // compile.c's _Py_Mangle: inside a class every private name `__x` (not `__x__`) is
        // stored and looked up as `_Class__x` (`self.__x = 1` makes `{'_A__x': 1}` on
        // 3.11.7). The compiler does not mangle, so such names are refused.
        for t in toks[min(bodyStart, toks.count)..<min(p, toks.count)] where t.kind == .name {
            if t.text.hasPrefix("__") && !t.text.hasSuffix("__") && name.text.contains(where: { $0 != "_" }) {
                unsupported("private names in a class (name mangling)", at: t)
                break
            }
        }
        return Stmt(.classDef(name: name.text, bases: bases, body: body, decorators: decorators), Parser.span(kw))
    }
}
