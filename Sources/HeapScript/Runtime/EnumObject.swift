import HeapEngine

/// enumerate and reversed (Objects/enumobject.c), list_reverseiterator (Objects/listobject.c)
/// and zip (Python/bltinmodule.c): iterator objects over other iterators or sequences, each
/// an `IteratorState` in its own type.
///
/// What each one's state holds (the references its tp_traverse visits):
/// - enumerate: `seq` is en_sit, the iterator of the iterable (never dropped: an exhausted
///   enumerate asks it again); `position` is en_index; `result` is en_result, the 2-tuple it
///   reuses while no one else holds it.
/// - zip: `seq` is ittuple, the tuple of the arguments' iterators; `result` is its reused
///   tuple. Neither is dropped when an iterator runs out.
/// - reversed and list_reverseiterator: `seq` is the sequence, `position` the next index
///   (counting down); the first exhausted call drops the sequence.
extension Interpreter {
    /// enum_new_impl: the object first, then the iterator, then en_result = (None, None).
    func newEnumerate(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        // The argument errors (missing iterable, `start=` by keyword, a start that is no int
        // or does not fit a Py_ssize_t) are worded per version: refused.
        guard kwargs.isEmpty, (1...2).contains(args.count) else { throw notModelled("enumerate() with these arguments") }
        var start = 0
        if args.count == 2 {
            guard heap.kind(args[1]) == .int, case .int(let v) = heap.payload[Int(args[1])] else {
                throw notModelled("enumerate() with a start that is not a small int")
            }
            start = v
        }
        let state = IteratorState(seq: nil)
        state.position = start
        let en: ObjectRef
        do { en = try heap.newObject(type: type, payload: .iterator(state)) } catch { throw memoryError() }
        do {
            state.seq = try getIter(args[0])
            state.result = try noneTuple(2)
        } catch { heap.decref(en); throw error }
        return en
    }

    /// enum_next: the next item of en_sit and the index, in en_result when the enumerate holds
    /// the only reference to it (bpo-42536: tracked again from 3.10), else in a new tuple.
    func enumNext(_ state: IteratorState) throws -> ObjectRef? {
        guard let sit = state.seq, let item = try next(sit) else { return nil }
        let index: ObjectRef
        do { index = try newInt(state.position) } catch { heap.decref(item); throw error }
        state.position += 1
        if let reused = heap.reuseItemResult(state, key: index, value: item) { return reused }
        return try newTuple([index, item])
    }

    /// zip_new: ittuple and the iterators, result = (None,) * n, then the object. zip has no
    /// vectorcall (3.6.15 to 3.13.0): tp_call packs the arguments into a tuple first, which
    /// `callBuiltinType` models before 3.9 and this does from 3.9.
    func newZip(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        // `strict=` (3.10+), and the TypeError for an argument that is not iterable (worded
        // "zip argument #N must support iteration" before 3.10): refused.
        guard kwargs.isEmpty else { throw notModelled("zip() with keyword arguments") }
        for a in args where !isIterable(a) { throw notModelled("zip() of a '\(typeName(a))' object") }
        var packed = FreeListCounts()
        if !profile.typeCallPacksArguments && !args.isEmpty {
            packed.tuples = Array(repeating: 0, count: args.count) + [1]
        }
        let held = heap.takeFromFreeLists(packed)
        defer { heap.releaseWorkingSet(held) }
        let ittuple = try noneTuple(args.count)
        do {
            for (n, a) in args.enumerated() { try setTupleItem(ittuple, n, try getIter(a)) }
        } catch { heap.decref(ittuple); throw error }
        let result: ObjectRef
        do { result = try noneTuple(args.count) } catch { heap.decref(ittuple); throw error }
        let state = IteratorState(seq: ittuple)
        state.result = result
        do { return try heap.newObject(type: type, payload: .iterator(state)) } catch {
            heap.decref(result); heap.decref(ittuple); throw memoryError()
        }
    }

    /// zip_next: into the reused result tuple item by item (an iterator that runs out leaves
    /// the items already replaced there), or into a new tuple made before the items.
    func zipNext(_ state: IteratorState) throws -> ObjectRef? {
        guard let ittuple = state.seq, case .tuple(let iterators) = heap.payload[Int(ittuple)],
              !iterators.isEmpty else { return nil }
        if let result = state.result, heap.refcnt[Int(result)] == 1 {
            heap.incref(result)
            for (n, it) in iterators.enumerated() {
                let item: ObjectRef?
                do { item = try next(it) } catch { heap.decref(result); throw error }
                guard let item else { heap.decref(result); return nil }
                try setTupleItem(result, n, item)
            }
            if profile.retracksReusedItemResult && !heap.gc.isTracked(result) { heap.gc.track(result) }
            return result
        }
        let result = try noneTuple(iterators.count)
        for (n, it) in iterators.enumerated() {
            let item: ObjectRef?
            do { item = try next(it) } catch { heap.decref(result); throw error }
            guard let item else { heap.decref(result); return nil }
            try setTupleItem(result, n, item)
        }
        return result
    }

    /// reversed(seq): list and range through their `__reversed__` (a bound method looked up and
    /// released: list_reverseiterator, a range_iterator counting down), tuple and str through
    /// the sequence protocol (reversed_new_impl).
    func newReversed(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard kwargs.isEmpty, args.count == 1 else { throw notModelled("reversed() with these arguments") }
        let seq = args[0]
        switch heap.payload[Int(seq)] {
        case .list(let l):
            let method = try boundReversed(seq)
            defer { heap.decref(method) }
            let state = IteratorState(seq: seq)
            state.position = l.items.count - 1
            heap.incref(seq)
            do { return try heap.newObject(type: heap.builtinType(.listReverseIterator), payload: .iterator(state)) } catch {
                heap.decref(seq); throw memoryError()
            }
        case .range(let r):
            let method = try boundReversed(seq)
            defer { heap.decref(method) }
            let last = r.count > 0 ? r[r.count - 1] : r.start - r.step
            let state = IteratorState(seq: nil, range: RangeValue(start: last, stop: r.start - r.step, step: -r.step))
            do { return try heap.newObject(type: heap.builtinType(.rangeIterator), payload: .iterator(state)) } catch {
                throw memoryError()
            }
        case .tuple, .str:
            guard !heap.typeInfo(of: seq).isHeapType else { throw notModelled("reversed() of a '\(typeName(seq))' object") }
            let state = IteratorState(seq: seq)
            state.position = try length(seq) - 1
            heap.incref(seq)
            do { return try heap.newObject(type: heap.builtinType(.reversed), payload: .iterator(state)) } catch {
                heap.decref(seq); throw memoryError()
            }
        default:
            throw notModelled("reversed() of a '\(typeName(seq))' object")
        }
    }

    /// _PyObject_LookupSpecial(seq, "__reversed__"): a bound builtin method, made and freed
    /// around the call (a GC object; off the free list before 3.9).
    private func boundReversed(_ seq: ObjectRef) throws -> ObjectRef {
        heap.incref(seq)
        do { return try newBuiltinObject(BuiltinInfo(id: reversedMethod, selfRef: seq)) } catch {
            heap.decref(seq); throw error
        }
    }

    /// reversed_next / listreviter_next: the item at the index, counting down; the first
    /// call past the start drops the sequence.
    func reversedNext(_ state: IteratorState) throws -> ObjectRef? {
        guard let seq = state.seq else { return nil }
        let index = state.position
        if index < 0 && profile.listReverseIteratorKeepsList && heap.kind(seq) == .list { return nil }
        var item: ObjectRef?
        switch heap.payload[Int(seq)] {
        case .list(let l) where index >= 0 && index < l.items.count: item = l.items[index]; heap.incref(item!)
        case .tuple(let t) where index >= 0: item = t[index]; heap.incref(item!)
        case .str where index >= 0:
            let i = try newInt(index)
            defer { heap.decref(i) }
            item = try getItem(seq, i)
        default: break
        }
        if item != nil {
            state.position = index - 1
        } else {
            state.position = -1
            state.seq = nil
            heap.decref(seq)
        }
        return item
    }

    /// A new tuple of `n` Nones (PyTuple_New, then filled): zip and enumerate make their
    /// result tuples before the items exist.
    func noneTuple(_ n: Int) throws -> ObjectRef {
        let items = [ObjectRef](repeating: heap.none, count: n)
        items.forEach(heap.incref)
        return try newTuple(items)
    }

    /// PyTuple_SET_ITEM on a tuple this code owns: takes `item`, releases the old item.
    func setTupleItem(_ tuple: ObjectRef, _ n: Int, _ item: ObjectRef) throws {
        let old: ObjectRef = heap.withPayload(tuple) { p in
            guard case .tuple(var items) = p else { return item }
            let o = items[n]
            items[n] = item
            p = .tuple(items)
            return o
        }
        heap.decref(old)
    }

    private func isIterable(_ r: ObjectRef) -> Bool {
        switch heap.payload[Int(r)] {
        case .list, .tuple, .range, .dict, .set, .str, .iterator: return true
        // A generator's next runs its frame between zip_next's steps, which (like map's
        // and enumerate's) call tp_iternext in CPython's order.
        case .native(let o) where o is ItertoolsObject || o is GenObject: return true
        case .cell: return dictView(r) != nil
        default: return false
        }
    }
}

/// map and filter (Python/bltinmodule.c), `IteratorState`s in their own types. map keeps
/// `seq` = iters (the tuple of the arguments' iterators) and `result` = func; filter keeps
/// `seq` = func and `result` = it, so that deallocation releases them in CPython's order
/// (map_dealloc: iters, func; filter_dealloc: func, it).
extension Interpreter {
    /// map_new / map_vectorcall: the iterators' tuple, each argument's iterator, then the object.
    func newMap(_ type: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        let iters = try noneTuple(args.count - 1)
        do {
            for (n, a) in args.dropFirst().enumerated() { try setTupleItem(iters, n, try getIter(a)) }
        } catch { heap.decref(iters); throw error }
        heap.incref(args[0])
        let state = IteratorState(seq: iters)
        state.result = args[0]
        do { return try heap.newObject(type: type, payload: .iterator(state)) } catch {
            heap.decref(iters); heap.decref(args[0]); throw memoryError()
        }
    }

    /// map_next: one item from each iterator (none when any runs out), then func called on
    /// them (the vectorcall small stack: no argument tuple is made).
    func mapNext(_ state: IteratorState) throws -> ObjectRef? {
        guard let iters = state.seq, let fn = state.result, case .tuple(let iterators) = heap.payload[Int(iters)] else {
            return nil
        }
        var items: [ObjectRef] = []
        for it in iterators {
            let item: ObjectRef?
            do { item = try next(it) } catch { items.forEach(heap.decref); throw error }
            guard let item else { items.forEach(heap.decref); return nil }
            items.append(item)
        }
        return try call(fn, items, [])   // consumes the items
    }

    /// filter_new / filter_vectorcall: the iterator, then the object.
    func newFilter(_ type: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        let it = try getIter(args[1])
        heap.incref(args[0])
        let state = IteratorState(seq: args[0])
        state.result = it
        do { return try heap.newObject(type: type, payload: .iterator(state)) } catch {
            heap.decref(args[0]); heap.decref(it); throw memoryError()
        }
    }

    /// filter_next: the next item whose truth (None or bool as the function: the item's own)
    /// is true; the others are released as they are passed over.
    func filterNext(_ state: IteratorState) throws -> ObjectRef? {
        guard let fn = state.seq, let it = state.result else { return nil }
        while let item = try next(it) {
            let ok: Bool
            do {
                if fn == heap.none || fn == heap.builtinType(.bool) {
                    ok = try isTrue(item)
                } else {
                    heap.incref(item)   // the call consumes its arguments
                    let good = try call(fn, [item], [])
                    defer { heap.decref(good) }
                    ok = try isTrue(good)
                }
            } catch { heap.decref(item); throw error }
            if ok { return item }
            heap.decref(item)
        }
        return nil
    }
}
