import HeapEngine

/// How deep the parser lets source nest before it stops, so that no input recurses without
/// bound on the host stack (the parser, the compiler, the symtable and the evaluator all
/// recurse once per tree level) and the engine never accepts what CPython rejects as too deep.
///
/// Three bounds, checked on entering each nested expression (`Parser.descend`):
/// - the tokenizer's MAXLEVEL (Parser/tokenizer.c, 3.9+ and the lexer's `maxBracketLevel`):
///   the 201st open bracket is CPython's own "too many nested parentheses" SyntaxError;
/// - the profile's model of the parser stack (`Profile.parserStackBudget`): past it the
///   engine refuses, where CPython raises MemoryError somewhat later;
/// - `maxTreeDepth` levels of expression tree, including left-associative chains
///   (`1+1+…`, `a.b.c…`), whose trees CPython's compiler walks recursively: 3.11.7 stops at
///   2994 terms of `+` ("RecursionError: maximum recursion depth exceeded during
///   compilation"), 3.6.15 at 2997, 3.13.0 at 9997, 3.8.18 crashes at 174600; the engine
///   refuses beyond 1000, below all of them.
public struct ParserLimits: Sendable, Equatable {
    public var stackBudget: Int
    public var nestingCost: Int
    public var bracketCost: Int
    public var maxTreeDepth = 1000
    /// The profile, for the int-literal digit limit (`Profile.intMaxStrDigits`): a longer
    /// decimal literal is CPython's SyntaxError, or past `LongFormat.engineMaxDigits` a refusal.
    public var profile: Profile?

    public init(_ profile: Profile) {
        stackBudget = profile.parserStackBudget
        nestingCost = profile.parserNestingCost
        bracketCost = profile.parserBracketCost
        self.profile = profile
    }

    /// The profile whose parser gives up first: what the REPL's statement splitter uses, so
    /// that it never reports an error the session's own profile would not (the session's
    /// parse then applies that profile's limits).
    public static let strictest: ParserLimits = {
        var limits = Profile.all.map(ParserLimits.init).min {
            $0.stackBudget / ($0.bracketCost + $0.nestingCost) < $1.stackBudget / ($1.bracketCost + $1.nestingCost)
        }!
        // No digit limit of its own: long literals are left to the session's profile.
        limits.profile = nil
        return limits
    }()

    /// Whether `nesting` nested expressions inside `brackets` open brackets still fit.
    func fits(nesting: Int, brackets: Int, chain: Int) -> Bool {
        nesting * nestingCost + brackets * bracketCost <= stackBudget && nesting + chain <= maxTreeDepth
    }
}
