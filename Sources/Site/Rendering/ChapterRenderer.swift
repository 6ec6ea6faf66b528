import Workbook

/// A chapter's body HTML: cmark's rendering (safe mode) with each heap block, and the
/// `output` block that belongs to it, replaced by `HeapBlockRenderer`'s markup, and an
/// `id` on every heading.
struct ChapterRenderer {
    var blocks: HeapBlockRenderer
    var defaultProfile: String

    func render(_ report: ChapterReport) throws -> String {
        let chapter = report.chapter
        var replacements: [Int: String] = [:]
        var results = report.results[...]
        for block in report.blocks {
            let mine = Array(results.prefix(block.examples.count))
            results = results.dropFirst(block.examples.count)
            replacements[block.codeBlock.ordinal] = try blocks.render(block, results: mine, defaultProfile: defaultProfile)
            if let output = block.outputBlock { replacements[output.ordinal] = "" }
        }
        let ids = HeadingAnchors.ids(for: chapter.document.headings)
        return CommonMarkConverter.renderHTML(chapter.text, codeBlockHTML: replacements, headingIDs: ids)
    }
}
