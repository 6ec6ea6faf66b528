import ArgumentParser
import Foundation
import HeapScript
import Workbook

/// `heapbook repl`: the simulated CPython REPL (stdout and stderr, prompts included, equal
/// `pythonX.Y -q -i < input`'s).
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Python statements read from standard input in the simulated CPython REPL.")

    @OptionGroup var options: BookOptions

    func validate() throws { try options.requireOneVersion("repl") }

    func run() throws {
        let text = try readStandardInput()
        let session = Session(profile: options.profile, limits: .commandLine,
                              hashSeed: hashSeedFromEnvironment())
        session.provisionalStartupRefcounts = options.provisionalStartupRefcounts
        let repl = HeapScript.Repl(session: session)
        let ok = repl.run(text, prompts: true, stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
                          stderr: { FileHandle.standardError.write(Data($0.utf8)) })
        if !ok { throw ExitCode(2) }
    }
}

/// The most `heapbook repl` reads from standard input: more is refused (exit 2) rather than
/// read until memory runs out (`heapbook repl < /dev/zero`).
let maxInputBytes = 64 << 20

/// Reads standard input in pieces, up to `maxInputBytes`.
func readStandardInput() throws -> String {
    var data = Data()
    while let piece = try FileHandle.standardInput.read(upToCount: 1 << 20), !piece.isEmpty {
        data.append(piece)
        if data.count > maxInputBytes {
            FileHandle.standardError.write(Data(
                "<stdin>: error: input longer than \(maxInputBytes >> 20) MiB (heapbook repl reads at most that)\n".utf8))
            throw ExitCode(2)
        }
    }
    return String(decoding: data, as: UTF8.self)
}

extension Limits {
    /// The bounds of `heapbook repl` and `heapbook run` (README, "The CLI"): the library's
    /// step and time defaults (`HEAPBOOK_TIME_LIMIT`), the time counted as the process's CPU
    /// time, and 4 GiB of resident memory read from /proc/self/statm.
    static var commandLine: Limits {
        Limits(residentBytes: 4 << 30, residentBytesProbe: residentSetSize,
               cpuSecondsProbe: processCPUSeconds).applyingEnvironment()
    }
}

/// The CPU time the process has used, in seconds (CLOCK_PROCESS_CPUTIME_ID).
@Sendable func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The process's resident set size in bytes (/proc/self/statm's second field, in pages);
/// nil where /proc is not there.
@Sendable func residentSetSize() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
