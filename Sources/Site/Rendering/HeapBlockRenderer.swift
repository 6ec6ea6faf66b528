import Mustache
import Workbook

/// Renders one verified heap block with `heap-block.mustache`: highlighted input with
/// `>>>`/`...` prompts, the verified output of each example, and a mark saying what
/// verified it (for a `cpython` block, never simulated: its CPython confirmation only). A
/// `versions=` block is a table instead (`HeapBlockRenderer+Versions`). Only passed,
/// skipped or not-confirmed examples reach this renderer; `SiteBuilder` refuses to render a
/// chapter with a failure.
struct HeapBlockRenderer {
    var theme: Theme
    var tokenizer: any SyntaxTokenizer
    var confirmations: any ConfirmationSource
    /// Put before every id the block hands out (`heap-L12`, its diagrams' ids), so that
    /// `print.html`, which holds every chapter, keeps them unique.
    var anchorPrefix = ""

    /// The id of the block whose fence is on `line`.
    func anchor(_ line: Int) -> String { "\(anchorPrefix)heap-L\(line)" }

    func render(_ block: HeapBlock, results: [ExampleResult], defaultProfile: String) throws -> String {
        if let versions = block.options.versions, !versions.isEmpty {
            return try renderVersionTable(block, versions: versions, results: results, defaultProfile: defaultProfile)
        }
        var lines: [CodeLine] = []
        var outputLines: [CodeLine.Token] = []
        let resultByLine = Dictionary(results.map { ($0.example.location.line, $0) }, uniquingKeysWith: { a, _ in a })
        for example in block.examples {
            let skipped = resultByLine[example.location.line]?.status == .skipped
            var note: String? = skipped ? "not run" : nil
            if example.directives.contains(.engine) { note = (note.map { $0 + " · " } ?? "") + "engine view" }
            if let unconfirmed = confirmations.unconfirmedNote(for: example, skipped: skipped) {
                note = (note.map { $0 + " · " } ?? "") + unconfirmed
            }
            let sourceLines = highlightedLines(example.source)
            for (i, tokens) in sourceLines.enumerated() {
                var tokens = tokens
                if block.form == .transcript {
                    tokens.insert(CodeLine.Token(kind: "gp", text: i == 0 ? ">>> " : "... "), at: 0)
                }
                lines.append(CodeLine(tokens: tokens, isOutput: false, outputClass: nil, note: i == 0 ? note : nil))
            }
            var inTraceback = false
            for line in example.expected.lines {
                let text = line == "<BLANKLINE>" ? "" : line
                if text == OutputMatcher.tracebackHeader { inTraceback = true }
                let token = CodeLine.Token(kind: inTraceback ? "gt" : "go", text: text)
                if block.form == .transcript {
                    lines.append(CodeLine(tokens: [CodeLine.Token(kind: nil, text: text)], isOutput: true,
                                          outputClass: token.kind, note: nil))
                } else {
                    outputLines.append(token)
                }
            }
        }
        let skippedCount = results.filter { $0.status == .skipped }.count
        let allSkipped = !results.isEmpty && skippedCount == results.count
        let profile = block.options.python ?? results.first?.profile ?? defaultProfile
        let compared = block.examples.filter { !$0.directives.contains(.skip) && !$0.directives.contains(.engine) }
        var mark: String
        var symbol = allSkipped ? "–" : "✓"
        if block.options.cpython, !allSkipped {
            // Never simulated: what vouches for it is CPython's recorded run, or nothing.
            mark = confirmations.cpythonOnlyMark(for: compared)
            if compared.contains(where: { confirmations.confirmations(for: $0).isEmpty }) { symbol = "–" }
        } else {
            mark = allSkipped
                ? "not run (+SKIP) · shown as written"
                : "verified by heapbook engine · CPython \(profile) profile"
            if !allSkipped, !compared.isEmpty { mark += confirmations.blockMark(for: compared) }
        }
        if !allSkipped, skippedCount > 0 { mark += " · \(skippedCount) not run (+SKIP)" }
        var options: [String] = []
        if block.options.fresh { options.append("fresh session") }
        if let python = block.options.python { options.append("CPython \(python)") }
        if block.options.cpython { options.append("CPython only") }
        let context = HeapBlockContext(
            form: block.form == .transcript ? "transcript" : "script",
            anchor: anchor(block.location.line), line: block.location.line,
            hasOptions: !options.isEmpty, options: options, lines: lines, copyText: Self.copyText(block),
            hasOutputPanel: block.form == .script && !outputLines.isEmpty, outputLines: outputLines,
            symbol: symbol, mark: mark, allSkipped: allSkipped,
            diagrams: try results.last?.diagram.map { try diagramsHTML($0, block: block, anchor: anchor(block.location.line),
                                                                       line: block.location.line) })
        return try theme.render(context, template: "heap-block")
    }

    /// What the copy button of a block copies: its input as a reader would type it, without
    /// `>>> `/`... ` prompts, without outputs, and without heapbook's `# heap:` directive
    /// comments. In a transcript a statement of several lines (a `def`, a `for`) is followed
    /// by an empty line, so that the text also pastes into the interactive interpreter.
    static func copyText(_ block: HeapBlock) -> String {
        var out: [String] = []
        for (i, example) in block.examples.enumerated() {
            var lines = example.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if example.source.hasSuffix("\n") { lines.removeLast() }
            lines = lines.map(withoutDirectives)
            out.append(contentsOf: lines)
            if block.form == .transcript, lines.count > 1, i + 1 < block.examples.count, out.last != "" { out.append("") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `x = 1  # heap: +SKIP` → `x = 1` (the comment `ExampleExtractor` reads directives from).
    static func withoutDirectives(_ line: String) -> String {
        guard let marker = line.range(of: "# heap:", options: .backwards) else { return line }
        var kept = String(line[..<marker.lowerBound])
        while kept.last == " " || kept.last == "\t" { kept.removeLast() }
        return kept
    }

    /// Tokens of `source`, split into lines (tokens that span lines are cut at newlines).
    func highlightedLines(_ source: String) -> [[CodeLine.Token]] {
        var lines: [[CodeLine.Token]] = [[]]
        for token in tokenizer.tokens(source) {
            let pieces = token.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if i > 0 { lines.append([]) }
                if !piece.isEmpty { lines[lines.count - 1].append(CodeLine.Token(kind: token.kind?.rawValue, text: String(piece))) }
            }
        }
        if source.hasSuffix("\n"), lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

struct HeapBlockContext {
    var form: String
    var anchor: String
    var line: Int
    var hasOptions: Bool
    var options: [String]
    var lines: [CodeLine]
    /// The input the copy button copies (`copyText`).
    var copyText: String
    var hasOutputPanel: Bool
    var outputLines: [CodeLine.Token]
    var symbol: String
    var mark: String
    var allSkipped: Bool
    /// Trusted HTML from `heap-diagrams.mustache` (its SVGs come from `diagram.mustache`).
    var diagrams: String?
}

/// One line of a heap block's `<pre>`.
struct CodeLine: MustacheParent {
    /// The lines as `heap-block.mustache` used to write them, in Swift: a template lookup per
    /// token was a third of a 200-chapter build.
    static func html(_ lines: [CodeLine]) -> String {
        var out = ""
        for line in lines {
            if line.isOutput { out += "<span class=\"\(line.outputClass.map(HTMLEscape.escape) ?? "")\">" }
            for token in line.tokens {
                if let kind = token.kind {
                    out += "<span class=\"\(HTMLEscape.escape(kind))\">\(HTMLEscape.escape(token.text))</span>"
                } else {
                    out += HTMLEscape.escape(token.text)
                }
            }
            if line.isOutput { out += "</span>" }
            if let note = line.note { out += " <span class=\"heap-note\">\(HTMLEscape.escape(note))</span>" }
            out += "\n"
        }
        return out
    }

    /// A script block's output panel.
    static func outputHTML(_ tokens: [Token]) -> String {
        var out = ""
        for token in tokens {
            out += "<span class=\"\(token.kind.map(HTMLEscape.escape) ?? "")\">\(HTMLEscape.escape(token.text))</span>\n"
        }
        return out
    }

    struct Token: MustacheParent {
        var kind: String?
        var text: String
        // Hand-written lookup: tokens are the most numerous context values, and this
        // avoids a Mirror per token.
        func child(named name: String) -> Any? {
            switch name {
            case "kind": return kind
            case "text": return text
            case "outputClass": return kind
            default: return nil
            }
        }
    }
    var tokens: [Token]
    var isOutput: Bool
    var outputClass: String?
    var note: String?

    func child(named name: String) -> Any? {
        switch name {
        case "tokens": return tokens
        case "isOutput": return isOutput
        case "outputClass": return outputClass
        case "note": return note
        default: return nil
        }
    }
}
