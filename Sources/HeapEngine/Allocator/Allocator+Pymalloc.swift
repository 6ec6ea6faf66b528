// The pymalloc functions of Objects/obmalloc.c (3.11), in the file's order:
// new_arena, address_in_range, pymalloc_pool_extend, allocate_from_new_pool, pymalloc_alloc,
// insert_to_usedpool, insert_to_freepool, pymalloc_free.

extension Allocator {
    // MARK: - Arenas

    /// Mirrors `new_arena`: takes an arena object off `unusedArenaObjects` (first making
    /// INITIAL_ARENA_OBJECTS of them, then doubling, as `maxarenas << 1` does) and maps an arena
    /// for it. The caller links the result into `usableArenas`.
    ///
    /// After this, the arena's first pool is its first POOL_SIZE-aligned address, and nfreepools ==
    /// ntotalpools == MAX_POOLS_IN_ARENA, less one if the mmap address was not pool-aligned.
    /// - Returns: the arena object's index, or nil when mapping another arena would pass the heap
    ///   limit (CPython: mmap failed), with the arena object put back.
    mutating func newArena() -> Int32? {
        if unusedArenaObjects < 0 {
            // The array is PyMem_RawRealloc'd, which tracemalloc traces; not modelled.
            tracemalloc.noteUnknown("pymalloc grew its arena objects array (a traced PyMem_RawRealloc heapbook does not model)")
            // "Double the number of arena objects on each allocation."
            let maxarenas = arenas.count
            let numarenas = maxarenas > 0 ? maxarenas << 1 : profile.initialArenaObjects
            // new_arena only runs when every arena is full, so no list points into the old array.
            assert(usableArenas < 0, "usable_arenas not empty while growing arenas")
            arenas.reserveCapacity(numarenas)
            for i in maxarenas..<numarenas {
                // "mark as unassociated"
                arenas.append(ArenaObject(nextarena: i < numarenas - 1 ? Int32(i + 1) : -1))
            }
            pools.append(contentsOf: repeatElement(PoolHeader(),
                                                   count: (numarenas - maxarenas) * maxPoolsInArena))
            links.append(contentsOf: repeatElement(0, count: (numarenas - maxarenas)
                                                   * maxPoolsInArena * unitsPerPool))
            reuse.stamps.append(contentsOf: repeatElement(0, count: (numarenas - maxarenas)
                                                          * maxPoolsInArena * unitsPerPool))
            unusedArenaObjects = Int32(maxarenas)
        }

        // Take the next available arena object off the head of the list.
        let ao = Int(unusedArenaObjects)
        unusedArenaObjects = arenas[ao].nextarena
        assert(arenas[ao].address == 0, "arena object on unused_arena_objects has an address")
        guard mappedBytes + Int(arenaSize) <= heapLimit else {
            // "The allocation failed: return NULL after putting the arenaobj back."
            arenas[ao].nextarena = unusedArenaObjects
            unusedArenaObjects = Int32(ao)
            return nil
        }
        let (address, slot) = simulatedMmap(ao)
        if profile.obmallocRadixTree { arenaMapMarkUsed(address) }
        arenas[ao].address = address
        arenas[ao].mmapSlot = slot

        narenasCurrentlyAllocated += 1
        ntimesArenaAllocated += 1
        narenasHighwater = Swift.max(narenasHighwater, narenasCurrentlyAllocated)
        arenas[ao].freepools = -1
        // pool_address <- first pool-aligned address in the arena
        // nfreepools <- number of whole pools that fit after alignment
        arenas[ao].poolAddress = address
        arenas[ao].nfreepools = Int32(maxPoolsInArena)
        let excess = address & poolSizeMask
        if excess != 0 {
            arenas[ao].nfreepools -= 1
            arenas[ao].poolAddress += poolSize - excess
        }
        arenas[ao].ntotalpools = arenas[ao].nfreepools
        return Int32(ao)
    }

    /// The simulated kernel's `mmap(NULL, ARENA_SIZE, ...)`. Linux places anonymous mappings
    /// top-down, each in the highest hole that fits; all our mappings are ARENA_SIZE long, so the
    /// holes are exactly the slots of unmapped arenas and the highest one is the lowest free slot.
    mutating func simulatedMmap(_ ao: Int) -> (UInt64, Int32) {
        var k = mmapLowestHole
        while k < mmapSlotArena.count && mmapSlotArena[k] >= 0 { k += 1 }
        if k == mmapSlotArena.count { mmapSlotArena.append(-1) }
        mmapSlotArena[k] = Int32(ao)
        mmapLowestHole = k + 1
        return (mmapTop - UInt64(k + 1) * arenaSize, Int32(k))
    }

    /// The simulated `munmap(address, ARENA_SIZE)`: the slot becomes a hole for the next mmap.
    mutating func simulatedMunmap(slot: Int32) {
        mmapSlotArena[Int(slot)] = -1
        mmapLowestHole = Swift.min(mmapLowestHole, Int(slot))
    }

    /// Mirrors `arena_map_mark_used(arena_base, 1)`'s node creation (`arena_map_get(p, 1)`): the
    /// radix tree gets MAP_MID and MAP_BOT nodes for the arena's base and, when the base is not
    /// ARENA_SIZE-aligned, for base + ARENA_SIZE. Nodes are never freed (unmarking only clears leaves).
    mutating func arenaMapMarkUsed(_ base: UInt64) {
        let shifts = arenaMapShifts
        for p in (base & (arenaSize - 1)) == 0 ? [base] : [base, base + arenaSize] {
            let mid = arenaMapMidNodes.insert(p >> UInt64(shifts.top)).inserted
            let bot = arenaMapBotNodes.insert(p >> UInt64(shifts.mid)).inserted
            // The nodes are PyMem_RawCalloc'd, which tracemalloc traces; not modelled.
            if mid || bot {
                tracemalloc.noteUnknown("pymalloc's radix tree made a node for a new arena (a traced PyMem_RawCalloc heapbook does not model)")
            }
        }
    }

    /// MAP_TOP_SHIFT and MAP_MID_SHIFT (64-bit: USE_INTERIOR_NODES, IGNORE_BITS 0).
    var arenaMapShifts: (top: Int, mid: Int, interiorBits: Int, botBits: Int) {
        let pointerBits = 8 * profile.pointerSize
        let interior = (pointerBits - arenaBits + 2) / 3            // INTERIOR_BITS
        let bot = pointerBits - arenaBits - 2 * interior            // MAP_BOT_BITS
        let mid = bot + arenaBits                                   // MAP_MID_SHIFT
        return (interior + mid, mid, interior, bot)
    }

    // MARK: - address_in_range

    /// Mirrors `address_in_range` (the radix tree's `arena_map_is_used`): the pool id of the pool
    /// holding `p` if `p` lies in a mapped arena, else nil. O(1): arenas sit at slot addresses below
    /// `mmapTop`, so the slot is one shift away.
    @inline(__always)
    func poolId(containing p: UInt64) -> Int? {
        guard p < mmapTop else { return nil }
        let k = Int(truncatingIfNeeded: (mmapTop - 1 - p) >> UInt64(arenaBits))
        guard k < mmapSlotArena.count else { return nil }
        let ai = Int(mmapSlotArena[k])
        guard ai >= 0 else { return nil }
        let first = (arenas[ai].address + poolSizeMask) & ~poolSizeMask
        guard p >= first else { return nil }
        let pool = ai * maxPoolsInArena + Int(truncatingIfNeeded: (p - first) >> UInt64(poolBits))
        assert(p < arenas[ai].poolAddress, "address in a pool not carved off its arena yet")
        return pool
    }

    // MARK: - Allocation

    /// Mirrors `pymalloc_pool_extend`: called when the pool's free list is exhausted. Extends it by
    /// one virgin block if `nextoffset <= maxnextoffset`; otherwise the pool is full and leaves
    /// usedpools.
    @inline(__always)
    mutating func pymallocPoolExtend(_ pool: Int, _ size: Int) {
        if pools[pool].nextoffset <= pools[pool].maxnextoffset {
            // There is room for another block.
            let unit = pools[pool].nextoffset >> Int32(alignmentShift)
            pools[pool].freeblock = unit
            pools[pool].nextoffset += Int32((size + 1) << alignmentShift)
            links[pool * unitsPerPool + Int(unit)] = 0
            return
        }
        // Pool is full, unlink from used pools.
        unlinkFromUsedpools(pool, size)
    }

    @inline(__always)
    mutating func unlinkFromUsedpools(_ pool: Int, _ size: Int) {
        let next = pools[pool].nextpool
        let prev = pools[pool].prevpool
        if prev >= 0 { pools[Int(prev)].nextpool = next } else { usedpools[size] = next }
        if next >= 0 { pools[Int(next)].prevpool = prev }
    }

    /// Mirrors `allocate_from_new_pool`: there is no used pool of size class `size`, so take the
    /// head arena of usableArenas (mapping a new one if there is none), take its first cached free
    /// pool or carve a new pool off its highwater mark, and allocate the pool's first block.
    ///
    /// After this, usedpools[size] holds exactly that pool with count 1, and usableArenas is still
    /// sorted: the head had the fewest free pools, and losing one keeps it first.
    mutating func allocateFromNewPool(_ size: Int) -> UInt64? {
        if usableArenas < 0 {
            // No arena has a free pool: allocate a new arena.
            guard let a = newArena() else { return nil }
            usableArenas = a
            arenas[Int(a)].nextarena = -1
            arenas[Int(a)].prevarena = -1
            assert(nfp2lasta[Int(arenas[Int(a)].nfreepools)] < 0, "nfp2lasta set for a new arena")
            nfp2lasta[Int(arenas[Int(a)].nfreepools)] = a
        }
        let ua = Int(usableArenas)
        assert(arenas[ua].address != 0)

        // This arena already had the smallest nfreepools value, so decreasing nfreepools doesn't
        // change that; but if the arena becomes wholly allocated it leaves usableArenas.
        let nfp = Int(arenas[ua].nfreepools)
        assert(nfp > 0)
        if nfp2lasta[nfp] == Int32(ua) {
            // It's the last of this size, so there won't be any.
            nfp2lasta[nfp] = -1
        }
        // If any free pools will remain, it will be the new smallest.
        if nfp > 1 {
            assert(nfp2lasta[nfp - 1] < 0, "nfp2lasta[nfp - 1] set while usable_arenas head has nfp")
            nfp2lasta[nfp - 1] = Int32(ua)
        }

        var pool: Int
        if arenas[ua].freepools >= 0 {
            // Try to get a cached free pool: unlink from cached pools.
            pool = Int(arenas[ua].freepools)
            arenas[ua].freepools = pools[pool].nextpool
            arenas[ua].nfreepools -= 1
            if arenas[ua].nfreepools == 0 {
                // Wholly allocated: remove.
                assert(arenas[ua].freepools < 0)
                unlinkHeadOfUsableArenas()
            }
        } else {
            // Carve off a new pool.
            assert(arenas[ua].poolAddress <= arenas[ua].address + arenaSize - poolSize)
            let first = (arenas[ua].address + poolSizeMask) & ~poolSizeMask
            pool = ua * maxPoolsInArena + Int((arenas[ua].poolAddress - first) >> UInt64(poolBits))
            pools[pool].arenaindex = Int32(ua)
            pools[pool].szidx = Allocator.dummySizeIdx
            pools[pool].address = arenas[ua].poolAddress
            arenas[ua].poolAddress += poolSize
            arenas[ua].nfreepools -= 1
            if arenas[ua].nfreepools == 0 {
                // Unlink the arena: it is completely allocated.
                unlinkHeadOfUsableArenas()
            }
        }

        // Frontlink to used pools (the list is empty, or we would not be here).
        assert(usedpools[size] < 0)
        pools[pool].nextpool = -1
        pools[pool].prevpool = -1
        usedpools[size] = Int32(pool)
        pools[pool].count = 1
        if pools[pool].szidx == Int32(size) {
            // "Luckily, this pool last contained blocks of the same size class, so its header and
            // free list are already initialized."
            let bp = pools[pool].freeblock
            assert(bp != 0)
            pools[pool].freeblock = Int32(links[pool * unitsPerPool + Int(bp)])
            return pools[pool].address + UInt64(bp) << UInt64(alignmentShift)
        }
        // Initialize the pool header, set up the free list to contain just the second block, and
        // return the first block.
        pools[pool].szidx = Int32(size)
        let blockSize = (size + 1) << alignmentShift                // INDEX2SIZE(size)
        pools[pool].nextoffset = Int32(poolOverhead + (blockSize << 1))
        pools[pool].maxnextoffset = Int32(Int(poolSize) - blockSize)
        let second = Int32((poolOverhead + blockSize) >> alignmentShift)
        pools[pool].freeblock = second
        links[pool * unitsPerPool + Int(second)] = 0
        return pools[pool].address + UInt64(poolOverhead)
    }

    @inline(__always)
    mutating func unlinkHeadOfUsableArenas() {
        let ua = Int(usableArenas)
        assert(arenas[ua].nextarena < 0 || arenas[Int(arenas[ua].nextarena)].prevarena == Int32(ua))
        usableArenas = arenas[ua].nextarena
        if usableArenas >= 0 {
            arenas[Int(usableArenas)].prevarena = -1
            assert(arenas[Int(usableArenas)].address != 0)
        }
    }

    /// Mirrors `pymalloc_alloc`: nil for 0 bytes and for more than SMALL_REQUEST_THRESHOLD (the
    /// caller goes to the system malloc), and when no arena can be mapped.
    @inline(__always)
    mutating func pymallocAlloc(_ nbytes: Int) -> UInt64? {
        if nbytes == 0 || nbytes > smallRequestThreshold { return nil }
        let size = (nbytes - 1) >> alignmentShift
        let pool = Int(usedpools[size])
        if pool >= 0 {
            // There is a used pool for this size class: pick up the head block of its free list.
            pools[pool].count += 1
            let bp = pools[pool].freeblock
            assert(bp != 0, "used pool with an empty free list")
            let next = links[pool * unitsPerPool + Int(bp)]
            pools[pool].freeblock = Int32(next)
            if next == 0 {
                // Reached the end of the free list, try to extend it.
                pymallocPoolExtend(pool, size)
            }
            let p = pools[pool].address + UInt64(bp) << UInt64(alignmentShift)
            reuse.allocated(size, unitIndex: pool * unitsPerPool + Int(bp), address: p)
            return p
        }
        guard let p = allocateFromNewPool(size), let newPool = poolId(containing: p) else { return nil }
        reuse.allocated(size, unitIndex: newPool * unitsPerPool + Int((p & poolSizeMask) >> UInt64(alignmentShift)), address: p)
        return p
    }

    // MARK: - Free

    /// Mirrors `insert_to_usedpool`: a full pool got a block back; link it at the front of its
    /// class's list ("This mimics LRU pool usage for new allocations").
    @inline(__always)
    mutating func insertToUsedpool(_ pool: Int) {
        assert(pools[pool].count > 0, "pool is empty")
        let size = Int(pools[pool].szidx)
        let next = usedpools[size]
        pools[pool].nextpool = next
        pools[pool].prevpool = -1
        if next >= 0 { pools[Int(next)].prevpool = Int32(pool) }
        usedpools[size] = Int32(pool)
    }

    /// Mirrors `insert_to_freepool`: the pool became empty. It moves from usedpools to the front of
    /// its arena's freepools, and then the arena is managed by the 4 cases numbered below.
    ///
    /// After this, usableArenas is sorted by nfreepools and nfp2lasta names the rightmost arena of
    /// each count.
    mutating func insertToFreepool(_ pool: Int) {
        unlinkFromUsedpools(pool, Int(pools[pool].szidx))

        // Link the pool to freepools. This is a singly-linked list, and prevpool isn't used there.
        let ao = Int(pools[pool].arenaindex)
        pools[pool].nextpool = arenas[ao].freepools
        arenas[ao].freepools = Int32(pool)
        var nf = Int(arenas[ao].nfreepools)
        // If this is the rightmost arena with this number of free pools, nfp2lasta[nf] needs to
        // change. Caution: if nf is 0, there are no arenas in usableArenas with that value.
        let lastnf = nfp2lasta[nf]
        assert((nf == 0 && lastnf < 0) ||
               (nf > 0 && lastnf >= 0 && Int(arenas[Int(lastnf)].nfreepools) == nf &&
                (arenas[Int(lastnf)].nextarena < 0 ||
                 nf < Int(arenas[Int(arenas[Int(lastnf)].nextarena)].nfreepools))),
               "nfp2lasta[nf] is not the rightmost arena with nf free pools")
        if lastnf == Int32(ao) {  // it is the rightmost
            let p = arenas[ao].prevarena
            nfp2lasta[nf] = (p >= 0 && Int(arenas[Int(p)].nfreepools) == nf) ? p : -1
        }
        nf += 1
        arenas[ao].nfreepools = Int32(nf)

        // All the rest is arena management. We just freed a pool, and there are 4 cases:
        // 1. If all the pools are free, return the arena to the system (munmap). Except if this is
        //    the last arena in the list, keep it to avoid thrashing (bpo-37257).
        // 2. If this is the only free pool in the arena, add the arena back to usableArenas.
        // 3. If the "next" arena has a smaller count of free pools, slide this arena right to keep
        //    usableArenas sorted by nfreepools.
        // 4. Else there's nothing more to do.
        if nf == Int(arenas[ao].ntotalpools)
            && (arenas[ao].nextarena >= 0 || !profile.obmallocKeepsLastFreeArena) {
            // Case 1. First unlink ao from usableArenas.
            let prev = arenas[ao].prevarena, next = arenas[ao].nextarena
            if prev < 0 {
                usableArenas = next
            } else {
                assert(arenas[Int(prev)].nextarena == Int32(ao))
                arenas[Int(prev)].nextarena = next
            }
            if next >= 0 {
                assert(arenas[Int(next)].prevarena == Int32(ao))
                arenas[Int(next)].prevarena = prev
            }
            // Record that this arena_object slot is available to be reused.
            arenas[ao].nextarena = unusedArenaObjects
            unusedArenaObjects = Int32(ao)
            // Free the entire arena (arena_map_mark_used(.., 0) clears leaves only; no node count
            // changes).
            simulatedMunmap(slot: arenas[ao].mmapSlot)
            arenas[ao].address = 0                      // mark unassociated
            arenas[ao].mmapSlot = -1
            narenasCurrentlyAllocated -= 1
            return
        }

        if nf == 1 {
            // Case 2. Put ao at the head of usableArenas. Because ao's nfreepools was 0 before,
            // ao isn't currently on the usableArenas list.
            arenas[ao].nextarena = usableArenas
            arenas[ao].prevarena = -1
            if usableArenas >= 0 { arenas[Int(usableArenas)].prevarena = Int32(ao) }
            usableArenas = Int32(ao)
            if nfp2lasta[1] < 0 { nfp2lasta[1] = Int32(ao) }
            return
        }

        // If this arena is now out of order, we need to keep the list sorted: the "most full"
        // arenas are used first, which allows the nearly empty arenas to be completely freed.
        // If this is the only arena with nf, record that.
        if nfp2lasta[nf] < 0 { nfp2lasta[nf] = Int32(ao) }
        // If this was the rightmost of the old size, it remains in place.
        if Int32(ao) == lastnf {
            // Case 4. Nothing to do.
            return
        }
        // If ao were the only arena in the list, the last block would have gotten us out.
        assert(arenas[ao].nextarena >= 0)

        // Case 3: move the arena towards the end of the list, to follow lastnf.
        // First unlink ao from usableArenas.
        let prev = arenas[ao].prevarena, next = arenas[ao].nextarena
        if prev >= 0 {
            assert(arenas[Int(prev)].nextarena == Int32(ao))
            arenas[Int(prev)].nextarena = next
        } else {
            assert(usableArenas == Int32(ao))
            usableArenas = next
        }
        arenas[Int(next)].prevarena = prev
        // And insert after lastnf.
        let l = Int(lastnf)
        arenas[ao].prevarena = lastnf
        arenas[ao].nextarena = arenas[l].nextarena
        if arenas[ao].nextarena >= 0 { arenas[Int(arenas[ao].nextarena)].prevarena = Int32(ao) }
        arenas[l].nextarena = Int32(ao)
        // Verify that the swaps worked.
        assert(arenas[ao].nextarena < 0 || nf <= Int(arenas[Int(arenas[ao].nextarena)].nfreepools))
        assert(arenas[ao].prevarena < 0 || nf > Int(arenas[Int(arenas[ao].prevarena)].nfreepools))
    }

    /// Mirrors `pymalloc_free`: links `p` at the front of its pool's free list (LIFO), then moves
    /// the pool between states: full -> used (insertToUsedpool), used -> empty (insertToFreepool).
    /// - Returns: false if `p` is not in an arena (the caller frees it with the system free).
    @inline(__always)
    mutating func pymallocFree(_ p: UInt64) -> Bool {
        guard let pool = poolId(containing: p) else { return false }
        // The pool had at least the p block outstanding, so it is used or full, never empty.
        assert(pools[pool].count > 0, "free of a block in an empty pool (double free?)")
        let unit = Int32(truncatingIfNeeded: (p & poolSizeMask) >> UInt64(alignmentShift))
        reuse.freed(Int(pools[pool].szidx), unitIndex: pool * unitsPerPool + Int(unit), address: p)
        let lastfree = pools[pool].freeblock
        links[pool * unitsPerPool + Int(unit)] = UInt16(truncatingIfNeeded: lastfree)
        pools[pool].freeblock = unit
        pools[pool].count -= 1

        if lastfree == 0 {
            // Pool was full, so doesn't currently live in any list: link it to the front of the
            // appropriate usedpools[] list.
            insertToUsedpool(pool)
            return true
        }
        // freeblock wasn't NULL, so the pool wasn't full, and the pool is in a usedpools[] list.
        if pools[pool].count != 0 {
            // pool isn't empty: leave it in usedpools
            return true
        }
        // Pool is now empty: unlink from usedpools, and link to the front of freepools.
        insertToFreepool(pool)
        return true
    }
}
