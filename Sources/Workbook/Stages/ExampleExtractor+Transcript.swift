import HeapScript

extension ExampleExtractor {
    /// Splits a transcript into examples: each `>>>` line with the `...` lines right after
    /// it is the input; the lines up to the next `>>>` (trailing blank lines dropped) are the
    /// expected output. Content line `i` sits on source line `code.startLine + 1 + i`.
    func transcriptExamples(_ code: CodeBlock, lines: [String], in chapter: Chapter,
                            diagnostics: inout [Diagnostic]) -> [Example] {
        func sourceLine(_ i: Int) -> Int { code.startLine + 1 + i }
        func error(_ i: Int, _ message: String, width: Int = 3) {
            diagnostics.append(Diagnostic(
                SourceLocation(path: chapter.path, line: sourceLine(i)), message,
                sourceLine: chapter.source.text(ofLine: sourceLine(i)),
                column: column(of: lines[i], in: chapter, line: sourceLine(i)), width: width))
        }

        var examples: [Example] = []
        var i = 0
        // Before the first prompt only blank lines may appear.
        while i < lines.count, !Self.isPrompt(lines[i]) {
            if Self.isContinuation(lines[i]) {
                error(i, "'...' line with no '>>>' before it")
            } else if !lines[i].allSatisfy(\.isWhitespace) {
                error(i, "expected output before the first '>>>' of a transcript",
                      width: lines[i].count)
            }
            i += 1
        }
        let prefix = containerPrefix(of: code, in: chapter)
        while i < lines.count {
            // Invariant: lines[i] is a prompt line.
            let start = i
            var input = [String(lines[i].dropFirst(lines[i] == ">>>" ? 3 : 4))]
            i += 1
            while i < lines.count, Self.isContinuation(lines[i]) {
                input.append(String(lines[i].dropFirst(lines[i] == "..." ? 3 : 4)))
                i += 1
            }
            let outputStart = i
            while i < lines.count, !Self.isPrompt(lines[i]) { i += 1 }
            let expected = Self.trimmingTrailingBlankLines(Array(lines[outputStart..<i]))

            var directives = Directives()
            for (k, line) in input.enumerated() {
                directives.formUnion(parseDirectives(line, line: sourceLine(start + k), in: chapter,
                                                     diagnostics: &diagnostics))
            }
            let source = input.joined(separator: "\n") + "\n"
            // The REPL would see an empty line after the example; if the statement still
            // wants more, the example is unusable.
            if case .incomplete = interpreter.completeness(of: source + "\n") {
                let last = outputStart - 1
                error(last, "statement is incomplete at the end of the example", width: 1)
                diagnostics[diagnostics.count - 1].column =
                    chapter.source.text(ofLine: sourceLine(last)).count + 1
            }
            examples.append(Example(
                location: SourceLocation(path: chapter.path, line: sourceLine(start)),
                mode: .interactive, source: source,
                expected: ExpectedOutput(lines: expected, firstLine: sourceLine(outputStart),
                                         placement: .transcript, prefix: prefix),
                directives: directives))
        }
        return examples
    }
}
