import HeapEngine

// Mirrors Objects/typeobject.c's type attribute cache (type_cache, _PyType_Lookup and
// find_name_in_mro): every attribute read or store on an instance, and every call of a
// class, looks names up along the class's MRO (a property or `__slots__` descriptor?
// `__setattr__`? `__new__`, `__init__`?), and most of those look-ups find the same answer
// as the last time. CPython keeps the answers keyed by (version tag, name); the engine keys
// them by (type, name) and drops them all when `Interpreter.typeVersion` moves
// (HeapEngine's TypeVersion.swift says what moves it).
//
// Invariants: an entry is the answer `findNameInMRO` gave while the version was
// `TypeAttributeCache.version`; only look-ups that can run no Python code are kept (every
// namespace on the way holds exact str keys only, so no `__eq__` of a key ran), so that
// answering from the cache skips nothing CPython would have shown.

struct TypeAttributeCache {
    struct Key: Hashable {
        let type: ObjectRef
        let name: String
    }
    /// The answer of each look-up, nil where the name is on no class of the MRO.
    var entries: [Key: ObjectRef?] = [:]
    /// Per class: whether a store on its instances is PyObject_GenericSetAttr's plain case
    /// (`Interpreter.isPlainInstanceStore`). Watched like `entries`.
    var plainStores: [ObjectRef: PlainStore] = [:]

    enum PlainStore {
        /// Some check of `setAttr` may apply.
        case no
        /// None applies, and no class of the MRO has a property.
        case plain
        /// None applies but a property's, which depends on the name.
        case plainButProperties
    }
    /// `Interpreter.typeVersion.value` when `entries` were found.
    var version = -1
}

extension Interpreter {
    /// _PyType_Lookup: `attr` along a heap type's MRO (borrowed), nil when absent.
    func lookupInType(_ type: ObjectRef, _ attr: String) throws -> ObjectRef? {
        syncTypeAttributeCache()
        let cacheKey = TypeAttributeCache.Key(type: type, name: attr)
        if let hit = typeAttributeCache.entries[cacheKey] {
            // What the dict look-ups leave behind (`dictGet`).
            probeAnswers = []
            return hit
        }
        let (found, cacheable) = try findNameInMRO(type, attr)
        if cacheable && typeAttributeCache.version == typeVersion.value {
            typeAttributeCache.entries[cacheKey] = .some(found)
        }
        return found
    }

    /// Forgets every answer when the version moved since they were found.
    @inline(__always)
    func syncTypeAttributeCache() {
        if typeAttributeCache.version != typeVersion.value {
            typeAttributeCache.entries.removeAll(keepingCapacity: true)
            typeAttributeCache.plainStores.removeAll(keepingCapacity: true)
            typeAttributeCache.version = typeVersion.value
        }
    }

    /// Watches each class of `type`'s MRO and its namespace, as a cached answer read from them
    /// requires (TypeVersion.swift).
    func watchMRO(_ type: ObjectRef) {
        let info = heap.typeInfo(type)
        info.attributeWatch = typeVersion
        for t in info.mro {
            let ti = heap.typeInfo(t)
            ti.attributeWatch = typeVersion
            if let d = ti.dict { dictObject(d).typeWatch = typeVersion }
        }
    }

    /// find_name_in_mro: the first class dict on the MRO that has `attr`. Watches each type and
    /// namespace it reads (TypeVersion.swift); `cacheable` is false when a namespace has a key
    /// that is not an exact str (comparing with it may have run Python code).
    private func findNameInMRO(_ type: ObjectRef, _ attr: String) throws -> (found: ObjectRef?, cacheable: Bool) {
        let key = name(attr)
        let info = heap.typeInfo(type)
        info.attributeWatch = typeVersion
        var cacheable = true
        for t in info.mro {
            let ti = heap.typeInfo(t)
            ti.attributeWatch = typeVersion
            guard let d = ti.dict else { continue }
            let namespace = dictObject(d)
            namespace.typeWatch = typeVersion
            if namespace.storage.kind == .general { cacheable = false }
            if let v = try dictGet(d, key) { return (v, cacheable) }
        }
        return (nil, cacheable)
    }
}
