import HeapEngine

// Objects/descrobject.c: property (propertyobject, property_init, property_descr_get,
// property_descr_set, property_copy, property_set_name, property_traverse, property_dealloc).

/// A property's fields. NULL fields are nil: property_init turns None accessors into NULL.
/// `doc` holds prop_doc only when it is not None (a None prop_doc and a NULL one read alike
/// through `__doc__`, and None's count is never shown), `getterDoc` whether it came from
/// the getter's `__doc__` (getter_doc), `name` the str `__set_name__` gave it (3.10+).
///
/// Invariant: every non-nil field is an owned reference. property_dealloc releases them in
/// the order get, set, del, doc, name; property_traverse visits them in the same order.
final class PropertyObject: NativeReferents, NativeClearable {
    var fget: ObjectRef?
    var fset: ObjectRef?
    var fdel: ObjectRef?
    var doc: ObjectRef?
    var name: ObjectRef?
    var getterDoc = false

    init(fget: ObjectRef?, fset: ObjectRef?, fdel: ObjectRef?, doc: ObjectRef?, getterDoc: Bool) {
        self.fget = fget; self.fset = fset; self.fdel = fdel; self.doc = doc; self.getterDoc = getterDoc
    }

    func releaseReferences(in heap: Heap) {
        let fields = [fget, fset, fdel, doc, name]
        fget = nil; fset = nil; fdel = nil; doc = nil; name = nil
        for case let r? in fields { heap.decref(r) }
    }

    func forEachReferent(_ body: (ObjectRef) -> Void) {
        for case let r? in [fget, fset, fdel, doc, name] { body(r) }
    }

    /// property_clear: only prop_doc (Py_CLEAR).
    func clearReferences(in heap: Heap) {
        guard let d = doc else { return }
        doc = nil
        heap.decref(d)
    }
}

/// What a LOAD_ATTR's second run specialized it for (3.12+).
enum PropertyLoadSite {
    struct Target: Equatable {
        let type: ObjectRef
        let fget: ObjectRef?
        /// `Interpreter.classAttributeEpoch` then: a class attribute changed since means the
        /// type's version tag may have changed.
        let epoch: Int
    }
    /// LOAD_ATTR_PROPERTY for this class and getter.
    case specialized(Target)
    /// A property whose getter specialize.c turns down: the generic form keeps running.
    case failed(Target)
    /// Something other than a property (what it became is not modelled).
    case other
}

extension Interpreter {
    /// The property state of `r`, if `r` is a property.
    func propertyObject(_ r: ObjectRef) -> PropertyObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? PropertyObject }
        return nil
    }

    /// A property found on an instance's class (PyObject_GenericGetAttr's `_PyType_Lookup`,
    /// a data descriptor: it wins over the instance's own attributes). Only a class
    /// statement's instances are looked at; nil when the class has no property of that name.
    func propertyDescriptor(of obj: ObjectRef, _ attr: String) throws -> (ObjectRef, PropertyObject)? {
        guard case .instance = heap.payload[Int(obj)], let v = try lookupInType(heap.typeOf[Int(obj)], attr),
              let p = propertyObject(v) else { return nil }
        return (v, p)
    }

    /// `property(fget, fset, fdel, doc)`: type_call → PyType_GenericNew, property_init.
    /// Keyword arguments are refused: the argument parser's first keyword call makes its
    /// keyword tuple (3.8+: _PyArg_UnpackKeywords' static parser), which is not modelled.
    /// `packs`: whether the argument tuple is made here (callBuiltinType already makes it
    /// where `Profile.typeCallPacksArguments`).
    func newProperty(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)], packs: Bool) throws -> ObjectRef {
        // _PyObject_MakeTpCall: property has no vectorcall in any version, so its arguments
        // are packed into a tuple (keywords into a dict) for type_call (none for no arguments: the empty tuple).
        let held = !packs ? [] : heap.takeFromFreeLists(FreeListCounts(dicts: kwargs.isEmpty ? 0 : 1,
                                                                        tuples: args.isEmpty ? [] : Array(repeating: 0, count: args.count) + [1]))
        defer { heap.releaseWorkingSet(held) }
        // The parser counts keywords with the positional arguments (measured 3.6.15-3.13.0).
        if args.count + kwargs.count > 4 {
            throw error("TypeError", "property() takes at most 4 arguments (\(args.count + kwargs.count) given)")
        }
        if !kwargs.isEmpty { throw notModelled("property() with keyword arguments") }
        func arg(_ i: Int) -> ObjectRef? { i < args.count && args[i] != heap.none ? args[i] : nil }
        let fget = arg(0), fset = arg(1), fdel = arg(2)
        var doc = arg(3)
        var getterDoc = false
        if doc == nil, let g = fget {
            // The getter's __doc__ (PyObject_GetAttr / _PyObject_LookupAttr): a function's
            // func_doc. Another getter's `__doc__` may be made on each read (a builtin's
            // docstring), which is not modelled.
            guard case .function(let fn) = heap.payload[Int(g)] else {
                throw notModelled("property() of a getter that is not a Python function")
            }
            doc = fn.doc.flatMap { $0 == heap.none ? nil : $0 }
            // 3.6/3.8 set getter_doc whenever the doc came from the getter; 3.12 only for a
            // non-None one. Either way property_copy re-reads the new getter's __doc__ in
            // exactly the cases where the result differs, so the flag is kept as 3.12 has it.
            getterDoc = doc != nil
        }
        for case let r? in [fget, fset, fdel, doc] { heap.incref(r) }
        let state = PropertyObject(fget: fget, fset: fset, fdel: fdel, doc: doc, getterDoc: getterDoc)
        do { return try heap.newObject(type: type, payload: .native(state)) } catch {
            state.releaseReferences(in: heap)
            throw memoryError()
        }
    }

    /// property_copy (`getter`, `setter`, `deleter`): a new property from the old one's
    /// fields with one replaced, made by calling its type with four positional arguments
    /// (one packed 4-tuple); 3.10+ then copy prop_name.
    func propertyCopy(_ old: ObjectRef, get: ObjectRef? = nil, set: ObjectRef? = nil, del: ObjectRef? = nil) throws -> ObjectRef {
        guard let p = propertyObject(old) else { preconditionFailure("not a property") }
        let none = heap.none
        func pick(_ new: ObjectRef?, _ field: ObjectRef?) -> ObjectRef {
            if let new, new != none { return new }
            return field ?? none
        }
        let g = pick(get, p.fget), s = pick(set, p.fset), d = pick(del, p.fdel)
        let doc = p.getterDoc && g != none ? none : (p.doc ?? none)
        let r = try newProperty(heap.typeOf[Int(old)], [g, s, d, doc], [], packs: true)
        if profile.propertyKeepsName, let n = p.name, let q = propertyObject(r) {
            heap.incref(n)
            let previous = q.name
            q.name = n
            previous.map(heap.decref)
        }
        return r
    }

    /// property_set_name (3.10+): `type_new_set_names` calls each property's `__set_name__`
    /// with the class and its key in the class dict.
    func propertySetName(_ p: PropertyObject, _ key: ObjectRef) {
        heap.incref(key)
        let previous = p.name
        p.name = key
        previous.map(heap.decref)
    }

    /// The qualname and name parts of a missing accessor's AttributeError (3.10+):
    /// "property 'x' of 'C' object", or "property of 'C' object" for a property no class
    /// statement named.
    private func propertyErrorSubject(_ p: PropertyObject, _ obj: ObjectRef) -> String {
        let owner = Interpreter.strRepr(heap.typeInfo(of: obj).name)
        if let n = p.name { return "property \(reprString(n)) of \(owner) object" }
        return "property of \(owner) object"
    }

    /// property_descr_get on an instance: the getter called with the instance. `stealing`
    /// (3.12+'s LOAD_ATTR_PROPERTY) means the caller hands over its own reference to `obj`
    /// for the getter's frame instead of the frame taking a new one.
    func propertyGet(_ p: PropertyObject, _ obj: ObjectRef, attr: String, stealing: Bool = false) throws -> ObjectRef {
        guard let fget = p.fget else {
            if stealing { heap.decref(obj) }
            if !profile.propertyKeepsName { throw error("AttributeError", "unreadable attribute") }
            // Raised inside PyObject_GetAttr: set_attribute_error_context records name and obj.
            throw attributeError(obj, attr, message: "\(propertyErrorSubject(p, obj)) has no getter")
        }
        if profile.propertyGetCachesArgumentTuple { return try propertyGetThroughCachedArgs(fget, obj) }
        if !stealing { heap.incref(obj) }
        return try callFromC(fget, [obj])
    }

    /// 3.6.15's property_descr_get: the static `cached_args` 1-tuple carries the instance
    /// into PyObject_Call. Taken from the cache, or made (untracked) when the cache is empty
    /// (the first read, or a read inside a getter); after the call the tuple goes back to
    /// the cache if the cache is empty, otherwise it is freed.
    private func propertyGetThroughCachedArgs(_ fget: ObjectRef, _ obj: ObjectRef) throws -> ObjectRef {
        let args: ObjectRef
        if let cached = propertyCachedArgs {
            propertyCachedArgs = nil
            args = cached
        } else {
            guard let t = heap.takeFromFreeLists(FreeListCounts(tuples: [0, 1])).first else { throw memoryError() }
            heap.gc.untrack(t)
            args = t
        }
        // The tuple's item: the instance (its None placeholder stands for it; the instance's
        // count carries the item's reference while the call runs).
        heap.incref(obj)
        defer {
            heap.decref(obj)
            if propertyCachedArgs == nil { propertyCachedArgs = args } else { heap.decref(args) }
        }
        heap.incref(obj)
        return try callFromC(fget, [obj])
    }

    /// A C caller's vectorcall of `f` with `args` (new references the call consumes): a
    /// Python function's frame owns them, with nothing else kept for the caller
    /// (_PyFunction_Vectorcall; 3.6's PyObject_Call through function_call's fast path).
    func callFromC(_ f: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard case .function = heap.payload[Int(f)] else { return try call(f, args, []) }
        heap.incref(f)
        return try callFunction(f, args, [], vectorcall: true)
    }

    /// property_descr_set: the setter (value) or deleter (nil) called with the instance.
    /// The missing-accessor AttributeError records no obj in any version (`sys.getrefcount(c)`
    /// stays 2 after it on 3.6.15-3.13.0).
    func propertySet(_ p: PropertyObject, _ obj: ObjectRef, _ value: ObjectRef?) throws {
        guard let f = value == nil ? p.fdel : p.fset else {
            if !profile.propertyKeepsName {
                throw error("AttributeError", value == nil ? "can't delete attribute" : "can't set attribute")
            }
            throw error("AttributeError", "\(propertyErrorSubject(p, obj)) has no \(value == nil ? "deleter" : "setter")")
        }
        heap.incref(obj)
        var args = [obj]
        if let value { heap.incref(value); args.append(value) }
        let r = try callFromC(f, args)
        heap.decref(r)
    }

    /// Attributes of a property itself: the members fget, fset, fdel and `__doc__`
    /// (T_OBJECT: None for NULL). Others (`__isabstractmethod__`, 3.13's `__name__`...)
    /// are refused; its methods come from the method table.
    func propertyAttribute(_ p: PropertyObject, _ attr: String) -> ObjectRef? {
        let field: ObjectRef?
        switch attr {
        case "fget": field = p.fget
        case "fset": field = p.fset
        case "fdel": field = p.fdel
        case "__doc__": field = p.doc
        default: return nil
        }
        let r = field ?? heap.none
        heap.incref(r)
        return r
    }

    /// 3.12+ LOAD_ATTR specialization (specialize.c `_Py_Specialize_LoadAttr`, case
    /// PROPERTY; `Profile.specializesPropertyLoads`). A LOAD_ATTR's warm-up counter lets its
    /// first run go generic; the second run specializes for what the owner has then: a
    /// property whose getter is a plain Python function of exactly one positional parameter
    /// becomes LOAD_ATTR_PROPERTY, which pushes the getter's frame with the owner moved off
    /// the value stack. Later runs with the same class and getter stay specialized. What a
    /// miss does (deoptimize, back off, specialize again later) is not modelled: a property
    /// read at a site specialized for something else, or for another class or getter, or
    /// after any class attribute changed, is refused.
    ///
    /// Returns the attribute when the specialized form ran (the owner's reference consumed),
    /// nil when the generic LOAD_ATTR is to run.
    func specializedPropertyLoad(_ owner: ObjectRef, _ attr: String, _ code: Bytecode, site: Int) throws -> ObjectRef? {
        let runs = code.loadAttrRuns[site, default: 0]
        code.loadAttrRuns[site] = runs + 1
        let found = try propertyDescriptor(of: owner, attr)
        guard runs > 0 else { return nil }
        let type = heap.typeOf[Int(owner)]
        let current = found.map { PropertyLoadSite.Target(type: type, fget: $0.1.fget, epoch: classAttributeEpoch) }
        if runs == 1 {
            guard let current, let (_, p) = found else { code.propertyLoadSites[site] = .other; return nil }
            guard try specializableGetter(p.fget) else { code.propertyLoadSites[site] = .failed(current); return nil }
            code.propertyLoadSites[site] = .specialized(current)
            return try propertyGet(p, owner, attr: attr, stealing: true)
        }
        let why = "a property read again by a LOAD_ATTR that CPython \(profile.version) specialized for something else "
            + "(what a specialized instruction's miss does is not modelled)"
        switch code.propertyLoadSites[site] ?? .other {
        case .other:
            if found != nil { throw notModelled("this property read", because: why) }
            return nil
        case .failed(let t):
            guard let current else { code.propertyLoadSites[site] = .other; return nil }
            if current != t { throw notModelled("this property read", because: why) }
            return nil
        case .specialized(let t):
            guard let current, let (_, p) = found else { code.propertyLoadSites[site] = .other; return nil }
            if current != t { throw notModelled("this property read", because: why) }
            return try propertyGet(p, owner, attr: attr, stealing: true)
        }
    }

    /// specialize.c's checks on the getter: a Python function (not a generator: its frame
    /// would take the moved reference, which is not modelled) whose code takes exactly one
    /// positional argument, no `*args`, `**kwargs` or keyword-only parameters.
    private func specializableGetter(_ fget: ObjectRef?) throws -> Bool {
        guard let fget, case .function(let fn) = heap.payload[Int(fget)], let code = fn.code as? CodeObject else { return false }
        let simple = code.paramCount == 1 && code.kwonlyCount == 0 && !code.hasVarArgs && !code.hasVarKeywords
        if simple && code.isGenerator { throw notModelled("a warm property read whose getter is a generator function") }
        return simple
    }

    func registerPropertyMethods() {
        defineMethod(.property, "getter") { i, s, args, _ in try i.propertyCopy(s!, get: args[0]) }
        defineMethod(.property, "setter") { i, s, args, _ in try i.propertyCopy(s!, set: args[0]) }
        defineMethod(.property, "deleter") { i, s, args, _ in try i.propertyCopy(s!, del: args[0]) }
    }
}
