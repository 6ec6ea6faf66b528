import XCTest
import BigInt
import HeapEngine
@testable import HeapScript

/// Run-away protection: every limit ends the statement with a Python-style report on stderr,
/// never a crash, and the session stays usable afterwards. Tracebacks and RecursionError
/// messages are CPython 3.11.7's.
final class LimitTests: XCTestCase {
    func testInfiniteLoopHitsStepLimit() {
        let s = makeSession(limits: Limits(steps: 100_000))
        let r = s.runInteractive("while True: pass\n")
        XCTAssertEqual(r.stdout, "")
        XCTAssertNil(r.unsupported)
        XCTAssertTrue(r.stopped)
        XCTAssertEqual(r.exception, "heapbook: step limit of 100000 reached (a runaway loop?)")
        XCTAssertEqual(r.stderr, """
            Traceback (most recent call last):
              File "<stdin>", line 1, in <module>
            heapbook: step limit of 100000 reached (a runaway loop?)

            """)
        // The library's session goes on (the repl and run commands stop), and the budget is
        // per statement.
        expect(s, "1 + 1", "2\n")
        expect(s, "n = 0", "")
        let again = s.runInteractive("while True:\n    n += 1\n\n")
        XCTAssertEqual(again.exception, "heapbook: step limit of 100000 reached (a runaway loop?)")
        expect(s, "n > 1000", "True\n")
    }

    func testLoopsUnderTheBudgetFinish() {
        let s = makeSession(limits: Limits(steps: 100_000))
        expect(s, "t = 0", "")
        expect(s, "for i in range(1000):\n    t += i\n", "")
        expect(s, "t", "499500\n")
    }

    func testDeepRecursionRaisesRecursionError() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getrecursionlimit()", "1000\n")
        expect(s, "def f(n):\n    return f(n + 1)\n", "")
        let r = expect(s, "f(0)", "", raises: "RecursionError: maximum recursion depth exceeded")
        // CPython 3.11.7 collapses the repeated lines of the traceback.
        XCTAssertTrue(r.stderr.hasPrefix("Traceback (most recent call last):\n"), r.stderr)
        XCTAssertTrue(r.stderr.contains("[Previous line repeated 996 more times]\n"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("RecursionError: maximum recursion depth exceeded\n"), r.stderr)
        // Recursion that stays under the limit works, and the session goes on.
        expect(s, "def depth(n):\n    if n == 0:\n        return 0\n    return 1 + depth(n - 1)\n", "")
        expect(s, "depth(900)", "900\n")
        expect(s, "f(0)", "", raises: "RecursionError: maximum recursion depth exceeded")
        expect(s, "'alive'", "'alive'\n")
    }

    func testHugeAllocationWithSmallHeapRaisesMemoryError() {
        let s = makeSession(limits: Limits(heapBytes: 8 << 20))
        expect(s, "x = [1, 2, 3]", "")
        let r = s.runInteractive("big = [0] * 100000000\n")
        XCTAssertEqual(r.exception, "MemoryError")
        XCTAssertTrue(r.stderr.hasSuffix("MemoryError\n"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        // The failed statement bound nothing; the session goes on.
        expect(s, "len(x)", "3\n")
        let r2 = s.runInteractive("big\n")
        XCTAssertEqual(r2.exception, "NameError: name 'big' is not defined. Did you mean: 'bin'?")  // CPython 3.11.7
    }

    func testGrowingAllocationsHitMemoryErrorWithoutCrashing() {
        let s = makeSession(limits: Limits(steps: 50_000_000, heapBytes: 16 << 20))
        expect(s, "keep = []", "")
        let r = s.runInteractive("while True:\n    keep.append('x' * 100000)\n\n")
        XCTAssertEqual(r.exception, "MemoryError")
        expect(s, "len(keep) > 10", "True\n")
        expect(s, "keep.clear()", "")
        expect(s, "'recovered'", "'recovered'\n")
    }

    func testStatementsStillRunWhenSmallObjectsExhaustTheHeap() {
        // Every small allocation fails once the heap is full of tiny containers; compiling
        // the next statement (which borrows free-listed objects) must not trap.
        let s = makeSession(limits: Limits(steps: 50_000_000, heapBytes: 4 << 20))
        expect(s, "keep = []", "")
        let r = s.runInteractive("while True:\n    keep.append(([], {}))\n\n")
        XCTAssertEqual(r.exception, "MemoryError")
        expect(s, "len(keep) > 10", "True\n")
        expect(s, "keep.clear()", "")
        expect(s, "'recovered'", "'recovered'\n")
    }

    func testBigStringRepeatMemoryError() {
        let s = makeSession(limits: Limits(heapBytes: 4 << 20))
        let r = s.runInteractive("s = 'ab' * 50000000\n")
        XCTAssertEqual(r.exception, "MemoryError")
        expect(s, "'ok'", "'ok'\n")
    }

    // MARK: - Wall clock and resident memory

    func testWallClockLimitStopsOneStatementOfLargeOperations() {
        // 31 doublings in one expression, no step between them (a mutation fuzz find): CPython
        // 3.11.7 builds the 4 GiB result in 51 s; the engine stops after the limit.
        let s = makeSession(limits: Limits(wallClockSeconds: 1))
        let r = s.runInteractive("b'ab'" + String(repeating: " * 2", count: 31) + "\n")
        XCTAssertTrue(r.stopped)
        XCTAssertEqual(r.exception, "heapbook: wall-clock limit of 1 s reached")
    }

    func testWallClockLimitEndsTheRunWithATraceback() {
        let s = makeSession(limits: Limits(wallClockSeconds: 1))
        expect(s, "def spin():\n    while True:\n        pass\n", "")
        let r = s.runInteractive("spin()\n")
        XCTAssertTrue(r.stopped)
        XCTAssertEqual(r.exception, "heapbook: wall-clock limit of 1 s reached")
        XCTAssertTrue(r.stderr.hasPrefix("""
            Traceback (most recent call last):
              File "<stdin>", line 1, in <module>
              File "<stdin>", line
            """), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix(", in spin\nheapbook: wall-clock limit of 1 s reached\n"), r.stderr)
    }

    func testTimeLimitCountsCPUTimeWhenItCanReadIt() {
        // A probe whose clock jumps by 2 s per read: past the 1 s bound at the first check
        // after the statement starts, whatever the wall clock says.
        final class FakeClock: @unchecked Sendable { var seconds = 0.0 }
        let clock = FakeClock()
        let s = makeSession(limits: Limits(wallClockSeconds: 1, cpuSecondsProbe: { clock.seconds += 2; return clock.seconds }))
        let r = s.runInteractive("while True: pass\n")
        XCTAssertTrue(r.stopped)
        XCTAssertEqual(r.exception, "heapbook: CPU time limit of 1 s reached")
    }

    func testResidentMemoryLimitReadsTheProbe() {
        let s = makeSession(limits: Limits(residentBytes: 1 << 20, residentBytesProbe: { 2 << 20 }))
        let r = s.runInteractive("while True: pass\n")
        XCTAssertTrue(r.stopped)
        XCTAssertEqual(r.exception, "heapbook: memory limit of 1 MiB reached (the engine's own resident memory)")
        let fine = makeSession(limits: Limits(steps: 100_000, residentBytes: 1 << 20, residentBytesProbe: { 1 << 10 }))
        XCTAssertEqual(fine.runInteractive("while True: pass\n").exception,
                       "heapbook: step limit of 100000 reached (a runaway loop?)")
    }

    // MARK: - Nesting (reproducers 09-13, 16)

    /// Parser/tokenizer.c MAXLEVEL: 200 open brackets are fine, the 201st is CPython 3.11.7's
    /// (and 3.12.1's, 3.13.0's) SyntaxError at offset 205 of `x = ` + 201 `[`.
    func testTooManyNestedParentheses() {
        let s = makeSession()
        expect(s, "x = " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200), "")
        for n in [201, 1000] {
            let r = s.runInteractive("x = " + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "\n")
            XCTAssertEqual(r.exception, "SyntaxError: too many nested parentheses")
            XCTAssertTrue(r.stderr.contains("\n    " + String(repeating: " ", count: 204) + "^\n"), r.stderr)
        }
        let calls = s.runInteractive("x = " + String(repeating: "str(", count: 5000) + "1" + String(repeating: ")", count: 5000) + "\n")
        XCTAssertEqual(calls.exception, "SyntaxError: too many nested parentheses")
    }

    /// Before 3.9 the parser's stack overflows first (3.6.15: MemoryError at 94 nested `[`,
    /// 3.8.18 at 100): the engine refuses, and accepts what fits its model.
    func testDeepBracketsBefore39AreRefused() {
        for profile in [Profile.cpython36, .cpython38] {
            let s = Session(profile: profile)
            let r = s.runInteractive("x = " + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000) + "\n")
            XCTAssertNotNil(r.unsupported, profile.version)
            XCTAssertTrue(r.unsupported?.message.hasPrefix("heapbook does not model source nested this deeply") ?? false)
            let ok = s.runInteractive("len(" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + ")\n")
            XCTAssertEqual(ok.stdout, "1\n", profile.version)
        }
    }

    /// Inputs that overflowed the parser's host stack (SIGSEGV) now stop with a refusal;
    /// CPython 3.11.7 raises RecursionError or MemoryError for each (bisected: 2993 unary
    /// minus, 2994 terms of `+`, 2985 nested lambdas, 2986 terms of `**`).
    func testDeepExpressionsAreRefusedNotCrashed() {
        let sources = [
            "x = " + String(repeating: "-", count: 30_000) + "1",
            "x = " + String(repeating: "not ", count: 30_000) + "1",
            "x = " + Array(repeating: "1", count: 104_608).joined(separator: "+"),
            "x = " + Array(repeating: "1", count: 20_000).joined(separator: "**"),
            "f = " + String(repeating: "lambda: ", count: 7_050) + "1",
            "x = a" + String(repeating: ".a", count: 100_000),
            "x = f" + String(repeating: "()", count: 100_000),
        ]
        let s = makeSession()
        for source in sources {
            let r = s.runInteractive(source + "\n")
            XCTAssertNotNil(r.unsupported, String(source.prefix(20)))
        }
        // Well within every version's limits, nesting still works.
        expect(s, String(repeating: "-", count: 499) + "1", "-1\n")
        expect(s, Array(repeating: "1", count: 900).joined(separator: "+"), "900\n")
        expect(s, String(repeating: "not ", count: 401) + "0", "True\n")
    }

    /// tokenizer.c MAXINDENT 100: the 100th nested block is "IndentationError: too many
    /// levels of indentation" on line 101 (3.6.15 to 3.13.0).
    func testTooManyLevelsOfIndentation() {
        func nested(_ n: Int) -> String {
            (0..<n).map { String(repeating: " ", count: $0) + "if 1:\n" }.joined()
                + String(repeating: " ", count: n) + "pass\n"
        }
        let s = makeSession()
        XCTAssertNil(s.runModule(nested(99), filename: "ok.py").exception)
        for n in [100, 5000] {
            let r = s.runModule(nested(n), filename: "deep.py")
            XCTAssertEqual(r.exception, "IndentationError: too many levels of indentation")
            XCTAssertTrue(r.stderr.hasPrefix("  File \"deep.py\", line 101\n"), r.stderr)
        }
    }

    // MARK: - Deep deallocation (reproducer 14)

    /// 200,000 nested lists freed at once: the trashcan keeps the host recursion at 50
    /// levels (a plain recursive dealloc overflows the 8 MiB stack this test runs on).
    func testDeeplyNestedListsFreeThroughTheTrashcan() throws {
        let s = makeSession()
        let heap = s.heap
        let before = heap.liveCount
        var top = try heap.newList(ListStorage())
        for _ in 0..<200_000 { top = try heap.newList(ListStorage(preallocated: [top])) }
        XCTAssertEqual(heap.liveCount, before + 200_001)
        heap.decref(top)
        XCTAssertEqual(heap.liveCount, before)
        expect(s, "x = {}", "")
        expect(s, "for i in range(2000):\n    x = {1: x}\n", "")
        expect(s, "del x", "")
        expect(s, "'alive'", "'alive'\n")
    }

    // MARK: - int <-> str (reproducer H4)

    /// Messages of CPython 3.11.7 (3.12.1 and 3.13.0 print the same) and 3.8.18.
    func testIntStringConversionLimit() {
        let s = makeSession()
        expect(s, "z = 10 ** 4300", "")
        expect(s, "str(z)", "", raises: "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        expect(s, "len(str(z - 1)), len(str(-z + 1))", "(4300, 4301)\n")
        expect(s, "int('9' * 4301)", "", raises: "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit")
        expect(s, "int(' -1_2' + '1' * 4298) < 0", "True\n")
        let literal = s.runInteractive("w = " + String(repeating: "9", count: 10 << 20) + "\n")
        XCTAssertEqual(literal.exception, "SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 10485760 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.")
        let old = Session(profile: .cpython38)
        XCTAssertEqual(old.runInteractive("str(10 ** 4300)\n").exception,
                       "ValueError: Exceeds the limit (4300) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }

    /// 3.6.15 has no limit; the engine converts up to 100,000 digits and refuses beyond.
    func testIntStringConversionWithoutLimitIsBounded() {
        let s = Session(profile: .cpython36)
        XCTAssertEqual(s.runInteractive("len(str(10 ** 4300))\n").stdout, "4301\n")
        XCTAssertNotNil(s.runInteractive("len(str(10 ** 100000))\n").unsupported)
        XCTAssertNotNil(Session(profile: .cpython36).runInteractive("w = " + String(repeating: "9", count: 100_001) + "\n").unsupported)
    }

    /// The digit count the limits use, without converting: exact at the powers of ten.
    func testDecimalDigitCount() {
        for n in [1, 9, 10, 19, 20, 63, 64, 100, 4299, 4300, 4301] {
            let ten = BigInt(10).power(n)
            XCTAssertEqual(LongFormat.decimalDigitCount(ten - 1), n)
            XCTAssertEqual(LongFormat.decimalDigitCount(ten), n + 1)
            XCTAssertEqual(LongFormat.decimalDigitCount(-ten), n + 1)
        }
        XCTAssertEqual(LongFormat.decimalDigitCount(0), 1)
    }
}
