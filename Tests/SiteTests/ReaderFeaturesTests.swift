import Foundation
import XCTest
@testable import Site
import Workbook

/// What readers of mdBook-class books expect: a copy button on each heap block, a page
/// outline, a print page with the whole book, version tables whose input column stays in
/// view.
final class ReaderFeaturesTests: XCTestCase {
    static let transcript = """
    # Copying

    ## Functions

    ```heap
    >>> def double(n):
    ...     return 2 * n
    >>> double(21)  # heap: +ELLIPSIS
    42
    >>> s = "a < b & 'c'"
    >>> print(s)
    a < b & 'c'
    ```
    """

    /// The `<figure>` of the first heap block of `page`.
    func figure(_ page: String) throws -> String {
        let start = try XCTUnwrap(page.range(of: "<figure class=\"heap-block")).lowerBound
        let end = try XCTUnwrap(page.range(of: "</figure>", range: start..<page.endIndex)).upperBound
        return String(page[start..<end])
    }

    /// The value of `data-copy` in `html`, unescaped as a browser reads it.
    func copied(_ html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "data-copy=\"")).upperBound
        let end = try XCTUnwrap(html.range(of: "\"", range: start..<html.endIndex)).lowerBound
        return String(html[start..<end]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    func testCopyButtonCopiesTheInputWithoutPromptsOrOutputs() throws {
        // The real engine: it knows that `def` continues on the `...` line.
        let site = SiteBuilderUnderTest(builder: SiteBuilder(theme: try Theme.bundled()))
        let html = try figure(try site.pages(try book(["01-copy.md": Self.transcript]))["01-copy.html"]!)
        // One button, in the caption, hidden until book.js wires it (the page works without JS).
        XCTAssertEqual(html.components(separatedBy: "class=\"copy-button\"").count - 1, 1)
        XCTAssertTrue(html.contains("<button type=\"button\" class=\"copy-button\" data-copy=\""))
        XCTAssertTrue(html.contains("\" title=\"Copy the input (no prompts, no output)\" hidden>copy</button><span class=\"heap-check\""))
        // No prompts, no outputs, no `# heap:` directives; an empty line ends the `def` so
        // that the text also pastes into the interactive interpreter.
        XCTAssertEqual(try copied(html), """
        def double(n):
            return 2 * n

        double(21)
        s = "a < b & 'c'"
        print(s)

        """)
        // The attribute is escaped: the markup around it stays intact.
        XCTAssertTrue(html.contains("s = &quot;a &lt; b &amp; &#39;c&#39;&quot;"))
    }

    func testCopyTextOfAScriptBlockIsTheWholeSource() throws {
        let page = try builder().pages(try book(sampleBook))["01-first.html"]!
        let second = try XCTUnwrap(page.range(of: "<figure class=\"heap-block heap-script\""))
        let html = try figure(String(page[second.lowerBound...]))
        XCTAssertEqual(try copied(html), "print(\"script\")\n")
    }

    func testOutlineListsTheSectionsOfAChapter() throws {
        let chapter = """
        # Title

        Intro.

        ## First part

        ### A detail

        #### Too deep for the outline

        ## Second part

        ## First part
        """
        let pages = try builder().pages(try book(["01-a.md": chapter, "02-b.md": "# No sections\n\ntext\n"]))
        let page = pages["01-a.html"]!
        XCTAssertTrue(page.contains("<body class=\"chapter-page has-outline\">"))
        let start = try XCTUnwrap(page.range(of: "<nav class=\"page-outline\"")).lowerBound
        let end = try XCTUnwrap(page.range(of: "</nav>", range: start..<page.endIndex)).upperBound
        XCTAssertEqual(String(page[start..<end]), """
        <nav class="page-outline" id="page-outline" aria-labelledby="outline-title">
        <details open>
        <summary id="outline-title">On this page</summary>
        <ol class="outline-list">
        <li class="outline-h2"><a href="#first-part">First part</a></li>
        <li class="outline-h3"><a href="#a-detail">A detail</a></li>
        <li class="outline-h2"><a href="#second-part">Second part</a></li>
        <li class="outline-h2"><a href="#first-part-1">First part</a></li>
        </ol>
        </details>
        </nav>
        """)
        // Every entry leads to a heading of the page.
        for id in ["first-part", "a-detail", "second-part", "first-part-1"] {
            XCTAssertTrue(page.contains(" id=\"\(id)\">"), id)
        }
        XCTAssertEqual(ChapterRenderer.outline(ChapterLoader().chapter(path: "01-a.md", bytes: Array(chapter.utf8))).map(\.level),
                       [2, 3, 2, 2])
        // A page without sections has no outline.
        XCTAssertFalse(pages["02-b.html"]!.contains("page-outline\""))
        XCTAssertTrue(pages["02-b.html"]!.contains("<body class=\"chapter-page\">"))
    }

    func testPrintPageHoldsEveryChapterInOrder() throws {
        let pages = try builder().pages(try book(sampleBook.merging([
            "02-second.md": "# Second\n\n## Content\n\nSee [setup](01-first.html#setup), [third](03-third.html) and [below](#content).\n",
        ]) { $1 }))
        let print = try XCTUnwrap(pages["print.html"])
        // The introduction, then every chapter, each in a section named after its page.
        var from = print.startIndex
        for (id, title) in [("index", "The Book"), ("01-first", "First steps"), ("02-second", "Second"), ("03-third", "Third")] {
            let section = try XCTUnwrap(print.range(of: "<section class=\"print-chapter\" id=\"\(id)\">\n<h1 id=\"\(id)--",
                                                    range: from..<print.endIndex), id)
            XCTAssertTrue(print[section.upperBound...].contains(">\(title)</h1>"), id)
            from = section.upperBound
        }
        XCTAssertEqual(print.components(separatedBy: "<section class=\"print-chapter\"").count - 1, 4)
        // Every heap block is there, with ids that stay unique on one page.
        XCTAssertTrue(print.contains("id=\"01-first--heap-L5\""))
        XCTAssertTrue(print.contains("id=\"03-third--heap-L3\""))
        let ids = print.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(ids.count, Set(ids).count)
        // Links between the book's pages become links within the print page.
        XCTAssertTrue(print.contains("href=\"#01-first--setup\""))
        XCTAssertTrue(print.contains("href=\"#03-third\""))
        XCTAssertTrue(print.contains("href=\"#02-second--content\""))
        XCTAssertTrue(print.contains("<body class=\"print-page\">"))
        XCTAssertFalse(print.contains("class=\"prev-next\""))
        // Every page links to it.
        for (path, page) in pages where path.hasSuffix(".html") {
            XCTAssertTrue(page.contains("<a class=\"sidebar-print"), path)
            XCTAssertTrue(page.contains("href=\"print.html\""), path)
        }
        // The search index is of the chapters' own pages, not of the print page.
        XCTAssertFalse(pages["search-index.js"]!.contains("print.html"))
    }

    func testVersionTablesKeepTheInputColumnInView() throws {
        let site = SiteBuilderUnderTest(builder: SiteBuilder(theme: try Theme.bundled()))
        let pages = try site.pages(try book(["01-a.md": VersionTableTests.chapter]))
        let html = try figure(pages["01-a.html"]!)
        // Every cell of the input column (header and one per example) is a sticky column.
        XCTAssertEqual(html.components(separatedBy: "<th scope=\"col\" class=\"heap-input sticky-col\">Input</th>").count - 1, 1)
        XCTAssertEqual(html.components(separatedBy: "<th scope=\"row\" class=\"heap-input sticky-col\">").count - 1, 3)
        XCTAssertEqual(html.components(separatedBy: "<th scope=\"row\">").count - 1, 0)
        // … and the stylesheet makes it one, inside a positioned scroll region (what is
        // hidden in a cell cannot widen the page), and print shows every column.
        let css = pages["css/book.css"]!
        let sticky = try XCTUnwrap(css.range(of: ".heap-versions-table .sticky-col {"))
        let rule = css[sticky.upperBound...].prefix { $0 != "}" }
        XCTAssertTrue(rule.contains("position: sticky; left: 0;"))
        XCTAssertTrue(css.contains(".heap-versions-scroll { position: relative; overflow-x: auto;"))
        let print = pages["css/print.css"]!
        XCTAssertTrue(print.contains(".heap-versions-table td::before { content: attr(data-version);"))
        XCTAssertTrue(html.contains("<td data-version=\"3.12\""))
    }

    func testArrowKeysFollowThePreviousAndNextLinks() throws {
        let pages = try builder().pages(try book(sampleBook))
        // book.js follows these links on ← / →; the index has only a next one.
        XCTAssertTrue(pages["02-second.html"]!.contains("<a class=\"prev\" rel=\"prev\" href=\"01-first.html\">"))
        XCTAssertTrue(pages["02-second.html"]!.contains("<a class=\"next\" rel=\"next\" href=\"03-third.html\">"))
        let js = pages["js/book.js"]!
        XCTAssertTrue(js.contains(#"document.querySelector(event.key === "ArrowLeft" ? ".prev-next a.prev" : ".prev-next a.next")"#))
        // Not while typing (the search box) or scrolling a table sideways.
        XCTAssertTrue(js.contains(#"target.closest("input, textarea, select, [contenteditable]")"#))
    }
}
