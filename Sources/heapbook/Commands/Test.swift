import ArgumentParser
import Foundation
import Workbook

/// `heapbook test`: run every example of the chapters and compare outputs.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the heap blocks of the chapters and compare their output.",
        discussion: """
            Exit status: 0 when every example matches, 1 when one fails, 2 when a block is unusable \
            (or, with --oracle, when no real CPython of the profile is found).
            --bless writes CPython's output, not the engine's, wherever the real CPython of the profile is found: \
            the chapters are first run under it (as --oracle does, recording the runs in the oracle cache), an \
            example gets what CPython printed, and one the engine then disagrees with fails as an engine \
            divergence. Under a profile with no CPython found (an error with --oracle), the engine's output is \
            written and reported "not confirmed". All files of one run land together or none does.
            --require-confirmed fails (exit 1), listing them, while any example not marked +ENGINE or +SKIP has \
            no matching CPython run in the committed oracle cache.
            With --oracle each example also runs under the real CPython of its profile (pythonX.Y on PATH, \
            $(pyenv root)/versions/X.Y.*/bin/python3, or --python-exe); every output not marked +ENGINE must \
            agree, and the oracle cache (.oracle-cache.json beside the chapters) is updated.
            An example of a versions= block also runs under each other version listed, and with --python all \
            every example runs under every version; the output under a version other than the block's own \
            (python=, else --python, 3.11 for all) must equal real CPython's as recorded in the oracle cache, \
            and a run with nothing recorded is counted as not confirmed. --oracle records them.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github
    }

    @OptionGroup var options: BookOptions

    @Argument(help: "Chapter files or directories.")
    var paths: [String] = ["chapters"]

    @Flag(help: "Rewrite expected outputs with what real CPython prints (the engine's output, reported not confirmed, where no CPython is found).")
    var bless = false

    @Flag(help: "Fail while any example lacks a CPython confirmation in the committed oracle cache.")
    var requireConfirmed = false

    @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"))
    var junit: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "Also run every example under the real CPython of its profile and update the oracle cache (with --bless: that CPython must be found).")
    var oracle = false

    @Option(name: .customLong("python-exe"), help: ArgumentHelp("The real CPython of the default profile for --oracle and --bless.", valueName: "path"))
    var pythonExe: String?

    func validate() throws {
        if pythonExe != nil && !oracle && !bless { throw ValidationError("--python-exe needs --oracle or --bless.") }
    }

    func run() throws {
        let workbook = Workbook(python: options.selection)
        var report = workbook.test(paths)
        var oracleSummary: String?
        if bless {
            let run = try runOracle { oracle in try workbook.blessingRun(paths, report: report, oracle: oracle) }
            printBlessed(run)
            report = run.report
            oracleSummary = run.oracle.versions.isEmpty ? nil : run.oracle.summary
        } else if oracle {
            let outcome = try runOracle { oracle in
                let outcome = try oracle.check(report)
                try outcome.writeCaches()
                return outcome
            }
            report = outcome.report
            oracleSummary = outcome.summary
        }
        if let junit { try Data(report.junitXML.utf8).write(to: URL(fileURLWithPath: junit)) }
        switch format {
        case .text:
            printError(report.allDiagnostics.map(\.description))
            if let oracleSummary { print(oracleSummary) }
            print(report.failuresText, terminator: "")
        case .github:
            if let oracleSummary { print(oracleSummary) }
            print(report.githubText, terminator: "")
        }
        var exitCode = report.exitCode
        if requireConfirmed {
            let unconfirmed = report.unconfirmed(defaultProfile: options.profile.version,
                                                 everyProfile: options.selection == .all)
            if !unconfirmed.isEmpty {
                printError(unconfirmed)
                print("\(unconfirmed.count) not confirmed by CPython in the oracle cache (--require-confirmed)")
                exitCode = max(exitCode, 1)
            }
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

extension Test {
    /// Says what `--bless` wrote, and from where.
    func printBlessed(_ run: Workbook.BlessRun) {
        for missing in run.oracle.missing {
            printError(["warning: \(missing); the engine's outputs blessed under \(missing.version) are not confirmed"])
        }
        let blessed = run.bless
        printError(blessed.diagnostics.map(\.description) + blessed.refused)
        for rewrite in blessed.unconfirmed {
            print("\(rewrite.example.location): blessed the engine's output, not confirmed by CPython")
        }
        guard !blessed.blessed.isEmpty else { return }
        let count = blessed.blessed.count
        let files = Set(blessed.blessed.map(\.example.location.path)).count
        var text = "blessed \(count) example\(count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        let fromCPython = Dictionary(grouping: blessed.blessed.compactMap(\.cpython), by: { $0 })
        var sources = fromCPython.keys.sorted().map { "\(fromCPython[$0]!.count) from CPython \($0)" }
        if !blessed.unconfirmed.isEmpty { sources.append("\(blessed.unconfirmed.count) from the engine, not confirmed") }
        if !sources.isEmpty { text += " (" + sources.joined(separator: ", ") + ")" }
        print(text)
    }
}

extension Test {
    /// Runs `body` with the oracle of this command's profiles. A missing interpreter ends
    /// the command with exit status 2 — under `--bless` only with `--oracle` or
    /// `--python-exe` (without them, its profile is passed over: `Outcome.missing`).
    func runOracle<T>(_ body: (Oracle) throws -> T) throws -> T {
        // --python-exe is the interpreter of the default profile; other versions are looked up.
        let explicit = pythonExe
        let defaultVersion = options.profile.version
        var oracle = Oracle(defaultProfile: options.profile.version, everyProfile: options.selection == .all) { version in
            try PythonLocator().find(version: version, explicit: version == defaultVersion ? explicit : nil)
        }
        // A --python-exe that is not the profile's CPython is an error, not a fallback.
        oracle.skipsMissing = bless && !self.oracle && pythonExe == nil
        do {
            return try body(oracle)
        } catch let missing as PythonNotFound {
            printError(["error: \(missing)"])
            throw ExitCode(2)
        }
    }
}

func printError(_ lines: [String]) {
    for line in lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
