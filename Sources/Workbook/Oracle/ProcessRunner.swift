import Foundation

/// Runs a program to completion with Foundation's `Process`.
///
/// Foundation's `Process` rather than swift-subprocess: it ships with every toolchain
/// (no new package to resolve), and the oracle needs only "run with this stdin, collect
/// stdout and stderr, give up after a timeout". Standard input, output and error go
/// through temporary files, so neither side can block on a full pipe.
public enum ProcessRunner {
    public struct Output: Sendable, Equatable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
        public var timedOut: Bool
    }

    /// - Parameters:
    ///   - environment: the child's environment (nil: this process's).
    ///   - timeout: seconds before the child is killed.
    public static func run(_ executable: String, _ arguments: [String], stdin: String,
                           environment: [String: String]? = nil, timeout: Double = 120) throws -> Output {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("heapbook-proc-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in"), outURL = dir.appendingPathComponent("out"),
            errURL = dir.appendingPathComponent("err")
        try Data(stdin.utf8).write(to: inURL)
        fm.createFile(atPath: outURL.path, contents: nil)
        fm.createFile(atPath: errURL.path, contents: nil)
        let input = try FileHandle(forReadingFrom: inURL)
        let output = try FileHandle(forWritingTo: outURL)
        let error = try FileHandle(forWritingTo: errURL)
        defer { try? input.close(); try? output.close(); try? error.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let killed = TimeoutFlag()
        let timer = DispatchWorkItem { [process] in
            if process.isRunning { killed.set(); process.terminate() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        process.waitUntilExit()
        timer.cancel()
        let out = (try? Data(contentsOf: outURL)) ?? Data()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        return Output(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      status: process.terminationStatus, timedOut: killed.value)
    }
}

private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
