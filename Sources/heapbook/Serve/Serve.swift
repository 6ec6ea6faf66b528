import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import Site
import Workbook

/// `heapbook serve`: build the site, serve it on 127.0.0.1, rebuild when a chapter changes
/// and reload the open pages.
///
/// The pages on disk are exactly `heapbook build`'s: each rebuild *is* a `heapbook build`,
/// run as a child process, so a chapter that crashes it (the engine runs the chapters' code)
/// costs a failure banner, not the server. Only the copies sent to the browser get one extra
/// script, which polls `/__heapbook/version` and reloads the page when a rebuild finishes
/// (or shows why the rebuild failed).
///
/// HTTP is Hummingbird's (SwiftNIO), limited for a server anything on the machine can reach:
/// see `ServeLimits` and `SitePolicy`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it when a chapter changes.",
        discussion: "--out follows heapbook build's rules (see 'heapbook build --help'). Open pages reload after each rebuild. A failing example (or a crashing build) keeps the last good site and shows the failure in the page. Only requests for localhost, 127.0.0.1 or [::1] are answered. Ctrl-C stops the server.")

    @OptionGroup var options: BookOptions

    @Option(help: ArgumentHelp("Port on 127.0.0.1 (0 picks a free one).", valueName: "n"))
    var port = 3000

    @Option(help: ArgumentHelp("Output directory.", valueName: "dir"))
    var out = "site"

    @Argument(help: "Directory of chapters.")
    var path = "chapters"

    func validate() throws {
        try options.requireOneVersion("serve")
        guard (0...65535).contains(port) else {
            throw ValidationError("Invalid port '\(port)'. Please provide a number from 0 to 65535.")
        }
    }

    func run() throws {
        // Refused before the server starts; later rebuilds check again and report instead.
        _ = try refusingOutput { try SiteWriter.prepare(out, chapters: path) }
        // A build worker that dies must not take the server with it through a write to its pipe.
        signal(SIGPIPE, SIG_IGN)
        let live = LiveSite(chapters: path, out: out, python: options.profile.version)
        live.rebuild()
        let limits = ServeLimits.fromEnvironment()
        let done = DispatchSemaphore(value: 0)
        let failure = LockedBox<Error?>(nil)
        let shown = out, port = port
        Task {
            do {
                try await ServeHTTP.run(site: live, port: port, limits: limits) { bound in
                    print("Serving \(shown)/ at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)")
                    fflush(nil)
                }
            } catch {
                failure.value = error
            }
            done.signal()
        }
        live.watch()
        // Ctrl-C / SIGTERM: Hummingbird's graceful shutdown stops accepting and lets the
        // requests in flight finish; then the watcher stops.
        done.wait()
        live.stop()
        if let error = failure.value { throw error }
        print("stopped")
    }
}

/// A value shared with a task, written once before the semaphore is signalled.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
