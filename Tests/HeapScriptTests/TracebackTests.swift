import Foundation
import XCTest
@testable import HeapEngine
@testable import HeapScript

/// Tracebacks as each CPython prints them: frame lines, source lines, and (3.11+, PEP 657)
/// the carets under the failing part, for scripts (`heapbook run`) and the REPL (3.13 shows
/// `<stdin>` sources). Expected: `scripts/measure/tracebacks.py`, from CPython 3.6.15,
/// 3.8.18, 3.11.7, 3.12.1 and 3.13.0 (Tracebacks/NAME.X.Y.err, NAME.repl.X.Y.err).
final class TracebackTests: XCTestCase {
    static func cases() throws -> [(name: String, source: String, dir: URL)] {
        guard let dir = Bundle.module.url(forResource: "Tracebacks", withExtension: nil) else {
            throw XCTSkip("Tracebacks resource missing from the test bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        return try files.map { f in
            (String(f.dropLast(3)), try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8), dir)
        }
    }

    func testScriptTracebacks() throws {
        var compared = 0
        for c in try Self.cases() {
            for profile in Profile.all {
                let url = c.dir.appendingPathComponent("\(c.name).\(profile.version).err")
                let expected = try String(contentsOf: url, encoding: .utf8)
                    .replacingOccurrences(of: "<DIR>", with: "/probes")
                let session = Session(profile: profile, script: true, hashSeed: 0)
                let result = session.runScript(c.source, path: "/probes/\(c.name).py")
                XCTAssertNil(result.unsupported, "\(c.name).py under \(profile.version)")
                XCTAssertEqual(result.stderr, expected, "\(c.name).py under \(profile.version)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 300)
    }

    func testReplTracebacks() throws {
        var compared = 0
        for c in try Self.cases() {
            for profile in Profile.all where profile.tracebackCarets != .none {
                let url = c.dir.appendingPathComponent("\(c.name).repl.\(profile.version).err")
                let expected = try String(contentsOf: url, encoding: .utf8)
                let r = DifferentialTests.runEngine(c.source, profile: profile)
                XCTAssertEqual(r.stderr, expected, "\(c.name).py at the \(profile.version) prompt")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 200)
    }
}
