import Foundation
import HeapEngine
import HeapScript

/// The committed record of what real CPython printed for each example
/// (`chapters/.oracle-cache.json`, docs/DESIGN.md §7).
///
/// An entry is keyed by `OracleKey` — the SHA-256 of the profile, the example's input and
/// every earlier input of its session — so editing an example, or anything run before it
/// in its session, makes its entry unreachable (stale). `heapbook build` claims
/// "confirmed on CPython 3.11.7" only when the entry exists *and* its recorded output
/// still matches the example's expected output; anything else shows as not confirmed.
///
/// The file is JSON with sorted keys, two-space indentation and one entry per example:
///
///     {
///       "entries": {
///         "3f1c…": {
///           "cpython": "3.11.7",
///           "example": "02-refcounts.md:14",
///           "stdout": "2\n"
///         }
///       },
///       "format": 1
///     }
///
/// `stderr` (prompts removed) and `exception` (the traceback's last line) appear only when
/// the example printed a traceback. `example` is informational (the key is what counts).
public struct OracleCache: Sendable, Equatable {
    public struct Entry: Sendable, Equatable, Codable {
        /// The interpreter version that printed it, "3.11.7".
        public var cpython: String
        /// `FILE:LINE` relative to the cache's directory (for people and for pruning).
        public var example: String
        public var stdout: String
        public var stderr: String?
        public var exception: String?

        public init(cpython: String, example: String, stdout: String, stderr: String? = nil, exception: String? = nil) {
            self.cpython = cpython; self.example = example; self.stdout = stdout
            self.stderr = stderr; self.exception = exception
        }

        /// The recorded run, as the output matcher takes it.
        public var result: ExecutionResult {
            ExecutionResult(stdout: stdout, stderr: stderr ?? "", exception: exception)
        }

        /// The chapter file the entry came from.
        var file: String { example.split(separator: ":").dropLast().joined(separator: ":") }
    }

    public static let fileName = ".oracle-cache.json"
    public static let format = 1

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The cache of the chapters in `directory` (empty when there is none or it is unreadable).
    public static func load(directory: String) -> OracleCache {
        load(url: URL(fileURLWithPath: directory).appendingPathComponent(fileName))
    }

    public static func load(url: URL) -> OracleCache {
        guard let data = FileManager.default.contents(atPath: url.path) else { return OracleCache() }
        return (try? decode(data)) ?? OracleCache()
    }

    struct File: Codable {
        var entries: [String: Entry]
        var format: Int
    }

    public static func decode(_ data: Data) throws -> OracleCache {
        let file = try JSONDecoder().decode(File.self, from: data)
        guard file.format == format else { return OracleCache() }
        return OracleCache(entries: file.entries)
    }

    /// Whether `example`, whose key is `key`, is confirmed: there is an entry, and what it
    /// recorded matches the example's expected output under its directives.
    /// - Returns: the confirming interpreter version, or nil (not confirmed).
    public func confirmation(for example: Example, key: String) -> String? {
        guard !example.directives.contains(.engine), !example.directives.contains(.skip),
              let entry = entries[key] else { return nil }
        return OutputMatcher(directives: example.directives).matches(example.expected, entry.result)
            ? entry.cpython : nil
    }

    /// The verdict on an example of a `cpython` block, which the engine does not run: its
    /// expected output against what CPython of `profile` recorded under `key`.
    public func verdict(forCPythonOnly example: Example, profile: String, key: String?) -> ExampleResult {
        var result = ExampleResult(example: example, status: .notConfirmed, got: "", profile: profile)
        guard let key, let entry = entries[key],
              entry.cpython == profile || entry.cpython.hasPrefix(profile + ".") else { return result }
        let agrees = OutputMatcher(directives: example.directives).matches(example.expected, entry.result)
        result.status = agrees ? .passed : .failed
        result.got = entry.stdout + (entry.stderr ?? "")
        result.oracle = OracleObservation(cpython: entry.cpython, got: result.got, agrees: agrees, engineAgrees: true,
                                          run: entry.result)
        return result
    }

    /// Replaces every entry of the chapter files `files` with `fresh` (entries of other
    /// files stay), so entries of edited examples do not pile up. Entries of those files
    /// whose key is in `keeping` (reachable in another plan, `OracleKey.reachableKeys`)
    /// stay unless `fresh` replaces them.
    public mutating func replace(files: Set<String>, with fresh: [String: Entry], keeping: Set<String> = []) {
        entries = entries.filter { !files.contains($0.value.file) || keeping.contains($0.key) }
        for (key, entry) in fresh { entries[key] = entry }
    }

    /// The verdict on an example's run under a profile other than its primary one: what
    /// the engine printed (`engine`) against the entry recorded under `key` by CPython of
    /// `profile`. No entry, or one recorded by another version, is not confirmed.
    public func verdict(for example: Example, profile: String, key: String?,
                        engine: ExecutionResult) -> VersionRun.Verdict {
        if example.directives.contains(.engine) { return .engineOnly }
        guard let key, let entry = entries[key],
              entry.cpython == profile || entry.cpython.hasPrefix(profile + ".") else { return .notConfirmed }
        return VersionRun.agrees(engine, entry.result, example: example)
            ? .confirmed(cpython: entry.cpython)
            : .failed(cpython: entry.cpython, expected: entry.stdout + (entry.stderr ?? ""), recorded: true)
    }

    // MARK: - Stable JSON

    /// The file's bytes: sorted keys, two-space indentation, a final newline. The same
    /// cache always gives the same bytes (no dependence on Foundation's serializer).
    public var json: String {
        var out = "{\n  \"entries\": {"
        let keys = entries.keys.sorted()
        for (i, key) in keys.enumerated() {
            let e = entries[key]!
            var fields: [(String, String)] = [("cpython", e.cpython), ("example", e.example)]
            if let exception = e.exception { fields.append(("exception", exception)) }
            if let stderr = e.stderr { fields.append(("stderr", stderr)) }
            fields.append(("stdout", e.stdout))
            fields.sort { $0.0 < $1.0 }
            out += (i == 0 ? "\n" : ",\n") + "    " + Self.quote(key) + ": {\n"
            out += fields.map { "      \(Self.quote($0.0)): \(Self.quote($0.1))" }.joined(separator: ",\n")
            out += "\n    }"
        }
        out += keys.isEmpty ? "},\n" : "\n  },\n"
        out += "  \"format\": \(Self.format)\n}\n"
        return out
    }

    /// Writes `json` atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(Array(json.utf8), to: url)
    }

    static func quote(_ text: String) -> String { JSONString.quote(text) }
}

/// Cache keys of a chapter's examples.
public enum OracleKey {
    /// One key per example (nil for `+SKIP` examples, which are not run): the key of its
    /// primary profile's run. See `keys(for:plan:)`.
    public static func keys(for examples: [Example], defaultProfile: String) -> [String?] {
        let plan = ProfilePlan(defaultProfile: defaultProfile)
        return zip(examples, keys(for: examples, plan: plan)).map { example, keys in
            keys[plan.primary(of: example)]
        }
    }

    /// Per example, the key of each of its runs by profile ("3.12" → key; empty for `+SKIP`
    /// examples, which are not run): SHA-256 of the profile, then every input that
    /// profile's session ran before it (since the last `fresh`), then its own input. Each
    /// input carries its mode. A session runs, in order, every example `plan` runs under
    /// its profile: primary runs and other-version runs alike. A `cpython` block's session
    /// holds that block only (`ProfilePlan.session(of:profile:)`).
    public static func keys(for examples: [Example], plan: ProfilePlan) -> [[String: String]] {
        var histories: [String: [String]] = [:]
        return examples.map { example in
            if example.startsFreshSession { histories.removeAll() }
            guard !example.directives.contains(.skip) else { return [:] }
            let input = (example.mode == .interactive ? "single" : "exec") + "\u{0}" + example.source
            var keys: [String: String] = [:]
            for profile in plan.profiles(of: example) {
                let session = plan.session(of: example, profile: profile)
                var history = histories[session] ?? []
                history.append(input)
                histories[session] = history
                keys[profile] = SHA256.hex((["heapbook-oracle-1", profile] + history).joined(separator: "\u{1}"))
            }
            return keys
        }
    }

    /// Every key a chapter's examples can have in the runs people make: the ordinary plan
    /// of `defaultProfile` and of `Profile.default` (what `heapbook build` shows), and
    /// `--python all`. Pruning the cache keeps entries with these keys only, so an
    /// `--oracle` run of one plan does not drop what a run of another one recorded.
    public static func reachableKeys(for examples: [Example], defaultProfile: String) -> Set<String> {
        let plans = [ProfilePlan(defaultProfile: defaultProfile), ProfilePlan(),
                     ProfilePlan(defaultProfile: Profile.default.version, everyProfile: true)]
        var keys: Set<String> = []
        for plan in plans {
            for perProfile in Self.keys(for: examples, plan: plan) { keys.formUnion(perProfile.values) }
        }
        return keys
    }

    /// The profile an example runs under ("3.11").
    public static func profile(of example: Example, default defaultProfile: String) -> String {
        ProfilePlan(defaultProfile: defaultProfile).primary(of: example)
    }
}
