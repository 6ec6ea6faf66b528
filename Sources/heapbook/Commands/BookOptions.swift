import ArgumentParser
import HeapEngine

/// Options every command shares (like mdBook's `command_prelude.rs`).
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("CPython version to simulate.", valueName: "X.Y"))
    var python: String = Profile.default.version

    /// The selected profile (valid after `validate()`).
    var profile: Profile { Profile.named(python) ?? .default }

    func validate() throws {
        guard Profile.named(python) != nil else {
            let choices = Profile.all.map { "'\($0.version)'" }
            let list = choices.count > 1
                ? choices.dropLast().joined(separator: ", ") + " or " + choices.last!
                : choices.joined()
            throw ValidationError("Unknown Python version '\(python)'. Please provide one of \(list).")
        }
    }
}
