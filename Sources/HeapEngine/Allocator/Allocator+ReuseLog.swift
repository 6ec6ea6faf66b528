/// What pymalloc did lately in each size class, for Heap+AddressCertainty: whether the
/// block a dying object frees is certainly the block the next object of its class gets.
///
/// pymalloc serves a size class from the head of its used pools and gives out the block
/// freed last in that pool first (pymalloc_alloc, pymalloc_free). A free into a *full* pool
/// links that pool at the head (insert_to_usedpool). So block A, freed, is the next block of
/// its class only while A's pool is the head: certain when every free of the class between
/// A's allocation and A's free was of a block made after A, freed last-made first (each such
/// free that relinks a pool relinks one at least as close to A's; A's own free relinks A's
/// pool last), and no event of the class came between A's free and the next allocation.
/// Any other free of the class may relink a pool that CPython, whose pools are not as full
/// as the engine's after start-up and each statement's compilation, has full where the
/// engine has not (measured on 3.11.7: after `l = [iter(()) for _ in range(2)]`,
/// `hash(map(str, [1])) == hash(map(str, [1]))` is True; after range(400), False).
///
/// The log is kept for every pymalloc event, cheaply: a clock, each block's allocation time
/// (beside `links`), the last `ringSize` frees of each class, and per class the number of
/// allocations and the block its last event freed.
struct ReuseLog {
    static let ringSize = 8
    /// pymalloc events so far; stops at UInt32.max (then no free is vouched for).
    var clock: UInt32 = 0
    /// The clock at each block's allocation, indexed as `links`.
    var stamps: [UInt32] = []
    /// Allocations per size class.
    var allocations: [Int]
    /// The block the class's last event freed; 0 when its last event was an allocation.
    var lastFreed: [UInt64]
    /// Whether the class's last allocation took the block its previous event freed.
    var tookLastFreed: [Bool]
    /// The last `ringSize` frees of each class, (clock << 32 | freed block's stamp).
    var ring: [UInt64]
    var frees: [Int]

    init(sizeClasses: Int) {
        allocations = Array(repeating: 0, count: sizeClasses)
        lastFreed = Array(repeating: 0, count: sizeClasses)
        tookLastFreed = Array(repeating: false, count: sizeClasses)
        ring = Array(repeating: 0, count: sizeClasses * ReuseLog.ringSize)
        frees = Array(repeating: 0, count: sizeClasses)
    }

    @inline(__always)
    mutating func tick() { if clock < UInt32.max { clock += 1 } }

    @inline(__always)
    mutating func allocated(_ size: Int, unitIndex: Int, address: UInt64) {
        stamps[unitIndex] = clock
        tick()
        allocations[size] += 1
        tookLastFreed[size] = lastFreed[size] == address
        lastFreed[size] = 0
    }

    @inline(__always)
    mutating func freed(_ size: Int, unitIndex: Int, address: UInt64) {
        ring[size * ReuseLog.ringSize + frees[size] % ReuseLog.ringSize] = UInt64(clock) << 32 | UInt64(stamps[unitIndex])
        frees[size] += 1
        lastFreed[size] = address
        tick()
    }

    /// Whether freeing the block allocated at `stamp` now leaves its pool at the head of the
    /// class (see above): the frees since its allocation were of later blocks, last-made first.
    func freeIsClean(_ size: Int, stamp: UInt32) -> Bool {
        guard clock < UInt32.max else { return false }
        // Newest free first: going back in time, each freed block was made later than the
        // one freed after it, and every one later than this block.
        var madeBefore = stamp
        var seen = 0
        while seen < frees[size] {
            let e = ring[size * ReuseLog.ringSize + (frees[size] - 1 - seen) % ReuseLog.ringSize]
            if UInt32(truncatingIfNeeded: e >> 32) <= stamp { return true }
            let freedStamp = UInt32(truncatingIfNeeded: e)
            if freedStamp <= madeBefore { return false }
            madeBefore = freedStamp
            seen += 1
            // Frees older than the ring are not known.
            if seen == ReuseLog.ringSize { return frees[size] == seen }
        }
        return true
    }
}

extension Allocator {
    /// Whether the next allocation of `block`'s size class certainly takes `block` once it is
    /// freed now (called just before the free). False for system-malloc blocks.
    func freeLeavesBlockNext(_ block: UInt64) -> Bool {
        guard let pool = poolId(containing: block) else { return false }
        let unit = Int((block & poolSizeMask) >> UInt64(alignmentShift))
        return reuse.freeIsClean(Int(pools[pool].szidx), stamp: reuse.stamps[pool * unitsPerPool + unit])
    }

    /// Allocations of size class `size` so far.
    func allocationCount(_ size: Int) -> Int { reuse.allocations[size] }

    /// Whether the last allocation of size class `size` took the block the class's event
    /// before it freed.
    func lastAllocationTookLastFreed(_ size: Int) -> Bool { reuse.tookLastFreed[size] }
}
