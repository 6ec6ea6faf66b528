/// A type object's state: builtin types (static in CPython) and classes (heap types).
///
/// Mirrors the parts of `PyTypeObject` / `PyHeapTypeObject` (Include/cpython/object.h)
/// that decide sizes, identity and references.
public final class TypeInfo {
    public var name: String
    /// `__module__` for heap types ("__main__"), nil for builtins.
    public var module: String?
    /// The builtin layout instances get (a class derived from `list` still lays out as a list).
    public var kind: TypeKind
    public var base: ObjectRef?
    /// `__bases__` and `__mro__` as tuple objects (heap types hold real references to them).
    public var basesTuple: ObjectRef?
    public var mroTuple: ObjectRef?
    /// The method resolution order, self first (C3 on the subset's single inheritance).
    public var mro: [ObjectRef] { didSet { attributeWatch?.modified() } }
    /// The class namespace, a dict object (heap types only; builtins resolve natively).
    public var dict: ObjectRef? { didSet { attributeWatch?.modified() } }
    /// Set once a type attribute cache entry depends on this type (TypeVersion.swift).
    public var attributeWatch: TypeVersion?
    public var isHeapType: Bool
    /// tp_basicsize, tp_itemsize and Py_TPFLAGS_HAVE_GC.
    public var basicSize: Int
    public var itemSize: Int
    public var isGC: Bool
    /// Bytes placed before the object (GC header, 3.11 managed dict pointers): the
    /// object's address is its block's address plus this.
    public var preHeaderSize: Int
    /// ht_cached_keys: the attribute names shared by the instances' dicts (heap types).
    public var sharedKeys: SharedDictKeys?
    /// The class defines `__del__` (tp_finalize is set).
    public var hasDel = false
    /// Weak references to the type itself.
    public var weakrefs: [ObjectRef] = []
    /// tp_subclasses of a class: {PyLong_FromVoidPtr(subclass): weakref to it}, a real dict
    /// made by the first subclass (Heap+Subclasses.swift). The type owns it but
    /// type_traverse does not visit it, so the collector never counts it among garbage.
    public var subclassesDict: ObjectRef?
    /// A static type's tp_subclasses existed before the program ran (object's holds every
    /// class of start-up), so only the entries the program adds are kept, with the key and
    /// the weakref they own.
    public var staticSubclassEntries: [(subclass: ObjectRef, key: ObjectRef, ref: ObjectRef)] = []

    // MARK: __slots__ (type_new's slot handling, Objects/typeobject.c)

    /// tp_members of a class whose body sets `__slots__`: its own slot names in the order
    /// type_new sorts them (type_new_copy_slots' PyList_Sort), which is the order
    /// clear_slots and traverse_slots walk and the order the member descriptors enter the
    /// class dict. Empty for other types.
    public var slotNames: [String] = []
    /// The instance's slot count: this class's own plus every base's. An instance keeps
    /// its slot values most-derived class first (see `InstanceState.slots`).
    public var slotCount = 0
    /// et->ht_slots, the tuple of `slotNames`. The class owns it, but type_traverse does not
    /// visit it, so the collector sees it as referenced from outside: it is never counted
    /// among a dead class's garbage (`class S: __slots__ = 'x'`, `del S`, `gc.collect()` is
    /// 5 on 3.6.15-3.13.0: the class, its dict, `__mro__`, `__bases__`, the descriptor).
    public var slotsTuple: ObjectRef?
    /// et->ht_qualname of a class: the str the body stored as `__qualname__`, which
    /// type_new takes out of the class dict (type_new_set_ht_name, a deleted entry left
    /// behind) and keeps here; type_dealloc releases it after the dict, `__bases__` and
    /// `__mro__`, before ht_slots. type_traverse does not visit it (a str is no GC object).
    /// nil for static types and classes the engine makes without a body.
    public var qualnameRef: ObjectRef?
    /// et->ht_name of a class: the class statement's name, the parser's interned identifier
    /// (`C.__name__ is 'C'`); type_dealloc releases it just before ht_qualname. nil as
    /// `qualnameRef`.
    public var nameRef: ObjectRef?
    /// Whether instances have a `__dict__` (tp_dictoffset != 0) and a weak reference list
    /// (tp_weaklistoffset != 0): true for a class without `__slots__`, and inherited.
    public var hasInstanceDict = true
    public var hasInstanceWeakrefs = true

    public init(name: String, module: String?, kind: TypeKind, base: ObjectRef?, mro: [ObjectRef],
                isHeapType: Bool, basicSize: Int, itemSize: Int, isGC: Bool, preHeaderSize: Int) {
        self.name = name; self.module = module; self.kind = kind; self.base = base; self.mro = mro
        self.isHeapType = isHeapType; self.basicSize = basicSize; self.itemSize = itemSize
        self.isGC = isGC; self.preHeaderSize = preHeaderSize
    }
}

/// Which C layout a type's instances have.
public enum TypeKind: UInt8, Sendable {
    case object, type, int, bool, float, str, bytes, tuple, list, dict, set, frozenset, none
    case function, builtinFunction, method, module, range, weakref, cell, code
    case listIterator, tupleIterator, rangeIterator, dictIterator, setIterator, strIterator
    case dictKeys, dictValues, dictItems
    case notImplemented, ellipsis, getsetDescriptor, slice, exception, instance
    /// `super` objects: made (and freed) by type_new's call of `__init_subclass__`.
    case superObject
    /// A traceback entry and the frame object it keeps (see `Profile.lazyFrameObjects`).
    case traceback, frame
    /// The builtins' iterator types: Objects/enumobject.c's enumerate and reversed,
    /// bltinmodule.c's zip, listobject.c's list_reverseiterator.
    case enumerate, zip, reversed, listReverseIterator
    /// Objects/genobject.c's generator.
    case generator
    /// Python/bltinmodule.c's map and filter.
    case map, filter
    /// Objects/descrobject.c's property.
    case property
    /// Objects/funcobject.c's classmethod and staticmethod.
    case classmethod, staticmethod
    /// Objects/descrobject.c's member_descriptor (PyMemberDescrObject): a `__slots__` name.
    /// This kind and the ones after it are the kinds the bootstrap does not make
    /// (`Heap.builtinType` makes them on first use).
    case memberDescriptor
    /// Objects/descrobject.c's method-wrapper (wrapperobject): a slot wrapper bound to an
    /// object (`[].__len__`).
    case methodWrapper
    /// Modules/_collectionsmodule.c's deque (`DequeObject.swift`).
    case deque
    /// Objects/bytearrayobject.c's bytearray (`ByteArrayObject.swift`).
    case bytearray
    /// Modules/itertoolsmodule.c's count, repeat, cycle, chain and islice (HeapScript's
    /// ItertoolsModule.swift): one kind, each type its own static type object.
    case itertools
    /// Modules/_functoolsmodule.c's partial (HeapScript's PartialObject.swift).
    case partial
    /// Modules/arraymodule.c's array.array and its iterator (`ArrayObject.swift`, HeapScript's
    /// ArrayModule.swift).
    case array, arrayIterator
    /// Objects/complexobject.c's complex (`ComplexObject.swift`).
    case complex
    /// Objects/descrobject.c's mappingproxy (`MappingProxy.swift`): `C.__dict__`.
    case mappingProxy
    /// Modules/_functoolsmodule.c's _lru_cache_wrapper and its `_lru_list_elem` links
    /// (HeapScript's LruCacheObject.swift): each type made with its own basicsize.
    case lruCache, lruListElem
    /// Modules/_ctypes's simple data objects (CDataObject) of c_long and c_int made by
    /// `from_address` (HeapScript's CtypesModule.swift).
    case ctypesSimple
    /// Objects/memoryobject.c's memoryview and managedbuffer (`MemoryViewObject.swift`).
    case memoryView, managedBuffer
}
