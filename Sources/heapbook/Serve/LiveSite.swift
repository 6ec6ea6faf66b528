import Foundation

/// The site being served: rebuilds it when the chapters change and counts versions.
///
/// Each rebuild runs `heapbook build` (this executable) as a child process: the engine runs
/// the chapters' code, and whatever that does to the child (a trap, a signal, a hang past
/// `buildTimeout`) ends as a failure banner while the last good site stays served. The
/// child writes `out` the way `build` always does (verify, then swap the whole tree in
/// atomically), so the server only ever reads an old or a new site, never a partial one.
final class LiveSite: @unchecked Sendable {
    let chapters: String
    let out: String
    let python: String
    /// Seconds a rebuild may take before it is killed and reported.
    var buildTimeout: Double = 600
    private let lock = NSLock()
    private var version = 0
    private var lastError: String?
    private var stopped = false

    init(chapters: String, out: String, python: String) {
        self.chapters = chapters; self.out = out; self.python = python
    }

    func stop() { lock.withLock { stopped = true } }
    var isStopped: Bool { lock.withLock { stopped } }

    /// The version and the last rebuild's failure, for `/__heapbook/version`.
    var state: LiveState { lock.withLock { LiveState(version: version, error: lastError) } }

    /// Builds once; a failure keeps the previous site and is reported to the pages.
    func rebuild() {
        let started = Date()
        let message = Self.runBuild(arguments: ["build", "--python", python, "--out", out, chapters], timeout: buildTimeout)
        lock.withLock { version += 1; lastError = message }
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        print(message.map { "rebuild failed; serving the last good site\n" + $0 } ?? "rebuilt \(out)/ in \(ms) ms")
        fflush(nil)
    }

    /// Runs this executable with `arguments`; nil when it exited 0, else what to show.
    static func runBuild(arguments: [String], timeout: Double) -> String? {
        let fm = FileManager.default
        // Not UUID(): out of file descriptors it cannot read /dev/urandom and answers zeros.
        let log = fm.temporaryDirectory.appendingPathComponent("heapbook-serve-\(getpid())-\(logCounter.next()).log")
        guard fm.createFile(atPath: log.path, contents: nil) else { return "cannot create \(log.path)" }
        defer { try? fm.removeItem(at: log) }
        guard let handle = try? FileHandle(forWritingTo: log) else { return "cannot create \(log.path)" }
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        do { try process.run() } catch { return "cannot run heapbook build: \(error)" }
        let timedOut = LockedBox(false)
        let timer = DispatchWorkItem { [process] in
            if process.isRunning { timedOut.value = true; kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        process.waitUntilExit()
        timer.cancel()
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationReason == .exit && process.terminationStatus == 0 { return nil }
        let tail = output.count > 20_000 ? "…\n" + output.suffix(20_000) : output
        if timedOut.value { return "heapbook build took longer than \(Int(timeout)) s and was stopped\n" + tail }
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
            return "heapbook build crashed (\(name), signal \(signal))\n" + tail
        }
        return tail.isEmpty ? "heapbook build exited with status \(process.terminationStatus)" : tail
    }

    /// Polls the chapters' names, sizes and modification times twice a second on a thread
    /// of its own, rebuilding after each change. A directory that cannot be read (out of
    /// file descriptors, say) is no change: it is looked at again next time.
    func watch() {
        let thread = Thread { [self] in
            var last = fingerprint()
            while !isStopped {
                Thread.sleep(forTimeInterval: 0.5)
                guard let now = fingerprint() else { continue }
                if now != last { last = now; rebuild() }
            }
        }
        thread.start()
    }

    func fingerprint() -> [String]? {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: chapters) else { return nil }
        var entries: [String] = []
        for name in names.sorted() {
            guard let attributes = try? fm.attributesOfItem(atPath: chapters + "/" + name) else { return nil }
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries.append("\(name) \(attributes[.size] ?? 0) \(date)")
        }
        return entries
    }
}

private let logCounter = Counter()

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}

/// What `/__heapbook/version` answers: `{"version":3}` or `{"error":"…","version":4}`.
struct LiveState: Encodable {
    var version: Int
    var error: String?
}
