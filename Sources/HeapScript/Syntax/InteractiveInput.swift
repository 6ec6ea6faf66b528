/// Piped REPL input cut the way CPython 3.11's interactive loop (`PyRun_InteractiveLoopObject`)
/// reads it.
///
/// Each turn of the loop makes a fresh tokenizer over stdin (so line numbers restart at 1 in each
/// chunk) and parses one `statement_newline`. The tokenizer pulls one line at a time, only when the
/// parser needs another token, so a chunk ends on the line where the parser finished or failed:
///
/// 1. A simple statement ends at its NEWLINE (brackets, backslashes and triple-quoted strings
///    continue it).
/// 2. A compound statement ends at an empty line (`\n` alone: blanks-only or comment-only lines
///    inside it are skipped), or at end of input.
/// 3. A line at column 0 that cannot continue the statement (`print(2)` after an `if` body without
///    a blank line) is a SyntaxError; that line is consumed with the failed chunk.
/// 4. Lines holding only blanks or a comment at the start of a chunk are empty statements (skipped);
///    3.6 instead reads on at `... ` until a line with something (or nothing at all) comes
///    (`Profile.interactiveCommentLinesContinue`).
///
/// The model: feed the chunk one more line until the parser, run over partial input, either
/// finishes (the chunk is complete) or fails on a token it has already seen (a SyntaxError).
public struct InteractiveInput {
    let lines: [String]
    var index = 0
    /// The prompts CPython writes to stderr for the lines read so far and not yet taken: `>>> `
    /// before the first line of each statement (empty ones included), `... ` before each
    /// line that continues one (PyOS_Readline's prompt, written to stderr when stdin is not a
    /// terminal).
    var prompts = ""
    /// 3.6: lines of blanks or a comment continue the statement (see rule 4).
    let commentLinesContinue: Bool
    /// The input ended while such lines were being skipped: CPython 3.6 read the end at `... `
    /// and stopped there, with no `>>> ` after it.
    public private(set) var endedInContinuation = false
    /// The empty statements (lines of blanks or a comment) read since the last call of
    /// `takeEmptyStatements`: CPython's parser gives each a `pass`, compiled and run.
    var emptyStatements: [String] = []

    public init(_ text: String, commentLinesContinue: Bool = false) {
        self.commentLinesContinue = commentLinesContinue
        var lines: [String] = []
        var cur = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            cur.append(u)
            if u == "\n" { lines.append(String(cur)); cur = String.UnicodeScalarView() }
        }
        if !cur.isEmpty { lines.append(String(cur)) }
        self.lines = lines
    }

    /// The next chunk, or nil at the end of input.
    public mutating func next() -> InteractiveChunk? {
        while index < lines.count {
            let first = index
            var end = index
            var source = ""
            while true {
                source += lines[end]
                prompts += end == first ? ">>> " : "... "
                end += 1
                let atEnd = end == lines.count
                if commentLinesContinue && isEmptyStatement(source) && lines[end - 1] != "\n" {
                    if !atEnd { continue }
                    // The end of input, read at `... `: CPython 3.6 stops there.
                    prompts += "... \n"
                    endedInContinuation = true
                    index = end
                    return nil
                }
                if commentLinesContinue && !isEmptyStatement(source) { source = skippingLeadingBlankLines(source) }
                let status = atEnd ? finalStatus(source) : Parser.interactiveStatus(source)
                // A statement the end of input closes (no blank line after a body, no final
                // line break, an open bracket) is read once more, at a `... ` prompt, where the
                // end of input prints a line break.
                if atEnd && (!source.hasSuffix("\n") || Parser.interactiveStatus(source) == .incomplete) {
                    prompts += "... \n"
                }
                switch status {
                case .incomplete:
                    continue
                case .complete:
                    index = end
                    if isEmptyStatement(source) { emptyStatements.append(source); break }
                    return InteractiveChunk(source: source, firstLine: first + 1, lineCount: end - first, error: nil)
                case .invalid(let e):
                    index = end
                    return InteractiveChunk(source: source, firstLine: first + 1, lineCount: end - first, error: e)
                }
                break
            }
        }
        return nil
    }

    /// The prompts written for the lines read since the last call (see `prompts`). After the
    /// last chunk, the caller adds the prompt at which CPython reads the end of input and the
    /// line break it prints then (`>>> \n`).
    public mutating func takePrompts() -> String {
        defer { prompts = "" }
        return prompts
    }

    public mutating func takeEmptyStatements() -> [String] {
        defer { emptyStatements = [] }
        return emptyStatements
    }

    /// At end of input CPython closes whatever is open (pegen turns ENDMARKER into NEWLINE).
    func finalStatus(_ source: String) -> Completeness {
        do {
            _ = try Parser.parseInteractive(source)
            return .complete
        } catch {
            if case .syntax(let e) = error { return .invalid(e) }
            return .complete
        }
    }

    /// 3.6's skipped lines at the start of a statement as backslash continuations: the parser
    /// then sees nothing of them but their line numbers (`# c` then `1/0`: "line 2").
    func skippingLeadingBlankLines(_ source: String) -> String {
        var out = ""
        var leading = true
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if leading && !line.isEmpty && isEmptyStatement(String(line)) { out += "\\\n"; continue }
            leading = false
            out += line + "\n"
        }
        if !source.hasSuffix("\n"), let last = source.split(separator: "\n", omittingEmptySubsequences: false).last {
            out += last
        }
        return out
    }

    func isEmptyStatement(_ source: String) -> Bool {
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0 == "\r" })
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return false }
        }
        return true
    }
}

/// One statement (or one failed statement) of piped REPL input.
public struct InteractiveChunk: Sendable, Equatable {
    /// The lines CPython read for this statement, with their line breaks.
    public var source: String
    /// 1-based line of `source`'s first line in the whole input.
    public var firstLine: Int
    public var lineCount: Int
    /// Set when the chunk does not compile; its line numbers count from the chunk's first line.
    public var error: SyntaxError?

    public init(source: String, firstLine: Int, lineCount: Int, error: SyntaxError?) {
        self.source = source; self.firstLine = firstLine; self.lineCount = lineCount; self.error = error
    }
}

/// Whether interactive input is a complete statement yet (the REPL's `...` prompt decision).
public func interactiveCompleteness(_ source: String) -> Completeness {
    Parser.interactiveStatus(source)
}
