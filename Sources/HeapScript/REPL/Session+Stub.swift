import HeapEngine

// TEMPORARY STUB (lead engineer replaces this file with the real interpreter).
// It exists so Workbook/Site can compile against the final API.
public final class Session {
    public let profile: Profile
    public let limits: Limits
    public init(profile: Profile = .default, limits: Limits = Limits()) {
        self.profile = profile; self.limits = limits
    }
    /// Runs one interactive statement (CPython's `single` mode, as the REPL does): an
    /// expression statement's non-None value is printed with repr and bound to `_`.
    public func runInteractive(_ source: String, filename: String = "<stdin>") -> ExecutionResult {
        ExecutionResult()
    }
    /// Runs source as a module body (`exec` mode) in this session's `__main__` namespace.
    public func runModule(_ source: String, filename: String) -> ExecutionResult {
        ExecutionResult()
    }
    /// Whether `source` is a complete interactive statement yet.
    public static func completeness(of source: String) -> Completeness { .complete }
}
