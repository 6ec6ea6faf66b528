import XCTest
import HeapEngine
@testable import HeapScript

/// Shared objects' start-up counts (StartupRefcounts, scripts/measure/startup_refcounts.py).
/// Every expected number is what the real interpreter printed, with PYTHONHASHSEED=0 as the
/// oracle runs it: REPL values from `pythonX.Y -q -i` given the same statements on stdin, script
/// values from `pythonX.Y s.py`. 3.6 is 3.6.15, 3.8 is 3.8.18, 3.11 is 3.11.7, 3.12 is 3.12.1,
/// 3.13 is 3.13.0.
final class StartupRefcountTests: XCTestCase {
    private func session(_ profile: Profile) -> Session { Session(profile: profile, hashSeed: 0) }

    private func expectRefused(_ s: Session, _ source: String, _ what: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let r = s.runInteractive(source + "\n")
        XCTAssertEqual(r.unsupported?.construct, what, "stderr: \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
    }

    /// REPL: `two = 2; sys.getrefcount(two)` prints 99 on 3.6, 106 on 3.8, 1000000236 on 3.11.
    /// 1's count follows the interpreter's flags (sys.flags holds it): refused before 3.12.
    func testSmallIntThroughANameInTheREPL() {
        for (profile, count) in [(Profile.cpython36, "99"), (.cpython38, "106"), (.cpython311, "1000000236"),
                                 (.cpython312, "4294967295"), (.cpython313, "4294967295")] {
            let s = session(profile)
            expect(s, "import sys", "")
            expect(s, "two = 2", "")
            expect(s, "sys.getrefcount(two)", count + "\n")
            expect(s, "one = 1", "")
            if profile.minor < 12 {
                expectRefused(s, "sys.getrefcount(one)", "sys.getrefcount(1)")
            } else {
                expect(s, "sys.getrefcount(one)", "4294967295\n")
            }
        }
    }

    /// `x = [7]*10; sys.getrefcount(x[0])`: 29 on 3.6, 27 on 3.8, 1000000051 on 3.11 (ten slots more
    /// than start-up and the argument).
    func testSevenAfterTenListSlots() {
        for (profile, count) in [(Profile.cpython36, "29"), (.cpython38, "27"), (.cpython311, "1000000051")] {
            let s = session(profile)
            expect(s, "import sys", "")
            expect(s, "x = [7]*10", "")
            expect(s, "sys.getrefcount(x[0])", count + "\n")
        }
    }

    /// True and Ellipsis are mortal static objects before 3.12: Ellipsis 5 on 3.6 and 3.8, 18 on
    /// 3.11; True's count follows the interpreter's flags (`sys.dont_write_bytecode`), refused.
    func testTrueAndEllipsis() {
        for (profile, e) in [(Profile.cpython36, "5"), (.cpython38, "5"), (.cpython311, "18")] {
            let s = session(profile)
            expect(s, "import sys", "")
            expect(s, "sys.getrefcount(Ellipsis)", e + "\n")
            expectRefused(s, "sys.getrefcount(True)", "sys.getrefcount(True)")
        }
        let s = session(.cpython312)
        expect(s, "import sys", "")
        expect(s, "sys.getrefcount(True)", "4294967295\n")
        expect(s, "sys.getrefcount(Ellipsis)", "4294967295\n")
    }

    /// None's start-up count varies by dozens between CPython runs (3.11.7 REPL: 5940..5994 over
    /// eight runs): refused before 3.12, immortal 4294967295 from 3.12.
    func testNoneIsRefusedBefore312() {
        for profile in [Profile.cpython36, .cpython38, .cpython311] {
            let s = session(profile)
            expect(s, "import sys", "")
            let r = s.runInteractive("sys.getrefcount(None)\n")
            XCTAssertEqual(r.unsupported?.construct, "sys.getrefcount(None)")
            XCTAssertEqual(r.unsupported?.message,
                           "heapbook does not model `sys.getrefcount(None)` (CPython \(profile.referenceVersion)'s "
                           + "start-up holds a varying number of references to it)")
        }
        for profile in [Profile.cpython312, .cpython313] {
            let s = session(profile)
            expect(s, "import sys", "")
            expect(s, "sys.getrefcount(None)", "4294967295\n")
        }
    }

    /// Script mode has its own counts: `t = Ellipsis; print(sys.getrefcount(t));
    /// print(sys.getrefcount(NotImplemented))` in a file prints 6, 5 on 3.6 and 3.8 (16, 5 on
    /// 3.11.7, whose scripts refuse every shared object: the parser arena holds the file's literals).
    func testScriptModeCounts() {
        let source = "import sys\nt = Ellipsis\nprint(sys.getrefcount(t))\nprint(sys.getrefcount(NotImplemented))\n"
        for (profile, out) in [(Profile.cpython36, "6\n5\n"), (.cpython38, "6\n5\n")] {
            let r = Session(profile: profile, script: true, hashSeed: 0).runScript(source, path: "s.py")
            XCTAssertNil(r.unsupported)
            XCTAssertEqual(r.stdout, out, "under \(profile.version)")
        }
        let r = Session(profile: .cpython311, script: true, hashSeed: 0).runScript(source, path: "s.py")
        XCTAssertEqual(r.unsupported?.construct, "sys.getrefcount(Ellipsis)")
    }

    /// 3.11.7: a small-int literal of the running statement has a context-dependent number of
    /// parser-arena references (`sys.getrefcount(7)` is one more than a name gives, `[7,
    /// sys.getrefcount(7)]` three more): refused. 3.8 has one arena reference per literal.
    func testLiteralOfTheRunningStatement() {
        let s = session(.cpython311)
        expect(s, "import sys", "")
        expectRefused(s, "sys.getrefcount(7)", "sys.getrefcount(7)")
        let t = session(.cpython38)
        expect(t, "import sys", "")
        expect(t, "sys.getrefcount(7)", "19\n")  // 3.8.18 -q -i
    }

    /// 3.11.7: `'abc'[0] is 'a'` is False (a second, interned 'a'): one-character strs refused.
    func testOneCharacterStrsRefusedOn311() {
        let s = session(.cpython311)
        expect(s, "import sys", "")
        expect(s, "c = 'abc'[0]", "")
        expectRefused(s, "sys.getrefcount(c)", "sys.getrefcount('a')")
    }

    /// 3.6's peephole optimizer leaves a fold's operands in co_consts (`-7` keeps 7), which
    /// the engine does not model: the operand's count is refused from then on.
    func testPeepholeLeftoversRefusedOn36() {
        let s = session(.cpython36)
        expect(s, "import sys", "")
        expect(s, "seven = 7", "")
        expect(s, "sys.getrefcount(seven)", "20\n")  // 3.6.15 -q -i
        expect(s, "def f():\n    return -7\n", "")
        expectRefused(s, "sys.getrefcount(seven)", "sys.getrefcount(7)")
    }

    /// CPython's start-up objects refer to the shared objects: the engine's list would be short.
    func testGetReferrersOfASharedObjectRefused() {
        let s = session(.cpython311)
        expect(s, "import gc", "")
        expectRefused(s, "gc.get_referrers(None)", "gc.get_referrers(None)")
    }

    /// The refleak check's totals stay consistent: the re-base happens once, before the first
    /// statement, so repeating a statement moves the total by nothing.
    func testTotalRefcountStableAcrossRepeats() {
        let s = session(.cpython38)
        expect(s, "import sys", "")
        expect(s, "x = [7]*10; del x", "")
        let before = s.heap.totalRefcount
        expect(s, "x = [7]*10; del x", "")
        XCTAssertEqual(s.heap.totalRefcount, before)
    }
}
