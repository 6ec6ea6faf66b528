/// What happened when an example ran.
public struct ExampleResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case passed
        case failed
        /// `+SKIP`: not run.
        case skipped
        /// The example used a construct outside heapbook's subset (counted as failed).
        case unsupported(String)
    }

    public var example: Example
    public var status: Status
    /// Everything the example printed: stdout, then the traceback on stderr. This is what
    /// `--bless` writes and what failure reports show as "Got".
    public var got: String
    /// Which profile ran it ("3.11").
    public var profile: String
    /// What real CPython printed for it (`heapbook test --oracle` only).
    public var oracle: OracleObservation?
    /// The pictures of a `diagram` block, on its last example (nil otherwise).
    public var diagram: BlockDiagram?

    public init(example: Example, status: Status, got: String, profile: String) {
        self.example = example; self.status = status; self.got = got; self.profile = profile
    }

    public var isFailure: Bool {
        switch status {
        case .failed, .unsupported: return true
        case .passed, .skipped: return false
        }
    }
}
