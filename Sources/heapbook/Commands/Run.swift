import ArgumentParser
import Foundation
import HeapScript
import Workbook

/// `heapbook run FILE`: runs a file as `__main__` (exec mode).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a Python file in the simulated CPython.")

    @OptionGroup var options: BookOptions

    func validate() throws { try options.requireOneVersion("run") }

    @Argument(help: "The Python file to run.")
    var file: String

    func run() throws {
        guard let source = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ValidationError("Cannot read '\(file)'.")
        }
        let session = Session(profile: options.profile, limits: .commandLine, script: true,
                              hashSeed: hashSeedFromEnvironment())
        session.provisionalStartupRefcounts = options.provisionalStartupRefcounts
        // bpo-20443 (3.9): the script's path is made absolute (tracebacks, warnings, __file__).
        let path = options.profile.minor >= 9 && !file.hasPrefix("/")
            ? FileManager.default.currentDirectoryPath + "/" + file : file
        let result = session.runScript(source, path: path)
        FileHandle.standardOutput.write(Data(result.stdout.utf8))
        FileHandle.standardError.write(Data(result.stderr.utf8))
        // A refusal ends the run where it happened: CPython would go on with the rest of the
        // script, so what the engine's shutdown would print (finalizers, weakref callbacks)
        // is not what CPython prints next.
        if let u = result.unsupported {
            FileHandle.standardError.write(Data("\(file):\(u.line): error: \(u.message)\n".utf8))
            throw ExitCode(2)
        }
        let last = session.finalize()
        FileHandle.standardOutput.write(Data(last.stdout.utf8))
        FileHandle.standardError.write(Data(last.stderr.utf8))
        // What shutdown would print is not known (finalizers of garbage CPython may have
        // collected at another moment): said, as `heapbook repl` says it.
        if let u = last.unsupported {
            FileHandle.standardError.write(Data("\(file): error: at exit: \(u.message)\n".utf8))
            throw ExitCode(2)
        }
        if result.stopped { throw ExitCode(2) }
        if result.exception != nil { throw ExitCode(1) }
    }
}
