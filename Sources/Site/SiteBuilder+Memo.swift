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
    /// Chapters run and reused by the last build.
    public private(set) var ran = 0
    public private(set) var reused = 0

    public init() {}

    func reports(for chapters: [Chapter], in directory: String, workbook: Workbook) -> [ChapterReport] {
        let oracle = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(OracleCache.fileName))
        if oracle != oracleBytes { reports = [:]; oracleBytes = oracle }
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
        let files = try render(report)
        try SiteWriter.write(files, to: target)
        return SiteBuild(report: report, files: files)
    }
}
