/// Stage 4: accept new output. Rewrites the expected output of every failed example with
/// what it printed, and nothing else.
///
/// Works on bytes, so every byte outside the rewritten lines — CRLF line ends, a missing
/// final newline, tabs, trailing spaces — stays as it was. New lines carry the container
/// prefix of their block (`> `, list indentation) and the file's line ending. An empty
/// output line is written `<BLANKLINE>`.
public struct Blesser: Sendable {
    public init() {}

    public struct Output: Sendable, Equatable {
        /// The new file contents.
        public var bytes: [UInt8]
        /// The examples whose expected output was rewritten.
        public var blessed: [Example]
    }

    /// - Parameters:
    ///   - source: the chapter's current bytes.
    ///   - results: its results; only `.failed` ones are rewritten.
    public func bless(_ source: SourceText, results: [ExampleResult]) -> Output {
        let failed = results.filter { $0.status == .failed }
        var edits: [(range: Range<Int>, bytes: [UInt8])] = failed.map { edit(for: $0, in: source) }
        edits.sort { $0.range.lowerBound > $1.range.lowerBound }
        var bytes = source.bytes
        for edit in edits { bytes.replaceSubrange(edit.range, with: edit.bytes) }
        return Output(bytes: bytes, blessed: failed.map(\.example))
    }

    // MARK: - Edits

    private func edit(for result: ExampleResult, in source: SourceText) -> (range: Range<Int>, bytes: [UInt8]) {
        let expected = result.example.expected
        let newline = source.preferredTerminator
        let lines = Self.outputLines(result.got)
        func encode(_ lines: [String]) -> [UInt8] {
            lines.flatMap { Array((expected.prefix + $0).utf8) + newline }
        }
        switch expected.placement {
        case .transcript, .outputBlock:
            let start = lineStart(expected.firstLine, in: source)
            let end = lineStart(expected.firstLine + expected.lines.count, in: source)
            return (start..<end, encode(lines))
        case .missingOutputBlock(let closingLine):
            let at = lineStart(closingLine + 1, in: source)
            let needsNewline = closingLine >= 1 && closingLine <= source.lineCount
                && source.lines[closingLine - 1].terminator.isEmpty
            return (at..<at, (needsNewline ? newline : []) + encode(["```output"] + lines + ["```"]))
        }
    }

    /// Byte offset where 1-based `line` starts (end of file past the last line).
    private func lineStart(_ line: Int, in source: SourceText) -> Int {
        line - 1 < source.lineCount ? source.lines[max(0, line - 1)].range.lowerBound : source.bytes.count
    }

    /// What was printed, as expected-output lines: trailing whitespace removed, empty lines
    /// spelled `<BLANKLINE>`.
    static func outputLines(_ got: String) -> [String] {
        guard !got.isEmpty else { return [] }
        var lines = got.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if got.hasSuffix("\n") { lines.removeLast() }
        return lines.map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
            return line.isEmpty ? "<BLANKLINE>" : String(line)
        }
    }
}
