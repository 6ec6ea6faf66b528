/// The state of the builtin sequence iterators: Objects/listobject.c's listiterobject,
/// tupleobject.c's tupleiterobject, rangeobject.c's rangeiterobject, dictobject.c's
/// dictiterobject, setobject.c's setiterobject and unicodeobject.c's unicodeiterobject.
///
/// Invariants, as in CPython (3.6 to 3.13 alike):
/// - `seq` is the iterated object, or nil once exhausted: each of these iterators drops its
///   reference the first time it returns NULL (`it->it_seq = NULL; Py_DECREF(seq)`), so an
///   exhausted iterator keeps nothing alive. A dict view's iterator holds the dict, not the
///   view (dictiter_new takes `dv->dv_dict`).
/// - a range iterator holds no reference at all: rangeiterobject copies start, step and
///   length (`range`).
/// - `used` is the dict's or set's size when iteration began (`di_used`, `si_used`). Finding
///   another size raises RuntimeError, and `used` becomes -1 so every later call raises too.
/// - `remaining` is dictiter's `len`: from 3.8, an entry found after it has reached 0 means the keys
///   changed during iteration (same size, different keys).
/// - `result` is dict_itemiterator's `di_result`, the (key, value) tuple it reuses while no
///   one else holds it.
public final class IteratorState {
    public var seq: ObjectRef?
    public var range: RangeValue?
    /// it_index / di_pos / si_pos: an index into the list, tuple or str, into the dict's
    /// entries, or into the set's table.
    public var position = 0
    /// A str iterator's place in the str's scalars (`position` counts them).
    public var strIndex: String.UnicodeScalarView.Index?
    public var used = 0
    public var remaining = 0
    public var result: ObjectRef?
    /// Set by a consumer whose result does not show the order of a set's items.
    public var orderBlind = false

    public init(seq: ObjectRef?, range: RangeValue? = nil) {
        self.seq = seq
        self.range = range
    }
}

extension Heap {
    /// dictiter_iternextitem's reuse of `di_result`: when the iterator holds the only
    /// reference, the tuple takes the new pair (`key` and `value` are new references), drops
    /// the old one and is returned again (a new reference); otherwise nil, and the caller
    /// builds a fresh tuple. From 3.10 (bpo-42536) a tuple the collector untracked meanwhile
    /// is tracked again; before, it stays untracked.
    public func reuseItemResult(_ it: IteratorState, key: ObjectRef, value: ObjectRef) -> ObjectRef? {
        guard let result = it.result, refcnt[Int(result)] == 1 else { return nil }
        let old: [ObjectRef] = withPayload(result) { p in
            guard case .tuple(let items) = p else { return [] }
            p = .tuple([key, value])
            return items
        }
        incref(result)
        old.forEach(decref)
        if profile.retracksReusedItemResult && !gc.isTracked(result) { gc.track(result) }
        return result
    }
}
