import Foundation
import XCTest
@testable import Workbook

final class BlesserTests: XCTestCase {
    func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    func testBlessRewritesOnlyDifferingOutputsAndRetestPasses() throws {
        let book = try fixture("bless", self)
        let file = book.appendingPathComponent("01-bless.md")
        let before = String(decoding: try read(file), as: UTF8.self)
        let workbook = fakeWorkbook()

        let report = workbook.test([book.path])
        XCTAssertEqual(report.summary, "3 passed, 6 failed")
        XCTAssertEqual(report.exitCode, 1)
        let blessed = workbook.bless(report)
        XCTAssertEqual(blessed.blessed.count, 6)
        XCTAssertEqual(blessed.diagnostics, [])

        let after = String(decoding: try read(file), as: UTF8.self)
        XCTAssertEqual(after, before
            .replacingOccurrences(of: ">>> a\n2\n>>> print(\"new\")\n", with: ">>> a\n1\n>>> print(\"new\")\nnew\n")
            .replacingOccurrences(of: "  >>> b\n  6\n  7\n", with: "  >>> b\n  5\n")
            .replacingOccurrences(of: "> >>> c\n> 4\n", with: "> >>> c\n> 3\n")
            .replacingOccurrences(of: "```output\nold\n```", with: "```output\nscript\n```")
            .replacingOccurrences(of: "print(\"no output block\")\n```\n",
                                  with: "print(\"no output block\")\n```\n```output\nno output block\n```\n"))
        XCTAssertEqual(workbook.test([book.path]).summary, "9 passed, 0 failed")
        // No temporary files are left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: book.path), ["01-bless.md"])
    }

    func testBlessKeepsCRLFAndMissingFinalNewline() throws {
        let book = try fixture("crlf", self)
        let file = book.appendingPathComponent("01-crlf.md")
        let workbook = fakeWorkbook()
        let report = workbook.test([book.path])
        XCTAssertEqual(report.failed, 1)
        _ = workbook.bless(report)
        XCTAssertEqual(String(decoding: try read(file), as: UTF8.self),
                       "# CRLF\r\n\r\n```heap\r\n>>> d = 9\r\n>>> d\r\n9\r\n```\r\n\r\nNo final newline.")
        XCTAssertEqual(workbook.test([book.path]).exitCode, 0)
    }

    func testBlessRefusesAFileWithUnusableBlocks() throws {
        let book = try fixture("unusable", self)
        let file = book.appendingPathComponent("01-unusable.md")
        let before = try read(file)
        let workbook = fakeWorkbook()
        let report = workbook.test([book.path])
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(workbook.bless(report).blessed.count, 0)
        XCTAssertEqual(try read(file), before)
    }

    func testMissingOutputBlockAtEndOfFileWithoutNewline() {
        let source = SourceText("```heap\nprint(\"x\")\n```")
        let chapter = ChapterLoader().chapter(path: "t.md", bytes: source.bytes)
        let report = fakeWorkbook().test(chapter)
        let output = Blesser().bless(source, results: report.results)
        XCTAssertEqual(String(decoding: output.bytes, as: UTF8.self), "```heap\nprint(\"x\")\n```\n```output\nx\n```\n")
    }

    func testEmptyLinesAreWrittenAsBlankline() {
        XCTAssertEqual(Blesser.outputLines("a\n\nb  \n"), ["a", "<BLANKLINE>", "b"])
        XCTAssertEqual(Blesser.outputLines(""), [])
    }
}
