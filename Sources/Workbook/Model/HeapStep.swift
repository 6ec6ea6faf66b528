import HeapEngine
import HeapScript

/// The heap after one statement of a `diagram` block, for the site's stepper.
///
/// Recorded by the `Verifier` right after each example of a `diagram` block ran (and once
/// before its first one), from snapshots that only read the heap, so recording them cannot
/// change what the next example prints. The site draws one picture per step and highlights
/// what changed since the step before.
public struct HeapStep: Sendable, Equatable {
    /// The example this step follows; nil for the state before the block's first example.
    public var line: Int?
    /// Empty when the block draws no objects (`diagram=arenas`).
    public var objects: HeapSnapshot
    /// `gc.get_count()` as the heap holds it between statements (blocks that use `gc` or
    /// draw a collection only).
    public var generationCounts: [Int]?
    /// pymalloc's pools by block size (blocks that draw arenas or print allocator stats only).
    public var pools: PoolSummary?

    public init(line: Int?, objects: HeapSnapshot, generationCounts: [Int]? = nil, pools: PoolSummary? = nil) {
        self.line = line; self.objects = objects; self.generationCounts = generationCounts; self.pools = pools
    }
}

/// What the allocator holds, summed per size class: enough to see a statement take or give
/// back blocks, pools and arenas without drawing the whole arena map at every step.
public struct PoolSummary: Sendable, Equatable {
    public struct SizeClass: Sendable, Equatable {
        /// Block size in bytes.
        public var blockSize: Int
        /// Pools of this size with at least one block in use.
        public var pools: Int
        public var blocksInUse: Int
    }
    public var arenas: Int
    public var classes: [SizeClass]

    public init(_ arenas: [ArenaSnapshot]) {
        self.arenas = arenas.count
        var bySize: [Int: SizeClass] = [:]
        for arena in arenas {
            for pool in arena.pools where pool.isCarved && pool.blocksInUse > 0 {
                let size = pool.blockSize ?? 0
                var entry = bySize[size] ?? SizeClass(blockSize: size, pools: 0, blocksInUse: 0)
                entry.pools += 1
                entry.blocksInUse += pool.blocksInUse
                bySize[size] = entry
            }
        }
        classes = bySize.keys.sorted().map { bySize[$0]! }
    }
}

/// What a `diagram` block's steps show besides the objects.
public struct StepRequest: Sendable, Equatable {
    /// Whether the steps draw objects (false: a `diagram=arenas` block's steps show pools only).
    public var objects = true
    public var names: [String]?
    public var generations: Bool
    public var pools: Bool

    public init(names: [String]? = nil, generations: Bool = false, pools: Bool = false) {
        self.names = names; self.generations = generations; self.pools = pools
    }

    /// Generation counts for blocks that collect or use `gc`; pools for blocks that draw
    /// arenas or print the allocator's statistics.
    public init(_ request: DiagramRequest, block: HeapBlock) {
        let sources = block.examples.map(\.source)
        self.init(names: request.names,
                  generations: request.gc || sources.contains { $0.contains("gc.") || $0.contains("import gc") },
                  pools: request.arenas || sources.contains { $0.contains("_debugmallocstats") })
        objects = request.objects
    }
}
