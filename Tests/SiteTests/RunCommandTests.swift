import Foundation
import XCTest

/// `heapbook run FILE` runs a script as `python3 FILE` does.
final class RunCommandTests: XCTestCase {
    /// A refusal ends the run: CPython 3.11.7 would print `1`, then `del A` at shutdown
    /// (the finalizer of the instance `a` still holds); the engine, which does not model
    /// `fnmatch`, prints `1` and the refusal, and none of its own shutdown.
    func testARefusalEndsTheRunBeforeShutdown() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "class A:\n    def __del__(self):\n        print('del A')\na = A()\nprint(1)\nimport fnmatch\n".write(
            to: dir.appendingPathComponent("f.py"), atomically: true, encoding: .utf8)
        let r = try runHeapbook(["run", "--python", "3.11", "f.py"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "1\n")
        XCTAssertTrue(r.stderr.contains("f.py:6: error: heapbook does not model `fnmatch`"), r.stderr)
        // Without the refusal, the shutdown's finalizer prints as CPython's does.
        try "class A:\n    def __del__(self):\n        print('del A')\na = A()\nprint(1)\n".write(
            to: dir.appendingPathComponent("g.py"), atomically: true, encoding: .utf8)
        let g = try runHeapbook(["run", "--python", "3.11", "g.py"], in: dir)
        XCTAssertEqual(g.status, 0, g.stderr)
        XCTAssertEqual(g.stdout, "1\ndel A\n")
    }
}
