import HeapEngine

// Modules/_tracemalloc.c (Python/tracemalloc.c in 3.13) and Lib/tracemalloc.py: the module
// functions over the traces the allocator keeps (HeapEngine's Tracemalloc.swift).
//
// Lib/tracemalloc.py does `from _tracemalloc import *`, so start, stop, is_tracing,
// clear_traces, get_traced_memory, reset_peak (3.9+), get_traceback_limit are the C functions
// themselves. get_traced_memory reads both counters before Py_BuildValue makes its result, so
// the tuple (and its ints) are not in the numbers it returns.
//
// What is answered, and when:
// - is_tracing, start, stop, clear_traces, reset_peak, get_traceback_limit: always;
// - get_traced_memory: (0, 0) when not tracing (stop clears the traces); while tracing, only
//   on 3.11.7, 3.12.1 and 3.13.0 and only while every block traced since start() was one the
//   engine makes with CPython's requested size. It is refused:
//   * on 3.6.15 and 3.8.18: their frame objects (each Python call's, off the code object's
//     zombie frame or the free list) are blocks the engine does not make;
//   * after anything CPython does while tracing that the engine does not model allocation for
//     allocation (`Tracemalloc.unknown`): compiling a statement at the prompt (only the
//     statement that called start(), compiled before it, is free of that, so at the prompt
//     the numbers are answered within that one line), writing to stdout (print, a displayed
//     value: the str, the encoder's bytes, TextIOWrapper's pending buffer), an import,
//     exec'd text, pymalloc growing its arena array or radix tree, a garbage collection,
//     an exception object, a call of a builtin or type not checked against CPython's
//     tracemalloc (`tracedBuiltinsChecked`), the instructions `noteTracedInstruction` lists;
//   * while CPython may have collected at another moment (the count is not known);
//   * when what the engine knows of pymalloc's blocks went unknown since start()
//     (`unknownBlockSizes` changed);
//   * after `import tracemalloc` has run other code than CPython's (see `noteTracemallocImport`).
// - get_tracemalloc_memory, take_snapshot and the rest of Lib/tracemalloc.py: refused (the
//   surface lists them).
extension Interpreter {
    func defineTracemallocModule(_ d: ObjectRef) throws {
        defineFunction(in: d, "is_tracing", module: "tracemalloc") { i, _, _, _ in
            i.heap.newBool(i.heap.tracemalloc.tracing)
        }
        defineFunction(in: d, "start", module: "tracemalloc") { i, _, args, _ in
            var nframe = 1
            if let a = args.first {
                guard i.heap.kind(a) == .int, case .int(let n) = i.heap.payload[Int(a)], (1...65535).contains(n) else {
                    throw i.notModelled("tracemalloc.start() with this argument",
                                        because: "heapbook models start(nframe) for an int nframe from 1 to 65535 only")
                }
                nframe = n
            }
            if !i.heap.tracemalloc.tracing {
                i.tracemallocBlockSizesAtStart = i.unknownBlockSizes
            }
            i.heap.tracemalloc.start(nframe: nframe)
            if let why = i.heap.freeListsUnknown { i.heap.tracemalloc.noteUnknown(why) }
            if i.heap.dictKeysFreeListUsed {
                i.heap.tracemalloc.noteUnknown("a dict released its smallest str-keyed table before, which CPython keeps on "
                    + "its keys free list (reused untraced), not modelled by heapbook")
            }
            return i.heap.newNone()
        }
        defineFunction(in: d, "stop", module: "tracemalloc") { i, _, _, _ in
            i.heap.tracemalloc.stop()
            return i.heap.newNone()
        }
        defineFunction(in: d, "clear_traces", module: "tracemalloc") { i, _, _, _ in
            // "if (!tracemalloc_config.tracing) Py_RETURN_NONE;"
            if i.heap.tracemalloc.tracing { i.heap.tracemalloc.clearTraces() }
            return i.heap.newNone()
        }
        if profile.minor >= 9 {
            // bpo-40630 (3.9): peak := current; a no-op when not tracing.
            defineFunction(in: d, "reset_peak", module: "tracemalloc") { i, _, _, _ in
                if i.heap.tracemalloc.tracing { i.heap.tracemalloc.resetPeak() }
                return i.heap.newNone()
            }
        }
        defineFunction(in: d, "get_traceback_limit", module: "tracemalloc") { i, _, _, _ in
            try i.newInt(i.heap.tracemalloc.maxNframe)
        }
        defineFunction(in: d, "get_traced_memory", module: "tracemalloc") { i, _, _, _ in
            let t = i.heap.tracemalloc
            if t.tracing { try i.refuseTracedMemory() }
            // Read before the result is built, as _tracemalloc_get_traced_memory_impl does.
            let current = t.tracing ? t.tracedMemory : 0, peak = t.tracing ? t.peakTracedMemory : 0
            let a = try i.newInt(current)
            let b: ObjectRef
            do { b = try i.newInt(peak) } catch { i.heap.decref(a); throw error }
            return try i.newTuple([a, b])
        }
    }

    /// The builtins whose allocations were checked against CPython's tracemalloc (scripts
    /// on 3.11.7, 3.12.1 and 3.13.0: the requested sizes, the order of mallocs and frees, no
    /// scratch buffers or lazily made objects of CPython's left out). Any other builtin
    /// called while tracing makes the numbers unknown (`noteTracedCall`): many make blocks
    /// the engine does not (long_to_decimal_string's scratch int, the float repr's buffer,
    /// 3.11's static argument parsers' keyword tuples on a first call).
    static let tracedBuiltinsChecked: Set<String> = [
        "len", "isinstance", "list.append", "list.pop", "list.extend", "list.insert", "list.clear",
        "dict.get", "dict.pop", "dict.setdefault", "set.add", "set.discard",
        "gc.disable", "gc.enable", "print",
        "tracemalloc.is_tracing", "tracemalloc.start", "tracemalloc.stop", "tracemalloc.clear_traces",
        "tracemalloc.reset_peak", "tracemalloc.get_traceback_limit", "tracemalloc.get_traced_memory",
    ]

    /// The builtin types whose calls were checked likewise (`tracedBuiltinsChecked`).
    /// Instances of classes are not: 3.11.7 and 3.12.1 allocate an instance's values array
    /// apart from the object, which the engine does not, and 3.13.0's differ by 8 bytes.
    static let tracedTypesChecked: Set<TypeKind> = [.list, .tuple, .dict, .set, .range]

    /// Whether a checked type's or builtin's call takes its items without an iterator object:
    /// CPython's list(), tuple() and list.extend read a list or tuple directly and make an
    /// iterator (a block, freed at the end: it raises the peak) for anything else; set() and
    /// frozenset() iterate even a list or tuple (set_update_internal), dict() anything but a
    /// dict (dict_merge_from_seq2). The engine iterates natively, making no iterator.
    func tracedArgumentsChecked(_ what: String, _ args: [ObjectRef]) -> Bool {
        guard let first = args.first else { return true }
        let k = heap.kind(first)
        switch what {
        case "list", "tuple", "list.extend": return k == .list || k == .tuple
        case "set", "frozenset": return false
        case "dict": return k == .dict && heap.typeInfo(of: first).isHeapType == false
        default: return true
        }
    }

    /// A call while tracing of what was not checked against CPython's tracemalloc: the
    /// numbers are unknown from here until stop().
    func noteTracedCall(_ what: @autoclosure () -> String, checked: Bool) {
        guard heap.tracemalloc.tracing, !checked else { return }
        heap.tracemalloc.noteUnknown("`\(what())` was called, whose allocations heapbook has not checked against CPython's tracemalloc")
    }

    /// get_traced_memory while tracing: refused where the traces may not be CPython's.
    private func refuseTracedMemory() throws {
        let what = "tracemalloc.get_traced_memory()"
        if profile.minor < 11 {
            throw notModelled(what, because: "CPython \(profile.version) allocates a frame object for Python calls "
                + "(off the code object's zombie frame or the free list), blocks heapbook does not model")
        }
        if let why = heap.tracemalloc.unknown {
            throw notModelled(what, because: "since tracemalloc.start(), \(why)")
        }
        // A collection CPython may have run at another moment frees its garbage then.
        if heap.gc.countErrorBound > 0 || heap.gc.timingUnknown {
            throw notModelled(what, because: "CPython \(profile.version) may have collected automatically at another moment, "
                + "freeing traced blocks then")
        }
        if unknownBlockSizes != tracemallocBlockSizesAtStart, let why = unknownBlockSizes {
            throw notModelled(what, because: why)
        }
    }

    /// The first `import tracemalloc`: Lib/tracemalloc.py and what it imports (fnmatch,
    /// linecache, pickle and through them re, struct...) run in CPython; the engine makes the
    /// module's functions only. Declared like any unmodelled import (counts, addresses), and
    /// the free lists CPython's import leaves are not the engine's: until a full collection
    /// empties them (gc.collect() clears every free list on 3.11-3.13: clear_freelists), which
    /// objects come off a free list untraced is unknown, so the traced sizes are refused.
    func noteTracemallocImport() {
        let v = profile.version
        noteUnmodelledImport("tracemalloc", blocks: "Lib/tracemalloc.py's code, fnmatch, linecache, pickle",
                             objects: "Lib/tracemalloc.py's classes and functions, and the modules it imports",
                             leavesGarbage: true)
        heap.freeListsUnknown = "CPython \(v)'s `import tracemalloc` left its free lists (tuples, lists, dicts, floats) "
            + "in a state heapbook does not model, until a full gc.collect() empties them"
    }
}
