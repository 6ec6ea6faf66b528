/* tracemalloc's bookkeeping, simulated: the traces of Modules/_tracemalloc.c (3.6-3.12;
   Python/tracemalloc.c in 3.13).

   While tracing, CPython's hooks on the raw, mem and obj allocator domains record every block
   allocated (`tracemalloc_add_trace`: the *requested* size, not pymalloc's size class) and drop
   it when freed (`tracemalloc_remove_trace`); `tracemalloc_traced_memory` is the sum of the
   traced blocks' sizes and `tracemalloc_peak_traced_memory` its maximum since start() or the
   last clear/reset. Blocks allocated before start() are not traced, and freeing them changes
   nothing. Objects taken from or returned to a free list do not reach the allocator, so they
   neither add nor remove a trace (a list freed onto the free list keeps its trace).

   The engine calls `Allocator.malloc/free/realloc` where CPython calls the allocator, so the
   hooks sit there (Allocator.swift). Where a size is traced that may not be CPython's request,
   or CPython traces a block the engine does not make, `unknown` says why and the interpreter
   refuses the numbers until stop() (tracemalloc_stop clears the traces).

   Divergence: tracemalloc's own tables (traces hashtable, tracebacks, filenames) live in the
   raw allocator behind its reentrancy guard and are never traced, in CPython as here; their
   size (`get_tracemalloc_memory()`) is not modelled. Tracebacks are not kept (one frame or
   more, they do not change the sizes).
*/

/// The traces and counters of _tracemalloc.c.
public struct Tracemalloc: Sendable {
    /// `tracemalloc_config.tracing`.
    public internal(set) var tracing = false
    /// `tracemalloc_config.max_nframe`: start()'s argument, kept after stop() (1 before any start).
    public var maxNframe = 1
    /// `tracemalloc_traces`: address → requested size.
    var traces: [UInt64: Int] = [:]
    /// `tracemalloc_traced_memory`.
    public private(set) var tracedMemory = 0
    /// `tracemalloc_peak_traced_memory`.
    public private(set) var peakTracedMemory = 0
    /// Why the traced sizes may not be CPython's since start(), or nil while they are.
    public var unknown: String?

    public init() {}

    /// `tracemalloc_add_trace`: a block already traced (an in-place realloc) has its old size
    /// taken off first; then the peak follows.
    mutating func addTrace(_ ptr: UInt64, _ size: Int) {
        if let old = traces.updateValue(size, forKey: ptr) { tracedMemory -= old }
        tracedMemory += size
        if tracedMemory > peakTracedMemory { peakTracedMemory = tracedMemory }
    }

    /// `tracemalloc_remove_trace`: nothing for a block allocated before start().
    mutating func removeTrace(_ ptr: UInt64) {
        if let size = traces.removeValue(forKey: ptr) { tracedMemory -= size }
    }

    /// A block CPython's code allocates and frees again at once, which the engine does not
    /// make: it only raises the peak (measured sizes, see the callers).
    public mutating func transient(_ size: Int) {
        guard tracing else { return }
        if tracedMemory + size > peakTracedMemory { peakTracedMemory = tracedMemory + size }
    }

    /// `tracemalloc_start` (the hooks installed; traces were cleared by the last stop).
    /// "hook already installed: do nothing" (nframe is ignored then).
    public mutating func start(nframe: Int) {
        guard !tracing else { return }
        maxNframe = nframe
        tracing = true
    }

    /// `tracemalloc_stop`: hooks removed, then `tracemalloc_clear_traces`.
    public mutating func stop() {
        guard tracing else { return }
        tracing = false
        clearTraces()
    }

    /// `tracemalloc_clear_traces`: traces and both counters reset. What made the sizes
    /// unknown is forgotten only by stop(): blocks traced wrongly before a clear are freed
    /// later without their trace either way, but an interpreter state the engine does not
    /// model (the prompt's compiler) stays.
    public mutating func clearTraces() {
        traces.removeAll(keepingCapacity: true)
        tracedMemory = 0
        peakTracedMemory = 0
        if !tracing { unknown = nil }
    }

    /// `tracemalloc.reset_peak()` (3.9+).
    public mutating func resetPeak() {
        peakTracedMemory = tracedMemory
    }

    /// Notes why the sizes are no longer known, while tracing (the first reason stays).
    public mutating func noteUnknown(_ why: @autoclosure () -> String) {
        if tracing && unknown == nil { unknown = why() }
    }
}

extension Heap {
    /// 3.11+'s free_keys_object keeps a dict's smallest (8-slot) str-keyed table on the keys
    /// free list, where new_keys_object takes it back, neither reaching the allocator: its
    /// trace stays, and the next such table is not traced. The engine does not model that
    /// list (it frees and allocates), so once a table may be on it (since the last full
    /// collection, which empties it) the numbers are unknown.
    func noteAuxReleased(_ r: ObjectRef) {
        guard profile.minor >= 11, kind(r) == .dict else { return }
        let o = profile.objects
        let smallestUnicodeKeys = o.dictKeysHeaderSize + 8 + 5 * 2 * o.pointerSize
        guard auxSize[Int(r)] == smallestUnicodeKeys else { return }
        dictKeysFreeListUsed = true
        allocator.tracemalloc.noteUnknown("a dict released its smallest str-keyed table, which CPython keeps on its "
            + "keys free list (still traced, and reused untraced), not modelled by heapbook")
    }

    /// The allocator's traces (`tracemalloc.*`).
    public var tracemalloc: Tracemalloc {
        get { allocator.tracemalloc }
        set { allocator.tracemalloc = newValue }
    }
}
