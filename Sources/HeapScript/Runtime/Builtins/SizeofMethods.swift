import HeapEngine

/// `__sizeof__` of the builtin types: Objects/typeobject.c's object___sizeof__ (object_sizeof
/// before 3.7) and the types' own, Objects/longobject.c int___sizeof__, unicodeobject.c
/// unicode__sizeof__, listobject.c list___sizeof__, dictobject.c dict_sizeof, setobject.c
/// set_sizeof, genobject.c gen_sizeof (3.11+). Each is a METH_NOARGS method descriptor in its
/// type's dict: `x.__sizeof__` is a builtin_function_or_method bound to x (PyCFunction), and
/// `x.__sizeof__()` calls it without one (LOAD_METHOD).
///
/// Every type's own `__sizeof__` returns what `sys.getsizeof` returns less the GC header
/// (_PySys_GetSizeOf adds the pre-header, GC header and 3.12+'s managed dict/weakref words,
/// for the types PyObject_IS_GC is true of): measured for every kind below on 3.6.15,
/// 3.8.18, 3.11.7, 3.12.1 and 3.13.0 (`x.__sizeof__()` against `sys.getsizeof(x)`).
extension Interpreter {
    /// The kinds whose type defines its own `__sizeof__` (`'__sizeof__' in T.__dict__`,
    /// measured on all five versions: object, type, int, str, list, dict, set, frozenset,
    /// code, and generator from 3.11). bool inherits int's.
    static let ownSizeofKinds: [TypeKind] = [.int, .str, .list, .dict, .set, .frozenset]

    /// The kinds whose instances inherit object.__sizeof__ and whose sizes the engine keeps
    /// as CPython's basicsize (+ itemsize × ob_size for tuple and bytes, whose object_sizeof
    /// counts their items as sys.getsizeof does).
    static let objectSizeofKinds: [TypeKind] = [
        .object, .float, .bytes, .tuple, .none, .function, .range,
        .listIterator, .tupleIterator, .rangeIterator, .dictIterator, .setIterator, .strIterator,
        .ellipsis, .notImplemented, .enumerate, .zip, .listReverseIterator, .map, .filter,
        .dictKeys, .dictValues, .dictItems, .builtinFunction, .method,
    ]

    func registerSizeofMethods() {
        objectSizeof = registerBuiltin("__sizeof__", owner: .object) { i, s, _, _ in
            try i.newInt(try i.objectSizeofValue(s!))
        }
        for kind in Interpreter.objectSizeofKinds { methodTable[kind, default: [:]]["__sizeof__"] = objectSizeof }
        for kind in Interpreter.ownSizeofKinds {
            defineMethod(kind, "__sizeof__") { i, s, _, _ in try i.newInt(try i.ownSizeofValue(s!)) }
        }
        // bool has no `__sizeof__` of its own: `True.__sizeof__` is int's (28 on 3.11.7).
        methodTable[.bool, default: [:]]["__sizeof__"] = methodTable[.int]!["__sizeof__"]
        // genobject.c's gen_sizeof came with 3.11's frame in the generator (its slots follow
        // the header); before, a generator's size is its basicsize (3.6.15: 64, 3.8.18: 96).
        if profile.minor >= 11 {
            defineMethod(.generator, "__sizeof__") { i, s, _, _ in try i.newInt(try i.ownSizeofValue(s!)) }
        } else {
            methodTable[.generator, default: [:]]["__sizeof__"] = objectSizeof
        }
    }

    /// A type's own `__sizeof__` on `s` (an instance of it or of a builtin subtype, which
    /// `callBuiltin` has checked): sys.getsizeof less the GC pre-header.
    func ownSizeofValue(_ s: ObjectRef) throws -> Int {
        let info = heap.typeInfo(of: s)
        guard !info.isHeapType else { throw notModelled("\(typeName(s)).__sizeof__ of a subclass instance") }
        try checkGeneratorSizeKnown(s)
        return sizeof(s) - info.preHeaderSize
    }

    /// object_sizeof: `tp_basicsize + |ob_size| × tp_itemsize` of `s`'s own type, whatever
    /// that type's own `__sizeof__` says (`object.__sizeof__([1, 2])` is list's basicsize, 40).
    func objectSizeofValue(_ s: ObjectRef) throws -> Int {
        let info = heap.typeInfo(of: s)
        let kind = heap.kind(s)
        if !info.isHeapType, Interpreter.objectSizeofKinds.contains(kind) || (kind == .generator && profile.minor < 11) {
            try checkGeneratorSizeKnown(s)
            return sizeof(s) - info.preHeaderSize
        }
        // An instance of a class (no items): its basicsize, slots included, without the
        // pre-header (`object.__sizeof__(C())` 16 and `sys.getsizeof(C())` 48 on 3.12.1).
        if info.isHeapType, case .instance = heap.payload[Int(s)] { return sizeof(s) - info.preHeaderSize }
        switch kind {
        // Types with their own __sizeof__ and no items: their basicsize (list 40, dict 48,
        // set 200 on every version).
        case .list, .dict, .set, .frozenset where !info.isHeapType:
            return heap.typeInfo(heap.builtinType(kind)).basicSize
        default:
            throw notModelled("object.__sizeof__() of a '\(typeName(s))' object")
        }
    }

    /// A generator whose frame's size the engine does not know (`GenObject.size` nil): its
    /// `__sizeof__` is refused as `sys.getsizeof` of it is.
    func checkGeneratorSizeKnown(_ s: ObjectRef) throws {
        if let gen = generator(s), gen.size == nil {
            throw notModelled("sys.getsizeof() of this generator", because: "its frame's size depends on "
                              + "co_stacksize, which heapbook does not know for CPython \(profile.version)'s code of "
                              + "its function (an inlined comprehension or a class body)")
        }
    }
}
