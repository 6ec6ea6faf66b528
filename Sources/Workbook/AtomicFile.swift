import Foundation

/// Writes a file so that readers see either the old or the new contents, never a mix:
/// the bytes go to a temporary file in the same directory, then `rename(2)` replaces the
/// original (same file system, so the rename is atomic).
public enum AtomicFile {
    /// - Throws: when the temporary file cannot be written or renamed.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).heapbook-\(getpid()).tmp")
        try Data(bytes).write(to: temporary)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
           let permissions = attributes[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSLocalizedDescriptionKey: "rename failed: \(String(cString: strerror(code)))"])
        }
    }
}
