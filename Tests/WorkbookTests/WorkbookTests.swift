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
}
