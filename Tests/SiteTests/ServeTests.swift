import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `heapbook serve`, run as the user runs it: the built executable in a child process.
final class ServeTests: XCTestCase {
    func get(_ url: URL) async throws -> String {
        let (data, response) = try await URLSession.shared.data(from: url)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200, url.path)
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts `heapbook serve --port 0` on `book`; returns the process and its base URL.
    func startServe(_ book: URL, environment: [String: String] = [:]) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = try heapbookExecutable()
        process.arguments = ["serve", "--port", "0", "--out", book.appendingPathComponent("out").path, book.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("(Ctrl-C to stop)") && Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        // Keep draining what it prints, so a full pipe can never block it.
        let reader = pipe.fileHandleForReading
        Thread { while !reader.availableData.isEmpty {} }.start()
        guard let range = printed.range(of: "http://127.0.0.1:[0-9]+/", options: .regularExpression), let base = URL(string: String(printed[range])) else {
            process.terminate()
            throw XCTSkip("serve did not start: \(printed)")
        }
        return (process, base)
    }

    func testRefusesHostileRequests() async throws {
        let directory = try book(["index.md": "# Served\n\nHello.\n"])
        let (process, base) = try startServe(directory)
        defer { if process.isRunning { process.terminate() } }
        let port = try XCTUnwrap(base.port)
        func request(_ target: String, host: String? = nil, extra: [UInt8] = []) -> (status: Int?, seconds: Double) {
            let head = "GET \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
            let started = Date()
            let answer = rawExchange(port: port, bytes: Array(head.utf8) + extra + Array("\r\n".utf8), timeout: 10)
            return (statusCode(answer), Date().timeIntervalSince(started))
        }
        XCTAssertEqual(request("/").status, 200)
        XCTAssertEqual(request("/index.html", host: "localhost:\(port)").status, 200)
        XCTAssertEqual(request("/index.html", host: "[::1]:\(port)").status, 200)

        // DNS rebinding: another name for 127.0.0.1 is refused.
        XCTAssertEqual(request("/", host: "evil.example").status, 421)
        XCTAssertEqual(request("/", host: "evil.example:\(port)").status, 421)
        XCTAssertEqual(request("/", host: "127.0.0.1:\(port == 65535 ? 1 : port + 1)").status, 421)

        // NUL and dot segments.
        XCTAssertEqual(request("/index.html%00.png").status, 400)
        XCTAssertEqual(request("/../etc/passwd").status, 400)
        XCTAssertEqual(request("/%2e%2e/etc/passwd").status, 400)
        XCTAssertEqual(request("/.heapbook-site").status, 404)

        // A 1 MiB header: 431 at once, and the server still answers.
        let big = request("/", extra: Array("X-Big: ".utf8) + [UInt8](repeating: 0x61, count: 1 << 20) + Array("\r\n".utf8))
        XCTAssertEqual(big.status, 431)
        XCTAssertLessThan(big.seconds, 2)
        XCTAssertEqual(request("/").status, 200)
    }

    func testClosesIdleConnections() throws {
        let directory = try book(["index.md": "# Served\n\nHello.\n"])
        let (process, base) = try startServe(directory, environment: ["HEAPBOOK_SERVE_IDLE_TIMEOUT": "1"])
        defer { if process.isRunning { process.terminate() } }
        let started = Date()
        // Sends nothing; the server closes it (recv answers 0 bytes) after the idle timeout.
        let answer = rawExchange(port: try XCTUnwrap(base.port), bytes: [], timeout: 10)
        XCTAssertEqual(answer, [])
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    #if os(Linux)
    /// A rebuild whose `heapbook build` child dies: the failure banner, not a dead server.
    func testCrashingRebuildKeepsServing() async throws {
        let directory = try book(["index.md": "# Served\n\nHello.\n", "01-a.md": "# First\n\n```heap\n>>> print('one')\none\n```\n"])
        let (process, base) = try startServe(directory)
        defer { if process.isRunning { process.terminate() } }
        // Several seconds of engine work (about 0.8 s per million iterations in the debug
        // build, whose engine is optimized), so the rebuild can be caught running.
        try Data("# First\n\n```heap\n>>> for i in range(8000000):\n...     pass\n>>> print('two')\ntwo\n```\n".utf8)
            .write(to: directory.appendingPathComponent("01-a.md"))
        var child: pid_t?  // the build worker
        for _ in 0..<1500 where child == nil {
            child = childProcesses(of: process.processIdentifier).first
            if child == nil { usleep(10_000) }
        }
        // The watcher looks twice a second and the example runs for over a second: a second
        // after the edit, the build is under way.
        try await Task.sleep(nanoseconds: 1_000_000_000)
        kill(try XCTUnwrap(child, "no rebuild child seen"), SIGKILL)
        var state = ""
        for _ in 0..<100 where !state.contains("crashed") {
            try await Task.sleep(nanoseconds: 100_000_000)
            state = try await get(base.appendingPathComponent("__heapbook/version"))
        }
        XCTAssertTrue(state.contains("heapbook build crashed"), state)
        XCTAssertTrue(process.isRunning)
        let page = try await get(base.appendingPathComponent("01-a.html"))
        XCTAssertTrue(page.contains("First"), "the last good site is still served")
    }

    func childProcesses(of pid: pid_t) -> [pid_t] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }
    #endif

    func testServesRebuildsAndStopsOnInterrupt() async throws {
        let directory = try book(["index.md": "# Served\n\nHello.\n", "01-a.md": "# First\n\n```heap\n>>> print('one')\none\n```\n"])
        let out = directory.appendingPathComponent("out")
        let process = Process()
        process.executableURL = try heapbookExecutable()
        process.arguments = ["serve", "--port", "0", "--out", out.path, directory.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // "Serving …/ at http://127.0.0.1:PORT/ (Ctrl-C to stop)"
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("(Ctrl-C to stop)") && Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let address = try XCTUnwrap(printed.range(of: "http://127.0.0.1:[0-9]+/", options: .regularExpression).map { String(printed[$0]) }, printed)
        let base = try XCTUnwrap(URL(string: address))

        let index = try await get(base.appendingPathComponent("index.html"))
        XCTAssertTrue(index.contains("<title>Served</title>"))
        XCTAssertTrue(index.contains("<script src=\"/__heapbook/livereload.js\"></script>\n</body>"))
        XCTAssertFalse(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8).contains("livereload"),
                       "the files on disk are heapbook build's")
        let version = try await get(base.appendingPathComponent("__heapbook/version"))

        // A change to a chapter is rebuilt and served.
        try Data("# First, changed\n\n```heap\n>>> print('two')\ntwo\n```\n".utf8)
            .write(to: directory.appendingPathComponent("01-a.md"))
        var page = ""
        for _ in 0..<60 where !page.contains("First, changed") {
            try await Task.sleep(nanoseconds: 250_000_000)
            page = try await get(base.appendingPathComponent("01-a.html"))
        }
        XCTAssertTrue(page.contains("First, changed"))
        // The worker swaps the new files in, then answers, then the version moves: the page
        // can be served a moment before the version says so.
        var rebuilt = version
        for _ in 0..<50 where rebuilt == version {
            rebuilt = try await get(base.appendingPathComponent("__heapbook/version"))
            if rebuilt == version { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        XCTAssertNotEqual(rebuilt, version)

        // Ctrl-C stops it cleanly.
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(nanoseconds: 100_000_000) }
        XCTAssertFalse(process.isRunning)
        XCTAssertEqual(process.terminationStatus, 0)
    }
}

/// Connects to 127.0.0.1:`port`, sends `bytes` (errors ignored: the server may close first),
/// and reads until the server closes or `timeout` seconds pass.
func rawExchange(port: Int, bytes: [UInt8], timeout: Int) -> [UInt8]? {
    #if os(Linux)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    var limit = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var sent = 0
    while sent < bytes.count {
        let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if n <= 0 { break }
        sent += n
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n < 0 { return received.isEmpty ? nil : received }
        if n == 0 { return received }
        received += buffer[..<n]
    }
}

/// The status code of an HTTP/1.1 answer.
func statusCode(_ answer: [UInt8]?) -> Int? {
    guard let answer, answer.count >= 12, answer.starts(with: Array("HTTP/1.1 ".utf8)) else { return nil }
    return Int(String(decoding: answer[9..<12], as: UTF8.self))
}
