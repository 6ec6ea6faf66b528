import HeapScript
import XCTest
@testable import Workbook

final class OutputMatcherTests: XCTestCase {
    func expected(_ lines: [String]) -> ExpectedOutput {
        ExpectedOutput(lines: lines, firstLine: 1, placement: .transcript)
    }

    func testLiteralComparisonIgnoresTrailingWhitespaceOnly() {
        let m = OutputMatcher(directives: [])
        XCTAssertTrue(m.matches("a  \nb", "a\nb\t\n"))
        XCTAssertFalse(m.matches("a", " a\n"))
        XCTAssertFalse(m.matches("a\tb", "a       b"))  // no tab expansion
        XCTAssertFalse(m.matches("a...", "abc"))
    }

    func testBlankLine() {
        let m = OutputMatcher(directives: [])
        XCTAssertTrue(m.matches(expected(["a", "<BLANKLINE>", "b"]), ExecutionResult(stdout: "a\n\nb\n")))
        XCTAssertFalse(m.matches(expected(["a", "b"]), ExecutionResult(stdout: "a\n\nb\n")))
    }

    func testEllipsis() {
        let m = OutputMatcher(directives: .ellipsis)
        XCTAssertTrue(m.matches("<object at 0x...>", "<object at 0x7f00aa>"))
        XCTAssertTrue(m.matches("[0, 1, ..., 9]", "[0, 1, 2,\n 3, 4, 5, 6, 7, 8, 9]"))
        XCTAssertTrue(m.matches("...", ""))
        XCTAssertTrue(m.matches("a...b...c", "abc"))
        XCTAssertFalse(m.matches("a...b...c", "acb"))
        XCTAssertFalse(m.matches("aa...aa", "aaa"))
    }

    func testNormalizeWhitespace() {
        let m = OutputMatcher(directives: .normalizeWhitespace)
        XCTAssertTrue(m.matches("[1, 2,\n 3]", "[1,  2, 3]\n"))
        XCTAssertFalse(m.matches("[1,2]", "[1, 2]"))
        let both = OutputMatcher(directives: [.normalizeWhitespace, .ellipsis])
        XCTAssertTrue(both.matches("[1, ...,\n 9]", "[1,   2, 3,  9]"))
    }

    func testTracebackComparesOnlyTheExceptionLine() {
        let m = OutputMatcher(directives: [])
        let error = ExecutionResult(stdout: "before\n",
                                    stderr: "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nKeyError: 'k'\n",
                                    exception: "KeyError: 'k'")
        XCTAssertTrue(m.matches(expected(["before", "Traceback (most recent call last):", "  ...", "KeyError: 'k'"]), error))
        XCTAssertTrue(m.matches(expected(["before", "Traceback (most recent call last):", "...", "KeyError: 'k'"]), error))
        XCTAssertTrue(m.matches(expected(["before", "Traceback (most recent call last):",
                                          "  File \"x.py\", line 9, in f", "KeyError: 'k'"]), error))
        XCTAssertFalse(m.matches(expected(["Traceback (most recent call last):", "KeyError: 'k'"]), error))
        XCTAssertFalse(m.matches(expected(["before", "Traceback (most recent call last):", "KeyError: 'j'"]), error))
        XCTAssertFalse(m.matches(expected(["before", "Traceback (most recent call last):", "KeyError: 'k'"]),
                                 ExecutionResult(stdout: "before\n")))
        let ellipsis = OutputMatcher(directives: .ellipsis)
        XCTAssertTrue(ellipsis.matches(expected(["before", "Traceback (most recent call last):", "KeyError: ..."]), error))
    }

    func testSyntaxErrorWithoutTracebackHeaderComparesStderr() {
        let stderr = "  File \"<stdin>\", line 1\n    a = )\n        ^\nSyntaxError: unmatched ')'\n"
        let result = ExecutionResult(stderr: stderr, exception: "SyntaxError: unmatched ')'")
        XCTAssertTrue(OutputMatcher(directives: []).matches(
            expected(["  File \"<stdin>\", line 1", "    a = )", "        ^", "SyntaxError: unmatched ')'"]), result))
    }
}
