import XCTest
import BigInt
@testable import HeapEngine

/// int/float/tuple hashes and scalar sizes. Expected values: scripts/measure/containers.py
/// and sys.getsizeof on CPython 3.11.7.
final class ScalarLayoutTests: XCTestCase {
    let p = Profile.cpython311

    func testIntSizes() {
        // CPython 3.11.7: int sizes 0 1 -1 2**30-1 2**30 2**60 2**90 10**100
        XCTAssertEqual(IntLayout.sizeof(0, profile: p), 28)
        XCTAssertEqual(IntLayout.sizeof(1, profile: p), 28)
        XCTAssertEqual(IntLayout.sizeof(-1, profile: p), 28)
        XCTAssertEqual(IntLayout.sizeof((1 << 30) - 1, profile: p), 28)
        XCTAssertEqual(IntLayout.sizeof(1 << 30, profile: p), 32)
        XCTAssertEqual(IntLayout.sizeof(1 << 60, profile: p), 36)
        XCTAssertEqual(IntLayout.sizeof(BigInt(1) << 90, profile: p), 40)
        XCTAssertEqual(IntLayout.sizeof(BigInt(10).power(100), profile: p), 72)
        XCTAssertEqual(IntLayout.sizeof(Int.min, profile: p), 36)
    }

    func testIntHashes() {
        // CPython 3.11.7: hash(-1) hash(2**61-1) hash(2**61) hash(2**100) hash(-(2**100)) hash(-2**63) hash(2**63-1)
        XCTAssertEqual(IntLayout.hash(-1), -2)
        XCTAssertEqual(IntLayout.hash((1 << 61) - 1), 0)
        XCTAssertEqual(IntLayout.hash(1 << 61), 1)
        XCTAssertEqual(IntLayout.hash(BigInt(1) << 100), 549755813888)
        XCTAssertEqual(IntLayout.hash(-(BigInt(1) << 100)), -549755813888)
        XCTAssertEqual(IntLayout.hash(Int.min), -4)
        XCTAssertEqual(IntLayout.hash(Int.max), 3)
        XCTAssertEqual(IntLayout.hash(BigInt(12345)), 12345)
    }

    func testFloatHashes() {
        // CPython 3.11.7: hash(1.5) hash(-1.5) hash(0.1) hash(1e300) hash(inf) hash(-0.0) hash(1e-300) hash(2.5e10) hash(-1.0) hash(5e-324)
        XCTAssertEqual(IntLayout.hash(1.5), 1152921504606846977)
        XCTAssertEqual(IntLayout.hash(-1.5), -1152921504606846977)
        XCTAssertEqual(IntLayout.hash(0.1), 230584300921369408)
        XCTAssertEqual(IntLayout.hash(1e300), 1224995262755759164)
        XCTAssertEqual(IntLayout.hash(Double.infinity), 314159)
        XCTAssertEqual(IntLayout.hash(-0.0), 0)
        XCTAssertEqual(IntLayout.hash(1e-300), 482449582752280463)
        XCTAssertEqual(IntLayout.hash(2.5e10), 25000000000)
        XCTAssertEqual(IntLayout.hash(-1.0), -2)
        XCTAssertEqual(IntLayout.hash(5e-324), 16777216)
        XCTAssertEqual(IntLayout.hash(3.0), IntLayout.hash(3))
    }

    func testTupleHashes() {
        // CPython 3.11.7: hash(()) hash((1,)) hash((1,2)) hash((1,2,3)) hash((-1,)) hash(((),))
        XCTAssertEqual(IntLayout.tupleHash([]), 5740354900026072187)
        XCTAssertEqual(IntLayout.tupleHash([1]), -6644214454873602895)
        XCTAssertEqual(IntLayout.tupleHash([1, 2]), -3550055125485641917)
        XCTAssertEqual(IntLayout.tupleHash([1, 2, 3]), 529344067295497451)
        XCTAssertEqual(IntLayout.tupleHash([-2]), 8078679518589016365)
        XCTAssertEqual(IntLayout.tupleHash([5740354900026072187]), -5486347211504344842)
    }

    func testStrSizes() {
        // CPython 3.11.7: '' 'a' 'ab' 'é' 'éé' '中' '中中' '😀' '😀😀' 'a'*100
        let cases: [(String, Int)] = [("", 49), ("a", 50), ("ab", 51), ("é", 74), ("éé", 75), ("中", 76),
                                      ("中中", 78), ("😀", 80), ("😀😀", 84), (String(repeating: "a", count: 100), 149)]
        for (s, n) in cases { XCTAssertEqual(StrLayout.sizeof(s, profile: p), n, s) }
        XCTAssertEqual(StrLayout.kindAndLength("a😀").kind, .ucs4)
        XCTAssertEqual(StrLayout.kindAndLength("a😀").length, 2)
        XCTAssertEqual(StrLayout.sizeof(StrValue("中中"), profile: p), 78)
    }

    func testInterningRule() {
        XCTAssertTrue(StrLayout.isInternedConstant("hello_1"))
        XCTAssertTrue(StrLayout.isInternedConstant(""))
        XCTAssertFalse(StrLayout.isInternedConstant("hello world"))
        XCTAssertFalse(StrLayout.isInternedConstant("é"))
    }

    func testFixedSizesAndLayouts() {
        let o = p.objects
        // CPython 3.11.7: b'' 33, b'abc' 36, () 40, (1,) 48, (1,2,3) 64, 1.0 24
        XCTAssertEqual(o.bytesSizeOf(count: 0, profile: p), 33)
        XCTAssertEqual(o.bytesSizeOf(count: 3, profile: p), 36)
        XCTAssertEqual(o.tupleSizeOf(count: 0, profile: p), 40)
        XCTAssertEqual(o.tupleSizeOf(count: 1, profile: p), 48)
        XCTAssertEqual(o.tupleSizeOf(count: 3, profile: p), 64)
        XCTAssertEqual(o.floatSizeOf(profile: p), 24)
        // CPython 3.11.7: getsizeof of None 16, object() 16, a function 152, sys 72, range(3) 48,
        // len 72, [].append 72, a bound method 64 (48 + GC), iter([]) 48, slice(1, 2) 56, ... 16, C() 56
        XCTAssertEqual(o.none.sysGetSizeOf(variable: 0, profile: p), 16)
        XCTAssertEqual(o.object.sysGetSizeOf(variable: 0, profile: p), 16)
        XCTAssertEqual(o.function.sysGetSizeOf(variable: 0, profile: p), 152)
        XCTAssertEqual(o.module.sysGetSizeOf(variable: 0, profile: p), 72)
        XCTAssertEqual(o.range.sysGetSizeOf(variable: 0, profile: p), 48)
        XCTAssertEqual(o.builtinFunction.sysGetSizeOf(variable: 0, profile: p), 72)
        XCTAssertEqual(o.method.sysGetSizeOf(variable: 0, profile: p), 64)
        XCTAssertEqual(o.listIterator.sysGetSizeOf(variable: 0, profile: p), 48)
        XCTAssertEqual(o.slice.sysGetSizeOf(variable: 0, profile: p), 56)
        XCTAssertEqual(o.ellipsis.sysGetSizeOf(variable: 0, profile: p), 16)
        XCTAssertEqual(o.instance.sysGetSizeOf(variable: 0, profile: p), 56)
        XCTAssertEqual(o.weakref.sysGetSizeOf(variable: 0, profile: p), 80)
        XCTAssertEqual(o.cell.sysGetSizeOf(variable: 0, profile: p), 40)
        XCTAssertEqual(TypeLayout.builtin(.list, profile: p), o.list)
    }

    func testLayoutInvariants() {
        let o = p.objects
        XCTAssertGreaterThanOrEqual(o.dictMinLog2Size, 3)
        XCTAssertEqual(o.setMinSize & (o.setMinSize - 1), 0)
        XCTAssertLessThanOrEqual(o.sharedKeysMaxSize, DictStorage.usableFraction(1 << o.dictSharedKeysLog2Size))
        XCTAssertEqual(DictStorage().sizeof(profile: p), 64)
        XCTAssertEqual(SetStorage(layouts: o).sizeof(profile: p), 216)
    }
}
