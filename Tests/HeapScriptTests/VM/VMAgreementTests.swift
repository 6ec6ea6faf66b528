import XCTest
import HeapEngine
@testable import HeapScript

/// Issue 16's first step: the bytecode VM (Sources/HeapScript/VM) runs beside the closure
/// path. Every corpus case runs through both; a unit the code generator does not handle
/// yet runs on the closure path inside the VM session, so the two outputs must be equal for
/// every case, and the number of units and cases the VM ran itself may only grow.
final class VMAgreementTests: XCTestCase {
    struct Run {
        var stdout = "", stderr = "", completed = false
        var units = (compiled: 0, declined: 0, declinedLate: 0)
    }

    static func run(_ input: String, profile: Profile, evaluator: Evaluator) -> Run {
        let session = Session(profile: profile, evaluator: evaluator, hashSeed: 0)
        var r = Run()
        r.completed = Repl(session: session).run(input, stdout: { r.stdout += $0 }, stderr: { r.stderr += $0 })
        r.units = session.bytecodeUnits
        return r
    }

    struct Tally {
        var cases = 0, casesAllOnVM = 0, agreeing = 0, stderrDiffers = 0
        var units = 0, unitsOnVM = 0
    }

    /// Runs every corpus case both ways under `profile`; fails on a stdout difference.
    func checkAgreement(profile: Profile, file: StaticString = #filePath, line: UInt = #line) throws -> Tally {
        var t = Tally()
        for c in try DifferentialTests.cases() {
            let closures = Self.run(c.input, profile: profile, evaluator: .closures)
            let vm = Self.run(c.input, profile: profile, evaluator: .bytecode)
            t.cases += 1
            t.units += vm.units.compiled + vm.units.declined + vm.units.declinedLate
            t.unitsOnVM += vm.units.compiled
            if vm.units.declined == 0 && vm.units.declinedLate == 0 { t.casesAllOnVM += 1 }
            XCTAssertEqual(vm.units.declinedLate, 0, "\(c.name): the code generator declined a unit CodeGen.accepts let through",
                           file: file, line: line)
            if vm.stdout == closures.stdout && vm.completed == closures.completed {
                t.agreeing += 1
            } else {
                XCTFail("\(c.name) (\(profile.version)): the VM's stdout differs from the closure path's\n"
                        + DifferentialTests.firstDifference(expected: closures.stdout, got: vm.stdout)
                        + "\n--- VM stderr ---\n\(vm.stderr.suffix(1500))", file: file, line: line)
            }
            if vm.stderr != closures.stderr { t.stderrDiffers += 1 }
        }
        print("VM agreement \(profile.version): \(t.agreeing)/\(t.cases) cases agree; \(t.casesAllOnVM) ran wholly on the VM;"
              + " \(t.unitsOnVM)/\(t.units) units compiled to bytecode; stderr differs in \(t.stderrDiffers)")
        return t
    }

    func testCorpusAgreesUnderCPython311() throws {
        let t = try checkAgreement(profile: .cpython311)
        // Floors (measured when the VM landed): coverage must not silently drop.
        XCTAssertGreaterThanOrEqual(t.casesAllOnVM, Self.floorCasesAllOnVM)
        XCTAssertGreaterThanOrEqual(t.unitsOnVM, Self.floorUnitsOnVM)
    }

    func testCorpusAgreesUnderOtherProfiles() throws {
        for p in [Profile.cpython36, .cpython38, .cpython312, .cpython313] { _ = try checkAgreement(profile: p) }
    }

    static let floorCasesAllOnVM = 193   // every case, from class bodies and comprehensions on
    static let floorUnitsOnVM = 2291   // of 2291 (3.11), measured with the 193 cases
}
