import HeapEngine

/// A slot wrapper: Objects/typeobject.c's slotdefs entry (`__len__` → sq_length through
/// wrap_lenfunc...) as add_operators puts it in a builtin type's dict (a wrapper_descriptor,
/// Objects/descrobject.c). Read from an instance it makes a method-wrapper
/// (`HeapEngine.MethodWrapper`); LOAD_METHOD + CALL on 3.8+ calls it unbound.
struct SlotWrapper {
    typealias Body = (Interpreter, _ selfRef: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef
    let name: String
    /// The positional arguments its wrapper function takes (check_num_args); nil for a
    /// wrapper that takes any (wrap_init, PyWrapperFlag_KEYWORDS).
    let arity: Int?
    let body: Body
}

/// Which builtin types' slots are served, and what each does (the same C function the
/// operator or builtin reaches: `x.__len__()` is `len(x)`, `x.__repr__()` is `repr(x)`).
extension Interpreter {
    /// Kinds whose slot wrappers are served.
    static let sequenceKinds: [TypeKind] = [.str, .bytes, .tuple, .list, .dict, .set, .frozenset, .range]
    static let iteratorKinds: [TypeKind] = [
        .listIterator, .tupleIterator, .rangeIterator, .dictIterator, .setIterator, .strIterator,
        .enumerate, .zip, .reversed, .listReverseIterator, .map, .filter,
    ]
    static let slotKinds: [TypeKind] = [.object, .int, .bool, .float, .none, .function, .ellipsis, .notImplemented]
        + sequenceKinds + iteratorKinds
    /// Kinds whose `__hash__` is None in their type's dict (list_hash... PyObject_HashNotImplemented).
    static let unhashableKinds: [TypeKind] = [.list, .dict, .set]

    @discardableResult
    func defineSlot(_ kinds: [TypeKind], _ name: String, arity: Int?, _ body: @escaping SlotWrapper.Body) -> Int32 {
        slotWrappers.append(SlotWrapper(name: name, arity: arity, body: body))
        let id = Int32(slotWrappers.count - 1)
        for k in kinds { slotTable[k, default: [:]][name] = id }
        return id
    }

    func registerSlotWrappers() {
        defineSlot(Interpreter.sequenceKinds, "__len__", arity: 0) { i, s, _ in try i.newInt(try i.length(s)) }
        defineSlot(Interpreter.slotKinds, "__repr__", arity: 0) { i, s, _ in try i.reprObject(s) }
        defineSlot(Interpreter.slotKinds, "__str__", arity: 0) { i, s, _ in try i.strObject(s) }
        defineSlot(Interpreter.slotKinds.filter { !Interpreter.unhashableKinds.contains($0) }, "__hash__", arity: 0) { i, s, _ in
            // object.__hash__(x) is object's hash (the address) whatever x's class defines.
            if case .instance = i.heap.payload[Int(s)] { return try i.newInt(i.addressHash(s)) }
            return try i.newInt(try i.reproducibleHash(s))
        }
        for (name, op) in [("__eq__", CompareOp.eq), ("__ne__", .ne), ("__lt__", .lt), ("__le__", .le), ("__gt__", .gt), ("__ge__", .ge)] {
            defineSlot(Interpreter.slotKinds, name, arity: 1) { i, s, args in try i.slotRichCompare(op, s, args[0]) }
        }
        // dict, set and frozenset have `__contains__` as a method (METH_COEXIST), list and
        // dict `__getitem__` (SizeofMethods' registration sits beside them).
        defineSlot([.str, .bytes, .tuple, .list, .range], "__contains__", arity: 1) { i, s, args in
            i.heap.newBool(try i.contains(s, args[0]))
        }
        defineSlot([.str, .bytes, .tuple, .range], "__getitem__", arity: 1) { i, s, args in try i.getItem(s, args[0]) }
        defineSlot(Interpreter.sequenceKinds + Interpreter.iteratorKinds, "__iter__", arity: 0) { i, s, _ in try i.getIter(s) }
        for kind in [TypeKind.dict, .set, .frozenset] {
            defineMethod(kind, "__contains__") { i, s, args, _ in i.heap.newBool(try i.contains(s!, args[0])) }
        }
        for kind in [TypeKind.list, .dict] {
            defineMethod(kind, "__getitem__") { i, s, args, _ in try i.getItem(s!, args[0]) }
        }
        // object's own slots for `super().__init__(...)` and the like from an instance of a
        // class: wrap_init → object_init, wrap_unaryfunc → object_repr, wrap_hashfunc →
        // _Py_HashPointer, wrap_richcmpfunc → object_richcompare (whatever the class defines).
        objectSlotTable["__init__"] = defineSlot([], "__init__", arity: nil) { i, s, args in try i.objectInit(s, args) }
        objectSlotTable["__repr__"] = defineSlot([], "__repr__", arity: 0) { i, s, _ in try i.newStr(i.objectReprString(s)) }
        objectSlotTable["__setattr__"] = defineSlot([], "__setattr__", arity: nil) { i, s, args in try i.objectSetattr(s, args) }
        // wrap_binaryfunc → PyObject_GenericGetAttr, wrap_delattr (SlotTpGetattrHook.swift).
        objectSlotTable["__getattribute__"] = defineSlot([], "__getattribute__", arity: 1) { i, s, args in try i.objectGetattribute(s, args) }
        objectSlotTable["__delattr__"] = defineSlot([], "__delattr__", arity: 1) { i, s, args in try i.objectDelattr(s, args) }
        objectSlotTable["__hash__"] = defineSlot([], "__hash__", arity: 0) { i, s, _ in try i.newInt(i.addressHash(s)) }
        for (name, op) in [("__eq__", CompareOp.eq), ("__ne__", .ne), ("__lt__", .lt), ("__le__", .le), ("__gt__", .gt), ("__ge__", .ge)] {
            objectSlotTable[name] = defineSlot([], name, arity: 1) { i, s, args in try i.objectRichCompare(s, args[0], op) }
        }
    }

    /// object_init: nothing to do; excess arguments are a TypeError whose text says whether
    /// the type overrides `__init__` (tp_init is not object_init) or not (then tp_new is
    /// object_new: a `__new__` in a class is refused when the class is made). Measured:
    /// 3.6.15 "object.__init__() takes no parameters" either way; 3.8.18-3.13.0
    /// "object.__init__() takes exactly one argument (the instance to initialize)", and
    /// tp_name in place of `object` when the type does not override `__init__`.
    func objectInit(_ selfRef: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        if args.isEmpty { return heap.newNone() }
        if profile.minor < 8 { throw error("TypeError", "object.__init__() takes no parameters") }
        let type = heap.typeOf[Int(selfRef)]
        let overridesInit = try heap.typeInfo(type).mro.contains { t in
            let info = heap.typeInfo(t)
            guard info.isHeapType, let d = info.dict else { return false }
            return try dictGet(d, name("__init__")) != nil
        }
        let owner = overridesInit ? "object" : heap.typeInfo(type).name
        throw error("TypeError", "\(owner).__init__() takes exactly one argument (the instance to initialize)")
    }

    /// Each type's tp_richcompare called directly: the result for a pair of its own kind,
    /// NotImplemented for another (long_richcompare's CHECK_BINOP, list_richcompare's
    /// PyList_Check, float_richcompare taking ints, dict_richcompare's EQ/NE only,
    /// set_richcompare's PyAnySet_Check, range_richcompare's EQ/NE only, object_richcompare's
    /// identity for `==`/`!=`). A subclass instance on either side is refused.
    func slotRichCompare(_ op: CompareOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef {
        if heap.typeInfo(of: a).isHeapType || heap.typeInfo(of: b).isHeapType {
            throw notModelled("\(typeName(a)).__\(Interpreter.slotName(op))__ with a subclass instance")
        }
        // dict_richcompare on an OrderedDict (dict.__eq__(od, x)) is dict equality alone,
        // without odict_richcompare's order: not modelled.
        if heap.isOrderedDict(a) || heap.isOrderedDict(b) {
            throw notModelled("\(typeName(a)).__\(Interpreter.slotName(op))__ with a collections.OrderedDict")
        }
        let ka = heap.kind(a), kb = heap.kind(b)
        let ints: [TypeKind] = [.int, .bool]
        let applies: Bool
        switch ka {
        case .int, .bool: applies = ints.contains(kb)
        case .float: applies = kb == .float || ints.contains(kb)
        case .str, .bytes, .tuple, .list: applies = kb == ka
        case .dict: applies = kb == .dict && (op == .eq || op == .ne)
        case .range: applies = kb == .range && (op == .eq || op == .ne)
        case .set, .frozenset: applies = kb == .set || kb == .frozenset
        default:
            // object_richcompare: `==` is identity, `!=` inverts it, the rest NotImplemented.
            switch op {
            case .eq where a == b: return heap.newBool(true)
            case .ne where a == b: return heap.newBool(false)
            default: return newNotImplemented()
            }
        }
        return applies ? try compare(op, a, b) : newNotImplemented()
    }

    static func slotName(_ op: CompareOp) -> String {
        switch op {
        case .eq: return "eq"
        case .ne: return "ne"
        case .lt: return "lt"
        case .le: return "le"
        case .gt: return "gt"
        case .ge: return "ge"
        default: return "?"
        }
    }

    func newNotImplemented() -> ObjectRef {
        heap.incref(heap.notImplemented)
        return heap.notImplemented
    }

    /// wrapperdescr_raw_call: check_num_args then the slot's function, on borrowed arguments.
    func callSlotWrapper(_ id: Int32, _ selfRef: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        let slot = slotWrappers[Int(id)]
        if !kwargs.isEmpty { throw notModelled("keyword arguments to a slot wrapper (\(slot.name))") }
        try refuseStartupObject(selfRef)
        if let arity = slot.arity, args.count != arity {
            // check_num_args: "expected 1 arguments" before 3.7 (3.6.15), singular after.
            let plural = arity == 1 && profile.minor >= 7 ? "" : "s"
            throw error("TypeError", "expected \(arity) argument\(plural), got \(args.count)")
        }
        return try slot.body(self, selfRef, args)
    }

    /// `obj.__len__` for a builtin type's slot: a new method-wrapper, or (`__hash__` of an
    /// unhashable type) the None its type's dict holds. nil when the kind has no such slot.
    func slotAttribute(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        let kind = heap.kind(obj)
        if attr == "__hash__", Interpreter.unhashableKinds.contains(kind) { return heap.newNone() }
        guard let id = slotTable[kind]?[attr] else { return nil }
        do { return try heap.newMethodWrapper(selfRef: obj, slot: id) } catch { throw memoryError() }
    }
}
