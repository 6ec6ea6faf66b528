import XCTest
import HeapEngine
@testable import HeapScript

/// Generation 0's count where the engine's model of the compiler is not exact
/// (HeapEngine's Heap+CountCertainty.swift): refused, never a count that is not CPython's.
/// Expected values from `python3 -q -i` (versions named per case).
final class CountCertaintyTests: XCTestCase {
    private func session(_ profile: Profile) -> Session { Session(profile: profile, limits: Limits()) }

    func testCountAfterAStatementIsRefusedWhereCompilingIsNotExact() {
        // 3.8.18 makes 3 fewer GC objects than the engine compiling `pass` (compile-counts.py).
        for profile in [Profile.cpython36, .cpython38, .cpython313] {
            let s = session(profile)
            expect(s, "import gc", "")
            let r = s.runInteractive("gc.get_count()\n")
            XCTAssertTrue((r.unsupported?.fullMessage ?? "").contains("generation 0's count may differ"), profile.version)
        }
    }

    func testCountAfterACollectionInTheSameStatementIsExact() {
        // (0, 0, 0) on 3.6.15, 3.8.18 and 3.13.0.
        for profile in [Profile.cpython36, .cpython38, .cpython313] {
            let s = session(profile)
            expect(s, "import gc", "")
            expect(s, "_ = gc.collect(); c = gc.get_count()", "")
            expect(s, "c", "(0, 0, 0)\n")
        }
    }

    func testExactWhereTheCompilerIsModelled() {
        // 3.11.7: (23, 0, 0).
        let s = makeSession()
        expect(s, "import gc", "")
        expect(s, "_ = gc.collect()", "")
        expect(s, "x = 1", "")
        expect(s, "gc.get_count()", "(23, 0, 0)\n")
    }

    func testGarbageOf36sFirstWeakrefImportIsRefused() {
        // `import weakref; import gc; gc.collect()`: 35 on 3.6.15 at a fresh prompt, 0 after a
        // 100-list comprehension first (Profile.weakrefImportLeavesGarbage); 0 on 3.8.18.
        let s = session(.cpython36)
        expect(s, "import weakref", "")
        expect(s, "import gc", "")
        let r = s.runInteractive("gc.collect()\n")
        XCTAssertTrue((r.unsupported?.fullMessage ?? "").contains("first `import weakref` leaves cyclic garbage"))
        let t = session(.cpython36)
        expect(t, "import gc", "")
        expect(t, "gc.collect()", "0\n")   // before the import: nothing unmodelled
        let u = session(.cpython38)
        expect(u, "import weakref", "")
        expect(u, "import gc", "")
        expect(u, "gc.collect()", "0\n")
    }

    func testGarbageFoundAtAnUnknownMomentIsRefused() {
        // 3.8.18 collects the cycle automatically while the list is built (gc.collect() then
        // finds nothing); the engine's count may be a few off, so it cannot say when.
        let s = session(.cpython38)
        for line in ["import gc", "gc.set_threshold(100)", "class C: pass\n", "c = C(); c.me = c; del c"] {
            XCTAssertNil(s.runInteractive(line + "\n").unsupported, line)
        }
        let r = s.runInteractive("x = [[] for i in range(95)]\n")
        XCTAssertTrue((r.unsupported?.fullMessage ?? "").contains("which decides when an automatic collection runs"))
    }

    func testStatsAndGenerationsAfterAnUnknownMomentAreRefused() {
        let s = session(.cpython38)
        expect(s, "import gc", "")
        expect(s, "gc.set_threshold(20)", "")
        expect(s, "x = [[] for i in range(40)]", "")
        XCTAssertNotNil(s.runInteractive("gc.get_stats()\n").unsupported)
        XCTAssertNotNil(s.runInteractive("gc.get_objects(0)\n").unsupported)
        // A full collection that finds nothing makes the generations known again (not the stats).
        expect(s, "gc.collect()", "0\n")
        XCTAssertNil(s.runInteractive("len(gc.get_objects(0)) >= 0\n").unsupported)
        XCTAssertNotNil(s.runInteractive("gc.get_stats()\n").unsupported)
    }
}
