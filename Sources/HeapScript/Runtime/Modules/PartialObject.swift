import HeapEngine

// Modules/_functoolsmodule.c (v3.6.15, v3.8.18, v3.11.7, v3.12.1, v3.13.0): functools.partial
// (partial_new, partial_call, 3.8+ partial_vectorcall and its fallback, partial_traverse,
// 3.11+ partial_clear, partial_dealloc, partial_repr, the func/args/keywords members and the
// `__dict__` getset).
//
// What is modelled: construction with positional and keyword arguments (nested partials
// flatten as partial_new does), the members, the instance dict, repr, the call of a partial
// of a Python function from 3.11 (vectorcall and, once the partial has keywords, the tp_call
// fallback that turns vectorcall off for good; calls are refused on 3.6 and 3.8),
// the collector (traverse, clear) and deallocation.
// Refused: subclasses, every other attribute of the type and of its objects (`__reduce__`,
// `__setstate__`, `__class_getitem__`, `__vectorcalloffset__`, `__get__`...), weak
// references to partials, calling a partial of anything but a Python function, more than
// five keywords (the presized dicts of _PyStack_AsDict and dict_merge), `partial(f, **d)`.

/// partialobject: fn, args (always a tuple), kw (always a dict), dict (made on first use)
/// and weakreflist (no weakrefs are made to partials here: always NULL); 3.8+ a vectorcall
/// pointer (`vectorcall`: set when fn has vectorcall, cleared by the first keyword fallback).
///
/// Invariant: fn, args, kw are owned references while the object is alive (nil only after
/// tp_clear); dict is owned when present. tp_traverse visits (3.11+: the type,) fn, args,
/// kw, dict; partial_dealloc and partial_clear release fn, args, kw, dict in that order.
final class PartialObject: NativeReferents, NativeClearable {
    let visitedType: ObjectRef?
    /// Whether the type has a tp_clear (3.11+: partial_clear; none before).
    let hasClear: Bool
    var fn: ObjectRef?
    var args: ObjectRef?
    var kw: ObjectRef?
    var dict: ObjectRef?
    var vectorcall: Bool

    init(visitedType: ObjectRef?, hasClear: Bool, fn: ObjectRef, args: ObjectRef, kw: ObjectRef, vectorcall: Bool) {
        self.visitedType = visitedType; self.hasClear = hasClear
        self.fn = fn; self.args = args; self.kw = kw; self.vectorcall = vectorcall
    }

    func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let t = visitedType { body(t) }
        for case let r? in [fn, args, kw, dict] { body(r) }
    }

    func releaseReferences(in heap: Heap) {
        let refs = [fn, args, kw, dict]
        fn = nil; args = nil; kw = nil; dict = nil
        for case let r? in refs { heap.decref(r) }
    }

    /// partial_clear (3.11+): Py_CLEAR of fn, args, kw, dict. Before 3.11 the type has no
    /// tp_clear and the collector leaves the object alone.
    func clearReferences(in heap: Heap) {
        guard hasClear else { return }
        for field in 0..<4 {
            let r: ObjectRef?
            switch field {
            case 0: r = fn; fn = nil
            case 1: r = args; args = nil
            case 2: r = kw; kw = nil
            default: r = dict; dict = nil
            }
            if let r { heap.decref(r) }
        }
    }
}

extension Interpreter {
    /// From 3.10 CPython makes partial a heap type (bpo-40137, PyType_FromModuleAndSpec)
    /// whose partial_traverse visits the type first and which has a partial_clear
    /// (bpo-42972, python/cpython#26363, 3.10). Measured: `gc.get_referents(p)` lists the
    /// type first on 3.11.7-3.13.0, not on 3.6.15 and 3.8.18; the clear itself is not
    /// observable in the corpus (it changes only the order blocks are freed in).
    private var partialIsHeapType: Bool { profile.minor >= 11 }

    /// tp_basicsize: five pointers after the header on 3.6 (`functools.partial.__basicsize__`
    /// 56 on 3.6.15), a sixth for the vectorcall pointer from 3.8 (64 on 3.8.18-3.13.0).
    /// `sys.getsizeof(partial(f, 1))` adds the GC header: 88 on 3.6.15 (its PyGC_Head is 32
    /// bytes: the union's `long double` aligns it), 80 on 3.8.18-3.13.0 (16).
    private var partialBasicSize: Int { profile.minor >= 8 ? 64 : 56 }

    /// Whether 3.8+'s vectorcall protocol exists (partial_setvectorcall).
    private var partialHasVectorcall: Bool { profile.minor >= 8 }

    /// The `functools.partial` type, made on the first `import functools`.
    func makePartialType() -> ObjectRef {
        let t = heap.newStaticType(name: "functools.partial", kind: .partial, base: heap.builtinType(.object),
                                   basicSize: partialBasicSize, isGC: true)
        // CPython's type is the module's (from 3.10 a heap type holding references the engine
        // does not make): its count is refused.
        heap.markModuleTypeCountUnmodelled(t)
        return t
    }

    func partialObject(_ r: ObjectRef) -> PartialObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? PartialObject }
        return nil
    }

    func isPartialType(_ r: ObjectRef) -> Bool {
        if case .type(let info) = heap.payload[Int(r)] { return info.kind == .partial }
        return false
    }

    /// `functools.partial.X` and `p.X` for what is not modelled: every attribute of the type
    /// (its dict holds descriptors and methods the engine does not make) and every special
    /// name of an object but `__class__` and `__dict__`.
    func refusePartialAttribute(_ obj: ObjectRef, _ attr: String) throws {
        if isPartialType(obj), attr != "__class__" { throw notModelled("functools.partial.\(attr)") }
        if partialObject(obj) != nil, Interpreter.isSpecialName(attr), attr != "__class__", attr != "__dict__" {
            throw notModelled("functools.partial.\(attr)")
        }
    }

    /// 3.13's partial_descr_get: a partial read from a class through an instance warns
    /// (FutureWarning "functools.partial will be a method descriptor in future Python
    /// versions", measured on 3.13.0) before giving the partial back; the warnings machinery
    /// (its registry in the caller's globals) is not modelled. Before 3.13 partial has no
    /// tp_descr_get and the partial itself is the attribute.
    func refusePartialDescriptorGet(_ v: ObjectRef) throws {
        if profile.minor >= 13, partialObject(v) != nil {
            throw notModelled("a functools.partial class attribute read through an instance",
                              because: "CPython \(profile.version) warns (FutureWarning) there, which heapbook does not model")
        }
    }

    // MARK: - partial_new

    /// `functools.partial(func, *args, **keywords)`: type_call with the call's argument tuple
    /// and keyword dict (3.6's _PyObject_FastCallKeywords makes the dict first, then
    /// _PyObject_FastCallDict the tuple; 3.8+'s _PyObject_MakeTpCall the tuple first), then
    /// partial_new; the tuple and dict are released after it (the dict lives on as the
    /// partial's `keywords` when partial_new took it). `args` and `kwargs` are borrowed.
    func callPartialType(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        for a in args { try refuseStartupObject(a) }
        for (_, v) in kwargs { try refuseStartupObject(v) }
        // _PyStack_AsDict: _PyDict_NewPresized, which presizes past five keys.
        guard kwargs.count <= 5 else { throw notModelled("functools.partial() with more than five keyword arguments") }
        var kwdict: ObjectRef?
        var tuple: ObjectRef?
        func makeDict() throws {
            guard !kwargs.isEmpty else { return }
            let d = try newDict()
            kwdict = d
            for (k, v) in kwargs { try dictSet(d, name(k), v) }
        }
        defer {
            // _PyObject_FastCallDict / _PyObject_MakeTpCall: the tuple, then the dict.
            tuple.map(heap.decref)
            kwdict.map(heap.decref)
        }
        // The type has no vectorcall in any version: the call always packs its arguments.
        if !partialHasVectorcall { try makeDict() }
        args.forEach(heap.incref)
        tuple = try newTuple(args)
        if partialHasVectorcall { try makeDict() }
        return try partialNew(type, args, kwdict)
    }

    /// partial_new: "type 'partial' takes at least one argument" for no positional argument;
    /// an exact partial without a `__dict__` as func is unwrapped (its fn, args and kw merged
    /// with the new ones); "the first argument must be callable"; then the object
    /// (PyType_GenericAlloc, tracked), fn, the slice of the arguments after func
    /// (PyTuple_GetSlice: the empty tuple when there are none), args (the slice, the inner
    /// partial's own tuple when the slice is empty, else their concatenation), kw (a new
    /// empty dict, the call's dict itself, whose only reference is the call's, or a copy of
    /// the inner partial's keywords merged with the new ones).
    private func partialNew(_ type: ObjectRef, _ args: [ObjectRef], _ kw: ObjectRef?) throws -> ObjectRef {
        guard var fn = args.first else { throw error("TypeError", "type 'partial' takes at least one argument") }
        var innerArgs: ObjectRef?, innerKw: ObjectRef?
        if let inner = partialObject(fn), inner.dict == nil, let f = inner.fn, let a = inner.args, let k = inner.kw {
            fn = f; innerArgs = a; innerKw = k
        }
        guard try isCallableObject(fn) else { throw error("TypeError", "the first argument must be callable") }
        // partial_setvectorcall (3.8+): a Python function has vectorcall; a partial's is its
        // own vectorcall pointer (NULL once its fallback has run). For anything else the
        // pointer is not modelled (nor is calling it from C).
        let vectorcall: Bool
        if case .function = heap.payload[Int(fn)] {
            vectorcall = partialHasVectorcall
        } else if let inner = partialObject(fn) {
            vectorcall = inner.vectorcall
        } else {
            throw notModelled("functools.partial() of a '\(typeName(fn))' object")
        }
        if let k = innerKw, let kw, dictStorage(k).count + dictStorage(kw).count > 5 {
            throw notModelled("functools.partial() merging more than five keywords")
        }
        if let k = innerKw, dictStorage(k).count > 5 { throw notModelled("functools.partial() copying more than five keywords") }
        let st = PartialObject(visitedType: partialIsHeapType ? type : nil, hasClear: partialIsHeapType,
                               fn: fn, args: heap.none, kw: heap.none, vectorcall: vectorcall)
        // The placeholders until the fields are set (released with the object on failure).
        heap.incref(heap.none); heap.incref(heap.none)
        heap.incref(fn)
        let r: ObjectRef
        do { r = try heap.newNativeObject(type: type, st) } catch {
            st.releaseReferences(in: heap)
            throw memoryError()
        }
        do {
            let rest = Array(args.dropFirst())
            rest.forEach(heap.incref)
            let slice = try newTuple(rest)
            let newArgs: ObjectRef
            if let a = innerArgs, case .tuple(let outer) = heap.payload[Int(a)], !outer.isEmpty {
                if rest.isEmpty {
                    heap.incref(a)
                    newArgs = a
                } else {
                    let items = outer + rest
                    items.forEach(heap.incref)
                    do { newArgs = try newTuple(items) } catch { heap.decref(slice); throw error }
                }
                heap.decref(slice)
            } else {
                newArgs = slice
            }
            heap.decref(st.args!)
            st.args = newArgs
            let newKw: ObjectRef
            if let k = innerKw, dictStorage(k).count > 0 {
                newKw = try copyDict(k)
                if let kw {
                    for (key, v) in dictStorage(kw).items {
                        do { try dictSet(newKw, key, v) } catch { heap.decref(newKw); throw error }
                    }
                }
            } else if let kw {
                // Py_REFCNT(kw) == 1: the call's dict, which only the call holds.
                heap.incref(kw)
                newKw = kw
            } else {
                newKw = try newDict()
            }
            heap.decref(st.kw!)
            st.kw = newKw
        } catch {
            heap.decref(r)
            throw error
        }
        return r
    }

    /// PyCallable_Check for partial_new, where the engine can call what it wraps.
    private func isCallableObject(_ r: ObjectRef) throws -> Bool {
        if funcWrapper(r) != nil { throw notModelled("functools.partial() of a classmethod or staticmethod object") }
        if case .weakref = heap.payload[Int(r)] { throw notModelled("functools.partial() of a weak reference or proxy") }
        return try isCallable(r)
    }

    // MARK: - calling

    /// Calling a partial object; `args` and `kwargs` (the caller's stack references) are
    /// consumed, released when the call returns. Modelled from 3.11 (the type has
    /// Py_TPFLAGS_HAVE_VECTORCALL: `functools.partial.__flags__ & 0x800` on 3.11.7-3.13.0).
    ///
    /// partial_vectorcall, while the partial's keywords are empty and vectorcall has not been
    /// turned off: the function is vectorcalled on the partial's items followed by the
    /// call's, borrowed (PY_VECTORCALL_ARGUMENTS_OFFSET's slot for one item, a small stack on
    /// the C stack up to five, else a PyMem_Malloc'd array); no object is made. Otherwise
    /// partial_vectorcall_fallback turns vectorcall off for good and goes through
    /// _PyObject_MakeTpCall (a tuple, then a dict for keywords) to partial_call: the
    /// partial's keywords copied (PyDict_Copy) and merged with the call's, the positional
    /// arguments concatenated (tupleconcat gives an operand back when the other is empty),
    /// then PyObject_Call → PyVectorcall_Call, which unpacks a non-empty dict with
    /// _PyStack_UnpackDict. Measured with `gc.collect(); p(2); gc.get_count()` and
    /// `sys.getrefcount` of the arguments and the function inside it on 3.11.7-3.13.0.
    ///
    /// Refused on 3.6 and 3.8: their calls go through tp_call with an argument tuple the
    /// engine does not place as CPython does (3.8's type lacks the vectorcall flag:
    /// `sys.getrefcount` of an argument inside the function is one more than a
    /// vectorcall's), and their frames hold no reference to the function, which the engine's
    /// call from C does (one more for `sys.getrefcount(f)` inside it).
    func callPartial(_ st: PartialObject, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
        guard partialIsHeapType else {
            throw notModelled("calling a functools.partial object",
                              because: "CPython \(profile.version)'s tp_call of a partial (its argument tuple, a frame without "
                              + "a reference to the function) is not modelled")
        }
        guard let fn = st.fn, let ownArgs = st.args, let ownKw = st.kw,
              case .tuple(let pItems) = heap.payload[Int(ownArgs)] else {
            throw notModelled("calling a cleared functools.partial object")
        }
        guard case .function = heap.payload[Int(fn)] else { throw notModelled("calling a functools.partial of a '\(typeName(fn))' object") }
        guard kwargs.count <= 5 else { throw notModelled("calling a functools.partial object with more than five keyword arguments") }
        let pKw = dictStorage(ownKw)
        guard pKw.count + kwargs.count <= 5 else {
            throw notModelled("calling a functools.partial object merging more than five keywords")
        }
        for k in pKw.items.map({ $0.key }) where !isExactStr(k) {
            throw notModelled("calling a functools.partial object whose keywords have a non-str key")
        }
        // The partial's fields are borrowed for the call, as partial_call and
        // partial_vectorcall borrow them: the caller's reference keeps the partial alive, and
        // its keywords are read before the function runs.
        if st.vectorcall, pKw.count == 0 {
            let stack = pItems + args
            let total = stack.count + kwargs.count
            var array: UInt64?
            if !(args.isEmpty && kwargs.isEmpty), pItems.count != 1, total > 5 {
                do { array = try heap.pyMemMalloc(total * 8) } catch { throw memoryError() }
            }
            defer { array.map(heap.pyMemFree) }
            return try partialCallFunction(fn, stack, kwargs)
        }
        st.vectorcall = false
        // _PyObject_MakeTpCall: the tuple, then the dict; released after the call.
        var packed: [ObjectRef] = []
        defer { packed.reversed().forEach(heap.decref) }
        args.forEach(heap.incref)
        packed.append(try newTuple(args))
        var callDict: ObjectRef?
        if !kwargs.isEmpty {
            let d = try newDict()
            packed.append(d)
            callDict = d
            for (k, v) in kwargs { try dictSet(d, name(k), v) }
        }
        // partial_call: the keywords, then the positional arguments.
        var merged: ObjectRef?, concat: ObjectRef?
        defer { concat.map(heap.decref); merged.map(heap.decref) }
        if pKw.count > 0 {
            let m = try copyDict(ownKw)
            merged = m
            if let callDict { for (k, v) in dictStorage(callDict).items { try dictSet(m, k, v) } }
        }
        let positional = pItems + args
        if !pItems.isEmpty, !args.isEmpty {
            positional.forEach(heap.incref)
            concat = try newTuple(positional)
        }
        let keywords = merged ?? callDict
        var pairs: [(String, ObjectRef)] = []
        var unpacked: UnpackedDict?
        if let keywords, dictStorage(keywords).count > 0 {
            let items = dictStorage(keywords).items
            pairs = items.map { (stringValue($0.key), $0.value) }
            unpacked = try stackUnpackDict(positional, keys: items.map { $0.key }, values: items.map { $0.value })
        }
        defer { unpacked.map(stackUnpackDictFree) }
        return try partialCallFunction(fn, positional, pairs)
    }

    /// The Python function called from C with borrowed arguments: the frame takes references
    /// of its own (and, from 3.11, one to the function, f_funcobj).
    private func partialCallFunction(_ fn: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        heap.incref(fn)
        args.forEach(heap.incref); kwargs.forEach { heap.incref($0.1) }
        return try callFunction(fn, args, kwargs, vectorcall: true)
    }

    // MARK: - attributes and repr

    /// The func, args and keywords members (T_OBJECT, READONLY), the `__dict__` getset
    /// (PyObject_GenericGetDict: PyDict_New on first use, measured a plain dict on every
    /// version), then the instance dict. nil when none has it.
    func partialAttribute(_ st: PartialObject, _ attr: String) throws -> ObjectRef? {
        switch attr {
        case "func", "args", "keywords":
            let v = (attr == "func" ? st.fn : attr == "args" ? st.args : st.kw) ?? heap.none
            heap.incref(v); return v
        case "__dict__":
            if st.dict == nil { st.dict = try newDict() }
            heap.incref(st.dict!); return st.dict!
        default:
            if let d = st.dict, let v = try dictGet(d, name(attr)) { heap.incref(v); return v }
            return nil
        }
    }

    /// PyObject_GenericSetAttr on a partial (value nil deletes): the members are read-only
    /// ("readonly attribute", measured on 3.6.15-3.13.0); anything else goes to the dict,
    /// made by the first store (_PyObjectDict_SetItem: PyDict_New).
    func partialStore(_ st: PartialObject, _ p: ObjectRef, _ attr: String, _ value: ObjectRef?) throws {
        if ["func", "args", "keywords"].contains(attr) { throw error("AttributeError", "readonly attribute") }
        if Interpreter.isSpecialName(attr) {
            throw notModelled(value == nil ? "del functools.partial.\(attr)" : "functools.partial.\(attr) assignment")
        }
        guard let value else {
            // No dict yet: _PyObject_GenericSetAttrWithDict's own message (not modelled).
            guard let d = st.dict else { throw notModelled("del functools.partial.\(attr) before its __dict__ exists") }
            // PyDict_DelItem's KeyError, made an AttributeError as for an instance's dict.
            guard let (k, v) = try dictRemove(d, name(attr)) else { throw missingOnDelete(p, attr) }
            heap.decref(k); heap.decref(v)
            return
        }
        if st.dict == nil { st.dict = try newDict() }
        try dictSet(st.dict!, name(attr), value)
    }

    /// partial_repr: `functools.partial(<fn repr>, arg, ..., key=value, ...)`, "..." for a
    /// partial inside itself (Py_ReprEnter); keys with str(), values with repr().
    func partialRepr(_ st: PartialObject, _ r: ObjectRef, depth: Int) throws -> String {
        guard let fn = st.fn, let a = st.args, let k = st.kw else { throw notModelled("repr() of a cleared functools.partial object") }
        guard reprEnter(r) else { return "..." }
        defer { reprStack.remove(r) }
        var parts = [try repr(fn, depth: depth + 1)]
        if case .tuple(let items) = heap.payload[Int(a)] { for x in items { parts.append(try repr(x, depth: depth + 1)) } }
        for (key, v) in dictStorage(k).items {
            guard isExactStr(key) else { throw notModelled("repr() of a functools.partial with a non-str keyword key") }
            parts.append("\(stringValue(key))=\(try repr(v, depth: depth + 1))")
        }
        return "functools.partial(" + parts.joined(separator: ", ") + ")"
    }
}
