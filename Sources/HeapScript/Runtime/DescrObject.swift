import HeapEngine

// Objects/descrobject.c: mappingproxy, the read-only view type_getsets gives for a class's
// `__dict__` (type_dict → PyDictProxy_New, a new proxy at every access; HeapEngine's
// MappingProxy.swift keeps the object).
//
// Modelled (3.6.15-3.13.0): `C.__dict__` and `vars(C)` (a new tracked proxy each time, so
// `C.__dict__ is C.__dict__` is False), `type(C.__dict__)`, sys.getsizeof, the repr
// (mappingproxy_repr: "%s(%R)" of the type name and the dict), len, iteration (the dict's key
// iterator), `in` and `[]` (the dict's own), item assignment and deletion (no
// mp_ass_subscript: CPython's "'mappingproxy' object does not support item assignment" /
// "item deletion"). From 3.11 also `.keys()`, `.values()`, `.items()` and `.get()`, which
// call the dict's method with PyObject_VectorcallMethod (no temporary objects).
// Refused: those methods on 3.6 and 3.8 (their `_PyObject_CallMethodId` binds the dict's
// method to a temporary builtin method object, and `get` is METH_VARARGS there), `.copy()`
// (PyDict_Copy clones the class dict's keys table, deleted `__qualname__` entry included,
// which the engine's dict copy does not), comparisons, hashing, every other attribute of a
// proxy or of its type, and calling the type (`mappingproxy(d)`).

extension Interpreter {
    /// `C.__dict__`: type_dict → PyDictProxy_New(type->tp_dict).
    func typeDictProxy(_ dict: ObjectRef) throws -> ObjectRef {
        do { return try heap.newMappingProxy(dict) } catch { throw memoryError() }
    }

    /// A mappingproxy where CPython uses it as a mapping the engine does not follow
    /// (PyDict_Merge's keys() and subscripts, `%` formatting's mapping, 3.9+'s `|`).
    func refuseMappingProxyOperand(_ r: ObjectRef, _ what: @autoclosure () -> String) throws {
        if heap.mappingProxy(r) != nil { throw notModelled(what()) }
    }

    /// The dict a mappingproxy wraps (borrowed), nil for any other object.
    func mappingProxyTarget(_ r: ObjectRef) -> ObjectRef? { heap.mappingProxy(r)?.mapping }

    /// mappingproxy_repr: `mappingproxy({...})`, the dict's repr inside.
    func mappingProxyRepr(_ p: MappingProxy, depth: Int) throws -> String {
        "mappingproxy(" + (try repr(p.mapping, depth: depth + 1)) + ")"
    }

    /// Whether the methods the engine registers for mappingproxy exist under this profile
    /// (3.11+: PyObject_VectorcallMethod calls the dict's method unbound).
    var mappingProxyMethodsModelled: Bool { profile.minor >= 11 }

    /// mappingproxy_keys / _values / _items / _get (3.11+): the dict's own method called on
    /// the mapping. Wrong arities are refused rather than given made-up messages.
    func defineMappingProxyMethods() {
        guard mappingProxyMethodsModelled else { return }
        for (mname, kind) in [("keys", TypeKind.dictKeys), ("values", .dictValues), ("items", .dictItems)] {
            defineMethod(.mappingProxy, mname) { i, s, args, kwargs in
                guard args.isEmpty, kwargs.isEmpty else { throw i.notModelled("mappingproxy.\(mname)() with arguments") }
                return try i.newDictView(kind, of: i.mappingProxyTarget(s!)!)
            }
        }
        defineMethod(.mappingProxy, "get") { i, s, args, kwargs in
            guard (1...2).contains(args.count), kwargs.isEmpty else { throw i.notModelled("mappingproxy.get() with other than one or two positional arguments") }
            let d = i.mappingProxyTarget(s!)!
            if let v = try i.dictGet(d, args[0]) { i.heap.incref(v); return v }
            let dflt = args.count > 1 ? args[1] : i.heap.none
            i.heap.incref(dflt); return dflt
        }
    }

    /// What of a mappingproxy (or its type) the engine does not model: everything but
    /// `__class__` and the methods `defineMappingProxyMethods` registers.
    func refuseMappingProxyAttribute(_ obj: ObjectRef, _ attr: String) throws {
        if obj == heap.mappingProxyTypeIfMade, attr != "__class__", attr != "__name__" {
            throw notModelled("mappingproxy.\(attr)")
        }
        guard heap.mappingProxy(obj) != nil, attr != "__class__", methodTable[.mappingProxy]?[attr] == nil else { return }
        if !mappingProxyMethodsModelled, ["keys", "values", "items", "get"].contains(attr) {
            throw notModelled("mappingproxy.\(attr)", because: "CPython \(profile.version) calls the dict's method through a temporary bound method, which heapbook does not model")
        }
        throw notModelled("mappingproxy.\(attr)")
    }

    /// descr_repr for the `__dict__` / `__weakref__` getset descriptors type_new gives a
    /// class: `<attribute '__dict__' of 'C' objects>` (d_name, d_type->tp_name). The engine's
    /// descriptor keeps only its class, so the name is the key it has in that class's dict.
    func getsetDescriptorRepr(_ r: ObjectRef, owner: ObjectRef) throws -> String {
        if let d = heap.typeInfo(owner).dict,
           let key = dictStorage(d).items.first(where: { $0.value == r })?.key, heap.kind(key) == .str {
            return "<attribute '\(stringValue(key))' of '\(heap.typeInfo(owner).name)' objects>"
        }
        throw notModelled("the repr of a getset_descriptor taken out of its class")
    }
}

// Objects/descrobject.c: member_descriptor, the data descriptor type_new puts in a class
// dict for each `__slots__` name (member_get / member_set over structmember.c's
// PyMember_GetOne / PyMember_SetOne, T_OBJECT_EX).

extension Interpreter {
    /// The member descriptor a slotted instance's class (or a base) defines for `attr`
    /// (borrowed), nil when there is none. Only classes with slots can have one: putting a
    /// member descriptor into another class is refused (`refuseForeignMemberDescr`).
    func memberDescriptor(of obj: ObjectRef, _ attr: String) throws -> MemberDescr? {
        guard heap.typeInfo(of: obj).slotCount > 0, let v = try lookupInType(heap.typeOf[Int(obj)], attr) else { return nil }
        return heap.memberDescr(v)
    }

    /// member_get on an instance: the slot's value (new reference) or CPython's
    /// AttributeError for a slot never set (or deleted). 3.11+ word it like a missing
    /// attribute, and PyObject_GetAttr's set_attribute_error_context keeps the object
    /// (`sys.getrefcount(s)` 3 after it on 3.11.7-3.13.0, 2 on 3.6.15/3.8.18).
    func memberGet(_ m: MemberDescr, _ obj: ObjectRef) throws -> ObjectRef {
        let i = heap.slotIndex(m, instanceType: heap.typeOf[Int(obj)])
        if let v = heap.slotValue(obj, i) { heap.incref(v); return v }
        if profile.bareAttributeErrorForUnsetSlot { throw error("AttributeError", m.nameValue) }
        throw attributeError(obj, m.nameValue, message: "'\(typeName(obj))' object has no attribute '\(m.nameValue)'")
    }

    /// member_set: stores a new reference, or deletes (value nil). Deleting a slot that is
    /// not set raises `AttributeError('x')` in every version (PyMember_SetOne), with no
    /// object kept (`sys.getrefcount(s)` stays 2 on 3.6.15-3.13.0).
    func memberSet(_ m: MemberDescr, _ obj: ObjectRef, _ value: ObjectRef?) throws {
        let i = heap.slotIndex(m, instanceType: heap.typeOf[Int(obj)])
        if !heap.setSlot(obj, i, value) { throw error("AttributeError", m.nameValue) }
    }

    /// Attributes of a member descriptor itself: `__name__` and `__objclass__`; the rest
    /// (`__get__`, `__doc__`, `__qualname__`...) are refused.
    func memberDescrAttribute(_ m: MemberDescr, _ attr: String) throws -> ObjectRef {
        switch attr {
        case "__name__": heap.incref(m.name); return m.name
        case "__objclass__": heap.incref(m.owner); return m.owner
        default: throw notModelled("member_descriptor.\(attr)")
        }
    }

    /// A member descriptor stored in a class other than its own (`class A: y = S.x`, or
    /// `A.y = S.x`): its descr_check against instances of A is not modelled.
    func refuseForeignMemberDescr(_ value: ObjectRef) throws {
        if heap.memberDescr(value) != nil { throw notModelled("a member descriptor stored in another class") }
    }
}
