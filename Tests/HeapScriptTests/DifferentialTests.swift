import XCTest
import Foundation
import HeapEngine
@testable import HeapScript

/// The differential corpus: `Corpus/<area>/<case>.py` is piped REPL input and `<case>.out` is what
/// `python3.11 -q -i < case.py` (CPython 3.11.7) wrote to stdout; `<case>.3.6.out`,
/// `<case>.3.8.out`, `<case>.3.12.out` and `<case>.3.13.out` are what 3.6.15, 3.8.18, 3.12.1
/// and 3.13.0 wrote. The engine, under each profile, must print
/// the same bytes. When the real interpreters are installed, the committed `.out` files are also
/// re-checked against them, so they cannot go stale.
final class DifferentialTests: XCTestCase {
    struct Case {
        let name: String      // "area/case"
        let input: String
        let expected: String
        let inputURL: URL
        /// Expected stdout per profile version ("3.11" is `expected`, from `<case>.out`).
        var expectedByVersion: [String: String] = [:]
        /// `<case>.<version>.refused`: the refusal the engine must stop with under that
        /// profile (what it does not model there), instead of matching `expectedByVersion`.
        var refusalByVersion: [String: String] = [:]
    }

    /// The profiles the corpus has expected outputs for: `<case>.out` is 3.11's, every other
    /// version's is `<case>.<version>.out`.
    static let corpusVersions = ["3.6", "3.8", "3.11", "3.12", "3.13"]

    /// The corpus areas whose cases every profile must pass (other directories, e.g. pending
    /// fuzz findings, are not part of the per-version corpus).
    static let versionedAreas = ["classes", "containers", "control", "errors", "exceptions", "fuzz", "identity", "modules", "refcount", "sizes"]

    static func versionedCases() throws -> [Case] {
        try versionedAreas.flatMap { try cases(area: $0) }
    }

    static func expectedURL(_ py: URL, version: String) -> URL {
        let base = py.deletingPathExtension()
        return version == "3.11" ? base.appendingPathExtension("out")
            : URL(fileURLWithPath: base.path + ".\(version).out")
    }

    static func corpusRoot() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Corpus", withExtension: nil) else {
            throw XCTSkip("Corpus resource missing from the test bundle")
        }
        return url
    }

    static func cases(area: String? = nil) throws -> [Case] {
        let root = try corpusRoot()
        let fm = FileManager.default
        var result: [Case] = []
        let areas = try fm.contentsOfDirectory(atPath: root.path).sorted()
        for a in areas where area == nil || a == area {
            let dir = root.appendingPathComponent(a)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for file in try fm.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".py") {
                let py = dir.appendingPathComponent(file)
                let out = py.deletingPathExtension().appendingPathExtension("out")
                let input = try String(contentsOf: py, encoding: .utf8)
                let expected = try String(contentsOf: out, encoding: .utf8)
                var c = Case(name: "\(a)/\(file.dropLast(3))", input: input, expected: expected, inputURL: py)
                for v in corpusVersions {
                    let url = expectedURL(py, version: v)
                    if let text = try? String(contentsOf: url, encoding: .utf8) { c.expectedByVersion[v] = text }
                    let refused = URL(fileURLWithPath: py.deletingPathExtension().path + ".\(v).refused")
                    if let text = try? String(contentsOf: refused, encoding: .utf8) {
                        c.refusalByVersion[v] = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                }
                result.append(c)
            }
        }
        return result
    }

    /// Runs a whole piped input through the engine, as `heapbook repl` does.
    static func runEngine(_ input: String, profile: Profile = .cpython311) -> (stdout: String, stderr: String, completed: Bool) {
        // The committed outputs were made with PYTHONHASHSEED=0 (runCPython).
        let session = Session(profile: profile, hashSeed: 0)
        var out = "", err = ""
        let ok = Repl(session: session).run(input, stdout: { out += $0 }, stderr: { err += $0 })
        return (out, err, ok)
    }

    func checkArea(_ area: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try Self.cases(area: area)
        XCTAssertFalse(cases.isEmpty, "no corpus cases in \(area)/", file: file, line: line)
        for c in cases {
            let r = Self.runEngine(c.input)
            if let refusal = c.refusalByVersion["3.11"] {
                XCTAssertFalse(r.completed, "\(c.name): ran to the end, expected a refusal", file: file, line: line)
                XCTAssertTrue(r.stderr.contains(refusal), "\(c.name): expected the refusal \(refusal.debugDescription)\n\(r.stderr)",
                              file: file, line: line)
                XCTAssertTrue(c.expected.hasPrefix(r.stdout), "\(c.name): stdout before the refusal is not CPython's", file: file, line: line)
                continue
            }
            XCTAssertTrue(r.completed, "\(c.name): stopped on an unsupported construct:\n\(r.stderr)", file: file, line: line)
            if r.stdout != c.expected {
                XCTFail("\(c.name): engine stdout differs from CPython 3.11.7\n"
                        + Self.firstDifference(expected: c.expected, got: r.stdout)
                        + "\n--- engine stderr ---\n\(r.stderr.suffix(1500))", file: file, line: line)
            }
        }
    }

    func testSizes() throws { try checkArea("sizes") }
    func testRefcount() throws { try checkArea("refcount") }
    func testIdentity() throws { try checkArea("identity") }
    func testContainers() throws { try checkArea("containers") }
    func testErrors() throws { try checkArea("errors") }
    func testClasses() throws { try checkArea("classes") }
    func testControl() throws { try checkArea("control") }
    func testExceptions() throws { try checkArea("exceptions") }
    func testModules() throws { try checkArea("modules") }

    /// Every case under another profile against that version's committed output.
    func checkCorpus(profile: Profile, file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try Self.versionedCases()
        var passed = 0
        for c in cases {
            guard let expected = c.expectedByVersion[profile.version] else {
                XCTFail("\(c.name): no \(Self.expectedURL(c.inputURL, version: profile.version).lastPathComponent)",
                        file: file, line: line)
                continue
            }
            let r = Self.runEngine(c.input, profile: profile)
            if let refusal = c.refusalByVersion[profile.version] {
                XCTAssertFalse(r.completed, "\(c.name): ran to the end under \(profile.version), expected a refusal", file: file, line: line)
                XCTAssertTrue(r.stderr.contains(refusal), "\(c.name): expected the refusal \(refusal.debugDescription)\n\(r.stderr)",
                              file: file, line: line)
                XCTAssertTrue(expected.hasPrefix(r.stdout), "\(c.name): stdout before the refusal is not CPython's", file: file, line: line)
                if !r.completed && r.stderr.contains(refusal) { passed += 1 }
                continue
            }
            XCTAssertTrue(r.completed, "\(c.name): stopped on an unsupported construct:\n\(r.stderr)", file: file, line: line)
            if r.stdout != expected {
                XCTFail("\(c.name): engine stdout (--python \(profile.version)) differs from CPython "
                        + "\(profile.referenceVersion)\n" + Self.firstDifference(expected: expected, got: r.stdout)
                        + "\n--- engine stderr ---\n\(r.stderr.suffix(1500))", file: file, line: line)
            } else {
                passed += 1
            }
        }
        XCTAssertEqual(passed, cases.count, "\(profile.version): \(passed) of \(cases.count) corpus cases pass",
                       file: file, line: line)
    }

    /// The fuzzer's regression cases under 3.11 (the other areas run in the tests above).
    func testFuzzUnderCPython311() throws { try checkArea("fuzz") }

    func testCorpusUnderCPython36() throws { try checkCorpus(profile: .cpython36) }
    func testCorpusUnderCPython38() throws { try checkCorpus(profile: .cpython38) }
    func testCorpusUnderCPython312() throws { try checkCorpus(profile: .cpython312) }
    func testCorpusUnderCPython313() throws { try checkCorpus(profile: .cpython313) }

    /// Every supported profile has an expected output for every case.
    func testEveryProfileHasExpectedOutputs() throws {
        XCTAssertEqual(Set(Profile.all.map(\.version)), Set(Self.corpusVersions))
        for c in try Self.versionedCases() {
            for v in Self.corpusVersions {
                XCTAssertNotNil(c.expectedByVersion[v], "\(c.name): missing expected output for \(v)")
            }
        }
    }

    func testCorpusIsLargeEnoughAndPaired() throws {
        let all = try Self.cases()
        XCTAssertGreaterThanOrEqual(all.count, 40)
        let areas = Set(all.map { String($0.name.split(separator: "/")[0]) })
        // `fuzz/` holds the fuzzer's minimal divergences, fixed and kept as regression cases.
        XCTAssertEqual(areas, ["sizes", "refcount", "identity", "containers", "errors", "classes", "control", "fuzz", "functions", "exceptions", "modules"])
    }

    /// Re-runs every case under each real CPython (when installed) and checks the committed
    /// `.out` files of that version.
    func testCommittedOutputsMatchLiveCPython() throws {
        var checked = 0
        for version in Self.corpusVersions {
            guard let python = Self.findPython(version) else { continue }
            checked += 1
            for c in try (version == "3.11" ? Self.cases() : Self.versionedCases()) {
                let committed = c.expectedByVersion[version] ?? ""
                // CPython's own runs are not always alike: identity/operand_release_order's block
                // reuse came out otherwise in about 1 of 10 runs of 3.11.7 started from the
                // repository (never from /tmp). A committed output must be what CPython prints
                // in one of three runs, or of ten where the engine refuses the case because
                // CPython's answer varies (fuzz/pool-fullness-reuse: three different outputs in
                // nine runs of 3.13.0).
                let runs = c.refusalByVersion[version] == nil ? 3 : 10
                var live = try Self.runCPython(python, input: c.inputURL)
                for _ in 1..<runs where live != committed { live = try Self.runCPython(python, input: c.inputURL) }
                if live != committed {
                    XCTFail("\(c.name): committed \(Self.expectedURL(c.inputURL, version: version).lastPathComponent) "
                            + "differs from live \(python.path)\n" + Self.firstDifference(expected: live, got: committed))
                }
            }
        }
        if checked == 0 {
            throw XCTSkip("no real python3.6/3.8/3.11/3.12/3.13 found (PATH or $(pyenv root)/versions/3.x.*/bin/python3); "
                          + "the committed .out files were not re-checked against CPython")
        }
    }

    // MARK: - Helpers

    static func firstDifference(expected: String, got: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let g = got.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, g.count) {
            let el = i < e.count ? String(e[i]) : "<end of output>"
            let gl = i < g.count ? String(g[i]) : "<end of output>"
            if el != gl {
                return "first difference at stdout line \(i + 1):\n  expected: \(el.debugDescription)\n  got:      \(gl.debugDescription)"
            }
        }
        return "(outputs differ only in the final newline)"
    }

    static func findPython311() -> URL? { findPython("3.11") }

    /// A real interpreter of `version` ("3.12"): pyenv's first, then `pythonX.Y` on PATH.
    static func findPython(_ version: String) -> URL? {
        let fm = FileManager.default
        let parts = version.split(separator: ".")
        func isVersion(_ url: URL) -> Bool {
            guard fm.isExecutableFile(atPath: url.path),
                  let v = try? capture(url, ["-c", "import sys; print(sys.version_info[:2] == (\(parts[0]), \(parts[1])))"], stdin: nil)
            else { return false }
            return v == "True\n"
        }
        // pyenv installs first (real binaries, no shim indirection).
        var roots: [String] = []
        if let r = ProcessInfo.processInfo.environment["PYENV_ROOT"] { roots.append(r) }
        if let pyenv = which("pyenv"), let r = try? capture(pyenv, ["root"], stdin: nil) {
            roots.append(r.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        roots.append(NSHomeDirectory() + "/.pyenv")
        for root in roots {
            let versions = URL(fileURLWithPath: root).appendingPathComponent("versions")
            let names = ((try? fm.contentsOfDirectory(atPath: versions.path)) ?? [])
                .filter { $0.hasPrefix(version + ".") }.sorted().reversed()
            for n in names {
                let bin = versions.appendingPathComponent(n).appendingPathComponent("bin/python3")
                if isVersion(bin) { return bin }
            }
        }
        if let p = which("python" + version), isVersion(p) { return p }
        return nil
    }

    static func which(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func runCPython(_ python: URL, input: URL) throws -> String {
        try capture(python, ["-q", "-i"], stdin: input)
    }

    /// Runs a process, returns its stdout (stderr is discarded).
    static func capture(_ exe: URL, _ args: [String], stdin: URL?) throws -> String {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["PYTHONHASHSEED"] = "0"
        env.removeValue(forKey: "PYTHONSTARTUP")
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
