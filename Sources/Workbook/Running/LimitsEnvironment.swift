import Foundation
import HeapScript

extension Limits {
    /// `HEAPBOOK_TIME_LIMIT=SECONDS` in the environment lowers (or raises) the wall-clock bound
    /// of each run from its default of 60 s: `heapbook fuzz --mutate` sets it below its own
    /// timeout, so that a child still running at the timeout is a hang past the engine's
    /// bounds, not a Python loop that never ends (which CPython runs forever too).
    public func applyingEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Limits {
        var limits = self
        if let text = environment["HEAPBOOK_TIME_LIMIT"], let seconds = Int(text), seconds > 0 {
            limits.wallClockSeconds = seconds
        }
        return limits
    }
}
