import Foundation
import HeapScript

extension Evaluator {
    /// `HEAPBOOK_VM=1` in the environment runs statements on the bytecode VM (issue 16)
    /// wherever it compiles them; anything else keeps the closure path.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Evaluator {
        environment["HEAPBOOK_VM"] == "1" ? .bytecode : .closures
    }
}
