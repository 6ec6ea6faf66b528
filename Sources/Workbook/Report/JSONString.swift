/// JSON string literals, written by hand so that the bytes are stable (the oracle cache and
/// the site's search index are committed and compared byte for byte).
public enum JSONString {
    /// `text` as a JSON string literal. Control characters, DEL and U+2028/U+2029 are
    /// escaped; with `escapingMarkup`, so are `<`, `>` and `&`, which makes the literal safe
    /// inside an HTML `<script>` as well.
    public static func quote(_ text: String, escapingMarkup: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where escapingMarkup, ">" where escapingMarkup, "&" where escapingMarkup:
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    out += unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
