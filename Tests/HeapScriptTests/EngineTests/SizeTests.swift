import XCTest
import HeapEngine
@testable import HeapScript

/// `sys.getsizeof` of every built-in shape in the subset.
/// Every expected value below is what real CPython 3.11.7 (`python3.11 -q -i`) printed for the
/// same statements run one after the other in one REPL session.
final class SizeTests: XCTestCase {
    func testIntSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof(0)", "28\n")
        expect(s, "sys.getsizeof(1)", "28\n")
        expect(s, "sys.getsizeof(-1)", "28\n")
        expect(s, "sys.getsizeof(1000)", "28\n")
        expect(s, "sys.getsizeof(2**30 - 1)", "28\n")
        expect(s, "sys.getsizeof(2**30)", "32\n")
        expect(s, "sys.getsizeof(2**60 - 1)", "32\n")
        expect(s, "sys.getsizeof(2**60)", "36\n")
        expect(s, "sys.getsizeof(2**90)", "40\n")
        expect(s, "sys.getsizeof(-(2**90))", "40\n")
        expect(s, "sys.getsizeof(10**100)", "72\n")
        expect(s, "sys.getsizeof(2**1000)", "160\n")
        expect(s, "x = 7 ** 77", "")
        expect(s, "sys.getsizeof(x)", "56\n")
        expect(s, "x", "118181386580595879976868414312001964434038548836769923458287039207\n")
    }

    func testBoolNoneFloatSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof(True)", "28\n")
        expect(s, "sys.getsizeof(False)", "28\n")
        expect(s, "sys.getsizeof(None)", "16\n")
        expect(s, "sys.getsizeof(1.0)", "24\n")
        expect(s, "sys.getsizeof(-2.5e300)", "24\n")
    }

    func testStrSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof('')", "49\n")
        expect(s, "sys.getsizeof('a')", "50\n")
        expect(s, "sys.getsizeof('abc')", "52\n")
        expect(s, "sys.getsizeof('a' * 50)", "99\n")
        expect(s, "sys.getsizeof('é')", "74\n")
        expect(s, "sys.getsizeof('é' * 50)", "123\n")
        expect(s, "sys.getsizeof('€')", "76\n")
        expect(s, "sys.getsizeof('€' * 50)", "174\n")
        expect(s, "sys.getsizeof('😀')", "80\n")
        expect(s, "sys.getsizeof('😀' * 50)", "276\n")
        expect(s, "sys.getsizeof('aé€😀')", "92\n")
        expect(s, "sys.getsizeof('abc' + 'é')", "77\n")
    }

    func testBytesAndTupleSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof(b'')", "33\n")
        expect(s, "sys.getsizeof(b'abc')", "36\n")
        expect(s, "sys.getsizeof(b'x' * 1000)", "1033\n")
        expect(s, "sys.getsizeof(())", "40\n")
        expect(s, "sys.getsizeof((1,))", "48\n")
        expect(s, "sys.getsizeof((1, 2, 3))", "64\n")
        expect(s, "sys.getsizeof(tuple(range(100)))", "840\n")
    }

    func testListSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof([])", "56\n")
        expect(s, "sys.getsizeof([1])", "64\n")
        expect(s, "sys.getsizeof([1, 2, 3, 4, 5])", "104\n")
        expect(s, "sys.getsizeof(list(range(10)))", "136\n")
        expect(s, "sys.getsizeof(list(range(1000)))", "8056\n")
        expect(s, "sys.getsizeof([i for i in range(10)])", "184\n")
        expect(s, "sys.getsizeof([i for i in range(100)])", "920\n")
        expect(s, "sys.getsizeof([0] * 10)", "136\n")
    }

    func testListAppendGrowth() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "x = []", "")
        expect(s, "sizes = []", "")
        expect(s, "for i in range(41):\n    x.append(i)\n    sizes.append(sys.getsizeof(x))\n", "")
        expect(s, "sizes[:10]", "[88, 88, 88, 88, 120, 120, 120, 120, 184, 184]\n")
        expect(s, "sizes[10:20]", "[184, 184, 184, 184, 184, 184, 248, 248, 248, 248]\n")
        expect(s, "sizes[20:41]", "[248, 248, 248, 248, 312, 312, 312, 312, 312, 312, 312, 312, 376, 376, 376, 376, 376, 376, 376, 376, 472]\n")
        expect(s, "x.pop()", "40\n")
        expect(s, "sys.getsizeof(x)", "472\n")
        expect(s, "for i in range(30):\n    x.pop()\n", "39\n38\n37\n36\n35\n34\n33\n32\n31\n30\n29\n28\n27\n26\n25\n24\n23\n22\n21\n20\n19\n18\n17\n16\n15\n14\n13\n12\n11\n10\n")
        expect(s, "sys.getsizeof(x)", "216\n")
        expect(s, "x.clear()", "")
        expect(s, "sys.getsizeof(x)", "56\n")
        expect(s, "y = list(range(20))", "")
        expect(s, "sys.getsizeof(y[3:9])", "104\n")
        expect(s, "sys.getsizeof(y[::3])", "112\n")
    }

    func testDictSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof({})", "64\n")
        expect(s, "sys.getsizeof(dict())", "64\n")
        expect(s, "sys.getsizeof({'a': 1})", "184\n")
        expect(s, "sys.getsizeof({i: i for i in range(5)})", "224\n")
        expect(s, "sys.getsizeof({i: i for i in range(6)})", "352\n")
        expect(s, "sys.getsizeof({i: i for i in range(11)})", "632\n")
        expect(s, "sys.getsizeof({i: i for i in range(22)})", "1168\n")
        expect(s, "sys.getsizeof({i: i for i in range(100)})", "4688\n")
        expect(s, "d = {}", "")
        expect(s, "grow = []", "")
        expect(s, "for i in range(30):\n    d[i] = i\n    grow.append(sys.getsizeof(d))\n", "")
        expect(s, "grow", "[224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 632, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168, 1168]\n")
        expect(s, "for i in range(30):\n    del d[i]\n", "")
        expect(s, "sys.getsizeof(d)", "1168\n")
        expect(s, "len(d)", "0\n")
        expect(s, "d.clear()", "")
        expect(s, "sys.getsizeof(d)", "64\n")
    }

    func testSetSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof(set())", "216\n")
        expect(s, "sys.getsizeof({1, 2, 3, 4})", "216\n")
        expect(s, "sys.getsizeof({1, 2, 3, 4, 5})", "472\n")
        expect(s, "sys.getsizeof(set(range(19)))", "2264\n")
        expect(s, "sys.getsizeof(set(range(20)))", "2264\n")
        expect(s, "sys.getsizeof(set(range(100)))", "8408\n")
        expect(s, "s = set()", "")
        expect(s, "g = []", "")
        expect(s, "for i in range(40):\n    s.add(i)\n    g.append(sys.getsizeof(s))\n", "")
        expect(s, "g", "[216, 216, 216, 216, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264]\n")
    }

    func testObjectFunctionAndInstanceSizes() {
        let s = makeSession()
        expect(s, "import sys", "")
        expect(s, "sys.getsizeof(object())", "16\n")
        expect(s, "def f(a, b=1):\n    return a + b\n", "")
        expect(s, "sys.getsizeof(f)", "152\n")
        expect(s, "class C:\n    def __init__(self):\n        self.a = 1\n", "")
        expect(s, "sys.getsizeof(C())", "56\n")
        expect(s, "c = C()", "")
        expect(s, "sys.getsizeof(c)", "56\n")
    }
}
