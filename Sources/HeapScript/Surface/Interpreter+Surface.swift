import HeapEngine

/// What the engine itself models, to set against `CPythonSurface` (read-only: nothing here
/// allocates or touches reference counts).
extension Interpreter {
    /// Names in the engine's builtins dict, sorted.
    public var modelledBuiltins: [String] {
        dictStorage(builtinsDict).keys.map(stringValue).sorted()
    }

    /// Methods and attributes the engine serves on instances of the builtin type named
    /// `typeName` (the engine's name or CPython's, e.g. "weakref" or "ReferenceType"), sorted.
    public func modelledAttributes(ofType typeName: String) -> [String] {
        guard let kind = builtinKind(named: typeName) else { return [] }
        var names = Set(methodTable[kind]?.keys.map { $0 } ?? [])
        names.formUnion(slotTable[kind]?.keys.map { $0 } ?? [])
        if Interpreter.unhashableKinds.contains(kind) { names.insert("__hash__") }
        names.formUnion(Interpreter.servedAttributes[kind] ?? [])
        names.insert("__class__")
        if profile.minor < 8 { names.remove("co_posonlyargcount") }   // PEP 570 is 3.8+
        return names.sorted()
    }

    /// Modules `import` can make, sorted.
    public var modelledModules: [String] {
        Interpreter.importableModules.filter { $0 != "dataclasses" || profile.minor >= 7 }   // dataclasses is 3.7+
    }

    /// The names a fresh import of module `m` defines (its dict's keys), sorted.
    public func modelledAttributes(ofModule m: String) -> [String] {
        var names: Set<String> = ["__dict__", "__class__"]
        if let module = modules[m], case .module(let info) = heap.payload[Int(module)] {
            names.formUnion(dictStorage(info.dict).keys.map(stringValue))
            // functools' lru_cache part is made at the first lookup of one of its names.
            if m == "functools" { names.formUnion(functoolsLruCacheNames) }
            // sys's streams likewise, outside its dict (SysModule.swift).
            if m == "sys" { names.formUnion(["stdout", "stderr", "__stdout__", "__stderr__"]) }
        } else if let template = cachedModuleDicts[m] {
            names.formUnion(dictStorage(template).keys.map(stringValue))
            names.insert("__name__")
        } else if m == "copy", let module = try? importModule(m), case .module(let info) = heap.payload[Int(module)] {
            // Made on first import only (CopyModule.swift); its stand-in's own names
            // (`_hb_...`) and `__dict__` are refused, not modelled.
            heap.decref(module)
            names.remove("__dict__")
            names.formUnion(dictStorage(info.dict).keys.map(stringValue).filter { !Interpreter.isCopyStandInAttribute($0) })
        } else if m == "reprlib", let module = try? importModule(m), case .module(let info) = heap.payload[Int(module)] {
            // Made on first import only (ReprlibModule.swift); its stand-in's own names
            // (`_hb_...`) and `__dict__` are refused, not modelled.
            heap.decref(module)
            names.remove("__dict__")
            names.formUnion(dictStorage(info.dict).keys.map(stringValue).filter { !Interpreter.isReprlibStandInAttribute($0) })
        } else if m == "dataclasses", profile.minor >= 7, let module = try? importModule(m), case .module(let info) = heap.payload[Int(module)] {
            // Made on first import only (DataclassesModule.swift); the stand-in's own names and
            // those CPython's module lacks are refused.
            heap.decref(module)
            names.remove("__dict__")
            names.formUnion(dictStorage(info.dict).keys.map(stringValue).filter {
                !Interpreter.isDataclassesStandInAttribute($0) && surface.has(attribute: $0, inModule: "dataclasses")
            })
        } else if m == "__future__", let module = try? importModule(m), case .module(let info) = heap.payload[Int(module)] {
            // Made on first import only (FutureModule.swift); the names it leaves out are refused.
            heap.decref(module)
            names.remove("__dict__")
            names.formUnion(dictStorage(info.dict).keys.map(stringValue).filter { !Interpreter.isFutureStandInAttribute($0) })
        } else if m == "collections" {
            // Made on first import only (CollectionsModule.swift): `deque`, `OrderedDict`
            // (OrderedDictObject.swift); its `__dict__` is refused (CPython's holds the whole
            // module).
            names = ["__class__", "__name__", "deque", "OrderedDict"]
        } else if m == "functools" {
            // Made on first import only (FunctoolsModule.swift): `reduce`, `partial`; `__dict__` refused.
            names = Set(["__class__", "__name__", "partial", "reduce"] + functoolsLruCacheNames)
        } else if m == "array" {
            // Made on first import only (ArrayModule.swift); `__dict__` refused.
            names = ["ArrayType", "__class__", "__name__", "array", "typecodes"]
        } else if m == "ctypes" {
            // Made on first import only (CtypesModule.swift); `__dict__` refused.
            names = ["__class__", "__name__", "c_int", "c_int32", "c_int64", "c_long", "c_longlong", "c_ssize_t"]
        } else if m == "pprint" {
            // Made on first import only (PprintModule.swift); `__dict__` refused.
            names = Set(["__class__", "__name__"] + pprintModuleNames)
        } else if m == "itertools" {
            // Made on first import only (ItertoolsModule.swift); `__dict__` refused.
            names = Set(["__class__", "__name__"] + Interpreter.itertoolsTypeNames)
        } else {
            return []
        }
        // Lib/weakref.py's finalize and Lib/_weakrefset.py's WeakSet, made at their first
        // lookup (WeakrefFinalize.swift, WeakrefWeakSet.swift).
        // Its `__dict__` is refused (CPython's holds all of Lib/weakref.py's names).
        if m == "weakref" { names.formUnion(["finalize", "WeakSet", "WeakKeyDictionary", "WeakValueDictionary"]); names.remove("__dict__") }
        // Lib/collections' namedtuple, made at its first lookup (CollectionsNamedtuple.swift).
        if m == "collections" { names.insert("namedtuple") }
        return names.sorted()
    }

    /// The engine's builtin type kind whose type is named `typeName`, in the engine's words
    /// or the profile's CPython's (`CPythonSurface.engineTypeName`).
    func builtinKind(named typeName: String) -> TypeKind? {
        if let e = exceptionTypes[typeName] { return heap.typeInfo(e).kind }
        var raw: UInt8 = 0
        while let kind = TypeKind(rawValue: raw) {
            raw += 1
            let name = heap.typeInfo(heap.builtinType(kind)).name
            if name == typeName || surface.typeName(forEngineType: name) == typeName { return kind }
        }
        return nil
    }
}

extension CPythonSurface {
    /// CPython's `__name__` for the engine's builtin type `name`, where they differ: the
    /// engine names its types as 3.11 does, except weakref (CPython 3.11+ call it
    /// ReferenceType; `type(weakref.ref(C)).__name__` on 3.11.7) and str's iterator
    /// (str_iterator before 3.12's str_ascii_iterator... recorded: 3.6.15/3.8.18
    /// str_iterator, 3.11.7+ str_ascii_iterator).
    public func typeName(forEngineType name: String) -> String {
        if types[name] != nil { return name }
        if let dot = name.lastIndex(of: "."), types[String(name[name.index(after: dot)...])] != nil {
            return String(name[name.index(after: dot)...])
        }
        switch name {
        case "weakref": return "ReferenceType"
        case "ReferenceType": return "weakref"
        case "str_ascii_iterator": return "str_iterator"
        default: return name
        }
    }
}

/// Refusals: a lookup the engine cannot answer stops the session when the profile's CPython
/// would have found something there, instead of raising an error CPython would not raise.
extension Interpreter {
    /// The type along `type`'s MRO (`Objects/typeobject.c` _PyType_Lookup's walk) through
    /// which CPython finds `attr`, by CPython's name; nil when CPython has no such attribute.
    /// A class made by a `class` statement holds what `class C: pass` holds
    /// (`CPythonSurface.plainClass`: object's names, `__module__`, `__dict__`, `__weakref__`).
    func cpythonOwner(of attr: String, inMROOf type: ObjectRef) -> String? {
        let s = surface
        for t in heap.typeInfo(type).mro {
            let info = heap.typeInfo(t)
            if info.isHeapType {
                // object's own names are found on object, further along.
                // A slotted class has no `__dict__`/`__weakref__` (CPython raises AttributeError).
                let absent = (attr == "__dict__" && !info.hasInstanceDict) || (attr == "__weakref__" && !info.hasInstanceWeakrefs)
                if s.plainClass.contains(attr) && !s.has(attribute: attr, onType: "object") && !absent { return info.name }
            } else {
                let n = s.typeName(forEngineType: info.name)
                if s.has(attribute: attr, onType: n) { return n }
            }
        }
        return nil
    }

    /// Throws `notModelled` when `obj.attr` exists in the profile's CPython (the engine has
    /// just failed to find it): `dict.fromkeys`, `[].__sizeof__` (`list.__sizeof__`),
    /// `gc.callbacks`, `f.__closure__` (`function.__closure__`).
    func refuseIfCPythonHas(_ attr: String, on obj: ObjectRef) throws {
        switch heap.payload[Int(obj)] {
        case .module(let m):
            if surface.has(attribute: attr, inModule: m.name) { throw notModelled("\(m.name).\(attr)") }
        case .type(let info):
            // On a type: its own MRO first, then its metatype's (`type.__dict__`'s
            // descriptors: `C.__bases__`, `dict.mro`).
            let own = info.isHeapType ? info.name : surface.typeName(forEngineType: info.name)
            if cpythonOwner(of: attr, inMROOf: obj) != nil || cpythonOwner(of: attr, inMROOf: heap.typeOf[Int(obj)]) != nil {
                throw notModelled("\(own).\(attr)")
            }
            return
        default: break
        }
        if let owner = cpythonOwner(of: attr, inMROOf: heap.typeOf[Int(obj)]) {
            throw notModelled("\(owner).\(attr)")
        }
    }

    /// Setting or deleting `obj.attr` where CPython runs a descriptor the engine lacks (the
    /// engine would store a plain value instead): a function's `__name__`/`__defaults__`/…
    /// (every name in dir(function) is a type-level descriptor), an instance's `__class__`
    /// or `__dict__`, or a data attribute of a builtin base (`self.args`); a class's
    /// attributes that `type` defines and `object` does not (`C.__name__`, `C.__bases__`).
    /// Ordinary names, and methods like `__repr__` that CPython stores in the dict, pass.
    func refuseSettingIfCPythonDescriptor(_ attr: String, on obj: ObjectRef) throws {
        let s = surface
        switch heap.payload[Int(obj)] {
        case .function:
            if s.has(attribute: attr, onType: "function") { throw notModelled("function.\(attr)") }
        case .type(let info) where info.isHeapType:
            if s.has(attribute: attr, onType: "type") && !s.has(attribute: attr, onType: "object") {
                throw notModelled("\(info.name).\(attr)")
            }
        case .instance:
            if attr == "__class__" || attr == "__dict__" { throw notModelled("object.\(attr)") }
            for t in heap.typeInfo(of: obj).mro {
                let info = heap.typeInfo(t)
                guard !info.isHeapType, info.kind != .object else { continue }
                let n = s.typeName(forEngineType: info.name)
                if s.has(attribute: attr, onType: n) { throw notModelled("\(n).\(attr)") }
            }
        case .type: break   // a builtin type: CPython's TypeError for every name, as the engine's
        // The lru_cache wrapper has an instance dict; its type's `__doc__` and `__module__`
        // are plain strs, which the dict shadows (`lruCacheStore` refuses the rest).
        case .native(let o) where o is LruCacheObject: break
        default:
            // No __dict__: CPython says "read-only" for a name it has, the engine would not.
            if methodTable[heap.kind(obj)]?[attr] == nil, let owner = cpythonOwner(of: attr, inMROOf: heap.typeOf[Int(obj)]) {
                throw notModelled("\(owner).\(attr)")
            }
        }
    }

    /// LOAD_NAME/LOAD_GLOBAL found nothing: a builtin or a `__main__` start-up global of the
    /// profile's CPython (`zip`, `__doc__`) is refused; anything else is CPython's NameError.
    func refuseIfCPythonHas(name n: String) throws {
        let s = surface
        if s.has(builtin: n) || s.mainGlobals.contains(n) { throw notModelled(n) }
    }
}
