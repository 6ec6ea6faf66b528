import Foundation
import XCTest
@testable import Site
import Workbook

/// `serve`'s incremental builds: only changed chapters run again, and the site written is
/// byte for byte the one a full build writes.
final class ChapterReportMemoTests: XCTestCase {
    func files(in directory: URL) throws -> [String: Data] {
        let fm = FileManager.default
        var result: [String: Data] = [:]
        let enumerator = try XCTUnwrap(fm.enumerator(atPath: directory.path))
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: directory.appendingPathComponent(path))
            }
        }
        return result
    }

    func testRerunsOnlyChangedChaptersAndWritesWhatAFullBuildWrites() throws {
        let chapters = try book(sampleBook)
        let work = try book([:])
        let site = try builder().builder
        let memo = ChapterReportMemo()
        let out = work.appendingPathComponent("incremental").path

        _ = try site.build(chaptersIn: chapters.path, to: out, memo: memo)
        XCTAssertEqual([memo.ran, memo.reused], [4, 0])
        _ = try site.build(chaptersIn: chapters.path, to: out, memo: memo)
        XCTAssertEqual([memo.ran, memo.reused], [0, 4])

        try Data("# Second, edited\n\n```heap\n>>> print(\"edited\")\nedited\n```\n".utf8)
            .write(to: chapters.appendingPathComponent("02-second.md"))
        let incremental = try site.build(chaptersIn: chapters.path, to: out, memo: memo)
        XCTAssertEqual([memo.ran, memo.reused], [1, 3])
        XCTAssertNotNil(incremental.files)

        let full = work.appendingPathComponent("full").path
        _ = try site.build(chaptersIn: chapters.path, to: full)
        XCTAssertEqual(try files(in: URL(fileURLWithPath: out)), try files(in: URL(fileURLWithPath: full)))

        // A failing edit is reported like a full build's, and nothing is written.
        try Data("# Second\n\n```heap\n>>> print(\"x\")\ny\n```\n".utf8).write(to: chapters.appendingPathComponent("02-second.md"))
        let failing = try site.build(chaptersIn: chapters.path, to: out, memo: memo)
        XCTAssertNil(failing.files)
        XCTAssertEqual(failing.report.failed, 1)
        XCTAssertEqual(try files(in: URL(fileURLWithPath: out)), try files(in: URL(fileURLWithPath: full)))

        // A removed chapter leaves the memo.
        try FileManager.default.removeItem(at: chapters.appendingPathComponent("02-second.md"))
        _ = try site.build(chaptersIn: chapters.path, to: out, memo: memo)
        XCTAssertEqual([memo.ran, memo.reused], [0, 3])
        // The kept bodies and print parts follow: links to the removed page are no longer
        // anchors of print.html, the search index lost its headings.
        let fullAgain = work.appendingPathComponent("full-again").path
        _ = try site.build(chaptersIn: chapters.path, to: fullAgain)
        XCTAssertEqual(try files(in: URL(fileURLWithPath: out)), try files(in: URL(fileURLWithPath: fullAgain)))
    }
}
