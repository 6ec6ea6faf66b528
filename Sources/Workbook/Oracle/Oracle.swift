import Foundation
import HeapScript

/// A real interpreter the oracle can feed a REPL session to. `PythonInterpreter` is the
/// real one; tests use fakes.
public protocol OracleInterpreter: Sendable {
    /// Full version, "3.11.7".
    var version: String { get }
    /// Runs `input` as `python -q -i < input`.
    func runREPL(_ input: String, timeout: Double) throws -> ProcessRunner.Output
}

extension PythonInterpreter: OracleInterpreter {}

/// What the real interpreter printed for one example, next to the engine's verdict.
public struct OracleObservation: Sendable, Equatable {
    /// "3.11.7".
    public var cpython: String
    /// CPython's stdout, then its stderr (prompts removed).
    public var got: String
    /// CPython's output matches the expected output.
    public var agrees: Bool
    /// The engine's output matches the expected output.
    public var engineAgrees: Bool
    /// Something the reader should know (marker noise, a session that died).
    public var note: String?
    /// CPython's run; nil when its session ended before this example.
    public var run: ExecutionResult?

    public init(cpython: String, got: String, agrees: Bool, engineAgrees: Bool, note: String? = nil,
                run: ExecutionResult? = nil) {
        self.cpython = cpython; self.got = got; self.agrees = agrees; self.engineAgrees = engineAgrees
        self.note = note; self.run = run
    }
}

/// `heapbook test --oracle`: runs every example of a tested book under the real
/// interpreter of its profile and compares each output not marked `+ENGINE` with the
/// expected output (docs/DESIGN.md §7).
///
/// Each chapter session (as the engine runs it: one per chapter and profile, restarted
/// by `fresh`) is one `python -q -i` process fed the session's inputs in order, exactly as
/// the REPL contract reads them (a compound statement ends with a blank line; a script
/// block runs as `exec('<source>')` in `__main__`). After each example the feed prints a
/// marker line on stdout and on stderr, so both can be cut into per-example pieces (the
/// prompts go to stderr and are removed). When some example disagrees, the session is run
/// again without markers: if its stdout is not the concatenation of the pieces, the
/// markers disturbed it (they allocate a little) and the report says so.
///
/// A run under another profile than the example's primary one (`versions=`, `--python all`)
/// is fed to that profile's interpreter in that profile's session, like the engine runs
/// it. There is no expected output written for it: the engine's output under that profile
/// must agree with CPython's (`VersionRun.agrees`), and CPython's is what the cache records.
public struct Oracle: Sendable {
    /// The interpreter of a profile ("3.11"); throws `PythonNotFound` when there is none.
    public var interpreter: @Sendable (String) throws -> any OracleInterpreter
    /// The profile of blocks without `python=`.
    public var defaultProfile: String
    /// `--python all`: every example also runs under every profile.
    public var everyProfile = false
    /// Seconds one session may run.
    public var timeout: Double = 300
    /// A profile without an interpreter is passed over (`Outcome.missing`) instead of
    /// ending the check (`--bless`, which then writes the engine's output, not confirmed).
    public var skipsMissing = false

    public init(defaultProfile: String, everyProfile: Bool = false,
                interpreter: @escaping @Sendable (String) throws -> any OracleInterpreter) {
        self.defaultProfile = defaultProfile; self.everyProfile = everyProfile; self.interpreter = interpreter
    }

    public var plan: ProfilePlan { ProfilePlan(defaultProfile: defaultProfile, everyProfile: everyProfile) }

    /// New cache entries of one cache file, the chapter files they replace, and the keys of
    /// those files' entries to keep (reachable under another plan).
    public typealias CacheUpdate = (files: Set<String>, entries: [String: OracleCache.Entry], keeping: Set<String>)

    /// The result of checking a report against real interpreters.
    public struct Outcome: Sendable {
        /// The engine's report, each compared example's result carrying its observation; an
        /// example CPython disagrees with is failed.
        public var report: TestReport
        /// New cache entries, per cache file, the chapter files they replace, and the keys
        /// of those files' entries to keep (reachable under another plan).
        public var updates: [URL: CacheUpdate]
        /// Versions used, "3.11.7".
        public var versions: [String]
        public var agreed = 0
        public var disagreed = 0
        /// Run but not compared (`+ENGINE`).
        public var engineOnly = 0
        /// The profiles passed over for want of an interpreter (`skipsMissing`).
        public var missing: [PythonNotFound] = []

        /// "oracle: CPython 3.11.7: 240 agreed, 0 disagreed, 13 engine-only (not compared)".
        public var summary: String {
            let names = versions.isEmpty ? "CPython (no examples)" : "CPython " + versions.joined(separator: ", ")
            return "oracle: \(names): \(agreed) agreed, \(disagreed) disagreed, \(engineOnly) engine-only (not compared)"
        }

        /// Writes the updated caches atomically.
        public func writeCaches() throws {
            for file in cacheFiles() { try AtomicFile.write(file.bytes, to: file.url) }
        }

        /// The updated caches' bytes (for `--bless`, which writes them with the chapters).
        public func cacheFiles() -> [(url: URL, bytes: [UInt8])] {
            updates.sorted(by: { $0.key.path < $1.key.path }).map { url, update in
                var cache = OracleCache.load(url: url)
                cache.replace(files: update.files, with: update.entries, keeping: update.keeping)
                return (url, Array(cache.json.utf8))
            }
        }
    }

    /// - Throws: `PythonNotFound` when a profile's interpreter is missing (nothing is
    ///   compared then: a missing interpreter is never a pass).
    public func check(_ report: TestReport) throws -> Outcome {
        var outcome = Outcome(report: report, updates: [:], versions: [])
        var interpreters: [String: any OracleInterpreter] = [:]
        var previous: [URL: OracleCache] = [:]
        let plan = self.plan
        for (c, chapter) in report.chapters.enumerated() where chapter.diagnostics.isEmpty && !chapter.results.isEmpty {
            var results = chapter.results
            let examples = results.map(\.example)
            let keys = OracleKey.keys(for: examples, plan: plan)
            let cacheURL = Workbook.cacheURL(of: chapter.chapter)
            let fileName = chapter.chapter.url.lastPathComponent
            var update = outcome.updates[cacheURL] ?? (files: [], entries: [:], keeping: [])
            if previous[cacheURL] == nil { previous[cacheURL] = OracleCache.load(url: cacheURL) }
            let old = previous[cacheURL]!
            update.files.insert(fileName)
            update.keeping.formUnion(OracleKey.reachableKeys(for: examples, defaultProfile: defaultProfile))
            var ran = false, passedOver = false
            for session in Self.sessions(examples, plan: plan) {
                let python: any OracleInterpreter
                if let known = interpreters[session.profile] { python = known } else {
                    guard !outcome.missing.contains(where: { $0.version == session.profile }) else {
                        passedOver = true
                        continue
                    }
                    do {
                        python = try interpreter(session.profile)
                    } catch let missing as PythonNotFound where skipsMissing {
                        outcome.missing.append(missing)
                        passedOver = true
                        continue
                    }
                    interpreters[session.profile] = python
                    if !outcome.versions.contains(python.version) { outcome.versions.append(python.version) }
                }
                let pieces = try run(session.indices.map { examples[$0] }, on: python)
                ran = true
                var disagreements: [Int] = []
                for (n, index) in session.indices.enumerated() {
                    let example = examples[index]
                    guard !example.directives.contains(.engine) else { outcome.engineOnly += 1; continue }
                    let location = "\(fileName):\(example.location.line)"
                    let observed = Observed(python: python, piece: pieces.results[n], ending: pieces.ending,
                                            key: keys[index][session.profile], location: location, old: old)
                    let agrees = plan.primary(of: example) == session.profile
                        ? checkPrimary(&results[index], observed, update: &update)
                        : checkOther(&results[index], profile: session.profile, observed, update: &update)
                    if agrees { outcome.agreed += 1 } else {
                        outcome.disagreed += 1
                        if observed.piece != nil { disagreements.append(index) }
                    }
                }
                if !disagreements.isEmpty {
                    // The authoritative run: no markers. Did the markers change anything?
                    let feed = session.indices.map { Self.feed(examples[$0]) }.joined()
                    let pure = try python.runREPL(feed, timeout: timeout)
                    if pure.stdout != pieces.stdout {
                        let note = "without the oracle's markers this session printed a different stdout; the disagreement may be marker noise"
                        for index in disagreements {
                            if plan.primary(of: examples[index]) == session.profile {
                                results[index].oracle?.note = note
                            } else if let v = results[index].otherVersions.firstIndex(where: { $0.profile == session.profile }) {
                                results[index].otherVersions[v].note = note
                            }
                        }
                    }
                }
            }
            // A chapter no CPython ran leaves its cache alone; one run in part keeps what
            // the passed-over sessions recorded before.
            guard ran else { continue }
            if passedOver { update.keeping.formUnion(old.entries.filter { $0.value.file == fileName }.keys) }
            outcome.updates[cacheURL] = update
            outcome.report.chapters[c].results = results
        }
        return outcome
    }

    // MARK: - Sessions

    struct Session {
        var profile: String
        var indices: [Int]
    }

    /// The engine's sessions: one per profile, all restarted by `fresh`; `+SKIP` examples
    /// are not run. An example is in the session of every profile `plan` runs it under. A
    /// `cpython` block is a session of its own (`ProfilePlan.session(of:profile:)`).
    static func sessions(_ examples: [Example], plan: ProfilePlan) -> [Session] {
        var done: [Session] = []
        var open: [String: Int] = [:]   // session name → index in `done`
        for (i, example) in examples.enumerated() {
            if example.startsFreshSession { open.removeAll() }
            guard !example.directives.contains(.skip) else { continue }
            for profile in plan.profiles(of: example) {
                let name = plan.session(of: example, profile: profile)
                if let at = open[name] { done[at].indices.append(i) } else {
                    open[name] = done.count
                    done.append(Session(profile: profile, indices: [i]))
                }
            }
        }
        return done
    }

    /// What one example feeds to the REPL: a statement (a blank line after a compound or
    /// multi-line one, as the REPL contract ends them), or `exec('<source>')` for a script.
    static func feed(_ example: Example) -> String {
        var source = example.source.hasSuffix("\n") ? example.source : example.source + "\n"
        if example.mode == .module { return "exec(\(pythonLiteral(source)))\n" }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        if lines.count > 1 || lines.first.map({ $0.trimmingCharacters(in: .whitespaces).hasSuffix(":") }) == true {
            source += "\n"
        }
        return source
    }

    static func marker(_ n: Int) -> String { "@@heapbook-oracle-\(n)@@" }

    static func markerStatement(_ n: Int) -> String {
        "print('\(marker(n))'); print('\(marker(n))', file=__import__('sys').stderr)\n"
    }

    struct Pieces {
        /// One result per example of the session; nil after the session stopped.
        var results: [ExecutionResult?]
        /// Concatenated per-example stdout (to compare with an unmarked run).
        var stdout: String
        /// How the process ended, for messages.
        var ending: String
    }

    func run(_ examples: [Example], on python: any OracleInterpreter) throws -> Pieces {
        var input = ""
        for (n, example) in examples.enumerated() { input += Self.feed(example) + Self.markerStatement(n) }
        let output = try python.runREPL(input, timeout: timeout)
        let outs = Self.split(output.stdout, count: examples.count)
        let errs = Self.split(output.stderr, count: examples.count)
        var results: [ExecutionResult?] = []
        for n in 0..<examples.count {
            guard n < outs.count, n < errs.count else { results.append(nil); continue }
            let stderr = Self.cleanStderr(errs[n])
            results.append(ExecutionResult(stdout: outs[n], stderr: stderr, exception: Self.exceptionLine(stderr)))
        }
        let ending = output.timedOut ? "timed out after \(Int(timeout)) s" : "exit status \(output.status)"
        return Pieces(results: results, stdout: outs.joined(), ending: ending)
    }

    /// Cuts `text` at the markers 0, 1, …; stops at the first marker missing.
    static func split(_ text: String, count: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        for n in 0..<count {
            guard let range = rest.range(of: marker(n) + "\n") else { break }
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        return pieces
    }

    /// Removes the REPL's `>>> `/`... ` prompts (which go to stderr) and the empty lines
    /// they leave.
    static func cleanStderr(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            while rest.hasPrefix(">>>") || rest.hasPrefix("...") {
                rest = rest.dropFirst(3)
                if rest.hasPrefix(" ") { rest = rest.dropFirst() }
            }
            if !rest.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(String(rest)) }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The exception of a traceback: from its last unindented line that is not a header.
    static func exceptionLine(_ stderr: String) -> String? {
        let lines = stderr.split(separator: "\n").map(String.init)
        guard lines.contains(where: { $0.hasPrefix(OutputMatcher.tracebackHeader) || $0.hasPrefix("  File ") })
        else { return nil }
        guard let last = lines.lastIndex(where: { line in
            guard let first = line.first else { return false }
            return first != " " && first != "\t" && line != OutputMatcher.tracebackHeader
        }) else { return nil }
        return lines[last...].joined(separator: "\n")
    }

    /// A Python string literal for `text` (single quotes, escapes for the rest).
    static func pythonLiteral(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }
}
