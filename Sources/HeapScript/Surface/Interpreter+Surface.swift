import HeapEngine

/// What the engine itself models, to set against `CPythonSurface` (read-only: nothing here
/// allocates or touches reference counts).
extension Interpreter {
    /// The CPython surface of this interpreter's profile.
    public var surface: CPythonSurface { CPythonSurface.of(profile) }

    /// Names in the engine's builtins dict, sorted.
    public var modelledBuiltins: [String] {
        dictStorage(builtinsDict).keys.map(stringValue).sorted()
    }

    /// Methods and attributes the engine serves on instances of the builtin type named
    /// `typeName` (the engine's name or CPython's, e.g. "weakref" or "ReferenceType"), sorted.
    public func modelledAttributes(ofType typeName: String) -> [String] {
        guard let kind = builtinKind(named: typeName) else { return [] }
        var names = Set(methodTable[kind]?.keys.map { $0 } ?? [])
        names.formUnion(Interpreter.servedAttributes[kind] ?? [])
        names.insert("__class__")
        return names.sorted()
    }

    /// Modules `import` can make, sorted.
    public var modelledModules: [String] { Interpreter.importableModules }

    /// The names a fresh import of module `m` defines (its dict's keys), sorted.
    public func modelledAttributes(ofModule m: String) -> [String] {
        var names: Set<String> = ["__dict__", "__class__"]
        if let module = modules[m], case .module(let info) = heap.payload[Int(module)] {
            names.formUnion(dictStorage(info.dict).keys.map(stringValue))
        } else if let template = cachedModuleDicts[m] {
            names.formUnion(dictStorage(template).keys.map(stringValue))
            names.insert("__name__")
        } else {
            return []
        }
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
        switch name {
        case "weakref": return "ReferenceType"
        case "ReferenceType": return "weakref"
        case "str_ascii_iterator": return "str_iterator"
        default: return name
        }
    }
}
