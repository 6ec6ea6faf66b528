/// A fenced block whose info string starts with `heap`, with its examples.
public struct HeapBlock: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// `>>> ` / `... ` prompts; every statement is an example.
        case transcript
        /// A module body; the whole block is one example, its expected stdout is in the
        /// `output` block that directly follows (if any).
        case script
    }

    public var location: SourceLocation
    /// The underlying code block (its ordinal is the key for HTML substitution).
    public var codeBlock: CodeBlock
    public var options: BlockOptions
    public var form: Form
    public var examples: [Example]
    /// For script form: the `output` block that directly follows, if there is one.
    public var outputBlock: CodeBlock?

    public init(location: SourceLocation, codeBlock: CodeBlock, options: BlockOptions,
                form: Form, examples: [Example], outputBlock: CodeBlock?) {
        self.location = location; self.codeBlock = codeBlock; self.options = options
        self.form = form; self.examples = examples; self.outputBlock = outputBlock
    }
}

/// The options of a heap info string: ```` ```heap fresh python=3.11 diagram ````.
public struct BlockOptions: Sendable, Equatable {
    /// Start a new interpreter session for this block and the ones after it.
    public var fresh = false
    /// `python=X.Y`: the profile this block runs under (nil: the book's default).
    public var python: String?
    /// `diagram` or `diagram=a,b`: render the heap after the block (kinds; empty = default).
    public var diagram: [String]?
    /// `versions=3.6,3.11,3.12`: the block also runs under each listed profile and renders
    /// as one table with a column per version (in this order). The primary profile
    /// (`python=`, else the default) must be listed; its output is the one written in the
    /// block, the others' are checked against the oracle cache.
    public var versions: [String]?
    /// `cpython`: the block's examples are checked against real CPython only (the oracle
    /// cache, or `--oracle` live), never simulated; it has no diagram and no `versions=`.
    public var cpython = false

    public init() {}
}
