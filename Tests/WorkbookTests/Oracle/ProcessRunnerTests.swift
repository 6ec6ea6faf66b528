import XCTest
@testable import Workbook

/// ProcessRunner spawns and reaps children itself (posix_spawn + waitpid).
final class ProcessRunnerTests: XCTestCase {
    func testStdinStdoutStderrAndExitStatus() throws {
        let out = try ProcessRunner.run("/bin/sh", ["-c", "cat; echo err >&2; exit 3"], stdin: "in\n")
        XCTAssertEqual(out.stdout, "in\n")
        XCTAssertEqual(out.stderr, "err\n")
        XCTAssertEqual(out.status, 3)
        XCTAssertFalse(out.timedOut)
    }

    func testSignalIsReportedAsItsNumber() throws {
        let out = try ProcessRunner.run("/bin/sh", ["-c", "kill -9 $$"], stdin: "")
        XCTAssertEqual(out.status, 9)
    }

    func testTimeoutTerminatesTheChild() throws {
        let started = Date()
        let out = try ProcessRunner.run("/bin/sh", ["-c", "sleep 30"], stdin: "", timeout: 0.3)
        XCTAssertTrue(out.timedOut)
        XCTAssertEqual(out.status, 15)   // SIGTERM
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testEnvironmentIsTheChildsOnly() throws {
        let out = try ProcessRunner.run("/bin/sh", ["-c", "echo \"$HEAPBOOK_X-$HOME\""], stdin: "",
                                        environment: ["HEAPBOOK_X": "1"])
        XCTAssertEqual(out.stdout, "1-\n")
    }

    func testMissingExecutableThrows() {
        XCTAssertThrowsError(try ProcessRunner.run("/nonexistent/python3", [], stdin: ""))
    }
}
