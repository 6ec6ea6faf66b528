import HeapEngine

// Objects/typeobject.c: a class's `__new__` — type_new's special case (type_new_staticmethod
// from 3.10, inline in type_new before), slot_tp_new, type_call's rules for what `__new__`
// returns — and object's own: `object.__dict__['__new__']` (add_tp_new_wrapper's builtin,
// bound to the type `object`), tp_new_wrapper and object_new.
//
// Modelled: `__new__` defined as a plain function (made a staticmethod by type_new) or as a
// staticmethod of one, on a class whose instances are ordinary objects; `super().__new__(cls)`,
// `object.__new__(cls)` and `C.__new__` reaching object's. Refused: `__new__` on a subclass of a
// builtin type (list, dict, tuple...), as a classmethod or any other object, set on a class after
// it exists; object.__new__ of a builtin type or with keyword arguments.

extension Interpreter {
    /// The function a class's `__new__` runs (borrowed), as slot_tp_new's
    /// `PyObject_GetAttr(type, "__new__")` gets it: a staticmethod's callable, or the plain
    /// function itself. nil when the MRO reaches object's own (tp_new is object_new).
    func classNewFunction(_ type: ObjectRef) throws -> ObjectRef? {
        guard let v = try lookupInType(type, "__new__") else { return nil }
        if let f = newFunction(of: v) { return f }
        throw notModelled("a class's __new__ that is not a function or a staticmethod of one")
    }

    /// Whether type_new honours `value` as the class body's `__new__` (checkClassNamespace).
    func isModelledClassNew(_ value: ObjectRef) -> Bool { newFunction(of: value) != nil }

    /// The function a `__new__` entry runs: a plain function, or a staticmethod's function.
    private func newFunction(of value: ObjectRef) -> ObjectRef? {
        if case .function = heap.payload[Int(value)] { return value }
        if let w = funcWrapper(value), !w.isClassMethod, let c = w.callable, case .function = heap.payload[Int(c)] { return c }
        return nil
    }

    /// type_new's special case: a plain function `__new__` in the class dict becomes a
    /// staticmethod (PyStaticMethod_New: GC-tracked, its callable only — no functools_wraps
    /// copy, so its `__dict__` is empty on 3.6.15-3.13.0), replacing the dict's value. Made
    /// once the type object exists, before the class cell is filled.
    func typeNewStaticmethod(_ typeDict: ObjectRef) throws {
        let key = name("__new__")
        guard let f = try dictGet(typeDict, key), case .function = heap.payload[Int(f)] else { return }
        heap.incref(f)
        let sm: ObjectRef
        do { sm = try heap.newObject(type: heap.builtinType(.staticmethod), payload: .native(FuncWrapperObject(isClassMethod: false, callable: f))) } catch {
            heap.decref(f); throw memoryError()
        }
        defer { heap.decref(sm) }
        try dictSet(typeDict, key, sm)
    }

    /// type_call for a class whose `__new__` is `newFunction` (tp_new = slot_tp_new):
    /// _PyObject_MakeTpCall's argument tuple and keyword dict, `__new__(type, *args,
    /// **kwargs)`, and then — only when it returned an instance of the class (PyObject_TypeCheck)
    /// — the tp_init of the object's own type with the same arguments: the class's `__init__`
    /// (slot_tp_init), or object_init, which accepts them because tp_new is not object_new.
    /// Consumes the arguments.
    func instantiateWithNew(_ type: ObjectRef, _ newFunction: ObjectRef, _ args: [ObjectRef],
                            _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        // The caller's references go after the packed tuple and dict (CALL's, once the call
        // returns), or with slot_tp_init's (as `instantiate` releases them).
        var callerReferencesHeld = true
        defer { if callerReferencesHeld { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } } }
        let packed = try packTypeCallArguments(args, kwargs)
        defer { packed.reversed().forEach(heap.decref) }
        let obj = try slotTpNew(type, newFunction, args, kwargs)
        let objType = heap.typeOf[Int(obj)]
        guard heap.typeInfo(objType).mro.contains(type) else { return obj }
        guard heap.typeInfo(objType).kind == .instance else {
            heap.decref(obj)
            throw notModelled("`__new__` returning an instance of a subclass of a builtin type")
        }
        if let initFn = try lookupInType(objType, "__init__"), case .function = heap.payload[Int(initFn)] {
            callerReferencesHeld = false
            try slotTpInit(obj, initFn, args, kwargs)
        }
        return obj
    }

    /// slot_tp_new: the function (PyObject_GetAttr's new reference, released after the call)
    /// called with `(type, *args)` by _PyObject_Call_Prepend, which borrows them on a C stack
    /// (3.7+: _PY_FASTCALL_SMALL_STACK = 5 slots, a PyMem_Malloc'd array beyond), then
    /// _PyObject_FastCallDict: keywords go through _PyStack_UnpackDict's array and kwnames
    /// tuple, or on 3.6 through _PyFunction_FastCallDict's tuple of names and values (as
    /// `slotTpInit`). The frame takes references of its own: `sys.getrefcount(x)` in
    /// `__new__(cls, x)` of `C([])` is 4 on 3.6.15-3.13.0 (the caller's, the packed tuple's,
    /// the frame's, getrefcount's). Borrows the arguments; returns a new reference.
    private func slotTpNew(_ type: ObjectRef, _ newFunction: ObjectRef, _ args: [ObjectRef],
                           _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        heap.incref(newFunction)
        defer { heap.decref(newFunction) }
        let positional = [type] + args
        var stack: UInt64?, kwTuple: ObjectRef?, unpacked: UnpackedDict?
        defer { kwTuple.map(heap.decref); unpacked.map(stackUnpackDictFree); stack.map(heap.pyMemFree) }
        let keys = kwargs.map { name($0.0) }
        if profile.slotCallsBindMethods {   // 3.6's call paths (see bindForSlotCall)
            // 3.6.15's small stack is not the 3.7+ constant: past it, not modelled.
            if positional.count > Interpreter.fastcallSmallStack {
                throw notModelled("a class's __new__ called with more than four arguments",
                                  because: "CPython 3.6's _PyObject_Call_Prepend stack is not modelled")
            }
            if !kwargs.isEmpty {
                let items = zip(keys, kwargs).flatMap { [$0.0, $0.1.1] }
                items.forEach(heap.incref)
                kwTuple = try newTuple(items)
            }
        } else {
            if positional.count > Interpreter.fastcallSmallStack {
                do { stack = try heap.pyMemMalloc(positional.count * profile.pointerSize) } catch { throw memoryError() }
            }
            if !kwargs.isEmpty { unpacked = try stackUnpackDict(positional, keys: keys, values: kwargs.map { $0.1 }) }
        }
        heap.incref(newFunction)
        positional.forEach(heap.incref); kwargs.forEach { heap.incref($0.1) }
        return try callFunction(newFunction, positional, kwargs, vectorcall: true)
    }

    /// _PY_FASTCALL_SMALL_STACK (Include/cpython/abstract.h, 3.7-3.13): the arguments a C
    /// caller puts on its own stack before it PyMem_Mallocs an array.
    static let fastcallSmallStack = 5

    /// `object.__new__(cls, *args)`: tp_new_wrapper's checks on its first argument, then
    /// object_new (its excess_args rule: extra arguments are an error when the class defines
    /// `__new__`, or when it defines no `__init__`; 3.6.15 words both "object() takes no
    /// parameters") and PyType_GenericAlloc. Texts measured on 3.6.15-3.13.0.
    func objectNew(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        if !kwargs.isEmpty { throw notModelled("object.__new__() with keyword arguments") }
        guard let cls = args.first else { throw error("TypeError", "object.__new__(): not enough arguments") }
        guard case .type(let info) = heap.payload[Int(cls)] else {
            throw error("TypeError", "object.__new__(X): X is not a type object (\(typeName(cls)))")
        }
        // tp_new_wrapper's "is not safe" check and a builtin base's own tp_new: not modelled.
        guard info.isHeapType, info.kind == .instance else { throw notModelled("object.__new__(\(info.name))") }
        // PyTuple_GetSlice(args, 1, n): the other arguments in a new tuple (none: the empty
        // tuple), alive while object_new runs.
        let rest = args.count > 1 ? heap.takeFromFreeLists(FreeListCounts(tuples: Array(repeating: 0, count: args.count - 1) + [1])) : []
        defer { heap.releaseWorkingSet(rest) }
        if args.count > 1 {
            let definesNew = try classNewFunction(cls) != nil
            let definesInit = try lookupInType(cls, "__init__") != nil
            if profile.minor < 7 {
                if definesNew || !definesInit { throw error("TypeError", "object() takes no parameters") }
            } else if definesNew {
                throw error("TypeError", "object.__new__() takes exactly one argument (the type to instantiate)")
            } else if !definesInit {
                throw error("TypeError", "\(info.name)() takes no arguments")
            }
        }
        do { return try heap.newInstance(type: cls) } catch { throw memoryError() }
    }
}
