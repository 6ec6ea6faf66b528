import Foundation
import HeapEngine
import HeapScript
import Workbook

/// `serve-worker`'s sessions: the ones the next build will want, made ahead of time while
/// the author is still typing.
///
/// Starting a session builds CPython's start-up state (the runtime's types, dicts and
/// arenas), which in a debug build was about 180 ms of an edit's ~460 ms rebuild. A session
/// that has run nothing is the same whenever it was made (the engine is deterministic and a
/// session shares nothing with another), so after each build the worker makes, on another
/// thread, as many sessions of each profile as that build asked for (the chapter being
/// edited is the one most likely to be built next: `fresh` blocks and `versions=` tables
/// want several), at least two of the book's profile (a chapter's session and one for
/// its `diagram=gc` pictures) and at most `limit` in all. Any session beyond the warm ones
/// is made on demand. (Warming runs beside the next build if the author saves again at
/// once; on 2 cores a quick second save of a `versions=` chapter can wait for it.)
final class PrewarmedSessions: SessionFactory, @unchecked Sendable {
    let base: HeapScriptSessions
    let profile: Profile
    let minimum: Int
    let limit: Int
    private let lock = NSLock()
    private var ready: [String: [Session]] = [:]
    /// Sessions asked for since the last `warm()`, by profile.
    private var asked: [String: (profile: Profile, count: Int)] = [:]
    private let queue = DispatchQueue(label: "heapbook.prewarm", qos: .utility)

    init(profile: Profile, minimum: Int = 2, limit: Int = 16, base: HeapScriptSessions = HeapScriptSessions()) {
        self.profile = profile; self.minimum = minimum; self.limit = limit; self.base = base
    }

    func makeRunner(profile wanted: Profile) -> any ExampleRunner {
        let warm: Session? = lock.withLock {
            asked[wanted.version, default: (wanted, 0)].count += 1
            return ready[wanted.version]?.popLast()
        }
        return warm ?? base.makeRunner(profile: wanted)
    }

    func completeness(of source: String) -> Completeness { base.completeness(of: source) }

    /// Makes, in the background, the sessions the last build asked for.
    func warm() {
        let plan: [(Profile, Int)] = lock.withLock {
            // A build that asked for more than `limit` (the first one, which runs the whole
            // book) says nothing about the next edit: warm the minimum then.
            var wanted = asked.values.reduce(0) { $0 + $1.count } > limit ? [:] : asked
            asked = [:]
            wanted[profile.version] = (profile, max(minimum, wanted[profile.version]?.count ?? 0))
            var left = limit
            // The book's profile first, then the others in a stable order.
            let book = profile.version
            return wanted.values.sorted { a, b in
                (a.profile.version == book) != (b.profile.version == book) ? a.profile.version == book : a.profile.version < b.profile.version
            }
                .map { entry in
                    let n = min(entry.count, left)
                    left -= n
                    return (entry.profile, n)
                }
        }
        queue.async { [self] in
            for (profile, count) in plan {
                while lock.withLock({ (ready[profile.version]?.count ?? 0) < count }) {
                    let session = Session(profile: profile, limits: base.limits,
                                          hashSeed: hashSeedFromEnvironment())
                    session.showsEngineAddressDistances = true   // as HeapScriptSessions' sessions
                    lock.withLock { ready[profile.version, default: []].append(session) }
                }
            }
        }
    }
}
