/// One mapped arena and its pools, for pictures (arena/pool occupancy maps) and tests.
public struct ArenaSnapshot: Sendable, Equatable {
    /// A carved pool is in one of three states forever after (obmalloc.c "Pool table"); a pool not
    /// yet carved off the arena is reported as `.empty` with `isCarved == false`.
    public enum PoolState: String, Sendable {
        case used, full, empty
    }

    public struct Pool: Sendable, Equatable {
        /// Position in the arena, 0 = the arena's first pool-aligned address.
        public var index: Int
        public var address: UInt64
        public var isCarved: Bool
        /// szidx; for an empty pool the class it last held (kept by CPython for reuse); nil when
        /// never carved.
        public var sizeClass: Int?
        /// INDEX2SIZE(szidx), nil when never carved.
        public var blockSize: Int?
        public var blocksInUse: Int
        /// NUMBLOCKS(szidx); 0 when never carved.
        public var totalBlocks: Int
        public var state: PoolState
    }

    /// Index of the arena object (`arenas[i]`).
    public var index: Int
    /// Where the arena was mapped; its first pool is at the next POOL_SIZE boundary.
    public var address: UInt64
    public var nfreepools: Int
    public var ntotalpools: Int
    public var pools: [Pool]
}

extension Allocator {
    /// Every mapped arena, in arena-object order, with all of its pools.
    public func snapshot() -> [ArenaSnapshot] {
        var result: [ArenaSnapshot] = []
        for i in arenas.indices where arenas[i].address != 0 {
            let a = arenas[i]
            let first = (a.address + poolSizeMask) & ~poolSizeMask
            var list: [ArenaSnapshot.Pool] = []
            for k in 0..<Int(a.ntotalpools) {
                let address = first + UInt64(k) * poolSize
                let ph = pools[i * maxPoolsInArena + k]
                guard address < a.poolAddress else {
                    list.append(.init(index: k, address: address, isCarved: false, sizeClass: nil,
                                      blockSize: nil, blocksInUse: 0, totalBlocks: 0, state: .empty))
                    continue
                }
                let sz = Int(ph.szidx), total = numBlocks(sz), used = Int(ph.count)
                let state: ArenaSnapshot.PoolState = used == 0 ? .empty : used == total ? .full : .used
                list.append(.init(index: k, address: address, isCarved: true, sizeClass: sz,
                                  blockSize: (sz + 1) << alignmentShift, blocksInUse: used,
                                  totalBlocks: total, state: state))
            }
            result.append(ArenaSnapshot(index: i, address: a.address, nfreepools: Int(a.nfreepools),
                                        ntotalpools: Int(a.ntotalpools), pools: list))
        }
        return result
    }
}
