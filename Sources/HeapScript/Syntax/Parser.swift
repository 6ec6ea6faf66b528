/// HeapScript's parser: recursive descent over the token stream, following the rules of
/// CPython 3.11's `Grammar/python.gram` for the subset (docs/DESIGN.md §4).
///
/// CPython's PEG parser makes two passes: a fast one, and on failure a second one with the
/// `invalid_*` rules that produce the friendly messages ("expected ':'", "cannot assign to
/// function call here. Maybe you meant '==' instead of '='?"). This parser makes one pass and
/// raises those messages where the second pass would. A generic "invalid syntax" points, as in
/// pegen's `_PyPegen_set_syntax_error`, at the last token fetched from the lexer.
///
/// Constructs outside the subset are recorded (the first one wins) and parsing goes on, so a
/// real syntax error later in the same source is still reported first, as CPython would.

/// Why a parse failed.
public enum ParseFailure: Error, Sendable, Equatable {
    case syntax(SyntaxError)
    case unsupported(UnsupportedConstruct)
}

/// The outcome of a parse, for callers that prefer a value to `throws`.
public enum ParseResult: Sendable, Equatable {
    case success([Stmt])
    case failure(ParseFailure)
}

/// Internal stop signal: a failure, or (partial input only) "read another line".
enum ParseStop: Error {
    case syntax(SyntaxError)
    case unsupported(UnsupportedConstruct)
    case needMore
}

/// Where the last significant token ended (`Parser.lastEnd`).
final class EndPosition {
    var line = 1
    var column = 0
}

public struct Parser {
    var lexer: Lexer
    var toks: [Token] = []
    var p = 0
    /// End (line, column) of the last consumed token.
    var prevEnd = (1, 0)
    /// End of the last consumed token that is not NEWLINE, INDENT or DEDENT: where the node
    /// being built ends (`node`, `ended`). A class, so that a node built from the result of a
    /// nested parse reads the end that parse reached.
    let lastEnd = EndPosition()
    var firstUnsupported: UnsupportedConstruct?
    /// Nesting while parsing, for `'return' outside function`-style checks done by the compiler.
    var functionDepth = 0
    /// The failure came from the tokenizer (pegen does not rescan for tokenizer errors then).
    var lexerFailed = false
    let limits: ParserLimits
    /// Nested expressions being parsed (`descend`), and the extra tree depth of the
    /// left-associative chains around them (`lengthenChain`).
    var nesting = 0
    var chain = 0
    /// The NUMBER tokens CPython's `assignment` rule tries as targets (`noteTargetProbes`).
    var numberParses = NumberTokenParses()

    init(_ lexer: Lexer, limits: ParserLimits = .strictest) { self.lexer = lexer; self.limits = limits }

    // MARK: - API

    /// Parses a whole module (`exec` mode).
    /// - Throws: `ParseFailure` with CPython's message, line and offset.
    public static func parseModule(_ source: String, filename: String = "<string>",
                                   limits: ParserLimits = .strictest) throws(ParseFailure) -> [Stmt] {
        var parses = NumberTokenParses()
        return try parseModule(source, filename: filename, limits: limits, numberParses: &parses)
    }

    /// `parseModule`, also telling how many objects CPython's PEG parser makes for each
    /// number literal (`NumberTokenParses`).
    public static func parseModule(_ source: String, filename: String = "<string>", limits: ParserLimits = .strictest,
                                   numberParses: inout NumberTokenParses) throws(ParseFailure) -> [Stmt] {
        var parser = Parser(Lexer(Array(source.unicodeScalars)), limits: limits)
        do throws(ParseStop) {
            let body = try parser.file()
            try Parser.checkContext(body, Context(), parser)
            if let u = parser.firstUnsupported { throw ParseStop.unsupported(u) }
            numberParses = parser.numberParses
            return body
        } catch {
            throw parser.finalFailure(error, exec: true)
        }
    }

    /// Parses one interactive statement as the REPL compiles it (`single` mode). The source may
    /// end with the blank line that closed a compound statement.
    public static func parseInteractive(_ source: String,
                                        limits: ParserLimits = .strictest) throws(ParseFailure) -> [Stmt] {
        var parses = NumberTokenParses()
        return try parseInteractive(source, limits: limits, numberParses: &parses)
    }

    /// `parseInteractive`, also telling how many objects CPython's PEG parser makes for each
    /// number literal (`NumberTokenParses`).
    public static func parseInteractive(_ source: String, limits: ParserLimits = .strictest,
                                        numberParses: inout NumberTokenParses) throws(ParseFailure) -> [Stmt] {
        var parser = Parser(Lexer(Array(source.unicodeScalars), interactive: true), limits: limits)
        do throws(ParseStop) {
            let body = try parser.statementNewline()
            while try parser.tok().kind == .newline { _ = try parser.advance() }
            if try parser.tok().kind != .endMarker {
                let (l, c) = parser.prevEnd
                throw parser.error("multiple statements found while compiling a single statement",
                                   line: l, offset: c)
            }
            try Parser.checkContext(body, Context(), parser)
            if let u = parser.firstUnsupported { throw ParseStop.unsupported(u) }
            numberParses = parser.numberParses
            return body
        } catch {
            throw parser.finalFailure(error, exec: false)
        }
    }

    /// The statements of `source` when it is Python, constructs outside heapbook's subset
    /// included (as far as the parser builds them); nil when it is not. For the traceback's
    /// own parse of a source segment (PEP 657 anchors), which only looks at the outer nodes.
    static func parseModuleLeniently(_ source: String) -> [Stmt]? {
        var parser = Parser(Lexer(Array(source.unicodeScalars)))
        // ast.parse: no context checks (`return` outside a function is the compiler's error).
        do throws(ParseStop) { return try parser.file() } catch { return nil }
    }

    /// `parseModule` as a value.
    public static func parse(_ source: String) -> ParseResult {
        do { return .success(try parseModule(source)) } catch { return .failure(error) }
    }

    /// Partial-input check used by the REPL loop: complete, incomplete or invalid.
    static func interactiveStatus(_ source: String) -> Completeness {
        var scalars = Array(source.unicodeScalars)
        if let last = scalars.last, !Lexer.isLineBreak(last) { scalars.append("\n") }
        var parser = Parser(Lexer(scalars, interactive: true, partial: true))
        do {
            _ = try parser.statementNewline()
            return .complete
        } catch {
            switch error {
            case .needMore: return .incomplete
            case .unsupported: return .complete
            case .syntax(let e): return .invalid(e)
            }
        }
    }

    func finalFailure(_ stop: ParseStop, exec: Bool) -> ParseFailure {
        switch stop {
        case .syntax(let e):
            if exec && e.kind == .syntaxError && !lexerFailed && !lexer.finished {
                // pegen's `_PyPegen_tokenize_full_source_to_check_for_errors`: a tokenizer error
                // further on replaces a parser error (not in interactive mode).
                var rest = lexer
                while true {
                    do { if try rest.next().kind == .endMarker { break } } catch {
                        if case .syntax(let te) = error, !isLexerErrorOnly(te) { return .syntax(te) }
                        break
                    }
                }
            }
            return .syntax(e)
        case .unsupported(let u): return .unsupported(u)
        case .needMore:
            return .syntax(SyntaxError(.syntaxError, "unexpected EOF while parsing", line: lexer.line, offset: 1))
        }
    }

    /// Indentation problems found while scanning ahead are not reported by pegen's check.
    func isLexerErrorOnly(_ e: SyntaxError) -> Bool { e.kind != .syntaxError }

    // MARK: - Tokens

    /// The token `k` places ahead, fetching from the lexer as needed.
    mutating func tok(_ k: Int = 0) throws(ParseStop) -> Token {
        while toks.count <= p + k {
            do { toks.append(try lexer.next()) } catch {
                lexerFailed = true
                throw error
            }
        }
        return toks[p + k]
    }

    @discardableResult
    mutating func advance() throws(ParseStop) -> Token {
        let t = try tok()
        p += 1
        prevEnd = (t.endLine, t.endColumn)
        switch t.kind {
        case .newline, .indent, .dedent, .endMarker: break
        default: lastEnd.line = t.endLine; lastEnd.column = t.endColumn
        }
        return t
    }

    /// An expression node starting at `span` and ending after the last token consumed.
    func node(_ kind: ExprKind, _ span: SourceSpan) -> Expr {
        var span = span
        span.endLine = lastEnd.line; span.endColumn = lastEnd.column
        return Expr(kind, span)
    }

    /// `stmt` ending after the last token consumed (a compound statement: its last body line).
    func ended(_ stmt: Stmt) -> Stmt {
        var stmt = stmt
        stmt.span.endLine = lastEnd.line; stmt.span.endColumn = lastEnd.column
        return stmt
    }

    mutating func at(_ op: String) throws(ParseStop) -> Bool {
        let t = try tok()
        return t.kind == .op && t.text == op
    }

    mutating func atAny(_ ops: String...) throws(ParseStop) -> Bool {
        let t = try tok()
        return t.kind == .op && ops.contains(t.text)
    }

    mutating func atKeyword(_ kw: String) throws(ParseStop) -> Bool {
        let t = try tok()
        return t.kind == .keyword && t.text == kw
    }

    mutating func accept(_ op: String) throws(ParseStop) -> Bool {
        if try at(op) { try advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ kw: String) throws(ParseStop) -> Bool {
        if try atKeyword(kw) { try advance(); return true }
        return false
    }

    mutating func expect(_ op: String) throws(ParseStop) -> Token {
        if try at(op) { return try advance() }
        throw try invalidSyntax()
    }

    mutating func expectName() throws(ParseStop) -> Token {
        if try tok().kind == .name { return try advance() }
        throw try invalidSyntax()
    }

    /// The `':'` of a compound statement. python.gram (3.11) forces it (`&&':'`: "expected ':'"
    /// whatever follows) after `def …)`, `else`, `try` and `finally`; after `if`, `elif`,
    /// `while`, `for`, `with`, `except` and `class` only its `invalid_*` rules say "expected
    /// ':'", when the header ends at NEWLINE: `class C x: pass` is plain "invalid syntax".
    mutating func expectColon(forced: Bool = false) throws(ParseStop) {
        if try accept(":") { return }
        let t = try tok()
        guard forced || t.kind == .newline else { throw try invalidSyntax() }
        throw error("expected ':'", line: t.line, offset: t.column + 1)
    }

    static func span(_ t: Token) -> SourceSpan { SourceSpan(line: t.line, column: t.column) }

    // MARK: - Errors

    func error(_ message: String, line: Int, offset: Int, width: Int = 1,
               kind: SyntaxError.Kind = .syntaxError) -> ParseStop {
        .syntax(SyntaxError(kind, message, line: line, offset: offset, width: max(1, width),
                            sourceLine: lexer.sourceLine(line - lexer.baseLine + 1)))
    }

    /// An error whose caret spans the source from `start` to the end of the last consumed token.
    func error(_ message: String, from start: SourceSpan) -> ParseStop {
        let width = prevEnd.0 == start.line ? prevEnd.1 - start.column : 1
        return error(message, line: start.line, offset: start.column + 1, width: width)
    }

    /// pegen's generic failure: "invalid syntax" at the last token fetched, or an indentation
    /// error when that token is an INDENT/DEDENT.
    mutating func invalidSyntax() throws(ParseStop) -> ParseStop {
        _ = try tok()
        let t = toks.last!
        if t.kind == .indent {
            return error("unexpected indent", line: t.line, offset: t.column, kind: .indentationError)
        }
        if t.kind == .dedent {
            return error("unexpected unindent", line: t.line, offset: t.column, kind: .indentationError)
        }
        let width = t.endLine == t.line && t.endColumn > t.column ? t.endColumn - t.column : 1
        return error("invalid syntax", line: t.line, offset: t.column + 1, width: width)
    }

    // MARK: - Nesting bounds (see `ParserLimits`)

    /// Enters one nested expression; the caller leaves it with `nesting -= 1`.
    mutating func descend() throws(ParseStop) {
        nesting += 1
        try checkNesting()
    }

    /// One more link of a left-associative chain (its tree is one level deeper); the caller
    /// takes its links back off `chain` when the chain ends.
    mutating func lengthenChain() throws(ParseStop) {
        chain += 1
        try checkNesting()
    }

    func checkNesting() throws(ParseStop) {
        if limits.fits(nesting: nesting, brackets: lexer.brackets.count, chain: chain) { return }
        let at = toks.isEmpty ? nil : toks[min(p, toks.count - 1)]
        throw ParseStop.unsupported(UnsupportedConstruct(
            "deep nesting", line: at?.line ?? 1, column: at?.column ?? 0,
            fullMessage: "heapbook does not model source nested this deeply (the engine stops below "
                + "the depth where CPython's parser or compiler gives up)"))
    }

    /// Records a construct outside the subset; parsing continues.
    mutating func unsupported(_ construct: String, at t: Token) {
        if firstUnsupported == nil {
            firstUnsupported = UnsupportedConstruct(construct, line: t.line, column: t.column)
        }
    }

    mutating func unsupported(_ construct: String, at s: SourceSpan) {
        if firstUnsupported == nil {
            firstUnsupported = UnsupportedConstruct(construct, line: s.line, column: s.column)
        }
    }
}

