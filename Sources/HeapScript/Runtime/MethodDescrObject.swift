import HeapEngine

// Objects/descrobject.c: PyMethodDescrObject, the `method_descriptor` in a builtin type's
// dict for each of its methods (`list.__dict__['append']`).
//
// type_ready's add_methods makes one descriptor per PyMethodDef when the type is readied, at
// start-up: `list.append` reads the dict and returns that same object each time
// (`list.append is list.append`, `sys.getrefcount(list.append)` 2 — the dict's reference
// and the argument's — on 3.6.15 to 3.13.0), a subclass finds it through its MRO, and only
// binding it to an instance (`[].append`) makes a new object, a builtin_function_or_method.
//
// The engine makes a descriptor at the first lookup of its name on the type and keeps it,
// with the one reference the type's dict holds, for the session. It is a start-up object
// made late: it takes no simulated memory (CPython's block is in start-up's arenas), and
// `gc.get_objects()` already counts CPython's among the start-up phantoms, so it is not
// put in the collector's lists (gc.is_tracked says what CPython's descriptor is: tracked).
// Its size is builtin_function_or_method's (sizeof(PyMethodDescrObject) equals
// sizeof(PyCFunctionObject): `sys.getsizeof(list.append)` 80 on 3.6.15, 72 on 3.8.18 to
// 3.13.0, as `sys.getsizeof(len)`).
//
// Counts: start-up code holds more references to a few descriptors, measured with
// `sys.getrefcount(getattr(T, name))` over every method of the types in
// `descriptorCountKinds`, as a script and at the prompt: `int.__format__` and
// `str.__format__` from 3.11 (6 to 12 references: the format() fast paths' caches), and at
// 3.13.0's prompt (_pyrepl) the `copy` of list, dict, set and bytearray (4). Those, and the
// descriptors of the types not measured, have their counts refused.
extension Interpreter {
    /// The types whose descriptors' counts were measured on every version (above).
    static let descriptorCountKinds: Set<TypeKind> = [
        .int, .bool, .float, .str, .bytes, .bytearray, .tuple, .list, .dict, .set, .frozenset,
        .object, .type, .complex, .range, .memoryView,
    ]

    /// `T.name` for the builtin method `id` of a builtin type: the descriptor of the type's
    /// dict (a new reference).
    func methodDescriptor(_ id: Int32) -> ObjectRef {
        if let d = methodDescriptors[id] { heap.incref(d); return d }
        let type: ObjectRef
        if let t = heap.methodDescriptorType { type = t } else {
            let cfunction = heap.builtinType(.builtinFunction)
            type = heap.newStaticType(name: "method_descriptor", kind: .builtinFunction, base: heap.builtinType(.object),
                                      basicSize: heap.typeInfo(cfunction).basicSize, isGC: true)
            heap.methodDescriptorType = type
        }
        // The type's dict's reference, and the caller's.
        let d = heap.newStartupObject(type: type, payload: .builtin(BuiltinInfo(id: id, selfRef: nil)), refcount: 2)
        methodDescriptors[id] = d
        return d
    }

    /// Whether `r` is a method descriptor (`type(r).__name__ == 'method_descriptor'`).
    func isMethodDescriptor(_ r: ObjectRef) -> Bool {
        heap.methodDescriptorType != nil && heap.typeOf[Int(r)] == heap.methodDescriptorType
    }

    /// sys.getrefcount of a descriptor start-up code also holds, or of one not measured.
    func refuseMethodDescriptorRefcount(_ r: ObjectRef) throws {
        guard isMethodDescriptor(r), case .builtin(let b) = heap.payload[Int(r)] else { return }
        let fn = builtinTable[Int(b.id)]
        let measured = fn.owner.map { Interpreter.descriptorCountKinds.contains($0) } ?? false
        let startupHeld = (fn.name == "__format__" && profile.minor >= 11)
            || (fn.name == "copy" && profile.minor >= 13 && !scriptStartup)
        guard !measured || startupHeld else { return }
        throw notModelled("sys.getrefcount(\(try repr(r)))",
                          because: "CPython \(profile.version)'s start-up code may hold references to it that heapbook does not see")
    }
}
