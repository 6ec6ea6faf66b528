import HeapEngine
import BigInt

/// repr() and str() in CPython's exact formats.
extension Interpreter {
    /// repr() and str() as objects: of an unplaced id() value, a str spelled from it whose
    /// text is not known (UnplacedIds.swift); of such a str, str() is the str itself.
    func reprObject(_ r: ObjectRef) throws -> ObjectRef {
        if let s = try unplacedIdDecimal(r) { return s }
        return try newStr(try repr(r))
    }
    func strObject(_ r: ObjectRef) throws -> ObjectRef {
        if heap.kind(r) == .str { heap.incref(r); return r }
        if let s = try unplacedIdDecimal(r) { return s }
        return try newStr(try str(r))
    }

    /// The value of a str object.
    func stringValue(_ r: ObjectRef) -> String {
        if case .str(let s) = heap.payload[Int(r)] { return s.value }
        return ""
    }

    /// repr() and str() where nothing can be thrown (a traceback's last line...): a refusal
    /// is kept in `swallowedRefusal` for `shownTraceback`, which then prints nothing.
    func reprString(_ r: ObjectRef) -> String {
        do { return try repr(r) } catch let u as UnsupportedAtRuntime { swallowedRefusal = swallowedRefusal ?? u } catch {}
        return "<object>"
    }
    func strString(_ r: ObjectRef) -> String {
        do { return try str(r) } catch let u as UnsupportedAtRuntime { swallowedRefusal = swallowedRefusal ?? u } catch {}
        return "<object>"
    }

    func hexAddress(_ r: ObjectRef) -> String { "0x" + String(heap.address[Int(r)], radix: 16) }

    /// object_repr: `<module.qualname object at 0x...>`, the type's `__module__` and
    /// qualname (what an instance of a class without `__repr__` shows, and
    /// `super().__repr__()` reaching object).
    func objectReprString(_ r: ObjectRef) -> String {
        let info = heap.typeInfo(of: r)
        let typeName = info.isHeapType ? nestedClassQualnames[heap.typeOf[Int(r)]] ?? info.name : info.name
        return "<\(info.module ?? "builtins").\(typeName) object at \(hexAddress(r))>"
    }

    func str(_ r: ObjectRef) throws -> String {
        // A phantom start-up object is only counted and compared by identity (GCModule.swift).
        try refuseStartupObject(r)
        if heap.isWeakProxy(r) { return try withProxyReferent(r) { try str($0) } }   // proxy_str
        if let d = mappingProxyTarget(r) { return try str(d) }   // mappingproxy_str: PyObject_Str(mapping)
        // A list or dict subclass's own __str__ (or __repr__, which object_str calls).
        if let m = try builtinSubclassReprMethod(r, ["__str__", "__repr__"]) {
            let s = try callSpecial(m, r, [])
            defer { heap.decref(s) }
            guard heap.kind(s) == .str else {
                throw error("TypeError", "__str__ returned non-string (type \(typeName(s)))")
            }
            try refuseUnplacedId(s, "a __str__ or __repr__ that returned")   // UnplacedIds.swift
            return stringValue(s)
        }
        switch heap.payload[Int(r)] {
        case .str(let s): return s.value
        case .native(let o) where o is ExceptionState:
            let e = o as! ExceptionState
            if case .tuple(let args) = heap.payload[Int(e.args)] {
                if args.isEmpty { return "" }
                // KeyError_str: one argument shows as its repr (`str(KeyError('k'))` is "'k'").
                if args.count == 1, let keyError = exceptionTypes["KeyError"], heap.typeInfo(of: r).mro.contains(keyError) {
                    return try repr(args[0])
                }
                if args.count == 1 { return try str(args[0]) }
            }
            return try repr(e.args)
        case .instance:
            // PyObject_Str checks what tp_str returned; object_str returns the repr's result
            // unchecked, so a non-string __repr__ fails here with __str__'s message too
            // (3.6.15-3.13.0: `str(D())` where `__repr__` returns 7).
            let m = try lookupSpecial(r, "__str__") ?? lookupSpecial(r, "__repr__")
            guard let m else { return try repr(r) }
            let s = try callSpecial(m, r, [])
            defer { heap.decref(s) }
            guard heap.kind(s) == .str else {
                throw error("TypeError", "__str__ returned non-string (type \(typeName(s)))")
            }
            try refuseUnplacedId(s, "a __str__ or __repr__ that returned")   // UnplacedIds.swift
            return stringValue(s)
        default: return try repr(r)
        }
    }

    func repr(_ r: ObjectRef, depth: Int = 0) throws -> String {
        // A phantom start-up object is only counted and compared by identity (GCModule.swift).
        try refuseStartupObject(r)
        if depth > 200 { throw error("RecursionError", "maximum recursion depth exceeded while getting the repr of an object") }
        try refuseReprNearLoweredLimit(depth)
        let info = heap.typeInfo(of: r)
        if let dq = heap.deque(r) { return try dequeRepr(r, dq, depth: depth) }
        if let ba = heap.byteArray(r) { return try byteArrayRepr(r, ba) }
        if let v = heap.memoryView(r) { return memoryViewRepr(r, v) }
        if let c = heap.complexValue(r) { return complexRepr(c) }
        if let a = heap.array(r) { return try arrayRepr(r, a, depth: depth) }
        if let st = itertoolsObject(r), let s = try itertoolsRepr(r, st, depth: depth) { return s }
        if let st = partialObject(r) { return try partialRepr(st, r, depth: depth) }
        if let g = genericAlias(r) { return try genericAliasRepr(g, depth: depth) }
        if let c = ctypesObject(r) { return try ctypesRepr(r, c) }
        if let p = heap.mappingProxy(r) { return try mappingProxyRepr(p, depth: depth) }
        if let fields = structSeqFields(r) { return try structSeqRepr(r, fields, depth: depth) }
        // A list or dict subclass's own __repr__ (slot_tp_repr replaces list_repr/dict_repr).
        if let m = try builtinSubclassReprMethod(r, ["__repr__"]) {
            let s = try callSpecial(m, r, [])
            defer { heap.decref(s) }
            guard heap.kind(s) == .str else {
                throw error("TypeError", "__repr__ returned non-string (type \(typeName(s)))")
            }
            try refuseUnplacedId(s, "a __repr__ that returned")   // UnplacedIds.swift
            return stringValue(s)
        }
        switch heap.payload[Int(r)] {
        case .empty:
            if r == heap.none { return "None" }
            if r == heap.ellipsis { return "Ellipsis" }
            if r == heap.notImplemented { return "NotImplemented" }
            // sys.stdout/stderr: the repr names the locale's encoding (SysModule.swift).
            if info.module == "_io", let what = opaqueObjects[r] { throw notModelled("repr(\(what))") }
            return "<\(info.name) object at \(hexAddress(r))>"
        case .int(let v):
            if info.kind == .bool { return v != 0 ? "True" : "False" }
            return String(v)
        case .bigInt(let v): return try longToDecimalString(v)
        case .float(let d): return Interpreter.floatRepr(d)
        case .str(let s): return Interpreter.strRepr(s.value)
        case .bytes(let b): return Interpreter.bytesRepr(b)
        case .tuple(let items):
            if info.kind == .slice {
                return "slice(\(try items.map { try repr($0, depth: depth + 1) }.joined(separator: ", ")))"
            }
            if items.isEmpty { return "()" }
            guard reprEnter(r) else { return "(...)" }
            defer { reprStack.remove(r) }
            if items.count == 1 { return "(\(try repr(items[0], depth: depth + 1)),)" }
            return "(" + (try items.map { try repr($0, depth: depth + 1) }).joined(separator: ", ") + ")"
        case .list(let l):
            if l.items.isEmpty { return "[]" }
            guard reprEnter(r) else { return "[...]" }
            defer { reprStack.remove(r) }
            return "[" + (try l.items.map { try repr($0, depth: depth + 1) }).joined(separator: ", ") + "]"
        case .dict(let dObject): let d = dObject.storage
            if heap.isDefaultDict(r) { return try defaultDictRepr(r, d, depth: depth) }
            if heap.isOrderedDict(r) { return try orderedDictRepr(r, depth: depth) }
            return try dictRepr(r, d, depth: depth)
        case .set(let sObject): let s = sObject.storage
            // set_repr: a frozenset wraps the braces in its type's name.
            let frozen = heap.kind(r) == .frozenset
            guard reprEnter(r) else { return frozen ? "frozenset(...)" : "set(...)" }
            defer { reprStack.remove(r) }
            if s.count == 0 { return frozen ? "frozenset()" : "set()" }
            try refuseUnknownOrder(s, r)
            // set_repr: `PySequence_List(so)`, whose repr is the items' (a list off its free
            // list, released before the result is made): `gc.collect(); {1}; gc.get_count()`
            // counts it on 3.11.7 and 3.13.0.
            let keys = heap.takeFromFreeLists(FreeListCounts(lists: 1))
            defer { heap.releaseWorkingSet(keys) }
            let items = "{" + (try s.elements.map { try repr($0, depth: depth + 1) }).joined(separator: ", ") + "}"
            return frozen ? "frozenset(\(items))" : items
        case .type(let t):
            // type_repr: a heap type's module and qualname.
            if let m = t.module, t.isHeapType { return "<class '\(m).\(nestedClassQualnames[r] ?? t.name)'>" }
            if let m = t.module, m != "builtins" { return "<class '\(m).\(t.name)'>" }
            return "<class '\(t.name)'>"
        case .instance:
            if let m = try lookupSpecial(r, "__repr__") {
                let s = try callSpecial(m, r, [])
                defer { heap.decref(s) }
                guard heap.kind(s) == .str else {
                    throw error("TypeError", "__repr__ returned non-string (type \(typeName(s)))")
                }
                try refuseUnplacedId(s, "a __repr__ that returned")   // UnplacedIds.swift
                return stringValue(s)
            }
            return objectReprString(r)
        case .function(let f): return "<function \(f.qualname) at \(hexAddress(r))>"
        case .native(let o as MethodWrapper):
            let s = o.selfRef
            return "<method-wrapper '\(slotWrappers[Int(o.slot)].name)' of \(typeName(s)) object at \(hexAddress(s))>"
        case .builtin(let b):
            let fn = builtinTable[Int(b.id)]
            if let s = b.selfRef {
                if case .module = heap.payload[Int(s)] { return "<built-in function \(fn.name)>" }
                // ctypes' classes are instances of the metaclass _ctypes.PyCSimpleType.
                let of = b.id == ctypesFromAddress ? "_ctypes.PyCSimpleType" : typeName(s)
                return "<built-in method \(fn.name) of \(of) object at \(hexAddress(s))>"
            }
            if let owner = fn.owner { return "<method '\(fn.name)' of '\(heap.typeInfo(heap.builtinType(owner)).name)' objects>" }
            return "<built-in function \(fn.name)>"
        case .method(let fn, let s):
            var qual = "?"
            if case .function(let f) = heap.payload[Int(fn)] { qual = f.qualname }
            return "<bound method \(qual) of \(try repr(s, depth: depth + 1))>"
        case .module(let m):
            // A module from a file names the file (`<module 'weakref' from '/…/weakref.py'>`),
            // which depends on where CPython is installed.
            guard ["sys", "gc", "builtins"].contains(m.name) else { throw notModelled("repr(\(m.name))", because: "it names the module's file, wherever CPython is installed") }
            return "<module '\(m.name)' (built-in)>"
        case .range(let rv):
            return rv.step == 1 ? "range(\(rv.start), \(rv.stop))" : "range(\(rv.start), \(rv.stop), \(rv.step))"
        case .iterator:
            return "<\(info.name) object at \(hexAddress(r))>"
        case .weakref where heap.isWeakProxy(r):
            return weakProxyRepr(r)
        case .weakref where isKeyedRef(r):
            throw notModelled("repr() of a weakref.KeyedRef", because: "heapbook makes Lib/weakref.py's KeyedRef class natively")
        case .weakref(let w):
            guard let target = w.referent else { return "<weakref at \(hexAddress(r)); dead>" }
            return "<weakref at \(hexAddress(r)); to '\(typeName(target))' at \(hexAddress(target))>"
        case .cell where isCell(r):
            return cellRepr(r)
        case .cell(let owner?) where info.kind == .getsetDescriptor:
            return try getsetDescriptorRepr(r, owner: owner)
        case .cell where dictView(r) != nil:
            let items = try iterateToArray(r)
            defer { items.forEach(heap.decref) }
            return "\(info.name)([" + (try items.map { try repr($0, depth: depth + 1) }).joined(separator: ", ") + "])"
        case .cell:
            return "<\(info.name) object at \(hexAddress(r))>"
        case .native(let o):
            if let e = o as? ExceptionState {
                var argsRepr = try repr(e.args, depth: depth + 1)
                // BaseException_repr: one argument without the tuple's comma from 3.7 (bpo-30399;
                // 3.6.15 prints `ValueError('x',)`).
                if profile.minor >= 7, case .tuple(let a) = heap.payload[Int(e.args)], a.count == 1 {
                    argsRepr = "(" + (try repr(a[0], depth: depth + 1)) + ")"
                }
                return info.name + argsRepr
            }
            if let g = o as? GenObject {   // gen_repr: the qualname
                return "<\(info.name) object \(g.frame.code.qualname) at \(hexAddress(r))>"
            }
            if let su = o as? SuperObject { return superRepr(su) }
            if let m = o as? MemberDescr {   // member_repr: the owner's tp_name
                return "<member '\(m.nameValue)' of '\(heap.typeInfo(m.owner).name)' objects>"
            }
            if let w = o as? FuncWrapperObject, let s = try funcWrapperRepr(w, r, depth: depth) { return s }
            if let c = o as? CodeObject {
                return "<code object \(c.name) at \(hexAddress(r)), file \"\(c.filename)\", line \(c.firstLine)>"
            }
            return "<\(info.name) object at \(hexAddress(r))>"
        }
    }

    /// float_repr: PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0), the shortest digits
    /// that round-trip, in exponent notation below 1e-4 and from 1e16.
    static func floatRepr(_ d: Double) -> String {
        FloatFormat.format(d, code: "r", precision: 0, flags: FloatFormat.Flags(addDot0: true))
    }

    /// unicode_repr: single quotes unless the text has ' and no ".
    static func strRepr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote { out += "\\" + String(quote); continue }
                let v = scalar.value
                if v < 0x20 || v == 0x7f { out += "\\x" + hex(v, 2) }
                else if v < 0x7f { out.unicodeScalars.append(scalar) }
                else if isPrintable(scalar) { out.unicodeScalars.append(scalar) }
                else if v <= 0xff { out += "\\x" + hex(v, 2) }
                else if v <= 0xffff { out += "\\u" + hex(v, 4) }
                else { out += "\\U" + hex(v, 8) }
            }
        }
        out.append(quote)
        return out
    }

    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return s == " "
        default: return true
        }
    }

    static func hex(_ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// bytes_repr; `escapesEveryQuote` for bytearray_repr, which escapes `'` inside `"..."`
    /// too (`bytearray(b"it\'s")` on 3.6.15-3.13.0).
    static func bytesRepr(_ b: [UInt8], escapesEveryQuote: Bool = false) -> String {
        let useDouble = b.contains(UInt8(ascii: "'")) && !b.contains(UInt8(ascii: "\""))
        let quote = useDouble ? "\"" : "'"
        var out = "b" + quote
        for c in b {
            switch c {
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            case UInt8(ascii: "'") where !useDouble || escapesEveryQuote: out += "\\'"
            case 0x20..<0x7f: out.unicodeScalars.append(Unicode.Scalar(c))
            default: out += "\\x" + hex(UInt32(c), 2)
            }
        }
        return out + quote
    }
}

extension Interpreter {
    /// Py_ReprEnter: false when `r`'s repr is already being computed (a cycle prints as
    /// `[...]`). Its first call keeps the thread state's "Py_Repr" list for good
    /// (`Profile.firstReprKeeps`, `firstReprFreshObjects`).
    /// dict_repr. Dict_repr and set_repr enter before their empty shortcut (list_repr and
    /// tuplerepr after): `x = {}; x` makes the Py_Repr list on 3.6.15-3.12.1.
    func dictRepr(_ r: ObjectRef, _ d: DictStorage, depth: Int) throws -> String {
        guard reprEnter(r) else { return "{...}" }
        defer { reprStack.remove(r) }
        if d.items.isEmpty { return "{}" }
        return "{" + (try d.items.map { "\(try repr($0.key, depth: depth + 1)): \(try repr($0.value, depth: depth + 1))" }).joined(separator: ", ") + "}"
    }

    func reprEnter(_ r: ObjectRef) -> Bool {
        if reprStack.contains(r) { return false }
        if !reprListReady {
            reprListReady = true
            if !profile.firstReprMadeByPromptStartup || scriptStartup { keepReprList() }
        }
        reprStack.insert(r)
        return true
    }

    /// The first Py_ReprEnter's objects, kept for good. Where they are a dict and a list off
    /// the free lists (3.11), the dict is the thread state's (PyThreadState_GetDict makes it
    /// on this first call) and holds the list under "Py_Repr": that store tracks the dict
    /// (MAINTAIN_TRACKING) and keeps it tracked through collections. Measured on 3.11.7's
    /// prompt: `[1]` as the first repr adds 3 objects to `len(gc.get_objects())` (the list
    /// `_` keeps, the Py_Repr list, the dict), and after `gc.collect()` the three are still
    /// there. The key is the static `_Py_ID(Py_Repr)`.
    private func keepReprList() {
        var keeps = profile.firstReprKeeps
        let threadStateDict = keeps.dicts > 0 && keeps.lists > 0
        if threadStateDict { keeps.dicts -= 1 }
        let made = heap.takeFromFreeLists(keeps)
        warmUpLeftovers += made
        keepFreshObjects(profile.firstReprFreshObjects)
        guard threadStateDict, let list = made.first(where: { heap.typeOf[Int($0)] == heap.builtinType(.list) }),
              let d = try? heap.newDict(DictStorage()) else { return }
        warmUpLeftovers.append(d)
        try? dictSet(d, heap.newStaticStr("Py_Repr"), list)
    }

    /// A warm-up's objects that generation 0 counts and that stay alive for good (stood for
    /// by empty lists made without the free list).
    func keepFreshObjects(_ n: Int) {
        for _ in 0..<n {
            if let fresh = try? heap.newList(ListStorage(), usingFreeList: false) { warmUpLeftovers.append(fresh) }
        }
    }
}
