/// tp_traverse for every payload, and the tracking rules built on it.
///
/// The collector sees an object's references only through its type's tp_traverse, so the
/// order and the set of visited references below are CPython 3.11's, checked with
/// `gc.get_referents` on python3.11 (3.11.7):
///
/// - tuple (tupletraverse): items *last to first*. `gc.get_referents((x, y)) == [y, x]`.
/// - list (list_traverse): items first to last.
/// - dict (dict_traverse): a unicode-keys table visits only the values (str keys cannot
///   be in a cycle); a general table visits each live entry's value, then its key:
///   `gc.get_referents({(1, 2): x}) == [x, (1, 2)]`.
/// - set/frozenset (set_traverse): keys in table order.
/// - instance of a class (subtype_traverse): the `__slots__` values (most derived class
///   first, members sorted: `[4, 5, 1, 2, 3, <class 'Q'>]` on 3.6.15-3.13.0), the inline attribute values
///   (_PyObject_VisitInstanceAttributes, values only), the materialised `__dict__`, then
///   the class itself: `[[1], 5, <class 'A'>]`, or `[{'x': ...}, <class 'A'>]`.
/// - function (func_traverse): code, globals, module, defaults, dict (the builtins dict,
///   doc, name and qualname are not simulated as objects).
/// - method (method_traverse): function, self. builtin method: m_self.
/// - class (type_traverse, heap types only): dict, mro, bases, base.
/// - module: dict. cell: contents. iterators: the iterated object. weakref: its callback.
extension Heap {
    /// Calls `visit` for each reference `r`'s tp_traverse would visit, in its order.
    /// Objects whose type has no tp_traverse (atomic objects) visit nothing.
    @inline(__always)
    public func forEachReferent(_ r: ObjectRef, _ visit: (ObjectRef) -> Void) {
        let t = typeOf[Int(r)]
        let heapType = flags[Int(t)] & ObjectFlags.isStatic.rawValue == 0
        let p = payload[Int(r)]
        if Heap.traverseEmbedded(p, own: flags[Int(r)], type: t, heapType: heapType,
                                 flagsOf: { flags[Int($0)] }, payloadOf: { payload[Int($0)] }, visit) { return }
        if t == defaultDictTypeRef { traverseDefaultDict(r, visit) }
        // odict_traverse: the node keys, first to last, before dict_traverse.
        if t == orderedDictTypeRef, let n = orderedDictNodes[r] { for k in n.keys { visit(k) } }
        Heap.traverse(p, type: t, heapType: heapType, visit)
    }

    /// 3.13's embedded instance values (`ObjectFlags.embeddedValues`, set only by profiles
    /// with `instanceInlineValues`): a dict holding its owner's inline values visits nothing;
    /// its owner visits the values (in the dict's order), then its class. Returns false when
    /// neither applies and the ordinary traverse must run.
    @inline(__always)
    static func traverseEmbedded(_ p: Payload, own: UInt8, type t: ObjectRef, heapType: Bool,
                                 flagsOf: (ObjectRef) -> UInt8, payloadOf: (ObjectRef) -> Payload,
                                 _ visit: (ObjectRef) -> Void) -> Bool {
        let embedded = ObjectFlags.embeddedValues.rawValue
        if own & embedded != 0 { return true }
        guard case .instance(let s) = p, let d = s.dict, flagsOf(d) & embedded != 0,
              let values = payloadOf(d).dictStorage else { return false }
        for v in s.slots { if let v { visit(v) } }
        for i in 0..<values.nentries where values.entryKeys[i] != DictStorage.null { visit(values.entryValues[i]) }
        if heapType { visit(t) }
        return true
    }

    /// The traversal itself, on a payload value, so that the collector's passes can run it
    /// over unsafe buffers without touching the store's properties.
    /// `heapType`: the object's type is a class (subtype_traverse visits it).
    @inline(__always)
    static func traverse(_ p: Payload, type t: ObjectRef, heapType: Bool, _ visit: (ObjectRef) -> Void) {
        switch p {
        case .list(let s):
            // list_traverse visits the items last to first.
            if heapType { visit(t) }
            var i = s.items.count
            while i > 0 { i -= 1; visit(s.items[i]) }
        case .tuple(let items):
            if heapType { visit(t) }
            var i = items.count
            while i > 0 { i -= 1; visit(items[i]) }
        case .instance(let s):
            // subtype_traverse: traverse_slots up the chain, most derived class first.
            for v in s.slots { if let v { visit(v) } }
            if let attrs = s.attributes {
                for i in 0..<attrs.nentries where attrs.entryKeys[i] != DictStorage.null {
                    visit(attrs.entryValues[i])
                }
            }
            if let d = s.dict { visit(d) }
            if heapType { visit(t) }
        case .dict(let sObject): let s = sObject.storage
            if heapType { visit(t) }
            let n = s.nentries
            if s.kind == .unicode {
                for i in 0..<n where s.entryKeys[i] != DictStorage.null { visit(s.entryValues[i]) }
            } else {
                for i in 0..<n where s.entryKeys[i] != DictStorage.null {
                    visit(s.entryValues[i]); visit(s.entryKeys[i])
                }
            }
        case .set(let sObject): let s = sObject.storage
            if heapType { visit(t) }
            for k in s.keys where k != SetStorage.null && k != SetStorage.dummy { visit(k) }
        case .function(let f):
            visit(f.codeRef); visit(f.globals)
            if let m = f.module { visit(m) }
            if let d = f.defaults { visit(d) }
            if let d = f.kwdefaults { visit(d) }
            if let d = f.doc { visit(d) }
            if let d = f.dict { visit(d) }
            if let c = f.closure { visit(c) }
            if let a = f.annotations { visit(a) }
        case .method(let fn, let selfRef):
            visit(fn); visit(selfRef)
        case .builtin(let b):
            if let s = b.selfRef { visit(s) }
        case .type(let info):
            if let d = info.dict { visit(d) }
            if let m = info.mroTuple { visit(m) }
            if let b = info.basesTuple { visit(b) }
            if let b = info.base { visit(b) }
        case .module(let m):
            visit(m.dict)
        case .iterator(let it):
            if let s = it.seq { visit(s) }
            if let r = it.result { visit(r) }
        case .cell(let content):
            if let c = content { visit(c) }
        case .weakref(let w):
            // A KeyedRef (subtype_traverse): its slot, its class, then gc_traverse's callback.
            if let k = w.key { visit(k) }
            if heapType { visit(t) }
            if let cb = w.callback { visit(cb) }
        case .native(let object):
            (object as? NativeReferents)?.forEachReferent(visit)
        case .empty, .int, .bigInt, .float, .str, .bytes, .range:
            if heapType { visit(t) }
        }
    }

    // MARK: - IS_GC and MAY_BE_TRACKED

    /// _PyObject_IS_GC: the type has Py_TPFLAGS_HAVE_GC, and for type objects tp_is_gc
    /// (only classes, not the static builtin types, are GC objects).
    public func isGCObject(_ r: ObjectRef) -> Bool {
        let info = typeInfo(of: r)
        guard info.isGC else { return false }
        if case .type = payload[Int(r)] { return !isStatic(r) }
        return true
    }

    /// _PyObject_GC_MAY_BE_TRACKED: a GC object that is not an untracked exact tuple.
    /// (An untracked dict still counts: it may become tracked later.)
    public func mayBeTracked(_ r: ObjectRef) -> Bool {
        guard isGCObject(r) else { return false }
        if isExactTuple(r) { return gc.isTracked(r) }
        return true
    }

    @inline(__always) func isExactTuple(_ r: ObjectRef) -> Bool { typeOf[Int(r)] == builtinTypes[.tuple] }
    @inline(__always) func isExactDict(_ r: ObjectRef) -> Bool { typeOf[Int(r)] == builtinTypes[.dict] }

    // MARK: - Untracking atomic containers

    /// _PyTuple_MaybeUntrack (Objects/tupleobject.c): a tuple whose items are all atomic
    /// or untracked tuples can never be part of a cycle, so it leaves the collector.
    func tupleMaybeUntrack(_ r: ObjectRef) {
        guard case .tuple(let items) = payload[Int(r)], gc.isTracked(r) else { return }
        for item in items where mayBeTracked(item) { return }
        gc.untrack(r)
    }

    /// _PyDict_MaybeUntrack (Objects/dictobject.c): a dict whose values (and, for a
    /// general table, keys) are all atomic leaves the collector. Only full collections
    /// call it (issue #14775).
    func dictMaybeUntrack(_ r: ObjectRef) {
        guard isExactDict(r), gc.isTracked(r), let s = payload[Int(r)].dictStorage else { return }
        for i in 0..<s.nentries where s.entryKeys[i] != DictStorage.null {
            if mayBeTracked(s.entryValues[i]) { return }
            if s.kind != .unicode, mayBeTracked(s.entryKeys[i]) { return }
        }
        gc.untrack(r)
    }

    // MARK: - Dict tracking (MAINTAIN_TRACKING)

    /// MAINTAIN_TRACKING(mp, key, value) of Objects/dictobject.c (3.11): an untracked dict
    /// becomes tracked when a key or value that may be tracked is inserted. The
    /// interpreter calls this after each insertion into a dict (`d[k] = v`, BUILD_MAP,
    /// setdefault, update...). CPython 3.11.7: `d = {}` untracked, `d['a'] = 1` still
    /// untracked, `d['b'] = []` tracked; `del d['b']` leaves it tracked until a full
    /// collection runs _PyDict_MaybeUntrack.
    public func dictMaintainTracking(_ d: ObjectRef, key: ObjectRef, value: ObjectRef) {
        guard !gc.isTracked(d) else { return }
        if mayBeTracked(key) || mayBeTracked(value) { gc.track(d) }
    }

    /// dict_merge's clone of `other`'s keys into the empty `d` ("Maintain tracking"): `d` is
    /// tracked when `other` is, whatever its entries are (3.11.7-3.13.0; 3.8.18's dict_merge
    /// has no clone: `t = {'a': []}; t['a'] = 1; gc.is_tracked(dict(t))` is False there).
    public func dictTrackLike(_ d: ObjectRef, _ other: ObjectRef) {
        if gc.isTracked(other) && !gc.isTracked(d) { gc.track(d) }
    }

    /// Tracks the dict `d` if any of its entries may be tracked: what a sequence of
    /// MAINTAIN_TRACKING calls would have decided, for dicts built in bulk (dict(...),
    /// copy, update, `{**a}`). New exact dicts start untracked (new_dict and dict_new
    /// in 3.11), and `gcTrackNew` calls this instead of tracking them.
    public func dictMaybeTrack(_ d: ObjectRef) {
        guard !gc.isTracked(d), let s = payload[Int(d)].dictStorage else { return }
        for i in 0..<s.nentries where s.entryKeys[i] != DictStorage.null {
            if mayBeTracked(s.entryValues[i]) || mayBeTracked(s.entryKeys[i]) { gc.track(d); return }
        }
    }
}
