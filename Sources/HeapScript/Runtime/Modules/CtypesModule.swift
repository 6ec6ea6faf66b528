import HeapEngine
import BigInt

// Lib/ctypes/__init__.py and Modules/_ctypes (_ctypes.c PyCData_AtAddress, CDataType_from_address,
// Simple_get_value, Simple_repr; cfield.c l_get/i_get) at v3.6.15, v3.8.18, v3.11.7, v3.12.1,
// v3.13.0: only what the "Python Deep Dive" idiom uses to read an object's reference count,
//     ctypes.c_long.from_address(id(x)).value
// on x86-64 Linux. c_long is the class c_ssize_t, c_int64 and c_longlong name too (8 bytes,
// `ctypes.c_ssize_t` is `<class 'ctypes.c_long'>` on all five), c_int the class c_int32 names
// (4 bytes: the low half of ob_refcnt). Every other name of the module, and every attribute
// of the classes and objects but `from_address`, `value` and `__class__`, is refused.
//
// `.value` reads ob_refcnt of the object at the address at each access (Simple_get_value
// calls the field's getter on b_ptr): sys.getrefcount's number less the argument's reference,
// with sys.getrefcount's refusals (start-up objects, 3.11's shared small ints, ...); an
// immortal object's 64-bit field on 3.12.1 and 3.13.0 is 4294967295 (measured
// `ctypes.c_long.from_address(id(None)).value`; c_int gives -1). An address that is not that
// of a live object whose id() was taken (freed memory, or one made up) is refused: CPython
// reads whatever is there. The ctypes object holds no reference to the object it reads.
//
// The import is not modelled object for object: see `noteCtypesImport`. From it on, id()
// answers with an "unplaced" int (UnplacedIds.swift), which may be compared with another
// (equal iff the same live object) or handed to from_address, and nothing else.
extension Interpreter {
    /// ctypes' c_long and c_int classes (heap types in CPython, made by Lib/ctypes/__init__.py).
    ///
    /// sys.getsizeof of an instance (measured): 144 on 3.6.15, 128 on 3.8.18, 136 on 3.11.7,
    /// 128 on 3.12.1 and 3.13.0: CDataObject (96 bytes) plus the instance dict and weakref
    /// pointers or 3.11+'s managed pre-header, which the engine's static type does not have,
    /// so sys.getsizeof of them is refused; they are GC-tracked (`gc.is_tracked` True on all five).
    func importCtypesModule(_ d: ObjectRef) throws {
        if ctypesFromAddress < 0 {
            ctypesFromAddress = registerBuiltin("from_address", module: "ctypes") { i, s, args, _ in
                try i.ctypesFromAddress(s!, args[0])
            }
        }
        let object = heap.builtinType(.object)
        for (cls, names, width) in [("c_long", ["c_long", "c_ssize_t", "c_int64", "c_longlong"], 8),
                                    ("c_int", ["c_int", "c_int32"], 4)] {
            let t = heap.newStaticType(name: cls, kind: .ctypesSimple, base: object, basicSize: 96, isGC: true)
            heap.typeInfo(t).module = "ctypes"
            // CPython's class is a heap type its module, its subclasses' MRO and its
            // instances refer to: its count is refused.
            heap.markModuleTypeCountUnmodelled(t)
            ctypesWidths[t] = width
            for n in names { try dictSet(d, name(n), t) }
        }
        opaqueObjects[d] = "ctypes.__dict__"
        // 3.13: from_address is METH_METHOD (the module's state is found through the class),
        // so the bound object is a PyCMethodObject: `type(ctypes.c_long.from_address)` is
        // builtin_method and sys.getsizeof 80 (64 and the GC header) on 3.13.0, while
        // 3.6.15-3.12.1 give builtin_function_or_method (80 on 3.6.15, 72 on 3.8.18-3.12.1).
        if profile.minor >= 13, ctypesBuiltinMethodType == nil {
            let bf = heap.builtinType(.builtinFunction)
            ctypesBuiltinMethodType = heap.newStaticType(name: "builtin_method", kind: .builtinFunction, base: bf,
                                                         basicSize: heap.typeInfo(bf).basicSize + 8, isGC: true)
        }
        noteCtypesImport()
    }

    /// What CPython's first `import ctypes` does that the engine's does not model: it runs
    /// Lib/ctypes/__init__.py and _endian.py, loads _ctypes and libffi, makes dozens of heap
    /// types (measured `gc.collect(); c = gc.get_count(); import ctypes; gc.get_count()`:
    /// as a script (0, 0, 0) → (178, 1, 0) on 3.6.15, (133, 1, 0) on 3.8.18, (77, 1, 0) on
    /// 3.11.7, (255, 1, 0) on 3.12.1, (970, 0, 0) on 3.13.0; at the prompt (3, 0, 0) →
    /// (165, 1, 0), (1, 0, 0) → (120, 1, 0), (1, 0, 0) → (67, 1, 0), (0, 0, 0) → (128, 1, 0),
    /// (0, 0, 0) → (785, 0, 0)). Start-up never imported it ('ctypes' in sys.modules is False
    /// at the first prompt of all five). `gc.disable(); import ctypes; gc.collect()`: 0 on
    /// 3.6.15, 3.8.18 and 3.11.7; 7 in a 3.12.1 or 3.13.0 script, 0 at the 3.12.1 prompt and
    /// 5 at the 3.13.0 prompt (the start-up garbage `Profile.startupGarbageClass` models).
    private func noteCtypesImport() {
        noteUnmodelledImport("ctypes", blocks: "Lib/ctypes' code, _ctypes' types, struct, _endian",
                             objects: "its classes, functions, code objects", leavesGarbage: profile.minor >= 12 && scriptStartup)
    }

    /// Why the rest of the classes and their objects is refused.
    static let ctypesModelled = "heapbook models only from_address, value, repr and bool of ctypes' c_long and c_int"

    func isCtypesType(_ r: ObjectRef) -> Bool {
        if case .type(let info) = heap.payload[Int(r)] { return info.kind == .ctypesSimple }
        return false
    }

    func ctypesObject(_ r: ObjectRef) -> CtypesSimpleObject? {
        if case .native(let o) = heap.payload[Int(r)] { return o as? CtypesSimpleObject }
        return nil
    }

    /// `ctypes.c_long.X`, `o.X`: `from_address` (a bound method of the metaclass, made at
    /// each lookup as type_getattro makes it), `value`, `__class__`; the rest refused.
    func ctypesAttribute(_ obj: ObjectRef, _ attr: String) throws -> ObjectRef? {
        if isCtypesType(obj) {
            let cls = heap.typeInfo(obj).name
            // `__class__` too: it is the metaclass, _ctypes.PyCSimpleType.
            guard attr == "from_address" else { throw notModelled("ctypes.\(cls).\(attr)", because: Interpreter.ctypesModelled) }
            heap.incref(obj)
            let info = BuiltinInfo(id: ctypesFromAddress, selfRef: obj)
            guard let t = ctypesBuiltinMethodType else { return try newBuiltinObject(info) }
            do { return try heap.newBuiltinFunction(info, type: t) } catch { throw memoryError() }
        }
        guard let o = ctypesObject(obj) else { return nil }
        let cls = heap.typeInfo(of: obj).name
        guard attr == "value" else {
            if attr == "__class__" { return nil }
            throw notModelled("ctypes.\(cls).\(attr)", because: Interpreter.ctypesModelled)
        }
        return try newInt(try ctypesValue(o, cls))
    }

    /// Writing or deleting any attribute of the classes or their objects (`o.value = 5`
    /// writes the memory): refused.
    func refuseCtypesAttributeStore(_ obj: ObjectRef, _ attr: String) throws {
        if isCtypesType(obj) {
            throw notModelled("ctypes.\(heap.typeInfo(obj).name).\(attr) assignment", because: Interpreter.ctypesModelled)
        }
        if ctypesObject(obj) != nil {
            throw notModelled("ctypes.\(heap.typeInfo(of: obj).name).\(attr) assignment",
                              because: attr == "value" ? "it writes the memory at the address" : Interpreter.ctypesModelled)
        }
    }

    /// Simple_get_value: ob_refcnt of the object the address is that of, read now, as many
    /// bytes as the class has (c_int: the low 4, as a signed int).
    func ctypesValue(_ o: CtypesSimpleObject, _ cls: String) throws -> Int {
        guard o.watch.isAlive else {
            throw notModelled("ctypes.\(cls).value", because: "the object at that address was freed, and CPython "
                              + "\(profile.version) reads whatever its memory holds now")
        }
        let what = "ctypes.\(cls).from_address(id(x)).value"
        try refuseRefcountObservation(o.target, what)
        let n = heap.refcnt[Int(o.target)]
        return o.width == 8 ? n : Int(Int32(truncatingIfNeeded: n))
    }

    /// Simple_bool: whether the bytes at b_ptr are not all zero.
    func ctypesIsTrue(_ r: ObjectRef, _ o: CtypesSimpleObject) throws -> Bool {
        try ctypesValue(o, heap.typeInfo(of: r).name) != 0
    }

    /// Simple_repr: `c_long(<value>)` (the class's own name; the engine has no subclasses).
    func ctypesRepr(_ r: ObjectRef, _ o: CtypesSimpleObject) throws -> String {
        let cls = heap.typeInfo(of: r).name
        return "\(cls)(\(try ctypesValue(o, cls)))"
    }

    /// CDataType_from_address(type, addr): PyCData_AtAddress makes an object of the class
    /// whose b_ptr is `addr` (no reference to what is there). Only an int id() gave for an
    /// object still alive names a place the engine knows.
    func ctypesFromAddress(_ type: ObjectRef, _ addr: ObjectRef) throws -> ObjectRef {
        let cls = heap.typeInfo(type).name
        guard heap.kind(addr) == .int || heap.kind(addr) == .bool else {
            throw notModelled("ctypes.\(cls).from_address() of a '\(typeName(addr))' object", because: "only id()'s ints are modelled addresses")
        }
        guard let known = unplacedId(addr), known.spelling == nil else {
            throw notModelled("ctypes.\(cls).from_address() of an address id() did not give",
                              because: "heapbook knows no memory but its objects'")
        }
        guard heap.isLiveIdentity(addr) else {
            throw notModelled("ctypes.\(cls).from_address() of a freed object's address",
                              because: "CPython \(profile.version) reads whatever that memory holds now")
        }
        let state = CtypesSimpleObject(visitedType: type, target: known.target, watch: heap.watchLife(known.target),
                                       width: ctypesWidths[type] ?? 8)
        do { return try heap.newNativeObject(type: type, state) } catch { throw memoryError() }
    }
}

/// CDataObject of a simple type made by from_address: b_ptr is the address of `target`'s
/// ob_refcnt (the object's start); it holds no reference to it (b_objects and b_base NULL).
/// `watch` says whether `target` is still the object at that address. CPython's class is a
/// heap type, whose instances' subtype_traverse visits it (`gc.get_referents(o)` is
/// `[<class 'ctypes.c_long'>]` on 3.6.15-3.13.0); the engine's static class holds no count
/// to give back (its count is refused), so it is visited, not owned.
final class CtypesSimpleObject: NativeReferents {
    let visitedType: ObjectRef
    let target: ObjectRef
    let watch: LifeWatch
    let width: Int
    init(visitedType: ObjectRef, target: ObjectRef, watch: LifeWatch, width: Int) {
        self.visitedType = visitedType; self.target = target; self.watch = watch; self.width = width
    }
    func forEachReferent(_ body: (ObjectRef) -> Void) { body(visitedType) }
    func releaseReferences(in heap: Heap) {}
}
