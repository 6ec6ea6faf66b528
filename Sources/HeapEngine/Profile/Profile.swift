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
        gcThreshold0: Int, gcThreshold1: Int, gcThreshold2: Int, recursionLimit: Int
    ) {
        self.version = version; self.referenceVersion = referenceVersion
        self.major = major; self.minor = minor
        self.alignment = alignment; self.smallRequestThreshold = smallRequestThreshold
        self.poolSize = poolSize; self.arenaSize = arenaSize; self.poolOverhead = poolOverhead
        self.arenaBaseAddress = arenaBaseAddress; self.mallocBaseAddress = mallocBaseAddress
        self.staticBaseAddress = staticBaseAddress
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
