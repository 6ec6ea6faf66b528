import HeapEngine
import BigInt

/// The builtins module of the subset (Python/bltinmodule.c).
extension Interpreter {
    func registerBuiltins() {
        let d = builtinsDict
        for (n, kind) in [("int", TypeKind.int), ("float", .float), ("str", .str), ("bool", .bool),
                          ("list", .list), ("tuple", .tuple), ("dict", .dict), ("set", .set),
                          ("frozenset", .frozenset), ("bytes", .bytes), ("bytearray", .bytearray), ("memoryview", .memoryView), ("complex", .complex), ("object", .object),
                          ("type", .type), ("range", .range), ("enumerate", .enumerate), ("zip", .zip), ("map", .map), ("filter", .filter),
                          ("reversed", .reversed), ("property", .property),
                          ("classmethod", .classmethod), ("staticmethod", .staticmethod), ("super", .superObject)] {
            try! dictSet(d, name(n), heap.builtinType(kind))
        }
        for (n, t) in exceptionTypes { try! dictSet(d, name(n), t) }
        for (alias, n) in exceptionAliases { try! dictSet(d, name(alias), exceptionTypes[n]!) }
        try! dictSet(d, name("None"), heap.none)
        try! dictSet(d, name("Ellipsis"), heap.ellipsis)
        try! dictSet(d, name("NotImplemented"), heap.notImplemented)

        defineFunction(in: d, "print") { i, _, args, kwargs in
            // 3.11 parses print's arguments with _PyArg_ParseStackAndKeywords: its first call
            // initialises the static parser, whose kwtuple ('sep', 'end', 'file', 'flush')
            // lives as long as the interpreter (3.12+ have static tuples).
            if i.profile.argumentParsersMakeKeywordTuples && !i.printParserReady {
                i.printParserReady = true
                i.warmUpLeftovers += i.heap.takeFromFreeLists(FreeListCounts(tuples: [0, 0, 0, 0, 1]))
            }
            // The signature let through sep, end, file and flush (stdout is never buffered
            // here). `file=sys.stdout` (or None) is print's own default stream.
            for (k, v) in kwargs where k == "file" && v != i.heap.none && v != i.standardStreams["stdout"] {
                try i.refuseIfOpaque(v)
                throw i.notModelled("print(file=...) to a '\(i.typeName(v))' object")
            }
            var sep = " ", end = "\n"
            for (k, v) in kwargs where (k == "sep" || k == "end") && v != i.heap.none {
                guard i.heap.kind(v) == .str else {
                    throw i.error("TypeError", "\(k) must be None or a string, not \(i.typeName(v))")
                }
                if k == "sep" { sep = i.stringValue(v) } else { end = i.stringValue(v) }
            }
            var packed = FreeListCounts()
            if i.profile.printPacksArguments && !args.isEmpty {
                packed.tuples = Array(repeating: 0, count: args.count) + [1]
            }
            let varargs = i.heap.takeFromFreeLists(packed)
            // The packed tuple holds the arguments while print runs: a `__str__` sees its
            // reference (`sys.getrefcount(self)` in it, for `print(s)`: 5 on 3.11.7, 4 on 3.8.18).
            if !packed.tuples.isEmpty { args.forEach(i.heap.incref) }
            defer {
                if !packed.tuples.isEmpty { args.forEach(i.heap.decref) }
                i.heap.releaseWorkingSet(varargs)
            }
            // builtin_print: one PyFile_WriteObject per argument, separator and end, so what
            // came before an argument whose str() raises is written.
            for (n, arg) in args.enumerated() {
                if n > 0 { try i.fileWrite { _ in sep } }
                try i.fileWrite { try $0.str(arg) }
            }
            try i.fileWrite { _ in end }
            return i.heap.newNone()
        }
        defineFunction(in: d, "id") { i, _, args, _ in
            // While addresses are not CPython's the address is still handed out, unplaced:
            // for from_address and for comparing ids of live objects (UnplacedIds.swift).
            if let why = i.addressObservationRefusal() { return try i.newUnplacedId(of: args[0], why: why) }
            let result = try i.makeInt(BigInt(i.heap.address[Int(args[0])]))
            i.heap.noteIdentityTaken(result, of: args[0])
            return result
        }
        defineFunction(in: d, "len") { i, _, args, _ in
            return try i.newInt(try i.length(args[0]))
        }
        defineFunction(in: d, "repr") { i, _, args, _ in
            return try i.reprObject(args[0])
        }
        registerNumberBuiltins(d)
        registerAttributeBuiltins(d)
        registerFormatBuiltin(d)
        registerDirBuiltin(d)
        registerRoundingBuiltins(d)
        defineFunction(in: d, "abs") { i, _, args, _ in
            if let c = i.heap.complexValue(args[0]) { return try i.complexAbs(c) }
            switch i.number(args[0]) {
            case .int(let v)?: return v == Int.min ? try i.makeInt(-BigInt(v)) : try i.newInt(abs(v))
            case .big(let v)?: return try i.makeInt(BigInt(v.magnitude))
            case .float(let v)?: return try i.newFloat(abs(v))
            case nil: throw i.error("TypeError", "bad operand type for abs(): '\(i.typeName(args[0]))'")
            }
        }
        defineFunction(in: d, "isinstance") { i, _, args, _ in
            let classes: [ObjectRef]
            if case .tuple(let t) = i.heap.payload[Int(args[1])] { classes = t } else { classes = [args[1]] }
            for c in classes { try i.refuseGenericAlias(c, "isinstance() with") }
            if i.heap.isWeakProxy(args[0]) {
                // A proxy is never of exactly the class: ABCMeta's __instancecheck__ would run.
                for c in classes { try i.refuseWeakKeyDictClass(c, "isinstance()") }
                return i.heap.newBool(try i.weakProxyIsInstance(args[0], classes))
            }
            try i.refuseWeakProxyClasses(classes)
            let mro = i.heap.typeInfo(of: args[0]).mro
            for c in classes {
                guard case .type = i.heap.payload[Int(c)] else {
                    throw i.error("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union")
                }
                try i.refuseWeakKeyDictClass(c, "isinstance()", instance: args[0])
                if mro.contains(c) { return i.heap.newBool(true) }
            }
            // object_isinstance reads `__class__` then, through a class's `__getattribute__`.
            if try i.getattributeHook(of: args[0]) != nil {
                throw i.notModelled("isinstance() of an instance whose class defines __getattribute__, false by its type",
                                    because: "CPython then looks `__class__` up through the hook")
            }
            return i.heap.newBool(false)
        }
        defineFunction(in: d, "sum") { i, _, args, _ in
            try i.builtinSum(args[0], start: args.count > 1 ? args[1] : nil)
        }
        for (fname, op) in [("min", CompareOp.lt), ("max", CompareOp.gt)] {
            defineFunction(in: d, fname) { i, _, args, kwargs in
                // min_max iterates the argument tuple, holding each item and the best one
                // (references the engine's borrowed arguments do not show): refused where a
                // class's comparison method could see them.
                if args.count > 1 {
                    for x in args where try i.hasSlotRichCompare(x) {
                        throw i.notModelled("\(fname)() of several arguments with comparison methods of a class")
                    }
                }
                return try i.builtinMinMax(fname, op, args, kwargs)
            }
        }
        defineFunction(in: d, "sorted") { i, _, args, kwargs in
            let l: ObjectRef
            if let len = try i.sizedInstanceLength(args[0]) {
                l = try i.listOfSizedInstance(args[0], len: len, listInit: false)
            } else {
                let items = try i.iterateToArray(args[0], orderBlind: true)
                // A set's items are distinct, so sorting them hides its table order, unless the
                // comparisons can fail or differ in kind (the TypeError names the first pair).
                if let st = i.heap.payload[Int(args[0])].setStorage, !i.sortHidesOrder(items) {
                    do { try i.refuseUnknownOrder(st, args[0]) } catch { items.forEach(i.heap.decref); throw error }
                }
                l = try i.newList(items, extend: true, from: args[0])
            }
            // builtin_sorted calls the new list's `sort`, a bound builtin method it looks up
            // and releases (a GC object while it lives; off the free list before 3.9).
            let sort: ObjectRef
            do { sort = try i.getAttr(l, "sort") } catch { i.heap.decref(l); throw error }
            defer { i.heap.decref(sort) }
            do { try i.sortList(l, kwargs) } catch { i.heap.decref(l); throw error }
            return l
        }
        defineFunction(in: d, "iter") { i, _, args, _ in
            return try i.getIter(args[0])
        }
        defineFunction(in: d, "next") { i, _, args, _ in
            if let gen = i.generator(args[0]) {
                let (item, returned) = try i.genSend(args[0], gen, i.heap.none)
                if let item { return item }
                guard args.count > 1 else { throw try i.raiseStopIteration(returned) }
                returned.map(i.heap.decref)
                i.heap.incref(args[1])
                return args[1]
            }
            if case .instance = i.heap.payload[Int(args[0])] {
                // builtin_next calls tp_iternext: a StopIteration from `__next__` is passed
                // on as it is, or cleared for the default.
                do { return try i.slotIterNext(args[0]) } catch let e as PyException where args.count > 1 && i.isStopIteration(e) {
                    i.releaseException(e)
                    i.heap.incref(args[1])
                    return args[1]
                }
            }
            if let v = try i.next(args[0]) { return v }
            guard args.count > 1 else { throw try i.raiseNew("StopIteration", args: []) }
            i.heap.incref(args[1])
            return args[1]
        }
        defineFunction(in: d, "hash") { i, _, args, _ in
            // _Py_HashPointer: an address hash is followed like the int id() gives.
            let h = try i.reproducibleHash(args[0])   // an unhashable object raises first
            let byAddress = try i.hashIsAddress(args[0])
            if byAddress { try i.refuseAddressObservation("hash()") }
            let result = try i.newInt(h)
            if byAddress { i.heap.noteIdentityTaken(result, of: args[0]) }
            return result
        }
        defineFunction(in: d, "callable") { i, _, args, _ in
            i.heap.newBool(try i.isCallable(args[0]))
        }
        defineFunction(in: d, "any") { i, _, args, _ in try i.builtinAnyAll(args[0], decisive: true) }
        defineFunction(in: d, "all") { i, _, args, _ in try i.builtinAnyAll(args[0], decisive: false) }
        // No `enumerate`: CPython's is a type whose objects are GC-tracked iterators over the
        // underlying iterator (sys.getsizeof(enumerate(range(1000))) is 80 on 3.6.15, 64 on
        // 3.8.18, 72 on 3.11.7-3.13.0). The engine has no such object, so the name is refused
        // (the recorded surface has it), as a value too: a builtin function in its place would
        // print `<built-in function enumerate>` where CPython prints `<class 'enumerate'>`.
        defineFunction(in: d, "globals") { i, _, _, _ in i.heap.incref(i.mainDict); return i.mainDict }
    }

    /// PyCallable_Check: the type has tp_call.
    func isCallable(_ r: ObjectRef) throws -> Bool {
        switch heap.payload[Int(r)] {
        case .function, .builtin, .method, .type: return true
        // sm_call (3.10+): a staticmethod object is callable.
        case .native(let o) where (o as? FuncWrapperObject).map { !$0.isClassMethod } ?? false:
            return profile.funcWrappersCopyAttributes
        case .instance: return try lookupSpecial(r, "__call__") != nil
        // weakref.ref and CallableProxyType have tp_call, ProxyType has not.
        case .weakref: return heap.typeOf[Int(r)] != heap.weakProxyType
        case .native(let o) where o is PartialObject: return true
        case .native(let o) where o is LruCacheObject: return true
        default: return heap.methodWrapper(r) != nil
        }
    }

    /// Calling a builtin type: int(), str(), list(), dict(), ...
    func constructBuiltin(_ kind: TypeKind, _ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        // A phantom start-up object is only counted and compared by identity (GCModule.swift);
        // an id() value while addresses are not CPython's too, but its type is int whatever it
        // holds, and str() of it is a str spelled from it (UnplacedIds.swift).
        for a in args where !((kind == .type || kind == .str) && args.count == 1 && unplacedId(a) != nil) { try refuseStartupObject(a) }
        // A ctypes class's type is its metaclass, _ctypes.PyCSimpleType (CtypesModule.swift).
        if kind == .type, args.count == 1, isCtypesType(args[0]) {
            throw notModelled("type(ctypes.\(heap.typeInfo(args[0]).name))", because: "it is the metaclass _ctypes.PyCSimpleType")
        }
        let a = args.first
        // str(x, encoding) reads a bytearray's buffer.
        if kind == .str && args.count > 1, let a, heap.byteArray(a) != nil || heap.memoryView(a) != nil {
            throw notModelled("\(heap.typeInfo(type).name)() of a \(typeName(a))")
        }
        if kind == .int || kind == .float, let a, heap.memoryView(a) != nil {
            throw notModelled("\(heap.typeInfo(type).name)() of a memoryview", because: "reading its buffer is not modelled there")
        }
        if kind == .int || kind == .float || (kind == .str && args.count > 1), let a, heap.array(a) != nil {
            throw notModelled("\(heap.typeInfo(type).name)() of an array.array", because: "reading its buffer is not modelled")
        }
        // complex_int / complex_float before 3.10; no nb_int / nb_float after (measured).
        if kind == .int || kind == .float, args.count == 1, let a, heap.complexValue(a) != nil {
            if profile.minor < 10 { throw error("TypeError", "can't convert complex to \(kind == .int ? "int" : "float")") }
            throw error("TypeError", kind == .int ? "int() argument must be a string, a bytes-like object or a real number, not 'complex'"
                                                  : "float() argument must be a string or a real number, not 'complex'")
        }
        switch kind {
        case .enumerate: return try newEnumerate(type, args, kwargs)
        case .zip: return try newZip(type, args, kwargs)
        case .map: return try newMap(type, args)
        case .filter: return try newFilter(type, args)
        case .reversed: return try newReversed(args, kwargs)
        case .property: return try newProperty(type, args, kwargs, packs: !profile.typeCallPacksArguments)
        case .superObject: return try newSuper(type, args, kwargs, frame: nil)
        case .deque: return try newDequeCall(type, args, kwargs)
        case .bytearray: return try newByteArrayCall(args, kwargs)
        case .memoryView: return try newMemoryViewCall(args, kwargs)
        case .managedBuffer: throw error("TypeError", "cannot create 'managedbuffer' instances")
        case .complex: return try newComplexCall(args, kwargs)
        case .mappingProxy: throw notModelled("mappingproxy() called this way")
        case .itertools: throw notModelled("\(heap.typeInfo(type).name)() called this way")
        case .partial: throw notModelled("functools.partial() called this way")
        case .array: throw notModelled("array.array() called this way")
        case .arrayIterator: throw error("TypeError", "cannot create '\(heap.typeInfo(type).name)' instances")
        case .classmethod, .staticmethod:
            return try newFuncWrapper(kind, type, args, kwargs, packs: !profile.typeCallPacksArguments)
        case .object:
            guard args.isEmpty else { throw error("TypeError", "object() takes no arguments") }
            do { return try heap.newObject(type: type, payload: .empty) } catch { throw memoryError() }
        case .int:
            guard let a else { return try newInt(0) }
            switch heap.payload[Int(a)] {
            case .int(let v): return try newInt(v)
            case .bigInt(let v): return try makeInt(v)
            case .float(let d):
                guard d.isFinite else { throw error(d.isNaN ? "ValueError" : "OverflowError", d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
                return try makeInt(BigInt(d.rounded(.towardZero)))
            case .str(let s):
                // The base argument is not read below: refuse rather than parse in base 10.
                if args.count > 1 { throw notModelled("int() with a base") }
                let text = Interpreter.stripSpace(s.value)
                guard let v = try longFromDecimalString(Substring(text)) else {
                    throw error("ValueError", "invalid literal for int() with base 10: \(Interpreter.strRepr(s.value))")
                }
                return try makeInt(v)
            default:
                // long_new_impl / _PyLong_FromBytes: a bytes or bytearray is parsed as ASCII
                // text; the error shows it as bytes (`b'x'`, also for a bytearray).
                if let bytes = bytesContents(a) {
                    if args.count > 1 { throw notModelled("int() with a base") }
                    if bytes.allSatisfy({ $0 < 0x80 }), let v = try longFromDecimalString(Substring(Interpreter.stripSpace(String(decoding: bytes, as: UTF8.self)))) {
                        return try makeInt(v)
                    }
                    throw error("ValueError", "invalid literal for int() with base 10: \(Interpreter.bytesRepr(bytes))")
                }
                try refuseNumberConversion(a, "int()", dunders: ["__int__", "__index__", "__trunc__"])
                throw error("TypeError", "int() argument must be a string, a bytes-like object or a \(realNumber)number, not '\(typeName(a))'")
            }
        case .float:
            guard let a else { return try newFloat(0) }
            if let n = number(a) { return try newFloat(doubleOf(n)) }
            let text: String
            if case .str(let s) = heap.payload[Int(a)] {
                text = s.value
            } else if let bytes = bytesContents(a) {
                // PyFloat_FromString reads a bytes-like object's buffer as text.
                if bytes.allSatisfy({ $0 < 0x80 }) { text = String(decoding: bytes, as: UTF8.self) } else { text = "?" }
            } else {
                try refuseNumberConversion(a, "float()", dunders: ["__float__", "__index__"])
                throw error("TypeError", "float() argument must be a string or a \(realNumber)number, not '\(typeName(a))'")
            }
            // PyOS_string_to_double: decimal only (Swift's parser also takes hex floats),
            // with PEP 515 underscores between digits (not modelled).
            let stripped = Interpreter.stripSpace(text)
            if stripped.contains("_") { throw notModelled("float() of a str with underscores") }
            if !stripped.contains(where: { $0 == "x" || $0 == "X" || $0 == "p" || $0 == "P" }), let d = Double(stripped) {
                return try newFloat(d)
            }
            // The text shown for nothing but whitespace: nothing on 3.6.15, '' on 3.8.18, the
            // argument's repr from 3.11.7 (measured with '', ' ', b'' and b' ').
            let shown: String
            if stripped.isEmpty && profile.minor < 11 {
                shown = profile.minor < 8 ? "" : "''"
            } else {
                shown = reprString(a)   // a bytearray shows as `bytearray(b'x')` here, unlike in int()
            }
            throw error("ValueError", "could not convert string to float: \(shown)")
        case .str:
            guard let a else { heap.incref(heap.emptyStr); return heap.emptyStr }
            return try strObject(a)
        case .bool:
            return heap.newBool(try a.map { try isTrue($0) } ?? false)
        case .bytes:
            guard let a else { heap.incref(heap.emptyBytes); return heap.emptyBytes }
            switch heap.payload[Int(a)] {
            case .int(let n):
                // bytes_new: PyNumber_AsSsize_t, then _PyBytes_FromSize checks the size
                // before anything is allocated.
                guard n >= 0 else { throw error("ValueError", "negative count") }
                try ensureHeapRoom(n)
                return try newBytes([UInt8](repeating: 0, count: n))
            case .bigInt: throw error("OverflowError", "cannot fit 'int' into an index-sized integer")
            case .str: throw error("TypeError", "string argument without an encoding")
            // _PyBytes_FromBuffer: PyBytes_FromStringAndSize(NULL, n), filled in place.
            case .native(let o as ByteArrayObject): return try newBytesObject(o.bytes)
            // _PyBytes_FromBuffer of a view: its items, contiguous (MemoryViewObject.swift).
            case .native(let o as MemoryViewObject): return try memoryViewToBytes(o)
            // bytes_new: an exact bytes is returned as it is (`bytes(b) is b`).
            case .bytes where heap.kind(a) == .bytes: heap.incref(a); return a
            // An array's buffer likewise: its items' raw bytes (array_buffer_getbuf).
            case .native(let o as ArrayObject): return try newBytesObject(o.bytes)
            default: break
            }
            if heap.typeInfo(of: a).isHeapType {
                for d in ["__bytes__", "__index__"] where try lookupSpecial(a, d) != nil {
                    throw notModelled("bytes() of a '\(typeName(a))' object with \(d)")
                }
            }
            try refuseLengthHint(a)
            // PyBytes_FromObject: a TypeError from PyObject_GetIter becomes "cannot convert".
            let it: ObjectRef
            do { it = try getIter(a) } catch let e as PyException {
                guard exceptionMatches(e, "TypeError") else { throw e }
                releaseException(e)
                throw error("TypeError", "cannot convert '\(typeName(a))' object to bytes")
            }
            defer { heap.decref(it) }
            // _PyBytes_FromList / _PyBytes_FromIterator: PyNumber_AsSsize_t (clipped, so a
            // big int is out of range too), then the range check, item by item.
            var bytes: [UInt8] = []
            while let item = try next(it) {
                defer { heap.decref(item) }
                try step()
                if case .bigInt = heap.payload[Int(item)] { throw error("ValueError", "bytes must be in range(0, 256)") }
                let v = try intIndex(item, "'\(typeName(item))' object cannot be interpreted as an integer")
                guard v >= 0 && v < 256 else { throw error("ValueError", "bytes must be in range(0, 256)") }
                bytes.append(UInt8(v))
            }
            return try newBytes(bytes)
        case .list:
            guard let a else { return try newListCall([], from: heap.none) }
            if let len = try sizedInstanceLength(a) { return try listOfSizedInstance(a, len: len, listInit: true) }
            return try newListCall(try iterateToArray(a), from: a)
        case .tuple:
            guard let a else { heap.incref(heap.emptyTuple); return heap.emptyTuple }
            return try sequenceTuple(a)
        case .frozenset:
            // frozenset_new: an exact frozenset argument is returned as it is.
            if let a, heap.typeOf[Int(a)] == type { heap.incref(a); return a }
            // Before 3.10 the empty frozenset is one shared singleton (frozenset_new's
            // `emptyfrozenset`): an exact frozenset() gives it without making a set, and a
            // frozenset made from an empty iterable is freed for it.
            let sharesEmpty = profile.minor < 10 && type == heap.builtinType(.frozenset)
            if a == nil, sharesEmpty { return try emptyFrozensetSingleton() }
            let s: ObjectRef
            do { s = try heap.newSetObject(SetStorage(layouts: layouts), type: type) } catch { throw memoryError() }
            if let a { do { try setUpdateInternal(s, a) } catch { heap.decref(s); throw error } }
            if sharesEmpty, let st = heap.payload[Int(s)].setStorage, st.count == 0 {
                heap.decref(s)
                return try emptyFrozensetSingleton()
            }
            return s
        case .set:
            let s = try newSet([])
            if let a { do { try setUpdateInternal(s, a) } catch { heap.decref(s); throw error } }
            return s
        case .dict:
            // dict_new: tp_alloc, not the free list; 3.7 and 3.8 give the new dict a keys
            // object of its own.
            let d = try newDict(layouts.emptyDictKeys == .allocatedByDictCall ? DictStorage(minimumSize: layouts) : DictStorage(),
                                usingFreeList: false)
            do { try dictInit(d, a, kwargs) } catch { heap.decref(d); throw error }
            return d
        case .weakref:
            guard let a, args.count <= 2 else {
                throw error("TypeError", "__new__ expected at most 2 arguments, got \(args.count)")
            }
            // Generators have gi_weakreflist; the engine does not keep one for them.
            if generator(a) != nil { throw notModelled("weak references to generators") }
            try refuseUnmodelledWeakrefTarget(a)
            try refuseMemoryViewOperand(a, "weak references to memoryview objects")
            try refuseDequeOperand(a, "weak references to deques")
            if partialObject(a) != nil { throw notModelled("weak references to functools.partial objects") }
            try refuseGenericAlias(a, "a weak reference to")
            if lruCacheObject(a) != nil { throw notModelled("weak references to functools.lru_cache wrappers") }
            guard heap.supportsWeakrefs(a) else {
                throw error("TypeError", "cannot create weak reference to '\(typeName(a))' object")
            }
            let callback = args.count == 2 && args[1] != heap.none ? args[1] : nil
            do { return try heap.newWeakref(to: a, callback: callback) } catch { throw memoryError() }
        case .type:
            guard args.count != 2 else { throw error("TypeError", "type() takes 1 or 3 arguments") }
            guard args.count == 1, let a else { throw notModelled("type() with three arguments") }
            try refuseWeakKeyDictClass(a, "type()")
            if isKeyedRef(a) { throw notModelled("type() of a weakref.KeyedRef", because: "heapbook makes Lib/weakref.py's KeyedRef class natively") }
            let t = heap.typeOf[Int(a)]
            heap.incref(t)
            return t
        case .range:
            // The engine's ranges hold machine integers; CPython's hold any int.
            if args.contains(where: { if case .bigInt = heap.payload[Int($0)] { return true }; return false }) {
                throw notModelled("range() beyond 64-bit integers")
            }
            let ints = try args.map { try intIndex($0, "'\(typeName($0))' object cannot be interpreted as an integer") }
            let rv: RangeValue
            switch ints.count {
            case 1: rv = RangeValue(start: 0, stop: ints[0], step: 1)
            case 2: rv = RangeValue(start: ints[0], stop: ints[1], step: 1)
            case 3:
                guard ints[2] != 0 else { throw error("ValueError", "range() arg 3 must not be zero") }
                rv = RangeValue(start: ints[0], stop: ints[1], step: ints[2])
            default: throw error("TypeError", "range expected at least 1 argument, got \(ints.count)")
            }
            // RangeValue.count works in Int: a length past sys.maxsize (whose len() CPython
            // refuses with OverflowError) would overflow it.
            if rv.stop.subtractingReportingOverflow(rv.start).overflow
                || rv.start.subtractingReportingOverflow(rv.stop).overflow || rv.step == Int.min {
                throw notModelled("range() longer than sys.maxsize")
            }
            do { return try heap.newObject(type: type, payload: .range(rv)) } catch { throw memoryError() }
        default:
            // none_new, notimplemented_new, ellipsis_new: the singleton, without arguments
            // (their error names the type as written there: "EllipsisType", not "ellipsis").
            for (singleton, name) in [(heap.none, "NoneType"), (heap.notImplemented, "NotImplementedType"), (heap.ellipsis, "EllipsisType")]
            where heap.typeOf[Int(singleton)] == type {
                guard args.isEmpty, kwargs.isEmpty else { throw error("TypeError", "\(name) takes no arguments") }
                heap.incref(singleton)
                return singleton
            }
            throw error("TypeError", "cannot create '\(heap.typeInfo(type).name)' instances")
        }
    }
}

extension Interpreter {
    /// The bytes of a bytes or bytearray (the bytes-like objects int() and float() read).
    func bytesContents(_ r: ObjectRef) -> [UInt8]? {
        switch heap.payload[Int(r)] {
        case .bytes(let b): return b
        case .native(let o as ByteArrayObject): return o.bytes
        default: return nil
        }
    }

    /// int() and float()'s TypeError says "a number" on 3.6.15 and 3.8.18, "a real number"
    /// from 3.11.7 (measured).
    var realNumber: String { profile.minor >= 11 ? "real " : "" }

    /// int(x) and float(x) call the class's conversion dunders (nb_int, nb_index, nb_float,
    /// `__trunc__`), which the engine does not: refused where the class has one.
    func refuseNumberConversion(_ r: ObjectRef, _ what: String, dunders: [String]) throws {
        guard heap.typeInfo(of: r).isHeapType else { return }
        for d in dunders where try lookupSpecial(r, d) != nil {
            throw notModelled("\(what) of a '\(typeName(r))' object with \(d)")
        }
    }

    /// id() and address hashes: refused while objects may not be at CPython's addresses.
    func refuseAddressObservation(_ what: String) throws {
        if let why = addressObservationRefusal() { throw notModelled(what, because: why) }
    }

    /// Why objects may not be at CPython's addresses, or nil.
    func addressObservationRefusal() -> String? {
        if let why = unknownBlockSizes { return why }
        if let why = heap.deallocOrderUnknown { return why }
        if heap.gc.addressesUnknown {
            return "CPython \(profile.version) may have collected automatically at another "
                + "moment, so a collection here freed its garbage in an order that may not be CPython's, "
                + "and pymalloc may have given later objects other addresses"
        }
        return nil
    }
}
