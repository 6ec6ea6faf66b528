// Mirrors Objects/listobject.c (CPython 3.11.7): PyList_New, list_new_prealloc,
// list_preallocate_exact, list_resize, app1, ins1, list_extend, list_ass_slice,
// list_ass_subscript, list_inplace_repeat, list_repeat, list_concat, list_slice,
// list_pop_impl, list_remove, _list_clear and list_sort_impl.
//
// A CPython list is `PyListObject { PyObject_VAR_HEAD; PyObject **ob_item; Py_ssize_t
// allocated; }`: ob_size items in use out of `allocated` slots, which are over-allocated so
// that appends are amortised O(1). `sys.getsizeof(lst)` reports the slots, not the items:
// list.__sizeof__ is tp_basicsize + allocated * sizeof(PyObject *), and sys.getsizeof adds
// the GC header. That is why two equal lists can report different sizes, and this file
// exists to reproduce `allocated` exactly for each way of building and changing a list.
//
// Which path sets `allocated` (3.11):
//   1. PyList_New(n) — BUILD_LIST n with n < 30 non-constant items — allocates exactly n.
//   2. list_new_prealloc(n) — `a * n`, `a + b`, `a[i:j]`, `a.copy()` — exactly n.
//   3. list_preallocate_exact(n) — list_extend into a list whose ob_item is NULL (never
//      allocated, or cleared): n rounded up to even, "there is no benefit of allocating
//      space for the odd number of items". `[1, 2, 3]` (BUILD_LIST 0 + LIST_EXTEND of a
//      constant tuple), `list(x)`, `sorted(x)` go through here.
//   4. list_resize(newsize) — everything else: append, insert, extend of a non-empty list,
//      deletions. It keeps the block when newsize fits and is at least half of allocated;
//      otherwise it over-allocates (see `listResize`).

/// Which version's list_resize / list_extend a list follows.
public enum ListGrowth: UInt8, Sendable {
    /// 3.6 and 3.7: list_resize over-allocates newsize + newsize/8 + (3 or 6); list_extend
    /// always resizes (so `list(range(1))` has 4 slots).
    case cpython36
    /// 3.8: 3.6's formula, but list___init__ preallocates exactly len(iterable) (bpo-33234).
    case cpython38
    /// 3.9+: (newsize + newsize/8 + 6) & ~3 (bpo-38373), no over-allocation when a resize
    /// grows past it, and list_extend into an empty list preallocates len rounded to even.
    case cpython39
}

/// The item storage of a simulated list. Mirrors `PyListObject`'s ob_item/ob_size/allocated,
/// Objects/listobject.c (3.11).
///
/// Invariant: `items.count <= allocated`. ob_item is NULL for a fresh `[]` or a cleared list;
/// a list list_resize shrank to nothing keeps a block (PyMem_Realloc(p, 0) is not NULL).
public struct ListStorage: Equatable, Sendable {
    /// ob_item[0 ..< ob_size]. The Swift array's own capacity is irrelevant to sizes.
    public var items: [ObjectRef]
    /// The number of slots CPython has allocated (`PyListObject.allocated`).
    public var allocated: Int
    /// The version's list_resize and list_extend rules (`Heap.newList` sets the profile's).
    public var growth: ListGrowth = .cpython39
    /// list_resize(0) reallocated ob_item to zero bytes: allocated is 0 but ob_item is not
    /// NULL, so the next list_extend resizes (over-allocating) instead of preallocating.
    var keepsEmptyBlock = false
    /// ob_item == NULL, the test list_extend makes.
    var itemArrayIsNull: Bool { allocated == 0 && !keepsEmptyBlock }

    /// `PyList_New(0)`: ob_item NULL, allocated 0.
    public init() { items = []; allocated = 0 }

    /// `PyList_New(n)` with the items filled in (BUILD_LIST n): allocated == n.
    public init(exactly items: [ObjectRef]) { self.items = items; allocated = items.count }

    /// `list_new_prealloc(n)`: the result of `a * n`, `a + b`, `a[i:j]`, `a.copy()`.
    /// allocated == count. (For n == 0 CPython returns `PyList_New(0)`, also 0.)
    public init(preallocated items: [ObjectRef]) { self.items = items; allocated = items.count }

    /// `sorted(seq)` / `[c1, c2, c3]` of constants (PySequence_List, LIST_EXTEND): PyList_New(0)
    /// then list_extend of an iterable whose size is known. `resizing`: 3.13's
    /// list_extend_dict / list_extend_set (see `extend(resizing:)`).
    /// `lengthHint`: list_extend of an iterable that is not a list or tuple learns its size
    /// from PyObject_LengthHint (8 when it has none) and trims at the end.
    public init(extending items: [ObjectRef], lengthHint: Int? = nil, growth: ListGrowth = .cpython39,
                resizing: Bool = false) {
        self.init()
        self.growth = growth
        if resizing { extend(resizing: items) }
        else if let lengthHint { extend(iterating: items, lengthHint: lengthHint) }
        else { extend(sequence: items) }
    }

    /// `list(iterable)` (list___init__) of an iterable with a length: 3.8's
    /// list_preallocate_exact(len) then list_extend (exactly len slots); before 3.8 and
    /// from 3.9 on, list_extend alone.
    public init(listCall items: [ObjectRef], growth: ListGrowth, resizing: Bool = false) {
        self.init()
        self.growth = growth
        if growth == .cpython38 && !items.isEmpty { allocated = items.count }
        if resizing { extend(resizing: items) } else { extend(sequence: items) }
    }

    public var count: Int { items.count }

    // MARK: - list_resize

    /// Mirrors `list_resize` (3.11): ensures `allocated >= newsize` and sets ob_size.
    ///
    /// Over-allocation: new_allocated = (newsize + (newsize >> 3) + 6) & ~3, giving the
    /// growth pattern 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...; when a single resize grows
    /// past that (a big extend), it allocates newsize rounded up to 4 instead. newsize 0
    /// frees the block (allocated 0). Shrinking to at least half keeps the block.
    ///
    /// Here only `allocated` changes; callers then append or remove items so that
    /// `items.count == newsize`, as CPython's callers fill or memmove ob_item.
    public mutating func listResize(_ newsize: Int) {
        if allocated >= newsize && newsize >= (allocated >> 1) { return }
        var newAllocated: Int
        switch growth {
        case .cpython36, .cpython38:
            // 3.6-3.8: "0, 4, 8, 16, 25, 35, 46, 58, 72, 88, ..."
            newAllocated = newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6)
        case .cpython39:
            newAllocated = (newsize + (newsize >> 3) + 6) & ~3
            // "Do not overallocate if the new size is closer to overallocated size than to
            // the old size."
            if newsize - items.count > newAllocated - newsize { newAllocated = (newsize + 3) & ~3 }
        }
        if newsize == 0 { newAllocated = 0 }
        keepsEmptyBlock = newAllocated == 0 && allocated > 0
        allocated = newAllocated
    }

    /// Mirrors `list_preallocate_exact` (3.9+ list_extend into a NULL ob_item): only valid
    /// while ob_item is NULL. Before 3.9 list_extend always goes through list_resize.
    mutating func listPreallocateExact(_ size: Int) {
        assert(itemArrayIsNull && items.isEmpty, "list_preallocate_exact needs ob_item == NULL")
        if growth == .cpython39 { allocated = (size + 1) & ~1 } else { listResize(size) }
    }

    // MARK: - Growing

    /// `list.append(x)`, LIST_APPEND (comprehensions): app1 → list_resize(n + 1).
    public mutating func append(_ ref: ObjectRef) {
        if items.count == allocated { listResize(items.count + 1) }
        items.append(ref)
    }

    /// `list.insert(i, x)`: ins1 clamps i like CPython (negative counts from the end, then
    /// 0 ... n) and calls list_resize(n + 1).
    public mutating func insert(_ ref: ObjectRef, at index: Int) {
        let n = items.count
        var where_ = index
        if where_ < 0 { where_ += n; if where_ < 0 { where_ = 0 } }
        if where_ > n { where_ = n }
        listResize(n + 1)
        items.insert(ref, at: where_)
    }

    /// list_extend from a list or tuple (or the list itself): exact size known.
    /// Case 1: n == 0, nothing. Case 2: ob_item NULL, list_preallocate_exact(n).
    /// Case 3: list_resize(m + n).
    public mutating func extend(sequence other: [ObjectRef]) {
        let n = other.count
        if n == 0 { return }
        if itemArrayIsNull { listPreallocateExact(n) } else { listResize(items.count + n) }
        items.append(contentsOf: other)
    }

    /// 3.13's list_extend_dict / list_extend_set (dicts, sets, frozensets, dict views):
    /// list_resize(m + n) even into an empty list, so `list({1: 2})` is over-allocated
    /// (getsizeof 88 on 3.12.1, 120 on 3.13.0 for three keys).
    public mutating func extend(resizing other: [ObjectRef]) {
        if other.isEmpty { return }
        listResize(items.count + other.count)
        items.append(contentsOf: other)
    }

    /// list_extend from any other iterable (range, dict, set, str, generator...).
    /// `lengthHint` is PyObject_LengthHint(iterable, 8). Preallocates (exact-even when
    /// ob_item is NULL and the hint is non-zero, else list_resize(m + hint)), appends
    /// one by one (list_resize(n + 1) once full), then cuts back with list_resize(size).
    public mutating func extend(iterating other: [ObjectRef], lengthHint: Int) {
        let m = items.count
        if itemArrayIsNull {
            if lengthHint > 0 { listPreallocateExact(lengthHint) }
        } else {
            listResize(m + lengthHint)
        }
        items.reserveCapacity(m + other.count)
        for ref in other { append(ref) }
        if items.count < allocated { listResize(items.count) }
    }

    /// `a *= n` (list_inplace_repeat): n < 1 clears; n == 1 or an empty list is a no-op;
    /// otherwise list_resize(size * n).
    public mutating func inplaceRepeat(_ n: Int) {
        if n < 1 { clear(); return }
        if items.isEmpty || n == 1 { return }
        let original = items
        listResize(items.count * n)
        items.reserveCapacity(original.count * n)
        for _ in 1..<n { items.append(contentsOf: original) }
    }

    // MARK: - Shrinking

    /// `list.clear()`, `a *= 0`, `del a[:]`: _list_clear frees ob_item (allocated 0).
    public mutating func clear() { items.removeAll(); allocated = 0; keepsEmptyBlock = false }

    /// Mirrors `list_ass_slice(a, ilow, ihigh, v)` for step-1 slices, with `ilow`/`ihigh`
    /// already clamped to 0 ... count by the caller (as list_ass_subscript does via
    /// PySlice_AdjustIndices). Returns the removed items (their references are the caller's
    /// to drop).
    ///
    /// Case 1: the result is empty → _list_clear (allocated 0). Case 2: it shrinks →
    /// memmove then list_resize(n + d). Case 3: it grows → list_resize(n + d) then memmove.
    @discardableResult
    public mutating func assignSlice(_ low: Int, _ high: Int, with replacement: [ObjectRef]) -> [ObjectRef] {
        let ilow = max(0, min(low, items.count))
        let ihigh = max(ilow, min(high, items.count))
        let removed = Array(items[ilow..<ihigh])
        let d = replacement.count - (ihigh - ilow)
        if items.count + d == 0 { clear(); return removed }
        if d > 0 { listResize(items.count + d) }
        items.replaceSubrange(ilow..<ihigh, with: replacement)
        if d < 0 { listResize(items.count) }
        return removed
    }

    /// `del a[i:j:step]` with step != 1 (list_ass_subscript): the kept items close up and
    /// list_resize(n - slicelength) runs once. `indices` are the deleted positions.
    @discardableResult
    public mutating func deleteExtendedSlice(_ indices: [Int]) -> [ObjectRef] {
        if indices.isEmpty { return [] }
        var drop = [Bool](repeating: false, count: items.count)
        for i in indices { drop[i] = true }
        var kept: [ObjectRef] = []; kept.reserveCapacity(items.count - indices.count)
        var removed: [ObjectRef] = []; removed.reserveCapacity(indices.count)
        for (i, ref) in items.enumerated() { if drop[i] { removed.append(ref) } else { kept.append(ref) } }
        items = kept
        listResize(items.count)
        return removed
    }

    /// `list.pop(i)` with i already normalised to 0 ..< count. The last item goes through
    /// list_resize(n - 1); any other through list_ass_slice(i, i + 1, NULL) (which
    /// clears the list when it was the only item).
    /// `clearsWhenEmpty` (3.12+, `ObjectLayouts.listPopToEmptyClears`): popping the only
    /// item runs _list_clear instead.
    public mutating func pop(at index: Int, clearsWhenEmpty: Bool = false) -> ObjectRef {
        let ref = items[index]
        if clearsWhenEmpty && items.count == 1 {
            clear()
        } else if index == items.count - 1 {
            items.removeLast()
            listResize(items.count)
        } else {
            assignSlice(index, index + 1, with: [])
        }
        return ref
    }

    /// `del a[i]` in 3.13 (list_ass_item, `ObjectLayouts.listDelItemResizes` false): the
    /// items close up, the allocation is kept.
    @discardableResult
    public mutating func deleteItemKeepingAllocation(at index: Int) -> ObjectRef {
        items.remove(at: index)
    }

    /// `list.remove(x)` / `del a[i]` for a found index: list_ass_slice(i, i + 1, NULL).
    @discardableResult
    public mutating func remove(at index: Int) -> ObjectRef {
        let ref = items[index]
        assignSlice(index, index + 1, with: [])
        return ref
    }

    // MARK: - New lists

    /// `a[i:j]` (list_slice) and `a.copy()`: a list_new_prealloc'd copy.
    public func slice(_ low: Int, _ high: Int) -> ListStorage {
        let ilow = max(0, min(low, items.count))
        let ihigh = max(ilow, min(high, items.count))
        return ListStorage(preallocated: Array(items[ilow..<ihigh]))
    }

    /// `a + b` (list_concat).
    public static func concat(_ a: ListStorage, _ b: ListStorage) -> ListStorage {
        ListStorage(preallocated: a.items + b.items)
    }

    /// `a * n` (list_repeat): size 0 → PyList_New(0), else list_new_prealloc(size).
    public func repeated(_ n: Int) -> ListStorage {
        if n <= 0 || items.isEmpty { return ListStorage() }
        var out: [ObjectRef] = []; out.reserveCapacity(items.count * n)
        for _ in 0..<n { out.append(contentsOf: items) }
        return ListStorage(preallocated: out)
    }

    // MARK: - In place, same size

    /// `list.sort()` keeps ob_item and `allocated` (list_sort_impl saves and restores them);
    /// the caller provides the (stable) ordering. `reverse()` likewise.
    public mutating func sort(by areInIncreasingOrder: (ObjectRef, ObjectRef) throws -> Bool) rethrows {
        // Swift's sort is not guaranteed stable; CPython's timsort is. Sort indices stably.
        let indexed = try items.enumerated().sorted { l, r in
            if try areInIncreasingOrder(l.element, r.element) { return true }
            if try areInIncreasingOrder(r.element, l.element) { return false }
            return l.offset < r.offset
        }
        items = indexed.map({ $0.element })
    }

    // MARK: - Size

    /// The part of list.__sizeof__ beyond tp_basicsize: allocated * sizeof(PyObject *).
    public func variableSize(_ layouts: ObjectLayouts) -> Int { allocated * layouts.pointerSize }

    /// `sys.getsizeof(lst)`: basicsize + allocated slots + GC header.
    public func sizeof(profile: Profile) -> Int {
        profile.objects.list.sysGetSizeOf(variable: variableSize(profile.objects), profile: profile)
    }
}
