/// A handle to a simulated object: an index into the object store's columns.
///
/// The store is struct-of-arrays (docs/DESIGN.md §2), so a simulated object is never a Swift
/// class instance; `ObjectRef` is what CPython would call a `PyObject *`, minus the address
/// (the address is a column of its own, `id()` reads it).
public typealias ObjectRef = Int32
