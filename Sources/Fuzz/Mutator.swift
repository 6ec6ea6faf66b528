import Foundation

/// `heapbook fuzz --mutate`: inputs made by random edits of real inputs (the corpus programs
/// and the chapters), for "no crash, no hang" rather than for agreement with CPython.
///
/// Input `index` of seed `seed` is the same on every run and machine: its own SplitMix64
/// stream picks the seed input and the edits (1 to 4 of them), as for `ProgramGenerator`.
public struct Mutator: Sendable {
    /// A seed input: a REPL program (`heapbook repl` reads it) or a chapter
    /// (`heapbook test FILE` extracts and runs its heap blocks).
    public struct Seed: Sendable, Equatable {
        public enum Kind: String, Sendable { case repl, chapter }
        public var name: String
        public var kind: Kind
        public var bytes: [UInt8]
        public init(name: String, kind: Kind, text: String) { self.name = name; self.kind = kind; bytes = Array(text.utf8) }
    }

    /// One mutated input: raw bytes (byte flips make invalid UTF-8 on purpose).
    public struct Input: Sendable, Equatable {
        public var index: Int
        public var seed: String
        public var kind: Seed.Kind
        public var bytes: [UInt8]
        /// The edits applied, in order ("delete token 12", "nest ( x2000", …).
        public var edits: [String]
    }

    public var seed: UInt64
    public var seeds: [Seed]
    /// Percentage of inputs drawn from chapters (they run slower: a whole chapter each).
    public var chapterPercent = 10

    public init(seed: UInt64, seeds: [Seed]) { self.seed = seed; self.seeds = seeds }

    public func input(_ index: Int) -> Input {
        var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E6C_63D0_676A_9A99)
        _ = rng.next()
        let chapters = seeds.filter { $0.kind == .chapter }, programs = seeds.filter { $0.kind == .repl }
        let pool = !chapters.isEmpty && (programs.isEmpty || rng.chance(chapterPercent)) ? chapters : programs
        let base = rng.pick(pool)
        var bytes = base.bytes
        var edits: [String] = []
        for _ in 0..<(1 + rng.below(4)) { edits.append(mutate(&bytes, &rng)) }
        return Input(index: index, seed: base.name, kind: base.kind, bytes: bytes, edits: edits)
    }

    /// Applies one random edit to `bytes`; returns its description.
    func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) -> String {
        var tokens = Self.tokens(bytes)
        let pick = rng.below(100)
        switch pick {
        case 0..<16:
            guard !tokens.isEmpty else { fallthrough }
            let i = rng.below(tokens.count)
            tokens.remove(at: i)
            bytes = Array(tokens.joined())
            return "delete token \(i)"
        case 16..<32:
            let i = rng.below(tokens.count + 1)
            let token = rng.chance(50) || tokens.isEmpty ? Array(rng.pick(Self.dictionary).utf8) : rng.pick(tokens)
            tokens.insert(token, at: i)
            bytes = Array(tokens.joined())
            return "insert token \(String(decoding: token, as: UTF8.self).debugDescription) at \(i)"
        case 32..<42:
            guard !tokens.isEmpty else { fallthrough }
            let i = rng.below(tokens.count), n = 1 + rng.below(min(8, tokens.count - i))
            let copies = rng.chance(80) ? 1 : 1 + rng.below(200)
            let run = Array(tokens[i..<(i + n)])
            for _ in 0..<copies { tokens.insert(contentsOf: run, at: i) }
            bytes = Array(tokens.joined())
            return "duplicate tokens \(i)..<\(i + n) x\(copies)"
        case 42..<52:
            guard tokens.count >= 2 else { fallthrough }
            let i = rng.below(tokens.count), j = rng.below(tokens.count)
            tokens.swapAt(i, j)
            bytes = Array(tokens.joined())
            return "swap tokens \(i) \(j)"
        case 52..<64:
            let other = rng.pick(seeds)
            let donor = Self.lines(other.bytes), lines = Self.lines(bytes)
            guard !donor.isEmpty else { fallthrough }
            let start = rng.below(donor.count), n = 1 + rng.below(min(6, donor.count - start))
            let at = rng.below(lines.count + 1)
            var out = lines
            out.insert(contentsOf: donor[start..<(start + n)], at: at)
            bytes = Array(out.joined())
            return "splice \(n) lines of \(other.name) at line \(at)"
        case 64..<76:
            guard !bytes.isEmpty else { fallthrough }
            let i = rng.below(bytes.count)
            let flip: UInt8 = rng.chance(50) ? 1 << UInt8(rng.below(8)) : UInt8(truncatingIfNeeded: rng.next())
            bytes[i] ^= flip == 0 ? 0x80 : flip
            return "flip byte \(i) ^ \(flip == 0 ? 0x80 : flip)"
        case 76..<95:
            // A deeply nested expression or a huge literal, as a line of its own.
            let (text, name) = pick < 86 ? Self.nesting(&rng) : Self.hugeLiteral(&rng)
            var lines = Self.lines(bytes)
            let at = rng.below(lines.count + 1)
            lines.insert(Array(text.utf8), at: at)
            bytes = Array(lines.joined())
            return "\(name) at line \(at)"
        default:
            // Line endings: CRLF everywhere, a lone CR, or the last newline removed.
            switch rng.below(3) {
            case 0:
                bytes = bytes.flatMap { $0 == 10 ? [13, 10] : [$0] }
                return "CRLF line endings"
            case 1:
                let newlines = bytes.indices.filter { bytes[$0] == 10 }
                guard !newlines.isEmpty else { return "no newline to replace" }
                let i = rng.pick(newlines)
                bytes[i] = 13
                return "CR for the newline at byte \(i)"
            default:
                while bytes.last == 10 { bytes.removeLast() }
                return "no final newline"
            }
        }
    }

    /// Deeply nested constructs (parser and compiler recursion, the trashcan on dealloc).
    static func nesting(_ rng: inout SplitMix64) -> (String, String) {
        let depth = rng.pick([50, 100, 200, 1000, 5000, 50000])
        switch rng.below(8) {
        case 0: return (String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n", "nest ( x\(depth)")
        case 1: return ("x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n", "nest [ x\(depth)")
        case 2: return ("x = " + String(repeating: "-", count: depth) + "1\n", "unary - x\(depth)")
        case 3: return ("x = " + String(repeating: "not ", count: depth) + "1\n", "not x\(depth)")
        case 4: return ("x = " + Array(repeating: "1", count: depth).joined(separator: " + ") + "\n", "1 + ... x\(depth)")
        case 5:
            let d = min(depth, 200)
            let lines = (0..<d).map { String(repeating: " ", count: $0) + "if 1:" } + [String(repeating: " ", count: d) + "pass", ""]
            return (lines.joined(separator: "\n") + "\n", "if-blocks x\(d)")
        case 6:
            return ("x = []\nfor i in range(\(depth)):\n    x = [x]\n\ndel x\n", "list chain x\(depth)")
        default:
            return ("x = " + String(repeating: "{'a': ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n", "nest {'a': x\(depth)")
        }
    }

    /// Literals far beyond anything in the corpus.
    static func hugeLiteral(_ rng: inout SplitMix64) -> (String, String) {
        let n = rng.pick([1000, 4300, 4301, 10000, 100000])
        switch rng.below(5) {
        case 0: return ("x = " + String(repeating: "9", count: n) + "\n", "int literal of \(n) digits")
        case 1: return ("x = '" + String(repeating: "a", count: n * 10) + "'\n", "str literal of \(n * 10) chars")
        case 2: return ("x = 0x" + String(repeating: "f", count: n) + "\n", "hex literal of \(n) digits")
        case 3: return ("x = 1e" + String(repeating: "9", count: min(n, 400)) + "\n", "float exponent of \(min(n, 400)) digits")
        default: return ("x = [" + Array(repeating: "0", count: n).joined(separator: ", ") + "]\n", "list display of \(n) items")
        }
    }

    /// Tokens inserted at random: keywords, operators and names of the subset and beyond.
    static let dictionary = [
        "(", ")", "[", "]", "{", "}", ":", ",", ".", ";", "=", "==", "+", "-", "*", "**", "/", "//", "%", "@",
        "<", ">", "<=", "!=", "->", "+=", "|", "&", "^", "~", "<<", ">>", ":=", "\\", "#", "'", "\"", "\"\"\"",
        "\n", "\n    ", "    ", "\t", "\r", "\0", "def", "class", "lambda", "return", "yield", "await", "async",
        "del", "global", "nonlocal", "if", "elif", "else", "for", "while", "in", "not", "is", "and", "or", "try",
        "except", "finally", "raise", "with", "as", "import", "from", "pass", "break", "continue", "None", "True",
        "False", "self", "__del__", "__init__", "__class__", "__dict__", "gc", "sys", "weakref", "print", "len",
        "id", "0", "1", "-1", "1.5", "1j", "0x10", "10**100", "'s'", "b'b'", "f'{x}'", "...", "*args", "**kw",
        ">>> ", "... ", "```", "```heap",
    ]

    /// Tokens for edits: identifier/number runs, quoted strings on one line, space runs,
    /// newlines, and single other bytes. Joining the tokens gives the input back.
    public static func tokens(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var i = 0
        func isWord(_ b: UInt8) -> Bool { b == 95 || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 128 }
        while i < bytes.count {
            let b = bytes[i]
            var j = i + 1
            if isWord(b) {
                while j < bytes.count, isWord(bytes[j]) { j += 1 }
            } else if b == 32 {
                while j < bytes.count, bytes[j] == 32 { j += 1 }
            } else if b == 39 || b == 34 {
                while j < bytes.count, bytes[j] != b, bytes[j] != 10 { j += 1 }
                if j < bytes.count, bytes[j] == b { j += 1 }
            }
            out.append(Array(bytes[i..<j]))
            i = j
        }
        return out
    }

    /// Lines with their newline (the last one may have none).
    public static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 10 {
            out.append(Array(bytes[start...i])); start = i + 1
        }
        if start < bytes.count { out.append(Array(bytes[start...])) }
        return out
    }
}

extension Mutator {
    /// The seed inputs: every `.py` under `corpus` (REPL programs) and every `.md` in
    /// `chapters`, in path order (so a seed means the same inputs while the files do not change).
    public static func seeds(corpus: String, chapters: String) throws -> [Seed] {
        let fm = FileManager.default
        var seeds: [Seed] = []
        if let walker = fm.enumerator(atPath: corpus) {
            let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".py") }.sorted()
            for path in paths {
                seeds.append(Seed(name: path, kind: .repl, text: try String(contentsOfFile: corpus + "/" + path, encoding: .utf8)))
            }
        }
        let chapterNames = ((try? fm.contentsOfDirectory(atPath: chapters)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        for name in chapterNames {
            seeds.append(Seed(name: name, kind: .chapter, text: try String(contentsOfFile: chapters + "/" + name, encoding: .utf8)))
        }
        return seeds
    }
}
