import Foundation

/// Stage 4: accept new output. Rewrites the expected output of examples, and nothing else.
///
/// What it writes is the truth where there is one: when real CPython ran the chapter
/// (`heapbook test --bless` runs the oracle first whenever the profile's interpreter is
/// found), an example gets CPython's output wherever that differs from what is written,
/// whatever the engine printed; where the engine then differs from it, the example fails
/// as an engine divergence and the chapter keeps CPython's output. Without a CPython run,
/// a failed example gets the engine's output, and the run says it is not confirmed (the
/// oracle cache has nothing that matches it, so the site says so too).
///
/// Works on bytes, so every byte outside the rewritten lines — CRLF line ends, a missing
/// final newline, tabs, trailing spaces — stays as it was. New lines carry the container
/// prefix of their block (`> `, list indentation) and the file's line ending. An empty
/// output line is written `<BLANKLINE>`.
public struct Blesser: Sendable {
    public init() {}

    /// One example's new expected output.
    public struct Rewrite: Sendable, Equatable {
        public var example: Example
        /// What it printed: stdout, then the traceback.
        public var output: String
        /// The CPython release that printed `output` ("3.11.7"); nil: the engine did.
        public var cpython: String?

        /// Written from the engine's run and not marked `+ENGINE`: nothing real confirmed it.
        public var isUnconfirmed: Bool { cpython == nil && !example.directives.contains(.engine) }
    }

    public struct Output: Sendable, Equatable {
        /// The new file contents.
        public var bytes: [UInt8]
        /// The examples whose expected output was rewritten.
        public var blessed: [Example]
    }

    /// What to write for `results`: CPython's output where it ran an example and differs
    /// from the expected output; else the engine's output of an example that failed (not
    /// one the engine refused, nor a `cpython` block's, which the engine does not run).
    /// - Returns: the rewrites, and why an example that needs one gets none.
    public static func rewrites(_ results: [ExampleResult]) -> (rewrites: [Rewrite], refused: [String]) {
        var rewrites: [Rewrite] = [], refused: [String] = []
        for result in results {
            let location = result.example.location
            if let oracle = result.oracle {
                guard !oracle.agrees else { continue }
                if oracle.run == nil || oracle.note != nil {
                    refused.append("\(location): not blessed: \(oracle.note ?? "CPython \(oracle.cpython) did not run it")")
                } else {
                    rewrites.append(Rewrite(example: result.example, output: oracle.got, cpython: oracle.cpython))
                }
            } else if result.example.cpythonOnly {
                if result.status != .passed {
                    refused.append("\(location): not blessed: a cpython block takes its output from CPython \(result.profile) only, and none ran")
                }
            } else if result.status == .failed {
                rewrites.append(Rewrite(example: result.example, output: result.got, cpython: nil))
            }
        }
        return (rewrites, refused)
    }

    /// - Parameters:
    ///   - source: the chapter's current bytes.
    ///   - results: its results, rewritten as `rewrites(_:)` says.
    public func bless(_ source: SourceText, results: [ExampleResult]) -> Output {
        bless(source, rewrites: Self.rewrites(results).rewrites)
    }

    public func bless(_ source: SourceText, rewrites: [Rewrite]) -> Output {
        var edits = rewrites.map { edit(for: $0, in: source) }
        edits.sort { $0.range.lowerBound > $1.range.lowerBound }
        var bytes = source.bytes
        for edit in edits { bytes.replaceSubrange(edit.range, with: edit.bytes) }
        return Output(bytes: bytes, blessed: rewrites.map(\.example))
    }

    // MARK: - Edits

    private func edit(for rewrite: Rewrite, in source: SourceText) -> (range: Range<Int>, bytes: [UInt8]) {
        let expected = rewrite.example.expected
        let newline = source.preferredTerminator
        let lines = Self.outputLines(rewrite.output)
        func encode(_ lines: [String]) -> [UInt8] {
            lines.flatMap { Array((expected.prefix + $0).utf8) + newline }
        }
        switch expected.placement {
        case .transcript, .outputBlock:
            let start = lineStart(expected.firstLine, in: source)
            let end = lineStart(expected.firstLine + expected.lines.count, in: source)
            return (start..<end, encode(lines))
        case .missingOutputBlock(let closingLine):
            let at = lineStart(closingLine + 1, in: source)
            let needsNewline = closingLine >= 1 && closingLine <= source.lineCount
                && source.lines[closingLine - 1].terminator.isEmpty
            return (at..<at, (needsNewline ? newline : []) + encode(["```output"] + lines + ["```"]))
        }
    }

    /// Byte offset where 1-based `line` starts (end of file past the last line).
    private func lineStart(_ line: Int, in source: SourceText) -> Int {
        line - 1 < source.lineCount ? source.lines[max(0, line - 1)].range.lowerBound : source.bytes.count
    }

    /// What was printed, as expected-output lines: trailing whitespace removed, empty lines
    /// spelled `<BLANKLINE>`.
    static func outputLines(_ got: String) -> [String] {
        guard !got.isEmpty else { return [] }
        var lines = got.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if got.hasSuffix("\n") { lines.removeLast() }
        return lines.map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
            return line.isEmpty ? "<BLANKLINE>" : String(line)
        }
    }
}

extension Workbook {
    /// Rewrites the chapters of `report` as `Blesser.rewrites(_:)` says, together with
    /// `also` (the oracle caches of the run): every file lands or none does
    /// (`AtomicFile.writeAll`, its journal in the first chapter's directory). A chapter
    /// with any unusable block is left alone; a file whose bytes would not change is not
    /// written.
    public func bless(_ report: TestReport, also: [(url: URL, bytes: [UInt8])] = []) -> BlessReport {
        var blessReport = BlessReport()
        var files: [(url: URL, bytes: [UInt8])] = []
        var rewritten: [Blesser.Rewrite] = []
        for chapter in report.chapters where chapter.diagnostics.isEmpty {
            let (rewrites, refused) = Blesser.rewrites(chapter.results)
            blessReport.refused += refused
            guard !rewrites.isEmpty else { continue }
            files.append((chapter.chapter.url, Blesser().bless(chapter.chapter.source, rewrites: rewrites).bytes))
            rewritten += rewrites
        }
        files += also.filter { FileManager.default.contents(atPath: $0.url.path).map(Array.init) != $0.bytes }
        guard let first = report.chapters.first?.chapter.url ?? files.first?.url, !files.isEmpty else { return blessReport }
        do {
            try AtomicFile.writeAll(files, journalIn: first.deletingLastPathComponent())
            blessReport.blessed = rewritten
        } catch {
            blessReport.diagnostics.append(Diagnostic(
                SourceLocation(path: first.deletingLastPathComponent().path, line: 0),
                "cannot write blessed output (nothing was written)\nCaused by: \(error)"))
        }
        return blessReport
    }
}

extension Workbook {
    /// What `blessingRun` did.
    public struct BlessRun: Sendable {
        /// The chapters tested again after the write, each example keeping the CPython run
        /// of its earlier self (`TestReport.carryObservations(from:)`): the engine's
        /// disagreements with CPython fail as engine divergences.
        public var report: TestReport
        public var bless: BlessReport
        /// The oracle's check of the chapters before the write.
        public var oracle: Oracle.Outcome
    }

    /// `heapbook test --bless`: checks `report` (this workbook's run of `paths`) with
    /// `oracle`, writes CPython's outputs (the engine's where no CPython ran) and the
    /// oracle caches in one run-atomic write, then tests `paths` again.
    /// - Throws: what `oracle.check` throws (`PythonNotFound` unless it `skipsMissing`).
    public func blessingRun(_ paths: [String], report: TestReport, oracle: Oracle) throws -> BlessRun {
        let outcome = try oracle.check(report)
        let blessed = bless(outcome.report, also: outcome.cacheFiles())
        var retested = test(paths)
        retested.carryObservations(from: outcome.report)
        retested.diagnostics += blessed.diagnostics
        return BlessRun(report: retested, bless: blessed, oracle: outcome)
    }
}

/// What `bless` did.
public struct BlessReport: Sendable {
    public var blessed: [Blesser.Rewrite] = []
    /// Examples that needed a new output and got none, and why.
    public var refused: [String] = []
    public var diagnostics: [Diagnostic] = []
    public init() {}

    /// Blessed from the engine's run, with no CPython run to confirm them.
    public var unconfirmed: [Blesser.Rewrite] { blessed.filter(\.isUnconfirmed) }
}
