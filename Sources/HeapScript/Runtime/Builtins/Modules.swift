import HeapEngine

/// The importable modules of the subset: sys, gc and weakref.
extension Interpreter {
    /// What sys.getrefcount (`what` nil) or a read of ob_refcnt (ctypes' `.value`, named by
    /// `what`) refuses: a count of `r` the engine does not hold as CPython does.
    func refuseRefcountObservation(_ r: ObjectRef, _ what: String?) throws {
        do {
            try refuseStartupRefcount(r)
            try refuseMethodDescriptorRefcount(r)
            try refuseNamedtupleClassRefcount(r)
            try refuseDataclassRefcount(r)
            try refusePprintRefcount(r)
            try refuseFutureRefcount(r)
            // A shared object whose start-up count is not CPython's is refused, never shown
            // with the engine's provisional base (StartupRefcounts).
            if heap.hasUnmodelledCount(r) {
                let what = "sys.getrefcount(\(heap.kind(r) == .type ? heap.typeInfo(r).name : (try repr(r))))"
                throw UnsupportedAtRuntime(what: what, fullMessage: "heapbook does not model `\(what)` (\(heap.unmodelledCountReason(r)))")
            }
            try refuseLibraryModuleReferences(r, "sys.getrefcount")
            // 3.13 (gh-113601): the identifiers its parser makes and the names code objects
            // intern are immortal (_PyUnicode_InternImmortal), other interned strs mortal: `p.zq
            // = 1; k = list(vars(p))[0]; sys.getrefcount(k)` is 4294967295 on 3.13.0. The
            // engine interns them mortal: refused for a str spelled as a compiled name.
            if profile.immortalRefcount != nil && !profile.internedStringsImmortal, case .str(let v) = heap.payload[Int(r)],
               v.isInterned, !heap.isImmortal(r), compiledIdentifiers.contains(v.value) {
                throw notModelled("sys.getrefcount(\(try repr(r)))",
                                  because: "CPython \(profile.version) makes the names its parser and code objects intern immortal")
            }
            if peepholeFoldedConstants.contains(r) {
                throw notModelled("sys.getrefcount() of a constant CPython 3.6's peephole optimizer folded",
                                  because: "that constant is held by co_consts only, not by the parser's arena as in the engine")
            }
        } catch let e as UnsupportedAtRuntime {
            // The same reason, named after what read the count.
            guard let what else { throw e }
            throw UnsupportedAtRuntime(what: what, fullMessage: (e.fullMessage ?? "heapbook does not model `\(e.what)`") + ", read by `\(what)`")
        }
    }

    func defineSysModule(_ d: ObjectRef) {
        defineFunction(in: d, "getsizeof", module: "sys") { i, _, args, _ in
            try i.refuseIfOpaque(args[0])
            // CPython's instance has a dict and weakrefs (3.11+: a managed pre-header) the engine's does not.
            if i.ctypesObject(args[0]) != nil {
                throw i.notModelled("sys.getsizeof() of a ctypes object", because: "CPython's has an instance dict and weakrefs "
                                    + "(3.11+: a managed pre-header) that heapbook's does not")
            }
            // From 3.12 CPython's itertools, deque and defaultdict types are heap types (936 bytes on
            // 3.12.1), functools.partial from 3.10; the engine's are static.
            if (i.profile.minor >= 12 && (i.isItertoolsType(args[0]) || i.heap.isCollectionsType(args[0])))
                || (i.profile.minor >= 11 && i.isPartialType(args[0])) {
                throw i.notModelled("sys.getsizeof(\(i.heap.typeInfo(args[0]).name))", because: "CPython \(i.profile.version) makes it a heap type")
            }
            if let t = i.frozenInstanceErrorType, i.heap.typeOf[Int(args[0])] == t {
                throw i.notModelled("sys.getsizeof() of a dataclasses.FrozenInstanceError", because: "CPython's class is a heap type "
                                    + "whose instances have a weakref slot (3.12+: a managed pre-header) that heapbook's stand-in does not")
            }
            try i.checkGeneratorSizeKnown(args[0])
            // sys_getsizeof is METH_VARARGS | METH_KEYWORDS: the call packs its arguments into
            // a tuple. _PySys_GetSizeOf binds `__sizeof__` (a builtin method, off its free list
            // before 3.9), calls it (an int), releases both, and makes the result (another
            // int). So `_ = gc.collect(); r = sys.getsizeof(1); gc.get_count()` counts one
            // object on 3.11.7 (the tuple, kept by the free list) and two on 3.8.18.
            let o = args[0]
            args.forEach(i.heap.incref)
            let packed = try i.newTuple(args)
            defer { i.heap.decref(packed) }
            if let f = try i.lookupSpecial(o, "__sizeof__") {
                return try i.userSizeof(o, f, hasDefault: args.count > 1)
            }
            i.heap.incref(o)
            let method = try i.newBuiltinObject(BuiltinInfo(id: i.objectSizeof, selfRef: o))
            let size = i.sizeof(o)
            let raw: ObjectRef
            do { raw = try i.newInt(size - i.heap.typeInfo(of: o).preHeaderSize) } catch { i.heap.decref(method); throw error }
            i.heap.decref(method)
            i.heap.decref(raw)
            return try i.newInt(size)
        }
        defineFunction(in: d, "getrefcount", module: "sys") { i, _, args, _ in
            try i.refuseRefcountObservation(args[0], nil)
            return try i.newInt(i.heap.refcnt[Int(args[0])])
        }
        defineFunction(in: d, "intern", module: "sys") { i, _, args, _ in
            guard i.isExactStr(args[0]) else {
                throw i.error("TypeError", "intern() argument must be str, not \(i.typeName(args[0]))")
            }
            i.heap.incref(args[0])
            return i.heap.intern(args[0])
        }
        defineFunction(in: d, "exc_info", module: "sys") { i, _, _, _ in
            // sys_exc_info_impl: (type, value, traceback) of the exception being handled.
            guard let exc = i.handledException else {
                return try i.newTuple([i.heap.newNone(), i.heap.newNone(), i.heap.newNone()])
            }
            let tb = try i.tracebackObject(of: exc)
            let type = i.heap.typeOf[Int(exc)]
            [type, exc, tb].forEach(i.heap.incref)
            return try i.newTuple([type, exc, tb])
        }
        defineFunction(in: d, "getrecursionlimit", module: "sys") { i, _, _, _ in try i.newInt(i.recursionLimit) }
        defineFunction(in: d, "_debugmallocstats", module: "sys") { i, _, _, _ in
            // Blocks CPython allocated and the engine did not (or of another size class).
            if let why = i.unknownBlockSizes { throw i.notModelled("sys._debugmallocstats()", because: why) }
            // CPython writes these statistics to stderr.
            i.stderr += i.heap.allocator.debugMallocStats(extraLines: i.heap.freeListStatsLines())
            return i.heap.newNone()
        }
        // The constants, version_info and the structseqs (SysModule.swift, StructSeq.swift).
        defineSysConstants(d)
        // sys.version is not in the dict (refused: it names CPython's build). A tracked
        // object of generation 0 at CPython's first prompt, which the phantom start-up counts
        // leave to the engine, is still stood for by this tuple, alive for the session and
        // reachable from nowhere (it stood for version_info, which is not tracked:
        // `gc.is_tracked(sys.version_info)` is False on 3.6.15-3.13.0).
        _ = try! newTuple([try! newInt(profile.major), try! newInt(profile.minor)])
    }

    func defineWeakrefModule(_ d: ObjectRef) {
        try! dictSet(d, name("ref"), heap.builtinType(.weakref))
        defineFunction(in: d, "getweakrefcount", module: "_weakref") { i, _, args, _ in
            try i.newInt(i.heap.weakrefs(to: args[0]).count)
        }
        defineWeakProxyFunctions(d)
    }

    /// sys.displayhook (Python/sysmodule.c sys_displayhook): `_` is set to None first, then
    /// the repr is written, then a newline, then `_` is bound to the value.
    func displayhook(_ v: ObjectRef) throws {
        if profile.displayhookRaisesAttributeError { try raiseAndClearSpecInitializing() }
        if v == heap.none { return }
        let underscore = name("_")
        try dictSet(builtinsDict, underscore, heap.none)
        try fileWrite { try $0.repr(v) }
        try fileWrite { _ in "\n" }
        try dictSet(builtinsDict, underscore, v)
    }

    /// 3.11's PyImport_GetModule('builtins') → import_ensure_initialized →
    /// _PyModuleSpec_IsInitializing: `PyObject_GetAttr(spec, '_initializing')` fails on the
    /// builtins module's ModuleSpec; set_attribute_error_context normalizes the error (the
    /// message str, its args 1-tuple, the instance) and PyErr_Clear frees it all
    /// (`Profile.displayhookRaisesAttributeError`).
    private func raiseAndClearSpecInitializing() throws {
        let message = try newStr("'ModuleSpec' object has no attribute '_initializing'")
        heap.decref(try instantiateException("AttributeError", args: [message]))
    }

    /// PyFile_WriteObject(v, sys.stdout): `write` is looked up before v's str or repr is made
    /// and released after the write, a new bound builtin method each time (off the free list
    /// before 3.9): a GC object while it lives, so `print(x)` or a displayed value in a loop
    /// starts a collection at threshold 700 one iteration earlier than a silent statement
    /// (3.11.7). On 3.12+, where the collection waits for the eval breaker, CPython's count
    /// there is higher than the engine's by something not modelled yet (`Heap.peakMayExceed`).
    func fileWrite(_ text: (Interpreter) throws -> String) throws {
        let writer = try newBuiltinObject(BuiltinInfo(id: textIOWrapperWrite, selfRef: nil))
        defer { heap.decref(writer) }
        // The str written, the encoder's bytes and TextIOWrapper's pending buffer are blocks
        // the engine does not make (and how long they live depends on the real stdout's buffering).
        heap.tracemalloc.noteUnknown("stdout was written to (the text, its encoding and io's buffers are not modelled block for block)")
        if profile.gcCollectsOnEvalBreaker { heap.peakMayExceed(by: 1) }
        let s = try text(self)
        // 3.6's PyFile_WriteObject calls write through PyTuple_Pack(1, value): a 1-tuple, a
        // GC object counted in generation 0 when it does not come off the free list (which a
        // full collection empties). 3.6's TextIOWrapper.write also keeps the pending bytes in
        // a list until it flushes (when, depends on the buffering of the real stdout), which
        // is not modelled: `gc.collect(); 5; gc.get_count()` counts 3 on 3.6.15 (the method,
        // the tuple, the list), 1 on 3.8.18.
        if profile.fileWritePacksArguments {
            heap.incref(heap.none)
            heap.decref(try newTuple([heap.none]))
            heap.countMayDiffer(by: 1)
        }
        write(s)
    }

    /// _PySys_GetSizeOf for an instance whose class (or a base class) defines `__sizeof__`
    /// (the plain function `f`): _PyObject_LookupSpecial binds it (PyMethod_New, on every
    /// version), the call's result goes through PyLong_AsSsize_t, is released, and then
    /// checked; the pre-header (the GC header, and 3.11+'s managed dict pointers) is added
    /// as for any object (`preHeaderSize`: `__sizeof__` returning 100 gives 132 on 3.6.15
    /// for a class with a dict, 100 for `__slots__ = ()`; 116 on 3.8.18; 132 and 116 on
    /// 3.11.7-3.13.0). Errors (3.6.15-3.13.0, all alike): "an integer is required" (a
    /// non-int result, float included), "Python int too large to convert to C ssize_t",
    /// "__sizeof__() should return >= 0". getsizeof's `default` replaces a TypeError; the
    /// exception CPython clears then (unnormalized before 3.12) is not modelled: refused.
    func userSizeof(_ o: ObjectRef, _ f: ObjectRef, hasDefault: Bool) throws -> ObjectRef {
        let method: ObjectRef
        do { method = try heap.newMethod(function: f, selfRef: o) } catch { throw memoryError() }
        let res: ObjectRef
        // method_vectorcall prepends the method's self, borrowed: only the frame's own
        // reference is added while it runs. callFunction consumes the function and the
        // argument; before 3.11 (callerStackKeepsArguments) it takes the frame's reference
        // itself and drops the given one on return, so self is lent there and restored.
        let lends = profile.callerStackKeepsArguments
        heap.incref(f)
        if !lends { heap.incref(o) }
        defer { if lends { heap.incref(o) } }
        do { res = try callFunction(f, [o], []) } catch {
            heap.decref(method)
            if hasDefault, let e = error as? PyException, exceptionMatches(e, "TypeError") {
                throw notModelled("sys.getsizeof(obj, default)", because: "clearing the TypeError `__sizeof__` raised is not modelled")
            }
            throw error
        }
        heap.decref(method)
        let size: Int
        switch heap.payload[Int(res)] {
        case .int(let v) where heap.kind(res) == .int || heap.kind(res) == .bool:
            size = v
            heap.decref(res)
        case .bigInt where heap.kind(res) == .int:
            let e = error("OverflowError", "Python int too large to convert to C ssize_t")
            heap.decref(res)
            throw e
        default:
            if hasDefault {
                heap.decref(res)
                throw notModelled("sys.getsizeof(obj, default)", because: "clearing the TypeError for a non-int `__sizeof__` result is not modelled")
            }
            let e = error("TypeError", "an integer is required")
            heap.decref(res)
            throw e
        }
        guard size >= 0 else { throw error("ValueError", "__sizeof__() should return >= 0") }
        let (total, overflow) = size.addingReportingOverflow(heap.typeInfo(of: o).preHeaderSize)
        guard !overflow else { throw notModelled("sys.getsizeof()", because: "a size beyond the engine's int range is not modelled") }
        return try newInt(total)
    }

    /// sys.getsizeof: the type's __sizeof__ plus the GC header for GC objects.
    func sizeof(_ r: ObjectRef) -> Int {
        let info = heap.typeInfo(of: r)
        let l = layouts
        switch heap.payload[Int(r)] {
        case .int(let v): return IntLayout.sizeof(v, profile: profile)
        case .bigInt(let v): return IntLayout.sizeof(v, profile: profile)
        case .float: return l.floatSizeOf(profile: profile)
        case .str(let s):
            // 3.12+: the static non-ASCII latin-1 singletons also hold their UTF-8 form.
            if l.latin1SingletonsCacheUTF8, heap.isStatic(r), s.value.unicodeScalars.count == 1,
               let c = s.value.unicodeScalars.first, c.value >= 0x80, c.value < 0x100 {
                return StrLayout.sizeof(s.value, profile: profile) + 3
            }
            return StrLayout.sizeof(s.value, profile: profile)
        case .bytes(let b): return l.bytesSizeOf(count: b.count, profile: profile)
        case .tuple(let t) where info.kind == .tuple: return l.tupleSizeOf(count: t.count, profile: profile) + builtinSubclassSizeDelta(r)
        case .list(let st): return st.sizeof(profile: profile) + builtinSubclassSizeDelta(r)
        case .dict(let stObject): let st = stObject.storage
            if let shared = splitKeys(of: r) { return shared.keys.splitDictSizeOf(profile: profile) }
            if let owner = splitOwner(of: r), let keys = heap.typeInfo(owner).sharedKeys {
                return keys.splitDictSizeOf(profile: profile)
            }
            // odict_sizeof adds od_fast_nodes and the nodes (OrderedDictObject.swift).
            return st.sizeof(profile: profile) + builtinSubclassSizeDelta(r) + heap.odictExtraSize(r)
        case .set(let stObject): let st = stObject.storage; return st.sizeof(profile: profile)
        case .native(let o) where o is GenObject:
            return (o as! GenObject).size ?? 0   // nil: refused by getsizeof
        case .native(let o) where o is DequeObject:
            return (o as! DequeObject).sizeof(basicSize: info.basicSize) + info.preHeaderSize
        case .native(let o as ByteArrayObject):
            return o.sizeof(basicSize: info.basicSize) + info.preHeaderSize
        case .native(let o as ArrayObject):
            return o.sizeof(basicSize: info.basicSize) + info.preHeaderSize
        // memory_alloc(ndim): basicsize + 3 * ndim items of 8 bytes (object.__sizeof__).
        case .native(let o) where o is MemoryViewObject:
            return info.basicSize + Heap.memoryViewItemBytes + info.preHeaderSize
        case .type(let t):
            if t.isHeapType {
                let keys = profile.instanceDictSlot ? classKeys[r]?.keys : t.sharedKeys
                return l.heapTypeSizeOf(sharedKeys: keys, profile: profile)
            }
            return l.staticTypeSizeOf
        default:
            return info.basicSize + info.preHeaderSize
        }
    }
}
