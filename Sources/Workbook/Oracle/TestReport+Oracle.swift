extension TestReport {
    /// A failure seen by the oracle: which of the three — the expected output, the engine,
    /// real CPython — is the odd one out, then Expected, the engine's Got, and what CPython
    /// printed when it differs from the engine's.
    static func oracleFailureText(_ result: ExampleResult, _ oracle: OracleObservation) -> String {
        let cpython = "CPython \(oracle.cpython)"
        let same = OutputMatcher.normalizeLineEnds(oracle.got) == OutputMatcher.normalizeLineEnds(result.got)
        let why: String
        switch (oracle.engineAgrees, oracle.agrees) {
        case (true, false): why = "\(cpython) differs from the expected output (the engine matches it)"
        case (false, true): why = "the engine differs from the expected output (\(cpython) matches it)"
        default:
            why = same ? "the expected output differs from what the engine and \(cpython) both print"
                       : "the engine, \(cpython) and the expected output all differ"
        }
        var text = "\(result.example.location): example failed: \(why)\n"
        let expected = result.example.expected.text
        text += expected.isEmpty ? "Expected nothing\n" : "Expected:\n" + indent(expected)
        text += result.got.isEmpty ? "Got nothing\n" : "Got:\n" + indent(result.got)
        if !same || oracle.note != nil {
            text += oracle.got.isEmpty ? "\(cpython) printed nothing\n" : "\(cpython) printed:\n" + indent(oracle.got)
        }
        if let note = oracle.note { text += "Note: \(note)\n" }
        return String(text.dropLast())
    }
}
