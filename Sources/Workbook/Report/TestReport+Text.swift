import Foundation

// MARK: - Plain text, like doctest

extension TestReport {
    /// The terminal report: each unusable block, then each failure, then the summary.
    ///
    ///     chapters/01-refcount.md:12: example failed
    ///     Expected:
    ///         2
    ///     Got:
    ///         3
    ///     0 passed, 1 failed
    public var text: String {
        (allDiagnostics.map(\.description) + failures.map(Self.failureText) + [summary])
            .joined(separator: "\n") + "\n"
    }

    /// `text` without the diagnostics (which the CLI prints to stderr).
    public var failuresText: String {
        (failures.map(Self.failureText) + [summary]).joined(separator: "\n") + "\n"
    }

    /// One failure in doctest's shape (or the unsupported-construct message). The location
    /// line is followed directly by Expected/Got (docs/DESIGN.md §5); the source is at that line.
    /// A failure under another version follows, in the same shape:
    ///
    ///     chapters/01-refcount.md:12: example failed under 3.12 (expected: CPython 3.12.1's recorded output)
    public static func failureText(_ result: ExampleResult) -> String {
        var parts: [String] = []
        if result.primaryFailed { parts.append(primaryFailureText(result)) }
        for run in result.otherVersions where run.isFailure { parts.append(versionFailureText(result.example, run)) }
        return parts.joined(separator: "\n")
    }

    /// The first line of a failure, for annotations and JUnit messages.
    static func failureMessage(_ result: ExampleResult) -> String {
        if case .unsupported(let text) = result.status { return text }
        if result.primaryFailed { return "example failed" }
        let versions = result.otherVersions.filter(\.isFailure).map(\.profile)
        return "example failed under " + versions.joined(separator: ", ")
    }

    static func versionFailureText(_ example: Example, _ run: VersionRun) -> String {
        switch run.verdict {
        case .unsupported(let message):
            return message
        case .failed(let cpython, let expected, let recorded):
            var text = "\(example.location): example failed under \(run.profile) (expected: CPython \(cpython)'s \(recorded ? "recorded " : "")output)\n"
            text += expected.isEmpty ? "Expected nothing\n" : "Expected:\n" + indent(expected)
            text += run.got.isEmpty ? "Got nothing\n" : "Got:\n" + indent(run.got)
            if let note = run.note { text += "Note: \(note)\n" }
            return String(text.dropLast())
        case .confirmed, .notConfirmed, .engineOnly:
            return ""
        }
    }

    static func primaryFailureText(_ result: ExampleResult) -> String {
        if case .unsupported(let message) = result.status { return message }
        if let oracle = result.oracle, !oracle.agrees || !oracle.engineAgrees { return oracleFailureText(result, oracle) }
        var text = "\(result.example.location): example failed\n"
        let expected = result.example.expected.text
        text += expected.isEmpty ? "Expected nothing\n" : "Expected:\n" + indent(expected)
        text += result.got.isEmpty ? "Got nothing\n" : "Got:\n" + indent(result.got)
        return String(text.dropLast())
    }

    /// Indents each line by four spaces; empty lines of output read `<BLANKLINE>`.
    static func indent(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines.map { "    " + ($0.isEmpty ? "<BLANKLINE>" : $0) + "\n" }.joined()
    }
}

// MARK: - GitHub Actions annotations

extension TestReport {
    /// `::error file=…,line=…::…` for each diagnostic and failure, then the summary.
    public var githubText: String {
        var lines: [String] = []
        for diagnostic in allDiagnostics {
            lines.append(Self.annotation(diagnostic.location, diagnostic.message))
        }
        for failure in failures {
            lines.append(Self.annotation(failure.example.location, Self.failureText(failure)))
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    static func annotation(_ location: SourceLocation, _ message: String) -> String {
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        return "::error file=\(escapeProperty(location.path)),line=\(location.line)::\(escapeData(message))"
    }
}
