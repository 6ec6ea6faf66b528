import BigInt
import HeapEngine

/// Decimal conversions of big ints (Objects/longobject.c long_to_decimal_string and
/// PyLong_FromString), with CPython's limit on their length (`Profile.intMaxStrDigits`,
/// gh-95778): CPython's own algorithms are quadratic, and so are the engine's (BigInt's),
/// so the limit is what keeps `int('9' * 10**7)` from running for hours. Where CPython has
/// no limit (3.6) the engine converts up to `LongFormat.engineMaxDigits` digits and refuses
/// beyond (CPython 3.6 takes minutes there too).
enum LongFormat {
    /// The most decimal digits the engine converts when the profile sets no limit: 100,000
    /// take about half a second in a debug build (200,000 took 2.4 s).
    static let engineMaxDigits = 100_000

    /// Decimal digits of `v` (no sign): exact, from the bit length, without converting.
    static func decimalDigitCount(_ v: BigInt) -> Int {
        let magnitude = v.magnitude
        if magnitude.isZero { return 1 }
        // floor(log10(2) * (bits - 1)) + 1 is the smallest count a `bits`-bit number can
        // have; one more when it reaches the next power of ten.
        let bits = magnitude.bitWidth   // significant bits (BigUInt.bitWidth drops leading zeros)
        let low = Int(Double(bits - 1) * 0.301_029_995_663_981_2) + 1
        return magnitude >= BigUInt(10).power(low) ? low + 1 : low
    }

    /// "Exceeds the limit (4300 digits) for integer string conversion" as each version says it.
    static func limitText(_ profile: Profile, _ limit: Int) -> String {
        "Exceeds the limit (\(limit)\(profile.intMaxStrDigitsUnit)) for integer string conversion"
    }

    /// _MAX_STR_DIGITS_ERROR_FMT_TO_INT, for `digits` decimal digits read.
    static func toIntMessage(_ profile: Profile, _ limit: Int, digits: Int) -> String {
        limitText(profile, limit) + ": value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit"
    }

    /// _MAX_STR_DIGITS_ERROR_FMT_TO_STR.
    static func toStrMessage(_ profile: Profile, _ limit: Int) -> String {
        limitText(profile, limit) + "; use sys.set_int_max_str_digits() to increase the limit"
    }
}

extension Interpreter {
    /// long_to_decimal_string: `str(n)` / `repr(n)` of a big int. CPython 3.11.7 counts the
    /// digits without the sign (`str(-10**4300 + 1)` works, `str(10**4300)` raises).
    func longToDecimalString(_ v: BigInt) throws -> String {
        let digits = LongFormat.decimalDigitCount(v)
        if let limit = profile.intMaxStrDigits {
            if digits > limit { throw error("ValueError", LongFormat.toStrMessage(profile, limit)) }
        } else if digits > LongFormat.engineMaxDigits {
            throw notModelled("str() of an int of more than \(LongFormat.engineMaxDigits) digits")
        }
        return v.description
    }

    /// PyLong_FromString for base 10 after `int()` stripped the whitespace: `text` is an
    /// optional sign then digits with single underscores between them. The limit counts
    /// the digits only (3.11.7: `int(' -1_2' + '1' * 4299)` raises with "value has 4301
    /// digits"). nil when `text` is not a decimal integer.
    func longFromDecimalString(_ text: Substring) throws -> BigInt? {
        var body = text
        var ascii = ""
        if let first = body.first, first == "+" || first == "-" { ascii.append(first); body = body.dropFirst() }
        guard let first = body.first, first != "_", body.last != "_" else { return nil }
        var digits = 0
        var previousUnderscore = false
        for c in body.unicodeScalars {
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            // Any Unicode decimal digit counts, as _PyUnicode_TransformDecimalAndSpaceToASCII does.
            guard c.properties.numericType == .decimal, let value = c.properties.numericValue else { return nil }
            ascii.append(Character(Unicode.Scalar(UInt8(48 + Int(value)))))
            previousUnderscore = false
            digits += 1
        }
        if let limit = profile.intMaxStrDigits {
            if digits > limit { throw error("ValueError", LongFormat.toIntMessage(profile, limit, digits: digits)) }
        } else if digits > LongFormat.engineMaxDigits {
            throw notModelled("int() of a string of more than \(LongFormat.engineMaxDigits) digits")
        }
        return BigInt(ascii, radix: 10)
    }
}
