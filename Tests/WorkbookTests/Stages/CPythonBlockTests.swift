import Foundation
import HeapScript
import XCTest
@testable import Workbook

/// `heap cpython` blocks: checked against real CPython only (the oracle cache, or the
/// oracle live), never simulated, in a CPython session of their own.
final class CPythonBlockTests: XCTestCase {
    static let book = """
    # C

    ```heap
    >>> x = 1
    ```

    ```heap cpython
    >>> y = 2
    >>> y
    2
    ```

    ```heap
    >>> x
    1
    ```

    """

    func examples(_ markdown: String) -> [Example] {
        ExampleExtractor(interpreter: FakeInterpreter()).extract(chapter(markdown)).examples
    }

    /// A cache holding `outputs` for the chapter's examples, by index.
    func cache(_ markdown: String, _ outputs: [Int: String]) -> OracleCache {
        let keys = OracleKey.keys(for: examples(markdown), defaultProfile: "3.11")
        var cache = OracleCache()
        for (index, output) in outputs { cache.entries[keys[index]!] = .init(cpython: "3.11.7", example: "01-test.md:\(index)", stdout: output) }
        return cache
    }

    func testTheEngineNeverRunsItAndTheCacheJudgesIt() {
        let interpreter = FakeInterpreter()
        let none = Workbook(interpreter: interpreter, cache: OracleCache()).test(chapter(Self.book))
        XCTAssertEqual(none.results.map(\.status), [.passed, .notConfirmed, .notConfirmed, .passed])
        XCTAssertEqual(interpreter.log.map(\.source), ["x = 1\n", "x\n"])
        XCTAssertEqual(TestReport(chapters: [none]).summary, "2 passed, 0 failed, 2 not confirmed")
        let junit = TestReport(chapters: [none]).junitXML
        XCTAssertTrue(junit.contains("<testsuites name=\"heapbook\" tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"2\">"), junit)
        XCTAssertTrue(junit.contains("<testcase name=\"chapters/01-test.md:8\" classname=\"01-test\"><skipped message=\"not confirmed on CPython\"/></testcase>"), junit)

        let confirmed = Workbook(interpreter: FakeInterpreter(), cache: cache(Self.book, [1: "", 2: "2\n"])).test(chapter(Self.book))
        XCTAssertEqual(confirmed.results.map(\.status), [.passed, .passed, .passed, .passed])

        let differs = Workbook(interpreter: FakeInterpreter(), cache: cache(Self.book, [1: "", 2: "3\n"])).test(chapter(Self.book))
        XCTAssertEqual(differs.results.map(\.status), [.passed, .passed, .failed, .passed])
        let text = TestReport(chapters: [differs]).text
        XCTAssertTrue(text.contains("01-test.md:9: example failed: CPython 3.11.7 differs from the expected output (a cpython block: not simulated)\nExpected:\n    2\nCPython 3.11.7 printed:\n    3\n"), text)
    }

    func testItRunsInACPythonSessionOfItsOwn() {
        // Its keys are those of a chapter holding just that block, whatever comes before it;
        // the engine's examples around it are keyed as if it were not there.
        let alone = examples("```heap fresh\n>>> y = 2\n>>> y\n2\n```\n")
        let without = examples("```heap\n>>> x = 1\n```\n\n```heap\n>>> x\n1\n```\n")
        let keys = OracleKey.keys(for: examples(Self.book), defaultProfile: "3.11")
        XCTAssertEqual(Array(keys[1...2]), OracleKey.keys(for: alone, defaultProfile: "3.11"))
        XCTAssertEqual([keys[0], keys[3]], OracleKey.keys(for: without, defaultProfile: "3.11"))
        let sessions = Oracle.sessions(examples(Self.book), plan: ProfilePlan())
        XCTAssertEqual(sessions.map(\.indices), [[0, 3], [1, 2]])
    }

    func testTheOracleChecksItLive() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("01-test.md")
        try Data(Self.book.replacingOccurrences(of: ">>> y\n2", with: ">>> y\n7").utf8).write(to: file)
        let report = Workbook(interpreter: FakeInterpreter()).test([file.path])
        XCTAssertEqual(report.results.map(\.status), [.passed, .notConfirmed, .notConfirmed, .passed])
        let python = ScriptedCPython(["x": "1\n", "y": "2\n"])
        let outcome = try Oracle(defaultProfile: "3.11") { _ in python }.check(report)
        XCTAssertEqual(outcome.report.results.map(\.status), [.passed, .passed, .failed, .passed])
        XCTAssertEqual(outcome.report.results[2].oracle?.got, "2\n")
        // Bless writes what CPython printed into the block.
        let blessed = Workbook(interpreter: FakeInterpreter()).bless(outcome.report)
        XCTAssertEqual(blessed.blessed.map(\.cpython), ["3.11.7"])
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.book)
    }

    func testDiagramVersionsAndEngineAreUnusable() {
        func messages(_ markdown: String) -> [String] {
            ExampleExtractor(interpreter: FakeInterpreter()).extract(chapter(markdown)).diagnostics.map(\.message)
        }
        XCTAssertEqual(messages("```heap cpython diagram\n>>> 1\n1\n```\n"),
                       ["diagram cannot be used with cpython: a cpython block is not simulated, so there is no heap to draw"])
        XCTAssertEqual(messages("```heap cpython versions=3.11,3.12\n>>> 1\n1\n```\n"),
                       ["versions= cannot be used with cpython: a cpython block is checked against its own CPython only (python=), not simulated under others"])
        XCTAssertEqual(messages("```heap cpython\n>>> 1  # heap: +ENGINE\n1\n```\n"),
                       ["+ENGINE in a cpython block: its examples are never simulated"])
        XCTAssertEqual(messages("```heap cpython python=3.12 fresh\n>>> 1\n1\n```\n"), [])
    }
}
