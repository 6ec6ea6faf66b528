import Foundation
import HeapEngine

/// The workbook pipeline in one value: load → extract → verify (→ bless).
///
/// This is the library entry point `heapbook test` calls. Like mdBook's `MDBook`, it holds
/// configuration only; each stage takes a value and returns one.
public struct Workbook: Sendable {
    public var interpreter: any SessionFactory
    /// The default profile (`--python`).
    public var profile: Profile

    public init(interpreter: any SessionFactory = HeapScriptSessions(), profile: Profile = .default) {
        self.interpreter = interpreter; self.profile = profile
    }

    /// Loads, checks and runs every chapter named by `paths` (files or directories).
    public func test(_ paths: [String]) -> TestReport {
        let loaded = ChapterLoader().load(paths)
        return TestReport(chapters: loaded.chapters.map(test), diagnostics: loaded.diagnostics)
    }

    /// Checks and runs one chapter. A chapter with unusable blocks is not run.
    public func test(_ chapter: Chapter) -> ChapterReport {
        let extracted = ExampleExtractor(interpreter: interpreter).extract(chapter)
        var diagrams: [Int: DiagramRequest] = [:]
        for block in extracted.blocks {
            if let words = block.options.diagram, let index = block.examples.first?.blockIndex {
                diagrams[index] = DiagramRequest(words)
            }
        }
        let results = extracted.diagnostics.isEmpty
            ? Verifier(interpreter: interpreter, profile: profile).verify(extracted.examples, diagrams: diagrams)
            : []
        return ChapterReport(chapter: chapter, blocks: extracted.blocks, results: results,
                             diagnostics: extracted.diagnostics)
    }

    /// Rewrites the expected output of every failed example, one file at a time, atomically.
    /// A file with any unusable block is left alone.
    /// - Returns: the examples blessed, and the files that could not be written.
    public func bless(_ report: TestReport) -> BlessReport {
        var blessReport = BlessReport()
        for chapter in report.chapters where chapter.diagnostics.isEmpty {
            let output = Blesser().bless(chapter.chapter.source, results: chapter.results)
            guard !output.blessed.isEmpty else { continue }
            do {
                try AtomicFile.write(output.bytes, to: chapter.chapter.url)
                blessReport.blessed += output.blessed
            } catch {
                blessReport.diagnostics.append(Diagnostic(
                    SourceLocation(path: chapter.chapter.path, line: 0),
                    "cannot write blessed output\nCaused by: \(error.localizedDescription)"))
            }
        }
        return blessReport
    }
}

/// What `bless` did.
public struct BlessReport: Sendable {
    public var blessed: [Example] = []
    public var diagnostics: [Diagnostic] = []
    public init() {}
}
