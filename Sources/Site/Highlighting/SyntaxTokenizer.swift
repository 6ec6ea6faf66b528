/// Splits source text into highlighted pieces. The concatenated `text`s of the tokens must
/// equal the source exactly (whitespace and newlines included).
public protocol SyntaxTokenizer: Sendable {
    func tokens(_ source: String) -> [SyntaxToken]
}

/// One highlighted piece of source.
public struct SyntaxToken: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case keyword = "kw", string = "st", number = "nu", comment = "cm", builtin = "bi"
        case `operator` = "op"
    }
    /// nil: plain text (names, whitespace).
    public var kind: Kind?
    public var text: String
    public init(_ kind: Kind?, _ text: String) { self.kind = kind; self.text = text }
}
