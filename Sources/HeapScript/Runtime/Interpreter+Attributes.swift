import HeapEngine

/// Name and attribute lookup (LOAD_NAME, LOAD_GLOBAL, PyObject_GenericGetAttr).
extension Interpreter {
    /// Attributes `getAttr` serves by payload kind besides the method table and `__class__`
    /// (kept with getAttr's cases below; `modelledAttributes(ofType:)` reports them).
    static let servedAttributes: [TypeKind: [String]] = [
        .type: ["__name__", "__qualname__", "__mro__", "__dict__"],
        .function: ["__name__", "__qualname__", "__code__", "__defaults__", "__kwdefaults__", "__globals__", "__dict__", "__closure__", "__doc__"],
        .cell: ["cell_contents"],
        .method: ["__func__", "__self__"],
        // co_posonlyargcount is 3.8+ (`modelledAttributes(ofType:)` leaves it out on 3.6).
        .code: ["co_consts", "co_names", "co_name", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount"],
        .exception: ["args"],
        .module: ["__dict__"],
        .property: ["fget", "fset", "fdel", "__doc__"],
        .classmethod: ["__func__", "__dict__"],
        .staticmethod: ["__func__", "__dict__"],
    ]

    func loadName(_ f: Frame, _ key: ObjectRef, _ n: String) throws -> ObjectRef {
        if let ns = f.namespace, let v = try dictGet(ns, key) { heap.incref(v); return v }
        if f.namespace != f.globals, let v = try dictGet(f.globals, key) { heap.incref(v); return v }
        if let v = try dictGet(builtinsDict, key) { heap.incref(v); return v }
        try refuseIfCPythonHas(name: n)
        throw nameError(n, frame: f, globals: f.globals)
    }

    func loadGlobal(_ globals: ObjectRef, _ key: ObjectRef, _ n: String, frame: Frame? = nil) throws -> ObjectRef {
        if let v = try dictGet(globals, key) { heap.incref(v); return v }
        if let v = try dictGet(builtinsDict, key) { heap.incref(v); return v }
        try refuseIfCPythonHas(name: n)
        throw nameError(n, frame: frame, globals: globals)
    }

    /// A special method defined by a user class (borrowed), for `__len__`, `__eq__`...
    func lookupSpecial(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        let info = heap.typeInfo(of: obj)
        guard info.isHeapType else { return nil }
        let v = try lookupInType(heap.typeOf[Int(obj)], attr)
        // A special method that is a classmethod/staticmethod/property is bound through its
        // __get__, which the slot callers here do not do.
        if let v, funcWrapper(v) != nil || propertyObject(v) != nil { throw notModelled("a special method `\(attr)` that is a descriptor") }
        return v
    }

    /// A slot function's call of the special method `function` (a plain function found on
    /// the type) with borrowed `selfRef` and `args`: 3.7+ call it unbound (vectorcall_method,
    /// call_unbound: the arguments on a C stack), the frame taking its own references and
    /// nothing else; 3.6's call_method binds it first (`bindForSlotCall`) and, with
    /// arguments, packs them into a tuple (Py_VaBuildValue "(O)"/"(OO)", or PyTuple_Pack in
    /// slot_sq_contains), released after the call and before the bound method.
    /// (`sys.getrefcount(self)` inside `__len__` called by len(): 3 for a named instance on
    /// 3.8.18-3.13.0, 4 on 3.6.15.)
    func callSpecial(_ function: ObjectRef, _ selfRef: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        let bound = try bindForSlotCall(function, selfRef)
        defer { bound.map(heap.decref) }
        var packed: ObjectRef?
        if bound != nil && !args.isEmpty {
            args.forEach(heap.incref)
            packed = try newTuple(args)
        }
        defer { packed.map(heap.decref) }
        heap.incref(function)
        heap.incref(selfRef)
        args.forEach(heap.incref)
        return try callFunction(function, [selfRef] + args, [], vectorcall: true)
    }

    /// 3.6's slot functions (typeobject.c: call_method, lookup_maybe, slot_tp_init,
    /// slot_tp_finalize) bind the special method they find on the type: a bound method
    /// (PyMethod_New, off its free list, which a full collection empties) lives for the call.
    /// 3.7+ call the function unbound (lookup_maybe_method). `class K` with `__init__`:
    /// `gc.collect(); k = [K() for _ in range(2)]; gc.get_count()` counts 9 on 3.6.15, 8 on 3.8.18.
    func bindForSlotCall(_ function: ObjectRef, _ selfRef: ObjectRef) throws -> ObjectRef? {
        guard profile.slotCallsBindMethods, case .function = heap.payload[Int(function)] else { return nil }
        do { return try heap.newMethod(function: function, selfRef: selfRef) } catch { throw memoryError() }
    }

    func getAttr(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef {
        // proxy_getattr: PyObject_GetAttr(referent, name), its AttributeError the referent's.
        if heap.isWeakProxy(obj) { return try withProxyReferent(obj) { try getAttr($0, attr) } }
        if let v = try lookupAttr(obj, attr) { return v }
        throw missingAttributeError(obj, attr)
    }

    /// The AttributeError of a failed lookup, worded by the object's getattro: module_getattro,
    /// type_getattro, PyObject_GenericGetAttr (which for functions records no `obj`).
    func missingAttributeError(_ obj: ObjectRef, _ attr: String) -> PyException {
        switch heap.payload[Int(obj)] {
        case .module(let m):
            return attributeError(obj, attr, message: "module '\(m.name)' has no attribute '\(attr)'")
        case .type(let info):
            var e = error("AttributeError", "type object '\(info.name)' has no attribute '\(attr)'")
            if profile.attributeErrorKeepsObject {
                heap.incref(obj); e.keptAlive.append(obj); e.attributeContextSet = true   // the exception's obj (set_attribute_error_context)
            }
            return e
        case .function:
            return error("AttributeError", "'function' object has no attribute '\(attr)'")
        default:
            return attributeError(obj, attr, message: "'\(typeName(obj))' object has no attribute '\(attr)'")
        }
    }

    /// _PyObject_LookupAttr: the attribute, or nil where getattr would raise AttributeError
    /// (refusing first what the profile's CPython has and the engine does not model). No
    /// exception object is made for nil, as CPython's generic getattr with `suppress` makes
    /// none (3.7+; 3.6's PyErr_Format left an unnormalized message string, freed at once).
    /// `generic`: PyObject_GenericGetAttr itself (`object.__getattribute__`), which calls
    /// no class hook.
    func lookupAttr(_ obj: ObjectRef, _ attr: String, generic: Bool = false) throws -> ObjectRef? {
        try refuseIfOpaque(obj)
        if let g = genericAlias(obj) { return try genericAliasAttribute(obj, g, attr) }
        try refuseGenericAliasTypeAttribute(obj, attr)
        if let v = try ctypesAttribute(obj, attr) { return v }
        if heap.isWeakProxy(obj) {
            // proxy_getattr raises the referent's AttributeError, which a suppressing lookup
            // (hasattr, getattr's default) then clears: an exception the engine does not make.
            if let v = try withProxyReferent(obj, { try lookupAttr($0, attr) }) { return v }
            throw notModelled("a missing attribute of a weakref proxy's referent, looked up without raising")
        }
        // collections.deque: its modelled methods only (CollectionsModule.swift).
        if obj == heap.dequeTypeIfMade || (heap.deque(obj) != nil && methodTable[.deque]?[attr] == nil && attr != "__class__") {
            throw notModelled("collections.deque.\(attr)")
        }
        if let v = try defaultDictAttribute(obj, attr) { return v }
        if let v = try orderedDictAttribute(obj, attr) { return v }
        if let v = try itertoolsTypeAttribute(obj, attr) { return v }
        try refuseItertoolsAttribute(obj, attr)
        try refusePartialAttribute(obj, attr)
        try refuseLruCacheAttribute(obj, attr)
        try refuseArrayAttribute(obj, attr)
        try refuseMemoryViewAttribute(obj, attr)
        try refuseComplexAttribute(obj, attr)
        try refuseMappingProxyAttribute(obj, attr)
        try refuseWeakSetAttribute(obj, attr)
        try refuseWeakKeyDictAttribute(obj, attr)
        try refuseWeakValueDictAttribute(obj, attr)
        if let k = try keyedRefAttribute(obj, attr) { return k }
        try refuseNamedtupleAttribute(obj, attr)
        let p = heap.payload[Int(obj)]
        switch p {
        case .module(let m):
            if m.name == "copy", Interpreter.isCopyStandInAttribute(attr) { throw notModelled("copy.\(attr)") }
            if m.name == "__future__", Interpreter.isFutureStandInAttribute(attr) {
                throw notModelled("__future__.\(attr)", because: "heapbook's Lib/__future__.py stand-in leaves out the docstring and the import system's names")
            }
            if m.name == "reprlib", Interpreter.isReprlibStandInAttribute(attr) { throw notModelled("reprlib.\(attr)") }
            if m.name == "dataclasses", Interpreter.isDataclassesStandInAttribute(attr) {
                throw notModelled("dataclasses.\(attr)", because: "the name is heapbook's stand-in's, not CPython's dataclasses.py's")
            }
            if m.name == "dataclasses", !surface.has(attribute: attr, inModule: "dataclasses") {
                throw notModelled("dataclasses.\(attr)", because: "CPython \(profile.version)'s dataclasses.py has no such name; heapbook's stand-in does")
            }
            if m.name == "collections", attr == "__dict__" { throw notModelled("collections.__dict__") }
            if m.name == "functools", attr == "__dict__" { throw notModelled("functools.__dict__") }
            if m.name == "itertools", attr == "__dict__" { throw notModelled("itertools.__dict__") }
            if m.name == "array", attr == "__dict__" { throw notModelled("array.__dict__") }
            if m.name == "pprint", attr == "__dict__" { throw notModelled("pprint.__dict__") }
            // Lib/weakref.py's names beyond _weakref's (finalize, WeakSet, the refused ones).
            if m.name == "weakref", attr == "__dict__" { throw notModelled("weakref.__dict__") }
            // Lib/weakref.py's class, made at its first lookup (WeakrefFinalize.swift).
            if m.name == "weakref", attr == "finalize", finalizeClass == nil {
                try dictSet(m.dict, name(attr), try weakrefFinalize())
            }
            // Lib/_weakrefset.py's class, made at its first lookup (WeakrefWeakSet.swift).
            // (WeakKeyDictionary's making makes WeakSet too: the module's dict is what tells.)
            if m.name == "weakref", attr == "WeakSet", try dictGet(m.dict, name(attr)) == nil {
                try dictSet(m.dict, name(attr), try weakrefWeakSet())
            }
            // Lib/weakref.py's class, made at its first lookup (WeakrefWeakKeyDictionary.swift).
            if m.name == "weakref", attr == "WeakKeyDictionary", weakKeyDictClass == nil {
                try dictSet(m.dict, name(attr), try weakrefWeakKeyDictionary())
            }
            // Lib/weakref.py's class, made at its first lookup (WeakrefWeakValueDictionary.swift).
            if m.name == "weakref", attr == "WeakValueDictionary", weakValueDictClass == nil {
                try dictSet(m.dict, name(attr), try weakrefWeakValueDictionary())
            }
            // Lib/functools.py's lru_cache part, made at its first lookup (LruCacheObject.swift).
            if m.name == "functools", lruTypes == nil, functoolsLruCacheNames.contains(attr) {
                try defineFunctoolsLruCacheLazily(m.dict)
            }
            // Lib/collections' namedtuple, made at its first lookup (CollectionsNamedtuple.swift).
            if m.name == "collections", attr == "namedtuple", namedtupleFunction == nil {
                try dictSet(m.dict, name(attr), try collectionsNamedtuple())
            }
            if let v = try dictGet(m.dict, name(attr)) { heap.incref(v); return v }
            if m.name == "sys", let s = standardStream(attr) { heap.incref(s); return s }
            if attr == "__dict__" { heap.incref(m.dict); return m.dict }
            try refuseIfCPythonHas(attr, on: obj)
            return nil
        case .instance(let state):
            // slot_tp_getattro / slot_tp_getattr_hook: the class's `__getattribute__`
            // (SlotTpGetattrHook.swift).
            if !generic, let hook = try getattributeHook(of: obj) { return try slotTpGetattro(hook, obj, attr) }
            // A member descriptor or a property is a data descriptor: it wins over the
            // instance dict (PyObject_GenericGetAttr).
            if let m = try memberDescriptor(of: obj, attr) { return try memberGet(m, obj) }
            if let (_, p) = try propertyDescriptor(of: obj, attr) { return try propertyGet(p, obj, attr: attr) }
            if attr == "__dict__" {
                // No __dict__ slot (__slots__ without '__dict__'): a plain missing attribute,
                // which hasattr and getattr's default suppress.
                guard heap.typeInfo(of: obj).hasInstanceDict else { return nil }
                if profile.instanceDictSlot { let d = try instanceDict(obj); heap.incref(d); return d }
                return try materializeDict(obj)
            }
            if attr == "__class__" { let t = heap.typeOf[Int(obj)]; heap.incref(t); return t }
            if let d = state.dict, let v = try dictGet(d, name(attr)) { heap.incref(v); return v }
            if let attrs = state.attributes, attrs.count > 0,
               let v = attrs.value(forKey: name(attr), hash: try hash(name(attr)), isEqual: keysEqual) {
                heap.incref(v); return v
            }
            if let v = try lookupInType(heap.typeOf[Int(obj)], attr) {
                // A getset descriptor in the class dict (`__weakref__`): CPython calls its
                // __get__ (subtype_getweakref gives None or the first weakref), which the
                // engine does not model; handing back the descriptor would be a wrong answer.
                if heap.kind(v) == .getsetDescriptor { throw notModelled("\(typeName(obj)).\(attr)") }
                return try bindIfFunction(v, obj)
            }
            try refuseIfCPythonHas(attr, on: obj)
            // slot_tp_getattr_hook: the class's `__getattr__` (SlotTpGetattrHook.swift).
            if !generic, let hook = try getattrHook(of: obj) { return try callGetattrHook(hook, obj, attr) }
            return nil
        case .type(let info):
            switch attr {
            // type_name/type_qualname: a static type's tp_name may carry its module
            // ("weakref.ReferenceType"); the name is what follows the last dot.
            case "__qualname__" where info.isHeapType:
                // type_qualname: ht_qualname, the body's `__qualname__` ("A.B" for a nested class).
                if let q = info.qualnameRef { heap.incref(q); return q }
                return try newStr(nestedClassQualnames[obj] ?? info.name)
            case "__name__" where info.nameRef != nil:
                // type_name: ht_name.
                heap.incref(info.nameRef!); return info.nameRef!
            case "__name__", "__qualname__":
                return try newStr(info.isHeapType ? info.name : String(info.name.split(separator: ".").last ?? ""))
            case "__mro__":
                if let m = info.mroTuple { heap.incref(m); return m }
                let items = info.mro
                items.forEach(heap.incref)
                return try newTuple(items)
            case "__dict__":
                if let d = info.dict { return try typeDictProxy(d) }
            case "__annotations__" where info.isHeapType && profile.typeHasAnnotationsDescriptor:
                return try typeAnnotations(obj, info)
            default: break
            }
            if info.isHeapType, let v = try lookupInType(obj, attr) {
                if let w = funcWrapper(v) { return try funcWrapperGet(w, type: obj) }
                heap.incref(v); return v
            }
            // object's dict entry, reached through a class's MRO or on object itself.
            if attr == "__new__", info.kind == .object || (info.isHeapType && info.kind == .instance) {
                heap.incref(objectNewFunction); return objectNewFunction
            }
            if let id = methodTable[info.kind]?[attr] {
                // A METH_CLASS method binds to the type (classmethod_get): `dict.fromkeys`.
                if Interpreter.isClassMethod(info.kind, attr) {
                    heap.incref(obj)
                    return try newBuiltinObject(BuiltinInfo(id: id, selfRef: obj))
                }
                return methodDescriptor(id)
            }
            try refuseIfCPythonHas(attr, on: obj)
            return nil
        case .function(let fn):
            switch attr {
            // func_name: co_name, the interned identifier (`f.__name__ is f.__qualname__`).
            case "__name__": let n = try internedName(fn.name); heap.incref(n); return n
            case "__qualname__": return try functionQualname(fn)
            case "__code__": heap.incref(fn.codeRef); return fn.codeRef
            case "__defaults__": let d = fn.defaults ?? heap.none; heap.incref(d); return d
            case "__kwdefaults__": let d = fn.kwdefaults ?? heap.none; heap.incref(d); return d
            case "__globals__":
                // A stand-in module's functions (Lib/copy.py's, weakref.finalize's): their
                // globals are the stand-in's, not CPython's module dict.
                try refuseIfOpaque(fn.globals)
                heap.incref(fn.globals); return fn.globals
            case "__closure__": let c = fn.closure ?? heap.none; heap.incref(c); return c
            case "__doc__": let d = fn.doc ?? heap.none; heap.incref(d); return d
            case "__annotations__": let a = try functionAnnotations(fn); heap.incref(a); return a
            // func_module (T_OBJECT: None when PyFunction_New found no `__name__`).
            case "__module__": let m = fn.module ?? heap.none; heap.incref(m); return m
            // PyObject_GenericGetDict: the function type is static, so a plain PyDict_New on
            // first use (update_wrapper's `getattr(wrapped, '__dict__', {})`).
            case "__dict__":
                if fn.dict == nil { fn.dict = try newDict() }
                heap.incref(fn.dict!); return fn.dict!
            // 3.12+ func_get_type_params: PyTuple_New(0) (the empty tuple) without type params.
            case "__type_params__" where profile.minor >= 12:
                heap.incref(heap.emptyTuple); return heap.emptyTuple
            default:
                if let d = fn.dict, let v = try dictGet(d, name(attr)) { heap.incref(v); return v }
                // A method descriptor of function's type (`__sizeof__`): non-data, so after
                // the function's own dict; so are its slot wrappers (`f.__repr__`).
                if let w = try slotAttribute(obj, attr) { return w }
                if let id = methodTable[.function]?[attr] {
                    heap.incref(obj)
                    return try newBuiltinObject(BuiltinInfo(id: id, selfRef: obj))
                }
                try refuseIfCPythonHas(attr, on: obj)
                return nil
            }
        case .method(let fn, let s):
            if attr == "__func__" { heap.incref(fn); return fn }
            if attr == "__self__" { heap.incref(s); return s }
            // method_getattro: a name the method type lacks is the function's
            // (PyObject_GetAttr(im_func, name)), its AttributeError the function's
            // (`C().m.__qualname__` is 'C.m', `C().m.x` names 'function', 3.6.15-3.13.0).
            if !surface.has(attribute: attr, onType: "method") { return try getAttr(fn, attr) }
        case .native(let o):
            if let su = o as? SuperObject { return try superGetattro(su, obj, attr) }
            if let m = o as? MemberDescr, attr != "__class__" { return try memberDescrAttribute(m, attr) }
            if let p = o as? PropertyObject, let v = propertyAttribute(p, attr) { return v }
            if let w = o as? FuncWrapperObject, attr != "__class__", let v = try funcWrapperAttribute(w, attr) { return v }
            if let st = o as? PartialObject, attr != "__class__", let v = try partialAttribute(st, attr) { return v }
            if let st = o as? LruCacheObject, attr != "__class__", let v = try lruCacheAttribute(st, attr) { return v }
            if let a = o as? ArrayObject, let v = try arrayAttribute(a, attr) { return v }
            if let m = o as? MemoryViewObject, let v = try memoryViewAttribute(obj, m, attr) { return v }
            if let c = o as? ComplexObject, let v = try complexAttribute(c, attr) { return v }
            if let e = o as? ExceptionState {
                switch attr {
                case "args": heap.incref(e.args); return e.args
                case "__context__", "__cause__":
                    let r = (attr == "__cause__" ? e.cause : e.context) ?? heap.none
                    heap.incref(r); return r
                case "__suppress_context__": return heap.newBool(e.suppressContext)
                case "__traceback__":
                    // Caught exceptions only keep a traceback (one in flight is not reachable).
                    if e.traceback.isEmpty { return heap.newNone() }
                    let tb = try tracebackObject(of: obj)
                    heap.incref(tb); return tb
                default: break
                }
            }
            if let g = o as? GenObject {
                switch attr {
                case "__name__": return try newStr(g.frame.code.name)
                case "__qualname__": return try newStr(g.frame.code.qualname)
                case "gi_running": return heap.newBool(g.state == .running)
                case "gi_code": if let c = g.codeRef { heap.incref(c); return c }
                default: break
                }
            }
            // co_consts and co_names are the code object's own tuples (3.8+ build them as
            // CPython does, merged; `f.__code__.co_consts` shows what the compiler kept).
            if let code = o as? CodeObject, code.tuples.count >= 2 {
                switch attr {
                case "co_consts":
                    if code.peepholeFolded { throw notModelled("co_consts of code the 3.6 peephole optimizer folded") }
                    heap.incref(code.tuples[0]); return code.tuples[0]
                case "co_names": heap.incref(code.tuples[1]); return code.tuples[1]
                case "co_name": return try newStr(code.name)
                // Small ints (cached), as PyMemberDef T_INT makes them. A list, set or dict
                // comprehension's code takes its iterator `.0` as a parameter in CPython
                // (co_argcount 1) but not in the engine (it stays on the stack): refused.
                case "co_argcount" where code.kind == .comprehension && !code.isGenerator,
                     "co_kwonlyargcount" where code.kind == .comprehension && !code.isGenerator,
                     "co_posonlyargcount" where code.kind == .comprehension && !code.isGenerator && profile.minor >= 8:
                    throw notModelled("\(attr) of a comprehension's code")
                case "co_argcount": return try newInt(code.paramCount)
                case "co_kwonlyargcount": return try newInt(code.kwonlyCount)
                case "co_posonlyargcount" where profile.minor >= 8: return try newInt(code.posonlyCount)
                default: break
                }
            }
        case .weakref(let w) where attr == "__callback__":
            // weakref's READONLY T_OBJECT member: None once the referent died, since
            // clear_weakref drops wr_callback before the callback runs.
            let cb = w.referent == nil ? heap.none : w.callback ?? heap.none
            heap.incref(cb)
            return cb
        case .cell where isCell(obj) && attr == "cell_contents": return try cellContents(obj)
        default: break
        }
        if attr == "__class__" { let t = heap.typeOf[Int(obj)]; heap.incref(t); return t }
        if let fields = structSeqFields(obj), let v = try structSeqAttribute(obj, fields, attr) { return v }
        if heap.isBuiltinSubtypeInstance(obj), let v = try builtinSubclassAttribute(obj, attr) { return v }
        if !heap.typeInfo(of: obj).isHeapType, let w = try slotAttribute(obj, attr) { return w }
        let kind = heap.kind(obj)
        if let id = methodTable[kind]?[attr] {
            // Looked up on an instance, a METH_CLASS method binds to the instance's type.
            let selfRef = Interpreter.isClassMethod(kind, attr) ? heap.typeOf[Int(obj)] : obj
            heap.incref(selfRef)
            return try newBuiltinObject(BuiltinInfo(id: id, selfRef: selfRef))
        }
        try refuseIfCPythonHas(attr, on: obj)
        return nil
    }

    /// A function whose own `__dict__` holds `attr`, which shadows its type's non-data
    /// descriptors (`f.__sizeof__ = g`).
    func functionDictHas(_ obj: ObjectRef, _ attr: String) throws -> Bool {
        guard case .function(let fn) = heap.payload[Int(obj)], let d = fn.dict else { return false }
        return try dictGet(d, name(attr)) != nil
    }

    /// A function found on the class becomes a bound method (func_descr_get).
    func bindIfFunction(_ v: ObjectRef, _ obj: ObjectRef) throws -> ObjectRef {
        if case .function = heap.payload[Int(v)] {
            do { return try heap.newMethod(function: v, selfRef: obj) } catch { throw memoryError() }
        }
        if let w = funcWrapper(v) { return try funcWrapperGet(w, type: heap.typeOf[Int(obj)]) }
        try refusePartialDescriptorGet(v)
        // lru_cache_descr_get: a bound method of the wrapper (not modelled).
        if lruCacheObject(v) != nil { throw notModelled("a functools.lru_cache wrapper read through an instance (lru_cache_descr_get)") }
        heap.incref(v)
        return v
    }

    /// PyObject_SetAttr. `generic`: PyObject_GenericSetAttr itself (object's `__setattr__`,
    /// `super().__setattr__(k, v)`), which a class's own `__setattr__` does not intercept.
    func setAttr(_ obj: ObjectRef, _ attr: String, _ value: ObjectRef, generic: Bool = false) throws {
        try refuseIfOpaque(obj)
        if !generic, case .instance(let state) = heap.payload[Int(obj)], try isPlainInstanceStore(obj, attr) {
            return try genericInstanceStore(obj, state, attr, value)
        }
        try refuseGenericAlias(obj, "setting an attribute of")
        // proxy_setattr: PyObject_SetAttr(referent, name, value).
        if heap.isWeakProxy(obj) { return try withProxyReferent(obj) { try setAttr($0, attr, value) } }
        if isKeyedRef(obj) {
            throw notModelled("setting attributes of a weakref.KeyedRef", because: "heapbook makes Lib/weakref.py's KeyedRef class natively")
        }
        try refuseCtypesAttributeStore(obj, attr)
        try checkSpecialAttributeAssignment(obj, attr, value)
        // slot_tp_setattro: a class's `__setattr__` takes every store (its result dropped).
        if !generic, let m = try userSetattr(obj) {
            heap.decref(try callSpecial(m, obj, [name(attr), value]))
            return
        }
        // A class defining `__delattr__` alone: object's `__setattr__` (SlotTpGetattrHook.swift).
        if !generic, try userDelattr(obj) != nil { return try callObjectSetattroSlot(obj, attr, value) }
        try namedtupleAttributeStore(obj, attr, delete: false)
        try refuseBuiltinSubclassAttributeStore(obj, attr)
        try refuseStructSeqAttributeStore(obj, attr)
        try refuseDefaultDictAttributeStore(obj, attr)
        try refuseOrderedDictAttributeStore(obj, attr)
        try refuseSettingIfCPythonDescriptor(attr, on: obj)
        if heap.memoryView(obj) != nil || heap.kind(obj) == .managedBuffer || obj == heap.builtinType(.memoryView) {
            throw notModelled("setting attributes of memoryview objects", because: "their AttributeErrors are not modelled")
        }
        if heap.array(obj) != nil || arrayIterObject(obj) != nil || isArrayType(obj) {
            throw notModelled("setting attributes of array objects and types", because: "their descriptors' and AttributeErrors' behaviour is not modelled")
        }
        // property_descr_set: a data descriptor on the class takes the store.
        if let (_, p) = try propertyDescriptor(of: obj, attr) { try propertySet(p, obj, value); return }
        if try setSlottedAttribute(obj, attr, value) { return }
        switch heap.payload[Int(obj)] {
        case .instance(let state):
            try genericInstanceStore(obj, state, attr, value)
        case .type(let info) where info.isHeapType:
            try refuseForeignMemberDescr(value)
            classAttributeEpoch += 1
            try dictSet(info.dict!, name(attr), value)
            if attr == "__del__" { info.hasDel = true }
        case .function(let fn):
            if fn.dict == nil { fn.dict = try newDict() }
            try dictSet(fn.dict!, name(attr), value)
        case .module(let m):
            // module_setattro (3.7+) / PyObject_GenericSetAttr: the module's dict. A special
            // name there is read by what the engine does not model (`__name__` by the repr,
            // `__getattr__` by PEP 562 lookups).
            if Interpreter.isSpecialName(attr) { throw notModelled("module.\(attr) assignment") }
            try dictSet(m.dict, name(attr), value)
        case .type(let info):
            throw error("TypeError", "cannot set '\(attr)' attribute of immutable type '\(info.name)'")
        case .native(let o) where o is MemberDescr:
            throw notModelled("member_descriptor.\(attr) assignment")
        case .native(let o) where o is PropertyObject:
            throw notModelled("property.\(attr) assignment")
        case .native(let o) where o is FuncWrapperObject:
            try funcWrapperStore(o as! FuncWrapperObject, attr, value)
        case .native(let o) where o is PartialObject:
            try partialStore(o as! PartialObject, obj, attr, value)
        case .native(let o) where o is LruCacheObject:
            try lruCacheStore(o as! LruCacheObject, obj, attr, value)
        default:
            throw noDictAttributeError(obj, attr)
        }
    }

    /// Whether `obj.attr = v` on an instance is PyObject_GenericSetAttr's plain case, in which
    /// every check of `setAttr` passes: a class statement's class whose MRO holds only such
    /// classes and `object` (no builtin base, so no namedtuple, struct sequence, ctypes or
    /// builtin-subclass rule applies), with an instance dict and no `__slots__`, no
    /// `__setattr__` or `__delattr__` of its own, an ordinary name, and no property of that
    /// name on the class (a data descriptor would take the store; user descriptors with
    /// `__set__` are refused where the class is made). The class-level answer is kept with
    /// the type attribute cache and forgotten when it is.
    func isPlainInstanceStore(_ obj: ObjectRef, _ attr: String) throws -> Bool {
        let type = heap.typeOf[Int(obj)]
        syncTypeAttributeCache()
        let plain: TypeAttributeCache.PlainStore
        if let known = typeAttributeCache.plainStores[type] {
            plain = known
        } else {
            let info = heap.typeInfo(type)
            let plainClasses = info.isHeapType && info.slotCount == 0 && info.hasInstanceDict
                && namedtupleInfo(type) == nil
                && info.mro.allSatisfy { t in
                    let ti = heap.typeInfo(t)
                    return ti.kind == .object || (ti.isHeapType && ti.kind == .instance)
                }
            if try plainClasses && userSetattr(obj) == nil && userDelattr(obj) == nil {
                let properties = info.mro.contains { t in
                    guard heap.typeInfo(t).isHeapType, let d = heap.typeInfo(t).dict else { return false }
                    return dictObject(d).storage.items.contains { propertyObject($0.value) != nil }
                }
                plain = properties ? .plainButProperties : .plain
            } else {
                plain = .no
            }
            watchMRO(type)
            typeAttributeCache.plainStores[type] = plain
        }
        switch plain {
        case .no: return false
        case .plain: return !Interpreter.isSpecialName(attr)
        case .plainButProperties: return try !Interpreter.isSpecialName(attr) && propertyDescriptor(of: obj, attr) == nil
        }
    }

    /// _PyObject_GenericSetAttrWithDict's store into an instance's dict (the split table of
    /// 3.11+'s inline values where `Profile.instanceDictSlot`, the materialised dict, or the
    /// engine's attribute table that stands for the dict until something asks for it).
    private func genericInstanceStore(_ obj: ObjectRef, _ state: InstanceState, _ attr: String, _ value: ObjectRef) throws {
        if profile.instanceDictSlot { return try setInstanceDictItem(obj, attr, value) }
        if let d = state.dict { try dictSet(d, name(attr), value); return }
        let key = name(attr)
        let h = try hash(key)
        let exact = isExactStr(key)
        let info = heap.typeInfo(of: obj)
        _ = info.sharedKeys?.insert(key, hash: h, isEqual: keysEqual)
        // The table is moved out of the state while it changes, so that it is uniquely
        // referenced (no copy on write) and a nested read of the instance sees none.
        var attrs = state.attributes ?? DictStorage()
        state.attributes = nil
        let result = attrs.setItem(key, hash: h, isExactStr: exact, value: value, layouts: layouts, isEqual: keysEqual)
        state.attributes = attrs
        heap.incref(value)
        switch result {
        case .inserted: heap.incref(key)
        case .replaced(let old): heap.decref(old)
        }
    }

    /// The `__setattr__` a plain class (or a base) defines, which slot_tp_setattro calls
    /// (borrowed); nil where the type's tp_setattro is the generic one.
    func userSetattr(_ obj: ObjectRef) throws -> ObjectRef? {
        guard case .instance = heap.payload[Int(obj)], heap.typeInfo(of: obj).isHeapType else { return nil }
        return try lookupSpecialName(heap.typeOf[Int(obj)], "__setattr__")
    }

    /// wrap_setattr → PyObject_GenericSetAttr (object's `__setattr__` from an instance of a
    /// class: hackcheck passes, the class's first static base being object). Measured on
    /// 3.6.15-3.13.0: PyArg_UnpackTuple's " expected 2 arguments, got 1" (its name is empty)
    /// and "attribute name must be string, not 'int'".
    func objectSetattr(_ selfRef: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard args.count == 2 else { throw error("TypeError", " expected 2 arguments, got \(args.count)") }
        guard heap.kind(args[0]) == .str else {
            if heap.typeInfo(of: args[0]).isHeapType { throw notModelled("object.__setattr__ with a name that is a str subclass or an object of a class") }
            throw error("TypeError", "attribute name must be string, not '\(typeName(args[0]))'")
        }
        if heap.typeInfo(of: args[0]).isHeapType { throw notModelled("object.__setattr__ with a name that is a str subclass") }
        try setAttr(selfRef, stringValue(args[0]), args[1], generic: true)
        return heap.newNone()
    }

    /// _PyObject_GenericSetAttrWithDict on an instance of a class with `__slots__` (value
    /// nil deletes): a member descriptor on the type stores into its slot; without one an
    /// instance with no `__dict__` raises — "read-only" when the class has the name (a
    /// method, a class variable), "has no attribute" otherwise. Returns false when the
    /// instance has a `__dict__` and the ordinary dict store applies.
    func setSlottedAttribute(_ obj: ObjectRef, _ attr: String, _ value: ObjectRef?) throws -> Bool {
        guard case .instance = heap.payload[Int(obj)] else { return false }
        let info = heap.typeInfo(of: obj)
        guard info.slotCount > 0 || !info.hasInstanceDict else { return false }
        let found = try lookupInType(heap.typeOf[Int(obj)], attr)
        if let found, let m = heap.memberDescr(found) { try memberSet(m, obj, value); return true }
        if info.hasInstanceDict { return false }
        if found != nil {
            // No object kept, even on 3.13 (`sys.getrefcount(s)` stays 2 on 3.6.15-3.13.0).
            throw error("AttributeError", "'\(typeName(obj))' object attribute '\(attr)' is read-only")
        }
        throw noDictAttributeError(obj, attr)
    }

    /// `_PyObject_GenericSetAttrWithDict` on an object without a `__dict__` (set or delete):
    /// a name the type has is read-only; another is missing, and 3.13 says why.
    func noDictAttributeError(_ obj: ObjectRef, _ attr: String) -> PyException {
        if methodTable[heap.kind(obj)]?[attr] != nil {
            return error("AttributeError", "'\(typeName(obj))' object attribute '\(attr)' is read-only")
        }
        let why = profile.noDictReasonInAttributeError ? " and no __dict__ for setting new attributes" : ""
        // 3.13 gives the error `obj` like a failed set (`del object().a` keeps it on 3.13.0).
        return attributeError(obj, attr, message: "'\(typeName(obj))' object has no attribute '\(attr)'\(why)", onSet: true)
    }

    /// A `del obj.attr` whose name is not in the object's dict. Before 3.11 (3.6.15, 3.8.18)
    /// PyObject_GenericSetAttr passed the dict's KeyError on as `AttributeError: attr`.
    func missingOnDelete(_ obj: ObjectRef, _ attr: String) -> PyException {
        if profile.bareAttributeErrorOnDelete { return error("AttributeError", attr) }
        return attributeError(obj, attr, message: "'\(typeName(obj))' object has no attribute '\(attr)'", onDelete: true)
    }

    /// PyObject_SetAttr with no value. `generic`: PyObject_GenericSetAttr itself (object's
    /// `__delattr__`), which a class's own `__delattr__` does not intercept.
    func delAttr(_ obj: ObjectRef, _ attr: String, generic: Bool = false) throws {
        try refuseIfOpaque(obj)
        try refuseGenericAlias(obj, "deleting an attribute of")
        // proxy_setattr with no value: PyObject_SetAttr(referent, name, NULL).
        if heap.isWeakProxy(obj) { return try withProxyReferent(obj) { try delAttr($0, attr) } }
        if isKeyedRef(obj) {
            throw notModelled("deleting attributes of a weakref.KeyedRef", because: "heapbook makes Lib/weakref.py's KeyedRef class natively")
        }
        try refuseCtypesAttributeStore(obj, attr)
        try checkSpecialAttributeAssignment(obj, attr, nil)
        // slot_tp_setattro with no value calls the class's `__delattr__` (its result
        // dropped), or object's where the class defines `__setattr__` alone
        // (SlotTpGetattrHook.swift).
        if !generic, let m = try userDelattr(obj) {
            heap.decref(try callSpecial(m, obj, [name(attr)]))
            return
        }
        if !generic, try userSetattr(obj) != nil { return try callObjectSetattroSlot(obj, attr, nil) }
        try namedtupleAttributeStore(obj, attr, delete: true)
        try refuseBuiltinSubclassAttributeStore(obj, attr)
        try refuseStructSeqAttributeStore(obj, attr)
        try refuseDefaultDictAttributeStore(obj, attr)
        try refuseOrderedDictAttributeStore(obj, attr)
        try refuseSettingIfCPythonDescriptor(attr, on: obj)
        if let (_, p) = try propertyDescriptor(of: obj, attr) { try propertySet(p, obj, nil); return }
        if try setSlottedAttribute(obj, attr, nil) { return }
        switch heap.payload[Int(obj)] {
        case .instance where profile.instanceDictSlot:
            try setInstanceDictItem(obj, attr, nil)
        case .instance(let state):
            if let d = state.dict {
                guard let (k, v) = try dictRemove(d, name(attr)) else { throw missingOnDelete(obj, attr) }
                heap.decref(k); heap.decref(v); return
            }
            let key = name(attr)
            let h = try hash(key)
            var attrs = state.attributes
            state.attributes = nil
            let removed = attrs?.removeItem(key, hash: h, isEqual: keysEqual)
            state.attributes = attrs
            guard let (k, v) = removed else { throw missingOnDelete(obj, attr) }
            heap.decref(k); heap.decref(v)
        case .type(let info) where info.isHeapType:
            classAttributeEpoch += 1
            guard let (k, v) = try dictRemove(info.dict!, name(attr)) else {
                throw profile.bareAttributeErrorOnDelete ? error("AttributeError", attr)
                    : error("AttributeError", "type object '\(info.name)' has no attribute '\(attr)'")
            }
            heap.decref(k); heap.decref(v)
        case .native(let o) where o is MemberDescr:
            throw notModelled("del member_descriptor.\(attr)")
        case .native(let o) where o is PropertyObject:
            throw notModelled("del property.\(attr)")
        case .native(let o) where o is FuncWrapperObject:
            try funcWrapperStore(o as! FuncWrapperObject, attr, nil)
        case .native(let o) where o is PartialObject:
            try partialStore(o as! PartialObject, obj, attr, nil)
        case .native(let o) where o is LruCacheObject:
            try lruCacheStore(o as! LruCacheObject, obj, attr, nil)
        case .module(let m):
            if Interpreter.isSpecialName(attr) { throw notModelled("del module.\(attr)") }
            guard let (k, v) = try dictRemove(m.dict, name(attr)) else { throw missingOnDelete(obj, attr) }
            heap.decref(k); heap.decref(v)
        default:
            throw noDictAttributeError(obj, attr)
        }
    }

    /// The class whose keys a materialised instance dict shares, while it does.
    func splitOwner(of d: ObjectRef) -> ObjectRef? {
        heap.isSplitTable(d) ? splitDictOwners[d] : nil
    }

    /// popitem on a materialised split dict (3.11+): dictresize to the shared keys' size,
    /// combined: `d = P().__dict__; d.popitem(); sys.getsizeof(d)` is 832 on 3.11.7 (64 slots).
    func combineMaterializedDict(_ d: ObjectRef, sharing owner: ObjectRef) {
        guard let keys = heap.typeInfo(owner).sharedKeys else { return }
        splitDictOwners[d] = nil
        heap.setEmbeddedValues(d, false)
        combine(d, log2Size: Int(keys.log2Size))
    }

    /// `obj.__dict__`: 3.11 materialises the inline values into a real dict object, which
    /// from then on holds the attributes.
    func materializeDict(_ obj: ObjectRef) throws -> ObjectRef {
        guard case .instance(let st) = heap.payload[Int(obj)] else { preconditionFailure() }
        if let d = st.dict { heap.incref(d); return d }
        let attrs = st.attributes ?? DictStorage()
        let d: ObjectRef
        do { d = try heap.newDict(attrs) } catch { throw memoryError() }
        st.attributes = nil
        st.dict = d
        // make_dict_from_instance_attributes: the dict shares the class's keys (split).
        splitDictOwners[d] = heap.typeOf[Int(obj)]
        heap.setSplitTable(d, true)
        // 3.13 (gh-115776): the dict points at the instance's inline values, which stay
        // the instance's to traverse.
        if profile.instanceInlineValues { heap.setEmbeddedValues(d, true) }
        heap.incref(d)
        return d
    }
}

extension Interpreter {
    func newBuiltinObject(_ info: BuiltinInfo) throws -> ObjectRef {
        do { return try heap.newBuiltinFunction(info) } catch { throw memoryError() }
    }
}
