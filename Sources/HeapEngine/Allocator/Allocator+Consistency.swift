// Debug-only consistency checks, like the Py_DEBUG asserts of _PyObject_DebugMallocStats
// (`pool_is_in_list`) and the list invariants new_arena / insert_to_freepool assert. Tests call
// checkConsistency() after every operation, as a Py_DEBUG build would.

extension Allocator {
    /// Checks that every pool is on the list its state implies, that usableArenas is sorted with
    /// nfp2lasta naming each count's rightmost arena, and that the counters add up.
    /// - Returns: a description of the first broken invariant, or nil when all hold.
    public func checkConsistency() -> String? {
        let limit = arenas.count + 1

        // unused_arena_objects: "an arena_object is on this list if and only if its .address
        // member is 0".
        var unused = 0
        var a = unusedArenaObjects
        while a >= 0 {
            if arenas[Int(a)].address != 0 { return "arena \(a) on unused_arena_objects has an address" }
            unused += 1
            if unused > limit { return "unused_arena_objects has a cycle" }
            a = arenas[Int(a)].nextarena
        }
        let mapped = arenas.indices.filter { arenas[$0].address != 0 }
        if unused + mapped.count != arenas.count {
            return "arena objects with address 0 missing from unused_arena_objects"
        }
        if mapped.count != narenasCurrentlyAllocated {
            return "narenas_currently_allocated is \(narenasCurrentlyAllocated), \(mapped.count) arenas mapped"
        }

        // usable_arenas: doubly linked, nfreepools > 0, sorted ascending; nfp2lasta.
        var onUsable = Set<Int>()
        var lastWith = Array(repeating: Int32(-1), count: maxPoolsInArena + 1)
        var prev: Int32 = -1
        a = usableArenas
        while a >= 0 {
            let ao = arenas[Int(a)]
            if ao.address == 0 { return "arena \(a) on usable_arenas has no address" }
            if ao.prevarena != prev { return "arena \(a) on usable_arenas has a wrong prevarena" }
            if ao.nfreepools <= 0 { return "arena \(a) on usable_arenas has no free pool" }
            if prev >= 0 && arenas[Int(prev)].nfreepools > ao.nfreepools {
                return "usable_arenas not sorted by nfreepools at arena \(a)"
            }
            if !onUsable.insert(Int(a)).inserted { return "usable_arenas has a cycle" }
            lastWith[Int(ao.nfreepools)] = a
            prev = a
            a = ao.nextarena
        }
        if lastWith != nfp2lasta { return "nfp2lasta does not name the rightmost arena of each count" }

        // usedpools: each class's list holds used pools of that class.
        var onUsed = Set<Int>()
        for size in 0..<numSizeClasses {
            var prevPool: Int32 = -1
            var p = usedpools[size]
            while p >= 0 {
                let ph = pools[Int(p)]
                if ph.prevpool != prevPool { return "pool \(p) in usedpools[\(size)] has a wrong prevpool" }
                if Int(ph.szidx) != size { return "pool \(p) in usedpools[\(size)] has szidx \(ph.szidx)" }
                if ph.count <= 0 || Int(ph.count) >= numBlocks(size) {
                    return "pool \(p) in usedpools[\(size)] is not used (count \(ph.count))"
                }
                if !onUsed.insert(Int(p)).inserted { return "usedpools[\(size)] has a cycle" }
                prevPool = p
                p = ph.nextpool
            }
        }

        for i in mapped {
            let ao = arenas[i]
            if ao.nfreepools > 0 && !onUsable.contains(i) { return "arena \(i) has free pools but is not usable" }
            if ao.nfreepools == 0 && onUsable.contains(i) { return "full arena \(i) on usable_arenas" }
            let slot = Int(ao.mmapSlot)
            if slot < 0 || slot >= mmapSlotArena.count || mmapSlotArena[slot] != Int32(i)
                || ao.address != mmapTop - UInt64(slot + 1) * arenaSize {
                return "arena \(i) is not where the simulated mmap put it"
            }
            let first = (ao.address + poolSizeMask) & ~poolSizeMask
            let expectedTotal = maxPoolsInArena - (first == ao.address ? 0 : 1)
            if Int(ao.ntotalpools) != expectedTotal { return "arena \(i) has ntotalpools \(ao.ntotalpools)" }

            // freepools: empty pools of this arena.
            var onFree = Set<Int>()
            var p = ao.freepools
            while p >= 0 {
                if Int(p) / maxPoolsInArena != i { return "pool \(p) on freepools of another arena \(i)" }
                if pools[Int(p)].count != 0 { return "pool \(p) on freepools of arena \(i) is not empty" }
                if !onFree.insert(Int(p)).inserted { return "freepools of arena \(i) has a cycle" }
                p = pools[Int(p)].nextpool
            }
            let carved = Int((ao.poolAddress - first) / poolSize)
            if Int(ao.nfreepools) != onFree.count + (Int(ao.ntotalpools) - carved) {
                return "arena \(i): nfreepools \(ao.nfreepools) != free pools + uncarved pools"
            }

            for k in 0..<carved {
                let pool = i * maxPoolsInArena + k
                let ph = pools[pool]
                if ph.arenaindex != Int32(i) { return "pool \(pool) has arenaindex \(ph.arenaindex)" }
                if ph.address != first + UInt64(k) * poolSize { return "pool \(pool) has a wrong address" }
                if ph.count == 0 {
                    if !onFree.contains(pool) { return "empty pool \(pool) not in its arena's freepools" }
                    if ph.szidx == Allocator.dummySizeIdx { continue }
                } else if Int(ph.count) == numBlocks(Int(ph.szidx)) {
                    if onUsed.contains(pool) || ph.freeblock != 0 { return "full pool \(pool) in usedpools" }
                } else if !onUsed.contains(pool) {
                    return "pool \(pool) not in usedpools"
                }
                if let broken = checkFreeList(pool) { return broken }
            }
        }

        if system.liveBytes != system.live.values.reduce(0, +) {
            return "system malloc liveBytes does not match its live chunks"
        }
        return nil
    }

    /// A pool's free list plus its virgin blocks must account for every block not in use, and
    /// every link must name a block boundary below nextoffset.
    private func checkFreeList(_ pool: Int) -> String? {
        let ph = pools[pool]
        let size = (Int(ph.szidx) + 1) << alignmentShift
        var free = 0
        var unit = Int(ph.freeblock)
        while unit != 0 {
            let offset = unit << alignmentShift
            if offset < poolOverhead || (offset - poolOverhead) % size != 0 || offset >= Int(ph.nextoffset) {
                return "pool \(pool) free list links to offset \(offset), not a carved block"
            }
            free += 1
            if free > unitsPerPool { return "pool \(pool) free list has a cycle" }
            unit = Int(links[pool * unitsPerPool + unit])
        }
        let virgin = ph.nextoffset <= ph.maxnextoffset
            ? Int(ph.maxnextoffset - ph.nextoffset) / size + 1 : 0
        if free + virgin + Int(ph.count) != numBlocks(Int(ph.szidx)) {
            return "pool \(pool): \(ph.count) in use + \(free) free + \(virgin) virgin != NUMBLOCKS"
        }
        return nil
    }
}
