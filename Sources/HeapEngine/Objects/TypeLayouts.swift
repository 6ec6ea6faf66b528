// Mirrors the tp_basicsize / tp_itemsize / Py_TPFLAGS_HAVE_GC of CPython's builtin types
// (Objects/*.c type objects, Include/cpython/*.h structs) and sys.getsizeof
// (Python/sysmodule.c, _PySys_GetSizeOf, 3.11).
//
// sys.getsizeof(o) in 3.11 is `type(o).__sizeof__(o)` plus the pre-header:
// `_PyType_PreHeaderSize(tp)` = sizeof(PyGC_Head) if the type is GC, plus two pointers if it
// has Py_TPFLAGS_MANAGED_DICT (instances of plain classes keep their dict and values
// pointers before the object). __sizeof__ is object.__sizeof__ (basicsize + ob_size *
// itemsize) unless the type overrides it: int (offsetof ob_digit + max(1, ndigits) * 4),
// str (PEP 393 headers), list (allocated slots), dict (keys table and values), set (the
// table when it is not the inline smalltable), type (heap types add their cached keys).
//
// Every number is in `ObjectLayouts.cpython311` (Profile+CPython311.swift), measured from
// `T.__basicsize__`, `T.__itemsize__`, `T.__flags__ & (1 << 14)` on python3.11.7
// (scripts/measure/containers.py prints them).

/// One type's C layout. Mirrors `tp_basicsize`, `tp_itemsize`, Py_TPFLAGS_HAVE_GC and
/// Py_TPFLAGS_MANAGED_DICT of a `PyTypeObject` (Include/cpython/object.h, 3.11).
public struct TypeLayout: Sendable, Equatable {
    public var basicSize: Int
    public var itemSize: Int
    public var isGC: Bool
    /// Py_TPFLAGS_MANAGED_DICT (3.11): instances carry the dict/values pointers in a
    /// pre-header, which sys.getsizeof counts.
    public var hasManagedDict: Bool

    public init(basicSize: Int, itemSize: Int = 0, isGC: Bool, hasManagedDict: Bool = false) {
        self.basicSize = basicSize; self.itemSize = itemSize; self.isGC = isGC
        self.hasManagedDict = hasManagedDict
    }

    /// `_PyType_PreHeaderSize`: bytes allocated before the object's address.
    public func preHeaderSize(_ profile: Profile) -> Int {
        (isGC ? profile.gcHeaderSize : 0) + (hasManagedDict ? profile.objects.managedDictPreHeaderSize : 0)
    }

    /// object.__sizeof__ for a fixed or var-sized object: basicsize + ob_size * itemsize.
    public func objectSizeOf(itemCount: Int = 0) -> Int { basicSize + itemCount * itemSize }

    /// sys.getsizeof with a type-specific variable part: basicsize + variable + pre-header.
    public func sysGetSizeOf(variable: Int, profile: Profile) -> Int {
        basicSize + variable + preHeaderSize(profile)
    }
}

/// Layouts and container rules of one CPython version: the object-level part of `Profile`.
///
/// Invariants (checked by ObjectLayoutsTests): dictMinLog2Size >= 3 and
/// usable(1 << dictMinLog2Size) >= 1; setMinSize is a power of two; sharedKeysMaxSize <
/// usable(1 << dictSharedKeysLog2Size).
public struct ObjectLayouts: Sendable, Equatable {
    /// sizeof(PyObject *).
    public var pointerSize: Int

    // MARK: Types (tp_basicsize, tp_itemsize, HAVE_GC)
    public var object: TypeLayout
    public var none: TypeLayout
    public var int: TypeLayout
    public var bool: TypeLayout
    public var float: TypeLayout
    public var str: TypeLayout
    public var bytes: TypeLayout
    public var tuple: TypeLayout
    public var list: TypeLayout
    public var dict: TypeLayout
    public var set: TypeLayout
    public var frozenset: TypeLayout
    public var function: TypeLayout
    /// PyType_Type: tp_basicsize is sizeof(PyHeapTypeObject).
    public var type: TypeLayout
    /// sys.getsizeof of a static (builtin) type such as `int`: sizeof(PyTypeObject) + GC.
    public var staticTypeSizeOf: Int
    /// An instance of `class C: pass` (object base, __dict__ and __weakref__ slots).
    public var instance: TypeLayout
    public var module: TypeLayout
    public var range: TypeLayout
    public var builtinFunction: TypeLayout
    public var method: TypeLayout
    public var cell: TypeLayout
    public var weakref: TypeLayout
    public var listIterator: TypeLayout
    public var tupleIterator: TypeLayout
    public var rangeIterator: TypeLayout
    public var dictIterator: TypeLayout
    public var setIterator: TypeLayout
    public var strIterator: TypeLayout
    /// enumobject (3.11.7 `enumerate.__basicsize__` 56: en_index, en_sit, en_result,
    /// en_longindex, one), zipobject (48: tuplesize, ittuple, result, strict), reversedobject
    /// and listreviterobject (32: index and sequence). All GC types.
    public var enumerate = TypeLayout(basicSize: 56, isGC: true)
    public var zip = TypeLayout(basicSize: 48, isGC: true)
    /// mapobject (iters, func) and filterobject (func, it): 32 in every version
    /// (`sys.getsizeof(map(str, []))` 64 on 3.6.15 with its 32-byte GC head, 48 on 3.8.18+).
    public var map = TypeLayout(basicSize: 32, isGC: true)
    public var filter = TypeLayout(basicSize: 32, isGC: true)
    public var reversed = TypeLayout(basicSize: 32, isGC: true)
    public var listReverseIterator = TypeLayout(basicSize: 32, isGC: true)
    /// Objects/descrobject.c's propertyobject: prop_get, prop_set, prop_del, prop_doc and the
    /// int getter_doc (56 bytes), plus prop_name from 3.10 (64). `sys.getsizeof(property())`
    /// is 88 on 3.6.15 (32-byte GC head), 72 on 3.8.18, 80 on 3.11.7-3.13.0; GC.
    public var property = TypeLayout(basicSize: 64, isGC: true)
    /// classmethod / staticmethod (Objects/funcobject.c): the callable and the dict, 32 bytes
    /// in every version (`sys.getsizeof(staticmethod(f))` 64 on 3.6.15, 48 on 3.8.18-3.13.0); GC.
    public var funcWrapper = TypeLayout(basicSize: 32, isGC: true)
    public var slice: TypeLayout
    public var ellipsis: TypeLayout
    public var notImplemented: TypeLayout
    public var mappingProxy: TypeLayout
    /// dict_keys / dict_values / dict_items (_PyDictViewObject: header + dict pointer).
    public var dictView: TypeLayout
    public var getsetDescriptor: TypeLayout
    /// superobject: header + type, obj, obj_type (40 bytes from 3.6 to 3.13).
    public var superObject: TypeLayout
    /// PyTracebackObject (40 bytes from 3.6 to 3.13).
    public var traceback: TypeLayout
    /// PyFrameObject: one slot per local and value-stack entry.
    public var frame: TypeLayout
    /// PyGenObject. From 3.11 it embeds its frame (localsplus: one slot per local and stack
    /// entry, `__itemsize__` 8); before, the frame is an object of its own (gi_frame).
    /// Measured `type(g).__basicsize__`, `__itemsize__`: 64, 0 (3.6.15); 96, 0 (3.8.18);
    /// 152, 8 (3.11.7); 144, 8 (3.12.1, 3.13.0).
    public var generator = TypeLayout(basicSize: 152, itemSize: 8, isGC: true)
    /// BaseException and the builtin exceptions without extra fields (ValueError, ...).
    public var exception: TypeLayout
    /// The fields an exception type adds to PyBaseExceptionObject (Include/cpython/pyerrors.h),
    /// in bytes, for the types that add any; subclasses inherit them. 3.11.7
    /// `T.__basicsize__ - BaseException.__basicsize__`: SystemExit and StopIteration 8 (code,
    /// value), ImportError 24 (msg, name, path), AttributeError 16 (obj, name, 3.10+),
    /// NameError 8 (name, 3.10+).
    public var exceptionFields: [String: Int] = [
        "SystemExit": 8, "StopIteration": 8, "ImportError": 24, "AttributeError": 16, "NameError": 8,
        // PyOSErrorObject: myerrno, strerror, filename, filename2, written (OSError.__basicsize__
        // is 104 on 3.6.15/3.8.18, 112 on 3.11.7-3.13.0: 40 over BaseException's).
        "OSError": 40,
    ]
    /// Code objects: basicsize 184, itemsize 2; code.__sizeof__ adds co_extra and the
    /// line table, which the engine does not model.
    public var code: TypeLayout

    // MARK: int (Objects/longobject.c)
    /// offsetof(PyLongObject, ob_digit): int.__sizeof__ is this + max(1, ndigits) * digit.
    public var longHeaderSize: Int

    // MARK: str (Include/cpython/unicodeobject.h, PEP 393)
    /// sizeof(PyASCIIObject): compact ASCII strings, data follows the header.
    public var strASCIIHeaderSize: Int
    /// sizeof(PyCompactUnicodeObject): compact latin-1 / UCS-2 / UCS-4 strings.
    public var strCompactHeaderSize: Int

    // MARK: dict (Objects/dictobject.c, Include/internal/pycore_dict.h)
    /// sizeof(PyDictKeysObject) without dk_indices.
    public var dictKeysHeaderSize: Int
    /// sizeof(PyDictKeyEntry) (hash, key, value) and sizeof(PyDictUnicodeEntry) (key, value).
    public var dictKeyEntrySize: Int
    public var dictUnicodeEntrySize: Int
    /// PyDict_LOG_MINSIZE.
    public var dictMinLog2Size: Int
    /// GROWTH_RATE(d) = ma_used * dictGrowthFactor.
    public var dictGrowthFactor: Int
    /// SHARED_KEYS_MAX_SIZE and NEXT_LOG2_SHARED_KEYS_MAX_SIZE (instance dicts' shared keys).
    public var sharedKeysMaxSize: Int
    public var dictSharedKeysLog2Size: Int
    /// _PyDict_NewPresized's max_presize.
    public var dictMaxPresize: Int
    /// Bytes the managed-dict pre-header adds (two pointers in 3.11).
    public var managedDictPreHeaderSize: Int

    // MARK: set (Objects/setobject.c, Include/cpython/setobject.h)
    /// sizeof(setentry) (key, hash).
    public var setEntrySize: Int
    /// PySet_MINSIZE: the inline smalltable.
    public var setMinSize: Int
    /// LINEAR_PROBES and PERTURB_SHIFT (PERTURB_SHIFT is dictobject.c's too).
    public var setLinearProbes: Int
    public var perturbShift: Int

    // MARK: Version differences that are not a single size
    /// 3.12+ (Tools/build/generate_global_objects.py): the statically allocated non-ASCII
    /// latin-1 one-character strs carry their UTF-8 form, so unicode__sizeof__ adds
    /// utf8_length + 1 = 3 bytes: sys.getsizeof('é') is 74 on 3.11.7, 61 on 3.12.1 and
    /// 3.13.0 (56 + 2 + 3), while sys.getsizeof('éa') is 59 (no cached UTF-8).
    public var latin1SingletonsCacheUTF8: Bool = false
    /// 3.12+ list_pop_impl: a pop that leaves the list empty calls _list_clear (ob_item freed):
    /// `v = [32]; v.pop(); sys.getsizeof(v)` is 64 on 3.11.7, 56 on 3.12.1 and 3.13.0.
    public var listPopToEmptyClears: Bool = false
    /// `del a[i]`: through list_ass_slice (memmove, list_resize, _list_clear when emptied)
    /// up to 3.12; 3.13's list_ass_item only closes the gap and never reallocates:
    /// deleting 15 of list(range(20)) by index leaves getsizeof 120 on 3.12.1, 216 on 3.13.0.
    public var listDelItemResizes: Bool = true
    /// 3.13: list_extend of a dict, set, frozenset or dict view calls list_resize(m + n)
    /// (list_extend_dict / list_extend_set) instead of preallocating exactly.
    public var listExtendResizesForDictsAndSets: Bool = false
    /// list_resize's over-allocation and list_extend's preallocation (see `ListGrowth`).
    public var listGrowth: ListGrowth = .cpython39
    /// int.__sizeof__ counts at least one digit from 3.11 (`Py_MAX(ndigits, 1)`): getsizeof(0)
    /// and getsizeof(False) are 28 on 3.11.7, 24 on 3.10.13 and earlier.
    public var intSizeofCountsOneDigitForZero: Bool = true
    /// 3.6's GROWTH_RATE(d) is used*2 + size/2; 3.7+ use used*3 (`dictGrowthFactor`).
    public var dictGrowthAddsHalfSize: Bool = false
    /// 3.11+: a unicode-keys table that receives a non-str key is rebuilt as a general one
    /// (insertion_resize; the entry size changes). Before, only dk_lookup changed.
    public var dictKindChangeResizes: Bool = true
    /// Before 3.10: dictresize's `for (newsize = PyDict_MINSIZE; newsize < minsize; ...)`
    /// instead of calculate_log2_keysize (see `DictStorage.calculateLog2KeySize`).
    public var dictSizeByDoubling: Bool = false
    /// When a new dict gets a real keys object instead of the shared Py_EMPTY_KEYS.
    public var emptyDictKeys: EmptyDictKeys = .shared

    /// set_add_entry resizes when fill * setFillFactor >= mask * setMaskFactor: 3/5 full
    /// from 3.7, 2/3 full in 3.6 (set(range(20)) keeps 32 slots there, 128 on 3.8.18).
    public var setFillFactor: Int = 5
    public var setMaskFactor: Int = 3
    /// 3.6/3.7 tuplehash (the FNV-like multiply by 1000003); 3.8+ use xxHash's combine:
    /// hash((1, 2)) is 3713081631934410656 on 3.6.15, -3550055125485641917 on 3.8.18.
    public var legacyTupleHash: Bool = false

    /// GROWTH_RATE(d): the minimum size insertion_resize asks dictresize for.
    public func dictGrowthRate(used: Int, size: Int) -> Int {
        dictGrowthAddsHalfSize ? used * 2 + size / 2 : used * dictGrowthFactor
    }
}

/// Whether new dicts share the empty keys singleton (getsizeof 64) or allocate a
/// PyDict_MINSIZE keys object (+168 bytes).
public enum EmptyDictKeys: Sendable {
    /// 3.9+: every new empty dict shares Py_EMPTY_KEYS.
    case shared
    /// 3.7 and 3.8: `{}` shares them, but dict_new (`dict()`, `dict.fromkeys`) calls
    /// new_keys_object(PyDict_MINSIZE): getsizeof(dict()) is 232 on 3.8.18, 64 on 3.9.18.
    case allocatedByDictCall
    /// 3.6: PyDict_New always allocates them: getsizeof({}) is 248 on 3.6.15.
    case allocated
}
