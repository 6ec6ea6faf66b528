/// `heapbook repl`: reads piped input as `python -q -i` does and runs each chunk.
public struct Repl {
    public let session: Session
    public init(session: Session) { self.session = session }

    /// Runs the whole input; writes stdout and stderr through the callbacks as it goes.
    /// `prompts`: write the `>>> ` / `... ` prompts to stderr as `python -q -i < input` does,
    /// so that stderr too equals CPython's. Returns false when a construct outside the subset
    /// or a run limit stopped the run.
    public func run(_ text: String, prompts: Bool = false,
                    stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void) -> Bool {
        // Splitting the input into statements parses them: on the large stack as well.
        Session.onLargeStack { self.runStatements(text, prompts: prompts, stdout: stdout, stderr: stderr) }
    }

    private func runStatements(_ text: String, prompts: Bool, stdout: (String) -> Void, stderr: (String) -> Void) -> Bool {
        var input = InteractiveInput(text, commentLinesContinue: session.profile.interactiveCommentLinesContinue)
        while let chunk = input.next() {
            session.noteEmptyStatements(input.takeEmptyStatements())
            let read = input.takePrompts()
            if prompts { stderr(read) }
            let result = chunk.error.map { session.syntaxFailure($0, filename: "<stdin>") }
                ?? session.runInteractive(chunk.source)
            stdout(result.stdout)
            stderr(result.stderr)
            if let u = result.unsupported {
                // On a line of its own, not after the prompt CPython would be showing.
                stderr("\(prompts ? "\n" : "")<stdin>:\(chunk.firstLine + u.line - 1): error: \(u.message)\n")
                return false
            }
            if result.stopped { return false }
        }
        session.noteEmptyStatements(input.takeEmptyStatements())
        let read = input.takePrompts()
        if prompts { stderr(input.endedInContinuation ? read : read + ">>> \n") }
        let last = session.finalize()
        stdout(last.stdout)
        stderr(last.stderr)
        if let u = last.unsupported {
            stderr("<stdin>: error: at exit: \(u.message)\n")
            return false
        }
        return true
    }
}
