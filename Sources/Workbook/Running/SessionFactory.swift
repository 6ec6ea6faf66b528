import HeapEngine
import HeapScript

/// One running interpreter: a `__main__` namespace that examples share.
///
/// `HeapScript.Session` is the real one; tests inject fakes so the workbook can be tested
/// without the interpreter.
public protocol ExampleRunner: AnyObject {
    /// Runs one interactive statement (`single` mode, like the REPL).
    func runInteractive(_ source: String, filename: String) -> ExecutionResult
    /// Runs a module body (`exec` mode) in the same namespace.
    func runModule(_ source: String, filename: String) -> ExecutionResult
}

/// Makes sessions and judges whether interactive input is complete.
public protocol SessionFactory: Sendable {
    func makeRunner(profile: Profile) -> any ExampleRunner
    func completeness(of source: String) -> Completeness
}

extension Session: ExampleRunner {}

/// The real interpreter: HeapScript sessions on the simulated CPython heap.
public struct HeapScriptSessions: SessionFactory {
    public var limits: Limits
    public init(limits: Limits = Limits()) { self.limits = limits }

    public func makeRunner(profile: Profile) -> any ExampleRunner {
        Session(profile: profile, limits: limits)
    }

    public func completeness(of source: String) -> Completeness {
        Session.completeness(of: source)
    }
}
