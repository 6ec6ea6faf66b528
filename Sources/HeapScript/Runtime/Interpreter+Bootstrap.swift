import HeapEngine

/// A builtin function or method: borrows its arguments, returns a new reference.
struct BuiltinFunction {
    typealias Body = (Interpreter, _ selfRef: ObjectRef?, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef
    let name: String
    /// The type whose method this is (for repr: "<built-in method append of list object ...>").
    let owner: TypeKind?
    /// Checked before `body` runs (ArgumentClinic.swift).
    let signature: Signature
    /// "list.append", "sys.getsizeof": how refusals name it.
    let qualifiedName: String
    let body: Body
}

/// Start-up: builtins, exception types, `__main__`, and the importable modules.
extension Interpreter {
    func bootstrapRuntime() {
        makeExceptionTypes()
        builtinsDict = try! newDict()
        let mainDictRef = try! newDict()
        mainDict = mainDictRef
        mainModule = try! newModule("__main__", dict: mainDictRef)
        initMainModule()
        registerBuiltins()
        registerMethods()
        // The bound methods PyFile_WriteObject and reversed() make (`fileWrite`,
        // `newReversed`); never reachable from Python.
        textIOWrapperWrite = registerBuiltin("write", module: "_io.TextIOWrapper") { i, _, _, _ in
            throw i.notModelled("_io.TextIOWrapper.write")
        }
        reversedMethod = registerBuiltin("__reversed__", owner: .list) { i, _, _, _ in
            throw i.notModelled("list.__reversed__")
        }
        typePrepareMethod = registerBuiltin("__prepare__", owner: .type) { i, _, _, _ in
            throw i.notModelled("type.__prepare__")
        }
        objectInitSubclassMethod = registerBuiltin("__init_subclass__", owner: .object) { i, _, _, _ in
            throw i.notModelled("object.__init_subclass__")
        }
        // object.__dict__['__new__']: add_tp_new_wrapper's builtin, bound to the type object
        // (SlotTpNew.swift), made when object's type is readied.
        let objectNewId = registerBuiltin("__new__", owner: .object) { i, _, args, kwargs in try i.objectNew(args, kwargs) }
        objectNewFunction = try! heap.newBuiltinFunction(BuiltinInfo(id: objectNewId, selfRef: heap.builtinType(.object)))
        preallocatedMemoryErrorRef = try! instantiateException("MemoryError", args: [])
        heap.finalizer = { [unowned self] r in self.runFinalizer(r) }
        // PyGen_Type's tp_finalize (_PyGen_Finalize): the collector finalizes generators.
        heap.typeInfo(heap.builtinType(.generator)).hasDel = true
        heap.weakrefCallback = { [unowned self] cb, w in self.runWeakrefCallback(cb, w) }
        // CPython has sys and weakref loaded before the first prompt (gc is imported on
        // demand), and its collector's counts are what start-up left: set them last, so
        // that the engine's own start-up allocations do not count.
        for preloaded in ["sys", "weakref"] { heap.decref(try! importModule(preloaded)) }
        // The gc extension module is initialised during start-up but not left in
        // sys.modules; `import gc` then copies its cached dict (m_copy) into a new module, so
        // its function objects are not new allocations at the prompt.
        let gcTemplate = try! newDict()
        defineGCModule(gcTemplate)
        cachedModuleDicts["gc"] = gcTemplate
        if profile.replCachesSourceLines { linecacheDict = try! newDict() }
        // Start-up garbage is part of what start-up left (inside the counts below).
        if let name = profile.startupGarbageClass, !scriptStartup { makeStartupGarbageClass(name) }
        heap.cycleThroughFreeLists(profile.replStartupFreeLists)
        // Start-up's slicing (site, the REPL) leaves a slice in the one-slice cache.
        for _ in 0..<3 { heap.incref(heap.none) }
        heap.decref(try! heap.newSlice(heap.none, heap.none, heap.none))
        heap.gc.counts = scriptStartup ? profile.scriptStartupGCCounts : profile.replStartupGCCounts
        // A script's lists are not known even after a full collection: 3.11.7 prints 11092 for
        // `gc.collect()` then `len(gc.get_objects())` in a file, the engine 11093.
        if scriptStartup { heap.startWithUnknownCount(forever: true) }
        // __main__'s dict holds start-up's tracked objects (__builtins__, __loader__), so
        // start-up's collections have moved it on, and its module with it (just before it:
        // the module is tracked first): they are older than anything typed.
        heap.gc.track(mainModule, inGeneration: profile.mainDictGeneration)
        heap.gc.track(mainDict, inGeneration: profile.mainDictGeneration)
        heap.markStartupObjects()
    }

    /// 3.13: `python3.13 -i` runs site.register_readline, which imports `_pyrepl.readline`;
    /// its `@dataclass(slots=True) class _ReadlineWrapper` replaces the class and leaves the
    /// original as cyclic garbage — the class, its dict, its MRO tuple and its `__dict__`/
    /// `__weakref__` descriptors — so the first `gc.collect()` of a 3.13.0 session returns 5
    /// (gc.DEBUG_SAVEALL shows ['dict', 'type', 'tuple', 'getset_descriptor',
    /// 'getset_descriptor']; 0 with `-S`).
    private func makeStartupGarbageClass(_ qualified: String) {
        let parts = qualified.split(separator: ".")
        let module = parts.dropLast().joined(separator: ".")
        let ns = try! newDict()
        let t = try! heap.newHeapType(name: String(parts.last!), module: module, bases: [], dict: ns)
        // `(object,)` survived a collection while the class was alive: untrack_tuples untracked it.
        if let bases = heap.typeInfo(t).basesTuple { heap.gc.untrack(bases) }
        heap.decref(t)   // only the cycle holds it now
    }

    /// 3.13's REPL registers every compiled statement with linecache (`_register_code`), for
    /// tracebacks: `linecache.cache['<stdin>-N'] = (len(source), None, lines, '<stdin>')`
    /// stays for the whole session, so each statement leaves a tuple and a list behind.
    func cacheSourceLines(_ source: String, filename: String) {
        guard let cache = linecacheDict else { return }
        let text = source.hasSuffix("\n") ? source : source + "\n"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }
        if lines.isEmpty { lines = ["\n"] }
        do {
            // `[line + '\n' for line in string.splitlines()]`: the splitlines() list comes off
            // the list free list first and goes back to it, so the list a statement freed just
            // before is still the next one handed out (`del x; y = [3, 4]` reuses x's id).
            let strs = try lines.map { try newStr(String($0)) }
            strs.forEach(heap.incref)
            let split = try newList(strs, extend: false)
            let list = try newList(strs, extend: false)
            heap.decref(split)
            heap.incref(heap.none)
            let entry = try newTuple([try newInt(text.utf8.count), heap.none, list, try newStr(filename)])
            let key = try newStr("\(filename)-\(linecacheEntries)")
            linecacheEntries += 1
            try dictSet(cache, key, entry)
            heap.decref(key); heap.decref(entry)
        } catch {}
    }

    func newModule(_ moduleName: String, dict: ObjectRef) throws -> ObjectRef {
        let type = heap.builtinType(.module)
        return try heap.newModuleObject(type: type, ModuleInfo(name: moduleName, dict: dict))
    }

    private func makeExceptionTypes() {
        let object = heap.builtinType(.object)
        // (name, base) in Objects/exceptions.c's hierarchy.
        let hierarchy: [(String, String?)] = [
            ("BaseException", nil), ("Exception", "BaseException"), ("SystemExit", "BaseException"),
            ("KeyboardInterrupt", "BaseException"),
            ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"),
            ("OverflowError", "ArithmeticError"), ("AssertionError", "Exception"),
            ("AttributeError", "Exception"), ("LookupError", "Exception"), ("IndexError", "LookupError"),
            ("KeyError", "LookupError"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
            ("TypeError", "Exception"), ("ValueError", "Exception"), ("RuntimeError", "Exception"),
            ("RecursionError", "RuntimeError"), ("NotImplementedError", "RuntimeError"),
            ("MemoryError", "Exception"), ("StopIteration", "Exception"), ("ImportError", "Exception"),
            ("ModuleNotFoundError", "ImportError"), ("ReferenceError", "Exception"),
            ("GeneratorExit", "BaseException"), ("FloatingPointError", "ArithmeticError"),
            ("EOFError", "Exception"), ("BufferError", "Exception"),
            // OSError and its subclasses (PEP 3151); IOError and EnvironmentError are aliases.
            ("OSError", "Exception"), ("ConnectionError", "OSError"), ("BlockingIOError", "OSError"),
            ("ChildProcessError", "OSError"), ("BrokenPipeError", "ConnectionError"),
            ("ConnectionAbortedError", "ConnectionError"), ("ConnectionRefusedError", "ConnectionError"),
            ("ConnectionResetError", "ConnectionError"), ("FileExistsError", "OSError"),
            ("FileNotFoundError", "OSError"), ("InterruptedError", "OSError"), ("IsADirectoryError", "OSError"),
            ("NotADirectoryError", "OSError"), ("PermissionError", "OSError"), ("ProcessLookupError", "OSError"),
            ("TimeoutError", "OSError"),
            ("Warning", "Exception"), ("UserWarning", "Warning"), ("DeprecationWarning", "Warning"),
            ("PendingDeprecationWarning", "Warning"), ("SyntaxWarning", "Warning"), ("RuntimeWarning", "Warning"),
            ("FutureWarning", "Warning"), ("ImportWarning", "Warning"), ("UnicodeWarning", "Warning"),
            ("BytesWarning", "Warning"), ("ResourceWarning", "Warning"),
        ] + (profile.minor >= 10 ? [("EncodingWarning", "Warning")] : [])   // PEP 597 (3.10)
        for (n, baseName) in hierarchy {
            let base = baseName.flatMap { exceptionTypes[$0] } ?? object
            // PyBaseExceptionObject (72 bytes in 3.11), plus the fields the type or one of its
            // bases adds (PyImportErrorObject, PyAttributeErrorObject, ...).
            let basicSize = layouts.exceptionFields[n].map { $0 + layouts.exception.basicSize }
                ?? (base == object ? layouts.exception.basicSize : heap.typeInfo(base).basicSize)
            exceptionTypes[n] = heap.newStaticType(name: n, kind: .exception, base: base,
                                                   basicSize: basicSize, isGC: true)
        }
        exceptionAliases = ["IOError": "OSError", "EnvironmentError": "OSError"]
    }

    func registerBuiltin(_ name: String, owner: TypeKind? = nil, module: String? = nil,
                         _ body: @escaping BuiltinFunction.Body) -> Int32 {
        let prefix = owner.map { heap.typeInfo(heap.builtinType($0)).name } ?? module
        let qualified = prefix.map { "\($0).\(name)" } ?? name
        builtinTable.append(BuiltinFunction(name: name, owner: owner, signature: builtinSignature(qualified),
                                            qualifiedName: qualified, body: body))
        return Int32(builtinTable.count - 1)
    }

    /// Adds a builtin function object named `name` to a namespace dict.
    func defineFunction(in dict: ObjectRef, _ fname: String, module: String? = nil,
                        _ body: @escaping BuiltinFunction.Body) {
        let id = registerBuiltin(fname, module: module, body)
        let f = try! heap.newBuiltinFunction(BuiltinInfo(id: id, selfRef: nil))
        try! dictSet(dict, name(fname), f)
        heap.decref(f)
    }

    /// The METH_CLASS methods the engine registers: their `self` is the type.
    static func isClassMethod(_ kind: TypeKind, _ mname: String) -> Bool {
        kind == .dict && mname == "fromkeys"
    }

    func defineMethod(_ kind: TypeKind, _ mname: String, _ body: @escaping BuiltinFunction.Body) {
        let id = registerBuiltin(mname, owner: kind, body)
        methodTable[kind, default: [:]][mname] = id
    }

    /// The modules `importModule` makes (sorted).
    static let importableModules = ["__future__", "array", "collections", "copy", "ctypes", "dataclasses", "functools", "gc", "itertools", "pprint", "reprlib", "sys", "tracemalloc", "weakref"]

    /// Whether CPython's start-up has imported `name` already (sys.modules at the first
    /// prompt or line, measured per version: CollectionsModule.swift, FunctoolsModule.swift,
    /// ItertoolsModule.swift, CopyModule.swift).
    func modulePreloadedByStartup(_ name: String) -> Bool {
        switch name {
        case "collections": return collectionsPreloaded
        case "functools": return functoolsPreloaded
        case "itertools": return itertoolsPreloaded
        case "copy": return profile.minor >= 13 && !scriptStartup
        // 3.13.0's prompt: site's _pyrepl has imported __future__ (`'__future__' in sys.modules`
        // True at `python3.13 -q -i`'s first prompt; False in a script and on 3.6.15-3.12.1).
        case "__future__": return profile.minor >= 13 && !scriptStartup
        case "reprlib": return reprlibPreloaded
        default: return false
        }
    }

    /// What CPython's first import of `module` does that the engine does not model one for one,
    /// where start-up has not imported it (Lib's code and the modules it imports): count,
    /// blocks, collector objects, shared counts and, where measured, cyclic garbage. Nothing
    /// where start-up has (`modulePreloadedByStartup`; `importModule` handles that case).
    func noteUnmodelledImport(_ module: String, blocks: String, objects: String, leavesGarbage: Bool) {
        guard !modulePreloadedByStartup(module) else { return }
        // Lib/weakref.py's `import itertools` (WeakrefFinalize.swift): CPython ran it at
        // start-up or at `import weakref`, whose own note covers it.
        guard !makingFinalizeClass else { return }
        let v = profile.version
        heap.countMayDiffer(by: heap.gc.thresholds[0] + 1)
        unknownBlockSizes = "CPython \(v)'s `import \(module)` allocates blocks (\(blocks)) that heapbook does not model one for one"
        unmodelledCollectorObjects = "the objects CPython \(v)'s `import \(module)` made (\(objects))"
        heap.markSharedCountsUnmodelled()
        if leavesGarbage {
            unmodelledGarbage = "CPython \(v)'s first `import \(module)` leaves cyclic garbage that its "
                + "automatic collections may or may not have taken"
        }
    }

    /// `import sys` and friends: modules are made on first import and cached.
    func importModule(_ moduleName: String) throws -> ObjectRef {
        // The import system's own allocations (and a first import's code) are not modelled
        // block for block.
        heap.tracemalloc.noteUnknown("an `import` ran (importlib's work is not modelled block for block)")
        // The references CPython's first import of the module leaves on shared objects (its
        // spec...), measured; a no-op at start-up (before the re-base) and after the first time.
        heap.noteFirstImport(moduleName)
        if moduleName == "weakref", startupObjectsInstalled, !weakrefImported {
            weakrefImported = true
            if scriptStartup ? profile.scriptWeakrefImportUnmodelled : profile.weakrefImportUnmodelled {
                heap.countMayDiffer(by: heap.gc.thresholds[0] + 1)
            }
            if scriptStartup ? profile.scriptWeakrefImportLeavesGarbage : profile.weakrefImportLeavesGarbage {
                unmodelledGarbage = "CPython \(profile.version)'s first `import weakref` leaves cyclic garbage (collections' "
                    + "pure-Python OrderedDict) that its automatic collections may or may not have taken"
            }
        }
        if let m = modules[moduleName] { heap.incref(m); return m }
        // A module CPython's start-up already imported: its import only reads sys.modules, while
        // the engine makes the module now (its dict, functions, types). Those objects count in
        // neither generation 0 nor start a collection (`gc.collect(); from collections import
        // deque; gc.get_count()` is (1, 0, 0) at 3.11.7's prompt, and was (3, 0, 0) here); they
        // are CPython's start-up objects, which `gc.get_objects()` already counts as phantoms,
        // and their blocks are not where CPython's are.
        let preloaded = modulePreloadedByStartup(moduleName)
        let savedCounts = heap.gc.counts, savedEnabled = heap.gc.enabled
        if preloaded { heap.gc.enabled = false }
        defer {
            if preloaded {
                heap.gc.counts = savedCounts
                heap.gc.enabled = savedEnabled
                unknownBlockSizes = unknownBlockSizes ?? "CPython \(profile.version)'s start-up imported \(moduleName): its "
                    + "module's objects are blocks heapbook places only at the first `import \(moduleName)`"
                unmodelledCollectorObjects = unmodelledCollectorObjects ?? "the \(moduleName) module CPython "
                    + "\(profile.version)'s start-up made, which heapbook makes at the first `import \(moduleName)`"
            }
        }
        if preloaded {
            return try heap.withFreeListsSetAside { try makeModule(moduleName) }
        }
        return try makeModule(moduleName)
    }

    /// Makes and registers the module `moduleName` (a new reference).
    private func makeModule(_ moduleName: String) throws -> ObjectRef {
        let dict = try newDict()
        let m = try newModule(moduleName, dict: dict)
        try dictSet(dict, name("__name__"), name(moduleName))
        switch (moduleName, cachedModuleDicts[moduleName]) {
        case (_, let template?):
            for (k, v) in dictStorage(template).items { try dictSet(dict, k, v) }
            if moduleName == "gc" {
                warmUpLeftovers += heap.takeFromFreeLists(profile.gcImportKeeps)
                keepFreshObjects(profile.gcImportCountedObjects)
                heap.growFreeLists(by: profile.gcImportAdds)
            }
        case ("sys", nil): defineSysModule(dict)
        case ("weakref", nil): defineWeakrefModule(dict)
        case ("collections", nil): try importCollectionsModule(dict)
        case ("functools", nil): try importFunctoolsModule(dict)
        case ("array", nil): try importArrayModule(dict)
        case ("itertools", nil): try importItertoolsModule(dict, module: m)
        case ("ctypes", nil): try importCtypesModule(dict)
        case ("dataclasses", nil) where profile.minor >= 7: try importDataclassesModule(dict)
        case ("pprint", nil): try importPprintModule(dict)
        case ("tracemalloc", nil):
            try defineTracemallocModule(dict)
            noteTracemallocImport()
        case ("__future__", nil): try importFutureModule(dict)
        case ("reprlib", nil): try importReprlibModule(dict)
        case ("copy", nil):
            // Registered first: Lib/copy.py's `import weakref` and its own names run in it.
            modules[moduleName] = m
            do { try importCopyModule(dict) } catch { modules[moduleName] = nil; heap.decref(m); throw error }
            heap.incref(m)
            return m
        default:
            heap.decref(m)
            let top = String(moduleName.split(separator: ".").first ?? "")
            // A submodule of a module the engine has: none of them is a package
            // (importlib's _find_and_load_unlocked: "No module named 'sys.x'; 'sys' is not a package").
            // collections is a package (collections.abc): its submodules are not modelled.
            if top == "collections", top != moduleName { throw notModelled(moduleName) }
            if top != moduleName, Interpreter.importableModules.contains(top) {
                throw error("ModuleNotFoundError", "No module named '\(moduleName)'; '\(top)' is not a package")
            }
            if surface.has(module: top) { throw notModelled(moduleName) }
            throw error("ModuleNotFoundError", "No module named '\(moduleName)'")
        }
        modules[moduleName] = m
        heap.incref(m)
        return m
    }
}
