import Foundation
import XCTest
import HeapEngine
import HeapScript
import Workbook

/// Issue 16's first step on the book: every chapter example passes with the bytecode VM
/// session (units it does not compile yet run on the closure path), and the share of units
/// it compiled itself may only grow.
final class VMChapterTests: XCTestCase {
    /// HeapScriptSessions on the VM, keeping every session it made to count their units.
    final class RecordingVMSessions: SessionFactory, @unchecked Sendable {
        private let lock = NSLock()
        private var sessions: [Session] = []

        func makeRunner(profile: Profile) -> any ExampleRunner {
            let s = Session(profile: profile, evaluator: .bytecode)
            lock.lock(); sessions.append(s); lock.unlock()
            return s
        }

        func completeness(of source: String) -> Completeness { HeapScriptSessions().completeness(of: source) }

        var units: (compiled: Int, declined: Int, declinedLate: Int) {
            lock.lock(); defer { lock.unlock() }
            return sessions.reduce((0, 0, 0)) { t, s in
                (t.0 + s.bytecodeUnits.compiled, t.1 + s.bytecodeUnits.declined, t.2 + s.bytecodeUnits.declinedLate)
            }
        }
    }

    func testEveryChapterPassesOnTheVM() {
        let sessions = RecordingVMSessions()
        let report = Workbook(interpreter: sessions).test([ChapterTests.chapters])
        XCTAssertEqual(report.exitCode, 0, "\n" + report.text)
        let u = sessions.units
        print("VM chapters: \(u.compiled)/\(u.compiled + u.declined + u.declinedLate) units compiled to bytecode;"
              + " \(report.text.split(separator: "\n").last ?? "")")
        XCTAssertEqual(u.declinedLate, 0)
        XCTAssertGreaterThanOrEqual(u.compiled, Self.floorUnitsOnVM)
    }

    static let floorUnitsOnVM = 989   // of 989: every unit, from class bodies and comprehensions on (868 of 924 when the VM landed)
}
