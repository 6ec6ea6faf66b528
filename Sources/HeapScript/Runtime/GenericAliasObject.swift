import HeapEngine

// Objects/genericaliasobject.c: types.GenericAlias, what `list[int]`, `dict[str, int]`,
// `tuple[int, ...]`, `set[str]`, `frozenset[bytes]` and `type[int]` make on 3.9+ (PEP 585).
// 3.6.15 and 3.8.18 raise "'type' object is not subscriptable" (Interpreter.getItem).
//
// Made as CPython 3.11.7-3.13.0 make it (Objects/abstract.c PyObject_GetItem on a type):
// `type[X]` calls Py_GenericAlias directly; any other builtin class looks up its
// `__class_getitem__`, a METH_CLASS method that classmethod_get binds to the class (a
// builtin_function_or_method, GC-tracked, freed after the call), then Py_GenericAlias:
// PyType_GenericAlloc (tracked at once), then setup_ga, which keeps a tuple index as the
// args (a new reference) or packs any other index into a 1-tuple (PyTuple_Pack).
// `__parameters__` stays NULL until read.
//
// Measured (3.11.7, 3.12.1, 3.13.0): sys.getsizeof(list[int]) is 80 (basicsize 64: origin,
// args, parameters, weakreflist, starred, vectorcall; and the GC header), gc.is_tracked is
// True, `list[int] == list[int]` True (ga_richcompare: origin, then args), `list[int] !=
// list[str]`, hash(list[int]) == hash(list[int]) (ga_hash: hash(origin) ^ hash(args)); a
// tuple index is the alias's `__args__` itself (`g = dict[t]; g.__args__ is t`, the tuple's
// count up by one). The repr (ga_repr): the origin and each argument by ga_repr_item: `...`
// for Ellipsis, a GenericAlias by its repr, a class as `qualname` when its module is
// builtins and `module.qualname` otherwise, anything else by repr(); `tuple[()]` for an
// empty tuple index.
//
// Modelled: making the alias for list, dict, tuple, set, frozenset and type (not their
// subclasses, nor the other classes with a `__class_getitem__`), its repr and str, `__origin__`,
// `__args__`, `__class__`, == and != between aliases, hash, sizes, counts and the collector.
// Everything else an alias does in CPython is refused (`refuseGenericAlias`): ga_getattro's
// forwarding of other attributes to the origin (`list[int].append`), calling it (which
// also tries to set `__orig_class__` on the result), subscripting it, `|` (types.UnionType,
// 3.10+), iterating it (3.11+: `*list[int]`), isinstance/issubclass with it, a class with
// it as a base (`__mro_entries__`), ordering comparisons, `__parameters__` (made lazily),
// weak references to it, copying and pickling it (`__reduce__`).
final class GenericAliasObject: NativeReferents, NativeClearable {
    var origin: ObjectRef?
    var args: ObjectRef?

    init(origin: ObjectRef, args: ObjectRef) { self.origin = origin; self.args = args }

    /// ga_dealloc: the origin, then the args.
    func releaseReferences(in heap: Heap) {
        let o = origin, a = args
        origin = nil; args = nil
        o.map(heap.decref); a.map(heap.decref)
    }

    /// ga_traverse: origin, args (parameters, never made here).
    func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let o = origin { body(o) }
        if let a = args { body(a) }
    }

    func clearReferences(in heap: Heap) { releaseReferences(in: heap) }
}

extension Interpreter {
    /// The builtin classes whose `__class_getitem__` (or type's special case) the engine models.
    static let genericAliasOrigins: Set<TypeKind> = [.list, .dict, .tuple, .set, .frozenset, .type]

    /// The engine's static types of modules whose CPython class has `__class_getitem__`, which
    /// the recorded surface does not list (measured `hasattr(t, '__class_getitem__')` on
    /// 3.11.7, 3.12.1, 3.13.0; array.array from 3.12): subscripting them is refused, not
    /// answered with "is not subscriptable".
    var genericAliasModuleTypes: Set<String> {
        var names: Set<String> = []
        if profile.minor >= 9 {
            names = ["collections.deque", "collections.OrderedDict", "collections.defaultdict", "functools.partial", "itertools.chain"]
        }
        if profile.minor >= 12 { names.insert("array.array") }
        return names
    }

    func genericAlias(_ r: ObjectRef) -> GenericAliasObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? GenericAliasObject }
        return nil
    }

    /// Py_GenericAliasType, made at the first alias (3.9+).
    private func genericAliasTypeObject() -> ObjectRef {
        if let t = genericAliasType { return t }
        // 3.11.7-3.13.0's gaobject: PyObject_HEAD, origin, args, parameters, weakreflist,
        // starred (an int, padded), vectorcall.
        // tp_name "types.GenericAlias": `__name__` is what follows the dot, and error messages
        // name the type by all of it.
        let t = heap.newStaticType(name: "types.GenericAlias", kind: .object, base: heap.builtinType(.object),
                                   basicSize: 64, isGC: true)
        // Static in CPython, with references from the types module the engine does not make.
        heap.markModuleTypeCountUnmodelled(t)
        genericAliasType = t
        return t
    }

    /// `origin[index]` for a builtin class (see the header), or nil where the engine does not
    /// make the alias (the caller refuses).
    func subscriptBuiltinClass(_ origin: ObjectRef, _ index: ObjectRef) throws -> ObjectRef? {
        guard profile.minor >= 11, case .type(let info) = heap.payload[Int(origin)], !info.isHeapType,
              Interpreter.genericAliasOrigins.contains(info.kind), origin == heap.builtinType(info.kind) else { return nil }
        if heap.kind(index) == .tuple && heap.typeInfo(of: index).isHeapType {
            throw notModelled("\(info.name)[...] with a tuple subclass index")
        }
        // What the repr would have to show of each argument (ga_repr_item) is modelled for
        // classes, None, Ellipsis, aliases, ints and strs; other arguments are refused.
        let items = heap.kind(index) == .tuple ? (sequenceItems(index) ?? []) : [index]
        for a in items {
            switch heap.kind(a) {
            case .type, .none, .ellipsis, .int, .str: continue
            default:
                if genericAlias(a) != nil { continue }
                throw notModelled("\(info.name)[...] with a '\(typeName(a))' argument",
                                  because: "heapbook makes types.GenericAlias only of classes, None, Ellipsis, ints, strs and other aliases")
            }
        }
        // classmethod_get: `__class_getitem__` bound to the class, held across the call.
        var bound: ObjectRef?
        if info.kind != .type {
            let id = classGetitemIds[info.kind] ?? registerBuiltin("__class_getitem__", owner: info.kind) { i, _, _, _ in
                throw i.notModelled("calling __class_getitem__")
            }
            classGetitemIds[info.kind] = id
            heap.incref(origin)
            bound = try newBuiltinObject(BuiltinInfo(id: id, selfRef: origin))
        }
        defer { bound.map(heap.decref) }
        // Py_GenericAlias: PyType_GenericAlloc, then setup_ga.
        let alias = GenericAliasObject(origin: origin, args: index)
        let r: ObjectRef
        do { r = try heap.newObject(type: genericAliasTypeObject(), payload: .native(alias)) } catch { throw memoryError() }
        heap.incref(origin)
        if heap.kind(index) == .tuple {
            heap.incref(index)
        } else {
            // PyTuple_Pack(1, index) (newTuple steals the reference it is given).
            heap.incref(index)
            do { alias.args = try newTuple([index]) } catch { alias.args = nil; heap.decref(r); throw error }
        }
        return r
    }

    /// ga_repr.
    func genericAliasRepr(_ ga: GenericAliasObject, depth: Int) throws -> String {
        var out = try genericAliasReprItem(ga.origin!, depth: depth)
        out += "["
        let args = ga.args!
        let items = sequenceItems(args) ?? []
        if items.isEmpty { out += "()" }
        for (k, a) in items.enumerated() {
            if k > 0 { out += ", " }
            out += try genericAliasReprItem(a, depth: depth)
        }
        return out + "]"
    }

    /// ga_repr_item.
    private func genericAliasReprItem(_ p: ObjectRef, depth: Int) throws -> String {
        if heap.kind(p) == .ellipsis { return "..." }
        if let g = genericAlias(p) { return try genericAliasRepr(g, depth: depth + 1) }
        if case .type(let info) = heap.payload[Int(p)] {
            guard info.isHeapType else {
                // A static type: tp_name holds the module before its dot, if any.
                if info.name.contains(".") { return info.name }
                let module = info.module ?? "builtins"
                return module == "builtins" ? info.name : "\(module).\(info.name)"
            }
            // A class with `__origin__` and `__args__` looks like an alias to ga_repr_item.
            if try lookupInType(p, "__origin__") != nil && lookupInType(p, "__args__") != nil {
                throw notModelled("repr() of an alias of a class with __origin__ and __args__")
            }
            // `__qualname__` and `__module__` as the class has them now (ht_qualname, its dict's).
            let q = try getAttr(p, "__qualname__")
            defer { heap.decref(q) }
            // No `__module__`, or None: repr() of the class.
            guard let m = try lookupAttr(p, "__module__") else { return try repr(p, depth: depth + 1) }
            defer { heap.decref(m) }
            if m == heap.none { return try repr(p, depth: depth + 1) }
            guard heap.kind(q) == .str, heap.kind(m) == .str else {
                throw notModelled("repr() of an alias of a class whose __qualname__ or __module__ is not a str")
            }
            return stringValue(m) == "builtins" ? stringValue(q) : "\(stringValue(m)).\(stringValue(q))"
        }
        return try repr(p, depth: depth + 1)
    }

    /// ga_hash: hash(origin) ^ hash(args).
    func genericAliasHash(_ ga: GenericAliasObject) throws -> Int {
        try hash(ga.origin!) ^ hash(ga.args!)
    }

    /// ga_richcompare for `==` and `!=` between two aliases: the origins, then the args.
    /// Another operand's own comparison is not modelled.
    func genericAliasCompare(_ op: CompareOp, _ v: ObjectRef, _ w: ObjectRef) throws -> ObjectRef? {
        let gv = genericAlias(v), gw = genericAlias(w)
        guard gv != nil || gw != nil else { return nil }
        guard let a = gv, let b = gw, op == .eq || op == .ne else {
            throw notModelled("comparing a types.GenericAlias with `\(op.rawValue)`",
                              because: "heapbook models == and != between two aliases only")
        }
        // PyObject_RichCompareBool for the origins, PyObject_RichCompare for the args tuples
        // (tuple_richcompare compares the items with PyObject_RichCompareBool): both are the
        // engine's valuesEqual for these operands.
        var eq = try valuesEqual(a.origin!, b.origin!)
        if eq { eq = try valuesEqual(a.args!, b.args!) }
        return heap.newBool(op == .eq ? eq : !eq)
    }

    /// The attributes of types.GenericAlias itself: its name only.
    func refuseGenericAliasTypeAttribute(_ obj: ObjectRef, _ attr: String) throws {
        if obj == genericAliasType, attr != "__name__", attr != "__qualname__" {
            throw notModelled("types.GenericAlias.\(attr)", because: "heapbook's stand-in for the class has none of its methods")
        }
    }

    /// ga_getattro: `__origin__`, `__args__` and `__class__`; the rest is refused (see the header).
    func genericAliasAttribute(_ obj: ObjectRef, _ ga: GenericAliasObject, _ attr: String) throws -> ObjectRef {
        switch attr {
        case "__origin__": heap.incref(ga.origin!); return ga.origin!
        case "__args__": heap.incref(ga.args!); return ga.args!
        case "__class__": let t = heap.typeOf[Int(obj)]; heap.incref(t); return t
        default: throw notModelled("types.GenericAlias.\(attr)", because: "heapbook models an alias's __origin__ and __args__ only")
        }
    }

    /// What an alias does in CPython beyond what the engine models (see the header); `r` being
    /// types.GenericAlias itself likewise (its methods, calling it, subclassing it).
    func refuseGenericAlias(_ r: ObjectRef, _ what: String) throws {
        if r == genericAliasType {
            throw notModelled("\(what) types.GenericAlias", because: "heapbook's stand-in for the class has none of its methods")
        }
        if genericAlias(r) != nil {
            throw notModelled("\(what) a types.GenericAlias", because: "heapbook models making an alias, its repr, "
                                + "__origin__, __args__, ==, hash, sizes and counts only")
        }
    }
}
