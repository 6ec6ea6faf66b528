// POSIX threads from the C library, not Foundation: HeapScript stays Foundation-free.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A long-lived thread with a 512 MiB stack that runs interpreter work one job at a time.
///
/// Starting a thread per statement cost more than running most statements (a book build
/// runs thousands), so jobs are handed to this one thread and the caller waits. A job
/// that is already on the thread (a nested call) runs directly. Where there are no POSIX
/// threads (WebAssembly), jobs run on the caller's stack.
final class BigStackExecutor: @unchecked Sendable {
    static let shared = BigStackExecutor()
    /// Stack sizes tried in turn: 512 MiB, or less where the address space is limited
    /// (`ulimit -v`). 64 MiB still holds the recursion limit's 1000 Python frames (LimitTests).
    static let stackSizes = [1 << 29, 1 << 28, 1 << 27, 1 << 26]

    #if canImport(Glibc) || canImport(Musl)
    // Invariant: `queue`, `started` and each job's `finished` are read and written only with
    // `mutex` held; `wake` signals the worker, `finished` the callers.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [JobBase] = []
    private var thread: pthread_t?
    private var started = false

    private init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
        pthread_cond_init(finished, nil)
    }

    func run<T>(_ body: @escaping () -> T) -> T {
        if let thread, pthread_equal(pthread_self(), thread) != 0 { return body() }
        let job = Job(body)
        pthread_mutex_lock(mutex)
        if !started { startThread() }
        guard thread != nil else {
            pthread_mutex_unlock(mutex)
            // No thread could be made with any of the stacks: say so rather than wait forever.
            let message = "heapbook: error: cannot start the interpreter thread (a 64 MiB stack does not fit; ulimit -v?)\n"
            _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
            exit(2)
        }
        queue.append(job)
        pthread_cond_signal(wake)
        while !job.done { pthread_cond_wait(finished, mutex) }
        pthread_mutex_unlock(mutex)
        return job.result!
    }

    /// pthread_create with the largest stack that can be had.
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
            pthread_mutex_lock(mutex)
            while queue.isEmpty { pthread_cond_wait(wake, mutex) }
            let next = queue.removeFirst()
            pthread_mutex_unlock(mutex)
            next.run()
            pthread_mutex_lock(mutex)
            next.done = true
            pthread_cond_broadcast(finished)
            pthread_mutex_unlock(mutex)
        }
    }
    #else
    func run<T>(_ body: @escaping () -> T) -> T { body() }
    #endif

    /// A job handed across the thread boundary; `done` is written by the worker and read
    /// by the caller, both with the mutex held.
    private class JobBase: @unchecked Sendable {
        var done = false
        func run() {}
    }

    /// A closure and its result (written by the worker before `done`, read after it).
    private final class Job<T>: JobBase, @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        override func run() { result = body() }
    }
}
