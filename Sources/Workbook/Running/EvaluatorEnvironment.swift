import Foundation
import HeapScript

extension Evaluator {
    /// Statements run on the bytecode VM (issue 16) wherever it compiles them;
    /// `HEAPBOOK_VM=0` in the environment selects the closure path alone.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Evaluator {
        environment["HEAPBOOK_VM"] == "0" ? .closures : .bytecode
    }
}

/// The PYTHONHASHSEED of the CPython a session stands for: the oracle's interpreter inherits
/// this process's environment (PythonLocator.environment), so the engine reads the same
/// variable. Unset, empty, "random" or invalid (CPython refuses to start) → nil: hash
/// randomization, under which the engine refuses what depends on str and bytes hashes.
public func hashSeedFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt32? {
    guard let text = environment["PYTHONHASHSEED"] else { return nil }
    return UInt32(text)
}
