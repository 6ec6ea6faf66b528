import Foundation
import HeapScript

/// Decides whether what an example printed matches what the chapter expects.
///
/// The rules (docs/DESIGN.md §5): comparison is literal (no tab expansion) except that
/// whitespace at line ends is ignored; `<BLANKLINE>` stands for an empty line. Two forms:
///
/// 1. Plain: expected text vs stdout followed by stderr.
/// 2. Traceback, as doctest does it: when the expected output contains the line
///    `Traceback (most recent call last):`, the lines before it are compared with stdout,
///    the stack (indented lines and `...`) is skipped, and the exception line(s) — from the
///    first line that starts with a word character — are compared with the result's
///    `exception`.
///
/// `+ELLIPSIS` and `+NORMALIZE_WHITESPACE` apply to each comparison.
public struct OutputMatcher: Sendable {
    public static let tracebackHeader = "Traceback (most recent call last):"

    public var directives: Directives
    public init(directives: Directives) { self.directives = directives }

    public func matches(_ expected: ExpectedOutput, _ result: ExecutionResult) -> Bool {
        let lines = expected.lines.map { $0 == "<BLANKLINE>" ? "" : $0 }
        guard let header = lines.firstIndex(of: Self.tracebackHeader) else {
            return matches(lines.joined(separator: "\n"), result.stdout + result.stderr)
        }
        guard let exception = result.exception else { return false }
        let stack = lines[(header + 1)...]
        let message = stack.drop { line in
            guard let first = line.unicodeScalars.first else { return true }
            return !(first.properties.isAlphabetic || first.properties.numericType != nil || first == "_")
        }
        return matches(lines[..<header].joined(separator: "\n"), result.stdout)
            && matches(message.joined(separator: "\n"), exception)
    }

    /// Compares one expected text with one actual text under the directives.
    public func matches(_ want: String, _ got: String) -> Bool {
        var want = Self.normalizeLineEnds(want)
        var got = Self.normalizeLineEnds(got)
        if directives.contains(.normalizeWhitespace) {
            want = Self.collapseWhitespace(want); got = Self.collapseWhitespace(got)
        }
        if directives.contains(.ellipsis) { return Self.ellipsisMatch(want, got) }
        return want == got
    }

    // MARK: - Normalization

    /// Drops one final newline, then whitespace at every line end.
    public static func normalizeLineEnds(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines.map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// doctest's `_ellipsis_match`: `...` matches any run of characters (also none).
    static func ellipsisMatch(_ want: String, _ got: String) -> Bool {
        let pieces = want.components(separatedBy: "...")
        guard pieces.count > 1 else { return want == got }
        let got = Array(got.utf8)
        let first = Array(pieces[0].utf8), last = Array(pieces[pieces.count - 1].utf8)
        guard got.starts(with: first), got.count >= first.count + last.count,
              Array(got.suffix(last.count)) == last else { return false }
        var start = first.count
        let end = got.count - last.count
        for piece in pieces.dropFirst().dropLast() {
            let piece = Array(piece.utf8)
            guard !piece.isEmpty else { continue }
            var found: Int?
            var i = start
            while i + piece.count <= end {
                if got[i..<(i + piece.count)].elementsEqual(piece) { found = i; break }
                i += 1
            }
            guard let at = found else { return false }
            start = at + piece.count
        }
        return true
    }
}
