// Mirrors Objects/unicodeobject.c (CPython 3.11.7: PyUnicode_New, unicode__sizeof__) and the
// interning rule of Python/compile.c / Objects/codeobject.c (all_name_chars,
// intern_string_constants).
//
// PEP 393: a str created from text is "compact": one block holding a header and the
// characters, 1, 2 or 4 bytes each by the widest code point, plus a NUL terminator.
//   - ASCII (all < 128): PyASCIIObject header, 48 bytes in 3.11 (ob_base, length, hash,
//     state, wstr). sizeof = 48 + len + 1, so sys.getsizeof('') == 49.
//   - latin-1 (< 256), UCS-2 (< 65536), UCS-4: PyCompactUnicodeObject header, 72 bytes
//     (adds utf8_length, utf8, wstr_length). sizeof = 72 + (len + 1) * kind:
//     'é' → 74, '中' → 76, '😀' → 80.
// strs are not GC-tracked.
//
// Interning of constants (3.11 codeobject.c intern_string_constants → all_name_chars):
// a str constant in a code object is interned when every character is in [A-Za-z0-9_]
// (and it is ASCII); identifiers (names, attribute names) always are. So 'hello_1' is
// interned and 'hello world' is not; '' and one-character latin-1 strings are
// singletons anyway.
//
// Divergence: CPython also caches a UTF-8 copy of a non-ASCII str once something asks
// for it (e.g. some C APIs, printing to a UTF-8 stream does not); unicode__sizeof__ then
// adds utf8_length + 1. The engine never models that cache.

/// PEP 393 kind of a str. Mirrors PyUnicode_1BYTE_KIND/2BYTE/4BYTE plus the ASCII flag.
public enum StrKind: UInt8, Sendable {
    case ascii = 0, latin1 = 1, ucs2 = 2, ucs4 = 4

    /// Bytes per code point.
    public var charSize: Int { self == .ascii ? 1 : Int(rawValue) }
}

/// Size and interning rules of `str`. Mirrors unicodeobject.c (3.11).
public enum StrLayout {
    /// The kind and length (in code points) of `s`, as PyUnicode_New would choose from its
    /// maximum character.
    public static func kindAndLength(_ s: String) -> (kind: StrKind, length: Int) {
        var n = 0
        var maxScalar: UInt32 = 0
        for u in s.unicodeScalars { n += 1; if u.value > maxScalar { maxScalar = u.value } }
        return (kind(maxChar: maxScalar), n)
    }

    public static func kind(maxChar: UInt32) -> StrKind {
        if maxChar < 0x80 { return .ascii }
        if maxChar < 0x100 { return .latin1 }
        if maxChar < 0x10000 { return .ucs2 }
        return .ucs4
    }

    /// unicode__sizeof__ of a compact str (what sys.getsizeof reports; str is not GC).
    public static func sizeof(kind: StrKind, length: Int, profile: Profile) -> Int {
        let header = kind == .ascii ? profile.objects.strASCIIHeaderSize : profile.objects.strCompactHeaderSize
        return header + (length + 1) * kind.charSize
    }

    public static func sizeof(_ s: String, profile: Profile) -> Int {
        let (k, n) = kindAndLength(s)
        return sizeof(kind: k, length: n, profile: profile)
    }

    /// all_name_chars: would the 3.11 compiler intern this str constant?
    public static func isInternedConstant(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            let c = u.value
            let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
            if !ok { return false }
        }
        return true
    }
}
