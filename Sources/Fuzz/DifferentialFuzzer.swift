import Foundation
import HeapEngine
import HeapScript
import Workbook

/// What one side printed for a program.
public struct RunOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    /// The engine stopped on something it does not model (a refusal), not at the end.
    public var refused: Bool
    public init(stdout: String, stderr: String, refused: Bool = false) {
        self.stdout = stdout; self.stderr = stderr; self.refused = refused
    }
}

/// A program on which the engine and CPython print different stdout.
public struct Divergence: Sendable {
    /// Index of the generated program.
    public var index: Int
    public var original: Program
    /// After shrinking.
    public var minimal: Program
    public var engine: RunOutput
    public var cpython: RunOutput
}

/// `heapbook fuzz --differential`: generated programs through the engine (an in-process
/// `HeapScript.Repl`, a fresh session per program) and through real CPython
/// (`python -q -i`, one process per program, `jobs` at a time); every program whose
/// stdout differs is shrunk to a minimal one.
public struct DifferentialFuzzer {
    public var profile: Profile
    /// Runs a program's REPL input in real CPython (a fresh interpreter each call).
    public var cpython: @Sendable (String) throws -> RunOutput
    /// Concurrent CPython processes.
    public var jobs = 2
    /// Divergences shrunk at most (the rest are counted).
    public var maxShrink = 40

    public init(profile: Profile = .default, cpython: @escaping @Sendable (String) throws -> RunOutput) {
        self.profile = profile; self.cpython = cpython
    }

    /// CPython through `PythonInterpreter` (30 s per program).
    public static func cpython(_ python: PythonInterpreter) -> @Sendable (String) throws -> RunOutput {
        { input in
            let out = try python.runREPL(input, timeout: 30)
            return RunOutput(stdout: out.stdout, stderr: out.timedOut ? "timed out\n" + out.stderr : out.stderr)
        }
    }

    /// The engine, as `heapbook repl` runs piped input.
    public func engine(_ input: String) -> RunOutput {
        var out = "", err = ""
        let ok = Repl(session: Session(profile: profile, hashSeed: hashSeedFromEnvironment())).run(input, stdout: { out += $0 }, stderr: { err += $0 })
        return RunOutput(stdout: out, stderr: err, refused: !ok)
    }

    public struct Report: Sendable {
        public var programs = 0
        public var divergent = 0
        /// The engine refused partway, having printed only what CPython printed before.
        public var refused = 0
        /// Shrunk divergences, one per distinct minimal program.
        public var divergences: [Divergence] = []
        /// CPython could not run a program (counted, not compared).
        public var errors: [String] = []
    }

    public func run(generator: ProgramGenerator, count: Int, progress: (String) -> Void = { _ in }) -> Report {
        var report = Report()
        let programs = (0..<count).map(generator.program)
        report.programs = count
        let cpythonOutputs = runConcurrently(programs.map(\.text))
        var divergent: [(Int, RunOutput, RunOutput)] = []
        for (i, program) in programs.enumerated() {
            let engineOut = engine(program.text)
            switch cpythonOutputs[i] {
            case .failure(let error): report.errors.append("program \(i): \(error)")
            case .success(let real):
                if engineOut.refused && real.stdout.hasPrefix(engineOut.stdout) {
                    report.refused += 1
                } else if real.stdout != engineOut.stdout {
                    divergent.append((i, engineOut, real))
                }
            }
            if (i + 1) % 500 == 0 { progress("\(i + 1)/\(count) programs, \(divergent.count) divergent") }
        }
        report.divergent = divergent.count
        var seen: Set<String> = []
        for (i, engineOut, real) in divergent.prefix(maxShrink) {
            let minimal = shrink(programs[i])
            guard seen.insert(minimal.text).inserted else { continue }
            let e = engine(minimal.text)
            let c = (try? cpython(minimal.text)) ?? real
            report.divergences.append(Divergence(index: i, original: programs[i], minimal: minimal,
                                                 engine: e.stdout == c.stdout ? engineOut : e,
                                                 cpython: e.stdout == c.stdout ? real : c))
            progress("program \(i): shrunk \(programs[i].size) → \(minimal.size) statements")
        }
        return report
    }

    /// The smallest program derived from `program` on which the two still differ.
    public func shrink(_ program: Program) -> Program {
        Shrinker { candidate in
            guard let real = try? cpython(candidate.text) else { return false }
            let e = engine(candidate.text)
            return real.stdout != e.stdout && !(e.refused && real.stdout.hasPrefix(e.stdout))
        }.shrink(program)
    }

    /// CPython on every input, `jobs` processes at a time, results in input order.
    func runConcurrently(_ inputs: [String]) -> [Result<RunOutput, Error>] {
        concurrently(inputs, jobs: jobs) { [cpython] input in Result { try cpython(input) } }
    }
}

extension Divergence {
    /// Writes `<name>.py` (the minimal program), `<name>.out` (CPython's stdout: the corpus
    /// pair) and `<name>.engine.out` (the engine's stdout, for the report).
    public func write(to directory: URL, name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(minimal.text.utf8).write(to: directory.appendingPathComponent(name + ".py"))
        try Data(cpython.stdout.utf8).write(to: directory.appendingPathComponent(name + ".out"))
        try Data(engine.stdout.utf8).write(to: directory.appendingPathComponent(name + ".engine.out"))
    }
}
