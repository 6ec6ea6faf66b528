import HeapScript

/// The verdict on one run of an example under real CPython, and the cache entry it leaves:
/// the primary run against the expected output as written, a run under another profile
/// against the engine's output under that profile.
extension Oracle {
    /// What CPython printed for one run, and where it goes in the cache.
    struct Observed {
        var python: any OracleInterpreter
        /// nil: the session ended before this example.
        var piece: ExecutionResult?
        var ending: String
        var key: String?
        var location: String
        var old: OracleCache

        func entry(_ cpython: ExecutionResult) -> OracleCache.Entry {
            OracleCache.Entry(cpython: python.version, example: location, stdout: cpython.stdout,
                              stderr: cpython.stderr.isEmpty ? nil : cpython.stderr, exception: cpython.exception)
        }
    }

    /// The primary run: CPython against the expected output as written (and the engine's
    /// verdict beside it). - Returns: whether CPython agrees with the expected output.
    func checkPrimary(_ result: inout ExampleResult, _ observed: Observed,
                      update: inout CacheUpdate) -> Bool {
        let example = result.example
        let version = observed.python.version
        // A `cpython` block's result came from the cache; this run replaces it.
        let engineAgrees = example.cpythonOnly || result.status == .passed
        guard let cpython = observed.piece else {
            result.oracle = OracleObservation(
                cpython: version, got: "", agrees: false, engineAgrees: engineAgrees,
                note: "the CPython session ended before this example (\(observed.ending))")
            result.status = .failed
            return false
        }
        let matcher = OutputMatcher(directives: example.directives)
        let agrees = matcher.matches(example.expected, cpython)
        result.oracle = OracleObservation(cpython: version, got: cpython.stdout + cpython.stderr, agrees: agrees,
                                          engineAgrees: engineAgrees, run: cpython)
        if example.cpythonOnly { result.status = agrees ? .passed : .failed }
        if !agrees, result.status == .passed { result.status = .failed }
        if let key = observed.key {
            if agrees, var kept = observed.old.entries[key], kept.cpython == version,
               matcher.matches(example.expected, kept.result) {
                // Same verdict from the same interpreter: keep the recorded run, so
                // outputs that differ run to run (addresses under +ELLIPSIS) do not
                // churn the committed file.
                kept.example = observed.location
                update.entries[key] = kept
            } else {
                update.entries[key] = observed.entry(cpython)
            }
        }
        return agrees
    }

    /// A run under another profile: the engine's output under it against CPython's.
    /// - Returns: whether they agree.
    func checkOther(_ result: inout ExampleResult, profile: String, _ observed: Observed,
                    update: inout CacheUpdate) -> Bool {
        guard let v = result.otherVersions.firstIndex(where: { $0.profile == profile }) else { return true }
        let example = result.example
        let version = observed.python.version
        let engine = result.otherVersions[v].result
        guard let cpython = observed.piece else {
            result.otherVersions[v].verdict = .failed(cpython: version, expected: "", recorded: false)
            result.otherVersions[v].note = "the CPython session ended before this example (\(observed.ending))"
            return false
        }
        let agrees = VersionRun.agrees(engine, cpython, example: example)
        result.otherVersions[v].verdict = agrees
            ? .confirmed(cpython: version)
            : .failed(cpython: version, expected: cpython.stdout + cpython.stderr, recorded: false)
        if let key = observed.key {
            if var kept = observed.old.entries[key], kept.cpython == version,
               VersionRun.agrees(cpython, kept.result, example: example) {
                kept.example = observed.location   // the same run as recorded: no churn
                update.entries[key] = kept
            } else {
                update.entries[key] = observed.entry(cpython)
            }
        }
        return agrees
    }
}
