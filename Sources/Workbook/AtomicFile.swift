import Foundation

/// Writes files so that readers see either the old or the new contents, never a mix.
///
/// One file: the bytes go to a temporary file beside it (`.NAME.heapbook-PID.tmp`), then
/// `rename(2)` replaces it (same directory, so the rename is atomic). Several files
/// (`writeAll`, one bless run): every temporary file is written first, then a journal
/// listing temporary → target, then all the renames, then the journal goes. A run killed
/// before the journal lands left only temporary files: the next run removes them (rolled
/// back). A run killed after it left the journal: the next run finishes its renames
/// (rolled forward). `recover(in:)` is that next run's step; `ChapterLoader` takes it
/// before reading a directory.
///
/// A target that is a symbolic link is written through: the link's final target is
/// replaced, the temporary file lives beside it, and the link stays a link. The replaced
/// file's permission bits are kept, and its owner and group where this process may set them.
public enum AtomicFile {
    /// The journal of a multi-file write, in the directory given to `writeAll`.
    public static let journalName = ".heapbook-bless-journal"
    static let journalHeader = "heapbook-journal 1"

    /// `HEAPBOOK_ATOMIC_STEP_DELAY_MS`: milliseconds to pause after each step of
    /// `writeAll` (each temporary file, the journal, each rename), so that
    /// `scripts/reliability/kill-bless.sh` can land its kills inside the write, which
    /// otherwise takes a millisecond or two. Unset (the default): no pause.
    static let stepDelay: UInt32 = getenv("HEAPBOOK_ATOMIC_STEP_DELAY_MS").flatMap { UInt32(String(cString: $0)) } ?? 0

    static func pauseForTesting() { if stepDelay > 0 { usleep(stepDelay * 1000) } }

    /// Why a write failed.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Writes one file atomically.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let target = resolve(url.path)
        let temporary = try writeTemporary(bytes, for: target)
        try move(temporary, to: target)
        syncDirectory(of: target)
    }

    /// Writes every file, so that all of them land or none does.
    /// - Parameter directory: where the journal lives while the renames run (the chapters'
    ///   directory, which the next run reads and so recovers).
    public static func writeAll(_ files: [(url: URL, bytes: [UInt8])], journalIn directory: URL) throws {
        guard files.count > 1 else {
            if let file = files.first { try write(file.bytes, to: file.url) }
            return
        }
        var moves: [(temporary: String, target: String)] = []
        do {
            for file in files {
                let target = resolve(file.url.path)
                guard !target.contains("\n"), !target.contains("\t") else {
                    throw Failure(description: "\(target): a file name with a tab or newline cannot be journalled")
                }
                moves.append((try writeTemporary(file.bytes, for: target), target))
                pauseForTesting()
            }
        } catch {
            for move in moves { unlink(move.temporary) }
            throw error
        }
        let journal = directory.appendingPathComponent(journalName).path
        var text = journalHeader + "\npid \(getpid())\n"
        for move in moves { text += move.temporary + "\t" + move.target + "\n" }
        do {
            try move(try writeTemporary(Array(text.utf8), for: journal, mode: 0o644), to: journal)
        } catch {
            for move in moves { unlink(move.temporary) }
            throw error
        }
        syncDirectory(of: journal)
        pauseForTesting()
        // From here on the run is committed: whatever stops these renames, the next run
        // finishes them from the journal.
        for move in moves {
            try self.move(move.temporary, to: move.target)
            pauseForTesting()
        }
        for directory in Set(moves.map { parent(of: $0.target) }) { syncDirectory(path: directory) }
        unlink(journal)
    }

    // MARK: - Recovery

    /// What an interrupted run left in `directory`: a journal is rolled forward (its
    /// remaining renames done) unless the run that wrote it is still alive; temporary files
    /// of processes no longer alive are removed, here and beside the targets of the
    /// symbolic links here.
    /// - Returns: one line per thing done, for the curious (callers may ignore it).
    @discardableResult
    public static func recover(in directory: String) -> [String] {
        var done: [String] = []
        let journal = (directory as NSString).appendingPathComponent(journalName)
        if let data = FileManager.default.contents(atPath: journal) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            let pid = lines.count > 1 && lines[1].hasPrefix("pid ") ? Int32(lines[1].dropFirst(4)) : nil
            if lines.first == journalHeader, let pid, pid == getpid() || !isAlive(pid) {
                for line in lines.dropFirst(2) {
                    let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                    guard parts.count == 2, access(parts[0], F_OK) == 0 else { continue }
                    if rename(parts[0], parts[1]) == 0 { done.append("rolled forward \(parts[1])") }
                }
                for target in Set(lines.dropFirst(2).compactMap { $0.split(separator: "\t").last.map(String.init) }) {
                    syncDirectory(path: parent(of: target))
                }
                unlink(journal)
            }
        }
        var directories: Set<String> = [directory]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { directories.insert(parent(of: resolve(path))) }
        }
        for dir in directories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                guard let pid = temporaryOwner(name), !isAlive(pid) else { continue }
                let path = (dir as NSString).appendingPathComponent(name)
                if unlink(path) == 0 { done.append("removed \(path)") }
            }
        }
        return done
    }

    /// The PID in a temporary file's name `.NAME.heapbook-PID.tmp`, or nil for other names.
    static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".heapbook-", options: .backwards)
        else { return nil }
        let digits = name[marker.upperBound...].dropLast(4)
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return Int32(digits)
    }

    /// Whether process `pid` exists (EPERM: it exists, owned by someone else).
    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    // MARK: - Steps

    /// `path` with a final symbolic link followed (a chain of them, up to 40 as the kernel
    /// does); a dangling link gives where it points.
    static func resolve(_ path: String) -> String {
        var path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = destination.hasPrefix("/") ? destination : parent(of: path) + "/" + destination
        }
        return path
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes `bytes` to `.NAME.heapbook-PID.tmp` beside `target` and flushes it to disk,
    /// with the target's permission bits and (where allowed) owner; `mode` when there is
    /// no target yet (nil: 0666 less the umask, as a new file gets).
    static func writeTemporary(_ bytes: [UInt8], for target: String, mode: mode_t? = nil) throws -> String {
        let name = String(target[target.index(after: target.lastIndex(of: "/") ?? target.startIndex)...])
        let temporary = parent(of: target) + "/." + name + ".heapbook-\(getpid()).tmp"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        var ok = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        var existing = stat()
        if stat(target, &existing) == 0 {
            ok = ok && fchmod(fd, existing.st_mode & 0o7777) == 0
            _ = fchown(fd, existing.st_uid, existing.st_gid)   // not permitted for most users: the owner stays ours
        } else if let mode {
            ok = ok && fchmod(fd, mode) == 0
        }
        ok = ok && fsync(fd) == 0
        let error = failure("cannot write \(temporary)")
        close(fd)
        guard ok else { unlink(temporary); throw error }
        return temporary
    }

    static func move(_ temporary: String, to target: String) throws {
        guard rename(temporary, target) == 0 else {
            let error = failure("cannot rename \(temporary) to \(target)")
            unlink(temporary)
            throw error
        }
    }

    static func syncDirectory(of path: String) { syncDirectory(path: parent(of: path)) }

    /// Flushes a directory's entries, so that renames in it survive a power loss.
    static func syncDirectory(path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }
}
