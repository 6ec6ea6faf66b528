import HeapEngine

/// Draws pymalloc's arenas as occupancy maps: one row per mapped arena, one cell per pool
/// (ARENA_SIZE / POOL_SIZE of them), filled from the bottom in proportion to the blocks in
/// use, with the pool's block size written in it.
///
/// A pool is in one of three states forever after it is carved off (obmalloc.c's "Pool
/// table"): used (some blocks free), full, or empty (back on the arena's free list, keeping
/// its size class until reused); a pool never carved is drawn hollow. An arena whose pools
/// all became empty is freed, so it disappears from the next picture: that is how "arenas
/// are returned" shows.
struct ArenaMap {
    var arenas: [ArenaSnapshot]
    var id: String
    var caption: String
    var maxArenas = 24

    static let cell = (width: 26, height: 30, gap: 2)
    static let poolsPerRow = 16

    func drawing() -> SVGDrawing {
        let margin = 16, labelHeight = 18, legendHeight = 44
        let shown = Array(arenas.prefix(maxArenas))
        let rowsPerArena = shown.map { ($0.pools.count + Self.poolsPerRow - 1) / Self.poolsPerRow }
        let stride = Self.cell.width + Self.cell.gap
        let width = 2 * margin + Self.poolsPerRow * stride
        var y = margin + legendHeight
        var drawing = SVGDrawing(id: id, width: width, height: 0, title: "Arenas and pools \(caption)",
                                 desc: description(), cssClass: "heap-diagram arena-map")
        drawing.groups.append(legend(x: margin, y: margin))
        for (a, arena) in shown.enumerated() {
            var label = SVGDrawing.Group(cssClass: "dg-arena-label")
            let used = arena.pools.filter { $0.isCarved && $0.blocksInUse > 0 }.count
            label.texts.append(.init(x: margin, y: y + 13,
                                     text: "arena \(arena.index) at 0x\(String(arena.address, radix: 16)) · \(used) of \(arena.ntotalpools) pools in use · \(arena.nfreepools) free",
                                     cssClass: "dg-meta"))
            drawing.groups.append(label)
            y += labelHeight
            for pool in arena.pools {
                let x = margin + (pool.index % Self.poolsPerRow) * stride
                let top = y + (pool.index / Self.poolsPerRow) * (Self.cell.height + Self.cell.gap)
                drawing.groups.append(cell(pool, x: x, y: top))
            }
            y += rowsPerArena[a] * (Self.cell.height + Self.cell.gap) + 10
        }
        if arenas.count > shown.count {
            var more = SVGDrawing.Group(cssClass: "dg-arena-label")
            more.texts.append(.init(x: margin, y: y + 12, text: "… \(arenas.count - shown.count) more arenas not drawn", cssClass: "dg-meta"))
            drawing.groups.append(more)
            y += 20
        }
        if arenas.isEmpty {
            var none = SVGDrawing.Group(cssClass: "dg-arena-label")
            none.texts.append(.init(x: margin, y: y + 12, text: "no arena is mapped", cssClass: "dg-meta"))
            drawing.groups.append(none)
            y += 20
        }
        drawing.height = y + margin
        return drawing
    }

    func cell(_ pool: ArenaSnapshot.Pool, x: Int, y: Int) -> SVGDrawing.Group {
        let state = pool.isCarved ? pool.state.rawValue : "uncarved"
        var group = SVGDrawing.Group(cssClass: "dg-pool dg-pool-\(state)", tooltip: tooltip(pool))
        let h = Self.cell.height, w = Self.cell.width
        group.rects.append(.init(x: x, y: y, width: w, height: h, rx: 2, cssClass: "dg-pool-box"))
        if pool.isCarved, pool.totalBlocks > 0, pool.blocksInUse > 0 {
            let filled = max(1, (h - 2) * pool.blocksInUse / pool.totalBlocks)
            group.rects.append(.init(x: x + 1, y: y + h - 1 - filled, width: w - 2, height: filled, cssClass: "dg-pool-fill"))
        }
        if pool.isCarved, let size = pool.blockSize {
            group.texts.append(.init(x: x + w / 2, y: y + 10, text: String(size), cssClass: "dg-pool-size", anchor: "middle"))
        }
        return group
    }

    func legend(x: Int, y: Int) -> SVGDrawing.Group {
        var group = SVGDrawing.Group(cssClass: "dg-legend")
        var cx = x
        for (state, text) in [("full", "full"), ("used", "used (some blocks free)"), ("empty", "empty"), ("uncarved", "not carved yet")] {
            group.rects.append(.init(x: cx, y: y + 2, width: 12, height: 12, rx: 2, cssClass: "dg-swatch dg-pool-\(state)"))
            group.texts.append(.init(x: cx + 17, y: y + 12, text: text, cssClass: "dg-meta"))
            cx += 17 + TextMetrics.sans(text, size: 11) + 16
        }
        group.texts.append(.init(x: x, y: y + 32, text: "The number in a pool is its block size in bytes; the fill, the share of blocks in use.", cssClass: "dg-meta"))
        return group
    }

    func tooltip(_ pool: ArenaSnapshot.Pool) -> String {
        guard pool.isCarved, let size = pool.blockSize, let sz = pool.sizeClass else {
            return "pool \(pool.index) at 0x\(String(pool.address, radix: 16)): not carved yet"
        }
        return "pool \(pool.index) at 0x\(String(pool.address, radix: 16)): size class \(sz) (\(size)-byte blocks), \(pool.blocksInUse) of \(pool.totalBlocks) blocks in use, \(pool.state.rawValue)"
    }

    func description() -> String {
        var items = ["\(arenas.count) arena\(arenas.count == 1 ? "" : "s") mapped."]
        for arena in arenas {
            let carved = arena.pools.filter(\.isCarved)
            let blocks = carved.reduce(0) { $0 + $1.blocksInUse }
            var bySize: [Int: Int] = [:]
            for p in carved where p.blocksInUse > 0 { bySize[p.blockSize ?? 0, default: 0] += 1 }
            let classes = bySize.keys.sorted().map { "\(bySize[$0]!) of \($0)-byte blocks" }.joined(separator: ", ")
            items.append("Arena \(arena.index): \(carved.count) of \(arena.ntotalpools) pools carved, \(blocks) blocks in use"
                         + (classes.isEmpty ? "." : "; pools in use: \(classes)."))
        }
        return String.sentences(items)
    }
}
