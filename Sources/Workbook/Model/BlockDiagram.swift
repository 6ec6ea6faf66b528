import HeapEngine
import HeapScript

/// What a `diagram` option asks to be drawn after its block has run.
///
/// Spelling (`heap diagram…` in the info string):
/// - `diagram`: the objects every user name of `__main__` reaches;
/// - `diagram=a,b`: the objects `a` and `b` reach;
/// - `diagram=arenas`: pymalloc's arenas, pools and blocks;
/// - `diagram=gc` (`diagram=gc,a`): a full `gc.collect()` phase by phase, run on a copy of
///   the session so that the chapter's own session is not changed;
/// - `objects` draws the object graph alongside `arenas` or `gc` (`diagram=objects,arenas`).
public struct DiagramRequest: Sendable, Equatable {
    public static let kinds: Set<String> = ["objects", "arenas", "gc"]

    public var objects: Bool
    public var arenas: Bool
    public var gc: Bool
    /// Root names; nil means every user name.
    public var names: [String]?

    public init(objects: Bool = true, arenas: Bool = false, gc: Bool = false, names: [String]? = nil) {
        self.objects = objects; self.arenas = arenas; self.gc = gc; self.names = names
    }

    /// From the words of `diagram=…` (empty for a bare `diagram`).
    public init(_ words: [String]) {
        arenas = words.contains("arenas")
        gc = words.contains("gc")
        objects = words.contains("objects") || (!arenas && !gc)
        let names = words.filter { !Self.kinds.contains($0) }
        self.names = names.isEmpty ? nil : names
    }
}

/// The pictures taken after a `diagram` block ran.
public struct BlockDiagram: Sendable, Equatable {
    public var request: DiagramRequest
    public var objects: HeapSnapshot?
    public var arenas: [ArenaSnapshot]?
    public var gc: GCCollectionSnapshot?
    /// The heap before the block and after each of its statements, for the stepper
    /// (empty when nothing was recorded).
    public var steps: [HeapStep] = []
    /// Names of `diagram=a,b` that are neither a kind nor bound in `__main__` after the
    /// block ran (each one is an unknown diagram: unusable input).
    public var unknownNames: [String] = []
    /// The user names bound in `__main__` after the block, when some name was unknown (for
    /// the message).
    public var boundNames: [String] = []

    public init(request: DiagramRequest, objects: HeapSnapshot? = nil, arenas: [ArenaSnapshot]? = nil,
                gc: GCCollectionSnapshot? = nil) {
        self.request = request; self.objects = objects; self.arenas = arenas; self.gc = gc
    }
}
