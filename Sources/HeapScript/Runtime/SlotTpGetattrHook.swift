import HeapEngine

// Objects/typeobject.c: slot_tp_getattr_hook, slot_tp_getattro and call_attribute — a
// class's `__getattribute__` and `__getattr__` — and slot_tp_setattro's delete half (a
// class's `__delattr__`).
//
// A class defining `__getattr__` or `__getattribute__` has tp_getattro =
// slot_tp_getattr_hook (update_one_slot: both names share the slot), which is not
// PyObject_GenericGetAttr, so _PyObject_GetMethod (LOAD_METHOD, 3.12's LOAD_ATTR method form)
// gets a bound method even for a method the class has, and CALL unpacks it (`loadMethod`).
// Without `__getattr__` the hook becomes slot_tp_getattro at its first call: every lookup
// calls `__getattribute__` as the other slot functions call theirs (vectorcall_method:
// unbound from 3.7, `callSpecial`). With both, call_attribute calls `__getattribute__` and,
// on AttributeError (cleared: released at once, as FOR_ITER's StopIteration), `__getattr__`.
// Without `__getattribute__` the generic lookup runs and `__getattr__` gets its failure:
// from 3.7 it asks for no AttributeError (suppress = 1); 3.6's PyObject_GenericGetAttr
// raises one as an unnormalized message string, cleared before the call.
// `object.__getattribute__(self, name)` and `super().__getattribute__(name)` are
// wrap_binaryfunc → PyObject_GenericGetAttr (`objectGetattribute`), which calls neither hook.
// Special method lookups (`len(a)`, `with a`, `a == b`) read the type and never call them.
//
// `del a.x` on a class defining `__delattr__` calls it (slot_tp_setattro with no value); a
// class defining only one of `__setattr__`/`__delattr__` has slot_tp_setattro for both, so
// the other half calls object's wrapper_descriptor (`callObjectSetattroSlot`).
//
// Modelled: the three as plain functions in the class body (or a base's), reached by
// attribute loads, method calls, getattr(), hasattr(), vars(), `del` and delattr().
// Refused: a hook set on the class later or that is another object; getattr()/hasattr()
// with a name that is not the interned str CPython passes on, or whose hook raised (CPython
// drops that exception and what it made); 3.6's lookup while an exception is handled
// (PyErr_Format then normalizes the generic lookup's AttributeError at once); on 3.10+ an
// AttributeError with such an instance reaching the prompt (its "Did you mean" runs dir(),
// whose object.__dir__ reads `__dict__` and `__class__` through `__getattribute__`);
// dir() of such an instance and isinstance() finding it of no class (object_isinstance
// reads `__class__` through it); on 3.6 a `__getattribute__` called near the recursion
// limit (3.6 counts the slot call's C levels).

extension Interpreter {
    /// The class's `__getattr__` (borrowed) when `obj` is an instance of a class that defines
    /// one, nil otherwise.
    func getattrHook(of obj: ObjectRef) throws -> ObjectRef? {
        let info = heap.typeInfo(of: obj)
        guard info.isHeapType, info.kind == .instance, let hook = try lookupInType(heap.typeOf[Int(obj)], "__getattr__") else { return nil }
        guard case .function = heap.payload[Int(hook)] else { throw notModelled("a class's __getattr__ that is not a function") }
        return hook
    }

    /// slot_tp_getattr_hook once the generic lookup failed: call_attribute(self, getattr,
    /// name) with getattr held. 3.7-3.11 bind the function first (func_descr_get: a bound
    /// method alive for the call, PyObject_CallOneArg / 3.8's PyObject_CallFunctionObjArgs on
    /// a small stack); 3.6 binds it and packs `(name,)` (`callSpecial`); 3.12+ call it
    /// unbound with `(self, name)` (Py_TPFLAGS_METHOD_DESCRIPTOR). `sys.getrefcount(self)` in
    /// `__getattr__` reached by `p.x` is 5 on 3.6.15-3.11.7, 4 on 3.12.1 and 3.13.0. The name
    /// is the interned str LOAD_ATTR's co_names holds. Returns a new reference.
    func callGetattrHook(_ hook: ObjectRef, _ obj: ObjectRef, _ attr: String, context: Bool = true) throws -> ObjectRef {
        if profile.minor < 7 && handledException != nil {
            throw notModelled("a class's __getattr__ reached while an exception is handled",
                              because: "CPython 3.6 normalizes the generic lookup's AttributeError there, which heapbook does not model")
        }
        let nameRef = name(attr)
        heap.incref(hook)
        defer { heap.decref(hook) }
        do {
            if profile.slotCallsBindMethods || profile.minor >= 12 { return try callSpecial(hook, obj, [nameRef]) }
            let bound: ObjectRef
            do { bound = try heap.newMethod(function: hook, selfRef: obj) } catch { throw memoryError() }
            defer { heap.decref(bound) }
            heap.incref(hook); heap.incref(obj); heap.incref(nameRef)
            return try callFunction(hook, [obj, nameRef], [], vectorcall: true)
        } catch var e as PyException {
            // PyObject_GetAttr's set_attribute_error_context (3.10+): `sys.getrefcount(z)`
            // after `z.missing` at the prompt is 4 on 3.11.7-3.13.0, 3 on 3.8.18. Not for a
            // `__getattribute__` whose failure slot_tp_getattr_hook clears (`context` false).
            if context { setAttributeErrorContext(&e, obj, attr) }
            throw e
        }
    }

    /// The class's `__getattribute__` (borrowed) when `obj` is an instance of a class that
    /// defines one, nil otherwise (object's own is PyObject_GenericGetAttr, in no class dict).
    func getattributeHook(of obj: ObjectRef) throws -> ObjectRef? {
        let info = heap.typeInfo(of: obj)
        guard info.isHeapType, info.kind == .instance, case .instance = heap.payload[Int(obj)],
              let hook = try lookupInType(heap.typeOf[Int(obj)], "__getattribute__") else { return nil }
        guard case .function = heap.payload[Int(hook)] else { throw notModelled("a class's __getattribute__ that is not a function") }
        return hook
    }

    /// Whether `obj`'s tp_getattro is slot_tp_getattr_hook (or slot_tp_getattro).
    func hasGetattrHook(_ obj: ObjectRef) throws -> Bool {
        try getattributeHook(of: obj) != nil || getattrHook(of: obj) != nil
    }

    /// tp_getattro of an instance whose class defines `__getattribute__`: slot_tp_getattro
    /// (no `__getattr__`: vectorcall_method, the function called unbound from 3.7, bound with
    /// a packed `(name,)` on 3.6), or slot_tp_getattr_hook's call_attribute of it and, on an
    /// AttributeError, of `__getattr__` (which holds `__getattr__` meanwhile). Then
    /// PyObject_GetAttr's set_attribute_error_context (3.10+) on an AttributeError left
    /// without its name and obj. Returns a new reference.
    func slotTpGetattro(_ getattribute: ObjectRef, _ obj: ObjectRef, _ attr: String) throws -> ObjectRef {
        // 3.6's call_method → PyObject_Call counts C levels too: a `__getattribute__` reading
        // `self.x` recurses 333 times under the default limit on 3.6.15 (999 on 3.8.18-3.13.0,
        // as the engine counts).
        if profile.slotCallsBindMethods, depth * 3 + Interpreter.cCallRecursionMargin >= recursionLimit {
            throw notModelled("a class's __getattribute__ called near the recursion limit",
                              because: "CPython \(profile.version) counts the slot call's C levels towards the limit")
        }
        if let getattr = try getattrHook(of: obj) {
            heap.incref(getattr)
            defer { heap.decref(getattr) }
            do { return try callGetattrHook(getattribute, obj, attr, context: false) } catch let e as PyException where exceptionMatches(e, "AttributeError") {
                // PyErr_Clear. What the dropped exception leaves in generation 0's count is
                // not modelled: `gc.collect(); a.q; gc.get_count()` with `__getattribute__`
                // raising and `__getattr__` answering is (2, 0, 0) on 3.11.7-3.13.0, one more
                // than the engine's; a bound of one per frame the exception left.
                heap.countMayDiffer(by: max(1, e.traceback.count))
                releaseException(e)
            }
            return try callGetattrHook(getattr, obj, attr)
        }
        heap.incref(getattribute)
        defer { heap.decref(getattribute) }
        do { return try callSpecial(getattribute, obj, [name(attr)]) } catch var e as PyException {
            setAttributeErrorContext(&e, obj, attr)
            throw e
        }
    }

    /// PyObject_GetAttr's set_attribute_error_context (3.10+): an AttributeError the hook
    /// raised, not yet given a name and obj, gets them (the obj keeps the instance alive as
    /// long as the exception), and so its suggestion.
    func setAttributeErrorContext(_ e: inout PyException, _ obj: ObjectRef, _ attr: String) {
        guard profile.attributeErrorKeepsObject, exceptionMatches(e, "AttributeError"), !e.attributeContextSet else { return }
        heap.incref(obj)
        e.keptAlive.append(obj)
        e.attributeContextSet = true
        if surface.suggestsNames { e.suggestion = attributeSuggestion(obj, attr) }
    }

    /// Stands for the suggestion of an AttributeError whose obj's class defines
    /// `__getattribute__`: printing it refuses (`printedExceptionLine`), as CPython's
    /// offer_suggestions (3.10-3.11) and traceback.py (3.12+) run dir(obj) and so the hook.
    static let suggestionThroughHook = "\u{0}__getattribute__"

    /// The "Did you mean" of an AttributeError of `obj`, `suggestionThroughHook` where
    /// computing it would call the class's `__getattribute__`.
    func attributeSuggestion(_ obj: ObjectRef, _ attr: String) -> String? {
        if ((try? getattributeHook(of: obj)) ?? nil) != nil { return Interpreter.suggestionThroughHook }
        return Suggestions.suggest(attr, among: dirNames(obj))
    }

    /// wrap_binaryfunc → PyObject_GenericGetAttr: `object.__getattribute__(self, name)`,
    /// `super().__getattribute__(name)`. No class hook is called. The failure is the generic
    /// one, its name and obj already set on 3.10+ (`e.obj is self` inside the hook's
    /// `except`, measured on 3.11.7-3.13.0).
    func objectGetattribute(_ selfRef: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard case .str = heap.payload[Int(args[0])], !heap.typeInfo(of: args[0]).isHeapType else {
            if heap.typeInfo(of: args[0]).isHeapType { throw notModelled("object.__getattribute__ with a name that is a str subclass or an object of a class") }
            throw error("TypeError", "attribute name must be string, not '\(typeName(args[0]))'")
        }
        let attr = stringValue(args[0])
        if let v = try lookupAttr(selfRef, attr, generic: true) { return v }
        throw missingAttributeError(selfRef, attr)
    }

    /// wrap_delattr → PyObject_GenericSetAttr(self, name, NULL): `object.__delattr__(self,
    /// name)`, `super().__delattr__(name)`.
    func objectDelattr(_ selfRef: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        guard heap.kind(args[0]) == .str else {
            if heap.typeInfo(of: args[0]).isHeapType { throw notModelled("object.__delattr__ with a name that is a str subclass or an object of a class") }
            throw error("TypeError", "attribute name must be string, not '\(typeName(args[0]))'")
        }
        if heap.typeInfo(of: args[0]).isHeapType { throw notModelled("object.__delattr__ with a name that is a str subclass") }
        try delAttr(selfRef, stringValue(args[0]), generic: true)
        return heap.newNone()
    }

    /// The `__delattr__` a plain class (or a base) defines, which slot_tp_setattro calls
    /// with no value (borrowed); nil where the class defines none.
    func userDelattr(_ obj: ObjectRef) throws -> ObjectRef? {
        guard case .instance = heap.payload[Int(obj)], heap.typeInfo(of: obj).isHeapType else { return nil }
        return try lookupSpecialName(heap.typeOf[Int(obj)], "__delattr__")
    }

    /// slot_tp_setattro's half the class does not define (it defines the other): vectorcall_method
    /// finds object's wrapper_descriptor, a method descriptor from 3.8 (called unbound:
    /// _PyObject_MakeTpCall packs (self, name[, value]), wrapperdescr_call slices self off),
    /// which then stores or deletes generically. 3.6's call_method binds it to a
    /// method-wrapper and packs the arguments.
    func callObjectSetattroSlot(_ obj: ObjectRef, _ attr: String, _ value: ObjectRef?) throws {
        let what = value == nil ? "__delattr__" : "__setattr__"
        let key = name(attr)
        guard profile.loadMethodLeavesSlotWrappersUnbound else {
            // 3.6's call_method: lookup_maybe binds the wrapper_descriptor (wrapperdescr_get,
            // a GC-tracked method-wrapper holding self), Py_VaBuildValue packs the arguments,
            // PyObject_Call; the tuple is released before the method-wrapper.
            let id = objectSlotTable[what]!
            let wrapper: ObjectRef
            do { wrapper = try heap.newMethodWrapper(selfRef: obj, slot: id) } catch { throw memoryError() }
            defer { heap.decref(wrapper) }
            let items = [key] + (value.map { [$0] } ?? [])
            items.forEach(heap.incref)
            let packed = try newTuple(items)
            defer { heap.decref(packed) }
            if let value { try setAttr(obj, attr, value, generic: true) } else { try delAttr(obj, attr, generic: true) }
            return
        }
        let args = [obj, key] + (value.map { [$0] } ?? [])
        var tuples = Array(repeating: 0, count: args.count + 1)
        tuples[args.count] += 1
        tuples[args.count - 1] += 1
        let held = heap.takeFromFreeLists(FreeListCounts(tuples: tuples))
        defer { heap.releaseWorkingSet(held) }
        // What the two tuples hold while the store runs (a `__del__` it starts sees them).
        args.forEach(heap.incref)
        args.dropFirst().forEach(heap.incref)
        defer { args.forEach(heap.decref); args.dropFirst().forEach(heap.decref) }
        if let value { try setAttr(obj, attr, value, generic: true) } else { try delAttr(obj, attr, generic: true) }
    }
}
