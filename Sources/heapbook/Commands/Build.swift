import ArgumentParser
import Site
import Workbook

/// `heapbook build`: verify the chapters and render the static site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify every chapter and render the site.",
        discussion: """
            Nothing is written unless every example passes. The output directory is replaced whole, so it must not exist \
            yet or be a site heapbook built (it carries a .heapbook-site file); a file, another directory, the current \
            directory, the chapters and any directory containing them are refused. \
            Exit status: 0 built, 1 an example failed, 2 a block is unusable or the output directory is refused.
            """)

    @OptionGroup var options: BookOptions

    func validate() throws { try options.requireOneVersion("build") }

    @Option(help: ArgumentHelp("Output directory.", valueName: "dir"))
    var out = "site"

    @Argument(help: "Directory of chapters.")
    var path = "chapters"

    func run() throws {
        // The oracle cache beside the chapters says which examples real CPython confirmed.
        let confirmations = OracleConfirmations(chaptersIn: path, defaultProfile: options.profile.version)
        let builder = SiteBuilder(workbook: Workbook(profile: options.profile), theme: try Theme.bundled(),
                                  confirmations: confirmations)
        let build = try refusingOutput { try builder.build(chaptersIn: path, to: out) }
        guard build.files != nil else {
            printError(build.report.allDiagnostics.map(\.description))
            print(build.report.failuresText, terminator: "")
            printError(["error: the site was not built: \(build.report.failed) example\(build.report.failed == 1 ? "" : "s") failed"
                        + (build.report.allDiagnostics.isEmpty ? "" : ", \(build.report.allDiagnostics.count) unusable")])
            throw ExitCode(build.exitCode)
        }
        print("wrote \(out)/ (\(build.files!.count) files; \(build.report.summary))")
    }
}

/// Runs `body`; an `OutputRefusal` becomes `error: …` on stderr and exit status 2 (unusable
/// input, like an unusable block), never ArgumentParser's generic failure.
func refusingOutput<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let refusal as OutputRefusal {
        printError(["error: \(refusal)"])
        throw ExitCode(2)
    }
}
