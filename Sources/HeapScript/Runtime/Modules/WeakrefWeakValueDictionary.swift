import HeapEngine

// Lib/weakref.py: class WeakValueDictionary (a `_collections_abc.MutableMapping`) and class
// KeyedRef (a `ref` subclass with `__slots__ = "key",`), with Modules/_weakref.c's
// `_remove_dead_weakref`.
//
// Run as WeakKeyDictionary's stand-in is (WeakrefWeakKeyDictionary.swift, whose header's
// refusals of the ABC machinery hold here too): the first lookup of
// `weakref.WeakValueDictionary` compiles and runs the class statement of Lib/weakref.py at
// the profile's tag (v3.8.18; v3.11.7 = v3.12.1 = v3.13.0) with the engine's compiler and
// evaluator: the instance and its dict, the `data` dict of KeyedRefs, the per-instance
// function `remove` (its defaults `selfref=ref(self)` and `_atomic_removal=
// _remove_dead_weakref`: no cell from 3.8), the `_pending_removals` list and the `_iterating`
// set, and an _IterationGuard for every running iteration. A value's death runs its
// KeyedRef's callback `remove`, which deletes `data[wr.key]` if it still holds a dead
// reference (`_remove_dead_weakref`, _PyDict_DelItemIf), or, while an iteration runs,
// appends the key to `_pending_removals`, committed by the next method that checks them.
//
// KeyedRef is made natively (`Heap.newKeyedRef`): a weakref.ref subclass instance whose
// basicsize is ref's plus its slot (sys.getsizeof 88/80/88/88/88 on 3.6.15/3.8.18/3.11.7/
// 3.12.1/3.13.0, measured), GC-tracked, holding its class, the callback and the key, placed in
// the referent's weakref list as weakref___new__ places a subclass instance. Its Python
// `__new__` and `__init__` (`ref.__new__`, `super().__init__`) are not run: the
// temporaries they make (the super object; 3.6 and 3.8's frames for the two functions,
// kept as zombie frames after the first call) are not modelled, so generation 0's count may
// differ from CPython's by a few objects after each KeyedRef (measured against
// `weakref.ref(a, cb)`: 3.8.18 three more at the first, then one; 3.11.7-3.13.0 one more):
// `countMayDiffer` (gc.get_count() is refused until the next collection). The class itself
// is not shown: `weakref.KeyedRef`, `type()` and the attributes of its instances but `key`
// are refused (its refcount and dict would not be CPython's).
//
// 3.6.15's `__init__(*args, **kw)` calls `self.update(*args, **kw)`, a CALL_FUNCTION_EX the
// engine does not model on 3.6: the class is refused there at its lookup.
//
// Refused besides what WeakKeyDictionary's header lists: an exception leaving the stand-in
// (`d[missing]`'s KeyError, `pop` of a missing key without a default), `__init__`/`update`
// with a keyword `self` or `other` (the engine's parser has no `/`), `__ior__`, `__or__`,
// `__ror__`, `__copy__`, `__deepcopy__`.
extension Interpreter {
    /// `weakref.WeakValueDictionary` (borrowed): made at the first lookup.
    func weakrefWeakValueDictionary() throws -> ObjectRef {
        if let c = weakValueDictClass { return c }
        guard profile.minor >= 8 else {
            throw notModelled("weakref.WeakValueDictionary",
                              because: "CPython \(profile.version)'s Lib/weakref.py calls `self.update(*args, **kw)`, "
                                  + "a CALL_FUNCTION_EX heapbook does not model on 3.6")
        }
        let guardClass = try weakrefIterationGuard()
        makingFinalizeClass = true
        defer { makingFinalizeClass = false }
        let c = try makeLibClass("WeakValueDictionary", module: "weakref", file: Interpreter.weakrefModuleFile) { d in
            try dictSet(d, name("ref"), heap.builtinType(.weakref))
            try dictSet(d, name("_IterationGuard"), guardClass)
            keyedRefType = try makeKeyedRefType()
            defineFunction(in: d, "_remove_dead_weakref", module: "_weakref") { i, _, args, _ in
                try i.removeDeadWeakref(args[0], args[1])
            }
            defineFunction(in: d, "_hb_keyed_ref", module: "weakref") { i, _, args, _ in
                try i.newKeyedRef(args[0], args[1], args[2])
            }
            defineFunction(in: d, "_hb_unmodelled", module: "weakref") { i, _, args, _ in
                throw i.notModelled(i.stringValue(args[0]), because: i.unmodelledWeakKeyDictReason)
            }
            let source = weakValueDictSource()
            return profile.minor >= 13 ? Interpreter.cleaningDocstrings(source) : source
        }
        weakValueDictClass = c
        return c
    }

    /// `class KeyedRef(ref): __slots__ = "key",` as type_new makes it: ref's basicsize plus
    /// one slot, no `__dict__` or `__weakref__`, a `key` member descriptor. Its instances
    /// are weak references (TypeInfo.kind .weakref: called, hashed, compared as ref is).
    /// Kept by the interpreter for the session.
    private func makeKeyedRefType() throws -> ObjectRef {
        let dict = try newDict()
        try dictSet(dict, name("__module__"), name("weakref"))
        let qualname = try newStr("KeyedRef")
        try dictSet(dict, name("__qualname__"), qualname)
        heap.decref(qualname)
        let key = name("key")
        heap.incref(key)
        let slots = SlotsSpec(names: ["key"], tuple: try newTuple([key]), addDict: false, addWeakref: false)
        let base = heap.builtinType(.weakref)
        heap.incref(base)
        let t = try heap.newHeapType(name: "KeyedRef", module: "weakref", bases: [base], dict: dict, slots: slots)
        heap.typeInfo(t).kind = .weakref
        return t
    }

    /// `KeyedRef(ob, callback, key)` (Lib/weakref.py's `__new__` and `__init__`, see the
    /// header). Borrows its arguments.
    private func newKeyedRef(_ ob: ObjectRef, _ callback: ObjectRef, _ key: ObjectRef) throws -> ObjectRef {
        guard let t = keyedRefType else { preconditionFailure("no KeyedRef") }
        guard heap.supportsWeakrefs(ob) else {
            throw error("TypeError", "cannot create weak reference to '\(typeName(ob))' object")
        }
        let w = try heap.newKeyedRef(type: t, to: ob, callback: callback == heap.none ? nil : callback, key: key)
        heap.countMayDiffer(by: profile.minor < 11 ? 3 : 2)
        return w
    }

    /// Modules/_weakref.c's `_remove_dead_weakref(dct, key)`: _PyDict_DelItemIf deletes
    /// `dct[key]` when it is a dead weak reference; a missing key is no error. A key whose
    /// hash or comparison could run Python code is refused (CPython hashes it once, the
    /// engine's lookup and removal twice).
    private func removeDeadWeakref(_ dct: ObjectRef, _ key: ObjectRef) throws -> ObjectRef {
        guard case .dict = heap.payload[Int(dct)], hashRunsNoPython(key), !heap.typeInfo(of: key).isHeapType else {
            throw notModelled("weakref.WeakValueDictionary's removal of a key of type '\(typeName(key))'",
                              because: "_remove_dead_weakref hashes it once, heapbook twice")
        }
        if let v = try dictGet(dct, key) {
            guard case .weakref(let w) = heap.payload[Int(v)] else {
                throw notModelled("_remove_dead_weakref of a value that is not a weak reference")
            }
            if w.referent == nil, let (k, old) = try dictRemove(dct, key) {
                heap.decref(k); heap.decref(old)
            }
        }
        return heap.newNone()
    }

    /// Whether `r` is an instance of the stand-in's KeyedRef.
    func isKeyedRef(_ r: ObjectRef) -> Bool {
        guard let t = keyedRefType else { return false }
        return heap.typeOf[Int(r)] == t
    }

    /// A KeyedRef's attributes: `key` (its member descriptor); the rest would show the
    /// natively made class (refused).
    func keyedRefAttribute(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        guard isKeyedRef(obj) else { return nil }
        guard attr == "key", case .weakref(let w) = heap.payload[Int(obj)], let k = w.key else {
            throw notModelled("the attribute '\(attr)' of a weakref.KeyedRef",
                              because: "heapbook makes Lib/weakref.py's KeyedRef class natively")
        }
        heap.incref(k)
        return k
    }

    /// The class WeakValueDictionary, its instances, or a KeyedRef where CPython would show
    /// what the stand-in does not model (see WeakrefWeakKeyDictionary.swift).
    func isWeakValueDictOrInstance(_ r: ObjectRef) -> Bool {
        guard let c = weakValueDictClass else { return false }
        return r == c || heap.typeOf[Int(r)] == c
    }

    /// 3.8's `itervaluerefs` (its `yield from`, see `weakValueDictSource`).
    func refuseWeakValueDictAttribute(_ obj: ObjectRef, _ attr: String) throws {
        guard profile.minor < 11, attr == "itervaluerefs", isWeakValueDictOrInstance(obj) else { return }
        throw notModelled("WeakValueDictionary.itervaluerefs", because: "its `yield from` is not modelled on CPython \(profile.version)")
    }

    /// `__init__(self, other=(), /, **kw)` and `update(self, other=None, /, **kwargs)` from
    /// 3.8: a keyword `self` or `other` is refused before binding (no `/` in the parser).
    func refuseWeakValueDictKeywords(_ code: CodeObject, _ kwargs: [(String, ObjectRef)]) throws {
        guard ["WeakValueDictionary.__init__", "WeakValueDictionary.update"].contains(code.qualname),
              let k = kwargs.first(where: { ["self", "other"].contains($0.0) }) else { return }
        throw notModelled("WeakValueDictionary.\(code.name)(\(k.0)=...)",
                          because: "heapbook's parser has no positional-only parameters, which Lib/weakref.py's "
                              + "WeakValueDictionary has from 3.8")
    }

    /// Lib/weakref.py's class WeakValueDictionary at the profile's tag (see the header):
    /// `KeyedRef(...)` calls `_hb_keyed_ref`, `/` is left out, the 3.9+ number methods,
    /// `__copy__` and `__deepcopy__` are refused by name.
    private func weakValueDictSource() -> String {
        let v = profile.minor
        let commitRemovals = v < 11 ? """
                def _commit_removals(self):
                    l = self._pending_removals
                    d = self.data
                    # We shouldn't encounter any KeyError, because this method should
                    # always be called *before* mutating the dict.
                    while l:
                        key = l.pop()
                        _remove_dead_weakref(d, key)
            """ : """
                def _commit_removals(self, _atomic_removal=_remove_dead_weakref):
                    pop = self._pending_removals.pop
                    d = self.data
                    # We shouldn't encounter any KeyError, because this method should
                    # always be called *before* mutating the dict.
                    while True:
                        try:
                            key = pop()
                        except IndexError:
                            return
                        _atomic_removal(d, key)
            """
        // `yield from`, which the engine's 3.8 code generator lacks: refused by name there
        // (`refuseWeakValueDictAttribute`).
        let iterValueRefs = v < 11 ? "    # `itervaluerefs`: refused on 3.8." : #"""
                def itervaluerefs(self):
                    """Return an iterator that yields the weak references to the values.

                    The references are not guaranteed to be 'live' at the time
                    they are used, so the result of calling the references needs
                    to be checked before being used.  This can be used to avoid
                    creating references that will cause the garbage collector to
                    keep the values around longer than needed.

                    """
                    if self._pending_removals:
                        self._commit_removals()
                    with _IterationGuard(self):
                        yield from self.data.values()
            """#
        return #"""
            class WeakValueDictionary:
                """Mapping class that references values weakly.

                Entries in the dictionary will be discarded when no strong
                reference to the value exists anymore
                """
                # We inherit the constructor without worrying about the input
                # dictionary; since it uses our .update() method, we get the right
                # checks (if the other dictionary is a WeakValueDictionary,
                # objects are unwrapped on the way out, and we always wrap on the
                # way in).

                def __init__(self, other=(), **kw):
                    def remove(wr, selfref=ref(self), _atomic_removal=_remove_dead_weakref):
                        self = selfref()
                        if self is not None:
                            if self._iterating:
                                self._pending_removals.append(wr.key)
                            else:
                                # Atomic removal is necessary since this function
                                # can be called asynchronously by the GC
                                _atomic_removal(self.data, wr.key)
                    self._remove = remove
                    # A list of keys to be removed
                    self._pending_removals = []
                    self._iterating = set()
                    self.data = {}
                    self.update(other, **kw)

            \#(commitRemovals)

                def __getitem__(self, key):
                    if self._pending_removals:
                        self._commit_removals()
                    o = self.data[key]()
                    if o is None:
                        raise KeyError(key)
                    else:
                        return o

                def __delitem__(self, key):
                    if self._pending_removals:
                        self._commit_removals()
                    del self.data[key]

                def __len__(self):
                    if self._pending_removals:
                        self._commit_removals()
                    return len(self.data)

                def __contains__(self, key):
                    if self._pending_removals:
                        self._commit_removals()
                    try:
                        o = self.data[key]()
                    except KeyError:
                        return False
                    return o is not None

                def __repr__(self):
                    return "<%s at %#x>" % (self.__class__.__name__, id(self))

                def __setitem__(self, key, value):
                    if self._pending_removals:
                        self._commit_removals()
                    self.data[key] = _hb_keyed_ref(value, self._remove, key)

                def copy(self):
                    if self._pending_removals:
                        self._commit_removals()
                    new = WeakValueDictionary()
                    with _IterationGuard(self):
                        for key, wr in self.data.items():
                            o = wr()
                            if o is not None:
                                new[key] = o
                    return new

                # `__copy__ = copy`, `__deepcopy__`: refused.

                def get(self, key, default=None):
                    if self._pending_removals:
                        self._commit_removals()
                    try:
                        wr = self.data[key]
                    except KeyError:
                        return default
                    else:
                        o = wr()
                        if o is None:
                            # This should only happen
                            return default
                        else:
                            return o

                def items(self):
                    if self._pending_removals:
                        self._commit_removals()
                    with _IterationGuard(self):
                        for k, wr in self.data.items():
                            v = wr()
                            if v is not None:
                                yield k, v

                def keys(self):
                    if self._pending_removals:
                        self._commit_removals()
                    with _IterationGuard(self):
                        for k, wr in self.data.items():
                            if wr() is not None:
                                yield k

                __iter__ = keys

            \#(iterValueRefs)

                def values(self):
                    if self._pending_removals:
                        self._commit_removals()
                    with _IterationGuard(self):
                        for wr in self.data.values():
                            obj = wr()
                            if obj is not None:
                                yield obj

                def popitem(self):
                    if self._pending_removals:
                        self._commit_removals()
                    while True:
                        key, wr = self.data.popitem()
                        o = wr()
                        if o is not None:
                            return key, o

                def pop(self, key, *args):
                    if self._pending_removals:
                        self._commit_removals()
                    try:
                        o = self.data.pop(key)()
                    except KeyError:
                        o = None
                    if o is None:
                        if args:
                            return args[0]
                        else:
                            raise KeyError(key)
                    else:
                        return o

                def setdefault(self, key, default=None):
                    try:
                        o = self.data[key]()
                    except KeyError:
                        o = None
                    if o is None:
                        if self._pending_removals:
                            self._commit_removals()
                        self.data[key] = _hb_keyed_ref(default, self._remove, key)
                        return default
                    else:
                        return o

                def update(self, other=None, **kwargs):
                    if self._pending_removals:
                        self._commit_removals()
                    d = self.data
                    if other is not None:
                        if not hasattr(other, "items"):
                            other = dict(other)
                        for key, o in other.items():
                            d[key] = _hb_keyed_ref(o, self._remove, key)
                    for key, o in kwargs.items():
                        d[key] = _hb_keyed_ref(o, self._remove, key)

                def valuerefs(self):
                    """Return a list of weak references to the values.

                    The references are not guaranteed to be 'live' at the time
                    they are used, so the result of calling the references needs
                    to be checked before being used.  This can be used to avoid
                    creating references that will cause the garbage collector to
                    keep the values around longer than needed.

                    """
                    if self._pending_removals:
                        self._commit_removals()
                    return list(self.data.values())

                # Mapping's `__eq__` (which leaves `__hash__` None) runs ABCMeta's isinstance:
                # refused.
                def __eq__(self, other):
                    _hb_unmodelled("== with a weakref.WeakValueDictionary")

            """#
    }
}
