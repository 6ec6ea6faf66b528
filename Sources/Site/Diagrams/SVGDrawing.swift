/// A picture as SVG primitives with integer coordinates, written by `render()`.
///
/// The diagram renderers (`HeapDiagram`, `GCDiagram`, `ArenaMap`) compute geometry;
/// `render()` writes the markup and escapes every text. It is plain Swift rather than a
/// template: a stepper draws a picture per statement, each of hundreds of elements, and
/// through the template engine (a dynamic lookup per `{{name}}`) the pictures were half of
/// a 200-chapter build. Integer coordinates keep the output byte-for-byte reproducible. Colours are never written here: elements carry classes that
/// `book.css` maps to custom properties, so one picture works in light, dark and print.
struct SVGDrawing {
    /// Unique on the page: prefixes the ids of the title, description and arrow markers.
    var id: String
    var width: Int
    var height: Int
    /// Short accessible name (`<title>`) and the long text alternative (`<desc>`).
    var title: String
    var desc: String
    var cssClass: String
    var groups: [Group] = []
    /// Drawn after the groups, so arrows stay visible over boxes.
    var paths: [Path] = []

    struct Group {
        var cssClass: String
        /// A tooltip (`<title>` of the group).
        var tooltip: String?
        var rects: [Rect] = []
        var texts: [Text] = []
        var circles: [Circle] = []
        var paths: [Path] = []
    }
    struct Rect { var x: Int, y: Int, width: Int, height: Int, rx: Int? = nil, cssClass: String }
    struct Text {
        var x: Int, y: Int, text: String, cssClass: String
        /// `end` for right-aligned text, `middle` for centred.
        var anchor: String? = nil
    }
    struct Circle { var cx: Int, cy: Int, r: Int, cssClass: String }
    struct Path {
        var d: String
        var cssClass: String
        /// Draw an arrowhead at the end.
        var arrow: Bool = true
    }

    func render(with theme: Theme) throws -> String { render() }

    /// The `<svg>` element, then a newline.
    func render() -> String {
        var out = ""
        out.reserveCapacity(256 + 160 * groups.count + 96 * paths.count)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(Self.escape(cssClass))\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(Self.escape(id))-title \(Self.escape(id))-desc\">\n"
        out += "<title id=\"\(Self.escape(id))-title\">\(Self.escape(title))</title>\n"
        out += "<desc id=\"\(Self.escape(id))-desc\">\(Self.escape(desc))</desc>\n"
        out += "<defs><marker id=\"\(Self.escape(id))-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"dg-arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n"
        for group in groups {
            out += "<g class=\"\(Self.escape(group.cssClass))\">"
            if let tooltip = group.tooltip, !tooltip.isEmpty { out += "<title>\(Self.escape(tooltip))</title>" }
            for r in group.rects {
                out += "<rect x=\"\(r.x)\" y=\"\(r.y)\" width=\"\(r.width)\" height=\"\(r.height)\""
                if let rx = r.rx, rx != 0 { out += " rx=\"\(rx)\"" }
                out += " class=\"\(Self.escape(r.cssClass))\"/>"
            }
            for c in group.circles {
                out += "<circle cx=\"\(c.cx)\" cy=\"\(c.cy)\" r=\"\(c.r)\" class=\"\(Self.escape(c.cssClass))\"/>"
            }
            for p in group.paths { out += "<path d=\"\(Self.escape(p.d))\" class=\"\(Self.escape(p.cssClass))\"/>" }
            for t in group.texts {
                out += "<text x=\"\(t.x)\" y=\"\(t.y)\""
                if let anchor = t.anchor, !anchor.isEmpty { out += " text-anchor=\"\(Self.escape(anchor))\"" }
                out += " class=\"\(Self.escape(t.cssClass))\">\(Self.escape(t.text))</text>"
            }
            out += "</g>\n"
        }
        for p in paths {
            out += "<path d=\"\(Self.escape(p.d))\" class=\"\(Self.escape(p.cssClass))\""
            if p.arrow { out += " marker-end=\"url(#\(Self.escape(id))-arrow)\"" }
            out += "/>\n"
        }
        out += "</svg>\n"
        return out
    }

    static func escape(_ s: String) -> String { HTMLEscape.escape(s) }
}

extension String {
    /// Text for an SVG `<desc>`: one sentence per item.
    static func sentences(_ items: [String]) -> String { items.joined(separator: " ") }
}

/// Approximate advance widths (px) for laying out text without a font engine.
enum TextMetrics {
    /// Monospace at 12px.
    static func mono(_ s: String, size: Int = 12) -> Int { s.count * size * 6 / 10 + 1 }
    /// Sans-serif bold at 12px (generous, so text never overflows its box).
    static func sans(_ s: String, size: Int = 12) -> Int { s.count * size * 62 / 100 + 1 }
}
