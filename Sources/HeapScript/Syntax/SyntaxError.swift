/// A compile-time failure, reported the way CPython reports it:
///
///       File "<stdin>", line 1
///         a = (
///             ^
///     SyntaxError: '(' was never closed
///
/// Divergence: CPython 3.11 sometimes underlines a range (`^^^^`); heapbook prints the
/// range when it knows it and a single caret otherwise.
public struct SyntaxError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }
    public var kind: Kind
    public var message: String
    public var line: Int
    /// 1-based column of the caret, as CPython's `offset`.
    public var offset: Int
    /// Number of carets (>= 1).
    public var width: Int
    /// The source line the caret points into (without its newline), if known.
    public var sourceLine: String?

    public init(_ kind: Kind = .syntaxError, _ message: String, line: Int, offset: Int,
                width: Int = 1, sourceLine: String? = nil) {
        self.kind = kind; self.message = message; self.line = line; self.offset = offset
        self.width = width; self.sourceLine = sourceLine
    }
}

/// Valid Python that heapbook's subset does not cover. Never a wrong answer: the run
/// stops with this error naming the construct.
public struct UnsupportedConstruct: Error, Sendable, Equatable {
    /// e.g. "'lambda'", "'async def'", "format specs in f-strings".
    public var construct: String
    public var line: Int
    public var column: Int
    /// The whole message when it is not the subset form (see `UnsupportedAtRuntime.notModelled`).
    public var fullMessage: String?
    public init(_ construct: String, line: Int, column: Int, fullMessage: String? = nil) {
        self.construct = construct; self.line = line; self.column = column; self.fullMessage = fullMessage
    }
    /// "<construct> is not in heapbook's Python subset", or the refusal's own message.
    public var message: String { fullMessage ?? "\(construct) is not in heapbook's Python subset" }
}
