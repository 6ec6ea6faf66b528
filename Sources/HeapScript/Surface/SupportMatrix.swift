import HeapEngine

/// docs/support-matrix.md: per profile, what the engine models against what the real CPython
/// has (recorded in `CPythonSurface`). Generated; a test fails when the committed file differs
/// from `SupportMatrix.markdown()`.
public enum SupportMatrix {
    /// Statement and expression kinds, a program showing each, and whether the parser and
    /// compiler accept it (true) or refuse it (`UnsupportedConstruct`). BoundaryTests runs
    /// every example as a module under the 3.13 profile to check the flag.
    public static let statements: [(kind: String, example: String, accepted: Bool)] = [
        ("expression statement", "1 + 2", true),
        ("assignment", "x = [1]", true),
        ("augmented assignment", "x = 1\nx += 1", true),
        ("annotated assignment", "x: int = 1\nclass C:\n    y: str\n", true),
        ("assignment expression (:=, 3.8+)", "if (n := 1):\n    pass\n", true),
        // Refused in a function's comprehension through 3.11 (the target is a cell there)
        // and in a generator expression; this check runs 3.13.
        ("':=' in a comprehension (3.8+ at module level, 3.12+ in a function)", "def f():\n    return [y := i for i in range(2)], y\n", true),
        ("starred assignment target", "a, *b = [1, 2]", true),
        ("del", "x = 1\ndel x", true),
        ("pass", "pass", true),
        ("if / elif / else", "if 1:\n    pass\nelse:\n    pass\n", true),
        ("while / break / continue", "while 0:\n    break\n", true),
        ("for", "for i in []:\n    continue\n", true),
        ("def / return", "def f():\n    return 1\n", true),
        ("*args / **kwargs parameters", "def f(*a, **k):\n    pass\n", true),
        ("keyword-only parameters", "def f(*, a):\n    pass\n", true),
        ("positional-only parameters (3.8+)", "def f(a, /, b=1):\n    pass\n", true),
        ("parameter and return annotations", "def f(a: int, *b: str) -> None:\n    pass\n", true),
        // Compiled on every profile; CALL_FUNCTION_EX of Python functions, bound methods and
        // some builtins runs on 3.8+ (on 3.6 of Python functions and bound methods only).
        ("call with * / ** unpacking", "def f(*a, **k):\n    return a\n\nf(*[1], **{})\n", true),
        // BUILD_*_UNPACK of 3.6 and 3.8 is refused (this check runs 3.13).
        ("* / ** unpacking in displays (3.11+)", "a = [*[1], *()]\nd = {**{}, 'k': 1}\n", true),
        ("decorator", "def d(f):\n    return f\n\n@d\ndef g():\n    pass\n",true),
        ("lambda", "f = lambda: 1",true),
        ("generator expression", "g = (i for i in [])", true),
        ("generator function (yield)", "def g():\n    x = yield 1\n", true),
        ("yield from (3.11+)", "def g():\n    yield from []\n", true),
        ("class", "class C:\n    pass\n", true),
        ("global", "def f():\n    global x\n    x = 1\n", true),
        ("nonlocal", "def f():\n    x = 1\n    def g():\n        nonlocal x\n",true),
        ("import", "import gc", true),
        ("from ... import", "from sys import getsizeof", true),
        ("raise", "raise ValueError", true),
        ("raise ... from", "raise ValueError from None", true),
        ("assert", "assert 1", true),
        ("try / except / finally", "try:\n    pass\nexcept:\n    pass\n", true),
        ("with", "with x:\n    pass\n", true),
    ]

    /// The whole document.
    public static func markdown() -> String {
        var out = """
        # Support matrix

        Generated from `scripts/measure/surface/*.json` (what each real CPython has) and the engine
        (`Interpreter.modelledBuiltins`, `modelledAttributes`, `modelledModules`) by
        `SupportMatrix.markdown()`; BoundaryTests fails when this file is stale. Regenerate with
        `heapbook support-matrix > docs/support-matrix.md`. Anything listed as missing is refused
        (`heapbook does not model ...`), never answered with an error CPython would not raise.

        ## Statements

        | kind | example | parser and compiler |
        |---|---|---|

        """
        for s in statements {
            var example = Substring(s.example)
            while example.last == "\n" { example = example.dropLast() }
            let shown = example.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
            out += "| \(s.kind) | `\(shown)` | \(s.accepted ? "accepted" : "refused") |\n"
        }
        for profile in Profile.all {
            out += section(profile)
        }
        return out
    }

    private static func section(_ profile: Profile) -> String {
        let surface = CPythonSurface.of(profile)
        let i = Interpreter(profile: profile, limits: Limits())
        var out = "\n## CPython \(surface.release) (profile \(profile.version))\n\n"
        let builtins = Set(i.modelledBuiltins)
        out += "### Builtins\n\n" + line(has: surface.builtins, modelled: builtins)
        out += "\n### Builtin types\n\n| type | modelled / CPython | missing |\n|---|---|---|\n"
        for (name, attrs) in surface.types.sorted(by: { $0.key < $1.key }) {
            guard i.builtinKind(named: name) != nil else { continue }
            let modelled = Set(i.modelledAttributes(ofType: name))
            let missing = attrs.filter { !modelled.contains($0) }
            out += "| \(name) | \(attrs.count - missing.count) / \(attrs.count) | \(missing.joined(separator: " ")) |\n"
        }
        let absent = surface.types.keys.sorted().filter { i.builtinKind(named: $0) == nil }
        out += "\nTypes the engine does not have (\(absent.count)): \(absent.joined(separator: " "))\n"
        out += "\n### Modules\n\n" + line(has: surface.modules, modelled: Set(i.modelledModules))
        out += "\n| module | modelled / CPython | missing |\n|---|---|---|\n"
        for m in i.modelledModules {
            let attrs = surface.moduleAttributes[m] ?? []
            let modelled = Set(i.modelledAttributes(ofModule: m))
            let missing = attrs.filter { !modelled.contains($0) }
            out += "| \(m) | \(attrs.count - missing.count) / \(attrs.count) | \(missing.joined(separator: " ")) |\n"
        }
        return out
    }

    private static func line(has: [String], modelled: Set<String>) -> String {
        let missing = has.filter { !modelled.contains($0) }
        return "Modelled \(has.count - missing.count) of \(has.count); missing: \(missing.joined(separator: " "))\n"
    }
}
