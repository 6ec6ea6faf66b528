import HeapScript
import XCTest
@testable import Workbook

/// `diagram=WORD`: a word that is no kind of picture must name something bound in
/// `__main__` after the block; otherwise the block is unusable input (exit 2), reported
/// like the other unusable input, at the fence line with a caret under the word.
final class UnknownDiagramTests: XCTestCase {
    func testUnknownDiagramNamesAreUnusableInput() throws {
        let book = try fixture("unknown-diagram", self)
        let file = book.appendingPathComponent("01-unknown-diagram.md")
        let before = try Data(contentsOf: file)
        let workbook = Workbook()  // the real interpreter: only it knows what a block binds
        let report = workbook.test([book.path])
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(report.failed, 0)
        let path = report.chapters[0].chapter.path
        XCTAssertEqual(report.allDiagnostics.map(\.description), [
            """
            \(path):7: error: unknown diagram 'nosuchname' (known: 'arenas', 'gc', 'objects' or a name bound in __main__ after the block ('x', 'y'))
                ```heap diagram=nosuchname
                                ^~~~~~~~~~
            """,
            """
            \(path):11: error: unknown diagram 'nosuchtoo' (known: 'arenas', 'gc', 'objects' or a name bound in __main__ after the block ('x'))
                ```heap diagram=gc,x,nosuchtoo
                                     ^~~~~~~~~
            """,
        ])
        // Unusable input is never blessed.
        XCTAssertEqual(workbook.bless(report).blessed.count, 0)
        XCTAssertEqual(try Data(contentsOf: file), before)
    }

    func testBoundNamesAndKindsAreKnown() {
        let report = Workbook().test(chapter("""
        ```heap diagram=a,objects
        >>> a = (1, 2)
        ```

        ```heap diagram=arenas
        >>> b = [a]
        ```
        """))
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertEqual(report.results.compactMap(\.diagram?.unknownNames), [[], []])
    }
}
