import Foundation
import XCTest
@testable import Site
import Workbook

/// The site's verification mark reads the oracle cache: confirmed only on a hit whose
/// recorded output still matches; a missing or stale entry reads "not confirmed".
final class OracleConfirmationTests: XCTestCase {
    static let chapter = "# A\n\n```heap\n>>> print(\"one\")\none\n>>> print(\"two\")\ntwo\n```\n"

    func pages(_ markdown: String, cache: OracleCache?) throws -> String {
        let directory = try book(["01-a.md": markdown])
        if let cache { try cache.write(to: directory.appendingPathComponent(OracleCache.fileName)) }
        let confirmations = OracleConfirmations(chaptersIn: directory.path, defaultProfile: "3.11",
                                                interpreter: EchoInterpreter())
        let site = SiteBuilderUnderTest(builder: SiteBuilder(workbook: Workbook(interpreter: EchoInterpreter()),
                                                             theme: try Theme.bundled(), confirmations: confirmations))
        return try site.pages(directory)["01-a.html"]!
    }

    /// A cache as `heapbook test --oracle` would write it for `markdown`.
    func cache(for markdown: String, outputs: [String]) -> OracleCache {
        let examples = ExampleExtractor(interpreter: EchoInterpreter()).extract(
            ChapterLoader().chapter(path: "01-a.md", bytes: Array(markdown.utf8))).examples
        let keys = OracleKey.keys(for: examples, defaultProfile: "3.11")
        var cache = OracleCache()
        for (i, key) in keys.enumerated() {
            cache.entries[key!] = .init(cpython: "3.11.7", example: "01-a.md:\(examples[i].location.line)", stdout: outputs[i])
        }
        return cache
    }

    func testHitIsConfirmed() throws {
        let page = try pages(Self.chapter, cache: cache(for: Self.chapter, outputs: ["one\n", "two\n"]))
        XCTAssertTrue(page.contains("verified by heapbook engine · CPython 3.11 profile · confirmed on CPython 3.11.7</figcaption>"), page)
        XCTAssertFalse(page.contains("not confirmed"))
    }

    func testMissingCacheIsNotConfirmed() throws {
        let page = try pages(Self.chapter, cache: nil)
        XCTAssertTrue(page.contains("· not confirmed on CPython</figcaption>"))
        XCTAssertFalse(page.contains("confirmed on CPython 3.11.7"))
    }

    func testStaleEntryIsNotConfirmed() throws {
        // CPython printed something else for the second example than the chapter now expects.
        let page = try pages(Self.chapter, cache: cache(for: Self.chapter, outputs: ["one\n", "TWO\n"]))
        XCTAssertTrue(page.contains("· not confirmed on CPython (1 of 2 examples)</figcaption>"), page)
        XCTAssertTrue(page.contains("<span class=\"heap-note\">not confirmed on CPython</span>"))
        // An edited earlier input changes every later key: nothing is confirmed.
        let edited = Self.chapter.replacingOccurrences(of: ">>> print(\"one\")", with: ">>> print(\"one\")  # edited")
        let page2 = try pages(edited, cache: cache(for: Self.chapter, outputs: ["one\n", "two\n"]))
        XCTAssertTrue(page2.contains("· not confirmed on CPython</figcaption>"))
    }
}

/// A `cpython` block on the site: CPython's confirmation only, never the engine's mark.
extension OracleConfirmationTests {
    static let cpythonChapter = "# A\n\n```heap cpython\n>>> print(\"one\")\none\n```\n"

    func testCPythonBlockIsConfirmedOrNotNeverSimulated() throws {
        let confirmed = try pages(Self.cpythonChapter, cache: cache(for: Self.cpythonChapter, outputs: ["one\n"]))
        XCTAssertTrue(confirmed.contains("confirmed on CPython 3.11.7 — not simulated</figcaption>"), confirmed)
        XCTAssertFalse(confirmed.contains("verified by heapbook engine"))
        XCTAssertFalse(confirmed.contains("<svg"))
        let unconfirmed = try pages(Self.cpythonChapter, cache: nil)
        XCTAssertTrue(unconfirmed.contains("not confirmed on CPython — not simulated</figcaption>"), unconfirmed)
    }
}
