import HeapEngine
import HeapScript
import XCTest
@testable import Workbook

/// `versions=` blocks and `--python all`: the other versions' runs, judged against the
/// oracle cache. Sizes measured with real CPython 3.11.7 and 3.12.1 (pyenv):
/// `sys.getsizeof('')` is 49 under 3.11 and 41 under 3.12; `sys.getsizeof([])` is 56 under both.
final class VerifierVersionsTests: XCTestCase {
    static let sizes = """
    # Sizes

    ```heap versions=3.11,3.12
    >>> import sys
    >>> sys.getsizeof('')
    49
    >>> sys.getsizeof([])
    56
    ```
    """

    /// A cache holding `outputs` (by line, then profile) under the keys the plan gives.
    func cache(for markdown: String, plan: ProfilePlan = ProfilePlan(),
               outputs: [Int: [String: String]]) -> OracleCache {
        let examples = ExampleExtractor().extract(chapter(markdown)).examples
        var cache = OracleCache()
        for (example, keys) in zip(examples, OracleKey.keys(for: examples, plan: plan)) {
            for (profile, output) in outputs[example.location.line] ?? [:] {
                let full = ["3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"][profile] ?? profile
                cache.entries[keys[profile]!] = .init(cpython: full, example: "01-test.md:\(example.location.line)",
                                                      stdout: output)
            }
        }
        return cache
    }

    /// What real CPython 3.12.1 printed for the block.
    var recorded312: [Int: [String: String]] { [4: ["3.12": ""], 5: ["3.12": "41\n"], 7: ["3.12": "56\n"]] }

    func testEachListedVersionRunsInItsOwnSession() {
        let report = Workbook(cache: cache(for: Self.sizes, outputs: recorded312)).test(chapter(Self.sizes))
        XCTAssertEqual(report.diagnostics, [])
        let sizeofEmpty = report.results[1]
        XCTAssertEqual(sizeofEmpty.profile, "3.11")
        XCTAssertEqual(sizeofEmpty.got, "49\n")
        XCTAssertEqual(sizeofEmpty.otherVersions.map(\.profile), ["3.12"])
        XCTAssertEqual(sizeofEmpty.otherVersions[0].got, "41\n")
        XCTAssertEqual(sizeofEmpty.otherVersions[0].verdict, .confirmed(cpython: "3.12.1"))
        let full = TestReport(chapters: [report])
        XCTAssertEqual(full.summary, "3 passed, 0 failed")
        XCTAssertEqual(full.exitCode, 0)
    }

    func testPlantedWrongCacheEntryFailsTheExampleUnderThatVersion() {
        var outputs = recorded312
        outputs[5] = ["3.12": "49\n"]   // wrong: 3.12 prints 41
        let report = TestReport(chapters: [Workbook(cache: cache(for: Self.sizes, outputs: outputs)).test(chapter(Self.sizes))])
        XCTAssertEqual(report.summary, "2 passed, 1 failed")
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertEqual(report.failures[0].status, .passed, "the primary (3.11) run still matches the transcript")
        XCTAssertEqual(report.failuresText, """
        chapters/01-test.md:5: example failed under 3.12 (expected: CPython 3.12.1's recorded output)
        Expected:
            49
        Got:
            41
        2 passed, 1 failed

        """)
        // A failure under another version is not blessed: the transcript is the primary's.
        XCTAssertEqual(Blesser().bless(chapter(Self.sizes).source, results: report.results).blessed, [])
        XCTAssertTrue(report.junitXML.contains("<failure message=\"example failed under 3.12\">"))
        XCTAssertTrue(report.githubText.hasPrefix(
            "::error file=chapters/01-test.md,line=5::chapters/01-test.md:5: example failed under 3.12 (expected: CPython 3.12.1's recorded output)%0AExpected:%0A    49%0AGot:%0A    41\n"),
            report.githubText)
    }

    func testMissingEntryIsNotConfirmed() {
        var outputs = recorded312
        outputs[7] = nil
        let report = TestReport(chapters: [Workbook(cache: cache(for: Self.sizes, outputs: outputs)).test(chapter(Self.sizes))])
        XCTAssertEqual(report.results[2].otherVersions[0].verdict, .notConfirmed)
        XCTAssertEqual(report.summary, "3 passed, 0 failed, 1 not confirmed")
        XCTAssertEqual(report.exitCode, 0)
        // An entry recorded by another version under that key is not a confirmation either.
        var wrongVersion = cache(for: Self.sizes, outputs: recorded312)
        for key in wrongVersion.entries.keys { wrongVersion.entries[key]?.cpython = "3.13.0" }
        let stale = TestReport(chapters: [Workbook(cache: wrongVersion).test(chapter(Self.sizes))])
        XCTAssertEqual(stale.summary, "3 passed, 0 failed, 3 not confirmed")
    }

    func testOtherVersionsShareTheirProfilesChapterSession() {
        // The 3.12 session runs the versions= block, then the python=3.12 block, in order.
        let markdown = "```heap versions=3.11,3.12\n>>> a = 1\n```\n\n```heap python=3.12\n>>> a\n1\n```\n\n```heap fresh python=3.12\n>>> a = 2\n```\n"
        let interpreter = FakeInterpreter()
        var workbook = fakeWorkbook(interpreter)
        workbook.cache = OracleCache()
        let report = workbook.test(chapter(markdown))
        XCTAssertEqual(report.results.map(\.status), [.passed, .passed, .passed])
        XCTAssertEqual(interpreter.log.map(\.profile), ["3.11", "3.12", "3.12", "3.12"])
        XCTAssertEqual(interpreter.log.map(\.session), [1, 2, 2, 3])
    }

    func testPythonAllRunsEveryExampleUnderEveryProfile() {
        let interpreter = FakeInterpreter()
        var workbook = fakeWorkbook(interpreter)
        workbook.everyProfile = true
        workbook.cache = OracleCache()
        let report = TestReport(chapters: [workbook.test(chapter("```heap\n>>> a = 1\n>>> a\n1\n```\n"))])
        let others = Profile.all.map(\.version).filter { $0 != Profile.default.version }
        XCTAssertEqual(report.results[1].otherVersions.map(\.profile), others)
        XCTAssertEqual(Set(interpreter.log.map(\.profile)), Set(Profile.all.map(\.version)))
        XCTAssertEqual(report.summary, "2 passed, 0 failed, \(2 * others.count) not confirmed")
    }

    func testAgreementRespectsDirectives() {
        func example(_ expected: [String], _ directives: Directives) -> Example {
            Example(location: .init(path: "x", line: 1), mode: .interactive, source: "x\n",
                    expected: .init(lines: expected, firstLine: 2, placement: .transcript), directives: directives)
        }
        let engine = ExecutionResult(stdout: "<object at 0x7f01>\n")
        let cpython = ExecutionResult(stdout: "<object at 0x10a2>\n")
        // Both fit the written pattern: they agree.
        XCTAssertTrue(VersionRun.agrees(engine, cpython, example: example(["<object at 0x...>"], .ellipsis)))
        // Without a pattern they are compared literally.
        XCTAssertFalse(VersionRun.agrees(engine, cpython, example: example(["<object at 0x7f01>"], [])))
        XCTAssertTrue(VersionRun.agrees(ExecutionResult(stdout: "a  b\n"), ExecutionResult(stdout: "a b"),
                                        example: example([], .normalizeWhitespace)))
        // Tracebacks: stdout and the exception line (the stack of an exec'd script differs).
        let raised = ExecutionResult(stderr: "Traceback (most recent call last):\n  File \"<stdin>\", line 1\nKeyError: 'k'\n",
                                     exception: "KeyError: 'k'")
        var viaExec = raised
        viaExec.stderr = "Traceback (most recent call last):\n  File \"<string>\", line 2\nKeyError: 'k'\n"
        XCTAssertTrue(VersionRun.agrees(raised, viaExec, example: example([], [])))
    }

    func testSelectionParsing() {
        XCTAssertEqual(PythonSelection("all"), .all)
        XCTAssertEqual(PythonSelection("3.12"), .one(Profile.named("3.12")!))
        XCTAssertNil(PythonSelection("3.7"))
        XCTAssertEqual(PythonSelection.all.plan, ProfilePlan(defaultProfile: Profile.default.version, everyProfile: true))
        XCTAssertEqual(PythonSelection("3.12")?.plan, ProfilePlan(defaultProfile: "3.12"))
        XCTAssertEqual(PythonSelection.unknownMessage("3.7", allowingAll: true),
                       "Unknown Python version '3.7'. Please provide one of "
                       + ExampleExtractor.quotedList(Profile.all.map(\.version) + ["all"]) + ".")
    }
}
