/// A small stand-alone Python tokenizer for highlighting only.
///
/// The site uses `HeapScriptTokenizer` (the interpreter's own lexer); this one needs no
/// interpreter and also serves as the list of builtin names the highlighter colours. It
/// never rejects input: anything it does not recognise becomes plain text, so a
/// highlighting mistake can only change colours, never the text shown.
public struct PythonTokenizer: SyntaxTokenizer {
    public init() {}

    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ]
    static let builtins: Set<String> = [
        "print", "id", "len", "range", "list", "dict", "tuple", "set", "str", "int", "float",
        "bool", "hex", "type", "isinstance", "sum", "min", "max", "sorted", "repr", "object",
        "abs", "bytes", "frozenset", "self",
    ]

    public func tokens(_ source: String) -> [SyntaxToken] {
        let chars = Array(source.unicodeScalars)
        var tokens: [SyntaxToken] = []
        var plain = String.UnicodeScalarView()
        var i = 0
        func flushPlain() {
            if !plain.isEmpty { tokens.append(SyntaxToken(nil, String(plain))); plain = .init() }
        }
        func emit(_ kind: SyntaxToken.Kind?, _ from: Int, _ to: Int) {
            flushPlain()
            var text = String.UnicodeScalarView()
            text.append(contentsOf: chars[from..<to])
            tokens.append(SyntaxToken(kind, String(text)))
        }
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
        func isIdentPart(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || ("0"..."9").contains(c) }

        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                emit(.comment, i, j); i = j
            } else if let end = stringEnd(chars, at: i) {
                emit(.string, i, end); i = end
            } else if ("0"..."9").contains(c) || (c == "." && i + 1 < chars.count && ("0"..."9").contains(chars[i + 1])) {
                var j = i + 1
                while j < chars.count, isIdentPart(chars[j]) || chars[j] == "." ||
                        ((chars[j] == "+" || chars[j] == "-") && (chars[j - 1] == "e" || chars[j - 1] == "E")) { j += 1 }
                emit(.number, i, j); i = j
            } else if isIdentStart(c) {
                var j = i + 1
                while j < chars.count, isIdentPart(chars[j]) { j += 1 }
                var word = String.UnicodeScalarView(); word.append(contentsOf: chars[i..<j])
                let name = String(word)
                if Self.keywords.contains(name) { emit(.keyword, i, j) }
                else if Self.builtins.contains(name) { emit(.builtin, i, j) }
                else { plain.append(contentsOf: chars[i..<j]) }
                i = j
            } else if "+-*/%=<>!&|^~@:.,;()[]{}".unicodeScalars.contains(c) {
                var j = i + 1
                while j < chars.count, "+-*/%=<>!&|^~@".unicodeScalars.contains(chars[j]),
                      "+-*/%=<>!&|^~@".unicodeScalars.contains(c) { j += 1 }
                emit(.operator, i, j); i = j
            } else {
                plain.append(c); i += 1
            }
        }
        flushPlain()
        return tokens
    }

    /// If a string literal (with optional prefix such as `rb` or `f`) starts at `i`,
    /// where it ends. An unterminated literal runs to the end of its line (or of the text
    /// for triple quotes).
    private func stringEnd(_ chars: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < chars.count, j - i < 2, "rRbBuUfF".unicodeScalars.contains(chars[j]) { j += 1 }
        guard j < chars.count, chars[j] == "\"" || chars[j] == "'" else { return nil }
        if j > i, i > 0, chars[i - 1] == "_" || chars[i - 1].properties.isAlphabetic { return nil }
        let quote = chars[j]
        let triple = j + 2 < chars.count && chars[j + 1] == quote && chars[j + 2] == quote
        var k = j + (triple ? 3 : 1)
        while k < chars.count {
            if chars[k] == "\\" { k += 2; continue }
            if !triple, chars[k] == "\n" { return k }
            if chars[k] == quote {
                if !triple { return k + 1 }
                if k + 2 < chars.count, chars[k + 1] == quote, chars[k + 2] == quote { return k + 3 }
            }
            k += 1
        }
        return chars.count
    }
}
