/// Start-up: the builtin types and the singletons CPython creates before any user code
/// runs (Python/pylifecycle.c: pycore_init_types, _PyLong_InitGlobalObjects...).
///
/// These objects are static in CPython 3.11 (in the binary or `_PyRuntime`), so they take
/// addresses from the static region and are never freed.
extension Heap {
    func bootstrap() {
        // `type` first: every type object's ob_type is `type`.
        let order: [(TypeKind, String)] = [
            (.type, "type"), (.object, "object"), (.int, "int"), (.bool, "bool"), (.float, "float"),
            (.str, "str"), (.bytes, "bytes"), (.tuple, "tuple"), (.list, "list"), (.dict, "dict"),
            (.set, "set"), (.frozenset, "frozenset"), (.none, "NoneType"), (.function, "function"),
            (.builtinFunction, "builtin_function_or_method"), (.method, "method"),
            // 3.11 gave the weakref type its module (tp_name "weakref.ReferenceType").
            (.module, "module"), (.range, "range"), (.weakref, profile.weakrefTypeName),
            (.cell, "cell"), (.code, "code"), (.notImplemented, "NotImplementedType"),
            (.ellipsis, "ellipsis"), (.getsetDescriptor, "getset_descriptor"), (.slice, "slice"),
            (.listIterator, "list_iterator"), (.tupleIterator, "tuple_iterator"),
            (.rangeIterator, "range_iterator"), (.dictIterator, "dict_keyiterator"),
            (.setIterator, "set_iterator"), (.strIterator, profile.hasASCIIStrIterator ? "str_ascii_iterator" : "str_iterator"),
            (.dictKeys, "dict_keys"), (.dictValues, "dict_values"), (.dictItems, "dict_items"),
            (.superObject, "super"), (.traceback, "traceback"), (.frame, "frame"), (.generator, "generator"),
        ]
        for (kind, name) in order { builtinTypes[kind] = newStaticType(kind, name) }
        // Fix up: `type` is its own type; every builtin type derives from object.
        let objectType = builtinTypes[.object]!
        for (kind, r) in builtinTypes {
            typeOf[Int(r)] = builtinTypes[.type]!
            let info = typeInfo(r)
            if kind == .object { info.mro = [r]; continue }
            let base = kind == .bool ? builtinTypes[.int]! : objectType
            info.base = base
            info.mro = [r] + typeInfo(base).mro.ifEmpty([objectType])
        }
        // bool's mro needs int's, which may have been fixed up after bool: redo it.
        typeInfo(builtinTypes[.bool]!).mro = [builtinTypes[.bool]!, builtinTypes[.int]!, objectType]
        indexBuiltinTypesByKind()
        builtinTypes.values.forEach(registerType)

        none = newStatic(type: builtinTypes[.none]!, size: 16, payload: .empty)
        notImplemented = newStatic(type: builtinTypes[.notImplemented]!, size: 16, payload: .empty)
        ellipsis = newStatic(type: builtinTypes[.ellipsis]!, size: 16, payload: .empty)
        falseRef = newStatic(type: builtinTypes[.bool]!, size: 32, payload: .int(0))
        trueRef = newStatic(type: builtinTypes[.bool]!, size: 32, payload: .int(1))
        for v in profile.smallIntMin...profile.smallIntMax {
            smallInts.append(newStatic(type: builtinTypes[.int]!, size: 32, payload: .int(v), offset: 8))
        }
        emptyTuple = newStatic(type: builtinTypes[.tuple]!, size: 48, payload: .tuple([]), offset: 8)
        emptyBytes = newStatic(type: builtinTypes[.bytes]!, size: 48, payload: .bytes([]), offset: 8)
        for b in 0..<256 {
            byteChars.append(newStatic(type: builtinTypes[.bytes]!, size: 48, payload: .bytes([UInt8(b)]), offset: 8))
        }
        emptyStr = newStatic(type: builtinTypes[.str]!, size: 64, payload: .str(strValue("", interned: true)))
        interned[""] = emptyStr
        for c in 0..<256 {
            let s = String(Character(Unicode.Scalar(UInt8(c))))
            let r = newStatic(type: builtinTypes[.str]!, size: 64, payload: .str(strValue(s, interned: true)))
            latin1Chars.append(r)
            interned[s] = r
        }
        // Last, so that the objects above keep their static addresses.
        for (kind, name, keep) in [(TypeKind.dictIterator, "dict_valueiterator", { self.dictValueIteratorType = $0 }),
                                   (.dictIterator, "dict_itemiterator", { self.dictItemIteratorType = $0 }),
                                   (.strIterator, "str_iterator", { self.strIteratorType = $0 })] as [(TypeKind, String, (ObjectRef) -> Void)] {
            let r = newStaticType(kind, name)
            typeOf[Int(r)] = builtinTypes[.type]!
            let info = typeInfo(r)
            info.base = objectType
            info.mro = [r, objectType]
            registerType(r)
            keep(r)
        }
        // The builtins' iterator types, after every object above so that those keep their
        // static addresses.
        for (kind, name) in [(TypeKind.enumerate, "enumerate"), (.zip, "zip"), (.reversed, "reversed"),
                             (.listReverseIterator, "list_reverseiterator"), (.map, "map"), (.filter, "filter"),
                             (.property, "property"), (.classmethod, "classmethod"), (.staticmethod, "staticmethod")] {
            let r = newStaticType(kind, name)
            typeOf[Int(r)] = builtinTypes[.type]!
            let info = typeInfo(r)
            info.base = objectType
            info.mro = [r, objectType]
            builtinTypes[kind] = r
            registerType(r)
        }
        // The interned one-character strs that are not the singletons (after every object
        // above, which keep their static addresses); those singletons are not interned
        // (`sys.intern('hello'[4])` is the other object).
        for scalar in profile.internedCharsNotSingletons.unicodeScalars where scalar.value < 256 {
            let s = String(Character(scalar))
            interned[s] = newStaticInternedStr(s, size: 64)
            payload[Int(latin1Chars[Int(scalar.value)])] = .str(strValue(s, interned: false))
        }
        // weakref.proxy's two static types (Objects/weakrefobject.c), last so that every
        // object above keeps its static address: tp_basicsize sizeof(PyWeakReference), GC.
        let weakref = typeInfo(builtinTypes[.weakref]!)
        for (name, keep) in [(profile.weakProxyTypeNames.0, { self.weakProxyType = $0 }),
                             (profile.weakProxyTypeNames.1, { self.weakCallableProxyType = $0 })] as [(String, (ObjectRef) -> Void)] {
            keep(newStaticType(name: name, kind: .weakref, base: objectType, basicSize: weakref.basicSize, isGC: true))
        }
        // bytes_iterator and bytearray_iterator (Objects/bytesobject.c striterobject,
        // Objects/bytearrayobject.c bytesiterobject): PyObject_HEAD, it_index, it_seq, GC, the
        // str iterator's layout; last, so that every object above keeps its static address.
        let strIterator = TypeLayout.builtin(.strIterator, profile: profile)
        for (name, keep) in [("bytes_iterator", { self.bytesIteratorType = $0 }),
                             ("bytearray_iterator", { self.byteArrayIteratorType = $0 })] as [(String, (ObjectRef) -> Void)] {
            keep(newStaticType(name: name, kind: .strIterator, base: objectType, basicSize: strIterator.basicSize, isGC: true))
        }
        indexBuiltinTypesByKind()
    }

    private func indexBuiltinTypesByKind() {
        builtinTypeByKind = Array(repeating: 0, count: (builtinTypes.keys.map { Int($0.rawValue) }.max() ?? 0) + 1)
        for (kind, r) in builtinTypes { builtinTypeByKind[Int(kind.rawValue)] = r }
    }

    private func newStaticType(_ kind: TypeKind, _ name: String) -> ObjectRef {
        let layout = TypeLayout.builtin(kind, profile: profile)
        let info = TypeInfo(name: name, module: nil, kind: kind, base: nil, mro: [],
                            isHeapType: false, basicSize: layout.basicSize,
                            itemSize: layout.itemSize, isGC: layout.isGC,
                            preHeaderSize: layout.isGC ? profile.gcHeaderSize : 0)
        return newStatic(type: builtinTypes[.type] ?? 0, size: profile.objects.staticTypeSizeOf, payload: .type(info))
    }
}

extension Array {
    func ifEmpty(_ other: [Element]) -> [Element] { isEmpty ? other : self }
}
