import Foundation
import HeapEngine
import HeapScript
import XCTest
@testable import Workbook

/// A stand-in for real CPython: runs the piped input through the engine's REPL, then lets
/// the test rewrite what it printed (to plant a disagreement), and counts its runs.
final class EngineAsCPython: OracleInterpreter, @unchecked Sendable {
    let version: String
    let rewrite: @Sendable (String) -> String
    private let lock = NSLock()
    private var _runs = 0
    var runs: Int { lock.withLock { _runs } }

    init(version: String = "3.11.7", rewrite: @escaping @Sendable (String) -> String = { $0 }) {
        self.version = version; self.rewrite = rewrite
    }

    func runREPL(_ input: String, timeout: Double) throws -> ProcessRunner.Output {
        lock.withLock { _runs += 1 }
        // The oracle's marker lines (`print(marker); print(marker, file=sys.stderr)`) are
        // answered here; the statements between them run in one engine session.
        // (Each chunk here is one statement; scripts' `exec(...)` is for real CPython only.)
        // The engine profile of this "CPython" (3.12.1 → the 3.12 profile).
        let session = Session(profile: Profile.named(version.split(separator: ".").prefix(2).joined(separator: ".")) ?? .default)
        var out = "", err = "", chunk = ""
        func run() {
            guard !chunk.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
            let result = session.runInteractive(chunk)
            out += result.stdout; err += result.stderr
        }
        for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("print('@@heapbook-oracle-") {
                run()
                chunk = ""
                let marker = line.dropFirst(7).prefix { $0 != "'" }
                out += marker + "\n"
                // The real REPL writes prompts to stderr; so does this fake, to exercise their removal.
                err += ">>> >>> " + marker + "\n"
            } else {
                chunk += line + "\n"
            }
        }
        run()
        return ProcessRunner.Output(stdout: rewrite(out), stderr: err, status: 0, timedOut: false)
    }
}

final class OracleTests: XCTestCase {
    /// A chapter in a temporary directory (the cache lives beside it).
    func chapterFile(_ markdown: String, name: String = "01-test.md") throws -> (dir: URL, path: String) {
        let dir = try temporaryDirectory(self)
        let url = dir.appendingPathComponent(name)
        try Data(markdown.utf8).write(to: url)
        return (dir, url.path)
    }

    func check(_ path: String, _ python: any OracleInterpreter) throws -> Oracle.Outcome {
        let report = Workbook().test([path])
        return try Oracle(defaultProfile: "3.11") { _ in python }.check(report)
    }

    /// With a script block (real CPython runs it through `exec`).
    static let sampleWithScript = sample + """


    ```heap
    y = [x, x]
    print(len(y))
    ```

    ```output
    2
    ```
    """

    static let sample = """
    # Sample

    ```heap
    >>> import sys
    >>> x = [1, 2]
    >>> len(x)
    2
    >>> 1/0
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    >>> for i in range(2):
    ...     print(i)
    0
    1
    ```
    """

    func testAgreementPassesAndFillsTheCache() throws {
        let (dir, path) = try chapterFile(Self.sample)
        let python = EngineAsCPython()
        let outcome = try check(path, python)
        XCTAssertEqual(outcome.report.failed, 0, outcome.report.text)
        XCTAssertEqual(outcome.agreed, 5)
        XCTAssertEqual(outcome.disagreed, 0)
        XCTAssertEqual(python.runs, 1, "one process per session")
        XCTAssertEqual(outcome.summary, "oracle: CPython 3.11.7: 5 agreed, 0 disagreed, 0 engine-only (not compared)")
        try outcome.writeCaches()
        let cache = OracleCache.load(directory: dir.path)
        XCTAssertEqual(cache.entries.count, 5)
        let traceback = try XCTUnwrap(cache.entries.values.first { $0.example == "01-test.md:8" })
        XCTAssertEqual(traceback.exception, "ZeroDivisionError: division by zero")
        XCTAssertEqual(traceback.stderr?.hasPrefix("Traceback (most recent call last):\n"), true, "prompts removed")
    }

    func testPlantedWrongExpectationIsCaught() throws {
        let (_, path) = try chapterFile(Self.sample.replacingOccurrences(of: ">>> len(x)\n2", with: ">>> len(x)\n3"))
        let outcome = try check(path, EngineAsCPython())
        XCTAssertEqual(outcome.report.failed, 1)
        XCTAssertEqual(outcome.disagreed, 1)
        let text = outcome.report.failuresText
        XCTAssertTrue(text.contains("01-test.md:6: example failed: the expected output differs from what the engine and CPython 3.11.7 both print\nExpected:\n    3\nGot:\n    2\n"), text)
        XCTAssertEqual(outcome.report.exitCode, 1)
    }

    func testCPythonDisagreeingWithEngineAndChapterFailsTheExample() throws {
        let (_, path) = try chapterFile(Self.sample)
        // CPython (planted) prints 5 where the chapter and the engine say 2.
        let python = EngineAsCPython { $0.replacingOccurrences(of: "@@\n2\n", with: "@@\n5\n") }
        let outcome = try check(path, python)
        XCTAssertEqual(outcome.report.failed, 1, outcome.report.text)
        let failure = try XCTUnwrap(outcome.report.failures.first)
        XCTAssertEqual(failure.example.location.line, 6)
        XCTAssertEqual(failure.oracle?.agrees, false)
        XCTAssertEqual(failure.oracle?.engineAgrees, true)
        XCTAssertTrue(outcome.report.failuresText.contains(
            "example failed: CPython 3.11.7 differs from the expected output (the engine matches it)\nExpected:\n    2\nGot:\n    2\nCPython 3.11.7 printed:\n    5\n"),
            outcome.report.failuresText)
    }

    func testEngineLineIsNotCompared() throws {
        let (dir, path) = try chapterFile("""
        ```heap
        >>> print("engine view")  # heap: +ENGINE
        engine view
        >>> print("shared")
        shared
        ```
        """)
        let python = EngineAsCPython { $0.replacingOccurrences(of: "engine view", with: "<CPython's own view>") }
        let outcome = try check(path, python)
        XCTAssertEqual(outcome.report.failed, 0, outcome.report.text)
        XCTAssertEqual(outcome.engineOnly, 1)
        XCTAssertEqual(outcome.agreed, 1)
        try outcome.writeCaches()
        XCTAssertEqual(OracleCache.load(directory: dir.path).entries.map(\.value.example), ["01-test.md:4"])
    }

    func testMissingInterpreterIsReported() throws {
        let locator = PythonLocator(environment: ["PATH": "/nonexistent-bin", "PYENV_ROOT": "/nonexistent-pyenv", "HOME": "/nonexistent"])
        XCTAssertThrowsError(try locator.find(version: "3.11")) { error in
            XCTAssertEqual("\(error)", "no CPython 3.11 found; looked in PATH (python3.11), /nonexistent-pyenv/versions/3.11.*/bin/python3")
        }
        XCTAssertThrowsError(try locator.find(version: "3.11", explicit: "/nonexistent-bin/python")) { error in
            XCTAssertEqual("\(error)", "no CPython 3.11 found; looked in --python-exe /nonexistent-bin/python")
        }
        // The oracle never passes without its interpreter.
        let (_, path) = try chapterFile(Self.sample)
        let oracle = Oracle(defaultProfile: "3.11") { _ in try locator.find(version: "3.11") }
        XCTAssertThrowsError(try oracle.check(Workbook().test([path]))) { XCTAssertTrue($0 is PythonNotFound) }
    }

    func testCacheHitMissAndStale() throws {
        let (dir, path) = try chapterFile(Self.sample)
        try check(path, EngineAsCPython()).writeCaches()
        let cache = OracleCache.load(directory: dir.path)

        func confirmations(_ markdown: String) -> [Int: String?] {
            let examples = ExampleExtractor().extract(chapter(markdown, path: path)).examples
            let keys = OracleKey.keys(for: examples, defaultProfile: "3.11")
            var out: [Int: String?] = [:]
            for (example, key) in zip(examples, keys) {
                out[example.location.line] = key.flatMap { cache.confirmation(for: example, key: $0) }
            }
            return out
        }
        // Hit: everything confirmed.
        let hit = confirmations(Self.sample)
        XCTAssertEqual(hit.values.compactMap { $0 }.count, 5)
        XCTAssertEqual(hit[6], "3.11.7")
        // Miss: an earlier input of the session changed, so every later key changed.
        let miss = confirmations(Self.sample.replacingOccurrences(of: ">>> x = [1, 2]", with: ">>> x = [1, 2]  # edited"))
        XCTAssertEqual(miss[4], "3.11.7", "before the edit: same key")
        XCTAssertEqual(miss[6], .some(nil))
        XCTAssertEqual(miss[8], .some(nil))
        // Stale: same input, but the expected output no longer matches what CPython printed.
        let stale = confirmations(Self.sample.replacingOccurrences(of: ">>> len(x)\n2", with: ">>> len(x)\n3"))
        XCTAssertEqual(stale[6], .some(nil))
        XCTAssertEqual(stale[8], "3.11.7")
        // A fresh block starts a new history.
        let a = OracleKey.keys(for: ExampleExtractor().extract(chapter("```heap fresh\n>>> x = 1\n```\n")).examples, defaultProfile: "3.11")
        let b = OracleKey.keys(for: ExampleExtractor().extract(chapter("```heap\n>>> y = 2\n```\n\n```heap fresh\n>>> x = 1\n```\n")).examples, defaultProfile: "3.11")
        XCTAssertEqual(a[0], b[1])
        XCTAssertNotEqual(OracleKey.keys(for: ExampleExtractor().extract(chapter("```heap\n>>> x = 1\n```\n")).examples, defaultProfile: "3.12")[0], a[0])
    }

    func testCacheFileIsStableAndPruned() throws {
        var cache = OracleCache(entries: [
            "b": .init(cpython: "3.11.7", example: "02-b.md:3", stdout: "1\n"),
            "a": .init(cpython: "3.11.7", example: "01-a.md:9", stdout: "q\"\\\u{1}\n", stderr: "Traceback…\n", exception: "E: x"),
        ])
        XCTAssertEqual(cache.json, """
        {
          "entries": {
            "a": {
              "cpython": "3.11.7",
              "example": "01-a.md:9",
              "exception": "E: x",
              "stderr": "Traceback…\\n",
              "stdout": "q\\"\\\\\\u0001\\n"
            },
            "b": {
              "cpython": "3.11.7",
              "example": "02-b.md:3",
              "stdout": "1\\n"
            }
          },
          "format": 1
        }

        """)
        XCTAssertEqual(try OracleCache.decode(Data(cache.json.utf8)), cache)
        cache.replace(files: ["01-a.md"], with: ["c": .init(cpython: "3.11.7", example: "01-a.md:4", stdout: "")])
        XCTAssertEqual(cache.entries.keys.sorted(), ["b", "c"])
        // Entries another plan can still reach (`OracleKey.reachableKeys`) are kept.
        cache.entries["d"] = .init(cpython: "3.12.1", example: "01-a.md:4", stdout: "")
        cache.entries["e"] = .init(cpython: "3.12.1", example: "01-a.md:5", stdout: "")
        cache.replace(files: ["01-a.md"], with: [:], keeping: ["d"])
        XCTAssertEqual(cache.entries.keys.sorted(), ["b", "d"])
        XCTAssertEqual(OracleCache().json, "{\n  \"entries\": {},\n  \"format\": 1\n}\n")
    }

    func testSHA256() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testFeedMarkersAndStderrCleaning() {
        let compound = Example(location: .init(path: "x", line: 1), mode: .interactive, source: "for i in x:\n    print(i)\n",
                               expected: .init(lines: [], firstLine: 2, placement: .transcript))
        XCTAssertEqual(Oracle.feed(compound), "for i in x:\n    print(i)\n\n")
        var script = compound
        script.mode = .module
        script.source = "a = 'it''s'\nprint(a)\n"
        XCTAssertEqual(Oracle.feed(script), "exec('a = \\'it\\'\\'s\\'\\nprint(a)\\n')\n")
        XCTAssertEqual(Oracle.split("a\n@@heapbook-oracle-0@@\n@@heapbook-oracle-1@@\nrest", count: 3), ["a\n", ""])
        let err = Oracle.cleanStderr(">>> >>> ... ... Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nKeyError: 'k'\n>>> ")
        XCTAssertEqual(err, "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nKeyError: 'k'\n")
        XCTAssertEqual(Oracle.exceptionLine(err), "KeyError: 'k'")
        XCTAssertEqual(Oracle.exceptionLine("  File \"<stdin>\", line 1\n    a = )\n        ^\nSyntaxError: unmatched ')'\n"),
                       "SyntaxError: unmatched ')'")
        XCTAssertNil(Oracle.exceptionLine(""))
    }

    // MARK: - versions= and --python all

    /// One engine-backed "CPython" per profile, as `PythonLocator` would find them.
    static let pythons: @Sendable (String) throws -> any OracleInterpreter = { profile in
        EngineAsCPython(version: ["3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"][profile] ?? profile + ".0")
    }

    /// Sizes measured with real CPython 3.11.7 and 3.12.1: `sys.getsizeof('')` is 49, then 41.
    static let versionsSample = """
    # Sizes

    ```heap versions=3.11,3.12
    >>> import sys
    >>> sys.getsizeof('')
    49
    ```

    ```heap
    >>> sys.getsizeof([])
    56
    ```
    """

    func testOracleRecordsEveryListedVersion() throws {
        let (dir, path) = try chapterFile(Self.versionsSample)
        let before = Workbook().test([path])
        XCTAssertEqual(before.summary, "3 passed, 0 failed, 2 not confirmed")
        let outcome = try Oracle(defaultProfile: "3.11", interpreter: Self.pythons).check(before)
        XCTAssertEqual(outcome.versions, ["3.11.7", "3.12.1"])
        XCTAssertEqual(outcome.agreed, 5, outcome.report.text)
        XCTAssertEqual(outcome.report.summary, "3 passed, 0 failed")
        try outcome.writeCaches()
        let cache = OracleCache.load(directory: dir.path)
        XCTAssertEqual(cache.entries.values.filter { $0.cpython == "3.12.1" }.map(\.stdout).sorted(), ["", "41\n"])
        // Now the cache confirms the 3.12 runs.
        let after = Workbook().test([path])
        XCTAssertEqual(after.summary, "3 passed, 0 failed")
        XCTAssertEqual(after.results[1].otherVersions.first?.verdict, .confirmed(cpython: "3.12.1"))

        // --python all records every profile's session, and keeps what the ordinary plan recorded.
        let all = try Oracle(defaultProfile: "3.11", everyProfile: true, interpreter: Self.pythons)
            .check(Workbook(python: .all).test([path]))
        XCTAssertEqual(all.disagreed, 0, all.report.text)
        try all.writeCaches()
        XCTAssertEqual(Workbook().test([path]).summary, "3 passed, 0 failed")
        XCTAssertEqual(Workbook(python: .all).test([path]).summary, "3 passed, 0 failed")
    }

    func testOracleDisagreementUnderAnotherVersionFails() throws {
        let (_, path) = try chapterFile(Self.versionsSample)
        // A "CPython 3.12" that prints something else for the 3.12 session.
        let outcome = try Oracle(defaultProfile: "3.11") { profile in
            profile == "3.12" ? EngineAsCPython(version: "3.12.1", rewrite: { $0.replacingOccurrences(of: "41\n", with: "40\n") })
                              : try Self.pythons(profile)
        }.check(Workbook().test([path]))
        XCTAssertEqual(outcome.disagreed, 1)
        XCTAssertTrue(outcome.report.failuresText.hasPrefix("""
        \(path):5: example failed under 3.12 (expected: CPython 3.12.1's output)
        Expected:
            40
        Got:
            41
        """), outcome.report.failuresText)
    }

    /// The real thing, where a CPython 3.11 is installed.
    func testRealCPython() throws {
        guard let python = try? PythonLocator().find(version: "3.11") else { throw XCTSkip("no CPython 3.11 here") }
        let (_, path) = try chapterFile(Self.sampleWithScript.replacingOccurrences(of: ">>> len(x)\n2", with: ">>> len(x)\n3"))
        let outcome = try check(path, python)
        XCTAssertEqual(outcome.agreed, 5, outcome.report.text)
        XCTAssertEqual(outcome.disagreed, 1)
        XCTAssertTrue(outcome.report.failuresText.contains("the expected output differs from what the engine and CPython \(python.version) both print"))
    }

    /// Real CPython 3.11 and 3.12 on the versions= sample, where both are installed.
    func testRealCPythonVersions() throws {
        let locator = PythonLocator()
        guard (try? locator.find(version: "3.11")) != nil, (try? locator.find(version: "3.12")) != nil else {
            throw XCTSkip("no CPython 3.11 and 3.12 here")
        }
        let (_, path) = try chapterFile(Self.versionsSample)
        let outcome = try Oracle(defaultProfile: "3.11") { try locator.find(version: $0) }.check(Workbook().test([path]))
        XCTAssertEqual(outcome.disagreed, 0, outcome.report.text)
        XCTAssertEqual(outcome.agreed, 5)
    }
}
