import XCTest
import HeapEngine
@testable import HeapScript

extension XCTestCase {
    /// A fresh REPL session on the CPython 3.11 profile.
    func makeSession(limits: Limits = Limits()) -> Session {
        Session(profile: .cpython311, limits: limits)
    }

    /// Runs one interactive statement and asserts its exact stdout and how it ended:
    /// `raises` is the last line of the traceback CPython printed, or nil when it printed none.
    @discardableResult
    func expect(_ session: Session, _ source: String, _ stdout: String, raises: String? = nil,
                file: StaticString = #filePath, line: UInt = #line) -> ExecutionResult {
        let r = session.runInteractive(source.hasSuffix("\n") ? source : source + "\n")
        XCTAssertNil(r.unsupported, "unsupported construct in \(source.debugDescription): \(String(describing: r.unsupported))",
                     file: file, line: line)
        XCTAssertEqual(r.stdout, stdout, "stdout of \(source.debugDescription)", file: file, line: line)
        XCTAssertEqual(r.exception, raises,
                       "exception of \(source.debugDescription); stderr: \(r.stderr)", file: file, line: line)
        return r
    }
}
