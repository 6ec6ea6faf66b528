import ArgumentParser

@main
struct Heapbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heapbook",
        abstract: "A literate workbook of CPython memory management, verified against a simulated CPython heap.",
        subcommands: [Repl.self, Run.self, Dis.self, Test.self, Build.self, FuzzCommand.self, Serve.self, ServeWorker.self, SupportMatrixCommand.self]
    )
}
