/// Record keeping for one arena. Mirrors `struct arena_object`, Objects/obmalloc.c (3.11).
///
/// `nextarena` / `prevarena` values, by state (as obmalloc.c documents them):
/// - address == 0 (no arena mapped): the object is on `unusedArenaObjects`, linked by `nextarena`;
///   `prevarena` is meaningless.
/// - mapped, nfreepools > 0: on the doubly-linked `usableArenas` list, sorted by nfreepools.
/// - mapped, nfreepools == 0: all pools in use; both links are meaningless.
struct ArenaObject {
    /// The address of the arena, as returned by (simulated) mmap; 0 marks an arena object that
    /// is not associated with an allocated arena.
    var address: UInt64 = 0
    /// Pool-aligned address of the next pool to be carved off (the arena's highwater mark).
    var poolAddress: UInt64 = 0
    /// Available pools: free pools + never-carved pools.
    var nfreepools: Int32 = 0
    /// Pools in the arena, whether or not available (MAX_POOLS_IN_ARENA, less one if unaligned).
    var ntotalpools: Int32 = 0
    /// Singly-linked list (via PoolHeader.nextpool) of empty pools; a pool id, -1 for NULL.
    var freepools: Int32 = -1
    var nextarena: Int32 = -1
    var prevarena: Int32 = -1
    /// Divergence: not in CPython. The simulated mmap slot the arena occupies, so munmap can
    /// give the address range back to the simulated kernel.
    var mmapSlot: Int32 = -1
}

/// Header of a pool of small blocks. Mirrors `struct pool_header`, Objects/obmalloc.c (3.11).
///
/// Field values by pool state:
/// - `count` (`ref.count`): blocks allocated; 0 for an empty pool, NUMBLOCKS(szidx) for a full one.
/// - `freeblock`: unit (ALIGNMENT-byte offset in the pool) of the head of the free-block list;
///   0 (NULL) when the pool is full or when the list ran out and the pool is being extended.
///   In a used pool it is never 0: allocation always finds a block there.
/// - `nextpool` / `prevpool`: pool ids (-1 = NULL). used: neighbours on usedpools[szidx];
///   empty: `nextpool` links the arena's freepools, `prevpool` meaningless; full: both meaningless.
/// - `szidx`: size class, or DUMMY_SIZE_IDX right after the pool is carved off its arena.
/// - `nextoffset` / `maxnextoffset`: bytes from the pool start to the next virgin block, and the
///   largest valid such offset (POOL_SIZE - size): the bump allocator of pymallocPoolExtend.
struct PoolHeader {
    var count: Int32 = 0
    var freeblock: Int32 = 0
    var nextpool: Int32 = -1
    var prevpool: Int32 = -1
    var arenaindex: Int32 = 0
    var szidx: Int32 = Allocator.dummySizeIdx
    var nextoffset: Int32 = 0
    var maxnextoffset: Int32 = 0
    /// Divergence: CPython's header *is* at the pool's address; here it is cached beside it.
    var address: UInt64 = 0
}
