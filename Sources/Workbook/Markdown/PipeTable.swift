/// A GitHub-flavoured pipe table (the GFM "tables" extension), which plain CommonMark —
/// libcmark — reads as an ordinary paragraph. `CommonMarkConverter` finds such paragraphs and
/// renders them with this type; cell contents still go through cmark (safe mode) as inline
/// Markdown.
///
/// The rules are GFM's: a header row, then a delimiter row (`---`, `:--`, `--:`, `:-:` per
/// cell) with as many cells as the header, then body rows; leading and trailing pipes are
/// optional, `\|` is a literal pipe, body rows are cut or padded to the header's width.
struct PipeTable: Equatable {
    enum Alignment: Equatable { case none, left, center, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]]

    /// The table in `lines` (a paragraph's source lines), or nil if they are not one.
    init?(lines: [Substring]) {
        guard lines.count >= 2, lines[0].contains("|") else { return nil }
        let header = Self.cells(lines[0])
        let delimiters = Self.cells(lines[1])
        guard !header.isEmpty, header.count == delimiters.count else { return nil }
        var alignments: [Alignment] = []
        for cell in delimiters {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        self.header = header
        self.alignments = alignments
        rows = lines.dropFirst(2).map { line in
            let cells = Self.cells(line)
            return Array(cells.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - cells.count))
        }
    }

    /// Splits a row on unescaped pipes, dropping the optional outer ones; `\|` becomes `|`.
    static func cells(_ line: Substring) -> [String] {
        var row = line.trimmingWhitespace()
        if row.hasPrefix("|") { row.removeFirst() }
        if row.hasSuffix("|") && !row.hasSuffix("\\|") { row.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in row {
            if escaped {
                current.append(ch == "|" ? "|" : "\\" + String(ch))
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                cells.append(String(current.trimmingWhitespace())); current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        cells.append(String(current.trimmingWhitespace()))
        return cells
    }

    /// `<table>` HTML; `inline` renders one cell's Markdown (already escaped by cmark).
    func html(inline: (String) -> String) -> String {
        func attribute(_ a: Alignment) -> String {
            switch a {
            case .none: return ""
            case .left: return " style=\"text-align: left\""
            case .center: return " style=\"text-align: center\""
            case .right: return " style=\"text-align: right\""
            }
        }
        var html = "<table>\n<thead>\n<tr>\n"
        for (cell, a) in zip(header, alignments) { html += "<th scope=\"col\"\(attribute(a))>\(inline(cell))</th>\n" }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n"
            for row in rows {
                html += "<tr>\n"
                for (cell, a) in zip(row, alignments) { html += "<td\(attribute(a))>\(inline(cell))</td>\n" }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>"
    }
}

private extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}

private extension String {
    func trimmingWhitespace() -> Substring { Substring(self).trimmingWhitespace() }
}
