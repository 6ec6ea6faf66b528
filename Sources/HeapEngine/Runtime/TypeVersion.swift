// Mirrors Objects/typeobject.c's tp_version_tag and PyType_Modified: what tells the type
// attribute cache (`Interpreter.lookupInType`, typeobject.c's type_cache) that an answer it
// holds may be stale.
//
// CPython gives each type a version tag, and PyType_Modified (called by type_setattro and
// every other change to a type's dict or MRO) clears the tag of the type and of all its
// subclasses. The engine keeps one counter per heap instead: any change to anything a cached
// answer was read from moves it, and the cache then starts again. That is coarser than
// CPython's per-type tags (a change to one class forgets every class's entries) but needs no
// walk of tp_subclasses, and classes are rarely changed after they are made.
//
// Invariant: a cache entry is only used while `value` is what it was when the entry was
// made. Everything an entry depends on is watched once the entry is made:
//   - each class namespace dict on the MRO (`DictObject.typeWatch`: every change to its table
//     moves the counter — `DictObject.storageChanged` after each change the interpreter
//     makes, `Heap.dictClear` when a collection empties it);
//   - each type on the MRO (`TypeInfo.attributeWatch`: its `mro` and `dict` fields);
//   - the type object's life (type_dealloc: the row may next hold another type).
public final class TypeVersion {
    public private(set) var value = 0
    public init() {}
    @inline(__always) public func modified() { value &+= 1 }
}
