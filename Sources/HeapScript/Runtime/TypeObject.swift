import HeapEngine

// Objects/typeobject.c: which special names of a class the engine honours.
//
// type_new (and type_setattro's update_slot afterwards) turns a special name in the class
// dict into a type slot or protocol: `__slots__` changes the instance layout, `__sizeof__`
// what sys.getsizeof reports, `__eq__` sets `__hash__` to None, `__len__`'s result is
// checked by slot_sq_length, and so on. The engine honours a special name only where it
// reproduces all of that; every other special name is refused when the class is made (or
// the name set on it later), never accepted and ignored.

extension Interpreter {
    /// The special names a class may define that the engine honours exactly, each only as
    /// a plain function (a `def` in the body): `__init__` (slot_tp_init, its None check),
    /// `__del__` (slot_tp_finalize, PEP 442), `__repr__` and `__str__` (slot_tp_repr /
    /// slot_tp_str and PyObject_Repr / PyObject_Str's non-string checks), `__enter__` and
    /// `__exit__` (no slot: `with` looks them up on the type, CEval.beforeWith).
    static let honouredSpecialMethods: Set<String> = ["__init__", "__del__", "__repr__", "__str__", "__enter__", "__exit__"]

    /// Whether `name` is a special ("dunder") name: `__x__`.
    static func isSpecialName(_ name: String) -> Bool {
        name.count > 4 && name.hasPrefix("__") && name.hasSuffix("__")
    }

    /// type_new's view of the class namespace: refuses every special name the engine would
    /// otherwise accept and ignore. The body's prologue stored `__module__`, `__qualname__`
    /// (and on 3.13 `__firstlineno__`, `__static_attributes__`); CPython honours a body that
    /// rebinds them (type_new takes `__qualname__` out of the dict and uses it, the repr reads
    /// `__module__`), the engine does not, so a changed value is refused. Values are compared,
    /// not identities: a rebound name's old object may be freed and its slot reused.
    func checkClassNamespace(_ namespace: ObjectRef, qualname: String, firstLine: Int,
                             staticAttributes: ObjectRef?) throws {
        for (k, v) in dictStorage(namespace).items {
            guard case .str(let s) = heap.payload[Int(k)], Interpreter.isSpecialName(s.value) else { continue }
            let unchanged: Bool
            switch s.value {
            case "__module__": unchanged = isExactStr(v) && stringValue(v) == "__main__"
            case "__qualname__": unchanged = isExactStr(v) && stringValue(v) == qualname
            case "__firstlineno__" where profile.classStaticAttributes:
                if case .int(let n) = heap.payload[Int(v)], heap.kind(v) == .int { unchanged = n == firstLine } else { unchanged = false }
            case "__static_attributes__" where staticAttributes != nil:
                unchanged = v == staticAttributes   // a code constant: alive as long as the code
            case "__doc__":
                // A docstring (compiler_body's STORE_NAME __doc__) or any binding of the name:
                // type_new keeps it in the dict, where type's __doc__ getter finds it.
                continue
            default:
                try checkSpecialMethod(s.value, v)
                continue
            }
            if !unchanged { throw notModelled(s.value) }
        }
    }

    /// A special name set on a class or an instance after the class exists
    /// (type_setattro / object's generic setattr): refuses what the engine does not honour.
    /// `value` is nil for `del`.
    func checkSpecialAttributeAssignment(_ obj: ObjectRef, _ attr: String, _ value: ObjectRef?) throws {
        guard Interpreter.isSpecialName(attr) else { return }
        switch heap.payload[Int(obj)] {
        case .type(let info) where info.isHeapType:
            // type_setattro → update_slot; `__name__`, `__qualname__`, `__module__`,
            // `__doc__`, `__bases__`, `__dict__` are type getsets or read by the repr.
            guard let value else {
                // Deleting a slot method makes the next base's one apply: not modelled.
                if Interpreter.honouredSpecialMethods.contains(attr) { throw notModelled("del \(info.name).\(attr)") }
                throw notModelled(attr)
            }
            try checkSpecialMethod(attr, value)
        case .instance:
            // `__class__`, `__dict__` and `__weakref__` are data descriptors of every
            // class (object.__class__, subtype_dict, subtype_getweakref): assignment changes the
            // type or the dict, or raises; any other special name is an ordinary instance
            // attribute that the slots never read.
            if ["__class__", "__dict__", "__weakref__"].contains(attr) {
                throw notModelled(value == nil ? "del obj.\(attr)" : "\(attr) assignment")
            }
        default: return
        }
    }

    /// One special name bound in a class: honoured only when it is a plain function
    /// among `honouredSpecialMethods` (a non-function value is called through the slot,
    /// and a class attribute whose type defines `__get__` is a descriptor).
    private func checkSpecialMethod(_ name: String, _ value: ObjectRef) throws {
        guard Interpreter.honouredSpecialMethods.contains(name), case .function = heap.payload[Int(value)] else {
            throw notModelled(name)
        }
    }
}
