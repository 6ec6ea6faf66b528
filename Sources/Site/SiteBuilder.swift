import Foundation
import HeapEngine
import Workbook

/// `heapbook build`: verify every chapter, then render the site.
///
/// The library entry point of the `build` command, like mdBook's `MDBook::build`. A page
/// is rendered only from verified results: if any example fails (or any block is
/// unusable), nothing is written and the result carries the report.
public struct SiteBuilder: Sendable {
    public var workbook: Workbook
    public var theme: Theme
    public var tokenizer: any SyntaxTokenizer
    public var confirmations: any ConfirmationSource

    public init(workbook: Workbook = Workbook(), theme: Theme, tokenizer: any SyntaxTokenizer = HeapScriptTokenizer(),
                confirmations: any ConfirmationSource = NoConfirmations()) {
        self.workbook = workbook; self.theme = theme; self.tokenizer = tokenizer
        self.confirmations = confirmations
    }

    /// Verifies and renders the book in `directory` (chapters `NN-slug.md`, optional
    /// `index.md` introduction). Pure: writes nothing.
    /// - Returns: the test report, and the site's files when every example passed.
    public func render(chaptersIn directory: String) throws -> SiteBuild {
        let loaded = ChapterLoader().load([directory])
        let report = TestReport(chapters: loaded.chapters.map(workbook.test), diagnostics: loaded.diagnostics)
        guard report.exitCode == 0 else { return SiteBuild(report: report, files: nil) }
        return SiteBuild(report: report, files: try render(report))
    }

    /// Renders the pages and assets of a verified book: `index.md` (if present) becomes
    /// the introduction of `index.html`, every other chapter a page of its own.
    /// - Precondition: no example of `report` failed.
    public func render(_ report: TestReport) throws -> [SiteFile] {
        try render(report, bodies: nil)
    }

    /// - Parameter bodies: chapter bodies kept from an earlier build (`serve`), reused for
    ///   chapters whose text did not change.
    func render(_ report: TestReport, bodies: ChapterBodyMemo?) throws -> [SiteFile] {
        precondition(report.failed == 0, "a failing example must never be rendered as verified")
        let intro = report.chapters.first { $0.chapter.slug == "index" }
        let chapters = report.chapters.filter { $0.chapter.slug != "index" }
        return try pages(intro: intro, chapters: chapters, bodies: bodies)
            + [searchIndex(intro: intro, chapters: chapters, memo: bodies)] + theme.assets
    }

    /// `search-index.js`: every heading of the introduction and the chapters.
    func searchIndex(intro: ChapterReport?, chapters: [ChapterReport], memo: ChapterBodyMemo? = nil) -> SiteFile {
        var index = SearchIndex()
        func add(_ chapter: Chapter, page: String, number: String) {
            if let kept = memo?.searchEntries(of: chapter, page: page, number: number) { index.entries += kept; return }
            var one = SearchIndex()
            one.add(chapter, page: page, number: number)
            memo?.keepSearchEntries(one.entries, of: chapter, page: page, number: number)
            index.entries += one.entries
        }
        if let intro { add(intro.chapter, page: "index.html", number: "") }
        for report in chapters {
            add(report.chapter, page: report.chapter.slug + ".html", number: Self.number(report.chapter.slug))
        }
        return SiteFile(path: "search-index.js", bytes: Array(index.javaScript.utf8))
    }

    /// Renders and writes the site to `output`, swapping it in atomically.
    /// - Throws: `OutputRefusal` before verifying anything when `output` may not be replaced.
    public func build(chaptersIn directory: String, to output: String) throws -> SiteBuild {
        let target = try SiteWriter.prepare(output, chapters: directory)
        let build = try render(chaptersIn: directory)
        if let files = build.files { try SiteWriter.write(files, to: target) }
        return build
    }

    // MARK: - Pages

    private func pages(intro: ChapterReport?, chapters: [ChapterReport], bodies: ChapterBodyMemo?) throws -> [SiteFile] {
        var renderer = ChapterRenderer(
            blocks: HeapBlockRenderer(theme: theme, tokenizer: tokenizer, confirmations: confirmations),
            defaultProfile: workbook.profile.version)
        renderer.memo = bodies
        let bookTitle = intro?.chapter.title ?? "heapbook"
        let links = chapters.map { report in
            ChapterLink(number: Self.number(report.chapter.slug), title: report.chapter.title,
                        href: report.chapter.slug + ".html", current: false)
        }
        var files: [SiteFile] = []

        let toc = TableOfContents(entries: chapters.enumerated().map { i, report in
            let ids = HeadingAnchors.ids(for: report.chapter.document.headings)
            let sections = zip(report.chapter.document.headings, ids)
                .filter { $0.0.level == 2 }
                .map { Link(title: $0.0.text, href: links[i].href + "#" + $0.1) }
            return .init(number: links[i].number, title: links[i].title, href: links[i].href,
                         hasSections: !sections.isEmpty, sections: sections)
        })
        let introBody = try intro.map { try renderer.render($0) } ?? ""
        let index = PageContext(
            pageTitle: bookTitle, bookTitle: bookTitle, bodyClass: "index", isIndex: true, body: introBody,
            chapters: links,
            navigation: links.first.map { Navigation(previous: nil, next: Link(title: $0.title, href: $0.href)) },
            toc: toc, outline: intro.map { ChapterRenderer.outline($0.chapter) } ?? [])
        files.append(SiteFile(path: "index.html", bytes: Array(try theme.render(index, template: "page").utf8)))

        for (i, report) in chapters.enumerated() {
            var current = links
            current[i].current = true
            let page = PageContext(
                pageTitle: "\(report.chapter.title) · \(bookTitle)", bookTitle: bookTitle, bodyClass: "chapter-page",
                isIndex: false, body: try renderer.render(report), chapters: current,
                navigation: Navigation.forChapter(at: i, of: links, indexTitle: bookTitle), toc: nil,
                outline: ChapterRenderer.outline(report.chapter))
            files.append(SiteFile(path: links[i].href, bytes: Array(try theme.render(page, template: "page").utf8)))
        }

        let book = try printBody(intro: intro, chapters: chapters, renderer: renderer)
        let print = PageContext(
            pageTitle: "\(bookTitle) · the whole book", bookTitle: bookTitle, bodyClass: "print-page", isIndex: false,
            body: book, chapters: links, navigation: nil, toc: nil, isPrint: true)
        files.append(SiteFile(path: Self.printPage, bytes: Array(try theme.render(print, template: "page").utf8)))
        return files
    }

    // MARK: - The print page

    /// The page that holds the whole book, for printing (like mdBook's `print.html`).
    static let printPage = "print.html"

    /// The introduction and every chapter, one `<section>` each (`id` = the page's slug).
    /// The ids of each part get the prefix `SLUG--` so that they stay unique on one page, and
    /// links between the book's pages become links within this page.
    func printBody(intro: ChapterReport?, chapters: [ChapterReport], renderer: ChapterRenderer) throws -> String {
        let parts = (intro.map { [$0] } ?? []) + chapters
        let pages = parts.map { $0.chapter.slug + ".html" }
        var html = ""
        for report in parts {
            let slug = report.chapter.slug
            // The memo keeps the rewritten part, keyed by the book's pages too (they decide
            // which links become anchors of this page).
            let key = "print:" + pages.joined(separator: "\u{1}")
            let part: String
            if let kept = renderer.memo?.body(of: report.chapter, idPrefix: key) {
                part = kept
            } else {
                part = Self.printLinks(try renderer.render(report, idPrefix: slug + "--"), slug: slug, pages: pages)
                renderer.memo?.keep(part, of: report.chapter, idPrefix: key)
            }
            html += "<section class=\"print-chapter\" id=\"\(slug)\">\n"
            html += part
            html += "</section>\n"
        }
        return html
    }

    /// Rewrites the links of one part of the print page: `#id` → `#SLUG--id`,
    /// `OTHER.html#id` → `#OTHER--id`, `OTHER.html` → `#OTHER`, for the book's own pages.
    static func printLinks(_ html: String, slug: String, pages: [String]) -> String {
        // One pass over the `href="…"` attributes (a replace per page made the print page
        // quadratic in the number of chapters: 60 chapters took 15 s).
        let pageSet = Set(pages)
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var rest = html[...]
        let marker = "href=\""
        while let r = rest.range(of: marker) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let url = rest[..<end]
            if url.hasPrefix("#") {
                out += "#\(slug)--" + url.dropFirst()
            } else {
                let hash = url.firstIndex(of: "#")
                let page = String(url[..<(hash ?? url.endIndex)])
                if pageSet.contains(page) {
                    let other = page.dropLast(".html".count)
                    out += hash.map { "#\(other)--" + url[url.index(after: $0)...] } ?? "#\(other)"
                } else {
                    out += url
                }
            }
            rest = rest[end...]
        }
        out += rest
        return out
    }

    /// "03-gc" → "3"; a slug without a number prefix has none.
    static func number(_ slug: String) -> String {
        let digits = slug.prefix(while: \.isNumber)
        return digits.isEmpty ? "" : String(Int(digits) ?? 0)
    }
}

/// The outcome of a build.
public struct SiteBuild: Sendable {
    public var report: TestReport
    /// The files of the site; nil when verification failed.
    public var files: [SiteFile]?

    /// 0 built, 1 an example failed, 2 unusable input.
    public var exitCode: Int32 { report.exitCode }
}
