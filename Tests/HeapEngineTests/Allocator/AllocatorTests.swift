import XCTest
@testable import HeapEngine

/// Checks the simulated allocator against Objects/obmalloc.c (3.11). Each expectation names the
/// CPython code it comes from. Every test runs `checkConsistency()` after its steps, as a Py_DEBUG
/// build runs obmalloc's asserts.
final class AllocatorTests: XCTestCase {
    let profile = Profile.cpython311
    /// Simulated mmap: slot 0 is at arenaBaseAddress - arenaMmapSkew - ARENA_SIZE = ...bef_d000,
    /// page- but not pool-aligned, so new_arena's `excess = address & POOL_SIZE_MASK` is 0x1000 and
    /// the first pool starts at the next 16 KiB boundary.
    let arena0: UInt64 = 0x7f3a_1bef_d000
    let arena0FirstPool: UInt64 = 0x7f3a_1bf0_0000
    let arena1: UInt64 = 0x7f3a_1bdf_d000
    let arena1FirstPool: UInt64 = 0x7f3a_1be0_0000
    /// 16 KiB: POOL_SIZE (1 << POOL_BITS, USE_LARGE_POOLS).
    let pool: UInt64 = 0x4000
    /// POOL_OVERHEAD: _Py_SIZE_ROUND_UP(sizeof(struct pool_header), ALIGNMENT) = 48.
    let overhead: UInt64 = 48
    /// NUMBLOCKS(31) = (POOL_SIZE - POOL_OVERHEAD) / 512 = 31; pools per unaligned arena: 63.
    let blocksOf512 = 31
    let poolsPerArena = 63

    func makeAllocator(limit: Int = 1 << 34) -> Allocator {
        Allocator(profile: profile, heapLimit: limit)
    }

    func assertConsistent(_ a: Allocator, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(a.checkConsistency(), file: file, line: line)
    }

    /// Fills exactly one arena with 512-byte blocks (63 pools * 31 blocks).
    func fillArena(_ a: inout Allocator) -> [UInt64] {
        (0..<(poolsPerArena * blocksOf512)).map { _ in a.malloc(512)! }
    }

    // MARK: - Size classes

    func testSizeClasses() {
        var a = makeAllocator()
        // pymalloc_alloc: `size = (uint)(nbytes - 1) >> ALIGNMENT_SHIFT`; the first pool is
        // initialized by allocate_from_new_pool: `bp = (block *)pool + POOL_OVERHEAD`.
        let one = a.malloc(1)!
        XCTAssertEqual(one, arena0FirstPool + overhead)
        // 16 bytes is class 0 too: the pool's second block, `pool->freeblock = bp + size`.
        XCTAssertEqual(a.malloc(16)!, arena0FirstPool + overhead + 16)
        // 17 bytes is class 1: no used pool of that class, so a new pool is carved
        // (`usable_arenas->pool_address += POOL_SIZE`).
        XCTAssertEqual(a.malloc(17)!, arena0FirstPool + pool + overhead)
        // 512 == SMALL_REQUEST_THRESHOLD is still pymalloc (`nbytes > SMALL_REQUEST_THRESHOLD`
        // returns NULL only above it): class 31.
        XCTAssertEqual(a.malloc(512)!, arena0FirstPool + 2 * pool + overhead)
        let pools = a.snapshot()[0].pools
        XCTAssertEqual(pools[0].sizeClass, 0)
        XCTAssertEqual(pools[0].blockSize, 16)
        XCTAssertEqual(pools[1].blockSize, 32)
        XCTAssertEqual(pools[2].sizeClass, 31)
        XCTAssertEqual(pools[2].blockSize, 512)
        // NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT = 32 (not obmalloc.c's stale
        // 8-byte table with 64 classes).
        XCTAssertEqual(profile.sizeClassCount, 32)
        // 513 bytes and 0 bytes: pymalloc_alloc returns NULL, _PyObject_Malloc calls
        // PyMem_RawMalloc (glibc: chunk + 16 from the heap start).
        let big = a.malloc(513)!
        XCTAssertEqual(big, profile.mallocBaseAddress + 16)
        // _PyMem_RawMalloc: "PyMem_RawMalloc(0) means malloc(1)"; it follows big's glibc chunk,
        // request2size(513) = (513 + SIZE_SZ + 15) & ~15 = 528.
        let zero = a.malloc(0)!
        XCTAssertEqual(zero, big + 528)
        XCTAssertEqual(a.snapshot()[0].pools.filter(\.isCarved).count, 3)
        assertConsistent(a)
    }

    // MARK: - Blocks

    func testFreedBlockIsReusedLIFO() {
        var a = makeAllocator()
        let x = a.malloc(32)!, y = a.malloc(32)!, z = a.malloc(32)!
        XCTAssertEqual(y, x + 32)
        XCTAssertEqual(z, y + 32)
        // pymalloc_free: `*(block **)p = lastfree; pool->freeblock = (block *)p;` -- LIFO.
        a.free(x)
        a.free(y)
        XCTAssertEqual(a.malloc(32)!, y)
        XCTAssertEqual(a.malloc(32)!, x)
        // Free list exhausted again: pymalloc_pool_extend bumps nextoffset to the next virgin block.
        XCTAssertEqual(a.malloc(32)!, z + 32)
        assertConsistent(a)
    }

    func testPoolCarvingOrder() {
        var a = makeAllocator()
        // allocate_from_new_pool returns `pool + POOL_OVERHEAD`, then pymalloc_pool_extend hands
        // out `(block*)pool + pool->nextoffset` with `nextoffset += INDEX2SIZE(size)`.
        for (nbytes, stride) in [(16, 16), (48, 48), (100, 112), (500, 512)] {
            let blocks = (0..<20).map { _ in a.malloc(nbytes)! }
            let start = blocks[0]
            XCTAssertEqual(start & (pool - 1), overhead, "first block at pool + POOL_OVERHEAD")
            XCTAssertEqual(blocks, (0..<20).map { start + UInt64($0 * stride) })
        }
        // Pools are carved in address order off the arena's highwater mark.
        XCTAssertEqual(a.snapshot()[0].pools.prefix(4).map(\.address),
                       (0..<4).map { arena0FirstPool + UInt64($0) * pool })
        assertConsistent(a)
    }

    func testFullPoolLeavesUsedpoolsAndComesBackInFront() {
        var a = makeAllocator()
        let first = (0..<blocksOf512).map { _ in a.malloc(512)! }
        // pymalloc_pool_extend: "Pool is full, unlink from used pools."
        XCTAssertEqual(a.snapshot()[0].pools[0].state, .full)
        XCTAssertEqual(a.usedpools[31], -1)
        let second = a.malloc(512)!
        XCTAssertEqual(second, arena0FirstPool + pool + overhead)
        // pymalloc_free of a full pool: insert_to_usedpool links it at the front, "so that the
        // next allocation for its size class will reuse the freed block".
        a.free(first[7])
        XCTAssertEqual(a.snapshot()[0].pools[0].state, .used)
        XCTAssertEqual(a.malloc(512)!, first[7])
        assertConsistent(a)
    }

    func testEmptyPoolGoesToFreepoolsAndServesAnotherClass() {
        var a = makeAllocator()
        let small = a.malloc(16)!
        _ = a.malloc(32)!
        // pymalloc_free: count drops to 0, insert_to_freepool links the pool to ao->freepools.
        a.free(small)
        XCTAssertEqual(a.snapshot()[0].pools[0].state, .empty)
        XCTAssertEqual(a.arenas[0].freepools, 0)
        XCTAssertEqual(a.arenas[0].nfreepools, Int32(poolsPerArena - 1))
        // allocate_from_new_pool: "Try to get a cached free pool" before carving; szidx differs,
        // so the header is re-initialized and the first block is pool + POOL_OVERHEAD again.
        let mid = a.malloc(64)!
        XCTAssertEqual(mid, arena0FirstPool + overhead)
        XCTAssertEqual(a.snapshot()[0].pools[0].sizeClass, 3)
        // Same class back: "Luckily, this pool last contained blocks of the same size class, so
        // its header and free list are already initialized": bp = pool->freeblock.
        let mid2 = a.malloc(64)!
        a.free(mid2)
        a.free(mid)
        XCTAssertEqual(a.snapshot()[0].pools[0].state, .empty)
        XCTAssertEqual(a.malloc(64)!, mid)
        XCTAssertEqual(a.malloc(64)!, mid2)
        assertConsistent(a)
    }

    func testTenThousand32ByteBlocksFillExactPoolCount() {
        var a = makeAllocator()
        for _ in 0..<10_000 { _ = a.malloc(32)! }
        // NUMBLOCKS(1) = (16384 - 48) / 32 = 510; ceil(10000 / 510) = 20 pools.
        let perPool = (16384 - 48) / 32
        XCTAssertEqual(perPool, 510)
        let used = a.snapshot()[0].pools.filter { $0.sizeClass == 1 }
        XCTAssertEqual(used.count, (10_000 + perPool - 1) / perPool)
        XCTAssertEqual(used.filter { $0.state == .full }.count, 19)
        XCTAssertEqual(used.map(\.blocksInUse).reduce(0, +), 10_000)
        assertConsistent(a)
    }

    // MARK: - Arenas

    func testUsableArenasOrderAndArenaRelease() {
        var a = makeAllocator()
        let inArena0 = fillArena(&a)
        // Wholly allocated arenas leave usable_arenas (allocate_from_new_pool: "Unlink the arena:
        // it is completely allocated.").
        XCTAssertEqual(a.usableArenas, -1)
        XCTAssertEqual(a.arenas[0].address, arena0)
        XCTAssertEqual(a.arenas[0].ntotalpools, Int32(poolsPerArena))
        // new_arena: mmap'd top-down below the first arena.
        let b = a.malloc(512)!
        XCTAssertEqual(b, arena1FirstPool + overhead)
        // Freeing b empties arena 1, but insert_to_freepool's Case 1 requires
        // `ao->nextarena != NULL` (bpo-37257): the last usable arena is kept.
        a.free(b)
        XCTAssertEqual(a.snapshot().count, 2)
        assertConsistent(a)

        // Empty one pool of arena 0: Case 2, "Put ao at the head of usable_arenas".
        for p in inArena0.suffix(blocksOf512) { a.free(p) }
        XCTAssertEqual(a.usableArenas, 0)
        XCTAssertEqual(a.arenas[0].nextarena, 1)
        XCTAssertEqual(a.nfp2lasta[1], 0)
        XCTAssertEqual(a.nfp2lasta[poolsPerArena], 1)
        // A new pool comes from the head of usable_arenas: the arena with the fewest free pools
        // (most full), i.e. arena 0's freed pool 62, not arena 1's cached pool.
        let s = a.malloc(16)!
        XCTAssertEqual(s, arena0FirstPool + 62 * pool + overhead)
        XCTAssertEqual(a.usableArenas, 1)
        a.free(s)
        assertConsistent(a)

        // Free all of arena 0: nf reaches ntotalpools while arena 1 follows it: Case 1 unmaps it.
        for p in inArena0.dropLast(blocksOf512) { a.free(p) }
        XCTAssertEqual(a.snapshot().map(\.index), [1])
        XCTAssertEqual(a.mappedBytes, profile.arenaSize)
        XCTAssertEqual(a.unusedArenaObjects, 0)
        assertConsistent(a)

        // The next arena reuses arena object 0 (head of unused_arena_objects) and, like Linux
        // mmap, the highest hole: arena 0's old address range.
        _ = fillArena(&a)
        XCTAssertEqual(a.malloc(512)!, arena0FirstPool + overhead)
        XCTAssertEqual(a.arenas[0].address, arena0)
        XCTAssertEqual(a.ntimesArenaAllocated, 3)
        XCTAssertEqual(a.narenasHighwater, 2)
        assertConsistent(a)
    }

    func testInsertToFreepoolCase3SlidesArenaRight() {
        var a = makeAllocator()
        let first = fillArena(&a)
        let second = fillArena(&a)
        // Arena 0 gets 1 free pool, arena 1 gets 1: usable_arenas = [1, 0] (Case 2 pushes at head).
        for p in first.suffix(blocksOf512) { a.free(p) }
        for p in second.suffix(blocksOf512) { a.free(p) }
        XCTAssertEqual(a.usableArenas, 1)
        XCTAssertEqual(a.nfp2lasta[1], 0)
        // A second free pool in arena 1: "If the 'next' arena has a smaller count of free pools,
        // we have to 'slide this arena right'" -- Case 3 moves it after lastnf (arena 0).
        for p in second.dropLast(blocksOf512).suffix(blocksOf512) { a.free(p) }
        XCTAssertEqual(a.usableArenas, 0)
        XCTAssertEqual(a.arenas[0].nextarena, 1)
        XCTAssertEqual(a.nfp2lasta[1], 0)
        XCTAssertEqual(a.nfp2lasta[2], 1)
        assertConsistent(a)
    }

    func testArenaObjectsStartAtSixteenThenDouble() {
        var a = makeAllocator()
        for _ in 0..<16 { _ = fillArena(&a) }
        // new_arena: `numarenas = maxarenas ? maxarenas << 1 : INITIAL_ARENA_OBJECTS`.
        XCTAssertEqual(a.arenas.count, 16)
        _ = a.malloc(512)!
        XCTAssertEqual(a.arenas.count, 32)
        XCTAssertEqual(a.snapshot().count, 17)
        // Each mmap lands just below the previous one.
        XCTAssertEqual(a.snapshot().last!.address, arena0 - 16 * UInt64(profile.arenaSize))
        assertConsistent(a)
    }

    // MARK: - Realloc

    func testReallocInPlaceAndMoving() {
        var a = makeAllocator()
        let p = a.malloc(100)!                      // class 6, 112 bytes
        // pymalloc_realloc: `if (nbytes <= size) { if (4 * nbytes > 3 * size) ... return p`.
        XCTAssertEqual(a.realloc(p, 112)!, p)
        XCTAssertEqual(a.realloc(p, 85)!, p)        // 340 > 336
        // 4 * 84 == 3 * 112: "copy on shrink only if at least 25% of size can be shaved off".
        let q = a.realloc(p, 84)!
        XCTAssertNotEqual(q, p)
        XCTAssertEqual(q, arena0FirstPool + pool + overhead)   // a new class-5 pool
        // Growing past the class: _PyObject_Malloc(nbytes), memcpy, _PyObject_Free(p). Moving p
        // emptied pool 0 (insert_to_freepool), so class 7 takes it back from ao->freepools
        // ("Try to get a cached free pool") instead of carving pool 2.
        let r = a.realloc(q, 113)!
        XCTAssertEqual(r, arena0FirstPool + overhead)
        // Small -> large: the new block comes from PyMem_RawMalloc.
        let big = a.realloc(r, 600)!
        XCTAssertEqual(big, profile.mallocBaseAddress + 16)
        // A large block stays with C whatever the size ("let C continue to manage this block"):
        // glibc grows the chunk bordering the top chunk in place, and shrinks in place.
        XCTAssertEqual(a.realloc(big, 5000)!, big)
        XCTAssertEqual(a.realloc(big, 100)!, big)
        let other = a.malloc(2000)!
        XCTAssertEqual(other, big + 112)            // the shrunk remainder merged into top
        let moved = a.realloc(big, 10_000)!
        XCTAssertEqual(moved, other + 2016)         // not at the top any more: malloc, copy, free
        // pymalloc realloc to 0 bytes: `size = nbytes` then _PyObject_Malloc(0) -> PyMem_RawMalloc.
        let s = a.malloc(40)!
        let zero = a.realloc(s, 0)!
        XCTAssertLessThan(zero, profile.arenaBaseAddress - UInt64(profile.arenaSize) * 1024)
        assertConsistent(a)
    }

    func testSystemMallocReusesSameSizeChunksLIFO() {
        var a = makeAllocator()
        let x = a.malloc(600)!, y = a.malloc(600)!, z = a.malloc(5000)!
        XCTAssertEqual(y, x + 608)                  // request2size(600) = 608
        a.free(x)
        a.free(y)
        // tcache_put / tcache_get: last freed, first reused.
        XCTAssertEqual(a.malloc(600)!, y)
        XCTAssertEqual(a.malloc(600)!, x)
        // A big chunk bordering the top merges into it and the next chunk starts at the same place.
        a.free(z)
        XCTAssertEqual(a.malloc(7000)!, z)
        assertConsistent(a)
    }

    // MARK: - Heap limit

    func testHeapLimitReturnsNil() {
        var a = makeAllocator(limit: profile.arenaSize)
        XCTAssertNotNil(a.malloc(16))               // maps the one arena allowed
        XCTAssertEqual(a.mappedBytes, profile.arenaSize)
        XCTAssertNil(a.malloc(600))                 // no room left for a system chunk
        XCTAssertNotNil(a.malloc(16))               // the pool still has blocks
        for _ in 0..<((poolsPerArena - 1) * blocksOf512) { XCTAssertNotNil(a.malloc(512)) }
        // new_arena fails ("mmap" refused); _PyObject_Malloc falls back to PyMem_RawMalloc, which
        // fails too.
        XCTAssertNil(a.malloc(512))
        XCTAssertEqual(a.mappedBytes, profile.arenaSize)
        assertConsistent(a)

        // With a little room left, the fallback succeeds: the block comes from the system malloc.
        var b = makeAllocator(limit: profile.arenaSize + 4096)
        _ = fillArena(&b)
        XCTAssertEqual(b.malloc(512)!, profile.mallocBaseAddress + 16)
        assertConsistent(b)
    }

    // MARK: - sys._debugmallocstats()

    func testDebugMallocStatsFormat() {
        var a = makeAllocator()
        for _ in 0..<10_000 { _ = a.malloc(32)! }
        for _ in 0..<3 { _ = a.malloc(100)! }
        for _ in 0..<5 { _ = a.malloc(512)! }
        // _PyObject_DebugMallocStats: "%5u %6u %11zu %15zu %13zu" rows, printone's 35-column labels
        // and comma-grouped 21-column values; totals add up to narenas * ARENA_SIZE.
        let expected = """
        Small block threshold = 512, in 32 size classes.

        class   size   num pools   blocks in use  avail blocks
        -----   ----   ---------   -------------  ------------
            1     32          20           10000           200
            6    112           1               3           142
           31    512           1               5            26

        # arenas allocated total           =                    1
        # arenas reclaimed                 =                    0
        # arenas highwater mark            =                    1
        # arenas allocated current         =                    1
        1 arenas * 1048576 bytes/arena     =            1,048,576

        # bytes in allocated blocks        =              322,896
        # bytes in available blocks        =               35,616
        41 unused pools * 16384 bytes      =              671,744
        # bytes lost to pool headers       =                1,056
        # bytes lost to quantization       =                  880
        # bytes lost to arena alignment    =               16,384
        Total                              =            1,048,576

        arena map counts
        # arena map mid nodes              =                    1
        # arena map bot nodes              =                    1

        # bytes lost to arena map root     =              262,144
        # bytes lost to arena map mid      =              262,144
        # bytes lost to arena map bot      =              131,072
        Total                              =              655,360

        """
        XCTAssertEqual(a.debugMallocStats(), expected)
        // sys__debugmallocstats_impl: a blank line, then _PyObject_DebugTypeStats's lines, each
        // formatted by _PyDebugAllocatorStats ("%48s " then printone); text from a real 3.11.7 run.
        let line = Allocator.debugAllocatorStats(blockName: "free PyDictObject", numBlocks: 8, sizeofBlock: 48)
        XCTAssertEqual(line, "            8 free PyDictObjects * 48 bytes each =                  384")
        XCTAssertEqual(a.debugMallocStats(extraLines: [line]), expected + "\n" + line + "\n")
        // printone groups digits by three: "4,194,304".
        XCTAssertEqual(Allocator.printone("Total", 4_194_304),
                       "Total                              =            4,194,304\n")
        assertConsistent(a)
    }

    // MARK: - Randomized

    func testRandomizedAllocFreeKeepsInvariants() {
        var a = makeAllocator()
        var rng = SplitMix64(seed: 0x3_11_7)
        var live: [UInt64] = []
        for step in 0..<3_000 {
            let r = rng.next() % 100
            if r < 55 || live.isEmpty {
                // Mostly small sizes, some over the threshold; the sizes skew toward few classes so
                // that pools fill, empty and are reused.
                let n = rng.next() % 10 == 0 ? Int(rng.next() % 2000) : Int(rng.next() % 8) * 64 + 1
                live.append(a.malloc(n)!)
            } else if r < 90 {
                let i = Int(rng.next() % UInt64(live.count))
                live.swapAt(i, live.count - 1)
                a.free(live.removeLast())
            } else {
                let i = Int(rng.next() % UInt64(live.count))
                live[i] = a.realloc(live[i], Int(rng.next() % 700))!
            }
            if let broken = a.checkConsistency() {
                XCTFail("step \(step): \(broken)")
                return
            }
        }
        XCTAssertEqual(Set(live).count, live.count, "two live blocks share an address")
        for p in live { a.free(p) }
        assertConsistent(a)
        // Everything freed: at most the one arena kept by bpo-37257 remains, with all pools free.
        let arenas = a.snapshot()
        XCTAssertLessThanOrEqual(arenas.count, 1)
        XCTAssertTrue(arenas.allSatisfy { $0.nfreepools == $0.ntotalpools })
        XCTAssertEqual(a.system.liveBytes, 0)
    }
}

/// Deterministic PRNG for the randomized test (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
