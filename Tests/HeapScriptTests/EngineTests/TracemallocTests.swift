import XCTest
import HeapEngine
@testable import HeapScript

/// tracemalloc's traces (Tracemalloc.swift, TracemallocModule.swift) against numbers measured
/// with CPython 3.11.7, 3.12.1 and 3.13.0 (PYTHONHASHSEED=0), each from a script
///
///     import tracemalloc
///     import gc
///     gc.collect()
///     tracemalloc.start()
///     <code>
///     r = tracemalloc.get_traced_memory()
///     tracemalloc.stop()
///     print(r)
///
/// The engine refuses get_traced_memory after `import tracemalloc` (its free lists and its
/// cyclic garbage are not modelled, so `gc.collect()` is refused too); the tests stand in for
/// that by forgetting the garbage before `gc.collect()` (whose full collection empties the
/// free lists as CPython's does), and so check the allocator hooks and the checked builtins
/// behind it.
final class TracemallocTests: XCTestCase {
    /// Runs `code` traced as above in a script session of `profile`: stdout, or the refusal.
    private func traced(_ code: String, _ profile: Profile) -> String {
        let s = Session(profile: profile, script: true, hashSeed: 0)
        _ = s.runScript("import tracemalloc\nimport gc\n", path: "/probes/tracemalloc.py")
        s.interp.unmodelledGarbage = nil
        let r = s.runModule("gc.collect()\ntracemalloc.start()\n\(code)\nr = tracemalloc.get_traced_memory()\ntracemalloc.stop()\nprint(r)\n",
                            filename: "/probes/tracemalloc.py")
        if let u = r.unsupported { return "refused: \(u.message)" }
        return r.stdout
    }

    private let profiles: [Profile] = [.cpython311, .cpython312, .cpython313]

    /// (code, 3.11.7's, 3.12.1's, 3.13.0's output).
    private let measured: [(String, String, String, String)] = [
        ("x = [0] * 1000", "(8112, 8120)", "(8112, 8120)", "(8112, 8120)"),
        ("x = [i for i in range(1000)]", "(32632, 32832)", "(32632, 32672)", "(32632, 32672)"),
        ("d = {}\nfor i in range(50):\n    d[i] = i", "(2264, 3416)", "(2264, 3408)", "(2264, 3408)"),
        ("s = set()\nfor i in range(40):\n    s.add(i)", "(2264, 2824)", "(2264, 2816)", "(2264, 2816)"),
        ("a = []\nb = {}\ndel a, b\nc = []\nd = {}", "(120, 120)", "(120, 120)", "(120, 120)"),
        ("def f(n):\n    return [n] * n\nx = f(10)\ny = f(20)", "(560, 568)", "(568, 576)", "(568, 576)"),
        ("x = [i * 1000 for i in range(100)]", "(4088, 4288)", "(4088, 4128)", "(4088, 4128)"),
    ]

    func testTracedMemoryMatchesCPython() {
        for (code, a, b, c) in measured {
            for (profile, want) in zip(profiles, [a, b, c]) {
                XCTAssertEqual(traced(code, profile), want + "\n", "\(profile.version): \(code.debugDescription)")
            }
        }
    }

    /// What makes blocks the engine does not make is refused, never answered.
    func testUncheckedWorkIsRefused() {
        for code in ["s = str(12345)", "class A: pass\na = A()", "x = list(range(10))", "x = [*range(5)]",
                     "x = f'{1.5}'", "print('x')", "x = 2 ** 100\ny = x * x", "d = {'a': 1}\ndel d"] {
            for profile in profiles {
                XCTAssertTrue(traced(code, profile).hasPrefix("refused: heapbook does not model `tracemalloc.get_traced_memory()`"),
                              "\(profile.version): \(code.debugDescription) answered \(traced(code, profile))")
            }
        }
    }

    /// After `import tracemalloc` the numbers are refused (free lists and garbage unknown).
    func testImportLeavesNumbersRefused() {
        for profile in profiles {
            let s = Session(profile: profile, script: true, hashSeed: 0)
            let r = s.runScript("import tracemalloc\ntracemalloc.start()\nx = [0] * 1000\nr = tracemalloc.get_traced_memory()\n",
                                path: "/probes/tracemalloc.py")
            XCTAssertTrue(r.unsupported?.fullMessage?.contains("`import tracemalloc` left its free lists") == true,
                          "\(profile.version): \(String(describing: r.unsupported))")
        }
    }
}
