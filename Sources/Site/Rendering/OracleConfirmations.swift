import Foundation
import HeapScript
import Workbook

/// The oracle cache (`chapters/.oracle-cache.json`) as the site's `ConfirmationSource`.
///
/// Each example is looked up by its `OracleKey` (profile + its input + its session's
/// earlier inputs), and confirmed only when the entry exists and its recorded CPython
/// output matches the example's expected output. An edited example (or one whose session
/// changed before it) has a new key; an edited expected output no longer matches: both
/// read "not confirmed", never confirmed.
public struct OracleConfirmations: ConfirmationSource {
    /// Confirming version per example location.
    private let confirmed: [SourceLocation: String]

    /// Reads the cache of the chapters in `directory` and keys their examples (the same
    /// loading `SiteBuilder.render(chaptersIn:)` does, so locations agree).
    public init(chaptersIn directory: String, defaultProfile: String,
                interpreter: any SessionFactory = HeapScriptSessions()) {
        let cache = OracleCache.load(directory: directory)
        let chapters = ChapterLoader().load([directory]).chapters
        self.init(cache: cache, chapters: chapters.map { ExampleExtractor(interpreter: interpreter, defaultProfile: defaultProfile).extract($0).examples },
                  defaultProfile: defaultProfile)
    }

    /// As `init(chaptersIn:defaultProfile:interpreter:)`, reusing what `memo` kept from the
    /// last call for every chapter whose text did not change while the oracle cache's bytes
    /// did not either (`serve`: keying every example of the book with SHA-256 took a fifth
    /// of an edit's rebuild).
    public init(chaptersIn directory: String, defaultProfile: String, memo: Memo,
                interpreter: any SessionFactory = HeapScriptSessions()) {
        let bytes = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(OracleCache.fileName))
        if bytes != memo.oracleBytes || defaultProfile != memo.defaultProfile {
            memo.oracleBytes = bytes
            memo.defaultProfile = defaultProfile
            memo.cache = OracleCache.load(directory: directory)
            memo.chapters = [:]
        }
        var confirmed: [SourceLocation: String] = [:]
        var kept: [String: (Chapter, [SourceLocation: String])] = [:]
        for chapter in ChapterLoader().load([directory]).chapters {
            let mine: [SourceLocation: String]
            if let known = memo.chapters[chapter.path], known.0 == chapter {
                mine = known.1
            } else {
                let examples = ExampleExtractor(interpreter: interpreter, defaultProfile: defaultProfile).extract(chapter).examples
                mine = Self.confirmed(examples, cache: memo.cache, defaultProfile: defaultProfile)
            }
            kept[chapter.path] = (chapter, mine)
            confirmed.merge(mine) { a, _ in a }
        }
        memo.chapters = kept
        self.confirmed = confirmed
    }

    /// What `init(chaptersIn:defaultProfile:memo:)` keeps between calls.
    public final class Memo: @unchecked Sendable {
        var oracleBytes: Data?
        var defaultProfile = ""
        var cache = OracleCache()
        var chapters: [String: (Chapter, [SourceLocation: String])] = [:]
        public init() {}
    }

    /// - Parameter chapters: each chapter's examples, in order.
    public init(cache: OracleCache, chapters: [[Example]], defaultProfile: String) {
        var confirmed: [SourceLocation: String] = [:]
        for examples in chapters {
            confirmed.merge(Self.confirmed(examples, cache: cache, defaultProfile: defaultProfile)) { a, _ in a }
        }
        self.confirmed = confirmed
    }

    /// The confirming version of each confirmed example of one chapter.
    static func confirmed(_ examples: [Example], cache: OracleCache, defaultProfile: String) -> [SourceLocation: String] {
        var confirmed: [SourceLocation: String] = [:]
        let keys = OracleKey.keys(for: examples, defaultProfile: defaultProfile)
        for (example, key) in zip(examples, keys) {
            if let key, let version = cache.confirmation(for: example, key: key) { confirmed[example.location] = version }
        }
        return confirmed
    }

    public func confirmations(for example: Example) -> [String] {
        confirmed[example.location].map { [$0] } ?? []
    }
}

extension ConfirmationSource {
    /// Whether this source speaks for real CPython at all (`NoConfirmations` claims nothing
    /// and shows nothing).
    var isActive: Bool { !(self is NoConfirmations) }

    /// The note on an example's first line when it is compared but not confirmed.
    func unconfirmedNote(for example: Example, skipped: Bool) -> String? {
        guard isActive, !skipped, !example.directives.contains(.engine), !example.directives.contains(.skip),
              confirmations(for: example).isEmpty else { return nil }
        return "not confirmed on CPython"
    }

    /// The block caption's tail: " · confirmed on CPython 3.11.7" only when every compared
    /// example is confirmed by that version; otherwise how many are not.
    func blockMark(for compared: [Example]) -> String {
        var agreed = Set(confirmations(for: compared[0]))
        for example in compared.dropFirst() { agreed.formIntersection(confirmations(for: example)) }
        if !agreed.isEmpty { return " · confirmed on CPython " + agreed.sorted().joined(separator: ", ") }
        guard isActive else { return "" }
        let unconfirmed = compared.filter { confirmations(for: $0).isEmpty }.count
        return unconfirmed == compared.count
            ? " · not confirmed on CPython"
            : " · not confirmed on CPython (\(unconfirmed) of \(compared.count) examples)"
    }

    /// The caption of a `cpython` block (checked against real CPython only, never
    /// simulated): "confirmed on CPython 3.11.7 — not simulated" when every compared
    /// example is confirmed by that version, else how many are not.
    func cpythonOnlyMark(for compared: [Example]) -> String {
        guard let first = compared.first else { return "not run — not simulated" }
        var agreed = Set(confirmations(for: first))
        for example in compared.dropFirst() { agreed.formIntersection(confirmations(for: example)) }
        if !agreed.isEmpty { return "confirmed on CPython " + agreed.sorted().joined(separator: ", ") + " — not simulated" }
        let unconfirmed = compared.filter { confirmations(for: $0).isEmpty }.count
        return unconfirmed == compared.count
            ? "not confirmed on CPython — not simulated"
            : "not confirmed on CPython (\(unconfirmed) of \(compared.count) examples) — not simulated"
    }
}
