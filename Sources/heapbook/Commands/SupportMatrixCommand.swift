import ArgumentParser
import Foundation
import HeapScript

/// `heapbook support-matrix`: prints docs/support-matrix.md (what each profile models against
/// what its CPython has).
struct SupportMatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support-matrix",
        abstract: "Print the support matrix (docs/support-matrix.md) from the recorded CPython surface.")

    func run() throws {
        FileHandle.standardOutput.write(Data(SupportMatrix.markdown().utf8))
    }
}
