import Foundation
import HeapEngine
import HeapScript
import Workbook

/// A fake interpreter for site tests: `print(<text>)` prints the text as written and
/// `fail` raises; everything else prints nothing.
struct EchoInterpreter: SessionFactory {
    func makeRunner(profile: Profile) -> any ExampleRunner { EchoRunner() }
    func completeness(of source: String) -> Completeness { .complete }
}

final class EchoRunner: ExampleRunner {
    func runInteractive(_ source: String, filename: String) -> ExecutionResult { run(source) }
    func runModule(_ source: String, filename: String) -> ExecutionResult { run(source) }

    private func run(_ source: String) -> ExecutionResult {
        var result = ExecutionResult()
        for line in source.split(separator: "\n") {
            var code = line.trimmingCharacters(in: .whitespaces)
            if let hash = code.range(of: "  #") { code = String(code[..<hash.lowerBound]) }
            if code == "fail" {
                result.stderr += "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nRuntimeError: boom\n"
                result.exception = "RuntimeError: boom"
            } else if code.hasPrefix("print("), code.hasSuffix(")") {
                var text = String(code.dropFirst(6).dropLast())
                if text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
                result.stdout += text.replacingOccurrences(of: "\\\"", with: "\"") + "\n"
            }
        }
        return result
    }
}

/// Writes `files` (name → Markdown) into a fresh temporary directory.
func book(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("heapbook-site-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    return url
}

func builder() throws -> SiteBuilderUnderTest {
    SiteBuilderUnderTest(builder: SiteBuilder(workbook: Workbook(interpreter: EchoInterpreter()), theme: try Theme.bundled()))
}

import Site

struct SiteBuilderUnderTest {
    var builder: SiteBuilder

    /// Renders `directory` and returns the files by path (fails when verification failed).
    func pages(_ directory: URL) throws -> [String: String] {
        let build = try builder.render(chaptersIn: directory.path)
        guard let files = build.files else { throw SiteError(build.report.text) }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }
}

let sampleBook: [String: String] = [
    "index.md": "# The Book\n\nWelcome <script>alert(1)</script>.\n",
    "01-first.md": """
    # First steps

    ## Setup

    ```heap
    >>> print("a<b> & \\"q\\" 'x'")  # heap: +ELLIPSIS
    a<b> & "q" 'x'
    >>> print("skipped")  # heap: +SKIP
    skipped
    ```

    ## Setup

    ```heap fresh
    print("script")
    ```

    ```output
    script
    ```

    ```python
    ordinary < code
    ```
    """,
    "02-second.md": "# Second\n\n## Content\n\ntext\n",
    "03-third.md": "# Third\n\n> ```heap\n> >>> fail\n> Traceback (most recent call last):\n>   ...\n> RuntimeError: boom\n> ```\n",
]
