/// A line in a chapter file, printed the way compilers print it: `chapters/03-gc.md:42`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as the user gave it (relative paths stay relative).
    public var path: String
    /// 1-based line.
    public var line: Int

    public init(path: String, line: Int) { self.path = path; self.line = line }

    public var description: String { "\(path):\(line)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line) < (b.path, b.line)
    }
}
