extension Profile {
    /// CPython 3.11, x86-64 Linux, release build; measured against pyenv's 3.11.7.
    public static let cpython311: Profile = {
        var p = Profile(
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
        recursionLimit: 1000,
        // Objects/obmalloc.c (3.11): SIZEOF_VOID_P 8 (x86-64), SYSTEM_PAGE_SIZE (4 * 1024),
        // INITIAL_ARENA_OBJECTS 16, WITH_PYMALLOC_RADIX_TREE 1 (3.10+), insert_to_freepool's
        // "ao->nextarena != NULL" keep-one-arena rule (bpo-37257, 3.9+).
        pointerSize: 8, systemPageSize: 4 * 1024, initialArenaObjects: 16,
        obmallocRadixTree: true, obmallocKeepsLastFreeArena: true,
        // Simulated kernel: 3 pages sit below the arena mmap base, so arenas are page- but not
        // pool-aligned; a real 3.11.7 run shows "# bytes lost to arena alignment" = 16384 per arena.
        arenaMmapSkew: 3 * 4 * 1024,
        // glibc 2.3x malloc/malloc.c on x86-64: SIZE_SZ 8, MALLOC_ALIGNMENT 16, MINSIZE 32,
        // TCACHE_MAX_BINS 64 -> tcache_max_bytes 1032 (chunk 1040), TCACHE_FILL_COUNT 7.
        mallocSizeSz: 8, mallocAlignment: 16, mallocMinChunk: 32,
        tcacheMaxChunk: 1040, tcacheCount: 7
        )
        // Set so that `import sys`, `import gc`, `gc.get_count()` print 3.11.7's (620, 3, 2), with
        // the first `import gc`'s own objects (gcImportCountedObjects) counted there, not here.
        p.replStartupGCCounts = [598, 3, 2]
        p.callFunctionExModelled = true
        p.cCallsCountTowardsRecursionLimit = true   // inherited by 3.8 and 3.6
        p.weakrefSlotErrorMentionsItemsize = true
        // compileCountError nil: the compiler's allocations are modelled exactly (compile-counts.py;
        // 2 × 10,000 fuzz programs agree on when automatic collections run).
        p.scriptStartupGCCounts = [228, 0, 2]
        // scripts/measure/script-count-bound.py (3.11.7): over the corpus and generated files, the
        // first line's count exceeds the bound's variable part by at most 159; `env -i` (no locale,
        // PEP 538's coercion) adds 0. The rest is margin.
        p.scriptCountBound = ScriptCountBound(startup: 288)
        p.replStartupGCStats = [25, 67, 0, 2, 92, 0, 0, 0, 0]
        // scripts/measure/startup-gc-objects.json (3.11.7).
        p.replStartupObjects = StartupObjects(generations: [576, 874, 10917], untrackedAtStage: [59, 41, 74])
        p.scriptStartupObjects = StartupObjects(generations: [219, 0, 10917], untrackedAtStage: [65, 2, 76],
                                                deferredAB: 2, deferredABC: 2)
        // `import sys; sys._debugmallocstats()` as the first statement of `python3.11 -q -i`.
        p.replStartupFreeLists = FreeListCounts(
            floats: 4, lists: 19, dicts: 8,
            tuples: [0, 4, 19, 5, 2, 6, 3, 2, 3, 2, 1, 1, 0, 3, 0, 1, 1, 0, 3, 0, 6])
        // `gc.collect()`, then `sys._debugmallocstats()`: 8 dicts and 5 lists back on the
        // emptied free lists after `pass` (6 dicts and 2 lists more after a `def`, 5 and 2 after
        // a class); the tuples besides the code objects' own and their constant keys, and the
        // per-unit split, fitted with scripts/measure/compile-counts.py and count-drift.py.
        p.lazyFrameObjects = true
        p.mergesEqualCodeConstants = false
        p.parserArenaLiteralsVary = true
        p.pegParserNumberObjects = true
        p.displayhookRaisesAttributeError = true
        p.argumentParsersMakeKeywordTuples = true
        p.printPacksArguments = true
        p.gcImportKeeps = FreeListCounts(lists: 1)
        p.gcImportCountedObjects = 19
        p.symtableWorkingSet = FreeListCounts(lists: 4, dicts: 3)
        p.compileWorkingSet = FreeListCounts(lists: 1, dicts: 5, tuples: [0, 0, 3])
        p.compileUnitWorkingSet = FreeListCounts(tuples: [0, 0, 2])
        p.compileUnitStackedSet = FreeListCounts(dicts: 5)
        p.internedCharsNotSingletons = "BCLST_abcdefhijklmnopqrstvwxy"
        p.firstReprKeeps = FreeListCounts(lists: 1, dicts: 1)
        p.firstReprFreshObjects = 0
        p.displayUnpackingModelled = true
        p.stackUseGuideline = 30
        p.yieldFromModelled = true
        p.compileClassBodyWorkingSet = FreeListCounts(dicts: 5, tuples: [0, 0, 0, 2])
        p.startupInternedNames = Profile.cpython311StartupInterned
        return p
    }()
}

// MARK: - Objects block (type layouts and container rules; Sources/HeapEngine/Objects)

extension ObjectLayouts {
    /// CPython 3.11.7, x86-64 Linux. Type rows are `T.__basicsize__`, `T.__itemsize__` and
    /// `T.__flags__ & Py_TPFLAGS_HAVE_GC` printed by scripts/measure/containers.py; the
    /// struct sizes are from Include/cpython/*.h and checked against sys.getsizeof there.
    public static let cpython311 = ObjectLayouts(
        pointerSize: 8,
        object: TypeLayout(basicSize: 16, isGC: false),
        none: TypeLayout(basicSize: 16, isGC: false),
        // int.__basicsize__ 24 = offsetof(PyLongObject, ob_digit); bool.__basicsize__ is 32
        // but int.__sizeof__ (used for bools too) counts from offsetof: getsizeof(True) 28.
        int: TypeLayout(basicSize: 24, itemSize: 4, isGC: false),
        bool: TypeLayout(basicSize: 32, itemSize: 4, isGC: false),
        float: TypeLayout(basicSize: 24, isGC: false),
        // str.__basicsize__ 80 = sizeof(PyUnicodeObject); compact strs use the headers below.
        str: TypeLayout(basicSize: 80, isGC: false),
        bytes: TypeLayout(basicSize: 33, itemSize: 1, isGC: false),
        tuple: TypeLayout(basicSize: 24, itemSize: 8, isGC: true),
        list: TypeLayout(basicSize: 40, isGC: true),
        dict: TypeLayout(basicSize: 48, isGC: true),
        set: TypeLayout(basicSize: 200, isGC: true),
        frozenset: TypeLayout(basicSize: 200, isGC: true),
        function: TypeLayout(basicSize: 136, isGC: true),
        // type.__basicsize__ 904 = sizeof(PyHeapTypeObject), itemsize 40 (PyMemberDef).
        type: TypeLayout(basicSize: 904, itemSize: 40, isGC: true),
        // sys.getsizeof(int) == 424: sizeof(PyTypeObject) 408 + GC header.
        staticTypeSizeOf: 424,
        // `class C: pass`: __basicsize__ 24 (object + __weakref__), GC, Py_TPFLAGS_MANAGED_DICT;
        // sys.getsizeof(C()) == 56 = 24 + 16 (GC) + 16 (dict/values pre-header).
        instance: TypeLayout(basicSize: 24, isGC: true, hasManagedDict: true),
        module: TypeLayout(basicSize: 56, isGC: true),
        range: TypeLayout(basicSize: 48, isGC: false),
        builtinFunction: TypeLayout(basicSize: 56, isGC: true),
        method: TypeLayout(basicSize: 48, isGC: true),
        cell: TypeLayout(basicSize: 24, isGC: true),
        weakref: TypeLayout(basicSize: 64, isGC: true),
        listIterator: TypeLayout(basicSize: 32, isGC: true),
        tupleIterator: TypeLayout(basicSize: 32, isGC: true),
        rangeIterator: TypeLayout(basicSize: 48, isGC: false),
        dictIterator: TypeLayout(basicSize: 56, isGC: true),
        setIterator: TypeLayout(basicSize: 48, isGC: true),
        strIterator: TypeLayout(basicSize: 32, isGC: true),
        slice: TypeLayout(basicSize: 40, isGC: true),
        ellipsis: TypeLayout(basicSize: 16, isGC: false),
        notImplemented: TypeLayout(basicSize: 16, isGC: false),
        mappingProxy: TypeLayout(basicSize: 24, isGC: true),
        // sys.getsizeof({}.keys()) == 40 on 3.11.7.
        dictView: TypeLayout(basicSize: 24, isGC: true),
        getsetDescriptor: TypeLayout(basicSize: 48, isGC: true),
        superObject: TypeLayout(basicSize: 40, isGC: true),
        traceback: TypeLayout(basicSize: 40, isGC: true),
        // type(frame).__basicsize__ 120, __itemsize__ 8 on 3.11.7 and 3.12.1 (136 on 3.13.0).
        frame: TypeLayout(basicSize: 120, itemSize: 8, isGC: true),
        exception: TypeLayout(basicSize: 72, isGC: true),
        code: TypeLayout(basicSize: 184, itemSize: 2, isGC: false),
        longHeaderSize: 24,
        // Include/cpython/unicodeobject.h (3.11): PyASCIIObject 48 (with wstr),
        // PyCompactUnicodeObject 72; getsizeof('') 49, getsizeof('é') 74.
        strASCIIHeaderSize: 48, strCompactHeaderSize: 72,
        // Include/internal/pycore_dict.h (3.11): PyDictKeysObject header 32 (dk_refcnt 8,
        // log2_size/log2_index_bytes/kind 1 each, dk_version 4, dk_usable 8, dk_nentries 8);
        // PyDictKeyEntry 24, PyDictUnicodeEntry 16. dictobject.c: PyDict_LOG_MINSIZE 3,
        // GROWTH_RATE used*3, SHARED_KEYS_MAX_SIZE 30, NEXT_LOG2_SHARED_KEYS_MAX_SIZE 6,
        // max_presize 128 * 1024.
        dictKeysHeaderSize: 32, dictKeyEntrySize: 24, dictUnicodeEntrySize: 16,
        dictMinLog2Size: 3, dictGrowthFactor: 3, sharedKeysMaxSize: 30, dictSharedKeysLog2Size: 6,
        dictMaxPresize: 128 * 1024,
        // Include/internal/pycore_object.h (3.11): _PyType_PreHeaderSize adds 2 pointers
        // for Py_TPFLAGS_MANAGED_DICT.
        managedDictPreHeaderSize: 16,
        // Include/cpython/setobject.h and setobject.c (3.11): setentry 16, PySet_MINSIZE 8,
        // LINEAR_PROBES 9, PERTURB_SHIFT 5.
        setEntrySize: 16, setMinSize: 8, setLinearProbes: 9, perturbShift: 5
    )
}
