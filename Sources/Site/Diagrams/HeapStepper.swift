import Mustache
import HeapScript
import Workbook

/// A `diagram` block statement by statement: one picture of the heap before the block and
/// one after each of its statements, each marking what changed since the step before.
///
/// Everything is computed here, at build time, from the `HeapStep`s the Verifier recorded:
/// the page holds one inline SVG per step and `book.js` shows one at a time (without
/// JavaScript, and in print, they read top to bottom). Objects are matched from one step to
/// the next by address and type — what `id()` and `type()` would tell a reader — so an
/// object freed and another made at the same address with the same type reads as the same
/// box with new numbers, which is also what CPython's free lists make of it.
struct HeapStepper {
    var steps: [HeapStep]
    /// The block's examples, for each step's statement.
    var examples: [Example]
    /// The heap block's anchor: step pictures are `<anchor>-s<k>`.
    var anchor: String
    /// False for a `diagram=arenas` block: its steps show the pools only, no pictures.
    var drawsObjects = true

    struct Step {
        var number: Int
        var isFirst: Bool
        var isLast: Bool
        /// "before the block" or the statement's first line.
        var statement: String
        var line: Int?
        var changes: [String]
        var generations: [Cell]
        var pools: [PoolRow]
        /// Empty when the picture is the same as step `sameAs`'s, which the page shows instead
        /// (most statements that only print a number leave the heap as it was).
        var svg: String
        var sameAs: Same?
        var hasChanges: Bool { !changes.isEmpty }
        var hasGenerations: Bool { !generations.isEmpty }
        var hasPools: Bool { !pools.isEmpty }
    }
    struct Same { var index: Int; var label: String }
    struct Cell { var text: String; var changed: Bool }
    struct PoolRow { var blockSize: Int; var pools: Cell; var blocks: Cell }

    func render(theme: Theme) throws -> [Step] {
        var out: [Step] = []
        var drawn = 0   // the last step with a picture of its own
        for (k, step) in steps.enumerated() {
            let previous = k > 0 ? steps[k - 1] : nil
            // The last step always has its picture: it is the one print and a page without
            // JavaScript end on, the heap after the block.
            if !drawsObjects {
                out.append(Step(number: k, isFirst: k == 0, isLast: k == steps.count - 1,
                                statement: statement(step), line: step.line, changes: [],
                                generations: generations(step, previous), pools: pools(step, previous),
                                svg: "", sameAs: nil))
                continue
            }
            if let previous, previous.objects == step.objects, k < steps.count - 1 {
                out.append(Step(number: k, isFirst: false, isLast: k == steps.count - 1,
                                statement: statement(step), line: step.line,
                                changes: ["no object, name, reference, refcount or size drawn changed"],
                                generations: generations(step, previous), pools: pools(step, previous),
                                svg: "", sameAs: Same(index: drawn, label: drawn == 0 ? "before the block" : "after statement \(drawn)")))
                continue
            }
            drawn = k
            let delta = previous.map { Delta(from: $0.objects, to: step.objects) }
            var diagram = HeapDiagram(snapshot: step.objects, id: "\(anchor)-s\(k)", caption: caption(step))
            diagram.highlight = delta?.highlight
            out.append(Step(number: k, isFirst: k == 0, isLast: k == steps.count - 1,
                            statement: statement(step), line: step.line,
                            changes: previous == nil ? [] : describe(delta!, from: previous!.objects, to: step.objects),
                            generations: generations(step, previous),
                            pools: pools(step, previous),
                            svg: try diagram.drawing().render(with: theme), sameAs: nil))
        }
        return out
    }

    func statement(_ step: HeapStep) -> String {
        guard let line = step.line, let example = examples.first(where: { $0.location.line == line }) else {
            return "before the block"
        }
        let lines = example.source.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let first = HeapBlockRenderer.withoutDirectives(lines.first ?? "")
        return lines.count > 1 ? first + " …" : first
    }

    func caption(_ step: HeapStep) -> String {
        step.line.map { "after the statement at line \($0)" } ?? "before the block"
    }

    func generations(_ step: HeapStep, _ previous: HeapStep?) -> [Cell] {
        guard let counts = step.generationCounts else { return [] }
        return counts.enumerated().map { g, n in
            let before = previous?.generationCounts?[g]
            return Cell(text: "gen \(g): " + (before.map { $0 == n ? "\(n)" : "\($0) → \(n)" } ?? "\(n)"),
                        changed: before != nil && before != n)
        }
    }

    func pools(_ step: HeapStep, _ previous: HeapStep?) -> [PoolRow] {
        guard let summary = step.pools else { return [] }
        let before = Dictionary((previous?.pools?.classes ?? []).map { ($0.blockSize, $0) }, uniquingKeysWith: { a, _ in a })
        let sizes = Set(summary.classes.map(\.blockSize)).union(before.keys).sorted()
        let now = Dictionary(summary.classes.map { ($0.blockSize, $0) }, uniquingKeysWith: { a, _ in a })
        return sizes.map { size in
            let a = before[size], b = now[size]
            func cell(_ old: Int?, _ new: Int) -> Cell {
                guard previous?.pools != nil else { return Cell(text: "\(new)", changed: false) }
                let old = old ?? 0
                return Cell(text: old == new ? "\(new)" : "\(old) → \(new)", changed: old != new)
            }
            return PoolRow(blockSize: size, pools: cell(a?.pools, b?.pools ?? 0), blocks: cell(a?.blocksInUse, b?.blocksInUse ?? 0))
        }
    }

    /// The changes in words, as the text alternative of the highlighting.
    func describe(_ delta: Delta, from old: HeapSnapshot, to new: HeapSnapshot) -> [String] {
        func name(_ n: HeapSnapshot.Node) -> String { "\(n.typeName) \(n.label) at 0x\(String(n.address, radix: 16))" }
        var out: [String] = []
        for b in new.bindings where delta.highlight.bindings.contains(b.name) {
            let was = old.bindings.contains { $0.name == b.name }
            out.append("\(b.name) \(was ? "now refers to" : "→") \(name(new.nodes[b.node]))")
        }
        for b in old.bindings where !new.bindings.contains(where: { $0.name == b.name }) {
            out.append("\(b.name) is no longer bound")
        }
        for id in delta.highlight.newNodes.sorted() {
            // A shared object (a small int, an interned string) was there all along: it is
            // only newly reached.
            out.append((new.nodes[id].shared == nil ? "new: " : "now reached: ") + name(new.nodes[id]))
        }
        for id in delta.highlight.changed.keys.sorted() {
            guard let before = delta.previous[id] else { continue }
            let n = new.nodes[id]
            var parts: [String] = []
            if before.refcount != n.refcount {
                parts.append("refcount \(before.refcount.map(String.init) ?? "–") → \(n.refcount.map(String.init) ?? "–")")
            }
            if before.size != n.size { parts.append("size \(before.size) → \(n.size) B") }
            if before.label != n.label { parts.append("\(before.label) → \(n.label)") }
            out.append("\(n.typeName) at 0x\(String(n.address, radix: 16)): " + parts.joined(separator: ", "))
        }
        if delta.newEdges > 0 { out.append("\(delta.newEdges) new reference\(delta.newEdges == 1 ? "" : "s") (highlighted)") }
        for n in delta.gone { out.append("no longer drawn (freed, or not reachable from the names): \(name(n))") }
        return out.isEmpty ? ["nothing drawn changed"] : out
    }

    /// What differs between two pictures, by object identity (address and type).
    struct Delta {
        var highlight = HeapDiagram.Highlight()
        /// For each node of the new picture that was in the old one, its old description.
        var previous: [Int: HeapSnapshot.Node] = [:]
        var gone: [HeapSnapshot.Node] = []
        var newEdges = 0

        struct Key: Hashable { var address: UInt64; var type: String }

        init(from old: HeapSnapshot, to new: HeapSnapshot) {
            func key(_ n: HeapSnapshot.Node) -> Key { Key(address: n.address, type: n.typeName) }
            let oldByKey = Dictionary(old.nodes.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
            let newKeys = Set(new.nodes.map(key))
            for n in new.nodes {
                guard let before = oldByKey[key(n)] else { highlight.newNodes.insert(n.id); continue }
                previous[n.id] = before
                var fields = Set<HeapDiagram.Highlight.Field>()
                if before.refcount != n.refcount { fields.insert(.refcount) }
                if before.size != n.size { fields.insert(.size) }
                if before.label != n.label { fields.insert(.label) }
                if !fields.isEmpty { highlight.changed[n.id] = fields }
            }
            gone = old.nodes.filter { !newKeys.contains(key($0)) }
            let oldBindings = Dictionary(old.bindings.map { ($0.name, key(old.nodes[$0.node])) }, uniquingKeysWith: { a, _ in a })
            for b in new.bindings where oldBindings[b.name] != key(new.nodes[b.node]) { highlight.bindings.insert(b.name) }
            struct EdgeKey: Hashable { var from: Key; var label: String; var to: Key }
            let oldEdges = Set(old.edges.map { EdgeKey(from: key(old.nodes[$0.from]), label: $0.label, to: key(old.nodes[$0.to])) })
            for (i, e) in new.edges.enumerated()
            where !oldEdges.contains(EdgeKey(from: key(new.nodes[e.from]), label: e.label, to: key(new.nodes[e.to]))) {
                highlight.edges.insert(i)
            }
            newEdges = highlight.edges.count
        }
    }
}

// A hand-written lookup: `has…` are computed, which a Mirror would not see.
extension HeapStepper.Step: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "isFirst": return isFirst
        case "isLast": return isLast
        case "statement": return statement
        case "line": return line
        case "changes": return changes
        case "hasChanges": return hasChanges
        case "generations": return generations
        case "hasGenerations": return hasGenerations
        case "pools": return pools
        case "hasPools": return hasPools
        case "svg": return svg
        case "hasPicture": return !svg.isEmpty
        case "sameAs": return sameAs
        default: return nil
        }
    }
}
