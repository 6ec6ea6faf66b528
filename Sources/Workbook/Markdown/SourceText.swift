/// A chapter's bytes split into lines, keeping every byte.
///
/// cmark reports positions as 1-based lines and strips container prefixes (`> `, list
/// indentation) from code-block content. To show carets and to rewrite expected output in
/// place, the workbook needs the original bytes of each line, so this table maps a line
/// number to its byte range. Invariant: concatenating `line(n).bytes + line(n).terminator`
/// for every `n` reproduces the file exactly (CRLF, CR and a missing final newline included).
///
/// Lines end where CommonMark says they do (spec §2.1, cmark's `S_parser_feed`): at LF, at
/// CRLF, and at a CR not followed by LF. `text` is the file with every line ending made LF,
/// which is what every stage after loading reads (cmark, the search index, the pages), so
/// none of them meets "\r" — Swift reads "\r\n" as one Character, and splitting such text
/// on "\n" finds no lines. Line numbers are the same in `bytes` and in `text`.
public struct SourceText: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// Byte range of the line's text, without its terminator.
        public var range: Range<Int>
        /// "\n", "\r\n", "\r" or "" (the last line of a file without a final newline).
        public var terminator: [UInt8]
    }

    public let bytes: [UInt8]
    public let lines: [Line]
    /// The file with LF line endings only.
    public let text: String

    public init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var lines: [Line] = []
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var start = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == lf || byte == cr {
                let crlf = byte == cr && i + 1 < bytes.count && bytes[i + 1] == lf
                let end = crlf ? i + 2 : i + 1
                lines.append(Line(range: start..<i, terminator: Array(bytes[i..<end])))
                normalized += bytes[start..<i]
                normalized.append(lf)
                start = end
                i = end
            } else {
                i += 1
            }
        }
        if start < bytes.count {
            lines.append(Line(range: start..<bytes.count, terminator: []))
            normalized += bytes[start...]
        }
        self.lines = lines
        self.text = String(decoding: normalized, as: UTF8.self)
    }

    /// Number of lines (a final newline does not start a new, empty line).
    public var lineCount: Int { lines.count }

    /// The text of 1-based line `number`, without its terminator ("" when out of range).
    public func text(ofLine number: Int) -> String {
        guard number >= 1, number <= lines.count else { return "" }
        return String(decoding: bytes[lines[number - 1].range], as: UTF8.self)
    }

    /// The line ending the file mostly uses (LF on a tie); new lines written by bless use it.
    public var preferredTerminator: [UInt8] {
        let counts = [[10], [13, 10], [13]].map { ending in (ending, lines.filter { $0.terminator == ending }.count) }
        return counts.max { $0.1 < $1.1 }!.0
    }
}
