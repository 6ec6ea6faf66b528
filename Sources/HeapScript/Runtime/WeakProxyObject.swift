import HeapEngine

// Objects/weakrefobject.c (proxy part) and Modules/_weakref.c at v3.6.15, v3.8.18, v3.11.7,
// v3.12.1 and v3.13.0: weakref.proxy(obj[, callback]) and weakref.getweakrefs(obj).
//
// A proxy is a PyWeakReference whose type is ProxyType (CallableProxyType when the referent
// is callable): HeapEngine keeps it as a weakref (same payload, list, callback, clearing and
// collection; `Heap.newWeakref(proxy:)`) and this file gives it the proxy's slots, each of
// which forwards to the referent or raises `ReferenceError: weakly-referenced object no
// longer exists` once it died (proxy_check_ref):
// - attribute get, set and delete (proxy_getattr / proxy_setattr), `str` (proxy_str),
//   `len` (proxy_length), truth (proxy_bool), `in` (proxy_contains), `p[k]`, `p[k] = v`,
//   `del p[k]` (proxy_getitem / proxy_setitem), `iter` (proxy_iter), the call of a
//   CallableProxyType (proxy_call, through tp_call with the arguments packed in a tuple),
//   rich comparisons (proxy_richcompare, both operands unwrapped);
// - repr is the proxy's own and does not raise when dead (`<weakproxy at 0x...; dead>` on
//   3.13, `<weakproxy at 0x... to NoneType at 0x...>` before);
// - hash is a TypeError (no tp_hash: "unhashable type: 'weakref.ProxyType'");
// - `isinstance(p, C)` is True for the referent's class (object_isinstance reads
//   `p.__class__`, which is forwarded), `type(p)` the proxy type.
// Everything else a proxy has in CPython (the arithmetic slots, `next`, `__bytes__`,
// `__reversed__`, unpacking, format, and builtins given a proxy other than those listed in
// `builtinsTakingWeakProxies`) is refused, never answered for the proxy object itself.
//
// Measured on all five: sys.getsizeof(proxy) equals weakref.ref's (88 on 3.6.15, 72 on
// 3.8.18, 80 on 3.11.7-3.13.0), proxies are GC-tracked, `proxy(o) is proxy(o)` without a
// callback, and getweakrefs lists the basic ref, the basic proxy, then the rest newest first.
extension Interpreter {
    /// The builtins that may be given a proxy: they forward it or look at the proxy object
    /// itself as CPython does (identity, size, count, tracking, storage).
    static let builtinsTakingWeakProxies: Set<String> = [
        "id", "len", "repr", "print", "hash", "isinstance", "callable",
        "getattr", "hasattr", "setattr", "delattr",
        "sys.getsizeof", "sys.getrefcount", "gc.is_tracked", "gc.is_finalized",
        "_weakref.getweakrefcount", "_weakref.getweakrefs", "_weakref.proxy",
        "list.append",
    ]

    /// Bound methods that only compare their first argument with the items
    /// (PyObject_RichCompare, which forwards a proxy): it alone may be a proxy.
    static let methodsComparingWeakProxies: Set<String> = [
        "list.count", "list.index", "list.remove", "tuple.count", "tuple.index",
    ]

    /// Whether a builtin may be given these arguments (see `builtinsTakingWeakProxies`).
    func builtinTakesWeakProxies(_ qualifiedName: String, bound: Bool, _ args: [ObjectRef]) -> Bool {
        if Interpreter.builtinsTakingWeakProxies.contains(qualifiedName) { return true }
        return bound && Interpreter.methodsComparingWeakProxies.contains(qualifiedName)
            && !args.dropFirst().contains(where: heap.isWeakProxy)
    }

    /// The builtin types that may be called with a proxy: `type(p)`, `str(p)`, `bool(p)`,
    /// `weakref.ref(p)` (a TypeError: proxies have no weakref list).
    static let typesTakingWeakProxies: Set<TypeKind> = [.type, .str, .bool, .weakref]

    @inline(__always)
    func isWeakProxy(_ r: ObjectRef) -> Bool { heap.isWeakProxy(r) }

    /// Refuses an operation the engine does not forward through a proxy.
    func refuseWeakProxyOperand(_ r: ObjectRef, _ what: @autoclosure () -> String) throws {
        if heap.isWeakProxy(r) { throw notModelled(what()) }
    }

    /// proxy_check_ref: the live referent (borrowed), or ReferenceError.
    func proxyReferent(_ p: ObjectRef) throws -> ObjectRef {
        guard case .weakref(let w) = heap.payload[Int(p)], let target = w.referent else {
            throw error("ReferenceError", "weakly-referenced object no longer exists")
        }
        return target
    }

    /// UNWRAP: runs `body` on the referent, holding a reference to it meanwhile (visible to
    /// `sys.getrefcount` in a method the forwarded operation calls).
    func withProxyReferent<T>(_ p: ObjectRef, _ body: (ObjectRef) throws -> T) throws -> T {
        let target = try proxyReferent(p)
        heap.incref(target)
        defer { heap.decref(target) }
        return try body(target)
    }

    /// proxy_repr. Before 3.13 a dead proxy's referent is Py_None (PyWeakref_GET_OBJECT).
    func weakProxyRepr(_ p: ObjectRef) -> String {
        guard case .weakref(let w) = heap.payload[Int(p)] else { return "" }
        if profile.weakProxyReprQuotesType {
            guard let target = w.referent else { return "<weakproxy at \(hexAddress(p)); dead>" }
            return "<weakproxy at \(hexAddress(p)); to '\(typeName(target))' at \(hexAddress(target))>"
        }
        let target = w.referent ?? heap.none
        return "<weakproxy at \(hexAddress(p)) to \(typeName(target)) at \(hexAddress(target))>"
    }

    /// proxy_call through tp_call (_PyObject_MakeTpCall packs the positional arguments into a
    /// tuple, the empty tuple for none): `args` are consumed.
    func callWeakProxy(_ p: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        guard heap.typeOf[Int(p)] == heap.weakCallableProxyType, kwargs.isEmpty else {
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            if !kwargs.isEmpty { throw notModelled("calling a weakref proxy with keyword arguments") }
            throw error("TypeError", "'\(typeName(p))' object is not callable")
        }
        let target: ObjectRef
        do { target = try proxyReferent(p) } catch { args.forEach(heap.decref); throw error }
        heap.incref(target)
        defer { heap.decref(target) }
        switch heap.payload[Int(target)] {
        case .function:
            var tuples: [Int] = []
            if !args.isEmpty { tuples = Array(repeating: 0, count: args.count + 1); tuples[args.count] = 1 }
            let held = heap.takeFromFreeLists(FreeListCounts(tuples: tuples))
            defer { heap.releaseWorkingSet(held) }
            // The tuple's references to the arguments; PyObject_Call(referent, tuple) gives
            // the function's frame references of its own while the caller's stack keeps its
            // (every version: `sys.getrefcount(a)` in the function is 5 where a direct call
            // shows 3 on 3.11.7, 4 on 3.8.18).
            args.forEach(heap.incref)
            defer { args.forEach(heap.decref) }
            heap.incref(target)
            return try callFunction(target, args, [], fromC: true)
        case .instance:
            // slot_tp_call with that tuple: the engine's call of an instance packs its own.
            return try call(target, args, [])
        default:
            args.forEach(heap.decref)
            throw notModelled("calling a weakref proxy to a '\(typeName(target))' object")
        }
    }

    /// object_isinstance for a proxy: its own type first, then `p.__class__` (forwarded,
    /// so ReferenceError once dead) when that differs from the proxy type.
    func weakProxyIsInstance(_ p: ObjectRef, _ classes: [ObjectRef]) throws -> Bool {
        try refuseWeakProxyClasses(classes)
        let mro = heap.typeInfo(of: p).mro
        for c in classes {
            guard case .type = heap.payload[Int(c)] else {
                throw error("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union")
            }
            if mro.contains(c) { return true }
            let target = try proxyReferent(p)
            if heap.typeInfo(of: target).mro.contains(c) { return true }
        }
        return false
    }

    /// A proxy as isinstance's second argument: not a type, so object_isinstance reads its
    /// (forwarded) `__bases__` and goes on from there (not modelled).
    func refuseWeakProxyClasses(_ classes: [ObjectRef]) throws {
        if classes.contains(where: heap.isWeakProxy) { throw notModelled("isinstance() with a weakref proxy as the class") }
    }

    /// The objects CPython lets weakref.ref and weakref.proxy refer to whose weakref list the
    /// engine does not keep (their types have tp_weaklistoffset on 3.6.15 to 3.13.0: code,
    /// module, ctypes' simple types, memoryview and its managed buffer): refused, never the
    /// TypeError of a type without one.
    func refuseUnmodelledWeakrefTarget(_ a: ObjectRef) throws {
        try refuseBuiltinSubclassWeakref(a)
        switch heap.kind(a) {
        case .code, .module, .ctypesSimple, .memoryView, .managedBuffer:
            throw notModelled("weak references to \(typeName(a)) objects")
        default: break
        }
    }

    /// weakref.proxy(object[, callback]) and weakref.getweakrefs(object) (Modules/_weakref.c).
    func defineWeakProxyFunctions(_ d: ObjectRef) {
        defineFunction(in: d, "getweakrefs", module: "_weakref") { i, _, args, _ in
            // _weakref_getweakrefs: a new list of the weakrefs in the referent's list order
            // (an empty list for a type without a weakref list), appended one by one on 3.13.
            let list = i.heap.weakrefs(to: args[0])
            list.forEach(i.heap.incref)
            guard i.profile.getweakrefsAppends else { return try i.newList(list, extend: false) }
            let l = try i.newList([], extend: false)
            for w in list { try i.listAppendStealing(l, w) }
            return l
        }
        defineFunction(in: d, "proxy", module: "_weakref") { i, _, args, _ in
            let a = args[0]
            if i.generator(a) != nil { throw i.notModelled("weak references to generators") }
            try i.refuseUnmodelledWeakrefTarget(a)
            try i.refuseDequeOperand(a, "weak references to deques")
            guard i.heap.supportsWeakrefs(a) else {
                throw i.error("TypeError", "cannot create weak reference to '\(i.typeName(a))' object")
            }
            let callback = args.count == 2 && args[1] != i.heap.none ? args[1] : nil
            // PyCallable_Check picks CallableProxyType.
            let callable = try i.isCallable(a)
            do { return try i.heap.newWeakref(to: a, callback: callback, proxy: true, callable: callable) } catch { throw i.memoryError() }
        }
        // Lib/weakref.py's names for the types. Its `ProxyTypes` tuple is left out (refused
        // by the recorded surface): whether it is still GC-tracked differs between versions
        // (`gc.is_tracked(weakref.ProxyTypes)` False on 3.11.7 and 3.13.0, True on 3.6.15,
        // 3.8.18 and 3.12.1, where `import weakref` runs Lib/weakref.py at the prompt).
        try! dictSet(d, name("ProxyType"), heap.weakProxyType)
        try! dictSet(d, name("CallableProxyType"), heap.weakCallableProxyType)
        try! dictSet(d, name("ReferenceType"), heap.builtinType(.weakref))
    }

    /// PyObject_RichCompare(v, w, op) where either is a proxy (a new reference).
    /// do_richcompare tries v's type first (a proxy type has no subclasses to go before it):
    /// proxy_richcompare unwraps both operands and compares again, so its answer is final.
    /// Any other v's tp_richcompare answers NotImplemented for a proxy — except a weakref.ref's
    /// (weakref_richcompare takes a proxy as a weakref and compares the referents) and a
    /// class's comparison method, which would see the proxy: both refused — and then the
    /// proxy's reflected slot compares its referent with v.
    func weakProxyCompare(_ op: CompareOp, _ v: ObjectRef, _ w: ObjectRef) throws -> ObjectRef {
        if heap.isWeakProxy(v) {
            return try withProxyReferent(v) { x in
                guard heap.isWeakProxy(w) else { return try compare(op, x, w) }
                return try withProxyReferent(w) { y in try compare(op, x, y) }
            }
        }
        if heap.kind(v) == .weakref { throw notModelled("comparing a weakref.ref with a weakref proxy") }
        if try hasSlotRichCompare(v) {
            throw notModelled("a class's comparison method given a weakref proxy")
        }
        return try withProxyReferent(w) { y in try compare(op.swapped, y, v) }
    }
}
