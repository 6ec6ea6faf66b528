import HeapScript
import XCTest
@testable import Workbook

final class VerifierTests: XCTestCase {
    func run(_ markdown: String, _ interpreter: FakeInterpreter = FakeInterpreter()) -> ChapterReport {
        fakeWorkbook(interpreter).test(chapter(markdown))
    }

    func testOneSessionPerChapterAndFreshRestarts() {
        let interpreter = FakeInterpreter()
        let report = run("""
        ```heap
        >>> x = 1
        ```

        ```heap
        >>> x
        1
        ```

        ```heap fresh
        >>> x
        Traceback (most recent call last):
          ...
        NameError: name 'x' is not defined
        >>> x = 2
        ```

        ```heap
        x
        ```
        """, interpreter)
        XCTAssertEqual(report.results.map(\.status), [.passed, .passed, .passed, .passed, .passed])
        XCTAssertEqual(interpreter.log.map(\.session), [1, 1, 2, 2, 2])
    }

    func testScriptNamesStayVisible() {
        let report = run("```heap\nz = 5\nprint(\"hi\")\n```\n\n```output\nhi\n```\n\n```heap\n>>> z\n5\n```\n")
        XCTAssertEqual(report.results.map(\.status), [.passed, .passed])
    }

    func testFailureRecordsWhatWasPrinted() {
        let report = run("```heap\n>>> print(\"a\\nb\")\na\nc\n```\n")
        XCTAssertEqual(report.results[0].status, .failed)
        XCTAssertEqual(report.results[0].got, "a\nb\n")
    }

    func testSkipIsNotRun() {
        let interpreter = FakeInterpreter()
        let report = run("```heap\n>>> q = 1  # heap: +SKIP\n>>> q\n1\n```\n", interpreter)
        XCTAssertEqual(report.results.map(\.status), [.skipped, .failed])
        XCTAssertEqual(interpreter.log.map(\.source), ["q\n"])
    }

    func testEngineAndOtherDirectivesAreCompared() {
        let report = run("""
        ```heap
        >>> print("<x at 0x10>")  # heap: +ENGINE, +ELLIPSIS
        <x at 0x...>
        >>> print("a   b")  # heap: +NORMALIZE_WHITESPACE
        a b
        ```
        """)
        XCTAssertEqual(report.results.map(\.status), [.passed, .passed])
        XCTAssertTrue(report.results[0].example.directives.contains(.engine))
    }

    func testUnsupportedConstructIsAFailureNamingIt() {
        let report = run("# T\n\n```heap\n>>> f = lambda: 1\n```\n")
        XCTAssertEqual(report.results[0].status,
                       .unsupported("chapters/01-test.md:4: 'lambda' is not in heapbook's Python subset"))
        XCTAssertTrue(report.results[0].isFailure)
    }

    func testProfilePerBlock() {
        let interpreter = FakeInterpreter()
        _ = run("```heap python=3.11\n>>> a = 1\n```\n", interpreter)
        XCTAssertEqual(interpreter.log.map(\.profile), ["3.11"])
    }

    func testUnusableChapterIsNotRun() {
        let interpreter = FakeInterpreter()
        let report = run("```heap\n>>> a = 1\n```\n\n```heap nope\n>>> b\n```\n", interpreter)
        XCTAssertEqual(report.results.count, 0)
        XCTAssertEqual(report.diagnostics.count, 1)
        XCTAssertTrue(interpreter.log.isEmpty)
    }
}
