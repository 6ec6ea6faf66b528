import ArgumentParser
import Foundation
import Workbook

/// `heapbook test`: run every example of the chapters and compare outputs.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the heap blocks of the chapters and compare their output.",
        discussion: "Exit status: 0 when every example matches, 1 when one fails, 2 when a block is unusable.")

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

    func run() throws {
        let workbook = Workbook(profile: options.profile)
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
        if let junit { try Data(report.junitXML.utf8).write(to: URL(fileURLWithPath: junit)) }
        switch format {
        case .text:
            printError(report.allDiagnostics.map(\.description))
            print(report.failuresText, terminator: "")
        case .github:
            print(report.githubText, terminator: "")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

func printError(_ lines: [String]) {
    for line in lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
