/// One thing to run and check: a `>>>` statement (with its `...` lines), or a whole script
/// block.
public struct Example: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// `single` mode, like the REPL.
        case interactive
        /// `exec` mode in the chapter session's `__main__`.
        case module
    }

    /// The `>>>` line, or the script block's first content line.
    public var location: SourceLocation
    public var mode: Mode
    /// Source as the interpreter receives it: prompts removed, lines joined with "\n",
    /// ending with "\n".
    public var source: String
    public var expected: ExpectedOutput
    public var directives: Directives
    /// Start a new session before running this example (first example of a `fresh` block).
    public var startsFreshSession: Bool
    /// `python=` of the enclosing block, if any.
    public var python: String?
    /// `versions=` of the enclosing block, if any: every profile it also runs under, in
    /// the order listed (the primary, `python=` or the default profile, is among them).
    public var versions: [String]?
    /// Index of the enclosing heap block within its chapter.
    public var blockIndex: Int
    /// Of a `cpython` block: checked against real CPython only, never run by the engine.
    /// It runs in a CPython session of its own (one per block); the engine's sessions,
    /// and the oracle's runs of them, pass over it (`ProfilePlan.session(of:profile:)`).
    public var cpythonOnly = false

    public init(location: SourceLocation, mode: Mode, source: String, expected: ExpectedOutput,
                directives: Directives = [], startsFreshSession: Bool = false,
                python: String? = nil, blockIndex: Int = 0) {
        self.location = location; self.mode = mode; self.source = source
        self.expected = expected; self.directives = directives
        self.startsFreshSession = startsFreshSession; self.python = python
        self.blockIndex = blockIndex
    }
}

/// Expected output and where it is written, so `--bless` can rewrite exactly those lines.
public struct ExpectedOutput: Sendable, Equatable {
    /// The lines as written, container prefixes removed (`<BLANKLINE>` not yet decoded).
    public var lines: [String]
    /// Source lines `[first, first + lines.count)` hold the output. When `lines` is empty
    /// this is where output would be inserted.
    public var firstLine: Int
    /// Where the output lives.
    public var placement: Placement
    /// Container prefix (`> `, list indentation) that lines written here must carry.
    public var prefix: String

    public enum Placement: Sendable, Equatable {
        /// Lines inside the transcript, after the example's input lines.
        case transcript
        /// Content of the `output` block following a script block.
        case outputBlock
        /// A script block without an `output` block; bless inserts one after `closingLine`.
        case missingOutputBlock(closingLine: Int)
    }

    public init(lines: [String], firstLine: Int, placement: Placement, prefix: String = "") {
        self.lines = lines; self.firstLine = firstLine; self.placement = placement
        self.prefix = prefix
    }

    /// The expected text: lines joined with "\n", `<BLANKLINE>` meaning an empty line.
    public var text: String {
        lines.map { $0 == "<BLANKLINE>" ? "" : $0 }.joined(separator: "\n")
    }
}

/// doctest-style option flags from a trailing `# heap: +ELLIPSIS, +SKIP` comment.
public struct Directives: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `...` in the expected output matches any text, newlines included.
    public static let ellipsis = Directives(rawValue: 1 << 0)
    /// Not run; counted as skipped.
    public static let skip = Directives(rawValue: 1 << 1)
    /// The output is the engine's simulated view (addresses, arena maps): never compared
    /// with a real CPython.
    public static let engine = Directives(rawValue: 1 << 2)
    /// Runs of whitespace (newlines included) compare equal to a single space.
    public static let normalizeWhitespace = Directives(rawValue: 1 << 3)

    /// Spelling in a directive comment → flag.
    public static let byName: [String: Directives] = [
        "ELLIPSIS": .ellipsis, "SKIP": .skip, "ENGINE": .engine,
        "NORMALIZE_WHITESPACE": .normalizeWhitespace,
    ]
}
