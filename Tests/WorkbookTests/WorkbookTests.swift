import XCTest
@testable import Workbook

final class WorkbookTests: XCTestCase {
    func testFixtureBookPassesInFileOrder() throws {
        let book = try fixture("basic", self)
        let report = fakeWorkbook().test([book.path + "/"])
        XCTAssertEqual(report.chapters.map(\.chapter.slug), ["01-names", "02-fresh"])
        XCTAssertEqual(report.chapters.map(\.chapter.title), ["Names and values", "A fresh session"])
        XCTAssertEqual(report.chapters[0].results.map(\.example.location.description),
                       ["\(book.path)/01-names.md:6", "\(book.path)/01-names.md:7",
                        "\(book.path)/01-names.md:14", "\(book.path)/01-names.md:16"])
        XCTAssertEqual(report.summary, "7 passed, 0 failed")
        XCTAssertEqual(report.exitCode, 0)
    }

    func testVersionsFixtureRunsEveryListedVersion() throws {
        // Real interpreter; no oracle cache beside the fixture, so the other versions'
        // runs are counted as not confirmed (never as passed by CPython).
        let book = try fixture("versions", self)
        let report = Workbook().test([book.path])
        XCTAssertEqual(report.exitCode, 0, report.text)
        XCTAssertEqual(report.summary, "4 passed, 0 failed, 7 not confirmed")
        // Measured with CPython 3.11.7 / 3.12.1 / 3.13.0: sys.getsizeof('') is 49 / 41 / 41.
        XCTAssertEqual(report.results[1].got, "49\n")
        XCTAssertEqual(report.results[1].otherVersions.map(\.got), ["41\n", "41\n"])
        // The script block's primary is its python=3.12; 3.11 prints 50 for sys.getsizeof('a').
        XCTAssertEqual(report.results[3].profile, "3.12")
        XCTAssertEqual(report.results[3].otherVersions.map(\.profile), ["3.11"])
        XCTAssertEqual(report.results[3].otherVersions[0].got, "50\n")
    }
}
