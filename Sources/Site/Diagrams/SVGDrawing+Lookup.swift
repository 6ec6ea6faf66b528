import Mustache

// Hand-written template lookups for the pictures (`diagram.mustache`). With a Mirror per
// `{{name}}`, drawing the steppers' SVG took over a third of a 200-chapter build: a
// picture has hundreds of rects, texts and paths, and a stepper a picture per statement.

extension SVGDrawing: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "width": return width
        case "height": return height
        case "title": return title
        case "desc": return desc
        case "cssClass": return cssClass
        case "groups": return groups
        case "paths": return paths
        default: return nil
        }
    }
}

extension SVGDrawing.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "cssClass": return cssClass
        case "tooltip": return tooltip
        case "rects": return rects
        case "texts": return texts
        case "circles": return circles
        case "paths": return paths
        default: return nil
        }
    }
}

extension SVGDrawing.Rect: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x": return x
        case "y": return y
        case "width": return width
        case "height": return height
        case "rx": return rx
        case "cssClass": return cssClass
        default: return nil
        }
    }
}

extension SVGDrawing.Text: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x": return x
        case "y": return y
        case "text": return text
        case "cssClass": return cssClass
        case "anchor": return anchor
        default: return nil
        }
    }
}

extension SVGDrawing.Circle: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "cx": return cx
        case "cy": return cy
        case "r": return r
        case "cssClass": return cssClass
        default: return nil
        }
    }
}

extension SVGDrawing.Path: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "d": return d
        case "cssClass": return cssClass
        case "arrow": return arrow
        default: return nil
        }
    }
}
