/// Step-by-step pictures of a collection: what `collect(generation:observer:)` reports
/// after each phase of gc_collect_main.
public enum GCPhase: String, Sendable, CaseIterable {
    /// After update_refs: gcRefs == refcount.
    case updateRefs = "update_refs"
    /// After subtract_refs: gcRefs == references from outside the collected generations.
    case subtractRefs = "subtract_refs"
    /// After move_unreachable: the unreachable set is known.
    case moveUnreachable = "move_unreachable"
    /// After weakref handling, finalizers and the resurrection check.
    case finalizers
    /// After delete_garbage (tp_clear): what survived.
    case delete
}

/// Where an object stands in a collection.
public enum GCObjectState: String, Sendable {
    /// Reachable from outside the collected generations (or not examined).
    case reachable
    /// gc_refs is 0: nothing outside refers to it; it may still be reached from an object
    /// that is (move_unreachable decides).
    case tentativelyUnreachable
    /// In the unreachable set: garbage, unless a finalizer resurrects it.
    case unreachable
}

/// One object in a picture of a collection phase.
public struct GCObjectSnapshot: Equatable, Sendable {
    public var ref: ObjectRef
    /// gc_refs, or -1 when the object is not (or no longer) being collected.
    public var gcRefs: Int
    public var state: GCObjectState
    /// The generation list holding it (3: permanent); the collected generation while it
    /// is on one of the collector's own lists.
    public var generation: Int
    public var refcnt: Int
}

extension Heap {
    /// Reports the objects of the collection to the observer, if there is one. Not on the
    /// hot path: it walks every list once to find where each object is.
    func observe(_ phase: GCPhase) {
        guard let observer = gc.observer else { return }
        var listOf: [ObjectRef: Int] = [:]
        for head in 0..<GCState.firstObjectNode {
            for r in gc.rows(inList: head) { listOf[r] = head }
        }
        var out: [GCObjectSnapshot] = []
        for r in gc.observedRows {
            guard let head = listOf[r], refcnt[Int(r)] > 0 else { continue }   // freed
            let refs = gc.gcRefs[GCState.node(r)]
            let onCollectorList = head > GCState.permanentGeneration
            let state: GCObjectState
            if onCollectorList {
                state = .unreachable
            } else if phase == .updateRefs || phase == .subtractRefs {
                state = refs == 0 ? .tentativelyUnreachable : .reachable
            } else {
                state = refs == GCState.tentativelyUnreachable ? .tentativelyUnreachable : .reachable
            }
            out.append(GCObjectSnapshot(ref: r, gcRefs: refs, state: state,
                                        generation: onCollectorList ? gc.observedGeneration : head,
                                        refcnt: refcnt[Int(r)]))
        }
        observer(phase, out)
    }
}
