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
    /// The interned-string dictionary (`interp->cached_objects.interned` in 3.11).
    public internal(set) var interned: [String: ObjectRef] = [:]
    var freeLists = FreeLists()
    var trash = TrashcanState()
    var nextStaticAddress: UInt64
    /// Addresses of separately allocated parts (list item arrays, dict keys, set tables),
    /// keyed by the owning object.
    /// Column: the address of an object's separately allocated part (0 = none) and its
    /// size in bytes. Rows are recycled only after `freeAux` zeroed both.
    let auxAddress = PagedColumn<UInt64>()
    let auxSize = PagedColumn<Int>()
    /// The cyclic GC's state (generations, counts, thresholds).
    public var gc: GCState
    /// The rows alive when the start-up phantoms were installed (Heap+StartupObjects.swift).
    var startupRows: Set<ObjectRef> = []
    /// The phantoms' type (never shown: every look at a phantom is refused).
    public internal(set) var phantomType: ObjectRef?

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
        /// A phantom start-up object (Heap+StartupObjects.swift): counts, is never looked at.
        public static let startupPhantom = ObjectFlags(rawValue: 64)
    }

    /// sys.getsizeof of an int with one digit (precomputed: the hottest allocation).
    let oneDigitIntSize: Int

    public init(profile: Profile, heapLimit: Int = 8 << 30) {
        self.profile = profile
        self.immortalThreshold = profile.immortalRefcount ?? Int.max
        self.oneDigitIntSize = IntLayout.sizeof(digits: 1, profile: profile)
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
    public func builtinType(_ k: TypeKind) -> ObjectRef { builtinTypeByKind[Int(k.rawValue)] }

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
            flags[i] = f.rawValue; typeBits[i] = 0
            return r
        }
        typeOf.append(type); refcnt.append(1); self.address.append(address); payload.append(p)
        flags.append(f.rawValue)
        auxAddress.append(0); auxSize.append(0); typeBits.append(0)
        return ObjectRef(typeOf.count - 1)
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
        if n == 1 { dealloc(r) }
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
}

/// Refcounts the engine shows for objects CPython shares with its own start-up state.
///
/// Divergence: in real CPython these depend on everything imported at start-up
/// (site, encodings, readline...), so no simulation can match them; heapbook starts
/// each such object at this fixed count and documents it (README, "Shared objects").
public enum StartupRefcounts {
    public static let staticObject = 1_000_000
}
