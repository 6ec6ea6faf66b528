import Foundation
import XCTest

/// The `heapbook` executable next to this test bundle (`swift test` builds it).
func heapbookExecutable() throws -> URL {
    // Linux: the bundle is the build directory itself; macOS: …/heapbookPackageTests.xctest.
    let bundle = Bundle(for: ExecutableLocator.self).bundleURL
    let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("heapbook") }
    guard let url = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw XCTSkip("no heapbook executable in \(candidates.map(\.path))")
    }
    return url
}

private final class ExecutableLocator {}

/// Runs `heapbook arguments…` in `directory` to its end.
/// - Returns: its exit status, stdout and stderr.
func runHeapbook(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try heapbookExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting, so a full pipe cannot block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}
