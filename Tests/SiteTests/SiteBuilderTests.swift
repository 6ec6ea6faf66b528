import Foundation
import XCTest
@testable import Site
import Workbook

final class SiteBuilderTests: XCTestCase {
    func testPagesAndAssets() throws {
        let files = try builder().pages(try book(sampleBook))
        XCTAssertEqual(files.keys.sorted(), ["01-first.html", "02-second.html", "03-third.html", "css/book.css",
                                             "css/print.css", "index.html", "js/book.js", "js/search.js",
                                             "print.html", "search-index.js"])
    }

    func testHeapBlockHTMLIsExactAndEscaped() throws {
        let page = try builder().pages(try book(sampleBook))["01-first.html"]!
        let start = page.range(of: "<figure")!.lowerBound
        let end = page.range(of: "</figure>")!.upperBound
        XCTAssertEqual(String(page[start..<end]), """
        <figure class="heap-block heap-transcript" id="heap-L5" data-line="5">
        <pre class="heap-code"><code><span class="gp">&gt;&gt;&gt; </span><span class="bi">print</span><span class="op">(</span><span class="st">&quot;a&lt;b&gt; &amp; \\&quot;q\\&quot; &#39;x&#39;&quot;</span><span class="op">)</span>  <span class="cm"># heap: +ELLIPSIS</span>
        <span class="go">a&lt;b&gt; &amp; &quot;q&quot; &#39;x&#39;</span>
        <span class="gp">&gt;&gt;&gt; </span><span class="bi">print</span><span class="op">(</span><span class="st">&quot;skipped&quot;</span><span class="op">)</span>  <span class="cm"># heap: +SKIP</span> <span class="heap-note">not run</span>
        <span class="go">skipped</span>
        </code></pre>
        <figcaption class="heap-mark"><button type="button" class="copy-button" data-copy="print(&quot;a&lt;b&gt; &amp; \\&quot;q\\&quot; &#39;x&#39;&quot;)
        print(&quot;skipped&quot;)
        " title="Copy the input (no prompts, no output)" hidden>copy</button><span class="heap-check" aria-hidden="true">✓</span> verified by heapbook engine · CPython 3.11 profile · 1 not run (+SKIP)</figcaption>
        </figure>
        """)
    }

    func testScriptOutputPanelAndOrdinaryCode() throws {
        let page = try builder().pages(try book(sampleBook))["01-first.html"]!
        XCTAssertTrue(page.contains("<span class=\"heap-option\">fresh session</span>"))
        XCTAssertTrue(page.contains("<pre class=\"heap-output\"><code><span class=\"go\">script</span>\n</code></pre>"))
        XCTAssertTrue(page.contains("<pre><code class=\"language-python\">ordinary &lt; code\n</code></pre>"))
        XCTAssertFalse(page.contains("```output"))
        XCTAssertTrue(page.contains("<span class=\"cm\"># heap: +ELLIPSIS</span>"))
    }

    func testTracebackInBlockquote() throws {
        let page = try builder().pages(try book(sampleBook))["03-third.html"]!
        XCTAssertTrue(page.contains("<blockquote>\n<figure class=\"heap-block heap-transcript\" id=\"heap-L3\""))
        XCTAssertTrue(page.contains("<span class=\"gt\">Traceback (most recent call last):</span>"))
    }

    func testRawHTMLIsSuppressed() throws {
        let index = try builder().pages(try book(sampleBook))["index.html"]!
        XCTAssertFalse(index.contains("<script>alert"))
        XCTAssertTrue(index.contains("<!-- raw HTML omitted -->"))
        XCTAssertTrue(index.contains("<title>The Book</title>"))
    }

    func testAnchorsAreUnique() throws {
        for (path, page) in try builder().pages(try book(sampleBook)) where path.hasSuffix(".html") {
            let ids = page.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            XCTAssertEqual(ids.count, Set(ids).count, "\(path): \(ids)")
        }
        let first = try builder().pages(try book(sampleBook))["01-first.html"]!
        XCTAssertTrue(first.contains("<h2 id=\"setup\">Setup</h2>"))
        XCTAssertTrue(first.contains("<h2 id=\"setup-1\">Setup</h2>"))
    }

    func testPreviousNextAndChapterList() throws {
        let files = try builder().pages(try book(sampleBook))
        func links(_ page: String) -> (prev: String?, next: String?) {
            func href(_ rel: String) -> String? {
                guard let r = page.range(of: "rel=\"\(rel)\" href=\"") else { return nil }
                return String(page[r.upperBound...].prefix { $0 != "\"" })
            }
            return (href("prev"), href("next"))
        }
        XCTAssertEqual(links(files["index.html"]!).prev, nil)
        XCTAssertEqual(links(files["index.html"]!).next, "01-first.html")
        XCTAssertEqual(links(files["01-first.html"]!).prev, "index.html")
        XCTAssertEqual(links(files["01-first.html"]!).next, "02-second.html")
        XCTAssertEqual(links(files["02-second.html"]!).prev, "01-first.html")
        XCTAssertEqual(links(files["02-second.html"]!).next, "03-third.html")
        XCTAssertEqual(links(files["03-third.html"]!).prev, "02-second.html")
        XCTAssertEqual(links(files["03-third.html"]!).next, nil)
        XCTAssertTrue(files["02-second.html"]!.contains(
            "<li class=\"current\"><a href=\"02-second.html\" aria-current=\"page\"><span class=\"chapter-number\">2</span> Second</a></li>"))
        XCTAssertTrue(files["index.html"]!.contains("<li><a href=\"01-first.html#setup-1\">Setup</a></li>"))
    }

    func testPagesUseOnlyRelativeLocalResources() throws {
        for (path, page) in try builder().pages(try book(sampleBook)) where path.hasSuffix(".html") || path.hasSuffix(".css") {
            XCTAssertFalse(page.contains("http://") || page.contains("https://") || page.contains("//cdn"), path)
            XCTAssertFalse(page.contains("href=\"/") || page.contains("src=\"/"), path)
            XCTAssertFalse(page.contains("@import") || page.contains("@font-face"), path)
        }
        let css = try builder().pages(try book(sampleBook))["css/book.css"]!
        XCTAssertTrue(css.contains("prefers-color-scheme: dark"))
        XCTAssertTrue(css.contains("max-width: 52rem"))
    }

    func testFailingExampleBuildsNothing() throws {
        let directory = try book(["01-a.md": "# A\n\n```heap\n>>> print(\"x\")\ny\n```\n"])
        let out = directory.appendingPathComponent("site")
        let build = try builder().builder.build(chaptersIn: directory.path, to: out.path)
        XCTAssertNil(build.files)
        XCTAssertEqual(build.exitCode, 1)
        XCTAssertTrue(build.report.failuresText.hasPrefix("\(directory.path)/01-a.md:4: example failed\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testUnusableBlockBuildsNothing() throws {
        let directory = try book(["01-a.md": "# A\n\n```heap sometimes\n>>> x\n```\n"])
        let build = try builder().builder.render(chaptersIn: directory.path)
        XCTAssertNil(build.files)
        XCTAssertEqual(build.exitCode, 2)
    }

    func testBuildIsReproducibleAndSwapsAtomically() throws {
        let directory = try book(sampleBook)
        let out = directory.appendingPathComponent("out/site")
        let b = try builder().builder
        _ = try b.build(chaptersIn: directory.path, to: out.path)
        try Data("stale".utf8).write(to: out.appendingPathComponent("stale.html"))
        let first = try snapshot(out)
        _ = try b.build(chaptersIn: directory.path, to: out.path)
        var second = try snapshot(out)
        XCTAssertNil(second["stale.html"])
        second["stale.html"] = first["stale.html"]
        XCTAssertEqual(first, second)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path), ["site"])
    }

    func snapshot(_ url: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: url.path)! {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        }
        return files
    }
}
