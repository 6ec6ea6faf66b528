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
extension Heap {
    /// The statement just compiled (or start-up) may have made up to `n` GC objects more or
    /// fewer than CPython.
    public func countMayDiffer(by n: Int) {
        guard n > 0 else { return }
        gc.countErrorBound += n
        checkCollectionWindow()
    }

    /// Whether CPython may collect at another moment than the engine from here: threshold0 is
    /// within the error bound of the count, with automatic collection on. Where CPython's count
    /// is surely above threshold0 too, both collect at the next allocation (3.11 and earlier)
    /// or at the next eval-breaker check (3.12+; 3.13.0 starts at 762 with threshold 700): had
    /// CPython crossed it earlier, this check would have seen the straddle then.
    @inline(__always)
    func checkCollectionWindow() {
        let bound = gc.countErrorBound
        if bound > 0, gc.counts[0] + bound > gc.thresholds[0], gc.counts[0] - bound <= gc.thresholds[0],
           gc.enabled, gc.thresholds[0] != 0 {
            gc.timingUnknown = true
            gc.statsUnknown = true
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
        }
    }

    /// After a collection of `generation` that found `found` unreachable objects.
    func noteCollection(generation: Int, found: Int, explicit: Bool) {
        if gc.timingUnknown && found > 0 { gc.untimelyGarbage = true }
        gc.countErrorBound = 0
        if explicit && generation == GCState.generationCount - 1 && found == 0 { gc.timingUnknown = false }
    }
}
