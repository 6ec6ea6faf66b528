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
