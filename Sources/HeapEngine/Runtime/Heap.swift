/// The object store: every simulated object is a row of these columns, addressed by an
/// `ObjectRef` (docs/DESIGN.md §2: handles, not objects).
///
/// The columns are what CPython keeps in every `PyObject`: `ob_refcnt` (`refcnt`),
/// `ob_type` (`typeOf`), the object's address (`address`, what `id()` returns), and the
/// type-specific rest (`payload`). Rows of dead objects are recycled through `freeRows`;
/// the *address* of a dead object is recycled by the allocator, exactly as CPython's
/// memory is, which is what makes `id([]) == id([])` come out as in CPython.
public final class Heap {
    public let profile: Profile
    /// PEP 683: refcounts at or above this are immortal — incref/decref leave them alone, as
    /// `_Py_IsImmortal` tests the count itself. `Int.max` when the profile has no immortal
    /// objects (before 3.12), so the check never fires.
    public let immortalThreshold: Int
    public let typeOf = PagedColumn<ObjectRef>()
    public let refcnt = PagedColumn<Int>()
    public let address = PagedColumn<UInt64>()
    public let payload = PagedColumn<Payload>()
    /// Per-object flag bits (`ObjectFlags`).
    public let flags = PagedColumn<UInt8>()
    /// `gc.opportunities` when the object was made or last lost a reference (never stale in
    /// the unsafe direction: an object that lost a reference since was reachable then).
    let touched = PagedColumn<UInt32>()
    var freeRows: [ObjectRef] = []
    public internal(set) var allocator: Allocator
    /// Called when a heap-type instance with `__del__` must be finalized (tp_finalize).
    /// Installed by the interpreter; runs Python code.
    public var finalizer: ((ObjectRef) -> Void)?
    /// Called when a weakref's referent dies and it has a callback.
    public var weakrefCallback: ((_ callback: ObjectRef, _ weakref: ObjectRef) -> Void)?
    /// Statistics of live objects (for tests and diagrams).
    public internal(set) var liveCount = 0

    public internal(set) var builtinTypes: [TypeKind: ObjectRef] = [:]
    /// The same, indexed by `TypeKind.rawValue` (the hot path: no hashing).
    var builtinTypeByKind: [ObjectRef] = []
    /// Iterator types that share their kind's layout and behaviour but not its name:
    /// PyDictIterValue_Type, PyDictIterItem_Type and, from 3.11 (where `builtinType(.strIterator)`
    /// is the ASCII-only `str_ascii_iterator`), PyUnicodeIter_Type for other strs.
    public internal(set) var dictValueIteratorType: ObjectRef = 0
    public internal(set) var dictItemIteratorType: ObjectRef = 0
    public internal(set) var strIteratorType: ObjectRef = 0
    /// PyBytesIter_Type and PyByteArrayIter_Type: the str iterator's layout (kind
    /// `.strIterator`), over a bytes or a bytearray.
    public internal(set) var bytesIteratorType: ObjectRef = 0
    public internal(set) var byteArrayIteratorType: ObjectRef = 0
    /// _PyWeakref_ProxyType and _PyWeakref_CallableProxyType: PyWeakReference objects like
    /// weakref.ref's (kind `.weakref`, the same payload), told apart by their type.
    public internal(set) var weakProxyType: ObjectRef = 0
    public internal(set) var weakCallableProxyType: ObjectRef = 0
    /// Column, meaningful for rows that hold type objects: what allocation and
    /// deallocation need to know without fetching the `TypeInfo` (see `TypeBits`).
    let typeBits = PagedColumn<UInt8>()
    public internal(set) var none: ObjectRef = 0
    public internal(set) var trueRef: ObjectRef = 0
    public internal(set) var falseRef: ObjectRef = 0
    public internal(set) var emptyTuple: ObjectRef = 0
    public internal(set) var emptyStr: ObjectRef = 0
    public internal(set) var emptyBytes: ObjectRef = 0
    public internal(set) var notImplemented: ObjectRef = 0
    public internal(set) var ellipsis: ObjectRef = 0
    var smallInts: [ObjectRef] = []
    var latin1Chars: [ObjectRef] = []
    var byteChars: [ObjectRef] = []
    /// Whether `rebaseStartupRefcounts` ran (once per heap, before the first statement).
    var startupRebased = false
    /// Per module not yet imported: the references CPython's first import of it adds to
    /// shared objects (`StartupRefcounts.Table.imports`), applied by `noteFirstImport`.
    var startupImports: [(String, [(Int, Int)])] = []
    /// `Profile.parserArenaLiteralsVary`: the shared objects that are literals of the code
    /// running now (its parser arena); their counts are refused until the arena is released.
    public var runningLiterals: Set<ObjectRef> = []
    /// A SyntaxError reached the prompt and is `sys.last_value` until the next uncaught
    /// exception: it holds its line and column numbers (lineno, offset, end_lineno, end_offset,
    /// twice each: as attributes and in its args tuple) and its source line, which the engine
    /// does not make, so the counts of small ints and one-character strs are refused meanwhile
    /// (3.11.7: `def g(): return 1` then `K = 7` on the next line moves 2 by 6).
    public var lastValueIsSyntaxError = false
    /// The refused shared objects and why (`StartupRefcounts.varies` or `.untracked`).
    var unmodelledShared: [ObjectRef: Int] = [:]
    /// The interned-string dictionary (`interp->cached_objects.interned` in 3.11).
    public internal(set) var interned: [String: ObjectRef] = [:]
    var freeLists = FreeLists()
    var trash = TrashcanState()
    /// A deallocation went so deep through heap-type instances that CPython's trashcan
    /// order is not known (`Profile.subtypeDeallocTrashcanUnmodelled`): finalizers run no
    /// Python code from then on, and the session refuses the statement and clears this.
    public var trashcanOrderUnknown = false
    /// Why the free lists' lengths may not be CPython's (an import that ran code the engine
    /// does not: TracemallocModule.swift), until a full collection empties them; nil while
    /// they are. What comes off a free list is not traced by tracemalloc, so its numbers
    /// depend on them.
    public var freeListsUnknown: String?
    /// CPython 3.11+'s keys free list may hold tables (the smallest str-keyed ones): true
    /// from start-up (measured at the prompt: 8 on 3.13.0, and 3.11.7/3.12.1 reuse some too),
    /// and whenever a dict released one since the last full collection, which empties it
    /// (Tracemalloc.swift).
    public internal(set) var dictKeysFreeListUsed = true
    var nextStaticAddress: UInt64
    /// Addresses of separately allocated parts (list item arrays, dict keys, set tables),
    /// keyed by the owning object.
    /// Column: the address of an object's separately allocated part (0 = none) and its
    /// size in bytes. Rows are recycled only after `freeAux` zeroed both.
    let auxAddress = PagedColumn<UInt64>()
    let auxSize = PagedColumn<Int>()
    /// The cyclic GC's state (generations, counts, thresholds).
    public var gc: GCState
    /// The phantoms' type (never shown: every look at a phantom is refused); a row is a
    /// phantom exactly when it has this type (Heap+StartupObjects.swift).
    public internal(set) var phantomType: ObjectRef?
    /// `member_descriptor`, made by the first class with `__slots__` (a static type, like
    /// CPython's PyMemberDescr_Type; made late so that the bootstrap's static addresses stay).
    var memberDescriptorTypeRef: ObjectRef?
    var methodWrapperTypeRef: ObjectRef?
    /// Objects/descrobject.c's mappingproxy type, made on first use (MappingProxy.swift).
    var mappingProxyTypeRef: ObjectRef?
    var dequeTypeRef: ObjectRef?
    var defaultDictTypeRef: ObjectRef?
    /// Why frees may have come in another order than CPython's (Heap+Dealloc.swift), if so.
    public internal(set) var deallocOrderUnknown: String?
    /// Each defaultdict's default_factory (a strong reference; DefaultDictObject.swift).
    var defaultFactories: [ObjectRef: ObjectRef] = [:]
    var orderedDictTypeRef: ObjectRef?
    /// Each OrderedDict's linked list and fast-nodes table (OrderedDictObject.swift).
    var orderedDictNodes: [ObjectRef: ODictNodes] = [:]
    var byteArrayTypeRef: ObjectRef?
    var arrayTypeRef: ObjectRef?
    var arrayIteratorTypeRef: ObjectRef?
    var complexTypeRef: ObjectRef?
    var memoryViewTypeRef: ObjectRef?
    /// `method_descriptor` (PyMethodDescr_Type), made with the first descriptor.
    public var methodDescriptorType: ObjectRef?
    var managedBufferTypeRef: ObjectRef?
    /// The phantoms standing in for CPython's parser arena lists (`trackParserArenas`).
    var parserArenas: [ObjectRef] = []
    /// Addresses across compilations at the prompt (Heap+AddressCertainty.swift).
    var identities = IdentityCertainty()
    /// Rows whose death a reader of their address must learn of (Heap+LifeWatch.swift).
    var lifeWatches: [ObjectRef: LifeWatch] = [:]
    /// The weakref lists of objects whose payload has no place for one: sets and frozensets
    /// (so_weakreflist), bound methods (im_weakreflist) and builtin functions
    /// (m_weakreflist). Only non-empty lists are kept; the entry goes when the object dies.
    var slotWeakrefs: [ObjectRef: [ObjectRef]] = [:]
    /// `Profile.startupInternedNames` as a set, made on the first intern.
    lazy var startupInterned: Set<String> = Set(profile.startupInternedNames.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    public struct ObjectFlags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Lives outside the allocator (static in the binary or the runtime state); never freed.
        public static let isStatic = ObjectFlags(rawValue: 1)
        /// PEP 442: tp_finalize already ran (_PyGC_FINALIZED).
        public static let finalized = ObjectFlags(rawValue: 2)
        /// Known to the cyclic GC (in a generation list).
        public static let gcTracked = ObjectFlags(rawValue: 4)
        /// Came from a free list rather than the allocator (for statistics).
        public static let fromFreeList = ObjectFlags(rawValue: 8)
        /// 3.13 (`Profile.instanceInlineValues`): a materialised instance `__dict__` whose
        /// values still live inline in its owner. The owner's traverse visits the values
        /// (_PyObject_VisitManagedDict), the dict's visits nothing (dict_traverse skips
        /// embedded values). Cleared when the dict detaches (owner freed, or the dict switches
        /// to a combined table).
        public static let embeddedValues = ObjectFlags(rawValue: 16)
        /// An instance dict whose keys are a class's shared keys (a split table): a dict made
        /// by the first attribute store before 3.11 (`Profile.instanceDictSlot`), or a
        /// materialised `__dict__` from 3.11. Cleared with the row, so a recycled row never
        /// inherits it.
        public static let splitTable = ObjectFlags(rawValue: 32)
        /// A static object whose absolute count is not CPython's (its start-up count was not
        /// measured, or varies between CPython runs): `sys.getrefcount` of it is refused and
        /// pictures leave its count out. Set by `rebaseStartupRefcounts` (before 3.12 only).
        public static let unmodelledCount = ObjectFlags(rawValue: 64)
        /// Alive when the session began (`markStartupObjects`): CPython's start-up also holds
        /// references to it that the engine does not model. Cleared with the row.
        public static let fromStartup = ObjectFlags(rawValue: 128)
    }

    /// The request for an int with one digit (precomputed: the hottest allocation): its
    /// sys.getsizeof (_PyLong_New(1)) before 3.11; from 3.11 PyLong_FromLong and the medium
    /// arithmetic paths make it with _PyLong_FromMedium, `PyObject_Malloc(sizeof(PyLongObject))`,
    /// 32 bytes (the same size class; tracemalloc sees the request).
    let oneDigitIntSize: Int

    /// The key of every str and bytes hash (PYTHONHASHSEED; PyHash.swift).
    public let hashSecret: HashSecret

    public init(profile: Profile, heapLimit: Int = 8 << 30, hashSecret: HashSecret = .randomized) {
        self.profile = profile
        self.hashSecret = hashSecret
        self.immortalThreshold = profile.immortalRefcount ?? Int.max
        self.oneDigitIntSize = profile.minor >= 11 ? 32 : IntLayout.sizeof(digits: 1, profile: profile)
        self.allocator = Allocator(profile: profile, heapLimit: heapLimit)
        self.nextStaticAddress = profile.staticBaseAddress
        self.gc = GCState(profile: profile)
        bootstrap()
    }

    // MARK: - Rows

    @inline(__always)
    public func kind(_ r: ObjectRef) -> TypeKind {
        if case .type(let info) = payload[Int(typeOf[Int(r)])] { return info.kind }
        return .object
    }

    public func typeInfo(_ typeRef: ObjectRef) -> TypeInfo {
        guard case .type(let info) = payload[Int(typeRef)] else {
            preconditionFailure("object \(typeRef) is not a type")
        }
        return info
    }

    public func typeInfo(of r: ObjectRef) -> TypeInfo { typeInfo(typeOf[Int(r)]) }

    @inline(__always)
    public func builtinType(_ k: TypeKind) -> ObjectRef {
        let i = Int(k.rawValue)
        // Kinds past the bootstrap's table are made on first use (`memberDescriptorType`).
        if i < builtinTypeByKind.count { return builtinTypeByKind[i] }
        switch k {
        case .methodWrapper: return methodWrapperType()
        case .deque: return dequeType()
        case .bytearray: return byteArrayType()
        case .array: return arrayType()
        case .arrayIterator: return arrayIteratorType()
        case .complex: return complexType()
        case .mappingProxy: return mappingProxyType()
        case .memoryView: return memoryViewType()
        case .managedBuffer: return managedBufferType()
        default: return memberDescriptorType()
        }
    }

    /// Per-type facts packed in a byte: heap type, GC, pre-header size in 16-byte units.
    struct TypeBits {
        static let heapType: UInt8 = 1
        static let gc: UInt8 = 2
        static func make(_ info: TypeInfo) -> UInt8 {
            (info.isHeapType ? heapType : 0) | (info.isGC ? gc : 0) | UInt8(info.preHeaderSize / 16) << 2
        }
        static func preHeader(_ bits: UInt8) -> Int { Int(bits >> 2) * 16 }
    }

    /// Records a type object's `TypeBits` (after its TypeInfo is final).
    func registerType(_ t: ObjectRef) {
        typeBits[Int(t)] = TypeBits.make(typeInfo(t))
    }

    /// Marks or unmarks a materialised instance dict as holding its owner's inline values
    /// (3.13 only; see `ObjectFlags.embeddedValues`).
    public func setEmbeddedValues(_ d: ObjectRef, _ on: Bool) {
        if on { flags[Int(d)] |= ObjectFlags.embeddedValues.rawValue }
        else { flags[Int(d)] &= ~ObjectFlags.embeddedValues.rawValue }
    }

    /// Marks or unmarks a dict as a split table (`ObjectFlags.splitTable`).
    public func setSplitTable(_ d: ObjectRef, _ on: Bool) {
        if on { flags[Int(d)] |= ObjectFlags.splitTable.rawValue }
        else { flags[Int(d)] &= ~ObjectFlags.splitTable.rawValue }
    }

    public func isSplitTable(_ d: ObjectRef) -> Bool {
        ObjectFlags(rawValue: flags[Int(d)]).contains(.splitTable)
    }

    public func isStatic(_ r: ObjectRef) -> Bool {
        ObjectFlags(rawValue: flags[Int(r)]).contains(.isStatic)
    }

    func newRow(type: ObjectRef, address: UInt64, payload p: Payload, flags f: ObjectFlags) -> ObjectRef {
        liveCount += 1
        if let r = freeRows.popLast() {
            let i = Int(r)
            typeOf[i] = type; refcnt[i] = 1; self.address[i] = address; payload[i] = p
            flags[i] = f.rawValue; typeBits[i] = 0; touched[i] = gc.opportunities
            if !identities.holders.isEmpty { noteAllocationNearDeadBlocks(r) }
            return r
        }
        typeOf.append(type); refcnt.append(1); self.address.append(address); payload.append(p)
        flags.append(f.rawValue)
        auxAddress.append(0); auxSize.append(0); typeBits.append(0); touched.append(gc.opportunities)
        let r = ObjectRef(typeOf.count - 1)
        if !identities.holders.isEmpty { noteAllocationNearDeadBlocks(r) }
        return r
    }

    /// A static object (types, singletons, cached small ints): allocated in the runtime
    /// state, never freed; its address is taken from the static region.
    ///
    /// `offset` places the object 8 bytes into its 16-byte slot: CPython's static small
    /// ints, empty tuple and bytes singletons are only 8-aligned (measured on 3.11.7:
    /// `[id(v) % 16 for v in [5, None, 'a', (), '', b'']]` is `[8, 0, 0, 8, 0, 8]`).
    func newStatic(type: ObjectRef, size: Int, payload p: Payload, offset: UInt64 = 0) -> ObjectRef {
        // The first address at or after the cursor that is `offset` past a 16-byte boundary.
        let addr = (nextStaticAddress + 15 - offset) & ~15 + offset
        nextStaticAddress = addr + UInt64(size)
        let r = newRow(type: type, address: addr, payload: p, flags: .isStatic)
        refcnt[Int(r)] = profile.immortalRefcount ?? StartupRefcounts.staticObject
        return r
    }

    // MARK: - Reference counting

    // One branch for immortality (PEP 683, 3.12+): a count at or above `immortalThreshold`
    // is left as it is, like Py_INCREF/Py_DECREF's `_Py_IsImmortal` test in 3.12.

    @inline(__always)
    public func incref(_ r: ObjectRef) {
        let i = Int(r)
        let n = refcnt[i]
        if n < immortalThreshold { refcnt[i] = n &+ 1 }
    }

    @inline(__always)
    public func decref(_ r: ObjectRef) {
        let i = Int(r)
        let n = refcnt[i]
        if n >= immortalThreshold { return }
        refcnt[i] = n &- 1
        if n == 1 { dealloc(r) } else { touched[i] = gc.opportunities }
    }

    /// Whether `r` is immortal (PEP 683; never true before 3.12).
    @inline(__always)
    public func isImmortal(_ r: ObjectRef) -> Bool { refcnt[Int(r)] >= immortalThreshold }

    /// _Py_SetImmortal (3.12+): the object keeps its memory and its count forever.
    public func setImmortal(_ r: ObjectRef) {
        if let n = profile.immortalRefcount { refcnt[Int(r)] = n }
    }

    @inline(__always)
    public func xdecref(_ r: ObjectRef?) { if let r { decref(r) } }

    /// Mutates a payload in place, through its stable storage: no copy of the payload is
    /// made, so the arrays inside it stay uniquely referenced. (Callers move the state out
    /// with `p = .empty` before mutating it, so a nested read of the row sees `.empty`.)
    @inline(__always)
    public func withPayload<R>(_ r: ObjectRef, _ body: (inout Payload) throws -> R) rethrows -> R {
        try body(&payload.pointer(Int(r)).pointee)
    }

    public func setPayload(_ r: ObjectRef, _ p: Payload) { payload[Int(r)] = p }

    /// Marks every object alive now as start-up's (`ObjectFlags.fromStartup`).
    public func markStartupObjects() {
        let free = Set(freeRows)
        for i in 0..<typeOf.count where !free.contains(ObjectRef(i)) {
            flags[i] |= ObjectFlags.fromStartup.rawValue
        }
    }

    public func isStartupObject(_ r: ObjectRef) -> Bool { flags[Int(r)] & ObjectFlags.fromStartup.rawValue != 0 }

    /// Whether a GC object's finalizer has run (_PyGC_FINALIZED: PEP 442 runs it once).
    public func isFinalized(_ r: ObjectRef) -> Bool {
        typeInfo(of: r).isGC && flags[Int(r)] & ObjectFlags.finalized.rawValue != 0
    }

    /// A placeholder for a start-up object the engine does not model (importlib's loaders):
    /// static, so that it takes no simulated memory.
    public func newStaticPlaceholder(type: ObjectRef) -> ObjectRef {
        newStatic(type: type, size: 16, payload: .empty)
    }
}
