import Foundation
import Workbook

/// Puts a built site in place all at once.
///
/// The files are written into a fresh directory next to the output (same file system),
/// then swapped in: 1. rename the old output away, 2. rename the new one in, 3. delete the
/// old one. A reader sees the old site or the new one; a failed build leaves the old site.
public enum SiteWriter {
    /// - Throws: when a file cannot be written or a rename fails.
    public static func write(_ files: [SiteFile], to output: URL) throws {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(name).building-\(getpid())")
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: old)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            let hadOutput = fm.fileExists(atPath: output.path)
            if hadOutput { try rename(output, to: old) }
            do { try rename(staging, to: output) } catch {
                if hadOutput { try? rename(old, to: output) }
                throw error
            }
            if hadOutput { try? fm.removeItem(at: old) }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    private static func rename(_ from: URL, to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw SiteError("cannot rename \(from.path) to \(to.path): \(String(cString: strerror(errno)))")
        }
    }
}
