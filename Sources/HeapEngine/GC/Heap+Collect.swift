/*
  Reference Cycle Garbage Collection
  ==================================

  A port of Modules/gcmodule.c (CPython 3.11.7), in gcmodule's order and with its names,
  so that the two files can be read side by side.

  Reference counting frees an object the moment its count reaches zero, but a group of
  objects that refer to each other keeps every count above zero after the program has
  dropped them. The collector finds such groups among the *container* objects it tracks
  (lists, dicts, instances, ...; atomic objects like ints and strs cannot refer to anything
  and are never tracked). It needs no roots: an object is garbage when every reference to it
  comes from other objects of the set being collected, and that can be computed from the
  refcounts and tp_traverse alone.

  1. update_refs copies each object's refcount into gc_refs.
  2. subtract_refs walks every object's references (tp_traverse) and subtracts one from
     each target inside the set. What is left is the number of references from outside.
  3. move_unreachable starts from the objects with gc_refs > 0, which are certainly alive,
     and marks everything they reach; the rest moves to the `unreachable` list.
  4. Weak references to unreachable objects are cleared (and callbacks of live weakrefs
     called), PEP 442 finalizers (`__del__`) run, and because they may have resurrected
     objects, steps 1-3 are repeated on the unreachable set (handle_resurrected_objects).
  5. delete_garbage calls tp_clear on what is still unreachable: that breaks the cycles,
     and ordinary reference counting frees the objects.

  Objects are kept in three generations. A new container joins generation 0; those that
  survive a collection move one generation up, so long-lived objects are examined rarely.
  Generation 0 is collected when allocations minus deallocations of containers exceed
  threshold0 (700); generation g+1 when generation g has been collected more than
  threshold(g+1) (10) times since; a full collection additionally needs the objects that
  reached generation 2 since the last full collection to exceed 25% of those that were there
  (the long-lived heuristic, gc_collect_generations).

  gc.collect() returns m + n: m counts the unreachable objects found (plus the weakrefs
  that their own callbacks freed), n the unreachable objects that could not be collected
  because of a legacy tp_del finalizer. No heapbook type has tp_del, so n is 0. With
  DEBUG_SAVEALL the unreachable objects still count in m, but go to gc.garbage instead of
  being cleared.

  Divergence: CPython keeps gc_refs in the `_gc_prev` pointer bits and makes `young` singly
  linked during move_unreachable; heapbook keeps both lists doubly linked and gc_refs in a
  column of its own (GCState.gcRefs). The order of every list, and so of every finalizer,
  weakref callback, tp_clear and deallocation, is the same.
*/
extension Heap {
    // MARK: - The hot passes' view of the store

    /// Unsafe views of the columns that update_refs, subtract_refs and move_unreachable
    /// read and write. Those passes call no Python code and allocate nothing, so they run
    /// on raw buffers: no exclusivity checks, no copy-on-write checks, no allocation.
    struct CollectorBuffers {
        var next: UnsafeMutableBufferPointer<Int32>
        var prev: UnsafeMutableBufferPointer<Int32>
        var refs: UnsafeMutableBufferPointer<Int>
        let refcnt: PagedColumn<Int>
        let typeOf: PagedColumn<ObjectRef>
        let flags: PagedColumn<UInt8>
        let payload: PagedColumn<Payload>
        /// defdict_traverse's extra references (DefaultDictObject.swift): the defaultdict
        /// type (nil before one exists), whether it is visited (3.12+), the factories.
        let defaultDictType: ObjectRef?
        let visitsDefaultDictType: Bool
        let defaultFactories: [ObjectRef: ObjectRef]
        /// odict_traverse's node keys (OrderedDictObject.swift).
        let orderedDictType: ObjectRef?
        let orderedDictNodes: [ObjectRef: ODictNodes]

        @inline(__always) func traverse(_ n: Int, _ visit: (Int) -> Void) {
            let r = n - GCState.firstObjectNode
            let t = typeOf[r]
            let heapType = flags[Int(t)] & Heap.ObjectFlags.isStatic.rawValue == 0
            let p = payload[r]
            let v: (ObjectRef) -> Void = { visit(Int($0) + GCState.firstObjectNode) }
            if Heap.traverseEmbedded(p, own: flags[r], type: t, heapType: heapType,
                                     flagsOf: { flags[Int($0)] }, payloadOf: { payload[Int($0)] }, v) { return }
            if t == defaultDictType {
                if visitsDefaultDictType { visit(Int(t) + GCState.firstObjectNode) }
                if let f = defaultFactories[ObjectRef(r)] { visit(Int(f) + GCState.firstObjectNode) }
            }
            if t == orderedDictType, let n = orderedDictNodes[ObjectRef(r)] {
                for k in n.keys { visit(Int(k) + GCState.firstObjectNode) }
            }
            Heap.traverse(p, type: t, heapType: heapType, v)
        }

        /// gc_list_move on the raw links.
        @inline(__always) func move(_ n: Int, to head: Int) {
            let p = Int(prev[n]), q = Int(next[n])
            next[p] = Int32(q); prev[q] = Int32(p)
            let last = Int(prev[head])
            prev[n] = Int32(last); next[n] = Int32(head)
            next[last] = Int32(n); prev[head] = Int32(n)
        }
    }

    /// Runs `body` with the GC columns moved out of `gc` (so they are uniquely referenced)
    /// and the store's columns borrowed.
    func withCollectorBuffers<R>(_ body: (inout CollectorBuffers) -> R) -> R {
        var state = GCState(placeholderFor: gc)
        swap(&state, &gc)
        defer { swap(&state, &gc) }
        return state.next.withUnsafeMutableBufferPointer { next in
            state.prev.withUnsafeMutableBufferPointer { prev in
                state.gcRefs.withUnsafeMutableBufferPointer { refs in
                    var b = CollectorBuffers(next: next, prev: prev, refs: refs, refcnt: refcnt,
                                             typeOf: typeOf, flags: flags, payload: payload,
                                             defaultDictType: defaultDictTypeRef,
                                             visitsDefaultDictType: profile.dequeTypeIsHeapType,
                                             defaultFactories: defaultFactories,
                                             orderedDictType: orderedDictTypeRef,
                                             orderedDictNodes: orderedDictNodes)
                    return body(&b)
                }
            }
        }
    }

    // MARK: - validate_list

    /// Which collecting / unreachable states `validateList` expects (enum flagstates).
    enum ListFlags {
        case collectingClearUnreachableClear, collectingSetUnreachableClear, collectingSetUnreachableSet
    }

    /// validate_list (GC_DEBUG): the list is consistently doubly linked and every object on
    /// it is in the state `flags` names. Always returns true; call it as
    /// `assert(validateList(...))` so that it costs nothing in release builds.
    func validateList(_ head: Int, _ flags: ListFlags) -> Bool {
        var prevNode = head
        var n = Int(gc.next[head])
        while n != head {
            assert(n >= GCState.firstObjectNode, "list head found inside a list")
            assert(Int(gc.prev[n]) == prevNode, "prev and next pointers are inconsistent")
            let refs = gc.gcRefs[n]
            switch flags {
            case .collectingClearUnreachableClear:
                assert(refs == GCState.notCollecting, "object unexpectedly marked collecting")
            case .collectingSetUnreachableClear:
                assert(refs >= 0, "object expected to be collecting, not unreachable-masked")
            case .collectingSetUnreachableSet:
                assert(refs == GCState.tentativelyUnreachable, "object expected in the unreachable set")
            }
            prevNode = n
            n = Int(gc.next[n])
        }
        assert(Int(gc.prev[head]) == prevNode, "list tail is inconsistent")
        return true
    }

    // MARK: - update_refs, subtract_refs

    /// update_refs: set all gc_refs = ob_refcnt. After this, gc_refs is > 0 and the object
    /// is marked collecting for all objects in containers.
    func updateRefs(_ containers: Int) {
        withCollectorBuffers { b in
            var n = Int(b.next[containers])
            while n != containers {
                let rc = b.refcnt[n - GCState.firstObjectNode]
                // A tracked object with refcount 0 should have been deallocated already: a
                // tp_dealloc left it tracked, and collecting it would free it twice.
                assert(rc != 0, "tracked object with refcount 0")
                b.refs[n] = rc
                n = Int(b.next[n])
            }
        }
    }

    /// subtract_refs: subtract internal references from gc_refs (visit_decref). After
    /// this, gc_refs is >= 0 for all objects in containers, and the ones with gc_refs > 0
    /// are directly reachable from outside containers, so they cannot be collected.
    func subtractRefs(_ containers: Int) {
        withCollectorBuffers { b in
            let refs = b.refs
            var n = Int(b.next[containers])
            while n != containers {
                // visit_decref: only objects being collected (gc_refs >= 0) are counted.
                b.traverse(n) { m in
                    if refs[m] >= 0 {
                        assert(refs[m] > 0, "refcount is too small")
                        refs[m] -= 1
                    }
                }
                n = Int(b.next[n])
            }
        }
    }

    // MARK: - move_unreachable

    /// move_unreachable: move the unreachable objects from young to unreachable. After
    /// this, no object in young is collecting, every object in unreachable is
    /// `tentativelyUnreachable`, and the objects in young are exactly those directly or
    /// indirectly reachable from outside the original young.
    func moveUnreachable(_ young: Int, _ unreachable: Int) {
        withCollectorBuffers { b in
            let buffers = b
            // visit_reachable: a traversal callback for move_unreachable.
            let visitReachable = { (m: Int) in
                let refs = buffers.refs[m]
                // Objects in other generations, and those already scanned "to the left" of
                // us, are not collecting: ignore them.
                if refs == GCState.notCollecting { return }
                if refs == GCState.tentativelyUnreachable {
                    // It had gc_refs 0 when move_unreachable got to it, but it is reachable
                    // after all: back to young's tail; move_unreachable will see it again.
                    buffers.move(m, to: young)
                    buffers.refs[m] = 1
                } else if refs == 0 {
                    // In young, not scanned yet: tell move_unreachable it is reachable.
                    buffers.refs[m] = 1
                } else {
                    assert(refs > 0, "refcount is too small")
                }
            }
            // Invariants: all objects "to the left" of us in young are reachable (directly
            // or indirectly) from outside the young list as it was at entry. All other
            // objects from the original young "to the left" of us are in unreachable now,
            // marked tentativelyUnreachable. All objects to the left of us in young have
            // been scanned, and no objects here or to the right have been scanned yet.
            var n = Int(b.next[young])
            while n != young {
                if b.refs[n] != 0 {
                    // Definitely reachable from outside the original young: traverse it.
                    // tp_traverse may append objects to young, so read next afterwards.
                    assert(b.refs[n] > 0, "refcount is too small")
                    b.traverse(n, visitReachable)
                    b.refs[n] = GCState.notCollecting
                    n = Int(b.next[n])
                } else {
                    // This *may* be unreachable. To make progress, assume it is;
                    // visit_reachable moves it back if something reachable refers to it.
                    let following = Int(b.next[n])
                    b.move(n, to: unreachable)
                    b.refs[n] = GCState.tentativelyUnreachable
                    n = following
                }
            }
        }
    }

    /// untrack_tuples: _PyTuple_MaybeUntrack on every exact tuple that survived.
    func untrackTuples(_ head: Int) {
        let tupleType = builtinType(.tuple)
        var n = Int(gc.next[head])
        while n != head {
            let following = Int(gc.next[n])
            let r = GCState.row(n)
            if typeOf[Int(r)] == tupleType { tupleMaybeUntrack(r) }
            n = following
        }
    }

    /// untrack_dicts: try to untrack all currently tracked dictionaries.
    func untrackDicts(_ head: Int) {
        let dictType = builtinType(.dict)
        var n = Int(gc.next[head])
        while n != head {
            let following = Int(gc.next[n])
            let r = GCState.row(n)
            if typeOf[Int(r)] == dictType { dictMaybeUntrack(r) }
            n = following
        }
    }

    // MARK: - Legacy finalizers (tp_del)

    /// has_legacy_finalizer: the type has a pre-PEP 442 tp_del. No heapbook type has one
    /// (in 3.11 only C extension types do), so this is always false; the passes stay so
    /// that the collection reads like gcmodule.c's.
    func hasLegacyFinalizer(_ r: ObjectRef) -> Bool { false }

    /// move_legacy_finalizers: move the objects in unreachable with tp_del slots into
    /// `finalizers`. It also clears the unreachable mask: after it, unreachable is a
    /// normal list of collecting objects.
    func moveLegacyFinalizers(_ unreachable: Int, _ finalizers: Int) {
        var n = Int(gc.next[unreachable])
        while n != unreachable {
            assert(gc.gcRefs[n] == GCState.tentativelyUnreachable, "object in unreachable is not masked")
            gc.gcRefs[n] = 0
            let following = Int(gc.next[n])
            if hasLegacyFinalizer(GCState.row(n)) {
                gc.gcRefs[n] = GCState.notCollecting
                gc.move(n, to: finalizers)
            }
            n = following
        }
    }

    /// clear_unreachable_mask.
    func clearUnreachableMask(_ unreachable: Int) {
        var n = Int(gc.next[unreachable])
        while n != unreachable {
            assert(gc.gcRefs[n] == GCState.tentativelyUnreachable, "object in unreachable is not masked")
            gc.gcRefs[n] = 0
            n = Int(gc.next[n])
        }
        assert(validateList(unreachable, .collectingSetUnreachableClear))
    }

    /// move_legacy_finalizer_reachable: move objects reachable from finalizers out of the
    /// unreachable set into finalizers (visit_move). The list grows while it is walked.
    func moveLegacyFinalizerReachable(_ finalizers: Int) {
        var n = Int(gc.next[finalizers])
        while n != finalizers {
            forEachReferent(GCState.row(n)) { op in
                let m = GCState.node(op)
                if m < gc.gcRefs.count, gc.gcRefs[m] != GCState.notCollecting {
                    gc.move(m, to: finalizers)
                    gc.gcRefs[m] = GCState.notCollecting
                }
            }
            n = Int(gc.next[n])
        }
    }

    // MARK: - handle_weakrefs

    /// handle_weakrefs: clear all weakrefs to unreachable objects, and if such a weakref
    /// has a callback, invoke it if necessary. Weakrefs that are themselves unreachable
    /// are cleared without calling their callback (the weakref and its referent die
    /// together, and the callback might see or resurrect insane objects). Weakrefs outside
    /// the unreachable set outlive their referent: their callbacks are called, after every
    /// weakref has been cleared. Returns the number of such weakrefs that the callback
    /// call freed. When this returns, no object in `unreachable` is weakly referenced.
    func handleWeakrefs(_ unreachable: Int, _ old: Int) -> Int {
        let wrcbToCall = GCState.wrcbToCallHead
        assert(gc.isEmpty(wrcbToCall))
        var n = Int(gc.next[unreachable])
        while n != unreachable {
            let op = GCState.row(n)
            let following = Int(gc.next[n])
            // A weakref inside the unreachable set must be cleared (bpo-38006).
            if case .weakref = payload[Int(op)] { weakrefClearRef(op) }
            // Does it support weakrefs, and have any?
            var list = weakrefs(to: op)
            while let wr = list.first {
                // _PyWeakref_ClearRef clears the weakref (and removes it from the list)
                // but leaves the callback intact.
                weakrefClearRef(wr)
                unlinkWeakref(wr, from: op)   // even if its referent was already cleared
                list = weakrefs(to: op)
                assert(list.first != wr, "weakref still on its referent's list")
                guard case .weakref(let w) = payload[Int(wr)], w.callback != nil else { continue }
                // A weakref that is itself trash: leave it, its callback never runs.
                let wn = GCState.node(wr)
                if gc.gcRefs[wn] != GCState.notCollecting { continue }
                // A new reference so that wr cannot go away before we process it again.
                incref(wr)
                assert(wn != following, "a reachable weakref cannot be next in unreachable")
                if gc.isTracked(wr) { gc.move(wn, to: wrcbToCall) } else { gc.ensureRow(wr); gc.append(wn, to: wrcbToCall) }
            }
            n = following
        }
        // Invoke the callbacks we decided to honor. It is safe: they cannot reference
        // unreachable objects.
        var numFreed = 0
        while !gc.isEmpty(wrcbToCall) {
            let wn = Int(gc.next[wrcbToCall])
            let wr = GCState.row(wn)
            if case .weakref(let w) = payload[Int(wr)], let callback = w.callback {
                weakrefCallback?(callback, wr)
            }
            // Give up the reference we created; the weakref may die now, and because it was
            // reachable to begin with, it was not counted yet.
            decref(wr)
            if Int(gc.next[wrcbToCall]) == wn {
                gc.move(wn, to: old)   // still alive
            } else {
                numFreed += 1
            }
        }
        return numFreed
    }

    /// _PyWeakref_ClearRef (Objects/weakrefobject.c): the weakref stops referring to its
    /// object and leaves the object's list; its callback is kept.
    func weakrefClearRef(_ wr: ObjectRef) {
        guard case .weakref(var w) = payload[Int(wr)], let referent = w.referent else { return }
        unlinkWeakref(wr, from: referent)
        w.referent = nil
        payload[Int(wr)] = .weakref(w)
    }

    // MARK: - Finalizers

    /// handle_legacy_finalizers: with DEBUG_SAVEALL every object in finalizers goes to
    /// gc.garbage (otherwise those with tp_del would); all are merged into old.
    func handleLegacyFinalizers(_ finalizers: Int, _ old: Int) {
        var n = Int(gc.next[finalizers])
        while n != finalizers {
            let r = GCState.row(n)
            if gc.debug & GCState.debugSaveAll != 0 || hasLegacyFinalizer(r) { appendToGarbage(r) }
            n = Int(gc.next[n])
        }
        gc.merge(finalizers, into: old)
    }

    /// finalize_garbage: run first-time finalizers (PEP 442 tp_finalize, i.e. `__del__`)
    /// on all the objects in collectable. A finalizer may free objects of the list, so the
    /// loop always takes the first object and moves it to `seen` before finalizing it.
    func finalizeGarbage(_ collectable: Int) {
        let seen = GCState.seenHead
        while !gc.isEmpty(collectable) {
            let n = Int(gc.next[collectable])
            let op = GCState.row(n)
            gc.move(n, to: seen)
            let i = Int(op)
            guard flags[i] & ObjectFlags.finalized.rawValue == 0, let finalizer,
                  hasFinalizer(typeInfo(of: op)) else { continue }
            flags[i] |= ObjectFlags.finalized.rawValue   // _PyGCHead_SET_FINALIZED
            incref(op)
            finalizer(op)
            decref(op)
        }
        gc.merge(seen, into: collectable)
    }

    /// deduce_unreachable: move the objects of `base` that are unreachable from outside
    /// it to `unreachable` (steps 1-3 of the essay).
    ///
    /// Contracts: `base` is a valid list with no object collecting; `unreachable` is empty.
    /// IMPORTANT: `unreachable` is left with the objects masked `tentativelyUnreachable`;
    /// clear it (clear_unreachable_mask or move_legacy_finalizers) before using it as a
    /// normal list.
    func deduceUnreachable(_ base: Int, _ unreachable: Int) {
        assert(validateList(base, .collectingClearUnreachableClear))
        assert(gc.isEmpty(unreachable))
        updateRefs(base)
        observe(.updateRefs)
        subtractRefs(base)
        observe(.subtractRefs)
        // Leave everything reachable from outside base in base, and move everything else
        // to unreachable (moving the unreachable ones leaves the reachable ones in an order
        // later scans do not change: see gcmodule.c's note on "C, B, A").
        moveUnreachable(base, unreachable)
        assert(validateList(base, .collectingClearUnreachableClear))
        assert(validateList(unreachable, .collectingSetUnreachableSet))
    }

    /// handle_resurrected_objects: finalizers may have resurrected objects, so repeat
    /// deduce_unreachable on the unreachable set; the resurrected objects move to old,
    /// the rest to `stillUnreachable`.
    func handleResurrectedObjects(_ unreachable: Int, _ stillUnreachable: Int, _ old: Int) {
        gc.clearCollecting(unreachable)
        let resurrected = unreachable
        let savedObserver = gc.observer
        gc.observer = nil   // the pictures show the main pass only
        deduceUnreachable(resurrected, stillUnreachable)
        gc.observer = savedObserver
        clearUnreachableMask(stillUnreachable)
        gc.merge(resurrected, into: old)
    }

    /// check_garbage (before 3.9): whether a finalizer resurrected an object of
    /// `collectable` — one whose references from outside the set are not all gone
    /// (gc_refs = ob_refcnt less the set's own references, nonzero). Leaves every object
    /// of the list not collecting, in its order.
    func checkGarbage(_ collectable: Int) -> Bool {
        gc.clearCollecting(collectable)
        updateRefs(collectable)
        subtractRefs(collectable)
        var resurrected = false
        var n = Int(gc.next[collectable])
        while n != collectable {
            if gc.gcRefs[n] != 0 { resurrected = true }
            n = Int(gc.next[n])
        }
        gc.clearCollecting(collectable)
        return resurrected
    }

    // MARK: - delete_garbage

    /// delete_garbage: break reference cycles by clearing the containers involved
    /// (tp_clear, Heap+Clear.swift). Each clear may free any number of objects of the
    /// list, so the loop takes the first object each time; one that survives its own
    /// clear moves to old (it may die later).
    func deleteGarbage(_ collectable: Int, _ old: Int) {
        while !gc.isEmpty(collectable) {
            let n = Int(gc.next[collectable])
            let op = GCState.row(n)
            assert(refcnt[Int(op)] > 0, "refcount is too small")
            if gc.debug & GCState.debugSaveAll != 0 {
                appendToGarbage(op)
            } else {
                incref(op)
                tpClear(op)
                decref(op)
            }
            if Int(gc.next[collectable]) == n {
                gc.gcRefs[n] = GCState.notCollecting
                gc.move(n, to: old)
            }
        }
    }

    /// Appends to gc.garbage (PyList_Append: a new reference).
    func appendToGarbage(_ op: ObjectRef) {
        incref(op)
        if let list = gc.garbageList, case .list = payload[Int(list)] {
            withPayload(list) { p in
                if case .list(var s) = p { p = .empty; s.append(op); p = .list(s) }
            }
            listItemsResized(list)
        } else {
            gc.garbage.append(op)
        }
    }

    // MARK: - gc_collect_main

    /// gc_collect_main: this is the main function. Read this to understand how the
    /// collection process works. Returns m (objects collected) and n (unreachable objects
    /// that could not be collected); gc.collect() returns their sum.
    func gcCollectMain(_ generation: Int) -> (collected: Int, uncollectable: Int) {
        var m = 0, n = 0
        let unreachable = GCState.unreachableHead
        let finalizers = GCState.finalizersHead
        let finalUnreachable = GCState.finalUnreachableHead
        gc.ensureRow(ObjectRef(typeOf.count - 1))   // every row has a node: visits need no bounds checks

        // Update collection and allocation counters.
        if generation + 1 < GCState.generationCount { gc.counts[generation + 1] += 1 }
        for i in 0...generation { gc.counts[i] = 0 }
        // Merge younger generations with the one we are currently collecting.
        for i in 0..<generation { gc.merge(i, into: generation) }
        // Handy references.
        let young = generation
        let old = generation < GCState.generationCount - 1 ? generation + 1 : young
        assert(validateList(old, .collectingClearUnreachableClear))
        if gc.observer != nil { gc.observedRows = gc.rows(inList: young); gc.observedGeneration = generation }

        deduceUnreachable(young, unreachable)
        observe(.moveUnreachable)
        if gc.timingUnknown && !gc.isEmpty(unreachable) { judgeGarbage(unreachable, generation: generation) }

        untrackTuples(young)
        // Start-up's tuples and dicts that this collection untracks, as phantoms (they sit
        // at the old end of young; Heap+StartupObjects.swift).
        untrackStartupPhantoms(generation: generation, survivors: young)
        // Move reachable objects to the next generation.
        if young != old {
            if generation == GCState.generationCount - 2 { gc.longLivedPending += gc.size(young) }
            gc.merge(young, into: old)
        } else {
            // Dicts are untracked in full collections only, to avoid quadratic dict
            // build-up (issue #14775).
            untrackDicts(young)
            gc.longLivedPending = 0
            gc.longLivedTotal = gc.size(young)
        }

        // All objects in unreachable are trash, but objects reachable from legacy
        // finalizers (tp_del) cannot safely be deleted.
        moveLegacyFinalizers(unreachable, finalizers)
        moveLegacyFinalizerReachable(finalizers)
        assert(validateList(finalizers, .collectingClearUnreachableClear))
        assert(validateList(unreachable, .collectingSetUnreachableClear))

        // 3.6: collectable objects found are counted here.
        if profile.gcCountsGarbageBeforeFinalizers { m += gc.size(unreachable) }

        // Clear weakrefs and invoke callbacks as necessary.
        m += handleWeakrefs(unreachable, old)
        assert(validateList(old, .collectingClearUnreachableClear))
        assert(validateList(unreachable, .collectingSetUnreachableClear))

        // Call tp_finalize on objects which have one.
        finalizeGarbage(unreachable)
        if profile.gcResurrectionKeepsAllGarbage {
            // Before 3.9: if a finalizer resurrected anything, the whole set survives.
            if checkGarbage(unreachable) {
                gc.merge(unreachable, into: old)
                observe(.finalizers)
            } else {
                observe(.finalizers)
                if !profile.gcCountsGarbageBeforeFinalizers { m += gc.size(unreachable) }
                deleteGarbage(unreachable, old)
            }
        } else {
            // Handle any objects resurrected by the finalizers and continue with the objects
            // that are still unreachable.
            handleResurrectedObjects(unreachable, finalUnreachable, old)
            observe(.finalizers)

            // Call tp_clear on objects in the final unreachable set. This breaks the cycles.
            m += gc.size(finalUnreachable)
            deleteGarbage(finalUnreachable, old)
        }
        observe(.delete)

        // Collect statistics on uncollectable objects found.
        n = gc.size(finalizers)
        handleLegacyFinalizers(finalizers, old)
        assert(validateList(old, .collectingClearUnreachableClear))

        // Clear free lists only during the collection of the highest generation.
        if generation == GCState.generationCount - 1 { clearFreelists(); freeListsUnknown = nil; dictKeysFreeListUsed = false }

        gc.stats[generation].collections += 1
        gc.stats[generation].collected += m
        gc.stats[generation].uncollectable += n
        gc.observedRows = []
        return (m, n)
    }

    /// gc_collect_with_callback: gc_collect_main between the "start" and "stop" calls of
    /// gc.callbacks (invoke_gc_callback), whose info dict the interpreter builds from the
    /// hook's arguments.
    func gcCollectWithCallback(_ generation: Int) -> Int {
        // 3.12+'s collections allocate and free blocks of their own (a gc.collect() while
        // tracing peaks 46 bytes higher on 3.12.1 and 3.13.0), and which garbage a collection
        // frees is only CPython's when its moment is: not modelled block for block.
        allocator.tracemalloc.noteUnknown("a garbage collection ran (its own blocks and what it frees are not modelled block for block)")
        gc.callbacks?("start", generation, 0, 0)
        let (collected, uncollectable) = gcCollectMain(generation)
        gc.callbacks?("stop", generation, collected, uncollectable)
        return collected + uncollectable
    }

    /// gc_collect_generations: collect the oldest generation whose count exceeds its
    /// threshold, with the younger ones. A full collection also needs
    /// long_lived_pending > long_lived_total / 4 (the long-lived heuristic, issue #4074:
    /// without it, building a big list of containers would be quadratic).
    @discardableResult
    func gcCollectGenerations() -> Int {
        var i = GCState.generationCount - 1
        while i >= 0 {
            if gc.counts[i] > gc.thresholds[i] {
                if i == GCState.generationCount - 1 { noteLongLivedHeuristic() }
                if i == GCState.generationCount - 1 && gc.longLivedPending < gc.longLivedTotal / 4 {
                    i -= 1
                    continue
                }
                let found = gcCollectWithCallback(i)
                noteCollection(generation: i, found: found, explicit: false)
                return found
            }
            i -= 1
        }
        return 0
    }

    // MARK: - Allocation (_PyObject_GC_Link)

    /// _PyObject_GC_Link (3.11): a new GC object is counted in generation 0, and when the
    /// count exceeds threshold0 the collector runs right there, inside the allocation,
    /// before the new object is tracked (3.12 defers it to the eval breaker; 3.11 does not).
    /// Objects reused from a free list do not pass through gc_alloc and are not counted.
    func gcLink(_ r: ObjectRef) {
        if flags[Int(r)] & ObjectFlags.fromFreeList.rawValue != 0 { return }
        gc.counts[0] += 1
        gcThresholdCheck()
        // CPython collects inside the allocation, before the object exists.
        touched[Int(r)] = gc.opportunities
    }

    /// The threshold test of _PyObject_GC_Link without a new object: collects now (3.11 and
    /// earlier) or schedules the collection for the eval breaker (3.12+). Also called when a
    /// REPL statement is compiled: the real compiler allocates GC objects (tuples, lists of
    /// the parser) for every statement, so a count left above threshold0 — after
    /// gc.set_threshold(lower) — is acted on at the next statement, as in CPython.
    public func gcThresholdCheck() {
        checkCollectionWindow()
        noteOpportunity()
        if profile.gcCollectsOnEvalBreaker {
            // 3.12+: _Py_ScheduleGC under the same conditions; the eval loop collects.
            if gc.counts[0] > gc.thresholds[0], gc.enabled, gc.thresholds[0] != 0, !gc.collecting,
               !(gc.errorOccurred?() ?? false) {
                gc.collectionScheduled = true
            }
            return
        }
        gcCollectIfNeeded()
    }

    /// The engine's entry for every new GC object (called from `gcTrackNew`): link, then
    /// _PyObject_GC_TRACK. Exact dicts start untracked (new_dict / dict_new in 3.11) and
    /// are tracked only if created with entries that may be tracked (MAINTAIN_TRACKING).
    func gcLinkAndTrack(_ r: ObjectRef) {
        gcLink(r)
        if isExactDict(r) { dictMaybeTrack(r) } else { gc.track(r) }
    }
}
