import HeapScript

/// What happened when an example ran.
public struct ExampleResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case passed
        case failed
        /// `+SKIP`: not run.
        case skipped
        /// The example used a construct outside heapbook's subset (counted as failed).
        case unsupported(String)
        /// Of a `cpython` block, which the engine does not run: CPython recorded nothing
        /// for it in the oracle cache (not a failure, but counted "not confirmed").
        case notConfirmed
    }

    public var example: Example
    /// The verdict of the primary profile's run against the expected output as written.
    /// (A failure under another version is in `otherVersions`; `isFailure` counts both.)
    public var status: Status
    /// Everything the example printed: stdout, then the traceback on stderr. This is what
    /// `--bless` writes and what failure reports show as "Got".
    public var got: String
    /// Which profile ran it ("3.11"): the primary one.
    public var profile: String
    /// What real CPython printed for it (`heapbook test --oracle` only).
    public var oracle: OracleObservation?
    /// The pictures of a `diagram` block, on its last example (nil otherwise).
    public var diagram: BlockDiagram?
    /// The runs under the other profiles of its plan (`versions=`, `--python all`), in
    /// order; empty for an example that runs under its primary profile only.
    public var otherVersions: [VersionRun] = []

    public init(example: Example, status: Status, got: String, profile: String) {
        self.example = example; self.status = status; self.got = got; self.profile = profile
    }

    /// The primary run failed, or a run under another version did.
    public var isFailure: Bool {
        primaryFailed || otherVersions.contains(where: \.isFailure)
    }

    /// The primary run failed (what `--bless` rewrites).
    public var primaryFailed: Bool {
        switch status {
        case .failed, .unsupported: return true
        case .passed, .skipped, .notConfirmed: return false
        }
    }
}

/// One run of an example under a profile other than its primary one.
///
/// Its expected output is not in the chapter: it is what real CPython of that version
/// printed, as recorded in the oracle cache (or, under `--oracle`, printed just now).
public struct VersionRun: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// Agrees with what CPython `cpython` ("3.12.1") printed.
        case confirmed(cpython: String)
        /// Differs from what CPython `cpython` printed (`expected`): the example fails.
        /// `recorded` says whether that output came from the oracle cache.
        case failed(cpython: String, expected: String, recorded: Bool)
        /// Nothing recorded for this run (no entry, or a stale one): not a failure, but
        /// counted ("N not confirmed").
        case notConfirmed
        /// `+ENGINE`: the engine's own view, never compared with CPython.
        case engineOnly
        /// A construct outside the subset (counted as failed).
        case unsupported(String)
    }

    /// "3.12".
    public var profile: String
    /// What the engine printed under it.
    public var result: ExecutionResult
    public var verdict: Verdict
    /// Something the reader should know (a CPython session that ended early, marker noise).
    public var note: String?

    public init(profile: String, result: ExecutionResult, verdict: Verdict, note: String? = nil) {
        self.profile = profile; self.result = result; self.verdict = verdict; self.note = note
    }

    /// stdout, then stderr, like `ExampleResult.got`.
    public var got: String { result.stdout + result.stderr }

    public var isFailure: Bool {
        switch verdict {
        case .failed, .unsupported: return true
        case .confirmed, .notConfirmed, .engineOnly: return false
        }
    }

    /// The confirming CPython version, if any.
    public var confirmedBy: String? {
        if case .confirmed(let cpython) = verdict { return cpython }
        return nil
    }

    /// Whether the engine's output under a version agrees with what CPython printed, under
    /// the example's directives.
    ///
    /// There is no expected output written for that version, only CPython's actual one, so:
    /// 1. when both match the example's expected output (a pattern under `+ELLIPSIS`, such
    ///    as `<object at 0x...>`), they agree: the pattern is what the chapter checks;
    /// 2. otherwise they are compared literally (line ends and trailing whitespace
    ///    normalized, `+NORMALIZE_WHITESPACE` honoured, `...` not a wildcard); a traceback
    ///    compares stdout and the exception line only, since the stack of a script run by
    ///    the oracle (through `exec`) differs from the engine's.
    public static func agrees(_ engine: ExecutionResult, _ cpython: ExecutionResult, example: Example) -> Bool {
        let matcher = OutputMatcher(directives: example.directives)
        if matcher.matches(example.expected, engine), matcher.matches(example.expected, cpython) { return true }
        let literal = OutputMatcher(directives: example.directives.subtracting(.ellipsis))
        if engine.exception != nil || cpython.exception != nil {
            return literal.matches(cpython.stdout, engine.stdout)
                && literal.matches(cpython.exception ?? "", engine.exception ?? "")
        }
        return literal.matches(cpython.stdout + cpython.stderr, engine.stdout + engine.stderr)
    }
}
