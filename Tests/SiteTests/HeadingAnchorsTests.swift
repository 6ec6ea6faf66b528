import XCTest
@testable import Site
import Workbook

final class HeadingAnchorsTests: XCTestCase {
    func testSlugs() {
        XCTAssertEqual(HeadingAnchors.slug("Reference counts & `sys.getrefcount`"), "reference-counts-sysgetrefcount")
        XCTAssertEqual(HeadingAnchors.slug("  Arenas -- pools  "), "arenas-pools")
        XCTAssertEqual(HeadingAnchors.slug("Größe"), "größe")
        XCTAssertEqual(HeadingAnchors.slug("!!!"), "section")
    }

    func testIdsAreUnique() {
        let headings = ["A", "A", "A-1", "Content", ""].map { Heading(level: 2, text: $0, line: 1) }
        XCTAssertEqual(HeadingAnchors.ids(for: headings), ["a", "a-1", "a-1-1", "content-1", "section"])
    }
}

final class PythonTokenizerTests: XCTestCase {
    func testTokensCoverTheSourceExactly() {
        let source = "def f(x=1.5e-3):\n    return b'\\x00' + f\"{x}\"  # done\ns = '''a\nb'''\n"
        let tokens = PythonTokenizer().tokens(source)
        XCTAssertEqual(tokens.map(\.text).joined(), source)
        XCTAssertEqual(tokens.first, SyntaxToken(.keyword, "def"))
        XCTAssertTrue(tokens.contains(SyntaxToken(.number, "1.5e-3")))
        XCTAssertTrue(tokens.contains(SyntaxToken(.string, "b'\\x00'")))
        XCTAssertTrue(tokens.contains(SyntaxToken(.comment, "# done")))
        XCTAssertTrue(tokens.contains(SyntaxToken(.string, "'''a\nb'''")))
    }
}

final class HeapScriptTokenizerTests: XCTestCase {
    func testUsesTheInterpreterLexer() {
        let source = "for i in range(3):\n    x = 'a'  # c\n"
        let tokens = HeapScriptTokenizer().tokens(source)
        XCTAssertEqual(tokens.map(\.text).joined(), source)
        XCTAssertEqual(tokens.first, SyntaxToken(.keyword, "for"))
        XCTAssertTrue(tokens.contains(SyntaxToken(.builtin, "range")))
        XCTAssertTrue(tokens.contains(SyntaxToken(.string, "'a'")))
        XCTAssertTrue(tokens.contains(SyntaxToken(.comment, "# c")))
        XCTAssertTrue(tokens.contains(SyntaxToken(nil, "x")))
    }
}
