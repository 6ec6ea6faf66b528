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
    /// (A `didSet` that does not read the old value keeps stores in place, SE-0268.)
    public var storage: DictStorage { didSet { typeWatch?.modified() } }
    /// Set on a class's namespace once a type attribute cache entry was read from it
    /// (TypeVersion.swift): every change to the table then moves that version.
    public var typeWatch: TypeVersion?
    public init(_ storage: DictStorage) { self.storage = storage }
}

extension Payload {
    /// The dict's table, copied out (a value): nil for anything but a dict.
    @inline(__always)
    public var dictStorage: DictStorage? {
        if case .dict(let o) = self { return o.storage }
        return nil
    }
}
