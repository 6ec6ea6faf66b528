import ArgumentParser
import Foundation
import Site
import Workbook

/// `heapbook serve-worker` (hidden): `serve`'s build process.
///
/// Reads `build` lines on standard input; each one builds the site exactly as `heapbook build`
/// does, but keeps the chapters' reports in memory, so the next build re-runs only the
/// chapters that changed. Answers each with one `WorkerAnswer` line on standard output.
/// It runs the chapters' code, which is why it is a process of its own: if it dies, `serve`
/// shows the failure and starts another. It ends when its standard input closes.
struct ServeWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-worker", abstract: "heapbook serve's build process (internal).", shouldDisplay: false)

    @OptionGroup var options: BookOptions

    @Option(help: ArgumentHelp("Output directory.", valueName: "dir"))
    var out = "site"

    @Argument(help: "Directory of chapters.")
    var path = "chapters"

    func validate() throws { try options.requireOneVersion("serve-worker") }

    func run() throws {
        let memo = ChapterReportMemo()
        let confirmationsMemo = OracleConfirmations.Memo()
        let sessions = PrewarmedSessions(profile: options.profile)
        let workbook = Workbook(interpreter: sessions, profile: options.profile)
        while let line = readLine() {
            guard line == "build" else { continue }
            let started = Date()
            var message: String?
            do {
                let confirmations = OracleConfirmations(chaptersIn: path, defaultProfile: options.profile.version,
                                                        memo: confirmationsMemo)
                let builder = SiteBuilder(workbook: workbook, theme: try Theme.bundled(), confirmations: confirmations)
                let build = try builder.build(chaptersIn: path, to: out, memo: memo)
                if build.files == nil {
                    message = (build.report.allDiagnostics.map(\.description) + [build.report.failuresText, build.report.summary])
                        .filter { !$0.isEmpty }.joined(separator: "\n")
                }
            } catch {
                message = "\(error)"
            }
            let answer = WorkerAnswer(error: message, ran: memo.ran, reused: memo.reused,
                                      milliseconds: Int(Date().timeIntervalSince(started) * 1000))
            print(WorkerAnswer.prefix + String(decoding: try JSONEncoder().encode(answer), as: UTF8.self))
            fflush(nil)
            sessions.warm()
        }
    }
}

/// One build's outcome, as the worker reports it.
struct WorkerAnswer: Codable {
    static let prefix = "@heapbook-serve-worker "
    var error: String?
    var ran: Int
    var reused: Int
    var milliseconds: Int
}
