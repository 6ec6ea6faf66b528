import XCTest
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
        XCTAssertEqual(r.exception, "heapbook: step limit of 100000 reached (a runaway loop?)")
        XCTAssertTrue(r.stderr.contains("step limit of 100000 reached"), r.stderr)
        // The session goes on, and the budget is per statement.
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
}
