import ArgumentParser
import Foundation
import Fuzz
import Workbook

/// `heapbook fuzz --differential N`: random programs through the engine and real CPython.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Compare the engine with real CPython on generated programs.",
        discussion: """
            Generates N programs (deterministic for a seed), runs each through the engine and \
            `pythonX.Y -q -i`, and shrinks every divergence to a minimal program, written to the output \
            directory as NAME.py + NAME.out (CPython's stdout) + NAME.engine.out. With --known DIR, a \
            divergence whose minimal program is one of DIR's NAME.py files is reported as known and does \
            not fail the run. Exit status: 0 no new divergence, 1 new divergences, 2 no CPython of the profile.
            """)

    @OptionGroup var options: BookOptions

    func validate() throws {
        try options.requireOneVersion("fuzz")
        if (count == nil) == (show == nil) { throw ValidationError("give either --differential N or --show I") }
    }

    @Option(name: .customLong("differential"), help: ArgumentHelp("Number of programs.", valueName: "N"))
    var count: Int?

    @Option(help: ArgumentHelp("Print program I of the seed (as the REPL reads it) and run nothing.", valueName: "I"))
    var show: Int?

    @Option(help: "Seed of the program generator.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Directory for the minimal divergent programs.", valueName: "dir"))
    var out = "Tests/HeapScriptTests/Corpus/fuzz"

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
        let count = count!
        let python: PythonInterpreter
        do { python = try PythonLocator().find(version: options.profile.version, explicit: pythonExe) } catch let missing as PythonNotFound {
            printError(["error: \(missing)"])
            throw ExitCode(2)
        }
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
        if report.divergent > 0 {
            summary += ", \(report.divergences.count) distinct minimal programs"
            if report.divergent > maxShrink { summary += " (first \(maxShrink) shrunk)" }
            if known != nil { summary += "; \(new == 0 ? "all known" : "\(new) new")" }
        }
        print(summary)
        if new > 0 || !report.errors.isEmpty { throw ExitCode(1) }
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
