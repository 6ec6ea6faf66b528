import HeapEngine
import HeapScript

/// Stage 2: a `Chapter`'s heap blocks → `Example`s.
///
/// Implements docs/DESIGN.md §5. A heap block is a fence whose info string's first word is
/// `heap`; it is a transcript when any line starts with `>>> `, else a script. Every way a
/// block can be malformed is reported as a `Diagnostic` (exit 2), never guessed around:
///
/// 1. an unknown option in the info string (or an unknown `python=` version; an unknown,
///    repeated or missing-primary version in `versions=`);
/// 2. a heap fence still open at the end of the file (cmark closes it silently, so this
///    is decided from the source bytes);
/// 3. a `...` line with no `>>>` before it;
/// 4. text before the first `>>>` of a transcript;
/// 5. a statement left incomplete at the end of its example (`>>> a = (`);
/// 6. an unknown `# heap:` directive;
/// 7. an `output` block that does not directly follow a script-form heap block.
public struct ExampleExtractor: Sendable {
    public var interpreter: any SessionFactory
    public var profiles: [Profile]
    /// The primary profile of blocks without `python=` (`--python`); a `versions=` list
    /// must include a block's primary profile.
    public var defaultProfile: String

    public init(interpreter: any SessionFactory = HeapScriptSessions(),
                profiles: [Profile] = Profile.all, defaultProfile: String = Profile.default.version) {
        self.interpreter = interpreter; self.profiles = profiles; self.defaultProfile = defaultProfile
    }

    public struct Output: Sendable {
        public var chapter: Chapter
        public var blocks: [HeapBlock]
        public var diagnostics: [Diagnostic]
        public var examples: [Example] { blocks.flatMap(\.examples) }
    }

    public func extract(_ chapter: Chapter) -> Output {
        var output = Output(chapter: chapter, blocks: [], diagnostics: [])
        var blockByOrdinal: [Int: Int] = [:]
        for code in chapter.document.codeBlocks {
            switch code.language {
            case "heap":
                let index = output.blocks.count
                if let block = heapBlock(code, index: index, in: chapter, diagnostics: &output.diagnostics) {
                    blockByOrdinal[code.ordinal] = index
                    output.blocks.append(block)
                }
            case "output":
                attachOutput(code, in: chapter, blocks: &output.blocks, blockByOrdinal: blockByOrdinal,
                             diagnostics: &output.diagnostics)
            default:
                continue
            }
        }
        output.diagnostics.sort { $0.location < $1.location }
        return output
    }

    // MARK: - Blocks

    private func heapBlock(_ code: CodeBlock, index: Int, in chapter: Chapter,
                           diagnostics: inout [Diagnostic]) -> HeapBlock? {
        let location = SourceLocation(path: chapter.path, line: code.startLine)
        let fenceLine = chapter.source.text(ofLine: code.startLine)
        let errorCount = diagnostics.count
        let options = parseOptions(code, fenceLine: fenceLine, location: location, diagnostics: &diagnostics)
        if !code.isClosed(in: chapter.source) {
            diagnostics.append(Diagnostic(location, "heap fence is never closed",
                                          sourceLine: fenceLine, column: code.startColumn, width: 3))
        }
        let lines = code.contentLines
        let isTranscript = lines.contains(where: Self.isPrompt)
        var examples = isTranscript
            ? transcriptExamples(code, lines: lines, in: chapter, diagnostics: &diagnostics)
            : scriptExamples(code, lines: lines, in: chapter, diagnostics: &diagnostics)
        guard diagnostics.count == errorCount else { return nil }
        if options.cpython, let engine = examples.first(where: { $0.directives.contains(.engine) }) {
            diagnostics.append(Diagnostic(engine.location, "+ENGINE in a cpython block: its examples are never simulated",
                                          sourceLine: chapter.source.text(ofLine: engine.location.line)))
            return nil
        }
        for i in examples.indices {
            examples[i].python = options.python
            examples[i].versions = options.versions
            examples[i].blockIndex = index
            examples[i].cpythonOnly = options.cpython
        }
        if options.fresh, !examples.isEmpty { examples[0].startsFreshSession = true }
        return HeapBlock(location: location, codeBlock: code, options: options,
                         form: isTranscript ? .transcript : .script, examples: examples, outputBlock: nil)
    }

    private func attachOutput(_ code: CodeBlock, in chapter: Chapter, blocks: inout [HeapBlock],
                              blockByOrdinal: [Int: Int], diagnostics: inout [Diagnostic]) {
        let location = SourceLocation(path: chapter.path, line: code.startLine)
        guard let previous = code.previousCodeBlock, let index = blockByOrdinal[previous],
              blocks[index].form == .script, blocks[index].outputBlock == nil else {
            diagnostics.append(Diagnostic(
                location, "an 'output' block must directly follow a script-form heap block",
                sourceLine: chapter.source.text(ofLine: code.startLine), column: code.startColumn,
                width: 3))
            return
        }
        guard code.isClosed(in: chapter.source) else {
            diagnostics.append(Diagnostic(location, "output fence is never closed",
                                          sourceLine: chapter.source.text(ofLine: code.startLine),
                                          column: code.startColumn, width: 3))
            return
        }
        blocks[index].outputBlock = code
        guard !blocks[index].examples.isEmpty else { return }
        let lines = Self.trimmingTrailingBlankLines(code.contentLines)
        let prefix = containerPrefix(of: code, in: chapter)
        blocks[index].examples[0].expected = ExpectedOutput(
            lines: lines, firstLine: code.startLine + 1, placement: .outputBlock, prefix: prefix)
    }

    // MARK: - Script form

    private func scriptExamples(_ code: CodeBlock, lines: [String], in chapter: Chapter,
                                diagnostics: inout [Diagnostic]) -> [Example] {
        if let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
           Self.isContinuation(lines[first]) {
            diagnostics.append(Diagnostic(
                SourceLocation(path: chapter.path, line: code.startLine + 1 + first),
                "'...' line with no '>>>' before it",
                sourceLine: chapter.source.text(ofLine: code.startLine + 1 + first),
                column: column(of: lines[first], in: chapter, line: code.startLine + 1 + first), width: 3))
            return []
        }
        guard lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return [] }
        var directives = Directives()
        for (i, line) in lines.enumerated() {
            directives.formUnion(parseDirectives(line, line: code.startLine + 1 + i, in: chapter,
                                                 diagnostics: &diagnostics))
        }
        let closing = code.endLine
        let expected = ExpectedOutput(lines: [], firstLine: closing + 1,
                                      placement: .missingOutputBlock(closingLine: closing),
                                      prefix: containerPrefix(of: code, in: chapter))
        return [Example(location: SourceLocation(path: chapter.path, line: code.startLine + 1),
                        mode: .module, source: lines.joined(separator: "\n") + "\n",
                        expected: expected, directives: directives)]
    }

    // MARK: - Helpers

    static func isPrompt(_ line: String) -> Bool { line.hasPrefix(">>> ") || line == ">>>" }
    static func isContinuation(_ line: String) -> Bool { line.hasPrefix("... ") || line == "..." }

    static func trimmingTrailingBlankLines(_ lines: [String]) -> [String] {
        var lines = lines
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines
    }

    /// The bytes a content line carries in the file before cmark's stripped content: block
    /// quote markers and indentation. Bless writes new lines with it. Taken from a content
    /// line when one maps cleanly, else from the fence line with list markers blanked.
    func containerPrefix(of code: CodeBlock, in chapter: Chapter) -> String {
        for (i, content) in code.contentLines.enumerated() where !content.isEmpty {
            let raw = chapter.source.text(ofLine: code.startLine + 1 + i)
            if raw.hasSuffix(content) { return String(raw.dropLast(content.count)) }
        }
        let fenceLine = chapter.source.text(ofLine: code.startLine)
        let before = fenceLine.utf8.prefix(max(0, code.startColumn - 1))
        return String(String(decoding: before, as: UTF8.self).map { ch -> Character in
            ch == ">" || ch == "\t" ? ch : " "
        })
    }

    /// 1-based column (in characters) where `content` starts within source line `line`.
    func column(of content: String, in chapter: Chapter, line: Int) -> Int {
        let raw = chapter.source.text(ofLine: line)
        return raw.hasSuffix(content) ? raw.count - content.count + 1 : 1
    }
}
