/// The object store: every simulated object is a row of these columns, addressed by an
/// `ObjectRef` (DESIGN.md §2: handles, not objects).
///
/// The columns are what CPython keeps in every `PyObject`: `ob_refcnt` (`refcnt`),
/// `ob_type` (`typeOf`), the object's address (`address`, what `id()` returns), and the
/// type-specific rest (`payload`). Rows of dead objects are recycled through `freeRows`;
/// the *address* of a dead object is recycled by the allocator, exactly as CPython's
/// memory is, which is what makes `id([]) == id([])` come out as in CPython.
public final class Heap {
    public let profile: Profile
    public internal(set) var typeOf: [ObjectRef] = []
    public internal(set) var refcnt: [Int] = []
    public internal(set) var address: [UInt64] = []
    public internal(set) var payload: [Payload] = []
    /// Per-object flag bits (`ObjectFlags`).
    public internal(set) var flags: [UInt8] = []
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
    var typeBits: [UInt8] = []
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
    var nextStaticAddress: UInt64
    /// Addresses of separately allocated parts (list item arrays, dict keys, set tables),
    /// keyed by the owning object.
    /// Column: the address of an object's separately allocated part (0 = none) and its
    /// size in bytes. Rows are recycled only after `freeAux` zeroed both.
    var auxAddress: [UInt64] = []
    var auxSize: [Int] = []
    /// The cyclic GC's state (generations, counts, thresholds).
    public var gc: GCState

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
    }

    public init(profile: Profile, heapLimit: Int = 8 << 30) {
        self.profile = profile
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
    func newStatic(type: ObjectRef, size: Int, payload p: Payload) -> ObjectRef {
        let addr = nextStaticAddress
        nextStaticAddress += UInt64((size + 15) & ~15)
        let r = newRow(type: type, address: addr, payload: p, flags: .isStatic)
        refcnt[Int(r)] = StartupRefcounts.staticObject
        return r
    }

    // MARK: - Reference counting

    @inline(__always)
    public func incref(_ r: ObjectRef) { refcnt[Int(r)] &+= 1 }

    @inline(__always)
    public func decref(_ r: ObjectRef) {
        let i = Int(r)
        let n = refcnt[i] &- 1
        refcnt[i] = n
        if n == 0 { dealloc(r) }
    }

    @inline(__always)
    public func xdecref(_ r: ObjectRef?) { if let r { decref(r) } }

    /// Replaces a payload in place without copying its storage (the old value is moved
    /// out first, so arrays inside it stay uniquely referenced).
    @inline(__always)
    public func withPayload<R>(_ r: ObjectRef, _ body: (inout Payload) throws -> R) rethrows -> R {
        var p = payload[Int(r)]
        payload[Int(r)] = .empty
        defer { payload[Int(r)] = p }
        return try body(&p)
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
