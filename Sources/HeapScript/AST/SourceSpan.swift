/// Where a node sits in its source: 1-based lines, 0-based columns (CPython's `lineno` /
/// `col_offset` / `end_lineno` / `end_col_offset`, counted in Unicode scalars where CPython
/// counts UTF-8 bytes: the traceback converts CPython's back to characters, so both agree
/// on what is printed).
///
/// The end is just past the node's last token. It is set for expressions and statements by
/// the parser; a span made elsewhere ends where it starts.
public struct SourceSpan: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public init(line: Int, column: Int) {
        self.line = line; self.column = column; endLine = line; endColumn = column
    }
    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line; self.column = column; self.endLine = endLine; self.endColumn = endColumn
    }

    /// Whether both spans start at the same place (an unparenthesized tuple and its first item).
    public func startsWith(_ other: SourceSpan) -> Bool { line == other.line && column == other.column }
}
