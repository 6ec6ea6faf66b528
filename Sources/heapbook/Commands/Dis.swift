import ArgumentParser
import Foundation
import HeapScript

/// `heapbook dis FILE`: the bytecode the engine runs for a file, in `dis.dis`'s format.
struct Dis: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the bytecode the simulated CPython runs for a Python file, as dis.dis does.",
        discussion: """
            The file is compiled in exec mode, as `python3 -c 'import dis; dis.dis(compile(open(FILE).read(), \
            FILE, "exec"))'` does, and nothing runs. The instructions are CPython 3.11's under every \
            profile (what differs between versions is what the evaluation holds, not the opcodes).
            """)

    @OptionGroup var options: BookOptions

    func validate() throws { try options.requireOneVersion("dis") }

    @Argument(help: "The Python file to disassemble ('-' reads standard input).")
    var file: String

    func run() throws {
        let source: String
        if file == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("Cannot read '\(file)'.")
            }
            source = text
        }
        let session = Session(profile: options.profile, limits: .commandLine)
        guard let text = session.disassemble(source, filename: file == "-" ? "<stdin>" : file) else {
            FileHandle.standardError.write(Data(
                "\(file): error: heapbook's code generator does not compile this file (not Python, or a construct outside its subset: run it with 'heapbook run' to see which)\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
