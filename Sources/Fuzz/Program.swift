/// A generated program: top-level statements fed to the REPL in order.
public struct Program: Sendable, Equatable {
    /// One top-level statement. A compound statement has a header and body statements
    /// (each one or more lines, indented by the printer); the shrinker removes either.
    public struct Statement: Sendable, Equatable {
        public var header: String?
        public var body: [String]

        public static func simple(_ line: String) -> Statement { Statement(header: nil, body: [line]) }
        public static func compound(_ header: String, _ body: [String]) -> Statement { Statement(header: header, body: body) }

        /// The REPL input: a compound statement is closed by a blank line.
        public var text: String {
            guard let header else { return body.joined(separator: "\n") + "\n" }
            let lines = (body.isEmpty ? ["pass"] : body).flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
            return header + "\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n\n"
        }
    }

    public var statements: [Statement]
    public init(statements: [Statement]) { self.statements = statements }

    /// The piped REPL input (what `python -q -i` and `heapbook repl` read).
    public var text: String { statements.map(\.text).joined() }

    /// Number of removable units (top-level statements plus body statements).
    public var size: Int { statements.reduce(0) { $0 + 1 + ($1.header == nil ? 0 : $1.body.count) } }
}
