extension Profile {
    /// CPython 3.8, x86-64 Linux, release build; measured against pyenv's 3.8.18
    /// (`python3.8 -q -i`, scripts/measure/containers.py, `T.__basicsize__`). Before 3.9:
    /// 256 KiB arenas of 4 KiB pools, 3.6's list over-allocation, `dict()` with keys of its
    /// own, instance dicts in a `__dict__` slot (split tables, PEP 412), frames that take
    /// their own references to the arguments, no constant-display folding.
    public static let cpython38: Profile = {
        var p = Profile(
            version: "3.8", referenceVersion: "3.8.18", major: 3, minor: 8,
            // Objects/obmalloc.c (3.8): ALIGNMENT 16 (bpo-27987, 3.8), SMALL_REQUEST_THRESHOLD
            // 512, POOL_SIZE = SYSTEM_PAGE_SIZE 4 KiB, ARENA_SIZE 256 KiB, POOL_OVERHEAD 48.
            alignment: 16, smallRequestThreshold: 512, poolSize: 4 * 1024, arenaSize: 256 * 1024,
            poolOverhead: 48,
            arenaBaseAddress: 0x7f3a_1c00_0000, mallocBaseAddress: 0x5581_2a40_0000,
            staticBaseAddress: 0x5581_28e0_0000,
            // Include/objimpl.h (3.8): PyGC_Head is two uintptr_t (bpo-33597, 3.8).
            gcHeaderSize: 16, longDigitBits: 30, longDigitSize: 4,
            // Objects/longobject.c: NSMALLNEGINTS 5, NSMALLPOSINTS 257.
            smallIntMin: -5, smallIntMax: 256, immortalRefcount: nil,
            // PyFloat_MAXFREELIST 100, PyList_MAXFREELIST 80, PyDict_MAXFREELIST 80,
            // PyTuple_MAXSAVESIZE 20 (lengths 1...19 are saved), PyTuple_MAXFREELIST 2000.
            floatFreeListMax: 100, listFreeListMax: 80, dictFreeListMax: 80, dictKeysFreeListMax: 80,
            tupleFreeListMaxLength: 19, tupleFreeListMaxSize: 2000,
            // gc.get_threshold() == (700, 10, 10) on 3.8.18.
            gcThreshold0: 700, gcThreshold1: 10, gcThreshold2: 10,
            recursionLimit: 1000,
            pointerSize: 8, systemPageSize: 4 * 1024, initialArenaObjects: 16,
            // No arena map radix tree before 3.10; no keep-one-free-arena rule before 3.9.
            obmallocRadixTree: false, obmallocKeepsLastFreeArena: false,
            // 4 KiB pools in page-aligned arenas: nothing is lost to alignment.
            arenaMmapSkew: 0,
            mallocSizeSz: 8, mallocAlignment: 16, mallocMinChunk: 32,
            tcacheMaxChunk: 1040, tcacheCount: 7
        )
        p.objects = .cpython38
        p.tupleFreeListReusesLongest = true
        p.foldsConstantDisplays = false
        p.callerStackKeepsArguments = true
        p.attributeErrorKeepsObject = false
        p.instanceDictSlot = true
        // `import gc; gc.get_count()` as the first statement of `python3.8 -q -i` is
        // (507, 9, 0) on 3.8.18; the engine's counts are set before that statement's own
        // allocations, like 3.11's.
        p.replStartupGCCounts = [509, 9, 0]
        // `import sys; sys._debugmallocstats()` as the first statement of `python3.8 -q -i`.
        p.replStartupFreeLists = FreeListCounts(
            floats: 4, lists: 5, dicts: 8,
            tuples: [0, 5, 5, 2, 0, 2, 2, 10, 5, 2, 0, 1, 1, 2, 2, 2, 0, 1, 2, 2])
        // Measured as for 3.11 (see Profile.compileWorkingSet): 8 dicts, 5 lists, 1 + 4 tuples
        // (and 2 PyCFunctionObjects, whose free list is not modelled).
        p.compileWorkingSet = FreeListCounts(lists: 5, dicts: 8, tuples: [0, 1, 4])
        return p
    }()
}

extension ObjectLayouts {
    /// CPython 3.8.18, x86-64 Linux: rows measured with `T.__basicsize__`, `T.__itemsize__`
    /// and sys.getsizeof on 3.8.18; the rest are 3.11's (same numbers on 3.8.18).
    public static let cpython38: ObjectLayouts = {
        var o = ObjectLayouts.cpython311
        o.function = TypeLayout(basicSize: 120, isGC: true)
        // sizeof(PyHeapTypeObject) 880; getsizeof(int) 416; getsizeof(class) 1064 with its
        // cached keys (880 + 168 + 16).
        o.type = TypeLayout(basicSize: 880, itemSize: 40, isGC: true)
        o.staticTypeSizeOf = 416
        // `class C: pass`: object + __dict__ + __weakref__ slots, no managed dict:
        // __basicsize__ 32, getsizeof(C()) 48.
        o.instance = TypeLayout(basicSize: 32, isGC: true)
        o.weakref = TypeLayout(basicSize: 56, isGC: true)
        o.exception = TypeLayout(basicSize: 64, isGC: true)
        o.code = TypeLayout(basicSize: 176, isGC: false)
        // PyDictKeysObject (3.8): dk_refcnt, dk_size, dk_lookup, dk_usable, dk_nentries =
        // 40 bytes, then the indices; every entry is a 24-byte PyDictKeyEntry (no unicode
        // entries before 3.11): getsizeof({'a': 1}) 232 = 48 + 16 + 40 + 8 + 5 * 24.
        o.dictKeysHeaderSize = 40
        o.dictUnicodeEntrySize = 24
        // _PyDict_NewKeysForClass: PyDict_MINSIZE keys, all 5 usable slots shareable.
        o.dictSharedKeysLog2Size = 3
        o.sharedKeysMaxSize = 5
        o.dictKindChangeResizes = false
        o.dictSizeByDoubling = true
        o.listGrowth = .cpython38
        o.intSizeofCountsOneDigitForZero = false
        o.emptyDictKeys = .allocatedByDictCall
        o.listPopToEmptyClears = false
        return o
    }()
}
