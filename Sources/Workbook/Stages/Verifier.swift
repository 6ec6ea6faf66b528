import HeapEngine
import HeapScript

/// Stage 3: examples → `ExampleResult`s.
///
/// One interpreter session runs through a whole chapter, like doctest's per-file globals;
/// a `fresh` block starts a new one for itself and the blocks after it. Blocks with
/// `python=X.Y` run in a session of that profile (one per profile, all reset by `fresh`).
public struct Verifier: Sendable {
    public var interpreter: any SessionFactory
    /// The profile of blocks without `python=` (`--python`).
    public var profile: Profile
    /// The file name tracebacks show, as CPython shows `<stdin>` for piped input.
    public var filename = "<stdin>"

    public init(interpreter: any SessionFactory = HeapScriptSessions(), profile: Profile = .default) {
        self.interpreter = interpreter; self.profile = profile
    }

    /// Runs `examples` in order in one chapter's sessions.
    public func verify(_ examples: [Example]) -> [ExampleResult] {
        var sessions: [String: any ExampleRunner] = [:]
        return examples.map { example in
            if example.startsFreshSession { sessions.removeAll() }
            let profile = example.python.flatMap(Profile.named) ?? self.profile
            guard !example.directives.contains(.skip) else {
                return ExampleResult(example: example, status: .skipped, got: "", profile: profile.version)
            }
            let runner: any ExampleRunner
            if let existing = sessions[profile.version] { runner = existing } else {
                runner = interpreter.makeRunner(profile: profile)
                sessions[profile.version] = runner
            }
            let result = example.mode == .interactive
                ? runner.runInteractive(example.source, filename: filename)
                : runner.runModule(example.source, filename: filename)
            return judge(example, result, profile: profile)
        }
    }

    func judge(_ example: Example, _ result: ExecutionResult, profile: Profile) -> ExampleResult {
        let got = result.stdout + result.stderr
        if let unsupported = result.unsupported {
            let line = example.location.line + max(0, unsupported.line - 1)
            let message = "\(SourceLocation(path: example.location.path, line: line)): \(unsupported.message)"
            return ExampleResult(example: example, status: .unsupported(message), got: got,
                                 profile: profile.version)
        }
        let ok = OutputMatcher(directives: example.directives).matches(example.expected, result)
        return ExampleResult(example: example, status: ok ? .passed : .failed, got: got,
                             profile: profile.version)
    }
}
