import Foundation
import XCTest
@testable import Workbook

/// Loading: CR and CRLF chapters read as LF with the same line numbers; directories
/// without chapters are unusable input.
final class ChapterLoaderTests: XCTestCase {
    static let lf = "# T\n\n## S\n\ntext\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```heap\n>>> a = 1\n>>> a\n2\n```\n"

    func testSourceTextEndsLinesAtLFCRLFAndCR() {
        let source = SourceText("a\rb\r\nc\n\rd")
        XCTAssertEqual(source.lines.map(\.terminator), [[13], [13, 10], [10], [13], []])
        XCTAssertEqual((1...5).map(source.text(ofLine:)), ["a", "b", "c", "", "d"])
        XCTAssertEqual(source.text, "a\nb\nc\n\nd")
        XCTAssertEqual(SourceText("a\rb\rc\n").preferredTerminator, [13])
        XCTAssertEqual(SourceText("a\rb\r\nc\n").preferredTerminator, [10], "a tie is LF")
    }

    func testCRAndCRLFChaptersReadAsLFWithTheSameLines() {
        let reference = chapter(Self.lf)
        let referenceReport = fakeWorkbook().test(reference)
        XCTAssertEqual(referenceReport.results.map(\.status), [.passed, .failed])
        for ending in ["\r\n", "\r"] {
            let loaded = chapter(Self.lf.replacingOccurrences(of: "\n", with: ending))
            XCTAssertEqual(loaded.text, Self.lf)
            XCTAssertEqual(loaded.document, reference.document)
            let report = fakeWorkbook().test(loaded)
            XCTAssertEqual(report.results.map(\.example), referenceReport.results.map(\.example))
            XCTAssertEqual(report.results.map(\.status), referenceReport.results.map(\.status))
            XCTAssertEqual(report.results.last?.example.location.line, 13)
        }
    }

    func testBlessWritesCRIntoACRChapter() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("01-cr.md")
        try Data(Self.lf.replacingOccurrences(of: "\n", with: "\r").utf8).write(to: file)
        let workbook = fakeWorkbook()
        XCTAssertEqual(workbook.bless(workbook.test([directory.path])).blessed.count, 1)
        let fixed = Self.lf.replacingOccurrences(of: ">>> a\n2\n", with: ">>> a\n1\n")
        XCTAssertEqual(String(decoding: try Data(contentsOf: file), as: UTF8.self), fixed.replacingOccurrences(of: "\n", with: "\r"))
        XCTAssertEqual(workbook.test([directory.path]).exitCode, 0)
    }

    func testADirectoryWithoutChaptersIsUnusable() throws {
        let directory = try temporaryDirectory(self)
        for name in ["notes.md", "README.md", "1st.txt"] {
            try Data("# N\n\n```heap\n>>> print(1)\n1\n```\n".utf8).write(to: directory.appendingPathComponent(name))
        }
        let report = fakeWorkbook().test([directory.path])
        XCTAssertEqual(report.allDiagnostics.map(\.description),
                       ["\(directory.path): error: no chapters (index.md or NN-*.md files) found"])
        XCTAssertEqual(report.exitCode, 2)
        // A file named explicitly is still loaded whatever its name.
        XCTAssertEqual(fakeWorkbook().test([directory.appendingPathComponent("notes.md").path]).summary, "1 passed, 0 failed")
        XCTAssertEqual(fakeWorkbook().test([directory.appendingPathComponent("missing").path]).exitCode, 2)
    }
}
