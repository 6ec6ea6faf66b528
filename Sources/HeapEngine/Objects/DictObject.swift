// Mirrors Objects/dictobject.c's PyDictObject: the object a dict's handle names, which
// holds its table (`DictStorage`, the ma_keys/ma_values part) by reference.

/// A dict object's state in the payload column (`Payload.dict`).
///
/// A class rather than an `indirect` enum payload so that reading a dict retains one
/// reference instead of copying its table out of the box (four arrays), and a store
/// mutates the table in place instead of moving it out, changing it and boxing it again.
/// Invariants: one `DictObject` per dict row (a new dict, a copy, a clone makes a new one,
/// never shares another row's); `storage` is a value, so what a caller copies out of it
/// (`Interpreter.dictStorage`, a snapshot before running Python code) stays as it was.
public final class DictObject {
    public var storage: DictStorage
    /// Set on a class's namespace once a type attribute cache entry was read from it
    /// (TypeVersion.swift): every change to the table must then move that version
    /// (`storageChanged`). Not a `didSet` on `storage`: an observed property is read through
    /// its getter from other modules, a copy that made every insert copy the entries
    /// (`d[k] = v` for 40,000 new keys took 1.9 s instead of 0.2 s).
    public var typeWatch: TypeVersion?
    public init(_ storage: DictStorage) { self.storage = storage }
    /// Called after every change to `storage`.
    @inline(__always) public func storageChanged() { typeWatch?.modified() }
}

extension Payload {
    /// The dict's table, copied out (a value): nil for anything but a dict.
    @inline(__always)
    public var dictStorage: DictStorage? {
        if case .dict(let o) = self { return o.storage }
        return nil
    }
}
