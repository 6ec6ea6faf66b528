import Foundation
import Workbook

/// Chapter reports kept from one build to the next within one process (`heapbook serve`'s
/// build worker), so that an edit re-runs only the chapter that changed.
///
/// A report is reused when its chapter is equal (same path, same text) and the oracle
/// cache beside the chapters has the same bytes (it can judge examples under other
/// profiles); anything else runs again. Not thread-safe: one build at a time.
public final class ChapterReportMemo: @unchecked Sendable {
    private var reports: [String: ChapterReport] = [:]
    private var oracleBytes: Data?
    /// The rendered bodies of the chapters, valid as long as the reports are.
    let bodies = ChapterBodyMemo()
    /// Chapters run and reused by the last build.
    public private(set) var ran = 0
    public private(set) var reused = 0

    public init() {}

    func reports(for chapters: [Chapter], in directory: String, workbook: Workbook) -> [ChapterReport] {
        let oracle = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(OracleCache.fileName))
        // The oracle cache also decides the blocks' marks: a new one renders everything again.
        if oracle != oracleBytes { reports = [:]; bodies.clear(); oracleBytes = oracle }
        ran = 0; reused = 0
        var kept: [String: ChapterReport] = [:]
        let result = chapters.map { chapter -> ChapterReport in
            let report: ChapterReport
            if let known = reports[chapter.path], known.chapter == chapter {
                report = known; reused += 1
            } else {
                report = workbook.test(chapter); ran += 1
            }
            kept[chapter.path] = report
            return report
        }
        reports = kept
        return result
    }
}

extension SiteBuilder {
    /// `build(chaptersIn:to:)`, re-running only the chapters `memo` has no report for.
    public func build(chaptersIn directory: String, to output: String, memo: ChapterReportMemo) throws -> SiteBuild {
        let target = try SiteWriter.prepare(output, chapters: directory)
        let loaded = ChapterLoader().load([directory])
        let report = TestReport(chapters: memo.reports(for: loaded.chapters, in: directory, workbook: workbook),
                                diagnostics: loaded.diagnostics)
        guard report.exitCode == 0 else { return SiteBuild(report: report, files: nil) }
        let files = try render(report, bodies: memo.bodies)
        try SiteWriter.write(files, to: target)
        return SiteBuild(report: report, files: files)
    }
}

/// The body HTML of each chapter from the last build, by chapter path and id prefix
/// (`print.html` renders each chapter a second time with one). A chapter's body depends only
/// on its text, its report (the same for the same text and oracle cache) and the theme, so
/// an unchanged chapter is not rendered again: in `serve`, rendering the ten unchanged
/// chapters twice each took most of an edit's rebuild.
final class ChapterBodyMemo: @unchecked Sendable {
    private var kept: [String: (chapter: Chapter, html: [String: String])] = [:]
    private var search: [String: (chapter: Chapter, page: String, number: String, entries: [SearchIndex.Entry])] = [:]

    func body(of chapter: Chapter, idPrefix: String) -> String? {
        guard let entry = kept[chapter.path], entry.chapter == chapter else { return nil }
        return entry.html[idPrefix]
    }

    func keep(_ html: String, of chapter: Chapter, idPrefix: String) {
        if kept[chapter.path]?.chapter != chapter { kept[chapter.path] = (chapter, [:]) }
        kept[chapter.path]?.html[idPrefix] = html
    }

    /// The search index's entries for one chapter (its headings and their text).
    func searchEntries(of chapter: Chapter, page: String, number: String) -> [SearchIndex.Entry]? {
        guard let entry = search[chapter.path], entry.chapter == chapter, entry.page == page, entry.number == number else { return nil }
        return entry.entries
    }

    func keepSearchEntries(_ entries: [SearchIndex.Entry], of chapter: Chapter, page: String, number: String) {
        search[chapter.path] = (chapter, page, number, entries)
    }

    func clear() { kept = [:]; search = [:] }
}
