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
    /// `--python all`: every example also runs under every profile of `Profile.all`.
    public var everyProfile: Bool
    /// The oracle cache that judges runs under other profiles than an example's primary
    /// one; nil: each chapter's own (`.oracle-cache.json` beside it), read when needed.
    public var cache: OracleCache?

    public init(interpreter: any SessionFactory = HeapScriptSessions(), profile: Profile = .default,
                everyProfile: Bool = false, cache: OracleCache? = nil) {
        self.interpreter = interpreter; self.profile = profile
        self.everyProfile = everyProfile; self.cache = cache
    }

    /// The run's `--python`: one profile, or `all`.
    public init(interpreter: any SessionFactory = HeapScriptSessions(), python: PythonSelection) {
        self.init(interpreter: interpreter, profile: python.profile, everyProfile: python == .all)
    }

    public var plan: ProfilePlan { ProfilePlan(defaultProfile: profile.version, everyProfile: everyProfile) }

    /// Loads, checks and runs every chapter named by `paths` (files or directories).
    public func test(_ paths: [String]) -> TestReport {
        let loaded = ChapterLoader().load(paths)
        // One read of each directory's cache, however many of its chapters need it.
        var caches: [URL: OracleCache] = [:]
        let chapters = loaded.chapters.map { chapter in
            test(chapter, cache: { url in
                if let known = caches[url] { return known }
                let cache = OracleCache.load(url: url)
                caches[url] = cache
                return cache
            })
        }
        return TestReport(chapters: chapters, diagnostics: loaded.diagnostics)
    }

    /// Checks and runs one chapter. A chapter with unusable blocks is not run.
    public func test(_ chapter: Chapter) -> ChapterReport {
        test(chapter, cache: OracleCache.load(url:))
    }

    private func test(_ chapter: Chapter, cache load: (URL) -> OracleCache) -> ChapterReport {
        let extracted = ExampleExtractor(interpreter: interpreter, defaultProfile: profile.version).extract(chapter)
        var diagrams: [Int: DiagramRequest] = [:]
        var steps: [Int: StepRequest] = [:]
        for block in extracted.blocks {
            if let words = block.options.diagram, let index = block.examples.first?.blockIndex {
                let request = DiagramRequest(words)
                diagrams[index] = request
                if request.objects || request.arenas { steps[index] = StepRequest(request, block: block) }
            }
        }
        var results: [ExampleResult] = []
        if extracted.diagnostics.isEmpty {
            var verifier = Verifier(interpreter: interpreter, profile: profile, everyProfile: everyProfile)
            if plan.needsCache(extracted.examples) {
                verifier.cache = cache ?? load(Self.cacheURL(of: chapter))
            }
            results = verifier.verify(extracted.examples, diagrams: diagrams, steps: steps)
        }
        return ChapterReport(chapter: chapter, blocks: extracted.blocks, results: results,
                             diagnostics: extracted.diagnostics + Self.unknownDiagrams(results, blocks: extracted.blocks, in: chapter))
    }

    /// `diagram=nosuchname`: a word that is no kind of picture and names nothing in
    /// `__main__` after the block is unusable input (exit 2), not a picture of nothing.
    /// Known only once the block has run, so it is reported from the results.
    static func unknownDiagrams(_ results: [ExampleResult], blocks: [HeapBlock], in chapter: Chapter) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for result in results {
            guard let diagram = result.diagram, !diagram.unknownNames.isEmpty,
                  let block = blocks.first(where: { $0.examples.first?.blockIndex == result.example.blockIndex })
            else { continue }
            let fence = chapter.source.text(ofLine: block.location.line)
            let option = fence.range(of: "diagram=")
            var known = DiagramRequest.kinds.sorted().map { "'\($0)'" }.joined(separator: ", ")
            known += " or a name bound in __main__ after the block"
            if !diagram.boundNames.isEmpty {
                known += " (" + diagram.boundNames.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
                    + (diagram.boundNames.count > 12 ? ", …" : "") + ")"
            }
            for name in diagram.unknownNames {
                // The caret goes under the name within `diagram=…`.
                var column: Int?
                if let option, let range = fence.range(of: name, range: option.upperBound..<fence.endIndex) {
                    column = fence.distance(from: fence.startIndex, to: range.lowerBound) + 1
                }
                diagnostics.append(Diagnostic(block.location, "unknown diagram '\(name)' (known: \(known))",
                                              sourceLine: fence, column: column, width: name.count))
            }
        }
        return diagnostics
    }

    /// Where the oracle cache of `chapter` lives: `.oracle-cache.json` beside it.
    public static func cacheURL(of chapter: Chapter) -> URL {
        chapter.url.deletingLastPathComponent().appendingPathComponent(OracleCache.fileName)
    }
}
