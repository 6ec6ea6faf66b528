/// A chapter's bytes split into lines, keeping every byte.
///
/// cmark reports positions as 1-based lines and strips container prefixes (`> `, list
/// indentation) from code-block content. To show carets and to rewrite expected output in
/// place, the workbook needs the original bytes of each line, so this table maps a line
/// number to its byte range. Invariant: concatenating `line(n).bytes + line(n).terminator`
/// for every `n` reproduces the file exactly (CRLF and a missing final newline included).
public struct SourceText: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// Byte range of the line's text, without its terminator.
        public var range: Range<Int>
        /// "\n", "\r\n" or "" (the last line of a file without a final newline).
        public var terminator: [UInt8]
    }

    public let bytes: [UInt8]
    public let lines: [Line]

    public init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [Line] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                let crlf = i > start && bytes[i - 1] == UInt8(ascii: "\r")
                lines.append(Line(range: start..<(crlf ? i - 1 : i),
                                  terminator: crlf ? [13, 10] : [10]))
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { lines.append(Line(range: start..<bytes.count, terminator: [])) }
        self.lines = lines
    }

    /// Number of lines (a final newline does not start a new, empty line).
    public var lineCount: Int { lines.count }

    /// The text of 1-based line `number`, without its terminator ("" when out of range).
    public func text(ofLine number: Int) -> String {
        guard number >= 1, number <= lines.count else { return "" }
        return String(decoding: bytes[lines[number - 1].range], as: UTF8.self)
    }

    /// The line ending the file mostly uses; new lines written by bless use it.
    public var preferredTerminator: [UInt8] {
        let crlf = lines.filter { $0.terminator == [13, 10] }.count
        return crlf * 2 > lines.count ? [13, 10] : [10]
    }
}
