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
}
