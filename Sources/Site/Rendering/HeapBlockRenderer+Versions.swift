import Mustache
import Workbook

/// A `versions=` block as one table (`heap-versions.mustache`): a row per example (its
/// highlighted input), a column per listed version in the order listed, each cell that
/// version's output.
///
/// What a cell shows:
/// 1. the primary version's column: the expected output as written in the chapter (the
///    engine matched it, or the page would not be built);
/// 2. another version's column: the same written text when the engine's output under that
///    version matches it under the example's directives (so that a `...` pattern does not
///    read as a difference), else what the engine printed under that version.
///
/// A cell whose text differs from the cell to its left is highlighted (class, `title`,
/// a `≠` mark and visually hidden words, so that it shows in print and to screen readers).
/// Each header says what confirmed the column: "CPython 3.12.1 ✓" only when every compared
/// example of the column (not `+SKIP`, not `+ENGINE`) is confirmed by the oracle cache.
extension HeapBlockRenderer {
    func renderVersionTable(_ block: HeapBlock, versions: [String], results: [ExampleResult],
                            defaultProfile: String) throws -> String {
        let resultByLine = Dictionary(results.map { ($0.example.location.line, $0) }, uniquingKeysWith: { a, _ in a })
        let primary = block.options.python ?? results.first?.profile ?? defaultProfile
        var rows: [VersionTableContext.Row] = []
        for example in block.examples {
            let result = resultByLine[example.location.line]
            let skipped = result == nil || result?.status == .skipped
            var lines: [CodeLine] = []
            for (i, tokens) in highlightedLines(example.source).enumerated() {
                var tokens = tokens
                if block.form == .transcript {
                    tokens.insert(CodeLine.Token(kind: "gp", text: i == 0 ? ">>> " : "... "), at: 0)
                }
                lines.append(CodeLine(tokens: tokens, isOutput: false, outputClass: nil, note: nil))
            }
            let written = OutputMatcher.normalizeLineEnds(example.expected.text)
            var cells: [VersionTableContext.Cell] = []
            for version in versions {
                var text = written
                var note: String? = nil
                if skipped {
                    text = ""; note = "not run"
                } else if version != primary {
                    if let run = result?.otherVersions.first(where: { $0.profile == version }),
                       !OutputMatcher(directives: example.directives).matches(example.expected, run.result) {
                        text = OutputMatcher.normalizeLineEnds(run.got)
                    }
                }
                if !skipped, example.directives.contains(.engine) { note = "engine view" }
                var cell = VersionTableContext.Cell(version: version, text: text, note: note, differs: false, left: nil,
                                                    isTraceback: text.contains(OutputMatcher.tracebackHeader))
                if let previous = cells.last, !skipped, previous.text != text {
                    cell.differs = true
                    cell.left = versions[cells.count - 1]
                }
                cells.append(cell)
            }
            rows.append(.init(lines: lines, cells: cells))
        }
        let columns = versions.map { version in
            column(version, primary: primary, block: block, resultByLine: resultByLine)
        }
        let allSkipped = !results.isEmpty && results.allSatisfy { $0.status == .skipped }
        let others = versions.filter { $0 != primary }
        var mark = allSkipped
            ? "not run (+SKIP) · shown as written"
            : "verified by heapbook engine · CPython \(primary) profile as written"
        if !allSkipped, !others.isEmpty {
            mark += " · \(others.joined(separator: ", ")): the engine's output, compared with CPython's where marked ✓"
        }
        var options: [String] = []
        if block.options.fresh { options.append("fresh session") }
        let context = VersionTableContext(
            anchor: anchor(block.location.line), line: block.location.line, hasOptions: !options.isEmpty,
            options: options, copyText: Self.copyText(block), columns: columns, rows: rows,
            hasDifferences: rows.contains { $0.cells.contains(where: \.differs) },
            symbol: allSkipped ? "–" : "✓", mark: mark,
            diagrams: try results.last?.diagram.map { try diagramsHTML($0, block: block, anchor: anchor(block.location.line),
                                                                       line: block.location.line) })
        return try theme.render(context, template: "heap-versions")
    }

    /// A column's header: the version, and what confirmed its outputs.
    func column(_ version: String, primary: String, block: HeapBlock,
                resultByLine: [Int: ExampleResult]) -> VersionTableContext.Column {
        let compared = block.examples.filter {
            !$0.directives.contains(.skip) && !$0.directives.contains(.engine)
                && resultByLine[$0.location.line].map { $0.status != .skipped } == true
        }
        guard !compared.isEmpty else {
            return .init(version: version, mark: "not compared", confirmed: false)
        }
        var confirming: Set<String> = []
        for example in compared {
            let found: Set<String>
            if version == primary {
                found = Set(confirmations.confirmations(for: example))
            } else {
                let run = resultByLine[example.location.line]?.otherVersions.first { $0.profile == version }
                found = run?.confirmedBy.map { [$0] } ?? []
            }
            guard !found.isEmpty else { return .init(version: version, mark: "not confirmed", confirmed: false) }
            confirming.formUnion(found)
        }
        // Every example is confirmed (usually by one patch release; all of them are named).
        let cpython = confirming.sorted().joined(separator: ", ")
        return .init(version: version, mark: "CPython \(cpython) ✓", confirmed: true)
    }
}

struct VersionTableContext: MustacheParent {
    struct Column: MustacheParent {
        var version: String
        var mark: String
        var confirmed: Bool
        func child(named name: String) -> Any? {
            switch name {
            case "version": return version
            case "mark": return mark
            case "confirmed": return confirmed
            default: return nil
            }
        }
    }
    struct Cell: MustacheParent {
        /// The column's version (`data-version`: the label of the cell when print stacks the table).
        var version: String
        var text: String
        var note: String?
        var differs: Bool
        /// The version of the column to the left, when `differs`.
        var left: String?
        var isTraceback: Bool
        func child(named name: String) -> Any? {
            switch name {
            case "version": return version
            case "text": return text
            case "note": return note
            case "differs": return differs
            case "left": return left
            case "isTraceback": return isTraceback
            default: return nil
            }
        }
    }
    struct Row: MustacheParent {
        var lines: [CodeLine]
        var cells: [Cell]
        func child(named name: String) -> Any? {
            switch name {
            case "lines": return lines
            case "cells": return cells
            default: return nil
            }
        }
    }
    var anchor: String
    var line: Int
    var hasOptions: Bool
    var options: [String]
    var copyText: String
    var columns: [Column]
    var rows: [Row]
    var hasDifferences: Bool
    var symbol: String
    var mark: String
    /// Trusted HTML from `heap-diagrams.mustache`.
    var diagrams: String?

    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "line": return line
        case "hasOptions": return hasOptions
        case "options": return options
        case "copyText": return copyText
        case "columns": return columns
        case "rows": return rows
        case "hasDifferences": return hasDifferences
        case "symbol": return symbol
        case "mark": return mark
        case "diagrams": return diagrams
        default: return nil
        }
    }
}
