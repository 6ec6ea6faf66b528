import Foundation
import HeapEngine
import HeapScript
import Workbook

/// A stand-in for HeapScript, so workbook tests do not depend on the interpreter.
///
/// It understands just enough Python to exercise sessions: `name = <int>` binds in the
/// session, a bare name echoes its value (NameError when unbound), `print(<text>)` prints
/// the text as written, `1/0` raises ZeroDivisionError, anything containing `lambda` is
/// unsupported, and `canned` answers other sources verbatim. Input with unbalanced
/// brackets is incomplete.
final class FakeInterpreter: SessionFactory, @unchecked Sendable {
    private let lock = NSLock()
    private var _log: [(session: Int, profile: String, source: String)] = []
    private var sessions = 0
    let canned: [String: ExecutionResult]

    init(canned: [String: ExecutionResult] = [:]) { self.canned = canned }

    var log: [(session: Int, profile: String, source: String)] { lock.withLock { _log } }

    func makeRunner(profile: Profile) -> any ExampleRunner {
        lock.withLock { sessions += 1 }
        return FakeRunner(interpreter: self, id: lock.withLock { sessions }, profile: profile.version)
    }

    func completeness(of source: String) -> Completeness {
        var depth = 0
        for ch in source { if "([{".contains(ch) { depth += 1 } else if ")]}".contains(ch) { depth -= 1 } }
        return depth > 0 ? .incomplete : .complete
    }

    fileprivate func record(_ session: Int, _ profile: String, _ source: String) {
        lock.withLock { _log.append((session, profile, source)) }
    }
}

final class FakeRunner: ExampleRunner {
    let interpreter: FakeInterpreter
    let id: Int
    let profile: String
    var names: [String: String] = [:]

    init(interpreter: FakeInterpreter, id: Int, profile: String) {
        self.interpreter = interpreter; self.id = id; self.profile = profile
    }

    func runInteractive(_ source: String, filename: String) -> ExecutionResult {
        interpreter.record(id, profile, source)
        return run(source, echo: true)
    }

    func runModule(_ source: String, filename: String) -> ExecutionResult {
        interpreter.record(id, profile, source)
        var total = ExecutionResult()
        for line in source.split(separator: "\n") {
            let r = run(String(line) + "\n", echo: false)
            total.stdout += r.stdout; total.stderr += r.stderr
            total.unsupported = total.unsupported ?? r.unsupported
            if r.exception != nil { total.exception = r.exception; break }
        }
        return total
    }

    private func run(_ source: String, echo: Bool) -> ExecutionResult {
        if let canned = interpreter.canned[source] { return canned }
        var code = source.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = code.range(of: "#") { code = String(code[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
        if code.contains("lambda") { return ExecutionResult(unsupported: UnsupportedConstruct("'lambda'", line: 1, column: 1)) }
        if code == "1/0" { return raise("ZeroDivisionError: division by zero") }
        if code.hasPrefix("print("), code.hasSuffix(")") {
            var text = String(code.dropFirst(6).dropLast())
            if text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            return ExecutionResult(stdout: text.replacingOccurrences(of: "\\n", with: "\n") + "\n")
        }
        let parts = code.components(separatedBy: " = ")
        if parts.count == 2 { names[parts[0]] = parts[1]; return ExecutionResult() }
        if code.allSatisfy({ $0.isLetter || $0 == "_" }), !code.isEmpty {
            guard let value = names[code] else { return raise("NameError: name '\(code)' is not defined") }
            return ExecutionResult(stdout: echo ? value + "\n" : "")
        }
        return ExecutionResult()
    }

    private func raise(_ exception: String) -> ExecutionResult {
        ExecutionResult(stderr: "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n\(exception)\n",
                        exception: exception)
    }
}

// MARK: - Helpers

/// Parses Markdown held in a string as if it were the file `path`.
func chapter(_ markdown: String, path: String = "chapters/01-test.md") -> Chapter {
    ChapterLoader().chapter(path: path, bytes: Array(markdown.utf8))
}

/// A workbook over the fake interpreter.
func fakeWorkbook(_ interpreter: FakeInterpreter = FakeInterpreter()) -> Workbook {
    Workbook(interpreter: interpreter)
}

/// A fresh temporary directory, removed when the test ends.
func temporaryDirectory(_ test: AnyObject) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("heapbook-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The fixture book `Fixtures/<name>`, copied to a temporary directory.
func fixture(_ name: String, _ test: AnyObject) throws -> URL {
    guard let source = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "missing fixture \(name)"])
    }
    let target = try temporaryDirectory(test).appendingPathComponent(name)
    try FileManager.default.copyItem(at: source, to: target)
    return target
}
