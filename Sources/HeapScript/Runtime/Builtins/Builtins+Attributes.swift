import HeapEngine

/// getattr, setattr, delattr, hasattr, vars and issubclass (Python/bltinmodule.c, Objects/abstract.c).
///
/// Every error text below was measured on CPython 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0
/// (Corpus/classes/attribute_builtins); the calls' argument checks are in ArgumentClinic.swift.
extension Interpreter {
    func registerAttributeBuiltins(_ d: ObjectRef) {
        defineFunction(in: d, "getattr") { i, _, args, _ in
            let attr = try i.attributeName(args[1], function: "getattr")
            try i.refuseUninternedHookName(args[0], args[1], attr, function: "getattr")
            guard args.count == 3 else { return try i.getAttr(args[0], attr) }
            if let v = try i.lookupAttrLeavingNoTrace(args[0], attr, function: "getattr") { return v }
            i.heap.incref(args[2])
            return args[2]
        }
        defineFunction(in: d, "hasattr") { i, _, args, _ in
            let attr = try i.attributeName(args[1], function: "hasattr")
            try i.refuseUninternedHookName(args[0], args[1], attr, function: "hasattr")
            guard let v = try i.lookupAttrLeavingNoTrace(args[0], attr, function: "hasattr") else {
                return i.heap.newBool(false)
            }
            i.heap.decref(v)
            return i.heap.newBool(true)
        }
        defineFunction(in: d, "setattr") { i, _, args, _ in
            try i.setAttr(args[0], try i.attributeName(args[1], function: nil), args[2])
            return i.heap.newNone()
        }
        defineFunction(in: d, "delattr") { i, _, args, _ in
            let attr = try i.attributeName(args[1], function: nil)
            // PyObject_SetAttr passes the name object on to a class's `__delattr__`.
            if try i.userDelattr(args[0]) != nil, args[1] != i.name(attr) {
                throw i.notModelled("delattr() of an instance whose class defines __delattr__, with a name that is not interned")
            }
            try i.delAttr(args[0], attr)
            return i.heap.newNone()
        }
        // builtin_vars: the argument's `__dict__` looked up as getattr with a default does
        // (3.6's PyObject_GetAttr + PyErr_ExceptionMatches is the same lookup, its message
        // string freed unnormalized); a missing one is a TypeError (3.6.15-3.13.0 alike).
        // Without an argument it is locals(), which is not modelled.
        defineFunction(in: d, "vars") { i, _, args, _ in
            guard let obj = args.first else { throw i.notModelled("vars() without an argument") }
            guard let dict = try i.lookupAttrLeavingNoTrace(obj, "__dict__", function: "vars") else {
                throw i.error("TypeError", "vars() argument must have __dict__ attribute")
            }
            return dict
        }
        defineFunction(in: d, "issubclass") { i, _, args, _ in
            try i.refuseGenericAlias(args[0], "issubclass() with"); try i.refuseGenericAlias(args[1], "issubclass() with")
            return i.heap.newBool(try i.isSubclass(args[0], args[1]))
        }
    }

    /// The attribute name argument: a str. getattr and hasattr checked it themselves before
    /// 3.10 ("getattr(): attribute name must be string" on 3.6.15 and 3.8.18); setattr and
    /// delattr (`function` nil) leave it to PyObject_SetAttr, whose text names the type.
    func attributeName(_ r: ObjectRef, function: String?) throws -> String {
        guard case .str(let s) = heap.payload[Int(r)] else {
            if let function, profile.minor < 10 {
                throw error("TypeError", "\(function)(): attribute name must be string")
            }
            throw error("TypeError", "attribute name must be string, not '\(typeName(r))'")
        }
        return s.value
    }

    /// getattr with a default and hasattr: the attribute, or nil without a trace where
    /// CPython's lookup leaves none. From 3.7 _PyObject_LookupAttr asks the generic getattr
    /// to suppress the AttributeError, so none is made; 3.6's PyErr_Format set an
    /// unnormalized message string, freed by PyErr_Clear. Refused where CPython makes an
    /// exception object and drops it: module_getattro raises one, and 3.6 (type_getattro:
    /// 3.6-3.11) normalizes at once while another exception is being handled (implicit
    /// chaining).
    /// getattr()/hasattr() pass their name object on to a class's `__getattr__`: only the
    /// interned str (the one LOAD_ATTR would pass) is modelled.
    func refuseUninternedHookName(_ obj: ObjectRef, _ nameArg: ObjectRef, _ attr: String, function: String) throws {
        guard try hasGetattrHook(obj), nameArg != name(attr) else { return }
        throw notModelled("\(function)() of an instance whose class defines __getattr__ or __getattribute__, with a name that is not interned")
    }

    func lookupAttrLeavingNoTrace(_ obj: ObjectRef, _ attr: String, function: String) throws -> ObjectRef? {
        // A property's getter, or an empty __slots__ member, may raise the AttributeError
        // CPython then drops (with what the exception allocated), which is not modelled.
        if try propertyDescriptor(of: obj, attr) != nil {
            do { return try lookupAttr(obj, attr) } catch {
                throw notModelled("\(function)() of a property whose getter raised")
            }
        }
        if try memberDescriptor(of: obj, attr) != nil {
            do { return try lookupAttr(obj, attr) } catch {
                throw notModelled("\(function)() of an empty __slots__ member")
            }
        }
        if try hasGetattrHook(obj) {
            do { return try lookupAttr(obj, attr) } catch let e as PyException {
                releaseException(e)
                throw notModelled("\(function)() of an attribute whose class's __getattr__ or __getattribute__ raised",
                                  because: "CPython \(profile.version) drops that exception and what it made, which heapbook does not model")
            }
        }
        if let v = try lookupAttr(obj, attr) { return v }
        let raisingGetattro: Bool
        switch heap.payload[Int(obj)] {
        case .module: raisingGetattro = true
        // type_getattro raises through PyErr_Format: before 3.12 an unnormalized message
        // str, freed by PyErr_Clear (no GC object: `gc.set_threshold(1)` around a loop of
        // `getattr(C, 'zz', None)` starts no collection on 3.6.15-3.11.7), normalized at once
        // only while another exception is being handled (PyErr_SetObject's implicit
        // chaining); 3.12+'s _PyObject_LookupAttr asks _Py_type_getattro_impl to suppress it
        // (no collection on 3.12.1 and 3.13.0 either).
        case .type: raisingGetattro = profile.minor < 12 && handledException != nil
        default: raisingGetattro = profile.minor < 7 && handledException != nil
        }
        if raisingGetattro {
            throw notModelled("\(function)() of a missing attribute of \(typeName(obj)) '\(attr)'",
                              because: "CPython \(profile.version) makes an AttributeError there and drops it, which heapbook does not model")
        }
        return nil
    }

    /// PyObject_IsSubclass without __subclasscheck__ (metaclasses are not modelled):
    /// recursive_issubclass over a class or, item by item, a tuple of classes.
    func isSubclass(_ derived: ObjectRef, _ classinfo: ObjectRef) throws -> Bool {
        if case .tuple(let items) = heap.payload[Int(classinfo)] {
            for c in items where try isSubclass(derived, c) { return true }
            return false
        }
        // abstract_get_bases and __subclasscheck__: an instance may pass for a class.
        for o in [derived, classinfo] {
            guard case .instance = heap.payload[Int(o)] else { continue }
            if try lookupInType(heap.typeOf[Int(o)], "__subclasscheck__") != nil || lookupInType(heap.typeOf[Int(o)], "__bases__") != nil {
                throw notModelled("issubclass() with an instance of \(typeName(o))")
            }
        }
        try refuseWeakKeyDictClass(classinfo, "issubclass()")
        guard case .type = heap.payload[Int(derived)] else {
            throw error("TypeError", "issubclass() arg 1 must be a class")
        }
        guard case .type = heap.payload[Int(classinfo)] else {
            // 3.10 added unions to the text (3.8.18: "... a class or tuple of classes").
            throw error("TypeError", profile.minor < 10 ? "issubclass() arg 2 must be a class or tuple of classes"
                        : "issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
        return heap.typeInfo(derived).mro.contains(classinfo)
    }
}
