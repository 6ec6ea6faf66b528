import HeapEngine

/// The gc module (Modules/gcmodule.c's Python API), over the engine's collector.
extension Interpreter {
    func defineGCModule(_ d: ObjectRef) {
        defineFunction(in: d, "collect", module: "gc") { i, _, args, _ in
            try i.refuseInScript("gc.collect()")
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
            let objs = i.heap.getObjects(generation: generation)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        defineFunction(in: d, "get_referrers", module: "gc") { i, _, args, _ in
            // CPython's start-up objects (module dicts, sys.flags, code constants...) refer to
            // the shared objects and types, and the engine does not simulate them: the list
            // would be short, so it is refused (every version: immortal objects too).
            if let s = args.first(where: i.heap.isStatic) {
                let what = "gc.get_referrers(\(i.heap.kind(s) == .type ? i.heap.typeInfo(s).name : (try i.repr(s))))"
                throw UnsupportedAtRuntime(what: what, fullMessage: "heapbook does not model `\(what)` "
                                           + "(CPython's start-up objects refer to it, and heapbook does not simulate them)")
            }
            let objs = i.heap.getReferrers(args)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        defineFunction(in: d, "get_referents", module: "gc") { i, _, args, _ in
            let objs = i.heap.getReferents(args)
            objs.forEach(i.heap.incref)
            return try i.newList(objs, extend: false)
        }
        if profile.gcHasFreeze {
            defineFunction(in: d, "freeze", module: "gc") { i, _, _, _ in i.heap.freeze(); return i.heap.newNone() }
            defineFunction(in: d, "unfreeze", module: "gc") { i, _, _, _ in i.heap.unfreeze(); return i.heap.newNone() }
            defineFunction(in: d, "get_freeze_count", module: "gc") { i, _, _, _ in try i.newInt(i.heap.freezeCount) }
        }
        defineFunction(in: d, "get_stats", module: "gc") { i, _, _, _ in
            try i.refuseInScript("gc.get_stats()")
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
            try i.refuseInScript("gc.get_count()")
            return try i.newTuple(try i.heap.gc.counts.map { try i.newInt($0) })
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
