import HeapScript

/// Highlighting with HeapScript's own lexer (`Lexer.tokens(_:)`), so the site colours code
/// exactly as the interpreter reads it. The lexer's trivia mode never fails and its token
/// texts concatenate to the source, which is what `SyntaxTokenizer` requires.
public struct HeapScriptTokenizer: SyntaxTokenizer {
    public init() {}

    public func tokens(_ source: String) -> [SyntaxToken] {
        Lexer.tokens(source).compactMap { token in
            guard !token.text.isEmpty else { return nil }  // INDENT, DEDENT, ENDMARKER
            return SyntaxToken(Self.kind(of: token), token.text)
        }
    }

    static func kind(of token: Token) -> SyntaxToken.Kind? {
        switch token.kind {
        case .keyword: return .keyword
        case .number: return .number
        case .string: return .string
        case .comment: return .comment
        case .op: return .operator
        case .name: return PythonTokenizer.builtins.contains(token.text) ? .builtin : nil
        default: return nil
        }
    }
}
