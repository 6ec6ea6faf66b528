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
            return try i.newInt(i.heap.collect(generation: generation))
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
            let objs = i.heap.getObjects(generation: generation)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        defineFunction(in: d, "get_referrers", module: "gc") { i, _, args, _ in
            // CPython's start-up objects (phantoms or not modelled at all) refer to shared
            // objects; to anything made since, only through objects the engine models.
            if args.contains(where: i.heap.mayBeReferencedByStartup) {
                throw UnsupportedAtRuntime(what: "gc.get_referrers", fullMessage: "heapbook does not model CPython "
                    + "\(i.profile.version)'s start-up objects, which gc.get_referrers() would list for an object "
                    + "start-up shares (a small int, None, an interned str, a type, a module...)")
            }
            let objs = i.heap.getReferrers(args)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        defineFunction(in: d, "get_referents", module: "gc") { i, _, args, _ in
            for a in args { try i.refuseStartupObject(a) }
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
            var dicts: [ObjectRef] = []
            for s in i.heap.gcStats {
                let d = try i.newDict()
                for (k, v) in [("collections", s.collections), ("collected", s.collected), ("uncollectable", s.uncollectable)] {
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
        let saveAll = try! newInt(32)
        try! dictSet(d, name("DEBUG_SAVEALL"), saveAll)
        heap.decref(saveAll)
        defineFunction(in: d, "set_debug", module: "gc") { i, _, args, _ in
            i.heap.gcDebugFlags = try i.intIndex(args[0], "an integer is required")
            return i.heap.newNone()
        }
        defineFunction(in: d, "get_threshold", module: "gc") { i, _, _, _ in
            try i.newTuple(try i.heap.gc.thresholds.map { try i.newInt($0) })
        }
        defineFunction(in: d, "get_count", module: "gc") { i, _, _, _ in
            try i.newTuple(try i.heap.gc.counts.map { try i.newInt($0) })
        }
        defineFunction(in: d, "isenabled", module: "gc") { i, _, _, _ in i.heap.newBool(i.heap.gcEnabled) }
        defineFunction(in: d, "enable", module: "gc") { i, _, _, _ in i.heap.gcEnabled = true; return i.heap.newNone() }
        defineFunction(in: d, "disable", module: "gc") { i, _, _, _ in i.heap.gcEnabled = false; return i.heap.newNone() }
        defineFunction(in: d, "is_tracked", module: "gc") { i, _, args, _ in
            return i.heap.newBool(i.heap.isTracked(args[0]))
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
        heap.recordStartupRows()
        guard let plan = interactive ? profile.replStartupObjects : profile.scriptStartupObjects else { return }
        heap.installStartupPhantoms(plan, mainDict: mainDict)
        startupObjectsModelled = true
    }

    /// Builtins that may take a phantom as an argument: they store it or answer from the
    /// collector's lists alone.
    static let builtinsTakingStartupObjects: Set<String> = [
        "list.append", "list.insert", "gc.is_tracked", "gc.get_referrers",
    ]

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
    }

    /// Refuses what would show the collector's lists when start-up's share of them is not
    /// known (not measured for this profile and mode, or gc.freeze() changed the order of
    /// the collections that untrack start-up's tuples and dicts).
    func refuseUnknownStartupObjects(_ function: String) throws(UnsupportedAtRuntime) {
        if !startupObjectsModelled || !heap.gc.startupObjectsExact {
            throw UnsupportedAtRuntime(what: function, fullMessage: "heapbook does not model CPython \(profile.version)'s "
                                       + "start-up objects here (`\(function)` would count them)")
        }
    }
}
