/// Phantom start-up objects: the GC-tracked objects CPython's start-up leaves in the
/// collector's generations (module dicts, functions, classes, code objects of site,
/// encodings, importlib, the REPL...), which the engine does not model one by one.
///
/// Without them `len(gc.get_objects())` would be the session's own handful where CPython
/// says thousands (3.11.7 `python -q -i`: 12,468). A phantom is a row that only counts:
///
/// - it sits in a generation list, at the old end (start-up's objects are older than
///   anything the session makes), and moves with the survivors of each collection;
/// - it takes no simulated memory: its row has address 0 and is static, so no address the
///   allocator hands out changes;
/// - it has no referents (payload `.empty`, traversed as nothing) and a static refcount, so
///   a collection never finds it unreachable and it never changes another object's gc_refs;
/// - it is never freed. Some are *untracked* by collections, as CPython's untrack_tuples
///   and untrack_dicts untrack start-up's tuples and dicts (`StartupObjects` has the counts);
/// - the interpreter refuses every look at one beyond identity and counting (its type,
///   repr, attributes, size, referents...): `Heap.isStartupPhantom`.
///
/// Invariant: `gc.phantomStages` only grows; `gc.startupObjectsExact` false means the counts
/// are no longer known (gc.freeze() before every stage happened) and the interpreter refuses
/// whatever would show them.
extension Heap {
    /// CPython's parser arena (Python/pyarena.c): each parse makes a list, `a_objects`, that
    /// holds the parser's token objects and is freed once the code has run. It is a tracked
    /// list, so it is in `gc.get_objects()` while a statement runs (3.11.7: after
    /// `gc.collect(0)`, generation 0 holds it and nothing else of the REPL's). A REPL
    /// statement has one; `exec(SOURCE)` typed at the prompt (how a chapter's script block
    /// runs) two; `python3 FILE` one for the whole run. The engine keeps its parser objects in
    /// a Swift array (Compiler.arena), so each arena list is a phantom tracked for the run,
    /// without touching the collector's counts (the fitted start-up counts include it). No-op
    /// unless phantoms are installed: without them get_objects() is refused.
    public func trackParserArenas(_ n: Int) {
        guard let type = phantomType else { return }
        while parserArenas.count < n {
            defer { liveCount -= 1 }   // statistics count the session's objects
            parserArenas.append(newPhantomRow(type: type))
        }
        let saved = gc.counts
        for r in parserArenas.prefix(n) { gc.track(r) }
        gc.counts = saved
    }

    /// The arenas are freed after the run (wherever collections moved them).
    public func untrackParserArenas() {
        for r in parserArenas { gc.untrack(r) }
    }

    /// A phantom's row: static at address 0 (no simulated memory), with a static refcount.
    private func newPhantomRow(type: ObjectRef) -> ObjectRef {
        let r = newRow(type: type, address: 0, payload: .empty, flags: [.isStatic, .fromStartup])
        refcnt[Int(r)] = profile.immortalRefcount ?? StartupRefcounts.staticObject
        return r
    }

    /// Whether `r` is a phantom start-up object.
    @inline(__always)
    public func isStartupPhantom(_ r: ObjectRef) -> Bool {
        phantomType != nil && typeOf[Int(r)] == phantomType
    }

    /// Makes `plan.generations[g]` phantoms at the head of generation g (and `plan.frozen` in
    /// the permanent generation). Called once, before the session's first statement.
    /// Before that, the engine's own start-up objects (everything tracked in generation 0)
    /// move to `plan.engineObjectsGeneration`.
    ///
    /// `__main__`'s module goes with its dict, just before it, as in CPython's lists (the
    /// module is tracked when it is made, the dict once it holds a GC object): a collection
    /// that finds the module reachable then reaches the dict, and the objects only the dict
    /// holds, without moving them, which decides the order of their finalizers at exit.
    public func installStartupPhantoms(_ plan: StartupObjects, mainModule: ObjectRef, mainDict: ObjectRef) {
        precondition(gc.startupPlan == nil, "start-up phantoms installed twice")
        gc.startupPlan = plan
        if plan.engineObjectsGeneration != 0 { gc.merge(0, into: plan.engineObjectsGeneration) }
        if let g = plan.mainDictGeneration {
            for r in [mainModule, mainDict] where gc.isTracked(r) { gc.move(GCState.node(r), to: g) }
        }
        let type = newStaticType(name: "<start-up object>", kind: .object, base: builtinType(.object),
                                 basicSize: 16, isGC: true)
        phantomType = type
        let savedLive = liveCount
        let lists = [0, 1, 2, GCState.permanentGeneration]
        let counts = plan.generations + [plan.frozen]
        for (head, n) in zip(lists, counts) where n > 0 {
            var rows: [ObjectRef] = []
            for _ in 0..<n { rows.append(newPhantomRow(type: type)) }
            gc.ensureRow(rows.last!)
            // In order, in front of what the list already holds.
            for r in rows.reversed() { gc.prepend(GCState.node(r), to: head) }
        }
        liveCount = savedLive   // statistics count the session's objects
    }

    /// Whether a start-up object (modelled or phantom) may hold a reference to `r`, so that
    /// gc.get_referrers(r) would list phantoms CPython shows as dicts, functions, code
    /// objects...: static objects (small ints, None, True/False, (), '', one-character strs,
    /// builtin types), interned strs (start-up's code and dicts use the same ones), types,
    /// modules, builtin functions and code, and everything start-up made
    /// (`ObjectFlags.fromStartup`).
    public func mayBeReferencedByStartup(_ r: ObjectRef) -> Bool {
        if isStatic(r) || isStartupObject(r) { return true }
        switch kind(r) {
        case .type, .module, .builtinFunction, .code: return true
        case .str:
            if let s = stringValueIfInterned(r) { return interned[s] == r }
            return false
        default: return false
        }
    }

    /// The text of an interned str row (nil when it is not in the interned dictionary).
    private func stringValueIfInterned(_ r: ObjectRef) -> String? {
        guard case .str(let s) = payload[Int(r)] else { return nil }
        return s.value
    }

    /// Called by gc_collect_main once the survivors of `generation` are in `survivors`: the
    /// stages (first collection to examine generation 0's, generation 1's, all start-up
    /// objects) that happen now untrack their share of phantoms, as untrack_tuples and
    /// untrack_dicts untrack start-up's tuples and dicts. Stages falling into one collection
    /// untrack fewer (a tuple whose items are untracked later in the same pass stays
    /// tracked): the difference waits for the next full collection.
    func untrackStartupPhantoms(generation: Int, survivors: Int) {
        guard let plan = gc.startupPlan else { return }
        var n = 0
        if generation == GCState.generationCount - 1 { n += gc.phantomDeferred; gc.phantomDeferred = 0 }
        let first = gc.phantomStages, last = generation + 1
        if last > first {
            for s in first..<last { n += plan.untrackedAtStage[s] }
            let deferred = last - first > 1 ? plan.deferredWhenMerged(first, last - 1) : 0
            n -= deferred
            gc.phantomDeferred += deferred
            gc.phantomStages = last
        }
        guard n > 0 else { return }
        var node = Int(gc.next[survivors])
        while n > 0 && node != survivors {
            let following = Int(gc.next[node])
            let r = GCState.row(node)
            if isStartupPhantom(r) && !parserArenas.contains(r) {
                gc.untrack(r)
                n -= 1
            }
            node = following
        }
        assert(n == 0, "fewer phantoms than the start-up plan untracks")
    }
}

/// What CPython's start-up leaves in the collector, in one mode (`python -q -i` or a script),
/// as phantom counts: CPython's `len(gc.get_objects(g))` minus the engine's for the same
/// measuring program (scripts/measure/startup-gc-objects.py, startup-gc-objects.json).
public struct StartupObjects: Sendable {
    /// Phantoms in generations 0, 1, 2 at the first statement.
    public var generations: [Int]
    /// Phantoms in the permanent generation (gc.get_freeze_count()).
    public var frozen = 0
    /// Phantoms untracked by stage A (the first collection), B (the first of generation 1
    /// or 2) and C (the first full collection), when each stage has a collection of its own.
    public var untrackedAtStage: [Int]
    /// When stages A and B, B and C, or all three happen in one collection, this many fewer
    /// are untracked; the next full collection untracks them.
    public var deferredAB = 0, deferredBC = 0, deferredABC = 0
    /// The generation the engine's own start-up objects (module dicts, builtins... tracked
    /// while bootstrapping) move to: start-up's collections have moved CPython's on.
    public var engineObjectsGeneration = 0
    /// The generation `__main__`'s dict is in, when it differs from `Profile.mainDictGeneration`
    /// (which is measured with `python -q -i`).
    public var mainDictGeneration: Int? = nil

    public init(generations: [Int], frozen: Int = 0, untrackedAtStage: [Int], deferredAB: Int = 0,
                deferredBC: Int = 0, deferredABC: Int = 0, engineObjectsGeneration: Int = 0,
                mainDictGeneration: Int? = nil) {
        self.generations = generations; self.frozen = frozen; self.untrackedAtStage = untrackedAtStage
        self.deferredAB = deferredAB; self.deferredBC = deferredBC; self.deferredABC = deferredABC
        self.engineObjectsGeneration = engineObjectsGeneration; self.mainDictGeneration = mainDictGeneration
    }

    func deferredWhenMerged(_ first: Int, _ last: Int) -> Int {
        switch (first, last) {
        case (0, 1): return deferredAB
        case (1, 2): return deferredBC
        case (0, 2): return deferredABC
        default: return 0
        }
    }
}
