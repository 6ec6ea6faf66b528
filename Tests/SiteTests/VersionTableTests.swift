import Foundation
import XCTest
@testable import Site
import Workbook

/// A `versions=` block renders as one table: a row per example, a column per version, the
/// cells that differ from their left neighbour highlighted, each header saying what
/// confirmed its column. Runs the real engine; the recorded outputs are real CPython's
/// (3.11.7, 3.12.1, 3.13.0): `sys.getsizeof('')` is 49, 41, 41 and `sys.getsizeof([])` 56 in all three.
final class VersionTableTests: XCTestCase {
    static let chapter = """
    # Sizes

    ```heap versions=3.11,3.12,3.13
    >>> import sys
    >>> sys.getsizeof('')
    49
    >>> sys.getsizeof([]) < 100
    True
    ```
    """

    /// A cache as `heapbook test --oracle` writes it, with real CPython's outputs for `profiles`.
    func cache(recording profiles: Set<String>) -> OracleCache {
        let outputs: [String: [String]] = ["3.11": ["", "49\n", "True\n"], "3.12": ["", "41\n", "True\n"],
                                           "3.13": ["", "41\n", "True\n"]]
        let full = ["3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"]
        let examples = ExampleExtractor().extract(ChapterLoader().chapter(path: "01-a.md", bytes: Array(Self.chapter.utf8))).examples
        var cache = OracleCache()
        for (i, keys) in OracleKey.keys(for: examples, plan: ProfilePlan()).enumerated() {
            for (profile, key) in keys where profiles.contains(profile) {
                cache.entries[key] = .init(cpython: full[profile]!, example: "01-a.md:\(examples[i].location.line)",
                                           stdout: outputs[profile]![i])
            }
        }
        return cache
    }

    func table(cache: OracleCache) throws -> String {
        let directory = try book(["01-a.md": Self.chapter])
        try cache.write(to: directory.appendingPathComponent(OracleCache.fileName))
        let confirmations = OracleConfirmations(chaptersIn: directory.path, defaultProfile: "3.11")
        let site = SiteBuilderUnderTest(builder: SiteBuilder(theme: try Theme.bundled(), confirmations: confirmations))
        let page = try site.pages(directory)["01-a.html"]!
        let start = try XCTUnwrap(page.range(of: "<figure class=\"heap-block heap-versions\"")).lowerBound
        let end = try XCTUnwrap(page.range(of: "</figure>", range: start..<page.endIndex)).upperBound
        return String(page[start..<end])
    }

    func testTableHTMLIsExact() throws {
        let html = try table(cache: cache(recording: ["3.11", "3.12"]))
        XCTAssertEqual(html, """
        <figure class="heap-block heap-versions" id="heap-L3" data-line="3">
        <div class="heap-versions-scroll" role="region" aria-labelledby="heap-L3-caption" tabindex="0">
        <table class="heap-versions-table">
        <thead>
        <tr><th scope="col" class="heap-input sticky-col">Input</th><th scope="col"><span class="heap-version">3.11</span> <span class="heap-version-mark">CPython 3.11.7 ✓</span></th><th scope="col"><span class="heap-version">3.12</span> <span class="heap-version-mark">CPython 3.12.1 ✓</span></th><th scope="col"><span class="heap-version">3.13</span> <span class="heap-version-mark heap-unconfirmed">not confirmed</span></th></tr>
        </thead>
        <tbody>
        <tr><th scope="row" class="heap-input sticky-col"><pre class="heap-code"><code><span class="gp">&gt;&gt;&gt; </span><span class="kw">import</span> sys
        </code></pre></th><td data-version="3.11"><pre class="heap-output"><code></code></pre></td><td data-version="3.12"><pre class="heap-output"><code></code></pre></td><td data-version="3.13"><pre class="heap-output"><code></code></pre></td></tr>
        <tr><th scope="row" class="heap-input sticky-col"><pre class="heap-code"><code><span class="gp">&gt;&gt;&gt; </span>sys<span class="op">.</span>getsizeof<span class="op">(</span><span class="st">&#39;&#39;</span><span class="op">)</span>
        </code></pre></th><td data-version="3.11"><pre class="heap-output"><code>49</code></pre></td><td data-version="3.12" class="heap-differs" title="differs from 3.11"><span class="heap-differs-mark" aria-hidden="true">≠</span><span class="visually-hidden">differs from 3.11: </span><pre class="heap-output"><code>41</code></pre></td><td data-version="3.13"><pre class="heap-output"><code>41</code></pre></td></tr>
        <tr><th scope="row" class="heap-input sticky-col"><pre class="heap-code"><code><span class="gp">&gt;&gt;&gt; </span>sys<span class="op">.</span>getsizeof<span class="op">(</span><span class="op">[</span><span class="op">]</span><span class="op">)</span> <span class="op">&lt;</span> <span class="nu">100</span>
        </code></pre></th><td data-version="3.11"><pre class="heap-output"><code>True</code></pre></td><td data-version="3.12"><pre class="heap-output"><code>True</code></pre></td><td data-version="3.13"><pre class="heap-output"><code>True</code></pre></td></tr>
        </tbody>
        </table>
        </div>
        <p class="heap-versions-legend"><span class="heap-differs-mark" aria-hidden="true">≠</span> highlighted: the output differs from the column to its left</p>
        <figcaption class="heap-mark" id="heap-L3-caption"><button type="button" class="copy-button" data-copy="import sys
        sys.getsizeof(&#39;&#39;)
        sys.getsizeof([]) &lt; 100
        " title="Copy the input (no prompts, no output)" hidden>copy</button><span class="heap-check" aria-hidden="true">✓</span> verified by heapbook engine · CPython 3.11 profile as written · 3.12, 3.13: the engine&#39;s output, compared with CPython&#39;s where marked ✓</figcaption>
        </figure>
        """)
    }

    func testNothingRecordedIsNeverConfirmed() throws {
        let html = try table(cache: OracleCache())
        XCTAssertEqual(html.components(separatedBy: "heap-unconfirmed\">not confirmed</span>").count - 1, 3)
        XCTAssertFalse(html.contains("✓</span></th>"))
    }

    func testAColumnIsConfirmedOnlyWhenEveryExampleIs() throws {
        var partial = cache(recording: ["3.11", "3.13"])
        // Drop 3.13's entry for the last example: the column is no longer confirmed.
        let last = partial.entries.first { $0.value.cpython == "3.13.0" && $0.value.stdout == "True\n" }!.key
        partial.entries[last] = nil
        let html = try table(cache: partial)
        XCTAssertTrue(html.contains("<span class=\"heap-version\">3.11</span> <span class=\"heap-version-mark\">CPython 3.11.7 ✓</span>"))
        XCTAssertTrue(html.contains("<span class=\"heap-version\">3.13</span> <span class=\"heap-version-mark heap-unconfirmed\">not confirmed</span>"))
    }
}
