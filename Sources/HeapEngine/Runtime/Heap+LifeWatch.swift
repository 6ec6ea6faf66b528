/// Whether the object once at a row is still the one there: what a reader of raw memory at
/// an object's address (ctypes' `from_address`, HeapScript's CtypesModule.swift) needs, since
/// a row, and the engine's address, may be given to a new object once the old one dies,
/// while CPython's block may be given to another or to none.
///
/// Invariant: a watch in `lifeWatches` belongs to a live row; `releaseRow` removes it and
/// marks it dead, so a dead watch never becomes alive again (a new object at the row gets a
/// new watch).
public final class LifeWatch {
    public internal(set) var isAlive = true
    init() {}
}

extension Heap {
    /// The watch of the live object `r` (one per row while it lives).
    public func watchLife(_ r: ObjectRef) -> LifeWatch {
        if let w = lifeWatches[r] { return w }
        let w = LifeWatch()
        lifeWatches[r] = w
        return w
    }

    /// Whether `idInt` is an int `id()` returned whose object is still alive (so its value is
    /// that live object's address, distinct from every other live object's).
    public func isLiveIdentity(_ idInt: ObjectRef) -> Bool {
        identities.idInts[idInt].map { $0.deathEpoch == nil } ?? false
    }

    /// Whether `r` is an int `id()` returned (alive: the row is still that int).
    public func isIdInt(_ r: ObjectRef) -> Bool { identities.idInts[r] != nil }

    /// Whether any int `id()` returned is alive (a fast test before `isIdInt`).
    public var hasIdInts: Bool { !identities.idInts.isEmpty }
}
