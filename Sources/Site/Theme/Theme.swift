import Foundation
import Mustache

/// Templates and static assets the site is rendered with.
///
/// Like mdBook's `Theme`: the default ships inside the binary's resource bundle
/// (`Resources/Theme`: `templates/*.mustache`, `css/`, `js/`); a directory with the same
/// layout can replace it. Assets are copied verbatim, in path order.
public struct Theme: Sendable {
    public var library: MustacheLibrary
    /// Paths relative to the theme root (`css/book.css`) with their bytes, sorted by path.
    public var assets: [SiteFile]

    /// The theme bundled with heapbook.
    /// - Throws: `SiteError` when the bundle is missing or a template does not parse.
    public static func bundled() throws -> Theme {
        guard let url = Bundle.module.url(forResource: "Theme", withExtension: nil) else {
            throw SiteError("the bundled theme is missing from heapbook's resources")
        }
        return try Theme(directory: url)
    }

    /// Loads a theme directory.
    public init(directory: URL) throws {
        var library = MustacheLibrary()
        var assets: [SiteFile] = []
        let root = directory.standardizedFileURL.path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        for relative in files.sorted() {
            let full = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let data = FileManager.default.contents(atPath: full) else { continue }
            if relative.hasPrefix("templates/") {
                guard relative.hasSuffix(".mustache") else { continue }
                let name = String(relative.dropFirst("templates/".count).dropLast(".mustache".count))
                do {
                    try library.register(String(decoding: data, as: UTF8.self), named: name)
                } catch {
                    throw SiteError("template \(relative) does not parse\nCaused by: \(error)")
                }
            } else {
                assets.append(SiteFile(path: relative, bytes: Array(data)))
            }
        }
        self.library = library
        self.assets = assets
    }

    /// Renders template `name` with `context`.
    /// - Throws: `SiteError` when the template does not exist.
    public func render(_ context: Any, template name: String) throws -> String {
        guard let html = library.render(context, withTemplate: name) else {
            throw SiteError("the theme has no template '\(name)'")
        }
        return html
    }
}

/// A file of the built site: a path relative to the output directory and its bytes.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
}

/// A build problem that is not an example failure (theme, file system).
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
