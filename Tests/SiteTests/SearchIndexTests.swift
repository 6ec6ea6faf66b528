import Foundation
import XCTest
@testable import Site
import Workbook

final class SearchIndexTests: XCTestCase {
    /// Every heading of every page is in the index, linked to an id that exists on its page.
    func testEveryHeadingIsIndexed() throws {
        let directory = try book(sampleBook)
        let files = try builder().pages(directory)
        let js = try XCTUnwrap(files["search-index.js"])
        XCTAssertTrue(js.contains("window.heapbookSearchIndex = ["))
        let chapters = ChapterLoader().load([directory.path]).chapters
        var count = 0
        for chapter in chapters {
            let page = chapter.slug == "index" ? "index.html" : chapter.slug + ".html"
            let ids = HeadingAnchors.ids(for: chapter.document.headings)
            for (heading, id) in zip(chapter.document.headings, ids) {
                count += 1
                XCTAssertTrue(js.contains("\"heading\":\(SearchIndex.quote(heading.text)),\"level\":\(heading.level),\"href\":\"\(page)#\(id)\""),
                              "\(page): \(heading.text)")
                XCTAssertTrue(try XCTUnwrap(files[page]).contains(" id=\"\(id)\""), "\(page)#\(id)")
            }
        }
        XCTAssertEqual(js.components(separatedBy: "{\"chapter\":").count - 1, count)
        XCTAssertEqual(count, 7)
    }

    func testSectionTextIsPlainAndEscaped() {
        XCTAssertEqual(SearchIndex.plainText(["Some `code` and **bold** [a link](x.html).", "```heap", ">>> sys.getrefcount(x)", "3", "```"]),
                       "Some code and bold a link. sys.getrefcount(x) 3")
        XCTAssertEqual(SearchIndex.quote("</script> \"q\" \\ \n"), "\"\\u003c/script\\u003e \\\"q\\\" \\\\ \\n\"")
    }

    /// A CR or CRLF chapter builds the site its LF form builds, byte for byte (it used to
    /// crash the search index: Swift reads "\r\n" as one Character, so "\n" split nothing).
    func testCRAndCRLFChaptersBuildTheLFSite() throws {
        let lf = "# T\n\n## S\n\ntext\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```heap\n>>> print(\"x\")\nx\n```\n\n## Last\n\nend\n"
        let reference = try builder().pages(try book(["01-a.md": lf]))
        XCTAssertTrue(try XCTUnwrap(reference["search-index.js"]).contains("\"heading\":\"S\",\"level\":2,\"href\":\"01-a.html#s\",\"text\":\"text | a | b | |---|---| | 1 | 2 | print(\\\"x\\\") x\"}"))
        for ending in ["\r\n", "\r"] {
            let pages = try builder().pages(try book(["01-a.md": lf.replacingOccurrences(of: "\n", with: ending)]))
            XCTAssertEqual(pages, reference, ending.debugDescription)
        }
    }

    func testPagesLoadSearch() throws {
        let page = try XCTUnwrap(try builder().pages(try book(sampleBook))["01-first.html"])
        XCTAssertTrue(page.contains("<script src=\"search-index.js\" defer></script>"))
        XCTAssertTrue(page.contains("<input type=\"search\" id=\"search-input\""))
    }
}
