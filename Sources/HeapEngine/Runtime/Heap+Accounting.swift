/// Whole-heap accounting for reference-leak checks, in the spirit of CPython's
/// `regrtest -R` (Lib/test/libregrtest/refleak.py), which compares `sys.gettotalrefcount()`
/// and `sys.getallocatedblocks()` between repeated runs of a test.
extension Heap {
    /// The number of live object rows (statics included: they never die, so they cancel out
    /// in any difference of two counts).
    public var liveObjectCount: Int { liveCount }

    /// The sum of the reference counts of every live object, like a debug build's
    /// `_Py_RefTotal` (`sys.gettotalrefcount()`). Immortal objects (PEP 683, 3.12+) are left
    /// out: their counts never move, as `_Py_RefTotal` does not count them either.
    /// Shared objects before 3.12 *are* counted: a reference leaked to `None` or a small int
    /// shows up here. Their start-up counts are set once, before the session's first statement
    /// (`rebaseStartupRefcounts`), so the difference between two totals taken after it only
    /// sees the session's own references.
    public var totalRefcount: Int {
        var dead = [Bool](repeating: false, count: refcnt.count)
        for r in freeRows { dead[Int(r)] = true }
        var total = 0
        for i in 0..<refcnt.count where !dead[i] {
            let n = refcnt[i]
            if n < immortalThreshold { total &+= n }
        }
        return total
    }
}
