import XCTest
import HeapEngine
@testable import HeapScript

/// `__main__` as start-up leaves it, and the start-up objects the engine refuses to guess
/// about. Expected values from `python3 -q -i` (and `python3 file.py`) of 3.6.15, 3.8.18,
/// 3.11.7, 3.12.1 and 3.13.0.
final class MainModuleTests: XCTestCase {
    func testGlobalsAtThePromptAndInAScript() {
        let size = ["3.6": "376", "3.8": "360", "3.11": "272", "3.12": "272", "3.13": "272"]
        for profile in Profile.all {
            let s = Session(profile: profile)
            XCTAssertEqual(s.runInteractive("import sys\n").exception, nil)
            XCTAssertEqual(s.runInteractive("list(globals()), sys.getsizeof(globals())\n").stdout,
                           "(['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__annotations__', "
                           + "'__builtins__', 'sys'], \(size[profile.version]!))\n", profile.version)
            XCTAssertEqual(s.runInteractive("__builtins__, __loader__, __annotations__\n").stdout,
                           "(<module 'builtins' (built-in)>, <class '_frozen_importlib.BuiltinImporter'>, {})\n")
            XCTAssertEqual(s.runInteractive("__builtins__.len('abc')\n").stdout, "3\n")

            let script = Session(profile: profile)
            let r = script.runScript("import sys\nprint(list(globals()), sys.getsizeof(globals()))\nprint(type(__loader__))\n",
                                     path: "gl.py")
            XCTAssertEqual(r.stdout, "['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__annotations__', "
                           + "'__builtins__', '__file__', '__cached__', 'sys'] \(size[profile.version]!)\n"
                           + "<class '_frozen_importlib_external.SourceFileLoader'>\n", profile.version)
        }
    }

    /// importlib's loader is a stand-in: looking into it is refused.
    func testLoaderIsOpaque() {
        let s = Session(profile: .cpython311)
        let r = s.runInteractive("__loader__.find_spec\n")
        XCTAssertEqual(r.unsupported?.message,
                       "heapbook does not model `__loader__`: heapbook only stands in for it (CPython 3.11's is made by code heapbook does not run)")
    }

    /// Start-up holds references the engine does not see (3.11.7 at the prompt:
    /// `sys.getrefcount(sys)` 78, `len` 21, `int` 105); immortal objects (3.12+) and
    /// globals() (4 on every version) stay exact.
    func testRefcountsOfStartUpObjects() {
        for profile in Profile.all {
            let s = Session(profile: profile)
            XCTAssertNil(s.runInteractive("import sys\n").unsupported)
            XCTAssertEqual(s.runInteractive("sys.getrefcount(globals())\n").stdout, "4\n")
            for expr in ["sys", "len", "sys.getrefcount"] {
                let r = s.runInteractive("sys.getrefcount(\(expr))\n")
                XCTAssertTrue(r.unsupported?.message.hasPrefix("heapbook does not model `sys.getrefcount(") ?? false,
                              "\(profile.version) \(expr): \(r.stdout)\(r.stderr)")
            }
            let int = s.runInteractive("sys.getrefcount(int)\n")
            if profile.immortalRefcount != nil {
                XCTAssertEqual(int.stdout, "4294967295\n")
            } else {
                XCTAssertNotNil(int.unsupported, profile.version)
            }
        }
    }

    /// A module from a file names its path in its repr (`<module 'weakref' from '/…'>`).
    func testReprOfAFileModuleIsRefused() {
        let s = Session(profile: .cpython311)
        XCTAssertNil(s.runInteractive("import weakref\n").unsupported)
        XCTAssertNotNil(s.runInteractive("weakref\n").unsupported)
    }

    /// What start-up's collections left in gc.get_stats() at the first prompt (`import gc`
    /// then `gc.get_stats()[:2]`, the same under PYTHONHASHSEED 1, 2 and 3).
    func testStartUpCollectionsInGetStats() {
        let expected = [
            "3.6": "[{'collections': 11, 'collected': 0, 'uncollectable': 0}, {'collections': 0, 'collected': 0, 'uncollectable': 0}]",
            "3.8": "[{'collections': 9, 'collected': 0, 'uncollectable': 0}, {'collections': 0, 'collected': 0, 'uncollectable': 0}]",
            "3.11": "[{'collections': 25, 'collected': 67, 'uncollectable': 0}, {'collections': 2, 'collected': 92, 'uncollectable': 0}]",
            "3.12": "[{'collections': 13, 'collected': 107, 'uncollectable': 0}, {'collections': 1, 'collected': 52, 'uncollectable': 0}]",
            "3.13": "[{'collections': 9, 'collected': 192, 'uncollectable': 0}, {'collections': 0, 'collected': 0, 'uncollectable': 0}]",
        ]
        for profile in Profile.all {
            let s = Session(profile: profile)
            XCTAssertNil(s.runInteractive("import gc\n").unsupported)
            XCTAssertEqual(s.runInteractive("gc.get_stats()[:2]\n").stdout, expected[profile.version]! + "\n", profile.version)
        }
    }

    /// A script compiles the whole file first, so its generation-0 count is not known: the
    /// count is refused, and so is a collection that found garbage CPython may have collected
    /// earlier; one whose garbage was surely reachable at every earlier moment CPython could
    /// have collected is exact. Expected values: CPython 3.8.18 and 3.11.7, `python3 FILE`.
    func testScriptCollectionsAreExactOnlyWhenNoEarlierCollectionCouldDiffer() {
        func run(_ profile: Profile, _ source: String) -> ExecutionResult {
            Session(profile: profile, script: true).runScript(source, path: "c.py")
        }
        let count = run(.cpython38, "import gc\nprint(gc.get_count())\n")
        XCTAssertTrue(count.unsupported?.message.hasPrefix("heapbook does not model `gc.get_count()`: a script's count") ?? false,
                      count.stderr)
        // One cycle, collected right after it became garbage.
        let cycle = "import gc\nclass A: pass\na = A(); b = A(); a.b = b; b.a = a\ndel a, b\nprint(gc.collect())\nprint(gc.collect())\n"
        XCTAssertEqual(run(.cpython38, cycle).stdout, "4\n0\n")
        XCTAssertEqual(run(.cpython311, cycle).stdout, "2\n0\n")
        // Cycles made over 100 loop iterations: 3.8.18 collects some on the way (it prints 132);
        // on 3.11.7 the count's bound stays below threshold0 (Profile.scriptCountBound): 200.
        let loop = "import gc\nclass N:\n    def __init__(self): self.o = None\nfor i in range(100):\n"
            + "    a = N(); b = N(); a.o = b; b.o = a\ndel a, b\nprint(gc.collect())\n"
        let refused = run(.cpython38, loop)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.unsupported?.message.contains("when CPython 3.8 collects this garbage") ?? false, refused.stderr)
        XCTAssertEqual(run(.cpython311, loop).stdout, "200\n")
        // The same with automatic collection off: nothing could have collected them.
        XCTAssertEqual(run(.cpython38, "import gc\ngc.disable()\n" + loop.dropFirst(10)).stdout, "400\n")
        XCTAssertEqual(run(.cpython311, "import gc\ngc.disable()\n" + loop.dropFirst(10)).stdout, "200\n")
        // Two finalizers in one cycle: with no collection possible before (the bound), the
        // lists' order is the allocation order in both (3.11.7: `del a`, `del b`, 2).
        let finalizers = "import gc\nclass A:\n    def __init__(self, n): self.n = n\n    def __del__(self): print('del', self.n)\n"
            + "a = A('a'); b = A('b'); a.b = b; b.a = a\ndel a, b\nprint(gc.collect())\n"
        XCTAssertEqual(run(.cpython311, finalizers).stdout, "del a\ndel b\n2\n")
        // Past the bound (1000 lists first), the order is not known: refused before any output.
        let late = finalizers.replacingOccurrences(of: "del a, b\n", with: "del a, b\nkeep = [[] for i in range(1000)]\n")
        let twoDels = run(.cpython311, late)
        XCTAssertEqual(twoDels.stdout, "", "no finalizer output before the refusal")
        XCTAssertNotNil(twoDels.unsupported)
    }
}
