import HeapEngine

/// The gc module (Modules/gcmodule.c's Python API), over the engine's collector.
extension Interpreter {
    func defineGCModule(_ d: ObjectRef) {
        defineFunction(in: d, "collect", module: "gc") { i, _, args, _ in
            var generation = 2
            if let a = args.first {
                generation = try i.intIndex(a, "'\(i.typeName(a))' object cannot be interpreted as an integer")
                guard (0...2).contains(generation) else { throw i.error("ValueError", "invalid generation") }
            }
            try i.refuseUnmodelledGarbage("gc.collect()")
            try i.refuseNamedtupleGarbage("gc.collect()")
            try i.refuseCaughtTracebacks("gc.collect()")
            let found = i.heap.collect(generation: generation)
            try i.refuseUntimelyCollection()
            if i.generatorFrameInGarbage {
                i.generatorFrameInGarbage = false
                throw i.notModelled("gc.collect()", because: "the garbage held a generator, whose frame object CPython "
                                    + "\(i.profile.version) counts and heapbook does not model")
            }
            return try i.newInt(found)
        }
        defineFunction(in: d, "get_objects", module: "gc") { i, _, args, _ in
            // gc_get_objects_impl (3.8+; 3.6's takes no argument): None and -1 mean every
            // generation.
            var generation: Int?
            if let a = args.first, a != i.heap.none {
                switch i.heap.payload[Int(a)] {
                case .int(let n): generation = n == -1 ? nil : n
                case .bigInt: throw i.error("OverflowError", "cannot fit 'int' into an index-sized integer")
                default: throw i.error("TypeError", "argument should be integer or None, not '\(i.typeName(a))'")
                }
            }
            if let g = generation, g >= 3 {
                throw i.error("ValueError", "generation parameter must be less than the number of available generations (3)")
            }
            if let g = generation, g < 0 { throw i.error("ValueError", "generation parameter cannot be negative") }
            try i.refuseUnknownStartupObjects("gc.get_objects")
            try i.refuseLiveGeneratorFrames("gc.get_objects()")
            try i.refuseUnknownCollectionTiming("gc.get_objects()", lists: true)
            try i.refuseUnmodelledGarbage("gc.get_objects()")
            let objs = i.heap.getObjects(generation: generation)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        defineFunction(in: d, "get_referrers", module: "gc") { i, _, args, _ in
            // CPython's start-up objects (module dicts, sys.flags, code constants...) refer to
            // the shared objects and types, and the engine does not simulate them: the list
            // would be short, so it is refused (every version: immortal objects too).
            if let s = args.first(where: i.heap.mayBeReferencedByStartup) {
                let what = "gc.get_referrers(\(i.heap.kind(s) == .type ? i.heap.typeInfo(s).name : (try i.repr(s))))"
                throw UnsupportedAtRuntime(what: what, fullMessage: "heapbook does not model `\(what)` "
                                           + "(CPython's start-up objects refer to it, and heapbook does not simulate them)")
            }
            try i.refuseLiveGeneratorFrames("gc.get_referrers()")
            for a in args { try i.refuseLibraryModuleReferences(a, "gc.get_referrers") }
            let objs = i.heap.getReferrers(args)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        defineFunction(in: d, "get_referents", module: "gc") { i, _, args, _ in
            for a in args { try i.refuseStartupObject(a) }
            // gen_traverse also visits gi_name and gi_qualname (and, from 3.11, the frame's
            // function and code in _PyFrame_Traverse's order), which the engine does not hold.
            if args.contains(where: { i.generator($0) != nil }) { throw i.notModelled("gc.get_referents() of a generator") }
            // wrapper_traverse visits its descriptor, a start-up object the engine does not hold.
            if args.contains(where: { i.heap.methodWrapper($0) != nil }) { throw i.notModelled("gc.get_referents() of a method-wrapper") }
            // CPython's deque and defaultdict types hold their dict, bases, mro (and from 3.12
            // are heap types).
            if let t = args.first(where: i.heap.isCollectionsType) { throw i.notModelled("gc.get_referents(\(i.heap.typeInfo(t).name))") }
            // So do the itertools types (ItertoolsModule.swift).
            // lru_cache_tp_traverse visits module-state objects (3.11+: kwd_mark, the link
            // type; 3.6: maxsize_O) the engine does not hold as CPython does.
            if args.contains(where: { i.lruCacheObject($0) != nil || i.isLruCacheType($0) }) {
                throw i.notModelled("gc.get_referents() of a functools.lru_cache wrapper")
            }
            if let t = args.first(where: { i.isItertoolsType($0) || i.isPartialType($0) }) {
                throw i.notModelled("gc.get_referents(\(i.heap.typeInfo(t).name))")
            }
            // 3.8+'s structseq_traverse visits the items first to last, tupletraverse (which
            // 3.6's structseqs inherit) last to first (StructSeq.swift).
            if i.profile.minor >= 8, let s = args.first(where: { i.structSeqFields($0) != nil }) {
                throw i.notModelled("gc.get_referents(\(i.typeName(s)))")
            }
            let objs = i.heap.getReferents(args)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        if profile.gcHasFreeze {
            defineFunction(in: d, "freeze", module: "gc") { i, _, _, _ in i.heap.freeze(); return i.heap.newNone() }
            defineFunction(in: d, "unfreeze", module: "gc") { i, _, _, _ in i.heap.unfreeze(); return i.heap.newNone() }
            defineFunction(in: d, "get_freeze_count", module: "gc") { i, _, _, _ in
                try i.refuseUnknownStartupObjects("gc.get_freeze_count")
                return try i.newInt(i.heap.freezeCount)
            }
        }
        defineFunction(in: d, "get_stats", module: "gc") { i, _, _, _ in
            if i.heap.gc.statsUnknown {
                throw i.notModelled("gc.get_stats()", because: "CPython \(i.profile.version) may have collected automatically at "
                                    + "other moments in this session (\(i.countErrorReason))")
            }
            var dicts: [ObjectRef] = []
            // The session's collections on top of start-up's (Profile.replStartupGCStats).
            let startup = i.profile.replStartupGCStats
            for (g, s) in i.heap.gcStats.enumerated() {
                let d = try i.newDict()
                let counts = [s.collections, s.collected, s.uncollectable].enumerated().map { $0.element + startup[3 * g + $0.offset] }
                for (k, v) in zip(["collections", "collected", "uncollectable"], counts) {
                    let n = try i.newInt(v)
                    try i.dictSet(d, i.name(k), n)
                    i.heap.decref(n)
                }
                dicts.append(d)
            }
            return try i.newList(dicts, extend: false)
        }
        let garbage = try! newList([], extend: false)
        heap.garbageList = garbage
        try! dictSet(d, name("garbage"), garbage)
        heap.decref(garbage)
        // gcmodule_exec's constants (Modules/gcmodule.c): the module's cached dict holds
        // references to these small ints from start-up, and each `import gc` copies them, as
        // CPython does (their counts are measured start-up counts: see StartupRefcounts).
        for (constant, value) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4),
                                  ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
            let v = try! newInt(value)
            try! dictSet(d, name(constant), v)
            heap.decref(v)
        }
        defineFunction(in: d, "set_debug", module: "gc") { i, _, args, _ in
            i.heap.gcDebugFlags = try i.intIndex(args[0], "an integer is required")
            return i.heap.newNone()
        }
        defineFunction(in: d, "get_threshold", module: "gc") { i, _, _, _ in
            try i.newTuple(try i.heap.gc.thresholds.map { try i.newInt($0) })
        }
        defineFunction(in: d, "get_count", module: "gc") { i, _, _, _ in
            try i.refuseUnknownCount()
            return try i.newTuple(try i.heap.gc.counts.map { try i.newInt($0) })
        }
        defineFunction(in: d, "isenabled", module: "gc") { i, _, _, _ in i.heap.newBool(i.heap.gcEnabled) }
        defineFunction(in: d, "enable", module: "gc") { i, _, _, _ in i.heap.gcEnabled = true; return i.heap.newNone() }
        defineFunction(in: d, "disable", module: "gc") { i, _, _, _ in i.heap.gcEnabled = false; return i.heap.newNone() }
        defineFunction(in: d, "is_tracked", module: "gc") { i, _, args, _ in
            // A collection untracks tuples and dicts of atomic items (untrack_tuples/dicts).
            if [.tuple, .dict].contains(i.heap.kind(args[0])) { try i.refuseUnknownCollectionTiming("gc.is_tracked()", lists: false) }
            // A heap type from 3.12 (tracked), a static type before.
            if i.heap.isCollectionsType(args[0]) { throw i.notModelled("gc.is_tracked(\(i.heap.typeInfo(args[0]).name))") }
            if i.isItertoolsType(args[0]) || i.isPartialType(args[0]) { throw i.notModelled("gc.is_tracked(\(i.heap.typeInfo(args[0]).name))") }
            // A method descriptor and 3.6's empty frozenset are tracked in CPython, static
            // rows here (MethodDescrObject.swift, SetMethods.swift).
            let startupTracked = i.isMethodDescriptor(args[0]) || (args[0] == i.emptyFrozenset && i.heap.isStatic(args[0]))
            return i.heap.newBool(i.heap.isTracked(args[0]) || startupTracked)
        }
        // gc_is_finalized (3.9+): the PEP 442 flag a finalizer run sets, from dealloc or
        // from a collection. One builtin more in the gc module's dict, which start-up made:
        // the start-up phantom counts of 3.11-3.13 are one lower for it.
        if profile.minor >= 9 {
            defineFunction(in: d, "is_finalized", module: "gc") { i, _, args, _ in
                i.heap.newBool(i.heap.isFinalized(args[0]))
            }
        }
        defineFunction(in: d, "set_threshold", module: "gc") { i, _, args, _ in
            for (k, a) in args.enumerated() where k < 3 {
                i.heap.gc.thresholds[k] = try i.intIndex(a, "'\(i.typeName(a))' object cannot be interpreted as an integer")
            }
            return i.heap.newNone()
        }
    }
}

/// CPython's start-up objects in the collector (phantoms, Heap+StartupObjects.swift): only
/// identity and counting are modelled; every other look is refused here.
extension Interpreter {
    /// Before the first statement: the phantoms of this profile and mode (`python -q -i` or a
    /// script), or none and `startupObjectsModelled` false when they were not measured.
    func installStartupObjects(interactive: Bool) {
        guard !startupObjectsInstalled else { return }
        startupObjectsInstalled = true
        // Start-up's count is fitted, not exact, where the compiler's is not (replStartupGCCounts).
        heap.countMayDiffer(by: profile.compileCountError?.statement ?? 0)
        guard let plan = interactive ? profile.replStartupObjects : profile.scriptStartupObjects else { return }
        heap.installStartupPhantoms(plan, mainModule: mainModule, mainDict: mainDict)
        startupObjectsModelled = true
    }

    /// Builtins that may take a phantom as an argument: they store it or answer from the
    /// collector's lists alone.
    static let builtinsTakingStartupObjects: Set<String> = [
        "list.append", "list.insert", "gc.is_tracked", "gc.get_referrers",
    ]

    /// The builtins an id() value, or a str spelled from one, may be handed to while
    /// addresses are not CPython's (UnplacedIds.swift): those that only store it or look at
    /// its type, and those that spell a str from it (which refuse a str's text themselves).
    static let builtinsTakingUnplacedIds: Set<String> = builtinsTakingStartupObjects.union([
        "ctypes.from_address", "isinstance", "id", "hex", "oct", "bin", "repr", "format",
        // Lib/copy.py's `id` (CopyModule.swift): deepcopy's memo key of the value itself.
        "copy._hb_id",
        // Lib/reprlib.py's `builtins.repr` (ReprlibModule.swift): spells, as repr does.
        "reprlib._hb_builtin_repr",
        // A set's or dict's table hashes an id() value as the engine's address, exact for
        // membership while its object lives (`unplacedIdTableHash`); these only store it or
        // look it up (set.remove's and dict.pop's KeyError would show it: not listed).
        "set.add", "set.discard", "dict.get", "dict.setdefault",
    ])

    /// The refusal for a look at a phantom (`what`: how the program got there).
    func startupObjectRefusal() -> UnsupportedAtRuntime {
        UnsupportedAtRuntime(what: "CPython's start-up objects",
                             fullMessage: "heapbook does not model CPython \(profile.version)'s start-up objects "
                                 + "(one came out of gc.get_objects())")
    }

    /// Refuses when `r` is a phantom start-up object.
    @inline(__always)
    func refuseStartupObject(_ r: ObjectRef) throws(UnsupportedAtRuntime) {
        if heap.isStartupPhantom(r) { throw startupObjectRefusal() }
        // An id() value while addresses are not CPython's, or a str spelled from one
        // (UnplacedIds.swift), likewise.
        try refuseUnplacedId(r)
    }

    /// Refuses what would show the collector's lists when start-up's share of them is not
    /// known (not measured for this profile and mode, or gc.freeze() changed the order of
    /// the collections that untrack start-up's tuples and dicts).
    func refuseUnknownStartupObjects(_ function: String) throws(UnsupportedAtRuntime) {
        if execObjectsUnmodelled {
            throw UnsupportedAtRuntime(what: function, fullMessage: "heapbook does not model the objects of the `exec()` "
                                       + "that ran a script block at CPython \(profile.version)'s prompt "
                                       + "(`\(function)` would count them); use `>>>` transcripts in this session")
        }
        if let why = unmodelledCollectorObjects {
            throw UnsupportedAtRuntime(what: function, fullMessage: "heapbook does not model \(why) "
                                       + "(`\(function)` would count them)")
        }
        if !startupObjectsModelled || !heap.gc.startupObjectsExact {
            throw UnsupportedAtRuntime(what: function, fullMessage: "heapbook does not model CPython \(profile.version)'s "
                                       + "start-up objects here (`\(function)` would count them)")
        }
    }
}

/// What the engine does not know of generation 0's count and of when CPython collected
/// (HeapEngine's Heap+CountCertainty.swift): each is refused, never printed.
extension Interpreter {
    var countErrorReason: String {
        if scriptStartup {
            return "a script's count depends on what compiling the whole file allocated, which heapbook does not model, "
                + "so generation 0's count and the collector's lists are not known in a script"
        }
        return "heapbook does not model every object CPython \(profile.version) allocates for some statements and calls (its "
            + "compiler's, a call's argument tuple, what a write holds), so generation 0's count may differ from CPython's "
            + "until a collection"
    }

    /// gc.get_count(): exact after any collection, until a statement whose compilation the
    /// engine does not model exactly (`gc.collect()` earlier in the same statement is exact).
    /// In a script, exact after an explicit full collection until an automatic one
    /// (Heap.noteCollection); its `timingUnknown` stands for the lists, not the count.
    func refuseUnknownCount() throws {
        let gc = heap.gc
        guard gc.countErrorBound > 0 || gc.countBelowSlack > 0 || (gc.timingUnknown && !gc.countNeverKnown) else { return }
        throw notModelled("gc.get_count()", because: countErrorReason
                          + " (`gc.collect(); gc.get_count()` on one line is exact)")
    }

    /// What a collection at another moment would change: which generation an object is in,
    /// whether a tuple or dict is still tracked. `lists`: what is asked shows the collector's
    /// lists, which in a script hold what start-up and the compilation left (not known, even
    /// where a bounded script (Heap.startWithBoundedCount) knows that no collection ran).
    func refuseUnknownCollectionTiming(_ what: String, lists: Bool) throws {
        guard heap.gc.timingUnknown || (lists && heap.gc.countNeverKnown) else { return }
        throw notModelled(what, because: "CPython \(profile.version) may have collected automatically at another moment "
                          + "(\(countErrorReason))" + (scriptStartup ? "" : "; an explicit `gc.collect()` that finds nothing makes it known again"))
    }

    /// CPython holds garbage the engine does not model (`unmodelledGarbage`).
    func refuseUnmodelledGarbage(_ what: String) throws {
        guard let reason = unmodelledGarbage else { return }
        throw notModelled(what, because: reason)
    }

    /// Before 3.11 a generator's frame is a frame object of its own, a GC object the
    /// collector lists and which refers to the frame's locals; the engine has none.
    func refuseLiveGeneratorFrames(_ what: String) throws {
        guard liveGeneratorFrames > 0 else { return }
        throw notModelled(what, because: "a generator is alive, and CPython \(profile.version)'s frame object of it, "
                          + "which the collector lists, is not modelled")
    }

    /// A caught exception holds its traceback: CPython's traceback and frame objects are
    /// containers the collector walks (exception -> traceback -> frame -> locals), which the
    /// engine does not model, so what a collection finds and counts may differ.
    func refuseCaughtTracebacks(_ what: String) throws {
        guard tracebackCensus.live > 0 else { return }
        throw notModelled(what, because: "a caught exception is alive, and its traceback's frame objects, which "
                          + "CPython's collector walks, are not modelled")
    }

    /// A deallocation chain through heap-type instances went deep enough that CPython's
    /// trashcan order is not modelled (`Profile.subtypeDeallocTrashcanUnmodelled`); clears
    /// the mark. nil: none did.
    func refuseTrashcanOrder() -> UnsupportedAtRuntime? {
        guard heap.trashcanOrderUnknown else { return nil }
        heap.trashcanOrderUnknown = false
        return notModelled("the order in which CPython \(profile.version) frees a deep chain of class instances",
                           because: "its subtype_dealloc counts the trashcan's nesting differently before 3.9")
    }

    /// A collection found garbage while the moment CPython would have collected it is not
    /// known: its finalizers' output and the number found are not CPython's.
    func refuseUntimelyCollection() throws {
        guard heap.gc.untimelyGarbage else { return }
        heap.gc.untimelyGarbage = false
        throw notModelled("when CPython \(profile.version) collects this garbage",
                          because: countErrorReason + ", which decides when an automatic collection runs")
    }
}
