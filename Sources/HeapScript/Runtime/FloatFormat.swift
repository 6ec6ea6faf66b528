import BigInt

/// Python/pystrtod.c's PyOS_double_to_string (format_float_short over dtoa.c's _Py_dg_dtoa):
/// the text of a finite or infinite double for the format codes 'e', 'f', 'g' and 'r' (repr).
///
/// Digits are exact: a double is m·2^e, so a fixed number of decimal digits is the rational
/// m·2^e·10^k rounded half to even (dtoa's correctly rounded modes 2 and 3); the shortest
/// digits that read back to the same double (mode 0) are Swift's `description` digits, which
/// are the shortest round-trip digits closest to the value, as dtoa's are.
enum FloatFormat {
    struct Flags {
        var alwaysAddSign = false      // Py_DTSF_SIGN
        var addDot0 = false            // Py_DTSF_ADD_DOT_0
        var alternate = false          // Py_DTSF_ALT
        var noNegativeZero = false     // Py_DTSF_NO_NEG_0
    }

    /// `code`: 'e', 'E', 'f', 'F', 'g', 'G' or 'r'; `precision` as PyOS_double_to_string takes it.
    static func format(_ d: Double, code: Character, precision: Int, flags: Flags) -> String {
        let upper = code == "E" || code == "F" || code == "G"
        if d.isNaN { return (flags.alwaysAddSign ? "+" : "") + (upper ? "NAN" : "nan") }
        var negative = d.sign == .minus
        if d.isInfinite { return (negative ? "-" : flags.alwaysAddSign ? "+" : "") + (upper ? "INF" : "inf") }
        let lower = Character(code.lowercased())
        // _Py_dg_dtoa: digits without trailing zeros ("0" for zero) and the decimal point's
        // place, value = 0.d1d2... × 10^decpt.
        var precision = precision
        var digits: [UInt8], decpt: Int
        switch lower {
        case "e": precision += 1; (digits, decpt) = significant(d.magnitude, precision)
        case "f": (digits, decpt) = fixed(d.magnitude, precision)
        case "g": if precision == 0 { precision = 1 }; (digits, decpt) = significant(d.magnitude, precision)
        default: (digits, decpt) = shortest(d.magnitude)
        }
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        if digits == [0] { decpt = 1 }
        if flags.noNegativeZero && negative && digits == [0] { negative = false }
        // format_float_short: the slice vdigits[vdigitsStart..<vdigitsEnd] of the digits padded
        // with zeros on both sides, the point at `decpt`.
        var vdigitsEnd = digits.count
        var useExp = false
        switch lower {
        case "e": useExp = true; vdigitsEnd = precision
        case "f": vdigitsEnd = decpt + precision
        case "g":
            if decpt <= -4 || decpt > (flags.addDot0 ? precision - 1 : precision) { useExp = true }
            if flags.alternate { vdigitsEnd = precision }
        default:
            if decpt <= -4 || decpt > 16 { useExp = true }
        }
        var exp = 0
        if useExp { exp = decpt - 1; decpt = 1 }
        let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
        if !useExp && flags.addDot0 { vdigitsEnd = max(vdigitsEnd, decpt + 1) } else { vdigitsEnd = max(vdigitsEnd, decpt) }
        func zeros(_ n: Int) -> String { n > 0 ? String(repeating: "0", count: n) : "" }
        let text = String(digits.map { Character(Unicode.Scalar($0 + 48)) })
        var out = negative ? "-" : (flags.alwaysAddSign ? "+" : "")
        if decpt <= 0 {
            out += zeros(decpt - vdigitsStart) + "." + zeros(-decpt)
        } else {
            out += zeros(-vdigitsStart)
        }
        if decpt > 0 && decpt <= digits.count {
            out += String(text.prefix(decpt)) + "." + String(text.dropFirst(decpt))
        } else {
            out += text
        }
        if digits.count < decpt {
            out += zeros(decpt - digits.count) + "." + zeros(vdigitsEnd - decpt)
        } else {
            out += zeros(vdigitsEnd - digits.count)
        }
        if out.hasSuffix(".") && !flags.alternate { out.removeLast() }
        if useExp {
            let e = String(abs(exp))
            out += (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (e.count < 2 ? "0" : "") + e
        }
        return out
    }

    /// round_half_even(d × 10^k) for a finite non-negative double: d = m·2^e exactly.
    private static func scaled(_ d: Double, _ k: Int) -> BigInt {
        if d == 0 { return 0 }
        let m = BigInt(d.isNormal ? d.significandBitPattern | 1 << 52 : d.significandBitPattern)
        let e = d.isNormal ? Int(d.exponent) - 52 : -1074
        var num = m, den = BigInt(1)
        if k >= 0 { num *= BigInt(10).power(k) } else { den *= BigInt(10).power(-k) }
        if e >= 0 { num <<= e } else { den <<= -e }
        let (q, r) = num.quotientAndRemainder(dividingBy: den)
        let twice = r * 2
        if twice > den || (twice == den && q % 2 == 1) { return q + 1 }
        return q
    }

    private static func decimalDigits(_ n: BigInt) -> [UInt8] {
        String(n).utf8.map { $0 - 48 }
    }

    /// Mode 3: `precision` digits after the point.
    private static func fixed(_ d: Double, _ precision: Int) -> ([UInt8], Int) {
        let n = scaled(d, precision)
        if n == 0 { return ([0], 1) }
        let ds = decimalDigits(n)
        return (ds, ds.count - precision)
    }

    /// Mode 2: `count` significant digits (count >= 1), from an estimate of the decimal
    /// exponent corrected until the rounded value has exactly `count` digits.
    private static func significant(_ d: Double, _ count: Int) -> ([UInt8], Int) {
        if d == 0 { return ([0], 1) }
        var k = Int(log10Estimate(d).rounded(.down))   // 10^k <= d < 10^(k+1), give or take one
        var ds = decimalDigits(scaled(d, count - 1 - k))
        for _ in 0..<8 where ds.count != count {
            // More digits: d >= 10^(k+1), or it rounded up to 10^count; fewer: d < 10^k.
            k += ds.count > count ? 1 : -1
            ds = decimalDigits(scaled(d, count - 1 - k))
        }
        return (ds, k + 1)
    }

    private static func log10Estimate(_ d: Double) -> Double {
        // log10 without Foundation: the binary exponent and the significand's log2.
        let e = Double(d.exponent)
        let s = d.significand   // in [1, 2)
        var log2s = 0.0, x = s, bit = 0.5
        for _ in 0..<20 { x *= x; if x >= 2 { x /= 2; log2s += bit }; bit /= 2 }
        return (e + log2s) * 0.30102999566398119521
    }

    /// Mode 0: the shortest digits that read back as `d`.
    private static func shortest(_ d: Double) -> ([UInt8], Int) {
        if d == 0 { return ([0], 1) }
        // Swift prints "1.2345e-05", "123.45" or "1e+16".
        let text = d.description
        var mantissa = Substring(text), exp = 0
        if let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<eIndex]
            exp = Int(text[text.index(after: eIndex)...]) ?? 0
        }
        var digits: [UInt8] = []
        var pointAt: Int?
        for c in mantissa {
            if c == "." { pointAt = digits.count; continue }
            if let v = c.asciiValue, v >= 48, v <= 57 { digits.append(v - 48) }
        }
        var decpt = (pointAt ?? digits.count) + exp
        while digits.first == 0 && digits.count > 1 { digits.removeFirst(); decpt -= 1 }
        return (digits, decpt)
    }
}
