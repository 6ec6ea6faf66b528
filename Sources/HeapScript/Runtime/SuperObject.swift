import HeapEngine

// Objects/typeobject.c: super. Allocation (PyType_GenericNew through type_call before
// 3.10, super_vectorcall from 3.10: the object is allocated before its arguments are
// checked), super_init / super_init_without_args, supercheck, super_getattro and
// do_super_lookup, super_repr, super_traverse, super_dealloc; and 3.12+'s _PySuper_Lookup,
// which LOAD_SUPER_ATTR's specialized forms call without making a super object.
//
// Modelled: the bound form only (`super()` in a method, `super(C, obj)`, `super(C, C2)`),
// and of object's own entries the slot wrappers in `objectSlotTable` (`super().__init__()`:
// wrapperdescr_get makes a method-wrapper; 3.12+'s specialized LOAD_SUPER_ATTR_METHOD
// leaves the wrapper_descriptor unbound, Py_TPFLAGS_METHOD_DESCRIPTOR).
// Refused: the unbound forms (`super(C)`, `super(C, None)`), keyword arguments, any other
// name the MRO walk would find in a builtin type or among super's own descriptors, and a
// descriptor the engine cannot get.

/// A super object's fields (superobject): `type` (__thisclass__), `obj` (__self__) and
/// `objType` (__self_class__), all owned. PySuper_Type has no tp_clear: a cycle through a
/// super object is broken elsewhere (an instance's dict), and the object dies with it.
final class SuperObject: NativeReferents {
    let type: ObjectRef
    let obj: ObjectRef
    let objType: ObjectRef

    init(type: ObjectRef, obj: ObjectRef, objType: ObjectRef) {
        self.type = type; self.obj = obj; self.objType = objType
    }

    /// super_dealloc: obj, type, then obj_type.
    func releaseReferences(in heap: Heap) {
        heap.decref(obj); heap.decref(type); heap.decref(objType)
    }

    /// super_traverse: obj, type, obj_type.
    func forEachReferent(_ body: (ObjectRef) -> Void) { body(obj); body(type); body(objType) }
}

extension Interpreter {
    func superObject(_ r: ObjectRef) -> SuperObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? SuperObject }
        return nil
    }

    /// `super(...)`: the object allocated first (GC-tracked), then super_init; on an error
    /// it is released. `frame`: the frame that called super, read by the zero-argument form
    /// (super_init_without_args); nil when the call does not come straight from a frame's
    /// CALL, where that form is refused.
    func newSuper(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)], frame: Frame?) throws -> ObjectRef {
        if !kwargs.isEmpty { throw notModelled("super() with keyword arguments") }
        if args.count > 2 { throw notModelled("super() with more than two arguments") }
        if args.count == 1 { throw notModelled("super() with one argument (an unbound super object)") }
        if args.count == 2, args[1] == heap.none { throw notModelled("super(type, None) (an unbound super object)") }
        if args.isEmpty, frame == nil { throw notModelled("super() without arguments called other than from a function's code") }
        let su: ObjectRef
        // The fields are filled once super_init has checked its arguments; until then the
        // object holds nothing (its payload is empty).
        do { su = try heap.newObject(type: type, payload: .empty) } catch { throw memoryError() }
        do {
            let (thisclass, obj) = try args.isEmpty ? superInitWithoutArgs(frame!) : (args[0], args[1])
            guard case .type = heap.payload[Int(thisclass)] else {
                // 3.6.15 and 3.8.18 (PyArg_ParseTuple "O!|O:super"): "must be type"; from 3.10
                // super_vectorcall: "must be a type" (3.11.7-3.13.0).
                throw error("TypeError", "super() argument 1 must be \(profile.minor < 10 ? "" : "a ")type, not \(typeName(thisclass))")
            }
            let objType = try superCheck(thisclass, obj)
            try refuseWeakKeyDictClass(objType, "super()")   // its MRO is ABCs'
            heap.incref(thisclass); heap.incref(obj); heap.incref(objType)
            heap.withPayload(su) { $0 = .native(SuperObject(type: thisclass, obj: obj, objType: objType)) }
            return su
        } catch {
            heap.decref(su)
            throw error
        }
    }

    /// super_init_without_args: the first argument of the calling frame (read through its
    /// cell if it is one) and the content of its `__class__` free variable. The texts are the
    /// same from 3.6.15 to 3.13.0.
    private func superInitWithoutArgs(_ frame: Frame) throws -> (ObjectRef, ObjectRef) {
        let code = frame.code
        // Before 3.12 a comprehension is a function whose argument is its iterator; the
        // engine's comprehensions have no such frame.
        if code.kind == .comprehension { throw notModelled("super() in a comprehension or generator expression") }
        // co_argcount: a module or class body has none; `*args` or keyword-only parameters
        // do not count.
        guard code.kind == .function, code.paramCount > 0 else { throw error("RuntimeError", "super(): no arguments") }
        var first = frame.locals[0]
        if let f = first, code.cellSlots.contains(0) { first = cellGet(f) }
        guard let obj = first else { throw error("RuntimeError", "super(): arg[0] deleted") }
        let freeStart = code.localNames.count - code.freeCount
        guard let slot = code.localNames[freeStart...].firstIndex(of: "__class__") else {
            throw error("RuntimeError", "super(): __class__ cell not found")
        }
        guard let type = cellGet(frame.locals[slot]!) else { throw error("RuntimeError", "super(): empty __class__ cell") }
        guard case .type = heap.payload[Int(type)] else { throw notModelled("super() whose __class__ cell holds no type") }
        return (type, obj)
    }

    /// supercheck: the class the MRO walk starts from (borrowed): `obj` itself when it is
    /// a subclass of `type`, else its type when that is. The `__class__` attribute CPython
    /// tries last can only differ from the type where a class defines `__class__`: refused.
    func superCheck(_ type: ObjectRef, _ obj: ObjectRef) throws -> ObjectRef {
        if case .type(let info) = heap.payload[Int(obj)], info.mro.contains(type) { return obj }
        let objType = heap.typeOf[Int(obj)]
        if heap.typeInfo(objType).mro.contains(type) { return objType }
        if heap.typeInfo(objType).mro.contains(where: { t in heap.typeInfo(t).isHeapType && (try? dictGet(heap.typeInfo(t).dict!, name("__class__"))) != nil }) {
            throw notModelled("super() of an object whose class defines __class__")
        }
        if profile.minor < 13 {
            throw error("TypeError", "super(type, obj): obj must be an instance or subtype of type")
        }
        // 3.13.0: the object and the type are named.
        let what: String
        if case .type(let info) = heap.payload[Int(obj)] { what = "type \(info.name)" } else { what = "instance of \(typeName(obj))" }
        throw error("TypeError", "super(type, obj): obj (\(what)) is not an instance or subtype of type (\(heap.typeInfo(type).name)).")
    }

    /// super_getattro: `__class__` is the super object's own; any other name is looked up
    /// along obj_type's MRO after `__thisclass__` (do_super_lookup), then among the super
    /// object's own attributes (PyObject_GenericGetAttr: its members).
    func superGetattro(_ su: SuperObject, _ r: ObjectRef, _ attr: String) throws -> ObjectRef {
        if attr != "__class__", let found = try superLookupDescr(su.type, su.objType, attr) {
            let obj = su.obj == su.objType ? nil : su.obj
            switch found {
            case .entry(let v): return try superDescrGet(v, obj: obj, startType: su.objType, attr: attr)
            case .objectSlot(let id): return try superSlotWrapperGet(id, obj: obj)
            }
        }
        let v: ObjectRef
        switch attr {
        case "__class__": v = heap.typeOf[Int(r)]
        case "__thisclass__": v = su.type
        case "__self__": v = su.obj
        case "__self_class__": v = su.objType
        default:
            // PyObject_GenericGetAttr: super's own descriptors (`__get__`, ...) are refused;
            // a name neither the MRO nor super has is its AttributeError (3.6.15-3.13.0).
            if surface.has(attribute: attr, onType: "super") { throw notModelled("super.\(attr)") }
            throw attributeError(r, attr, message: "'super' object has no attribute '\(attr)'")
        }
        heap.incref(v)
        return v
    }

    /// What the MRO walk of a super lookup found: a class dict's entry (borrowed), or one of
    /// object's slot wrappers (`objectSlotTable`; a wrapper_descriptor the engine keeps no
    /// object for).
    enum SuperFound {
        case entry(ObjectRef)
        case objectSlot(Int32)
    }

    /// _super_lookup_descr: the first entry for `attr` in the dicts of the classes after
    /// `type` in `startType`'s MRO, nil when `type` is not in it or no class has it.
    /// `object`'s dict holds what the recorded surface lists for it (`dir(object)`): a name
    /// there is one of `objectSlotTable`'s or refused (a slot wrapper or method descriptor
    /// the engine keeps no dict entry for), as is any other builtin type reached.
    private func superLookupDescr(_ type: ObjectRef, _ startType: ObjectRef, _ attr: String) throws -> SuperFound? {
        let mro = heap.typeInfo(startType).mro
        guard let i = mro.firstIndex(of: type) else { return nil }
        for t in mro[(i + 1)...] {
            let info = heap.typeInfo(t)
            guard info.isHeapType, let d = info.dict else {
                if info.kind == .object, let id = objectSlotTable[attr] { return .objectSlot(id) }
                if info.kind == .object, attr == "__new__" { return .entry(objectNewFunction) }
                if info.kind == .object && !surface.has(attribute: attr, onType: "object") { continue }
                throw notModelled("super() looking up '\(attr)' in the builtin type '\(info.name)'")
            }
            if let v = try dictGet(d, name(attr)) { return .entry(v) }
        }
        return nil
    }

    /// wrapperdescr_get for one of object's slot wrappers: bound to `obj`, a new
    /// method-wrapper (PyWrapper_New, GC-tracked, holding obj). Unbound (`super(C, C2)`, obj
    /// NULL) it is the wrapper_descriptor itself, which the engine has no object for.
    private func superSlotWrapperGet(_ id: Int32, obj: ObjectRef?) throws -> ObjectRef {
        guard let obj else { throw notModelled("super() of a class finding object's slot wrapper '\(slotWrappers[Int(id)].name)'") }
        do { return try heap.newMethodWrapper(selfRef: obj, slot: id) } catch { throw memoryError() }
    }

    /// The tp_descr_get call of do_super_lookup: `obj` is nil where the super object's obj
    /// is its start type (`super(C, C2)`). A function binds (func_descr_get: itself when
    /// unbound), a classmethod binds to the start type, a staticmethod gives its function, a
    /// property calls its getter (itself when unbound); a value without __get__ is itself.
    private func superDescrGet(_ v: ObjectRef, obj: ObjectRef?, startType: ObjectRef, attr: String) throws -> ObjectRef {
        if case .function = heap.payload[Int(v)] {
            guard let obj else { heap.incref(v); return v }
            do { return try heap.newMethod(function: v, selfRef: obj) } catch { throw memoryError() }
        }
        switch heap.kind(v) {
        // builtin_function_or_method has no tp_descr_get (object's `__new__`).
        case .int, .bool, .float, .str, .bytes, .tuple, .none, .type, .builtinFunction:
            heap.incref(v); return v
        default: break
        }
        if let w = funcWrapper(v) { return try funcWrapperGet(w, type: startType) }
        if let p = propertyObject(v) {
            guard let obj else { heap.incref(v); return v }
            return try propertyGet(p, obj, attr: attr)
        }
        if heap.typeInfo(of: v).isHeapType, try lookupInType(heap.typeOf[Int(v)], "__get__") == nil {
            heap.incref(v); return v
        }
        throw notModelled("super() finding a '\(typeName(v))' in a class dict")
    }

    /// super_repr: the classes' tp_name (a class's own name, not its qualname).
    func superRepr(_ su: SuperObject) -> String {
        "<super: <class '\(heap.typeInfo(su.type).name)'>, <\(heap.typeInfo(su.objType).name) object>>"
    }

    /// 3.12+ _PySuper_Lookup (LOAD_SUPER_ATTR_ATTR / LOAD_SUPER_ATTR_METHOD): supercheck and
    /// the MRO walk without a super object. `method`: a function found is returned as it is
    /// (`.function`, self stays on the stack) instead of bound. A name the walk does not find
    /// would be looked up on a temporary super object: refused as `superGetattro` refuses it.
    func superLookup(_ type: ObjectRef, _ obj: ObjectRef, _ attr: String, method: Bool) throws -> LoadedMethod {
        let startType = try superCheck(type, obj)
        guard let found = try superLookupDescr(type, startType, attr) else {
            // do_super_lookup's skip: the attribute of a super object made for it.
            let su = try newSuper(heap.builtinType(.superObject), [type, obj], [], frame: nil)
            defer { heap.decref(su) }
            return .attribute(try getAttr(su, attr))
        }
        switch found {
        case .entry(let v):
            if method, case .function = heap.payload[Int(v)] { heap.incref(v); return .function(v) }
            return .attribute(try superDescrGet(v, obj: obj == startType ? nil : obj, startType: startType, attr: attr))
        case .objectSlot(let id):
            // A wrapper_descriptor is a method descriptor: left unbound for a method call, the
            // CALL packs (self, *args) for wrapperdescr_call (`callLoadedMethod`).
            if method { return .slotWrapper(id) }
            return .attribute(try superSlotWrapperGet(id, obj: obj == startType ? nil : obj))
        }
    }

    /// LOAD_SUPER_ATTR (3.12+, bytecodes.c). Its first run is the generic form: it calls
    /// global_super (with no arguments, reading this frame, or with the class and obj), drops
    /// its inputs and gets the attribute from the super object it made (a function comes
    /// bound), then releases that object. The warm-up counter lets the second run specialize
    /// it (_Py_Specialize_LoadSuperAttr: global_super is `super`, the class a type), and from
    /// then on LOAD_SUPER_ATTR_ATTR / _METHOD call _PySuper_Lookup: no super object, and for a
    /// method call a function (or object's slot wrapper) stays unbound, with obj as its self (when the class's
    /// tp_getattro is the generic one). Refused: another global `super` (the site would not
    /// specialize, or would deoptimize, whose counters are not modelled). With a class
    /// defining `__getattr__` or `__getattribute__` the method form binds. Consumes global_super's and cls's references, and
    /// obj's unless `.function` or `.slotWrapper` is returned (obj is the call's self then).
    func loadSuperAttr(_ globalSuper: ObjectRef, _ cls: ObjectRef, _ obj: ObjectRef, _ attr: String, method: Bool,
                       twoArgs: Bool, frame: Frame, code: Bytecode, site: Int) throws -> LoadedMethod {
        var inputsReleased = false, keepObj = false
        func releaseInputs() {
            guard !inputsReleased else { return }
            inputsReleased = true
            heap.decref(globalSuper); heap.decref(cls)
            if !keepObj { heap.decref(obj) }
        }
        defer { releaseInputs() }
        guard globalSuper == heap.builtinType(.superObject) else {
            throw notModelled("LOAD_SUPER_ATTR with a global 'super' that is not the builtin super")
        }
        if code.superAttrSitesRun.insert(site).inserted {
            let su = try newSuper(globalSuper, twoArgs ? [cls, obj] : [], [], frame: frame)
            releaseInputs()
            defer { heap.decref(su) }
            return .attribute(try getAttr(su, attr))
        }
        guard case .type(let info) = heap.payload[Int(cls)] else {
            throw notModelled("LOAD_SUPER_ATTR with a class that is not a type")
        }
        let hooked = try info.mro.contains { t in
            guard let d = heap.typeInfo(t).dict, heap.typeInfo(t).isHeapType else { return false }
            return try dictGet(d, name("__getattr__")) != nil || dictGet(d, name("__getattribute__")) != nil
        }
        // The class's tp_getattro is not the generic one: _PySuper_Lookup is asked for no
        // method, so a function or slot wrapper comes bound.
        let found = try superLookup(cls, obj, attr, method: method && !hooked)
        switch found {
        case .function, .slotWrapper: keepObj = true
        default: break
        }
        return found
    }
}
