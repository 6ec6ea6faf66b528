import HeapEngine

/// Compile-time warnings, after Python/compile.c's `check_compare` and `compiler_warn`.
///
/// From 3.8 (bpo-34850) `x is 'a'` compiles with a SyntaxWarning. The warnings machinery
/// shows it with no registry, so every statement that has one prints it again:
/// `<stdin>:1: SyntaxWarning: "is" with a literal. Did you mean "=="?` (3.8.18, 3.11.7),
/// `… "is" with 'str' literal …` from 3.12 (gh-96052 names the type), with the REPL's
/// per-statement file name `<stdin>-N` on 3.13.0 (N counts the statements, from 0); a
/// script's warning is followed by its source line, stripped and indented by two spaces.
extension Compiler {
    /// check_compare: an `is`/`is not` with an operand that is a constant after folding
    /// (check_is_arg: any constant but None, True, False and Ellipsis) warns once per
    /// comparison, for its first such operator.
    func checkCompare(_ e: Expr, first: ObjectRef?, rest: [(CompareOp, ObjectRef?)]) {
        guard interp.profile.warnsIsWithLiteral else { return }
        func isLiteral(_ c: ObjectRef?) -> Bool {
            guard let c else { return false }
            return c != heap.none && c != heap.trueRef && c != heap.falseRef && c != heap.ellipsis
        }
        var left = first
        for (op, right) in rest {
            if op == .is || op == .isNot, isLiteral(left) || isLiteral(right) {
                let literal = isLiteral(left) ? left! : right!
                let what = interp.profile.isWarningNamesLiteralType ? "'\(interp.typeName(literal))' literal" : "a literal"
                let message = op == .is ? "\"is\" with \(what). Did you mean \"==\"?"
                    : "\"is not\" with \(what). Did you mean \"!=\"?"
                warn(message, line: e.span.line)
                return
            }
            left = right
        }
    }

    /// compiler_warn → PyErr_WarnExplicitObject(SyntaxWarning, …) → the default
    /// showwarning: `file:line: SyntaxWarning: message`, then the line's source if linecache
    /// can read it (a script's file; not `<stdin>`).
    func warn(_ message: String, line: Int) {
        warned = true
        interp.stderr += "\(filename):\(line): SyntaxWarning: \(message)\n"
        if !interactive, filename.first != "<", let lines = interp.sourceFiles[filename], line >= 1, line <= lines.count {
            let source = lines[line - 1].drop { $0 == " " || $0 == "\t" }
            interp.stderr += "  \(String(source).trimmingTrailingWhitespace())\n"
        }
    }
}

/// What else CPython's compiler and tokenizer may warn about, which the engine does not print:
/// only noted (`Compiler.warned`), so that a script's count is not bounded
/// (`Profile.scriptCountBound`): the warnings machinery allocates what nothing bounds (3.13.0
/// runs Python code there and leaves 19 cyclic objects: `x = "\\d"` then a `gc.collect()`).
/// Each test is wider than CPython's (a false alarm only costs the bound).
extension Compiler {
    /// check_caller / check_subscripter (3.8+): a call or load subscript of a literal or a
    /// display ("'tuple' object is not callable; perhaps you missed a comma?").
    func noteMayWarn(subscripting e: Expr) {
        switch e.kind {
        case .name, .attribute, .subscript, .call: return
        default: warned = true
        }
    }

    /// The tokenizer's warnings: an invalid escape sequence (DeprecationWarning before 3.12,
    /// SyntaxWarning from 3.12; counted anywhere in the text, raw strings and comments too,
    /// and `\\N`, `\\u`, `\\U` as well) and a number followed by a name ("invalid decimal
    /// literal", 3.12+: `1if x else 2`).
    static func sourceMayWarn(_ source: String) -> Bool {
        let b = Array(source.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isWordByte(_ c: UInt8) -> Bool {
            isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
        }
        let validEscapes = Set("\n\r\\'\"abfnrtvx01234567".utf8)
        var k = 0
        while k < b.count {
            let ch = b[k]
            if ch == 0x5C {   // backslash
                guard k + 1 < b.count, validEscapes.contains(b[k + 1]) else { return true }
                k += 2; continue
            }
            if isDigit(ch), k == 0 || !(isWordByte(b[k - 1]) || b[k - 1] == 0x2E) {
                var end = k
                while end < b.count, isWordByte(b[end]) || b[end] == 0x2E { end += 1 }
                if !Self.isPlainNumber(Array(b[k..<end])) { return true }
                k = end; continue
            }
            k += 1
        }
        return false
    }

    /// Digits, `_` and `.`, optionally with one exponent letter, a `0x`/`0o`/`0b` prefix
    /// (hex digits after `0x`) and a final `j`.
    private static func isPlainNumber(_ w: [UInt8]) -> Bool {
        var w = w
        if let last = w.last, last == 0x6A || last == 0x4A { w.removeLast() }   // j
        if w.count > 2, w[0] == 0x30 {
            let hex = Set("0123456789abcdefABCDEF_".utf8), oct = Set("01234567_".utf8)
            switch w[1] {
            case 0x78, 0x58: return w.dropFirst(2).allSatisfy(hex.contains)
            case 0x6F, 0x4F, 0x62, 0x42: return w.dropFirst(2).allSatisfy(oct.contains)
            default: break
            }
        }
        let plain = Set("0123456789_.".utf8)
        var exponents = 0
        for c in w where !plain.contains(c) {
            guard c == 0x65 || c == 0x45 else { return false }
            exponents += 1
        }
        return exponents <= 1
    }
}
