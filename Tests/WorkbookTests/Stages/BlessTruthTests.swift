import Foundation
import HeapScript
import XCTest
@testable import Workbook

/// A stand-in for real CPython that answers each statement line from `answers` (nothing
/// for others) and echoes the oracle's markers, so that runs with and without markers agree.
final class ScriptedCPython: OracleInterpreter, @unchecked Sendable {
    let version = "3.11.7"
    let answers: [String: String]
    init(_ answers: [String: String]) { self.answers = answers }

    func runREPL(_ input: String, timeout: Double) throws -> ProcessRunner.Output {
        var out = "", err = ""
        for line in input.split(separator: "\n") {
            if line.hasPrefix("print('@@heapbook-oracle-") {
                let marker = line.dropFirst(7).prefix { $0 != "'" }
                out += marker + "\n"; err += marker + "\n"
            } else {
                out += answers[String(line)] ?? ""
            }
        }
        return ProcessRunner.Output(stdout: out, stderr: err, status: 0, timedOut: false)
    }
}

/// `--bless` writes CPython's output, not the engine's; the engine's disagreement is an
/// engine divergence; without CPython the engine's output is written and said to be
/// unconfirmed (`Workbook.blessingRun`).
final class BlessTruthTests: XCTestCase {
    static let chapter = "# T\n\n```heap\n>>> len([1, 2])\n3\n>>> x = 5\n>>> x\n5\n```\n"

    /// An engine that answers `len([1, 2])` wrongly (56); the other lines it gets right.
    let wrongEngine = FakeInterpreter(canned: ["len([1, 2])\n": ExecutionResult(stdout: "56\n")])

    func book(_ markdown: String) throws -> (dir: URL, file: URL) {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("01-t.md")
        try Data(markdown.utf8).write(to: file)
        return (dir, file)
    }

    func testCPythonOutputIsKeptAndTheEngineDivergenceFails() throws {
        let (dir, file) = try book(Self.chapter)
        let workbook = Workbook(interpreter: wrongEngine)
        // What python3.11 -q -i (3.11.7) prints for these lines.
        let python = ScriptedCPython(["len([1, 2])": "2\n", "x": "5\n"])
        let run = try workbook.blessingRun([dir.path], report: workbook.test([dir.path]),
                                           oracle: Oracle(defaultProfile: "3.11") { _ in python })
        XCTAssertEqual(run.bless.blessed.map(\.cpython), ["3.11.7"])
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.chapter.replacingOccurrences(of: "\n3\n", with: "\n2\n"))
        XCTAssertEqual(run.report.summary, "2 passed, 1 failed")
        XCTAssertEqual(run.report.exitCode, 1)
        let text = run.report.text
        XCTAssertTrue(text.contains("01-t.md:4: engine divergence: CPython 3.11.7 prints 2, the engine prints 56\n"), text)
        // The cache records CPython's run, and it confirms every example as now written.
        let cache = OracleCache.load(directory: dir.path)
        XCTAssertEqual(cache.entries.values.map(\.stdout).sorted(), ["", "2\n", "5\n"])
        XCTAssertEqual(run.report.unconfirmed(defaultProfile: "3.11"), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [".oracle-cache.json", "01-t.md"])
    }

    func testWithoutCPythonTheEngineOutputIsWrittenAndNotConfirmed() throws {
        let (dir, file) = try book(Self.chapter)
        let workbook = Workbook(interpreter: wrongEngine)
        var oracle = Oracle(defaultProfile: "3.11") { version in throw PythonNotFound(version: version, lookedIn: ["nowhere"]) }
        XCTAssertThrowsError(try workbook.blessingRun([dir.path], report: workbook.test([dir.path]), oracle: oracle))
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.chapter, "a missing CPython under --oracle writes nothing")

        oracle.skipsMissing = true
        let run = try workbook.blessingRun([dir.path], report: workbook.test([dir.path]), oracle: oracle)
        XCTAssertEqual(run.oracle.missing.map(\.version), ["3.11"])
        XCTAssertEqual(run.bless.unconfirmed.map(\.example.location.line), [4])
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.chapter.replacingOccurrences(of: "\n3\n", with: "\n56\n"))
        XCTAssertEqual(run.report.summary, "3 passed, 0 failed")
        // No cache is made up; --require-confirmed lists every compared example.
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(OracleCache.fileName).path))
        XCTAssertEqual(run.report.unconfirmed(defaultProfile: "3.11").map { String($0.prefix(while: { $0 != " " })) },
                       ["\(dir.path)/01-t.md:4:", "\(dir.path)/01-t.md:6:", "\(dir.path)/01-t.md:7:"])
    }

    func testRealCPythonIsWhatBlessWrites() throws {
        guard let python = try? PythonLocator().find(version: "3.11"), python.version == "3.11.7" else {
            throw XCTSkip("CPython 3.11.7 not found")
        }
        let markdown = "# R\n\n```heap\n>>> import sys\n>>> sys.getsizeof(0)\n1\n```\n"
        let (dir, file) = try book(markdown)
        let workbook = Workbook(interpreter: FakeInterpreter(canned: ["sys.getsizeof(0)\n": ExecutionResult(stdout: "99\n")]))
        let run = try workbook.blessingRun([dir.path], report: workbook.test([dir.path]),
                                           oracle: Oracle(defaultProfile: "3.11") { _ in python })
        // 28: what `python3.11 -q -i` (3.11.7) prints for sys.getsizeof(0).
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), markdown.replacingOccurrences(of: "\n1\n", with: "\n28\n"))
        XCTAssertTrue(run.report.text.contains("01-t.md:5: engine divergence: CPython 3.11.7 prints 28, the engine prints 99"),
                      run.report.text)
    }
}
