/// "Did you mean: 'x'?" for NameError and AttributeError, as Python/suggestions.c (3.11)
/// computes it: the candidate with the smallest Levenshtein distance (moves cost 2, case
/// changes 1) within (len(name) + len(candidate) + 3) * 2 / 6, first candidate on ties.
enum Suggestions {
    static let maxCandidateItems = 750
    static let maxStringSize = 40
    static let moveCost = 2
    static let caseCost = 1

    static func suggest(_ name: String, among candidates: [String]) -> String? {
        guard candidates.count < maxCandidateItems else { return nil }
        let target = Array(name.utf8)
        var best: String?
        var bestDistance = Int.max
        for item in candidates where item != name {
            let itemBytes = Array(item.utf8)
            var maxDistance = (target.count + itemBytes.count + 3) * moveCost / 6
            if bestDistance - 1 < maxDistance { maxDistance = bestDistance - 1 }
            let d = levenshtein(target, itemBytes, maxCost: maxDistance)
            if d > maxDistance { continue }
            if best == nil || d < bestDistance { best = item; bestDistance = d }
        }
        return best
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a & 31 != b & 31 { return moveCost }
        if a == b { return 0 }
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        return lower(a) == lower(b) ? caseCost : moveCost
    }

    static func levenshtein(_ a0: [UInt8], _ b0: [UInt8], maxCost: Int) -> Int {
        if a0 == b0 { return 0 }
        var a = a0[...], b = b0[...]
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let aa = Array(a), bb = Array(b)
        var buffer = (0..<aa.count).map { ($0 + 1) * moveCost }
        var result = 0
        for bIndex in 0..<bb.count {
            let code = bb[bIndex]
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in 0..<aa.count {
                let substitute = distance + substitutionCost(code, aa[index])
                distance = buffer[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                buffer[index] = result
                if result < minimum { minimum = result }
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }
}
