import XCTest
@testable import HeapScript

/// Chunk boundaries checked against `python3.11 -q -i < file` (CPython 3.11.7): which lines each
/// statement consumed, and where the REPL printed a SyntaxError and resumed.
final class InteractiveInputTests: XCTestCase {
    func chunks(_ text: String) -> [String] {
        var input = InteractiveInput(text)
        var out: [String] = []
        while let c = input.next() {
            var s = "\(c.firstLine)+\(c.lineCount)"
            if let e = c.error { s += " \(e.message) @\(e.line):\(e.offset)" }
            out.append(s)
        }
        return out
    }

    /// The prompts of all the input, as `python3.11 -q -i < file` writes them to stderr
    /// (tracebacks left out): one per line read, then the one at which it reads the end.
    /// `commentLinesContinue`: 3.6's reading (`Profile.interactiveCommentLinesContinue`).
    func prompts(_ text: String, commentLinesContinue: Bool = false) -> String {
        var input = InteractiveInput(text, commentLinesContinue: commentLinesContinue)
        var out = ""
        while input.next() != nil { out += input.takePrompts() }
        return out + input.takePrompts() + (input.endedInContinuation ? "" : ">>> \n")
    }

    func testPromptsPerLineRead() {
        // CPython 3.11.7's stderr for each input, its SyntaxError's lines removed.
        XCTAssertEqual(prompts("if 1:\n  print(1)\n# c\n  print(11)\n\nprint(2)\n"), ">>> ... ... ... ... >>> >>> \n")
        XCTAssertEqual(prompts("\n\n# c\n  \nx=(\n\n1)\nx\n"), ">>> >>> >>> >>> >>> ... ... >>> >>> \n")
        XCTAssertEqual(prompts("if 1:\n  print(1)\nprint(2)\nprint(3)\n"), ">>> ... ... >>> >>> \n")
        XCTAssertEqual(prompts("def f():\n    return 1\n\n\nx=1\n"), ">>> ... ... >>> >>> >>> \n")
        // The end of input inside a statement: one more `... ` and a line break.
        XCTAssertEqual(prompts("for x in \"ab\":\n    print(x)\n"), ">>> ... ... \n>>> \n")
        XCTAssertEqual(prompts("if 1:\n    pass"), ">>> ... ... \n>>> \n")
        XCTAssertEqual(prompts("x = (1,\n"), ">>> ... \n>>> \n")
        XCTAssertEqual(prompts("x=1"), ">>> ... \n>>> \n")
    }

    /// CPython 3.6.15's tokenizer skips lines of blanks or a comment at the start of a
    /// statement and reads on at `... ` (3.8+ reads each at `>>> `); only an empty line ends
    /// the empty statement, and input ending there stops at that `... `. Its stderr for each:
    func testCommentLinesContinueOn36() {
        func prompts36(_ text: String) -> String { prompts(text, commentLinesContinue: true) }
        XCTAssertEqual(prompts36("# c\nx = 1\nx\n"), ">>> ... >>> >>> \n")
        XCTAssertEqual(prompts36("# c\n\nx = 1\n"), ">>> ... >>> >>> \n")
        XCTAssertEqual(prompts36("# a\n# b\nx = 1\n"), ">>> ... ... >>> \n")
        XCTAssertEqual(prompts36("# c\n   \nx=1\n"), ">>> ... ... >>> \n")
        XCTAssertEqual(prompts36("x=1\n# c\n"), ">>> >>> ... \n")
        XCTAssertEqual(prompts36("# c\ndef f():\n    return 1\n\nf()\n"), ">>> ... ... ... >>> >>> \n")
        // The skipped lines keep their numbers: `# c` then `1/0` fails on line 2.
        var input = InteractiveInput("# c\n1/0\n", commentLinesContinue: true)
        let chunk = input.next()
        XCTAssertEqual(chunk?.firstLine, 1)
        XCTAssertEqual(try Parser.parseInteractive(chunk?.source ?? "").first?.span.line, 2)
    }

    func testSimpleStatementsEndAtNewline() {
        XCTAssertEqual(chunks("x = 1\ny = 2\n"), ["1+1", "2+1"])
        XCTAssertEqual(chunks("print(1); print(2)\nif 1: print(3)\n\nprint(4)\n"), ["1+1", "2+2", "4+1"])
    }

    func testCompoundStatementEndsAtEmptyLine() {
        XCTAssertEqual(chunks("if 1:\n  print(1)\nelse:\n  pass\n\nprint(2)\n"), ["1+5", "6+1"])
        XCTAssertEqual(chunks("for i in range(2):\n  print(i)\n\n\n\nprint(9)\n"), ["1+3", "6+1"])
        XCTAssertEqual(chunks("def f():\n  return 1/0\n\nf()\n"), ["1+3", "4+1"])
    }

    func testBlankAndCommentLinesInsideCompoundDoNotEndIt() {
        XCTAssertEqual(chunks("if 1:\n  print(1)\n  \n  print(11)\n\nprint(2)\n"), ["1+5", "6+1"])
        XCTAssertEqual(chunks("if 1:\n  print(1)\n# c\n  print(11)\n\nprint(2)\n"), ["1+5", "6+1"])
    }

    func testDedentWithoutBlankLineIsASyntaxError() {
        XCTAssertEqual(chunks("if 1:\n  print(1)\nprint(2)\nprint(3)\n"), ["1+3 invalid syntax @3:1", "4+1"])
    }

    func testBlankLinesAndBracketsAndContinuations() {
        XCTAssertEqual(chunks("\n\n# c\n  \nx=(\n\n1)\nx\n"), ["5+3", "8+1"])
        XCTAssertEqual(chunks("x = \"\"\"a\nb\"\"\"\nx\n"), ["1+2", "3+1"])
        XCTAssertEqual(chunks("x = 1 \\\n + 2\nx\n"), ["1+2", "3+1"])
    }

    func testEndOfInput() {
        XCTAssertEqual(chunks("if 1:\n  print(1)"), ["1+2"])
        XCTAssertEqual(chunks("x = (1,\n"), ["1+1 '(' was never closed @1:5"])
        XCTAssertEqual(chunks("if 1:\n"), ["1+1 expected an indented block after 'if' statement on line 1 @1:6"])
    }

    func testErrorsResumeOnNextLine() {
        XCTAssertEqual(chunks("  x = 1\nprint(9)\n"), ["1+1 unexpected indent @1:2", "2+1"])
        XCTAssertEqual(chunks("x = 1 +\nprint(9)\n"), ["1+1 invalid syntax @1:8", "2+1"])
        XCTAssertEqual(chunks("x = 1 2\ny = 3\n"), ["1+1 invalid syntax @1:7", "2+1"])
    }

    func testCompleteness() {
        XCTAssertEqual(interactiveCompleteness("x = 1\n"), .complete)
        XCTAssertEqual(interactiveCompleteness("x = (1,\n"), .incomplete)
        XCTAssertEqual(interactiveCompleteness("if x:\n  pass\n"), .incomplete)
        XCTAssertEqual(interactiveCompleteness("if x:\n  pass\n\n"), .complete)
        XCTAssertEqual(interactiveCompleteness("x = '''a\n"), .incomplete)
        if case .invalid(let e) = interactiveCompleteness("x = )\n") {
            XCTAssertEqual(e.message, "unmatched ')'")
        } else {
            XCTFail("expected invalid")
        }
    }
}
