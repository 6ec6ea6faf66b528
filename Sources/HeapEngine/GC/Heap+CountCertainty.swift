/// What the engine knows of generation 0's count, and so of *when* CPython collects
/// (Modules/gcmodule.c: an allocation that takes count0 past threshold0 collects on the spot).
///
/// The count is CPython's only where every GC allocation since the last collection is
/// modelled one for one. The session's own objects are; the compiler's are modelled per
/// profile (`Profile.compileWorkingSet` and friends), exactly for 3.11's statements but only to
/// within a few objects per statement on other versions (`scripts/measure/compile-counts.py`:
/// 3.8.18 makes 3 fewer than the engine for `pass`, 12 fewer for a class with `__del__`).
/// Such errors add up statement by statement until a collection resets the count, and CPython
/// then collects at another moment than the engine: a finalizer prints earlier or later,
/// objects are in other generations. So the engine keeps a bound on the error and says what
/// it does not know instead of printing a count that is not CPython's:
///
/// - `countErrorBound == 0` ⇒ `counts[0]` is CPython's. A compiled statement adds its
///   profile's bound (`Profile.compileCountError`); any collection sets it back to 0 (the count
///   is 0 in both).
/// - While threshold0 is within `countErrorBound` of the count, CPython may collect where
///   the engine does not (or the reverse): `timingUnknown` and `statsUnknown` become true.
/// - A collection that finds unreachable objects while `timingUnknown` sets `untimelyGarbage`:
///   CPython found them at another moment (or already had), so their finalizers' output and
///   the collection's result are not CPython's; the interpreter refuses.
/// - An explicit full collection that finds nothing ends `timingUnknown`: had CPython collected
///   garbage earlier, it would still be garbage here; all three counts are 0 and every
///   survivor is in generation 2 in both. The number of collections (`gc.get_stats()`) stays
///   unknown for the session.
///
/// A full collection that finds garbage while `timingUnknown` is still exact when none of
/// that garbage could have been found at an earlier moment. Such moments — *opportunities* —
/// are where CPython may collect and the engine did not: a GC allocation (3.11 and earlier
/// collect inside it), an eval-breaker check (3.12+ run the scheduled collection there), a
/// step whose allocations the engine does not model one for one. While `timingUnknown`,
/// each increments `gc.opportunities`, and every object carries in `touched` the count when
/// it was made or last lost a reference. An object that loses a reference is reachable just
/// before (running code held that reference, or freed its holder), and so is everything it
/// reaches. So if every object of the unreachable set is reachable, inside the set, from one
/// touched since the last opportunity, all of it was reachable at every opportunity: CPython
/// cannot have collected any of it earlier, and finds the same set now
///
/// (`judgeGarbage`). What such an earlier collection would still have changed is the order
/// of the lists (`orderUnknown`): the calls of finalizers and weakref callbacks, and the
/// order in which the garbage is freed, follow it. The first is refused when two or more of
/// them would run; the second makes later addresses unknown (`addressesUnknown`). The
/// verdict comes before the finalizers run: the interpreter runs none for a collection it
/// is going to refuse, so that no line CPython may not print is printed.
///
/// `python3 FILE` compiles the whole file before running it, which allocates an amount of
/// GC objects that depends on the file; the count a script starts with is not known exactly
/// (`startWithUnknownCount`). It is bounded, though (`startWithBoundedCount`,
/// `Profile.scriptCountBound`): what start-up leaves is a constant of the interpreter and its
/// environment, and what compiling the file allocates grows with the file's structure:
/// Python/compile.c keeps per code unit its dicts (u_consts, u_names, u_varnames, u_cellvars,
/// u_freevars) and Python/symtable.c per scope an entry's dict and lists until the end, and
/// the code object has its co_consts, co_names and local-name tuples; per constant,
/// _PyCode_ConstantKey makes a key tuple for every tuple, frozenset, float and complex in it,
/// and merge_consts_recursive makes the keys of every nested tuple again at each level (kept
/// in c_const_cache: `((((1,),),),)` costs quadratically in its depth, 3.8.18–3.13.0:
/// 30 levels make 1,077 objects); ast_opt.c's folded intermediates (kept in the arena's list
/// while the script runs) and symtable directives need at least two source bytes each. So the
/// bound is `startup + 16 × units + 8 × key nodes (each node once per enclosing level) +
/// bytes / 2`, with `startup` the largest measured excess plus a margin (Profile files).
/// `scripts/measure/script-count-bound.py` checks it on every corpus case and generated
/// files (lambdas, deep and wide constant tuples, floats, frozensets, names, strings): at the
/// first line, CPython's count never exceeds it, and where it is below threshold0 no
/// collection ran before the first line (gc.get_stats()). A file whose compilation warns is
/// not bounded (the warnings machinery runs Python code: 3.13.0 collects there).
/// While the engine's count stays at most threshold0, CPython's, at most as high, has not
/// reached it either: neither collects automatically, so an explicit `gc.collect()` finds
/// exactly the engine's garbage, and `timingUnknown` stays false. The count itself stays
/// unknown (`countBelowSlack`); the first moment the engine's count passes threshold0, CPython's
/// may not have, and the session falls back to `startWithUnknownCount`.
extension Heap {
    /// A script whose compilation is bounded: CPython's generation-0 count is in
    /// [0, `bound`], no collection has run since start-up's in either, and none can run until
    /// the engine's count, set to `bound`, passes threshold0. Keeps the count, the statistics
    /// and the lists' order unknown (`startWithUnknownCount(forever: true)` came first).
    public func startWithBoundedCount(upTo bound: Int) {
        guard gc.countNeverKnown, bound <= gc.thresholds[0] else { return }
        gc.counts[0] = bound
        gc.countErrorBound = 0
        gc.countBelowSlack = bound
        gc.timingUnknown = false
    }

    /// A script: generation 0's count is anywhere below the threshold, and CPython may
    /// already have collected during the compilation (3.8.18 and 3.12.1 do for longer files).
    /// `forever`: not even a full collection makes the count and the lists known (a script:
    /// where the per-statement count is not exact, the REPL folds that error into each
    /// statement's compilation, `Profile.compileCountError`, and a script has none to carry it;
    /// and what start-up and compilation left in the lists of a script is not modelled exactly).
    public func startWithUnknownCount(forever: Bool) {
        gc.countNeverKnown = forever
        gc.countErrorBound = max(gc.countErrorBound, gc.thresholds[0] + 1)
        gc.timingUnknown = true
        gc.statsUnknown = true
        gc.orderUnknown = true
    }

    /// A moment where CPython may collect and the engine does not know whether it did.
    @inline(__always)
    func noteOpportunity() {
        guard gc.timingUnknown, gc.enabled, gc.thresholds[0] != 0 else { return }
        gc.opportunities &+= 1
        gc.orderUnknown = true
    }

    /// A collection found the set `unreachable` (right after move_unreachable, masked) while
    /// `timingUnknown`: sets `untimelyGarbage` before any finalizer runs, unless this is an
    /// explicit full collection (`gc.explicitCollection`), a walk inside the set from the
    /// objects touched since the last opportunity reaches all of it, and at most one of its
    /// objects has a finalizer or weak references when the lists' order is unknown.
    func judgeGarbage(_ unreachable: Int, generation: Int) {
        gc.untimelyGarbage = true
        guard gc.explicitCollection, generation == GCState.generationCount - 1 else { return }
        let now = gc.opportunities
        var members: [Int] = []
        var n = Int(gc.next[unreachable])
        var sensitive = 0
        while n != unreachable {
            members.append(n)
            let r = GCState.row(n)
            if hasFinalizer(typeInfo(of: r)) || !weakrefs(to: r).isEmpty { sensitive += 1 }
            n = Int(gc.next[n])
        }
        if gc.orderUnknown && sensitive > 1 { return }
        var reached = Set<Int>()
        var work = members.filter { touched[Int(GCState.row($0))] == now }
        reached.formUnion(work)
        withCollectorBuffers { b in
            while let m = work.popLast() {
                b.traverse(m) { k in
                    if b.refs[k] == GCState.tentativelyUnreachable, reached.insert(k).inserted { work.append(k) }
                }
            }
        }
        if reached.count == members.count { gc.untimelyGarbage = false }
    }

    /// The statement just compiled (or start-up) may have made up to `n` GC objects more or
    /// fewer than CPython.
    public func countMayDiffer(by n: Int) {
        guard n > 0 else { return }
        gc.countErrorBound += n
        checkCollectionWindow()
        noteOpportunity()
    }

    /// Whether CPython may collect at another moment than the engine from here: threshold0 is
    /// within the error bound of the count (below it, plus `countBelowSlack`), with automatic
    /// collection on. Where CPython's count
    /// is surely above threshold0 too, both collect at the next allocation (3.11 and earlier)
    /// or at the next eval-breaker check (3.12+; 3.13.0 starts at 762 with threshold 700): had
    /// CPython crossed it earlier, this check would have seen the straddle then.
    @inline(__always)
    func checkCollectionWindow() {
        let bound = gc.countErrorBound
        let below = bound + gc.countBelowSlack
        if below > 0, gc.counts[0] + bound > gc.thresholds[0], gc.counts[0] - below <= gc.thresholds[0],
           gc.enabled, gc.thresholds[0] != 0 {
            gc.timingUnknown = true
            gc.statsUnknown = true
            // A bounded script's count is only bounded above: once the engine may collect where
            // CPython does not, nothing is known of CPython's count any more.
            if gc.countBelowSlack > 0 {
                gc.countBelowSlack = 0
                gc.countErrorBound = max(bound, gc.thresholds[0] + 1)
            }
        }
    }

    /// CPython makes GC objects inside a step that the engine does not make one for one, and
    /// frees them before the step ends (3.12+: what print and sys.displayhook's writes hold
    /// until the eval breaker runs the scheduled collection, `Interpreter.fileWrite`). The count
    /// agrees before and after, but CPython's may have stood up to `n` higher when it decided
    /// whether to collect: measured on 3.12.1, `print(1)` with count0 equal to threshold0
    /// collects and with count0 one below does not. Where that straddles threshold0, the
    /// moment of the next collection is not known.
    public func peakMayExceed(by n: Int) {
        let c = gc.counts[0], t = gc.thresholds[0]
        if c + n > t, c <= t, gc.enabled, t != 0, !gc.collecting {
            gc.timingUnknown = true
            gc.statsUnknown = true
            // A script's `timingUnknown` is already set for its lists: the count says it.
            if gc.countNeverKnown { gc.countErrorBound = max(gc.countErrorBound, t + 1) }
        }
        noteOpportunity()
    }

    /// After a collection of `generation` that found `found` unreachable objects.
    func noteCollection(generation: Int, found: Int, explicit: Bool) {
        let full = explicit && generation == GCState.generationCount - 1
        let timely = full && (found == 0 || !gc.untimelyGarbage)
        if gc.orderUnknown && found > 1 { gc.addressesUnknown = true }
        if gc.countNeverKnown {
            // A script: what start-up and the compilation left in the lists stays unknown
            // (`Interpreter.refuseUnknownCollectionTiming`), the counts need not. An explicit
            // full collection sets all three to 0 in both (collect's `generations[i].count =
            // 0` for i <= 2); from there the count is CPython's, and so is the moment of the
            // next automatic collection, until one consults the long-lived heuristic
            // (`gcCollectGenerations`). An automatic collection leaves the error as it was:
            // exact stays exact, unknown stays unknown.
            if timely {
                gc.countErrorBound = 0
                gc.countBelowSlack = 0
                gc.timingUnknown = false
            }
            return
        }
        gc.countErrorBound = 0
        if timely { gc.timingUnknown = false }
    }

    /// gc_collect_generations is about to weigh a full collection against long_lived_total,
    /// the survivors of the last full one. A script's survivors include what start-up and
    /// the compilation left, which the engine does not model one for one: CPython may take
    /// generation 1 where the engine takes 2, or the reverse, so from here the count and
    /// the moment of later collections are unknown.
    func noteLongLivedHeuristic() {
        guard gc.countNeverKnown else { return }
        gc.countErrorBound = max(gc.countErrorBound, gc.thresholds[0] + 1)
        gc.timingUnknown = true
        gc.statsUnknown = true
        gc.orderUnknown = true
    }
}
