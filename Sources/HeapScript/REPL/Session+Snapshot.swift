import HeapEngine

// Pictures of a session's heap, for the site's diagrams (docs/DESIGN.md §6).
//
// A snapshot is a read of the heap: it never runs Python code (no `__repr__`), never
// touches a refcount and never allocates a simulated object, so taking one cannot change
// what the next example prints. Labels are therefore computed here from the payloads
// (a short repr for scalars, the length for containers), not by calling `repr()`.
//
// The graph is the one a reader reasons about, in the spirit of Python Tutor: names →
// objects, containers → items (labelled by index or key), instances → attributes and
// `__dict__`, bound methods → `__func__`/`__self__`, cells → contents, weak references
// (drawn dashed, as they hold no reference). Types, modules and functions are drawn but not
// expanded: their references (globals, MROs, builtins) would swamp any picture.

/// The objects reachable from some names of `__main__`, as boxes and arrows.
public struct HeapSnapshot: Sendable, Equatable {
    /// Why an object's refcount is not the session's own (README, "Shared objects").
    public enum Shared: String, Sendable, Equatable {
        /// Cached at start-up: -5…256.
        case smallInt = "small int"
        /// In the interned-string table.
        case interned
        /// None, True, False, (), '', one-character strings, types: runtime state.
        case runtime = "singleton"
    }

    public struct Node: Sendable, Equatable {
        /// Position in breadth-first order from the names: stable for the same input.
        public var id: Int
        public var typeName: String
        /// A short repr (`42`, `'spam'`) or the length of a container (`len 3`).
        public var label: String
        /// ob_refcnt, CPython's number; nil for a shared object whose count the engine does
        /// not model (`Heap.hasUnmodelledCount`: `sys.getrefcount` of it is refused too).
        public var refcount: Int?
        /// `sys.getsizeof`.
        public var size: Int
        /// `id()`.
        public var address: UInt64
        public var shared: Shared?
        /// 1 for objects bound to a name, 2 for their referents, ….
        public var depth: Int
        /// References of this object that are not drawn (long containers).
        public var omittedReferences: Int
    }

    public struct Edge: Sendable, Equatable {
        public var from: Int
        public var to: Int
        /// `[0]`, `['key']`, `.attr`, `__dict__`, ….
        public var label: String
        /// A weak reference: no refcount is held.
        public var isWeak: Bool
    }

    public struct Binding: Sendable, Equatable {
        public var name: String
        public var node: Int
    }

    public var bindings: [Binding] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    /// Requested names that are not bound in `__main__`.
    public var missingNames: [String] = []
    /// Reachable objects left out because the picture reached its size limit.
    public var omittedObjects = 0

    public init() {}
}

/// A `gc.collect()` phase by phase (gcmodule.c's gc_collect_main), for pictures.
public struct GCCollectionSnapshot: Sendable, Equatable {
    public struct ObjectState: Sendable, Equatable {
        /// Node id in `graph`.
        public var node: Int
        /// gc_refs; -1 when the object is not being collected.
        public var gcRefs: Int
        public var state: GCObjectState
        public var refcount: Int
    }

    public struct Phase: Sendable, Equatable {
        public var phase: GCPhase
        /// The shown objects still alive in this phase, in node order.
        public var objects: [ObjectState]
    }

    /// The generation collected (2 = a full collection, as `gc.collect()`).
    public var generation: Int
    /// The shown objects (as of the first phase) and the references among them.
    public var graph: HeapSnapshot
    public var phases: [Phase]
    /// What `gc.collect()` returned: the unreachable objects found.
    public var collected: Int
    /// Objects of the collected generations that are not shown.
    public var otherObjects: Int
}

extension Session {
    /// The objects reachable from `roots` (names in `__main__`; nil: every name that does
    /// not start with `__` and is not a module), breadth first, at most `maxObjects`.
    public func heapSnapshot(roots: [String]? = nil, maxObjects: Int = 40,
                             maxReferencesPerObject: Int = 16) -> HeapSnapshot {
        HeapSnapshotBuilder(interp: interp, maxObjects: maxObjects, maxReferences: maxReferencesPerObject)
            .build(roots: roots)
    }

    /// Runs a full `gc.collect()` (generation 2) and records each phase. This changes the
    /// session like `gc.collect()` does; run it on a session made for the picture.
    /// - Parameter roots: names whose reachable containers are shown besides the garbage
    ///   (nil: every user name).
    public func gcCollectionSnapshot(roots: [String]? = nil, generation: Int = 2,
                                     maxObjects: Int = 30) -> GCCollectionSnapshot {
        Session.onLargeStack {
            GCSnapshotRecorder(interp: self.interp, roots: roots, maxObjects: maxObjects).record(generation: generation)
        }
    }

    /// Every mapped arena with its pools, as the allocator holds them now.
    public func arenaSnapshot() -> [ArenaSnapshot] { interp.heap.allocator.snapshot() }
}

// MARK: - Building the object graph

struct HeapSnapshotBuilder {
    let interp: Interpreter
    let maxObjects: Int
    let maxReferences: Int
    var heap: Heap { interp.heap }

    /// `__main__`'s user names in insertion order, with their objects.
    func mainBindings(_ roots: [String]?) -> (bound: [(String, ObjectRef)], missing: [String]) {
        var all: [(String, ObjectRef)] = []
        for (k, v) in interp.dictStorage(interp.mainDict).items { all.append((interp.stringValue(k), v)) }
        guard let roots else {
            return (all.filter { !$0.0.hasPrefix("__") && heap.kind($0.1) != .module }, [])
        }
        let byName = Dictionary(all, uniquingKeysWith: { a, _ in a })
        return (roots.compactMap { n in byName[n].map { (n, $0) } }, roots.filter { byName[$0] == nil })
    }

    func build(roots: [String]?) -> HeapSnapshot {
        var snapshot = HeapSnapshot()
        let (bound, missing) = mainBindings(roots)
        snapshot.missingNames = missing
        var ids: [ObjectRef: Int] = [:]
        var queue: [ObjectRef] = []
        var omitted = Set<ObjectRef>()
        func node(_ r: ObjectRef, depth: Int) -> Int? {
            if let id = ids[r] { return id }
            guard snapshot.nodes.count < maxObjects else { omitted.insert(r); return nil }
            let id = snapshot.nodes.count
            ids[r] = id
            snapshot.nodes.append(describe(r, id: id, depth: depth))
            queue.append(r)
            return id
        }
        for (name, r) in bound {
            if let id = node(r, depth: 1) { snapshot.bindings.append(.init(name: name, node: id)) }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]; head += 1
            let from = ids[r]!
            let refs = references(of: r)
            for (i, ref) in refs.enumerated() {
                guard i < maxReferences else { snapshot.nodes[from].omittedReferences = refs.count - i; break }
                if let to = node(ref.target, depth: snapshot.nodes[from].depth + 1) {
                    snapshot.edges.append(.init(from: from, to: to, label: ref.label, isWeak: ref.isWeak))
                } else {
                    snapshot.nodes[from].omittedReferences += 1
                }
            }
        }
        snapshot.omittedObjects = omitted.count
        return snapshot
    }

    // MARK: Nodes

    func describe(_ r: ObjectRef, id: Int, depth: Int) -> HeapSnapshot.Node {
        let i = Int(r)
        return HeapSnapshot.Node(id: id, typeName: interp.typeName(r), label: label(r),
                                 refcount: heap.hasUnmodelledCount(r) ? nil : heap.refcnt[i],
                                 size: interp.sizeof(r), address: heap.address[i], shared: shared(r),
                                 depth: depth, omittedReferences: 0)
    }

    func shared(_ r: ObjectRef) -> HeapSnapshot.Shared? {
        if case .str(let s) = heap.payload[Int(r)], s.isInterned, !heap.isStatic(r) { return .interned }
        guard heap.isStatic(r) else { return nil }
        if heap.kind(r) == .int { return .smallInt }
        if case .str(let s) = heap.payload[Int(r)], s.isInterned { return .interned }
        return .runtime
    }

    /// A short, side-effect-free label.
    func label(_ r: ObjectRef) -> String {
        let info = heap.typeInfo(of: r)
        switch heap.payload[Int(r)] {
        case .int, .bigInt, .float, .empty:
            if r == heap.none || info.kind == .int || info.kind == .bool || info.kind == .float {
                return Self.shorten(interp.reprString(r))
            }
            return info.name
        case .str(let s): return Self.shorten(Interpreter.strRepr(s.value))
        case .bytes(let b): return b.count <= 12 ? Interpreter.bytesRepr(b) : "len \(b.count)"
        case .tuple(let t): return info.kind == .tuple ? "len \(t.count)" : info.name
        case .list(let l): return "len \(l.count)"
        case .dict(let dObject): let d = dObject.storage; return "len \(d.count)"
        case .set(let sObject): let s = sObject.storage; return "len \(s.count)"
        case .type(let t): return t.name
        case .function(let f): return f.qualname + "()"
        case .module(let m): return m.name
        case .range(let v): return v.step == 1 ? "range(\(v.start), \(v.stop))" : "range(\(v.start), \(v.stop), \(v.step))"
        case .weakref(let w): return w.referent == nil ? "dead" : "alive"
        case .instance(let s):
            let n = s.attributes?.count ?? 0
            return s.dict == nil ? "\(n) attribute\(n == 1 ? "" : "s")" : "__dict__"
        default: return info.name
        }
    }

    static func shorten(_ s: String, limit: Int = 20) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    // MARK: References

    struct Reference { var target: ObjectRef; var label: String; var isWeak = false }

    /// The references a reader would draw, in a stable order.
    func references(of r: ObjectRef) -> [Reference] {
        func keyLabel(_ k: ObjectRef) -> String {
            switch heap.payload[Int(k)] {
            case .str(let s): return "[" + Self.shorten(Interpreter.strRepr(s.value), limit: 14) + "]"
            case .int, .bigInt, .float, .empty: return "[" + Self.shorten(interp.reprString(k), limit: 14) + "]"
            default: return "[key]"
            }
        }
        switch heap.payload[Int(r)] {
        case .list(let l): return l.items.enumerated().map { Reference(target: $1, label: "[\($0)]") }
        case .tuple(let t) where heap.kind(r) == .tuple:
            return t.enumerated().map { Reference(target: $1, label: "[\($0)]") }
        case .dict(let dObject): let d = dObject.storage
            return d.items.flatMap { item -> [Reference] in
                let keyIsScalar: Bool
                switch heap.payload[Int(item.key)] {
                case .str, .int, .bigInt, .float, .empty: keyIsScalar = true
                default: keyIsScalar = false
                }
                let value = Reference(target: item.value, label: keyLabel(item.key))
                return keyIsScalar ? [value] : [Reference(target: item.key, label: "key"), value]
            }
        case .set(let sObject): let s = sObject.storage; return s.elements.map { Reference(target: $0, label: "∈") }
        case .instance(let s):
            var out: [Reference] = []
            let slotNames = interp.heap.slotNamesInInstanceOrder(interp.heap.typeOf[Int(r)])
            for (k, v) in s.slots.enumerated() where k < slotNames.count {
                if let v { out.append(Reference(target: v, label: "." + slotNames[k])) }
            }
            if let a = s.attributes {
                for (k, v) in a.items { out.append(Reference(target: v, label: "." + interp.stringValue(k))) }
            }
            if let d = s.dict { out.append(Reference(target: d, label: "__dict__")) }
            return out
        case .method(let fn, let selfRef):
            return [Reference(target: fn, label: "__func__"), Reference(target: selfRef, label: "__self__")]
        case .cell(let c?): return [Reference(target: c, label: "cell_contents")]
        case .weakref(let w): return w.referent.map { [Reference(target: $0, label: "weak", isWeak: true)] } ?? []
        case .iterator(let it):
            return (it.seq.map { [Reference(target: $0, label: "seq")] } ?? [])
                + (it.result.map { [Reference(target: $0, label: "di_result")] } ?? [])
        default: return []
        }
    }
}

// MARK: - Recording a collection

final class GCSnapshotRecorder {
    let interp: Interpreter
    let roots: [String]?
    let maxObjects: Int
    /// Per observed object (first phase): its node description and its references.
    var described: [ObjectRef: (node: HeapSnapshot.Node, refs: [HeapSnapshotBuilder.Reference])] = [:]
    var observedOrder: [ObjectRef] = []
    var bindings: [(String, ObjectRef)] = []
    var phases: [(GCPhase, [GCObjectSnapshot])] = []

    init(interp: Interpreter, roots: [String]?, maxObjects: Int) {
        self.interp = interp; self.roots = roots; self.maxObjects = maxObjects
    }

    func record(generation: Int) -> GCCollectionSnapshot {
        let builder = HeapSnapshotBuilder(interp: interp, maxObjects: .max, maxReferences: .max)
        bindings = builder.mainBindings(roots).bound
        let collected = interp.heap.collect(generation: generation) { [self] phase, objects in
            if phases.isEmpty {
                // Everything is still alive: describe it now, before anything is freed.
                for o in objects {
                    observedOrder.append(o.ref)
                    described[o.ref] = (builder.describe(o.ref, id: 0, depth: 0), builder.references(of: o.ref))
                }
            }
            phases.append((phase, objects))
        }
        return assemble(generation: generation, collected: collected)
    }

    /// Chooses what to show: the garbage first (unreachable after move_unreachable), then
    /// what the names reach among the collected objects, breadth first, up to `maxObjects`.
    private func assemble(generation: Int, collected: Int) -> GCCollectionSnapshot {
        let unreachable = phases.first { $0.0 == .moveUnreachable }?.1.filter { $0.state == .unreachable }.map({ $0.ref }) ?? []
        var graph = HeapSnapshot()
        var ids: [ObjectRef: Int] = [:]
        var queue: [ObjectRef] = []
        func add(_ r: ObjectRef, depth: Int) -> Int? {
            if let id = ids[r] { return id }
            guard var entry = described[r]?.node, graph.nodes.count < maxObjects else { return nil }
            entry.id = graph.nodes.count; entry.depth = depth
            ids[r] = entry.id
            graph.nodes.append(entry)
            queue.append(r)
            return entry.id
        }
        func expand() {
            while !queue.isEmpty {
                let r = queue.removeFirst()
                let from = ids[r]!
                for ref in described[r]!.refs where described[ref.target] != nil {
                    if let to = add(ref.target, depth: graph.nodes[from].depth + 1) {
                        graph.edges.append(.init(from: from, to: to, label: ref.label, isWeak: ref.isWeak))
                    }
                }
            }
        }
        // Names first so that the layout reads left to right from them, then each piece of
        // garbage not reached from a name starts a group of its own.
        for (name, r) in bindings where described[r] != nil {
            if let id = add(r, depth: 1) { graph.bindings.append(.init(name: name, node: id)) }
        }
        expand()
        let reachedFromNames = graph.nodes.count
        for r in unreachable where ids[r] == nil {
            _ = add(r, depth: 1)
            expand()
        }
        // Keep every piece of garbage visible even if the names filled the picture.
        if graph.nodes.count == reachedFromNames, !unreachable.isEmpty, unreachable.allSatisfy({ ids[$0] == nil }) {
            graph = HeapSnapshot(); ids = [:]
            for r in unreachable where ids[r] == nil { _ = add(r, depth: 1); expand() }
        }
        let shown = phases.map { phase, objects in
            GCCollectionSnapshot.Phase(phase: phase, objects: objects.compactMap { o in
                ids[o.ref].map { .init(node: $0, gcRefs: o.gcRefs, state: o.state, refcount: o.refcnt) }
            }.sorted { $0.node < $1.node })
        }
        return GCCollectionSnapshot(generation: generation, graph: graph, phases: shown, collected: collected,
                                    otherObjects: observedOrder.count - graph.nodes.count)
    }
}
