/// One token of HeapScript source, as CPython 3.11's tokenizer (`Parser/tokenizer.c`) cuts it.
///
/// The parser sees only the significant kinds. The highlighter (`Lexer.tokens(_:)`) also sees
/// comments, whitespace, `NL` and error tokens; concatenating the `text` of every token it gets
/// reproduces the source exactly (INDENT, DEDENT and ENDMARKER have empty text).
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An identifier, including soft keywords (`match`, `case`) and builtins (`print`).
        case name
        /// A hard keyword of Python 3.11 (`if`, `True`, `lambda`, …).
        case keyword
        case number
        /// A string or bytes literal with its prefix and quotes (f-strings included).
        case string
        /// An operator or delimiter. Stray characters CPython passes to its parser as
        /// ERRORTOKEN (`$`, `?`, `!`) are also `op`, so the parser reports "invalid syntax".
        case op
        /// The end of a logical line.
        case newline
        /// A line break that does not end a logical line (inside brackets, blank lines). Trivia.
        case nl
        case indent
        case dedent
        /// `# …` up to (not including) the line break. Trivia.
        case comment
        /// Spaces, tabs, form feeds and backslash continuations. Trivia.
        case whitespace
        case endMarker
        /// Text the lexer could not make sense of (highlighter only; the parser gets a SyntaxError).
        case error
    }

    public var kind: Kind
    /// The exact source text of the token.
    public var text: String
    /// 1-based line and 0-based column (in Unicode scalars) of the first character.
    public var line: Int
    public var column: Int
    /// Line and column just past the last character.
    public var endLine: Int
    public var endColumn: Int
    /// Offsets in Unicode scalars into the source: `start..<end`.
    public var start: Int
    public var end: Int

    public init(_ kind: Kind, _ text: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                start: Int, end: Int) {
        self.kind = kind; self.text = text; self.line = line; self.column = column
        self.endLine = endLine; self.endColumn = endColumn; self.start = start; self.end = end
    }

    /// Python 3.11's hard keywords (`keyword.kwlist`).
    public static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ]

    /// True for trivia the parser never sees.
    public var isTrivia: Bool {
        switch kind {
        case .comment, .whitespace, .nl: return true
        default: return false
        }
    }

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .keyword && text == s }
}
