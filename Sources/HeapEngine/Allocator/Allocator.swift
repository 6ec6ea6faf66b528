/* An object allocator for Python, simulated.

   Mirrors Objects/obmalloc.c of CPython 3.11 (read at v3.11.7), in the same order and with the
   same names, so that the two files can be read side by side. Nothing here owns real memory: the
   allocator hands out *addresses* (the values `id(x)` shows) and keeps the bookkeeping CPython
   keeps, so that which address an object gets, and when an address comes back, is CPython's.

   The layers, from obmalloc.c's own diagram:

    Object-specific allocators
    _____   ______   ______       ________
   [ int ] [ dict ] [ list ] ... [ string ]       Python core         |
+3 | <----- Object-specific memory -----> | <-- Non-object memory --> |     free lists (object layer)
    _______________________________       |                           |
   [   Python's object allocator   ]      |                           |
+2 | ####### Object memory ####### | <------ Internal buffers ------> |     this file (pymalloc)
    ______________________________________________________________    |
   [          Python's raw memory allocator (PyMem_ API)          ]   |
+1 | <----- Python memory (under PyMem manager's control) ------> |   |
    __________________________________________________________________
   [    Underlying general-purpose allocator (ex: C library malloc)   ]
 0 | <------ Virtual memory allocated for the python process -------> |     SystemMalloc.swift
   =========================================================================
-1   kernel: mmap/munmap of arenas                                          simulated in newArena

   Allocation strategy abstract

   Requests of 1 ... SMALL_REQUEST_THRESHOLD bytes are grouped in size classes ALIGNMENT bytes
   apart: class szidx = (nbytes - 1) >> ALIGNMENT_SHIFT serves blocks of (szidx + 1) << ALIGNMENT_SHIFT
   bytes. Requests of 0 bytes and of more than the threshold go to the system malloc. With the 3.11
   profile (64-bit: ALIGNMENT 16) that is 32 classes, 16 ... 512 bytes. obmalloc.c's own table
   still shows 8-byte steps and 64 classes; that prose is stale, the numbers live in `Profile` and
   AllocatorTests checks them.

   Memory comes in three nested sizes:

   - an *arena* (ARENA_SIZE, 1 MiB) is one mmap. Its first pool starts at the first POOL_SIZE-aligned
     address inside it; an arena that mmap placed off pool alignment loses one pool (63 instead of
     64), which `_debugmallocstats` reports as "bytes lost to arena alignment".
   - a *pool* (POOL_SIZE, 16 KiB) holds blocks of one size class after a POOL_OVERHEAD-byte header.
   - a *block* is what PyObject_Malloc returns.

   Once carved off its arena, a pool is in one of three states forever after (obmalloc.c "Pool
   table"):

     used  -- some blocks allocated, some free; the pool is on usedpools[szidx].
     full  -- every block allocated; the pool is on no list.
     empty -- no block allocated; the pool is on its arena's freepools list and has no size class
              until the next allocateFromNewPool takes it (if it gets the same class back, its old
              free list is kept).

   Transitions: a malloc from a used pool may make it full (pymallocPoolExtend unlinks it); a free
   into a full pool makes it used and links it at the *front* of usedpools (insertToUsedpool), so
   the next malloc of that class reuses the freed block; a free that empties a pool moves it to the
   front of its arena's freepools (insertToFreepool), and then the arena may move in usableArenas or
   be returned to the kernel.

   Arenas with at least one free pool sit on `usableArenas`, sorted by nfreepools ascending: new
   pools come from the most-full arena, so nearly empty arenas drain and can be unmapped.
   `nfp2lasta[n]` is the last arena on that list with n free pools, which keeps the re-sorting in
   insertToFreepool O(1).

   Block management: within a pool, freed blocks form a LIFO singly-linked list headed at
   `freeblock` (the next malloc returns the block freed last). Virgin blocks are not linked up
   front: `nextoffset` bumps through the pool up to `maxnextoffset`, one block at a time, as
   pymalloc "strives at all levels (arena, pool, and block) never to touch a piece of memory until
   it's actually needed".

   Representation (no memory is touched, so the links live beside the addresses):
   - `arenas[i]` is `struct arena_object`; list links are arena indices, -1 for NULL.
   - `pools[i * maxPoolsInArena + k]` is the `struct pool_header` of pool k of arena object i,
     counted from the arena's first pool-aligned address. Pool links are these pool ids, -1 for NULL.
   - `links[poolId * unitsPerPool + u]` is the word CPython writes into a free block (`*(block **)p`):
     the unit (ALIGNMENT-byte offset inside the pool) of the next free block, 0 for NULL (unit 0 is
     the pool header, never a block). Every operation is O(1) array indexing; no dictionary is on
     the pymalloc path.

   Divergence: what is simplified, and why.
   - No memory exists: free-block links live in `links` instead of in the blocks, and the pool
     header is a struct beside its address. Behaviour (which address comes next) is unchanged.
   - `usedpools` keeps one head per size class instead of the doubled-pointer header trick; the
     lists, their order and front insertion are the same.
   - address_in_range: the radix tree is not built; arenas live in fixed slots of the simulated
     mmap area, so the slot is one shift away. Its node counts are still kept for
     `_debugmallocstats` (mid/bot nodes are created exactly when arena_map_mark_used would).
   - The kernel is simulated: arenas are mmap'd top-down from `arenaBaseAddress - arenaMmapSkew`,
     each in the highest free ARENA_SIZE hole (a released arena's range is the next one reused), as
     Linux does when nothing else maps memory in between. Real processes interleave other mappings.
   - The heap limit plays the part of a failing mmap/malloc: new_arena returns NULL (and
     _PyObject_Malloc falls back to PyMem_RawMalloc, as in CPython) when mappedBytes would pass it.
   - The system malloc is a small glibc model (SystemMalloc.swift lists what it omits).
   - Not modelled: the PYTHONMALLOC debug hooks, valgrind detection, PYTHONMALLOCSTATS, calloc,
     raw_allocated_blocks (`sys.getallocatedblocks`), and the arenas CPython's own startup fills
     (a fresh Allocator is empty; the runtime's startup allocations populate it).
*/

/// The simulated PyObject_Malloc / PyObject_Free / PyObject_Realloc, pymalloc plus the system malloc.
///
/// Mirrors `Objects/obmalloc.c` (3.11): arenas, pools, blocks and their lists as CPython keeps them.
/// A struct of arrays: copying it copies the whole heap state (cheap to snapshot for tests).
public struct Allocator {
    // MARK: - Tunables (from Profile; obmalloc.c "Main tunable settings section")

    public let profile: Profile
    /// Simulated heap limit in bytes: `mappedBytes` may not exceed it (MemoryError beyond).
    public var heapLimit: Int
    /// ALIGNMENT_SHIFT: log2(ALIGNMENT).
    let alignmentShift: Int
    /// SMALL_REQUEST_THRESHOLD.
    let smallRequestThreshold: Int
    /// POOL_BITS, POOL_SIZE, POOL_SIZE_MASK.
    let poolBits: Int
    let poolSize: UInt64
    let poolSizeMask: UInt64
    /// ARENA_BITS, ARENA_SIZE.
    let arenaBits: Int
    let arenaSize: UInt64
    /// POOL_OVERHEAD.
    let poolOverhead: Int
    /// MAX_POOLS_IN_ARENA.
    let maxPoolsInArena: Int
    /// POOL_SIZE / ALIGNMENT: entries of `links` per pool.
    let unitsPerPool: Int
    /// NB_SMALL_SIZE_CLASSES.
    let numSizeClasses: Int
    /// DUMMY_SIZE_IDX: "size class of newly cached pools".
    static let dummySizeIdx: Int32 = 0xffff

    // MARK: - Arena and pool state (obmalloc.c globals)

    /// `arenas`, `maxarenas == arenas.count`.
    var arenas: [ArenaObject] = []
    /// Pool headers, `maxPoolsInArena` per arena object.
    var pools: [PoolHeader] = []
    /// The free-block links; see the essay. 0 is NULL.
    var links: [UInt16] = []
    /// Head pool id of the used pools of each size class, -1 when none. CPython keeps headed
    /// circular lists (`usedpools[size + size]`); one head per class is the same list.
    var usedpools: [Int32]
    /// Head of the doubly-linked list of arenas with free pools, sorted by nfreepools ascending.
    var usableArenas: Int32 = -1
    /// Singly-linked (via nextarena) arena objects with no arena. Key invariant: an arena object
    /// is on this list if and only if its address is 0.
    var unusedArenaObjects: Int32 = -1
    /// nfp2lasta[nfp] is the last arena in usableArenas with nfp free pools, -1 if none.
    var nfp2lasta: [Int32]
    var narenasCurrentlyAllocated = 0
    var ntimesArenaAllocated = 0
    var narenasHighwater = 0

    // MARK: - Simulated kernel (mmap) and radix tree accounting

    /// Top of the simulated mmap area: arena slot k is mapped at mmapTop - (k + 1) * ARENA_SIZE.
    let mmapTop: UInt64
    /// Arena object index mapped at each slot, -1 when the slot is unmapped (a hole).
    var mmapSlotArena: [Int32] = []
    /// Every slot below this one is mapped (the search start of the next mmap).
    var mmapLowestHole = 0
    /// `arena_map_mid_count`, `arena_map_bot_count`: radix tree nodes ever created (never freed).
    var arenaMapMidNodes: Set<UInt64> = []
    var arenaMapBotNodes: Set<UInt64> = []

    /// The C library's malloc under PyMem_RawMalloc.
    var system: SystemMalloc

    /// Recent pymalloc events per size class (Allocator+ReuseLog.swift).
    var reuse: ReuseLog

    /// tracemalloc's traces (Tracemalloc.swift): while tracing, malloc, free and realloc below
    /// add and remove traces as _tracemalloc.c's hooks on the allocator domains do.
    public var tracemalloc = Tracemalloc()

    /// Creates an empty heap: no arena mapped until the first small request.
    /// - Parameters:
    ///   - profile: supplies every size (ALIGNMENT, POOL_SIZE, ...).
    ///   - heapLimit: bytes `mappedBytes` may reach; beyond it `malloc` returns nil.
    public init(profile: Profile, heapLimit: Int) {
        self.profile = profile
        self.heapLimit = heapLimit
        alignmentShift = profile.alignment.trailingZeroBitCount
        smallRequestThreshold = profile.smallRequestThreshold
        poolBits = profile.poolSize.trailingZeroBitCount
        poolSize = UInt64(profile.poolSize)
        poolSizeMask = poolSize - 1
        arenaBits = profile.arenaSize.trailingZeroBitCount
        arenaSize = UInt64(profile.arenaSize)
        poolOverhead = profile.poolOverhead
        maxPoolsInArena = profile.arenaSize / profile.poolSize
        unitsPerPool = profile.poolSize / profile.alignment
        numSizeClasses = profile.smallRequestThreshold / profile.alignment
        // The invariants of obmalloc.c's tunables section (its #error checks).
        precondition(profile.alignment.nonzeroBitCount == 1, "ALIGNMENT must be 2^N")
        precondition(profile.alignment <= profile.smallRequestThreshold
                     && profile.smallRequestThreshold <= 512,
                     "ALIGNMENT <= SMALL_REQUEST_THRESHOLD <= 512 must hold")
        precondition(profile.smallRequestThreshold % profile.alignment == 0,
                     "SMALL_REQUEST_THRESHOLD must be evenly divisible by ALIGNMENT")
        precondition(profile.poolSize.nonzeroBitCount == 1, "pool size must be a power of 2")
        precondition(maxPoolsInArena * profile.poolSize == profile.arenaSize,
                     "arena size not an exact multiple of pool size")
        precondition(unitsPerPool <= Int(UInt16.max), "pool too large for 16-bit block links")
        precondition(profile.arenaMmapSkew % profile.systemPageSize == 0,
                     "mmap addresses are page-aligned")
        usedpools = Array(repeating: -1, count: numSizeClasses)
        nfp2lasta = Array(repeating: -1, count: maxPoolsInArena + 1)
        mmapTop = profile.arenaBaseAddress - UInt64(profile.arenaMmapSkew)
        system = SystemMalloc(profile: profile)
        reuse = ReuseLog(sizeClasses: numSizeClasses)
    }

    // MARK: - API

    /// Bytes currently allocated: arenas mapped * ARENA_SIZE + live system-malloc chunks. The heap
    /// limit is checked against this.
    public var mappedBytes: Int {
        narenasCurrentlyAllocated * Int(arenaSize) + system.liveBytes
    }

    /// Mirrors `_PyObject_Malloc`: pymalloc for 1 ... SMALL_REQUEST_THRESHOLD bytes, else (and when
    /// pymalloc cannot get an arena) PyMem_RawMalloc.
    /// - Returns: the block's address, or nil when the simulated heap limit would be exceeded
    ///   (the caller raises MemoryError).
    @inline(__always)
    public mutating func malloc(_ nbytes: Int) -> UInt64? {
        guard let bp = untracedMalloc(nbytes) else { return nil }
        // tracemalloc_alloc: one trace, of the request (pymalloc's fallback to PyMem_RawMalloc
        // runs under the reentrancy guard and is not traced again).
        if tracemalloc.tracing { tracemalloc.addTrace(bp, nbytes) }
        return bp
    }

    @inline(__always)
    mutating func untracedMalloc(_ nbytes: Int) -> UInt64? {
        if let bp = pymallocAlloc(nbytes) { return bp }
        return system.malloc(nbytes, limit: heapLimit - narenasCurrentlyAllocated * Int(arenaSize))
    }

    /// Mirrors `_PyObject_Free`: pymalloc_free if the address is in an arena, else the system free.
    @inline(__always)
    public mutating func free(_ address: UInt64) {
        if address == 0 { return }            // PyObject_Free(NULL) has no effect
        // tracemalloc_free: the trace goes with the block (none for a block from before start).
        if tracemalloc.tracing { tracemalloc.removeTrace(address) }
        untracedFree(address)
    }

    @inline(__always)
    mutating func untracedFree(_ address: UInt64) {
        if pymallocFree(address) { return }
        system.free(address)
    }

    /// The pymalloc size class (szidx) of the block at `address`, or -1 for a block of the
    /// system malloc (larger than SMALL_REQUEST_THRESHOLD) or outside the heap.
    public func sizeClass(of address: UInt64) -> Int {
        guard let pool = poolId(containing: address) else { return -1 }
        return Int(pools[pool].szidx)
    }

    /// Mirrors `_PyObject_Realloc` / `pymalloc_realloc`: a pymalloc block stays in place while the
    /// new size fits its class and does not shrink it by 25% or more; otherwise it moves (possibly
    /// to the system malloc). A system-malloc block stays with the system malloc whatever the new
    /// size ("let C continue to manage this block"), as obmalloc does.
    /// - Returns: the new address, or nil on the heap limit (the old block is then untouched).
    public mutating func realloc(_ address: UInt64, _ nbytes: Int) -> UInt64? {
        if address == 0 { return malloc(nbytes) }
        guard let moved = untracedRealloc(address, nbytes) else { return nil }
        // tracemalloc_realloc: the old trace goes first when the block moved, then the new
        // size is traced (replacing the old one in place), so the peak never holds both.
        if tracemalloc.tracing {
            if moved != address { tracemalloc.removeTrace(address) }
            tracemalloc.addTrace(moved, nbytes)
        }
        return moved
    }

    /// A block replaced by a new one, the new allocated before the old is freed (dictresize's
    /// new_keys_object, set_table_resize's PyMem_NEW): placed as `realloc` places it (the
    /// engine's placement of these parts), traced as CPython's malloc then free, so the
    /// peak holds both.
    public mutating func reallocAsNewBlock(_ address: UInt64, _ nbytes: Int) -> UInt64? {
        guard let moved = untracedRealloc(address, nbytes) else { return nil }
        if tracemalloc.tracing {
            tracemalloc.transient(nbytes)
            tracemalloc.removeTrace(address)
            tracemalloc.addTrace(moved, nbytes)
        }
        return moved
    }

    mutating func untracedRealloc(_ address: UInt64, _ nbytes: Int) -> UInt64? {
        guard let pool = poolId(containing: address) else {
            return system.realloc(address, nbytes,
                                  limit: heapLimit - narenasCurrentlyAllocated * Int(arenaSize))
        }
        // pymalloc is in charge of this block.
        let size = Int(pools[pool].szidx + 1) << alignmentShift      // INDEX2SIZE(pool->szidx)
        if nbytes <= size {
            // "copy on shrink only if at least 25% of size can be shaved off."
            if 4 * nbytes > 3 * size { return address }
        }
        guard let bp = untracedMalloc(nbytes) else { return nil }
        untracedFree(address)
        return bp
    }
}

extension Allocator: Sendable {}
