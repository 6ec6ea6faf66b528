import Foundation
import HeapEngine
import HeapScript
import Workbook

/// `serve-worker`'s sessions: a few made ahead of time, while the author is still typing.
///
/// Starting a session builds CPython's start-up state (the runtime's types, dicts and
/// arenas), which in a debug build was about 180 ms of an edit's ~460 ms rebuild. A session
/// that has run nothing is the same whenever it was made (the engine is deterministic and a
/// session shares nothing with another), so the worker makes the next build's sessions of
/// the book's profile right after answering a build, on another thread, and hands them out
/// first. Other profiles, and any session beyond the warm ones, are made on demand.
final class PrewarmedSessions: SessionFactory, @unchecked Sendable {
    let base: HeapScriptSessions
    let profile: Profile
    /// A chapter's session, and a second one for its `diagram=gc` pictures.
    let count: Int
    private let lock = NSLock()
    private var ready: [Session] = []
    private let queue = DispatchQueue(label: "heapbook.prewarm", qos: .utility)

    init(profile: Profile, count: Int = 2, base: HeapScriptSessions = HeapScriptSessions()) {
        self.profile = profile; self.count = count; self.base = base
    }

    func makeRunner(profile wanted: Profile) -> any ExampleRunner {
        if wanted.version == profile.version, let session = lock.withLock({ ready.popLast() }) { return session }
        return base.makeRunner(profile: wanted)
    }

    func completeness(of source: String) -> Completeness { base.completeness(of: source) }

    /// Tops the warm sessions up to `count`, in the background.
    func warm() {
        queue.async { [self] in
            while lock.withLock({ ready.count < count }) {
                let session = Session(profile: profile, limits: base.limits)
                lock.withLock { ready.append(session) }
            }
        }
    }
}
