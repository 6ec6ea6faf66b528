/// The cyclic collector's state: generations, their counts and thresholds.
///
/// Mirrors `struct _gc_runtime_state` and `struct gc_generation`, Modules/gcmodule.c (3.11).
/// Each generation is an intrusive doubly linked list, like `PyGC_Head._gc_next/_gc_prev`,
/// so tracking and untracking are O(1) and a generation is walked in tracking order.
///
/// Node numbering: nodes 0...3 are the list heads of generations 0, 1, 2 and the permanent
/// generation (gc.freeze); nodes 4...8 are the heads of the lists gc_collect_main keeps on
/// its C stack (`unreachable`, `finalizers`, `wrcb_to_call`, `seen`, `final_unreachable`);
/// the object in row `r` is node `r + GCState.firstObjectNode`.
///
/// `gcRefs` values (CPython keeps them in `_gc_prev` with the PREV_MASK_COLLECTING bit and
/// NEXT_MASK_UNREACHABLE in `_gc_next`; heapbook keeps both lists doubly linked and uses a
/// column of its own):
///
///   `notCollecting` (-1)
///       Between collections, and during one for every object outside the generations
///       being collected (PREV_MASK_COLLECTING clear). Untracked nodes hold it too.
///   `>= 0`
///       From update_refs to move_unreachable: the object is being collected
///       (PREV_MASK_COLLECTING set) and this is gc_refs, first ob_refcnt, then the number
///       of references from outside the collected set. After move_legacy_finalizers the
///       objects left in `unreachable` keep the collecting state with gc_refs 0.
///   `tentativelyUnreachable` (-2)
///       Set by move_unreachable on the objects it moves to `unreachable`
///       (PREV_MASK_COLLECTING and NEXT_MASK_UNREACHABLE both set); visit_reachable moves
///       such an object back to young with gc_refs 1; move_legacy_finalizers clears it to 0.
public struct GCState {
    public static let generationCount = 3
    public static let permanentGeneration = 3
    /// Heads of gc_collect_main's local lists.
    static let unreachableHead = 4
    static let finalizersHead = 5
    static let wrcbToCallHead = 6
    static let seenHead = 7
    static let finalUnreachableHead = 8
    public static let firstObjectNode = 9

    public static let notCollecting = -1
    public static let tentativelyUnreachable = -2

    /// gc.DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being cleared.
    public static let debugSaveAll = 1 << 5

    public var thresholds: [Int]
    /// Generation 0: allocations minus deallocations of GC objects since its last
    /// collection; generations 1 and 2: collections of the generation below.
    public var counts: [Int] = [0, 0, 0]
    public var enabled = true
    public var collecting = false
    /// 3.12+ (`Profile.gcCollectsOnEvalBreaker`): _PY_GC_SCHEDULED_BIT of the eval breaker —
    /// a collection was asked for by an allocation and runs at the next check.
    public var collectionScheduled = false
    /// What is known of the counts and of when CPython collects (Heap+CountCertainty.swift):
    /// how far counts[0] may be from CPython's, whether CPython may have collected at another
    /// moment since the last explicit full collection, whether the collections' statistics
    /// are known (sticky), and whether a collection found garbage while the moment was not
    /// known (the interpreter refuses then).
    public internal(set) var countErrorBound = 0
    public internal(set) var timingUnknown = false
    public internal(set) var statsUnknown = false
    public var untimelyGarbage = false
    /// Collection opportunities counted while `timingUnknown` (Heap+CountCertainty.swift):
    /// moments where CPython may have collected and the engine did not. `Heap.touched` holds,
    /// per object, this count when it was made or last lost a reference.
    public internal(set) var opportunities: UInt32 = 0
    /// CPython may have collected where the engine did not, so the order of the objects in
    /// its generation lists (which a collection keeps: gc_list_merge appends) may differ
    /// from the engine's. Sticky: the order of long-lived objects stays unknown.
    public internal(set) var orderUnknown = false
    /// A collection freed objects in an order that may not be CPython's, so pymalloc hands
    /// out their blocks in another order and the addresses of later objects may differ.
    public internal(set) var addressesUnknown = false
    /// A script (Heap.startWithUnknownCount(forever: true)): what start-up and the compilation
    /// left in the lists is not known, so `timingUnknown` is never cleared; the count is known
    /// again after an explicit full collection, until an automatic one (`noteCollection`).
    public internal(set) var countNeverKnown = false
    /// A script whose count is bounded (Heap.startWithBoundedCount): CPython's count may be up
    /// to this much *below* counts[0] − countErrorBound (never above counts[0] + countErrorBound).
    public internal(set) var countBelowSlack = 0
    /// The collection running was asked for by gc.collect().
    var explicitCollection = false
    /// gc.set_debug flags (only DEBUG_SAVEALL changes what the collector does).
    public var debug = 0
    /// long_lived_total / long_lived_pending (the full-collection heuristic).
    public var longLivedTotal = 0
    public var longLivedPending = 0
    /// The phantom start-up objects' plan (Heap+StartupObjects.swift); nil before they are
    /// installed. `phantomStages`: how many of its stages (A, B, C) have happened;
    /// `phantomDeferred`: phantoms the next full collection untracks.
    public internal(set) var startupPlan: StartupObjects?
    var phantomStages = 0
    var phantomDeferred = 0
    /// False once gc.freeze() ran before the first full collection: the stages would then
    /// fall differently from what was measured, so the phantom counts are unknown.
    public internal(set) var startupObjectsExact = true
    /// Intrusive links by node. `next[n] == -1` means node n is not on any list.
    public var next: [Int32]
    public var prev: [Int32]
    /// Scratch column for collections: gc_refs (see the values listed above).
    public var gcRefs: [Int]
    /// Per generation: collections, collected, uncollectable (gc.get_stats()).
    public var stats: [(collections: Int, collected: Int, uncollectable: Int)] = [(0, 0, 0), (0, 0, 0), (0, 0, 0)]
    /// gc.garbage when the interpreter has not installed a list object (`Heap.garbageList`):
    /// each element holds a reference.
    public var garbage: [ObjectRef] = []
    /// gc.garbage as a list object, once the interpreter installs one (preferred: the
    /// list is then a real, tracked container, as in CPython).
    public var garbageList: ObjectRef?
    /// gc.callbacks: called with ("start", generation, 0, 0) before and ("stop",
    /// generation, collected, uncollectable) after each collection.
    public var callbacks: ((_ phase: String, _ generation: Int, _ collected: Int, _ uncollectable: Int) -> Void)?
    /// `_PyErr_Occurred`: while it returns true, allocations do not start a collection.
    public var errorOccurred: (() -> Bool)?
    /// The step-by-step observer of `collect(generation:observer:)`, during that call only.
    var observer: ((GCPhase, [GCObjectSnapshot]) -> Void)?
    var observedRows: [ObjectRef] = []
    var observedGeneration = 0

    public init(profile: Profile) {
        thresholds = [profile.gcThreshold0, profile.gcThreshold1, profile.gcThreshold2]
        let heads = (0..<GCState.firstObjectNode).map { Int32($0) }
        next = heads
        prev = heads
        gcRefs = [Int](repeating: GCState.notCollecting, count: GCState.firstObjectNode)
    }

    /// A placeholder swapped in while a pass owns the real columns (see Heap+Collect.swift).
    init(placeholderFor other: GCState) {
        thresholds = other.thresholds
        next = []; prev = []; gcRefs = []
    }

    @inline(__always) static func node(_ r: ObjectRef) -> Int { Int(r) + firstObjectNode }
    @inline(__always) static func row(_ n: Int) -> ObjectRef { ObjectRef(n - firstObjectNode) }

    /// Makes room for row `r` in the link columns.
    mutating func ensureRow(_ r: ObjectRef) {
        let n = GCState.node(r)
        if next.count <= n {
            let grow = n + 1 - next.count
            next.append(contentsOf: repeatElement(-1, count: grow))
            prev.append(contentsOf: repeatElement(-1, count: grow))
            gcRefs.append(contentsOf: repeatElement(GCState.notCollecting, count: grow))
        }
    }

    public func isTracked(_ r: ObjectRef) -> Bool {
        let n = GCState.node(r)
        return n < next.count && next[n] != -1
    }

    // MARK: - List functions (gc_list_*)

    /// gc_list_is_empty.
    @inline(__always) func isEmpty(_ head: Int) -> Bool { next[head] == Int32(head) }

    /// Appends node `n` at the tail of list `head` (gc_list_append).
    mutating func append(_ n: Int, to head: Int) {
        let last = Int(prev[head])
        prev[n] = Int32(last); next[n] = Int32(head)
        next[last] = Int32(n); prev[head] = Int32(n)
    }

    /// Inserts node `n` at the head of list `head`, the old end (no gc_list_* equivalent:
    /// start-up phantoms are put in front of what the engine's start-up tracked).
    mutating func prepend(_ n: Int, to head: Int) {
        let first = Int(next[head])
        next[n] = Int32(first); prev[n] = Int32(head)
        prev[first] = Int32(n); next[head] = Int32(n)
    }

    /// Unlinks node `n` (gc_list_remove).
    mutating func remove(_ n: Int) {
        let p = Int(prev[n]), q = Int(next[n])
        next[p] = Int32(q); prev[q] = Int32(p)
        next[n] = -1; prev[n] = -1
    }

    /// gc_list_move: unlinks `n` from whatever list holds it and appends it to `head`.
    mutating func move(_ n: Int, to head: Int) {
        let p = Int(prev[n]), q = Int(next[n])
        next[p] = Int32(q); prev[q] = Int32(p)
        append(n, to: head)
    }

    /// Moves every node of list `from` to the tail of list `to` (gc_list_merge).
    mutating func merge(_ from: Int, into to: Int) {
        guard next[from] != Int32(from) else { return }
        let first = Int(next[from]), last = Int(prev[from])
        let tail = Int(prev[to])
        next[tail] = Int32(first); prev[first] = Int32(tail)
        next[last] = Int32(to); prev[to] = Int32(last)
        next[from] = Int32(from); prev[from] = Int32(from)
    }

    /// gc_list_size.
    func size(_ head: Int) -> Int {
        var count = 0
        var n = Int(next[head])
        while n != head { count += 1; n = Int(next[n]) }
        return count
    }

    /// gc_list_clear_collecting.
    mutating func clearCollecting(_ head: Int) {
        var n = Int(next[head])
        while n != head { gcRefs[n] = GCState.notCollecting; n = Int(next[n]) }
    }

    // MARK: - Tracking

    /// _PyObject_GC_TRACK: the object joins the youngest generation.
    public mutating func track(_ r: ObjectRef) {
        ensureRow(r)
        let n = GCState.node(r)
        guard next[n] == -1 else { return }
        gcRefs[n] = GCState.notCollecting
        append(n, to: 0)
    }

    /// Tracks `r` in generation `g` (a start-up object that start-up's collections moved on).
    public mutating func track(_ r: ObjectRef, inGeneration g: Int) {
        track(r)
        move(GCState.node(r), to: g)
    }

    /// _PyObject_GC_UNTRACK. Also valid in the middle of a collection (a finalizer or
    /// tp_clear freeing an object): the node leaves whichever list holds it.
    public mutating func untrack(_ r: ObjectRef) {
        let n = GCState.node(r)
        guard n < next.count, next[n] != -1 else { return }
        remove(n)
        gcRefs[n] = GCState.notCollecting
    }

    /// The rows on list `head`, in list order.
    public func rows(inList head: Int) -> [ObjectRef] {
        var out: [ObjectRef] = []
        var n = Int(next[head])
        while n != head { out.append(GCState.row(n)); n = Int(next[n]) }
        return out
    }

    /// Which generation list holds `r` (0...2, 3 for the permanent generation), nil when
    /// untracked. Walks to the list head, so it is for pictures and tests only.
    public func generation(of r: ObjectRef) -> Int? {
        guard isTracked(r) else { return nil }
        var n = Int(next[GCState.node(r)])
        while n >= GCState.firstObjectNode { n = Int(next[n]) }
        return n
    }
}
