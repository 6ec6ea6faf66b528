/// Every version-specific number or rule of the simulated runtime.
///
/// Like obmalloc.c's "Main tunable settings section", the numbers live here and nowhere
/// else as literals; each group states the invariants it must keep. Adding a CPython
/// version means adding a `Profile` value (see `Profile+CPython311.swift`), not editing
/// logic through the engine.
public struct Profile: Sendable, Equatable {
    /// "3.11" — what `--python` and `python=` accept.
    public var version: String
    /// The real interpreter this profile was measured against, e.g. "3.11.7".
    public var referenceVersion: String
    /// `sys.version_info` major/minor.
    public var major: Int
    public var minor: Int

    // MARK: - Allocator (Objects/obmalloc.c)

    /// Invariants: alignment <= smallRequestThreshold <= 512, smallRequestThreshold is a
    /// multiple of alignment, arenaSize is an exact multiple of poolSize.
    public var alignment: Int
    public var smallRequestThreshold: Int
    public var poolSize: Int
    public var arenaSize: Int
    /// sizeof(struct pool_header) rounded up: POOL_OVERHEAD.
    public var poolOverhead: Int
    /// Start of the simulated address space where arenas are mapped (mmap region).
    public var arenaBaseAddress: UInt64
    /// Start of the simulated address space used by the system malloc for large requests.
    public var mallocBaseAddress: UInt64
    /// Static objects (types, None, small ints live in the interpreter state or the binary).
    public var staticBaseAddress: UInt64

    /// SIZEOF_VOID_P: pointer width; sizes the arena-map radix tree (POINTER_BITS = 8 * pointerSize).
    public var pointerSize: Int
    /// SYSTEM_PAGE_SIZE: simulated mmap hands out page-aligned (not pool-aligned) arena addresses.
    public var systemPageSize: Int
    /// INITIAL_ARENA_OBJECTS: arena_object slots made on the first new_arena; doubled after that.
    public var initialArenaObjects: Int
    /// WITH_PYMALLOC_RADIX_TREE (3.10+): `_debugmallocstats` then reports the arena map nodes.
    public var obmallocRadixTree: Bool
    /// bpo-37257 (3.9+): insert_to_freepool keeps a wholly free arena if it is the last usable one.
    public var obmallocKeepsLastFreeArena: Bool
    /// Bytes already mapped just below `arenaBaseAddress` when the first arena is mmap'd (libraries,
    /// thread stacks). Invariant: a multiple of systemPageSize. Non-zero mod poolSize makes every arena
    /// lose one pool to alignment, as on real Linux runs.
    public var arenaMmapSkew: Int

    // MARK: - System malloc (glibc, used for requests > smallRequestThreshold)

    /// SIZE_SZ, MALLOC_ALIGNMENT and MINSIZE of glibc's malloc.c: chunk = max(minChunk,
    /// round_up(request + sizeSz, mallocAlignment)); the user pointer is chunk + 2 * sizeSz.
    public var mallocSizeSz: Int
    public var mallocAlignment: Int
    public var mallocMinChunk: Int
    /// Largest chunk size tcache keeps (tcache_max_bytes 1032 -> chunk 1040) and entries per bin.
    public var tcacheMaxChunk: Int
    public var tcacheCount: Int

    // MARK: - Object layout (Include/object.h, Include/cpython/*.h)

    /// sizeof(PyGC_Head): counted by sys.getsizeof for GC-tracked types.
    public var gcHeaderSize: Int
    /// Bytes of PyLongObject digits; 30-bit digits stored in 4 bytes.
    public var longDigitBits: Int
    public var longDigitSize: Int

    // MARK: - Identity and caches

    /// Small-int cache: [smallIntMin, smallIntMax] inclusive (NSMALLNEGINTS / NSMALLPOSINTS - 1).
    public var smallIntMin: Int
    public var smallIntMax: Int
    /// Objects with this refcount never die (3.12+ immortal objects); nil before 3.12.
    public var immortalRefcount: Int?

    // MARK: - Free lists (PyInterpreterState.*_state)

    public var floatFreeListMax: Int
    public var listFreeListMax: Int
    public var dictFreeListMax: Int
    public var dictKeysFreeListMax: Int
    /// Tuples of length 1..<tupleFreeListMaxLength keep a free list each, up to tupleFreeListMaxSize entries.
    public var tupleFreeListMaxLength: Int
    public var tupleFreeListMaxSize: Int

    // MARK: - Cyclic GC (Modules/gcmodule.c)

    public var gcThresholds: (Int, Int, Int) {
        get { (gcThreshold0, gcThreshold1, gcThreshold2) }
        set { (gcThreshold0, gcThreshold1, gcThreshold2) = newValue }
    }
    public var gcThreshold0: Int
    public var gcThreshold1: Int
    public var gcThreshold2: Int

    // MARK: - Objects: type layouts and container rules (Sources/HeapEngine/Objects)
    // [objects block — added by the Objects helper; kept separate from the allocator fields]

    /// tp_basicsize/tp_itemsize/GC of each builtin type, the PEP 393, dict-keys and set-table
    /// layouts, and the container growth constants (see `ObjectLayouts`, TypeLayouts.swift).
    /// Defaults to CPython 3.11's values (Profile+CPython311.swift); a profile for another
    /// version assigns its own `ObjectLayouts` value.
    public var objects: ObjectLayouts = .cpython311

    // MARK: - Interpreter

    public var recursionLimit: Int

    public init(
        version: String, referenceVersion: String, major: Int, minor: Int,
        alignment: Int, smallRequestThreshold: Int, poolSize: Int, arenaSize: Int,
        poolOverhead: Int, arenaBaseAddress: UInt64, mallocBaseAddress: UInt64,
        staticBaseAddress: UInt64, gcHeaderSize: Int, longDigitBits: Int, longDigitSize: Int,
        smallIntMin: Int, smallIntMax: Int, immortalRefcount: Int?,
        floatFreeListMax: Int, listFreeListMax: Int, dictFreeListMax: Int,
        dictKeysFreeListMax: Int, tupleFreeListMaxLength: Int, tupleFreeListMaxSize: Int,
        gcThreshold0: Int, gcThreshold1: Int, gcThreshold2: Int, recursionLimit: Int,
        pointerSize: Int = 8, systemPageSize: Int = 4096, initialArenaObjects: Int = 16,
        obmallocRadixTree: Bool = true, obmallocKeepsLastFreeArena: Bool = true,
        arenaMmapSkew: Int = 0, mallocSizeSz: Int = 8, mallocAlignment: Int = 16,
        mallocMinChunk: Int = 32, tcacheMaxChunk: Int = 1040, tcacheCount: Int = 7
    ) {
        self.version = version; self.referenceVersion = referenceVersion
        self.major = major; self.minor = minor
        self.alignment = alignment; self.smallRequestThreshold = smallRequestThreshold
        self.poolSize = poolSize; self.arenaSize = arenaSize; self.poolOverhead = poolOverhead
        self.arenaBaseAddress = arenaBaseAddress; self.mallocBaseAddress = mallocBaseAddress
        self.staticBaseAddress = staticBaseAddress
        self.pointerSize = pointerSize; self.systemPageSize = systemPageSize
        self.initialArenaObjects = initialArenaObjects; self.obmallocRadixTree = obmallocRadixTree
        self.obmallocKeepsLastFreeArena = obmallocKeepsLastFreeArena
        self.arenaMmapSkew = arenaMmapSkew
        self.mallocSizeSz = mallocSizeSz; self.mallocAlignment = mallocAlignment
        self.mallocMinChunk = mallocMinChunk; self.tcacheMaxChunk = tcacheMaxChunk
        self.tcacheCount = tcacheCount
        self.gcHeaderSize = gcHeaderSize; self.longDigitBits = longDigitBits
        self.longDigitSize = longDigitSize
        self.smallIntMin = smallIntMin; self.smallIntMax = smallIntMax
        self.immortalRefcount = immortalRefcount
        self.floatFreeListMax = floatFreeListMax; self.listFreeListMax = listFreeListMax
        self.dictFreeListMax = dictFreeListMax; self.dictKeysFreeListMax = dictKeysFreeListMax
        self.tupleFreeListMaxLength = tupleFreeListMaxLength
        self.tupleFreeListMaxSize = tupleFreeListMaxSize
        self.gcThreshold0 = gcThreshold0; self.gcThreshold1 = gcThreshold1
        self.gcThreshold2 = gcThreshold2
        self.recursionLimit = recursionLimit
    }

    /// Number of size classes: smallRequestThreshold / alignment.
    public var sizeClassCount: Int { smallRequestThreshold / alignment }
    public var poolsPerArena: Int { arenaSize / poolSize }

    public static func == (a: Profile, b: Profile) -> Bool { a.version == b.version }
}

extension Profile {
    /// Every profile heapbook knows, oldest first.
    public static let all: [Profile] = [.cpython311]

    /// The profile `--python` selects when none is given.
    public static let `default`: Profile = .cpython311

    /// Looks a profile up by "3.11" (also accepts "311" and "cpython3.11").
    public static func named(_ name: String) -> Profile? {
        var key = Substring(name)
        for prefix in ["cpython", "python"] where key.hasPrefix(prefix) { key = key.dropFirst(prefix.count) }
        return all.first { $0.version == key || $0.version.filter { $0 != "." } == key }
    }
}
