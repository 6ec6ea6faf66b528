import XCTest
@testable import HeapEngine

/// Expected values: scripts/measure/containers.py on CPython 3.11.7. Keys are modelled as
/// distinct handles (ints: the handle is the value; strs: handles from 10_000 with
/// arbitrary hashes, since str hashes are randomised and dict sizes do not depend on them).
final class DictStorageTests: XCTestCase {
    let p = Profile.cpython311
    var l: ObjectLayouts { p.objects }
    let ne: (ObjectRef, ObjectRef) -> Bool = { _, _ in false }

    func intKey(_ i: Int) -> (ObjectRef, Int) { (ObjectRef(i), IntLayout.hash(i)) }
    func strKey(_ i: Int) -> (ObjectRef, Int) { (ObjectRef(10_000 + i), (i &* 0x1E37_79B9_7F4A_7C15) | 1) }

    func grow(_ n: Int, str: Bool) -> [Int] {
        var d = DictStorage()
        var out = [d.sizeof(profile: p)]
        for i in 0..<n {
            let (k, h) = str ? strKey(i) : intKey(i)
            d.setItem(k, hash: h, isExactStr: str, value: 1, layouts: l, isEqual: ne)
            out.append(d.sizeof(profile: p))
        }
        return out
    }

    func testInsertSizes0to50() {
        // CPython 3.11.7: dict int inserts 0..50
        XCTAssertEqual(grow(50, str: false), [64, 224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264])
        // CPython 3.11.7: dict str inserts 0..50 (unicode keys: 16-byte entries)
        XCTAssertEqual(grow(50, str: true), [64, 184, 184, 184, 184, 184, 272, 272, 272, 272, 272, 464, 464, 464, 464, 464, 464, 464, 464, 464, 464, 464, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 832, 1584, 1584, 1584, 1584, 1584, 1584, 1584, 1584])
    }

    func testPresized() {
        // CPython 3.11.7: BUILD_MAP 6 ints 352, 11 ints 632; BUILD_CONST_KEY_MAP 6 strs 272
        for (n, str, expected) in [(6, false, 352), (11, false, 632), (6, true, 272), (3, false, 224)] {
            var d = DictStorage(presized: n, unicode: str, layouts: l)
            for i in 0..<n {
                let (k, h) = str ? strKey(i) : intKey(i)
                d.setItem(k, hash: h, isExactStr: str, value: 1, layouts: l, isEqual: ne)
            }
            XCTAssertEqual(d.sizeof(profile: p), expected, "n=\(n) str=\(str)")
        }
    }

    func testKindConversion() {
        // CPython 3.11.7: {'a':1} then an int key: 352 (insertion_resize(mp, 0) → 16 slots, general)
        var d = DictStorage()
        d.setItem(strKey(0).0, hash: strKey(0).1, isExactStr: true, value: 1, layouts: l, isEqual: ne)
        XCTAssertEqual(d.kind, .unicode)
        XCTAssertEqual(d.sizeof(profile: p), 184)
        d.setItem(1, hash: 1, isExactStr: false, value: 1, layouts: l, isEqual: ne)
        XCTAssertEqual(d.kind, .general)
        XCTAssertEqual(d.sizeof(profile: p), 352)
        XCTAssertEqual(d.keys, [strKey(0).0, 1])
    }

    func testDeletionCopyAndChurn() {
        var d = DictStorage()
        for i in 0..<10 { d.setItem(ObjectRef(i), hash: i, isExactStr: false, value: 1, layouts: l, isEqual: ne) }
        for i in 0..<8 { XCTAssertNotNil(d.removeItem(ObjectRef(i), hash: i, isEqual: ne)) }
        // CPython 3.11.7: 10 ints, del 8: size, copy, dict() all 352
        XCTAssertEqual(d.sizeof(profile: p), 352)
        XCTAssertEqual(d.copy(layouts: l).sizeof(profile: p), 352)
        var viaMerge = DictStorage()
        viaMerge.merge(d, override: true, layouts: l, isExactStr: { _ in false }, isEqual: ne)
        XCTAssertEqual(viaMerge.sizeof(profile: p), 352)
        XCTAssertEqual(viaMerge.nentries, 2)
        XCTAssertEqual(d.copy(layouts: l).keys, [8, 9])

        // CPython 3.11.7: 5 ints, del all, insert → 224 (resize to used*3 = 0 → 8 slots)
        d = DictStorage()
        for i in 0..<5 { d.setItem(ObjectRef(i), hash: i, isExactStr: false, value: 1, layouts: l, isEqual: ne) }
        for i in 0..<5 { d.removeItem(ObjectRef(i), hash: i, isEqual: ne) }
        d.setItem(9, hash: 9, isExactStr: false, value: 1, layouts: l, isEqual: ne)
        XCTAssertEqual(d.sizeof(profile: p), 224)
        XCTAssertEqual(d.nentries, 1)

        // CPython 3.11.7: churn 100 (insert then delete each) → 224
        d = DictStorage()
        for i in 0..<100 {
            d.setItem(ObjectRef(i), hash: i, isExactStr: false, value: 1, layouts: l, isEqual: ne)
            d.removeItem(ObjectRef(i), hash: i, isEqual: ne)
        }
        XCTAssertEqual(d.sizeof(profile: p), 224)
        XCTAssertEqual(d.count, 0)
    }

    func testClearAndPopitem() {
        var d = DictStorage()
        d.setItem(strKey(0).0, hash: strKey(0).1, isExactStr: true, value: 1, layouts: l, isEqual: ne)
        XCTAssertEqual(d.clear().count, 1)
        XCTAssertEqual(d.sizeof(profile: p), 64)   // CPython 3.11.7: clear
        for i in 0..<6 { d.setItem(ObjectRef(i), hash: i, isExactStr: false, value: 1, layouts: l, isEqual: ne) }
        var popped: [ObjectRef] = []
        while let (k, _) = d.popItem() { popped.append(k) }
        XCTAssertEqual(popped, [5, 4, 3, 2, 1, 0])
        XCTAssertEqual(d.sizeof(profile: p), 352)  // CPython 3.11.7: popitem all of 6
        XCTAssertEqual(d.usable, 4)                // "We can't dk_usable++"
    }

    func testOrderAndReplace() {
        // CPython 3.11.7: {'b':1,'a':2}.update({'c':3,'a':4}) → [('b',1),('a',4),('c',3)]
        let a = strKey(1), b = strKey(2), c = strKey(3)
        var d = DictStorage()
        d.setItem(b.0, hash: b.1, isExactStr: true, value: 1, layouts: l, isEqual: ne)
        d.setItem(a.0, hash: a.1, isExactStr: true, value: 2, layouts: l, isEqual: ne)
        var e = DictStorage()
        e.setItem(c.0, hash: c.1, isExactStr: true, value: 3, layouts: l, isEqual: ne)
        e.setItem(a.0, hash: a.1, isExactStr: true, value: 4, layouts: l, isEqual: ne)
        let replaced = d.merge(e, override: true, layouts: l, isExactStr: { _ in true }, isEqual: ne)
        XCTAssertEqual(replaced, [2])
        XCTAssertEqual(d.items.map { $0.key }, [b.0, a.0, c.0])
        XCTAssertEqual(d.items.map { $0.value }, [1, 4, 3])
        // CPython 3.11.7: d = {3: 1, 1: 2}; del d[3]; d[3] = 5 → [1, 3]
        var f = DictStorage()
        f.setItem(3, hash: 3, isExactStr: false, value: 1, layouts: l, isEqual: ne)
        f.setItem(1, hash: 1, isExactStr: false, value: 2, layouts: l, isEqual: ne)
        f.removeItem(3, hash: 3, isEqual: ne)
        f.setItem(3, hash: 3, isExactStr: false, value: 5, layouts: l, isEqual: ne)
        XCTAssertEqual(f.keys, [1, 3])
    }

    func testEqualityByCallback() {
        // Two handles for "equal" keys (like 1 and 1.0): the second finds the first.
        var d = DictStorage()
        let eq: (ObjectRef, ObjectRef) -> Bool = { x, y in (x == 1 && y == 2) || (x == 2 && y == 1) }
        d.setItem(1, hash: 1, isExactStr: false, value: 10, layouts: l, isEqual: eq)
        XCTAssertEqual(d.setItem(2, hash: 1, isExactStr: false, value: 20, layouts: l, isEqual: eq), .replaced(oldValue: 10))
        XCTAssertEqual(d.keys, [1])
        XCTAssertEqual(d.value(forKey: 2, hash: 1, isEqual: eq), 20)
        XCTAssertNil(d.value(forKey: 3, hash: 1, isEqual: eq))
        // Colliding hashes probe past each other.
        for i in 0..<40 { d.setItem(ObjectRef(100 + i), hash: 7, isExactStr: false, value: 1, layouts: l, isEqual: ne) }
        for i in 0..<40 { XCTAssertEqual(d.value(forKey: ObjectRef(100 + i), hash: 7, isEqual: ne), 1) }
        XCTAssertEqual(d.count, 41)
    }

    func testSharedKeysInstanceDicts() {
        // CPython 3.11.7: getsizeof(C()) 56, first C().__dict__ 288 (second instance), third 280
        var keys = SharedDictKeys(layouts: l)
        XCTAssertEqual(keys.initInlineValues(), 29)
        XCTAssertEqual(l.instance.sysGetSizeOf(variable: 0, profile: p), 56)
        _ = keys.initInlineValues()
        XCTAssertEqual(keys.splitDictSizeOf(profile: p), 288)
        _ = keys.initInlineValues()
        XCTAssertEqual(keys.splitDictSizeOf(profile: p), 280)
        // A class with attributes a, b and 40 instances: every __dict__ is 88 (usable pinned at 1).
        var d = SharedDictKeys(layouts: l)
        for i in 0..<40 {
            _ = d.initInlineValues()
            if i == 0 { _ = d.insert(500, hash: 5, isEqual: ne); _ = d.insert(501, hash: 6, isEqual: ne) }
        }
        XCTAssertEqual(d.splitDictSizeOf(profile: p), 88)
        XCTAssertEqual(d.insert(502, hash: 7, isEqual: ne), 2)   // e.c = 3 still fits: 88
        XCTAssertEqual(d.splitDictSizeOf(profile: p), 88)
        XCTAssertNil(d.insert(503, hash: 8, isEqual: ne))        // full → combined dict
        // type.__sizeof__ of a class: 904 + cached keys 768 + 16 = 1688 (CPython 3.11.7: getsizeof(C))
        XCTAssertEqual(l.heapTypeSizeOf(sharedKeys: d, profile: p), 1688)
        let combined = d.combined(values: [1, 2, 3], order: [1, 0, 2], layouts: l)
        XCTAssertEqual(combined.keys, [501, 500, 502])
        XCTAssertEqual(combined.kind, .unicode)
    }

    func testSizingRules() {
        // calculate_log2_keysize's OR: 1...8 → 3 only for 0 and 8; 1...7 give 4.
        XCTAssertEqual(DictStorage.calculateLog2KeySize(0, l), 3)
        XCTAssertEqual(DictStorage.calculateLog2KeySize(3, l), 4)
        XCTAssertEqual(DictStorage.calculateLog2KeySize(8, l), 3)
        XCTAssertEqual(DictStorage.calculateLog2KeySize(15, l), 4)
        XCTAssertEqual(DictStorage.calculateLog2KeySize(30, l), 5)
        XCTAssertEqual(DictStorage.log2IndexBytes(8), 9)
        XCTAssertEqual(DictStorage.log2IndexBytes(16), 18)
    }
}
