import HeapEngine

// What a traceback prints under each `File "…", line N, in f` line: the source, and from
// 3.11 (PEP 657) carets under the part that failed.
// - 3.6, 3.8: the line, leading whitespace removed (Python/traceback.c display_source_line).
// - 3.11, 3.12: Python/traceback.c tb_displayline: carets from the instruction's columns;
//   a binary operation or subscript on one line anchored (`~~^~~`, `~^^^`); left out when
//   they would underline the whole line and nothing is anchored.
// - 3.13: Lib/traceback.py StackSummary.format_frame_summary (PyErr_Display calls it): the
//   instruction's lines dedented, calls anchored too, multi-line locations shown whole (or
//   abbreviated), no carets for `x = f(...)` / `return f(...)` spanning their line.
// Columns are characters, as CPython's byte offsets become once converted; carets count East
// Asian wide characters twice (`EastAsianWidth`).

extension Interpreter {
    /// The lines printed for `entry` under its `File` line, each ending in a newline.
    func sourceLines(_ entry: TracebackEntry) -> String {
        switch profile.tracebackCarets {
        case .none:
            guard let line = sourceLine(entry.filename, entry.line) else { return "" }
            let stripped = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            return stripped.isEmpty ? "" : "    \(String(String.UnicodeScalarView(stripped)))\n"
        case .pep657:
            return TracebackLines(database: profile.unicodeDatabase).displayLine(entry, sourceLine(entry.filename, entry.line))
        case .pep657Anchored:
            let lines = entry.position.map { p in (p.line...max(p.line, p.endLine)).map { sourceLine(entry.filename, $0) } }
                ?? [sourceLine(entry.filename, entry.line)]
            return TracebackLines(database: profile.unicodeDatabase).formatFrameSummary(entry, lines)
        }
    }

    /// Line `n` of a file the session ran (a script, or a 3.13 REPL statement `<stdin>-N`),
    /// without its line break; nil when linecache would have nothing.
    func sourceLine(_ filename: String, _ n: Int) -> [Unicode.Scalar]? {
        guard let lines = sourceFiles[filename], n >= 1, n <= lines.count else { return nil }
        var line = Array(lines[n - 1].unicodeScalars)
        if line.last == "\r" { line.removeLast() }
        return line
    }
}

/// The two caret algorithms, over lines of Unicode scalars.
struct TracebackLines {
    let database: UnicodeDatabase

    typealias Line = [Unicode.Scalar]

    /// Python/traceback.c's IS_WHITESPACE.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{0C}" }

    /// str.isspace() for the scalars a source line can hold.
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    func width<C: Collection>(_ line: C, _ offset: Int) -> Int where C.Element == Unicode.Scalar {
        EastAsianWidth.width(line, offset, database)
    }

    static func string<C: Collection>(_ s: C) -> String where C.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }

    // MARK: - 3.11, 3.12: tb_displayline

    func displayLine(_ entry: TracebackEntry, _ source: Line?) -> String {
        guard let line = source else { return "" }
        let leading = line.prefix(while: TracebackLines.isWhitespace).count
        let stripped = line[leading...]
        if stripped.isEmpty { return "" }
        var out = "    " + TracebackLines.string(stripped) + "\n"
        guard let p = entry.position, p.line == entry.line, p.column >= 0, p.endColumn >= 0,
              p.column <= line.count else { return out }
        let start = p.column
        var end = min(p.endColumn, line.count)
        var anchors: Anchors?
        if p.line == p.endLine {
            guard start <= end else { return out }
            anchors = TracebackLines.anchors311(Array(line[start..<end]))
        } else {
            // A multi-line location is underlined to the last non-blank character of its
            // first line.
            end = (line.lastIndex { !TracebackLines.isWhitespace($0) } ?? -1) + 1
        }
        // No carets when they would span the frame's line (trailing blanks count as line).
        if anchors == nil && end - start == line.count - leading { return out }
        let dpStart = width(line, start), dpEnd = width(line, end)
        out += "    " + String(repeating: " ", count: max(0, dpStart - leading))
        if let a = anchors {
            let segment = line[start..<end]
            let left = width(segment, a.leftEnd), right = width(segment, a.rightStart)
            out += String(repeating: "~", count: left) + String(repeating: "^", count: max(0, right - left))
                + String(repeating: "~", count: max(0, dpEnd - dpStart - right))
        } else {
            out += String(repeating: "^", count: max(0, dpEnd - dpStart))
        }
        return out + "\n"
    }

    /// Offsets into a one-line segment: the secondary (`^`) part is `leftEnd..<rightStart`.
    struct Anchors {
        var leftEnd: Int
        var rightStart: Int
    }

    /// extract_anchors_from_line (3.11, 3.12): the segment parsed on its own as a module of
    /// one expression statement; a binary operation anchors its operator, a subscript its
    /// brackets.
    static func anchors311(_ segment: Line) -> Anchors? {
        guard let body = parseLeniently(segment), body.count == 1, case .expr(let e) = body[0].kind else { return nil }
        switch e.kind {
        case .binary(_, let left, let right):
            guard left.span.endLine == 1, right.span.line == 1 else { return nil }
            var i = left.span.endColumn
            var anchors = Anchors(leftEnd: i, rightStart: i + 1)
            while i < right.span.column && i < segment.count {
                if isWhitespace(segment[i]) { i += 1; continue }
                anchors = Anchors(leftEnd: i, rightStart: i + 1)
                if i + 1 < right.span.column && !isWhitespace(segment[i + 1]) { anchors.rightStart += 1 }
                // A closing parenthesis of the left operand: keep looking for the operator.
                if i + 1 < right.span.column && segment[i] == ")" { i += 1; continue }
                break
            }
            return anchors
        case .subscript(let value, let index):
            guard value.span.endLine == 1, index.span.endLine == 1 else { return nil }
            var left = value.span.endColumn, right = index.span.endColumn + 1
            while left < segment.count && segment[left] != "[" { left += 1 }
            while right < segment.count && segment[right] != "]" { right += 1 }
            if right < segment.count { right += 1 }
            return Anchors(leftEnd: left, rightStart: right)
        default:
            return nil
        }
    }

    /// The statements of `source` if it is Python (outside heapbook's subset included), nil
    /// if it is not: the traceback's own `ast.parse`, whose failure just means no anchors.
    static func parseLeniently<C: Collection>(_ source: C) -> [Stmt]? where C.Element == Unicode.Scalar {
        Parser.parseModuleLeniently(string(source))
    }

    // MARK: - 3.13: StackSummary.format_frame_summary

    /// `lines`: the source of each line of the instruction's location (nil where linecache
    /// has none), first to last.
    func formatFrameSummary(_ entry: TracebackEntry, _ lines: [Line?]) -> String {
        // FrameSummary._set_lines: each line rstripped, missing ones empty.
        let original: [Line] = lines.map { line in
            guard var l = line else { return [] }
            while let last = l.last, TracebackLines.isSpace(last) { l.removeLast() }
            return l
        }
        let dedented = TracebackLines.dedent(original)
        guard dedented.contains(where: { !$0.allSatisfy(TracebackLines.isSpace) }) else { return "" }
        guard let p = entry.position, p.column >= 0, p.endColumn >= 0 else {
            let first = original[0].drop(while: TracebackLines.isSpace)
            return "    " + TracebackLines.string(first) + "\n"
        }
        let firstLine = original[0], lastLine = original[original.count - 1]
        // _byte_offset_to_character_offset clamps to the (rstripped) line.
        var start = min(p.column, firstLine.count), end = min(p.endColumn, lastLine.count)
        let all = dedented
        let dedentCharacters = firstLine.count - all[0].count
        start = max(0, start - dedentCharacters)
        end = max(0, end - dedentCharacters)
        let dpStart = width(all[0], start), dpEnd = width(all[all.count - 1], end)
        var joined: Line = []
        for (k, l) in all.enumerated() { if k > 0 { joined.append("\n") }; joined += l }
        let segmentEnd = joined.count - (all[all.count - 1].count - end)
        let segment = start <= segmentEnd ? Array(joined[start..<segmentEnd]) : []
        let anchors = TracebackLines.anchors313(segment)
        let showCarets = shouldShowCarets(start, end, all, anchors != nil)

        var significant: Set<Int> = [0, all.count - 1]
        var leftEnd = 0, rightStart = 0
        if let a = anchors {
            leftEnd = a.leftEndLine == 0 ? a.leftEnd + start : a.leftEnd
            rightStart = a.rightStartLine == 0 ? a.rightStart + start : a.rightStart
            leftEnd = width(all[a.leftEndLine], leftEnd)
            rightStart = width(all[a.rightStartLine], rightStart)
            for l in (a.leftEndLine - 1)...(a.leftEndLine + 1) { significant.insert(l) }
            for l in (a.rightStartLine - 1)...(a.rightStartLine + 1) { significant.insert(l) }
        }
        significant.remove(-1)
        significant.remove(all.count)

        var result: [Line] = []
        func outputLine(_ n: Int) {
            result.append(all[n])
            guard showCarets else { return }
            let spaces = all[n].prefix(while: TracebackLines.isSpace).count
            let count = n == all.count - 1 ? dpEnd : width(all[n], all[n].count)
            var carets: Line = []
            for col in 0..<max(0, count) {
                if col < spaces || (n == 0 && col < dpStart) {
                    carets.append(" ")
                } else if let a = anchors,
                          n > a.leftEndLine || (n == a.leftEndLine && col >= leftEnd),
                          n < a.rightStartLine || (n == a.rightStartLine && col < rightStart) {
                    carets.append("^")
                } else {
                    carets.append(anchors == nil ? "^" : "~")
                }
            }
            result.append(carets)
        }
        let ordered = significant.sorted()
        for (k, n) in ordered.enumerated() {
            if k > 0 {
                let gap = n - ordered[k - 1]
                if gap == 2 { outputLine(n - 1) } else if gap > 2 { result.append(Array("...<\(gap - 1) lines>...".unicodeScalars)) }
            }
            outputLine(n)
        }
        // textwrap.indent(textwrap.dedent(...), '    ', lambda line: True)
        return TracebackLines.dedent(result).map { "    " + TracebackLines.string($0) + "\n" }.joined()
    }

    /// _should_show_carets: none for `return f(...)` / `x = f(...)` that fill their lines,
    /// and none for an unanchored location with nothing else on its lines.
    func shouldShowCarets(_ start: Int, _ end: Int, _ all: [Line], _ anchored: Bool) -> Bool {
        var source: Line = []
        for (k, l) in all.enumerated() { if k > 0 { source.append("\n") }; source += l }
        if let body = TracebackLines.parseLeniently(source) {
            guard let statement = body.first else { return false }
            var value: Expr?
            switch statement.kind {
            case .return(let v?):
                if case .call(let f, _, _) = v.kind, case .name = f.kind { value = v }
            case .assign(let targets, let v):
                if case .call = v.kind, targets.count == 1, case .name = targets[0].kind { value = v }
            default: break
            }
            // ast's columns are UTF-8 bytes, compared with character offsets as 3.13 does.
            if let v = value, v.span.line == 1, v.span.endLine == all.count,
               TracebackLines.utf8Offset(all[0], v.span.column) == start,
               TracebackLines.utf8Offset(all[all.count - 1], v.span.endColumn) == end {
                return false
            }
        }
        if anchored { return true }
        return all[0].prefix(start).contains { !TracebackLines.isSpace($0) }
            || all[all.count - 1].dropFirst(end).contains { !TracebackLines.isSpace($0) }
    }

    static func utf8Offset(_ line: Line, _ characters: Int) -> Int {
        line.prefix(characters).reduce(0) { $0 + UTF8.width($1) }
    }

    /// Anchors over a possibly multi-line segment: (line, offset) of the secondary part's
    /// start and end.
    struct LineAnchors {
        var leftEndLine: Int
        var leftEnd: Int
        var rightStartLine: Int
        var rightStart: Int
    }

    /// _extract_caret_anchors_from_line_segment (3.13): the segment parsed as `(\n…\n)`; a
    /// binary operation anchors its operator, a subscript and a call their brackets.
    static func anchors313(_ segment: Line) -> LineAnchors? {
        guard let body = parseLeniently(Array("(\n".unicodeScalars) + segment + Array("\n)".unicodeScalars)),
              body.count == 1, case .expr(let e) = body[0].kind else { return nil }
        let lines = split(segment)
        // next_valid_char: the next position that holds a character (asserts there is one).
        func nextValid(_ l: Int, _ c: Int) -> (Int, Int)? {
            var l = l, c = c
            while l < lines.count && c >= lines[l].count { c = 0; l += 1 }
            return l < lines.count && c < lines[l].count ? (l, c) : nil
        }
        func incrementUntil(_ l: Int, _ c: Int, _ stop: (Unicode.Scalar) -> Bool) -> (Int, Int)? {
            var pos = (l, c)
            while true {
                let ch = lines[pos.0][pos.1]
                if ch == "\\" || ch == "#" {
                    guard let next = nextValid(pos.0 + 1, 0) else { return nil }
                    pos = next
                } else if !stop(ch) {
                    guard let next = nextValid(pos.0, pos.1 + 1) else { return nil }
                    pos = next
                } else {
                    return pos
                }
            }
        }
        // Positions in the parsed text are one line down (the added "(\n").
        func endOf(_ x: Expr) -> (Int, Int) { (x.span.endLine - 2, x.span.endColumn) }
        switch e.kind {
        case .binary(_, let left, let right):
            let (l0, c0) = endOf(left)
            guard let valid = nextValid(l0, c0),
                  let (l, c) = incrementUntil(valid.0, valid.1, { !isSpace($0) && $0 != ")" }) else { return nil }
            var rightCol = c + 1
            if rightCol < lines[l].count,
               right.span.line - 2 > l || rightCol < right.span.column,
               !isSpace(lines[l][rightCol]), lines[l][rightCol] != "\\", lines[l][rightCol] != "#" {
                rightCol += 1
            }
            return LineAnchors(leftEndLine: l, leftEnd: c, rightStartLine: l, rightStart: rightCol)
        case .subscript(let value, _), .call(let value, _, _):
            let open: Unicode.Scalar
            if case .subscript = e.kind { open = "[" } else { open = "(" }
            let (l0, c0) = endOf(value)
            guard let valid = nextValid(l0, c0),
                  let (l, c) = incrementUntil(valid.0, valid.1, { $0 == open }) else { return nil }
            let (rl, rc) = endOf(e)
            return LineAnchors(leftEndLine: l, leftEnd: c, rightStartLine: rl, rightStart: rc)
        default:
            return nil
        }
    }

    static func split(_ s: Line) -> [Line] {
        var lines: [Line] = [[]]
        for c in s { if c == "\n" { lines.append([]) } else { lines[lines.count - 1].append(c) } }
        if lines.count > 1 && lines[lines.count - 1].isEmpty { lines.removeLast() }
        return lines
    }

    /// textwrap.dedent: the longest leading whitespace every non-blank line shares is
    /// removed; blank lines become empty.
    static func dedent(_ lines: [Line]) -> [Line] {
        var margin: Line?
        for l in lines where !l.allSatisfy(isSpace) {
            let indent = Array(l.prefix { $0 == " " || $0 == "\t" })
            guard let m = margin else { margin = indent; continue }
            var k = 0
            while k < m.count && k < indent.count && m[k] == indent[k] { k += 1 }
            margin = Array(m.prefix(k))
        }
        let cut = margin?.count ?? 0
        return lines.map { $0.allSatisfy(isSpace) ? [] : Array($0.dropFirst(cut)) }
    }
}
