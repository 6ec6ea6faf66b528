extension Profile {
    /// CPython 3.6, x86-64 Linux, release build; measured against pyenv's 3.6.15. 3.8's
    /// profile except: a 32-byte PyGC_Head, dicts that always
    /// allocate their keys, GROWTH_RATE used*2 + size/2, sets resizing at 2/3 full, the old
    /// tuple hash, and list() over-allocating like every list_extend.
    public static let cpython36: Profile = {
        var p = Profile.cpython38
        p.annotationNameInNames = true
        p.interactiveCommentLinesContinue = true
        p.gcCountsGarbageBeforeFinalizers = true
        p.lengthSignCheckedBeforeSize = false
        p.heapTypeSubscriptSaysIndexing = true
        p.trashcanChecksDealloc = false
        p.callFunctionHoldsCallable = true
        p.version = "3.6"; p.referenceVersion = "3.6.15"; p.minor = 6
        p.linesOnlyIncrease = true
        p.unpackErrorSaysNotIterable = true
        p.weakrefImportLeavesGarbage = true
        p.decoratedStatementAtFirstDecorator = true
        p.hashRandomizationFlagReferences = 1
        p.strConcatErrorSaysMustBeStr = true
        // 3.6 reached its end of life before gh-95778: `str(10**4300)` and 4301-digit
        // literals work on 3.6.15.
        p.intMaxStrDigits = nil
        // Allocator alignment: 16 as 3.8's, although Objects/obmalloc.c at v3.6.15 says
        // ALIGNMENT 8: pyenv's 3.6.15 reports "Small block threshold = 512, in 32 size
        // classes" of 16, 32, 48... bytes (sys._debugmallocstats), 2000 objects of 56 bytes
        // lie 64 apart, and a freed `__slots__ = ('a',)` instance (56 bytes) gives its block
        // to a `__slots__ = ('a', 'b')` one (64).
        // Include/objimpl.h (3.6): PyGC_Head is a union with `long double dummy`, so 32 bytes:
        // getsizeof([]) is 72 on 3.6.15.
        p.gcHeaderSize = 32
        p.objects = .cpython36
        // 3.6's CALL_FUNCTION_EX calls a function through function_call (a tuple of the
        // keywords, no vectorcall); its calls compile as 3.8's (BUILD_*_UNPACK_WITH_CALL,
        // whose errors 3.6.15 words as 3.8.18 does). Builtins are not modelled there.
        p.callFunctionExThroughFunctionCall = true
        p.heapTypesAlwaysGC = false
        p.gcHasFreeze = false
        p.mergesFoldedConstants = false
        p.foldMaxStrSize = 20
        p.foldMaxCollectionSize = 20
        p.mergesCodeTuples = false
        p.symtableAnalysisSets = false
        // Set so that `import sys`, `import gc`, `gc.get_count()` print 3.6.15's (95, 11, 0) (the
        // engine prints (96, 11, 0) since the constant-key fix; not refitted).
        p.replStartupGCCounts = [87, 11, 0]
        p.scriptWeakrefImportUnmodelled = true
        p.scriptWeakrefImportLeavesGarbage = true
        p.compileCountError = CompileCountError(statement: 4, function: 3, classBody: 3, uncaughtError: 8)
        p.builtinKeywordCallCountError = 4
        p.builtinPositionalCallCountError = 4
        p.buildClassMakesTemporaries = true
        p.fileWritePacksArguments = true
        // 3.6's builtin_print is METH_VARARGS | METH_KEYWORDS: the call packs a tuple.
        p.printPacksArguments = true
        p.slotCallsBindMethods = true
        p.propertyGetCachesArgumentTuple = true
        p.loadMethodLeavesSlotWrappersUnbound = false
        p.iterableDisplaysBecomeTuples = false
        p.dictComprehensionEvaluatesValueFirst = true
        p.warnsIsWithLiteral = false
        p.detectsDictKeysChanged = false
        p.scriptStartupGCCounts = [11, 11, 0]
        // scripts/measure/script-count-bound.py (3.6.15): over the corpus and generated files, the
        // first line's count exceeds the bound's variable part by at most -73; `env -i` (no locale,
        // PEP 538's coercion) adds 67. The rest is margin.
        p.scriptCountBound = ScriptCountBound(startup: 128)
        p.replStartupGCStats = [11, 0, 0, 0, 0, 0, 0, 0, 0]
        // scripts/measure/startup-gc-objects.json: 3.6.15 has no get_objects(generation); its
        // split is DEBUG_STATS' first "objects in each generation" (generation 2 is empty, so
        // __main__'s dict is in generation 1 too).
        p.replStartupObjects = StartupObjects(generations: [53, 4971, 0], untrackedAtStage: [22, 73, 4],
                                              deferredBC: 1, deferredABC: 1, mainDictGeneration: 1)
        // Script mode is not modelled: after gc.collect(0) CPython 3.6.15 holds one more object.
        p.scriptStartupObjects = nil
        // `import sys; sys._debugmallocstats()` as the first statement of `python3.6 -q -i`.
        p.replStartupFreeLists = FreeListCounts(
            floats: 4, lists: 5, dicts: 7,
            tuples: [0, 3, 6, 3, 0, 0, 6, 1, 9, 1, 0, 3, 0, 2, 0, 2, 0, 2, 1, 3])
        // Measured and fitted as for 3.11 (see Profile.compileWorkingSet, and
        // scripts/measure/compile-counts.py for what still differs); the 2 PyCFunctionObjects
        // it also borrows are not modelled (no PyCFunction free list).
        p.symtableWorkingSet = FreeListCounts()
        p.compileWorkingSet = FreeListCounts(lists: 5, dicts: 7, tuples: [0, 0, 6])
        p.compileUnitWorkingSet = FreeListCounts(dicts: 5, tuples: [0, 0, 2])
        p.gcImportKeeps = FreeListCounts(lists: 1, dicts: 2, tuples: [0, 0, 1])
        p.gcImportCountedObjects = 0
        p.gcImportAdds = FreeListCounts(tuples: [0, 0, 0, 1, 1])
        p.firstReprFreshObjects = 2
        p.compileClassBodyWorkingSet = FreeListCounts(dicts: 3, tuples: [0, 0, 2, 2])
        p.startupInternedNames = Profile.cpython36StartupInterned
        return p
    }()
}

extension ObjectLayouts {
    /// CPython 3.6.15, x86-64 Linux: 3.8's layouts except the rows below (measured on 3.6.15).
    public static let cpython36: ObjectLayouts = {
        var o = ObjectLayouts.cpython38
        o.function = TypeLayout(basicSize: 112, isGC: true)
        o.frame = TypeLayout(basicSize: 384, itemSize: 8, isGC: true)
        o.generator = TypeLayout(basicSize: 64, isGC: true)
        o.type = TypeLayout(basicSize: 864, itemSize: 40, isGC: true)
        o.staticTypeSizeOf = 400
        o.builtinFunction = TypeLayout(basicSize: 48, isGC: true)
        o.method = TypeLayout(basicSize: 40, isGC: true)
        o.code = TypeLayout(basicSize: 144, isGC: false)
        o.listGrowth = .cpython36
        // PyDict_New allocates PyDict_MINSIZE keys: getsizeof({}) 248 = 48 + 32 + 168.
        o.emptyDictKeys = .allocated
        o.dictGrowthAddsHalfSize = true
        // set_add_entry: `if ((size_t)so->fill*3 < mask*2) return 0;`
        o.setFillFactor = 3
        o.setMaskFactor = 2
        o.legacyTupleHash = true
        return o
    }()
}
