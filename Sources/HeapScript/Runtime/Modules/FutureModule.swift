import HeapEngine

// Lib/__future__.py: the module a future statement imports at run time (`from __future__
// import annotations` is also IMPORT_NAME __future__; IMPORT_FROM annotations; STORE_NAME:
// the name `annotations` is bound to a `_Feature`).
//
// The module is Python in CPython, and so it is here: its code after the docstring, at the
// profile's tag (v3.6.15, v3.8.18, v3.11.7; 3.12.1 and 3.13.0 are 3.11.7's), runs in the
// module's dict with the engine's evaluator, so that `_Feature` is the same plain class, its
// instances carry the same three attributes and `repr(annotations)` is
// `_Feature((3, 7, 0, 'beta', 1), None, 16777216)` (3.8.18: `(3, 10, 0, 'alpha', 0)` for
// the mandatory release; 3.6.15 has no `annotations`, and its CO_* flags are 16 times smaller).
//
// Left out and refused (`isFutureStandInAttribute`): the docstrings (`__doc__`), the import
// system's names (`__file__`, `__cached__`, `__loader__`, `__spec__`, `__package__`,
// `__builtins__`) and `__dict__`.
//
// The import itself is not modelled object for object (Lib/__future__.py's code objects and
// what the import system allocates): `noteUnmodelledImport`. Measured in a fresh interpreter,
// `gc.disable(); import __future__; gc.collect()` is 0 on 3.6.15-3.12.1 (prompt and script)
// and 3.13.0's script; at 3.13.0's prompt `__future__` is in sys.modules already (site's
// _pyrepl imports it) and the 5 found are start-up's own (`Profile.startupGarbageClass`).
extension Interpreter {
    static let futureModuleFile = "<heapbook: Lib/__future__.py>"

    /// The first `import __future__` (or future statement).
    func importFutureModule(_ d: ObjectRef) throws {
        defer {
            noteUnmodelledImport("__future__", blocks: "Lib/__future__.py's code",
                                 objects: "its _Feature class, functions and code objects", leavesGarbage: false)
        }
        try dictSet(d, name("__builtins__"), builtinsDict)
        // 3.13's docstrings are written cleaned already (`futureModuleSource`).
        makingFutureModule = true
        defer { makingFutureModule = false }
        try runStandIn(futureModuleSource(), filename: Interpreter.futureModuleFile, in: d)
        try dictDelName(d, name("__builtins__"), "__builtins__")
        opaqueObjects[d] = "__future__.__dict__"
    }

    /// At 3.13.0's prompt CPython's start-up imported __future__, and _pyrepl's modules
    /// (`from __future__ import annotations`) hold references to the module's names that the
    /// engine does not make: `sys.getrefcount(__future__.annotations)` is 13 there, 3 in a
    /// script and on 3.6.15-3.12.1 (prompt and script), which the engine's stand-in gives; the
    /// module itself 4 there, 3 elsewhere. So at that prompt the module's and its names' counts
    /// are refused.
    func refuseFutureRefcount(_ r: ObjectRef) throws {
        guard modulePreloadedByStartup("__future__"), let m = modules["__future__"],
              case .module(let info) = heap.payload[Int(m)] else { return }
        if r == m || dictStorage(info.dict).items.contains(where: { $0.1 == r }) {
            throw notModelled("sys.getrefcount() of __future__ or one of its names",
                              because: "CPython \(profile.version)'s start-up imported it, and its REPL's modules hold references heapbook does not make")
        }
    }

    /// The names of CPython's module the stand-in does not hold (see the header).
    static func isFutureStandInAttribute(_ attr: String) -> Bool {
        ["__dict__", "__doc__", "__file__", "__cached__", "__loader__", "__spec__", "__package__", "__builtins__"].contains(attr)
    }

    /// Lib/__future__.py after its docstring, at the profile's tag (comments and the module's
    /// docstring left out; the methods keep theirs, their `__doc__`).
    private func futureModuleSource() -> String {
        let v = profile.minor
        // 3.6: CO_FUTURE_DIVISION is 0x2000... (Include/code.h before bpo-31923 moved them).
        let shift = v < 8 ? 0 : 4
        func flag(_ base: Int) -> String { "0x" + String(base << shift, radix: 16) }
        let names = ["nested_scopes", "generators", "division", "absolute_import", "with_statement",
                     "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop"]
            + (v >= 7 ? ["annotations"] : [])
        // A method's docstring as the compiler leaves it: indented by the source's 8 spaces
        // after its first line, except on 3.13, whose compiler removes that indentation
        // (_PyCompile_CleanDoc; measured `_Feature.getOptionalRelease.__doc__`). Written as one
        // escaped literal, so that the engine's compiler takes it as it is.
        func doc(_ cleaned: String) -> String {
            // Before 3.13: the lines after the first indented, but the blank one (empty in the
            // source); the last, before the closing quotes, is the indentation alone.
            let lines = cleaned.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let text = v >= 13 ? cleaned : lines.enumerated().map { k, line in
                k == 0 || (line.isEmpty && k < lines.count - 1) ? line : "        " + line
            }.joined(separator: "\n")
            return Interpreter.strRepr(text)
        }
        let annotations = v < 7 ? "" : """

            annotations = _Feature((3, 7, 0, "beta", 1),
                                   \(v < 10 ? "(3, 10, 0, \"alpha\", 0)" : "None"),
                                   CO_FUTURE_ANNOTATIONS)

            """
        return """
            all_feature_names = [
            \(names.map { "    \"\($0)\",\n" }.joined())]

            __all__ = ["all_feature_names"] + all_feature_names

            CO_NESTED = 0x0010
            CO_GENERATOR_ALLOWED = 0
            CO_FUTURE_DIVISION = \(flag(0x2000))
            CO_FUTURE_ABSOLUTE_IMPORT = \(flag(0x4000))
            CO_FUTURE_WITH_STATEMENT = \(flag(0x8000))
            CO_FUTURE_PRINT_FUNCTION = \(flag(0x10000))
            CO_FUTURE_UNICODE_LITERALS = \(flag(0x20000))
            CO_FUTURE_BARRY_AS_BDFL = \(flag(0x40000))
            CO_FUTURE_GENERATOR_STOP = \(flag(0x80000))
            \(v >= 7 ? "CO_FUTURE_ANNOTATIONS = 0x1000000\n" : "")
            class _Feature:

                def __init__(self, optionalRelease, mandatoryRelease, compiler_flag):
                    self.optional = optionalRelease
                    self.mandatory = mandatoryRelease
                    self.compiler_flag = compiler_flag

                def getOptionalRelease(self):
                    \(doc("Return first release in which this feature was recognized.\n\nThis is a 5-tuple, of the same form as sys.version_info.\n"))
                    return self.optional

                def getMandatoryRelease(self):
                    \(doc("Return release in which this feature will become mandatory.\n\nThis is a 5-tuple, of the same form as sys.version_info, or, if\nthe feature was dropped, \(v < 10 ? "" : "or the release date is undetermined, ")is None.\n"))
                    return self.mandatory

                def __repr__(self):
                    return "_Feature" + repr((self.optional,
                                              self.mandatory,
                                              self.compiler_flag))


            nested_scopes = _Feature((2, 1, 0, "beta",  1),
                                     (2, 2, 0, "alpha", 0),
                                     CO_NESTED)

            generators = _Feature((2, 2, 0, "alpha", 1),
                                  (2, 3, 0, "final", 0),
                                  CO_GENERATOR_ALLOWED)

            division = _Feature((2, 2, 0, "alpha", 2),
                                (3, 0, 0, "alpha", 0),
                                CO_FUTURE_DIVISION)

            absolute_import = _Feature((2, 5, 0, "alpha", 1),
                                       (3, 0, 0, "alpha", 0),
                                       CO_FUTURE_ABSOLUTE_IMPORT)

            with_statement = _Feature((2, 5, 0, "alpha", 1),
                                      (2, 6, 0, "alpha", 0),
                                      CO_FUTURE_WITH_STATEMENT)

            print_function = _Feature((2, 6, 0, "alpha", 2),
                                      (3, 0, 0, "alpha", 0),
                                      CO_FUTURE_PRINT_FUNCTION)

            unicode_literals = _Feature((2, 6, 0, "alpha", 2),
                                        (3, 0, 0, "alpha", 0),
                                        CO_FUTURE_UNICODE_LITERALS)

            barry_as_FLUFL = _Feature((3, 1, 0, "alpha", 2),
                                      (\(v < 8 ? "3, 9" : "4, 0"), 0, "alpha", 0),
                                      CO_FUTURE_BARRY_AS_BDFL)

            generator_stop = _Feature((3, 5, 0, "beta", 1),
                                      (3, 7, 0, "alpha", 0),
                                      CO_FUTURE_GENERATOR_STOP)
            \(annotations)
            """
    }
}
