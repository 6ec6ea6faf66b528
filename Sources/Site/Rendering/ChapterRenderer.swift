import Workbook

/// A chapter's body HTML: cmark's rendering (safe mode) with each heap block, and the
/// `output` block that belongs to it, replaced by `HeapBlockRenderer`'s markup, and an
/// `id` on every heading.
struct ChapterRenderer {
    var blocks: HeapBlockRenderer
    var defaultProfile: String
    /// Bodies rendered by an earlier build of the same process (`serve`), if any.
    var memo: ChapterBodyMemo?

    /// - Parameter idPrefix: put before every heading id and heap block id (`print.html`).
    func render(_ report: ChapterReport, idPrefix: String = "") throws -> String {
        if let memo, let kept = memo.body(of: report.chapter, idPrefix: idPrefix) { return kept }
        let html = try renderUncached(report, idPrefix: idPrefix)
        memo?.keep(html, of: report.chapter, idPrefix: idPrefix)
        return html
    }

    private func renderUncached(_ report: ChapterReport, idPrefix: String) throws -> String {
        let chapter = report.chapter
        var blocks = self.blocks
        blocks.anchorPrefix = idPrefix
        var replacements: [Int: String] = [:]
        var results = report.results[...]
        for block in report.blocks {
            let mine = Array(results.prefix(block.examples.count))
            results = results.dropFirst(block.examples.count)
            replacements[block.codeBlock.ordinal] = try blocks.render(block, results: mine, defaultProfile: defaultProfile)
            if let output = block.outputBlock { replacements[output.ordinal] = "" }
        }
        let ids = HeadingAnchors.ids(for: chapter.document.headings).map { idPrefix + $0 }
        return CommonMarkConverter.renderHTML(chapter.text, codeBlockHTML: replacements, headingIDs: ids)
    }

    /// The page outline of a chapter: its `##` and `###` headings, linked by id.
    static func outline(_ chapter: Chapter) -> [OutlineEntry] {
        let headings = chapter.document.headings
        return zip(headings, HeadingAnchors.ids(for: headings))
            .filter { $0.0.level == 2 || $0.0.level == 3 }
            .map { OutlineEntry(title: $0.0.text, href: "#" + $0.1, level: $0.0.level) }
    }
}
