import HeapEngine
import BigInt

/// Python/formatter_unicode.c: the format-spec mini-language of int, float and str
/// (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`), as `format()`,
/// f-strings' `{x:spec}` and the types' `__format__` use it.
///
/// The texts and the error messages were measured on CPython 3.6.15, 3.8.18, 3.11.7, 3.12.1
/// and 3.13.0 (Corpus/containers/format_specs): they agree except where `Profile.minor`
/// is asked below. The 'n' type formats with the locale, which heapbook does not model.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character?
    var noNegativeZero = false
    var alternate = false
    var width = -1
    var thousands: Character?
    var precision = -1
    var type: Character?

    enum Failure: Error {
        case value(String)       // ValueError
        case overflow(String)    // OverflowError
        case unsupported(String) // what heapbook does not model
    }

    /// parse_internal_render_format_spec. `typeName` names the object in errors;
    /// `defaultAlign` is '>' for numbers and '<' for str; `defaultType` 'd' for int, 's' for
    /// str, none for float (the thousands check sees it: `format('a', ',')` names 's').
    init(_ spec: String, typeName: String, defaultAlign: Character, defaultType: Character?, minor: Int) throws(Failure) {
        type = defaultType
        let c = Array(spec)
        var pos = 0
        func isAlign(_ ch: Character) -> Bool { ch == "<" || ch == ">" || ch == "=" || ch == "^" }
        var fillSpecified = false, alignSpecified = false
        if c.count >= 2 && isAlign(c[1]) {
            align = c[1]; fill = c[0]; fillSpecified = true; alignSpecified = true; pos = 2
        } else if c.count >= 1 && isAlign(c[0]) {
            align = c[0]; alignSpecified = true; pos = 1
        }
        if pos < c.count && (c[pos] == "+" || c[pos] == "-" || c[pos] == " ") { sign = c[pos]; pos += 1 }
        if minor >= 11 && pos < c.count && c[pos] == "z" { noNegativeZero = true; pos += 1 }
        if pos < c.count && c[pos] == "#" { alternate = true; pos += 1 }
        if !fillSpecified && pos < c.count && c[pos] == "0" {
            fill = "0"
            if !alignSpecified && defaultAlign == ">" { align = "=" }
            pos += 1
        }
        func integer() throws(Failure) -> Int? {
            var n = 0, any = false
            while pos < c.count, let v = c[pos].wholeNumberValue, c[pos].isASCII {
                n = n * 10 + v; any = true; pos += 1
                if n > Int(Int32.max) { throw .unsupported("a format width or precision this large") }
            }
            return any ? n : nil
        }
        if let w = try integer() { width = w }
        if pos < c.count && c[pos] == "," { thousands = ","; pos += 1 }
        if pos < c.count && c[pos] == "_" {
            if thousands != nil { throw .value("Cannot specify both ',' and '_'.") }
            thousands = "_"; pos += 1
        }
        if pos < c.count && c[pos] == "," && thousands == "_" { throw .value("Cannot specify both ',' and '_'.") }
        if pos < c.count && c[pos] == "." {
            pos += 1
            guard let p = try integer() else { throw .value("Format specifier missing precision") }
            precision = p
        }
        if c.count - pos > 1 {
            // 3.10 added the spec and the type to the text (3.8.18: "Invalid format specifier").
            throw .value(minor >= 10 ? "Invalid format specifier '\(spec)' for object of type '\(typeName)'"
                         : "Invalid format specifier")
        }
        if pos < c.count { type = c[pos] }
        if let t = thousands {
            switch type {
            case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
            case "b", "o", "x", "X" where t == "_": break
            default:
                if let ty = type { throw .value("Cannot specify '\(t)' with '\(ty)'.") }
            }
        }
    }

    /// The layout of a number's pieces (calc_number_widths and fill_number): sign, prefix,
    /// digits grouped (zero padding counts towards the groups), the rest (point, fraction,
    /// exponent, '%'), padded to `width` by `align`.
    func layoutNumber(sign signChar: String, prefix: String, digits: String, remainder: String) -> String {
        let leading = signChar + prefix
        var body = digits
        if let sep = thousands, !digits.isEmpty {
            let every = (type == "b" || type == "o" || type == "x" || type == "X") ? 4 : 3
            let minWidth = fill == "0" && align == "=" ? width - leading.count - remainder.count : 0
            body = FormatSpec.group(Array(digits), separator: sep, every: every, minWidth: minWidth)
        }
        let total = leading.count + body.count + remainder.count
        let padding = max(0, width - total)
        let pad = String(repeating: fill, count: padding)
        switch align ?? ">" {
        case "<": return leading + body + remainder + pad
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + leading + body + remainder + String(repeating: fill, count: padding - left)
        case "=": return leading + pad + body + remainder
        default: return pad + leading + body + remainder
        }
    }

    /// _PyUnicode_InsertThousandsGrouping with a minimum width: groups of `every` from the
    /// right, zero digits added on the left while the minimum width is not reached.
    static func group(_ digits: [Character], separator: Character, every: Int, minWidth: Int) -> String {
        var remaining = digits.count, minWidth = minWidth, end = digits.count
        var pieces: [String] = []
        var useSeparator = false
        while true {
            let len = min(every, max(max(remaining, minWidth), 1))
            let zeros = max(0, len - remaining)
            let chars = max(0, min(remaining, len))
            pieces.append(String(repeating: "0", count: zeros) + String(digits[(end - chars)..<end])
                          + (useSeparator ? String(separator) : ""))
            end -= chars
            useSeparator = true
            remaining -= chars
            minWidth -= len
            if remaining <= 0 && minWidth <= 0 { break }
            minWidth -= 1
        }
        return pieces.reversed().joined()
    }

    /// format_string_internal.
    func formatString(_ s: String) throws(Failure) -> String {
        if let t = type, t != "s" { throw .value("Unknown format code '\(t)' for object of type 'str'") }
        if sign == " " { throw .unsupported("a space sign in a string format spec") }
        if sign != nil { throw .value("Sign not allowed in string format specifier") }
        if noNegativeZero { throw .unsupported("'z' in a string format spec") }
        if alternate { throw .value("Alternate form (#) not allowed in string format specifier") }
        if align == "=" { throw .value("'=' alignment not allowed in string format specifier") }
        var text = s
        if precision >= 0 && text.unicodeScalars.count > precision {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
        }
        let padding = max(0, width - text.unicodeScalars.count)
        switch align ?? "<" {
        case ">": return String(repeating: fill, count: padding) + text
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + text + String(repeating: fill, count: padding - left)
        default: return text + String(repeating: fill, count: padding)
        }
    }

    /// format_long_internal (the float types go to `formatFloat`).
    func formatInt(_ v: BigInt) throws(Failure) -> String {
        let t = type ?? "d"
        switch t {
        case "e", "E", "f", "F", "g", "G", "%":
            let d = Double(v)
            guard d.isFinite else { throw .unsupported("formatting an int too large for a float") }
            return try formatFloat(d, typeName: "int")
        case "n": throw .unsupported("the 'n' format (the locale's digits)")
        case "b", "c", "d", "o", "x", "X": break
        default: throw .value("Unknown format code '\(t)' for object of type 'int'")
        }
        if precision >= 0 { throw .value("Precision not allowed in integer format specifier") }
        if noNegativeZero { throw .value("Negative zero coercion (z) not allowed in integer format specifier") }
        if t == "c" {
            if sign != nil { throw .value("Sign not allowed with integer format specifier 'c'") }
            if alternate { throw .value("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard v >= 0 && v <= 0x10FFFF else { throw .overflow("%c arg not in range(0x110000)") }
            guard let scalar = Unicode.Scalar(UInt32(v)) else { throw .unsupported("format code 'c' of a surrogate") }
            return layoutNumber(sign: "", prefix: "", digits: String(Character(scalar)), remainder: "")
        }
        let radix = t == "b" ? 2 : t == "o" ? 8 : (t == "x" || t == "X") ? 16 : 10
        var digits = String(v.magnitude, radix: radix)
        if t == "X" { digits = digits.uppercased() }
        let prefix = alternate && radix != 10 ? "0" + (t == "X" ? "X" : String(t)) : ""
        let signText = v < 0 ? "-" : (sign == "+" ? "+" : sign == " " ? " " : "")
        return layoutNumber(sign: signText, prefix: prefix, digits: digits, remainder: "")
    }

    /// format_float_internal.
    func formatFloat(_ value: Double, typeName: String = "float") throws(Failure) -> String {
        var t = type ?? "r"
        var flags = FloatFormat.Flags(alternate: alternate, noNegativeZero: noNegativeZero)
        var precision = self.precision
        var defaultPrecision = 6
        switch t {
        case "e", "E", "f", "F", "g", "G", "%", "r": break
        case "n": throw .unsupported("the 'n' format (the locale's digits)")
        default: throw .value("Unknown format code '\(t)' for object of type '\(typeName)'")
        }
        if type == nil { flags.addDot0 = true; defaultPrecision = 0 }
        var v = value
        var percent = false
        if t == "%" { t = "f"; v *= 100; percent = true }
        if precision < 0 { precision = defaultPrecision } else if t == "r" { t = "g" }
        var text = FloatFormat.format(v, code: t, precision: precision, flags: flags)
        if percent { text += "%" }
        var signText = ""
        if text.hasPrefix("-") { signText = "-"; text.removeFirst() }
        else if sign == "+" { signText = "+" } else if sign == " " { signText = " " }
        // parse_number: the digits before the point or exponent are grouped, the rest is not.
        let digitsEnd = text.firstIndex { !$0.isNumber } ?? text.endIndex
        return layoutNumber(sign: signText, prefix: "", digits: String(text[..<digitsEnd]),
                            remainder: String(text[digitsEnd...]))
    }
}

extension Interpreter {
    /// builtin_format: format(value, format_spec='').
    func registerFormatBuiltin(_ d: ObjectRef) {
        defineFunction(in: d, "format") { i, _, args, _ in
            guard args.count == 2 else { return try i.formatObject(args[0], spec: "") }
            try i.refuseUnplacedId(args[1], "format() with a spec that is")
            guard case .str(let spec) = i.heap.payload[Int(args[1])] else {
                throw i.error("TypeError", "format() argument 2 must be str, not \(i.typeName(args[1]))")
            }
            return try i.formatObject(args[0], spec: spec.value)
        }
    }

    /// PyObject_Format(value, spec) for the types whose `__format__` heapbook models: int and
    /// bool, float, str, and object.__format__ (empty spec: str(), else a TypeError).
    func formatObject(_ v: ObjectRef, spec: String) throws -> ObjectRef {
        try refuseWeakProxyOperand(v, "formatting a weakref proxy")
        if let s = try unplacedIdFormat(v, spec: spec) { return s }
        let name = typeName(v)
        func run(_ body: () throws(FormatSpec.Failure) -> String) throws -> ObjectRef {
            let text: String
            do { text = try body() } catch { throw failure(error) }
            return try newStr(text)
        }
        func parse(_ align: Character, _ type: Character?) throws -> FormatSpec {
            do { return try FormatSpec(spec, typeName: name, defaultAlign: align, defaultType: type, minor: profile.minor) } catch {
                throw failure(error)
            }
        }
        if case .instance = heap.payload[Int(v)] {
            if try lookupInType(heap.typeOf[Int(v)], "__format__") != nil { throw notModelled("__format__ of \(name)") }
        }
        switch heap.payload[Int(v)] {
        case .int, .bigInt:
            // long__format__: an empty spec is str() (`format(True)` is 'True').
            if spec.isEmpty { return try strObject(v) }
            let s = try parse(">", "d")
            let b = bigOf(number(v)!)!
            return try run { () throws(FormatSpec.Failure) in try s.formatInt(b) }
        case .float(let d):
            if spec.isEmpty { return try strObject(v) }
            let s = try parse(">", nil)
            return try run { () throws(FormatSpec.Failure) in try s.formatFloat(d) }
        case .str(let sv):
            if spec.isEmpty { heap.incref(v); return v }
            let s = try parse("<", "s")
            let result = try run { () throws(FormatSpec.Failure) in try s.formatString(sv.value) }
            // format_string_internal's fast path: nothing to pad or cut, so the writer takes
            // the str itself (`f'{s:5}' is s` for a longer s, 3.6.15 to 3.13.0).
            let length = sv.value.unicodeScalars.count
            if (s.width < 0 || s.width <= length) && (s.precision < 0 || s.precision >= length) {
                heap.decref(result); heap.incref(v); return v
            }
            return result
        // complex__format__ with a spec (its own rules for parentheses and 'r'): not modelled.
        case .native(let o) where o is ComplexObject && !spec.isEmpty:
            throw notModelled("format() of a complex with a format spec")
        default:
            // object.__format__ (list, None, instances without their own __format__).
            guard spec.isEmpty else { throw error("TypeError", "unsupported format string passed to \(name).__format__") }
            return try strObject(v)
        }
    }

    private func failure(_ f: FormatSpec.Failure) -> Error {
        switch f {
        case .value(let m): return error("ValueError", m)
        case .overflow(let m): return error("OverflowError", m)
        case .unsupported(let what): return notModelled(what)
        }
    }
}
