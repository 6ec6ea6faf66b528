import Foundation

/// Stage 1: files → `Chapter`s.
///
/// A directory stands for its chapter files, `NN-slug.md`, in file-name order. A file named
/// explicitly is loaded whatever its name. Problems (missing paths, a directory without
/// chapters, unreadable files) are returned as diagnostics, never printed or thrown
/// half-way: `test`, `build` and `serve` all load through here, so all of them treat such
/// input as unusable (exit 2) instead of reporting "0 passed".
public struct ChapterLoader: Sendable {
    public init() {}

    public struct Output: Sendable {
        public var chapters: [Chapter]
        public var diagnostics: [Diagnostic]
    }

    /// Loads every chapter named by `paths`.
    public func load(_ paths: [String]) -> Output {
        var output = Output(chapters: [], diagnostics: [])
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                output.diagnostics.append(Diagnostic(SourceLocation(path: path, line: 0),
                                                     "no such file or directory"))
                continue
            }
            // What an interrupted `--bless` left here is finished or undone before reading.
            AtomicFile.recover(in: isDirectory.boolValue ? path : AtomicFile.parent(of: path))
            let files = isDirectory.boolValue ? chapterFiles(in: path) : [path]
            if files.isEmpty {
                output.diagnostics.append(Diagnostic(SourceLocation(path: path, line: 0),
                                                     "no chapters (index.md or NN-*.md files) found"))
            }
            for file in files where seen.insert(file).inserted {
                do { output.chapters.append(try loadChapter(file)) } catch let error as Diagnostic {
                    output.diagnostics.append(error)
                } catch {
                    output.diagnostics.append(Diagnostic(SourceLocation(path: file, line: 0),
                                                         "\(error.localizedDescription)"))
                }
            }
        }
        return output
    }

    /// Reads and parses one Markdown file.
    /// - Throws: `Diagnostic` when the file cannot be read.
    public func loadChapter(_ path: String) throws -> Chapter {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(SourceLocation(path: path, line: 0), "cannot read file")
        }
        return chapter(path: path, url: url, bytes: Array(data))
    }

    /// Parses Markdown that is already in memory.
    public func chapter(path: String, url: URL? = nil, bytes: [UInt8]) -> Chapter {
        // Line endings are made LF here, once, for every later stage (see SourceText).
        let source = SourceText(bytes: bytes)
        let document = CommonMarkConverter.parse(source.text)
        return Chapter(path: path, url: url ?? URL(fileURLWithPath: path), source: source,
                       document: document)
    }

    /// The book files of a directory: the introduction `index.md` if there is one, then
    /// the chapters (names starting with a digit and ending in `.md`) sorted by name.
    public func chapterFiles(in directory: String) -> [String] {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let chapters = names.filter { $0.hasSuffix(".md") && ($0.first?.isNumber ?? false) }.sorted()
        let files = (names.contains("index.md") ? ["index.md"] : []) + chapters
        return files.map { base == "." ? $0 : base + "/" + $0 }
    }
}
