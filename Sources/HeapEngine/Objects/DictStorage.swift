// Mirrors Objects/dictobject.c (CPython 3.11.7): PyDictKeysObject and the combined-table
// paths of new_keys_object, calculate_log2_keysize, estimate_log2_keysize, dictresize,
// build_indices, find_empty_slot, dictkeys_generic_lookup / unicodekeys_lookup_*,
// insert_to_emptydict, insertdict, insertion_resize, delitem_common, dict_popitem_impl,
// PyDict_Clear, PyDict_Copy, clone_combined_dict_keys, dict_merge, dict_new_presized and
// _PyDict_SizeOf / _PyDict_KeysSize.
//
// A 3.11 dict is a PyDictObject (ma_used, ma_keys, ma_values) pointing at a separately
// allocated PyDictKeysObject:
//
//     dk_refcnt | dk_log2_size | dk_log2_index_bytes | dk_kind | dk_version | dk_usable |
//     dk_nentries | dk_indices[1 << dk_log2_index_bytes] | entries[USABLE_FRACTION(size)]
//
// The indices are a hash table of small integers (1, 2, 4 or 8 bytes each, by table size)
// pointing into the entries array, which is kept in insertion order: that is where dict
// ordering comes from. An index slot holds DKIX_EMPTY (-1), DKIX_DUMMY (-2, a deleted
// entry; probing continues past it) or an entry number. Entries are appended at dk_nentries
// and never moved until a resize compacts them; deleting leaves a NULL entry behind and
// does not give dk_usable back, so a dict that churns keys resizes even at a constant size.
//
// 3.11 has two entry layouts (dk_kind): DICT_KEYS_UNICODE tables, whose keys are all exact
// str, store PyDictUnicodeEntry {key, value} (16 bytes; the hash lives in the str), and
// DICT_KEYS_GENERAL tables store PyDictKeyEntry {hash, key, value} (24 bytes). A table
// starts unicode if its first key is an exact str, and the first non-str key converts it
// to general with insertion_resize(mp, 0) — never back. That is why {'a': 1} is 184 bytes
// and {1: 1} 224. (DICT_KEYS_SPLIT, the instance-dict layout, is SharedDictKeys.swift.)
//
// Sizes: sys.getsizeof(d) = sizeof(PyDictObject) 48 + GC header 16 + the keys object when
// the dict owns it (dk_refcnt == 1): 32 + (1 << dk_log2_index_bytes) + usable * entry size.
// `{}` shares the static Py_EMPTY_KEYS, whose size is not counted: 64.
//
// Growth: a full table (dk_usable == 0) resizes to calculate_log2_keysize(ma_used * 3).
// calculate_log2_keysize(n) is bit_length(((n | 8) - 1) | 7): note the OR, which makes
// every n from 1 to 7 give 16 slots, not 8 — so {'a': 1} | one int key lands in a 16-slot
// table (measured: 352 bytes).

/// How a dict's keys object lays out its entries. Mirrors `DictKeysKind`,
/// Include/internal/pycore_dict.h (3.11).
public enum DictKeysKind: UInt8, Sendable {
    case general, unicode, split
}

/// The result of inserting into a dict.
public enum DictInsertResult: Equatable {
    /// A new entry; the dict now holds references to the key and the value.
    case inserted
    /// The key was already present (the stored key object is kept, as insertdict does);
    /// the old value's reference is the caller's to drop.
    case replaced(oldValue: ObjectRef)
}

/// A combined-table dict: `PyDictObject` with its own `PyDictKeysObject`.
/// Mirrors Objects/dictobject.c (3.11).
///
/// Keys are handles; hashing and equality stay with the caller. Every operation that may
/// compare keys takes `hash` (the key's `__hash__`, already computed, never -1) and
/// `isEqual(stored, probe)`, called only when the stored entry's hash equals `hash` and the
/// handles differ (CPython's identity shortcut first, then `PyObject_RichCompare`).
/// `isExactStr` says whether the key is an exact `str` (it decides dk_kind).
///
/// Invariants: `entryKeys.count == entryValues.count == entryHashes.count == dk_nentries`;
/// a deleted entry has key `DictStorage.null`; `used` counts the live entries;
/// `usable + nentries == USABLE_FRACTION(1 << log2Size)` except after popitem (which lowers
/// nentries but cannot return usable) and for the empty-keys singleton (log2Size 0).
public struct DictStorage: Sendable {
    /// The NULL of me_key / me_value. Handles from the object store are never negative.
    public static let null: ObjectRef = -1
    static let dkixEmpty: Int32 = -1
    static let dkixDummy: Int32 = -2

    /// dk_log2_size; 0 means ma_keys is Py_EMPTY_KEYS (shared, not counted by sizeof).
    public internal(set) var log2Size: UInt8
    /// dk_kind (.general or .unicode).
    public internal(set) var kind: DictKeysKind
    /// dk_usable: entries that may still be appended before a resize.
    public internal(set) var usable: Int
    /// ma_used.
    public internal(set) var used: Int
    /// dk_indices, one Int32 per slot whatever the simulated byte width.
    var indices: [Int32]
    /// The entries array, in insertion order (NULL key = deleted).
    public internal(set) var entryKeys: [ObjectRef]
    public internal(set) var entryValues: [ObjectRef]
    public internal(set) var entryHashes: [Int]

    /// `{}` / `PyDict_New()`: ma_keys = Py_EMPTY_KEYS (dk_log2_size 0, dk_usable 0, unicode).
    public init() {
        log2Size = 0; kind = .unicode; usable = 0; used = 0
        indices = [DictStorage.dkixEmpty]; entryKeys = []; entryValues = []; entryHashes = []
    }

    /// new_keys_object(log2_size, unicode) installed into an empty dict.
    init(log2Size: UInt8, unicode: Bool, layouts: ObjectLayouts) {
        self.log2Size = log2Size; kind = unicode ? .unicode : .general
        let size = 1 << Int(log2Size)
        usable = DictStorage.usableFraction(size); used = 0
        indices = [Int32](repeating: DictStorage.dkixEmpty, count: size)
        entryKeys = []; entryValues = []; entryHashes = []
        entryKeys.reserveCapacity(usable); entryValues.reserveCapacity(usable); entryHashes.reserveCapacity(usable)
    }

    /// new_keys_object(PyDict_MINSIZE): an empty unicode table of 8 slots, what dicts
    /// start with when they do not share Py_EMPTY_KEYS (see `EmptyDictKeys`).
    public init(minimumSize layouts: ObjectLayouts) {
        self.init(log2Size: UInt8(layouts.dictMinLog2Size), unicode: true, layouts: layouts)
    }

    /// dict_new_presized(minused, unicode): what BUILD_MAP n / BUILD_CONST_KEY_MAP n
    /// (_PyDict_FromItems) start from before inserting their n items. Up to
    /// USABLE_FRACTION(PyDict_MINSIZE) = 5 items this is an empty dict.
    public init(presized minused: Int, unicode: Bool, layouts: ObjectLayouts) {
        let minSize = 1 << layouts.dictMinLog2Size
        if minused <= DictStorage.usableFraction(minSize) { self.init(); return }
        let log2: Int
        if minused > DictStorage.usableFraction(layouts.dictMaxPresize) {
            log2 = layouts.dictMaxPresize.trailingZeroBitCount
        } else {
            log2 = DictStorage.estimateLog2KeySize(minused, layouts)
        }
        self.init(log2Size: UInt8(log2), unicode: unicode, layouts: layouts)
    }

    // MARK: - Sizing rules

    /// USABLE_FRACTION(n) = (n << 1) / 3.
    @inline(__always) public static func usableFraction(_ n: Int) -> Int { (n << 1) / 3 }

    /// calculate_log2_keysize(minsize) (the SIZEOF_LONG == SIZEOF_SIZE_T branch):
    /// bit_length(((minsize | MINSIZE) - 1) | (MINSIZE - 1)).
    /// Before 3.10 dictresize doubles from PyDict_MINSIZE while the size is below minsize,
    /// which differs for small requests: minsize 6 gives 8 slots there, 16 here.
    public static func calculateLog2KeySize(_ minsize: Int, _ layouts: ObjectLayouts) -> Int {
        if layouts.dictSizeByDoubling {
            var log2 = layouts.dictMinLog2Size
            while 1 << log2 < minsize { log2 += 1 }
            return log2
        }
        let minSize = 1 << layouts.dictMinLog2Size
        let m = ((minsize | minSize) - 1) | (minSize - 1)
        return Int.bitWidth - m.leadingZeroBitCount
    }

    /// estimate_log2_keysize(n) = calculate_log2_keysize((n * 3 + 1) / 2).
    public static func estimateLog2KeySize(_ n: Int, _ layouts: ObjectLayouts) -> Int {
        calculateLog2KeySize((n * 3 + 1) / 2, layouts)
    }

    /// dk_log2_index_bytes for a table of 1 << log2Size slots (1-, 2-, 4- or 8-byte indices).
    public static func log2IndexBytes(_ log2Size: Int) -> Int {
        if log2Size < 8 { return log2Size }
        if log2Size < 16 { return log2Size + 1 }
        if log2Size < 32 { return log2Size + 2 }
        return log2Size + 3
    }

    /// DK_SIZE.
    public var tableSize: Int { 1 << Int(log2Size) }
    /// dk_nentries.
    public var nentries: Int { entryKeys.count }
    /// ma_keys == Py_EMPTY_KEYS.
    public var hasEmptyKeys: Bool { log2Size == 0 }
    public var count: Int { used }

    /// _PyDict_KeysSize: 32 + index bytes + USABLE_FRACTION(size) * entry size.
    public func keysSize(_ layouts: ObjectLayouts) -> Int {
        let es = kind == .general ? layouts.dictKeyEntrySize : layouts.dictUnicodeEntrySize
        return layouts.dictKeysHeaderSize + (1 << DictStorage.log2IndexBytes(Int(log2Size)))
            + DictStorage.usableFraction(tableSize) * es
    }

    /// The part of dict.__sizeof__ beyond tp_basicsize: the keys object unless shared.
    public func variableSize(_ layouts: ObjectLayouts) -> Int { hasEmptyKeys ? 0 : keysSize(layouts) }

    /// `sys.getsizeof(d)`.
    public func sizeof(profile: Profile) -> Int {
        profile.objects.dict.sysGetSizeOf(variable: variableSize(profile.objects), profile: profile)
    }

    // MARK: - Probing

    /// dictkeys_*_lookup: the entry index of the key, or nil. Probe sequence
    /// i = (i * 5 + perturb + 1) & mask with perturb >>= PERTURB_SHIFT, from i = hash & mask.
    public func lookup(_ key: ObjectRef, hash: Int, isEqual: (ObjectRef, ObjectRef) -> Bool) -> Int? {
        let mask = UInt(tableSize - 1)
        var perturb = UInt(bitPattern: hash)
        var i = perturb & mask
        let shift = UInt(DictStorage.perturbShift)
        while true {
            let ix = indices[Int(i)]
            if ix >= 0 {
                let k = entryKeys[Int(ix)]
                if k == key { return Int(ix) }
                if entryHashes[Int(ix)] == hash && isEqual(k, key) { return Int(ix) }
            } else if ix == DictStorage.dkixEmpty {
                return nil
            }
            perturb >>= shift
            i = mask & (i &* 5 &+ perturb &+ 1)
        }
    }

    /// PERTURB_SHIFT (the same in 3.6 ... 3.13; kept beside the algorithm that needs it).
    static let perturbShift = 5

    /// find_empty_slot: the first EMPTY or DUMMY slot on the key's probe sequence.
    func findEmptySlot(hash: Int) -> Int {
        let mask = UInt(tableSize - 1)
        var perturb = UInt(bitPattern: hash)
        var i = perturb & mask
        let shift = UInt(DictStorage.perturbShift)
        while indices[Int(i)] >= 0 {
            perturb >>= shift
            i = mask & (i &* 5 &+ perturb &+ 1)
        }
        return Int(i)
    }

    /// The index slot that holds entry `ix` (lookdict_index).
    func lookdictIndex(hash: Int, entry ix: Int) -> Int {
        let mask = UInt(tableSize - 1)
        var perturb = UInt(bitPattern: hash)
        var i = perturb & mask
        let shift = UInt(DictStorage.perturbShift)
        while true {
            let v = indices[Int(i)]
            if v == Int32(ix) { return Int(i) }
            assert(v != DictStorage.dkixEmpty, "entry missing from dk_indices")
            perturb >>= shift
            i = mask & (i &* 5 &+ perturb &+ 1)
        }
    }

    // MARK: - Resizing

    /// dictresize(mp, log2_newsize, unicode): a new keys object; live entries are copied
    /// in order (compacting deleted ones), then build_indices. The kind stays unicode only
    /// if both `unicode` and the old kind are.
    /// After this: nentries == used, usable == USABLE_FRACTION(new size) - used.
    public mutating func dictresize(log2NewSize: Int, unicode: Bool, layouts: ObjectLayouts) {
        let keepUnicode = unicode && kind != .general
        var fresh = DictStorage(log2Size: UInt8(log2NewSize), unicode: keepUnicode, layouts: layouts)
        if used == nentries {
            fresh.entryKeys = entryKeys; fresh.entryValues = entryValues; fresh.entryHashes = entryHashes
        } else {
            for i in 0..<nentries where entryKeys[i] != DictStorage.null {
                fresh.entryKeys.append(entryKeys[i]); fresh.entryValues.append(entryValues[i])
                fresh.entryHashes.append(entryHashes[i])
            }
        }
        fresh.used = used
        fresh.buildIndices()
        fresh.usable -= used
        self = fresh
    }

    /// build_indices: entry i goes to the first free slot on its probe sequence.
    mutating func buildIndices() {
        for i in 0..<entryKeys.count { indices[findEmptySlot(hash: entryHashes[i])] = Int32(i) }
    }

    /// insertion_resize(mp, unicode): dictresize to calculate_log2_keysize(GROWTH_RATE).
    mutating func insertionResize(unicode: Bool, layouts: ObjectLayouts) {
        let log2 = DictStorage.calculateLog2KeySize(layouts.dictGrowthRate(used: used, size: tableSize), layouts)
        dictresize(log2NewSize: log2, unicode: unicode, layouts: layouts)
    }
}
