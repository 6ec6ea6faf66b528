// Mirrors Objects/setobject.c's PySetObject: the object a set's (or frozenset's) handle
// names, which holds its table (`SetStorage`) by reference.

/// A set object's state in the payload column (`Payload.set`).
///
/// A class rather than an `indirect` enum payload, as `DictObject`: reading a set retains
/// one reference instead of copying its table out of the box, and `s.add(x)` changes the
/// table in place instead of moving it out and boxing it again. Invariants: one
/// `SetObject` per set row (a new set or a copy makes a new one); `storage` is a value, so
/// what a caller copies out of it stays as it was.
public final class SetObject {
    public var storage: SetStorage
    public init(_ storage: SetStorage) { self.storage = storage }
}

extension Payload {
    /// The set's table, copied out (a value): nil for anything but a set or frozenset.
    @inline(__always)
    public var setStorage: SetStorage? {
        if case .set(let o) = self { return o.storage }
        return nil
    }
}
