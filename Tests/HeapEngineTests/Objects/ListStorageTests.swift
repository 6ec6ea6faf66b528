import XCTest
@testable import HeapEngine

/// Expected values: scripts/measure/containers.py on CPython 3.11.7.
final class ListStorageTests: XCTestCase {
    let p = Profile.cpython311

    func refs(_ n: Int) -> [ObjectRef] { (0..<n).map { ObjectRef($0) } }

    func testAppendSizes0to100() {
        // CPython 3.11.7: list append sizes 0..100
        let expected = [56, 88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184, 184, 184, 184, 184, 248, 248, 248, 248, 248, 248, 248, 248, 312, 312, 312, 312, 312, 312, 312, 312, 376, 376, 376, 376, 376, 376, 376, 376, 472, 472, 472, 472, 472, 472, 472, 472, 472, 472, 472, 472, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 664, 664, 664, 664, 664, 664, 664, 664, 664, 664, 664, 664, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 920, 920, 920, 920, 920, 920, 920, 920]
        var a = ListStorage()
        var got: [Int] = []
        for i in 0...100 { got.append(a.sizeof(profile: p)); a.append(ObjectRef(i)) }
        XCTAssertEqual(got, expected)
        // CPython 3.11.7: list pop sizes 100..0
        let popped = [920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 920, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 376, 376, 376, 376, 376, 376, 376, 376, 376, 376, 376, 376, 248, 248, 248, 248, 248, 248, 248, 248, 184, 184, 184, 184, 152, 152, 120, 120, 120, 120, 88, 56]
        got = []
        while a.count > 0 { _ = a.pop(at: a.count - 1); got.append(a.sizeof(profile: p)) }
        XCTAssertEqual(got, popped)
    }

    func testLiteralsAndConstructors() {
        // CPython 3.11.7: [] [1] [1,2] (BUILD_LIST n) and [1,2,3] [1,2,3,4,5] (LIST_EXTEND of a const tuple)
        XCTAssertEqual(ListStorage().sizeof(profile: p), 56)
        XCTAssertEqual(ListStorage(exactly: refs(1)).sizeof(profile: p), 64)
        XCTAssertEqual(ListStorage(exactly: refs(2)).sizeof(profile: p), 72)
        XCTAssertEqual(ListStorage(extending: refs(3)).sizeof(profile: p), 88)
        XCTAssertEqual(ListStorage(extending: refs(5)).sizeof(profile: p), 104)
        // CPython 3.11.7: list(range(n)) n=0..12 (length hint exact)
        XCTAssertEqual((0...12).map { ListStorage(extending: refs($0), lengthHint: $0).sizeof(profile: p) },
                       [56, 72, 72, 88, 88, 104, 104, 120, 120, 136, 136, 152, 152])
        // CPython 3.11.7: list(generator) n=0..12 (no hint: PyObject_LengthHint default 8)
        XCTAssertEqual((0...12).map { ListStorage(extending: refs($0), lengthHint: 8).sizeof(profile: p) },
                       [56, 88, 120, 120, 120, 120, 120, 120, 120, 184, 184, 184, 184])
        // CPython 3.11.7: comprehension n=0..12 (LIST_APPEND)
        XCTAssertEqual((0...12).map { n -> Int in
            var l = ListStorage(); for r in refs(n) { l.append(r) }; return l.sizeof(profile: p)
        }, [56, 88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184])
    }

    func testOlderGrowthRules() {
        let p38 = Profile.cpython38, p36 = Profile.cpython36
        func appended(_ n: Int, _ growth: ListGrowth, _ profile: Profile) -> Int {
            var l = ListStorage(); l.growth = growth
            for r in refs(n) { l.append(r) }
            return l.sizeof(profile: profile)
        }
        // CPython 3.8.18: append sizes at 0, 1, 5, 9, 17, 26, 36 items.
        XCTAssertEqual([0, 1, 5, 9, 17, 26, 36].map { appended($0, .cpython38, p38) },
                       [56, 88, 120, 184, 256, 336, 424])
        // CPython 3.8.18: list(range(n)) n=0..5 is exact (list_preallocate_exact); sorted()
        // of 5 items is PySequence_List, over-allocated by list_resize (5 + 0 + 3 slots).
        XCTAssertEqual((0...5).map { ListStorage(listCall: refs($0), growth: .cpython38).sizeof(profile: p38) },
                       [56, 64, 72, 80, 88, 96])
        XCTAssertEqual(ListStorage(extending: refs(5), growth: .cpython38).sizeof(profile: p38), 120)
        // CPython 3.6.15: list(range(n)) n=0..4 goes through list_resize (GC header 32).
        XCTAssertEqual((0...4).map { ListStorage(listCall: refs($0), growth: .cpython36).sizeof(profile: p36) },
                       [72, 104, 112, 120, 128])
    }

    func testNewListOperations() {
        let b = ListStorage(extending: refs(3))
        // CPython 3.11.7: [1,2,3]*4 152, b+b 104, list(range(10))[2:5] 80, list(range(7)).copy() 112, list(list(range(5))) 104
        XCTAssertEqual(b.repeated(4).sizeof(profile: p), 152)
        XCTAssertEqual(ListStorage.concat(b, b).sizeof(profile: p), 104)
        XCTAssertEqual(ListStorage(extending: refs(10), lengthHint: 10).slice(2, 5).sizeof(profile: p), 80)
        let seven = ListStorage(extending: refs(7), lengthHint: 7)
        XCTAssertEqual(seven.slice(0, seven.count).sizeof(profile: p), 112)
        XCTAssertEqual(ListStorage(extending: ListStorage(extending: refs(5), lengthHint: 5).items).sizeof(profile: p), 104)
        XCTAssertEqual(b.repeated(0).sizeof(profile: p), 56)
        XCTAssertEqual(b.repeated(4).items, refs(3) + refs(3) + refs(3) + refs(3))
    }

    func testInPlaceOperations() {
        var c = ListStorage(extending: refs(10), lengthHint: 10)
        c.extend(iterating: refs(10), lengthHint: 10)
        XCTAssertEqual(c.sizeof(profile: p), 216)  // CPython 3.11.7: extend range10 onto 10
        c = ListStorage(extending: refs(3), lengthHint: 3)
        c.extend(sequence: [ObjectRef](repeating: 1, count: 20))
        XCTAssertEqual(c.sizeof(profile: p), 248)  // CPython 3.11.7: extend 20 onto 3
        c = ListStorage(extending: refs(10), lengthHint: 10)
        c.insert(99, at: 0)
        XCTAssertEqual(c.sizeof(profile: p), 184)  // CPython 3.11.7: insert into list(range(10))
        XCTAssertEqual(c.items.first, 99)
        c = ListStorage(extending: refs(20), lengthHint: 20)
        let removed = c.assignSlice(2, 15, with: [])
        XCTAssertEqual(removed.count, 13)
        XCTAssertEqual(c.sizeof(profile: p), 152)  // CPython 3.11.7: del c[2:15] of 20
        c = ListStorage(extending: refs(20), lengthHint: 20)
        c.deleteExtendedSlice(Array(stride(from: 0, to: 20, by: 2)))
        XCTAssertEqual(c.sizeof(profile: p), 216)  // CPython 3.11.7: del c[::2] of 20
        XCTAssertEqual(c.items, Array(stride(from: 1, to: 20, by: 2)).map { ObjectRef($0) })
        c = ListStorage(extending: refs(20), lengthHint: 20)
        c.assignSlice(2, 4, with: refs(30))
        XCTAssertEqual(c.sizeof(profile: p), 440)  // CPython 3.11.7: c[2:4]=range(30) of 20
        XCTAssertEqual(c.count, 48)
        c.clear()
        XCTAssertEqual(c.sizeof(profile: p), 56)   // CPython 3.11.7: clear
        c = ListStorage(extending: refs(20), lengthHint: 20)
        c.remove(at: 5)
        XCTAssertEqual(c.sizeof(profile: p), 216)  // CPython 3.11.7: remove one of 20
        c = ListStorage(extending: refs(9), lengthHint: 9)
        c.sort { $0 > $1 }
        XCTAssertEqual(c.sizeof(profile: p), 136)  // CPython 3.11.7: sort keeps
        XCTAssertEqual(c.items, refs(9).reversed())
        c = ListStorage(exactly: refs(2))
        c.inplaceRepeat(5)
        XCTAssertEqual(c.sizeof(profile: p), 152)  // CPython 3.11.7: [1,2] *= 5
        XCTAssertEqual(c.count, 10)
    }

    func testPopFront() {
        // CPython 3.11.7: pop(0) sizes 20..0
        var c = ListStorage(extending: refs(20), lengthHint: 20)
        var got: [Int] = []
        while c.count > 0 { _ = c.pop(at: 0); got.append(c.sizeof(profile: p)) }
        XCTAssertEqual(got, [216, 216, 216, 216, 216, 216, 216, 216, 216, 216, 184, 184, 152, 152, 120, 120, 120, 120, 88, 56])
    }

    func testInsertClampsIndex() {
        var c = ListStorage(exactly: [1, 2, 3])
        c.insert(9, at: -1); c.insert(8, at: 100); c.insert(7, at: -100)
        XCTAssertEqual(c.items, [7, 1, 2, 9, 3, 8])
    }
}
