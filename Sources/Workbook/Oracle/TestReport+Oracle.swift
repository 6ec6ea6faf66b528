import Foundation

extension TestReport {
    /// A failure seen by the oracle: which of the three — the expected output, the engine,
    /// real CPython — is the odd one out, then Expected, the engine's Got, and what CPython
    /// printed when it differs from the engine's.
    ///
    /// When the expected output is CPython's and the engine prints something else, that is
    /// an *engine divergence*, said so first:
    ///
    ///     chapters/x.md:12: engine divergence: CPython 3.11.7 prints 48, the engine prints 56
    static func oracleFailureText(_ result: ExampleResult, _ oracle: OracleObservation) -> String {
        let cpython = "CPython \(oracle.cpython)"
        if result.example.cpythonOnly { return cpythonOnlyFailureText(result, oracle) }
        let same = OutputMatcher.normalizeLineEnds(oracle.got) == OutputMatcher.normalizeLineEnds(result.got)
        var text: String
        switch (oracle.engineAgrees, oracle.agrees) {
        case (false, true):
            text = "\(result.example.location): engine divergence: \(cpython) prints \(Self.gist(oracle.got)), "
                + "the engine prints \(Self.gist(result.got))\n"
            text += oracle.got.isEmpty ? "\(cpython) printed nothing\n" : "\(cpython) printed (the expected output):\n" + indent(oracle.got)
            text += result.got.isEmpty ? "The engine printed nothing\n" : "The engine printed:\n" + indent(result.got)
            if let note = oracle.note { text += "Note: \(note)\n" }
            return String(text.dropLast())
        case (true, false):
            text = "\(result.example.location): example failed: \(cpython) differs from the expected output (the engine matches it)\n"
        default:
            text = "\(result.example.location): example failed: " + (same
                ? "the expected output differs from what the engine and \(cpython) both print\n"
                : "the engine, \(cpython) and the expected output all differ\n")
        }
        let expected = result.example.expected.text
        text += expected.isEmpty ? "Expected nothing\n" : "Expected:\n" + indent(expected)
        text += result.got.isEmpty ? "Got nothing\n" : "Got:\n" + indent(result.got)
        if !same || oracle.note != nil {
            text += oracle.got.isEmpty ? "\(cpython) printed nothing\n" : "\(cpython) printed:\n" + indent(oracle.got)
        }
        if let note = oracle.note { text += "Note: \(note)\n" }
        return String(text.dropLast())
    }

    /// A `cpython` block's example whose expected output CPython does not print.
    static func cpythonOnlyFailureText(_ result: ExampleResult, _ oracle: OracleObservation) -> String {
        let cpython = "CPython \(oracle.cpython)"
        var text = "\(result.example.location): example failed: \(cpython) differs from the expected output (a cpython block: not simulated)\n"
        let expected = result.example.expected.text
        text += expected.isEmpty ? "Expected nothing\n" : "Expected:\n" + indent(expected)
        text += oracle.got.isEmpty ? "\(cpython) printed nothing\n" : "\(cpython) printed:\n" + indent(oracle.got)
        if let note = oracle.note { text += "Note: \(note)\n" }
        return String(text.dropLast())
    }

    /// A short form of an output for a one-line message: the line itself when there is
    /// one short line, else how many lines.
    static func gist(_ output: String) -> String {
        let lines = Blesser.outputLines(output)
        if lines.isEmpty { return "nothing" }
        if lines.count == 1, lines[0].count <= 60 { return lines[0] }
        return "\(lines.count) line\(lines.count == 1 ? "" : "s") (below)"
    }

    /// After `--bless`: gives each example of the re-tested report the CPython run its
    /// earlier self had (`before`, the report the oracle checked), judged against the
    /// expected output as now written. An example the engine still fails while CPython
    /// matches is then an engine divergence. Examples are matched by chapter and position
    /// (bless moves lines, never examples) and must have the same input.
    public mutating func carryObservations(from before: TestReport) {
        let old = Dictionary(before.chapters.map { ($0.chapter.url.path, $0.results) }, uniquingKeysWith: { a, _ in a })
        for c in chapters.indices {
            guard let previous = old[chapters[c].chapter.url.path], previous.count == chapters[c].results.count else { continue }
            for i in chapters[c].results.indices {
                var result = chapters[c].results[i]
                guard var observation = previous[i].oracle, previous[i].example.source == result.example.source,
                      let run = observation.run, !result.example.directives.contains(.skip) else { continue }
                observation.agrees = OutputMatcher(directives: result.example.directives).matches(result.example.expected, run)
                if result.example.cpythonOnly {
                    result.status = observation.agrees ? .passed : .failed
                } else {
                    observation.engineAgrees = result.status == .passed
                    if !observation.agrees, result.status == .passed { result.status = .failed }
                }
                result.oracle = observation
                chapters[c].results[i] = result
            }
        }
    }

    /// `--require-confirmed`: every example (and run under another version) that the
    /// committed oracle cache beside its chapter does not confirm: no entry under its key,
    /// or one whose output differs from what is written. `+SKIP` and `+ENGINE` examples
    /// are not compared, so they are not listed.
    /// - Returns: one line per example, `FILE:LINE: not confirmed on CPython 3.11 (…)`.
    public func unconfirmed(defaultProfile: String, everyProfile: Bool = false) -> [String] {
        let plan = ProfilePlan(defaultProfile: defaultProfile, everyProfile: everyProfile)
        var caches: [URL: OracleCache] = [:]
        var lines: [String] = []
        for chapter in chapters where chapter.diagnostics.isEmpty {
            let url = Workbook.cacheURL(of: chapter.chapter)
            if caches[url] == nil { caches[url] = OracleCache.load(url: url) }
            let cache = caches[url]!
            let examples = chapter.results.map(\.example)
            let keys = OracleKey.keys(for: examples, plan: plan)
            let cacheName = url.lastPathComponent
            for (index, result) in chapter.results.enumerated() {
                let example = result.example
                guard !example.directives.contains(.skip), !example.directives.contains(.engine) else { continue }
                let primary = plan.primary(of: example)
                if keys[index][primary].flatMap({ cache.confirmation(for: example, key: $0) }) == nil {
                    lines.append("\(example.location): not confirmed on CPython \(primary) (no run in \(cacheName) matches the expected output)")
                }
                for run in result.otherVersions where run.verdict == .notConfirmed {
                    lines.append("\(example.location): not confirmed under \(run.profile) (no CPython \(run.profile) run in \(cacheName))")
                }
            }
        }
        return lines
    }
}
