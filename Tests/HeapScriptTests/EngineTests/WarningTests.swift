import XCTest
import HeapEngine
@testable import HeapScript

/// Compile-time SyntaxWarnings, as `python3 -q -i` and `python3 file.py` print them on
/// 3.6.15 (none), 3.8.18, 3.11.7, 3.12.1 and 3.13.0.
final class WarningTests: XCTestCase {
    func testIsWithALiteral() {
        for profile in Profile.all {
            let s = Session(profile: profile)
            let v = profile.minor
            func warning(_ n: Int, _ op: String, _ type: String) -> String {
                guard v >= 8 else { return "" }
                let file = v >= 13 ? "<stdin>-\(n)" : "<stdin>"
                let what = v >= 12 ? "'\(type)' literal" : "a literal"
                return "\(file):1: SyntaxWarning: \"\(op)\" with \(what). Did you mean \"\(op == "is" ? "==" : "!=")\"?\n"
            }
            XCTAssertEqual(s.runInteractive("x = 1\n").stderr, "")
            let a = s.runInteractive("'a' is 'a'\n")
            XCTAssertEqual(a.stdout, "True\n")
            XCTAssertEqual(a.stderr, warning(1, "is", "str"), profile.version)
            XCTAssertEqual(s.runInteractive("x is not ()\n").stderr, warning(2, "is not", "tuple"), profile.version)
            XCTAssertEqual(s.runInteractive("x is -1\n").stderr, warning(3, "is", "int"), profile.version)
            // Not literals: None, a list display, a name.
            XCTAssertEqual(s.runInteractive("x is None, x is [1], x is x\n").stderr, "", profile.version)
            // One warning per comparison, for its first `is`.
            XCTAssertEqual(s.runInteractive("1 is x is 2\n").stderr, warning(5, "is", "int"), profile.version)
        }
    }

    func testScriptWarningShowsTheLine() {
        let s = Session(profile: .cpython311)
        let r = s.runScript("x = 1\nif x is 1000:\n    pass\n", path: "/tmp/w.py")
        XCTAssertEqual(r.stderr, "/tmp/w.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  if x is 1000:\n")
    }
}
