import HeapEngine

// Objects/typeobject.c: which special names of a class the engine honours.
//
// type_new (and type_setattro's update_slot afterwards) turns a special name in the class
// dict into a type slot or protocol: `__slots__` changes the instance layout, `__sizeof__`
// what sys.getsizeof reports, `__eq__` sets `__hash__` to None, `__len__`'s result is
// checked by slot_sq_length, and so on. The engine honours a special name only where it
// reproduces all of that; every other special name is refused when the class is made (or
// the name set on it later), never accepted and ignored.

extension Interpreter {
    /// The special names a class may define that the engine honours exactly, each only as
    /// a plain function (a `def` in the body): `__init__` (slot_tp_init, its None check),
    /// `__del__` (slot_tp_finalize, PEP 442), `__repr__` and `__str__` (slot_tp_repr /
    /// slot_tp_str and PyObject_Repr / PyObject_Str's non-string checks), `__enter__` and
    /// `__exit__` (no slot: `with` looks them up on the type, CEval.beforeWith), `__setattr__`
    /// (slot_tp_setattro, `setAttr`; `del` calls object's `__delattr__`), `__sizeof__`
    /// (no slot: sys.getsizeof looks it up, `userSizeof`), and through `callSpecial` (the
    /// slot functions' call): `__len__` (slot_sq_length, `slotLength`), `__bool__`
    /// (slot_nb_bool, `isTrue`), `__contains__` (slot_sq_contains, `contains`),
    /// `__getitem__`/`__setitem__`/`__delitem__` (slot_mp_subscript / slot_mp_ass_subscript),
    /// `__iter__` (slot_tp_iter + PyIter_Check, `getIter`) and `__next__` (slot_tp_iternext,
    /// `next`/`slotIterNext`), `__call__` (slot_tp_call, `slotCall`). Where CPython would use one of them in a way the engine does
    /// not model, that path refuses (`refuseSequenceIteration`, `refuseLengthHint`,
    /// `refuseMissingSlotHalf`). The comparison methods (slot_tp_richcompare, `richCompare`)
    /// and `__hash__` (slot_tp_hash, `instanceHash`; also as None, and a class defining
    /// `__eq__` without it gets `__hash__ = None`, `typeReadySetHash`). Not honoured yet: the
    /// number methods.
    static let honouredSpecialMethods: Set<String> = ["__init__", "__del__", "__repr__", "__str__", "__enter__", "__exit__",
                                                       "__sizeof__", "__len__", "__bool__", "__contains__",
                                                       "__getitem__", "__setitem__", "__delitem__", "__iter__", "__next__",
                                                       "__call__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
                                                       "__hash__", "__setattr__"]

    /// Whether `name` is a special ("dunder") name: `__x__`.
    static func isSpecialName(_ name: String) -> Bool {
        // The cheap tests first: String.count walks the whole name (grapheme breaking).
        name.hasPrefix("__") && name.hasSuffix("__") && name.count > 4
    }

    /// type_new's view of the class namespace: refuses every special name the engine would
    /// otherwise accept and ignore. The body's prologue stored `__module__`, `__qualname__`
    /// (and on 3.13 `__firstlineno__`, `__static_attributes__`); CPython honours a body that
    /// rebinds them (type_new takes `__qualname__` out of the dict and uses it, the repr reads
    /// `__module__`), the engine does not, so a changed value is refused. Values are compared,
    /// not identities: a rebound name's old object may be freed and its slot reused.
    func checkClassNamespace(_ namespace: ObjectRef, qualname: String, firstLine: Int,
                             staticAttributes: ObjectRef?) throws {
        for (k, v) in dictStorage(namespace).items {
            try refuseForeignMemberDescr(v)
            guard case .str(let s) = heap.payload[Int(k)], Interpreter.isSpecialName(s.value) else { continue }
            let unchanged: Bool
            switch s.value {
            case "__module__": unchanged = isExactStr(v) && stringValue(v) == classBodyModule
            case "__qualname__": unchanged = isExactStr(v) && stringValue(v) == qualname
            case "__firstlineno__" where profile.classStaticAttributes:
                if case .int(let n) = heap.payload[Int(v)], heap.kind(v) == .int { unchanged = n == firstLine } else { unchanged = false }
            case "__static_attributes__" where staticAttributes != nil:
                unchanged = v == staticAttributes   // a code constant: alive as long as the code
            case "__doc__":
                // A docstring (compiler_body's STORE_NAME __doc__) or any binding of the name:
                // type_new keeps it in the dict, where type's __doc__ getter finds it.
                continue
            case "__slots__":
                continue   // type_new's slot handling (typeNewSlots) honours or refuses it
            case "__annotations__":
                continue   // SETUP_ANNOTATIONS' dict: kept in the class dict, read by lookups
            case "__classcell__":
                // compiler_class stores the body's `__class__` cell; anything else would be
                // type_new's TypeError ("__classcell__ must be a nonlocal cell").
                unchanged = isCell(v)
            // A namedtuple's (CollectionsNamedtuple.swift: copy, pickle, match and copy.replace,
            // which read them, are refused on their own).
            case "__getnewargs__", "__match_args__", "__replace__" where makingNamedtupleClass || makingDataclass:
                continue
            // What `@dataclass` sets (DataclassesModule.swift): read by fields(), pattern
            // matching (refused), copy.replace (refused) and `del` (slot_tp_setattro).
            case "__dataclass_fields__", "__dataclass_params__", "__delattr__" where makingDataclass:
                continue
            case "__new__":
                unchanged = isModelledClassNew(v)   // SlotTpNew.swift
            case "__getattr__", "__getattribute__", "__delattr__":
                unchanged = heap.kind(v) == .function   // SlotTpGetattrHook.swift
            default:
                try checkSpecialMethod(s.value, v)
                continue
            }
            if !unchanged { throw notModelled(s.value) }
        }
    }

    /// A special name set on a class or an instance after the class exists
    /// (type_setattro / object's generic setattr): refuses what the engine does not honour.
    /// `value` is nil for `del`.
    func checkSpecialAttributeAssignment(_ obj: ObjectRef, _ attr: String, _ value: ObjectRef?) throws {
        guard Interpreter.isSpecialName(attr) else { return }
        switch heap.payload[Int(obj)] {
        case .type(let info) where info.isHeapType:
            // type_setattro → update_slot; `__name__`, `__qualname__`, `__module__`,
            // `__doc__`, `__bases__`, `__dict__` are type getsets or read by the repr.
            // `__slotnames__` fills no slot (update_slot finds no slotdef for it): copyreg's
            // _slotnames caches a class's slot names there (CopyregReduce.swift).
            if attr == "__slotnames__", let value, case .list = heap.payload[Int(value)] { return }
            // What `@dataclass` sets on the class it processes (DataclassesModule.swift): the
            // docstring type's getter reads, and names no slot reads (`__delattr__` only by `del`,
            // through slot_tp_setattro, which a frozen dataclass's `__setattr__` set already).
            if makingDataclass, value != nil,
               ["__dataclass_fields__", "__dataclass_params__", "__match_args__", "__delattr__", "__doc__", "__replace__"].contains(attr) {
                return
            }
            guard let value else {
                // Deleting a slot method makes the next base's one apply: not modelled.
                if Interpreter.honouredSpecialMethods.contains(attr) { throw notModelled("del \(info.name).\(attr)") }
                throw notModelled(attr)
            }
            if info.kind != .instance, !Interpreter.honouredBuiltinSubclassMethods(info.kind).contains(attr) {
                throw notModelled("\(attr) set on a subclass of \(builtinBaseName(info.kind))")
            }
            try checkSpecialMethod(attr, value)
        case .instance:
            // `__class__`, `__dict__` and `__weakref__` are data descriptors of every
            // class (object.__class__, subtype_dict, subtype_getweakref): assignment changes the
            // type or the dict, or raises; any other special name is an ordinary instance
            // attribute that the slots never read.
            if ["__class__", "__dict__", "__weakref__"].contains(attr) {
                throw notModelled(value == nil ? "del obj.\(attr)" : "\(attr) assignment")
            }
        default: return
        }
    }

    /// One special name bound in a class: honoured only when it is a plain function
    /// among `honouredSpecialMethods` (a non-function value is called through the slot,
    /// and a class attribute whose type defines `__get__` is a descriptor), or `__hash__`
    /// bound to None (update_one_slot: PyObject_HashNotImplemented).
    private func checkSpecialMethod(_ name: String, _ value: ObjectRef) throws {
        if name == "__hash__" && value == heap.none { return }
        // `__missing__` fills no slot: dict_subscript looks it up on a dict subclass at each
        // miss (dictMissing); on any other class it is an ordinary method.
        // `__post_init__` fills no slot either: the `__init__` @dataclass generates calls it.
        guard Interpreter.honouredSpecialMethods.contains(name) || name == "__missing__" || name == "__post_init__", case .function = heap.payload[Int(value)] else {
            throw notModelled(name)
        }
    }
}

// Objects/typeobject.c: type_new's `__slots__` (3.11's type_new_get_slots,
// type_new_visit_slots and type_new_copy_slots; 3.6-3.8 do the same inline in type_new).

extension Interpreter {
    /// The class's `__slots__`, checked and turned into ht_slots as type_new does, or nil
    /// when the body did not set it. `dict` is the class's copy of the namespace.
    ///
    /// Objects made on the way, in CPython's order (the collector's count and the free
    /// lists see them): the tuple PyTuple_Pack makes of a single str or PySequence_Tuple of
    /// a list (released at the end), the list of names (PyList_New, released after
    /// PyList_AsTuple), then ht_slots, the tuple of the sorted names.
    ///
    /// Raised as CPython raises them (texts from 3.6.15-3.13.0): "__slots__ items must be
    /// strings, not 'int'", "__slots__ must be identifiers" (both per item, in order), and
    /// "'x' in __slots__ conflicts with class variable", "__dict__ slot disallowed: we
    /// already got one" (the base has a dict, or it is listed twice) and its `__weakref__`
    /// twin (`Profile.weakrefSlotErrorMentionsItemsize`). `__dict__` and `__weakref__` are
    /// no members: they give the instances a dict or a weakref list (add_dict / add_weak).
    /// Refused: a `__slots__` that is not a str, tuple or list; other special and private
    /// (mangled) names; duplicates; names made at run time (not interned); non-ASCII names;
    /// more than one conflicting name (3.6 reports another one than 3.8+); and on 3.13 a
    /// class with a `__dict__` and slots (its instances get no inline values).
    func typeNewSlots(_ dict: ObjectRef, base: ObjectRef) throws -> SlotsSpec? {
        // Found without making a `__slots__` str: 3.11+ look it up with a static string
        // (_Py_ID), and an allocation here would move every later address.
        let found = dictStorage(dict).items.first { heap.kind($0.key) == .str && stringValue($0.key) == "__slots__" }
        guard let value = found?.value else {
            try refuseDictWithoutInlineValues(base: base, ownSlots: 0, addsDict: true)
            return nil
        }
        var temporary: ObjectRef?
        let items: [ObjectRef]
        switch heap.payload[Int(value)] {
        case .str where heap.kind(value) == .str:
            items = [value]
            heap.incref(value)
            temporary = try newTuple([value])       // PyTuple_Pack(1, slots)
        case .tuple(let t) where heap.isExact(value, .tuple):
            items = t                               // PySequence_Tuple: the tuple itself
        case .list(let l) where heap.isExact(value, .list):
            items = l.items
            items.forEach(heap.incref)
            temporary = try newTuple(items)         // PySequence_Tuple: PyList_AsTuple
        default:
            throw notModelled("__slots__", because: "only a str, tuple or list of names is modelled, not a '\(typeName(value))'")
        }
        defer { temporary.map(heap.decref) }
        let baseInfo = heap.typeInfo(base)
        var names: [String] = []
        var members: [ObjectRef] = []
        var addDict = false, addWeakref = false
        for item in items {
            guard heap.kind(item) == .str else {
                throw error("TypeError", "__slots__ items must be strings, not '\(typeName(item))'")
            }
            let n = stringValue(item)
            guard n.unicodeScalars.allSatisfy({ $0.isASCII }) else {
                throw notModelled("__slots__", because: "non-ASCII slot names are not modelled")
            }
            guard Interpreter.isASCIIIdentifier(n) else { throw error("TypeError", "__slots__ must be identifiers") }
            // type_new_visit_slots: may_add_dict is tp_dictoffset == 0, may_add_weak
            // tp_weaklistoffset == 0 (and no itemsize: only object and classes are bases).
            if n == "__dict__" {
                if addDict || (baseInfo.isHeapType && baseInfo.hasInstanceDict) {
                    throw error("TypeError", "__dict__ slot disallowed: we already got one")
                }
                addDict = true
                continue
            }
            if n == "__weakref__" {
                if addWeakref || (baseInfo.isHeapType && baseInfo.hasInstanceWeakrefs) {
                    throw error("TypeError", profile.weakrefSlotErrorMentionsItemsize
                        ? "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"
                        : "__weakref__ slot disallowed: we already got one")
                }
                addWeakref = true
                continue
            }
            if n.hasPrefix("__") {
                throw notModelled("__slots__", because: "special and private (mangled) slot names are not modelled")
            }
            if names.contains(n) { throw notModelled("__slots__", because: "duplicate slot names are not modelled") }
            if case .str(let sv) = heap.payload[Int(item)], !sv.isInterned {
                throw notModelled("__slots__", because: "slot names made at run time are not modelled")
            }
            names.append(n)
            members.append(item)
        }
        try refuseDictWithoutInlineValues(base: base, ownSlots: names.count, addsDict: addDict)
        // type_new_copy_slots: the names but `__dict__`/`__weakref__` into a new list (no
        // mangling: private names are refused above), each checked against the class
        // dict, sorted, made a tuple.
        let conflicts = try members.filter { try dictGet(dict, $0) != nil }
        members.forEach(heap.incref)
        let list = try newList(members, extend: false)
        if let first = conflicts.first {
            heap.decref(list)
            if conflicts.count > 1 { throw notModelled("__slots__", because: "several names conflicting with class variables are not modelled") }
            throw error("ValueError", "'\(stringValue(first))' in __slots__ conflicts with class variable")
        }
        // PyList_Sort: by code point (the names are ASCII).
        let sorted = members.sorted { stringValue($0) < stringValue($1) }
        sorted.forEach(heap.incref)
        let tuple: ObjectRef
        do { tuple = try newTuple(sorted) } catch { heap.decref(list); throw error }
        heap.decref(list)
        return SlotsSpec(names: sorted.map(stringValue), tuple: tuple, addDict: addDict, addWeakref: addWeakref)
    }

    /// 3.13 gives a class's instances inline values (Py_TPFLAGS_INLINE_VALUES) only when
    /// its basicsize is object's; a class with a `__dict__` and slots anywhere in its chain
    /// keeps its attributes in a dict of its own, which the engine does not model (its
    /// dicts are 304 bytes where a plain class's are 296 on 3.13.0).
    private func refuseDictWithoutInlineValues(base: ObjectRef, ownSlots: Int, addsDict: Bool) throws {
        guard profile.instanceInlineValues else { return }
        let b = heap.typeInfo(base)
        let baseSlots = b.isHeapType ? b.slotCount : 0
        let hasDict = addsDict || (b.isHeapType && b.hasInstanceDict)
        if hasDict && baseSlots + ownSlots > 0 {
            throw notModelled("__slots__", because: "on 3.13 a class with both a `__dict__` and slots has no inline values, which the engine does not model")
        }
    }

    /// Python identifier syntax for ASCII names (PyUnicode_IsIdentifier on ASCII).
    static func isASCIIIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        func isStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        return isStart(first) && s.unicodeScalars.dropFirst().allSatisfy { isStart($0) || ($0 >= "0" && $0 <= "9") }
    }
}

// Objects/typeobject.c: inherit_slots's overrides_hash and type_ready_set_hash.

extension Interpreter {
    /// PyType_Ready for a new class: a dict with `__eq__` but no `__hash__` keeps
    /// inherit_slots from copying the base's tp_hash, and type_ready_set_hash then stores
    /// `__hash__ = None` at the end of the dict (`A.__dict__['__hash__']` is None and
    /// `hash(A())` raises "unhashable type: 'A'" on 3.6.15-3.13.0). Subclasses find that
    /// None along the MRO as CPython's inherited PyObject_HashNotImplemented does.
    func typeReadySetHash(_ typeDict: ObjectRef) throws {
        let d = dictStorage(typeDict)
        func has(_ n: String) -> Bool { d.items.contains { heap.kind($0.key) == .str && stringValue($0.key) == n } }
        guard has("__eq__"), !has("__hash__") else { return }
        try dictSet(typeDict, name("__hash__"), heap.none)
    }
}
