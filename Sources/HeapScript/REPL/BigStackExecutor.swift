import Foundation

/// A long-lived thread with a 512 MiB stack that runs interpreter work one job at a time.
///
/// Starting a thread per statement cost more than running most statements (a book build
/// runs thousands), so jobs are handed to this one thread and the caller waits. A job
/// that is already on the thread (a nested call) runs directly.
final class BigStackExecutor: @unchecked Sendable {
    static let shared = BigStackExecutor()
    /// Stack sizes tried in turn: 512 MiB, or less where the address space is limited
    /// (`ulimit -v`). 64 MiB still holds the recursion limit's 1000 Python frames (LimitTests).
    static let stackSizes = [1 << 29, 1 << 28, 1 << 27, 1 << 26]

    private let lock = NSCondition()
    private var queue: [() -> Void] = []
    private var thread: pthread_t?
    private var started = false

    func run<T>(_ body: @escaping () -> T) -> T {
        if let thread, pthread_equal(pthread_self(), thread) != 0 { return body() }
        let job = Job(body)
        let done = DispatchSemaphore(value: 0)
        lock.lock()
        if !started { startThread() }
        guard thread != nil else {
            lock.unlock()
            // No thread could be made with any of the stacks: say so rather than wait forever.
            FileHandle.standardError.write(Data(
                "heapbook: error: cannot start the interpreter thread (a 64 MiB stack does not fit; ulimit -v?)\n".utf8))
            exit(2)
        }
        queue.append { job.run(); done.signal() }
        lock.signal()
        lock.unlock()
        done.wait()
        return job.result!
    }

    /// pthread_create with the largest stack that can be had (Foundation's Thread.start
    /// gives no sign when it fails, and the caller would wait for ever).
    private func startThread() {
        started = true
        for size in BigStackExecutor.stackSizes {
            var attr = pthread_attr_t()
            pthread_attr_init(&attr)
            defer { pthread_attr_destroy(&attr) }
            pthread_attr_setstacksize(&attr, size)
            var t = pthread_t()
            let context = Unmanaged.passRetained(self)
            let rc = pthread_create(&t, &attr, { raw in
                let executor = Unmanaged<BigStackExecutor>.fromOpaque(raw!).takeRetainedValue()
                executor.loop()
                return nil
            }, context.toOpaque())
            if rc == 0 {
                pthread_detach(t)
                thread = t
                return
            }
            context.release()
        }
    }

    private func loop() -> Never {
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
