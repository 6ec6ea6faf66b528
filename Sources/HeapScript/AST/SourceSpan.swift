/// Where a node starts in its source: 1-based line, 0-based column (CPython's
/// `lineno` / `col_offset`, counted in characters).
public struct SourceSpan: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}
