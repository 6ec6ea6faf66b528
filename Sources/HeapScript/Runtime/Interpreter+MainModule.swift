import HeapEngine

/// `__main__` as CPython's start-up leaves it (Python/pylifecycle.c `add_main_module`,
/// Objects/moduleobject.c `module_init_dict`, and for a script Python/pythonrun.c
/// `_PyRun_SimpleFileObject`), and the line between what the engine models of start-up and
/// what it does not.
///
/// At the first prompt of 3.6.15 to 3.13.0, `list(globals())` is `['__name__', '__doc__',
/// '__package__', '__loader__', '__spec__', '__annotations__', '__builtins__']` (a script's
/// adds `'__file__', '__cached__'`): the keys and their order decide the dict's size
/// (`sys.getsizeof(globals())` after `import sys`: 376 on 3.6.15, 360 on 3.8.18, 272 on
/// 3.11.7-3.13.0) and when it grows. `__loader__` is importlib's BuiltinImporter class at the
/// prompt and a SourceFileLoader instance in a script: the engine does not model importlib,
/// so those are opaque stand-ins (see `refuseIfOpaque`).
extension Interpreter {
    func initMainModule() {
        let none = heap.none
        try! dictSet(mainDict, name("__name__"), name("__main__"))
        try! dictSet(mainDict, name("__doc__"), none)
        try! dictSet(mainDict, name("__package__"), none)
        let importer = heap.newStaticType(name: "BuiltinImporter", kind: .object, base: heap.builtinType(.object),
                                          basicSize: heap.typeInfo(heap.builtinType(.object)).basicSize, isGC: false)
        heap.typeInfo(importer).module = "_frozen_importlib"
        opaqueObjects[importer] = "__loader__"
        try! dictSet(mainDict, name("__loader__"), importer)
        try! dictSet(mainDict, name("__spec__"), none)
        let annotations = try! newDict()
        try! dictSet(mainDict, name("__annotations__"), annotations)
        heap.decref(annotations)
        let builtins = try! newModule("builtins", dict: builtinsDict)
        heap.incref(builtinsDict)   // the module's own reference
        try! dictSet(mainDict, name("__builtins__"), builtins)
        heap.decref(builtins)
    }

    /// `python3 file.py`: runpy-free `_PyRun_SimpleFileObject` sets `__file__` and
    /// `__cached__` (None) and a SourceFileLoader as `__loader__` before the code runs.
    func initScriptMain(filename: String) throws {
        guard !mainIsScript else { return }
        mainIsScript = true
        let loaderType = heap.newStaticType(name: "SourceFileLoader", kind: .object, base: heap.builtinType(.object),
                                            basicSize: heap.typeInfo(heap.builtinType(.object)).basicSize, isGC: false)
        heap.typeInfo(loaderType).module = "_frozen_importlib_external"
        let loader = heap.newStaticPlaceholder(type: loaderType)
        opaqueObjects[loaderType] = "type(__loader__)"
        opaqueObjects[loader] = "__loader__"
        let file = try newStr(filename)
        try dictSet(mainDict, name("__file__"), file)
        heap.decref(file)
        try dictSet(mainDict, name("__cached__"), heap.none)
        try dictSet(mainDict, name("__loader__"), loader)
    }

    /// Anything but identity, `type()` and `repr()` on a stand-in is refused, and anything but
    /// identity and counting on a phantom start-up object (GCModule.swift).
    func refuseIfOpaque(_ r: ObjectRef) throws {
        try refuseStartupObject(r)
        if !opaqueObjects.isEmpty, let what = opaqueObjects[r] {
            throw notModelled(what, because: "heapbook only stands in for it (CPython \(profile.version)'s is made by code heapbook does not run)")
        }
    }

    /// `sys.getrefcount` of an object start-up made on the heap: CPython's start-up code,
    /// modules and caches hold references to it that the engine does not model (3.11.7:
    /// `len` 21, `sys` 78 at the first prompt). Exact where the engine owns every reference:
    /// immortal objects (3.12+) and `__main__`'s dict, whose references are the frames'.
    /// Static objects are left to `Heap.hasUnmodelledCount` (measured or refused).
    func refuseStartupRefcount(_ r: ObjectRef) throws {
        try refuseIfOpaque(r)
        // Static objects (the shared singletons, the static types) are StartupRefcounts'.
        guard heap.isStartupObject(r), !heap.isStatic(r), !heap.isImmortal(r), r != mainDict else { return }
        throw notModelled("sys.getrefcount(\(try describeStartupObject(r)))",
                          because: "CPython \(profile.version)'s start-up holds references to it that the engine does not see")
    }

    private func describeStartupObject(_ r: ObjectRef) throws -> String {
        switch heap.payload[Int(r)] {
        case .module(let m): return m.name
        case .type(let info): return info.name
        case .builtin: return try repr(r, depth: 0)
        default: return "a \(typeName(r)) object from start-up"
        }
    }
}
