/// A picture as SVG primitives with integer coordinates, rendered by `diagram.mustache`.
///
/// The diagram renderers (`HeapDiagram`, `GCDiagram`, `ArenaMap`) compute geometry; the
/// template writes the markup and escapes every text. Integer coordinates keep the output
/// byte-for-byte reproducible. Colours are never written here: elements carry classes that
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

    func render(with theme: Theme) throws -> String {
        try theme.render(self, template: "diagram")
    }
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
