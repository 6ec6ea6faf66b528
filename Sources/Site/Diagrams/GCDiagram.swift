import HeapEngine
import HeapScript

/// Draws a `gc.collect()` phase by phase: the same objects in every picture, coloured and
/// labelled by where the collector stands (reachable, tentatively unreachable, unreachable,
/// freed), with each object's gc_refs. One SVG per phase of gcmodule.c's gc_collect_main;
/// `book.js` turns the list into a stepper, and without JavaScript they read top to bottom.
struct GCDiagram {
    var snapshot: GCCollectionSnapshot
    var id: String
    var caption: String

    static let boxWidth = 164
    static let boxHeight = 22 + 4 * 16 + 6

    /// What each phase has established, in gcmodule.c's words where it has them.
    static func explanation(_ phase: GCPhase) -> (title: String, text: String) {
        switch phase {
        case .updateRefs: return ("update_refs", "gc_refs starts as each object's refcount.")
        case .subtractRefs: return ("subtract_refs", "References from objects inside the collected generations are subtracted: gc_refs is now the number of references from outside.")
        case .moveUnreachable: return ("move_unreachable", "Objects with gc_refs > 0, and everything they reach, are reachable; the rest are unreachable.")
        case .finalizers: return ("finalizers", "Weak references to the garbage are cleared, __del__ methods run, and resurrected objects are put back.")
        case .delete: return ("delete_garbage", "The unreachable objects are cleared (tp_clear) and freed; survivors move to the next generation.")
        }
    }

    struct Step {
        var number: Int
        var title: String
        var text: String
        var svg: String
    }

    func steps(theme: Theme) throws -> [Step] {
        try snapshot.phases.enumerated().map { i, phase in
            let (title, text) = Self.explanation(phase.phase)
            return Step(number: i + 1, title: title, text: text,
                        svg: try drawing(phase, index: i).render(with: theme))
        }
    }

    func drawing(_ phase: GCCollectionSnapshot.Phase, index: Int) -> SVGDrawing {
        let graph = snapshot.graph
        let layout = LayeredLayout().place(columns: graph.nodes.map { $0.depth - 1 },
                                           sizes: graph.nodes.map { _ in (Self.boxWidth, Self.boxHeight) })
        let states = Dictionary(phase.objects.map { ($0.node, $0) }, uniquingKeysWith: { a, _ in a })
        let (title, _) = Self.explanation(phase.phase)
        var drawing = SVGDrawing(id: "\(id)-gc\(index + 1)", width: layout.width, height: layout.height,
                                 title: "gc.collect(), phase \(index + 1): \(title), \(caption)",
                                 desc: description(phase, states: states), cssClass: "heap-diagram gc-diagram")
        let outgoing = Dictionary(grouping: graph.edges, by: \.from)
        var arrows: [LayeredLayout.Arrow] = []
        let names = Dictionary(grouping: graph.bindings, by: \.node).mapValues { $0.map(\.name).joined(separator: ", ") }
        for node in graph.nodes {
            let b = layout.boxes[node.id]
            let state = states[node.id]
            let stateClass = state.map { Self.cssClass($0.state) } ?? "dg-gc-freed"
            var group = SVGDrawing.Group(cssClass: "dg-object \(stateClass)", tooltip: nil)
            group.rects.append(.init(x: b.x, y: b.y, width: b.width, height: b.height, rx: 4, cssClass: "dg-box"))
            group.rects.append(.init(x: b.x, y: b.y, width: b.width, height: 22, rx: 4, cssClass: "dg-header"))
            group.texts.append(.init(x: b.x + 8, y: b.y + 15, text: node.typeName, cssClass: "dg-type"))
            if let name = names[node.id] {
                group.texts.append(.init(x: b.x + b.width - 8, y: b.y + 15, text: "name " + name, cssClass: "dg-badge", anchor: "end"))
            }
            group.texts.append(.init(x: b.x + 8, y: b.y + 35, text: node.label, cssClass: "dg-value"))
            if let state {
                group.texts.append(.init(x: b.x + 8, y: b.y + 51, text: "refcount \(state.refcount)", cssClass: "dg-meta"))
                group.texts.append(.init(x: b.x + 8, y: b.y + 68, text: state.gcRefs >= 0 ? "gc_refs \(state.gcRefs)" : "gc_refs –", cssClass: "dg-gcrefs"))
                group.texts.append(.init(x: b.x + 8, y: b.y + 85, text: Self.label(state.state), cssClass: "dg-state"))
            } else {
                group.texts.append(.init(x: b.x + 8, y: b.y + 68, text: "freed", cssClass: "dg-gcrefs"))
            }
            group.tooltip = "\(node.typeName) \(node.label) at 0x\(String(node.address, radix: 16)): "
                + (state.map { "\(Self.label($0.state)), gc_refs \($0.gcRefs >= 0 ? String($0.gcRefs) : "–"), refcount \($0.refcount)" } ?? "freed")
            drawing.groups.append(group)
            let edges = outgoing[node.id] ?? []
            for (k, edge) in edges.enumerated() {
                let y = b.y + 28 + k * (b.height - 34) / max(1, edges.count)
                arrows.append(.init(x: b.x + b.width, y: y, target: edge.to, cssClass: edge.isWeak ? "dg-edge dg-weak" : "dg-edge"))
            }
        }
        for (arrow, d) in zip(arrows, LayeredLayout.route(arrows, boxes: layout.boxes)) {
            drawing.paths.append(.init(d: d, cssClass: arrow.cssClass))
        }
        return drawing
    }

    static func cssClass(_ state: GCObjectState) -> String {
        switch state {
        case .reachable: return "dg-gc-reachable"
        case .tentativelyUnreachable: return "dg-gc-tentative"
        case .unreachable: return "dg-gc-unreachable"
        }
    }

    static func label(_ state: GCObjectState) -> String {
        switch state {
        case .reachable: return "reachable"
        case .tentativelyUnreachable: return "tentatively unreachable"
        case .unreachable: return "unreachable"
        }
    }

    func description(_ phase: GCCollectionSnapshot.Phase, states: [Int: GCCollectionSnapshot.ObjectState]) -> String {
        let (title, text) = Self.explanation(phase.phase)
        var items = ["After \(title): \(text)"]
        for node in snapshot.graph.nodes {
            let bound = snapshot.graph.bindings.filter { $0.node == node.id }.map(\.name)
            let what = "\(node.typeName) \(node.label) (0x\(String(node.address, radix: 16)))" + (bound.isEmpty ? "" : ", bound to " + bound.joined(separator: ", "))
            if let s = states[node.id] {
                items.append("\(what): \(Self.label(s.state)), " + (s.gcRefs >= 0 ? "gc_refs \(s.gcRefs)" : "gc_refs not in use") + ", refcount \(s.refcount).")
            } else {
                items.append("\(what): freed.")
            }
        }
        return String.sentences(items)
    }
}
