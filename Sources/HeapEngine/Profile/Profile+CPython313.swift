extension Profile {
    /// CPython 3.13 (default build: GIL, pymalloc, the generational collector), x86-64 Linux;
    /// measured against pyenv's 3.13.0. The profile is 3.12's except the numbers below.
    public static let cpython313: Profile = {
        var p = Profile.cpython312
        p.listReverseIteratorKeepsList = true
        p.version = "3.13"; p.referenceVersion = "3.13.0"; p.minor = 13
        p.weakProxyReprQuotesType = true
        p.getweakrefsAppends = true
        p.clearWeakrefsAlwaysPacks = true
        p.tracebackCarets = .pep657Anchored
        p.assertLocatedAtTest = true
        p.getIterLocatedAtIterable = true
        p.unicodeDatabase = .v15_1_0
        p.weakrefImportUnmodelled = false
        // Include/cpython/object.h (3.13): Py_TRASHCAN_BEGIN deposits only when
        // `tstate->c_recursion_remaining <= Py_TRASHCAN_HEADROOM` (50), out of
        // Py_C_RECURSION_LIMIT 10000 (Include/cpython/pystate.h, release x86-64 Linux): 160
        // nested lists are freed innermost first on 3.13.0. Past that depth the engine
        // defers as 3.12 does, which 3.13's chain (emptied once 100 levels are free again)
        // need not match.
        p.trashcanUnwindLevel = 10_000 - 50
        // Include/object.h (3.13, 64-bit): _Py_IMMORTAL_REFCNT is still UINT_MAX;
        // sys.getrefcount(None) == 4294967295 on 3.13.0.
        p.immortalRefcount = 4_294_967_295
        // gh-113601 (3.13): runtime-interned strs are mortal again (_PyUnicode_InternMortal):
        // `s = 'zqxw'; sys.getrefcount(s)` is 2 on 3.13.0, as on 3.11.7.
        p.internedStringsImmortal = false
        // Python/gc.c (3.13.0 keeps the generational collector; the incremental one was
        // reverted before 3.13.0): gc.get_threshold() == (2000, 10, 10).
        p.gcThreshold0 = 2000
        // gh-115776 / gh-115775: inline values allocated with the instance, sized by the
        // class's shared keys pre-filled with __static_attributes__ (see Profile).
        p.instanceInlineValues = true
        p.classStaticAttributes = true
        p.attributeErrorContextOnSet = true
        p.replCachesSourceLines = true
        // `python3.13 -q -i`: the first gc.collect() returns 5 (see Profile.startupGarbageClass).
        p.startupGarbageClass = "_pyrepl.readline._ReadlineWrapper"
        // Set so that `import sys`, `import gc`, `gc.get_count()` print 3.13.0's (762, 9, 0) (the
        // engine prints (763, 9, 0) since the constant-key fix; not refitted).
        p.replStartupGCCounts = [760, 9, 0]
        p.scriptWeakrefImportUnmodelled = true
        p.scriptWeakrefImportLeavesGarbage = true
        p.compileCountError = CompileCountError(statement: 5, function: 4, classBody: 3, uncaughtError: 24)
        p.noDictReasonInAttributeError = true
        p.scriptStartupGCCounts = [26, 3, 0]
        // scripts/measure/script-count-bound.py (3.13.0): over the corpus and generated files, the
        // first line's count exceeds the bound's variable part by at most -59; `env -i` (no locale,
        // PEP 538's coercion) adds 23. The rest is margin.
        p.scriptCountBound = ScriptCountBound(startup: 128)
        p.scriptWarningLeavesGarbage = true
        p.replStartupGCStats = [9, 192, 0, 0, 0, 0, 0, 0, 0]
        // scripts/measure/startup-gc-objects.json (3.13.0). Script mode is not modelled (no
        // _pyrepl start-up garbage there, and generation 0 differs after compiling a file).
        p.replStartupObjects = StartupObjects(generations: [707, 11388, 0], untrackedAtStage: [125, 256, 11],
                                              deferredAB: 4, deferredBC: 5, deferredABC: 9)
        // `import sys; sys._debugmallocstats()` as the first statement of `python3.13 -q -i`.
        p.replStartupFreeLists = FreeListCounts(
            floats: 4, lists: 44, dicts: 28,
            tuples: [0, 6, 47, 2, 4, 1, 8, 1, 1, 3, 1, 2, 1, 0, 1, 1, 1, 1, 2, 2, 2])
        // Measured and fitted as for 3.11 (see Profile.compileWorkingSet, and
        // scripts/measure/compile-counts.py for what still differs).
        p.compileWorkingSet = FreeListCounts(lists: 4, dicts: 9, tuples: [0, 0, 7])
        p.compileUnitWorkingSet = FreeListCounts(dicts: 7, tuples: [0, 0, 3])
        p.gcImportKeeps = FreeListCounts(lists: 1)
        p.gcImportAdds = FreeListCounts(tuples: [0, 0, 0, 1])
        p.mainDictGeneration = 1
        p.internedCharsNotSingletons = ""
        p.firstReprMadeByPromptStartup = true
        p.compileClassBodyWorkingSet = FreeListCounts(dicts: 5, tuples: [0, 0, 2, 2])
        // Include/internal/pycore_freelist.h (3.13): PyTuple_MAXSAVESIZE 20,
        // PyTuple_MAXFREELIST 2000, PyList/PyDict_MAXFREELIST 80, PyFloat_MAXFREELIST 100 —
        // 3.12's values, unchanged.
        p.objects = .cpython313
        p.startupInternedNames = Profile.cpython313StartupInterned
        return p
    }()
}

extension ObjectLayouts {
    /// CPython 3.13.0, x86-64 Linux: 3.12's layouts except the rows below (measured on 3.13.0).
    public static let cpython313: ObjectLayouts = {
        var o = ObjectLayouts.cpython312
        // type.__basicsize__ 928 (getsizeof(class) 1712), getsizeof(int) 416.
        o.type = TypeLayout(basicSize: 928, itemSize: 40, isGC: true)
        o.staticTypeSizeOf = 416
        // code.__basicsize__ 200.
        o.code = TypeLayout(basicSize: 200, itemSize: 2, isGC: false)
        o.frame = TypeLayout(basicSize: 136, itemSize: 8, isGC: true)
        o.generator = TypeLayout(basicSize: 144, itemSize: 8, isGC: true)
        // list_ass_item: `del a[i]` never reallocates (3.12.1 shrinks through list_ass_slice).
        o.listDelItemResizes = false
        // list_extend_dict / list_extend_set: `list({1: 2, 3: 4, 5: 6})` is 120 on 3.13.0
        // (88 on 3.12.1).
        o.listExtendResizesForDictsAndSets = true
        return o
    }()
}
