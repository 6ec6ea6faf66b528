/// Number and string scanning, after `tok_get`'s number and string branches in CPython 3.11's
/// `Parser/tokenizer.c`. Error offsets follow tokenizer.c's `syntaxerror()`: the 1-based offset
/// it reports is the 0-based column of `tok->cur`, so most carets land one character early.
extension Lexer {
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    static func isHexDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }

    // MARK: - Numbers

    mutating func scanNumber(start: Int, line l: Int, column col: Int) throws(ParseStop) -> Token {
        func done(_ lexer: Lexer) -> Token { lexer.make(.number, from: start, line: l, column: col) }
        if current == "." {
            pos += 1
            try fraction()
            return done(self)
        }
        if current == "0" {
            pos += 1
            let c = current
            if c == "x" || c == "X" {
                pos += 1
                try radixDigits(kind: "hexadecimal") { Lexer.isHexDigit($0) }
                try verifyEndOfNumber("hexadecimal")
                return done(self)
            }
            if c == "o" || c == "O" {
                pos += 1
                try radixDigits(kind: "octal") { $0 >= "0" && $0 <= "7" }
                try verifyEndOfNumber("octal")
                return done(self)
            }
            if c == "b" || c == "B" {
                pos += 1
                try radixDigits(kind: "binary") { $0 == "0" || $0 == "1" }
                try verifyEndOfNumber("binary")
                return done(self)
            }
            // Maybe old-style octal; `0`, `00`, `0_0` are fine.
            while true {
                if current == "_" {
                    pos += 1
                    if !Lexer.isDigit(current) { throw error("invalid decimal literal", line: line, offset: column) }
                }
                if current != "0" { break }
                pos += 1
            }
            let zerosEnd = column
            var nonzero = false
            if Lexer.isDigit(current) {
                nonzero = true
                pos += 1
                try decimalTail()
            }
            if current == "." { pos += 1; try fraction(); return done(self) }
            if current == "e" || current == "E" { try exponentAndImaginary(); return done(self) }
            if current == "j" || current == "J" { pos += 1; try verifyEndOfNumber("imaginary"); return done(self) }
            if nonzero {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            line: line, offset: col + 1, width: zerosEnd - col - 1)
            }
            try verifyEndOfNumber("decimal")
            return done(self)
        }
        pos += 1
        try decimalTail()
        if current == "." { pos += 1; try fraction(); return done(self) }
        try exponentAndImaginary()
        return done(self)
    }

    /// Digits (with single underscores) after `0x` / `0o` / `0b`.
    mutating func radixDigits(kind: String, _ isValid: (Unicode.Scalar) -> Bool) throws(ParseStop) {
        repeat {
            if current == "_" { pos += 1 }
            if !isValid(current) {
                if Lexer.isDigit(current) && kind != "hexadecimal" {
                    throw error("invalid digit '\(Character(current))' in \(kind) literal", line: line, offset: column + 1)
                }
                throw error("invalid \(kind) literal", line: line, offset: column)
            }
            while isValid(current) { pos += 1 }
        } while current == "_"
        if Lexer.isDigit(current) && kind != "hexadecimal" {
            throw error("invalid digit '\(Character(current))' in \(kind) literal", line: line, offset: column + 1)
        }
    }

    /// tokenizer.c's `tok_decimal_tail`: the first digit is already consumed.
    mutating func decimalTail() throws(ParseStop) {
        while true {
            while Lexer.isDigit(current) { pos += 1 }
            if current != "_" { break }
            pos += 1
            if !Lexer.isDigit(current) { throw error("invalid decimal literal", line: line, offset: column) }
        }
    }

    /// After the `.` of a float.
    mutating func fraction() throws(ParseStop) {
        if Lexer.isDigit(current) { pos += 1; try decimalTail() }
        try exponentAndImaginary()
    }

    mutating func exponentAndImaginary() throws(ParseStop) {
        if current == "e" || current == "E" {
            let e = pos
            pos += 1
            if current == "+" || current == "-" {
                pos += 1
                if !Lexer.isDigit(current) { throw error("invalid decimal literal", line: line, offset: column) }
            } else if !Lexer.isDigit(current) {
                pos = e
                try verifyEndOfNumber("decimal")
                return
            }
            pos += 1
            try decimalTail()
        }
        if current == "j" || current == "J" {
            pos += 1
            try verifyEndOfNumber("imaginary")
            return
        }
        try verifyEndOfNumber("decimal")
    }

    /// tokenizer.c's `verify_end_of_number`: a number may be followed directly by `and`, `else`,
    /// `for`, `if`, `in`, `is`, `not`, `or` (a deprecation warning in CPython), not by other letters.
    func verifyEndOfNumber(_ kind: String) throws(ParseStop) {
        let c = current
        func ahead(_ s: String) -> Bool {
            var i = pos + 1
            for u in s.unicodeScalars { if i >= src.count || src[i] != u { return false }; i += 1 }
            return true
        }
        var ok = false
        switch c {
        case "a": ok = ahead("nd")
        case "e": ok = ahead("lse")
        case "f": ok = ahead("or")
        case "i": ok = peek(1) == "f" || peek(1) == "n" || peek(1) == "s"
        case "o": ok = ahead("r")
        case "n": ok = ahead("ot")
        default: break
        }
        if !ok && Lexer.isIdentifierChar(c) && !didReachEnd {
            throw error("invalid \(kind) literal", line: line, offset: column)
        }
    }

    // MARK: - Strings

    /// `pos` is at the opening quote; the prefix (if any) starts at `start`.
    mutating func scanString(start: Int, line l: Int, column col: Int) throws(ParseStop) -> Token {
        let quote = current
        var triple = false
        if peek(1) == quote && peek(2) == quote { triple = true; pos += 3 } else { pos += 1 }
        while true {
            if didReachEnd {
                if partial { throw .needMore }
                let detected = pos > 0 && Lexer.isLineBreak(src[pos - 1]) ? line - 1 : line
                if triple {
                    throw error("unterminated triple-quoted string literal (detected at line \(userLine(detected)))",
                                line: l, offset: col + 1)
                }
                throw error("unterminated string literal (detected at line \(userLine(line)))", line: l, offset: col + 1)
            }
            let c = current
            if c == "\\" {
                pos += 1
                if didReachEnd { continue }
                if Lexer.isLineBreak(current) { consumeLineBreak() } else { pos += 1 }
                continue
            }
            if Lexer.isLineBreak(c) {
                if !triple {
                    throw error("unterminated string literal (detected at line \(userLine(line)))", line: l, offset: col + 1)
                }
                consumeLineBreak()
                continue
            }
            pos += 1
            if c == quote {
                if !triple { break }
                if current == quote && peek(1) == quote { pos += 2; break }
            }
        }
        return make(.string, from: start, line: l, column: col)
    }
}
