/// Left-to-right layered placement for object graphs.
///
/// Column k holds the objects first reached at breadth-first depth k from the names; within a
/// column, objects keep the order in which the search found them (their node ids), so the
/// same heap always gives the same picture. Arrows to a later column run forward; arrows to
/// the same or an earlier column (cycles, shared objects) loop over the top of their target
/// (`LayeredLayout.edgePath`), which keeps a cycle visible as a loop rather than a line
/// hidden behind boxes.
struct LayeredLayout {
    struct Box { var x: Int, y: Int, width: Int, height: Int }

    var margin = 16
    var columnGap = 50
    var rowGap = 18
    /// Room above the first row for arrows that loop over the top of a box.
    var topRoom = 34

    /// - Parameters:
    ///   - columns: each item's column (0 is the leftmost), in item order.
    ///   - sizes: each item's width and height.
    /// - Returns: every item's box, and the picture's size.
    func place(columns: [Int], sizes: [(width: Int, height: Int)]) -> (boxes: [Box], width: Int, height: Int) {
        let columnCount = (columns.max() ?? -1) + 1
        var columnWidth = [Int](repeating: 0, count: columnCount)
        for (i, c) in columns.enumerated() { columnWidth[c] = max(columnWidth[c], sizes[i].width) }
        var columnX = [Int](repeating: margin, count: columnCount)
        for c in 1..<max(1, columnCount) { columnX[c] = columnX[c - 1] + columnWidth[c - 1] + columnGap }
        var nextY = [Int](repeating: margin + topRoom, count: columnCount)
        var boxes: [Box] = []
        var height = margin + topRoom
        for (i, c) in columns.enumerated() {
            boxes.append(Box(x: columnX[c], y: nextY[c], width: sizes[i].width, height: sizes[i].height))
            nextY[c] += sizes[i].height + rowGap
            height = max(height, nextY[c] - rowGap + margin)
        }
        let width = columnCount == 0 ? 2 * margin : columnX[columnCount - 1] + columnWidth[columnCount - 1] + margin
        return (boxes, width, height)
    }

    /// An arrow that is yet to be routed: it leaves (x, y) for the box `target`.
    struct Arrow {
        var x: Int
        var y: Int
        var target: Int
        var cssClass: String
    }

    /// Routes `arrows`, so that no two of them end on the same point: arrows entering a box
    /// from the left are spread down its left edge in the order of where they come from
    /// (so they do not cross each other), and arrows looping back to a box take successive
    /// lanes. A box that five names and containers refer to shows five arrowheads, one
    /// under the other, that a reader can count.
    static func route(_ arrows: [Arrow], boxes: [Box]) -> [String] {
        var forward: [Int: [Int]] = [:]   // target → arrow indices entering from the left
        for (i, a) in arrows.enumerated() where boxes[a.target].x > a.x { forward[a.target, default: []].append(i) }
        var slot: [Int: (Int, Int)] = [:]   // arrow → (slot, slots)
        for (_, incoming) in forward {
            let ordered = incoming.sorted { (arrows[$0].y, arrows[$0].x, $0) < (arrows[$1].y, arrows[$1].x, $1) }
            for (k, i) in ordered.enumerated() { slot[i] = (k, ordered.count) }
        }
        var lanes: [Int: Int] = [:]
        return arrows.enumerated().map { i, a in
            let box = boxes[a.target]
            if let (k, n) = slot[i] { return edgePath(fromX: a.x, y: a.y, to: box, slot: k, slots: n) }
            let lane = lanes[a.target, default: 0]
            lanes[a.target] = lane + 1
            return edgePath(fromX: a.x, y: a.y, to: box, lane: lane)
        }
    }

    /// An arrow from a slot at (x, y) on the right edge of its box to `target`:
    /// 1. a target in a later column: enter its left edge, at its header for a single
    ///    arrow, else at slot `slot` of `slots` spread down the edge;
    /// 2. a target in the same column (its own box included): a bracket in the gap to the
    ///    right of the column, entering the target's right edge at its header;
    /// 3. a target in an earlier column: come down onto its top edge from above.
    /// `lane` separates arrows of cases 2 and 3 that share a target.
    static func edgePath(fromX x: Int, y: Int, to target: Box, lane: Int = 0, slot: Int = 0, slots: Int = 1) -> String {
        if target.x > x {
            let step = slots > 1 ? max(4, min(14, (target.height - 18) / (slots - 1))) : 0
            let ty = target.y + 11 + slot * step
            let dx = max(24, (target.x - x) / 2)
            return "M\(x),\(y) C\(x + dx),\(y) \(target.x - dx),\(ty) \(target.x),\(ty)"
        }
        let right = target.x + target.width
        if right >= x - 12 {
            let bulge = right + 16 + 5 * (lane % 6)
            let endY = target.y + 6 + (9 * lane) % max(8, target.height - 10)
            return "M\(x),\(y) C\(bulge),\(y) \(bulge),\(endY) \(right + 1),\(endY)"
        }
        // Along the top edge, from the middle rightwards, wrapping round to the left part.
        let span = max(12, target.width - 24)
        let tx = target.x + 12 + (target.width / 2 - 12 + 12 * lane) % span
        let lift = 26 + 6 * (lane % 6)
        return "M\(x),\(y) C\(x + 48),\(y) \(tx + 8),\(target.y - lift) \(tx),\(target.y - 1)"
    }
}
