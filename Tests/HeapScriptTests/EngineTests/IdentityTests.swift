import XCTest
import HeapEngine
@testable import HeapScript

/// Object identity: small ints, shared constants, interning, singletons.
/// Every expected value below is what real CPython 3.11.7 (`python3.11 -q -i`) printed for the
/// same statements run one after the other in one REPL session.
final class IdentityTests: XCTestCase {
    func testSmallIntCache() {
        let s = makeSession()
        expect(s, "a = 256", "")
        expect(s, "b = 256", "")
        expect(s, "a is b", "True\n")
        expect(s, "a = 257", "")
        expect(s, "b = 257", "")
        expect(s, "a is b", "False\n")
        expect(s, "a = -5", "")
        expect(s, "b = -5", "")
        expect(s, "a is b", "True\n")
        expect(s, "a = -6", "")
        expect(s, "b = -6", "")
        expect(s, "a is b", "False\n")
        expect(s, "c = 128 * 2", "")
        expect(s, "c == 256", "True\n")
    }

    func testSameStatementConstantsShared() {
        let s = makeSession()
        expect(s, "a, b = 300, 300", "")
        expect(s, "a is b", "True\n")
        expect(s, "c = 300; d = 300", "")
        expect(s, "c is d", "True\n")
        expect(s, "def f():\n    x = 5000\n    y = 5000\n    return x is y\n", "")
        expect(s, "f()", "True\n")
        expect(s, "e, g = 2.5, 2.5", "")
        expect(s, "e is g", "True\n")
    }

    func testStringInterning() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "a = 'identifier'", "")
        expect(s, "b = 'identifier'", "")
        expect(s, "a is b", "True\n")
        expect(s, "c = 'has space'", "")
        expect(s, "d = 'has space'", "")
        expect(s, "c is d", "False\n")
        expect(s, "e = ''.join(['ident', 'ifier'])", "")
        expect(s, "e is a", "False\n")
        expect(s, "e == a", "True\n")
        expect(s, "sys.intern(e) is a", "True\n")
        expect(s, "p = sys.intern('x y z' * 3)", "")
        expect(s, "q = sys.intern('x y z' * 3)", "")
        expect(s, "p is q", "True\n")
        expect(s, "s = 'abc'[1]", "")
        expect(s, "s is 'ab'[1]", "True\n")
    }

    func testEmptySingletons() {
        let s = makeSession()
        expect(s, "() is ()", "True\n")
        expect(s, "tuple([]) is ()", "True\n")
        expect(s, "str() == ''", "True\n")
        expect(s, "x = ''", "")
        expect(s, "y = 'abc'[0:0]", "")
        expect(s, "x is y", "True\n")
        expect(s, "[] is []", "False\n")
        expect(s, "{} == {}", "True\n")
    }

    func testIdReuse() {
        let s = makeSession()
        expect(s, "id([]) == id([])", "True\n")
        expect(s, "id(object()) == id(object())", "True\n")
        expect(s, "a = []", "")
        expect(s, "b = []", "")
        expect(s, "id(a) == id(b)", "False\n")
        expect(s, "c = a", "")
        expect(s, "id(c) == id(a)", "True\n")
        expect(s, "type(id(a)) is int", "True\n")
    }
}
