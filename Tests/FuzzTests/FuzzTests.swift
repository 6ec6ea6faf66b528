import Foundation
import XCTest
@testable import Fuzz
import Workbook

final class FuzzTests: XCTestCase {
    func testSplitMix64IsTheReferenceSequence() {
        var rng = SplitMix64(seed: 1234567)
        // Reference values of SplitMix64 (Vigna's splitmix64.c) for seed 1234567.
        XCTAssertEqual(rng.next(), 6457827717110365317)
        XCTAssertEqual(rng.next(), 3203168211198807973)
    }

    func testGeneratorIsDeterministicPerSeed() {
        let a = ProgramGenerator(seed: 1), b = ProgramGenerator(seed: 1), c = ProgramGenerator(seed: 2)
        for i in 0..<50 { XCTAssertEqual(a.program(i).text, b.program(i).text) }
        XCTAssertNotEqual((0..<50).map { a.program($0).text }, (0..<50).map { c.program($0).text })
        // Program i does not depend on how many were generated before it.
        XCTAssertEqual(a.program(37), ProgramGenerator(seed: 1).program(37))
        let all = (0..<200).map { a.program($0).text }.joined()
        for construct in ["gc.collect()", "sys.getsizeof(", "sys.getrefcount(", " is ", "del ", "def f", "class C", ".append("] {
            XCTAssertTrue(all.contains(construct), "no \(construct) in 200 programs")
        }
    }

    func testGeneratedProgramsRunInTheEngine() {
        let fuzzer = DifferentialFuzzer { _ in RunOutput(stdout: "", stderr: "") }
        for i in 0..<30 {
            let program = ProgramGenerator(seed: 9).program(i)
            let out = fuzzer.engine(program.text)
            XCTAssertFalse(out.stderr.contains("error: "), "program \(i) left the subset:\n\(program.text)\n\(out.stderr)")
        }
    }

    func testDdminFindsTheMinimalSet() {
        var calls = 0
        let result = Shrinker.ddmin(Array(0..<20)) { items in
            calls += 1
            return items.contains(3) && items.contains(17)
        }
        XCTAssertEqual(result, [3, 17])
        XCTAssertLessThan(calls, 80)
    }

    /// A planted divergence: the fake "CPython" prints one extra line only when the program
    /// both builds `a = [1, 2]` and measures it inside a loop. The shrinker must keep exactly
    /// those statements (and only the one loop-body statement that matters).
    func testShrinkerReducesAPlantedDivergenceToItsMinimalStatements() {
        let engine = DifferentialFuzzer { _ in RunOutput(stdout: "", stderr: "") }
        let fake: @Sendable (String) throws -> RunOutput = { input in
            var out = DifferentialFuzzer { _ in RunOutput(stdout: "", stderr: "") }.engine(input)
            if input.contains("a = [1, 2]\n"), input.contains("    n = sys.getsizeof(a)\n") { out.stdout += "planted\n" }
            return out
        }
        var fuzzer = DifferentialFuzzer(cpython: fake)
        fuzzer.jobs = 1
        let program = Program(statements: [
            .simple("import sys"), .simple("b = []"), .simple("a = [1, 2]"), .simple("c = {}"),
            .compound("for i in range(2):", ["b.append(i)", "n = sys.getsizeof(a)", "c[i] = i"]),
            .simple("len(b)"), .simple("del c"), .simple("gc = 1"),
        ])
        XCTAssertNotEqual(try fake(program.text).stdout, engine.engine(program.text).stdout)
        let minimal = fuzzer.shrink(program)
        XCTAssertEqual(minimal.text, "a = [1, 2]\nfor i in range(2):\n    n = sys.getsizeof(a)\n\n")
    }

    func testRunFindsWritesAndDeduplicatesDivergences() throws {
        let clean = DifferentialFuzzer { input in DifferentialFuzzer { _ in RunOutput(stdout: "", stderr: "") }.engine(input) }
        XCTAssertEqual(clean.run(generator: ProgramGenerator(seed: 3), count: 10).divergent, 0)

        var planted = DifferentialFuzzer { input in
            var out = DifferentialFuzzer { _ in RunOutput(stdout: "", stderr: "") }.engine(input)
            if input.contains("gc.collect()") { out.stdout += "X\n" }
            return out
        }
        planted.maxShrink = 3
        let report = planted.run(generator: ProgramGenerator(seed: 3), count: 10)
        XCTAssertGreaterThan(report.divergent, 0)
        XCTAssertEqual(report.divergences.map(\.minimal.text), ["gc.collect()\n"], "one distinct minimal program")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try report.divergences[0].write(to: dir, name: "case")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("case.py"), encoding: .utf8), "gc.collect()\n")
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("case.out"), encoding: .utf8).hasSuffix("X\n"))
        XCTAssertFalse(try String(contentsOf: dir.appendingPathComponent("case.engine.out"), encoding: .utf8).contains("X"))
    }
}
