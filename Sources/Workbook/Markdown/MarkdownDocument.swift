/// What the workbook needs from a CommonMark document, as plain Swift values.
///
/// `CommonMarkConverter` fills it from cmark's tree; nothing outside that converter sees a
/// cmark pointer. Line numbers are cmark's (1-based, counted in the original file).
public struct MarkdownDocument: Sendable, Equatable {
    public var codeBlocks: [CodeBlock]
    public var headings: [Heading]

    public init(codeBlocks: [CodeBlock] = [], headings: [Heading] = []) {
        self.codeBlocks = codeBlocks; self.headings = headings
    }
}

/// A fenced or indented code block.
public struct CodeBlock: Sendable, Equatable {
    /// Position among the document's code blocks, in document order; the key used to
    /// replace this block when rendering HTML.
    public var ordinal: Int
    /// The info string (empty for indented blocks).
    public var info: String
    /// Content with container prefixes and fence indentation removed, as cmark gives it.
    public var literal: String
    /// Line of the opening fence (or of the first line of an indented block).
    public var startLine: Int
    /// 1-based byte column where the fence starts.
    public var startColumn: Int
    /// Last line cmark assigns to the block (the closing fence when there is one).
    public var endLine: Int
    /// Ordinal of the code block that is this block's previous sibling, if the node right
    /// before this one (same container, nothing in between) is a code block.
    public var previousCodeBlock: Int?

    public init(ordinal: Int, info: String, literal: String, startLine: Int, startColumn: Int,
                endLine: Int, previousCodeBlock: Int?) {
        self.ordinal = ordinal; self.info = info; self.literal = literal
        self.startLine = startLine; self.startColumn = startColumn; self.endLine = endLine
        self.previousCodeBlock = previousCodeBlock
    }

    /// The first word of the info string ("heap", "output", "python", …).
    public var language: String {
        String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }

    /// Content lines; content line `i` (0-based) sits on source line `startLine + 1 + i`.
    public var contentLines: [String] {
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// An ATX or setext heading.
public struct Heading: Sendable, Equatable {
    public var level: Int
    /// The heading's text with inline markup removed.
    public var text: String
    public var line: Int
    public init(level: Int, text: String, line: Int) {
        self.level = level; self.text = text; self.line = line
    }
}

// MARK: - Fences

extension CodeBlock {
    /// The opening fence as written in the source, or nil for an indented code block.
    public func fence(in source: SourceText) -> (character: UInt8, length: Int)? {
        guard startLine >= 1, startLine <= source.lineCount else { return nil }
        let line = source.lines[startLine - 1].range
        let start = line.lowerBound + max(0, startColumn - 1)
        guard start < line.upperBound else { return nil }
        let ch = source.bytes[start]
        guard ch == UInt8(ascii: "`") || ch == UInt8(ascii: "~") else { return nil }
        var n = 0
        while start + n < line.upperBound, source.bytes[start + n] == ch { n += 1 }
        return n >= 3 ? (ch, n) : nil
    }

    /// Whether a fenced block was closed by a closing fence. cmark closes a fence silently
    /// at the end of the file (or of its container), so this is decided from the source:
    /// the block's last line must be a run of at least as many fence characters, preceded
    /// only by indentation and block-quote markers.
    public func isClosed(in source: SourceText) -> Bool {
        guard let fence = fence(in: source) else { return true }
        guard endLine > startLine, endLine <= source.lineCount else { return false }
        var bytes = Array(source.bytes[source.lines[endLine - 1].range])
        while let last = bytes.last, last == 32 || last == 9 { bytes.removeLast() }
        var run = 0
        while run < bytes.count, bytes[bytes.count - 1 - run] == fence.character { run += 1 }
        guard run >= fence.length else { return false }
        return bytes.dropLast(run).allSatisfy { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }
    }
}
