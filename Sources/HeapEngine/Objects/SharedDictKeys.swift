// Mirrors the split-table (DICT_KEYS_SPLIT) parts of Objects/dictobject.c (CPython 3.11.7):
// _PyDict_NewKeysForClass, init_inline_values, insert_into_dictkeys,
// shared_keys_usable_size, make_dict_from_instance_attributes, the split branch of
// dictresize, and the `ma_values` term of _PyDict_SizeOf.
//
// In 3.11 an instance of a plain class has no dict at first: its attribute values live in
// a PyDictValues array hung off the managed-dict pre-header, and the attribute *names* live
// once per class in the type's ht_cached_keys, a split keys object shared by all its
// instances. Its states:
//   - created with the class: 64 slots (NEXT_LOG2_SHARED_KEYS_MAX_SIZE 6), dk_usable set to
//     SHARED_KEYS_MAX_SIZE 30, "as it will shrink by one before each new object";
//   - init_inline_values, at each instance creation: dk_usable-- while it is above 1, then
//     a values array of shared_keys_usable_size = dk_nentries + dk_usable slots;
//   - a new attribute name appends to the shared keys while dk_usable > 0
//     (insert_into_dictkeys); otherwise the instance falls back to a combined dict.
// Reading `o.__dict__` makes a dict object that shares the keys (dk_refcnt > 1, so the
// keys are not counted) and owns the values: sys.getsizeof(o.__dict__) = 48 + 16 +
// shared_keys_usable_size * 8, computed from the keys' state *now*. Measured on 3.11.7: 296
// for the first instance of a fresh class, 288 for the second, 88 for any instance of a
// class with two attributes once ~30 instances exist (usable pinned at 1).

/// A class's shared instance-dict keys (`PyHeapTypeObject.ht_cached_keys`, dk_kind
/// DICT_KEYS_SPLIT). Mirrors Objects/dictobject.c (3.11).
///
/// Invariant: names.count == hashes.count == dk_nentries; names are exact str.
public struct SharedDictKeys: Sendable {
    public internal(set) var log2Size: UInt8
    /// dk_usable.
    public internal(set) var usable: Int
    /// The entries' keys (attribute names) in the order first set, and their hashes.
    public internal(set) var names: [ObjectRef]
    public internal(set) var hashes: [Int]

    /// _PyDict_NewKeysForClass.
    public init(layouts: ObjectLayouts) {
        log2Size = UInt8(layouts.dictSharedKeysLog2Size)
        usable = layouts.sharedKeysMaxSize
        names = []; hashes = []
    }

    /// make_keys_shared (before 3.11): a combined unicode table's keys become the class's
    /// shared keys, with its size and remaining dk_usable.
    public init(sharing table: DictStorage) {
        log2Size = table.log2Size
        usable = table.usable
        names = table.entryKeys; hashes = table.entryHashes
    }

    /// dk_nentries.
    public var nentries: Int { names.count }

    /// shared_keys_usable_size: dk_nentries + dk_usable.
    public var usableSize: Int { nentries + usable }

    /// init_inline_values: called once per new instance. Returns the number of value slots
    /// the instance's PyDictValues gets.
    public mutating func initInlineValues() -> Int {
        if usable > 1 { usable -= 1 }
        return usableSize
    }

    /// The name's index in the shared keys, or nil.
    public func index(of name: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> Int? {
        for i in 0..<names.count where names[i] == name || (hashes[i] == hash && isEqual(names[i], name)) {
            return i
        }
        return nil
    }

    /// insert_into_dictkeys: the index of `name`, appending it if absent and dk_usable > 0;
    /// nil when the keys are full (the instance must switch to a combined dict).
    public mutating func insert(_ name: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> Int? {
        if let i = index(of: name, hash: hash, isEqual: isEqual) { return i }
        if usable <= 0 { return nil }
        names.append(name); hashes.append(hash)
        usable -= 1
        return names.count - 1
    }

    /// _PyDict_KeysSize of the shared keys: what type.__sizeof__ adds for a heap type.
    public func keysSize(_ layouts: ObjectLayouts) -> Int {
        layouts.dictKeysHeaderSize + (1 << DictStorage.log2IndexBytes(Int(log2Size)))
            + DictStorage.usableFraction(1 << Int(log2Size)) * layouts.dictUnicodeEntrySize
    }

    /// sys.getsizeof(o.__dict__) while the dict is split: basicsize + usable size * 8 + GC.
    public func splitDictSizeOf(profile: Profile) -> Int {
        profile.objects.dict.sysGetSizeOf(variable: usableSize * profile.objects.pointerSize, profile: profile)
    }

    /// The split branch of dictresize (insertion_resize on a split dict, popitem, a
    /// non-str key): a combined unicode table of calculate_log2_keysize(used * 3) slots
    /// holding the instance's values in their insertion order.
    /// `order` lists shared-key indices in the order the instance set them.
    public func combined(values: [ObjectRef], order: [Int], layouts: ObjectLayouts) -> DictStorage {
        let used = order.count
        var d = DictStorage(log2Size: UInt8(DictStorage.calculateLog2KeySize(used * layouts.dictGrowthFactor, layouts)),
                            unicode: true, layouts: layouts)
        for i in order {
            d.setItem(names[i], hash: hashes[i], isExactStr: true, value: values[i], layouts: layouts) { _, _ in false }
        }
        return d
    }
}
