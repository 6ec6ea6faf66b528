import Foundation

/// Runs a program to completion: posix_spawn, then waitpid.
///
/// Not Foundation's `Process`: on Linux its `waitUntilExit` can miss the child's exit and
/// wait forever (a 10,000-program differential fuzz run stopped with no child left and the
/// parent in the run loop). Standard input, output and error go through temporary files, so
/// neither side can block on a full pipe.
public enum ProcessRunner {
    public struct Output: Sendable, Equatable {
        public var stdout: String
        public var stderr: String
        /// The exit status, or the number of the signal that ended the child.
        public var status: Int32
        public var timedOut: Bool
    }

    /// - Parameters:
    ///   - environment: the child's environment (nil: this process's).
    ///   - timeout: seconds before the child is sent SIGTERM.
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

        let pid = try spawn(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
                            stdin: input.fileDescriptor, stdout: output.fileDescriptor, stderr: error.fileDescriptor)
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        let status = waitForExit(pid) {
            if !timedOut, Date() > deadline { timedOut = true; kill(pid, SIGTERM) }
        }
        let out = (try? Data(contentsOf: outURL)) ?? Data()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        return Output(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      status: status, timedOut: timedOut)
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        var executable: String, errno: Int32
        var description: String { "cannot run \(executable): \(String(cString: strerror(errno)))" }
    }

    /// posix_spawn with the given descriptors as the child's 0, 1 and 2.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                      stdin: Int32, stdout: Int32, stderr: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw SpawnFailed(executable: executable, errno: rc) }
        return pid
    }

    /// Polls waitpid every 2 ms, calling `tick` in between, until the child is gone; returns its
    /// exit status or the signal that ended it.
    static func waitForExit(_ pid: pid_t, tick: () -> Void) -> Int32 {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return -1 }
            tick()
            usleep(2000)
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG (macros Swift does not import).
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }
}

private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
