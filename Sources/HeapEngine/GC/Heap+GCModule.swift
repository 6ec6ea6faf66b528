/// The `gc` module's functions (Modules/gcmodule.c, 3.11), as engine calls. The interpreter
/// turns arguments and results into Python objects; the semantics live here.
extension Heap {
    // MARK: - Collecting

    /// gc.collect(generation=2): runs a collection now, even when automatic collection is
    /// disabled, and returns the number of unreachable objects found (collected plus
    /// uncollectable). Returns 0 when a collection is already running (a finalizer called
    /// gc.collect()). The interpreter raises ValueError("invalid generation") for a
    /// generation outside 0...2 before calling this.
    @discardableResult
    public func collect(generation: Int = GCState.generationCount - 1) -> Int {
        precondition(generation >= 0 && generation < GCState.generationCount, "invalid generation")
        if gc.collecting { return 0 }
        gc.collecting = true
        gc.explicitCollection = true
        defer { gc.collecting = false; gc.explicitCollection = false }
        let found = gcCollectWithCallback(generation)
        noteCollection(generation: generation, found: found, explicit: true)
        return found
    }

    /// gc.collect with a step-by-step view for pictures: `observer` receives, after each
    /// phase, the objects of the collected generations as they were when it started
    /// (those freed since are left out).
    @discardableResult
    public func collect(generation: Int, observer: @escaping (GCPhase, [GCObjectSnapshot]) -> Void) -> Int {
        gc.observer = observer
        defer { gc.observer = nil }
        return collect(generation: generation)
    }

    /// The automatic collection check of _PyObject_GC_Link: when count0 exceeds
    /// threshold0, collection is enabled, threshold0 is not 0, no collection is running and
    /// no exception is pending, collect the generations that need it.
    public func gcCollectIfNeeded() {
        guard gc.counts[0] > gc.thresholds[0], gc.enabled, gc.thresholds[0] != 0, !gc.collecting,
              !(gc.errorOccurred?() ?? false) else { return }
        gc.collecting = true
        defer { gc.collecting = false }
        gcCollectGenerations()
    }

    /// _Py_HandlePending's GC part (3.12+, `Profile.gcCollectsOnEvalBreaker`): called by the
    /// interpreter at each eval-breaker check; runs the scheduled collection (_Py_RunGC:
    /// gc_collect_generations when collection is enabled).
    @inline(__always)
    public func gcRunScheduled() {
        if profile.gcCollectsOnEvalBreaker { noteOpportunity() }
        if gc.collectionScheduled { gcRunScheduledSlow() }
    }

    private func gcRunScheduledSlow() {
        gc.collectionScheduled = false
        guard gc.enabled, !gc.collecting else { return }
        gc.collecting = true
        defer { gc.collecting = false }
        gcCollectGenerations()
    }

    // MARK: - Settings

    /// gc.enable() / gc.disable() / gc.isenabled().
    public var gcEnabled: Bool {
        get { gc.enabled }
        set { gc.enabled = newValue }
    }

    /// gc.get_count().
    public var gcCount: (Int, Int, Int) { (gc.counts[0], gc.counts[1], gc.counts[2]) }

    /// gc.get_threshold() / gc.set_threshold(t0[, t1[, t2]]): omitted values keep theirs.
    public var gcThreshold: (Int, Int, Int) { (gc.thresholds[0], gc.thresholds[1], gc.thresholds[2]) }

    public func setThreshold(_ t0: Int, _ t1: Int? = nil, _ t2: Int? = nil) {
        gc.thresholds[0] = t0
        if let t1 { gc.thresholds[1] = t1 }
        if let t2 { gc.thresholds[2] = t2 }
    }

    /// gc.set_debug(gc.DEBUG_SAVEALL) / gc.get_debug() & DEBUG_SAVEALL.
    public var debugSaveAll: Bool {
        get { gc.debug & GCState.debugSaveAll != 0 }
        set { if newValue { gc.debug |= GCState.debugSaveAll } else { gc.debug &= ~GCState.debugSaveAll } }
    }

    /// gc.set_debug / gc.get_debug flags (DEBUG_STATS and the printing flags are stored
    /// but print nothing).
    public var gcDebugFlags: Int {
        get { gc.debug }
        set { gc.debug = newValue }
    }

    /// gc.callbacks, as one hook: ("start", generation, 0, 0) and ("stop", generation,
    /// collected, uncollectable). The interpreter builds the info dict and calls the
    /// Python callbacks in list order.
    public var gcCallbacks: ((_ phase: String, _ generation: Int, _ collected: Int, _ uncollectable: Int) -> Void)? {
        get { gc.callbacks }
        set { gc.callbacks = newValue }
    }

    /// gc.garbage when no list object was installed (`garbageList`); each holds a reference.
    public var garbage: [ObjectRef] { gc.garbage }

    /// The list object the interpreter exposes as gc.garbage (created once, like
    /// _PyGC_Init's). DEBUG_SAVEALL appends to it.
    public var garbageList: ObjectRef? {
        get { gc.garbageList }
        set { gc.garbageList = newValue }
    }

    /// Empties the Swift-side gc.garbage, releasing its references.
    public func clearGarbage() {
        let refs = gc.garbage
        gc.garbage = []
        for r in refs { decref(r) }
    }

    // MARK: - Inspecting

    /// Whether a full collection would find unreachable objects now, without collecting:
    /// update_refs / subtract_refs / move_unreachable over the three generations (an object
    /// referenced from outside them, or from the permanent generation, counts as reachable,
    /// as it does for the collector).
    public func hasUnreachableObjects() -> Bool {
        let objs = getObjects()
        var refs: [ObjectRef: Int] = [:]
        refs.reserveCapacity(objs.count)
        for o in objs { refs[o] = refcnt[Int(o)] }
        for o in objs { forEachReferent(o) { r in if let n = refs[r] { refs[r] = n - 1 } } }
        var work = objs.filter { refs[$0]! > 0 }
        var reached = Set(work)
        while let o = work.popLast() {
            forEachReferent(o) { r in if refs[r] != nil, reached.insert(r).inserted { work.append(r) } }
        }
        return reached.count < objs.count
    }

    /// gc.is_tracked(obj).
    public func isTracked(_ r: ObjectRef) -> Bool { gc.isTracked(r) }

    /// gc.get_objects(generation=None): the tracked objects of one generation, or of all
    /// three in order (not the permanent one), leaving out `excluding` (the result list
    /// the interpreter has already allocated, as append_objects skips py_list).
    public func getObjects(generation: Int? = nil, excluding: ObjectRef? = nil) -> [ObjectRef] {
        let gens = generation.map { [$0] } ?? Array(0..<GCState.generationCount)
        var out: [ObjectRef] = []
        for g in gens {
            precondition(g >= 0 && g < GCState.generationCount, "invalid generation")
            for r in gc.rows(inList: g) where r != excluding { out.append(r) }
        }
        return out
    }

    /// gc.get_referrers(*objs): the tracked objects in generations 0...2 whose tp_traverse
    /// visits any of `objs`, in generation order. `excluding`: the args tuple and the
    /// result list, which gc_referrers_for skips.
    public func getReferrers(_ objs: [ObjectRef], excluding: [ObjectRef] = []) -> [ObjectRef] {
        var out: [ObjectRef] = []
        for g in 0..<GCState.generationCount {
            for r in gc.rows(inList: g) where !excluding.contains(r) {
                var found = false
                forEachReferent(r) { if !found && objs.contains($0) { found = true } }
                if found { out.append(r) }
            }
        }
        return out
    }

    /// gc.get_referents(*objs): what each GC object's tp_traverse visits, in order.
    public func getReferents(_ objs: [ObjectRef]) -> [ObjectRef] {
        var out: [ObjectRef] = []
        for r in objs where isGCObject(r) { forEachReferent(r) { out.append($0) } }
        return out
    }

    /// gc.get_stats(): per generation, collections / collected / uncollectable.
    public var gcStats: [(collections: Int, collected: Int, uncollectable: Int)] { gc.stats }

    // MARK: - The permanent generation

    /// gc.freeze(): every tracked object moves to the permanent generation, which no
    /// collection examines; all counts become 0.
    public func freeze() {
        // Start-up objects frozen before every stage happened would be examined in an order
        // nobody measured (Heap+StartupObjects.swift).
        if gc.startupPlan != nil && gc.phantomStages < GCState.generationCount { gc.startupObjectsExact = false }
        for g in 0..<GCState.generationCount {
            gc.merge(g, into: GCState.permanentGeneration)
            gc.counts[g] = 0
        }
    }

    /// gc.unfreeze(): the permanent generation goes back into the oldest generation.
    public func unfreeze() {
        gc.merge(GCState.permanentGeneration, into: GCState.generationCount - 1)
    }

    /// gc.get_freeze_count().
    public var freezeCount: Int { gc.size(GCState.permanentGeneration) }
}
