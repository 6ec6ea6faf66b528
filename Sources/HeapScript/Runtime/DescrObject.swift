import HeapEngine

// Objects/descrobject.c: mappingproxy, the read-only view type_getsets gives for a class's
// `__dict__` (type_dict → PyDictProxy_New, a new proxy at every access).

extension Interpreter {
    /// `C.__dict__`. Refused: a mappingproxy's repr, len and iteration show the class dict
    /// as CPython's type_new leaves it (without `__qualname__`, with `__doc__`, its
    /// descriptors' reprs `<attribute '__dict__' of 'C' objects>`), which the engine's class
    /// dict is not; handing out the dict itself would let `C.__dict__['x'] = 1` succeed where
    /// CPython raises "'mappingproxy' object does not support item assignment".
    func typeDictProxy(_ dict: ObjectRef) throws -> ObjectRef {
        throw notModelled("mappingproxy")
    }
}
