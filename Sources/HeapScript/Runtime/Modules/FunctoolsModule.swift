import HeapEngine

// Lib/functools.py and Modules/_functoolsmodule.c: `import functools` and functools.reduce
// (the C version, _functools.reduce, which Lib/functools.py re-exports).
//
// The engine's `functools` module holds `reduce` and `partial` (PartialObject.swift). Every
// other name of CPython's module (partialmethod, lru_cache, wraps, cached_property, total_ordering, cmp_to_key,
// singledispatch...) is refused by the recorded surface (`lookupAttr` on a module: present in
// CPython's module, absent here).
extension Interpreter {
    /// Whether CPython's start-up has already imported `functools` (sys.modules), measured
    /// with `'functools' in sys.modules` as the first line: False on 3.6.15 and 3.8.18 at the
    /// prompt and in a script; True on 3.11.7 in both (site imports it); True on 3.12.1 and
    /// 3.13.0 at the prompt (`python3 -q -i`), False in a script.
    var functoolsPreloaded: Bool {
        profile.minor == 11 || (profile.minor >= 12 && !scriptStartup)
    }

    /// The first `import functools`: the module dict gets `reduce`, then what CPython's
    /// import did that the engine does not model is declared (`noteFunctoolsImport`).
    func importFunctoolsModule(_ d: ObjectRef) throws {
        defineFunction(in: d, "reduce", module: "functools") { i, _, args, _ in
            try i.functoolsReduce(args)
        }
        try dictSet(d, name("partial"), makePartialType())   // PartialObject.swift
        // `vars(functools)` and the like would show a dict of two names.
        opaqueObjects[d] = "functools.__dict__"
        noteFunctoolsImport()
    }

    /// What CPython's first `import functools` does that the engine does not model one for
    /// one, where start-up has not imported it: it runs Lib/functools.py (and abc,
    /// collections, reprlib, keyword, operator, heapq, types, weakref...): hundreds of GC
    /// allocations, automatic collections, blocks, code constants.
    /// `gc.disable(); gc.collect(); import functools; gc.collect()` finds 104 objects on
    /// 3.6.15 and 97 on 3.8.18 (prompt and script), 107 on 3.12.1 and 3.13.0 in a script:
    /// garbage. Where start-up has imported it (see `functoolsPreloaded`), the import only
    /// reads sys.modules (the same collection finds 0 at 3.11.7's prompt and in its script,
    /// and at the 3.12.1 and 3.13.0 prompts): nothing is declared.
    private func noteFunctoolsImport() {
        noteUnmodelledImport("functools", blocks: "Lib/functools' code, collections, reprlib, keyword, operator, heapq, types",
                             objects: "its classes, functions, code objects", leavesGarbage: true)
    }

    /// bpo-42536: PyObject_Call may let a collection untrack reduce's reused argument tuple
    /// (all its items atomic); from 3.8.8 (and 3.9.1) functools_reduce tracks it again after
    /// each call, 3.6.15 does not (measured: gc.get_referrers of the second argument finds
    /// the tuple on the call after a gc.collect() inside the function on 3.8.18-3.13.0, not
    /// on 3.6.15).
    private var reduceRetracksArgs: Bool { profile.minor >= 8 }

    /// functools_reduce (Modules/_functoolsmodule.c, METH_VARARGS; PyArg_UnpackTuple
    /// "reduce", 2, 3 in ArgumentClinic): the initial value is taken first, then
    /// PyObject_GetIter (a TypeError becomes "reduce() arg 2 must support iteration"), then
    /// one 2-tuple (PyTuple_New(2), GC-tracked, off the free list) reused for every call while
    /// its refcount is 1 (else released and made again): its items are replaced in place
    /// (the old result and the old item released) and the function called with it through
    /// PyObject_Call (the callee's frame takes references of its own). After the loop the
    /// tuple is released (with the last pair), then the iterator.
    func functoolsReduce(_ argv: [ObjectRef]) throws -> ObjectRef {
        let fn = argv[0], seq = argv[1]
        var result: ObjectRef? = argv.count > 2 ? argv[2] : nil
        if let r = result { heap.incref(r) }
        let it: ObjectRef
        do { it = try getIter(seq) } catch let e as PyException {
            if let r = result { heap.decref(r) }
            guard exceptionMatches(e, "TypeError") else { throw e }
            releaseException(e)
            throw error("TypeError", "reduce() arg 2 must support iteration")
        } catch {
            if let r = result { heap.decref(r) }
            throw error
        }
        var args: ObjectRef
        do { args = try noneTuple(2) } catch {
            if let r = result { heap.decref(r) }
            heap.decref(it)
            throw error
        }
        do {
            while true {
                if heap.refcnt[Int(args)] > 1 {
                    heap.decref(args)
                    args = heap.none
                    args = try noneTuple(2)
                }
                guard let op2 = try next(it) else { break }
                guard let r = result else { result = op2; continue }
                result = nil
                try setTupleItem(args, 0, r)
                try setTupleItem(args, 1, op2)
                guard case .tuple(let pair) = heap.payload[Int(args)] else { preconditionFailure("reduce's tuple") }
                result = try reduceCallFromC(fn, pair)
                if reduceRetracksArgs, !heap.isTracked(args) { heap.gc.track(args) }
            }
        } catch {
            if args != heap.none { heap.decref(args) }
            if let r = result { heap.decref(r) }
            heap.decref(it)
            throw error
        }
        heap.decref(args)
        guard let r = result else {
            // PyErr_SetString before the iterator is released.
            let e = error("TypeError", profile.minor < 11 ? "reduce() of empty sequence with no initial value"
                                                          : "reduce() of empty iterable with no initial value")
            heap.decref(it)
            throw e
        }
        heap.decref(it)
        return r
    }

    /// PyObject_Call(func, args, NULL) with a tuple the caller keeps: a Python function's
    /// frame takes references of its own (3.6's function_call and 3.8+'s vectorcall copy the
    /// tuple's items, which the tuple keeps meanwhile); anything else callable is refused (its call protocol from C — tp_call
    /// with the tuple itself, a builtin's METH_FASTCALL view of it — is not modelled).
    private func reduceCallFromC(_ fn: ObjectRef, _ items: [ObjectRef]) throws -> ObjectRef {
        guard case .function = heap.payload[Int(fn)] else {
            throw notModelled("functools.reduce() of a '\(typeName(fn))' object",
                              because: "only Python functions are called from C with reduce's argument tuple here")
        }
        heap.incref(fn)
        items.forEach(heap.incref)   // the frame's own references, consumed by it
        return try callFunction(fn, items, [], vectorcall: true)
    }
}

extension Interpreter {
    /// `sys.getrefcount` / `gc.get_referrers` of a library module the engine imports
    /// (collections, copy, functools) or of functools.reduce: CPython's other modules (what
    /// Lib/functools.py and site import, _functools' own module dict) hold references the
    /// engine does not make. Measured `sys.getrefcount(functools)` at the prompt: 4, 3, 17,
    /// 7, 8 on 3.6.15, 3.8.18, 3.11.7, 3.12.1, 3.13.0; `collections` 4, 3, 9, 6, 8; `copy`
    /// 3 (3.6.15, 3.11.7), 4 (3.13.0); `reduce` after `from functools import reduce` 5 on
    /// 3.6.15-3.12.1, 4 on 3.13.0. The engine's own count (sys.modules, the name, the
    /// argument) is 3 for each: refused.
    func refuseLibraryModuleReferences(_ r: ObjectRef, _ what: String) throws {
        for m in ["collections", "copy", "functools"] {
            guard let module = modules[m] else { continue }
            if r == module {
                throw notModelled("\(what)(\(m))", because: "CPython \(profile.version)'s other modules hold references to it "
                                  + "that heapbook does not make")
            }
            if m == "functools", case .module(let info) = heap.payload[Int(module)],
               let reduce = try dictGet(info.dict, name("reduce")), r == reduce {
                throw notModelled("\(what)(functools.reduce)", because: "CPython \(profile.version)'s _functools module "
                                  + "holds references to it that heapbook does not make")
            }
        }
    }
}
