/// Everything `heapbook test` found, ready to be printed in any format.
public struct TestReport: Sendable {
    public var chapters: [ChapterReport]
    /// Problems outside any chapter (missing paths, unreadable files).
    public var diagnostics: [Diagnostic]

    public init(chapters: [ChapterReport], diagnostics: [Diagnostic] = []) {
        self.chapters = chapters; self.diagnostics = diagnostics
    }

    public var results: [ExampleResult] { chapters.flatMap(\.results) }
    public var allDiagnostics: [Diagnostic] { diagnostics + chapters.flatMap(\.diagnostics) }
    public var failures: [ExampleResult] { results.filter(\.isFailure) }
    public var passed: Int { results.filter { $0.status == .passed && !$0.isFailure }.count }
    public var failed: Int { failures.count }
    public var skipped: Int { results.filter { $0.status == .skipped }.count }
    /// Runs under other profiles than an example's primary one with no CPython output
    /// recorded for them (`versions=`, `--python all`), and examples of `cpython` blocks
    /// with none.
    public var notConfirmed: Int {
        results.reduce(0) { $0 + $1.otherVersions.filter { $0.verdict == .notConfirmed }.count }
            + results.filter { $0.status == .notConfirmed }.count
    }

    /// 2 when any input is unusable, 1 when any example fails, else 0.
    public var exitCode: Int32 {
        if !allDiagnostics.isEmpty { return 2 }
        return failed > 0 ? 1 : 0
    }

    /// `N passed, N failed` (`, N skipped` when any were, `, N not confirmed` when runs
    /// under other versions had no recorded CPython output).
    public var summary: String {
        var text = "\(passed) passed, \(failed) failed"
        if skipped > 0 { text += ", \(skipped) skipped" }
        if notConfirmed > 0 { text += ", \(notConfirmed) not confirmed" }
        return text
    }
}

/// One chapter's blocks and results.
public struct ChapterReport: Sendable {
    public var chapter: Chapter
    public var blocks: [HeapBlock]
    public var results: [ExampleResult]
    public var diagnostics: [Diagnostic]

    public init(chapter: Chapter, blocks: [HeapBlock], results: [ExampleResult], diagnostics: [Diagnostic]) {
        self.chapter = chapter; self.blocks = blocks; self.results = results
        self.diagnostics = diagnostics
    }
}
