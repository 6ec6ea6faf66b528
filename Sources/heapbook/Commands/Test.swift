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

    @Flag(help: "Rewrite the expected output of failing examples with what they printed.")
    var bless = false

    @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"))
    var junit: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "Also run every example under the real CPython of its profile and update the oracle cache.")
    var oracle = false

    @Option(name: .customLong("python-exe"), help: ArgumentHelp("The real CPython of the default profile for --oracle.", valueName: "path"))
    var pythonExe: String?

    func validate() throws {
        if oracle && bless { throw ValidationError("--bless and --oracle cannot be combined; bless first, then check with --oracle.") }
        if pythonExe != nil && !oracle { throw ValidationError("--python-exe needs --oracle.") }
    }

    func run() throws {
        let workbook = Workbook(python: options.selection)
        var report = workbook.test(paths)
        if bless {
            let blessed = workbook.bless(report)
            printError(blessed.diagnostics.map(\.description))
            if !blessed.blessed.isEmpty {
                let files = Set(blessed.blessed.map(\.location.path)).count
                print("blessed \(blessed.blessed.count) example\(blessed.blessed.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
                report = workbook.test(paths)
            }
        }
        var oracleSummary: String?
        if oracle {
            let outcome = try runOracle(report)
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
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

extension Test {
    /// Checks the report against real CPython and writes the oracle caches. A missing
    /// interpreter ends the command with exit status 2.
    func runOracle(_ report: TestReport) throws -> Oracle.Outcome {
        // --python-exe is the interpreter of the default profile; other versions are looked up.
        let explicit = pythonExe
        let defaultVersion = options.profile.version
        let oracle = Oracle(defaultProfile: options.profile.version, everyProfile: options.selection == .all) { version in
            try PythonLocator().find(version: version, explicit: version == defaultVersion ? explicit : nil)
        }
        do {
            let outcome = try oracle.check(report)
            try outcome.writeCaches()
            return outcome
        } catch let missing as PythonNotFound {
            printError(["error: \(missing)"])
            throw ExitCode(2)
        }
    }
}

func printError(_ lines: [String]) {
    for line in lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
