import XCTest
@testable import Workbook

final class CommonMarkConverterTests: XCTestCase {
    func testCodeBlocksCarryLinesInListsAndBlockquotes() {
        let doc = CommonMarkConverter.parse("""
        # Title

        - item

          ```heap fresh
          >>> 1
          1
          ```

        > ```heap
        > >>> 2
        > ```

        ```python
        x
        ```
        """)
        XCTAssertEqual(doc.codeBlocks.map(\.info), ["heap fresh", "heap", "python"])
        XCTAssertEqual(doc.codeBlocks.map(\.startLine), [5, 10, 14])
        XCTAssertEqual(doc.codeBlocks.map(\.endLine), [8, 12, 16])
        XCTAssertEqual(doc.codeBlocks[0].contentLines, [">>> 1", "1"])
        XCTAssertEqual(doc.codeBlocks[0].startColumn, 3)
        XCTAssertEqual(doc.codeBlocks[1].contentLines, [">>> 2"])
        XCTAssertEqual(doc.codeBlocks[2].language, "python")
        XCTAssertEqual(doc.headings, [Heading(level: 1, text: "Title", line: 1)])
    }

    func testPreviousCodeBlockIsOnlySetForDirectSiblings() {
        let doc = CommonMarkConverter.parse("```heap\nx\n```\n\n```output\n```\n\ntext\n\n```output\n```\n")
        XCTAssertEqual(doc.codeBlocks.map(\.previousCodeBlock), [nil, 0, nil])
    }

    func testUnclosedFenceIsDetectedFromSource() {
        let source = "# T\n\n```heap\n>>> a\n"
        let doc = CommonMarkConverter.parse(source)
        XCTAssertFalse(doc.codeBlocks[0].isClosed(in: SourceText(source)))
        let closed = "```heap\n>>> a\n````\n"
        XCTAssertTrue(CommonMarkConverter.parse(closed).codeBlocks[0].isClosed(in: SourceText(closed)))
        let quoted = "> ```heap\n> >>> a\n\nafter\n"
        XCTAssertFalse(CommonMarkConverter.parse(quoted).codeBlocks[0].isClosed(in: SourceText(quoted)))
    }

    func testHTMLIsSafeAndSubstitutesBlocksAndHeadingIDs() {
        let html = CommonMarkConverter.renderHTML(
            "# A <b>B</b>\n\n<script>x</script>\n\n[x](javascript:alert(1))\n\n```heap\n>>> 1\n```\n\n```c\n<&>\n```\n",
            codeBlockHTML: [0: "<div class=\"mine\"></div>"], headingIDs: ["a-b"])
        XCTAssertEqual(html, """
        <h1 id="a-b">A <!-- raw HTML omitted -->B<!-- raw HTML omitted --></h1>
        <!-- raw HTML omitted -->
        <p><a href="">x</a></p>
        <div class="mine"></div>
        <pre><code class="language-c">&lt;&amp;&gt;
        </code></pre>

        """)
    }

    func testSourceTextKeepsEveryByte() {
        let text = SourceText("a\r\nb\nc")
        XCTAssertEqual(text.lineCount, 3)
        XCTAssertEqual(text.lines.map(\.terminator), [[13, 10], [10], []])
        XCTAssertEqual(text.text(ofLine: 1), "a")
        XCTAssertEqual(text.text(ofLine: 3), "c")
        XCTAssertEqual(SourceText("a\r\nb\r\n").preferredTerminator, [13, 10])
    }

    func testPipeTablesRenderAsTables() {
        let html = CommonMarkConverter.renderHTML("""
        Before.

        | claim | `x \\| y` | verdict |
        |:---|---:|:-:|
        | *one* | <b>raw</b> | [ok](a.html#b) |
        | two |

        > | not | a table |
        > |---|---|

        a | b
        no delimiter row
        """)
        XCTAssertEqual(html, """
        <p>Before.</p>
        <table>
        <thead>
        <tr>
        <th scope="col" style="text-align: left">claim</th>
        <th scope="col" style="text-align: right"><code>x | y</code></th>
        <th scope="col" style="text-align: center">verdict</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align: left"><em>one</em></td>
        <td style="text-align: right"><!-- raw HTML omitted -->raw<!-- raw HTML omitted --></td>
        <td style="text-align: center"><a href="a.html#b">ok</a></td>
        </tr>
        <tr>
        <td style="text-align: left">two</td>
        <td style="text-align: right"></td>
        <td style="text-align: center"></td>
        </tr>
        </tbody>
        </table>
        <blockquote>
        <p>| not | a table |
        |---|---|</p>
        </blockquote>
        <p>a | b
        no delimiter row</p>

        """)
    }
}
