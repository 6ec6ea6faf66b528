import Foundation

/// A long-lived thread with a 512 MiB stack that runs interpreter work one job at a time.
///
/// Starting a thread per statement cost more than running most statements (a book build
/// runs thousands), so jobs are handed to this one thread and the caller waits. A job
/// that is already on the thread (a nested call) runs directly.
final class BigStackExecutor: @unchecked Sendable {
    static let shared = BigStackExecutor()
    static let stackSize = 1 << 29

    private let lock = NSCondition()
    private var queue: [() -> Void] = []
    private var thread: Thread?

    func run<T>(_ body: @escaping () -> T) -> T {
        if Thread.current == thread { return body() }
        let job = Job(body)
        let done = DispatchSemaphore(value: 0)
        lock.lock()
        if thread == nil { startThread() }
        queue.append { job.run(); done.signal() }
        lock.signal()
        lock.unlock()
        done.wait()
        return job.result!
    }

    private func startThread() {
        let t = Thread { [unowned self] in self.loop() }
        t.stackSize = BigStackExecutor.stackSize
        t.name = "heapbook-interpreter"
        thread = t
        t.start()
    }

    private func loop() {
        while true {
            lock.lock()
            while queue.isEmpty { lock.wait() }
            let next = queue.removeFirst()
            lock.unlock()
            next()
        }
    }

    /// A closure and its result, handed across the thread boundary (strictly one after
    /// the other: the caller waits for `done`).
    private final class Job<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        func run() { result = body() }
    }
}
