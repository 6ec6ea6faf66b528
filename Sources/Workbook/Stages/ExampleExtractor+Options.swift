import Foundation

import HeapEngine

extension ExampleExtractor {
    /// Parses the words after `heap` in the info string. Recognised: `fresh`,
    /// `python=X.Y`, `diagram`, `diagram=a,b`, `versions=X.Y,…`, `cpython`.
    ///
    /// `cpython` (checked against real CPython only) takes neither `diagram` (there is no
    /// simulated heap to draw) nor `versions=` (the engine's runs under other versions are
    /// what `versions=` checks).
    ///
    /// Each version of `versions=` must be a known profile, listed once, and the block's
    /// primary profile (`python=`, else `defaultProfile`) must be among them: its output is
    /// the one written in the block.
    func parseOptions(_ code: CodeBlock, fenceLine: String, location: SourceLocation,
                      diagnostics: inout [Diagnostic]) -> BlockOptions {
        var options = BlockOptions()
        let words = code.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst()
        var searchFrom = fenceLine.range(of: "heap")?.upperBound ?? fenceLine.startIndex
        var versionsColumn: Int?
        var versionsWidth = 1
        var conflicts: [(column: Int?, width: Int, name: String)] = []   // `diagram`, `versions=`
        for word in words {
            let range = fenceLine.range(of: word, range: searchFrom..<fenceLine.endIndex)
            if let range { searchFrom = range.upperBound }
            let wordColumn = range.map { fenceLine.distance(from: fenceLine.startIndex, to: $0.lowerBound) + 1 }
            func fail(_ message: String, offset: Int = 0, width: Int? = nil) {
                diagnostics.append(Diagnostic(location, message, sourceLine: fenceLine,
                                              column: wordColumn.map { $0 + offset }, width: width ?? word.count))
            }
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : nil
            let list = value.map { $0.split(separator: ",").map(String.init) }
            switch (name, value) {
            case ("fresh", nil):
                options.fresh = true
            case ("cpython", nil):
                options.cpython = true
            case ("python", let version?):
                if isKnown(version) {
                    options.python = version
                } else {
                    fail(unknownVersion(version))
                }
            case ("diagram", _):
                options.diagram = list ?? []
                conflicts.append((wordColumn, word.count, "diagram"))
            case ("versions", let value?):
                // Each item's offset within the word, so that the caret points at it.
                var offset = name.count + 1
                var seen: Set<String> = []
                var versions: [String] = []
                for item in value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                    defer { offset += item.count + 1 }
                    if item.isEmpty {
                        fail("empty version in '\(word)'", offset: offset - 1, width: 1)
                    } else if !isKnown(item) {
                        fail(unknownVersion(item), offset: offset, width: item.count)
                    } else if !seen.insert(item).inserted {
                        fail("version \(item) is listed twice in '\(word)'", offset: offset, width: item.count)
                    } else {
                        versions.append(item)
                    }
                }
                options.versions = versions
                versionsColumn = wordColumn
                versionsWidth = word.count
                conflicts.append((wordColumn, word.count, "versions="))
            default:
                fail("unknown heap option '\(word)'")
            }
        }
        if options.cpython {
            for conflict in conflicts {
                let why = conflict.name == "diagram"
                    ? "a cpython block is not simulated, so there is no heap to draw"
                    : "a cpython block is checked against its own CPython only (python=), not simulated under others"
                diagnostics.append(Diagnostic(location, "\(conflict.name) cannot be used with cpython: \(why)",
                                              sourceLine: fenceLine, column: conflict.column, width: conflict.width))
            }
        }
        if let versions = options.versions, !versions.isEmpty, !options.cpython {
            let primary = options.python ?? defaultProfile
            if !versions.contains(primary) {
                let why = options.python == nil
                    ? "the default profile (--python); list it, or choose another with python="
                    : "its python=; list it, or change python="
                diagnostics.append(Diagnostic(
                    location, "versions= must list \(primary), the block's primary version: \(why)",
                    sourceLine: fenceLine, column: versionsColumn, width: versionsWidth))
            }
        }
        return options
    }

    private func isKnown(_ version: String) -> Bool {
        profiles.contains(where: { $0.version == version })
    }

    private func unknownVersion(_ version: String) -> String {
        "Unknown Python version '\(version)'. Please provide one of \(Self.quotedList(profiles.map(\.version)))."
    }

    /// Reads a trailing `# heap: +ELLIPSIS, +SKIP` comment from one input line.
    func parseDirectives(_ line: String, line number: Int, in chapter: Chapter,
                         diagnostics: inout [Diagnostic]) -> Directives {
        guard let marker = line.range(of: "# heap:", options: .backwards) else { return [] }
        var directives = Directives()
        for item in line[marker.upperBound...].split(whereSeparator: { $0 == "," || $0 == " " }) {
            let sign = item.first
            let name = String(item.dropFirst())
            guard sign == "+" || sign == "-", let flag = Directives.byName[name] else {
                let raw = chapter.source.text(ofLine: number)
                let column = raw.range(of: String(item), options: .backwards)
                    .map { raw.distance(from: raw.startIndex, to: $0.lowerBound) + 1 }
                diagnostics.append(Diagnostic(
                    SourceLocation(path: chapter.path, line: number),
                    "unknown directive '\(item)' (known: \(Self.quotedList(Directives.byName.keys.sorted().map { "+" + $0 })))",
                    sourceLine: raw, column: column, width: item.count))
                continue
            }
            if sign == "+" { directives.insert(flag) } else { directives.remove(flag) }
        }
        return directives
    }

    /// "'a'", "'a' or 'b'", "'a', 'b' or 'c'" — argument-parser's way of listing choices.
    static func quotedList(_ items: [String]) -> String {
        let quoted = items.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
