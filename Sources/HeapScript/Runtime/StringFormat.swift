import HeapEngine

/// str.format (Objects/stringlib/unicode_format.h): literal text, `{{`/`}}`, and fields
/// `{[name][!conversion][:spec]}` formatted with PyObject_Format (FormatSpec.swift).
///
/// Texts measured on CPython 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0
/// (Corpus/containers/str_format). A field name with `.attr` or `[index]`, and a spec with
/// fields of its own, are refused.
extension Interpreter {
    func registerStringFormat() {
        defineMethod(.str, "format") { i, s, args, kwargs in
            // METH_VARARGS | METH_KEYWORDS: the call packs the arguments into a tuple and the
            // keywords into a dict, held while the string is built.
            var packed = FreeListCounts(dicts: kwargs.isEmpty ? 0 : 1)
            if !args.isEmpty { packed.tuples = Array(repeating: 0, count: args.count) + [1] }
            let held = i.heap.takeFromFreeLists(packed)
            defer { i.heap.releaseWorkingSet(held) }
            let format = i.stringValue(s!)
            // A format without braces is one literal piece, which the writer takes whole.
            if !format.unicodeScalars.contains(where: { $0 == "{" || $0 == "}" }) { i.heap.incref(s!); return s! }
            return try i.stringFormat(format, args, kwargs)
        }
    }

    private func stringFormat(_ format: String, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        let c = Array(format.unicodeScalars)
        var out = ""
        var autoNumber: Int? = nil    // nil: not decided; then the next automatic index
        var manual = false
        // do_markup turns the writer's over-allocation off for the last piece: a piece that is
        // a whole str object, written first and last, becomes the result itself
        // (`'{}'.format(s) is s`; `'{}{}'.format(s, '') is s` is False).
        var pieces = 0
        var sole: ObjectRef?
        defer { if let sole { heap.decref(sole) } }
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "}" {
                guard i + 1 < c.count, c[i + 1] == "}" else { throw error("ValueError", "Single '}' encountered in format string") }
                out.unicodeScalars.append("}"); i += 2; pieces = 2; continue
            }
            guard ch == "{" else { out.unicodeScalars.append(ch); i += 1; pieces = 2; continue }
            if i + 1 < c.count && c[i + 1] == "{" { out.unicodeScalars.append("{"); i += 2; pieces = 2; continue }
            // A field: up to the matching '}' (nested braces belong to the spec).
            var j = i + 1, depth = 1
            while j < c.count {
                if c[j] == "{" { depth += 1 } else if c[j] == "}" { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < c.count else {
                if depth > 1 { throw notModelled("str.format of an unclosed nested field") }
                throw error("ValueError", "Single '{' encountered in format string")
            }
            let field = Array(c[(i + 1)..<j])
            i = j + 1
            // field_name [! conversion] [: spec]
            var nameEnd = 0
            while nameEnd < field.count && field[nameEnd] != "!" && field[nameEnd] != ":" { nameEnd += 1 }
            var name = "", conversion: Unicode.Scalar?, spec = ""
            name.unicodeScalars.append(contentsOf: field[..<nameEnd])
            var k = nameEnd
            if k < field.count && field[k] == "!" {
                // The errors of a malformed conversion are not measured: refused.
                guard k + 1 < field.count, k + 2 == field.count || field[k + 2] == ":" else {
                    throw notModelled("str.format with a malformed conversion")
                }
                conversion = field[k + 1]
                k += 2
            }
            if k < field.count && field[k] == ":" { spec.unicodeScalars.append(contentsOf: field[(k + 1)...]) }
            if spec.unicodeScalars.contains(where: { $0 == "{" || $0 == "}" }) { throw notModelled("str.format with fields in a format spec") }
            if name.unicodeScalars.contains(where: { $0 == "." || $0 == "[" }) { throw notModelled("str.format of an attribute or item of an argument") }
            // get_field_object: an automatic number, an index, or a keyword.
            let value: ObjectRef
            if name.isEmpty {
                if manual { throw error("ValueError", "cannot switch from manual field specification to automatic field numbering") }
                let n = autoNumber ?? 0
                autoNumber = n + 1
                guard n < args.count else { throw replacementIndexError(n) }
                value = args[n]
            } else if let n = Int(name), name.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }) {
                if autoNumber != nil { throw error("ValueError", "cannot switch from automatic field numbering to manual field specification") }
                manual = true
                guard n < args.count else { throw replacementIndexError(n) }
                value = args[n]
            } else {
                guard let v = kwargs.first(where: { $0.0 == name })?.1 else {
                    let key = try newStr(name)
                    throw try raiseNew("KeyError", args: [key])
                }
                value = v
            }
            // The conversion, then PyObject_Format; each piece is released once written.
            var converted = value
            heap.incref(converted)
            if let conv = conversion {
                defer { heap.decref(value) }
                switch conv {
                case "r": converted = try reprObject(value)
                case "s": converted = try strObject(value)
                case "a": throw notModelled("str.format's !a conversion")
                default: throw error("ValueError", "Unknown conversion specifier \(Character(conv))")
                }
            }
            let piece: ObjectRef
            do { piece = try formatObject(converted, spec: spec) } catch { heap.decref(converted); throw error }
            // render_field writes a whole object for a str it kept, str() of a float without a
            // spec, and PyObject_Format's result for other types; an exact int or a float with
            // a spec is written digit by digit.
            let kind = heap.kind(converted)
            let whole = piece == converted || (kind == .float && spec.isEmpty) || (kind != .str && kind != .int && kind != .float)
            heap.decref(converted)
            // str() or format() of an id() value spells a str whose text is not known
            // (UnplacedIds.swift).
            do { try refuseUnplacedId(piece, "str.format() of") } catch { heap.decref(piece); throw error }
            let text = stringValue(piece)
            out += text
            if !text.isEmpty {
                pieces += 1
                if let s = sole { heap.decref(s); sole = nil }
                if pieces == 1 && whole && i == c.count { sole = piece; continue }
            }
            heap.decref(piece)
        }
        if pieces == 1, let s = sole { sole = nil; return s }
        noteWriterBlock(formatLength: c.count, result: out, what: "str.format")
        return try newStr(out)
    }

    private func replacementIndexError(_ n: Int) -> PyException {
        // 3.8 named the tuple (3.6.15: the tuple's own IndexError).
        error("IndexError", profile.minor >= 8 ? "Replacement index \(n) out of range for positional args tuple"
              : "tuple index out of range")
    }

    /// build_string's _PyUnicodeWriter over-allocates (min_length = len(format) + 100), and
    /// _PyUnicodeWriter_Finish shrinks its buffer with PyObject_Realloc: pymalloc moves the
    /// string to a block of its own size when it shrinks by more than a quarter (the buffer's
    /// block is freed), which is where a direct allocation puts it; otherwise the result stays
    /// in the buffer's larger block. A wider character makes the writer convert its buffer
    /// to a new one of that kind first. The result's value and size are CPython's either way;
    /// only its block may not be: from the first such result on, addresses are refused.
    func noteWriterBlock(formatLength: Int, result: String, what: String) {
        guard unknownBlockSizes == nil else { return }
        guard result.unicodeScalars.allSatisfy({ $0.isASCII }) else {
            unknownBlockSizes = "CPython's string writer built a non-ASCII result of \(what) in buffers "
                + "(converted to the wider kind, then shrunk) whose blocks heapbook does not model"
            return
        }
        // unicode_result makes a one-character result the latin-1 singleton, as newStr does
        // (`'{}'.format('a') is 'a'` on all five versions).
        let length = result.unicodeScalars.count
        let bufferBlock = StrLayout.sizeof(kind: .ascii, length: max(length, formatLength + 100), profile: profile)
        let final = StrLayout.sizeof(kind: .ascii, length: length, profile: profile)
        let classSize = (bufferBlock + profile.alignment - 1) / profile.alignment * profile.alignment
        if bufferBlock > 512 || 4 * final > 3 * classSize {
            unknownBlockSizes = "CPython's string writer kept a result of \(what) in its over-allocated buffer, "
                + "whose block heapbook does not model"
        }
    }
}
