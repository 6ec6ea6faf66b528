import Foundation

import HeapEngine

extension ExampleExtractor {
    /// Parses the words after `heap` in the info string. Recognised: `fresh`,
    /// `python=X.Y`, `diagram`, `diagram=a,b`, `versions=X.Y,…`.
    func parseOptions(_ code: CodeBlock, fenceLine: String, location: SourceLocation,
                      diagnostics: inout [Diagnostic]) -> BlockOptions {
        var options = BlockOptions()
        let words = code.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst()
        var searchFrom = fenceLine.range(of: "heap")?.upperBound ?? fenceLine.startIndex
        for word in words {
            let range = fenceLine.range(of: word, range: searchFrom..<fenceLine.endIndex)
            if let range { searchFrom = range.upperBound }
            func fail(_ message: String) {
                let column = range.map { fenceLine.distance(from: fenceLine.startIndex, to: $0.lowerBound) + 1 }
                diagnostics.append(Diagnostic(location, message, sourceLine: fenceLine,
                                              column: column, width: word.count))
            }
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : nil
            let list = value.map { $0.split(separator: ",").map(String.init) }
            switch (name, value) {
            case ("fresh", nil):
                options.fresh = true
            case ("python", let version?):
                if profiles.contains(where: { $0.version == version }) {
                    options.python = version
                } else {
                    fail("Unknown Python version '\(version)'. Please provide one of \(Self.quotedList(profiles.map(\.version))).")
                }
            case ("diagram", _):
                options.diagram = list ?? []
            case ("versions", _?):
                options.versions = list
            default:
                fail("unknown heap option '\(word)'")
            }
        }
        return options
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
