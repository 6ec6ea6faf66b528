import Foundation
import HeapScript

/// The PYTHONHASHSEED of the CPython a session stands for: the oracle's interpreter inherits
/// this process's environment (PythonLocator.environment), so the engine reads the same
/// variable. Unset, empty, "random" or invalid (CPython refuses to start) → nil: hash
/// randomization, under which the engine refuses what depends on str and bytes hashes.
public func hashSeedFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt32? {
    guard let text = environment["PYTHONHASHSEED"] else { return nil }
    return UInt32(text)
}
