import Foundation
import XCTest
@testable import Fuzz

final class BoundaryTests: XCTestCase {
    /// A small surface in the shape `BoundarySurface.measure` returns (names from 3.11.7's dir()).
    let surface = BoundarySurface(builtins: ["IOError", "hasattr", "len", "input"],
                                  types: ["list": ["append", "__sizeof__"], "dict": ["fromkeys"]],
                                  modules: ["math", "antigravity"], moduleAttributes: ["gc": ["DEBUG_LEAK", "collect"]])

    func testBoundaryProgramsAreDeterministicAndLeaveTheSubset() {
        let a = BoundaryGenerator(seed: 5, surface: surface), b = BoundaryGenerator(seed: 5, surface: surface)
        for i in 0..<40 { XCTAssertEqual(a.program(i), b.program(i)) }
        let all = (0..<200).map { a.program($0).text }.joined()
        for construct in ["IOError", "hasattr", "import math", "gc.DEBUG_LEAK", "__slots__", "metaclass=", "reverse=True"] {
            XCTAssertTrue(all.contains(construct), "no \(construct) in 200 boundary programs")
        }
        // Never what reads stdin or opens a browser.
        XCTAssertFalse(all.contains("input"))
        XCTAssertFalse(all.contains("antigravity"))
        // The subset program is still there, statement for statement.
        let subset = ProgramGenerator(seed: 5).program(3).statements
        XCTAssertTrue(subset.allSatisfy(a.program(3).statements.contains))
    }

    /// Planted results; CPython's sides are what 3.11.7 printed for these inputs (`python3.11 -q -i`
    /// writes its prompts to stderr).
    func testClassifierCategories() {
        // `type(IOError).__name__` on 3.11.7: stdout "'type'\n", stderr the two prompts.
        let real = RunOutput(stdout: "'type'\n", stderr: ">>> >>> \n")
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "'type'\n", stderr: "", refused: false), cpython: real), .match)
        let nameError = "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nNameError: name 'IOError' is not defined\n"
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "", stderr: nameError, refused: false), cpython: real), .impersonation)
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "'int'\n", stderr: "", refused: false), cpython: real), .differentValue)
        let refusal = "<stdin>:1: error: heapbook does not model `IOError` (CPython 3.11 has it)\n"
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "", stderr: refusal, refused: true), cpython: real), .refused)
        // Printed something CPython did not before refusing.
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "1\n", stderr: refusal, refused: true), cpython: real), .differentValue)
        // Raised a NameError CPython did not, then refused.
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "", stderr: nameError + refusal, refused: true), cpython: real), .impersonation)
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "", stderr: "", refused: false, crashed: true), cpython: real), .crash)
        // A refusal without a refusal message is not one.
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "", stderr: "boom\n", refused: true), cpython: real), .crash)
        // The same exception as CPython (3.11.7: `del v4` of an unbound name) is a match.
        let unbound = "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nNameError: name 'v4' is not defined\n"
        XCTAssertEqual(BoundaryClassifier.classify(engine: EngineRun(stdout: "", stderr: unbound, refused: false),
                                                   cpython: RunOutput(stdout: "", stderr: ">>> " + unbound + ">>> \n")), .match)
    }

    func testFuzzerCountsAndShrinksPlantedImpersonations() {
        // The planted engine answers every program with CPython's output except where `hasattr` appears.
        let fake: @Sendable (String) throws -> RunOutput = { _ in RunOutput(stdout: "", stderr: "") }
        var fuzzer = BoundaryFuzzer(generator: BoundaryGenerator(seed: 2, surface: surface), cpython: fake) { text in
            text.contains("hasattr") ? EngineRun(stdout: "", stderr: "NameError: name 'hasattr' is not defined\n", refused: false)
                : EngineRun(stdout: "", stderr: "", refused: false)
        }
        fuzzer.jobs = 1
        let report = fuzzer.run(count: 30)
        let planted = (0..<30).filter { fuzzer.generator.program($0).text.contains("hasattr") }.count
        XCTAssertGreaterThan(planted, 0)
        XCTAssertEqual(report.counts[.impersonation], planted)
        XCTAssertEqual(report.counts[.match], 30 - planted)
        XCTAssertEqual(report.failures.count, Set(report.failures.map(\.minimal.text)).count)
        for failure in report.failures {
            XCTAssertEqual(failure.minimal.size, 1, failure.minimal.text)
            XCTAssertTrue(failure.minimal.text.contains("hasattr"))
        }
    }
}

final class MutateTests: XCTestCase {
    let seeds = [Mutator.Seed(name: "a.py", kind: .repl, text: "x = [1, 2]\nimport sys\nsys.getsizeof(x)\n"),
                 Mutator.Seed(name: "c.md", kind: .chapter, text: "# C\n\n```heap\n>>> 1 + 1\n2\n```\n")]

    func testMutationsAreDeterministicAndVaried() {
        let a = Mutator(seed: 4, seeds: seeds), b = Mutator(seed: 4, seeds: seeds)
        for i in 0..<100 { XCTAssertEqual(a.input(i), b.input(i)) }
        XCTAssertNotEqual((0..<20).map { a.input($0).bytes }, (0..<20).map { Mutator(seed: 5, seeds: seeds).input($0).bytes })
        let edits = (0..<400).flatMap { a.input($0).edits }.joined(separator: "\n")
        for edit in ["delete token", "insert token", "duplicate tokens", "swap tokens", "splice", "flip byte", "nest",
                     "literal", "CR"] {
            XCTAssertTrue(edits.contains(edit), "no \(edit) in 400 inputs")
        }
        XCTAssertTrue((0..<400).contains { a.input($0).kind == .chapter })
    }

    func testTokensAndLinesGiveTheInputBack() {
        let text = Array("x = 'a b' + \"c\"  # é\nif 1:\n    y=x[0]".utf8)
        XCTAssertEqual(Array(Mutator.tokens(text).joined()), text)
        XCTAssertEqual(Array(Mutator.lines(text).joined()), text)
        XCTAssertEqual(Mutator.tokens(Array("ab 'c d'(".utf8)).map { String(decoding: $0, as: UTF8.self) }, ["ab", " ", "'c d'", "("])
    }

    /// A child that dies by a signal, one that exits 2, one that sleeps past the limit.
    func testChildRunnerClassifiesExits() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func script(_ body: String) throws -> String {
            let url = dir.appendingPathComponent("s\(body.hashValue & 0xffff).sh")
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            return url.path
        }
        let input = Mutator(seed: 1, seeds: seeds).input(0)
        let segv = ChildRunner(executable: try script("echo 'Fatal error: planted' >&2; kill -SEGV $$"), timeout: 20).run(input)
        XCTAssertEqual(segv.outcome, .signal(11))
        XCTAssertTrue(segv.outcome.isCrash)
        XCTAssertEqual(segv.stackTop, "Fatal error: planted")
        let refused = ChildRunner(executable: try script("exit 2"), timeout: 20).run(input)
        XCTAssertEqual(refused.outcome, .exited(2))
        XCTAssertFalse(refused.outcome.isFailure)
        XCTAssertTrue(ChildOutcome.exited(134).isCrash)
        XCTAssertEqual(ChildRunner(executable: try script("exec sleep 30"), timeout: 0.5).run(input).outcome, .hang)
    }

    /// A planted crash: the "child" dies whenever the input holds "((((" ; minimization keeps just that.
    func testRunKeepsAndMinimizesPlantedCrashes() {
        var fuzzer = MutationFuzzer(mutator: Mutator(seed: 7, seeds: seeds)) { input in
            String(decoding: input.bytes, as: UTF8.self).contains("((((")
                ? ChildResult(outcome: .signal(11), stderr: "") : ChildResult(outcome: .exited(0), stderr: "")
        }
        fuzzer.jobs = 1
        let report = fuzzer.run(0..<300)
        XCTAssertEqual(report.inputs, 300)
        let planted = (0..<300).filter { String(decoding: fuzzer.mutator.input($0).bytes, as: UTF8.self).contains("((((") }
        XCTAssertGreaterThan(planted.count, 0)
        XCTAssertEqual(report.failures.map(\.input.index), planted)
        XCTAssertEqual(report.outcomes[.signal(11)], planted.count)
        for failure in report.failures.prefix(fuzzer.maxMinimize) {
            XCTAssertEqual(failure.minimal.map { String(decoding: $0, as: UTF8.self) }, "((((")
        }
    }
}
