/// Functions, classes and their instances (Objects/funcobject.c, Objects/typeobject.c).
extension Heap {
    public func newFunctionObject(_ info: FunctionInfo) throws(HeapExhausted) -> ObjectRef {
        let type = builtinType(.function)
        let r = try allocateObject(type: type, size: requestSize(type), payload: .function(info))
        gcTrackNew(r)
        return r
    }

    /// type_new for `class Name(bases): ...`: steals `bases` and `dict`. The class gets a
    /// `__bases__` and an `__mro__` tuple and the `__dict__`/`__weakref__` getset
    /// descriptors, each of which holds a reference to the class, as in CPython.
    public func newHeapType(name: String, module: String, bases givenBases: [ObjectRef], dict: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        let objectType = builtinType(.object)
        var bases = givenBases
        if bases.isEmpty { incref(objectType); bases = [objectType] }
        let base = bases[0]
        let layout = profile.objects.instance
        let info = TypeInfo(name: name, module: module, kind: .instance, base: base, mro: [],
                            isHeapType: true, basicSize: layout.basicSize, itemSize: 0, isGC: true,
                            preHeaderSize: layout.preHeaderSize(profile))
        let typeLayout = profile.objects.type
        let t = try allocateObject(type: builtinType(.type), size: typeLayout.basicSize + typeLayout.preHeaderSize(profile), payload: .type(info))
        registerType(t)
        gcTrackNew(t)
        incref(base)
        info.dict = dict
        info.sharedKeys = SharedDictKeys(layouts: profile.objects)
        info.basesTuple = try newTuple(bases)
        // C3 for single inheritance: the class, then its base's MRO.
        info.mro = [t] + typeInfo(base).mro
        for m in info.mro { incref(m) }
        info.mroTuple = try newTuple(info.mro)
        // type_ready's add_subclass: the base keeps a weak reference to its new subclass in
        // tp_subclasses, so `weakref.getweakrefcount(C)` is 1 for any class (3.6.15 to 3.13.0).
        typeInfo(base).subclassRefs.append((t, try newWeakref(to: t, callback: nil)))
        // The getset descriptors a class without __slots__ gets (type_new's subtype_getsets),
        // unless its base already has a __dict__ and __weakref__ (add_dict / add_weak false):
        // `class D(C): pass; del D; gc.collect()` is 3 on 3.11.7 (the type, its MRO and its
        // bases; its namespace of strs stays untracked).
        let descriptorType = builtinType(.getsetDescriptor)
        for attr in ["__dict__", "__weakref__"] where !typeInfo(base).isHeapType {
            incref(t)
            let d = try newObject(type: descriptorType, payload: .cell(t))
            let key = intern(try newStr(attr))
            dictInsertNew(dict, key: key, value: d)
        }
        return t
    }

    /// Inserts a str key known to be absent into a dict, stealing both references.
    func dictInsertNew(_ d: ObjectRef, key: ObjectRef, value: ObjectRef) {
        guard case .str(let s) = payload[Int(key)] else { return }
        withPayload(d) { p in
            guard case .dict(var storage) = p else { return }
            p = .empty
            storage.setItem(key, hash: s.hash, isExactStr: true, value: value, layouts: profile.objects) { $0 == $1 }
            p = .dict(storage)
        }
        // MAINTAIN_TRACKING: a class namespace that held only strs becomes tracked when the
        // `__dict__`/`__weakref__` descriptors go in (`class C: pass; del C; gc.collect()`
        // is 6 on 3.11.7, 3.12.1 and 3.13.0: the class, its dict, two tuples, two descriptors).
        dictMaintainTracking(d, key: key, value: value)
        dictKeysChanged(d)
    }

    /// object.__new__ for a heap type: an instance with 3.11's managed dict pre-header.
    public func newInstance(type: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        // init_inline_values: each new instance shrinks the class's shared keys' usable count.
        let slots = profile.instanceDictSlot ? 0 : typeInfo(type).sharedKeys?.initInlineValues() ?? 0
        var size = requestSize(type)
        if profile.instanceInlineValues {
            // 3.13 _PyInlineValuesSize: round8(slots) prefix bytes + (slots + 1) pointers.
            size += ((slots + 7) & ~7) + (slots + 1) * profile.pointerSize
        }
        let r = try allocateObject(type: type, size: size, payload: .instance(InstanceState()))
        gcTrackNew(r)
        return r
    }
}
