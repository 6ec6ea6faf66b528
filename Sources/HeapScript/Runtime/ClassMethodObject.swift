import HeapEngine

// Objects/funcobject.c: classmethod and staticmethod (cm_init / sm_init, cm_descr_get /
// sm_descr_get, cm_traverse, cm_clear, cm_dealloc, 3.10+ functools_wraps, sm_call, cm_repr).

/// The shared layout of classmethod and staticmethod: the wrapped callable (cm_callable /
/// sm_callable) and the instance dict (cm_dict / sm_dict).
///
/// Invariant: both fields are owned references. cm_dealloc releases the callable, then the
/// dict; cm_traverse visits them in that order; cm_clear clears both, in that order.
final class FuncWrapperObject: NativeReferents, NativeClearable {
    let isClassMethod: Bool
    var callable: ObjectRef?
    var dict: ObjectRef?

    init(isClassMethod: Bool, callable: ObjectRef) {
        self.isClassMethod = isClassMethod; self.callable = callable
    }

    func releaseReferences(in heap: Heap) {
        let c = callable, d = dict
        callable = nil; dict = nil
        c.map(heap.decref); d.map(heap.decref)
    }

    func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let c = callable { body(c) }
        if let d = dict { body(d) }
    }

    func clearReferences(in heap: Heap) { releaseReferences(in: heap) }
}

extension Interpreter {
    func funcWrapper(_ r: ObjectRef) -> FuncWrapperObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? FuncWrapperObject }
        return nil
    }

    /// `classmethod(f)` / `staticmethod(f)`: type_call → PyType_GenericAlloc, cm_init /
    /// sm_init. Only a Python function is wrapped: another callable's descriptor chaining
    /// (3.9-3.12 classmethod) and copied attributes are not modelled.
    /// `packs`: whether the argument tuple is made here (see `newProperty`).
    func newFuncWrapper(_ kind: TypeKind, _ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)], packs: Bool) throws -> ObjectRef {
        let n = kind == .classmethod ? "classmethod" : "staticmethod"
        // _PyObject_MakeTpCall's argument tuple and keyword dict, held for type_call.
        let held = packs ? heap.takeFromFreeLists(FreeListCounts(dicts: kwargs.isEmpty ? 0 : 1,
                                                                 tuples: args.isEmpty ? [] : Array(repeating: 0, count: args.count) + [1])) : []
        defer { heap.releaseWorkingSet(held) }
        // cm_init / sm_init: _PyArg_NoKeywords first, then PyArg_UnpackTuple.
        // 3.6.15: "classmethod does not take keyword arguments".
        if !kwargs.isEmpty {
            throw error("TypeError", profile.minor < 7 ? "\(n) does not take keyword arguments" : "\(n)() takes no keyword arguments")
        }
        guard args.count == 1 else {
            // PyArg_UnpackTuple(args, "classmethod", 1, 1, ...); 3.6's says "1 arguments".
            throw error("TypeError", "\(n) expected 1 argument\(profile.minor < 7 ? "s" : ""), got \(args.count)")
        }
        let f = args[0]
        guard case .function(let fn) = heap.payload[Int(f)] else {
            throw notModelled("\(n)() of an object that is not a Python function")
        }
        if profile.funcWrappersCopyAttributes {
            // functools_wraps copies func_qualname, the str CPython's compiler made for the
            // code object (for a def in a class body, "C.f"): the engine has it as the code's
            // co_qualname (`CodeObject.qualnameRef`) only for a `def` or lambda it compiled.
            guard fn.qualname == fn.name || fn.qualnameRef != nil || makingFinalizeClass || makingNamedtupleClass else {
                throw notModelled("\(n)() of a function whose __qualname__ is not its __name__",
                                  because: "CPython \(profile.version) copies the function's __qualname__ str into the \(n)'s "
                                  + "__dict__, and heapbook does not keep that str as the object CPython's compiler made")
            }
            guard fn.module != nil else { throw notModelled("\(n)() of a function without __module__") }
        }
        heap.incref(f)
        let state = FuncWrapperObject(isClassMethod: kind == .classmethod, callable: f)
        let r: ObjectRef
        do { r = try heap.newObject(type: type, payload: .native(state)) } catch {
            heap.decref(f); throw memoryError()
        }
        if profile.funcWrappersCopyAttributes {
            do { try functoolsWraps(state, f, fn) } catch { heap.decref(r); throw error }
            // Lib/weakref.py's classmethods (WeakrefFinalize.swift): their `__qualname__` is a
            // new str here, not the code's: what would read their dict is refused.
            if makingFinalizeClass { opaqueObjects[r] = "a classmethod of weakref.finalize" }
        }
        return r
    }

    /// functools_wraps (3.10+): `__module__`, `__name__`, `__qualname__`, `__doc__` and
    /// `__annotations__` read from the function and stored (PyObject_SetAttr) into the
    /// wrapper's dict, made by the first store. Reading `__annotations__` gives the function
    /// its empty annotations dict (func_get_annotations) when it has none yet.
    private func functoolsWraps(_ w: FuncWrapperObject, _ f: ObjectRef, _ fn: FunctionInfo) throws {
        // func_get_qualname: the function's own str (a new one only for weakref.finalize's,
        // see newFuncWrapper).
        let qualname = try functionQualname(fn)
        defer { heap.decref(qualname) }
        let values: [(String, ObjectRef)] = [
            ("__module__", fn.module!), ("__name__", name(fn.name)), ("__qualname__", qualname),
            ("__doc__", fn.doc ?? heap.none),
        ]
        for (k, v) in values { try funcWrapperSetAttr(w, k, v) }
        let annotations = try functionAnnotations(fn)
        try funcWrapperSetAttr(w, "__annotations__", annotations)
    }

    /// func_get_qualname: func_qualname, a new reference. The object CPython holds where the
    /// engine has it (`FunctionInfo.qualnameRef`), the interned name where the qualname is
    /// the name (compiler_set_qualname takes u_name), else a new str.
    func functionQualname(_ fn: FunctionInfo) throws -> ObjectRef {
        if let q = fn.qualnameRef { heap.incref(q); return q }
        if fn.qualname == fn.name { let q = try internedName(fn.name); heap.incref(q); return q }
        return try newStr(fn.qualname)
    }

    /// func_get_annotations: the function's annotations dict, made empty on first use
    /// (borrowed). From 3.10 MAKE_FUNCTION leaves a tuple of name, value pairs, which the
    /// first use replaces by a dict filled in its order (func_get_annotation_dict).
    func functionAnnotations(_ fn: FunctionInfo) throws -> ObjectRef {
        if let a = fn.annotations, heap.kind(a) != .tuple { return a }
        let d = try newDict()
        if let pairs = fn.annotations {
            let items = sequenceItems(pairs) ?? []
            do {
                for i in stride(from: 0, to: items.count, by: 2) { try dictSet(d, items[i], items[i + 1]) }
            } catch { heap.decref(d); throw error }
            heap.decref(pairs)   // Py_SETREF
        }
        fn.annotations = d
        return d
    }

    /// type_get_annotations (3.10+, a data descriptor of `type`, so it wins over the class
    /// dicts): the class's own `__annotations__`, not a base's; when it has none an empty
    /// dict is made and stored in its dict (PyType_Modified). New reference.
    func typeAnnotations(_ type: ObjectRef, _ info: TypeInfo) throws -> ObjectRef {
        let key = name("__annotations__")
        if let a = try dictGet(info.dict!, key) {
            switch heap.payload[Int(a)] {
            case .dict: heap.incref(a); return a
            default: throw notModelled("a class's `__annotations__` that is not a dict")
            }
        }
        let d = try newDict()
        classAttributeEpoch += 1
        do { try dictSet(info.dict!, key, d) } catch { heap.decref(d); throw error }
        return d
    }

    /// PyObject_GenericSetAttr on a classmethod/staticmethod: into its dict, made on the
    /// first store (_PyObjectDict_SetItem: PyDict_New for a static type).
    private func funcWrapperSetAttr(_ w: FuncWrapperObject, _ attr: String, _ value: ObjectRef) throws {
        if w.dict == nil { w.dict = try newDict() }
        try dictSet(w.dict!, name(attr), value)
    }

    /// cm_descr_get / sm_descr_get, for an instance (`obj`) or the class itself (`type`
    /// alone): a classmethod binds its function to the class (PyMethod_New; 3.9-3.12 through
    /// the function's own __get__, which gives the same bound method), a staticmethod gives
    /// its callable.
    func funcWrapperGet(_ w: FuncWrapperObject, type: ObjectRef) throws -> ObjectRef {
        guard let c = w.callable else {
            // The callable is NULL only after cm_clear: "uninitialized classmethod object".
            throw notModelled("a cleared \(w.isClassMethod ? "classmethod" : "staticmethod")")
        }
        if !w.isClassMethod { heap.incref(c); return c }
        do { return try heap.newMethod(function: c, selfRef: type) } catch { throw memoryError() }
    }

    /// Attributes of a classmethod/staticmethod: the members `__func__` and (3.10+)
    /// `__wrapped__`, the `__dict__` getset (PyObject_GenericGetDict makes the dict on first
    /// use), then its dict's keys. nil when none applies.
    func funcWrapperAttribute(_ w: FuncWrapperObject, _ attr: String) throws -> ObjectRef? {
        switch attr {
        case "__func__", "__wrapped__" where attr == "__func__" || profile.funcWrappersCopyAttributes:
            let c = w.callable ?? heap.none
            heap.incref(c); return c
        case "__dict__":
            if w.dict == nil { w.dict = try newDict() }
            heap.incref(w.dict!); return w.dict!
        case "__isabstractmethod__": throw notModelled("\(w.isClassMethod ? "classmethod" : "staticmethod").__isabstractmethod__")
        default:
            if let d = w.dict, let v = try dictGet(d, name(attr)) { heap.incref(v); return v }
            // The type's own __doc__ is a long per-version docstring (not recorded).
            if attr == "__doc__" { throw notModelled("\(w.isClassMethod ? "classmethod" : "staticmethod").__doc__") }
            return nil
        }
    }

    /// Storing on a classmethod/staticmethod: its dict (the members are read-only).
    func funcWrapperStore(_ w: FuncWrapperObject, _ attr: String, _ value: ObjectRef?) throws {
        if ["__func__", "__wrapped__", "__dict__", "__isabstractmethod__"].contains(attr) {
            throw notModelled("\(w.isClassMethod ? "classmethod" : "staticmethod").\(attr) assignment")
        }
        if let value { try funcWrapperSetAttr(w, attr, value); return }
        throw notModelled("del \(w.isClassMethod ? "classmethod" : "staticmethod").\(attr)")
    }

    /// cm_repr / sm_repr (3.10+): `<staticmethod(<function f at 0x...>)>`.
    func funcWrapperRepr(_ w: FuncWrapperObject, _ r: ObjectRef, depth: Int) throws -> String? {
        guard profile.funcWrappersCopyAttributes, let c = w.callable else { return nil }
        return "<\(w.isClassMethod ? "classmethod" : "staticmethod")(\(try repr(c, depth: depth + 1)))>"
    }
}
