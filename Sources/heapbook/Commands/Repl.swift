import ArgumentParser
import Foundation
import HeapScript

/// `heapbook repl`: the simulated CPython REPL (stdout equals `pythonX.Y -q -i < input`).
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Python statements read from standard input in the simulated CPython REPL.")

    @OptionGroup var options: BookOptions

    func validate() throws { try options.requireOneVersion("repl") }

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        let repl = HeapScript.Repl(session: Session(profile: options.profile))
        let ok = repl.run(text, stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
                          stderr: { FileHandle.standardError.write(Data($0.utf8)) })
        if !ok { throw ExitCode(2) }
    }
}
