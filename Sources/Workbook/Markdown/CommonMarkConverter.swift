import Ccmark

/// The one file that talks to libcmark.
///
/// Like swift-markdown's `CommonMarkConverter`: it walks `cmark_iter`, copies what it needs
/// into Swift values (`MarkdownDocument`), and frees every cmark allocation before it
/// returns, on every path. HTML is rendered with `CMARK_OPT_DEFAULT`, so cmark's safe
/// mode stays on: raw HTML and `javascript:` links are dropped. Blocks the workbook
/// renders itself (heap blocks) are swapped for custom blocks whose HTML the caller
/// produced and escaped; headings get `id`s the same way.
public enum CommonMarkConverter {
    /// Parses `source` and returns its code blocks and headings with their lines.
    public static func parse(_ source: String) -> MarkdownDocument {
        withDocument(source) { root in
            var document = MarkdownDocument()
            var ordinals: [OpaquePointer: Int] = [:]
            walk(root) { node in
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_CODE_BLOCK {
                    var previous: Int?
                    if let sibling = cmark_node_previous(node) { previous = ordinals[sibling] }
                    let ordinal = document.codeBlocks.count
                    ordinals[node] = ordinal
                    document.codeBlocks.append(CodeBlock(
                        ordinal: ordinal,
                        info: string(cmark_node_get_fence_info(node)),
                        literal: string(cmark_node_get_literal(node)),
                        startLine: Int(cmark_node_get_start_line(node)),
                        startColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node)),
                        previousCodeBlock: previous))
                } else if type == CMARK_NODE_HEADING {
                    document.headings.append(Heading(
                        level: Int(cmark_node_get_heading_level(node)),
                        text: plainText(node),
                        line: Int(cmark_node_get_start_line(node))))
                }
            }
            return document
        }
    }

    /// Renders `source` to HTML.
    /// - Parameters:
    ///   - codeBlockHTML: replacement HTML by code-block ordinal; "" removes the block.
    ///     The caller is responsible for escaping it.
    ///   - headingIDs: the `id` of each heading, in document order (missing: no id).
    /// - Returns: cmark's HTML with those substitutions.
    public static func renderHTML(_ source: String, codeBlockHTML: [Int: String] = [:],
                                  headingIDs: [String] = []) -> String {
        withDocument(source) { root in
            var codeBlocks: [OpaquePointer] = []
            var headings: [OpaquePointer] = []
            var tables: [(OpaquePointer, PipeTable)] = []
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            walk(root) { node in
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_CODE_BLOCK { codeBlocks.append(node) }
                if type == CMARK_NODE_HEADING { headings.append(node) }
                // Pipe tables: top-level paragraphs only, whose source lines carry no
                // container markers (quotes, list indentation).
                if type == CMARK_NODE_PARAGRAPH, cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                    let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
                    if first >= 1, last <= lines.count, let table = PipeTable(lines: Array(lines[(first - 1)..<last])) {
                        tables.append((node, table))
                    }
                }
            }
            for (node, table) in tables { replace(node, withHTML: table.html(inline: renderInline)) }
            // The tree is edited only after the walk: cmark iterators must not see edits.
            for (ordinal, node) in codeBlocks.enumerated() {
                guard let html = codeBlockHTML[ordinal] else { continue }
                replace(node, withHTML: html)
            }
            for (index, node) in headings.enumerated() where index < headingIDs.count {
                let level = cmark_node_get_heading_level(node)
                var html = render(node)
                let open = "<h\(level)>"
                if html.hasPrefix(open) {
                    html = "<h\(level) id=\"\(headingIDs[index])\">" + html.dropFirst(open.count)
                }
                if html.hasSuffix("\n") { html.removeLast() }
                replace(node, withHTML: html)
            }
            return render(root)
        }
    }

    /// One table cell's inline Markdown as HTML (cmark's paragraph without its `<p>`).
    private static func renderInline(_ markdown: String) -> String {
        var html = withDocument(markdown) { render($0) }
        if html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    // MARK: - cmark plumbing

    private static func withDocument<T>(_ source: String, _ body: (OpaquePointer) -> T) -> T {
        var source = source
        let root = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)!
            }
        }
        defer { cmark_node_free(root) }
        return body(root)
    }

    /// Calls `visit` on entering every node, in document order.
    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    private static func replace(_ node: OpaquePointer, withHTML html: String) {
        let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(custom, html)
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child in
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += string(cmark_node_get_literal(child))
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
