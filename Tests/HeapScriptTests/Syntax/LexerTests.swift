import XCTest
@testable import HeapScript

/// Expected positions and messages come from CPython 3.11.7 (`tokenize` and
/// `compile(src, '<stdin>', 'exec')` in a try/except printing msg, lineno, offset).
final class LexerTests: XCTestCase {
    func significant(_ source: String) -> [Token] {
        Lexer.tokens(source).filter { !$0.isTrivia && $0.kind != .endMarker && !($0.kind == .newline && $0.text.isEmpty) }
    }

    func kinds(_ source: String) -> [Token.Kind] { significant(source).map(\.kind) }

    func testRoundTripReproducesSourceExactly() {
        let sources = [
            "x = 1  # comment\n",
            "if x:\n\tpass\n  \n# c\nelse:\n    y = (1,\n   2)\n",
            "s = rb'\\x00' f\"{a!r}\" '''multi\nline'''\r\nt = 1 \\\n  + 2\n",
            "bad = 'unterminated\nx = 1abc $ ? €\n",
            "def f(a, *b, **c) -> None: return a ** -b // c\n",
            "",
            "no newline at end",
            "x = (\n\n1)\n\n\n",
        ]
        for s in sources {
            let text = Lexer.tokens(s).map(\.text).joined()
            XCTAssertEqual(text, s, "round trip of \(s.debugDescription)")
        }
    }

    func testTokenKindsAndPositions() {
        let toks = significant("x = foo(1)\n")
        XCTAssertEqual(toks.map(\.text), ["x", "=", "foo", "(", "1", ")", "\n"])
        XCTAssertEqual(toks.map(\.kind), [.name, .op, .name, .op, .number, .op, .newline])
        XCTAssertEqual(toks[2].column, 4)
        XCTAssertEqual(toks[4].line, 1)
        XCTAssertEqual(significant("if True: pass\n").map(\.kind), [.keyword, .keyword, .op, .keyword, .newline])
        XCTAssertEqual(significant("print len match")[2].kind, .name)
    }

    func testIndentDedent() {
        XCTAssertEqual(kinds("if x:\n    y\nz\n"),
                       [.keyword, .name, .op, .newline, .indent, .name, .newline, .dedent, .name, .newline])
        // Tabs count to the next multiple of 8.
        XCTAssertEqual(kinds("if x:\n\ty\n        z\n").filter { $0 == .indent || $0 == .dedent }, [.indent, .dedent])
    }

    func testImplicitJoiningAndContinuation() {
        XCTAssertEqual(kinds("x = (1,\n  2)\n"), [.name, .op, .op, .number, .op, .number, .op, .newline])
        XCTAssertEqual(kinds("x = 1 + \\\n 2\n"), [.name, .op, .number, .op, .number, .newline])
        let trivia = Lexer.tokens("x = (1,\n2)  # c\n")
        XCTAssertTrue(trivia.contains { $0.kind == .nl })
        XCTAssertTrue(trivia.contains { $0.kind == .comment && $0.text == "# c" })
    }

    func testNumbersAndStrings() {
        XCTAssertEqual(significant("0x_FF 0o17 0b1 1_000 1e3 1. .5 1j 1if").map(\.text),
                       ["0x_FF", "0o17", "0b1", "1_000", "1e3", "1.", ".5", "1j", "1", "if"])
        XCTAssertEqual(significant("rb'a' F\"b\" u'c' Rb'''d'''").map(\.kind), [.string, .string, .string, .string])
        XCTAssertEqual(significant("x = '''a\nb'''\n")[2].endLine, 2)
    }

    func testErrorTokensNeverFail() {
        let toks = Lexer.tokens("x = 1abc\ny = 'open\n")
        XCTAssertTrue(toks.contains { $0.kind == .error })
        XCTAssertEqual(toks.last?.kind, .endMarker)
    }
}
