import Foundation
import XCTest

/// `heapbook dis FILE` prints `dis.dis` of the file's code as the VM runs it; expected text from
/// `python3.11 -c 'import dis; dis.dis(compile(open("f.py").read(), "f.py", "exec"))'`
/// (CPython 3.11.7), code object addresses masked.
final class DisCommandTests: XCTestCase {
    func testDisassemblesAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dis-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x = [1, 2]\ny = x[0] + 1\ndef f(a):\n    return a * 2\n".write(
            to: dir.appendingPathComponent("f.py"), atomically: true, encoding: .utf8)
        let r = try runHeapbook(["dis", "f.py"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let masked = r.stdout.replacingOccurrences(of: "at 0x[0-9a-f]+", with: "at 0x...", options: .regularExpression)
        XCTAssertEqual(masked, """
          0           0 RESUME                   0

          1           2 LOAD_CONST               0 (1)
                      4 LOAD_CONST               1 (2)
                      6 BUILD_LIST               2
                      8 STORE_NAME               0 (x)

          2          10 LOAD_NAME                0 (x)
                     12 LOAD_CONST               2 (0)
                     14 BINARY_SUBSCR
                     24 LOAD_CONST               0 (1)
                     26 BINARY_OP                0 (+)
                     30 STORE_NAME               1 (y)

          3          32 LOAD_CONST               3 (<code object f at 0x..., file "f.py", line 3>)
                     34 MAKE_FUNCTION            0
                     36 STORE_NAME               2 (f)
                     38 LOAD_CONST               4 (None)
                     40 RETURN_VALUE

        Disassembly of <code object f at 0x..., file "f.py", line 3>:
          3           0 RESUME                   0

          4           2 LOAD_FAST                0 (a)
                      4 LOAD_CONST               1 (2)
                      6 BINARY_OP                5 (*)
                     10 RETURN_VALUE

        """)
    }

    func testSourceOutsideTheCodeGeneratorIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dis-bad-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x = (1 +\n".write(to: dir.appendingPathComponent("bad.py"), atomically: true, encoding: .utf8)
        let r = try runHeapbook(["dis", "bad.py"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("bad.py: error:"), r.stderr)
    }
}
