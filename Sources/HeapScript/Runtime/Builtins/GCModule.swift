import HeapEngine

/// The gc module (Modules/gcmodule.c's Python API), over the engine's collector.
extension Interpreter {
    func defineGCModule(_ d: ObjectRef) {
        defineFunction(in: d, "get_threshold") { i, _, _, _ in
            try i.newTuple(try i.heap.gc.thresholds.map { try i.newInt($0) })
        }
        defineFunction(in: d, "get_count") { i, _, _, _ in
            try i.newTuple(try i.heap.gc.counts.map { try i.newInt($0) })
        }
        defineFunction(in: d, "isenabled") { i, _, _, _ in i.heap.newBool(i.heap.gc.enabled) }
        defineFunction(in: d, "enable") { i, _, _, _ in i.heap.gc.enabled = true; return i.heap.newNone() }
        defineFunction(in: d, "disable") { i, _, _, _ in i.heap.gc.enabled = false; return i.heap.newNone() }
        defineFunction(in: d, "is_tracked") { i, _, args, _ in
            try i.expectArgs("is_tracked", args, 1)
            return i.heap.newBool(i.heap.gc.isTracked(args[0]))
        }
        defineFunction(in: d, "set_threshold") { i, _, args, _ in
            for (k, a) in args.enumerated() where k < 3 {
                i.heap.gc.thresholds[k] = try i.intIndex(a, "'\(i.typeName(a))' object cannot be interpreted as an integer")
            }
            return i.heap.newNone()
        }
    }
}
