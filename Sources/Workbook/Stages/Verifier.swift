import HeapEngine
import HeapScript

/// Stage 3: examples → `ExampleResult`s.
///
/// One interpreter session runs through a whole chapter, like doctest's per-file globals;
/// a `fresh` block starts a new one for itself and the blocks after it. Blocks with
/// `python=X.Y` run in a session of that profile (one per profile, all reset by `fresh`).
///
/// An example of a `versions=` block (or any example under `--python all`) also runs under
/// each other profile of its plan, in that profile's session, right after its primary
/// run. Its output there is judged against what real CPython of that version printed, as
/// recorded in the oracle cache under the run's key (`OracleKey.keys(for:plan:)`): a
/// difference fails the example; no entry leaves the run "not confirmed".
///
/// An example of a `cpython` block is not run at all: the engine's sessions pass over it,
/// and its expected output is judged against what CPython recorded for it in the oracle
/// cache, in a session of its own (`OracleCache.verdict(forCPythonOnly:profile:key:)`).
public struct Verifier: Sendable {
    public var interpreter: any SessionFactory
    /// The profile of blocks without `python=` (`--python`).
    public var profile: Profile
    /// `--python all`: every example also runs under every profile.
    public var everyProfile = false
    /// What real CPython printed, for the runs under other profiles.
    public var cache = OracleCache()
    /// The file name tracebacks show, as CPython shows `<stdin>` for piped input.
    public var filename = "<stdin>"

    public init(interpreter: any SessionFactory = HeapScriptSessions(), profile: Profile = .default,
                everyProfile: Bool = false, cache: OracleCache = OracleCache()) {
        self.interpreter = interpreter; self.profile = profile
        self.everyProfile = everyProfile; self.cache = cache
    }

    public var plan: ProfilePlan { ProfilePlan(defaultProfile: profile.version, everyProfile: everyProfile) }

    /// Runs `examples` in order in one chapter's sessions.
    /// - Parameter diagrams: by block index, the pictures to take after that block's last
    ///   example (`diagram` blocks). Nothing is recorded for other blocks.
    /// - Parameter steps: by block index, what the stepper of a `diagram` block shows: the
    ///   heap is read before its first example and after each one.
    public func verify(_ examples: [Example], diagrams: [Int: DiagramRequest] = [:],
                       steps stepRequests: [Int: StepRequest] = [:]) -> [ExampleResult] {
        var steps: [Int: [HeapStep]] = [:]
        var sessions: [String: any ExampleRunner] = [:]
        // What each session has run since it started: a `gc` picture replays it in a
        // session of its own, so that collecting does not change the chapter's session.
        var history: [String: [Example]] = [:]
        func runner(for profile: Profile) -> any ExampleRunner {
            if let existing = sessions[profile.version] { return existing }
            let made = interpreter.makeRunner(profile: profile)
            sessions[profile.version] = made
            return made
        }
        let plan = self.plan
        let keys = plan.needsCache(examples) ? OracleKey.keys(for: examples, plan: plan) : []
        return examples.indices.map { index in
            let example = examples[index]
            if example.startsFreshSession { sessions.removeAll(); history.removeAll() }
            let profile = Profile.named(plan.primary(of: example)) ?? self.profile
            let stepRequest = stepRequests[example.blockIndex]
            if let stepRequest, steps[example.blockIndex] == nil {
                steps[example.blockIndex] = runner(for: profile).heapStep(stepRequest, line: nil).map { [$0] } ?? []
            }
            var result: ExampleResult
            if example.directives.contains(.skip) {
                result = ExampleResult(example: example, status: .skipped, got: "", profile: profile.version)
            } else if example.cpythonOnly {
                result = cache.verdict(forCPythonOnly: example, profile: profile.version, key: keys[index][profile.version])
            } else {
                let run = Self.run(example, on: runner(for: profile), filename: filename)
                history[profile.version, default: []].append(example)
                result = judge(example, run, profile: profile)
                if let stepRequest, let step = runner(for: profile).heapStep(stepRequest, line: example.location.line) {
                    steps[example.blockIndex, default: []].append(step)
                }
                for version in plan.profiles(of: example).dropFirst() {
                    guard let other = Profile.named(version) else { continue }
                    let run = Self.run(example, on: runner(for: other), filename: filename)
                    history[version, default: []].append(example)
                    result.otherVersions.append(judge(example, run, under: version, key: keys[index][version]))
                }
            }
            let lastOfBlock = index + 1 == examples.count || examples[index + 1].blockIndex != example.blockIndex
            if lastOfBlock, let request = diagrams[example.blockIndex] {
                result.diagram = diagram(request, runner: runner(for: profile), replaying: history[profile.version] ?? [],
                                         profile: profile)
                result.diagram?.steps = steps[example.blockIndex] ?? []
            }
            return result
        }
    }

    static func run(_ example: Example, on runner: any ExampleRunner, filename: String) -> ExecutionResult {
        example.mode == .interactive
            ? runner.runInteractive(example.source, filename: filename)
            : runner.runModule(example.source, filename: "<string>")   // the oracle's exec(source)
    }

    /// The pictures of `request`: the object graph and arenas from the chapter's session,
    /// the collection from a fresh session that replays `history`.
    func diagram(_ request: DiagramRequest, runner: any ExampleRunner, replaying history: [Example],
                 profile: Profile) -> BlockDiagram? {
        var live = request
        live.gc = false
        var diagram = live.objects || live.arenas ? runner.diagram(live) : BlockDiagram(request: request)
        diagram?.request = request
        if request.gc {
            let scratch = interpreter.makeRunner(profile: profile)
            for example in history { _ = Self.run(example, on: scratch, filename: filename) }
            diagram?.gc = scratch.diagram(DiagramRequest(objects: false, gc: true, names: request.names))?.gc
        }
        // A word of `diagram=` that is not a kind must name something in `__main__`. A
        // snapshot only reads the heap, so asking for one does not change the session.
        if let names = request.names, diagram != nil {
            let missing = diagram?.objects?.missingNames
                ?? runner.diagram(DiagramRequest(objects: true, names: names))?.objects?.missingNames ?? []
            if !missing.isEmpty {
                diagram?.unknownNames = missing
                diagram?.boundNames = runner.diagram(DiagramRequest(objects: true))?.objects?.bindings.map(\.name) ?? []
            }
        }
        return diagram
    }

    /// The verdict on a run under another profile than the primary one.
    func judge(_ example: Example, _ result: ExecutionResult, under profile: String, key: String?) -> VersionRun {
        if let unsupported = result.unsupported {
            let line = example.location.line + max(0, unsupported.line - 1)
            let message = "\(SourceLocation(path: example.location.path, line: line)): \(unsupported.message) (under \(profile))"
            return VersionRun(profile: profile, result: result, verdict: .unsupported(message))
        }
        return VersionRun(profile: profile, result: result,
                          verdict: cache.verdict(for: example, profile: profile, key: key, engine: result))
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
