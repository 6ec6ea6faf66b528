import XCTest
import HeapEngine
@testable import HeapScript

/// `sys.getrefcount` through names, containers, frames, `_` and tracebacks.
/// Every expected value below is what real CPython 3.11.7 (`python3.11 -q -i`) printed for the
/// same statements run one after the other in one REPL session.
final class RefcountTests: XCTestCase {
    func testNamesAndDel() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "x = []", "")
        expect(s, "sys.getrefcount(x)", "2\n")
        expect(s, "y = x", "")
        expect(s, "sys.getrefcount(x)", "3\n")
        expect(s, "z = y", "")
        expect(s, "sys.getrefcount(x)", "4\n")
        expect(s, "del y", "")
        expect(s, "sys.getrefcount(x)", "3\n")
        expect(s, "z = None", "")
        expect(s, "sys.getrefcount(x)", "2\n")
    }

    func testContainersHoldReferences() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "a = []", "")
        expect(s, "b = [a, a]", "")
        expect(s, "sys.getrefcount(a)", "4\n")
        expect(s, "t = (a, a, a)", "")
        expect(s, "sys.getrefcount(a)", "7\n")
        expect(s, "d = {'k': a}", "")
        expect(s, "sys.getrefcount(a)", "8\n")
        expect(s, "s = {1: a}", "")
        expect(s, "sys.getrefcount(a)", "9\n")
        expect(s, "del b", "")
        expect(s, "sys.getrefcount(a)", "7\n")
        expect(s, "t = 0", "")
        expect(s, "sys.getrefcount(a)", "4\n")
        expect(s, "d.pop('k')", "[]\n")
        expect(s, "sys.getrefcount(a)", "4\n")
        expect(s, "sys.getrefcount(a)", "3\n")
        expect(s, "s.clear()", "")
        expect(s, "sys.getrefcount(a)", "2\n")
    }

    func testFunctionArgumentsAndFrames() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "x = []", "")
        expect(s, "def f(o):\n    return sys.getrefcount(o)\n", "")
        expect(s, "f(x)", "3\n")
        expect(s, "def g(o):\n    p = o\n    q = [o]\n    return sys.getrefcount(o)\n", "")
        expect(s, "g(x)", "5\n")
        expect(s, "def h(n, o):\n    if n == 0:\n        return sys.getrefcount(o)\n    return h(n - 1, o)\n", "")
        expect(s, "h(0, x)", "3\n")
        expect(s, "h(3, x)", "6\n")
        expect(s, "h(10, x)", "13\n")
        expect(s, "sys.getrefcount(x)", "2\n")
    }

    func testUnderscoreKeepsLastValue() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "x = []", "")
        expect(s, "x", "[]\n")
        expect(s, "sys.getrefcount(x)", "3\n")
        expect(s, "0", "0\n")
        expect(s, "sys.getrefcount(x)", "2\n")
        expect(s, "y = {}", "")
        expect(s, "y", "{}\n")
        expect(s, "sys.getrefcount(y)", "3\n")
        expect(s, "None", "")
        expect(s, "sys.getrefcount(y)", "2\n")
        expect(s, "_ is y", "False\n")
    }

    func testConstantsAndInstances() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "n = 987654321", "")
        expect(s, "sys.getrefcount(n)", "2\n")
        expect(s, "f = 2.718", "")
        expect(s, "sys.getrefcount(f)", "2\n")
        expect(s, "s = 'some text here'", "")
        expect(s, "sys.getrefcount(s)", "2\n")
        expect(s, "class K:\n    pass\n", "")
        expect(s, "k = K()", "")
        expect(s, "sys.getrefcount(k)", "2\n")
        expect(s, "k.me = k", "")
        expect(s, "sys.getrefcount(k)", "3\n")
        expect(s, "o = object()", "")
        expect(s, "sys.getrefcount(o)", "2\n")
    }

    func testTracebackKeepsFrameAlive() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "x = []", "")
        expect(s, "def bad(o):\n    return 1 / 0\n", "")
        expect(s, "bad(x)", "", raises: "ZeroDivisionError: division by zero")
        expect(s, "sys.getrefcount(x)", "3\n")
        expect(s, "undefined", "", raises: "NameError: name 'undefined' is not defined")
        expect(s, "sys.getrefcount(x)", "2\n")
    }
}
