import ArgumentParser
import HeapEngine
import Workbook

/// Options every command shares (like mdBook's `command_prelude.rs`).
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "CPython version to simulate; for 'test', 'all' also runs every example under every version.",
        valueName: "X.Y|all"))
    var python: String = Profile.default.version

    /// Shared objects keep the engine's provisional start-up count (1,000,000) and are never
    /// refused: for scripts/measure/startup_refcounts.py only.
    @Flag(name: .long, help: .hidden)
    var provisionalStartupRefcounts = false

    /// The selection (valid after `validate()`).
    var selection: PythonSelection { PythonSelection(python) ?? .one(.default) }

    /// The selected profile: the default one of the run (3.11 for `all`).
    var profile: Profile { selection.profile }

    func validate() throws {
        guard PythonSelection(python) != nil else {
            throw ValidationError(PythonSelection.unknownMessage(python, allowingAll: true))
        }
    }

    /// For commands that run one profile: `all` is an error there.
    func requireOneVersion(_ command: String) throws {
        guard selection != .all else {
            throw ValidationError("'--python all' is only for 'heapbook test'; '\(command)' uses one profile. "
                                  + PythonSelection.pleaseProvide(allowingAll: false))
        }
    }
}
