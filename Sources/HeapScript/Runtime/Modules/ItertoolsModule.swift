import HeapEngine

// Modules/itertoolsmodule.c (v3.6.15, v3.8.18, v3.11.7, v3.12.1, v3.13.0): `import itertools`
// and five of its iterator types: count, repeat, cycle, chain and islice.
//
// Every other name of CPython's module (accumulate, zip_longest, starmap, takewhile,
// dropwhile, compress, product, permutations, combinations, groupby, tee, ...) is refused by
// the recorded surface (`lookupAttr` on a module: present in CPython's module, absent here).
// Every attribute of the five types and of their objects (`__reduce__`,
// `__length_hint__`, `__sizeof__`, ...) except `__class__` and `chain.from_iterable` is
// refused too.
//
// What an iterator does here: construction (positional arguments only; keyword arguments are
// refused), iter(), next() through every consumer of iterators (list(), for, `in`, ...),
// repr() of count and repeat, sys.getsizeof, and the collector (each type's tp_traverse;
// none of them has a tp_clear: a cycle through one is broken elsewhere, a list's clear).
// Their sources may be the builtin containers and iterators or another of these objects;
// a generator or an instance as a source is refused (its code would run inside next()).

/// The state of one itertools object (`kind` is which type; each uses its own fields).
/// References held, per type, in tp_traverse order (from 3.12 each type is a heap type and
/// its traverse visits the type first, `visitedType`):
/// - count: `longCnt` (slow mode only) and `longStep` (always: `PyLong_FromLong(1)` when no
///   step was given). Fast mode keeps the count in `cnt` (a Py_ssize_t).
/// - repeat: `element` (kept when exhausted); `cnt` the remaining times, -1 for ever.
/// - cycle: `it` (dropped when exhausted) and `saved` (a list, PyList_New(0) at creation);
///   `index` the next position in `saved` once `it` has run out.
/// - chain: `source` (the iterator of the iterables: a tuple_iterator over the call's
///   argument tuple) and `active` (the iterator of the current iterable); both dropped as
///   they run out.
/// - islice: `it` (dropped when exhausted); `next`, `stop` (-1: none), `step`, `cnt`.
final class ItertoolsObject: NativeReferents {
    enum Kind { case count, `repeat`, cycle, chain, islice }
    let kind: Kind
    let visitedType: ObjectRef?
    var cnt = 0
    var longCnt: ObjectRef?
    var longStep: ObjectRef?
    var element: ObjectRef?
    var it: ObjectRef?
    var saved: ObjectRef?
    var index = 0
    var source: ObjectRef?
    var active: ObjectRef?
    var next = 0
    var stop = -1
    var step = 1

    init(_ kind: Kind, visitedType: ObjectRef?) { self.kind = kind; self.visitedType = visitedType }

    /// The references in tp_traverse order.
    func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let t = visitedType { body(t) }
        let refs: [ObjectRef?]
        switch kind {
        case .count: refs = [longCnt, longStep]
        case .repeat: refs = [element]
        case .cycle: refs = [it, saved]
        case .chain: refs = [source, active]
        case .islice: refs = [it]
        }
        for case let r? in refs { body(r) }
    }

    /// tp_dealloc: count_dealloc (long_cnt, long_step), repeat_dealloc (element),
    /// cycle_dealloc (it, saved), chain_dealloc (active, source), islice_dealloc (it).
    func releaseReferences(in heap: Heap) {
        switch kind {
        case .count: heap.xdecref(longCnt); heap.xdecref(longStep)
        case .repeat: heap.xdecref(element)
        case .cycle: heap.xdecref(it); heap.xdecref(saved)
        case .chain: heap.xdecref(active); heap.xdecref(source)
        case .islice: heap.xdecref(it)
        }
        longCnt = nil; longStep = nil; element = nil; it = nil; saved = nil; active = nil; source = nil
    }
}

extension Interpreter {
    /// The itertools types the engine makes, in the module's order (tp_name "itertools.X").
    static let itertoolsTypeNames = ["chain", "count", "cycle", "islice", "repeat"]

    /// Whether CPython's start-up has already imported `itertools` (sys.modules), measured
    /// with `'itertools' in sys.modules` as the first line: False on 3.6.15 and 3.8.18 at the
    /// prompt and in a script; True on 3.11.7 in both; True on 3.12.1 and 3.13.0 at the
    /// prompt (`python3 -q -i`), False in a script. The same as `collectionsPreloaded`.
    var itertoolsPreloaded: Bool {
        profile.minor == 11 || (profile.minor >= 12 && !scriptStartup)
    }

    /// The first `import itertools`: the module dict gets the five types, then what CPython's
    /// import did that the engine does not model is declared (`noteItertoolsImport`).
    func importItertoolsModule(_ d: ObjectRef, module m: ObjectRef) throws {
        // tp_basicsize of each type, `itertools.X.__basicsize__` measured on each version:
        // count 40, repeat 32, cycle 48, chain 32, islice 56 on 3.6.15 to 3.13.0.
        let sizes = ["chain": 32, "count": 40, "cycle": 48, "islice": 56, "repeat": 32]
        for n in Interpreter.itertoolsTypeNames {
            let t = heap.newStaticType(name: "itertools.\(n)", kind: .itertools, base: heap.builtinType(.object),
                                       basicSize: sizes[n]!, isGC: true)
            // CPython's type is made by the module (from 3.12 a heap type with the module's
            // references): its count is not the engine's.
            heap.markModuleTypeCountUnmodelled(t)
            try dictSet(d, name(n), t)
        }
        opaqueObjects[d] = "itertools.__dict__"
        noteItertoolsImport()
    }

    /// What CPython's first `import itertools` does where start-up has not imported it
    /// (3.6.15 and 3.8.18; 3.12.1 and 3.13.0 in a script): PyInit_itertools readies about
    /// twenty types (3.12+: makes them as heap types), each with its dict, method
    /// descriptors, mro tuple: `gc.collect(); gc.get_count()` then `import itertools`, then
    /// `gc.get_count()` goes (3, 0, 0) → (235, 0, 0) at 3.6.15's prompt, (0, 0, 0) →
    /// (229, 0, 0) in its script; (0, 0, 0) → (254, 0, 0) in 3.12.1's and 3.13.0's scripts.
    /// The engine makes five static types: the rest is declared unknown. `gc.collect()` right
    /// after finds 0 objects on every version (no garbage to declare).
    ///
    /// Where start-up has imported it, CPython's import only reads sys.modules:
    /// Interpreter.importModule gives the count back and declares the rest
    /// (`modulePreloadedByStartup`).
    private func noteItertoolsImport() {
        noteUnmodelledImport("itertools", blocks: "its types' dicts, descriptors and tuples",
                             objects: "its types' dicts, method descriptors, tuples", leavesGarbage: false)
    }

    func itertoolsObject(_ r: ObjectRef) -> ItertoolsObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? ItertoolsObject }
        return nil
    }

    /// One of the five types (static here; from 3.12 CPython's are heap types, GC-tracked).
    func isItertoolsType(_ r: ObjectRef) -> Bool {
        if case .type(let info) = heap.payload[Int(r)] { return info.kind == .itertools }
        return false
    }

    /// An itertools type or object: its attributes other than `__class__` are refused
    /// (`chain.from_iterable` is looked up before, `itertoolsTypeAttribute`).
    func refuseItertoolsAttribute(_ obj: ObjectRef, _ attr: String) throws {
        if case .type(let info) = heap.payload[Int(obj)], info.kind == .itertools {
            throw notModelled("\(info.name).\(attr)")
        }
        if itertoolsObject(obj) != nil, attr != "__class__" { throw notModelled("\(typeName(obj)).\(attr)") }
    }

    /// A source the engine's itertools objects can iterate: an instance's `__next__` is not
    /// modelled here; a generator's frame runs between the iterator's steps, which chain and
    /// islice take in CPython's order (their state changes after each tp_iternext), cycle not
    /// (its saved list).
    private func refuseItertoolsSource(_ r: ObjectRef, _ what: String) throws {
        switch heap.payload[Int(r)] {
        case .instance: throw notModelled("itertools.\(what) of a '\(typeName(r))' object")
        case .native(let o) where o is GenObject && what == "cycle": throw notModelled("itertools.\(what) of a generator")
        default: break
        }
    }

    /// Calling an itertools type. None of them has a vectorcall (3.6.15 to 3.13.0): the call
    /// packs the positional arguments into a tuple (type_call before 3.9, _PyObject_MakeTpCall
    /// from 3.9), freed after tp_new except by chain, whose source iterates it.
    func callItertoolsType(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        let full = heap.typeInfo(type).name
        let n = String(full.dropFirst("itertools.".count))
        // Keyword arguments (count's start= and step=, repeat's times=, and the others'
        // "takes no keyword arguments", worded per version): refused.
        guard kwargs.isEmpty else { throw notModelled("itertools.\(n)() with keyword arguments") }
        for a in args { try refuseStartupObject(a) }
        if n == "chain" { return try newChain(type, args) }
        // No arguments: the shared empty tuple, nothing allocated.
        let held = args.isEmpty ? [] : heap.takeFromFreeLists(FreeListCounts(tuples: Array(repeating: 0, count: args.count) + [1]))
        // The tuple holds the arguments while tp_new runs.
        args.forEach(heap.incref)
        defer { args.forEach(heap.decref); heap.releaseWorkingSet(held) }
        switch n {
        case "count": return try newCount(type, args)
        case "repeat": return try newRepeat(type, args)
        case "cycle": return try newCycle(type, args)
        default: return try newIslice(type, args)
        }
    }

    private func newItertools(_ type: ObjectRef, _ state: ItertoolsObject) throws -> ObjectRef {
        do { return try heap.newNativeObject(type: type, state) } catch { throw memoryError() }
    }

    private func itertoolsState(_ kind: ItertoolsObject.Kind, _ type: ObjectRef) -> ItertoolsObject {
        ItertoolsObject(kind, visitedType: profile.minor >= 12 ? type : nil)
    }

    /// A small int argument (the engine's `.int` payload), nil for anything else.
    private func smallInt(_ r: ObjectRef) -> Int? {
        guard heap.kind(r) == .int, case .int(let v) = heap.payload[Int(r)] else { return nil }
        return v
    }

    // MARK: - count

    /// count_new ("|OO:count"): start and step default to 0 and 1 (PyLong_FromLong); fast
    /// mode when step is 1 and start fits a Py_ssize_t: long_cnt is dropped and the count
    /// kept in cnt. long_step is always held.
    private func newCount(_ type: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard args.count <= 2 else {
            throw error("TypeError", "count() takes at most 2 arguments (\(args.count) given)")
        }
        // Other numbers (floats, complex, a bool...) and the "a number is required" error:
        // refused.
        for a in args where smallInt(a) == nil { throw notModelled("itertools.count() of a '\(typeName(a))'") }
        let start = args.first.flatMap(smallInt) ?? 0
        let stepValue = args.count > 1 ? smallInt(args[1])! : 1
        let st = itertoolsState(.count, type)
        let longStep: ObjectRef
        if args.count > 1 { heap.incref(args[1]); longStep = args[1] } else { longStep = try newInt(1) }
        if stepValue == 1 {
            st.cnt = start
        } else {
            st.cnt = Int.max
            if let a = args.first { heap.incref(a); st.longCnt = a } else { st.longCnt = try newInt(0) }
        }
        st.longStep = longStep
        do { return try newItertools(type, st) } catch { st.releaseReferences(in: heap); throw error }
    }

    /// count_next: fast mode PyLong_FromSsize_t(cnt++); slow mode (count_nextlong) returns
    /// long_cnt and keeps long_cnt + long_step (made first).
    private func countNext(_ st: ItertoolsObject) throws -> ObjectRef? {
        guard let old = st.longCnt, let step = st.longStep else {
            guard st.cnt < Int.max else { throw notModelled("itertools.count past sys.maxsize") }
            defer { st.cnt += 1 }
            return try newInt(st.cnt)
        }
        st.longCnt = try binaryOp(.add, old, step)
        return old
    }

    /// count_repr: "count(N)" in fast mode; "count(start)" or "count(start, step)" (step
    /// omitted when it is the int 1) in slow mode, with their reprs.
    private func countRepr(_ st: ItertoolsObject, depth: Int) throws -> String {
        guard let c = st.longCnt, let s = st.longStep else { return "count(\(st.cnt))" }
        if smallInt(s) == 1 { return "count(\(try repr(c, depth: depth + 1)))" }
        return "count(\(try repr(c, depth: depth + 1)), \(try repr(s, depth: depth + 1)))"
    }

    // MARK: - repeat

    /// repeat_new ("O|n:repeat"): times absent is -1 (for ever); a negative times is 0.
    private func newRepeat(_ type: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard args.count <= 2 else {
            throw error("TypeError", "repeat() takes at most 2 arguments (\(args.count) given)")
        }
        guard let element = args.first else {
            throw error("TypeError", profile.minor < 7 ? "Required argument 'object' (pos 1) not found"
                                                       : "repeat() missing required argument 'object' (pos 1)")
        }
        let st = itertoolsState(.repeat, type)
        st.cnt = -1
        if args.count == 2 {
            guard let t = smallInt(args[1]) else { throw notModelled("itertools.repeat() with times a '\(typeName(args[1]))'") }
            st.cnt = max(t, 0)
        }
        heap.incref(element)
        st.element = element
        do { return try newItertools(type, st) } catch { st.releaseReferences(in: heap); throw error }
    }

    /// repeat_next: the element (a new reference) while cnt is not 0; cnt counts down unless -1.
    private func repeatNext(_ st: ItertoolsObject) -> ObjectRef? {
        guard st.cnt != 0, let e = st.element else { return nil }
        if st.cnt > 0 { st.cnt -= 1 }
        heap.incref(e)
        return e
    }

    /// repeat_repr: "repeat(elem)" for ever, else "repeat(elem, cnt)" with the times left.
    private func repeatRepr(_ r: ObjectRef, _ st: ItertoolsObject, depth: Int) throws -> String {
        let e = try repr(st.element!, depth: depth + 1)
        return st.cnt < 0 ? "repeat(\(e))" : "repeat(\(e), \(st.cnt))"
    }

    // MARK: - cycle

    /// cycle_new: the iterator, then saved = PyList_New(0), then the object.
    private func newCycle(_ type: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard args.count == 1 else {
            throw error("TypeError", "cycle expected 1 argument\(profile.minor < 7 ? "s" : ""), got \(args.count)")
        }
        try refuseItertoolsSource(args[0], "cycle")
        let it = try getIter(args[0])
        let saved: ObjectRef
        do { saved = try newList([], extend: false) } catch { heap.decref(it); throw error }
        let st = itertoolsState(.cycle, type)
        st.it = it; st.saved = saved
        do { return try newItertools(type, st) } catch { st.releaseReferences(in: heap); throw error }
    }

    /// cycle_next: the iterator's next item, appended to saved (PyList_Append); once it runs
    /// out it is dropped and saved is replayed from `index`.
    private func cycleNext(_ st: ItertoolsObject) throws -> ObjectRef? {
        if let it = st.it {
            if let item = try next(it) {
                heap.incref(item)
                try listAppendStealing(st.saved!, item)
                return item
            }
            st.it = nil
            heap.decref(it)
        }
        guard let saved = st.saved, case .list(let l) = heap.payload[Int(saved)], !l.items.isEmpty else { return nil }
        let item = l.items[st.index]
        st.index += 1
        if st.index >= l.items.count { st.index = 0 }
        heap.incref(item)
        return item
    }

    // MARK: - chain

    /// `chain.from_iterable` (a METH_O | METH_CLASS method): its classmethod_descriptor's
    /// `__get__` makes a builtin method bound to the type at each lookup
    /// (`type(itertools.chain.from_iterable).__name__` is builtin_function_or_method,
    /// sys.getsizeof 80 on 3.6.15, 72 on 3.8.18-3.13.0, GC-tracked: the engine's bound
    /// builtin). Only on chain itself; a subclass's (the engine has none) would bind it.
    func itertoolsTypeAttribute(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        guard attr == "from_iterable", case .type(let info) = heap.payload[Int(obj)], info.kind == .itertools,
              info.name == "itertools.chain" else { return nil }
        if chainFromIterable < 0 {
            // Named "chain.from_iterable": METH_O's TypeError names the method's
            // __qualname__ from 3.11 (measured: "chain.from_iterable() takes exactly one
            // argument (0 given)"; 3.6.15 and 3.8.18 "from_iterable() ...").
            chainFromIterable = registerBuiltin("from_iterable", module: "chain") { i, s, args, _ in
                try i.chainFromIterable(s!, args[0])
            }
        }
        heap.incref(obj)
        return try newBuiltinObject(BuiltinInfo(id: chainFromIterable, selfRef: obj))
    }

    /// chain_new_from_iterable: `PyObject_GetIter(arg)` first, then chain_new_internal
    /// allocates the object with it as `source` (no argument tuple: METH_O).
    private func chainFromIterable(_ type: ObjectRef, _ iterable: ObjectRef) throws -> ObjectRef {
        try refuseStartupObject(iterable)
        try refuseItertoolsSource(iterable, "chain.from_iterable")
        let source = try getIter(iterable)
        let st = itertoolsState(.chain, type)
        st.source = source
        do { return try newItertools(type, st) } catch { st.releaseReferences(in: heap); throw error }
    }

    /// chain_new: the argument tuple (which the call made) and its iterator, then the object;
    /// the tuple lives on in its iterator.
    private func newChain(_ type: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        args.forEach(heap.incref)
        let tuple = try newTuple(args)
        let source: ObjectRef
        do { source = try getIter(tuple) } catch { heap.decref(tuple); throw error }
        let st = itertoolsState(.chain, type)
        st.source = source
        let r: ObjectRef
        do { r = try newItertools(type, st) } catch { st.releaseReferences(in: heap); heap.decref(tuple); throw error }
        heap.decref(tuple)
        return r
    }

    /// chain_next: the active iterator's next item; when it runs out it is dropped and the
    /// next iterable's iterator taken from source; source dropped when it runs out (or an
    /// iterable is not iterable: that TypeError propagates).
    private func chainNext(_ st: ItertoolsObject) throws -> ObjectRef? {
        while let source = st.source {
            if st.active == nil {
                guard let iterable = try next(source) else {
                    st.source = nil
                    heap.decref(source)
                    return nil
                }
                do {
                    try refuseItertoolsSource(iterable, "chain")
                    st.active = try getIter(iterable)
                } catch {
                    heap.decref(iterable)
                    st.source = nil
                    heap.decref(source)
                    throw error
                }
                heap.decref(iterable)
            }
            if let item = try next(st.active!) { return item }
            let a = st.active
            st.active = nil
            heap.xdecref(a)
        }
        return nil
    }

    // MARK: - islice

    /// islice_new: islice(it, stop) or islice(it, start, stop[, step]); each None or an int
    /// >= 0 (step > 0), else the ValueErrors below (their texts alike on 3.6.15-3.13.0); then
    /// the iterator, then the object.
    private func newIslice(_ type: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard args.count >= 2 else { throw error("TypeError", "islice expected at least 2 arguments, got \(args.count)") }
        guard args.count <= 4 else { throw error("TypeError", "islice expected at most 4 arguments, got \(args.count)") }
        // A non-int value that is not None: CPython's PyNumber_AsSsize_t raises a TypeError
        // that islice clears for its ValueError (an exception made and freed): refused.
        for a in args.dropFirst() where a != heap.none && smallInt(a) == nil {
            throw notModelled("itertools.islice() with a '\(typeName(a))' argument")
        }
        let stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        let indexMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        // As islice_new checks: a stop of exactly -1 is the "Stop" error, any other negative
        // start or stop the "Indices" one (measured: islice([], -5), islice([], 1, -5)).
        var start = 0, stop = -1, step = 1
        let stopArg = args.count == 2 ? args[1] : args[2]
        if args.count > 2, args[1] != heap.none { start = smallInt(args[1])! }
        if stopArg != heap.none {
            stop = smallInt(stopArg)!
            guard stop != -1 else { throw error("ValueError", stopMessage) }
        }
        guard start >= 0, stop >= -1 else { throw error("ValueError", indexMessage) }
        if args.count == 4, args[3] != heap.none { step = smallInt(args[3])! }
        guard step >= 1 else { throw error("ValueError", "Step for islice() must be a positive integer or None.") }
        try refuseItertoolsSource(args[0], "islice")
        let it = try getIter(args[0])
        let st = itertoolsState(.islice, type)
        st.it = it; st.next = start; st.stop = stop; st.step = step; st.cnt = 0
        do { return try newItertools(type, st) } catch { st.releaseReferences(in: heap); throw error }
    }

    /// islice_next: skips (and releases) items up to `next`, returns the next one unless
    /// `stop` is reached; on the way out (`empty:`) drops the iterator.
    private func isliceNext(_ st: ItertoolsObject) throws -> ObjectRef? {
        guard let it = st.it else { return nil }
        func empty() -> ObjectRef? { st.it = nil; heap.decref(it); return nil }
        // `goto empty` on NULL, with or without an exception: an error from the source also
        // drops it (Py_CLEAR(lz->it)) before propagating.
        func step() throws -> ObjectRef? {
            do { return try next(it) } catch { _ = empty(); throw error }
        }
        while st.cnt < st.next {
            guard let item = try step() else { return empty() }
            heap.decref(item)
            st.cnt += 1
        }
        if st.stop != -1 && st.cnt >= st.stop { return empty() }
        guard let item = try step() else { return empty() }
        st.cnt += 1
        let old = st.next
        st.next = st.next &+ st.step
        if st.next < old || (st.stop != -1 && st.next > st.stop) { st.next = st.stop }
        return item
    }

    // MARK: - the iterator protocol

    /// tp_iternext of the five types.
    func itertoolsNext(_ st: ItertoolsObject) throws -> ObjectRef? {
        switch st.kind {
        case .count: return try countNext(st)
        case .repeat: return repeatNext(st)
        case .cycle: return try cycleNext(st)
        case .chain: return try chainNext(st)
        case .islice: return try isliceNext(st)
        }
    }

    /// tp_repr: count and repeat have their own; the others object_repr's
    /// "<itertools.X object at 0x...>" (nil: the caller's default).
    func itertoolsRepr(_ r: ObjectRef, _ st: ItertoolsObject, depth: Int) throws -> String? {
        switch st.kind {
        case .count: return try countRepr(st, depth: depth)
        case .repeat: return try repeatRepr(r, st, depth: depth)
        default: return nil
        }
    }

    /// PyObject_LengthHint of an itertools object: repeat's `__length_hint__` is its times
    /// left (`count`, what the consumer took); the others have none (the default 8).
    func itertoolsLengthHint(_ st: ItertoolsObject, _ count: Int) -> Int {
        st.kind == .repeat ? count : 8
    }
}
