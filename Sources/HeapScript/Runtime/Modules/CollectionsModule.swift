import HeapEngine

// Lib/collections/__init__.py and Modules/_collectionsmodule.c: `import collections` and
// collections.deque (HeapEngine's DequeObject.swift keeps the deque's blocks and indices).
//
// The engine's `collections` module holds `deque` and `defaultdict` (DefaultDictObject.swift)
// only. Every other name of CPython's module (namedtuple, OrderedDict, Counter, ChainMap...) is refused by the
// recorded surface (`lookupAttr` on a module: present in CPython's module, absent here).
//
// What a deque does here: deque(), deque(iterable), deque(iterable, maxlen),
// deque(maxlen=n); append, appendleft, pop, popleft, extend, extendleft, clear; len(),
// truth, repr(), `in`, d[i], sys.getsizeof, the collector (deque_traverse, deque_clear).
// Everything else on a deque or its type (iteration, rotate, copy, comparisons, `+`, item
// assignment, weakrefs, attributes of `collections.deque`) is refused.
extension Interpreter {
    /// Whether CPython's start-up has already imported `collections` (sys.modules), measured
    /// with `'collections' in sys.modules` as the first line: False on 3.6.15 and 3.8.18 at
    /// the prompt and in a script; True on 3.11.7 in both (site imports it); True on 3.12.1
    /// and 3.13.0 at the prompt (`python3 -q -i`), False in a script.
    var collectionsPreloaded: Bool {
        profile.minor == 11 || (profile.minor >= 12 && !scriptStartup)
    }

    /// The first `import collections`: the module dict gets `deque` and `defaultdict`, then what CPython's
    /// import did that the engine does not model is declared (`noteCollectionsImport`).
    func importCollectionsModule(_ d: ObjectRef) throws {
        let type = heap.dequeType()
        if methodTable[.deque] == nil { defineDequeMethods() }
        try dictSet(d, name("deque"), type)
        try dictSet(d, name("defaultdict"), heap.defaultDictType())
        try dictSet(d, name("OrderedDict"), heap.orderedDictType())
        // `vars(collections)` and the like would show a dict of a few names.
        opaqueObjects[d] = "collections.__dict__"
        noteCollectionsImport()
    }

    /// What CPython's first `import collections` does that the engine does not model one for
    /// one, where start-up has not imported it: it runs Lib/collections/__init__.py (and
    /// keyword, operator, reprlib, heapq, _collections_abc...): hundreds of GC allocations
    /// and automatic collections (`gc.collect(); gc.get_count()` (17, 0, 0) → (285, 2, 0)
    /// across `from collections import deque` at 3.6.15's prompt), blocks, code constants.
    /// `gc.disable(); gc.collect(); import collections; gc.collect()` finds 73 objects on
    /// 3.6.15 and 3.8.18 at the prompt, 76 (3.12.1) and 80 (3.13.0) in a script: garbage.
    /// Where start-up has imported it (see `collectionsPreloaded`), the import only reads
    /// sys.modules: nothing is declared (`from collections import deque` then counts as
    /// `from weakref import ref` does at 3.11.7's prompt: (29, 0, 0) → (29, 0, 0)).
    private func noteCollectionsImport() {
        noteUnmodelledImport("collections", blocks: "Lib/collections' code, keyword, operator, reprlib, heapq",
                             objects: "its classes, functions, code objects", leavesGarbage: true)
    }

    // MARK: - deque

    /// A deque's blocks are malloc'd (528 bytes each) and cached in a free-block array the
    /// engine does not place in its simulated malloc: addresses are unknown from the first
    /// deque on.
    private func noteDequeBlocks() {
        if unknownBlockSizes == nil {
            unknownBlockSizes = "a deque's blocks (PyMem_Malloc of 528 bytes, and the deque's cache of free blocks) "
                + "are not placed in heapbook's simulated malloc"
        }
    }

    /// deque_new + deque_init ("|OO:deque", keywords iterable and maxlen): maxlen None or an
    /// int >= 0 ("maxlen must be non-negative"), then deque_extend of the iterable.
    func newDequeCall(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        var iterable: ObjectRef? = args.first
        var maxlenArg: ObjectRef? = args.count > 1 ? args[1] : nil
        guard args.count <= 2 else { throw notModelled("deque() with more than two arguments") }
        for (k, v) in kwargs {
            switch k {
            case "iterable" where iterable == nil: iterable = v
            case "maxlen" where maxlenArg == nil: maxlenArg = v
            default: throw notModelled("deque() with the keyword '\(k)'")
            }
        }
        var maxlen: Int?
        if let m = maxlenArg, m != heap.none {
            guard heap.kind(m) == .int, case .int(let v) = heap.payload[Int(m)] else {
                throw notModelled("deque() with a maxlen that is not an int")
            }
            guard v >= 0 else { throw error("ValueError", "maxlen must be non-negative") }
            maxlen = v
        }
        if let it = iterable { try refuseDequeOperand(it, "deque() of a deque") }
        noteDequeBlocks()
        let d: ObjectRef
        do { d = try heap.newDeque(maxlen: maxlen) } catch { throw memoryError() }
        if let it = iterable {
            do { try dequeExtend(d, it, left: false) } catch { heap.decref(d); throw error }
        }
        return d
    }

    /// deque_extend / deque_extendleft: PyObject_GetIter, then each item appended (the
    /// iterator's new reference moves into the deque); a maxlen of 0 only consumes.
    func dequeExtend(_ d: ObjectRef, _ iterable: ObjectRef, left: Bool) throws {
        let dq = heap.deque(d)!
        if iterable == d { throw notModelled("extending a deque with itself") }
        try refuseDequeOperand(iterable, "extending a deque with a deque")
        let it = try getIter(iterable)
        defer { heap.decref(it) }
        if dq.maxlen == 0 {
            while let item = try next(it) { heap.decref(item) }
            return
        }
        if left { dq.prepareExtendLeft() } else { dq.prepareExtend() }
        while let item = try next(it) {
            if let old = left ? dq.appendleft(item) : dq.append(item) { heap.decref(old) }
        }
    }

    /// An operation on a deque the engine does not model.
    func refuseDequeOperand(_ r: ObjectRef, _ what: @autoclosure () -> String) throws {
        if heap.deque(r) != nil { throw notModelled(what()) }
    }

    /// deque_repr: "deque([...])" or "deque([...], maxlen=N)"; Py_ReprEnter's "[...]" for
    /// a deque inside itself. CPython lists the deque first (PySequence_List: a list and a
    /// deque iterator, both GC objects, made and freed): generation 0's count may pass
    /// threshold0 in between, which the engine does not model.
    func dequeRepr(_ r: ObjectRef, _ dq: DequeObject, depth: Int) throws -> String {
        if reprStack.contains(r) { return "[...]" }
        heap.countMayDiffer(by: 2)
        reprStack.insert(r)
        defer { reprStack.remove(r) }
        let inner = try dq.items.map { try repr($0, depth: depth + 1) }.joined(separator: ", ")
        if let m = dq.maxlen { return "deque([\(inner)], maxlen=\(m))" }
        return "deque([\(inner)])"
    }

    /// deque_contains: each item compared with PyObject_RichCompareBool(item, v), the deque's
    /// item first; a deque changed meanwhile raises RuntimeError (refused here).
    func dequeContains(_ dq: DequeObject, _ v: ObjectRef) throws -> Bool {
        var i = 0
        let state = dq.state
        while i < dq.count {
            let x = dq.items[i]
            heap.incref(x)
            let eq: Bool
            do { eq = try itemsEqual(x, v, held: [x]) } catch { heap.decref(x); throw error }
            heap.decref(x)
            if dq.state != state { throw notModelled("a deque mutated during `in`") }
            if eq { return true }
            i += 1
        }
        return false
    }

    /// deque_item: an int index ("deque index out of range"); slices are a TypeError in
    /// CPython ("sequence index must be integer, not 'slice'"), refused here.
    func dequeItem(_ dq: DequeObject, _ index: ObjectRef) throws -> ObjectRef {
        guard heap.kind(index) == .int, case .int(var i) = heap.payload[Int(index)] else {
            throw notModelled("a deque index that is not an int")
        }
        if i < 0 { i += dq.count }
        guard i >= 0, i < dq.count else { throw error("IndexError", "deque index out of range") }
        heap.incref(dq.items[i])
        return dq.items[i]
    }

    func defineDequeMethods() {
        defineMethod(.deque, "append") { i, s, args, _ in
            i.heap.incref(args[0])
            if let old = i.heap.deque(s!)!.append(args[0]) { i.heap.decref(old) }
            return i.heap.newNone()
        }
        defineMethod(.deque, "appendleft") { i, s, args, _ in
            i.heap.incref(args[0])
            if let old = i.heap.deque(s!)!.appendleft(args[0]) { i.heap.decref(old) }
            return i.heap.newNone()
        }
        defineMethod(.deque, "pop") { i, s, _, _ in
            guard let item = i.heap.deque(s!)!.pop() else { throw i.error("IndexError", "pop from an empty deque") }
            return item
        }
        defineMethod(.deque, "popleft") { i, s, _, _ in
            guard let item = i.heap.deque(s!)!.popleft() else { throw i.error("IndexError", "pop from an empty deque") }
            return item
        }
        defineMethod(.deque, "extend") { i, s, args, _ in
            try i.dequeExtend(s!, args[0], left: false)
            return i.heap.newNone()
        }
        defineMethod(.deque, "extendleft") { i, s, args, _ in
            try i.dequeExtend(s!, args[0], left: true)
            return i.heap.newNone()
        }
        defineMethod(.deque, "clear") { i, s, _, _ in
            for item in i.heap.deque(s!)!.takeAll() { i.heap.decref(item) }
            return i.heap.newNone()
        }
    }
}
