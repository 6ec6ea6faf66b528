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
        let rebuilt = try await get(base.appendingPathComponent("__heapbook/version"))
        XCTAssertNotEqual(rebuilt, version)

        // Ctrl-C stops it cleanly.
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(nanoseconds: 100_000_000) }
        XCTAssertFalse(process.isRunning)
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
