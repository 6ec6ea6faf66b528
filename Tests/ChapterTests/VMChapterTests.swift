import Foundation
import XCTest
import HeapEngine
import HeapScript
import Workbook

/// Issue 16 on the book: every chapter example passes on the bytecode VM, and runs in
/// lockstep with the closure path, which must leave the same heap after every unit
/// (`Session.heapDifference`: tracked objects per generation, `gc.get_count()`, every live
/// object's `id()`, type and refcount) and draw the same diagrams. Output alone would not
/// show an allocation made in another order: the site's diagrams would.
final class VMChapterTests: XCTestCase {
    /// Runs each unit on a closure session, then on a VM session, compares them and answers
    /// with the VM's result.
    final class LockstepRunner: ExampleRunner {
        let closures: Session, vm: Session
        private let report: (String) -> Void
        private var differed = false

        init(profile: Profile, report: @escaping (String) -> Void) {
            closures = Session(profile: profile, evaluator: .closures)
            vm = Session(profile: profile, evaluator: .bytecode)
            self.report = report
        }

        /// Only a session's first difference: the ones after it follow from it.
        private func note(_ text: String) {
            if !differed { differed = true; report(text) }
        }

        private func compare(_ a: ExecutionResult, _ b: ExecutionResult, _ source: String, _ filename: String) -> ExecutionResult {
            let unit = "\(vm.profile.version) \(filename) `\(source.prefix(200))`"
            if a.unsupported != nil && b.unsupported == nil && b.stdout.hasPrefix(a.stdout) {
                // Language only the VM has (generators): the closure session cannot follow
                // from here, so it is no longer compared.
                differed = true
                return b
            }
            if a.stdout != b.stdout || a.exception != b.exception || (a.unsupported == nil) != (b.unsupported == nil) {
                note("\(unit): the VM printed\n\(b.stdout)\(b.exception ?? "")\nthe closure path\n\(a.stdout)\(a.exception ?? "")")
            } else if let d = vm.heapDifference(from: closures) {
                note("\(unit): the VM's heap differs from the closure path's: \(d)")
            }
            return b
        }

        func runInteractive(_ source: String, filename: String) -> ExecutionResult {
            compare(closures.runInteractive(source, filename: filename), vm.runInteractive(source, filename: filename), source, filename)
        }

        func runModule(_ source: String, filename: String) -> ExecutionResult {
            compare(closures.runModule(source, filename: filename), vm.runModule(source, filename: filename), source, filename)
        }

        func diagram(_ request: DiagramRequest) -> BlockDiagram? {
            let a = closures.diagram(request), b = vm.diagram(request)
            if a != b { note("\(vm.profile.version): a diagram of \(request.names ?? []) differs between the VM and the closure path") }
            return b
        }

        func heapStep(_ request: StepRequest, line: Int?) -> HeapStep? {
            let a = closures.heapStep(request, line: line), b = vm.heapStep(request, line: line)
            if a != b { note("\(vm.profile.version): a diagram step at line \(line ?? 0) differs between the VM and the closure path") }
            return b
        }
    }

    /// Lockstep runners, keeping every session to count the VM's units and every difference.
    final class LockstepSessions: SessionFactory, @unchecked Sendable {
        private let lock = NSLock()
        private var runners: [LockstepRunner] = []
        private var notes: [String] = []

        func makeRunner(profile: Profile) -> any ExampleRunner {
            let r = LockstepRunner(profile: profile) { [self] note in lock.withLock { notes.append(note) } }
            lock.withLock { runners.append(r) }
            return r
        }

        func completeness(of source: String) -> Completeness { HeapScriptSessions().completeness(of: source) }

        var differences: [String] { lock.withLock { notes } }

        var units: (compiled: Int, declined: Int, declinedLate: Int) {
            lock.withLock {
                runners.reduce((0, 0, 0)) { t, r in
                    (t.0 + r.vm.bytecodeUnits.compiled, t.1 + r.vm.bytecodeUnits.declined, t.2 + r.vm.bytecodeUnits.declinedLate)
                }
            }
        }
    }

    func testEveryChapterPassesOnTheVMInLockstepWithTheClosurePath() {
        let sessions = LockstepSessions()
        let report = Workbook(interpreter: sessions).test([ChapterTests.chapters])
        XCTAssertEqual(report.exitCode, 0, "\n" + report.text)
        let u = sessions.units
        print("VM chapters: \(u.compiled)/\(u.compiled + u.declined + u.declinedLate) units compiled to bytecode;"
              + " \(report.text.split(separator: "\n").last ?? ""); \(sessions.differences.count) differences")
        XCTAssertEqual(u.declinedLate, 0)
        XCTAssertGreaterThanOrEqual(u.compiled, Self.floorUnitsOnVM)
        var known = Self.closurePathIsNotCPythons
        let unknown = sessions.differences.filter { d in
            guard let k = known.firstIndex(where: { d.hasPrefix($0.unit) }) else { return true }
            known.remove(at: k)
            return false
        }
        XCTAssertEqual(unknown, [], "the VM and the closure path differ:\n" + unknown.prefix(5).joined(separator: "\n"))
        XCTAssertEqual(known.map(\.unit), [], "these agree now: drop them from closurePathIsNotCPythons")
    }

    /// Units after which the two paths' heaps are known to differ, with why (see
    /// VMAgreementTests.closurePathIsNotCPythons for the corpus's): the first words of the
    /// difference, as noted.
    static let closurePathIsNotCPythons: [(unit: String, why: String)] = [
        // Chapter 7's `steps = [id(strs[k + 1]) - id(strs[k]) for k in range(4999)]`: the
        // closure path releases `int - int`'s right operand first, the VM the left, as
        // 3.11.7's generic BINARY_OP does; in so warm a loop CPython runs the specialized
        // BINARY_OP_SUBTRACT_INT, which releases the right first, and neither path models
        // specialization. The freed ints come back in another order two statements later;
        // the id of `ia` differs (CPython's own differs from run to run: -1376, -32, -1376
        // for `id(ib) - id(ia)` in three runs of 3.11.7).
        ("3.11 <stdin> `n = 10; a = 'a' * n; b = 'b' * n; ia = id(a)", "int - int in a warm loop"),
    ]

    static let floorUnitsOnVM = 989   // of 989: every unit, from class bodies and comprehensions on (868 of 924 when the VM landed)
}
