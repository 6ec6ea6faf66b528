import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Workbook

final class TestReportTests: XCTestCase {
    func failingReport() -> TestReport {
        let markdown = """
        # T

        ```heap
        >>> a = 1
        >>> a
        2
        >>> print("x & <y>")
        x & <y>
        >>> s = 1  # heap: +SKIP
        >>> b
        ```
        """
        return TestReport(chapters: [fakeWorkbook().test(chapter(markdown))])
    }

    func testFailureTextAndSummary() {
        let report = failingReport()
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertEqual(report.text, """
        chapters/01-test.md:5: example failed
        Expected:
            2
        Got:
            1
        chapters/01-test.md:10: example failed
        Expected nothing
        Got:
            Traceback (most recent call last):
              File "<stdin>", line 1, in <module>
            NameError: name 'b' is not defined
        2 passed, 2 failed, 1 skipped

        """)
    }

    func testSummaryOmitsSkippedWhenNone() {
        let report = TestReport(chapters: [fakeWorkbook().test(chapter("```heap\n>>> a = 1\n```\n"))])
        XCTAssertEqual(report.summary, "1 passed, 0 failed")
        XCTAssertEqual(report.exitCode, 0)
    }

    func testUnusableInputExitsTwo() {
        let report = fakeWorkbook().test(["/nonexistent/heapbook"])
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(report.allDiagnostics.map(\.description), ["/nonexistent/heapbook: error: no such file or directory"])
    }

    func testGitHubAnnotations() {
        let lines = failingReport().githubText.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("::error file=chapters/01-test.md,line=5::chapters/01-test.md:5: example failed%0AExpected:%0A"))
        XCTAssertEqual(lines[2], "2 passed, 2 failed, 1 skipped")
    }

    func testJUnitIsWellFormedWithOneSuitePerChapter() throws {
        var report = failingReport()
        report.chapters.append(fakeWorkbook().test(chapter("```heap bad\n>>> a\n```\n", path: "chapters/02-bad.md")))
        let xml = report.junitXML
        let collector = JUnitCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        XCTAssertEqual(collector.suites, ["chapters/01-test.md", "chapters/02-bad.md"])
        XCTAssertEqual(collector.cases, ["chapters/01-test.md:4", "chapters/01-test.md:5", "chapters/01-test.md:7",
                                         "chapters/01-test.md:9", "chapters/01-test.md:10", "chapters/02-bad.md:1"])
        XCTAssertEqual(collector.elements["failure"], 2)
        XCTAssertEqual(collector.elements["skipped"], 1)
        XCTAssertEqual(collector.elements["error"], 1)
        XCTAssertEqual(collector.rootAttributes["tests"], "6")
    }
}

final class JUnitCollector: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var cases: [String] = []
    var elements: [String: Int] = [:]
    var rootAttributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if name == "testsuites" { rootAttributes = attributes }
        if name == "testsuite" { suites.append(attributes["name"] ?? "") }
        if name == "testcase" { cases.append(attributes["name"] ?? "") }
    }
}
