import HeapEngine

// Lib/weakref.py: class WeakKeyDictionary (a `_collections_abc.MutableMapping`).
//
// WeakKeyDictionary is Python in CPython, and so it is here (as WeakSet in
// WeakrefWeakSet.swift): the first lookup of `weakref.WeakKeyDictionary` compiles and runs the
// class statement of Lib/weakref.py at the profile's tag (v3.6.15, v3.8.18, v3.11.7 = v3.12.1
// = v3.13.0) with the engine's own compiler and evaluator, so that a dictionary's objects are
// CPython's: the instance and its dict, the `data` dict keyed by weak references whose
// callback is the per-instance function `remove` (its default `selfref=ref(self)` a reference
// to the dictionary: no cell), the `_pending_removals` list, the `_iterating` set, the
// `_dirty_len` flag, and an _IterationGuard (Lib/_weakrefset.py's, which weakref.py imports:
// the WeakSet stand-in's) for every running iteration, which delays removals until it ends.
// A key's death runs its reference's callback, which deletes the reference from `data`
// (found by the hash the reference cached when it was added); a cycle's keys die in a
// collection.
//
// The tags differ in: `remove` (3.11+ catches the KeyError of `del self.data[k]`),
// `_commit_removals` (3.6.15: `while l: del d[l.pop()]`; 3.8.18 likewise, catching KeyError;
// 3.11.7+ pops until IndexError), `copy` and `__deepcopy__` (3.8+ iterate under an
// _IterationGuard), `update`'s `/` (3.8+) and `__ior__`, `__or__`, `__ror__` (3.9+).
//
// The class's bases are ABCs (`MutableMapping`, `Mapping`, `Collection`, `Sized`, `Iterable`,
// `Container`) made by ABCMeta, which the engine does not model: the stand-in is a class of
// its own (`__slots__ = ()` in every ABC: the instances' layout is a plain class's) with what
// it inherits from them that can be run exactly: `__hash__ = None`, which Mapping's `__eq__`
// implies (the stand-in's `__eq__` is a refusal). Refused, never approximated
// (`refuseWeakKeyDictAttribute`, `refuseWeakKeyDictClass`):
// - what the ABCs give and run with ABCMeta's caches or an exception through the stand-in:
//   `==` and `!=` (Mapping.__eq__'s `isinstance(other, Mapping)`), `clear` (MutableMapping's
//   loop ends on the KeyError `popitem` raises through weakref.py), `__reversed__` (None: the
//   engine's class statements refuse the name; reversed() of an instance is refused),
//   `__slots__`, `__abstractmethods__`, the ABC registry and caches, `__class_getitem__` (3.9+;
//   before, "'ABCMeta' object is not subscriptable");
// - the class as an object of ABCMeta: `type(WeakKeyDictionary)`, its `__class__`, `__mro__`,
//   `__bases__`, `__base__`, `__dict__`, `mro`, `__subclasses__`, dir(), `isinstance(x,
//   WeakKeyDictionary)` for an `x` of another type and `issubclass(..., WeakKeyDictionary)`
//   (ABCMeta's `__instancecheck__`/`__subclasscheck__`, which fill its caches), `super()`
//   over its MRO, and subclassing it (ABCMeta.__new__);
// - the number methods (`|`, `|=`, 3.9+) with a WeakKeyDictionary operand, on every tag, and
//   `__copy__` (`= copy`, a special name the engine's class statements refuse: copy.copy),
//   `__deepcopy__`, `__reduce__`, `__reduce_ex__`, `__getstate__` (copy.deepcopy, pickle);
// - `pop` reaches `self.data.pop(ref(key), *args)`, a CALL_FUNCTION_EX of a builtin method,
//   which the engine refuses;
// - `update(self=..., dict=...)` on 3.8+, whose `/` the engine's parser lacks
//   (`refuseWeakKeyDictKeywords`);
// - an exception leaving one of the stand-in's frames (`d[missing]`'s KeyError, `d[1] = 2`'s
//   TypeError): CPython's traceback names the installed weakref.py (`Interpreter.callFunction`),
//   and closing an iterator early (WeakSet's `_IterationGuard` rule, GenObject.swift).
//
// The class is CPython's start-up object (3.11.7 and 3.13.0 load weakref at start-up) or one
// `import weakref` made; made at the first lookup here, it leaves addresses, the collector's
// lists and shared counts unknown (`makeLibClass`).
extension Interpreter {
    /// `weakref.WeakKeyDictionary` (borrowed): made at the first lookup.
    func weakrefWeakKeyDictionary() throws -> ObjectRef {
        if let c = weakKeyDictClass { return c }
        // weakref.py's `from _weakrefset import WeakSet, _IterationGuard`: the same class the
        // WeakSet stand-in's iterations use. Made first: makeLibClass does not nest.
        let guardClass = try weakrefIterationGuard()
        // The rules of finalize's making hold for the module's other classes: 3.13's docstrings
        // are cleaned in the source (`cleaningDocstrings`), and CPython's `import weakref` covers
        // what the class statement does.
        makingFinalizeClass = true
        defer { makingFinalizeClass = false }
        let c = try makeLibClass("WeakKeyDictionary", module: "weakref", file: Interpreter.weakrefModuleFile) { d in
            // `from _weakref import ref` at the top of Lib/weakref.py.
            try dictSet(d, name("ref"), heap.builtinType(.weakref))
            try dictSet(d, name("_IterationGuard"), guardClass)
            defineFunction(in: d, "_hb_unmodelled", module: "weakref") { i, _, args, _ in
                throw i.notModelled(i.stringValue(args[0]), because: i.unmodelledWeakKeyDictReason)
            }
            let source = weakKeyDictSource()
            return profile.minor >= 13 ? Interpreter.cleaningDocstrings(source) : source
        }
        weakKeyDictClass = c
        return c
    }

    /// The stand-ins whose generators run under an `_IterationGuard` (`with`, whose `__exit__`
    /// catches nothing): Lib/_weakrefset.py's and Lib/weakref.py's (finalize has none).
    static func isIterationGuardedFile(_ filename: String) -> Bool {
        filename == weakrefsetModuleFile || filename == weakrefModuleFile
    }

    /// Lib/_weakrefset.py's `_IterationGuard` (borrowed), from the WeakSet stand-in's globals.
    func weakrefIterationGuard() throws -> ObjectRef {
        let ws = try weakrefWeakSet()
        guard let classDict = heap.typeInfo(ws).dict, let initFn = try dictGet(classDict, name("__init__")),
              case .function(let fn) = heap.payload[Int(initFn)],
              let g = try dictGet(fn.globals, name("_IterationGuard")) else {
            preconditionFailure("no _IterationGuard in Lib/_weakrefset.py's stand-in")
        }
        return g
    }

    var unmodelledWeakKeyDictReason: String {
        "Lib/weakref.py's WeakKeyDictionary and WeakValueDictionary are modelled without its ABC bases (ABCMeta, MutableMapping's `clear` and "
            + "Mapping's `__eq__`), its number methods, `__deepcopy__` and pickling"
    }

    /// CPython's WeakKeyDictionary attributes the stand-in does not define or cannot show.
    static let unmodelledWeakKeyDictNames: Set<String> = [
        "clear", "__eq__", "__ne__", "__reversed__", "__slots__", "__abstractmethods__", "_abc_impl", "_abc_registry", "_abc_cache",
        "_abc_negative_cache", "_abc_negative_cache_version", "_abc_registry_clear", "_abc_caches_clear",
        "_dump_registry", "register", "__subclasshook__", "__instancecheck__", "__subclasscheck__",
        "__class_getitem__", "__or__", "__ror__", "__ior__", "__copy__", "__deepcopy__", "__reduce__", "__reduce_ex__",
        "__getstate__", "__init_subclass__",
    ]
    /// What the class shows as an object of ABCMeta.
    static let unmodelledWeakKeyDictClassNames: Set<String> = [
        "__class__", "__mro__", "__bases__", "__base__", "__dict__", "mro", "__subclasses__",
    ]

    /// Whether `r` is the stand-in's WeakKeyDictionary or an instance of it (it has no
    /// subclasses: `refuseWeakKeyDictBase`).
    func isWeakKeyDictOrInstance(_ r: ObjectRef) -> Bool {
        guard let c = weakKeyDictClass else { return isWeakValueDictOrInstance(r) }
        return r == c || heap.typeOf[Int(r)] == c || isWeakValueDictOrInstance(r)
    }

    /// Attribute lookups on WeakKeyDictionary and its instances that would show the
    /// stand-in's names, or miss (or misstate) CPython's.
    func refuseWeakKeyDictAttribute(_ obj: ObjectRef, _ attr: String) throws {
        guard isWeakKeyDictOrInstance(obj) else { return }
        let isClass = obj == weakKeyDictClass || obj == weakValueDictClass
        if attr.hasPrefix("_hb_") || Interpreter.unmodelledWeakKeyDictNames.contains(attr)
            || (isClass && Interpreter.unmodelledWeakKeyDictClassNames.contains(attr)) {
            let cls = isWeakValueDictOrInstance(obj) ? "WeakValueDictionary" : "WeakKeyDictionary"
            throw notModelled("\(cls).\(attr)", because: unmodelledWeakKeyDictReason)
        }
    }

    /// The class as an argument where CPython would consult its metaclass, ABCMeta: `type(C)`,
    /// isinstance (but for an instance of exactly C: PyObject_IsInstance's first test),
    /// issubclass, and a class statement deriving from it.
    func refuseWeakKeyDictClass(_ c: ObjectRef, _ what: String, instance: ObjectRef? = nil) throws {
        guard c == weakKeyDictClass || c == weakValueDictClass else { return }
        if let instance, heap.typeOf[Int(instance)] == c { return }
        let cls = c == weakValueDictClass ? "WeakValueDictionary" : "WeakKeyDictionary"
        throw notModelled("\(what) with weakref.\(cls)", because: unmodelledWeakKeyDictReason)
    }

    /// `update(self, dict=None, /, **kwargs)` from 3.8: the engine's parser has no
    /// positional-only parameters, so the stand-in's bind a keyword `self` or `dict` where
    /// CPython's put it in `kwargs`. Refused before binding.
    func refuseWeakKeyDictKeywords(_ code: CodeObject, _ kwargs: [(String, ObjectRef)]) throws {
        guard profile.minor >= 8, code.qualname == "WeakKeyDictionary.update",
              let k = kwargs.first(where: { ["self", "dict"].contains($0.0) }) else { return }
        throw notModelled("WeakKeyDictionary.update(\(k.0)=...)",
                          because: "heapbook's parser has no positional-only parameters, which Lib/weakref.py's "
                              + "WeakKeyDictionary.update has from 3.8")
    }

    /// Lib/weakref.py's class WeakKeyDictionary at the profile's tag (see the header).
    private func weakKeyDictSource() -> String {
        let v = profile.minor
        let removeDel = v < 11 ? """
                                del self.data[k]
            """ : """
                                try:
                                    del self.data[k]
                                except KeyError:
                                    pass
            """
        let commitRemovals = v < 11 ? """
                    l = self._pending_removals
                    d = self.data
                    while l:
                        try:
                            del d[l.pop()]
                        except KeyError:
                            pass
            """ : """
                    pop = self._pending_removals.pop
                    d = self.data
                    while True:
                        try:
                            key = pop()
                        except IndexError:
                            return

                        try:
                            del d[key]
                        except KeyError:
                            pass
            """
        // `copy`'s loop, under an _IterationGuard from 3.8 (bpo-35615).
        func guarded(_ body: String) -> String {
            if v < 8 {
                return "        for key, value in self.data.items():\n            o = key()\n            if o is not None:\n"
                    + "                \(body)\n"
            }
            return "        with _IterationGuard(self):\n            for key, value in self.data.items():\n"
                + "                o = key()\n                if o is not None:\n                    \(body)\n"
        }
        return #"""
            class WeakKeyDictionary:
                """\#(profile.minor >= 13 ? "" : " ")Mapping class that references keys weakly.

                Entries in the dictionary will be discarded when there is no
                longer a strong reference to the key. This can be used to
                associate additional data with an object owned by other parts of
                an application without adding attributes to those objects. This
                can be especially useful with objects that override attribute
                accesses.
                """

                def __init__(self, dict=None):
                    self.data = {}
                    def remove(k, selfref=ref(self)):
                        self = selfref()
                        if self is not None:
                            if self._iterating:
                                self._pending_removals.append(k)
                            else:
            \#(removeDel)
                    self._remove = remove
                    # A list of dead weakrefs (keys to be removed)
                    self._pending_removals = []
                    self._iterating = set()
                    self._dirty_len = False
                    if dict is not None:
                        self.update(dict)

                def _commit_removals(self):
                    # NOTE: We don't need to call this method before mutating the dict,
                    # because a dead weakref never compares equal to a live weakref,
                    # even if they happened to refer to equal objects.
                    # However, it means keys may already have been removed.
            \#(commitRemovals)

                def _scrub_removals(self):
                    d = self.data
                    self._pending_removals = [k for k in self._pending_removals if k in d]
                    self._dirty_len = False

                def __delitem__(self, key):
                    self._dirty_len = True
                    del self.data[ref(key)]

                def __getitem__(self, key):
                    return self.data[ref(key)]

                def __len__(self):
                    if self._dirty_len and self._pending_removals:
                        # self._pending_removals may still contain keys which were
                        # explicitly removed, we have to scrub them (see issue #21173).
                        self._scrub_removals()
                    return len(self.data) - len(self._pending_removals)

                def __repr__(self):
                    return "<%s at %#x>" % (self.__class__.__name__, id(self))

                def __setitem__(self, key, value):
                    self.data[ref(key, self._remove)] = value

                def copy(self):
                    new = WeakKeyDictionary()
            \#(guarded("new[o] = value"))        return new

                # `__copy__ = copy`: refused (the engine's class statement does not take it).

                def get(self, key, default=None):
                    return self.data.get(ref(key),default)

                def __contains__(self, key):
                    try:
                        wr = ref(key)
                    except TypeError:
                        return False
                    return wr in self.data

                def items(self):
                    with _IterationGuard(self):
                        for wr, value in self.data.items():
                            key = wr()
                            if key is not None:
                                yield key, value

                def keys(self):
                    with _IterationGuard(self):
                        for wr in self.data:
                            obj = wr()
                            if obj is not None:
                                yield obj

                __iter__ = keys

                def values(self):
                    with _IterationGuard(self):
                        for wr, value in self.data.items():
                            if wr() is not None:
                                yield value

                def keyrefs(self):
                    """Return a list of weak references to the keys.

                    The references are not guaranteed to be 'live' at the time
                    they are used, so the result of calling the references needs
                    to be checked before being used.  This can be used to avoid
                    creating references that will cause the garbage collector to
                    keep the keys around longer than needed.

                    """
                    return list(self.data)

                def popitem(self):
                    self._dirty_len = True
                    while True:
                        key, value = self.data.popitem()
                        o = key()
                        if o is not None:
                            return o, value

                def pop(self, key, *args):
                    self._dirty_len = True
                    return self.data.pop(ref(key), *args)

                def setdefault(self, key, default=None):
                    return self.data.setdefault(ref(key, self._remove),default)

                def update(self, dict=None, **kwargs):
                    d = self.data
                    if dict is not None:
                        if not hasattr(dict, "items"):
                            dict = type({})(dict)
                        for key, value in dict.items():
                            d[ref(key, self._remove)] = value
                    if len(kwargs):
                        self.update(kwargs)

                # Mapping's `__eq__` (which leaves `__hash__` None) runs ABCMeta's isinstance:
                # refused. (Its `__reversed__ = None` is refused by name; reversed() of an
                # instance is refused anyway.)
                def __eq__(self, other):
                    _hb_unmodelled("== with a weakref.WeakKeyDictionary")

            """#
    }
}
