import HeapEngine
import BigInt

// Lib/dataclasses.py (3.7+; 3.6 has none: ModuleNotFoundError from the recorded surface).
//
// The module is Python in CPython, and so it is here: `import dataclasses` runs a stand-in
// of each version's dataclasses.py (DataclassesSource.swift) with the engine's compiler and
// evaluator. `@dataclass` reads the class's annotations and defaults, makes the Field and
// _DataclassParams objects, and makes the methods as CPython does: the same source text
// (`_create_fn`, 3.13's `_FuncBuilder`) exec'd (`_hb_exec`) in the class's module globals,
// so `__init__`, `__repr__` (inside its `_recursive_repr` wrapper), `__eq__`, the order
// methods, `__hash__` and a frozen class's `__setattr__`/`__delattr__` are Python functions
// the engine runs: a call makes what CPython's bytecode makes. Instances are ordinary
// instances of the class (sizes, `__dict__`, weakrefs, refcounts, the collector).
//
// What is not CPython's, and so refused:
// - what the import allocates (inspect, re, copy, types, abc... `noteUnmodelledImport`);
// - what decorating a class allocates: the count is unknown after it until a collection
//   (as after namedtuple()); the class is kept alive by the interpreter, and `gc.collect()`
//   once a dataclass is garbage in CPython is refused, as is `sys.getrefcount` of the class,
//   of the objects it reaches (the generated functions, the Field objects, the defaults) and
//   of interned strs (the exec'd source's names);
// - `slots=True`, `metadata=`, `InitVar`, `ClassVar`, string annotations and any annotation
//   that is not a class, inheritance from a class other than object, `make_dataclass`,
//   `repr()` of a Field (its text holds addresses), fields()/asdict()/astuple()/replace() of
//   what is not a dataclass (their TypeErrors come from frames of CPython's installed file),
//   asdict/astuple of fields holding containers or instances (copy.deepcopy), and a
//   traceback through the stand-in's frames (it would name CPython's installed
//   dataclasses.py): an exception from `@dataclass` can be caught and printed, not shown
//   uncaught.
extension Interpreter {
    /// The file name the stand-in's code carries (`co_filename`).
    static let dataclassesModuleFile = "<heapbook: Lib/dataclasses.py>"

    /// The first `import dataclasses` (3.7+).
    func importDataclassesModule(_ d: ObjectRef) throws {
        defer {
            noteUnmodelledImport("dataclasses", blocks: "Lib/dataclasses.py's code, inspect, re, copy, types, keyword, ast, dis...",
                                 objects: "its classes, functions, code objects and those of the modules it imports",
                                 // `gc.disable(); gc.collect(); import dataclasses; gc.collect()`:
                                 // 104 on 3.8.18, 0 on 3.11.7, 3.12.1 and 3.13.0.
                                 leavesGarbage: profile.minor < 11)
        }
        try dictSet(d, name("__builtins__"), builtinsDict)
        defineDataclassesNatives(d)
        // `class FrozenInstanceError(AttributeError): pass`: the engine has no Python subclasses
        // of builtin exceptions, so a static type stands in (its instances' size is refused:
        // CPython's heap type adds a weakref slot, and from 3.12 a managed pre-header).
        let attributeError = exceptionTypes["AttributeError"]!
        let frozen = heap.newStaticType(name: "FrozenInstanceError", kind: .exception, base: attributeError,
                                        basicSize: heap.typeInfo(attributeError).basicSize, isGC: true)
        heap.typeInfo(frozen).module = "dataclasses"
        frozenInstanceErrorType = frozen
        try dictSet(d, name("FrozenInstanceError"), frozen)
        // What the stand-in allocates is not what CPython's import does (declared above): the
        // collector is held while it runs, and the count put back.
        let savedCounts = heap.gc.counts, savedEnabled = heap.gc.enabled
        heap.gc.enabled = false
        classBodyModule = "dataclasses"
        defer {
            classBodyModule = "__main__"
            heap.gc.counts = savedCounts
            heap.gc.enabled = savedEnabled
        }
        try runStandIn(dataclassesModuleSource(), filename: Interpreter.dataclassesModuleFile, in: d)
        opaqueObjects[d] = "dataclasses.__dict__"
    }

    /// Names of the stand-in CPython's module does not have: refused rather than shown.
    static func isDataclassesStandInAttribute(_ attr: String) -> Bool {
        attr == "__dict__" || attr.hasPrefix("_hb_")
    }

    private func defineDataclassesNatives(_ d: ObjectRef) {
        let m = "dataclasses"
        defineFunction(in: d, "_hb_id", module: m) { i, _, args, _ in
            try i.makeInt(BigInt(i.heap.address[Int(args[0])]))
        }
        // _thread.get_ident(): the thread's id, an int (a large one: not a shared small int).
        defineFunction(in: d, "_hb_get_ident", module: m) { i, _, _, _ in
            try i.makeInt(BigInt(139_900_000_000_000))
        }
        defineFunction(in: d, "_hb_unmodelled", module: m) { i, _, args, _ in
            throw i.notModelled(i.stringValue(args[0]))
        }
        defineFunction(in: d, "_hb_field_repr", module: m) { i, _, _, _ in
            throw i.notModelled("repr() of a dataclasses.Field", because: "its text holds the addresses of MISSING and of the types")
        }
        defineFunction(in: d, "_hb_empty_metadata", module: m) { i, _, _, _ in
            let e = try i.newDict()
            i.opaqueObjects[e] = "dataclasses.Field.metadata (a types.MappingProxyType)"
            return e
        }
        defineFunction(in: d, "_hb_builtins_module", module: m) { i, _, _, _ in
            guard let b = try i.dictGet(i.mainDict, i.name("__builtins__")) else { preconditionFailure("no __builtins__") }
            i.heap.incref(b)
            return b
        }
        defineFunction(in: d, "_hb_exec", module: m) { i, _, args, _ in
            // `exec(txt, globals, ns)` of the source `_create_fn` (3.13: `_FuncBuilder`) builds.
            try i.execSource(i.stringValue(args[0]), filename: "<string>", globals: args[1], namespace: args[2],
                             origin: .generated(what: "the methods a dataclass generates"))
            return i.heap.newNone()
        }
        // `f(**d)`: the keyword arguments in the dict's order.
        defineFunction(in: d, "_hb_call_kw", module: m) { i, _, args, _ in
            let kwargs = i.dictStorage(args[1]).items.map { (i.stringValue($0.0), $0.1) }
            return try i.call(args[0], [], kwargs)
        }
        defineFunction(in: d, "_hb_set_qualname", module: m) { i, _, args, _ in
            guard case .function(let fn) = i.heap.payload[Int(args[0])] else { preconditionFailure("not a function") }
            fn.qualname = i.stringValue(args[1])
            i.heap.incref(args[1])
            if let old = fn.qualnameRef { i.heap.decref(old) }
            fn.qualnameRef = args[1]
            return i.heap.newNone()
        }
        // functools.wraps(wrapped)(wrapper): WRAPPER_ASSIGNMENTS, then `__dict__` updated and
        // `__wrapped__` set.
        defineFunction(in: d, "_hb_wraps", module: m) { i, _, args, _ in
            guard case .function(let w) = i.heap.payload[Int(args[0])],
                  case .function(let f) = i.heap.payload[Int(args[1])] else { preconditionFailure("not functions") }
            if let mod = f.module { i.heap.incref(mod); if let old = w.module { i.heap.decref(old) }; w.module = mod }
            w.name = f.name
            let q = try i.functionQualname(f)
            w.qualname = f.qualname
            if let old = w.qualnameRef { i.heap.decref(old) }
            w.qualnameRef = q
            if let doc = f.doc { i.heap.incref(doc) }
            if let old = w.doc { i.heap.decref(old) }
            w.doc = f.doc
            let a = try i.functionAnnotations(f)
            i.heap.incref(a)
            if let old = w.annotations { i.heap.decref(old) }
            w.annotations = a
            if w.dict == nil { w.dict = try i.newDict() }
            try i.dictSet(w.dict!, i.name("__wrapped__"), args[1])
            return i.heap.newNone()
        }
        // `f.default.__class__.__hash__ is None` (3.11+'s mutable-default test).
        defineFunction(in: d, "_hb_class_hash_is_none", module: m) { i, _, args, _ in
            for c in i.heap.typeInfo(of: args[0]).mro {
                let info = i.heap.typeInfo(c)
                if info.isHeapType {
                    if let v = try i.dictGet(info.dict!, i.name("__hash__")) { return i.heap.newBool(v == i.heap.none) }
                    continue
                }
                switch info.kind {
                case .list, .dict, .set: return i.heap.newBool(true)
                case .object, .type, .int, .bool, .float, .str, .bytes, .tuple, .frozenset, .none, .function,
                     .builtinFunction, .range, .notImplemented, .ellipsis, .exception, .instance:
                    return i.heap.newBool(false)
                default:
                    throw i.notModelled("a dataclass field whose default is a '\(info.name)' object",
                                        because: "heapbook does not know whether CPython's type has __hash__ = None")
                }
            }
            return i.heap.newBool(false)
        }
        defineFunction(in: d, "_hb_is_member_descriptor", module: m) { i, _, args, _ in
            i.heap.newBool(i.heap.memberDescr(args[0]) != nil)
        }
        defineFunction(in: d, "_hb_module_globals", module: m) { i, _, args, _ in
            // sys.modules[cls.__module__].__dict__: `__main__` for every class the engine makes.
            i.heap.incref(i.mainDict)
            return i.mainDict
        }
        defineFunction(in: d, "_hb_in_class_dict", module: m) { i, _, args, _ in
            i.heap.newBool(try i.dictGet(i.heap.typeInfo(args[0]).dict!, args[1]) != nil)
        }
        defineFunction(in: d, "_hb_class_dict_get", module: m) { i, _, args, _ in
            let v = try i.dictGet(i.heap.typeInfo(args[0]).dict!, args[1]) ?? args[2]
            i.heap.incref(v)
            return v
        }
        defineFunction(in: d, "_hb_class_annotations", module: m) { i, _, args, _ in
            try i.dataclassAnnotations(args[0])
        }
        defineFunction(in: d, "_hb_class_fields_without_annotation", module: m) { i, _, args, _ in
            let (cls, annotations, fieldType) = (args[0], args[1], args[2])
            var names: [ObjectRef] = []
            for (k, v) in i.dictStorage(i.heap.typeInfo(cls).dict!).items where i.heap.typeOf[Int(v)] == fieldType {
                if try i.dictGet(annotations, k) == nil { i.heap.incref(k); names.append(k) }
            }
            return try i.newList(names, extend: false)
        }
        defineFunction(in: d, "_hb_class_has_doc", module: m) { i, _, args, _ in
            guard let doc = try i.dictGet(i.heap.typeInfo(args[0]).dict!, i.name("__doc__")) else { return i.heap.newBool(false) }
            return i.heap.newBool(try i.isTrue(doc))
        }
        defineFunction(in: d, "_hb_set_doc", module: m) { i, _, args, _ in
            try i.dataclassSetDoc(args[0], withInit: try i.isTrue(args[1]), std: args[2], kwOnly: args[3])
            return i.heap.newNone()
        }
        defineFunction(in: d, "_hb_asdict_atom", module: m) { i, _, args, _ in
            let o = args[0]
            // copy.deepcopy of an atomic value returns it (`_deepcopy_atomic`).
            guard [.int, .bool, .float, .str, .none, .bytes].contains(i.heap.kind(o)), !i.heap.typeInfo(of: o).isHeapType else {
                throw i.notModelled("dataclasses.asdict()/astuple() of a field holding a '\(i.typeName(o))' object",
                                    because: "CPython copies it with copy.deepcopy or rebuilds its container, which heapbook does not model here")
            }
            i.heap.incref(o)
            return o
        }
        defineFunction(in: d, "_hb_begin", module: m) { i, _, args, _ in
            try i.beginDataclass(args[0])
            return i.heap.newNone()
        }
        defineFunction(in: d, "_hb_end", module: m) { i, _, args, _ in
            let c = args[0]
            if i.dataclassClasses[c] == nil {
                i.heap.incref(c)   // the interpreter's reference, for the session
                i.dataclassClasses[c] = i.heap.typeInfo(c).name
            }
            i.heap.incref(c)
            return c
        }
        defineFunction(in: d, "_hb_finish", module: m) { i, _, _, _ in
            i.finishDataclass()
            return i.heap.newNone()
        }
        defineFunction(in: d, "_hb_count_unknown", module: m) { i, _, _, _ in
            i.heap.countMayDiffer(by: i.heap.gc.thresholds[0] + 1)
            return i.heap.newNone()
        }
    }

    /// `@dataclass` starts on `cls`: what CPython's decoration allocates is not the engine's
    /// (inspect.signature, the exec'd code, the compiler), so the collector is held and the
    /// count declared unknown afterwards (`finishDataclass`).
    private func beginDataclass(_ cls: ObjectRef) throws {
        guard heap.kind(cls) == .type, heap.typeInfo(cls).isHeapType, heap.typeInfo(cls).kind == .instance else {
            throw notModelled("@dataclass on something other than a class statement's class")
        }
        // 3.8's stand-in runs into an evaluator fault for some classes (three fields with
        // defaults: an AttributeError inside one of its list comprehensions, not found yet),
        // so the decoration is refused there rather than risk a wrong answer.
        if profile.minor < 11 {
            throw notModelled("@dataclass under CPython \(profile.version)", because: "heapbook's run of its dataclasses.py stand-in is not verified there")
        }
        let info = heap.typeInfo(cls)
        guard info.mro.count == 2 else {
            throw notModelled("@dataclass on a class with a base other than object", because: "inheritance of fields is not modelled")
        }
        if info.slotCount > 0 || !info.hasInstanceDict {
            throw notModelled("@dataclass on a class with __slots__")
        }
        dataclassSaved = (heap.gc.counts, heap.gc.enabled)
        heap.gc.enabled = false
        makingDataclass = true
    }

    private func finishDataclass() {
        makingDataclass = false
        if let (counts, enabled) = dataclassSaved {
            heap.gc.counts = counts
            heap.gc.enabled = enabled
            dataclassSaved = nil
        }
        heap.countMayDiffer(by: heap.gc.thresholds[0] + 1)
    }

    /// `cls.__dict__.get('__annotations__', {})` (3.12+: inspect.get_annotations, the same
    /// dict here), refusing what the engine does not model: annotations that are not classes
    /// (ClassVar, InitVar, typing's aliases, strings: CPython matches them against ClassVar,
    /// InitVar and KW_ONLY).
    private func dataclassAnnotations(_ cls: ObjectRef) throws -> ObjectRef {
        let kwOnly = try modules["dataclasses"].flatMap { m -> ObjectRef? in
            guard case .module(let info) = heap.payload[Int(m)] else { return nil }
            return try dictGet(info.dict, name("KW_ONLY"))
        }
        guard let a = try dictGet(heap.typeInfo(cls).dict!, name("__annotations__")) else {
            return try newDict()
        }
        guard heap.kind(a) == .dict, !heap.typeInfo(of: a).isHeapType else { throw notModelled("@dataclass with __annotations__ that is not a dict") }
        for (k, v) in dictStorage(a).items {
            if v == kwOnly { continue }
            guard heap.kind(v) == .type else {
                throw notModelled("a dataclass field annotated with a '\(typeName(v))' object (\(stringValue(k)))",
                                  because: "heapbook models fields annotated with classes only (not ClassVar, InitVar or strings)")
            }
        }
        heap.incref(a)
        return a
    }

    /// The class docstring `_process_class` sets: `cls.__name__ + str(inspect.signature(cls))`
    /// without ' -> None'. Modelled for the generated `__init__` (each parameter `name: T`,
    /// `= repr(default)` or `= <factory>`, `*` before keyword-only ones; inspect's
    /// formatannotation: a builtin class by its qualname, another by module.qualname) and
    /// for a class with no `__init__` at all (init=False: `()`).
    private func dataclassSetDoc(_ cls: ObjectRef, withInit: Bool, std: ObjectRef, kwOnly: ObjectRef) throws {
        let info = heap.typeInfo(cls)
        var text = info.name
        if withInit {
            var params: [String] = []
            func param(_ f: ObjectRef) throws -> String {
                let fname = stringValue(try getAttrOwned(f, "name"))
                let t = try getAttrOwned(f, "type")
                let ti = heap.typeInfo(t)
                let ann = (ti.module ?? "builtins") == "builtins" ? (nestedClassQualnames[t] ?? ti.name)
                    : "\(ti.module!).\(nestedClassQualnames[t] ?? ti.name)"
                var p = "\(fname): \(ann)"
                let dflt = try getAttrOwned(f, "default")
                if heap.typeInfo(of: dflt).name != "_MISSING_TYPE" {
                    p += " = \(try repr(dflt))"
                } else if heap.typeInfo(of: try getAttrOwned(f, "default_factory")).name != "_MISSING_TYPE" {
                    p += " = <factory>"
                }
                return p
            }
            for f in sequenceItems(std) ?? [] { params.append(try param(f)) }
            let kw = sequenceItems(kwOnly) ?? []
            if !kw.isEmpty {
                params.append("*")
                for f in kw { params.append(try param(f)) }
            }
            // The generated `__init__` only: a class's own `__init__` is kept by dataclass.
            guard let initFn = try dictGet(info.dict!, name("__init__")), case .function(let fn) = heap.payload[Int(initFn)],
                  let code = fn.code as? CodeObject, code.filename == "<string>" else {
                throw notModelled("the docstring @dataclass makes for a class defining its own __init__ (inspect.signature)")
            }
            text += "(" + params.joined(separator: ", ") + ")"
        } else {
            guard try lookupInType(cls, "__init__").map({ heap.kind($0) != .function }) ?? true else {
                throw notModelled("the docstring @dataclass makes for a class defining its own __init__ (inspect.signature)")
            }
            text += "()"
        }
        let s = try newStr(text)
        defer { heap.decref(s) }
        try setAttr(cls, "__doc__", s)
    }

    private func getAttrOwned(_ o: ObjectRef, _ attr: String) throws -> ObjectRef {
        let v = try getAttr(o, attr)
        heap.decref(v)   // still held by the object
        return v
    }

    /// `sys.getrefcount` of what a dataclass holds: the class (CPython's decoration, abc and
    /// inspect keep references the engine does not make), the objects its dict reaches (the
    /// generated functions, their closures, the Field and params objects, the defaults), and
    /// interned strs (the exec'd code's names, interned in CPython's code objects).
    func refuseDataclassRefcount(_ r: ObjectRef) throws {
        guard !dataclassClasses.isEmpty else { return }
        if case .str(let v) = heap.payload[Int(r)], v.isInterned {
            throw notModelled("sys.getrefcount() of an interned str after @dataclass",
                              because: "the code objects of the methods CPython exec'd hold its names")
        }
        var seen: Set<ObjectRef> = []
        var work: [(ObjectRef, Int)] = dataclassClasses.keys.map { ($0, 0) }
        while let (o, depth) = work.popLast() {
            guard seen.insert(o).inserted else { continue }
            if o == r {
                throw notModelled("sys.getrefcount() of a dataclass or of an object its class reaches",
                                  because: "CPython's @dataclass (the exec'd functions, inspect, abc) holds references heapbook does not make")
            }
            guard depth < 6 else { continue }
            var next: [ObjectRef] = []
            switch heap.payload[Int(o)] {
            case .type(let info) where dataclassClasses[o] != nil:
                if let d = info.dict { next.append(d) }
            case .type, .module: continue
            case .function(let fn):
                next += [fn.defaults, fn.kwdefaults, fn.closure, fn.annotations, fn.dict, fn.qualnameRef].compactMap { $0 }
            default:
                if heap.kind(o) == .dict, o == mainDict { continue }
                heap.forEachReferent(o) { next.append($0) }
            }
            for n in next where !seen.contains(n) { work.append((n, depth + 1)) }
        }
    }

    /// An exception leaving one of the stand-in's frames: CPython's traceback would show the
    /// installed dataclasses.py's path and lines, so printing it is refused; catching it is not.
    func dataclassTracebackRefusal(_ entries: [TracebackEntry]) -> UnsupportedAtRuntime? {
        guard let e = entries.first(where: { $0.filename == Interpreter.dataclassesModuleFile }) else { return nil }
        return notModelled("a traceback through Lib/dataclasses.py's \(e.function)()",
                           because: "it names CPython's installed dataclasses.py, which heapbook stands in for")
    }
}
