import HeapEngine

/// How many columns a traceback gives a character when it places carets: two for East
/// Asian wide and full-width characters (`unicodedata.east_asian_width(c) in 'WF'`), one
/// for the rest (Lib/traceback.py `_display_width`, 3.11+; Python/traceback.c counts the
/// same). The tables are each interpreter's own (EastAsianWidth+Data.swift).
enum EastAsianWidth {
    static func isWide(_ c: Unicode.Scalar, _ database: UnicodeDatabase) -> Bool {
        let table: [ClosedRange<UInt32>]
        switch database {
        case .v14_0_0: table = unicode14_0_0
        case .v15_0_0: table = unicode15_0_0
        case .v15_1_0: table = unicode15_1_0
        }
        // Binary search over sorted, disjoint ranges.
        var low = 0, high = table.count
        while low < high {
            let mid = (low + high) / 2
            if table[mid].upperBound < c.value { low = mid + 1 } else { high = mid }
        }
        return low < table.count && table[low].contains(c.value)
    }

    /// `_display_width(line, offset)`: the columns the first `offset` characters take (an
    /// ASCII line answers `offset` itself, even past its end, as the fast track does).
    static func width<C: Collection>(_ line: C, _ offset: Int, _ database: UnicodeDatabase) -> Int
    where C.Element == Unicode.Scalar {
        if line.allSatisfy({ $0.isASCII }) { return offset }
        var w = 0
        for c in line.prefix(max(0, offset)) { w += c.isASCII ? 1 : isWide(c, database) ? 2 : 1 }
        return w
    }
}
