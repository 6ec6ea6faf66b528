import Foundation

/// How a child `heapbook` ended on one input. Exit statuses 0, 1 and 2 are answers (a run,
/// a failed example, a refusal or unusable block); anything else is a failure of the tool.
public enum ChildOutcome: Sendable, Equatable, Hashable {
    case exited(Int32)
    case signal(Int32)
    case hang

    /// A crash: killed by a signal, or an exit status heapbook never uses on purpose.
    public var isCrash: Bool {
        switch self {
        case .signal: return true
        case .exited(let status): return !(0...2).contains(status)
        case .hang: return false
        }
    }

    public var isFailure: Bool { isCrash || self == .hang }

    public var description: String {
        switch self {
        case .exited(let s): return "exit \(s)"
        case .signal(let s): return "signal \(s) (\(Self.signalNames[s] ?? "?"))"
        case .hang: return "hang"
        }
    }

    static let signalNames: [Int32: String] = [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV"]
}

/// One run of the child.
public struct ChildResult: Sendable, Equatable {
    public var outcome: ChildOutcome
    public var stderr: String

    /// The first frame of the crash backtrace (Swift's runtime prints it on stderr): the
    /// innermost frame that names a function, or the fatal-error line when there is one.
    public var stackTop: String {
        let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let frames = lines.filter { ($0.first?.isNumber ?? false) && $0.contains(" in ") }
        let own = frames.first { !$0.contains("libswiftCore") && !$0.contains("libc.so") }
        let top = [lines.first { $0.contains("Fatal error") }, own ?? frames.first].compactMap { $0 }
        return top.isEmpty ? lines.last ?? "" : top.joined(separator: " | ")
    }
}

/// Runs `heapbook` (`repl` with the input on stdin, or `test FILE` for a chapter) as a
/// child process, `timeout` seconds of CPU time at most (or ten times that of wall-clock time);
/// over the limit it is killed and counted as a hang. CPU time, because on a loaded machine
/// (two cores, several fuzz workers) a wall-clock limit counts waiting as hanging.
public struct ChildRunner: Sendable {
    public var executable: String
    public var timeout: Double
    public var profileArguments: [String]

    public init(executable: String, timeout: Double = 10, profileArguments: [String] = []) {
        self.executable = executable; self.timeout = timeout; self.profileArguments = profileArguments
    }

    public func run(_ input: Mutator.Input) -> ChildResult {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("heapbook-mutate-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent(input.kind == .chapter ? "chapter.md" : "input.py")
            try Data(input.bytes).write(to: file)
            let arguments = input.kind == .chapter ? ["test"] + profileArguments + [file.path] : ["repl"] + profileArguments
            return try launch(arguments, stdin: input.kind == .chapter ? nil : file, in: dir)
        } catch {
            return ChildResult(outcome: .exited(-1), stderr: "could not run \(executable): \(error)")
        }
    }

    func launch(_ arguments: [String], stdin: URL?, in dir: URL) throws -> ChildResult {
        let errURL = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }
        let input = try stdin.map { try FileHandle(forReadingFrom: $0) }
        defer { try? input?.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // The child's own wall-clock bound ends a Python loop that never ends (CPython's
        // would not end either) well before the timeout: what is still running at the
        // timeout is a hang past the engine's bounds.
        var environment = ProcessInfo.processInfo.environment
        environment["HEAPBOOK_TIME_LIMIT"] = String(max(1, Int(timeout / 3)))
        process.environment = environment
        process.currentDirectoryURL = dir
        process.standardInput = input ?? FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let killed = Flag()
        let pid = process.processIdentifier
        let started = Date()
        let watchdog = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        watchdog.schedule(deadline: .now() + 0.5, repeating: 0.5)
        watchdog.setEventHandler { [process, timeout] in
            guard process.isRunning else { return }
            let cpu = ChildRunner.cpuSeconds(pid) ?? 0
            if cpu > timeout || Date().timeIntervalSince(started) > 10 * timeout { killed.set(); kill(pid, SIGKILL) }
        }
        watchdog.resume()
        process.waitUntilExit()
        watchdog.cancel()
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        if killed.value { return ChildResult(outcome: .hang, stderr: stderr) }
        let status = process.terminationStatus
        return ChildResult(outcome: process.terminationReason == .uncaughtSignal ? .signal(status) : .exited(status),
                           stderr: stderr)
    }

    /// utime + stime of a running process, from /proc/PID/stat (fields 14 and 15, in clock
    /// ticks; the command name in field 2 may hold spaces, so fields count from its `)`).
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// `heapbook fuzz --mutate N`: every input through a child `heapbook`, `jobs` at a time;
/// each crash or hang is minimized (same outcome) and kept.
public struct MutationFuzzer {
    public var mutator: Mutator
    public var run: @Sendable (Mutator.Input) -> ChildResult
    public var jobs = 2
    /// Failures minimized at most (each minimization runs the child up to `budget` times;
    /// a hang costs the whole timeout per run, so it gets `hangBudget`).
    public var maxMinimize = 20
    public var budget = 150
    public var hangBudget = 6

    public init(mutator: Mutator, run: @escaping @Sendable (Mutator.Input) -> ChildResult) {
        self.mutator = mutator; self.run = run
    }

    public struct Failure: Sendable {
        public var input: Mutator.Input
        public var result: ChildResult
        public var minimal: [UInt8]?
    }

    public struct Report: Sendable {
        public var inputs = 0
        public var outcomes: [ChildOutcome: Int] = [:]
        public var failures: [Failure] = []
        public var crashes: Int { failures.filter { $0.result.outcome.isCrash }.count }
        public var hangs: Int { failures.filter { $0.result.outcome == .hang }.count }
    }

    /// Runs inputs `range`; `found` sees each failure as soon as it is minimized (so a long
    /// run that is stopped keeps what it found).
    public func run(_ range: Range<Int>, progress: (String) -> Void = { _ in },
                    found: (Failure) -> Void = { _ in }) -> Report {
        var report = Report()
        var minimized = 0
        let batch = 256
        var start = range.lowerBound
        while start < range.upperBound {
            let indices = Array(start..<min(start + batch, range.upperBound))
            let inputs = indices.map(mutator.input)
            let results = concurrently(inputs, jobs: jobs, run)
            for (input, result) in zip(inputs, results) {
                report.inputs += 1
                report.outcomes[result.outcome, default: 0] += 1
                guard result.outcome.isFailure else { continue }
                var failure = Failure(input: input, result: result)
                if minimized < maxMinimize {
                    minimized += 1
                    failure.minimal = minimize(input, outcome: result.outcome)
                }
                report.failures.append(failure)
                found(failure)
            }
            start += batch
            progress("\(start - range.lowerBound)/\(range.count) inputs, \(report.crashes) crashes, \(report.hangs) hangs")
        }
        return report
    }

    /// The smallest input (by lines, then by tokens) that still ends the same way.
    public func minimize(_ input: Mutator.Input, outcome: ChildOutcome) -> [UInt8] {
        var calls = 0
        var candidate = input
        let budget = outcome == .hang ? hangBudget : budget
        func same(_ bytes: [UInt8]) -> Bool {
            guard calls < budget else { return false }
            calls += 1
            candidate.bytes = bytes
            return run(candidate).outcome == outcome
        }
        let lines = Shrinker.ddmin(Mutator.lines(input.bytes)) { same(Array($0.joined())) }
        let tokens = Shrinker.ddmin(Mutator.tokens(Array(lines.joined()))) { same(Array($0.joined())) }
        return Array(tokens.joined())
    }
}

extension MutationFuzzer.Failure {
    /// `<name>.<py|md>` (the input), `<name>.min.<py|md>` (minimized) and `<name>.txt`
    /// (outcome, stack top, edits, stderr).
    public func write(to directory: URL, name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ext = input.kind == .chapter ? "md" : "py"
        try Data(input.bytes).write(to: directory.appendingPathComponent("\(name).\(ext)"))
        if let minimal { try Data(minimal).write(to: directory.appendingPathComponent("\(name).min.\(ext)")) }
        let report = """
            outcome: \(result.outcome.description)
            stack top: \(result.stackTop)
            seed input: \(input.seed)
            edits: \(input.edits.joined(separator: "; "))

            \(result.stderr)
            """
        try Data(report.utf8).write(to: directory.appendingPathComponent("\(name).txt"))
    }
}

/// `work` on every item, `jobs` at a time, results in item order.
func concurrently<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ work: @Sendable (T) -> R) -> [R] {
    let box = Results<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
        while let i = box.take() { box.set(i, work(items[i])) }
    }
    return box.results.map { $0! }
}

final class Results<R>: @unchecked Sendable {
    let lock = NSLock()
    var results: [R?]
    var next = 0
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func take() -> Int? {
        lock.withLock {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
    func set(_ i: Int, _ r: R) { lock.withLock { results[i] = r } }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
