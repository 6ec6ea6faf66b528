/// String literal prefixes, bodies and escapes, after CPython 3.11's `Parser/string_parser.c`
/// (`_PyPegen_parse_string`, `decode_unicode_with_escapes`) and `Objects/bytesobject.c`
/// (`_PyBytes_DecodeEscape`).
enum StringLiteral {
    /// `r`, `u`, `b`, `f`, `br`, `rb`, `fr`, `rf` in any case (tokenizer.c's saw_b/saw_r/saw_u/saw_f).
    static func isPrefix(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var b = false, r = false, u = false, f = false
        for c in s {
            switch c {
            case "b", "B": if b || u || f { return false }; b = true
            case "r", "R": if r || u { return false }; r = true
            case "u", "U": if b || r || u || f { return false }; u = true
            case "f", "F": if f || b || u { return false }; f = true
            default: return false
            }
        }
        return true
    }

    /// A literal token taken apart.
    struct Parts {
        var isBytes = false
        var isRaw = false
        var isFormat = false
        /// The text between the quotes.
        var body: ArraySlice<Unicode.Scalar>
        /// Offset of the body's first scalar from the token's start.
        var bodyOffset: Int
    }

    static func split(_ text: [Unicode.Scalar]) -> Parts {
        var i = 0
        var parts = Parts(body: [], bodyOffset: 0)
        while i < text.count && text[i] != "'" && text[i] != "\"" {
            switch text[i] {
            case "b", "B": parts.isBytes = true
            case "r", "R": parts.isRaw = true
            case "f", "F": parts.isFormat = true
            default: break
            }
            i += 1
        }
        let q = text[i]
        let quoteLen = (i + 2 < text.count && text[i + 1] == q && text[i + 2] == q && text.count - i >= 6) ? 3 : 1
        parts.bodyOffset = i + quoteLen
        parts.body = text[(i + quoteLen)..<(text.count - quoteLen)]
        return parts
    }

    enum DecodeError: Error {
        /// A SyntaxError message.
        case syntax(String)
        case unsupported(String)
    }

    /// Decodes escapes into scalars (str) or byte values (bytes; each scalar < 256).
    static func decode(_ body: ArraySlice<Unicode.Scalar>, raw: Bool, bytes: Bool) throws(DecodeError) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        let end = body.endIndex
        func hexValue(_ c: Unicode.Scalar) -> UInt32? {
            switch c {
            case "0"..."9": return c.value - 48
            case "a"..."f": return c.value - 87
            case "A"..."F": return c.value - 55
            default: return nil
            }
        }
        while i < end {
            let c = body[i]
            if bytes && c.value >= 128 { throw .syntax("bytes can only contain ASCII literal characters") }
            if c != "\\" || raw {
                // A raw literal keeps backslashes, but `\` + newline still joins nothing: it stays.
                if c == "\r" {
                    // Universal newlines: \r\n and \r read as \n.
                    out.append(10)
                    if i + 1 < end && body[i + 1] == "\n" { i += 1 }
                } else {
                    out.append(c.value)
                }
                i += 1
                continue
            }
            i += 1
            guard i < end else { out.append(92); break }
            let e = body[i]
            i += 1
            switch e {
            case "\n": break
            case "\r": if i < end && body[i] == "\n" { i += 1 }
            case "\\": out.append(92)
            case "'": out.append(39)
            case "\"": out.append(34)
            case "a": out.append(7)
            case "b": out.append(8)
            case "f": out.append(12)
            case "n": out.append(10)
            case "r": out.append(13)
            case "t": out.append(9)
            case "v": out.append(11)
            case "0"..."7":
                var v = e.value - 48
                var n = 1
                while n < 3 && i < end && body[i] >= "0" && body[i] <= "7" { v = v * 8 + body[i].value - 48; i += 1; n += 1 }
                if bytes { v &= 0xFF }
                out.append(v)
            case "x", "u", "U":
                if bytes && e != "x" { out.append(92); out.append(e.value); continue }
                let digits = e == "x" ? 2 : (e == "u" ? 4 : 8)
                var v: UInt32 = 0
                var n = 0
                while n < digits && i < end, let h = hexValue(body[i]) { v = v * 16 + h; i += 1; n += 1 }
                if n < digits {
                    if bytes { throw .syntax("(value error) invalid \\x escape at position \(out.count)") }
                    let name = e == "x" ? "truncated \\xXX escape" : (e == "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape")
                    throw .syntax("(unicode error) 'unicodeescape' codec can't decode bytes in position \(out.count)-\(out.count + n + 1): \(name)")
                }
                if !bytes {
                    if v > 0x10FFFF {
                        throw .syntax("(unicode error) 'unicodeescape' codec can't decode bytes in position \(out.count)-\(out.count + 9): illegal Unicode character")
                    }
                    if v >= 0xD800 && v <= 0xDFFF { throw .unsupported("lone surrogates in str literals") }
                }
                out.append(v)
            case "N":
                if bytes { out.append(92); out.append(e.value); continue }
                throw .unsupported("'\\N{...}' escapes")
            default:
                // Unknown escapes stay as written (a DeprecationWarning in 3.11).
                out.append(92)
                if bytes && e.value >= 128 { throw .syntax("bytes can only contain ASCII literal characters") }
                out.append(e.value)
            }
        }
        return out
    }

    static func string(_ values: [UInt32]) -> String {
        var s = String.UnicodeScalarView()
        for v in values { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }
}
