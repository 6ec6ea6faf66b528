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
    /// print(sys.getrefcount(NotImplemented))` in a file prints 6, 5 on 3.6 and 3.8, 16, 5 on
    /// 3.11.7.
    func testScriptModeCounts() {
        let source = "import sys\nt = Ellipsis\nprint(sys.getrefcount(t))\nprint(sys.getrefcount(NotImplemented))\n"
        for (profile, out) in [(Profile.cpython36, "6\n5\n"), (.cpython38, "6\n5\n"), (.cpython311, "16\n5\n")] {
            let r = Session(profile: profile, script: true, hashSeed: 0).runScript(source, path: "s.py")
            XCTAssertNil(r.unsupported)
            XCTAssertEqual(r.stdout, out, "under \(profile.version)")
        }
    }

    /// A script's parser arena (the whole file's) holds its literals while it runs; on 3.11
    /// the PEG parser made 2 to 4 objects per number token (NumberTokenParses): 5 in `x = 5`
    /// three times (a target probe), in `[5, 5]` twice each; 200 in a function twice, and its
    /// fold 201 once; 3 under `-3` twice (-3 once); 9 in `a, b = 9, 10` three times, 10 twice;
    /// a constant statement `9` three times, not in co_consts. Values printed by
    /// `python3 s.py` (3.6.15, 3.8.18, 3.11.7); 3.6 refuses 201, a constant its peephole
    /// optimizer folded.
    func testScriptLiterals() {
        let source = """
            import sys
            x = 5
            print(sys.getrefcount(x))
            y = [5, 5]
            print(sys.getrefcount(5))
            def f():
                return 200 + 1
            print(sys.getrefcount(201), sys.getrefcount(200))
            z = -3
            print(sys.getrefcount(z), sys.getrefcount(len('...')))
            a, b = 9, 10
            print(sys.getrefcount(a), sys.getrefcount(b))
            9
            print(sys.getrefcount(a))

            """
        for (profile, out) in [(Profile.cpython38, "36\n38\n6 5\n6 45\n17 14\n17\n"),
                               (.cpython311, "1000000057\n1000000059\n1000000005 1000000005\n"
                                + "1000000005 1000000082\n1000000041 1000000029\n1000000041\n")] {
            let r = Session(profile: profile, script: true, hashSeed: 0).runScript(source, path: "s.py")
            XCTAssertNil(r.unsupported, "under \(profile.version)")
            XCTAssertEqual(r.stdout, out, "under \(profile.version)")
        }
        let r = Session(profile: .cpython36, script: true, hashSeed: 0).runScript(source, path: "s.py")
        XCTAssertEqual(r.stdout, "37\n39\n")
        XCTAssertNotNil(r.unsupported)
    }

    /// What stays refused in a 3.11 script: 0 and 1 (sys.flags holds them), a str literal of
    /// the running code ('' here: the arena's references to strs are not modelled).
    func testScriptRefusalsThatRemain() {
        for (line, what) in [("print(sys.getrefcount(1))", "sys.getrefcount(1)"),
                             ("print(sys.getrefcount(''))", "sys.getrefcount('')")] {
            let r = Session(profile: .cpython311, script: true, hashSeed: 0)
                .runScript("import sys\n" + line + "\n", path: "s.py")
            XCTAssertEqual(r.unsupported?.construct, what)
        }
    }

    /// 3.11.7 -q -i: a small-int literal of the running statement has as many arena references
    /// as the PEG parser made objects for it: `sys.getrefcount(7)` 1000000044 (two), `[7,
    /// sys.getrefcount(7)]` [7, 1000000048] (three more: the first 7 was tried as a target).
    /// 3.8 has one arena reference per literal.
    func testLiteralOfTheRunningStatement() {
        let s = session(.cpython311)
        expect(s, "import sys", "")
        expect(s, "sys.getrefcount(7)", "1000000044\n")
        expect(s, "[7, sys.getrefcount(7)]", "[7, 1000000048]\n")
        let t = session(.cpython38)
        expect(t, "import sys", "")
        expect(t, "sys.getrefcount(7)", "19\n")  // 3.8.18 -q -i
    }

    /// 3.11.7 -q -i: a SyntaxError at the prompt stays as sys.last_value with its line and
    /// column numbers (`def g(): return 1` then `K = 7`: 2 moves by 6); refused until the next
    /// uncaught exception replaces it.
    func testSyntaxErrorAtThePromptHoldsSmallInts() {
        let s = session(.cpython311)
        expect(s, "import sys", "")
        expect(s, "t = len('..')", "")
        _ = s.runInteractive("def g(): return 1\nK = 7\n")
        expectRefused(s, "sys.getrefcount(t)", "sys.getrefcount(2)")
        _ = s.runInteractive("1/0\n")
        expect(s, "sys.getrefcount(t)", "1000000236\n")
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
