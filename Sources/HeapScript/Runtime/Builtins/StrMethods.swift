import HeapEngine

// StrMethods.swift — more methods of str, after Objects/unicodeobject.c (pad, unicode_center,
// unicode_zfill, unicode_expandtabs, unicode_removeprefix, the is* predicates, case_operation)
// and Objects/stringlib/partition.h.
//
// Which object comes back matters as much as its value: a result equal to `self` is `self`
// (unicode_result_unchanged), pad() and case_operation() fill a PyUnicode_New string (a
// one-character result is a new object, not the cached latin-1 one), while substrings go
// through _PyUnicode_FromUCS1 & co. (the cached one-character and empty strings).
extension Interpreter {
    func registerStrMethods() {
        // MARK: padding
        for (mname, where_) in [("center", 0), ("ljust", 1), ("rjust", 2)] {
            defineMethod(.str, mname) { i, s, args, _ in
                let width = try i.strMethodWidth(args[0], mname)
                let fill = try args.count > 1 ? i.fillChar(args[1]) : " "
                let v = i.scalars(s!)
                if v.count >= width { return try i.strUnchanged(s!, mname) }
                let marg = width - v.count
                // unicode_center: left = marg / 2 + (marg & width & 1).
                let left = where_ == 0 ? marg / 2 + (marg & width & 1) : where_ == 1 ? 0 : marg
                return try i.strPadded(v, left: left, right: marg - left, fill: fill)
            }
        }
        defineMethod(.str, "zfill") { i, s, args, _ in
            let width = try i.strMethodWidth(args[0], "zfill")
            var v = i.scalars(s!)
            if v.count >= width { return try i.strUnchanged(s!, "zfill") }
            let fill = width - v.count
            v = Array(repeating: "0", count: fill) + v
            // A sign moves to the front of the zeros.
            if fill < v.count, v[fill] == "+" || v[fill] == "-" { v[0] = v[fill]; v[fill] = "0" }
            return try i.newStrObject(Interpreter.string(v[...]))
        }
        defineMethod(.str, "expandtabs") { i, s, args, _ in
            let tabsize = try args.first.map { try i.strMethodWidth($0, "expandtabs") } ?? 8
            let v = i.scalars(s!)
            guard v.contains("\t") else { return try i.strUnchanged(s!, "expandtabs") }
            var out: [Unicode.Scalar] = [], column = 0
            for c in v {
                if c == "\t" {
                    if tabsize > 0 {
                        let n = tabsize - column % tabsize
                        out += Array(repeating: " ", count: n); column += n
                    }
                } else {
                    out.append(c)
                    column = (c == "\n" || c == "\r") ? 0 : column + 1
                }
            }
            // Measured: '\t'.expandtabs(1) is ' ' on 3.6.15 through 3.13.0 (unicode_result).
            return try i.newStr(Interpreter.string(out[...]))
        }

        // MARK: partition, removeprefix / removesuffix
        for (mname, fromRight) in [("partition", false), ("rpartition", true)] {
            defineMethod(.str, mname) { i, s, args, _ in
                guard i.heap.kind(args[0]) == .str else { throw i.error("TypeError", "must be str, not \(i.typeName(args[0]))") }
                guard i.isExactStr(s!), i.isExactStr(args[0]) else { throw i.notModelled("str.\(mname)() of a str subclass") }
                let v = i.scalars(s!), sep = i.scalars(args[0])
                if sep.isEmpty { throw i.error("ValueError", "empty separator") }
                let found = fromRight ? Interpreter.lastIndex(of: sep, in: v) : Interpreter.firstIndex(of: sep, in: v)
                // stringlib partition: not found, the str itself and two empty strings
                // (rpartition: the empty strings first); found, the head, the separator object
                // itself and the tail, the head and tail made with STRINGLIB_NEW.
                guard let k = found else {
                    let empty1 = try i.newStr(""), empty2 = try i.newStr("")
                    i.heap.incref(s!)
                    return try i.newTuple(fromRight ? [empty1, empty2, s!] : [s!, empty1, empty2])
                }
                let head = try i.newStr(Interpreter.string(v[..<k]))
                let tail: ObjectRef
                do { tail = try i.newStr(Interpreter.string(v[(k + sep.count)...])) } catch { i.heap.decref(head); throw error }
                i.heap.incref(args[0])
                return try i.newTuple([head, args[0], tail])
            }
        }
        if profile.minor >= 9 {
            for (mname, atStart) in [("removeprefix", true), ("removesuffix", false)] {
                defineMethod(.str, mname) { i, s, args, _ in
                    guard i.heap.kind(args[0]) == .str else {
                        throw i.error("TypeError", "\(mname)() argument must be str, not \(i.typeName(args[0]))")
                    }
                    let v = i.scalars(s!), affix = i.scalars(args[0])
                    guard !affix.isEmpty, affix.count <= v.count,
                          (atStart ? v.prefix(affix.count) : v.suffix(affix.count)).elementsEqual(affix) else {
                        return try i.strUnchanged(s!, mname)
                    }
                    // PyUnicode_Substring of the rest.
                    let rest = atStart ? v[affix.count...] : v[..<(v.count - affix.count)]
                    return try i.newStr(Interpreter.string(rest))
                }
            }
        }

        // MARK: predicates (ASCII strings only: the non-ASCII answers come from each
        // version's Unicode database, which the engine does not carry)
        let predicates: [(String, ([Unicode.Scalar]) -> Bool)] = [
            ("isspace", { v in !v.isEmpty && v.allSatisfy(Interpreter.isSpace) }),
            ("isdecimal", { v in !v.isEmpty && v.allSatisfy(Interpreter.isAsciiDigit) }),
            ("isnumeric", { v in !v.isEmpty && v.allSatisfy(Interpreter.isAsciiDigit) }),
            ("isalnum", { v in !v.isEmpty && v.allSatisfy { Interpreter.isAsciiDigit($0) || Interpreter.isAsciiLetter($0) } }),
            ("isupper", { v in v.contains(where: Interpreter.isAsciiUpper) && !v.contains(where: Interpreter.isAsciiLower) }),
            ("islower", { v in v.contains(where: Interpreter.isAsciiLower) && !v.contains(where: Interpreter.isAsciiUpper) }),
            ("isprintable", { v in v.allSatisfy { (0x20...0x7E).contains($0.value) } }),
            ("istitle", { v in
                // unicode_istitle: an upper-case letter only after an uncased character, a
                // lower-case one only after a cased one, and at least one cased.
                var cased = false, previousIsCased = false
                for c in v {
                    if Interpreter.isAsciiUpper(c) {
                        if previousIsCased { return false }
                        previousIsCased = true; cased = true
                    } else if Interpreter.isAsciiLower(c) {
                        if !previousIsCased { return false }
                        previousIsCased = true; cased = true
                    } else { previousIsCased = false }
                }
                return cased
            }),
        ]
        for (mname, test) in predicates {
            defineMethod(.str, mname) { i, s, _, _ in
                let v = i.scalars(s!)
                guard Interpreter.isAscii(v) else { throw i.notModelled("str.\(mname)() of a non-ASCII str") }
                return i.heap.newBool(test(v))
            }
        }
        if profile.minor >= 7 {
            defineMethod(.str, "isascii") { i, s, _, _ in i.heap.newBool(Interpreter.isAscii(i.scalars(s!))) }
        }

        // MARK: case mappings of ASCII strings (ascii_upper_or_lower, case_operation)
        let swaps: [(String, (Unicode.Scalar) -> Unicode.Scalar)] = [
            ("swapcase", { c in
                Interpreter.isAsciiUpper(c) ? Interpreter.asciiLower(c) : Interpreter.isAsciiLower(c) ? Interpreter.asciiUpper(c) : c
            }),
            ("casefold", Interpreter.asciiLower),
        ]
        for (mname, map) in swaps {
            defineMethod(.str, mname) { i, s, _, _ in
                let v = i.scalars(s!)
                guard Interpreter.isAscii(v) else { throw i.notModelled("str.\(mname)() of a non-ASCII str") }
                return try i.newStrObject(Interpreter.string(v.map(map)[...]))
            }
        }
    }

    /// The width of center, ljust, rjust, zfill and expandtabs: an int that fits (the TypeError
    /// texts for other objects differ between the versions' argument parsers: refused).
    func strMethodWidth(_ r: ObjectRef, _ mname: String) throws -> Int {
        guard case .int(let v) = heap.payload[Int(r)], heap.kind(r) == .int || heap.kind(r) == .bool else {
            throw notModelled("str.\(mname)() with a '\(typeName(r))' argument")
        }
        return v
    }

    /// convert_uc (3.6) / the clinic's Py_UCS4 converter: the same texts in every version
    /// (measured on 3.6.15 through 3.13.0).
    private func fillChar(_ r: ObjectRef) throws -> Unicode.Scalar {
        guard heap.kind(r) == .str else {
            throw error("TypeError", "The fill character must be a unicode character, not \(typeName(r))")
        }
        let v = scalars(r)
        guard v.count == 1 else { throw error("TypeError", "The fill character must be exactly one character long") }
        return v[0]
    }

    /// unicode_result_unchanged: an exact str is its own result.
    func strUnchanged(_ s: ObjectRef, _ mname: String) throws -> ObjectRef {
        guard isExactStr(s) else { throw notModelled("str.\(mname)() of a str subclass") }
        heap.incref(s)
        return s
    }

    /// pad(): a PyUnicode_New string of the padded length.
    private func strPadded(_ v: [Unicode.Scalar], left: Int, right: Int, fill: Unicode.Scalar) throws -> ObjectRef {
        let out = Array(repeating: fill, count: left) + v + Array(repeating: fill, count: right)
        return try newStrObject(Interpreter.string(out[...]))
    }

    static func isAscii(_ v: [Unicode.Scalar]) -> Bool { v.allSatisfy { $0.isASCII } }
    static func isAsciiDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isAsciiUpper(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
    static func isAsciiLower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
    static func isAsciiLetter(_ c: Unicode.Scalar) -> Bool { isAsciiUpper(c) || isAsciiLower(c) }
    static func asciiLower(_ c: Unicode.Scalar) -> Unicode.Scalar { isAsciiUpper(c) ? Unicode.Scalar(c.value + 32)! : c }
    static func asciiUpper(_ c: Unicode.Scalar) -> Unicode.Scalar { isAsciiLower(c) ? Unicode.Scalar(c.value - 32)! : c }

    /// The last occurrence (rfind): an empty needle is found at the end.
    static func lastIndex<T: Equatable>(of needle: [T], in hay: [T]) -> Int? {
        if needle.isEmpty { return hay.count }
        guard needle.count <= hay.count else { return nil }
        for k in stride(from: hay.count - needle.count, through: 0, by: -1) where hay[k..<(k + needle.count)].elementsEqual(needle) {
            return k
        }
        return nil
    }
}
