import HeapEngine

// Modules/_functoolsmodule.c (v3.6.15, v3.8.18, v3.11.7, v3.12.1, v3.13.0): the C type
// `functools._lru_cache_wrapper` (lru_cache_new, lru_cache_call with the three wrappers
// infinite_lru_cache_wrapper / bounded_lru_cache_wrapper / uncached_lru_cache_wrapper,
// lru_cache_make_key, the `_lru_list_elem` links, cache_info, cache_clear, tp_traverse,
// tp_clear, lru_cache_dealloc), and Lib/functools.py's `lru_cache`, `cache` (3.9+),
// `update_wrapper` and `_CacheInfo`, run as a stand-in (`functoolsLruCacheSource`) with the
// engine's own compiler, so that decorating makes what CPython's bytecode makes (the
// closure, its cells, the `cache_parameters` lambda from 3.9, the wrapper's `__dict__`,
// the `{}` default of `getattr(wrapped, '__dict__', {})`).
//
// The wrapper (lru_cache_object): func, cache (a dict), the root of a doubly linked list of
// links (oldest first here: `links`), hits, misses, maxsize (-1: unbounded), the instance
// dict, cache_info_type; 3.6 also maxsize_O, 3.11+ kwd_mark and lru_list_elem_type (module
// state objects the engine does not hold). `sys.getsizeof` measured 176 (3.6.15), 144
// (3.8.18), 168 (3.11.7-3.13.0): basicsize 144, 128, 152 plus the GC header.
//
// A link (lru_list_elem: PyObject_HEAD, prev, next, hash, key, result: 56 bytes) is a
// GC-tracked object on 3.6 (PyObject_GC_New, traversed by the wrapper as an object) and a
// plain object from 3.7 (bpo-32422: the wrapper's traverse visits each link's key and
// result). The list holds one reference to each link and the cache dict another; so
// `cache_clear()` and the wrapper's deallocation release the dict first (the keys, and for
// the unbounded cache the results) and the links last (their keys and results): measured
// with weakref callbacks on the results and the function on all five versions.
//
// The key (lru_cache_make_key, no keywords, not typed): the call's argument tuple itself;
// from 3.7 a single argument of exact type int or str is the key alone (measured:
// gc.get_referrers of a cached str argument finds a tuple on 3.6.15, not on 3.8.18+).
//
// Refused: keyword arguments in a call (the kwd_mark key layout), `typed=True`, arguments
// whose hash or equality could run Python code (only None, bool, int, float, str, bytes and
// tuples of them are accepted: the engine's dict hashes a key once per operation, CPython
// once per call), the wrapper used as a method (lru_cache_descr_get's bound method), weak
// references to it, `gc.get_referents` / `gc.get_referrers` on it (it visits module-state
// objects the engine does not hold), pickling/copying methods, a key added to the cache
// again during the user function's own call (3.6's orphaned link), deeper than 100 nested
// cached calls (the C recursion accounting of tp_call is not modelled), and, on 3.6/3.8,
// calling `lru_cache` with the function itself where CPython raises (3.6) — an exception
// leaving the stand-in's frames is refused like any stand-in's.

/// One `_lru_list_elem`: owns key and result while alive.
final class LruListElem: NativeReferents {
    var key: ObjectRef?
    var result: ObjectRef?
    init(key: ObjectRef, result: ObjectRef) { self.key = key; self.result = result }

    func forEachReferent(_ body: (ObjectRef) -> Void) {
        for case let r? in [key, result] { body(r) }
    }

    /// lru_list_elem_dealloc: key, then result.
    func releaseReferences(in heap: Heap) {
        let refs = [key, result]
        key = nil; result = nil
        for case let r? in refs { heap.decref(r) }
    }
}

/// lru_cache_object. Invariant while alive (until tp_clear): func, cache, cacheInfoType are
/// owned; dict is owned when present; each of `links` is owned by the list (one reference)
/// and by the cache dict (another, as the dict's value) for the bounded wrapper.
final class LruCacheObject: NativeReferents, NativeClearable {
    enum Wrapper { case infinite, bounded, uncached }
    let wrapper: Wrapper
    let maxsize: Int
    /// 3.6's maxsize_O (the maxsize argument, owned); nil from 3.7.
    var maxsizeO: ObjectRef?
    var fn: ObjectRef?
    var cache: ObjectRef?
    var cacheInfoType: ObjectRef?
    var dict: ObjectRef?
    var hits = 0, misses = 0
    /// The links from the root's next (oldest) to its prev (newest).
    var links: [ObjectRef] = []
    /// The link objects' states, by link.
    var linkStates: [ObjectRef: LruListElem] = [:]
    /// 3.11+: the type visited first (a heap type).
    let visitedType: ObjectRef?
    /// 3.6: links are GC objects, visited as objects.
    let linksAreGC: Bool

    init(wrapper: Wrapper, maxsize: Int, maxsizeO: ObjectRef?, fn: ObjectRef, cache: ObjectRef, cacheInfoType: ObjectRef,
         visitedType: ObjectRef?, linksAreGC: Bool) {
        self.wrapper = wrapper; self.maxsize = maxsize; self.maxsizeO = maxsizeO
        self.fn = fn; self.cache = cache; self.cacheInfoType = cacheInfoType
        self.visitedType = visitedType; self.linksAreGC = linksAreGC
    }

    /// lru_cache_tp_traverse: 3.6 the links, maxsize_O, func, cache, cache_info_type, dict;
    /// 3.8 each link's key and result, cache, func, cache_info_type, dict; 3.11+ the type
    /// first (kwd_mark and lru_list_elem_type, not held here, are why gc.get_referents is refused).
    func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let t = visitedType { body(t) }
        for l in links {
            if linksAreGC { body(l) } else if let st = linkStates[l] { st.forEachReferent(body) }
        }
        if linksAreGC {
            for case let r? in [maxsizeO, fn, cache, cacheInfoType, dict] { body(r) }
        } else {
            for case let r? in [cache, fn, cacheInfoType, dict] { body(r) }
        }
    }

    /// lru_cache_dealloc and tp_clear: the list unlinked, then cache, func, cache_info_type,
    /// dict (3.6 maxsize_O with them), then the links, oldest first.
    func releaseReferences(in heap: Heap) {
        let list = links
        links = []; linkStates = [:]
        let refs = [cache, fn, maxsizeO, cacheInfoType, dict]
        cache = nil; fn = nil; maxsizeO = nil; cacheInfoType = nil; dict = nil
        for case let r? in refs { heap.decref(r) }
        list.forEach(heap.decref)
    }

    func clearReferences(in heap: Heap) { releaseReferences(in: heap) }
}

extension Interpreter {
    /// The file name the stand-in's code carries.
    static let functoolsModuleFile = "<heapbook: Lib/functools.py>"

    /// tp_basicsize of the wrapper (`functools._lru_cache_wrapper.__basicsize__`): 144 on
    /// 3.6.15, 128 on 3.8.18, 152 on 3.11.7-3.13.0.
    private var lruCacheBasicSize: Int { profile.minor >= 11 ? 152 : profile.minor >= 8 ? 128 : 144 }

    func lruCacheObject(_ r: ObjectRef) -> LruCacheObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? LruCacheObject }
        return nil
    }

    func isLruCacheType(_ r: ObjectRef) -> Bool {
        if case .type(let info) = heap.payload[Int(r)] { return info.kind == .lruCache || info.kind == .lruListElem }
        return false
    }

    /// Lib/functools.py's part, per version: WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES,
    /// update_wrapper, lru_cache, cache (3.9+), with CPython's bodies (docstrings left out).
    /// `cache(user_function, /)`'s parameter is a plain one (the engine's parser has no
    /// positional-only parameters): a call with a keyword is refused before binding
    /// (`Interpreter.callFunction`).
    private func functoolsLruCacheSource() -> String {
        let v = profile.minor
        var s = v >= 12
            ? """
              WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                                     '__annotations__', '__type_params__')
              """
            : """
              WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                                     '__annotations__')
              """
        s += """

            WRAPPER_UPDATES = ('__dict__',)
            def update_wrapper(wrapper,
                               wrapped,
                               assigned = WRAPPER_ASSIGNMENTS,
                               updated = WRAPPER_UPDATES):
                for attr in assigned:
                    try:
                        value = getattr(wrapped, attr)
                    except AttributeError:
                        pass
                    else:
                        setattr(wrapper, attr, value)
                for attr in updated:
                    getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
                wrapper.__wrapped__ = wrapped
                return wrapper


            """
        if v < 8 {
            s += """
                def lru_cache(maxsize=128, typed=False):
                    if maxsize is not None and not isinstance(maxsize, int):
                        raise TypeError('Expected maxsize to be an integer or None')

                    def decorating_function(user_function):
                        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
                        return update_wrapper(wrapper, user_function)

                    return decorating_function

                """
        } else {
            let params = v >= 9 ? "        wrapper.cache_parameters = lambda : {'maxsize': maxsize, 'typed': typed}\n" : ""
            s += """
                def lru_cache(maxsize=128, typed=False):
                    if isinstance(maxsize, int):
                        if maxsize < 0:
                            maxsize = 0
                    elif callable(maxsize) and isinstance(typed, bool):
                        user_function, maxsize = maxsize, 128
                        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
                \(params)        return update_wrapper(wrapper, user_function)
                    elif maxsize is not None:
                        raise TypeError(
                            'Expected first argument to be an integer, a callable, or None')

                    def decorating_function(user_function):
                        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
                \(params)        return update_wrapper(wrapper, user_function)

                    return decorating_function

                """
        }
        if v >= 9 {
            s += """

                def cache(user_function):
                    return lru_cache(maxsize=None)(user_function)

                """
        }
        return s
    }

    /// The names of functools' module made by `defineFunctoolsLruCache` (`cache` from 3.9;
    /// `__builtins__`, which the stand-in's code runs with).
    var functoolsLruCacheNames: [String] {
        ["WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "update_wrapper", "lru_cache", "_CacheInfo", "_lru_cache_wrapper", "__builtins__"]
            + (profile.minor >= 9 ? ["cache"] : [])
    }

    /// At the first lookup of one of those names: CPython made them at `import functools`
    /// (3.6, 3.8: an import the engine already declares unmodelled) or at start-up (3.11+,
    /// functools preloaded), so what the engine makes now neither counts in generation 0 nor
    /// adds uncertainty of its own (namedtuple's, for `_CacheInfo`), and the free lists are
    /// left as they were; but its blocks, its collector objects and the references its code
    /// constants hold on shared objects are not where CPython's are: declared, as for
    /// `collections.namedtuple` (WeakrefFinalize.swift's makeLibClass).
    func defineFunctoolsLruCacheLazily(_ d: ObjectRef) throws {
        let savedCounts = heap.gc.counts, savedEnabled = heap.gc.enabled
        let savedFreeLists = heap.freeListLengths()
        heap.gc.enabled = false
        defer {
            heap.trimFreeLists(to: savedFreeLists)
            heap.gc.counts = savedCounts
            heap.gc.enabled = savedEnabled
        }
        try heap.withCountCertaintyKept { try defineFunctoolsLruCache(d) }
        let v = profile.version
        unknownBlockSizes = unknownBlockSizes ?? "CPython \(v) made functools.lru_cache's functions, code and types (blocks) "
            + "when it loaded functools; heapbook makes them at the first lookup of `functools.lru_cache`"
        unmodelledCollectorObjects = unmodelledCollectorObjects ?? "functools.lru_cache's functions, code and CacheInfo class, "
            + "which CPython \(v) made when it loaded functools"
        heap.markSharedCountsUnmodelled()
    }

    /// Part of functools (`defineFunctoolsLruCacheLazily`): the types, `_CacheInfo`
    /// (a namedtuple made by the engine's namedtuple, its `__module__` functools as
    /// CPython's `sys._getframe(1)` gives it), `_lru_cache_wrapper`, then the stand-in.
    func defineFunctoolsLruCache(_ d: ObjectRef) throws {
        let wrapperType = heap.newStaticType(name: "functools._lru_cache_wrapper", kind: .lruCache, base: heap.builtinType(.object),
                                             basicSize: lruCacheBasicSize, isGC: true)
        heap.markModuleTypeCountUnmodelled(wrapperType)
        let elemType = heap.newStaticType(name: "functools._lru_list_elem", kind: .lruListElem, base: heap.builtinType(.object),
                                          basicSize: 56, isGC: profile.minor < 7)
        heap.markModuleTypeCountUnmodelled(elemType)
        lruTypes = (wrapperType, elemType)
        try dictSet(d, name("_lru_cache_wrapper"), wrapperType)
        defineLruCacheMethods()
        let nt = try collectionsNamedtuple()
        let fields = try newList([try newStr("hits"), try newStr("misses"), try newStr("maxsize"), try newStr("currsize")], extend: false)
        let cls = try call(nt, [try newStr("CacheInfo"), fields], [])
        defer { heap.decref(cls) }
        if let td = heap.typeInfo(cls).dict { try dictSet(td, name("__module__"), try newStr("functools")) }
        heap.typeInfo(cls).module = "functools"
        try dictSet(d, name("_CacheInfo"), cls)
        if try dictGet(d, name("__builtins__")) == nil { try dictSet(d, name("__builtins__"), builtinsDict) }
        try runStandIn(functoolsLruCacheSource(), filename: Interpreter.functoolsModuleFile, in: d)
    }

    private func defineLruCacheMethods() {
        guard methodTable[.lruCache] == nil else { return }
        defineMethod(.lruCache, "cache_info") { i, s, _, _ in try i.lruCacheInfo(s!) }
        defineMethod(.lruCache, "cache_clear") { i, s, _, _ in
            i.lruCacheClear(i.lruCacheObject(s!)!)
            return i.heap.newNone()
        }
    }

    // MARK: - lru_cache_new

    /// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)` from the stand-in:
    /// "the first argument must be callable"; maxsize None (infinite), an int (0: uncached,
    /// negative clamped to 0 by lru_cache already, else bounded); then PyDict_New, then the
    /// object (tracked).
    func callLruCacheType(_ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard kwargs.isEmpty, args.count == 4 else { throw notModelled("functools._lru_cache_wrapper() called this way") }
        let (fn, maxsizeRef, typed, infoType) = (args[0], args[1], args[2], args[3])
        guard typed == heap.falseRef else { throw notModelled("functools.lru_cache(typed=...) other than False") }
        guard case .function = heap.payload[Int(fn)] else {
            throw notModelled("functools.lru_cache of a '\(typeName(fn))' object",
                              because: "only Python functions are called from the wrapper here")
        }
        let wrapper: LruCacheObject.Wrapper
        var maxsize = -1
        if maxsizeRef == heap.none {
            wrapper = .infinite
        } else if heap.typeOf[Int(maxsizeRef)] == heap.builtinType(.int), case .int(let n) = heap.payload[Int(maxsizeRef)] {
            // 3.6's lru_cache_new keeps a negative maxsize (a bounded cache that is full after
            // one entry; cache_info shows it: measured on 3.6.15); 3.8+'s lru_cache clamps it.
            if n < 0, profile.minor < 7 { throw notModelled("functools.lru_cache with a negative maxsize on CPython 3.6") }
            maxsize = max(n, 0)
            wrapper = maxsize == 0 ? .uncached : .bounded
        } else {
            throw notModelled("functools.lru_cache with this maxsize")
        }
        // type_call through _PyObject_MakeTpCall (3.6: _PyObject_FastCallDict): the argument
        // tuple, released after lru_cache_new (its free list decides the count).
        args.forEach(heap.incref)
        let argTuple = try newTuple(args)
        defer { heap.decref(argTuple) }
        // Measured equal to CPython's count on 3.11.7 and 3.12.1 (`gc.collect(); w =
        // functools._lru_cache_wrapper(f, None, False, ci); gc.get_count()`: (4, 0, 0),
        // (3, 0, 0)); 3.6, 3.8 and 3.13 could not be compared (their `import functools` or
        // its collection timing is already refused): declared uncertain by two there.
        if profile.minor != 11 && profile.minor != 12 { heap.countMayDiffer(by: 2) }
        let cache = try newDict()
        heap.incref(fn); heap.incref(infoType)
        var maxsizeO: ObjectRef?
        if profile.minor < 7 { heap.incref(maxsizeRef); maxsizeO = maxsizeRef }
        let st = LruCacheObject(wrapper: wrapper, maxsize: maxsize, maxsizeO: maxsizeO, fn: fn, cache: cache,
                                cacheInfoType: infoType, visitedType: profile.minor >= 11 ? type : nil,
                                linksAreGC: profile.minor < 7)
        do { return try heap.newNativeObject(type: type, st) } catch {
            st.releaseReferences(in: heap)
            throw memoryError()
        }
    }

    // MARK: - calling

    /// 3.8+ counts a miss before calling the function; 3.6 after it returned a result (an
    /// exception counts none: measured `bad(0)` raising, then `cache_info()` misses 0 on
    /// 3.6.15, 1 on 3.8.18-3.13.0).
    private var lruMissesFirst: Bool { profile.minor >= 7 }

    /// Whether hashing and comparing `r` runs no Python code.
    private func lruPlainKeyItem(_ r: ObjectRef) -> Bool {
        if r == heap.none || r == heap.trueRef || r == heap.falseRef { return true }
        switch heap.payload[Int(r)] {
        case .int, .bigInt, .float, .str, .bytes:
            let t = heap.typeOf[Int(r)]
            return t == heap.builtinType(.int) || t == heap.builtinType(.float) || t == heap.builtinType(.str)
                || t == heap.builtinType(.bytes)
        case .tuple(let items):
            return heap.typeOf[Int(r)] == heap.builtinType(.tuple) && items.allSatisfy(lruPlainKeyItem)
        default: return false
        }
    }

    /// lru_cache_call through tp_call: the arguments packed into a tuple
    /// (_PyObject_MakeTpCall; 3.6's _PyObject_FastCallDict), the wrapper, the tuple released.
    /// `args` (the caller's stack references) are consumed.
    func callLruCache(_ st: LruCacheObject, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
        guard kwargs.isEmpty else {
            throw notModelled("calling a functools.lru_cache wrapper with keyword arguments")
        }
        guard args.allSatisfy(lruPlainKeyItem) else {
            throw notModelled("calling a functools.lru_cache wrapper with these arguments",
                              because: "only None, bool, int, float, str, bytes and tuples of them are modelled as cache keys")
        }
        guard lruCallDepth < 100 else {
            throw notModelled("more than 100 nested functools.lru_cache calls",
                              because: "the recursion accounting of CPython's tp_call is not modelled")
        }
        guard st.fn != nil, st.cache != nil else { throw notModelled("calling a cleared functools.lru_cache wrapper") }
        args.forEach(heap.incref)
        let tuple = try newTuple(args)
        defer { heap.decref(tuple) }
        lruCallDepth += 1
        defer { lruCallDepth -= 1 }
        switch st.wrapper {
        case .uncached:
            if lruMissesFirst { st.misses += 1 }
            let r = try lruCallUser(st, args)
            if !lruMissesFirst { st.misses += 1 }
            return r
        case .infinite: return try lruInfinite(st, tuple, args)
        case .bounded: return try lruBounded(st, tuple, args)
        }
    }

    /// PyObject_Call(func, args, NULL) of a Python function: its frame takes references of its own.
    private func lruCallUser(_ st: LruCacheObject, _ items: [ObjectRef]) throws -> ObjectRef {
        guard let fn = st.fn else { throw notModelled("calling a cleared functools.lru_cache wrapper") }
        heap.incref(fn)
        items.forEach(heap.incref)
        return try callFunction(fn, items, [], vectorcall: true)
    }

    /// lru_cache_make_key without keywords, untyped: a new reference.
    private func lruMakeKey(_ tuple: ObjectRef, _ args: [ObjectRef]) -> ObjectRef {
        if profile.minor >= 7, args.count == 1 {
            let t = heap.typeOf[Int(args[0])]
            if t == heap.builtinType(.str) || t == heap.builtinType(.int) {
                heap.incref(args[0]); return args[0]
            }
        }
        heap.incref(tuple)
        return tuple
    }

    private func lruInfinite(_ st: LruCacheObject, _ tuple: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        let key = lruMakeKey(tuple, args)
        defer { heap.decref(key) }
        guard let cache = st.cache else { throw notModelled("calling a cleared functools.lru_cache wrapper") }
        if let r = try dictGet(cache, key) {
            heap.incref(r)
            st.hits += 1
            return r
        }
        if lruMissesFirst { st.misses += 1 }
        let result = try lruCallUser(st, args)
        if !lruMissesFirst { st.misses += 1 }
        guard let cache = st.cache else { heap.decref(result); throw notModelled("a functools.lru_cache wrapper cleared during its call") }
        do { try dictSet(cache, key, result) } catch { heap.decref(result); throw error }
        return result
    }

    private func lruBounded(_ st: LruCacheObject, _ tuple: ObjectRef, _ args: [ObjectRef]) throws -> ObjectRef {
        var key: ObjectRef? = lruMakeKey(tuple, args)
        defer { key.map(heap.decref) }
        guard let cache = st.cache, let (_, elemType) = lruTypes else { throw notModelled("calling a cleared functools.lru_cache wrapper") }
        if let link = try dictGet(cache, key!), let ls = st.linkStates[link] {
            // lru_cache_extract_link, lru_cache_append_link: the newest.
            st.links.removeAll { $0 == link }
            st.links.append(link)
            st.hits += 1
            heap.incref(ls.result!)
            return ls.result!
        }
        if lruMissesFirst { st.misses += 1 }
        let result = try lruCallUser(st, args)
        if !lruMissesFirst { st.misses += 1 }
        guard let cache2 = st.cache, cache2 == cache else {
            heap.decref(result); throw notModelled("a functools.lru_cache wrapper cleared during its call")
        }
        if try dictGet(cache, key!) != nil {
            // 3.8+: the key was added during the call; only the result is returned. 3.6
            // would orphan a link.
            if profile.minor < 7 {
                heap.decref(result)
                throw notModelled("a functools.lru_cache key added again during its own call on CPython \(profile.version)")
            }
            return result
        }
        if dictStorage(cache).count < st.maxsize || st.links.isEmpty {
            // A new link: it takes the key and the result; the dict holds it too.
            let ls = LruListElem(key: key!, result: result)
            key = nil
            heap.incref(result)   // the link's; the caller's is returned
            let link: ObjectRef
            do { link = try heap.newNativeObject(type: elemType, ls) } catch {
                ls.releaseReferences(in: heap); heap.decref(result); throw memoryError()
            }
            st.linkStates[link] = ls
            do { try dictSet(cache, ls.key!, link) } catch {
                st.linkStates[link] = nil; heap.decref(link); heap.decref(result); throw error
            }
            st.links.append(link)
            return result
        }
        // Full: the oldest link is reused (_PyDict_Pop_KnownHash drops the dict's old key and
        // hands its link reference back), set to the new key and result, stored again,
        // moved to the newest end; then the old key and the old result are released.
        let link = st.links.removeFirst()
        guard let ls = st.linkStates[link], let oldKey = ls.key, let oldResult = ls.result else {
            preconditionFailure("an lru_cache link without its state")
        }
        guard let (k, popped) = try dictRemove(cache, oldKey) else {
            heap.decref(result)
            throw notModelled("a functools.lru_cache link whose key left the cache")
        }
        heap.decref(k)
        ls.key = key!; key = nil
        heap.incref(result)
        ls.result = result
        do { try dictSet(cache, ls.key!, link) } catch {
            throw notModelled("a failing functools.lru_cache store")
        }
        st.links.append(link)
        heap.decref(popped)
        heap.decref(oldKey)
        heap.decref(oldResult)
        return result
    }

    // MARK: - methods

    /// cache_info: `cache_info_type(hits, misses, maxsize or None, len(cache))`
    /// (PyObject_CallFunction "nnnn" / "nnOn").
    func lruCacheInfo(_ r: ObjectRef) throws -> ObjectRef {
        guard let st = lruCacheObject(r), let cache = st.cache, let t = st.cacheInfoType else {
            throw notModelled("cache_info() of a cleared functools.lru_cache wrapper")
        }
        let maxsize: ObjectRef = st.maxsize < 0 ? heap.newNone() : try newInt(st.maxsize)
        let items = [try newInt(st.hits), try newInt(st.misses), maxsize, try newInt(dictStorage(cache).count)]
        // Py_BuildValue's argument tuple and the namedtuple's `__new__` (slot_tp_new, the
        // eval'd lambda, tuple.__new__) are not the engine's native instantiation: measured
        // `gc.collect(); w.cache_info(); gc.get_count()` (5, 0, 0) on 3.11.7 and 3.12.1,
        // (3, 0, 0) and (2, 0, 0) here; declared uncertain by three.
        heap.countMayDiffer(by: 3)
        return try call(t, items, [])
    }

    /// cache_clear: the list unlinked, hits and misses zeroed, PyDict_Clear, then the links
    /// released oldest first.
    func lruCacheClear(_ st: LruCacheObject) {
        let list = st.links
        st.links = []
        st.hits = 0; st.misses = 0
        if let c = st.cache { heap.dictClear(c) }
        for l in list { st.linkStates[l] = nil }
        list.forEach(heap.decref)
    }

    // MARK: - attributes

    /// The `__dict__` getset (PyObject_GenericGetDict: made on first use), the methods (found
    /// by `methodTable`), then the instance dict. nil when none has it.
    func lruCacheAttribute(_ st: LruCacheObject, _ attr: String) throws -> ObjectRef? {
        if attr == "__dict__" {
            if st.dict == nil { st.dict = try newDict() }
            heap.incref(st.dict!); return st.dict!
        }
        if let d = st.dict, let v = try dictGet(d, name(attr)) { heap.incref(v); return v }
        return nil
    }

    /// What is refused on the wrapper and its type: every attribute of the type but
    /// `__name__`/`__class__`; on a wrapper, the special names CPython's type answers
    /// (`__call__`, `__get__`, `__reduce__`...) unless the dict holds them, and the pickling
    /// and copying methods; a missing name (CPython's AttributeError is not modelled).
    func refuseLruCacheAttribute(_ obj: ObjectRef, _ attr: String) throws {
        let why = "heapbook models only some attributes of functools' lru_cache types (and not their AttributeErrors)"
        if isLruCacheType(obj), attr != "__class__", attr != "__name__" {
            throw notModelled("\(heap.typeInfo(obj).name).\(attr)", because: why)
        }
        guard let st = lruCacheObject(obj) else { return }
        if ["__class__", "__dict__", "cache_info", "cache_clear"].contains(attr) { return }
        if let d = st.dict, try dictGet(d, name(attr)) != nil { return }
        throw notModelled("functools._lru_cache_wrapper.\(attr)", because: why)
    }

    /// PyObject_GenericSetAttr on the wrapper (value nil deletes): into the dict, made by the
    /// first store; `__dict__` and the method names refused.
    func lruCacheStore(_ st: LruCacheObject, _ obj: ObjectRef, _ attr: String, _ value: ObjectRef?) throws {
        if ["__dict__", "__class__", "cache_info", "cache_clear", "__reduce__", "__copy__", "__deepcopy__",
            "__dictoffset__", "__weaklistoffset__"].contains(attr) {
            throw notModelled(value == nil ? "del functools._lru_cache_wrapper.\(attr)" : "functools._lru_cache_wrapper.\(attr) assignment")
        }
        guard let value else {
            guard let d = st.dict else { throw notModelled("del functools._lru_cache_wrapper.\(attr) before its __dict__ exists") }
            guard let (k, v) = try dictRemove(d, name(attr)) else { throw missingOnDelete(obj, attr) }
            heap.decref(k); heap.decref(v)
            return
        }
        if st.dict == nil { st.dict = try newDict() }
        try dictSet(st.dict!, name(attr), value)
    }

    /// Entering a frame of the stand-in (`Interpreter.callFunction` and CEval's inlined
    /// calls): 3.9+'s `cache(user_function, /)` with a keyword is refused before binding;
    /// CPython 3.12.1 counts one GC object more than the engine for `update_wrapper(w, f)`
    /// (`gc.collect(); functools.update_wrapper(w, f); gc.get_count()`: (2, 0, 0), (1, 0, 0)
    /// here): it is its `getattr(wrapper, '__dict__').update({})`, where `gc.collect();
    /// d.update({}); gc.get_count()` of any dict is (2, 0, 0) in CPython 3.12.1 and (1, 0, 0)
    /// in the engine (3.11.7 agree: the engine's dict.update call, not lru_cache's), declared;
    /// 3.13 is taken to do as 3.12 (not comparable).
    func functoolsStandInEntered(_ code: CodeObject, _ kwargs: [(String, ObjectRef)]) throws {
        guard code.filename == Interpreter.functoolsModuleFile else { return }
        if code.name == "update_wrapper", profile.minor >= 12 { heap.countMayDiffer(by: 1) }
        if code.name == "cache", !kwargs.isEmpty {
            throw notModelled("functools.cache() with a keyword argument", because: "heapbook's parser has no positional-only "
                              + "parameters, which Lib/functools.py's cache has")
        }
    }

    /// An exception leaving a frame of the stand-in: CPython's traceback would name the
    /// installed Lib/functools.py and its lines (3.6's `lru_cache(f)` TypeError, 3.8+'s for a
    /// maxsize that is neither an int, None nor a callable).
    func functoolsStandInRaised(_ code: CodeObject) -> Error {
        notModelled("an exception raised through Lib/functools.py's \(code.qualname)()",
                    because: "its traceback names CPython's installed functools.py, which heapbook stands in for")
    }
}
