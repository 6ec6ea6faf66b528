/// tp_subclasses: how a base remembers its subclasses (Objects/typeobject.c add_subclass,
/// remove_subclass, get_subclasses_key).
///
/// Each entry maps PyLong_FromVoidPtr(subclass) — an int whose value is the subclass's
/// address — to a weak reference to the subclass, so neither half keeps it alive. The int
/// is a real pymalloc block (two 30-bit digits for a heap address), and a class's dict is a
/// real GC object: `class C(A): pass` in a function right after `gc.collect()` counts 9
/// objects on 3.11.7-3.13.0, one of them A's new tp_subclasses dict.
///
/// Invariants: a class's `subclassesDict` holds exactly one entry per live direct subclass
/// (and, before 3.11, may be left empty); `object`'s entries the program added are in
/// `staticSubclassEntries`. The lookup on removal goes by address, not by the weakref's
/// referent: the collector has already cleared that weakref (handle_weakrefs) when the
/// subclass's type_dealloc runs.
extension Heap {
    /// add_subclass (type_ready_add_subclasses), at the end of PyType_Ready.
    func addSubclass(base: ObjectRef, type t: ObjectRef) throws(HeapExhausted) {
        let baseInfo = typeInfo(base)
        guard baseInfo.isHeapType else {
            let key = try newInt(Int(address[Int(t)]))
            let ref = try newWeakref(to: t, callback: nil)
            baseInfo.staticSubclassEntries.append((t, key, ref))
            return
        }
        // Before 3.11 the dict comes first; 3.11 makes the key and the value first, since
        // PyWeakref_NewRef may run a collection that changes base->tp_subclasses.
        if profile.subclassesKeptWhenEmpty, baseInfo.subclassesDict == nil {
            baseInfo.subclassesDict = try newDict(DictStorage())
        }
        let value = Int(address[Int(t)])
        let key = try newInt(value)
        let ref = try newWeakref(to: t, callback: nil)
        if baseInfo.subclassesDict == nil { baseInfo.subclassesDict = try newDict(DictStorage()) }
        let d = baseInfo.subclassesDict!
        withPayload(d) { p in
            guard case .dict(let dictObject) = p else { return }
            dictObject.storage.setItem(key, hash: value, isExactStr: false, value: ref, layouts: profile.objects) { [self] in
                intValue($0) == intValue($1)
            }
        }
        dictKeysChanged(d)
        dictMaintainTracking(d, key: key, value: ref)
    }

    /// remove_subclass, from type_dealloc (remove_all_subclasses) of the subclass `t`:
    /// get_subclasses_key makes a new int for the lookup, PyDict_DelItem drops the stored
    /// key and then the weakref, the lookup key goes last. From 3.11 an emptied dict is
    /// freed ("Delete the dictionary to save memory").
    func removeSubclass(base: ObjectRef, type t: ObjectRef, dying: TypeInfo) {
        let baseInfo = typeInfo(base)
        let value = Int(address[Int(t)])
        if baseInfo.isHeapType && baseInfo.subclassesDict == nil { return }
        let lookupKey = try? newInt(value)
        var removed: (key: ObjectRef, value: ObjectRef)?
        if let d = baseInfo.subclassesDict {
            withPayload(d) { p in
                guard case .dict(let dictObject) = p else { return }
                removed = dictObject.storage.removeItem(t, hash: value) { [self] stored, _ in intValue(stored) == value }
            }
        } else if let k = baseInfo.staticSubclassEntries.firstIndex(where: { $0.subclass == t }) {
            let e = baseInfo.staticSubclassEntries.remove(at: k)
            removed = (e.key, e.ref)
        }
        if let (key, ref) = removed {
            decref(key)
            // Freed now unless the program holds it (weakref.ref(C) returns this basic ref):
            // then PyObject_ClearWeakRefs clears it like any other.
            if refcnt[Int(ref)] == 1 { dying.weakrefs.removeAll { $0 == ref } }
            decref(ref)
        }
        if let lookupKey { decref(lookupKey) }
        if let d = baseInfo.subclassesDict, !profile.subclassesKeptWhenEmpty,
           let storage = payload[Int(d)].dictStorage, storage.used == 0 {
            baseInfo.subclassesDict = nil
            decref(d)
        }
    }

    /// The value of an int object (an address fits in a machine word).
    private func intValue(_ r: ObjectRef) -> Int? {
        if case .int(let v) = payload[Int(r)] { return v }
        return nil
    }
}
