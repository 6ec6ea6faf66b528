import XCTest
import HeapEngine
@testable import HeapScript

/// Builtins check their arguments as CPython does, before their bodies run.
final class ArgumentTests: XCTestCase {
    /// Every call scripts/measure/arity.py made on a real CPython (3.6.15, 3.8.18, 3.11.7, 3.12.1,
    /// 3.13.0; its output is committed in Corpus/errors/arity-measured/X.Y.txt): the engine raises
    /// the same TypeError text, succeeds where CPython succeeded, or refuses — never another text.
    func testMeasuredArgumentErrors() throws {
        let dir = try DifferentialTests.corpusRoot().appendingPathComponent("errors/arity-measured")
        for profile in Profile.all {
            let text = try String(contentsOf: dir.appendingPathComponent("\(profile.version).txt"), encoding: .utf8)
            var session = Session(profile: profile)
            var checked = 0, refused = 0
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { XCTFail("bad line \(line)"); continue }
                let (call, cpython) = (parts[0], parts[1])
                let r = session.runInteractive("import sys, gc, weakref; _ = \(call)\n")
                if r.unsupported != nil {
                    refused += 1
                    session = Session(profile: profile)   // a refusal ends the session
                    continue
                }
                checked += 1
                if cpython == "ok" {
                    XCTAssertNil(r.exception, "\(profile.version): \(call)")
                } else {
                    XCTAssertEqual(r.exception, cpython, "\(profile.version): \(call)")
                }
            }
            XCTAssertGreaterThan(checked, 3 * refused, "\(profile.version): \(refused) refused, \(checked) checked")
        }
    }

    /// The crash reproducers of the reliability report (01-05, 07, 08): each raises CPython's
    /// exception under every profile (texts from 3.6.15, 3.8.18, 3.11.7, 3.12.1, 3.13.0).
    func testCrashReproducers() {
        for profile in Profile.all {
            let v = profile.minor
            func check(_ source: String, _ expected: String?, line: UInt = #line) {
                let r = Session(profile: profile).runInteractive(source + "\n")
                XCTAssertNil(r.unsupported, "\(profile.version): \(source)", line: line)
                XCTAssertEqual(r.exception, expected, "\(profile.version): \(source)", line: line)
            }
            check("bytes(2**62)", "MemoryError")
            check("b=[].extend()", "TypeError: \(v >= 11 ? "list.extend" : "extend")() takes exactly one argument (0 given)")
            check("s=''.startswith()", v >= 13 ? "TypeError: startswith expected at least 1 argument, got 0"
                  : "TypeError: startswith() takes at least 1 argument (0 given)")
            check("s=''.replace('')", v >= 13 ? "TypeError: replace() takes at least 2 positional arguments (1 given)"
                  : v >= 8 ? "TypeError: replace expected at least 2 arguments, got 1"
                  : "TypeError: replace() takes at least 2 arguments (1 given)")
            check("import gc, sys, weakref; weakref.getweakrefcount()",
                  "TypeError: \(v >= 11 ? "_weakref.getweakrefcount" : "getweakrefcount")() takes exactly one argument (0 given)")
            check("import gc; _ = gc.get_objects(-1)", v < 8 ? "TypeError: get_objects() takes no arguments (1 given)" : nil)
            check("{}.get()", v < 8 ? "TypeError: get expected at least 1 arguments, got 0"
                  : "TypeError: get expected at least 1 argument, got 0")
        }
    }

    /// Argument values the bodies used to misread (texts from the same five interpreters).
    func testArgumentValues() {
        for profile in Profile.all {
            let s = Session(profile: profile)
            expect(s, "'abc'.find(1)", "", raises: profile.minor >= 13
                   ? "TypeError: find() argument 1 must be str, not int" : "TypeError: must be str, not int")
            expect(s, "'xxaxx'.strip('x'), 'xxaxx'.lstrip('x'), 'xxaxx'.rstrip('x')", "('a', 'axx', 'xxa')\n")
            expect(s, "'abc'.strip(1)", "", raises: "TypeError: strip arg must be None or str")
            expect(s, "frozenset([1, 2])", "frozenset({1, 2})\n")
            expect(s, "bytes(10**20)", "", raises: "OverflowError: cannot fit 'int' into an index-sized integer")
            expect(s, "bytes(-1)", "", raises: "ValueError: negative count")
            expect(s, "b'ab' * 2**62", "", raises: "OverflowError: repeated bytes are too long")
            expect(s, "import gc", "")
            if profile.minor >= 8 {
                expect(s, "gc.get_objects(generation=3)", "",
                       raises: "ValueError: generation parameter must be less than the number of available generations (3)")
                expect(s, "gc.get_objects(generation=-5)", "", raises: "ValueError: generation parameter cannot be negative")
            } else {
                expect(s, "gc.get_objects(generation=3)", "", raises: "TypeError: get_objects() takes no keyword arguments")
            }
        }
    }

    /// What CPython has and the engine does not model is refused, not answered.
    func testRefusals() {
        for (source, what) in [("enumerate([1], start=1)", "enumerate() with these arguments"), ("int.from_bytes(b'a', 'big')", "int.from_bytes"),
                               ("'abc'.find('a', 1)", "str.find(argument 2)"), ("range(10**20)", "range() beyond 64-bit integers")] {
            let r = makeSession().runInteractive(source + "\n")
            XCTAssertEqual(r.unsupported?.fullMessage, "heapbook does not model `\(what)` (CPython 3.11 has it)", source)
        }
    }
}
