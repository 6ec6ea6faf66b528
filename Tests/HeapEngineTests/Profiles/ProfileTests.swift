import XCTest
@testable import HeapEngine

/// Per-version numbers and behaviour switches of the profiles. Every expected value was
/// printed by the real interpreter named in the comment (pyenv's 3.6.15, 3.8.18, 3.11.7, 3.12.1, 3.13.0,
/// x86-64 Linux): sizes with sys.getsizeof / T.__basicsize__, counts with sys.getrefcount,
/// thresholds with gc.get_threshold().
final class ProfileTests: XCTestCase {
    // MARK: - Lookup

    func testEveryVersionIsSelectable() {
        XCTAssertEqual(Profile.all.map(\.version), ["3.6", "3.8", "3.11", "3.12", "3.13"])
        XCTAssertEqual(Profile.all.map(\.referenceVersion), ["3.6.15", "3.8.18", "3.11.7", "3.12.1", "3.13.0"])
        XCTAssertEqual(Profile.named("36")?.referenceVersion, "3.6.15")
        XCTAssertEqual(Profile.named("3.12")?.referenceVersion, "3.12.1")
        XCTAssertEqual(Profile.named("313")?.version, "3.13")
        XCTAssertEqual(Profile.named("cpython3.12")?.minor, 12)
        XCTAssertNil(Profile.named("3.14"))
        XCTAssertEqual(Profile.default.version, "3.11")
    }

    func testLayoutInvariantsHoldForEveryProfile() {
        for p in Profile.all {
            XCTAssertEqual(p.arenaSize % p.poolSize, 0, p.version)
            XCTAssertEqual(p.smallRequestThreshold % p.alignment, 0, p.version)
            XCTAssertLessThanOrEqual(p.objects.sharedKeysMaxSize, ((1 << p.objects.dictSharedKeysLog2Size) * 2) / 3, p.version)
        }
    }

    // MARK: - Numbers

    func testGCThresholds() {
        // gc.get_threshold(): 3.6.15, 3.8.18, 3.11.7 and 3.12.1 (700, 10, 10), 3.13.0 (2000, 10, 10).
        XCTAssertTrue(Profile.cpython36.gcThresholds == (700, 10, 10))
        XCTAssertTrue(Profile.cpython38.gcThresholds == (700, 10, 10))
        XCTAssertTrue(Profile.cpython311.gcThresholds == (700, 10, 10))
        XCTAssertTrue(Profile.cpython312.gcThresholds == (700, 10, 10))
        XCTAssertTrue(Profile.cpython313.gcThresholds == (2000, 10, 10))
    }

    func testStrSizes() {
        // sys.getsizeof('') / ('Seema') / ('Ā') / ('😀'):
        // 3.6.15, 3.8.18 and 3.11.7: 49, 54, 76, 80; 3.12.1 and 3.13.0: 41, 46, 60, 64.
        let expected: [String: [Int]] = ["3.6": [49, 54, 76, 80], "3.8": [49, 54, 76, 80], "3.11": [49, 54, 76, 80],
                                         "3.12": [41, 46, 60, 64], "3.13": [41, 46, 60, 64]]
        for p in Profile.all {
            let got = ["", "Seema", "Ā", "😀"].map { StrLayout.sizeof($0, profile: p) }
            XCTAssertEqual(got, expected[p.version], p.version)
        }
        // sys.getsizeof('é') (a static latin-1 singleton): 74 on 3.11.7, 61 on 3.12.1/3.13.0.
        XCTAssertFalse(Profile.cpython311.objects.latin1SingletonsCacheUTF8)
        XCTAssertTrue(Profile.cpython312.objects.latin1SingletonsCacheUTF8)
        XCTAssertEqual(StrLayout.sizeof("é", profile: .cpython312) + 3, 61)
        XCTAssertEqual(StrLayout.sizeof("é", profile: .cpython311), 74)
    }

    func testObjectSizes() {
        // sys.getsizeof of `class C: pass` instances: 64 (3.6.15), 48 (3.8.18), 56 (3.11.7),
        // 48 (3.12.1, 3.13.0). sys.getsizeof(def f(): pass): 144 (3.6.15), 136 (3.8.18), 152
        // (3.11.7), 160 (3.12.1, 3.13.0). sys.getsizeof(int): 400, 416, 424, 432, 416.
        // type.__basicsize__: 864, 880, 904, 920, 928.
        let expected: [String: (instance: Int, function: Int, staticType: Int, typeBasic: Int)] = [
            "3.6": (64, 144, 400, 864), "3.8": (48, 136, 416, 880),
            "3.11": (56, 152, 424, 904), "3.12": (48, 160, 432, 920), "3.13": (48, 160, 416, 928),
        ]
        // {} [] set() () with their GC headers: 3.6.15 248 (keys allocated), 72, 232, 56.
        let containers: [String: [Int]] = ["3.6": [80, 72, 232, 56]]
        for p in Profile.all {
            let o = p.objects
            let e = expected[p.version]!
            XCTAssertEqual(o.instance.sysGetSizeOf(variable: 0, profile: p), e.instance, p.version)
            XCTAssertEqual(o.function.sysGetSizeOf(variable: 0, profile: p), e.function, p.version)
            XCTAssertEqual(o.staticTypeSizeOf, e.staticType, p.version)
            XCTAssertEqual(o.type.basicSize, e.typeBasic, p.version)
            // From 3.8 to 3.13: {} 64, [] 56, set() 216, () 40; 1.0 24 in every version.
            XCTAssertEqual([o.dict, o.list, o.set, o.tuple].map { $0.basicSize + p.gcHeaderSize },
                           containers[p.version] ?? [64, 56, 216, 40], p.version)
            XCTAssertEqual(o.float.basicSize, 24, p.version)
        }
    }

    // MARK: - PEP 683 immortal objects

    func testImmortalRefcount() {
        // sys.getrefcount(None) == sys.getrefcount(1) == 4294967295 on 3.12.1 and 3.13.0.
        XCTAssertNil(Profile.cpython311.immortalRefcount)
        XCTAssertEqual(Profile.cpython312.immortalRefcount, 4_294_967_295)
        XCTAssertEqual(Profile.cpython313.immortalRefcount, 4_294_967_295)
        for p in [Profile.cpython312, .cpython313] {
            let heap = Heap(profile: p)
            for r in [heap.none, heap.trueRef, heap.emptyTuple, heap.emptyStr, heap.builtinType(.int)] {
                XCTAssertEqual(heap.refcnt[Int(r)], 4_294_967_295, p.version)
                heap.incref(r); heap.incref(r); heap.decref(r)
                XCTAssertEqual(heap.refcnt[Int(r)], 4_294_967_295, "incref/decref leave immortals alone (\(p.version))")
                XCTAssertTrue(heap.isImmortal(r))
            }
            let seven = try! heap.newInt(7)
            XCTAssertEqual(heap.refcnt[Int(seven)], 4_294_967_295)
            heap.decref(seven); heap.decref(seven)
            XCTAssertEqual(heap.refcnt[Int(seven)], 4_294_967_295)
        }
        // 3.11: static objects are ordinary counted objects.
        let heap = Heap(profile: .cpython311)
        let before = heap.refcnt[Int(heap.none)]
        heap.incref(heap.none)
        XCTAssertEqual(heap.refcnt[Int(heap.none)], before + 1)
        heap.decref(heap.none)
        XCTAssertFalse(heap.isImmortal(heap.none))
    }

    func testInternedStringsAreImmortalOnlyIn312() {
        // `s = 'zqxw'; sys.getrefcount(s)`: 2 on 3.11.7, 4294967295 on 3.12.1, 2 on 3.13.0.
        // 3.6.15 and 3.8.18: 2, as on 3.11.7.
        let expected: [String: Int] = ["3.6": 1, "3.8": 1, "3.11": 1, "3.12": 4_294_967_295, "3.13": 1]
        for p in Profile.all {
            let heap = Heap(profile: p)
            let s = heap.intern(try! heap.newStr("zqxw"))
            XCTAssertEqual(heap.refcnt[Int(s)], expected[p.version], p.version)
            // A mortal interned str leaves the interned table when it dies.
            heap.decref(s)
            XCTAssertEqual(heap.interned["zqxw"] == nil, !p.internedStringsImmortal, p.version)
        }
    }

    // MARK: - Collector timing

    func testCollectionRunsInsideTheAllocationIn311() {
        let heap = Heap(profile: .cpython311)
        heap.setThreshold(heap.gcCount.0 + 3)
        let gen1 = heap.gcCount.1
        var keep: [ObjectRef] = []
        for _ in 0..<4 { keep.append(try! heap.newList(ListStorage(exactly: []))) }
        // The fourth list pushed count0 over the threshold: the collection ran inside
        // _PyObject_GC_Link, before the list was tracked.
        XCTAssertFalse(heap.gc.collectionScheduled)
        XCTAssertEqual(heap.gcCount.0, 0)
        XCTAssertEqual(heap.gcCount.1, gen1 + 1)
        keep.forEach(heap.decref)
    }

    func testCollectionWaitsForTheEvalBreakerFrom312() {
        for p in [Profile.cpython312, .cpython313] {
            let heap = Heap(profile: p)
            let start = heap.gcCount.0, gen1 = heap.gcCount.1
            heap.setThreshold(start + 3)
            var keep: [ObjectRef] = []
            for _ in 0..<4 { keep.append(try! heap.newList(ListStorage(exactly: []))) }
            // gh-97922: _PyObject_GC_Link only schedules; nothing has been collected yet.
            XCTAssertTrue(heap.gc.collectionScheduled, p.version)
            XCTAssertEqual(heap.gcCount.0, start + 4, p.version)
            heap.gcRunScheduled()   // the next eval-breaker check
            XCTAssertFalse(heap.gc.collectionScheduled, p.version)
            XCTAssertEqual(heap.gcCount.0, 0, p.version)
            XCTAssertEqual(heap.gcCount.1, gen1 + 1, p.version)
            keep.forEach(heap.decref)
        }
    }

    // MARK: - Version switches (Profile.all is 3.6, 3.8, 3.11, 3.12, 3.13)

    func testVersionSwitches() {
        // [32].pop() -> getsizeof 64 on 3.8.18/3.11.7, 56 on 3.12.1/3.13.0 (3.6.15: 72+8 of GC).
        XCTAssertEqual(Profile.all.map(\.objects.listPopToEmptyClears), [false, false, false, true, true])
        // del a[i] shrinks up to 3.12.1 (list(range(20)) minus 15 by index: 120), not on 3.13.0 (216).
        XCTAssertEqual(Profile.all.map(\.objects.listDelItemResizes), [true, true, true, true, false])
        // Inline values allocated with the instance, __static_attributes__: 3.13 only.
        XCTAssertEqual(Profile.all.map(\.instanceInlineValues), [false, false, false, false, true])
        XCTAssertEqual(Profile.all.map(\.classStaticAttributes), [false, false, false, false, true])
        XCTAssertEqual(Profile.all.map(\.attributeErrorContextOnSet), [false, false, false, false, true])
        XCTAssertEqual(Profile.all.map(\.gcCollectsOnEvalBreaker), [false, false, false, true, true])
        XCTAssertEqual(Profile.all.map(\.internedStringsImmortal), [false, false, false, true, false])
        // Before 3.11: a __dict__ slot (getsizeof(C().__dict__) 104 on 3.8.18), frames with
        // their own argument references (f(x) -> getrefcount 4 on 3.8.18, 3 on 3.11.7), no
        // constant-display folding (getsizeof([1, 2, 3]) 80 on 3.8.18, 88 on 3.11.7), no
        // AttributeError.obj.
        XCTAssertEqual(Profile.all.map(\.instanceDictSlot), [true, true, false, false, false])
        XCTAssertEqual(Profile.all.map(\.callerStackKeepsArguments), [true, true, false, false, false])
        XCTAssertEqual(Profile.all.map(\.foldsConstantDisplays), [false, false, true, true, true])
        XCTAssertEqual(Profile.all.map(\.attributeErrorKeepsObject), [false, false, true, true, true])
        // getsizeof({}) 248 on 3.6.15; dict() 232 on 3.8.18; 64 from 3.9.
        XCTAssertEqual(Profile.all.map(\.objects.emptyDictKeys), [.allocated, .allocatedByDictCall, .shared, .shared, .shared])
        XCTAssertEqual(Profile.all.map(\.objects.listGrowth), [.cpython36, .cpython38, .cpython39, .cpython39, .cpython39])
        // Before 3.9: 256 KiB arenas of 4 KiB pools (3.8.18 and 3.6.15's _debugmallocstats).
        XCTAssertEqual(Profile.all.map(\.arenaSize), [256 << 10, 256 << 10, 1 << 20, 1 << 20, 1 << 20])
        XCTAssertEqual(Profile.all.map(\.poolSize), [4 << 10, 4 << 10, 16 << 10, 16 << 10, 16 << 10])
        // 16 on pyenv's 3.6.15 too (sys._debugmallocstats: 32 size classes).
        XCTAssertEqual(Profile.all.map(\.alignment), [16, 16, 16, 16, 16])
        XCTAssertEqual(Profile.all.map(\.gcHasFreeze), [false, true, true, true, true])
        XCTAssertEqual(Profile.all.map(\.mergesFoldedConstants), [false, true, true, true, true])
        // 3.13's REPL keeps every statement's lines in linecache.cache (a tuple and a list each).
        XCTAssertEqual(Profile.all.map(\.replCachesSourceLines), [false, false, false, false, true])
        // The first gc.collect() of `python3.13 -q -i` returns 5 (_pyrepl.readline garbage).
        XCTAssertNil(Profile.cpython312.startupGarbageClass)
        XCTAssertEqual(Profile.cpython313.startupGarbageClass, "_pyrepl.readline._ReadlineWrapper")
    }

    func testListRules() {
        let heap = Heap(profile: .cpython311)
        let item = try! heap.newInt(32)
        for (p, expected) in [(Profile.cpython311, 1), (.cpython312, 0), (.cpython313, 0)] {
            var l = ListStorage(exactly: [item])
            _ = l.pop(at: 0, clearsWhenEmpty: p.objects.listPopToEmptyClears)
            XCTAssertEqual(l.allocated, expected, p.version)
        }
        var l = ListStorage(exactly: Array(repeating: item, count: 20))
        for _ in 0..<15 { l.deleteItemKeepingAllocation(at: 0) }
        XCTAssertEqual(l.allocated, 20, "3.13 list_ass_item keeps the allocation")
    }
}
