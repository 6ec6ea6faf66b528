import HeapEngine

// Objects/listobject.c: list_sort_impl's timsort where comparing the items runs a class's
// comparison method, so the order of the `__lt__` calls is visible (each may print, or
// look at the list). Modelled for lists shorter than 64 items (minrun is the whole list:
// count_run, then binarysort) on 3.6-3.12; 3.13's count_run (gh-116554) and the merges
// of longer lists are refused.

/// list_sort_impl for fewer than 64 items, where minrun is the whole list: count_run (the run
/// at the start, reversed when strictly descending), then binarysort of the rest into it,
/// `isLess` called in CPython's order. An error leaves `items` as far as the sort got.
func shortTimsort<T>(_ items: inout [T], isLess: (T, T) throws -> Bool) throws {
    guard items.count > 1 else { return }
    var n = 2
    if try isLess(items[1], items[0]) {
        while n < items.count, try isLess(items[n], items[n - 1]) { n += 1 }
        items[0..<n].reverse()
    } else {
        while n < items.count, !(try isLess(items[n], items[n - 1])) { n += 1 }
    }
    for start in n..<items.count {
        let pivot = items[start]
        var lo = 0, hi = start
        repeat {
            let p = lo + ((hi - lo) >> 1)
            if try isLess(pivot, items[p]) { hi = p } else { lo = p + 1 }
        } while lo < hi
        items.remove(at: start)
        items.insert(pivot, at: lo)
    }
}

extension Interpreter {
    /// Whether sorting `r` among other items may run a class's comparison method: such an
    /// instance, or a tuple or list holding one (compared item by item).
    func sortComparesInPython(_ r: ObjectRef) throws -> Bool {
        if try hasSlotRichCompare(r) { return true }
        guard let items = sequenceItems(r) else { return false }
        return try items.contains(where: sortComparesInPython)
    }

    /// list.sort() of items some of which compare in Python (see the top of this file).
    /// The list is empty while it sorts (`len(lst)` in `__lt__` is 0); `reverse` reverses
    /// the items before and after (stability). An exception leaves the items in the order
    /// the sort had reached. A list changed during the sort ("list modified during sort") is
    /// refused.
    func sortListCallingPython(_ l: ObjectRef, reverse: Bool) throws {
        let why = "sorting objects with comparison methods of a class"
        guard profile.minor < 13 else { throw notModelled(why, because: "3.13's count_run is not modelled") }
        var items = listItems(l)
        guard items.count < 64 else { throw notModelled(why, because: "timsort's merges (64 items or more) are not modelled") }
        for r in items where try !hasSlotRichCompare(r) && sortComparesInPython(r) {
            throw notModelled(why, because: "comparing tuples or lists of them in a sort is not modelled")
        }
        // 3.7+: items all of one type compare through its tp_richcompare directly
        // (unsafe_object_compare, PyObject_RichCompareBool only after NotImplemented); a mix,
        // and 3.6, through PyObject_RichCompareBool (do_richcompare).
        let sameType = profile.minor >= 7 && items.allSatisfy { heap.typeOf[Int($0)] == heap.typeOf[Int(items[0])] }
        let saved = heap.withPayload(l) { p -> ListStorage in
            guard case .list(let st) = p else { preconditionFailure("not a list") }
            p = .list(ListStorage())
            return st
        }
        func restore() throws {
            let changed = heap.withPayload(l) { p -> Bool in
                guard case .list(let st) = p else { preconditionFailure("not a list") }
                var back = saved
                back.items = items
                p = .list(back)
                return st.count != 0 || st.allocated != 0
            }
            if changed { throw notModelled("a list changed while it was sorted") }
        }
        func isLess(_ x: ObjectRef, _ y: ObjectRef) throws -> Bool {
            if sameType {
                let r = try typeRichCompare(x, y, .lt)
                if r != heap.notImplemented {
                    defer { heap.decref(r) }
                    return heap.kind(r) == .bool ? r == heap.trueRef : try isTrue(r)
                }
                heap.decref(r)
            }
            return try richCompareTruth(.lt, x, y)
        }
        do {
            if reverse { items.reverse() }
            try shortTimsort(&items, isLess: isLess)
            if reverse { items.reverse() }
        } catch {
            if reverse { items.reverse() }
            try restore()
            throw error
        }
        try restore()
    }
}
