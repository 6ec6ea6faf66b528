extension Profile {
    /// CPython 3.11, x86-64 Linux, release build; measured against pyenv's 3.11.7.
    public static let cpython311 = Profile(
        version: "3.11", referenceVersion: "3.11.7", major: 3, minor: 11,
        // Objects/obmalloc.c (3.11): ALIGNMENT 16, SMALL_REQUEST_THRESHOLD 512,
        // POOL_SIZE 16 KiB (USE_LARGE_POOLS... 3.10+), ARENA_SIZE 1 MiB, POOL_OVERHEAD 48.
        alignment: 16, smallRequestThreshold: 512, poolSize: 16 * 1024, arenaSize: 1 << 20,
        poolOverhead: 48,
        arenaBaseAddress: 0x7f3a_1c00_0000, mallocBaseAddress: 0x5581_2a40_0000,
        staticBaseAddress: 0x5581_28e0_0000,
        // Include/internal/pycore_gc.h: PyGC_Head is two pointers.
        gcHeaderSize: 16, longDigitBits: 30, longDigitSize: 4,
        // Include/internal/pycore_global_objects.h: _PY_NSMALLNEGINTS 5, _PY_NSMALLPOSINTS 257.
        smallIntMin: -5, smallIntMax: 256, immortalRefcount: nil,
        // Include/internal/pycore_*.h: PyFloat_MAXFREELIST 100, PyList_MAXFREELIST 80,
        // PyDict_MAXFREELIST 80, PyTuple_NFREELISTS 20, PyTuple_MAXFREELIST 2000.
        floatFreeListMax: 100, listFreeListMax: 80, dictFreeListMax: 80, dictKeysFreeListMax: 80,
        tupleFreeListMaxLength: 20, tupleFreeListMaxSize: 2000,
        // Modules/gcmodule.c: _PyGC_InitState thresholds.
        gcThreshold0: 700, gcThreshold1: 10, gcThreshold2: 10,
        recursionLimit: 1000
    )
}
