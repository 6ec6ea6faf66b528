import Foundation

/// The site being served: rebuilds it when the chapters change and counts versions.
///
/// Rebuilds run in a `heapbook serve-worker` child process (`BuildWorker`), which keeps the
/// chapters' reports between builds so an edit re-runs only its chapter. The engine runs
/// the chapters' code, and whatever that does to the worker (a trap, a signal, a hang past
/// `buildTimeout`) ends as a failure banner while the last good site stays served; the next
/// change starts a new worker. The worker writes `out` the way `build` always does (verify,
/// then swap the whole tree in atomically), so the server only ever reads an old or a new
/// site, never a partial one.
final class LiveSite: @unchecked Sendable {
    let chapters: String
    let out: String
    let python: String
    /// Seconds a rebuild may take before its worker is killed and the rebuild reported.
    var buildTimeout: Double = 600
    private let lock = NSLock()
    private var version = 0
    private var lastError: String?
    private var stopped = false
    private let worker: BuildWorker

    init(chapters: String, out: String, python: String) {
        self.chapters = chapters; self.out = out; self.python = python
        worker = BuildWorker(arguments: ["serve-worker", "--python", python, "--out", out, chapters])
    }

    func stop() {
        lock.withLock { stopped = true }
        worker.stop()
    }
    var isStopped: Bool { lock.withLock { stopped } }

    /// The version and the last rebuild's failure, for `/__heapbook/version`.
    var state: LiveState { lock.withLock { LiveState(version: version, error: lastError) } }

    /// Builds once; a failure keeps the previous site and is reported to the pages.
    func rebuild() {
        let started = Date()
        let (message, detail) = worker.build(timeout: buildTimeout)
        lock.withLock { version += 1; lastError = message }
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        print(message.map { "rebuild failed; serving the last good site\n" + $0 } ?? "rebuilt \(out)/ in \(ms) ms\(detail)")
        fflush(nil)
    }

    /// Polls the chapters' names, sizes and modification times ten times a second on a thread
    /// of its own, rebuilding after each change. A directory that cannot be read (out of
    /// file descriptors, say) is no change: it is looked at again next time.
    func watch() {
        let thread = Thread { [self] in
            var last = fingerprint()
            while !isStopped {
                Thread.sleep(forTimeInterval: 0.1)
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

/// The client side of `heapbook serve-worker`: one child process, started when needed.
final class BuildWorker: @unchecked Sendable {
    let arguments: [String]
    private let lock = NSLock()
    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var pending = Data()
    private var log: URL?

    init(arguments: [String]) { self.arguments = arguments }

    /// Runs one build. - Returns: nil or what to show, and a note for the console.
    func build(timeout: Double) -> (message: String?, detail: String) {
        if process?.isRunning != true, let failure = start() { return (failure, "") }
        // A worker that died between builds (killed while idle) is replaced, not reported.
        if (try? input?.write(contentsOf: Data("build\n".utf8))) == nil {
            stopProcess()
            if let failure = start() { return (failure, "") }
            if (try? input?.write(contentsOf: Data("build\n".utf8))) == nil { stopProcess(); return ("cannot reach the build worker", "") }
        }
        guard let process, let input, let output, let log else { return ("no build worker", "") }
        let logStart = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
        let timedOut = LockedBox(false)
        let timer = DispatchWorkItem { [process] in
            if process.isRunning { timedOut.value = true; kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        defer { timer.cancel() }
        do {
            while true {
                if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending = Data(pending[pending.index(after: newline)...])
                    guard line.hasPrefix(WorkerAnswer.prefix),
                          let answer = try? JSONDecoder().decode(WorkerAnswer.self, from: Data(line.dropFirst(WorkerAnswer.prefix.count).utf8))
                    else { continue }
                    return (answer.error, " (\(answer.ran) chapter\(answer.ran == 1 ? "" : "s") run, \(answer.reused) reused)")
                }
                let chunk = output.availableData
                if chunk.isEmpty { break }  // the worker is gone
                pending += chunk
            }
        }
        // The worker died (or was killed) during the build: say how, with what it printed.
        process.waitUntilExit()
        self.process = nil
        try? input.close()
        let printed = (try? Data(contentsOf: log)).map { String(decoding: $0.dropFirst(logStart), as: UTF8.self) } ?? ""
        let tail = (printed.count > 20_000 ? "…\n" + printed.suffix(20_000) : printed)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if timedOut.value { return ("heapbook build took longer than \(Int(timeout)) s and was stopped\n" + tail, "") }
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
            return ("heapbook build crashed (\(name), signal \(signal))\n" + tail, "")
        }
        return ("heapbook build ended with status \(process.terminationStatus)\n" + tail, "")
    }

    /// Starts the worker. - Returns: nil, or why it could not be started.
    private func start() -> String? {
        let fm = FileManager.default
        if let log { try? fm.removeItem(at: log) }
        // Not UUID(): out of file descriptors it cannot read /dev/urandom and answers zeros.
        let log = fm.temporaryDirectory.appendingPathComponent("heapbook-serve-\(getpid())-\(logCounter.next()).log")
        guard fm.createFile(atPath: log.path, contents: nil), let logHandle = try? FileHandle(forWritingTo: log) else {
            return "cannot create \(log.path)"
        }
        defer { try? logHandle.close() }
        let stdin = Pipe(), stdout = Pipe()
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = logHandle
        do { try process.run() } catch { return "cannot start the build worker: \(error)" }
        self.process = process
        self.input = stdin.fileHandleForWriting
        self.output = stdout.fileHandleForReading
        self.pending = Data()
        self.log = log
        return nil
    }

    private func stopProcess() {
        try? input?.close()
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        process = nil
    }

    /// Closes the worker's input (it ends) and removes its log.
    func stop() {
        try? input?.close()
        if let process, process.isRunning {
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { if process.isRunning { process.terminate() } }
        }
        if let log { try? FileManager.default.removeItem(at: log) }
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
