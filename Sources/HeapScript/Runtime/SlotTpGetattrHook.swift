import HeapEngine

// Objects/typeobject.c: slot_tp_getattr_hook and call_attribute — a class's `__getattr__`,
// called when the generic lookup (_PyObject_GenericGetAttrWithDict) finds nothing.
//
// A class defining `__getattr__` has tp_getattro = slot_tp_getattr_hook, which is not
// PyObject_GenericGetAttr, so _PyObject_GetMethod (LOAD_METHOD, 3.12's LOAD_ATTR method form)
// gets a bound method even for a method the class has, and CALL unpacks it (`loadMethod`).
// The hook borrows the generic lookup's failure: from 3.7 it asks for no AttributeError
// (suppress = 1); 3.6's PyObject_GenericGetAttr raises one as an unnormalized message string,
// cleared before the call.
//
// Modelled: `__getattr__` as a plain function in the class body (or a base's), reached by
// attribute loads, method calls, getattr() and hasattr(). Refused: `__getattribute__`, a
// `__getattr__` set on the class later or that is another object, getattr()/hasattr() with a
// name that is not the interned str CPython passes on, or whose `__getattr__` raised (CPython
// drops that exception and what it made), and 3.6's lookup while an exception is handled
// (PyErr_Format then normalizes the generic lookup's AttributeError at once).

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
    func callGetattrHook(_ hook: ObjectRef, _ obj: ObjectRef, _ attr: String) throws -> ObjectRef {
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
            // PyObject_GetAttr's set_attribute_error_context (3.10+): an AttributeError the
            // hook raised, not yet given a name and obj, gets them (the obj keeps the
            // instance alive as long as the exception: `sys.getrefcount(z)` after `z.missing`
            // at the prompt is 4 on 3.11.7-3.13.0, 3 on 3.8.18), and so its suggestion.
            if profile.attributeErrorKeepsObject, exceptionMatches(e, "AttributeError"), !e.attributeContextSet {
                heap.incref(obj)
                e.keptAlive.append(obj)
                e.attributeContextSet = true
                if surface.suggestsNames { e.suggestion = Suggestions.suggest(attr, among: dirNames(obj)) }
            }
            throw e
        }
    }
}
