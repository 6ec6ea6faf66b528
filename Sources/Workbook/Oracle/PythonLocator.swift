import Foundation

/// A real CPython found on this machine.
public struct PythonInterpreter: Sendable, Equatable {
    /// Executable path.
    public var path: String
    /// Full version, "3.11.7".
    public var version: String

    public init(path: String, version: String) { self.path = path; self.version = version }

    /// The environment the oracle runs it in: this process's, without `PYTHONSTARTUP`
    /// (a startup file would change the session) and with UTF-8 standard streams.
    public static func environment(_ base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var env = base
        env.removeValue(forKey: "PYTHONSTARTUP")
        env.removeValue(forKey: "PYTHONINSPECT")
        env["PYTHONIOENCODING"] = "utf-8"
        return env
    }

    /// Runs `input` as `python -q -i < input` (the REPL contract, docs/DESIGN.md §3).
    public func runREPL(_ input: String, timeout: Double = 120) throws -> ProcessRunner.Output {
        try ProcessRunner.run(path, ["-q", "-i"], stdin: input, environment: Self.environment(), timeout: timeout)
    }
}

/// No interpreter of the wanted version: "no CPython 3.11 found; looked in …".
public struct PythonNotFound: Error, CustomStringConvertible, Sendable {
    public var version: String
    public var lookedIn: [String]
    public var description: String {
        "no CPython \(version) found; looked in " + lookedIn.joined(separator: ", ")
    }
}

/// Finds the interpreter of a profile: `--python-exe`, else `pythonX.Y` on `PATH`, else
/// `$(pyenv root)/versions/X.Y.*/bin/python3` (the newest patch release first). Every
/// candidate is asked for its version; one that does not run or is another version is
/// passed over (a pyenv shim for an uninstalled version, say).
public struct PythonLocator: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func find(version: String, explicit: String? = nil) throws -> PythonInterpreter {
        if let explicit {
            guard let found = probe(explicit), Self.matches(found.version, version) else {
                throw PythonNotFound(version: version, lookedIn: ["--python-exe \(explicit)"])
            }
            return found
        }
        var looked: [String] = []
        let name = "python\(version)"
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        looked.append("PATH (\(name))")
        for dir in path where !dir.isEmpty {
            let candidate = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate), let found = probe(candidate),
               Self.matches(found.version, version) {
                return found
            }
        }
        let root = pyenvRoot(path: path)
        looked.append("\(root)/versions/\(version).*/bin/python3")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/versions")) ?? [])
            .filter { $0 == version || $0.hasPrefix(version + ".") }
            .sorted { Self.patch($0) > Self.patch($1) }
        for entry in versions {
            let candidate = "\(root)/versions/\(entry)/bin/python3"
            if FileManager.default.isExecutableFile(atPath: candidate), let found = probe(candidate),
               Self.matches(found.version, version) {
                return found
            }
        }
        throw PythonNotFound(version: version, lookedIn: looked)
    }

    /// `$PYENV_ROOT`, else what `pyenv root` prints, else `~/.pyenv`.
    func pyenvRoot(path: [String]) -> String {
        if let root = environment["PYENV_ROOT"], !root.isEmpty { return root }
        for dir in path where !dir.isEmpty && FileManager.default.isExecutableFile(atPath: dir + "/pyenv") {
            if let out = try? ProcessRunner.run(dir + "/pyenv", ["root"], stdin: "", environment: environment, timeout: 10),
               out.status == 0 {
                let root = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                if !root.isEmpty { return root }
            }
            break
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.pyenv"
    }

    /// The interpreter's version and real executable (`sys.executable`, so a pyenv shim —
    /// a shell script costing ~100 ms a run — is resolved once), or nil when it does not run.
    func probe(_ executable: String) -> PythonInterpreter? {
        guard let out = try? ProcessRunner.run(
            executable, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)"], stdin: "",
            environment: PythonInterpreter.environment(environment), timeout: 20),
            out.status == 0 else { return nil }
        let lines = out.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let version = lines.first, !version.isEmpty else { return nil }
        let real = lines.count > 1 && FileManager.default.isExecutableFile(atPath: lines[1]) ? lines[1] : executable
        return PythonInterpreter(path: real, version: version)
    }

    static func matches(_ full: String, _ version: String) -> Bool {
        full == version || full.hasPrefix(version + ".")
    }

    static func patch(_ name: String) -> Int {
        Int(name.split(separator: ".").dropFirst(2).first.map { String($0.prefix(while: \.isNumber)) } ?? "") ?? -1
    }
}
