extension Profile {
    /// CPython 3.8, x86-64 Linux, release build; measured against pyenv's 3.8.18
    /// (`python3.8 -q -i`, scripts/measure/containers.py, `T.__basicsize__`). Before 3.9:
    /// 256 KiB arenas of 4 KiB pools, 3.6's list over-allocation, `dict()` with keys of its
    /// own, instance dicts in a `__dict__` slot (split tables, PEP 412), frames that take
    /// their own references to the arguments, no constant-display folding.
    public static let cpython38: Profile = {
        // 3.11's numbers where 3.8.18 prints the same (alignment 16 since bpo-27987, 512-byte
        // threshold, 48-byte pool header, two-pointer PyGC_Head since bpo-33597, 30-bit
        // digits, small ints -5...256, free-list sizes, thresholds (700, 10, 10), glibc).
        var p = Profile.cpython311
        p.subtypeDeallocTrashcanUnmodelled = true
        p.gcResurrectionKeepsAllGarbage = true
        p.dequeKeepsFreeBlocks = false
        p.subclassesKeptWhenEmpty = true
        p.annotationsAsTuple = false
        p.typeHasAnnotationsDescriptor = false
        p.callFunctionExModelled = true   // 3.8's CALL_FUNCTION_EX over PyVectorcall_Call
        p.callArgumentsUnpackWithCall = true
        p.displayUnpackingModelled = false   // BUILD_LIST_UNPACK, BUILD_TUPLE_UNPACK, ...: not modelled
        p.stackUseGuideline = nil
        p.yieldFromModelled = false
        p.bindingErrorsNameQualname = false
        p.version = "3.8"; p.referenceVersion = "3.8.18"; p.minor = 8
        p.tracebackCarets = .none
        p.weakrefImportUnmodelled = true
        p.decoratorCallsLocatedAtDecorator = false
        p.attributeLocatedAtName = false
        // The LL(1) parser's ast.c adds each parsed number to the arena once.
        p.parserArenaLiteralsVary = false
        p.pegParserNumberObjects = false
        // The LL(1) parser's stack (Parser/parser.h MAXSTACK 1500): 3.8.18 stops at 99 nested
        // parentheses, 3.6.15 at 93 (see `parserStackBudget`); 77 brackets fit the budget.
        p.parserStackBudget = 1400
        p.parserBracketCost = 16
        p.pegSyntaxErrors = false
        // gh-95778 backported to 3.8.14: the same 4300-digit limit, named without "digits".
        p.intMaxStrDigitsUnit = ""
        p.qualnameIsConstant = true
        p.mergesFoldedTuples = false
        p.lazyFrameObjects = false
        p.mergesEqualCodeConstants = true
        // Objects/obmalloc.c (3.8): POOL_SIZE = SYSTEM_PAGE_SIZE 4 KiB, ARENA_SIZE 256 KiB; no
        // arena-map radix tree before 3.10; no keep-one-free-arena rule before 3.9 (bpo-37257).
        p.poolSize = 4 * 1024
        p.arenaSize = 256 * 1024
        p.obmallocRadixTree = false
        p.obmallocKeepsLastFreeArena = false
        // 4 KiB pools in page-aligned arenas: nothing is lost to alignment.
        p.arenaMmapSkew = 0
        // Objects/tupleobject.c (3.8): PyTuple_MAXSAVESIZE 20 bounds both the push and the
        // pop, so lengths 1...19 are saved and reused.
        p.tupleFreeListMaxLength = 19
        p.tupleFreeListReusesLongest = true
        p.cfunctionFreeListMax = 256
        p.subtractAndModuloReleaseRightFirst = true
        p.methodFreeListMax = 256
        p.objects = .cpython38
        p.foldsConstantDisplays = false
        p.callerStackKeepsArguments = true
        p.attributeErrorKeepsObject = false
        p.propertyKeepsName = false
        p.funcWrappersCopyAttributes = false
        p.instanceDictSlot = true
        // Set so that the first automatic collection comes at 3.8.18's statement with and without
        // an early `import gc`; `import sys`, `import gc`, `gc.get_count()` then print (507, 9, 0),
        // 3.8.18 (510, 9, 0).
        p.replStartupGCCounts = [477, 9, 0]
        p.scriptWeakrefImportUnmodelled = true
        p.compileCountError = CompileCountError(statement: 5, function: 5, classBody: 5, uncaughtError: 3)
        p.builtinKeywordCallCountError = 2
        p.typeCallPacksArguments = true
        p.bareAttributeErrorOnDelete = true
        p.bareAttributeErrorForUnsetSlot = true
        p.weakrefTypeName = "weakref"
        p.weakProxyTypeNames = ("weakproxy", "weakcallableproxy")
        p.hasASCIIStrIterator = false
        p.strHashAlgorithm = .siphash24
        p.nanHashIsAddress = false
        p.modelsConstantSetsOfNames = true
        p.hashRandomizationFlagReferences = 2
        p.augmentedPowErrorSaysAssignment = false
        p.retracksReusedItemResult = false
        p.scriptStartupGCCounts = [394, 9, 0]
        // scripts/measure/script-count-bound.py (3.8.18): over the corpus and generated files, the
        // first line's count exceeds the bound's variable part by at most 331; `env -i` (no locale,
        // PEP 538's coercion) adds 24. The rest is margin.
        p.scriptCountBound = ScriptCountBound(startup: 450)
        p.replStartupGCStats = [9, 0, 0, 0, 0, 0, 0, 0, 0]
        // scripts/measure/startup-gc-objects.json (3.8.18).
        p.replStartupObjects = StartupObjects(generations: [480, 4211, 0], untrackedAtStage: [163, 61, 4],
                                              deferredAB: 2, deferredBC: 1, deferredABC: 3)
        p.scriptStartupObjects = StartupObjects(generations: [380, 4211, 0], untrackedAtStage: [141, 61, 4],
                                                deferredAB: 2, deferredBC: 1, deferredABC: 3)
        // `import sys; sys._debugmallocstats()` as the first statement of `python3.8 -q -i`.
        p.replStartupFreeLists = FreeListCounts(
            floats: 4, lists: 5, dicts: 8,
            tuples: [0, 5, 5, 2, 0, 2, 2, 10, 5, 2, 0, 1, 1, 2, 2, 2, 0, 1, 2, 2])
        // Measured and fitted as for 3.11 (see Profile.compileWorkingSet, and
        // scripts/measure/compile-counts.py for what still differs); the 2 PyCFunctionObjects
        // it also borrows are not modelled (no PyCFunction free list).
        p.symtableWorkingSet = FreeListCounts(lists: 4, dicts: 3)
        p.compileWorkingSet = FreeListCounts(lists: 1, dicts: 5, tuples: [0, 0, 5])
        p.compileUnitWorkingSet = FreeListCounts(dicts: 4, tuples: [0, 0, 2])
        p.gcImportKeeps = FreeListCounts(lists: 1, dicts: 2, tuples: [0, 0, 1])
        p.gcImportCountedObjects = 18
        p.mainDictGeneration = 1
        p.gcImportAdds = FreeListCounts(tuples: [0, 0, 0, 1])
        p.internedCharsNotSingletons = ""
        p.firstReprKeeps = FreeListCounts()
        p.firstReprFreshObjects = 2
        // 3.11's warm-ups and compiler-unit split are not 3.8's.
        p.displayhookRaisesAttributeError = false
        p.argumentParsersMakeKeywordTuples = false
        // 3.7 made print METH_FASTCALL | METH_KEYWORDS: it reads the arguments off the stack
        // (`gc.collect(); x = gc.get_count(); print(2); gc.get_count()` on one line: the
        // count goes from 1 to 2 on 3.8.18, x's tuple only).
        p.printPacksArguments = false
        p.compileUnitStackedSet = FreeListCounts()
        p.compileClassBodyWorkingSet = FreeListCounts(dicts: 2, tuples: [0, 0, 2, 2])
        p.startupInternedNames = Profile.cpython38StartupInterned
        return p
    }()
}

extension ObjectLayouts {
    /// CPython 3.8.18, x86-64 Linux: rows measured with `T.__basicsize__`, `T.__itemsize__`
    /// and sys.getsizeof on 3.8.18; the rest are 3.11's (same numbers on 3.8.18).
    public static let cpython38: ObjectLayouts = {
        var o = ObjectLayouts.cpython311
        o.function = TypeLayout(basicSize: 120, isGC: true)
        o.frame = TypeLayout(basicSize: 368, itemSize: 8, isGC: true)
        o.generator = TypeLayout(basicSize: 96, isGC: true)
        // No prop_name before 3.10: property.__basicsize__ 56 (getsizeof(property()) 72).
        o.property = TypeLayout(basicSize: 56, isGC: true)
        // sizeof(PyHeapTypeObject) 880; getsizeof(int) 416; getsizeof(class) 1064 with its
        // cached keys (880 + 168 + 16).
        o.type = TypeLayout(basicSize: 880, itemSize: 40, isGC: true)
        o.staticTypeSizeOf = 416
        // `class C: pass`: object + __dict__ + __weakref__ slots, no managed dict:
        // __basicsize__ 32, getsizeof(C()) 48.
        o.instance = TypeLayout(basicSize: 32, isGC: true)
        o.weakref = TypeLayout(basicSize: 56, isGC: true)
        o.exception = TypeLayout(basicSize: 64, isGC: true)
        // No en_one (3.11's cached 1) nor zip's strict flag (3.10, PEP 618): 48 and 40.
        o.enumerate = TypeLayout(basicSize: 48, isGC: true)
        o.zip = TypeLayout(basicSize: 40, isGC: true)
        // No name/obj on AttributeError or NameError before 3.10 (bpo-38530): 3.8.18 and
        // 3.6.15 measure only SystemExit 72, StopIteration 72, ImportError 88.
        // OSError: 104 on both (PyOSErrorObject's five fields over 64).
        o.exceptionFields = ["SystemExit": 8, "StopIteration": 8, "ImportError": 24, "OSError": 40]
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
