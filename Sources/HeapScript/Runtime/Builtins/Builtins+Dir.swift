import HeapEngine

/// dir() (Python/bltinmodule.c builtin_dir; Objects/object.c _dir_locals and _dir_object;
/// Objects/typeobject.c object___dir___impl, type___dir___impl and merge_class_dict).
///
/// The names are CPython's: a class's dict as type_new and PyType_Ready leave it (its
/// `__qualname__` taken out, `__doc__` set to None when the body did not bind it — measured:
/// `list(C.__dict__)` for `class C: pass` is ['__module__', '__dict__', '__weakref__',
/// '__doc__'] on 3.6.15-3.12.1, with '__firstlineno__' and '__static_attributes__' on 3.13.0),
/// and for builtin types the recorded surface (`sorted(dir(t))`, which is the union of the
/// dicts along t's MRO, as type___dir__ merges them).
extension Interpreter {
    func registerDirBuiltin(_ d: ObjectRef) {
        defineFunction(in: d, "dir") { i, _, args, _ in
            // The argument-less form reads the caller's frame, which CEval passes on an
            // ordinary CALL (`dirLocals`); a call from C code (`dir(*())`) lands here.
            guard let obj = args.first else { throw i.notModelled("dir() without an argument called this way") }
            return try i.dirObject(obj)
        }
        dirBuiltin = try! dictGet(d, name("dir")) ?? 0
    }

    /// `dir()`: _dir_locals. PyEval_GetLocals is the frame's namespace for module code and
    /// class bodies (the module's globals at the prompt); PyMapping_Keys of a dict is
    /// PyDict_Keys, a list of exactly n items, sorted in place. Nothing else is allocated.
    func dirLocals(_ frame: Frame) throws -> ObjectRef {
        // A function's locals are fast locals: PyFrame_FastToLocals makes (before 3.13) the
        // frame's f_locals dict that then lives with the frame, 3.13 a snapshot dict.
        guard let namespace = frame.namespace else {
            throw notModelled("dir() without an argument in a function", because: "CPython \(profile.version) makes a dict of the frame's fast locals")
        }
        // A class body's cells (`__class__`) are copied into its namespace by FastToLocals
        // before 3.13; a 3.12+ inlined comprehension's variables are fast locals of the frame.
        if !frame.code.cellSlots.isEmpty || !frame.code.hiddenLocals.isEmpty {
            throw notModelled("dir() without an argument here", because: "CPython \(profile.version) adds the frame's cells or hidden comprehension variables to the names")
        }
        let keys = dictStorage(namespace).items.map { $0.key }
        keys.forEach(heap.incref)
        let l = try newList(keys, extend: false)
        do { try sortList(l, []) } catch { heap.decref(l); throw error }
        return l
    }

    /// `dir(obj)`: _dir_object calls type(obj).__dir__ (a bound method), makes a list of its
    /// result (PySequence_List) and sorts it.
    func dirObject(_ obj: ObjectRef) throws -> ObjectRef {
        try refuseIfOpaque(obj)
        // The stand-in's class dict lacks CPython's number methods and has its own names.
        if isWeakSetOrInstance(obj) { throw notModelled("dir() of a WeakSet", because: unmodelledWeakSetReason) }
        if isWeakKeyDictOrInstance(obj) {
            let cls = isWeakValueDictOrInstance(obj) ? "WeakValueDictionary" : "WeakKeyDictionary"
            throw notModelled("dir() of a \(cls)", because: unmodelledWeakKeyDictReason)
        }
        // object.__dir__ reads `__dict__` and `__class__` through a class's `__getattribute__`.
        if try getattributeHook(of: obj) != nil { throw notModelled("dir() of an instance whose class defines __getattribute__") }
        var names = DirNames()
        switch heap.payload[Int(obj)] {
        case .module:
            // module___dir__ lists the module's dict, which the engine holds only in part.
            throw notModelled("dir() of a module", because: "the engine's module dicts hold only part of CPython \(profile.version)'s")
        case .type(let info):
            if let meta = heap.typeInfo(of: obj).mro.first, heap.typeInfo(meta).isHeapType {
                throw notModelled("dir() of a class with a metaclass")
            }
            if info.isHeapType { try mergeClassNames(obj, into: &names) } else { try mergeBuiltinTypeNames(obj, into: &names) }
        case .instance:
            if heap.typeInfo(of: obj).mro.contains(where: { !heap.typeInfo($0).isHeapType && heap.typeInfo($0).kind != .object }) {
                throw notModelled("dir() of an instance of a subclass of a builtin type")
            }
            // object___dir__: a copy of the instance's __dict__ (3.11+: materializing it, as
            // any `obj.__dict__` does), then the class's names.
            if heap.typeInfo(of: obj).hasInstanceDict {
                guard let dict = try lookupAttrLeavingNoTrace(obj, "__dict__", function: "dir") else {
                    throw notModelled("dir() of an instance without its __dict__")
                }
                defer { heap.decref(dict) }
                guard let st = heap.payload[Int(dict)].dictStorage else { throw notModelled("dir() of an instance whose __dict__ is not a dict") }
                for k in st.items.map({ $0.key }) { try names.add(k, self) }
            }
            try mergeClassNames(heap.typeOf[Int(obj)], into: &names)
        default:
            // Any other builtin object: its type's names, unless it has a __dict__ of its own
            // (functions, exceptions), whose keys the engine does not always hold.
            let t = heap.typeOf[Int(obj)]
            let typeName = surface.typeName(forEngineType: heap.typeInfo(t).name)
            guard heap.typeInfo(t).kind != .exception, let list = surface.types[typeName], !list.contains("__dict__") else {
                throw notModelled("dir() of a '\(typeName)' object")
            }
            try mergeBuiltinTypeNames(t, into: &names)
        }
        // What __dir__ made and freed on the way: the bound method, the dict it fills (a copy
        // of the instance's, grown by each class's merge), a mappingproxy, keys view,
        // iterator or list per class, and the list of its keys. Their blocks and their order
        // in pymalloc's free lists are not modelled one for one; the GC objects among them
        // raise generation 0's count while dir() runs.
        unknownBlockSizes = unknownBlockSizes ?? "CPython \(profile.version)'s dir() allocates and frees dicts, lists and views "
            + "that heapbook does not model one for one"
        heap.peakMayExceed(by: 8)
        let items = names.refs
        items.forEach(heap.incref)
        // PySequence_List(result): list_extend of a list into an empty one, then sorted.
        let l = try newList(items, extend: true)
        do { try sortList(l, []) } catch { heap.decref(l); throw error }
        return l
    }

    /// merge_class_dict over the class's MRO (the same names as its recursion through
    /// `__bases__`): each heap type's dict as CPython holds it, then a builtin type's names.
    private func mergeClassNames(_ type: ObjectRef, into names: inout DirNames) throws {
        for t in heap.typeInfo(type).mro {
            let info = heap.typeInfo(t)
            guard info.isHeapType else { try mergeBuiltinTypeNames(t, into: &names); continue }
            guard let dict = info.dict, let st = heap.payload[Int(dict)].dictStorage else {
                throw notModelled("dir() of a class without its dict")
            }
            // The dict as type_new and PyType_Ready leave it (`buildClass`, `Heap.newHeapType`).
            for k in st.items.map({ $0.key }) { try names.add(k, self) }
        }
    }

    /// A builtin type's dir(): the recorded surface's names (its dict and its bases').
    private func mergeBuiltinTypeNames(_ type: ObjectRef, into names: inout DirNames) throws {
        let typeName = surface.typeName(forEngineType: heap.typeInfo(type).name)
        guard let list = surface.types[typeName] else { throw notModelled("dir() of \(typeName)") }
        for n in list { try names.add(startupName(n), self) }
    }

    /// The interned str of a name CPython's start-up made (a builtin type's attribute):
    /// the engine's own if it has one, otherwise a static stand-in (`Heap.internStartupName`).
    func startupName(_ s: String) -> ObjectRef {
        if let r = nameCache[s] { return r }
        let r = heap.internStartupName(s)
        nameCache[s] = r
        return r
    }
}

/// The names __dir__ collects, each once, the first str object met for it (dict merges keep
/// the key already there). Borrowed references.
struct DirNames {
    var refs: [ObjectRef] = []
    var seen: Set<String> = []

    mutating func add(_ key: ObjectRef, _ i: Interpreter) throws {
        // A key that is not an exact str: sorting may compare it with a class's method
        // or raise; not modelled.
        guard i.isExactStr(key) else { throw i.notModelled("dir() of a dict with keys that are not str") }
        if seen.insert(i.stringValue(key)).inserted { refs.append(key) }
    }
}
