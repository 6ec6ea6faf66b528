/// Text for HTML written in Swift rather than through a template (pictures, code lines):
/// escaped exactly as the templates escape (`<`, `>`, `&`, `"`, `'`), so that output is the
/// same byte for byte whichever way it was written.
enum HTMLEscape {
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
