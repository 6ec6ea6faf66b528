extension Profile {
    /// CPython 3.12, x86-64 Linux, release build; measured against pyenv's 3.12.1
    /// (`python3.12 -q -i`, scripts/measure/containers.py, Lib/test/test_sys.py's
    /// test_objecttypes). The allocator, the int and container rules, the free lists and the
    /// thresholds are 3.11's; what changed is immortality (PEP 683), interning and the
    /// collector's timing (below), and the layouts in `ObjectLayouts.cpython312`.
    public static let cpython312: Profile = {
        var p = Profile(
            version: "3.12", referenceVersion: "3.12.1", major: 3, minor: 12,
            // Include/internal/pycore_obmalloc.h (3.12): ALIGNMENT 16, ARENA_BITS 20 (1 MiB),
            // POOL_BITS 14 (16 KiB), SMALL_REQUEST_THRESHOLD 512.
            alignment: 16, smallRequestThreshold: 512, poolSize: 16 * 1024, arenaSize: 1 << 20,
            poolOverhead: 48,
            arenaBaseAddress: 0x7f3a_1c00_0000, mallocBaseAddress: 0x5581_2a40_0000,
            staticBaseAddress: 0x5581_28e0_0000,
            gcHeaderSize: 16, longDigitBits: 30, longDigitSize: 4,
            // Include/internal/pycore_global_objects.h: _PY_NSMALLNEGINTS 5, _PY_NSMALLPOSINTS 257.
            // Include/object.h (3.12, 64-bit): _Py_IMMORTAL_REFCNT UINT_MAX;
            // sys.getrefcount(None) == sys.getrefcount(1) == 4294967295 on 3.12.1.
            smallIntMin: -5, smallIntMax: 256, immortalRefcount: 4_294_967_295,
            // pycore_floatobject.h PyFloat_MAXFREELIST 100, pycore_list.h PyList_MAXFREELIST 80,
            // pycore_dict_state.h PyDict_MAXFREELIST 80, pycore_tuple.h PyTuple_MAXSAVESIZE 20 /
            // PyTuple_MAXFREELIST 2000.
            floatFreeListMax: 100, listFreeListMax: 80, dictFreeListMax: 80, dictKeysFreeListMax: 80,
            tupleFreeListMaxLength: 20, tupleFreeListMaxSize: 2000,
            // Modules/gcmodule.c (3.12): gc.get_threshold() == (700, 10, 10) on 3.12.1.
            gcThreshold0: 700, gcThreshold1: 10, gcThreshold2: 10,
            recursionLimit: 1000,
            // PEP 683 in unicodeobject.c (3.12): _PyUnicode_InternInPlace ends with
            // _Py_SetImmortal(s) — `s = 'zqxw'; sys.getrefcount(s)` is 4294967295 on 3.12.1.
            internedStringsImmortal: true,
            // gh-97922 (3.12): _PyObject_GC_Link calls _Py_ScheduleGC; the collection runs in
            // _Py_HandlePending at the next eval-breaker check.
            gcCollectsOnEvalBreaker: true,
            pointerSize: 8, systemPageSize: 4 * 1024, initialArenaObjects: 16,
            obmallocRadixTree: true, obmallocKeepsLastFreeArena: true,
            arenaMmapSkew: 3 * 4 * 1024,
            mallocSizeSz: 8, mallocAlignment: 16, mallocMinChunk: 32,
            tcacheMaxChunk: 1040, tcacheCount: 7
        )
        p.specializesPropertyLoads = true
        p.objects = .cpython312
        p.inlinesComprehensions = true
        p.dequeTypeIsHeapType = true
        p.boolOpCopiesOperand = true
        p.slicesAreHashable = true
        p.lazyFrameObjects = true
        p.callFunctionExModelled = true
        p.callFunctionExPushesFrame = true
        // Set so that `import sys`, `import gc`, `gc.get_count()` print 3.12.1's (27, 2, 1).
        p.replStartupGCCounts = [25, 2, 1]
        p.scriptWeakrefImportUnmodelled = true
        p.scriptWeakrefImportLeavesGarbage = true
        p.compileCountError = CompileCountError(statement: 0, function: 3, classBody: 5, uncaughtError: 0)
        p.isWarningNamesLiteralType = true
        p.noneHashIsConstant = true
        p.scriptStartupGCCounts = [690, 4, 0]
        p.replStartupGCStats = [13, 107, 0, 1, 52, 0, 0, 0, 0]
        // scripts/measure/startup-gc-objects.json (3.12.1). Script mode is not modelled: the
        // engine's generation 0 after compiling a whole file differs from CPython's.
        p.replStartupObjects = StartupObjects(generations: [45, 915, 7873], frozen: 375, untrackedAtStage: [1, 20, 75],
                                              engineObjectsGeneration: 1)
        // `import sys; sys._debugmallocstats()` as the first statement of `python3.12 -q -i`.
        p.replStartupFreeLists = FreeListCounts(
            floats: 4, lists: 25, dicts: 10,
            tuples: [0, 6, 19, 5, 3, 6, 3, 1, 3, 2, 1, 1, 1, 3, 1, 2, 1, 0, 2, 2, 0])
        // Measured and fitted as for 3.11 (see Profile.compileWorkingSet, and
        // scripts/measure/compile-counts.py for what still differs).
        p.compileWorkingSet = FreeListCounts(lists: 5, dicts: 9, tuples: [0, 0, 3])
        p.compileUnitWorkingSet = FreeListCounts(dicts: 6, tuples: [0, 0, 3])
        p.gcImportKeeps = FreeListCounts(lists: 1)
        p.internedCharsNotSingletons = "_abcdenprsx"
        p.firstReprKeeps = FreeListCounts(lists: 1)
        p.firstReprFreshObjects = 1
        p.displayUnpackingModelled = true
        p.stackUseGuideline = 30
        p.yieldFromModelled = true
        p.compileClassBodyWorkingSet = FreeListCounts(dicts: 4, tuples: [0, 0, 0, 2])
        p.symtableAnalysisSets = false
        p.removesUnusedConsts = true
        p.printPacksArguments = true
        p.assertLocatedAtTest = false
        p.weakrefImportUnmodelled = true
        p.unicodeDatabase = .v15_0_0
        p.startupInternedNames = Profile.cpython312StartupInterned
        return p
    }()
}

extension ObjectLayouts {
    /// CPython 3.12.1, x86-64 Linux: 3.11's layouts except the rows below, each measured on
    /// 3.12.1 (`T.__basicsize__`, `T.__itemsize__`, sys.getsizeof). Every other row and every
    /// container rule (dict keys and split tables, list and set growth) printed the same
    /// numbers on 3.11.7 and 3.12.1 (scripts/measure/containers.py).
    public static let cpython312: ObjectLayouts = {
        var o = ObjectLayouts.cpython311
        // bool.__basicsize__ 24 (3.11: 32); sys.getsizeof(True) is still 28.
        o.bool = TypeLayout(basicSize: 24, itemSize: 4, isGC: false)
        // PEP 623 (3.12) removed wstr: str.__basicsize__ 64, PyASCIIObject 40,
        // PyCompactUnicodeObject 56 — getsizeof('') 41, getsizeof('Seema') 46, getsizeof('Ā') 60.
        o.str = TypeLayout(basicSize: 64, isGC: false)
        o.strASCIIHeaderSize = 40
        o.strCompactHeaderSize = 56
        o.latin1SingletonsCacheUTF8 = true
        // PEP 695 added func_typeparams: function.__basicsize__ 144, getsizeof(f) 160.
        o.function = TypeLayout(basicSize: 144, isGC: true)
        // type.__basicsize__ 920 (getsizeof(class) 1704 with its cached keys), getsizeof(int) 432.
        o.type = TypeLayout(basicSize: 920, itemSize: 40, isGC: true)
        o.staticTypeSizeOf = 432
        o.generator = TypeLayout(basicSize: 144, itemSize: 8, isGC: true)
        // Py_TPFLAGS_MANAGED_WEAKREF (3.12): the weakref slot moved into the pre-header next to
        // the dict pointer: `class C: pass` has __basicsize__ 16 and getsizeof(C()) 48
        // (16 + 16 GC + 16 pre-header).
        o.instance = TypeLayout(basicSize: 16, isGC: true, hasManagedDict: true)
        o.managedDictPreHeaderSize = 16
        // range_iterator.__basicsize__ 40, code.__basicsize__ 192.
        o.rangeIterator = TypeLayout(basicSize: 40, isGC: false)
        o.code = TypeLayout(basicSize: 192, itemSize: 2, isGC: false)
        // ImportError gained name_from (gh-91058): __basicsize__ 104 on 3.12.1 and 3.13.0.
        o.exceptionFields["ImportError"] = 32
        // list_pop_impl clears a list it empties: [32].pop() leaves getsizeof 56 (3.11.7: 64).
        o.listPopToEmptyClears = true
        return o
    }()
}
