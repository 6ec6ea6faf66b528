import ArgumentParser
import Foundation
import Fuzz
import HeapScript
import Workbook

/// `heapbook fuzz`: random programs through the engine and real CPython (`--differential`,
/// `--boundary`), or mutated inputs through a child `heapbook` (`--mutate`).
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Compare the engine with real CPython on generated programs, or fuzz it with mutated inputs.",
        discussion: """
            --differential N generates N programs (deterministic for a seed), runs each through the engine and \
            `pythonX.Y -q -i`, and shrinks every divergence to a minimal program, written to the output \
            directory as NAME.py + NAME.out (CPython's stdout) + NAME.engine.out. With --known DIR, a \
            divergence whose minimal program is one of DIR's NAME.py files is reported as known and does \
            not fail the run. Exit status: 0 no new divergence, 1 new divergences, 2 no CPython of the profile.
            --boundary N mixes names, attributes, modules and class features of the real CPython that the \
            engine may lack into subset programs; each program must match CPython or be refused (stdout \
            before the refusal equal to CPython's). Failures (impersonation, different value, crash) are \
            shrunk into the output directory. Exit status 1 when there is one.
            --mutate N runs N random edits of the corpus programs and the chapters through a child \
            `heapbook repl` / `heapbook test FILE` (--timeout seconds each) and keeps every crash (signal) \
            or hang, with a minimized input, in the output directory. Exit status 1 when there is one.
            """)

    @OptionGroup var options: BookOptions

    func validate() throws {
        try options.requireOneVersion("fuzz")
        if [count, boundary, mutate, show].compactMap({ $0 }).count != 1 {
            throw ValidationError("give one of --differential N, --boundary N, --mutate N or --show I")
        }
    }

    @Option(name: .customLong("differential"), help: ArgumentHelp("Number of programs.", valueName: "N"))
    var count: Int?

    @Option(help: ArgumentHelp("Number of out-of-subset programs (matched or refused).", valueName: "N"))
    var boundary: Int?

    @Option(help: ArgumentHelp("Number of mutated inputs (crash and hang search).", valueName: "N"))
    var mutate: Int?

    @Option(help: ArgumentHelp("First input index of --mutate (to continue a run).", valueName: "I"))
    var start = 0

    @Option(help: ArgumentHelp("Seconds per child run of --mutate before it counts as a hang.", valueName: "s"))
    var timeout = 10.0

    @Option(help: ArgumentHelp("The heapbook binary --mutate runs (default: this one).", valueName: "path"))
    var heapbook: String?

    @Option(help: ArgumentHelp("Corpus directory (seed programs of --mutate).", valueName: "dir"))
    var corpus = "Tests/HeapScriptTests/Corpus"

    @Option(help: ArgumentHelp("Chapters directory (seed chapters of --mutate).", valueName: "dir"))
    var chapters = "chapters"

    @Option(help: ArgumentHelp("Print program I of the seed (as the REPL reads it) and run nothing.", valueName: "I"))
    var show: Int?

    @Option(help: "Seed of the program generator.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Directory for the minimal failing programs (default: the corpus's fuzz/ for --differential, .build/fuzz-boundary or .build/fuzz-mutate).", valueName: "dir"))
    var out: String?

    @Option(name: .customLong("python-exe"), help: ArgumentHelp("The real CPython to compare with.", valueName: "path"))
    var pythonExe: String?

    @Option(help: "Concurrent CPython processes.")
    var jobs = 2

    @Option(name: .customLong("max-shrink"), help: "Shrink at most this many divergences.")
    var maxShrink = 40

    @Option(help: ArgumentHelp("Directory of known (pending) minimal divergences, NAME.py each.", valueName: "dir"))
    var known: String?

    func run() throws {
        if let show {
            print(ProgramGenerator(seed: seed).program(show).text, terminator: "")
            return
        }
        if let mutate { return try runMutate(mutate) }
        let python: PythonInterpreter
        do { python = try PythonLocator().find(version: options.profile.version, explicit: pythonExe) } catch let missing as PythonNotFound {
            printError(["error: \(missing)"])
            throw ExitCode(2)
        }
        if let boundary { return try runBoundary(boundary, python: python) }
        let count = count!
        let out = out ?? "Tests/HeapScriptTests/Corpus/fuzz"
        var fuzzer = DifferentialFuzzer(profile: options.profile, cpython: DifferentialFuzzer.cpython(python))
        fuzzer.jobs = jobs
        fuzzer.maxShrink = maxShrink
        let report = fuzzer.run(generator: ProgramGenerator(seed: seed), count: count) { printError([$0]) }
        let directory = URL(fileURLWithPath: out)
        let knownPrograms = try known.map(Self.programs(in:)) ?? []
        // Programs past --max-shrink were not shrunk, so they cannot be matched: they count as new.
        var new = max(0, report.divergent - maxShrink)
        for divergence in report.divergences {
            let name = "seed\(seed)-\(divergence.index)"
            if knownPrograms.contains(divergence.minimal.text) {
                print("known divergence: program \(divergence.index) shrinks to a program in \(known!)")
                continue
            }
            new += 1
            try divergence.write(to: directory, name: name)
            print("divergence: \(out)/\(name).py (program \(divergence.index), \(divergence.minimal.size) statements)")
            print(indent(divergence.minimal.text, "    | "))
            print("  CPython \(python.version) stdout:")
            print(indent(divergence.cpython.stdout, "    "))
            print("  engine stdout:")
            print(indent(divergence.engine.stdout, "    "))
        }
        for error in report.errors { printError(["error: \(error)"]) }
        var summary = "\(report.programs) programs (seed \(seed), CPython \(python.version)): \(report.divergent) divergent"
            + (report.refused > 0 ? ", \(report.refused) refused partway (stdout until then CPython's)" : "")
        if report.divergent > 0 {
            summary += ", \(report.divergences.count) distinct minimal programs"
            if report.divergent > maxShrink { summary += " (first \(maxShrink) shrunk)" }
            if known != nil { summary += "; \(new == 0 ? "all known" : "\(new) new")" }
        }
        print(summary)
        if new > 0 || !report.errors.isEmpty { throw ExitCode(1) }
    }

    func runBoundary(_ count: Int, python: PythonInterpreter) throws {
        let surface = BoundarySurface(CPythonSurface.of(options.profile))
        var fuzzer = BoundaryFuzzer(generator: BoundaryGenerator(seed: seed, surface: surface),
                                    cpython: DifferentialFuzzer.cpython(python), engine: BoundaryFuzzer.inProcess(options.profile))
        fuzzer.jobs = jobs
        fuzzer.maxShrink = maxShrink
        let report = fuzzer.run(count: count) { printError([$0]) }
        let directory = URL(fileURLWithPath: out ?? ".build/fuzz-boundary")
        for failure in report.failures {
            let name = "boundary\(seed)-\(failure.index)"
            try failure.write(to: directory, name: name)
            print("\(failure.verdict.rawValue): \(directory.path)/\(name).py (program \(failure.index), \(failure.minimal.size) statements)")
            print(indent(failure.minimal.text, "    | "))
            print("  CPython \(python.version):")
            print(indent(failure.cpython.stdout + failure.cpython.stderr, "    "))
            print("  engine:")
            print(indent(failure.engine.stdout + failure.engine.stderr, "    "))
        }
        for error in report.errors { printError(["error: \(error)"]) }
        let counts = BoundaryVerdict.allCases.map { "\($0.rawValue) \(report.counts[$0] ?? 0)" }
        print("\(report.programs) boundary programs (seed \(seed), CPython \(python.version)): " + counts.joined(separator: ", "))
        if report.counts.contains(where: { $0.key.isFailure && $0.value > 0 }) || !report.errors.isEmpty { throw ExitCode(1) }
    }

    func runMutate(_ count: Int) throws {
        let seeds = try Mutator.seeds(corpus: corpus, chapters: chapters)
        guard !seeds.isEmpty else { throw ValidationError("no seed inputs in \(corpus) or \(chapters)") }
        let executable = heapbook ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let runner = ChildRunner(executable: executable, timeout: timeout, profileArguments: ["--python", options.profile.version])
        var fuzzer = MutationFuzzer(mutator: Mutator(seed: seed, seeds: seeds), run: runner.run)
        fuzzer.jobs = jobs
        fuzzer.maxMinimize = maxShrink
        let directory = URL(fileURLWithPath: out ?? ".build/fuzz-mutate")
        let report = fuzzer.run(start..<(start + count), progress: { printError([$0]) }) { failure in
            let name = "seed\(seed)-\(failure.input.index)"
            do { try failure.write(to: directory, name: name) } catch { printError(["error: \(error)"]) }
            print("\(failure.result.outcome.description): \(directory.path)/\(name) (\(failure.input.seed); \(failure.input.edits.joined(separator: "; "))) at \(failure.result.stackTop)")
        }
        let outcomes = report.outcomes.sorted { $0.value > $1.value }.map { "\($0.key.description): \($0.value)" }
        print("\(report.inputs) inputs (seed \(seed), from \(start), \(seeds.count) seeds): \(report.crashes) crashes, \(report.hangs) hangs; " + outcomes.joined(separator: ", "))
        if !report.failures.isEmpty { throw ExitCode(1) }
    }

    /// The texts of the `.py` files in `directory`.
    static func programs(in directory: String) throws -> Set<String> {
        let url = URL(fileURLWithPath: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".py") }
        return Set(try names.map { try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) })
    }

    func indent(_ text: String, _ prefix: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines.map { prefix + $0 }.joined(separator: "\n")
    }
}
