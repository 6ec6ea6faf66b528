import Foundation

/// One Markdown file of the book, parsed.
public struct Chapter: Sendable, Equatable {
    /// The path used in messages, e.g. `chapters/03-gc.md`.
    public var path: String
    /// Where the file lives.
    public var url: URL
    /// File name without `.md`: `03-gc`. Pages are named after it.
    public var slug: String
    public var source: SourceText
    public var document: MarkdownDocument
    /// The first level-1 heading, else the slug.
    public var title: String

    public init(path: String, url: URL, source: SourceText, document: MarkdownDocument) {
        self.path = path; self.url = url; self.source = source; self.document = document
        slug = url.deletingPathExtension().lastPathComponent
        title = document.headings.first(where: { $0.level == 1 })?.text ?? slug
    }

    /// The source as a string with LF line endings (what cmark parsed).
    public var text: String { source.text }
}
