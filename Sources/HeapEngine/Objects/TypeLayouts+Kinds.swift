// The bridge from the object store's `TypeKind` to the layout rows of `ObjectLayouts`
// (TypeLayouts.swift), and the size of a builtin (static) type object.

extension TypeLayout {
    /// The layout of a builtin type's instances, by the store's `TypeKind`.
    public static func builtin(_ kind: TypeKind, profile: Profile) -> TypeLayout {
        let o = profile.objects
        switch kind {
        case .object: return o.object
        case .type: return o.type
        case .int: return o.int
        case .bool: return o.bool
        case .float: return o.float
        case .str: return o.str
        case .bytes: return o.bytes
        case .tuple: return o.tuple
        case .list: return o.list
        case .dict: return o.dict
        case .set: return o.set
        case .frozenset: return o.frozenset
        case .none: return o.none
        case .function: return o.function
        case .builtinFunction: return o.builtinFunction
        case .method: return o.method
        case .module: return o.module
        case .range: return o.range
        case .listIterator: return o.listIterator
        case .tupleIterator: return o.tupleIterator
        case .rangeIterator: return o.rangeIterator
        case .dictIterator: return o.dictIterator
        case .setIterator: return o.setIterator
        case .strIterator: return o.strIterator
        case .enumerate: return o.enumerate
        case .zip: return o.zip
        case .map: return o.map
        case .filter: return o.filter
        case .property: return o.property
        case .classmethod, .staticmethod: return o.funcWrapper
        case .reversed: return o.reversed
        case .listReverseIterator: return o.listReverseIterator
        case .dictKeys, .dictValues, .dictItems: return o.dictView
        case .slice: return o.slice
        case .weakref: return o.weakref
        case .cell: return o.cell
        case .code: return o.code
        case .notImplemented: return o.notImplemented
        case .ellipsis: return o.ellipsis
        // sizeof(PyMemberDescrObject) == sizeof(PyGetSetDescrObject): PyDescr_COMMON and one
        // pointer (`type(S.x).__basicsize__` is 48 on 3.6.15-3.13.0, GC).
        case .getsetDescriptor, .memberDescriptor: return o.getsetDescriptor
        // wrapperobject: PyObject_HEAD, descr, self (`sys.getsizeof([].__len__)` 64 on
        // 3.6.15, 48 on 3.8.18-3.13.0: 32 and the GC header), no free list.
        case .methodWrapper: return TypeLayout(basicSize: 32, isGC: true)
        // dequeobject (Modules/_collectionsmodule.c): 80 bytes before 3.11, 216 from 3.11
        // (numfreeblocks and freeblocks[16] inline); `collections.deque.__basicsize__`.
        // Each itertools type has its own basicsize (ItertoolsModule.swift makes the types).
        case .itertools: return TypeLayout(basicSize: 32, isGC: true)
        // functools.partial's type is made with its own basicsize (PartialObject.swift).
        case .partial: return TypeLayout(basicSize: 56, isGC: true)
        // The lru_cache types are made with their own basicsizes (LruCacheObject.swift).
        case .lruCache: return TypeLayout(basicSize: 128, isGC: true)
        case .lruListElem: return TypeLayout(basicSize: 56, isGC: false)
        // The ctypes types are made with their own basicsize (CtypesModule.swift).
        case .ctypesSimple: return TypeLayout(basicSize: 96, isGC: true)
        // arrayobject: PyObject_VAR_HEAD, ob_item, allocated, ob_descr, weakreflist,
        // ob_exports (`array.array.__basicsize__` 64 on 3.6.15-3.13.0); a GC type from 3.10
        // (bpo-42972: heap type with Py_TPFLAGS_HAVE_GC; gc.is_tracked(array('i')) False on
        // 3.8.18, True on 3.11.7). arrayiterobject: PyObject_HEAD, ao, index, getitem (40),
        // always GC.
        case .array: return TypeLayout(basicSize: 64, isGC: profile.minor >= 10)
        case .arrayIterator: return TypeLayout(basicSize: 40, isGC: true)
        case .deque: return TypeLayout(basicSize: profile.dequeKeepsFreeBlocks ? 216 : 80, isGC: true)
        // PyByteArrayObject: PyObject_VAR_HEAD, ob_alloc, ob_bytes, ob_start, ob_exports
        // (`bytearray.__basicsize__` 56 on 3.6.15-3.13.0); not a GC type.
        case .bytearray: return TypeLayout(basicSize: 56, isGC: false)
        // PyComplexObject: PyObject_HEAD, Py_complex cval (`complex.__basicsize__` 32 on
        // 3.6.15-3.13.0); not a GC type.
        case .complex: return TypeLayout(basicSize: 32, isGC: false)
        // mappingproxyobject: PyObject_HEAD, mapping (`type(C.__dict__).__basicsize__` 24 on
        // 3.6.15-3.13.0); a GC type.
        case .mappingProxy: return TypeLayout(basicSize: 24, isGC: true)
        // PyMemoryViewObject (basicsize 144, itemsize 8: `memoryview.__basicsize__`) and
        // _PyManagedBufferObject (112), both GC types (MemoryViewObject.swift; 3.6.15-3.13.0).
        case .memoryView: return TypeLayout(basicSize: 144, isGC: true)
        case .managedBuffer: return TypeLayout(basicSize: 112, isGC: true)
        case .superObject: return o.superObject
        case .traceback: return o.traceback
        case .frame: return o.frame
        case .generator: return o.generator
        case .exception: return o.exception
        case .instance: return o.instance
        }
    }
}

extension StrLayout {
    /// sys.getsizeof of a stored str value.
    public static func sizeof(_ v: StrValue, profile: Profile) -> Int {
        let kind: StrKind = v.isASCII ? .ascii : (v.kind == 1 ? .latin1 : (v.kind == 2 ? .ucs2 : .ucs4))
        return sizeof(kind: kind, length: v.count, profile: profile)
    }
}
