import XCTest
@testable import HeapScript

/// How many objects CPython 3.11's PEG parser makes for a number token (NumberTokenParses).
/// Each expected count is what 3.11.7 showed: `python3 s.py` with `print(sys.getrefcount(
/// len('.......')))` before the statement, against the same script without it, less co_consts'
/// reference.
final class NumberTokenParsesTests: XCTestCase {
    /// The objects made for the first `7` of `source` (a module).
    private func made(_ source: String) throws -> Int {
        var parses = NumberTokenParses()
        _ = try Parser.parseModule(source, numberParses: &parses)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (k, line) in lines.enumerated() {
            if let r = line.range(of: "7") {
                return parses.objectsMade(at: SourceSpan(line: k + 1, column: line.distance(from: line.startIndex, to: r.lowerBound)))
            }
        }
        XCTFail("no 7 in \(source)")
        return 0
    }

    func testStatementShapes() throws {
        for (source, n) in [("x = 7", 3), ("7", 3), ("print(7)", 2), ("x = y = 7", 3), ("x = (7, 8)", 3),
                            ("x = [8, 7]", 2), ("x, y = 8, 7", 2), ("x, y = 7, 8", 3), ("x = -7", 2), ("x += 7", 2),
                            ("x: int = 7", 2), ("(7)", 3), ("((7))", 3), ("[a, 7]", 3), ("[a, b, 7]", 3),
                            ("x = 7 .bit_length()", 4), ("7 .real", 4), ("f(a=7)", 2), ("x[7] = 1", 2),
                            ("x = {7: 1}", 2), ("x = f'{7}'", 2), ("def f(a=7): pass", 2),
                            ("if x == 7: pass", 2), ("x = 1; y = 7", 3), ("x = *a, 7", 3), ("x = lambda: 7", 2),
                            ("x = 7 if a else 8", 3), ("[7 for a in b]", 3), ("x = ((7), 8)", 3),
                            ("for i in range(7): pass", 2), ("if a:\n    x = 7", 3)] {
            XCTAssertEqual(try made(source + "\n"), n, source)
        }
    }
}
