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
    ///
    /// `slots`: the class body set `__slots__`; `names` are its members as type_new sorts
    /// them, `tuple` is ht_slots holding them (interned strs, stolen), and `addDict` /
    /// `addWeakref` say whether `__dict__` / `__weakref__` were among them.
    public func newHeapType(name: String, module: String, bases givenBases: [ObjectRef], dict: ObjectRef,
                            slots: SlotsSpec? = nil) throws(HeapExhausted) -> ObjectRef {
        let objectType = builtinType(.object)
        var bases = givenBases
        if bases.isEmpty { incref(objectType); bases = [objectType] }
        let base = bases[0]
        let shape = instanceShape(base: typeInfo(base), slots: slots)
        // A subclass of list, dict or tuple (or of such a subclass) lays its instances out as
        // the builtin does: same payload, the builtin's methods (Heap+SubtypeInstances.swift);
        // tp_itemsize is inherited (inherit_special: 8 for tuple's subclasses).
        let kind = Heap.subclassableBuiltinKinds.contains(typeInfo(base).kind) ? typeInfo(base).kind : .instance
        let info = TypeInfo(name: name, module: module, kind: kind, base: base, mro: [],
                            isHeapType: true, basicSize: shape.basicSize, itemSize: kind == .instance ? 0 : typeInfo(base).itemSize,
                            isGC: shape.isGC,
                            preHeaderSize: shape.preHeaderSize)
        info.hasInstanceDict = shape.hasDict
        info.hasInstanceWeakrefs = shape.hasWeakrefs
        info.slotNames = slots?.names ?? []
        info.slotCount = (typeInfo(base).isHeapType ? typeInfo(base).slotCount : 0) + info.slotNames.count
        info.slotsTuple = slots?.tuple
        let typeLayout = profile.objects.type
        let t = try allocateObject(type: builtinType(.type), size: typeLayout.basicSize + typeLayout.preHeaderSize(profile), payload: .type(info))
        registerType(t)
        gcTrackNew(t)
        incref(base)
        info.dict = dict
        // ht_cached_keys only for a class whose instances have a __dict__ (from 3.11 only a
        // managed one: `sys.getsizeof(T)` for `class T(tuple)` is the size of a class with
        // `__slots__ = ()` on 3.11.7, of a plain class on 3.8.18 and 3.12.1).
        info.sharedKeys = shape.hasCachedKeys ? SharedDictKeys(layouts: profile.objects) : nil
        info.basesTuple = try newTuple(bases)
        // C3 for single inheritance: the class, then its base's MRO.
        info.mro = [t] + typeInfo(base).mro
        for m in info.mro { incref(m) }
        info.mroTuple = try newTuple(info.mro)
        // add_members comes before add_getset (type_ready_fill_dict): one member descriptor
        // per slot, in tp_members order, each holding the class and its name.
        if let slots, case .tuple(let names) = payload[Int(slots.tuple)] {
            let memberType = memberDescriptorType()
            for (i, n) in names.enumerated() {
                incref(t); incref(n)
                let d = try newObject(type: memberType, payload: .native(MemberDescr(owner: t, name: n, nameValue: slots.names[i], index: i)))
                incref(n)
                dictInsertNew(dict, key: n, value: d)
            }
        }
        // The getset descriptors a class without __slots__ gets (type_new's subtype_getsets),
        // unless its base already has a __dict__ and __weakref__ (add_dict / add_weak false):
        // `class D(C): pass; del D; gc.collect()` is 3 on 3.11.7 (the type, its MRO and its
        // bases; its namespace of strs stays untracked).
        let descriptorType = builtinType(.getsetDescriptor)
        let baseInfo = typeInfo(base)
        let addDict = shape.hasDict && !(baseInfo.isHeapType && baseInfo.hasInstanceDict)
        let addWeakref = shape.hasWeakrefs && !(baseInfo.isHeapType && baseInfo.hasInstanceWeakrefs)
        for attr in ["__dict__", "__weakref__"] where attr == "__dict__" ? addDict : addWeakref {
            incref(t)
            let d = try newObject(type: descriptorType, payload: .cell(t))
            let key = intern(try newStr(attr))
            dictInsertNew(dict, key: key, value: d)
        }
        // type_dict_set_doc (PyType_Ready's type_ready_fill_dict, after the descriptors): a
        // class whose body bound no `__doc__` gets `__doc__: None` (tp_doc is NULL), so
        // `C.__dict__` ends `..., '__weakref__': <...>, '__doc__': None}` on 3.6.15-3.13.0.
        // The key is the interned name start-up made (no allocation).
        if let docKey = startupInterned.contains("__doc__") ? internStartupName("__doc__") : nil,
           case .str(let k) = payload[Int(docKey)], let storage = payload[Int(dict)].dictStorage,
           storage.value(forKey: docKey, hash: k.hash, isEqual: { a, b in
               if case .str(let x) = self.payload[Int(a)], case .str(let y) = self.payload[Int(b)] { return x.value == y.value }
               return a == b
           }) == nil {
            incref(docKey); incref(none)
            dictInsertNew(dict, key: docKey, value: none)
        }
        // PyType_Ready ends with add_subclass: the base keeps a weak reference to its new
        // subclass in tp_subclasses, so `weakref.getweakrefcount(C)` is 1 for any class
        // (3.6.15 to 3.13.0).
        try addSubclass(base: base, type: t)
        return t
    }

    /// Inserts a str key known to be absent into a dict, stealing both references.
    func dictInsertNew(_ d: ObjectRef, key: ObjectRef, value: ObjectRef) {
        guard case .str(let s) = payload[Int(key)] else { return }
        withPayload(d) { p in
            guard case .dict(let dictObject) = p else { return }
            dictObject.storage.setItem(key, hash: s.hash, isExactStr: true, value: value, layouts: profile.objects) { $0 == $1 }
        }
        // MAINTAIN_TRACKING: a class namespace that held only strs becomes tracked when the
        // `__dict__`/`__weakref__` descriptors go in (`class C: pass; del C; gc.collect()`
        // is 6 on 3.11.7, 3.12.1 and 3.13.0: the class, its dict, two tuples, two descriptors).
        dictMaintainTracking(d, key: key, value: value)
        dictKeysChanged(d)
    }

    /// object.__new__ for a heap type: an instance with 3.11's managed dict pre-header.
    public func newInstance(type: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        let info = typeInfo(type)
        // init_inline_values: each new instance shrinks the class's shared keys' usable count.
        let slots = profile.instanceDictSlot || !info.hasInstanceDict ? 0 : info.sharedKeys?.initInlineValues() ?? 0
        var size = requestSize(type)
        if profile.instanceInlineValues && info.hasInstanceDict {
            // 3.13 _PyInlineValuesSize: round8(slots) prefix bytes + (slots + 1) pointers.
            size += ((slots + 7) & ~7) + (slots + 1) * profile.pointerSize
        }
        let r = try allocateObject(type: type, size: size, payload: .instance(InstanceState(slotCount: info.slotCount)))
        // A 3.6 class with no dict, weakrefs or slots over `object` is not a GC type.
        if info.isGC { gcTrackNew(r) }
        return r
    }

    /// What type_new gives a class's instances, from its base and its own `__slots__`
    /// (nil: the body did not set it). The figures come from the plain class's measured
    /// layout (`ObjectLayouts.instance`) rather than new constants:
    /// - a `__dict__` pointer is 8 bytes of the body before 3.11 (tp_dictoffset) and lives
    ///   in the managed pre-header from 3.11 (`hasManagedDict`);
    /// - a weakref list is 8 bytes of the body up to 3.11 and managed from 3.12: what the
    ///   plain layout has beyond object and the dict pointer;
    /// - each slot adds a pointer (type_new_descriptors: slotoffset += sizeof(PyObject *));
    /// - a class without `__slots__` adds the dict and the weakref list its base lacks.
    /// Measured on 3.6.15/3.8.18/3.11.7/3.12.1/3.13.0: `__slots__ = ('x', 'y')` basicsize
    /// 32 on all, getsizeof 64/48/48/48/48; a subclass without `__slots__` 48/48/40/32/32.
    /// A variable-sized base (tuple, tp_itemsize != 0) gets no `__weakref__` (type_new's
    /// may_add_weak needs tp_itemsize == 0), and its `__dict__` is 8 bytes of the body at a
    /// negative tp_dictoffset up to 3.11 (3.11's managed dict is for fixed-size types only)
    /// and managed from 3.12: `class T(tuple): pass` has basicsize 32/32/32/24/24 and
    /// `sys.getsizeof(T())` 64/48/48/56/56 on 3.6.15/3.8.18/3.11.7/3.12.1/3.13.0
    /// (`T.__dictoffset__` -8 up to 3.11.7, -1 from 3.12.1).
    func instanceShape(base: TypeInfo, slots: SlotsSpec?) -> (basicSize: Int, preHeaderSize: Int, isGC: Bool, hasDict: Bool, hasWeakrefs: Bool, hasCachedKeys: Bool) {
        let plain = profile.objects.instance
        let object = profile.objects.object
        let weakrefBytes = plain.basicSize - object.basicSize - (plain.hasManagedDict ? 0 : profile.pointerSize)
        // 3.12's managed weakref list (no weakref bytes in the plain layout) came with
        // managed dicts for variable-sized types.
        let managedDict = base.itemSize == 0 ? plain.hasManagedDict : weakrefBytes == 0
        let dictBytes = managedDict ? 0 : profile.pointerSize
        let baseHasDict = base.isHeapType && base.hasInstanceDict
        let baseHasWeakrefs = base.isHeapType && base.hasInstanceWeakrefs
        let hasDict = baseHasDict || (slots?.addDict ?? true)
        let hasWeakrefs = baseHasWeakrefs || (base.itemSize == 0 && (slots?.addWeakref ?? true))
        var size = base.basicSize + (slots?.names.count ?? 0) * profile.pointerSize
        if hasDict && !baseHasDict { size += dictBytes }
        if hasWeakrefs && !baseHasWeakrefs { size += weakrefBytes }
        // Py_TPFLAGS_HAVE_GC: always from 3.8; on 3.6 when the base has it (a class or
        // list/dict: `class L(list): __slots__ = ()` is tracked) or the class grew
        // (`size > base` covers slots, a dict and weakrefs).
        let isGC = profile.heapTypesAlwaysGC || base.isGC || size > base.basicSize
        // _PyType_PreHeaderSize: two pointers when the dict is managed (3.11+) or the
        // weakref list is (3.12+, Py_TPFLAGS_MANAGED_WEAKREF: no bytes of the body):
        // `__slots__ = ('x', '__weakref__')` is 48 bytes on 3.11.7, 56 on 3.12.1.
        let managed = (hasDict && managedDict) || (hasWeakrefs && weakrefBytes == 0)
        let extra = managed ? profile.objects.managedDictPreHeaderSize : 0
        return (size, (isGC ? profile.gcHeaderSize : 0) + extra, isGC, hasDict, hasWeakrefs,
                hasDict && (managedDict || !plain.hasManagedDict))
    }
}

/// A class body's `__slots__` as type_new uses it: the member names (sorted, without
/// `__dict__` and `__weakref__`), ht_slots (a tuple of those names), and whether
/// `__dict__` / `__weakref__` were listed (add_dict / add_weak).
public struct SlotsSpec {
    public var names: [String]
    public var tuple: ObjectRef
    public var addDict: Bool
    public var addWeakref: Bool
    public init(names: [String], tuple: ObjectRef, addDict: Bool, addWeakref: Bool) {
        self.names = names; self.tuple = tuple; self.addDict = addDict; self.addWeakref = addWeakref
    }
}
