import Foundation
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
    /// Pictures of the heap as it is now (`diagram` blocks); nil when the runner has no
    /// heap to show. A `gc` request collects: ask it only of a runner made for it.
    func diagram(_ request: DiagramRequest) -> BlockDiagram?
    /// The heap as it is now, for one step of a `diagram` block's stepper; nil when the
    /// runner has no heap to show. Only reads the heap.
    func heapStep(_ request: StepRequest, line: Int?) -> HeapStep?
}

extension ExampleRunner {
    public func diagram(_ request: DiagramRequest) -> BlockDiagram? { nil }
    public func heapStep(_ request: StepRequest, line: Int?) -> HeapStep? { nil }
}

/// Makes sessions and judges whether interactive input is complete.
public protocol SessionFactory: Sendable {
    func makeRunner(profile: Profile) -> any ExampleRunner
    func completeness(of source: String) -> Completeness
}

extension Session: ExampleRunner {
    public func diagram(_ request: DiagramRequest) -> BlockDiagram? {
        BlockDiagram(request: request,
                     objects: request.objects ? heapSnapshot(roots: request.names) : nil,
                     arenas: request.arenas ? arenaSnapshot() : nil,
                     gc: request.gc ? gcCollectionSnapshot(roots: request.names) : nil)
    }

    public func heapStep(_ request: StepRequest, line: Int?) -> HeapStep? {
        let counts = heap.gcCount
        return HeapStep(line: line, objects: request.objects ? heapSnapshot(roots: request.names) : HeapSnapshot(),
                        generationCounts: request.generations ? [counts.0, counts.1, counts.2] : nil,
                        pools: request.pools ? PoolSummary(arenaSnapshot()) : nil)
    }
}

/// The real interpreter: HeapScript sessions on the simulated CPython heap.
public struct HeapScriptSessions: SessionFactory {
    public var limits: Limits
    public init(limits: Limits = Limits().applyingEnvironment()) { self.limits = limits }

    public func makeRunner(profile: Profile) -> any ExampleRunner {
        let session = Session(profile: profile, limits: limits, hashSeed: hashSeedFromEnvironment())
        // The book's outputs are CPython's (or marked `+ENGINE`): an address distance the
        // engine's heap gives is checked against them, not refused.
        session.showsEngineAddressDistances = true
        return session
    }

    public func completeness(of source: String) -> Completeness {
        if let known = CompletenessMemo.shared.lookup(source) { return known }
        let answer = Session.completeness(of: source)
        CompletenessMemo.shared.keep(answer, for: source)
        return answer
    }
}

/// Whether an input is complete depends on its text alone, and the same texts are asked
/// about again and again: a build extracts every chapter twice (once for the oracle keys
/// of the marks, once to run it), `serve` extracts the book at every edit, and each answer
/// costs a trip to the parser's large-stack thread (two thread switches). Process-wide,
/// bounded, thread-safe.
final class CompletenessMemo: @unchecked Sendable {
    static let shared = CompletenessMemo()
    private let lock = NSLock()
    private var answers: [String: Completeness] = [:]
    static let limit = 100_000

    func lookup(_ source: String) -> Completeness? { lock.withLock { answers[source] } }

    func keep(_ answer: Completeness, for source: String) {
        lock.withLock {
            if answers.count >= Self.limit { answers.removeAll(keepingCapacity: true) }
            answers[source] = answer
        }
    }
}
