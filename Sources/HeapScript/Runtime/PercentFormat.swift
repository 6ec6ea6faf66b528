import HeapEngine
import BigInt

/// `str % args` (Objects/unicodeobject.c, PyUnicode_Format): printf-style conversions
/// `%[(key)][flags][width][.precision][length]type` over a tuple, a single value or a mapping.
///
/// Texts measured on CPython 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0
/// (Corpus/containers/percent_format). The result follows the same writer as str.format
/// (StringFormat.swift): a single argument written whole and last is the result itself
/// (`'%s' % s is s`), a format without conversions is the format itself.
extension Interpreter {
    func percentFormat(_ formatObject: ObjectRef, _ format: String, _ args: ObjectRef) throws -> ObjectRef {
        let c = Array(format.unicodeScalars)
        // The arguments: a tuple's items, or the one object; a mapping (anything with
        // mp_subscript that is not a tuple or str) also serves `%(key)s`.
        var positional: [ObjectRef]
        var isTuple = false
        if case .tuple(let items) = heap.payload[Int(args)] { positional = items; isTuple = true } else { positional = [args] }
        var mapping: ObjectRef?
        switch heap.payload[Int(args)] {
        case .dict, .list, .bytes, .range: mapping = args
        case .native(let o) where o is MappingProxy: throw notModelled("'%' formatting with a mappingproxy")
        case .instance:
            if try lookupInType(heap.typeOf[Int(args)], "__getitem__") != nil { throw notModelled("'%' formatting with a mapping of \(typeName(args))") }
        default: break
        }
        // unicode_format_getnextarg: a tuple's items in turn; any other object once.
        var next = 0
        func nextArg() throws -> ObjectRef {
            guard next < positional.count else { throw error("TypeError", "not enough arguments for format string") }
            next += 1
            // Each conversion reads its argument's number or text (UnplacedIds.swift).
            try refuseUnplacedId(positional[next - 1], "'%' formatting of")
            return positional[next - 1]
        }
        if !c.contains("%") {
            // One literal piece, which the writer takes whole: the format itself.
            if (isTuple && !positional.isEmpty) || (!isTuple && mapping == nil) {
                throw error("TypeError", "not all arguments converted during string formatting")
            }
            heap.incref(formatObject)
            return formatObject
        }
        var out = ""
        var pieces = 0
        var sole: ObjectRef?
        defer { if let sole { heap.decref(sole) } }
        var i = 0
        while i < c.count {
            if c[i] != "%" {
                let start = i
                while i < c.count && c[i] != "%" { i += 1 }
                out.unicodeScalars.append(contentsOf: c[start..<i])
                pieces = 2
                continue
            }
            i += 1
            func peek() throws -> Unicode.Scalar {
                guard i < c.count else { throw error("ValueError", "incomplete format") }
                return c[i]
            }
            var value: ObjectRef?
            if try peek() == "(" {
                guard let m = mapping else { throw error("TypeError", "format requires a mapping") }
                var depth = 1, j = i + 1
                while j < c.count && depth > 0 { if c[j] == "(" { depth += 1 } else if c[j] == ")" { depth -= 1 }; j += 1 }
                guard depth == 0 else { throw error("ValueError", "incomplete format key") }
                var key = ""
                key.unicodeScalars.append(contentsOf: c[(i + 1)..<(j - 1)])
                i = j
                guard case .dict = heap.payload[Int(m)] else { throw notModelled("'%(key)' formatting with a \(typeName(m))") }
                let k = try newStr(key)
                defer { heap.decref(k) }
                guard let v = try dictGet(m, k) else { throw try raiseNew("KeyError", args: [try newStr(key)]) }
                try refuseUnplacedId(v, "'%' formatting of")
                value = v
                // After a key no argument is left by position (`'%(a)s %s' % {'a': 1}`:
                // "not enough arguments for format string" on 3.11.7).
                positional = []; next = 0; isTuple = false
            }
            var ljust = false, sign: Unicode.Scalar?, alternate = false, zero = false
            flags: while true {
                switch try peek() {
                case "-": ljust = true
                case "+": sign = "+"
                case " ": if sign == nil { sign = " " }
                case "#": alternate = true
                case "0": zero = true
                default: break flags
                }
                i += 1
            }
            var width = -1, precision = -1
            if try peek() == "*" {
                let w = try nextArg()
                guard case .int(let n) = heap.payload[Int(w)] else { throw notModelled("'%*' with a width that is not an int") }
                if n < 0 { ljust = true }
                width = abs(n); i += 1
            } else {
                while let d = try? peek(), d.properties.numericType == .decimal, d.isASCII {
                    width = max(width, 0) * 10 + Int(d.value - 48); i += 1
                    if width > 1 << 20 { throw notModelled("a '%' width this large") }
                }
            }
            if try peek() == "." {
                i += 1
                precision = 0
                if try peek() == "*" {
                    let p = try nextArg()
                    guard case .int(let n) = heap.payload[Int(p)], n >= 0 else { throw notModelled("'%.*' with a precision that is not a non-negative int") }
                    precision = n; i += 1
                } else {
                    while let d = try? peek(), d.properties.numericType == .decimal, d.isASCII {
                        precision = precision * 10 + Int(d.value - 48); i += 1
                        if precision > 1 << 20 { throw notModelled("a '%' precision this large") }
                    }
                }
            }
            while let l = try? peek(), l == "h" || l == "l" || l == "L" { i += 1 }
            let type = try peek()
            i += 1
            if type == "%" { out += "%"; pieces = 2; continue }
            let v = try value ?? nextArg()
            let last = i == c.count
            // unicode_format_arg_format: the text, whether it is a number (sign and zero
            // padding apply), and the object written whole if the writer may keep it.
            var text: String, numeric = true
            var whole: ObjectRef?
            switch type {
            case "s", "r":
                numeric = false
                let s = try type == "r" ? reprObject(v) : strObject(v)
                do { try refuseUnplacedId(s, "'%' formatting of") } catch { heap.decref(s); throw error }
                text = stringValue(s)
                if precision >= 0 && text.unicodeScalars.count > precision {
                    text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
                }
                whole = s
            case "a": throw notModelled("'%a' formatting")
            case "c":
                numeric = false
                switch heap.payload[Int(v)] {
                case .str(let sv) where sv.value.unicodeScalars.count == 1: text = sv.value
                case .int(let n):
                    guard n >= 0 && n <= 0x10FFFF else { throw error("OverflowError", "%c arg not in range(0x110000)") }
                    guard let scalar = Unicode.Scalar(UInt32(n)) else { throw notModelled("'%c' of a surrogate") }
                    text = String(Character(scalar))
                default:
                    if case .instance = heap.payload[Int(v)] { throw notModelled("'%c' of \(typeName(v))") }
                    throw error("TypeError", "%c requires int or char")
                }
            case "d", "i", "u", "o", "x", "X":
                guard let n = number(v) else {
                    if case .instance = heap.payload[Int(v)] { throw notModelled("'%\(Character(type))' of \(typeName(v))") }
                    let kind = type == "d" || type == "i" || type == "u"
                        ? (profile.minor >= 10 ? "a real number" : "a number") : "an integer"
                    throw error("TypeError", "%\(Character(type)) format: \(kind) is required, not \(typeName(v))")
                }
                var b: BigInt
                switch n {
                case .int(let x): b = BigInt(x)
                case .big(let x): b = x
                case .float(let d):
                    guard type == "d" || type == "i" || type == "u" else {
                        throw error("TypeError", "%\(Character(type)) format: an integer is required, not float")
                    }
                    guard d.isFinite else { throw notModelled("'%d' of an infinite or NaN float") }
                    b = BigInt(d.rounded(.towardZero))
                }
                let radix = type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
                var digits = String(b.magnitude, radix: radix)
                if type == "X" { digits = digits.uppercased() }
                if precision > digits.count { digits = String(repeating: "0", count: precision - digits.count) + digits }
                let prefix = alternate && radix != 10 ? "0" + (type == "X" ? "X" : String(Character(type))) : ""
                text = (b < 0 ? "-" : "") + prefix + digits
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                switch number(v) {
                case .int(let x)?: d = Double(x)
                case .big(let x)?: d = Double(x)
                case .float(let x)?: d = x
                case nil:
                    if case .instance = heap.payload[Int(v)] { throw notModelled("'%\(Character(type))' of \(typeName(v))") }
                    throw error("TypeError", "must be real number, not \(typeName(v))")
                }
                text = FloatFormat.format(d, code: Character(type), precision: precision < 0 ? 6 : precision,
                                          flags: FloatFormat.Flags(alternate: alternate))
            default:
                let ch = Character(type)
                throw error("ValueError", "unsupported format character '\(ch)' (0x\(String(type.value, radix: 16))) at index \(i - 1)")
            }
            // unicode_format_arg_output: sign, then padding (zeros after the sign and prefix
            // for numbers with '0' and no '-').
            var signText = ""
            if numeric {
                if text.hasPrefix("-") { signText = "-"; text.removeFirst() }
                else if let s = sign { signText = String(Character(s)) }
            }
            var prefix = ""
            if numeric && alternate && (type == "o" || type == "x" || type == "X") && text.hasPrefix("0") && text.count >= 2 {
                prefix = String(text.prefix(2)); text.removeFirst(2)
            }
            let length = signText.count + prefix.count + text.unicodeScalars.count
            var piece: String
            if width > length {
                let pad = width - length
                if ljust { piece = signText + prefix + text + String(repeating: " ", count: pad) }
                else if zero && numeric { piece = signText + prefix + String(repeating: "0", count: pad) + text }
                else { piece = String(repeating: " ", count: pad) + signText + prefix + text }
            } else {
                piece = signText + prefix + text
            }
            out += piece
            if !piece.isEmpty {
                pieces += 1
                if let s = sole { heap.decref(s); sole = nil }
                // The fast path writes the str object whole: no sign, padding or cut.
                if pieces == 1 && last, let w = whole, piece == stringValue(w) { sole = w; whole = nil }
            }
            if let w = whole { heap.decref(w) }
        }
        if isTuple ? next < positional.count : (next == 0 && mapping == nil) {
            throw error("TypeError", "not all arguments converted during string formatting")
        }
        if pieces == 1, let s = sole { sole = nil; return s }
        noteWriterBlock(formatLength: c.count, result: out, what: "'%' formatting")
        return try newStr(out)
    }
}
