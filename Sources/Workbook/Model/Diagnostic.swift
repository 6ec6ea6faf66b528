/// Why a chapter cannot be used: a malformed heap block or an unreadable file.
///
/// Any diagnostic makes `heapbook test` exit 2 and makes `--bless` refuse to write the
/// file it belongs to. Printed like a compiler error, with the offending source line and a
/// caret when one helps:
///
///     chapters/02-lists.md:14: error: unknown heap option 'fressh'
///         ```heap fressh
///                 ^~~~~~
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// The source line the caret points into, as written in the file.
    public var sourceLine: String?
    /// 1-based column of the caret in `sourceLine`, and how many columns it underlines.
    public var column: Int?
    public var width: Int

    public init(_ location: SourceLocation, _ message: String, sourceLine: String? = nil,
                column: Int? = nil, width: Int = 1) {
        self.location = location; self.message = message; self.sourceLine = sourceLine
        self.column = column; self.width = max(1, width)
    }

    public var description: String {
        var text = "\(location): error: \(message)"
        if let sourceLine {
            text += "\n    " + sourceLine
            if let column {
                // Keep tabs so the caret lines up under the same characters.
                let pad = sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " as Character }
                text += "\n    " + String(pad) + "^" + String(repeating: "~", count: width - 1)
            }
        }
        return text
    }
}
