import HeapEngine

/// Iteration, unpacking and subscripts (Objects/iterobject.c, listobject.c, abstract.c).
extension Interpreter {
    /// GET_ITER: a new iterator object over `seq` (borrowed). See `IteratorState` for what
    /// each iterator holds.
    func getIter(_ seq: ObjectRef) throws -> ObjectRef {
        // A str spelled from an id() value has no known text (UnplacedIds.swift).
        try refuseUnplacedId(seq, "iterating")
        try refuseGenericAlias(seq, "iterating")
        // proxy_iter: the referent's iterator.
        if heap.isWeakProxy(seq) { return try withProxyReferent(seq) { try getIter($0) } }
        // mappingproxy_getiter: PyObject_GetIter(mapping), the dict's key iterator.
        if let d = mappingProxyTarget(seq) { return try getIter(d) }
        let type: ObjectRef
        var target: ObjectRef? = seq
        var range: RangeValue?
        var used = 0
        switch heap.payload[Int(seq)] {
        case .list: type = heap.builtinType(.listIterator)
        case .tuple: type = heap.builtinType(.tupleIterator)
        case .range(let r):
            type = heap.builtinType(.rangeIterator)
            target = nil; range = r
        case .dict(let dObject): let d = dObject.storage
            // odict_iter: an odict_iterator over the linked list (not modelled).
            if heap.isOrderedDict(seq) { throw notModelled("iterating a collections.OrderedDict") }
            type = heap.builtinType(.dictIterator)
            used = d.count
        case .set(let sObject): let s = sObject.storage
            type = heap.builtinType(.setIterator)
            used = s.count
        case .str(let s):
            // 3.11 (gh-91867): an ASCII str gets the faster str_ascii_iterator.
            type = profile.hasASCIIStrIterator && !s.isASCII ? heap.strIteratorType : heap.builtinType(.strIterator)
        case .iterator: heap.incref(seq); return seq
        case .native(let o) where o is GenObject || o is ItertoolsObject || o is ArrayIterObject: heap.incref(seq); return seq
        case .native(let o) where o is ArrayObject: return try newArrayIterator(seq)
        case .native(let o) where o is DequeObject: throw notModelled("iterating a deque")
        // memory_iter (3.10+) or the sequence protocol's iterator before: not modelled.
        case .native(let o) where o is MemoryViewObject: throw notModelled("iterating a memoryview")
        case .bytes: type = heap.bytesIteratorType
        case .native(let o) where o is ByteArrayObject: type = heap.byteArrayIteratorType
        case .instance:
            // slot_tp_iter, then PyObject_GetIter's PyIter_Check of the result (the error is
            // made before the result is released; text alike on 3.6.15-3.13.0).
            guard let m = try lookupSpecial(seq, "__iter__") else {
                try refuseSequenceIteration(seq)
                throw error("TypeError", "'\(typeName(seq))' object is not iterable")
            }
            let res = try callSpecial(m, seq, [])
            guard try isIterator(res) else {
                let e = error("TypeError", "iter() returned non-iterator of type '\(typeName(res))'")
                heap.decref(res)
                throw e
            }
            return res
        case .cell where dictView(seq) != nil:
            let view = dictView(seq)!
            target = view.dict
            used = dictStorage(view.dict).count
            switch view.kind {
            case .dictValues: type = heap.dictValueIteratorType
            case .dictItems: type = heap.dictItemIteratorType
            default: type = heap.builtinType(.dictIterator)
            }
        default:
            try refuseSequenceIteration(seq)
            throw error("TypeError", "'\(typeName(seq))' object is not iterable")
        }
        let state = IteratorState(seq: target, range: range)
        state.used = used
        state.remaining = used
        if let t = target { heap.incref(t) }
        let it: ObjectRef
        do { it = try heap.newObject(type: type, payload: .iterator(state)) } catch {
            if let t = target { heap.decref(t) }
            throw memoryError()
        }
        if type == heap.dictItemIteratorType {
            // dictiter_new: `di_result = PyTuple_Pack(2, Py_None, Py_None)`.
            heap.incref(heap.none); heap.incref(heap.none)
            do { state.result = try heap.newTuple([heap.none, heap.none]) } catch {
                heap.decref(heap.none); heap.decref(heap.none); heap.decref(it)
                throw memoryError()
            }
        }
        return it
    }

    /// GET_ITER on the stack: consumes `seq` (a new reference), also when it raises.
    func getIterReleasing(_ seq: ObjectRef) throws -> ObjectRef {
        defer { heap.decref(seq) }
        return try getIter(seq)
    }

    /// PyIter_Check: tp_iternext is set (the builtin iterators, generators, instances of a
    /// class with `__next__`).
    func isIterator(_ r: ObjectRef) throws -> Bool {
        switch heap.payload[Int(r)] {
        case .iterator: return true
        case .native(let o) where o is GenObject || o is ItertoolsObject || o is ArrayIterObject: return true
        case .instance: return try lookupSpecial(r, "__next__") != nil
        default: return false
        }
    }

    /// slot_tp_iternext: `__next__` called through the slot; a StopIteration it raises
    /// propagates (builtin next() passes it on as it is).
    func slotIterNext(_ it: ObjectRef) throws -> ObjectRef {
        guard let m = try lookupSpecial(it, "__next__") else {
            throw error("TypeError", "'\(typeName(it))' object is not an iterator")
        }
        return try callSpecial(m, it, [])
    }

    /// Whether `e` is a StopIteration (or a subclass), which FOR_ITER and the C iterators
    /// clear as the end of iteration.
    func isStopIteration(_ e: PyException) -> Bool { exceptionMatches(e, "StopIteration") }

    /// PyErr_ExceptionMatches: `e` is an instance of the builtin exception `name` or of a
    /// subclass of it.
    func exceptionMatches(_ e: PyException, _ name: String) -> Bool {
        guard let type = exceptionTypes[name] else { return false }
        return heap.typeInfo(of: e.exception).mro.contains(type)
    }

    /// FOR_ITER: the next item (a new reference) or nil when exhausted.
    func next(_ it: ObjectRef) throws -> ObjectRef? {
        if let gen = generator(it) { return try genNext(it, gen) }
        if let st = itertoolsObject(it) { return try itertoolsNext(st) }
        if let st = arrayIterObject(it) { return try arrayIterNext(st) }
        if case .instance = heap.payload[Int(it)] {
            // tp_iternext returned NULL with StopIteration set: cleared (PyErr_Clear), which
            // frees the exception and its traceback.
            do { return try slotIterNext(it) } catch let e as PyException where isStopIteration(e) {
                releaseException(e)
                return nil
            }
        }
        guard case .iterator(let state) = heap.payload[Int(it)] else {
            throw error("TypeError", "'\(typeName(it))' object is not an iterator")
        }
        switch heap.kind(it) {
        case .enumerate: return try enumNext(state)
        case .zip: return try zipNext(state)
        case .map: return try mapNext(state)
        case .filter: return try filterNext(state)
        case .reversed, .listReverseIterator: return try reversedNext(state)
        default: break
        }
        if let r = state.range {
            defer { state.position += 1 }
            return state.position < r.count ? try newInt(r[state.position]) : nil
        }
        guard let seq = state.seq else { return nil }
        let pos = state.position
        var item: ObjectRef?
        switch heap.payload[Int(seq)] {
        case .list(let l):
            if pos < l.items.count { item = l.items[pos]; heap.incref(item!) }
            state.position = pos + 1
        case .tuple(let t):
            if pos < t.count { item = t[pos]; heap.incref(item!) }
            state.position = pos + 1
        case .dict(let dObject): let d = dObject.storage
            if state.used != d.count {
                state.used = -1   // sticky
                throw error("RuntimeError", "dictionary changed size during iteration")
            }
            guard let e = d.nextEntry(from: pos) else { break }
            // bpo-19332 (3.8): same size, other keys.
            if state.remaining == 0 && profile.detectsDictKeysChanged {
                exhaust(state)
                throw error("RuntimeError", "dictionary keys changed during iteration")
            }
            state.position = e.position + 1
            state.remaining -= 1
            switch heap.typeOf[Int(it)] {
            case heap.dictValueIteratorType: heap.incref(e.value); item = e.value
            case heap.dictItemIteratorType:
                heap.incref(e.key); heap.incref(e.value)
                item = try heap.reuseItemResult(state, key: e.key, value: e.value) ?? newTuple([e.key, e.value])
            default: heap.incref(e.key); item = e.key
            }
        case .set(let sObject): let s = sObject.storage
            if state.used != s.count {
                state.used = -1
                throw error("RuntimeError", "Set changed size during iteration")
            }
            if pos == 0 && !state.orderBlind { try refuseUnknownOrder(s, seq) }
            guard let (slot, key) = s.nextKey(from: pos) else { break }
            state.position = slot + 1
            heap.incref(key); item = key
        case .str(let s):
            // The str is immutable, so the index into its scalars stays valid: O(1) a step.
            let scalars = s.value.unicodeScalars
            let index = state.strIndex ?? scalars.startIndex
            if index < scalars.endIndex {
                item = try newStr(String(Character(scalars[index])))
                state.strIndex = scalars.index(after: index)
            }
            state.position = pos + 1
        case .bytes(let b):
            // striter_next: a small int (0-255), nothing allocated.
            if pos < b.count { item = try newInt(Int(b[pos])) }
            state.position = pos + 1
        case .native(let o as ByteArrayObject):
            // bytearrayiter_next reads the length at each step: the bytearray may change.
            if pos < o.bytes.count { item = try newInt(Int(o.bytes[pos])) }
            state.position = pos + 1
        default: break
        }
        if item == nil { exhaust(state) }
        return item
    }

    /// The first NULL an iterator returns drops its sequence (`it->it_seq = NULL`).
    private func exhaust(_ state: IteratorState) {
        let seq = state.seq
        state.seq = nil
        heap.xdecref(seq)
    }

    /// Everything an iterable yields, as new references. `orderBlind`: the caller's result
    /// does not depend on the order of a set's items (set(), frozenset(), sorted()).
    /// `lengthHint`: the caller is CPython's code that asks PyObject_LengthHint first
    /// (list_extend, PySequence_Tuple), refused for a sized instance (`refuseLengthHint`);
    /// false for those that only iterate (set_update_internal, dict_fromkeys,
    /// PyDict_MergeFromSeq2).
    func iterateToArray(_ seq: ObjectRef, orderBlind: Bool = false, lengthHint: Bool = true) throws -> [ObjectRef] {
        if lengthHint { try refuseLengthHint(seq) }
        switch heap.payload[Int(seq)] {
        // CPython's fast paths (PySequence_Fast, list_extend, PySequence_Tuple) take exact
        // lists and tuples only; a subclass goes through its iterator (list_iter / tupleiter,
        // a real object).
        case .list(let l) where !heap.isBuiltinSubtypeInstance(seq): l.items.forEach(heap.incref); return l.items
        case .tuple(let t) where !heap.isBuiltinSubtypeInstance(seq): t.forEach(heap.incref); return t
        default:
            let it = try getIter(seq)
            defer { heap.decref(it) }
            if orderBlind, case .iterator(let state) = heap.payload[Int(it)] { state.orderBlind = true }
            var out: [ObjectRef] = []
            while let x = try next(it) { try step(); out.append(x) }
            return out
        }
    }

    /// UNPACK_SEQUENCE: exactly `count` new references.
    func unpack(_ seq: ObjectRef, count: Int) throws -> [ObjectRef] {
        try refuseWeakProxyOperand(seq, "unpacking a weakref proxy")
        try refuseUnplacedId(seq, "unpacking")
        switch heap.payload[Int(seq)] {
        case .list, .tuple, .str, .range, .dict, .set, .bytes, .iterator: break
        case .instance where try lookupSpecial(seq, "__iter__") != nil: break
        case .cell where dictView(seq) != nil: break
        case .native(let o) where o is ItertoolsObject || o is ArrayObject || o is ArrayIterObject:
            // unpack_iterable: `count` items, then one more next() to see the end (an
            // infinite count() or cycle() is read no further). An array is read through a
            // new arrayiterator (PyObject_GetIter), freed at the end.
            let it = try getIter(seq)
            defer { heap.decref(it) }
            let seq = it
            var items: [ObjectRef] = []
            do {
                while items.count < count {
                    guard let x = try next(seq) else {
                        throw error("ValueError", "not enough values to unpack (expected \(count), got \(items.count))")
                    }
                    items.append(x)
                }
                if let extra = try next(seq) {
                    heap.decref(extra)
                    throw error("ValueError", "too many values to unpack (expected \(count))")
                }
            } catch { items.forEach(heap.decref); throw error }
            return items
        default:
            try refuseSequenceIteration(seq)
            // bpo-28691 (3.8) gave unpacking its own message; 3.6.15 says the iter() one.
            throw error("TypeError", profile.unpackErrorSaysNotIterable
                        ? "'\(typeName(seq))' object is not iterable" : "cannot unpack non-iterable \(typeName(seq)) object")
        }
        let items = try iterateToArray(seq)
        if items.count != count {
            items.forEach(heap.decref)
            if items.count > count { throw error("ValueError", "too many values to unpack (expected \(count))") }
            throw error("ValueError", "not enough values to unpack (expected \(count), got \(items.count))")
        }
        return items
    }

    /// UNPACK_EX (ceval.c unpack_iterable with argcntafter >= 0): `before` items from the
    /// iterator, then PySequence_List of what is left (list_extend of the iterator: presized
    /// by its length hint, trimmed at the end), whose last `after` items are moved out by
    /// Py_SET_SIZE alone, so the starred list keeps its allocation. The iterator is freed
    /// after the list is made. Returns the new references in target order.
    func unpackEx(_ seq: ObjectRef, before: Int, after: Int) throws -> [ObjectRef] {
        try refuseWeakProxyOperand(seq, "unpacking a weakref proxy")
        try refuseUnplacedId(seq, "unpacking")
        switch heap.payload[Int(seq)] {
        case .list, .tuple, .str, .range, .dict, .set, .iterator: break
        case .native(let o) where o is GenObject || o is ItertoolsObject || o is ArrayObject || o is ArrayIterObject: break
        case .instance where try lookupSpecial(seq, "__iter__") != nil: try refuseLengthHint(seq)
        case .cell where dictView(seq) != nil: break
        default:
            try refuseSequenceIteration(seq)
            throw error("TypeError", profile.unpackErrorSaysNotIterable
                        ? "'\(typeName(seq))' object is not iterable" : "cannot unpack non-iterable \(typeName(seq)) object")
        }
        let it = try getIter(seq)
        defer { heap.decref(it) }
        var out: [ObjectRef] = []
        do {
            while out.count < before {
                guard let x = try next(it) else {
                    throw error("ValueError", "not enough values to unpack (expected at least \(before + after), got \(out.count))")
                }
                try step()
                out.append(x)
            }
        } catch { out.forEach(heap.decref); throw error }
        // PyObject_LengthHint(it, 8): the sequence iterators' __length_hint__ is what is
        // left; a generator has none.
        var hint: Int? = nil
        if case .native(let o) = heap.payload[Int(seq)], o is GenObject {
            hint = 8
        } else if case .instance = heap.payload[Int(it)] {
            // A user iterator: no `__len__` (refused) nor `__length_hint__` (refused on
            // classes), so _PyObject_LookupSpecial finds nothing and the default is used.
            try refuseLengthHint(it)
            hint = 8
        } else if generator(it) != nil {
            hint = 8   // `__iter__` returned a generator
        } else if arrayIterObject(it) != nil {
            hint = 8   // arrayiterator has no `__length_hint__` (dir() on 3.6.15 and 3.13.0)
        } else {
            // The iterator's __length_hint__, looked up as a bound builtin method
            // (_PyObject_LookupSpecial → method_get) and released once called: a GC object
            // for the collector's count, from the PyCFunction free list before 3.9.
            heap.incref(it)
            let method = try newBuiltinObject(BuiltinInfo(id: -1, selfRef: it))
            heap.decref(method)
        }
        var rest: [ObjectRef] = []
        do {
            // PySequence_List(it) → list_extend: PyObject_GetIter(it) again, which for a
            // user iterator calls its `__iter__` a second time; released once drained.
            var inner = it
            if case .instance = heap.payload[Int(it)] { inner = try getIter(it) } else { heap.incref(inner) }
            defer { heap.decref(inner) }
            while let x = try next(inner) { try step(); rest.append(x) }
        } catch { (out + rest).forEach(heap.decref); throw error }
        var storage = ListStorage(extending: rest, lengthHint: hint ?? rest.count, growth: layouts.listGrowth)
        let tail = rest.count >= after ? Array(rest.suffix(after)) : []
        if rest.count >= after { storage.items.removeLast(after) }   // Py_SET_SIZE(l, ll - argcntafter)
        let list: ObjectRef
        do { list = try heap.newList(storage) } catch { (out + rest).forEach(heap.decref); throw memoryError() }
        if rest.count < after {
            heap.decref(list)
            out.forEach(heap.decref)
            throw error("ValueError", "not enough values to unpack (expected at least \(before + after), got \(before + rest.count))")
        }
        return out + [list] + tail
    }

    func length(_ r: ObjectRef) throws -> Int {
        try refuseUnplacedId(r, "the length of")
        try refuseGenericAlias(r, "the length of")
        // proxy_length: PyObject_Length(referent).
        if heap.isWeakProxy(r) { return try withProxyReferent(r) { try length($0) } }
        switch heap.payload[Int(r)] {
        case .str(let s): return s.count
        case .bytes(let b): return b.count
        case .tuple(let t): return t.count
        case .list(let l): return l.count
        case .dict(let dObject): let d = dObject.storage; return d.count
        case .set(let sObject): let s = sObject.storage; return s.count
        case .range(let rv): return rv.count
        case .native(let o as DequeObject): return o.count
        case .native(let o as ByteArrayObject): return o.count
        case .native(let o as MemoryViewObject): return try memoryViewLength(o)
        case .native(let o as ArrayObject): return o.count
        case .native(let o as MappingProxy): return try length(o.mapping)   // mappingproxy_len
        case .cell(let d?) where dictView(r) != nil: return dictStorage(d).count
        case .instance:
            if let m = try lookupSpecial(r, "__len__") { return try slotLength(r, m) }
        default: break
        }
        throw error("TypeError", "object of type '\(typeName(r))' has no len()")
    }

    /// slot_sq_length (Objects/typeobject.c): `__len__`'s result through _PyNumber_Index
    /// ("'str' object cannot be interpreted as an integer"; `__index__` is refused on
    /// classes) and PyNumber_AsSsize_t(OverflowError): "cannot fit 'int' into an
    /// index-sized integer", "__len__() should return >= 0" (3.6.15-3.13.0). A bool is an
    /// int here. The result is released before the error is made.
    func slotLength(_ r: ObjectRef, _ m: ObjectRef) throws -> Int {
        let n = try callSpecial(m, r, [])
        let kind = heap.kind(n)
        switch heap.payload[Int(n)] {
        case .int(let v) where kind == .int || kind == .bool:
            heap.decref(n)
            if v < 0 { throw error("ValueError", "__len__() should return >= 0") }
            return v
        case .bigInt(let v) where kind == .int:
            if v.signum() < 0 && profile.lengthSignCheckedBeforeSize {
                heap.decref(n)
                throw error("ValueError", "__len__() should return >= 0")
            }
            // PyNumber_AsSsize_t raises before the result is released.
            let e = error("OverflowError", "cannot fit 'int' into an index-sized integer")
            heap.decref(n)
            throw e
        default:
            let e = error("TypeError", "'\(typeName(n))' object cannot be interpreted as an integer")
            heap.decref(n)
            throw e
        }
    }

    func intIndex(_ r: ObjectRef, _ what: String) throws -> Int {
        // An id() value as an index or slice bound: its magnitude is not known (UnplacedIds.swift).
        try refuseUnplacedId(r, "indexing with")
        if case .int(let v) = heap.payload[Int(r)] { return v }
        if case .bigInt = heap.payload[Int(r)] { throw error("IndexError", "cannot fit 'int' into an index-sized integer") }
        throw error("TypeError", what)
    }

    func normalizedIndex(_ i: Int, count: Int, _ message: String) throws -> Int {
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw error("IndexError", message) }
        return j
    }

    /// PySlice_Unpack + PySlice_AdjustIndices.
    func sliceIndices(_ slice: ObjectRef, count: Int) throws -> (start: Int, stop: Int, step: Int, length: Int) {
        guard case .tuple(let parts) = heap.payload[Int(slice)], parts.count == 3 else { return (0, 0, 1, 0) }
        func value(_ r: ObjectRef) throws -> Int? {
            if r == heap.none { return nil }
            return try intIndex(r, "slice indices must be integers or None or have an __index__ method")
        }
        let step = try value(parts[2]) ?? 1
        if step == 0 { throw error("ValueError", "slice step cannot be zero") }
        var start = try value(parts[0]) ?? (step < 0 ? Int.max : 0)
        var stop = try value(parts[1]) ?? (step < 0 ? Int.min : Int.max)
        func adjust(_ v: inout Int) {
            if v < 0 { v += count; if v < 0 { v = step < 0 ? -1 : 0 } }
            else if v >= count { v = step < 0 ? count - 1 : count }
        }
        adjust(&start); adjust(&stop)
        var length = 0
        if step > 0 { if start < stop { length = (stop - start - 1) / step + 1 } }
        else if stop < start { length = (start - stop - 1) / (-step) + 1 }
        return (start, stop, step, length)
    }

    func newSlice(_ lower: ObjectRef, _ upper: ObjectRef, _ step: ObjectRef) throws -> ObjectRef {
        // A slice object; its three parts are kept as a tuple payload.
        do { return try heap.newSlice(lower, upper, step) } catch {
            throw memoryError()
        }
    }

    func isSlice(_ r: ObjectRef) -> Bool { heap.kind(r) == .slice }

    /// compute_slice (Objects/rangeobject.c): the slice's indices into the range (as
    /// PySlice_AdjustIndices gives them) mapped through it: range(start + i*step,
    /// start + j*step, step*k). CPython computes with int objects, and the new range holds
    /// its start, stop, step and length as ints: refused unless all are small ints
    /// (cached, nothing allocated), which the engine's machine-integer ranges then match.
    private func rangeSlice(_ rv: RangeValue, _ index: ObjectRef) throws -> ObjectRef {
        let s = try sliceIndices(index, count: rv.count)
        let (start, o1) = rv.step.multipliedReportingOverflow(by: s.start)
        let (stop, o2) = rv.step.multipliedReportingOverflow(by: s.stop)
        let (step, o3) = rv.step.multipliedReportingOverflow(by: s.step)
        let sliced = RangeValue(start: rv.start &+ start, stop: rv.start &+ stop, step: step)
        let small = profile.smallIntMin...profile.smallIntMax
        guard !o1, !o2, !o3, [sliced.start, sliced.stop, sliced.step, sliced.count, s.start, s.stop, s.step].allSatisfy(small.contains) else {
            throw notModelled("slicing a range beyond the small ints", because: "the int objects compute_slice makes are not modelled")
        }
        do { return try heap.newObject(type: heap.builtinType(.range), payload: .range(sliced)) } catch { throw memoryError() }
    }

    func getItem(_ obj: ObjectRef, _ index: ObjectRef) throws -> ObjectRef {
        try refuseWeakProxyOperand(index, "a weakref proxy as a subscript")
        try refuseUnplacedId(obj, "a subscript of")
        try refuseGenericAlias(obj, "subscripting")
        // proxy_getitem: PyObject_GetItem(referent, key).
        if heap.isWeakProxy(obj) { return try withProxyReferent(obj) { try getItem($0, index) } }
        if let dq = heap.deque(obj) { return try dequeItem(dq, index) }
        if let ba = heap.byteArray(obj) { return try byteArrayItem(ba, index) }
        if let v = heap.memoryView(obj) { return try memoryViewItem(v, index) }
        if let a = heap.array(obj) { return try arrayItem(obj, a, index) }
        // mappingproxy_getitem: PyObject_GetItem(mapping, key).
        if let d = mappingProxyTarget(obj) { return try getItem(d, index) }
        switch heap.payload[Int(obj)] {
        case .list(let l):
            if isSlice(index) {
                let s = try sliceIndices(index, count: l.count)
                let items = stride(from: s.start, to: s.start + s.length * s.step, by: s.step).map { l.items[$0] }
                items.forEach(heap.incref)
                return try newList(items, extend: false)
            }
            let i = try normalizedIndex(try intIndex(index, "list indices must be integers or slices, not \(typeName(index))"), count: l.count, "list index out of range")
            heap.incref(l.items[i]); return l.items[i]
        case .tuple(let t):
            if isSlice(index) {
                let s = try sliceIndices(index, count: t.count)
                if s.step == 1 && s.length == t.count && heap.isExact(obj, .tuple) { heap.incref(obj); return obj }
                let items = stride(from: s.start, to: s.start + s.length * s.step, by: s.step).map { t[$0] }
                items.forEach(heap.incref)
                return try newTuple(items)
            }
            let i = try normalizedIndex(try intIndex(index, "tuple indices must be integers or slices, not \(typeName(index))"), count: t.count, "tuple index out of range")
            heap.incref(t[i]); return t[i]
        case .str(let s):
            let scalars = Array(s.value.unicodeScalars)
            if isSlice(index) {
                let sl = try sliceIndices(index, count: scalars.count)
                if sl.step == 1 && sl.length == scalars.count { heap.incref(obj); return obj }
                var out = String.UnicodeScalarView()
                for k in stride(from: sl.start, to: sl.start + sl.length * sl.step, by: sl.step) { out.append(scalars[k]) }
                return try newStr(String(out))
            }
            let i = try normalizedIndex(try intIndex(index, "string indices must be integers, not '\(typeName(index))'"), count: scalars.count, "string index out of range")
            return try newStr(String(Character(scalars[i])))
        case .bytes(let b):
            if isSlice(index) {
                let sl = try sliceIndices(index, count: b.count)
                return try newBytes(stride(from: sl.start, to: sl.start + sl.length * sl.step, by: sl.step).map { b[$0] })
            }
            let i = try normalizedIndex(try intIndex(index, "byte indices must be integers or slices, not \(typeName(index))"), count: b.count, "index out of range")
            return try newInt(Int(b[i]))
        case .range(let rv):
            if isSlice(index) { return try rangeSlice(rv, index) }
            let i = try normalizedIndex(try intIndex(index, "range indices must be integers or slices, not \(typeName(index))"), count: rv.count, "range object index out of range")
            return try newInt(rv[i])
        case .dict:
            guard let v = try dictGet(obj, index) else {
                if let v = try dictMissing(obj, index) { return v }
                heap.incref(index)
                throw try raiseNew("KeyError", args: [index])
            }
            heap.incref(v); return v
        case .instance:
            // slot_mp_subscript (3.6.15's call_method packs the key into a tuple).
            if let m = try lookupSpecial(obj, "__getitem__") { return try callSpecial(m, obj, [index]) }
            // 3.6's PyObject_GetItem tries the heap type's (empty) sequence methods for an
            // index: PySequence_GetItem's "'A' object does not support indexing".
            if profile.heapTypeSubscriptSaysIndexing, heap.kind(index) == .int || heap.kind(index) == .bool {
                throw error("TypeError", "'\(typeName(obj))' object does not support indexing")
            }
        case .type(let info):
            // ABCMeta's class: 3.9+'s Iterable.__class_getitem__, or "'ABCMeta' object is not subscriptable".
            try refuseWeakKeyDictClass(obj, "subscripting")
            // list[int], dict[str, int]... (GenericAliasObject.swift).
            if let alias = try subscriptBuiltinClass(obj, index) { return alias }
            // PyObject_GetItem on a type: `__class_getitem__` (PEP 560, 3.7; the builtin
            // generics list[int], dict[str, int]... of PEP 585, 3.9) makes a
            // types.GenericAlias or runs the class's own: not modelled.
            // The surface records a static type under its name after tp_name's module
            // (`weakref.ReferenceType`: ReferenceType); the modules' types it does not record
            // are `genericAliasModuleTypes`.
            if profile.minor >= 7, try lookupInType(obj, "__class_getitem__") != nil
                || (!info.isHeapType && surface.has(attribute: "__class_getitem__",
                                                    onType: String(info.name.split(separator: ".").last ?? "")))
                || (!info.isHeapType && genericAliasModuleTypes.contains(info.name))
                || (profile.minor >= 9 && isWeakSetOrInstance(obj)) {
                throw notModelled("\(info.name)[...] (__class_getitem__)")
            }
            // PEP 585 (3.9) also words the error after the type: "'type' object" before.
            throw error("TypeError", profile.minor >= 9 ? "type '\(info.name)' is not subscriptable" : "'type' object is not subscriptable")
        case .set where profile.heapTypeSubscriptSaysIndexing && (heap.kind(index) == .int || heap.kind(index) == .bool),
             .cell where profile.heapTypeSubscriptSaysIndexing && dictView(obj) != nil && (heap.kind(index) == .int || heap.kind(index) == .bool):
            // 3.6: sets and the dict views have sequence methods without sq_item.
            throw error("TypeError", "'\(typeName(obj))' object does not support indexing")
        default: break
        }
        throw error("TypeError", "'\(typeName(obj))' object is not subscriptable")
    }

    func setItem(_ obj: ObjectRef, _ index: ObjectRef, _ value: ObjectRef) throws {
        try refuseGenericAlias(obj, "item assignment on")
        try refuseWeakProxyOperand(index, "a weakref proxy as a subscript")
        // proxy_setitem: PyObject_SetItem(referent, key, value).
        if heap.isWeakProxy(obj) { return try withProxyReferent(obj) { try setItem($0, index, value) } }
        try refuseDequeOperand(obj, "deque item assignment")
        if let ba = heap.byteArray(obj) { return try byteArraySetItem(ba, index, value) }
        if let v = heap.memoryView(obj) { return try memoryViewSetItem(v, index, value) }
        if let a = heap.array(obj) { return try arraySetItem(obj, a, index, value) }
        // Not inside the switch below: its subject is a copy of the payload that lives as long
        // as the switch, so the dict's arrays would be shared and copied by every insert.
        if heap.isOrderedDict(obj) { return try odictSetItem(obj, index, value) }
        if case .dict = heap.payload[Int(obj)] { return try dictSet(obj, index, value) }
        switch heap.payload[Int(obj)] {
        case .list(let l):
            if isSlice(index) {
                let s = try sliceIndices(index, count: l.count)
                guard s.step == 1 else { throw UnsupportedAtRuntime(what: "extended slice assignment") }
                let replacement = try iterateToArray(value)
                let removed = try mutateList(obj) { st in st.assignSlice(s.start, max(s.start, s.stop), with: replacement) }
                removed.forEach(heap.decref)
                return
            }
            let i = try normalizedIndex(try intIndex(index, "list indices must be integers or slices, not \(typeName(index))"), count: l.count, "list assignment index out of range")
            heap.incref(value)
            let old: ObjectRef = heap.withPayload(obj) { p in
                guard case .list(var st) = p else { preconditionFailure() }
                p = .empty
                let o = st.items[i]
                st.items[i] = value
                p = .list(st)
                return o
            }
            heap.decref(old)
        case .instance:
            // slot_mp_ass_subscript: set when the class has `__setitem__` or `__delitem__`.
            if let m = try lookupSpecial(obj, "__setitem__") { heap.decref(try callSpecial(m, obj, [index, value])); return }
            try refuseMissingSlotHalf(obj, "__delitem__", missing: "__setitem__")
            throw error("TypeError", "'\(typeName(obj))' object does not support item assignment")
        default:
            throw error("TypeError", "'\(typeName(obj))' object does not support item assignment")
        }
    }

    func delItem(_ obj: ObjectRef, _ index: ObjectRef) throws {
        try refuseGenericAlias(obj, "item deletion on")
        try refuseWeakProxyOperand(index, "a weakref proxy as a subscript")
        // proxy_setitem with no value: PyObject_DelItem(referent, key).
        if heap.isWeakProxy(obj) { return try withProxyReferent(obj) { try delItem($0, index) } }
        try refuseDequeOperand(obj, "deque item deletion")
        try refuseByteArrayOperand(obj, "bytearray item deletion")
        if let v = heap.memoryView(obj) { return try memoryViewSetItem(v, index, nil) }
        if let a = heap.array(obj) { return try arrayDelItem(obj, a, index) }
        if heap.isOrderedDict(obj) { return try odictDelItem(obj, index) }
        switch heap.payload[Int(obj)] {
        case .list(let l):
            if isSlice(index) {
                let s = try sliceIndices(index, count: l.count)
                let removed: [ObjectRef]
                if s.step == 1 {
                    removed = try mutateList(obj) { st in st.assignSlice(s.start, max(s.start, s.stop), with: []) }
                } else {
                    let indices = stride(from: s.start, to: s.start + s.length * s.step, by: s.step).map { $0 }
                    removed = try mutateList(obj) { st in st.deleteExtendedSlice(indices) }
                }
                removed.forEach(heap.decref)
                return
            }
            let i = try normalizedIndex(try intIndex(index, "list indices must be integers or slices, not \(typeName(index))"), count: l.count, "list assignment index out of range")
            let resizes = layouts.listDelItemResizes
            let old = try mutateList(obj) { st in resizes ? st.remove(at: i) : st.deleteItemKeepingAllocation(at: i) }
            heap.decref(old)
        case .dict:
            guard let (k, v) = try dictRemove(obj, index) else {
                heap.incref(index)
                throw try raiseNew("KeyError", args: [index])
            }
            heap.decref(k); heap.decref(v)
        case .instance:
            if let m = try lookupSpecial(obj, "__delitem__") { heap.decref(try callSpecial(m, obj, [index])); return }
            try refuseMissingSlotHalf(obj, "__setitem__", missing: "__delitem__")
            throw try cannotDeleteItem(obj, index)
        default:
            throw try cannotDeleteItem(obj, index)
        }
    }

    /// PyObject_DelItem on a type that cannot delete items: an index into a type with
    /// tp_as_sequence goes to PySequence_DelItem ("doesn't support"), anything else ends in
    /// PyObject_DelItem's own "does not support" (the same texts on 3.6.15-3.13.0). Every
    /// heap type has tp_as_sequence; among builtins tuple, str, bytes, set, frozenset, range
    /// and the dict views do.
    private func cannotDeleteItem(_ obj: ObjectRef, _ index: ObjectRef) throws -> PyException {
        var isIndex = false
        switch heap.payload[Int(index)] {
        case .int, .bigInt: isIndex = true
        case .instance where try lookupSpecial(index, "__index__") != nil:
            throw notModelled("deleting an item with a '\(typeName(index))' index", because: "PySequence_DelItem's call of __index__ is not modelled")
        default: break
        }
        var hasSequenceMethods = dictView(obj) != nil || heap.typeInfo(of: obj).isHeapType
        switch heap.payload[Int(obj)] {
        case .tuple where heap.kind(obj) != .slice: hasSequenceMethods = true
        case .str, .bytes, .set, .range: hasSequenceMethods = true
        default: break
        }
        let says = isIndex && hasSequenceMethods ? "doesn't" : "does not"
        return error("TypeError", "'\(typeName(obj))' object \(says) support item deletion")
    }

    /// slot_mp_ass_subscript serves both `__setitem__` and `__delitem__`: with only one of
    /// them, the other use raises call_method's AttributeError carrying the interned slot
    /// name ("AttributeError: __setitem__", 3.6.15-3.13.0), an object the engine does not
    /// keep: refused.
    func refuseMissingSlotHalf(_ obj: ObjectRef, _ present: String, missing: String) throws {
        if try lookupSpecial(obj, present) != nil {
            throw notModelled("\(missing) missing where \(present) is defined", because: "the AttributeError slot_mp_ass_subscript raises then is not modelled")
        }
    }

    /// PyObject_LengthHint (list(), tuple(), list.extend, sorted, str.join, unpacking with
    /// a star) calls an iterable's `__len__` before iterating it; the engine's consumers do
    /// not model that call, so iterating an instance whose class has `__len__` is refused.
    func refuseLengthHint(_ seq: ObjectRef) throws {
        guard case .instance = heap.payload[Int(seq)], try lookupSpecial(seq, "__len__") != nil else { return }
        throw notModelled("iterating a '\(typeName(seq))' object that has __len__", because: "the length hint (PyObject_LengthHint) calling __len__ is not modelled")
    }

    /// An instance whose class defines `__getitem__` but not `__iter__` is iterable through
    /// the old sequence protocol (PySeqIter_New calling `__getitem__` with 0, 1, ... until
    /// IndexError), which the engine does not model: refused wherever CPython would iterate.
    func refuseSequenceIteration(_ seq: ObjectRef) throws {
        try refuseDequeOperand(seq, "iterating a deque")
        guard case .instance = heap.payload[Int(seq)] else { return }
        if try lookupSpecial(seq, "__iter__") == nil, try lookupSpecial(seq, "__getitem__") != nil {
            throw notModelled("iteration of a '\(typeName(seq))' object through __getitem__", because: "the sequence iterator protocol is not modelled")
        }
    }
}
