import HeapEngine

// Interpreter+Hashing.swift — PyObject_Hash for the modelled types (Objects/object.c and each
// type's tp_hash), and which hashes CPython reproduces from run to run.
//
// Two kinds of hash differ between CPython runs of the same program:
//   - a non-empty str or bytes under hash randomization (no PYTHONHASHSEED): SipHash keyed by
//     os.urandom (Python/pyhash.c; the engine's key is `Heap.hashSecret`);
//   - an object hashed by its address (_Py_HashPointer: object.__hash__, functions, types,
//     None before 3.12, NaN from 3.10), and address space layout randomization moves every
//     address.
// The order of a set of such keys (`{'a', 'b'}`, a set of instances) looks like a fact but is
// one CPython prints differently in different runs, so the engine refuses to show it, as it
// refuses `hash('a')` under randomization. What does not depend on where keys land (sizes,
// counts, membership, dict order) stays exact. id(), the addresses in reprs and the hashes
// derived from addresses are the simulated heap's: what a page can rely on is comparing them.

extension Interpreter {
    /// PyObject_Hash.
    func hash(_ r: ObjectRef) throws -> Int {
        // An id() value while addresses are not CPython's hashes as the engine's address, for
        // a table's lookup only (UnplacedIds.swift, `unplacedIdTableHash`).
        if !unplacedIds.isEmpty, let u = unplacedId(r) { return try unplacedIdTableHash(r, u) }
        // A phantom start-up object is only counted and compared by identity (GCModule.swift).
        try refuseStartupObject(r)
        // unicode_hash, the common case, first: none of the checks below is about a str.
        if case .str(let s) = heap.payload[Int(r)] { return s.hash }
        try refuseDequeOperand(r, "hash of a deque")
        if let g = genericAlias(r) { return try genericAliasHash(g) }
        if let why = heap.identityLookupUncertainty(r) { throw notModelled("hashing this id", because: why) }
        if heap.byteArray(r) != nil { throw error("TypeError", "unhashable type: 'bytearray'") }
        if heap.array(r) != nil { throw error("TypeError", "unhashable type: 'array.array'") }
        if let v = heap.memoryView(r) { return try memoryViewHash(v) }
        // mappingproxy_hash (3.12+ hashes the mapping) and 3.6-3.11's object hash: not modelled.
        if heap.mappingProxy(r) != nil { throw notModelled("hash of a mappingproxy") }
        // A proxy type has no tp_hash (a proxy's referent may die).
        if heap.isWeakProxy(r) { throw error("TypeError", "unhashable type: '\(typeName(r))'") }
        switch heap.payload[Int(r)] {
        case .native(let o) where o is MethodWrapper:
            throw notModelled("hash of a method-wrapper")   // wrapper_hash
        case .native(let o as ComplexObject): return complexHash(r, o)
        case .int(let v): return IntLayout.hash(v)
        case .bigInt(let v): return IntLayout.hash(v)
        case .float(let d):
            return IntLayout.hash(d, nanHash: profile.nanHashIsAddress ? addressHash(r) : 0)
        case .bytes(let b): return heap.bytesHash(b)
        case .tuple where heap.kind(r) == .slice && !profile.slicesAreHashable:
            throw error("TypeError", "unhashable type: 'slice'")
        case .tuple(let items): return IntLayout.tupleHash(try items.map { try hash($0) }, legacy: layouts.legacyTupleHash)
        case .set(let st) where heap.kind(r) == .frozenset:
            return Interpreter.frozensetHash(st.storage)
        case .list, .dict, .set:
            throw error("TypeError", "unhashable type: '\(typeName(r))'")
        // The set-like views have PyObject_HashNotImplemented; dict_values keeps object's.
        case .cell where dictView(r).map({ $0.kind != .dictValues }) ?? false:
            throw error("TypeError", "unhashable type: '\(typeName(r))'")
        case .weakref(var w):
            // weakref_hash: the referent's hash, cached in the reference once computed.
            if let h = w.hash { return h }
            guard let referent = w.referent else { throw notModelled("hash() of a dead weak reference") }
            let h = try hash(referent)
            w.hash = h
            heap.payload[Int(r)] = .weakref(w)
            return h
        case .empty where r == heap.none && profile.noneHashIsConstant:
            return 0xFCA8_6420   // none_hash (Objects/object.c, 3.12+)
        case .instance:
            return try instanceHash(r)   // slot_tp_hash or object's (RichCompare.swift)
        case .builtin(let b) where profile.minor < 8 && b.selfRef != nil:
            // 3.6's meth_hash hashes m_self (`hash([].append)`: "unhashable type: 'list'" on
            // 3.6.15), then mixes in the C function's address; 3.8.18 hashes m_self's address.
            _ = try hash(b.selfRef!)
            return addressHash(r)
        default:
            return addressHash(r)
        }
    }

    /// _Py_HashPointer: the address rotated right by 4 bits (its low bits are alignment).
    func addressHash(_ r: ObjectRef) -> Int {
        let a = heap.address[Int(r)]
        let h = Int(truncatingIfNeeded: (a >> 4) | (a << 60))
        return h == -1 ? -2 : h
    }

    /// Whether `r`'s hash is the same in every CPython run the session stands for (see the
    /// top of this file). Only called on objects `hash` accepted.
    func hashIsReproducible(_ r: ObjectRef) -> Bool {
        switch heap.payload[Int(r)] {
        case .int, .bigInt: return unplacedId(r) == nil   // an id() value's is the engine's address
        case .float(let d): return !d.isNaN || !profile.nanHashIsAddress
        case .native(let o as ComplexObject): return !(o.real.isNaN || o.imag.isNaN) || !profile.nanHashIsAddress
        case .str(let s): return s.count == 0 || heap.hashSecret.isKnown
        case .bytes(let b): return b.isEmpty || heap.hashSecret.isKnown
        case .native(let v as MemoryViewObject): return v.count == 0 || heap.hashSecret.isKnown
        case .tuple(let items): return items.allSatisfy(hashIsReproducible)
        case .set(let st) where heap.kind(r) == .frozenset:
            return st.storage.keys.allSatisfy { $0 < 0 || hashIsReproducible($0) }
        // A dead reference's cached hash was its referent's, which is gone: not known here
        // whether that was an address.
        case .weakref(let w): return w.referent.map(hashIsReproducible) ?? (w.hash == nil)
        case .empty where r == heap.none: return profile.noneHashIsConstant
        default: return false
        }
    }

    /// hash(): refused where the value depends on the hash secret (a str or bytes in it,
    /// under hash randomization). A value from an address is the simulated heap's, as id()
    /// is: comparing two (`hash(r) == hash(obj)`) is what CPython prints.
    func reproducibleHash(_ r: ObjectRef) throws -> Int {
        hashedUnplacedId = nil
        let h = try hash(r)
        // The number itself, of an id() value or of a tuple or frozenset holding one, is the
        // engine's address, not CPython's (UnplacedIds.swift). A frozenset's hash mixes its
        // table's stored hashes without hashing its items again: looked for there.
        if let u = hashedUnplacedId ?? unplacedIdHeld(by: r) {
            hashedUnplacedId = nil
            throw notModelled("hash() of \(u.noun)", because: u.why)
        }
        if !heap.hashSecret.isKnown && hashUsesSecret(r) {
            throw notModelled("hash() of a \(typeName(r))", because: "CPython \(profile.referenceVersion) "
                + "randomizes str and bytes hashes in every run unless PYTHONHASHSEED is set")
        }
        return h
    }

    /// Whether hash(r) is `r`'s address rotated (_Py_HashPointer): object's tp_hash and the
    /// types that keep it, a class without `__hash__`, NaN from 3.10. (A tuple of such
    /// objects mixes their address hashes: not followed.)
    func hashIsAddress(_ r: ObjectRef) throws -> Bool {
        switch heap.payload[Int(r)] {
        case .str, .int, .bigInt, .bytes, .tuple: return false
        case .native(let o) where o is MemoryViewObject: return false   // memory_hash: the bytes'
        // frozenset_hash mixes its items' hashes.
        case .set(let st) where heap.kind(r) == .frozenset:
            for k in st.storage.keys where k >= 0 { if try hashIsAddress(k) { return true } }
            return false
        // weakref_hash is the referent's; a dead reference's cached one may have been an
        // address (the referent is gone: not known).
        case .weakref(let w): return try w.referent.map(hashIsAddress) ?? true
        case .float(let d): return d.isNaN && profile.nanHashIsAddress
        // complex_hash mixes its parts' hashes: an address only through a NaN part (3.10+).
        case .native(let o as ComplexObject): return (o.real.isNaN || o.imag.isNaN) && profile.nanHashIsAddress
        case .empty where r == heap.none: return !profile.noneHashIsConstant
        case .instance: return try lookupSpecialName(heap.typeOf[Int(r)], "__hash__") == nil
        case .builtin where profile.minor < 8: return false   // meth_hash mixes in m_self's hash
        default: return true
        }
    }

    private func hashUsesSecret(_ r: ObjectRef) -> Bool {
        switch heap.payload[Int(r)] {
        case .str(let s): return s.count > 0
        case .bytes(let b): return !b.isEmpty
        case .native(let v as MemoryViewObject): return v.count > 0
        case .tuple(let items): return items.contains(where: hashUsesSecret)
        case .set(let st) where heap.kind(r) == .frozenset: return st.storage.keys.contains { $0 >= 0 && hashUsesSecret($0) }
        case .weakref(let w): return w.referent.map(hashUsesSecret) ?? false
        default: return false
        }
    }

    /// Refuses to show the order of a set whose table may not be CPython's
    /// (`SetStorage.orderUncertainty`): iteration, repr, pop.
    func refuseUnknownOrder(_ s: SetStorage, _ r: ObjectRef) throws {
        guard s.count > 1 else { return }
        let why: String
        switch s.orderUncertainty {
        case .none: return
        case .runSpecific:
            why = heap.hashSecret.isKnown
                ? "its items are hashed by address, which differs in every CPython run"
                : "its items' hashes differ in every CPython run (str and bytes under hash randomization, "
                    + "objects by address); PYTHONHASHSEED fixes them for str and bytes"
        case .unmodelledConstant:
            why = "CPython \(profile.version)'s compiler rebuilds a constant set of names when it interns them, "
                + "in cases the engine does not model"
        }
        throw notModelled("the order of a \(typeName(r))", because: why)
    }

    /// A set built from others (set operations, set(s)) inherits their uncertainty: its
    /// table was filled in their table order.
    func markOrderUncertainty(_ s: ObjectRef, _ sources: SetOrderUncertainty...) {
        heap.withPayload(s) { p in
            guard case .set(let setObject) = p else { return }
            for u in sources { setObject.storage.orderUncertainty.join(u) }
        }
    }

    /// A constant set's order: run-specific if a hash is; and on 3.11+, not modelled when an
    /// item is a str of name characters (compile.c's intern_string_constants builds the
    /// frozenset again when interning replaced one of them, measured: 3 of 40 random
    /// displays of such strs on 3.11.7 iterate in another order than the engine's).
    func constantSetOrderUncertainty(_ items: [ObjectRef]) -> SetOrderUncertainty {
        if !items.allSatisfy(hashIsReproducible) { return .runSpecific }
        if !profile.modelsConstantSetsOfNames, items.contains(where: { r in
            guard case .str(let s) = heap.payload[Int(r)] else { return false }
            return s.isASCII && s.value.utf8.allSatisfy { $0 == 95 || ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }
        }) { return .unmodelledConstant }
        return .none
    }

    /// Whether sorting these distinct items gives one order whatever order they come in:
    /// all numbers (int, bool, float), all strs or all bytes.
    func sortHidesOrder(_ items: [ObjectRef]) -> Bool {
        func family(_ r: ObjectRef) -> Int {
            switch heap.payload[Int(r)] {
            case .int, .bigInt: return heap.typeInfo(of: r).isHeapType ? -1 : 0
            case .float: return heap.typeInfo(of: r).isHeapType ? -1 : 0
            case .str: return isExactStr(r) ? 1 : -1
            case .bytes: return heap.kind(r) == .bytes ? 2 : -1
            default: return -1
            }
        }
        guard let first = items.first else { return true }
        let f = family(first)
        return f >= 0 && items.allSatisfy { family($0) == f }
    }

    /// Objects/setobject.c frozenset_hash (the same from 3.6.15 to 3.13.0): the xor of every
    /// active entry's shuffled hash — the table's null and dummy entries are xor'ed in and
    /// their odd counts taken out again, which leaves the active ones — then the size and a
    /// dispersal. Computed in unsigned 64-bit arithmetic as Py_uhash_t.
    static func frozensetHash(_ st: SetStorage) -> Int {
        func shuffle(_ h: UInt64) -> UInt64 { ((h ^ 89869747) ^ (h << 16)) &* 3644798167 }
        var hash: UInt64 = 0
        for (k, key) in st.keys.enumerated() where key >= 0 {
            hash ^= shuffle(UInt64(bitPattern: Int64(st.hashes[k])))
        }
        hash ^= (UInt64(st.used) + 1) &* 1927868237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69069 &+ 907133923
        if hash == UInt64.max { hash = 590923713 }
        return Int(Int64(bitPattern: hash))
    }
}
