import ArgumentParser
import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Site
import Workbook

/// `heapbook serve`: build the site, serve it on 127.0.0.1, rebuild when a chapter changes
/// and reload the open pages.
///
/// HTTP is FlyingFox's. The pages on disk are exactly `heapbook build`'s; only the copies
/// sent to the browser get one extra script, which polls `/__heapbook/version` and reloads
/// the page when a rebuild finishes (or shows why the rebuild failed).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it when a chapter changes.",
        discussion: "--out follows heapbook build's rules (see 'heapbook build --help'). Open pages reload after each rebuild. A failing example keeps the last good site and shows the failure in the page. Ctrl-C stops the server.")

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
        let live = LiveSite(builder: SiteBuilder(workbook: Workbook(profile: options.profile), theme: try Theme.bundled()),
                            chapters: path, out: out)
        live.rebuild()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: UInt16(port)), timeout: 15, logger: .disabled)
        let done = DispatchSemaphore(value: 0)
        let failure = LockedBox<Error?>(nil)
        Task {
            await live.routes(on: server)
            // After a stop, run() ends by throwing "disconnected": that is the normal end.
            do { try await server.run() } catch { if !live.isStopped { failure.value = error } }
            done.signal()
        }
        Task {
            try? await server.waitUntilListening()
            let bound = await server.listeningAddress.flatMap { address -> UInt16? in
                if case .ip4(_, let port) = address { return port }
                return nil
            } ?? UInt16(port)
            print("Serving \(out)/ at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)")
            fflush(nil)
        }
        // Ctrl-C: stop accepting, let requests in flight finish, then return normally.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in signals {
            source.setEventHandler {
                live.stop()
                Task { await server.stop(timeout: 1) }
            }
            source.resume()
        }
        live.watch()
        done.wait()
        signals.forEach { $0.cancel() }
        if let error = failure.value { throw error }
        print("stopped")
    }
}

/// The site being served: rebuilds it when the chapters change and counts versions.
final class LiveSite: @unchecked Sendable {
    let builder: SiteBuilder
    let chapters: String
    let out: String
    private let lock = NSLock()
    private var version = 0
    private var lastError: String?
    private var stopped = false

    init(builder: SiteBuilder, chapters: String, out: String) {
        self.builder = builder; self.chapters = chapters; self.out = out
    }

    func stop() { lock.withLock { stopped = true } }
    var isStopped: Bool { lock.withLock { stopped } }

    /// Builds once; a failure keeps the previous site and is reported to the pages.
    func rebuild() {
        var message: String?
        do {
            let build = try builder.build(chaptersIn: chapters, to: out)
            if build.files == nil {
                message = (build.report.allDiagnostics.map(\.description) + [build.report.failuresText, build.report.summary])
                    .filter { !$0.isEmpty }.joined(separator: "\n")
            }
        } catch {
            message = "\(error)"
        }
        lock.withLock { version += 1; lastError = message }
        print(message.map { "rebuild failed; serving the last good site\n" + $0 } ?? "rebuilt \(out)/")
        fflush(nil)
    }

    /// Polls the chapters' names, sizes and modification times twice a second on a thread
    /// of its own (a build is CPU work), rebuilding after each change.
    func watch() {
        let thread = Thread { [self] in
            var last = fingerprint()
            while !isStopped {
                Thread.sleep(forTimeInterval: 0.5)
                let now = fingerprint()
                if now != last { last = now; rebuild() }
            }
        }
        thread.start()
    }

    func fingerprint() -> [String] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: chapters)) ?? []
        return names.sorted().map { name in
            let attributes = try? fm.attributesOfItem(atPath: chapters + "/" + name)
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name) \(attributes?[.size] ?? 0) \(date)"
        }
    }

    func routes(on server: HTTPServer) async {
        await server.appendRoute("GET /__heapbook/version") { [self] _ in
            let (v, e) = lock.withLock { (version, lastError) }
            let body = try JSONEncoder().encode(LiveState(version: v, error: e))
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: body)
        }
        await server.appendRoute("GET /__heapbook/livereload.js") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                         body: Data(Self.liveReloadScript.utf8))
        }
        await server.appendRoute("GET *") { [self] request in file(request.path) }
    }

    /// A file of the site; HTML gets the live-reload script before `</body>`.
    func file(_ requestPath: String) -> HTTPResponse {
        var relative = requestPath.removingPercentEncoding ?? requestPath
        if relative.hasSuffix("/") { relative += "index.html" }
        let parts = relative.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }),
              let data = FileManager.default.contents(atPath: ([out] + parts.map(String.init)).joined(separator: "/")) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
        }
        let ext = parts.last.map { $0.split(separator: ".").last.map(String.init) ?? "" } ?? ""
        var body = data
        if ext == "html", let html = String(data: data, encoding: .utf8), let end = html.range(of: "</body>", options: .backwards) {
            body = Data(html.replacingCharacters(in: end, with: "<script src=\"/__heapbook/livereload.js\"></script>\n</body>").utf8)
        }
        let types = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
                     "svg": "image/svg+xml", "png": "image/png", "json": "application/json"]
        return HTTPResponse(statusCode: .ok, headers: [.contentType: types[ext] ?? "application/octet-stream", .cacheControl: "no-store"],
                            body: body)
    }

    static let liveReloadScript = """
    // heapbook serve: reload when the site is rebuilt; show why when a rebuild fails.
    (function () {
      "use strict";
      var seen = null;
      function banner(text) {
        var el = document.getElementById("heapbook-live-error");
        if (!text) { if (el) { el.remove(); } return; }
        if (!el) {
          el = document.createElement("pre");
          el.id = "heapbook-live-error";
          el.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;margin:0;padding:1em;z-index:99;background:#3b0d0d;color:#ffdada;font-size:13px;white-space:pre-wrap";
          document.body.appendChild(el);
        }
        el.textContent = text;
      }
      function poll() {
        fetch("/__heapbook/version", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (state) {
          if (seen !== null && state.version !== seen && !state.error) { window.location.reload(); return; }
          seen = state.version;
          banner(state.error);
        }).catch(function () { /* the server is restarting or stopped */ }).then(function () { setTimeout(poll, 1000); });
      }
      poll();
    })();
    """
}

/// What `/__heapbook/version` answers: `{"version":3}` or `{"error":"…","version":4}`.
struct LiveState: Encodable {
    var version: Int
    var error: String?
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
