import Foundation
import XCTest
@testable import Workbook

/// `AtomicFile`: through symbolic links, keeping modes; all files of a run or none; what
/// an interrupted run left is rolled forward (journal) or back (temporary files only).
final class AtomicFileTests: XCTestCase {
    let fm = FileManager.default

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The PID of a process that has ended.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testWritesThroughSymlinksKeepingModeAndLeavesNothingBehind() throws {
        let root = try temporaryDirectory(self)
        let chapters = root.appendingPathComponent("chapters"), elsewhere = root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: chapters, withIntermediateDirectories: true)
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let target = elsewhere.appendingPathComponent("t.md"), link = chapters.appendingPathComponent("01-t.md")
        let plain = chapters.appendingPathComponent("02-p.md")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        try "old".write(to: plain, atomically: false, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "../elsewhere/t.md")

        try AtomicFile.writeAll([(link, Array("new".utf8)), (plain, Array("new too".utf8))], journalIn: chapters)
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: link.path), "../elsewhere/t.md")
        XCTAssertEqual(try text(target), "new")
        XCTAssertEqual(try text(plain), "new too")
        XCTAssertEqual((try fm.attributesOfItem(atPath: target.path)[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: chapters.path).sorted(), ["01-t.md", "02-p.md"])
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: elsewhere.path), ["t.md"])
    }

    func testAFailedRunWritesNothing() throws {
        let dir = try temporaryDirectory(self)
        let good = dir.appendingPathComponent("01-a.md")
        try "old".write(to: good, atomically: false, encoding: .utf8)
        let impossible = dir.appendingPathComponent("missing-directory/02-b.md")
        XCTAssertThrowsError(try AtomicFile.writeAll([(good, Array("new".utf8)), (impossible, Array("x".utf8))], journalIn: dir))
        XCTAssertEqual(try text(good), "old")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.path), ["01-a.md"])
    }

    func testAJournalOfADeadRunIsRolledForward() throws {
        let dir = try temporaryDirectory(self)
        let pid = try deadPID()
        let a = dir.appendingPathComponent("01-a.md"), b = dir.appendingPathComponent("02-b.md")
        // Killed after renaming a, before b: a is new, b's temporary file waits.
        try "new a".write(to: a, atomically: false, encoding: .utf8)
        try "old b".write(to: b, atomically: false, encoding: .utf8)
        let tempA = dir.appendingPathComponent(".01-a.md.heapbook-\(pid).tmp").path
        let tempB = dir.appendingPathComponent(".02-b.md.heapbook-\(pid).tmp")
        try "new b".write(to: tempB, atomically: false, encoding: .utf8)
        let journal = "\(AtomicFile.journalHeader)\npid \(pid)\n\(tempA)\t\(a.path)\n\(tempB.path)\t\(b.path)\n"
        try journal.write(to: dir.appendingPathComponent(AtomicFile.journalName), atomically: false, encoding: .utf8)

        _ = ChapterLoader().load([dir.path])   // any run that reads the chapters recovers them
        XCTAssertEqual(try text(a), "new a")
        XCTAssertEqual(try text(b), "new b")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.path).sorted(), ["01-a.md", "02-b.md"])
    }

    func testTemporaryFilesOfDeadRunsAreRemovedAndLiveOnesKept() throws {
        let dir = try temporaryDirectory(self)
        let dead = dir.appendingPathComponent(".01-a.md.heapbook-\(try deadPID()).tmp")
        let live = dir.appendingPathComponent(".01-a.md.heapbook-\(getpid()).tmp")
        let other = dir.appendingPathComponent(".notes.tmp")
        for url in [dead, live, other] { try "x".write(to: url, atomically: false, encoding: .utf8) }
        // The journal of a run still alive (our parent) is left to it.
        let journal = dir.appendingPathComponent(AtomicFile.journalName)
        try "\(AtomicFile.journalHeader)\npid \(getppid())\n\(live.path)\t\(dir.path)/01-a.md\n".write(
            to: journal, atomically: false, encoding: .utf8)
        AtomicFile.recover(in: dir.path)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.path).sorted(),
                       [AtomicFile.journalName, live.lastPathComponent, other.lastPathComponent].sorted())
    }

    func testTemporaryOwner() {
        XCTAssertEqual(AtomicFile.temporaryOwner(".01-a.md.heapbook-123.tmp"), 123)
        XCTAssertNil(AtomicFile.temporaryOwner(".01-a.md.heapbook-.tmp"))
        XCTAssertNil(AtomicFile.temporaryOwner("01-a.md.heapbook-12.tmp"))
        XCTAssertNil(AtomicFile.temporaryOwner(".a.heapbook-12x.tmp"))
    }
}
