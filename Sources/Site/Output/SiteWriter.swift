import Foundation
import Workbook

/// Puts a built site in place all at once, and only where a site may go.
///
/// The output directory is replaced whole, so it must be a directory heapbook built itself:
/// every site carries the marker file `.heapbook-site` (`markerName`, fixed content
/// `marker`). `prepare` refuses any other target before anything is written (see
/// `OutputRefusal`): an empty path, an existing file, symbolic link or directory without the
/// marker, and any path that is or contains the current directory or the chapters (so also
/// the project that holds them, and every ancestor). A target that does not exist is fine;
/// its missing parent directories are created, like `mkdir -p`.
///
/// The files are written into `.NAME.building-PID` next to the output (same file system),
/// then swapped in. On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at every instant
/// the output is the old tree or the new one, never missing or partial; the old tree, now
/// under the staging name, is deleted afterwards. Where the exchange is not available
/// (macOS, file systems without it) the old tree is renamed to `.NAME.previous-PID`, the new
/// one renamed in, the previous deleted: a kill between the two renames leaves no output,
/// and the next run restores the previous tree. Leftovers of runs whose process is gone
/// (`.NAME.building-PID`, `.NAME.previous-PID`) are removed by the next run.
public enum SiteWriter {
    /// The marker file every site carries; its presence with exactly `marker` as content is
    /// what makes a directory replaceable.
    public static let markerName = ".heapbook-site"
    public static let marker = "This directory is a site built by `heapbook build`; the next build replaces all of it.\n"

    /// A checked output directory: its absolute path with `.`, `..` and symbolic links of
    /// its parents resolved, so every later operation names the directory that was checked.
    public struct Target: Sendable, Equatable {
        /// The path as the user gave it (for messages).
        public var given: String
        /// The resolved absolute path.
        public var path: String
        var parent: String { (path as NSString).deletingLastPathComponent }
        var name: String { (path as NSString).lastPathComponent }
    }

    /// Checks that `output` may be replaced by a site of the chapters at `chapters`, then
    /// tidies what interrupted runs left beside it (restores a previous tree if the output
    /// is missing, removes dead runs' staging and previous trees).
    /// - Parameter currentDirectory: what relative paths are relative to.
    /// - Throws: `OutputRefusal` (nothing was touched), or an error of the tidying.
    public static func prepare(_ output: String, chapters: String,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> Target {
        let target = try check(output, chapters: chapters, currentDirectory: currentDirectory)
        try recover(target)
        return target
    }

    /// The refusals of `prepare`, without touching anything.
    static func check(_ output: String, chapters: String, currentDirectory: String) throws(OutputRefusal) -> Target {
        func refuse(_ reason: String) -> OutputRefusal { OutputRefusal(output: output, reason: reason) }
        guard !output.isEmpty else { throw refuse("the path is empty") }
        let path = resolve(output, in: currentDirectory)
        let cwd = resolve(".", in: currentDirectory)
        let book = resolve(chapters.isEmpty ? "." : chapters, in: currentDirectory)
        if path == cwd { throw refuse("it is the current directory") }
        if contains(path, cwd) { throw refuse("it contains the current directory") }
        if path == book { throw refuse("it is the chapters directory") }
        if contains(path, book) { throw refuse("it contains the chapters ('\(chapters)')") }
        let target = Target(given: output, path: path)
        try checkReplaceable(target)
        return target
    }

    /// Refuses a target that exists and is not a heapbook site. Checked again right before
    /// the swap, in case something else appeared there while the book was verified.
    static func checkReplaceable(_ target: Target) throws(OutputRefusal) {
        var info = stat()
        guard lstat(target.path, &info) == 0 else { return }  // absent: nothing to lose
        let reason: String? = switch info.st_mode & S_IFMT {
        case S_IFLNK: "it is a symbolic link; name the directory itself"
        case S_IFDIR: isSite(target.path) ? nil
            : "it is a directory heapbook did not build (it has no \(markerName)); remove it or choose another output directory"
        case S_IFREG: "it is a file, not a heapbook site"
        default: "it is not a directory"
        }
        if let reason { throw OutputRefusal(output: target.given, reason: reason) }
    }

    /// Whether `directory` holds the marker, a regular file with exactly `marker` in it.
    static func isSite(_ directory: String) -> Bool {
        let file = directory + "/" + markerName
        var info = stat()
        guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let data = FileManager.default.contents(atPath: file) else { return false }
        return data == Data(marker.utf8)
    }

    /// Writes `files` (and the marker) and swaps them in as `target`.
    /// - Throws: when a file cannot be written or a rename fails (the old site stays), or
    ///   `OutputRefusal` when the target stopped being a site since `prepare`.
    public static func write(_ files: [SiteFile], to target: Target) throws {
        try write(files, to: target, exchange: true)
    }

    /// - Parameter exchange: false: the fallback swap even where the exchange works (tests).
    static func write(_ files: [SiteFile], to target: Target, exchange: Bool) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: target.parent, withIntermediateDirectories: true)
        let staging = leftoverPath(target, .building, pid: getpid())
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            let root = URL(fileURLWithPath: staging, isDirectory: true)
            for file in files + [SiteFile(path: markerName, bytes: Array(marker.utf8))] {
                let url = root.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            try checkReplaceable(target)
            try swap(staging, into: target, exchange: exchange)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        // After an exchange the old tree sits at the staging path.
        try? fm.removeItem(atPath: staging)
    }

    // MARK: - Swapping

    /// Moves `staging` to `target.path`; the old tree, if any, ends at `staging` (exchange)
    /// or is deleted (fallback).
    static func swap(_ staging: String, into target: Target, exchange: Bool) throws {
        let exists = access(target.path, F_OK) == 0
        #if os(Linux)
        // RENAME_EXCHANGE and RENAME_NOREPLACE from <linux/fs.h>; EINVAL: the file system
        // cannot, ENOSYS: the kernel cannot (both fall back).
        if exchange, let renameat2 = Self.renameat2 {
            if renameat2(AT_FDCWD, staging, AT_FDCWD, target.path, exists ? 2 : 1) == 0 {
                // What was swapped out must be the site checked a moment ago; if something
                // else took its place in between, it goes back untouched.
                if exists, !isSite(staging) {
                    _ = renameat2(AT_FDCWD, staging, AT_FDCWD, target.path, 2)
                    try checkReplaceable(target)
                }
                return
            }
            guard errno == EINVAL || errno == ENOSYS else { throw renameError(staging, target.path) }
        }
        #endif
        guard exists else { return try rename(staging, to: target.path) }
        let previous = leftoverPath(target, .previous, pid: getpid())
        try rename(target.path, to: previous)
        if !isSite(previous) {  // as above
            try rename(previous, to: target.path)
            try checkReplaceable(target)
        }
        do { try rename(staging, to: target.path) } catch {
            try? rename(previous, to: target.path)
            throw error
        }
        try? FileManager.default.removeItem(atPath: previous)
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// glibc ≥ 2.28 has `renameat2`, but Swift's Glibc module does not export it (and
    /// `syscall` is variadic), so it is looked up by name; nil: use the fallback.
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif

    private static func rename(_ from: String, to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw renameError(from, to) }
    }

    private static func renameError(_ from: String, _ to: String) -> SiteError {
        SiteError("cannot rename \(from) to \(to): \(String(cString: strerror(errno)))")
    }

    // MARK: - Leftovers of interrupted runs

    enum LeftoverKind: String, CaseIterable { case building, previous }

    /// `.NAME.building-PID`, `.NAME.previous-PID` beside the output.
    static func leftoverPath(_ target: Target, _ kind: LeftoverKind, pid: pid_t) -> String {
        target.parent + "/.\(target.name).\(kind.rawValue)-\(pid)"
    }

    /// Restores a dead run's previous tree when the output is missing, then removes every
    /// other leftover of a dead run. Only names this writer makes are touched, and only
    /// when no process with that PID is alive.
    static func recover(_ target: Target) throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: target.parent) else { return }
        var dead: [(name: String, kind: LeftoverKind)] = []
        for name in names.sorted() {
            for kind in LeftoverKind.allCases {
                let prefix = ".\(target.name).\(kind.rawValue)-"
                guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count)), pid > 0,
                      !isAlive(pid) else { continue }
                dead.append((name, kind))
            }
        }
        if access(target.path, F_OK) != 0,
           let previous = dead.first(where: { $0.kind == .previous && isSite(target.parent + "/" + $0.name) }) {
            try rename(target.parent + "/" + previous.name, to: target.path)
            dead.removeAll { $0.name == previous.name }
        }
        for leftover in dead { try? fm.removeItem(atPath: target.parent + "/" + leftover.name) }
    }

    /// Whether a process `pid` exists (EPERM: it does, owned by someone else).
    static func isAlive(_ pid: pid_t) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    // MARK: - Paths

    /// `path` made absolute against `directory`, with `.` and `..` removed and symbolic
    /// links resolved in every component but the last (which is checked as it is); the
    /// part that does not exist yet is kept as written.
    static func resolve(_ path: String, in directory: String) -> String {
        var components = path.hasPrefix("/") ? [] : absolute(directory).split(separator: "/").map(String.init)
        let parts = path.split(separator: "/").map(String.init)
        for (i, part) in parts.enumerated() {
            switch part {
            case ".": continue
            case "..": _ = components.popLast()
            default:
                components.append(part)
                // Resolve through a link so that a later `..` goes where the kernel goes.
                let isLast = !parts[(i + 1)...].contains { $0 != "." }
                if !isLast, let real = realPath("/" + components.joined(separator: "/")) {
                    components = real.split(separator: "/").map(String.init)
                }
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The absolute, link-free form of the existing directory `directory`.
    private static func absolute(_ directory: String) -> String {
        realPath(directory) ?? (directory as NSString).standardizingPath
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `inner` lies strictly inside `outer` (both resolved).
    static func contains(_ outer: String, _ inner: String) -> Bool {
        inner != outer && inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }
}

/// Why an output directory was not written: nothing was touched.
public struct OutputRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the user gave it.
    public var output: String
    public var reason: String
    public var description: String { "cannot write the site to '\(output)': \(reason)" }
}
