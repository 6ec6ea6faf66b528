/// How many times CPython's PEG parser (3.9+) makes the object of each NUMBER token, after the
/// rules of Parser/parser.c (generated from 3.11's Grammar/python.gram) that parse it: `atom`
/// calls `_PyPegen_number_token` (Parser/action_helpers.c → parsenumber → PyLong_FromString)
/// every time it runs on the token, and each object made goes to the parse's arena
/// (`_PyArena_AddPyObject`), which keeps it until the code has run (pythonrun.c: run_mod runs
/// the module before `_PyArena_Free`; the REPL's statement likewise). A small int is one shared
/// object, so each run is one more reference to it for as long as the script (or the REPL's
/// statement) runs. 3.8's LL(1) parser made one object per literal (ast.c, parsenumber).
///
/// Which rules run `atom` on a NUMBER token, given the memoized rules around them:
/// - `primary` is left-recursive: its grow loop runs `primary_raw` until the match stops
///   growing. The first round has no seed, so only the last alternative, `atom`, matches; the
///   last round finds no longer match and tries `atom` again. So every NUMBER an expression
///   reaches is parsed exactly twice (`primary` is memoized per token, through the memoized
///   `await_primary`, `factor`, `expression`...). f-string fields are parsed by a parser of their
///   own (string_parser.c, fstring_compile_expr: the `fstring` rule, star_expressions), twice.
/// - `t_primary` (assignment targets, also left-recursive and memoized) runs `atom &t_lookahead`
///   on the first token of every target the `assignment` rule tries: once when no `.`, `(` or
///   `[` follows the number (the seed fails), twice when one does (its last round again). The
///   rule tries targets at the start of every simple statement (`single_target`,
///   `single_subscript_attribute_target` and the `(star_targets '=')+` loop, which also tries
///   the value after the last `=`) and, inside a target being tried, at the first token of each
///   item of a parenthesized or bracketed target and after each `,` that follows a good item.
///   So `x = 7` and `[a, 7]` parse 7 three times, `print(7)` and `x += 7` twice.
/// - Other `for`/`with`/`del`/comprehension targets start with a name, `(`, `[` or `*` in
///   valid code, never with a number. Match-statement patterns (which parse numbers through
///   `signed_number`) are outside the subset.
///
/// Measured on 3.11.7 (scripts and the REPL), literal 7 in 36 statement shapes: `x = 7` 3,
/// `x = [8, 7]` 2, `x, y = 7, 8` 3 for 7, `[a, b, 7]` 3, `x = 7 .bit_length()` 4, `(7)` 3,
/// `x = -7` 2 (and the folded -7 one, ast_opt's make_const).
public struct NumberTokenParses: Sendable, Equatable {
    /// `t_primary`'s runs of `atom` on the NUMBER token at (line, column), where it ran.
    var targetProbes: [SourceSpan: Int] = [:]

    public init() {}

    /// The objects CPython's parser makes for the NUMBER token starting at `span` (2 through
    /// `primary`, plus any target probes).
    public func objectsMade(at span: SourceSpan) -> Int {
        2 + (targetProbes[SourceSpan(line: span.line, column: span.column)] ?? 0)
    }
}

extension Parser {
    /// Records the `t_primary` runs on NUMBER tokens that CPython's `assignment` rule makes
    /// while trying the simple statement in `toks[start..<p]` (just parsed; `toks[p]` is the
    /// `;` or NEWLINE after it). Only valid code gets here, so brackets balance and the
    /// statement is whatever the engine parsed.
    mutating func noteTargetProbes(from start: Int) {
        var sim = TargetProbeSimulation(toks: toks, end: p)
        sim.assignment(start)
        for (i, n) in sim.probes {
            numberParses.targetProbes[SourceSpan(line: toks[i].line, column: toks[i].column)] = n
        }
    }
}

/// The `assignment` rule's target attempts over a token array, with pegen's memos
/// (`t_primary`, `star_target`, `target_with_star_atom` are memoized: one run per token).
/// Mirrors python.gram 3.11 `assignment`, `star_targets`, `star_targets_tuple_seq`,
/// `star_targets_list_seq`, `star_target`, `target_with_star_atom`, `star_atom`,
/// `single_target`, `single_subscript_attribute_target`, `t_primary`; result: end index or nil.
struct TargetProbeSimulation {
    let toks: [Token]
    /// The index of the token that ends the statement (`;` or NEWLINE).
    let end: Int
    /// NUMBER token index → `atom` runs by `t_primary`.
    var probes: [Int: Int] = [:]
    private var tPrimaryMemo: [Int: Int?] = [:]
    private var starTargetMemo: [Int: Int?] = [:]
    private var withStarAtomMemo: [Int: Int?] = [:]

    init(toks: [Token], end: Int) { self.toks = toks; self.end = end }

    private func tok(_ i: Int) -> Token? { i < end && i < toks.count ? toks[i] : nil }
    private func isOp(_ i: Int, _ s: String) -> Bool { tok(i)?.isOp(s) ?? false }
    private func isName(_ i: Int) -> Bool { tok(i)?.kind == .name }
    /// `t_lookahead: '(' | '[' | '.'`
    private func lookahead(_ i: Int) -> Bool { isOp(i, "(") || isOp(i, "[") || isOp(i, ".") }

    /// The index after the bracket group opening at `i`.
    private func closing(_ i: Int) -> Int? {
        var depth = 0
        var k = i
        while let t = tok(k) {
            if t.isOp("(") || t.isOp("[") || t.isOp("{") { depth += 1 }
            if t.isOp(")") || t.isOp("]") || t.isOp("}") { depth -= 1; if depth == 0 { return k + 1 } }
            k += 1
        }
        return nil
    }

    /// `atom`: where it ends, or nil. (A bracket group of valid code is always a tuple,
    /// group, genexp, list, listcomp, dict, set or comprehension.)
    private mutating func atom(_ i: Int) -> Int? {
        guard let t = tok(i) else { return nil }
        switch t.kind {
        case .name: return i + 1
        case .number:
            probes[i, default: 0] += 1
            return i + 1
        case .keyword: return ["True", "False", "None"].contains(t.text) ? i + 1 : nil
        case .string:
            var k = i
            while tok(k)?.kind == .string { k += 1 }
            return k
        case .op:
            if t.text == "..." { return i + 1 }
            return ["(", "[", "{"].contains(t.text) ? closing(i) : nil
        default: return nil
        }
    }

    /// `t_primary` (left-recursive): `atom &t_lookahead` seeds it; each round extends it by
    /// `.` NAME, `[...]` or `(...)` followed by a lookahead token; the round that cannot
    /// extend it runs `atom &t_lookahead` again.
    mutating func tPrimary(_ i: Int) -> Int? {
        if let done = tPrimaryMemo[i] { return done }
        var result: Int? = nil
        if let a = atom(i), lookahead(a) {
            var e = a
            while true {
                if isOp(e, "."), isName(e + 1), lookahead(e + 2) { e += 2; continue }
                if isOp(e, "[") || isOp(e, "("), let c = closing(e), lookahead(c) { e = c; continue }
                break
            }
            _ = atom(i)
            result = e
        }
        tPrimaryMemo[i] = result
        return result
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`
    private mutating func subscriptOrAttribute(_ i: Int) -> Int? {
        guard let e = tPrimary(i) else { return nil }
        if isOp(e, "."), isName(e + 1), !lookahead(e + 2) { return e + 2 }
        if isOp(e, "["), let c = closing(e), !lookahead(c) { return c }
        return nil
    }

    /// `target_with_star_atom` (memo): a subscript or attribute, else `star_atom`.
    mutating func targetWithStarAtom(_ i: Int) -> Int? {
        if let done = withStarAtomMemo[i] { return done }
        let result = subscriptOrAttribute(i) ?? starAtom(i)
        withStarAtomMemo[i] = result
        return result
    }

    /// `star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
    /// | '[' [star_targets_list_seq] ']'`
    mutating func starAtom(_ i: Int) -> Int? {
        if isName(i) { return i + 1 }
        if isOp(i, "(") {
            if let e = targetWithStarAtom(i + 1), isOp(e, ")") { return e + 1 }
            let e = starTargetsTupleSeq(i + 1) ?? i + 1
            return isOp(e, ")") ? e + 1 : nil
        }
        if isOp(i, "[") {
            let e = starTargetsListSeq(i + 1) ?? i + 1
            return isOp(e, "]") ? e + 1 : nil
        }
        return nil
    }

    /// `star_target` (memo): `'*' (!'*' star_target) | target_with_star_atom`
    mutating func starTarget(_ i: Int) -> Int? {
        if let done = starTargetMemo[i] { return done }
        var result: Int? = nil
        if isOp(i, "*"), !isOp(i + 1, "*") { result = starTarget(i + 1) }
        if result == nil { result = targetWithStarAtom(i) }
        starTargetMemo[i] = result
        return result
    }

    /// `(',' star_target)*` after a target ending at `e`: the end of the last good one, and
    /// how many matched.
    private mutating func moreTargets(after e: Int) -> (Int, Int) {
        var e = e, n = 0
        while isOp(e, ","), let next = starTarget(e + 1) { e = next; n += 1 }
        return (e, n)
    }

    /// `star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','`
    mutating func starTargetsTupleSeq(_ i: Int) -> Int? {
        guard let first = starTarget(i) else { return nil }
        let (e, n) = moreTargets(after: first)
        if n > 0 { return isOp(e, ",") ? e + 1 : e }
        return isOp(first, ",") ? first + 1 : nil
    }

    /// `star_targets_list_seq: ','.star_target+ [',']`
    mutating func starTargetsListSeq(_ i: Int) -> Int? {
        guard let first = starTarget(i) else { return nil }
        let (e, _) = moreTargets(after: first)
        return isOp(e, ",") ? e + 1 : e
    }

    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`
    mutating func starTargets(_ i: Int) -> Int? {
        guard let first = starTarget(i) else { return nil }
        if !isOp(first, ",") { return first }
        let (e, _) = moreTargets(after: first)
        return isOp(e, ",") ? e + 1 : e
    }

    /// `single_target: single_subscript_attribute_target | NAME | '(' single_target ')'`
    mutating func singleTarget(_ i: Int) -> Int? {
        if let e = subscriptOrAttribute(i) { return e }
        if isName(i) { return i + 1 }
        if isOp(i, "("), let e = singleTarget(i + 1), isOp(e, ")") { return e + 1 }
        return nil
    }

    /// `assignment`, up to the alternative that matches valid code: `NAME ':' ...`,
    /// `('(' single_target ')' | single_subscript_attribute_target) ':' ...`,
    /// `(star_targets '=')+ ...`, `single_target augassign ...`; else the statement is not an
    /// assignment (an expression statement, or one that starts with a keyword).
    mutating func assignment(_ s: Int) {
        if isName(s), isOp(s + 1, ":") { return }
        var annotated: Int? = nil
        if isOp(s, "("), let e = singleTarget(s + 1), isOp(e, ")") { annotated = e + 1 }
        else { annotated = subscriptOrAttribute(s) }
        if let e = annotated, isOp(e, ":") { return }
        var at = s, assigned = false
        while let e = starTargets(at), isOp(e, "=") { at = e + 1; assigned = true }
        if assigned { return }
        _ = singleTarget(s)
    }
}
