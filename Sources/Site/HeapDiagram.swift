import HeapScript

/// Draws a `HeapSnapshot` as boxes and arrows, in the spirit of Python Tutor.
///
/// The names of `__main__` sit in a frame on the left; each object is a box with its type,
/// value or length, refcount, `sys.getsizeof` and address, and one slot per reference it
/// holds (`[0]`, `['key']`, `.attr`) from which its arrow leaves. Objects CPython shares with
/// its start-up state (small ints, interned strings, singletons) are marked: their engine
/// refcount (1,000,000 + the session's references) is not a number any real CPython shows.
struct HeapDiagram {
    var snapshot: HeapSnapshot
    /// Unique on the page (the heap block's anchor).
    var id: String
    /// Where the picture was taken, for its title ("after line 12").
    var caption: String
    /// What changed since the step before (the stepper's pictures); nil draws no marks.
    var highlight: Highlight?

    /// Marks on a stepper's picture: new objects and names, changed numbers, new arrows.
    struct Highlight: Equatable {
        enum Field: Hashable { case refcount, size, label }
        var newNodes: Set<Int> = []
        var changed: [Int: Set<Field>] = [:]
        /// Names bound or rebound since the step before.
        var bindings: Set<String> = []
        /// Indices into the snapshot's edges.
        var edges: Set<Int> = []
    }

    static let boxWidth = 160
    static let headerHeight = 22
    static let lineHeight = 17
    static let slotHeight = 20

    func drawing() -> SVGDrawing {
        let hasFrame = !snapshot.bindings.isEmpty
        let frameWidth = max(112, (snapshot.bindings.map { TextMetrics.mono($0.name) }.max() ?? 0) + 44)
        var columns: [Int] = []
        var sizes: [(width: Int, height: Int)] = []
        if hasFrame {
            columns.append(0)
            sizes.append((frameWidth, Self.headerHeight + snapshot.bindings.count * Self.slotHeight + 6))
        }
        let outgoing = Dictionary(grouping: snapshot.edges, by: \.from)
        let outgoingIndexed = Dictionary(grouping: snapshot.edges.enumerated().map { ($1, $0) }, by: { $0.0.from })
        for node in snapshot.nodes {
            columns.append(hasFrame ? node.depth : node.depth - 1)
            let slots = (outgoing[node.id]?.count ?? 0) + (node.omittedReferences > 0 ? 1 : 0)
            sizes.append((Self.boxWidth, Self.headerHeight + 3 * Self.lineHeight + 8 + slots * Self.slotHeight))
        }
        let layout = LayeredLayout().place(columns: columns, sizes: sizes)
        let offset = hasFrame ? 1 : 0
        func box(_ node: Int) -> LayeredLayout.Box { layout.boxes[node + offset] }

        var drawing = SVGDrawing(id: id, width: layout.width, height: layout.height,
                                 title: "Objects \(caption)", desc: description(), cssClass: "heap-diagram")
        var arrows: [LayeredLayout.Arrow] = []
        if hasFrame {
            let frame = layout.boxes[0]
            var group = SVGDrawing.Group(cssClass: "dg-frame")
            group.rects.append(.init(x: frame.x, y: frame.y, width: frame.width, height: frame.height, rx: 4, cssClass: "dg-frame-box"))
            group.texts.append(.init(x: frame.x + 8, y: frame.y + 15, text: "__main__", cssClass: "dg-title"))
            for (i, binding) in snapshot.bindings.enumerated() {
                let y = frame.y + Self.headerHeight + i * Self.slotHeight
                let dotX = frame.x + frame.width - 10, dotY = y + 10
                let rebound = highlight?.bindings.contains(binding.name) == true
                group.rects.append(.init(x: frame.x + 4, y: y, width: frame.width - 8, height: Self.slotHeight - 2, rx: 2,
                                         cssClass: rebound ? "dg-slot dg-delta-slot" : "dg-slot"))
                group.texts.append(.init(x: frame.x + 10, y: y + 14, text: binding.name, cssClass: "dg-name"))
                group.circles.append(.init(cx: dotX, cy: dotY, r: 3, cssClass: "dg-dot"))
                arrows.append(.init(x: dotX, y: dotY, target: binding.node + offset,
                                    cssClass: rebound ? "dg-edge dg-binding dg-edge-new" : "dg-edge dg-binding"))
            }
            drawing.groups.append(group)
        }
        for node in snapshot.nodes {
            let b = box(node.id)
            let changed = highlight?.changed[node.id] ?? []
            var groupClass = node.shared == nil ? "dg-object" : "dg-object dg-shared"
            if highlight?.newNodes.contains(node.id) == true { groupClass += " dg-new" } else if !changed.isEmpty { groupClass += " dg-changed" }
            var group = SVGDrawing.Group(cssClass: groupClass, tooltip: tooltip(node))
            group.rects.append(.init(x: b.x, y: b.y, width: b.width, height: b.height, rx: 4, cssClass: "dg-box"))
            group.rects.append(.init(x: b.x, y: b.y, width: b.width, height: Self.headerHeight, rx: 4, cssClass: "dg-header"))
            group.texts.append(.init(x: b.x + 8, y: b.y + 15, text: node.typeName, cssClass: "dg-type"))
            if let shared = node.shared {
                group.texts.append(.init(x: b.x + b.width - 8, y: b.y + 15, text: shared.rawValue, cssClass: "dg-badge", anchor: "end"))
            }
            var y = b.y + Self.headerHeight + Self.lineHeight
            group.texts.append(.init(x: b.x + 8, y: y - 3, text: node.label, cssClass: changed.contains(.label) ? "dg-value dg-delta" : "dg-value"))
            y += Self.lineHeight
            // A shared object's count is shown when it is CPython's and small enough to read
            // (3.6/3.8); 3.11's start-up counts near 10^9 and 3.12's immortal 4294967295 are
            // shown as "shared", and an unmodelled count (nil) never.
            let refcount = node.refcount.map { node.shared != nil && $0 >= 1_000_000 ? "refcount shared" : "refcount \($0)" }
                ?? "refcount shared"
            group.texts.append(.init(x: b.x + 8, y: y - 3, text: "\(refcount) · \(node.size) B",
                                     cssClass: changed.contains(.refcount) || changed.contains(.size) ? "dg-meta dg-delta" : "dg-meta"))
            y += Self.lineHeight
            group.texts.append(.init(x: b.x + 8, y: y - 3, text: "id 0x" + String(node.address, radix: 16), cssClass: "dg-address"))
            y += 8
            for (edge, index) in outgoingIndexed[node.id] ?? [] {
                group.rects.append(.init(x: b.x + 4, y: y, width: b.width - 8, height: Self.slotHeight - 2, rx: 2, cssClass: "dg-slot"))
                group.texts.append(.init(x: b.x + 10, y: y + 14, text: edge.label, cssClass: "dg-name"))
                let dotX = b.x + b.width - 10, dotY = y + 10
                group.circles.append(.init(cx: dotX, cy: dotY, r: 3, cssClass: "dg-dot"))
                var cssClass = edge.isWeak ? "dg-edge dg-weak" : "dg-edge"
                if highlight?.edges.contains(index) == true { cssClass += " dg-edge-new" }
                arrows.append(.init(x: dotX, y: dotY, target: edge.to + offset, cssClass: cssClass))
                y += Self.slotHeight
            }
            if node.omittedReferences > 0 {
                group.texts.append(.init(x: b.x + 10, y: y + 14, text: "… \(node.omittedReferences) more not drawn", cssClass: "dg-meta"))
            }
            drawing.groups.append(group)
        }
        for (arrow, d) in zip(arrows, LayeredLayout.route(arrows, boxes: layout.boxes)) {
            drawing.paths.append(.init(d: d, cssClass: arrow.cssClass))
        }
        return drawing
    }

    func tooltip(_ node: HeapSnapshot.Node) -> String {
        var text = "\(node.typeName) \(node.label) at 0x\(String(node.address, radix: 16)): "
            + (node.refcount.map { "refcount \($0)" } ?? "refcount not modelled") + ", sys.getsizeof \(node.size)"
        if let shared = node.shared { text += " (shared: \(shared.rawValue); its refcount includes CPython's start-up references)" }
        return text
    }

    /// The text alternative: every name, object and reference in words.
    func description() -> String {
        var items: [String] = []
        func name(_ id: Int) -> String {
            let n = snapshot.nodes[id]
            return "\(n.typeName) \(n.label) (0x\(String(n.address, radix: 16)))"
        }
        for b in snapshot.bindings { items.append("Name \(b.name) refers to \(name(b.node)).") }
        let outgoing = Dictionary(grouping: snapshot.edges, by: \.from)
        for node in snapshot.nodes {
            var s = "\(name(node.id)): " + (node.refcount.map { "refcount \($0)" } ?? "refcount not modelled") + ", \(node.size) bytes"
            if let shared = node.shared { s += ", shared (\(shared.rawValue))" }
            let refs = (outgoing[node.id] ?? []).map { "\($0.label) → \(name($0.to))" }
            if !refs.isEmpty { s += "; references " + refs.joined(separator: ", ") }
            items.append(s + ".")
        }
        if !snapshot.missingNames.isEmpty { items.append("Not bound: \(snapshot.missingNames.joined(separator: ", ")).") }
        if snapshot.omittedObjects > 0 { items.append("\(snapshot.omittedObjects) more objects are not drawn.") }
        return String.sentences(items)
    }
}
