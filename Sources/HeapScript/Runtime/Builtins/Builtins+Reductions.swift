import HeapEngine

// Python/bltinmodule.c's builtin_sum, min_max, builtin_any and builtin_all: they take their
// argument's items one at a time (PyIter_Next) and release each before taking the next, so
// a generator argument runs one step per item and the items of an iterator never all live
// at once; any() and all() stop at the first item that decides.
//
// sum() adds exact ints in a C long and exact floats in a C double, making no int or float
// object until the end (or until an item leaves the fast path: then the partial sum becomes
// an object and the generic PyNumber_Add loop takes over). From 3.12 the float path
// compensates its rounding errors (Neumaier): `sum([0.1] * 10)` is 1.0 on 3.12.1 and
// 0.9999999999999999 on 3.11.7. Before 3.11 a bool item leaves the int path.

extension Interpreter {
    func builtinSum(_ iterable: ObjectRef, start: ObjectRef?) throws -> ObjectRef {
        let it = try getIter(iterable)
        defer { heap.decref(it) }
        var result: ObjectRef
        if let start {
            let kind = heap.kind(start)
            if kind == .str { throw error("TypeError", "sum() can't sum strings [use ''.join(seq) instead]") }
            if kind == .bytes { throw error("TypeError", "sum() can't sum bytes [use b''.join(seq) instead]") }
            heap.incref(start)
            result = start
        } else {
            result = try newInt(0)
        }
        let intType = heap.builtinType(.int), floatType = heap.builtinType(.float)
        // An id() value goes the generic way, whose `+` refuses it (UnplacedIds.swift).
        func smallInt(_ r: ObjectRef) -> Int? {
            if unplacedId(r) != nil { return nil }
            let t = heap.typeOf[Int(r)]
            guard t == intType || (t == heap.builtinType(.bool) && profile.minor >= 11),
                  case .int(let v) = heap.payload[Int(r)] else { return nil }
            return v
        }
        // The int path.
        if heap.typeOf[Int(result)] == intType, case .int(var acc) = heap.payload[Int(result)] {
            heap.decref(result)
            while true {
                guard let item = try next(it) else { return try newInt(acc) }
                try step()
                if let b = smallInt(item) {
                    let (sum, overflow) = acc.addingReportingOverflow(b)
                    if !overflow { acc = sum; heap.decref(item); continue }
                }
                result = try addReleasing(try newInt(acc), item)
                break
            }
        }
        // The float path.
        if heap.typeOf[Int(result)] == floatType, case .float(var acc) = heap.payload[Int(result)] {
            heap.decref(result)
            var compensation = 0.0
            let neumaier = profile.minor >= 12
            func total() -> Double {
                neumaier && compensation != 0 && compensation.isFinite ? acc + compensation : acc
            }
            while true {
                guard let item = try next(it) else { return try newFloat(total()) }
                try step()
                if heap.typeOf[Int(item)] == floatType, case .float(let x) = heap.payload[Int(item)] {
                    let t = acc + x
                    if neumaier { compensation += abs(acc) >= abs(x) ? (acc - t) + x : (x - t) + acc }
                    acc = t
                    heap.decref(item)
                    continue
                }
                if let b = smallInt(item) {
                    acc += Double(b)
                    heap.decref(item)
                    continue
                }
                result = try addReleasing(try newFloat(total()), item)
                break
            }
        }
        // The generic path.
        while let item = try next(it) {
            try step()
            result = try addReleasing(result, item)
        }
        return result
    }

    /// `temp = PyNumber_Add(result, item); Py_DECREF(result); Py_DECREF(item)`.
    private func addReleasing(_ result: ObjectRef, _ item: ObjectRef) throws -> ObjectRef {
        defer { heap.decref(result); heap.decref(item) }
        return try binaryOp(.add, result, item)
    }

    /// min_max (Python/bltinmodule.c): over one iterable, or over the positional arguments
    /// themselves when there are several. Each item's value is the item or, with `key`, a C
    /// caller's call of it; the best item and value so far are kept. A better one releases
    /// the old value, then the old item; a worse one releases the item, then its value. At
    /// the end the best value is released and the best item returned; with nothing seen,
    /// `default` or the ValueError (reworded in 3.12).
    func builtinMinMax(_ name: String, _ op: CompareOp, _ args: [ObjectRef],
                       _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        var key: ObjectRef?, defaultValue: ObjectRef?
        for (k, v) in kwargs {
            // key=None is no key from 3.8; 3.6.15 calls it: "'NoneType' object
            // is not callable".
            if k == "key", v != heap.none || profile.minor < 8 { key = v }
            if k == "default" { defaultValue = v }
        }
        if args.count > 1, defaultValue != nil {
            throw error("TypeError", "Cannot specify a default for \(name)() with multiple positional arguments")
        }
        let it = args.count == 1 ? try getIter(args[0]) : nil
        defer { it.map(heap.decref) }
        var rest = args[...]
        func nextItem() throws -> ObjectRef? {
            if let it { return try next(it) }
            guard let item = rest.popFirst() else { return nil }
            heap.incref(item)
            return item
        }
        var best: (item: ObjectRef, value: ObjectRef)?
        func releaseBest() { if let best { heap.decref(best.value); heap.decref(best.item) } }
        while let item = try { do { return try nextItem() } catch { releaseBest(); throw error } }() {
            do { try step() } catch { heap.decref(item); releaseBest(); throw error }
            let value: ObjectRef
            if let key {
                heap.incref(item)
                do { value = try callFromC(key, [item]) } catch { heap.decref(item); releaseBest(); throw error }
            } else {
                heap.incref(item)
                value = item
            }
            guard let b = best else { best = (item, value); continue }
            let better: Bool
            do { better = try ordered(op, value, b.value) } catch {
                heap.decref(value); heap.decref(item); releaseBest(); throw error
            }
            if better {
                heap.decref(b.value); heap.decref(b.item)
                best = (item, value)
            } else {
                heap.decref(item); heap.decref(value)
            }
        }
        guard let best else {
            if let defaultValue { heap.incref(defaultValue); return defaultValue }
            throw error("ValueError", profile.minor >= 12 ? "\(name)() iterable argument is empty" : "\(name)() arg is an empty sequence")
        }
        heap.decref(best.value)
        return best.item
    }

    /// builtin_any / builtin_all: stops at the first item whose truth is `decisive`.
    func builtinAnyAll(_ iterable: ObjectRef, decisive: Bool) throws -> ObjectRef {
        let it = try getIter(iterable)
        defer { heap.decref(it) }
        while let item = try next(it) {
            defer { heap.decref(item) }
            try step()
            if try isTrue(item) == decisive { return heap.newBool(decisive) }
        }
        return heap.newBool(!decisive)
    }
}
