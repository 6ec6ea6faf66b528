import XCTest
@testable import HeapEngine

/// Expected values: scripts/measure/containers.py on CPython 3.11.7. int keys: the handle
/// is the value offset by 1_000_000 (so negatives stay non-negative handles); the hash is
/// CPython's hash(int).
final class SetStorageTests: XCTestCase {
    let p = Profile.cpython311
    let ne: (ObjectRef, ObjectRef) -> Bool = { _, _ in false }

    func ref(_ v: Int) -> ObjectRef { ObjectRef(1_000_000 + v) }
    func val(_ r: ObjectRef) -> Int { Int(r) - 1_000_000 }

    func set(_ values: [Int]) -> SetStorage {
        var s = SetStorage(layouts: p.objects)
        for v in values { s.add(ref(v), hash: IntLayout.hash(v), isEqual: ne) }
        return s
    }

    /// `{c1, c2, ...}` of constants: BUILD_SET 0 + SET_UPDATE of the constant frozenset,
    /// which the compiler built by adding the items in order.
    func literal(_ values: [Int]) -> SetStorage {
        let constant = SetStorage.compilerConstant(values.map { (ref($0), IntLayout.hash($0)) },
                                                   layouts: p.objects, isEqual: ne)
        var s = SetStorage(layouts: p.objects)
        s.merge(constant, isEqual: ne)
        return s
    }

    func testAddSizes() {
        // CPython 3.11.7: set add sizes 0..40
        var s = SetStorage(layouts: p.objects)
        var got = [s.sizeof(profile: p)]
        for i in 0..<40 { s.add(ref(i), hash: i, isEqual: ne); got.append(s.sizeof(profile: p)) }
        XCTAssertEqual(got, [216, 216, 216, 216, 216, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264])
        XCTAssertFalse(s.add(ref(3), hash: 3, isEqual: ne))
        XCTAssertEqual(s.count, 40)
    }

    func testOrders() {
        // CPython 3.11.7: list({3,1,2}) [1,2,3]; list({100,10,1000}) [1000,10,100]; list({-1,-2}) [-1,-2]
        XCTAssertEqual(literal([3, 1, 2]).elements.map(val), [1, 2, 3])
        XCTAssertEqual(literal([100, 10, 1000]).elements.map(val), [1000, 10, 100])
        XCTAssertEqual(set([-1, -2]).elements.map(val), [-1, -2])
        // CPython 3.11.7: {1000,8,16,24,9} [16,24,1000,8,9]; set([1000,8,16,24,9]) [1000,8,9,16,24]
        XCTAssertEqual(literal([1000, 8, 16, 24, 9]).elements.map(val), [16, 24, 1000, 8, 9])
        XCTAssertEqual(set([1000, 8, 16, 24, 9]).elements.map(val), [1000, 8, 9, 16, 24])
        // CPython 3.11.7: {32,64,128,8,1} [32,1,64,128,8]; set([32,64,128,8,1]) [32,64,128,1,8]
        XCTAssertEqual(literal([32, 64, 128, 8, 1]).elements.map(val), [32, 1, 64, 128, 8])
        XCTAssertEqual(set([32, 64, 128, 8, 1]).elements.map(val), [32, 64, 128, 1, 8])
    }

    func testDiscardAndDummies() {
        // CPython 3.11.7: set(range(20)) minus 3 5 7 11 13 plus 100
        var s = set(Array(0..<20))
        for i in [3, 5, 7, 11, 13] { XCTAssertEqual(s.discard(ref(i), hash: i, isEqual: ne), ref(i)) }
        XCTAssertNil(s.discard(ref(3), hash: 3, isEqual: ne))
        s.add(ref(100), hash: 100, isEqual: ne)
        XCTAssertEqual(s.elements.map(val), [0, 1, 2, 4, 6, 8, 9, 10, 12, 14, 15, 16, 17, 18, 19, 100])
        XCTAssertEqual(s.sizeof(profile: p), 2264)
        // CPython 3.11.7: s = {1, 9, 17, 25} → [1, 17, 25, 9]; s.discard(9); s.add(33) →
        // [1, 17, 25, 33], 216 (33 reuses the dummy)
        var t = literal([1, 9, 17, 25])
        XCTAssertEqual(t.elements.map(val), [1, 17, 25, 9])
        t.discard(ref(9), hash: 9, isEqual: ne)
        t.add(ref(33), hash: 33, isEqual: ne)
        XCTAssertEqual(t.elements.map(val), [1, 17, 25, 33])
        XCTAssertEqual(t.sizeof(profile: p), 216)
        // CPython 3.11.7: set([1, 9, 17, 25]) → [1, 25, 9, 17]; discard(9), add(33) →
        // [1, 33, 17, 25], 728 (the dummy is not on 33's probe path; fill reaches 5)
        var u = set([1, 9, 17, 25])
        XCTAssertEqual(u.elements.map(val), [1, 25, 9, 17])
        u.discard(ref(9), hash: 9, isEqual: ne)
        u.add(ref(33), hash: 33, isEqual: ne)
        XCTAssertEqual(u.elements.map(val), [1, 33, 17, 25])
        XCTAssertEqual(u.sizeof(profile: p), 728)
        XCTAssertTrue(t.contains(ref(33), hash: 33, isEqual: ne))
        XCTAssertFalse(t.contains(ref(9), hash: 9, isEqual: ne))
    }

    func testPopAndClear() {
        // CPython 3.11.7: s = set(range(10)); s.pop() x3 → 0, 1, 2
        var s = set(Array(0..<10))
        XCTAssertEqual([s.pop(), s.pop(), s.pop()].map { val($0!) }, [0, 1, 2])
        XCTAssertEqual(s.count, 7)
        XCTAssertEqual(s.clear().count, 7)
        XCTAssertEqual(s.sizeof(profile: p), 216)
        XCTAssertNil(s.pop())
    }

    func testMergeSizes() {
        // CPython 3.11.7: set(range(n)) n=0..40 (iterator path: one add at a time)
        let expected = [216, 216, 216, 216, 216, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264]
        XCTAssertEqual((0...40).map { set(Array(0..<$0)).sizeof(profile: p) }, expected)
        // A copy of a set has the same table (set_merge case 1) for these sizes.
        let src = set(Array(0..<12))
        var copy = SetStorage(layouts: p.objects)
        copy.merge(src, isEqual: ne)
        XCTAssertEqual(copy.elements, src.elements)
        XCTAssertEqual(copy.sizeof(profile: p), 728)
    }
}
