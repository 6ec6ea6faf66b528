import Mustache

// Hand-written template lookups. Without them swift-mustache finds every `{{name}}` with a
// Mirror over the context, which took a third of a 200-chapter build.

extension HeapBlockContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "form": return form
        case "anchor": return anchor
        case "line": return line
        case "hasOptions": return hasOptions
        case "options": return options
        case "codeHTML": return CodeLine.html(lines)
        case "copyText": return copyText
        case "hasOutputPanel": return hasOutputPanel
        case "outputHTML": return CodeLine.outputHTML(outputLines)
        case "symbol": return symbol
        case "mark": return mark
        case "allSkipped": return allSkipped
        case "diagrams": return diagrams
        default: return nil
        }
    }
}

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": return pageTitle
        case "bookTitle": return bookTitle
        case "bodyClass": return bodyClass
        case "isIndex": return isIndex
        case "body": return body
        case "chapters": return chapters
        case "navigation": return navigation
        case "toc": return toc
        case "outline": return outline
        case "hasOutline": return !outline.isEmpty
        case "isPrint": return isPrint
        default: return nil
        }
    }
}

extension ChapterLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "title": return title
        case "href": return href
        case "current": return current
        default: return nil
        }
    }
}

extension Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        default: return nil
        }
    }
}

extension Navigation: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "previous": return previous
        case "next": return next
        default: return nil
        }
    }
}

extension TableOfContents: MustacheParent {
    func child(named name: String) -> Any? { name == "entries" ? entries : nil }
}

extension TableOfContents.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "title": return title
        case "href": return href
        case "hasSections": return hasSections
        case "sections": return sections
        default: return nil
        }
    }
}

extension OutlineEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "level": return level
        case "isSubsection": return level > 2
        default: return nil
        }
    }
}
