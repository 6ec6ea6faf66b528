/// The values `page.mustache` renders. Swift builds these; all markup is in the templates.
struct PageContext {
    var pageTitle: String
    var bookTitle: String
    var bodyClass: String
    var isIndex: Bool
    /// Trusted HTML: cmark's safe output with heapbook's own escaped heap blocks.
    var body: String
    var chapters: [ChapterLink]
    var navigation: Navigation?
    var toc: TableOfContents?
    /// The page's sections (`##`, `###`), beside the text on wide screens.
    var outline: [OutlineEntry] = []
    /// `print.html`: the whole book on one page.
    var isPrint = false
}

/// One line of a page outline.
struct OutlineEntry: Equatable {
    var title: String
    /// `#section-id`.
    var href: String
    var level: Int
}

struct ChapterLink {
    var number: String
    var title: String
    var href: String
    var current: Bool
}

struct Link {
    var title: String
    var href: String
}

/// Previous/next links of a chapter page (`navigation.mustache`), like mdBook's
/// `helpers/navigation.rs`: the index comes before the first chapter.
struct Navigation {
    var previous: Link?
    var next: Link?

    static func forChapter(at index: Int, of links: [ChapterLink], indexTitle: String) -> Navigation {
        let previous = index == 0
            ? Link(title: indexTitle, href: "index.html")
            : Link(title: links[index - 1].title, href: links[index - 1].href)
        let next = index + 1 < links.count ? Link(title: links[index + 1].title, href: links[index + 1].href) : nil
        return Navigation(previous: previous, next: next)
    }
}

/// The index page's table of contents: chapters and their `##` sections.
struct TableOfContents {
    struct Entry {
        var number: String
        var title: String
        var href: String
        var hasSections: Bool
        var sections: [Link]
    }
    var entries: [Entry]
}
