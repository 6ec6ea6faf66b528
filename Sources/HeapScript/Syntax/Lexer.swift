/// HeapScript's tokenizer: a port of the parts of CPython 3.11's `Parser/tokenizer.c` the
/// subset needs, scanning an array of Unicode scalars.
///
/// Three switches select how it behaves:
/// - `keepTrivia`: also return comments, whitespace and NL tokens and turn errors into
///   `.error` tokens (the highlighter's mode; it never fails).
/// - `interactive`: the REPL's rules (`tok->prompt != NULL`): an empty line at column 0 ends the
///   statement with NEWLINE, and a first line holding only blanks or a comment is a NEWLINE too.
/// - `partial`: the text is a prefix of more input (the REPL has not read further yet).
///   Reaching its end throws `needMore` instead of closing brackets and blocks.
///
/// Invariant: every scalar of the source belongs to exactly one token returned in trivia mode.
public struct Lexer {
    let src: [Unicode.Scalar]
    var pos = 0
    var line = 1
    var lineStart = 0
    var atLineStart = true
    /// The current physical line holds only blanks / a comment and is ignored (tokenizer.c's `blankline`).
    var lineIsBlank = false
    /// Indentation stacks: `col` counts tabs to multiples of 8, `altcol` counts them as 1.
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    /// Open brackets: the character, its line and column.
    var brackets: [(Unicode.Scalar, Int, Int)] = []
    var pending: [Token] = []
    var finished = false
    /// A significant token has been returned on the current logical line.
    var lineHasTokens = false
    var anyTokens = false
    let keepTrivia: Bool
    let interactive: Bool
    let partial: Bool
    /// Where the text sits in a larger source (f-string fields are lexed on their own).
    let baseLine: Int
    let baseColumn: Int

    init(_ source: [Unicode.Scalar], keepTrivia: Bool = false, interactive: Bool = false,
         partial: Bool = false, baseLine: Int = 1, baseColumn: Int = 0) {
        src = source
        self.keepTrivia = keepTrivia; self.interactive = interactive; self.partial = partial
        self.baseLine = baseLine; self.baseColumn = baseColumn
    }

    /// Every token of `source`, trivia included; never fails. Concatenating the texts gives
    /// back `source` exactly.
    public static func tokens(_ source: String) -> [Token] {
        var lexer = Lexer(Array(source.unicodeScalars), keepTrivia: true)
        var out: [Token] = []
        while true {
            guard let tok = try? lexer.next() else { break }
            out.append(tok)
            if tok.kind == .endMarker { break }
        }
        return out
    }

    // MARK: - Cursor

    var didReachEnd: Bool { pos >= src.count }

    /// MAXLEVEL of Parser/tokenizer.c: open brackets the tokenizer tracks.
    static let maxBracketLevel = 200
    /// MAXINDENT of Parser/tokenizer.c: indentation levels, the outermost included.
    static let maxIndent = 100
    var current: Unicode.Scalar { pos < src.count ? src[pos] : "\0" }
    func peek(_ k: Int) -> Unicode.Scalar { pos + k < src.count ? src[pos + k] : "\0" }
    var column: Int { pos - lineStart }

    func userLine(_ l: Int) -> Int { l + baseLine - 1 }
    func userColumn(_ l: Int, _ c: Int) -> Int { l == 1 ? c + baseColumn : c }

    func text(_ a: Int, _ b: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: src[a..<b])
        return String(s)
    }

    func make(_ kind: Token.Kind, from start: Int, line startLine: Int, column startCol: Int) -> Token {
        Token(kind, text(start, pos), line: userLine(startLine), column: userColumn(startLine, startCol),
              endLine: userLine(line), endColumn: userColumn(line, column), start: start, end: pos)
    }

    /// The physical line `l` (1-based, relative to this lexer's text), without its line break.
    func sourceLine(_ l: Int) -> String? {
        var cur = 1, i = 0
        while cur < l && i < src.count {
            if src[i] == "\n" { cur += 1 }
            i += 1
        }
        guard cur == l else { return nil }
        var j = i
        while j < src.count && src[j] != "\n" && src[j] != "\r" { j += 1 }
        return text(i, j)
    }

    func error(_ message: String, line l: Int, offset: Int, width: Int = 1,
               kind: SyntaxError.Kind = .syntaxError) -> ParseStop {
        .syntax(SyntaxError(kind, message, line: userLine(l), offset: offset + (l == 1 ? baseColumn : 0),
                            width: max(1, width), sourceLine: sourceLine(l)))
    }

    /// Consumes a line break at `pos` ("\n", "\r\n" or "\r") and moves to the next line.
    mutating func consumeLineBreak() {
        if current == "\r" && peek(1) == "\n" { pos += 2 } else { pos += 1 }
        line += 1
        lineStart = pos
    }

    static func isLineBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || (c.value >= 128 && c.properties.isXIDStart)
    }
    static func isIdentifierChar(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || (c >= "0" && c <= "9")
            || (c.value >= 128 && c.properties.isXIDContinue)
    }

    // MARK: - Tokens

    /// The next token. Trivia is returned only in `keepTrivia` mode.
    mutating func next() throws(ParseStop) -> Token {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            if finished {
                return Token(.endMarker, "", line: userLine(line), column: userColumn(line, column),
                             endLine: userLine(line), endColumn: userColumn(line, column), start: pos, end: pos)
            }
            if atLineStart {
                atLineStart = false
                try scanIndentation()
                continue
            }
            let tok: Token
            if keepTrivia {
                let start = pos, l = line, c = column
                do { tok = try scanToken() } catch {
                    if case .needMore = error { throw error }
                    tok = recoverFromError(start: start, line: l, column: c)
                }
            } else {
                tok = try scanToken()
            }
            if tok.isTrivia && !keepTrivia { continue }
            switch tok.kind {
            case .newline: lineHasTokens = false
            case .comment, .whitespace, .nl, .indent, .dedent, .endMarker: break
            default: lineHasTokens = true; anyTokens = true
            }
            return tok
        }
    }

    /// Highlighter recovery: the bad text up to the end of its word (or line, for strings)
    /// becomes one `.error` token.
    mutating func recoverFromError(start: Int, line l: Int, column c: Int) -> Token {
        pos = start; line = l; lineStart = start - c
        let first = current
        if first == "'" || first == "\"" || Lexer.isIdentifierStart(first) || (first >= "0" && first <= "9") {
            pos += 1
            let stopAtQuote = !(first == "'" || first == "\"")
            while !didReachEnd && !Lexer.isLineBreak(current) {
                if stopAtQuote && !Lexer.isIdentifierChar(current) && current != "." { break }
                pos += 1
            }
        } else {
            pos += 1
        }
        return make(.error, from: start, line: l, column: c)
    }

    /// At the start of a physical line outside brackets: measure the indentation and queue
    /// INDENT/DEDENT tokens (tokenizer.c's "Get indentation level" block).
    mutating func scanIndentation() throws(ParseStop) {
        lineIsBlank = false
        let start = pos, startLine = line
        var col = 0, altcol = 0
        while !didReachEnd {
            let c = current
            if c == " " { col += 1; altcol += 1 }
            else if c == "\t" { col = (col / 8 + 1) * 8; altcol += 1 }
            else if c == "\u{0C}" { col = 0; altcol = 0 }
            else { break }
            pos += 1
        }
        if keepTrivia && pos > start { pending.append(make(.whitespace, from: start, line: startLine, column: 0)) }
        if !brackets.isEmpty { return }
        if didReachEnd {
            // End of input: handled by `endOfInput`, which closes every block.
            return
        }
        let c = current
        if c == "#" || Lexer.isLineBreak(c) {
            if interactive && col == 0 && Lexer.isLineBreak(c) {
                // An empty line ends an interactive statement: let it through as NEWLINE.
            } else if interactive && line == 1 {
                col = 0; altcol = 0
            } else {
                lineIsBlank = true
                return
            }
        }
        let here = Token(.indent, "", line: userLine(line), column: userColumn(line, column),
                         endLine: userLine(line), endColumn: userColumn(line, column), start: pos, end: pos)
        if col == indents.last! {
            if altcol != altIndents.last! && !keepTrivia { throw tabError() }
        } else if col > indents.last! {
            if altcol <= altIndents.last! && !keepTrivia { throw tabError() }
            // tokenizer.c: `if (tok->indent+1 >= MAXINDENT)` → E_TOODEEP, MAXINDENT 100 (3.6
            // to 3.13): the 100th nested block fails (3.11.7 and 3.6.15 report line 101 of 100
            // nested `if 1:` and a `pass`). It also bounds the statement tree's depth.
            if indents.count >= Lexer.maxIndent && !keepTrivia {
                let len = (sourceLine(line) ?? "").unicodeScalars.count
                throw error("too many levels of indentation", line: line, offset: len + 1,
                            kind: .indentationError)
            }
            indents.append(col); altIndents.append(altcol)
            pending.append(here)
        } else {
            while indents.count > 1 && col < indents.last! {
                indents.removeLast(); altIndents.removeLast()
                var d = here; d.kind = .dedent
                pending.append(d)
            }
            if col != indents.last! && !keepTrivia {
                let len = (sourceLine(line) ?? "").unicodeScalars.count
                throw error("unindent does not match any outer indentation level", line: line,
                            offset: len + 1, kind: .indentationError)
            }
            if altcol != altIndents.last! && !keepTrivia { throw tabError() }
        }
    }

    func tabError() -> ParseStop {
        error("inconsistent use of tabs and spaces in indentation", line: line, offset: 1, kind: .tabError)
    }

    /// Scans one token (trivia included) starting at `pos`.
    mutating func scanToken() throws(ParseStop) -> Token {
        let start = pos, l = line, col = column
        if didReachEnd { return try endOfInput() }
        let c = current
        switch c {
        case " ", "\t", "\u{0C}":
            while current == " " || current == "\t" || current == "\u{0C}" { pos += 1 }
            return make(.whitespace, from: start, line: l, column: col)
        case "#":
            while !didReachEnd && !Lexer.isLineBreak(current) { pos += 1 }
            return make(.comment, from: start, line: l, column: col)
        case "\\":
            pos += 1
            if didReachEnd {
                if partial { throw .needMore }
                throw error("unexpected EOF while parsing", line: l, offset: col + 2)
            }
            guard Lexer.isLineBreak(current) else {
                throw error("unexpected character after line continuation character", line: l, offset: col + 2)
            }
            consumeLineBreak()
            if didReachEnd {
                if partial { throw .needMore }
                if !keepTrivia { throw error("unexpected EOF while parsing", line: l, offset: col + 2) }
            }
            return make(.whitespace, from: start, line: l, column: col)
        case "\n", "\r":
            let isNewline = brackets.isEmpty && !lineIsBlank
            consumeLineBreak()
            atLineStart = true
            var tok = make(isNewline ? .newline : .nl, from: start, line: l, column: col)
            tok.endLine = tok.line; tok.endColumn = tok.column + 1
            return tok
        default:
            break
        }
        if Lexer.isIdentifierStart(c) {
            while !didReachEnd && Lexer.isIdentifierChar(current) { pos += 1 }
            if (current == "'" || current == "\"") && StringLiteral.isPrefix(src[start..<pos]) {
                return try scanString(start: start, line: l, column: col)
            }
            let tok = make(.name, from: start, line: l, column: col)
            if Token.keywords.contains(tok.text) { var k = tok; k.kind = .keyword; return k }
            return tok
        }
        if (c >= "0" && c <= "9") || (c == "." && peek(1) >= "0" && peek(1) <= "9") {
            return try scanNumber(start: start, line: l, column: col)
        }
        if c == "'" || c == "\"" { return try scanString(start: start, line: l, column: col) }
        return try scanOperator(start: start, line: l, column: col)
    }

    /// The end of the text: close brackets and blocks (or ask for more input in partial mode).
    mutating func endOfInput() throws(ParseStop) -> Token {
        if partial { throw .needMore }
        if let (ch, bl, bc) = brackets.last, !keepTrivia {
            throw error("'\(Character(ch))' was never closed", line: bl, offset: bc + 1)
        }
        // Synthetic tokens sit on the last line break, where CPython reports them.
        var l = line, c = column
        if pos > 0 && Lexer.isLineBreak(src[pos - 1]) && line > 1 {
            l = line - 1
            var i = pos - 1
            if i > 0 && src[i] == "\n" && src[i - 1] == "\r" { i -= 1 }
            var s = i
            while s > 0 && !Lexer.isLineBreak(src[s - 1]) { s -= 1 }
            c = i - s
        }
        func synth(_ k: Token.Kind) -> Token {
            Token(k, "", line: userLine(l), column: userColumn(l, c), endLine: userLine(l),
                  endColumn: userColumn(l, c), start: pos, end: pos)
        }
        if lineHasTokens { pending.append(synth(.newline)); lineHasTokens = false }
        while indents.count > 1 { indents.removeLast(); pending.append(synth(.dedent)) }
        // pegen's `_PyPegen_fill_token`: in single-input mode, the ENDMARKER after a statement
        // becomes a NEWLINE, so a compound statement may end at the end of input.
        if interactive && anyTokens { pending.append(synth(.newline)) }
        finished = true
        pending.append(synth(.endMarker))
        return pending.removeFirst()
    }

    static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!=="]
    static let twoCharOps: Set<String> = [
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=",
        "|=", "^=", "@=", ":=", "<>",
    ]

    mutating func scanOperator(start: Int, line l: Int, column col: Int) throws(ParseStop) -> Token {
        let c = current
        let s3 = String(String.UnicodeScalarView([c, peek(1), peek(2)]))
        let s2 = String(String.UnicodeScalarView([c, peek(1)]))
        if s3 != "!==" && Lexer.threeCharOps.contains(s3) { pos += 3 }
        else if s2 != "<>" && Lexer.twoCharOps.contains(s2) { pos += 2 }
        else if "+-*/%@&|^~<>()[]{},:.;=!$?`".unicodeScalars.contains(c) { pos += 1 }
        else if c.value < 128 && c.value >= 32 {
            pos += 1
        } else {
            pos += 1
            if keepTrivia { return make(.error, from: start, line: l, column: col) }
            let hex = String(c.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            if c.properties.generalCategory == .control || c.properties.generalCategory == .spaceSeparator
                || c.properties.generalCategory == .format {
                throw error("invalid non-printable character U+\(code)", line: l, offset: col + 1)
            }
            throw error("invalid character '\(Character(c))' (U+\(code))", line: l, offset: col + 1)
        }
        if c == "(" || c == "[" || c == "{" {
            // Parser/tokenizer.c (3.9+): `if (tok->level >= MAXLEVEL) return syntaxerror(tok,
            // "too many nested parentheses")`, MAXLEVEL 200, at the bracket that would be the
            // 201st (3.11.7: `x = ` + 201 `[` fails at offset 205). Before 3.9 the parser's own
            // stack overflows much earlier (`ParserLimits`).
            if brackets.count >= Lexer.maxBracketLevel && !keepTrivia {
                throw error("too many nested parentheses", line: l, offset: col + 1)
            }
            brackets.append((c, l, col))
        } else if c == ")" || c == "]" || c == "}" {
            guard let (open, ol, _) = brackets.last else {
                if keepTrivia { return make(.op, from: start, line: l, column: col) }
                throw error("unmatched '\(Character(c))'", line: l, offset: col + 1)
            }
            let matches = (open == "(" && c == ")") || (open == "[" && c == "]") || (open == "{" && c == "}")
            if !matches && !keepTrivia {
                let tail = ol != l ? " on line \(userLine(ol))" : ""
                throw error("closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(open))'\(tail)",
                            line: l, offset: col + 1)
            }
            brackets.removeLast()
        }
        return make(.op, from: start, line: l, column: col)
    }
}
