// Mirrors Objects/setobject.c (CPython 3.11.7): set_add_entry, set_insert_clean,
// set_table_resize, set_lookkey, set_discard_entry, set_pop, set_clear_internal, set_merge,
// set_update_internal and set_sizeof.
//
// Unlike dict, a set is one open-addressing table of setentry {key, hash}, so iteration
// order is table order and depends on hashes, table size and history; this file
// reproduces the table slot for slot so that `list({100, 10, 1000})` is [1000, 10, 100]
// as on CPython.
//
// Probing: from i = hash & mask, look at up to LINEAR_PROBES (9) following entries (only
// when they do not wrap past the end), then jump: perturb >>= PERTURB_SHIFT (5),
// i = (i * 5 + 1 + perturb) & mask. An entry is in one of three states: unused (key
// NULL, hash 0), active, or dummy (key `dummy`, hash -1) after a discard; set_add_entry
// reuses the first dummy its probe sequence met if the key is absent, and a resize drops
// them all.
//
// Sizes: PySetObject (200 bytes) embeds an 8-entry smalltable; a bigger table is a
// separate block of (mask + 1) * 16 bytes, which set.__sizeof__ adds. A set resizes when
// an insertion into an unused slot makes fill * 5 >= mask * 3, to the smallest power of
// two above used * 4 (used * 2 past 50,000) — so set() holds 4 items at 216 bytes and the
// 5th makes it 728.

/// A simulated set's (or frozenset's) hash table. Mirrors `PySetObject`, setobject.c (3.11).
///
/// Keys are handles; the caller gives each key's hash (never -1) and `isEqual(stored,
/// probe)`, called only when hashes match and handles differ.
///
/// Invariants: keys.count == hashes.count == mask + 1, a power of two >= PySet_MINSIZE;
/// used <= fill <= mask; an unused entry has key `SetStorage.null`, a dummy has key
/// `SetStorage.dummy` and hash -1.
/// Why a set's table order may not be CPython's; the stronger reason wins when sets combine.
public enum SetOrderUncertainty: UInt8, Sendable {
    case none
    /// A constant set whose construction by the compiler the engine does not model
    /// (Profile.modelsConstantSetsOfNames).
    case unmodelledConstant
    /// A key whose hash differs between CPython runs has been in the table (a str or bytes
    /// under hash randomization, an object hashed by its address).
    case runSpecific

    public mutating func join(_ other: SetOrderUncertainty) {
        if other.rawValue > rawValue { self = other }
    }
}

public struct SetStorage: Sendable {
    public static let null: ObjectRef = -1
    public static let dummy: ObjectRef = -2

    /// Active + dummy entries.
    public internal(set) var fill: Int
    /// Active entries (len()).
    public internal(set) var used: Int
    public internal(set) var mask: Int
    /// Search finger for pop().
    public internal(set) var finger: Int
    public internal(set) var keys: [ObjectRef]
    public internal(set) var hashes: [Int]
    /// Why the engine cannot vouch for the table's order (HeapScript sets it, as it knows
    /// where hashes come from, and refuses to show the order). Kept through removals (the
    /// key's probes and dummy moved others) and copies; cleared by clear().
    public var orderUncertainty: SetOrderUncertainty = .none
    let linearProbes: Int
    let perturbShift: Int
    let minSize: Int
    /// The table resizes when fill * fillFactor >= mask * maskFactor (5 and 3; 3.6: 3 and 2).
    let fillFactor: Int
    let maskFactor: Int

    /// `set()` / make_new_set: the smalltable.
    public init(layouts: ObjectLayouts) {
        fillFactor = layouts.setFillFactor; maskFactor = layouts.setMaskFactor
        minSize = layouts.setMinSize; linearProbes = layouts.setLinearProbes
        perturbShift = layouts.perturbShift
        fill = 0; used = 0; mask = minSize - 1; finger = 0
        keys = [ObjectRef](repeating: SetStorage.null, count: minSize)
        hashes = [Int](repeating: 0, count: minSize)
    }

    public var count: Int { used }
    /// so->table == so->smalltable.
    public var usesSmallTable: Bool { mask + 1 == minSize }

    // MARK: - Size

    /// set.__sizeof__ beyond tp_basicsize: the table when it is not the smalltable.
    public func variableSize(_ layouts: ObjectLayouts) -> Int {
        usesSmallTable ? 0 : (mask + 1) * layouts.setEntrySize
    }

    public func sizeof(profile: Profile) -> Int {
        profile.objects.set.sysGetSizeOf(variable: variableSize(profile.objects), profile: profile)
    }

    // MARK: - Lookup

    /// set_lookkey: the table index holding the key, or nil.
    public func lookup(_ key: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> Int? {
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        while true {
            var j = i
            var probes = (i + linearProbes <= mask) ? linearProbes : 0
            while true {
                let k = keys[j]
                if hashes[j] == 0 && k == SetStorage.null { return nil }
                if hashes[j] == hash && k != SetStorage.dummy && (k == key || isEqual(k, key)) { return j }
                j += 1
                if probes == 0 { break }
                probes -= 1
            }
            perturb >>= UInt(perturbShift)
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    public func contains(_ key: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> Bool {
        lookup(key, hash: hash, isEqual: isEqual) != nil
    }

    // MARK: - Insert

    /// `s.add(key)` (set_add_entry). Returns true if the key was added (the set now holds a
    /// reference to it), false if an equal key was present.
    ///
    /// The first dummy met on the probe sequence (`freeslot`) is reused when the key turns
    /// out to be absent: then only `used` grows, `fill` does not, and no resize can follow.
    /// Otherwise the key takes the unused entry that ended the search, and the table
    /// resizes when fill * 5 >= mask * 3.
    @discardableResult
    public mutating func add(_ key: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> Bool {
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var freeslot = -1
        while true {
            var j = i
            var probes = (i + linearProbes <= mask) ? linearProbes : 0
            while true {
                let k = keys[j]
                if hashes[j] == 0 && k == SetStorage.null {
                    // found_unused_or_dummy
                    if freeslot >= 0 {
                        used += 1; keys[freeslot] = key; hashes[freeslot] = hash
                        return true
                    }
                    // found_unused
                    fill += 1; used += 1; keys[j] = key; hashes[j] = hash
                    if fill * fillFactor < mask * maskFactor { return true }
                    setTableResize(used > 50000 ? used * 2 : used * 4)
                    return true
                }
                if hashes[j] == hash {
                    if k == key || isEqual(k, key) { return false }
                } else if hashes[j] == -1 && freeslot < 0 {
                    freeslot = j
                }
                j += 1
                if probes == 0 { break }
                probes -= 1
            }
            perturb >>= UInt(perturbShift)
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// The constant frozenset of a set display or `x in {c1, c2, c3}` (3.11): the AST
    /// optimizer builds it from the tuple of constants (PyFrozenSet_New: one add per item),
    /// then compile.c's merge_consts_recursive builds it *again* from the first one's
    /// iteration order. `{1, 9, 17, 25}` therefore iterates 1, 17, 25, 9 while
    /// `set([1, 9, 17, 25])` iterates 1, 25, 9, 17 (measured). A set display then is
    /// BUILD_SET 0 + SET_UPDATE of this constant: `merge` it into an empty set.
    public static func compilerConstant(_ items: [(key: ObjectRef, hash: Int)], layouts: ObjectLayouts,
                                        isEqual: (ObjectRef, ObjectRef) -> Bool) -> SetStorage {
        var first = SetStorage(layouts: layouts)
        for (k, h) in items { first.add(k, hash: h, isEqual: isEqual) }
        var second = SetStorage(layouts: layouts)
        for (k, h) in first.entries { second.add(k, hash: h, isEqual: isEqual) }
        return second
    }

    /// set_insert_clean: place a key known to be absent into a table without dummies.
    static func insertClean(_ keys: inout [ObjectRef], _ hashes: inout [Int], mask: Int, linearProbes: Int,
                            perturbShift: Int, key: ObjectRef, hash: Int) {
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        while true {
            if keys[i] == SetStorage.null { keys[i] = key; hashes[i] = hash; return }
            if i + linearProbes <= mask {
                for j in (i + 1)...(i + linearProbes) where keys[j] == SetStorage.null {
                    keys[j] = key; hashes[j] = hash; return
                }
            }
            perturb >>= UInt(perturbShift)
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    /// set_table_resize(so, minused): the smallest power of two > minused (at least
    /// PySet_MINSIZE); active entries are re-inserted in old table order with
    /// set_insert_clean. After this: fill == used, no dummies.
    public mutating func setTableResize(_ minused: Int) {
        var newsize = minSize
        while newsize <= minused { newsize <<= 1 }
        if newsize == minSize && usesSmallTable && fill == used { return }
        let oldKeys = keys, oldHashes = hashes
        keys = [ObjectRef](repeating: SetStorage.null, count: newsize)
        hashes = [Int](repeating: 0, count: newsize)
        mask = newsize - 1
        fill = used
        for j in 0..<oldKeys.count where oldKeys[j] != SetStorage.null && oldKeys[j] != SetStorage.dummy {
            SetStorage.insertClean(&keys, &hashes, mask: mask, linearProbes: linearProbes,
                                   perturbShift: perturbShift, key: oldKeys[j], hash: oldHashes[j])
        }
    }

    // MARK: - Remove

    /// `s.discard(key)` / `s.remove(key)` (set_discard_entry): the entry becomes a dummy.
    /// Returns the removed key handle (the caller drops its reference), nil if absent.
    public mutating func discard(_ key: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> ObjectRef? {
        guard let j = lookup(key, hash: hash, isEqual: isEqual) else { return nil }
        let old = keys[j]
        keys[j] = SetStorage.dummy; hashes[j] = -1
        used -= 1
        return old
    }

    /// `s.pop()` (set_pop): scans from the finger for an active entry, leaves a dummy and
    /// moves the finger past it. nil when empty (KeyError).
    public mutating func pop() -> ObjectRef? {
        if used == 0 { return nil }
        var j = finger & mask
        while keys[j] == SetStorage.null || keys[j] == SetStorage.dummy {
            j += 1
            if j > mask { j = 0 }
        }
        let key = keys[j]
        keys[j] = SetStorage.dummy; hashes[j] = -1
        used -= 1
        finger = j + 1
        return key
    }

    /// `s.clear()` (set_clear_internal): back to an empty smalltable. Returns the keys
    /// whose references the caller drops, in table order.
    @discardableResult
    public mutating func clear() -> [ObjectRef] {
        let old = elements
        fill = 0; used = 0; mask = minSize - 1; finger = 0
        orderUncertainty = .none
        keys = [ObjectRef](repeating: SetStorage.null, count: minSize)
        hashes = [Int](repeating: 0, count: minSize)
        return old
    }

    // MARK: - Iteration

    /// setiter_iternext: the first active slot at or after `slot` (si_pos), or nil past the
    /// mask.
    public func nextKey(from slot: Int) -> (slot: Int, key: ObjectRef)? {
        var i = slot
        while i < keys.count {
            if keys[i] != SetStorage.null && keys[i] != SetStorage.dummy { return (i, keys[i]) }
            i += 1
        }
        return nil
    }

    /// The active keys in iteration (table) order.
    public var elements: [ObjectRef] {
        var out: [ObjectRef] = []; out.reserveCapacity(used)
        for k in keys where k != SetStorage.null && k != SetStorage.dummy { out.append(k) }
        return out
    }

    /// The active (key, hash) pairs in table order: what set_merge and set iteration read.
    public var entries: [(key: ObjectRef, hash: Int)] {
        var out: [(key: ObjectRef, hash: Int)] = []; out.reserveCapacity(used)
        for j in 0..<keys.count where keys[j] != SetStorage.null && keys[j] != SetStorage.dummy {
            out.append((keys[j], hashes[j]))
        }
        return out
    }

    // MARK: - Bulk

    /// set_merge: `s.update(t)`, `set(t)`, `s.copy()`, `{1, 2, 3}` (SET_UPDATE of a constant
    /// frozenset) with t a set or frozenset. Returns the keys added (each needs a new
    /// reference).
    ///
    /// First one big resize when (fill + other.used) * 5 >= mask * 3, to (used +
    /// other.used) * 2. Case 1: this table is empty, the same size, and `other` has no
    /// dummies → copy entry by entry (same slots, same order). Case 2: this table is empty
    /// → set_insert_clean each key. Case 3: set_add_entry each key.
    @discardableResult
    public mutating func merge(_ other: SetStorage, isEqual: (ObjectRef, ObjectRef) -> Bool) -> [ObjectRef] {
        if other.used == 0 { return [] }
        orderUncertainty.join(other.orderUncertainty)
        if (fill + other.used) * fillFactor >= mask * maskFactor { setTableResize((used + other.used) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.used {
            // Case 1.
            keys = other.keys; hashes = other.hashes
            fill = other.fill; used = other.used
            return other.elements
        }
        if fill == 0 {
            // Case 2.
            fill = other.used; used = other.used
            for (k, h) in other.entries {
                SetStorage.insertClean(&keys, &hashes, mask: mask, linearProbes: linearProbes,
                                       perturbShift: perturbShift, key: k, hash: h)
            }
            return other.elements
        }
        // Case 3.
        var added: [ObjectRef] = []
        for (k, h) in other.entries where add(k, hash: h, isEqual: isEqual) { added.append(k) }
        return added
    }

    /// set_update_internal with an exact dict: one resize to (used + len) * 2 when
    /// (fill + len) * 5 >= mask * 3, then set_add_entry for each key in dict order.
    /// Returns the keys added.
    @discardableResult
    public mutating func updateFromDictKeys(_ dictKeys: [(key: ObjectRef, hash: Int)],
                                            isEqual: (ObjectRef, ObjectRef) -> Bool) -> [ObjectRef] {
        if (fill + dictKeys.count) * fillFactor >= mask * maskFactor { setTableResize((used + dictKeys.count) * 2) }
        var added: [ObjectRef] = []
        for (k, h) in dictKeys where add(k, hash: h, isEqual: isEqual) { added.append(k) }
        return added
    }
}
