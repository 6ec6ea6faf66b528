/// A line in a chapter file, printed the way compilers print it: `chapters/03-gc.md:42`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as the user gave it (relative paths stay relative).
    public var path: String
    /// 1-based line; 0: the file or directory as a whole.
    public var line: Int

    public init(path: String, line: Int) { self.path = path; self.line = line }

    /// `path:line`, or `path` alone for the whole file (compilers print no line 0 either).
    public var description: String { line == 0 ? path : "\(path):\(line)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line) < (b.path, b.line)
    }
}
