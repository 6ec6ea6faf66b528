import HeapEngine

// Lib/_weakrefset.py: class WeakSet (and its _IterationGuard), which Lib/weakref.py imports.
//
// WeakSet is Python in CPython, and so it is here (as finalize in WeakrefFinalize.swift): the
// first lookup of `weakref.WeakSet` compiles and runs Lib/_weakrefset.py at the profile's tag
// (v3.6.15, v3.8.18, v3.11.7 = v3.12.1 = v3.13.0) with the engine's own compiler and
// evaluator, so that a WeakSet's objects are CPython's: the instance and its dict, the `data`
// set of weak references whose callback is the per-instance function `_remove` (its default
// `selfref=ref(self)` a reference to the WeakSet), the `_pending_removals` list, the
// `_iterating` set, and an _IterationGuard (and its reference to the WeakSet) for every
// running iteration, which delays removals until the iteration ends. An item's death runs
// its reference's callback, which discards the reference from `data` (found by the hash the
// reference cached when it was added: Interpreter+Hashing.swift); a cycle's items die in a
// collection.
//
// The tags differ in: `_commit_removals` (3.6.15, 3.8.18: `while l: discard(l.pop())`; 3.11.7+
// pops until IndexError), `pop`'s `raise KeyError(...) from None` (3.8+), `set(map(ref,
// other))` for `set(ref(item) for item in other)` in `__lt__`, `__gt__`, `__eq__` (3.8+),
// `__repr__` (3.8+: the data set's repr; 3.6.15 keeps object's), `__reduce__`'s state
// (`getattr(self, '__dict__', None)` before 3.11, `self.__getstate__()` from it), and
// `__class_getitem__ = classmethod(GenericAlias)` (3.9+).
//
// What the engine does not have is refused, never approximated (`refuseWeakSetAttribute`,
// `unmodelledWeakSetNames`):
// - the number methods (`|`, `&`, `-`, `^` and their in-place forms: the engine honours no
//   number methods of a class) are not in the stand-in: looking them up and every binary
//   operator with a WeakSet operand are refused. `difference_update`, `intersection_update`
//   and `symmetric_difference_update` call `__isub__`, `__iand__`, `__ixor__` by name: the
//   stand-in's bodies are CPython's under the names `_hb_isub`, `_hb_iand`, `_hb_ixor`;
// - `__reduce__` (copy and pickle) and `__class_getitem__` (`WeakSet[int]`) are refused;
// - an exception leaving one of the stand-in's frames (`ws.remove(x)`'s KeyError, `ws.add(1)`'s
//   TypeError) is refused: CPython's traceback names the installed _weakrefset.py
//   (`Interpreter.callFunction`);
// - the class's and the stand-in's dicts (`WeakSet.__dict__`, `_remove.__globals__`).
//
// The class is CPython's start-up object (3.6.15, 3.11.7, 3.13.0: abc or site loaded
// _weakrefset) or one `import weakref` made (3.8.18, 3.12.1: that import's count is declared
// unknown, `Profile.weakrefImportUnmodelled`); made at the first lookup here, it leaves
// addresses, the collector's lists and shared counts unknown (`makeLibClass`).
extension Interpreter {
    /// The file name the stand-in's code carries (`co_filename`).
    static let weakrefsetModuleFile = "<heapbook: Lib/_weakrefset.py>"

    /// `weakref.WeakSet` (borrowed): made at the first lookup.
    func weakrefWeakSet() throws -> ObjectRef {
        if let c = weakSetClass { return c }
        let c = try makeLibClass("WeakSet", module: "_weakrefset", file: Interpreter.weakrefsetModuleFile) { d in
            // `from _weakref import ref` at the top of Lib/_weakrefset.py.
            try dictSet(d, name("ref"), heap.builtinType(.weakref))
            return weakSetSource()
        }
        weakSetClass = c
        return c
    }

    /// CPython's WeakSet attributes the stand-in does not define (see the header).
    var unmodelledWeakSetNames: Set<String> {
        var names: Set<String> = ["__reduce__", "__or__", "__ior__", "__and__", "__iand__", "__sub__", "__isub__",
                                  "__xor__", "__ixor__", "__dict__"]
        if profile.minor >= 9 { names.insert("__class_getitem__") }
        return names
    }

    /// Whether `r` is WeakSet, a subclass of it, or an instance of one of those.
    func isWeakSetOrInstance(_ r: ObjectRef) -> Bool {
        guard let c = weakSetClass else { return false }
        let t = heap.kind(r) == .type ? r : heap.typeOf[Int(r)]
        guard case .type(let info) = heap.payload[Int(t)], info.isHeapType else { return false }
        return info.mro.contains(c)
    }

    /// Attribute lookups on WeakSet (its subclasses, their instances) that would show the
    /// stand-in's names, or miss CPython's.
    func refuseWeakSetAttribute(_ obj: ObjectRef, _ attr: String) throws {
        guard weakSetClass != nil, attr.hasPrefix("_hb_") || unmodelledWeakSetNames.contains(attr),
              isWeakSetOrInstance(obj) else { return }
        // An instance's own `__dict__` is CPython's (the instance attributes) but for the class's.
        if attr == "__dict__", heap.kind(obj) != .type { return }
        throw notModelled("WeakSet.\(attr)", because: unmodelledWeakSetReason)
    }

    var unmodelledWeakSetReason: String {
        "Lib/_weakrefset.py's WeakSet is modelled without its number methods, `__reduce__` and `__class_getitem__`"
    }

    /// A binary operator with a WeakSet operand: CPython's WeakSet has number methods
    /// (`__or__`...), which the engine does not honour.
    func refuseWeakSetOperand(_ a: ObjectRef, _ b: ObjectRef, _ op: String) throws {
        guard weakSetClass != nil, isWeakSetOrInstance(a) || isWeakSetOrInstance(b) else { return }
        throw notModelled("the \(op) operator with a WeakSet", because: "Lib/_weakrefset.py's WeakSet is modelled "
            + "without its number methods")
    }

    /// Lib/_weakrefset.py at the profile's tag, without what the header lists as refused.
    private func weakSetSource() -> String {
        let v = profile.minor
        let commitRemovals = v < 11 ? """
                    l = self._pending_removals
                    discard = self.data.discard
                    while l:
                        discard(l.pop())
            """ : """
                    pop = self._pending_removals.pop
                    discard = self.data.discard
                    while True:
                        try:
                            item = pop()
                        except IndexError:
                            return
                        discard(item)
            """
        let popRaise = v < 8 ? "raise KeyError('pop from empty WeakSet')" : "raise KeyError('pop from empty WeakSet') from None"
        let refSet = v < 8 ? "set(ref(item) for item in other)" : "set(map(ref, other))"
        let repr = v < 8 ? "" : """

                def __repr__(self):
                    return repr(self.data)
            """
        return """
            __all__ = ['WeakSet']


            class _IterationGuard:
                # This context manager registers itself in the current iterators of the
                # weak container, such as to delay all removals until the context manager
                # exits.
                # This technique should be relatively thread-safe (since sets are).

                def __init__(self, weakcontainer):
                    # Don't create cycles
                    self.weakcontainer = ref(weakcontainer)

                def __enter__(self):
                    w = self.weakcontainer()
                    if w is not None:
                        w._iterating.add(self)
                    return self

                def __exit__(self, e, t, b):
                    w = self.weakcontainer()
                    if w is not None:
                        s = w._iterating
                        s.remove(self)
                        if not s:
                            w._commit_removals()


            class WeakSet:
                def __init__(self, data=None):
                    self.data = set()
                    def _remove(item, selfref=ref(self)):
                        self = selfref()
                        if self is not None:
                            if self._iterating:
                                self._pending_removals.append(item)
                            else:
                                self.data.discard(item)
                    self._remove = _remove
                    # A list of keys to be removed
                    self._pending_removals = []
                    self._iterating = set()
                    if data is not None:
                        self.update(data)

                def _commit_removals(self):
            \(commitRemovals)

                def __iter__(self):
                    with _IterationGuard(self):
                        for itemref in self.data:
                            item = itemref()
                            if item is not None:
                                # Caveat: the iterator will keep a strong reference to
                                # `item` until it is resumed or closed.
                                yield item

                def __len__(self):
                    return len(self.data) - len(self._pending_removals)

                def __contains__(self, item):
                    try:
                        wr = ref(item)
                    except TypeError:
                        return False
                    return wr in self.data

                def add(self, item):
                    if self._pending_removals:
                        self._commit_removals()
                    self.data.add(ref(item, self._remove))

                def clear(self):
                    if self._pending_removals:
                        self._commit_removals()
                    self.data.clear()

                def copy(self):
                    return self.__class__(self)

                def pop(self):
                    if self._pending_removals:
                        self._commit_removals()
                    while True:
                        try:
                            itemref = self.data.pop()
                        except KeyError:
                            \(popRaise)
                        item = itemref()
                        if item is not None:
                            return item

                def remove(self, item):
                    if self._pending_removals:
                        self._commit_removals()
                    self.data.remove(ref(item))

                def discard(self, item):
                    if self._pending_removals:
                        self._commit_removals()
                    self.data.discard(ref(item))

                def update(self, other):
                    if self._pending_removals:
                        self._commit_removals()
                    for element in other:
                        self.add(element)

                def difference(self, other):
                    newset = self.copy()
                    newset.difference_update(other)
                    return newset

                def difference_update(self, other):
                    self._hb_isub(other)
                def _hb_isub(self, other):
                    if self._pending_removals:
                        self._commit_removals()
                    if self is other:
                        self.data.clear()
                    else:
                        self.data.difference_update(ref(item) for item in other)
                    return self

                def intersection(self, other):
                    return self.__class__(item for item in other if item in self)

                def intersection_update(self, other):
                    self._hb_iand(other)
                def _hb_iand(self, other):
                    if self._pending_removals:
                        self._commit_removals()
                    self.data.intersection_update(ref(item) for item in other)
                    return self

                def issubset(self, other):
                    return self.data.issubset(ref(item) for item in other)
                __le__ = issubset

                def __lt__(self, other):
                    return self.data < \(refSet)

                def issuperset(self, other):
                    return self.data.issuperset(ref(item) for item in other)
                __ge__ = issuperset

                def __gt__(self, other):
                    return self.data > \(refSet)

                def __eq__(self, other):
                    if not isinstance(other, self.__class__):
                        return NotImplemented
                    return self.data == \(refSet)

                def symmetric_difference(self, other):
                    newset = self.copy()
                    newset.symmetric_difference_update(other)
                    return newset

                def symmetric_difference_update(self, other):
                    self._hb_ixor(other)
                def _hb_ixor(self, other):
                    if self._pending_removals:
                        self._commit_removals()
                    if self is other:
                        self.data.clear()
                    else:
                        self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
                    return self

                def union(self, other):
                    return self.__class__(e for s in (self, other) for e in s)

                def isdisjoint(self, other):
                    return len(self.intersection(other)) == 0
            \(repr)

            """
    }
}
