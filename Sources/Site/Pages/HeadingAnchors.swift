import Workbook

/// Heading ids, GitHub style: lower-cased text, letters and digits kept, spaces and
/// hyphens become `-`, everything else dropped; a repeated id gets `-1`, `-2`, ….
/// Ids the page chrome uses (`content`, `toc-title`, …) are never handed out.
public enum HeadingAnchors {
    public static let reserved: Set<String> = ["content", "sidebar-toggle", "toc-title", "search", "search-input", "search-results", "search-status",
                                                  "page-outline", "outline-title"]

    /// One unique id per heading, in order.
    public static func ids(for headings: [Heading], reserved: Set<String> = reserved) -> [String] {
        var used = reserved
        return headings.map { heading in
            let base = slug(heading.text)
            var id = base
            var n = 0
            while used.contains(id) { n += 1; id = "\(base)-\(n)" }
            used.insert(id)
            return id
        }
    }

    public static func slug(_ text: String) -> String {
        var slug = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" { slug.append(ch) }
            else if ch == " " || ch == "-" { if !slug.hasSuffix("-") { slug.append("-") } }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        while slug.hasPrefix("-") { slug.removeFirst() }
        return slug.isEmpty ? "section" : slug
    }
}
