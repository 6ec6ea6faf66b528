import HeapEngine
import XCTest
@testable import Workbook

final class ExampleExtractorTests: XCTestCase {
    let extractor = ExampleExtractor(interpreter: FakeInterpreter())

    func testTranscriptSplitsIntoExamples() {
        let out = extractor.extract(chapter("""
        # T

        ```heap
        >>> for i in range(2):
        ...     print(i)
        ...
        0
        <BLANKLINE>
        1

        >>> x = 1
        >>>
        ```
        """))
        XCTAssertEqual(out.diagnostics, [])
        let examples = out.examples
        XCTAssertEqual(examples.count, 3)
        XCTAssertEqual(examples[0].source, "for i in range(2):\n    print(i)\n\n")
        XCTAssertEqual(examples[0].location.description, "chapters/01-test.md:4")
        XCTAssertEqual(examples[0].expected.lines, ["0", "<BLANKLINE>", "1"])
        XCTAssertEqual(examples[0].expected.text, "0\n\n1")
        XCTAssertEqual(examples[0].expected.firstLine, 7)
        XCTAssertEqual(examples[1].source, "x = 1\n")
        XCTAssertEqual(examples[1].expected.lines, [])
        XCTAssertEqual(examples[1].expected.firstLine, 12)
        XCTAssertEqual(examples[2].source, "\n")
        XCTAssertEqual(examples.map(\.mode), [.interactive, .interactive, .interactive])
    }

    func testScriptBlockWithOutputBlock() {
        let out = extractor.extract(chapter("```heap\nimport sys\nprint(1)\n```\n\n```output\n1\n```\n"))
        XCTAssertEqual(out.diagnostics, [])
        XCTAssertEqual(out.blocks[0].form, .script)
        XCTAssertEqual(out.examples.count, 1)
        XCTAssertEqual(out.examples[0].mode, .module)
        XCTAssertEqual(out.examples[0].source, "import sys\nprint(1)\n")
        XCTAssertEqual(out.examples[0].expected, ExpectedOutput(lines: ["1"], firstLine: 7, placement: .outputBlock))
        XCTAssertEqual(out.blocks[0].outputBlock?.ordinal, 1)
    }

    func testScriptWithoutOutputBlockExpectsNothing() {
        let out = extractor.extract(chapter("```heap\nx = 1\n```\n"))
        XCTAssertEqual(out.examples[0].expected.lines, [])
        XCTAssertEqual(out.examples[0].expected.placement, .missingOutputBlock(closingLine: 3))
    }

    func testOptions() {
        let out = extractor.extract(chapter("""
        ```heap fresh python=3.11 diagram
        >>> a = 1
        >>> b = 2
        ```

        ```heap diagram=objects,arena versions=3.11,3.12
        >>> c = 3
        ```
        """))
        XCTAssertEqual(out.diagnostics, [])
        XCTAssertTrue(out.blocks[0].options.fresh)
        XCTAssertEqual(out.blocks[0].options.python, "3.11")
        XCTAssertEqual(out.blocks[0].options.diagram, [])
        XCTAssertEqual(out.blocks[1].options.diagram, ["objects", "arena"])
        XCTAssertEqual(out.blocks[1].options.versions, ["3.11", "3.12"])
        XCTAssertEqual(out.examples.map(\.startsFreshSession), [true, false, false])
        XCTAssertEqual(out.examples.map(\.python), ["3.11", "3.11", nil])
        XCTAssertEqual(out.examples.map(\.blockIndex), [0, 0, 1])
    }

    func testDirectives() {
        let out = extractor.extract(chapter("""
        ```heap
        >>> a  # heap: +ELLIPSIS
        >>> b  # heap: +SKIP
        >>> c  # heap: +ENGINE
        >>> d  # heap: +NORMALIZE_WHITESPACE
        >>> e  # heap: +ELLIPSIS, +NORMALIZE_WHITESPACE
        >>> f  # heap: +ELLIPSIS +SKIP -SKIP
        >>> if e:  # heap: +SKIP
        ...     g  # heap: +ENGINE
        ```
        """))
        XCTAssertEqual(out.diagnostics, [])
        XCTAssertEqual(out.examples.map(\.directives), [
            .ellipsis, .skip, .engine, .normalizeWhitespace, [.ellipsis, .normalizeWhitespace], .ellipsis,
            [.skip, .engine],
        ])
    }

    func testOtherFencesAreIgnored() {
        let out = extractor.extract(chapter("```python\n>>> 1\n```\n\n```heapq\n>>> 2\n```\n\n    >>> 3\n"))
        XCTAssertEqual(out.blocks.count, 0)
        XCTAssertEqual(out.diagnostics, [])
    }

    func testBlocksInListsAndBlockquotesKeepSourceLines() {
        let out = extractor.extract(chapter("- item\n\n  ```heap\n  >>> a\n  1\n  ```\n\n> ```heap\n> >>> b\n> 2\n> ```\n"))
        XCTAssertEqual(out.examples.map(\.location.line), [4, 9])
        XCTAssertEqual(out.examples.map(\.expected.firstLine), [5, 10])
        XCTAssertEqual(out.examples.map(\.expected.prefix), ["  ", "> "])
    }

    // MARK: - Unusable input

    func diagnostics(_ markdown: String) -> [String] {
        extractor.extract(chapter(markdown)).diagnostics.map(\.description)
    }

    func testUnknownOption() {
        XCTAssertEqual(diagnostics("# T\n\n```heap fressh\n>>> a\n```\n"), ["""
        chapters/01-test.md:3: error: unknown heap option 'fressh'
            ```heap fressh
                    ^~~~~~
        """])
    }

    func testUnknownPythonVersion() {
        XCTAssertEqual(diagnostics("```heap python=3.7\n>>> a\n```\n"), ["""
        chapters/01-test.md:1: error: Unknown Python version '3.7'. Please provide one of '3.6', '3.8', '3.11', '3.12' or '3.13'.
            ```heap python=3.7
                    ^~~~~~~~~~
        """])
    }

    // MARK: - versions=

    /// "'3.11', '3.12' or '3.13'": the known profiles, whichever they are.
    var knownVersions: String { ExampleExtractor.quotedList(Profile.all.map(\.version)) }

    func testVersionsOptionIsCarriedByEveryExample() {
        let out = extractor.extract(chapter("```heap versions=3.12,3.11 python=3.12\n>>> a = 1\n>>> b = 2\n```\n"))
        XCTAssertEqual(out.diagnostics, [])
        XCTAssertEqual(out.blocks[0].options.versions, ["3.12", "3.11"])
        XCTAssertEqual(out.examples.map(\.versions), [["3.12", "3.11"], ["3.12", "3.11"]])
        XCTAssertEqual(ProfilePlan().profiles(of: out.examples[0]), ["3.12", "3.11"], "primary first")
    }

    func testUnknownVersionInVersions() {
        // 3.7 is not a profile (nor planned: 3.6, 3.8, 3.11, 3.12 and 3.13 are).
        XCTAssertEqual(diagnostics("```heap versions=3.11,3.7\n>>> a\n```\n"), ["""
        chapters/01-test.md:1: error: Unknown Python version '3.7'. Please provide one of \(knownVersions).
            ```heap versions=3.11,3.7
                                  ^~~
        """])
    }

    func testDuplicateVersion() {
        XCTAssertEqual(diagnostics("```heap versions=3.11,3.12,3.11\n>>> a\n```\n"), ["""
        chapters/01-test.md:1: error: version 3.11 is listed twice in 'versions=3.11,3.12,3.11'
            ```heap versions=3.11,3.12,3.11
                                       ^~~~
        """])
    }

    func testPrimaryVersionMustBeListed() {
        // The default profile (3.11) is the primary of a block without python=.
        XCTAssertEqual(diagnostics("```heap versions=3.12,3.13\n>>> a\n```\n"), ["""
        chapters/01-test.md:1: error: versions= must list 3.11, the block's primary version: the default profile (--python); list it, or choose another with python=
            ```heap versions=3.12,3.13
                    ^~~~~~~~~~~~~~~~~~
        """])
        XCTAssertEqual(diagnostics("```heap python=3.13 versions=3.11,3.12\n>>> a\n```\n").first?.components(separatedBy: "\n").first,
                       "chapters/01-test.md:1: error: versions= must list 3.13, the block's primary version: its python=; list it, or change python=")
        // The run's default profile (--python 3.12) decides for blocks without python=.
        let for312 = ExampleExtractor(interpreter: FakeInterpreter(), defaultProfile: "3.12")
        XCTAssertEqual(for312.extract(chapter("```heap versions=3.12,3.13\n>>> a\n```\n")).diagnostics, [])
        XCTAssertEqual(for312.extract(chapter("```heap versions=3.11,3.13\n>>> a\n```\n")).diagnostics.count, 1)
    }

    func testEmptyVersionInVersions() {
        XCTAssertEqual(diagnostics("```heap versions=3.11,,3.12\n>>> a\n```\n").first?.components(separatedBy: "\n").first,
                       "chapters/01-test.md:1: error: empty version in 'versions=3.11,,3.12'")
    }

    func testUnclosedFenceAtEndOfFile() {
        XCTAssertEqual(diagnostics("# T\n\n```heap\n>>> a = 1\n"), ["""
        chapters/01-test.md:3: error: heap fence is never closed
            ```heap
            ^~~
        """])
    }

    func testContinuationWithoutPrompt() {
        XCTAssertEqual(diagnostics("```heap\n... a\n>>> b\n```\n"), ["""
        chapters/01-test.md:2: error: '...' line with no '>>>' before it
            ... a
            ^~~
        """])
        XCTAssertEqual(diagnostics("```heap\n... a\n```\n").first?.components(separatedBy: "\n").first,
                       "chapters/01-test.md:2: error: '...' line with no '>>>' before it")
    }

    func testIncompleteStatement() {
        XCTAssertEqual(diagnostics("> ```heap\n> >>> a = (\n> ```\n"), ["""
        chapters/01-test.md:2: error: statement is incomplete at the end of the example
            > >>> a = (
                       ^
        """])
    }

    func testOutputBlockNotAfterScript() {
        let transcript = diagnostics("```heap\n>>> a\n```\n\n```output\n1\n```\n")
        XCTAssertEqual(transcript.first?.components(separatedBy: "\n").first,
                       "chapters/01-test.md:5: error: an 'output' block must directly follow a script-form heap block")
        let separated = diagnostics("```heap\na\n```\n\ntext\n\n```output\n1\n```\n")
        XCTAssertEqual(separated.first?.components(separatedBy: "\n").first,
                       "chapters/01-test.md:7: error: an 'output' block must directly follow a script-form heap block")
        let twice = diagnostics("```heap\na\n```\n\n```output\n```\n\n```output\n```\n")
        XCTAssertEqual(twice.count, 1)
    }

    func testUnknownDirective() {
        XCTAssertEqual(diagnostics("```heap\n>>> a  # heap: +ELIPSIS\n```\n").first?.components(separatedBy: "\n").first,
                       "chapters/01-test.md:2: error: unknown directive '+ELIPSIS' (known: '+ELLIPSIS', '+ENGINE', '+NORMALIZE_WHITESPACE' or '+SKIP')")
    }

    func testTextBeforeFirstPrompt() {
        XCTAssertEqual(diagnostics("```heap\noops\n>>> a\n```\n").first?.components(separatedBy: "\n").first,
                       "chapters/01-test.md:2: error: expected output before the first '>>>' of a transcript")
    }
}
