import BigInt

/// Raised when the simulated heap limit is reached; the interpreter turns it into MemoryError.
public struct HeapExhausted: Error, Sendable {}

/// Object creation: where each object's memory comes from (free list, pymalloc, or the
/// static region) and the request size that picks its size class.
extension Heap {
    /// Allocates `size` bytes (pre-header included) and makes a row for the object.
    /// The object's address is the block's address plus the type's pre-header, as
    /// `PyObject *` points past `PyGC_Head` in CPython.
    func allocateObject(type: ObjectRef, size: Int, payload p: Payload) throws(HeapExhausted) -> ObjectRef {
        guard let block = allocator.malloc(size) else { throw HeapExhausted() }
        let bits = typeBits[Int(type)]
        let r = newRow(type: type, address: block + UInt64(TypeBits.preHeader(bits)), payload: p, flags: [])
        if bits & TypeBits.heapType != 0 { incref(type) }   // instances of heap types own a reference to their class
        return r
    }

    /// Reuses a free-listed object's memory (its address) for a new object of `type`.
    func reuseObject(type: ObjectRef, address addr: UInt64, payload p: Payload) -> ObjectRef {
        newRow(type: type, address: addr, payload: p, flags: .fromFreeList)
    }

    /// A fixed-size builtin object: the memory of the newest entry of its free list when
    /// there is one (LIFO, as every 3.11 free list), the allocator's otherwise.
    func allocateReusing(_ pop: (inout FreeLists) -> UInt64?, type: ObjectRef,
                         payload p: Payload) throws(HeapExhausted) -> ObjectRef {
        if let addr = pop(&freeLists) {
            return reuseObject(type: type, address: addr, payload: p)
        }
        return try allocateObject(type: type, size: requestSize(type), payload: p)
    }

    /// A GC object is linked into generation 0 and counted (_PyObject_GC_Link + track).
    func gcTrackNew(_ r: ObjectRef) {
        gcLinkAndTrack(r)   // GC/Heap+Collect.swift: count, maybe collect, then track
    }

    /// Releases an object's memory block (tp_free).
    func freeBlock(_ r: ObjectRef) {
        if !identities.holders.isEmpty { noteBlockFreed(r, toPymalloc: true) }
        allocator.free(blockAddress(r))
    }

    // MARK: - Immutable scalars

    public func newInt(_ v: Int) throws(HeapExhausted) -> ObjectRef {
        if v >= profile.smallIntMin && v <= profile.smallIntMax {
            let r = smallInts[v - profile.smallIntMin]
            incref(r)
            return r
        }
        // One 30-bit digit is the common case: skip the digit count.
        let size = (v > -(1 << 30) && v < 1 << 30) ? oneDigitIntSize : IntLayout.sizeof(v, profile: profile)
        return try allocateObject(type: builtinType(.int), size: size, payload: .int(v))
    }

    /// An int whose memory was asked for with `allocatedDigits` digits, as the results of
    /// x_add (one more digit than the larger operand), x_sub and k_mul are before
    /// long_normalize shrinks ob_size: `getsizeof` reports the final size, the block keeps
    /// the size class of the request.
    public func newInt(_ v: BigInt, allocatedDigits: Int) throws(HeapExhausted) -> ObjectRef {
        if let small = Int(exactly: v), small >= profile.smallIntMin, small <= profile.smallIntMax {
            return try newInt(small)
        }
        let size = IntLayout.sizeof(digits: max(allocatedDigits, IntLayout.digitCount(v, profile)), profile: profile)
        let p: Payload = Int(exactly: v).map { .int($0) } ?? .bigInt(v)
        return try allocateObject(type: builtinType(.int), size: size, payload: p)
    }

    public func newBigInt(_ v: BigInt) throws(HeapExhausted) -> ObjectRef {
        if let small = Int(exactly: v) { return try newInt(small) }
        // CPython asks for the digits its algorithm needs (k_mul: both operands' sizes) and
        // normalizes after; the engine asks for the normalized size, the same size class.
        allocator.tracemalloc.noteUnknown("an int wider than 64 bits was made (the digits CPython asked for before normalizing are not modelled)")
        return try allocateObject(type: builtinType(.int), size: IntLayout.sizeof(v, profile: profile), payload: .bigInt(v))
    }

    public func newBool(_ b: Bool) -> ObjectRef {
        let r = b ? trueRef : falseRef
        incref(r)
        return r
    }

    public func newNone() -> ObjectRef { incref(none); return none }

    /// PyFloat_FromDouble: the float free list first (3.11 `state->free_list`, LIFO).
    public func newFloat(_ v: Double) throws(HeapExhausted) -> ObjectRef {
        try allocateReusing({ $0.floats.popLast() }, type: builtinType(.float), payload: .float(v))
    }

    /// A new str; one-character latin-1 strings and '' are the cached singletons
    /// (unicode_result / get_latin1_char).
    public func newStr(_ s: String) throws(HeapExhausted) -> ObjectRef {
        if s.isEmpty { incref(emptyStr); return emptyStr }
        let v = strValue(s)
        if v.count == 1, let scalar = s.unicodeScalars.first, scalar.value < 256 {
            let r = latin1Chars[Int(scalar.value)]
            incref(r)
            return r
        }
        return try allocateObject(type: builtinType(.str), size: StrLayout.sizeof(s, profile: profile), payload: .str(v))
    }

    /// A str made with PyUnicode_New and filled in place (pad, case_operation,
    /// ascii_upper_or_lower): never the cached one-character singleton, only '' is shared
    /// (PyUnicode_New(0, _) returns the empty singleton).
    public func newStrObject(_ s: String) throws(HeapExhausted) -> ObjectRef {
        if s.isEmpty { incref(emptyStr); return emptyStr }
        return try allocateObject(type: builtinType(.str), size: StrLayout.sizeof(s, profile: profile), payload: .str(strValue(s)))
    }

    /// A str's value with its hash under this heap's secret.
    func strValue(_ s: String, interned: Bool = false) -> StrValue {
        StrValue(s, interned: interned, hashedWith: hashSecret, profile.strHashAlgorithm)
    }

    /// `_Py_HashBytes` of a bytes object's contents under this heap's secret.
    public func bytesHash(_ b: [UInt8]) -> Int { hashSecret.hashBytes(b, profile.strHashAlgorithm) }

    /// A static str of the runtime (`_Py_ID(...)`): no simulated memory, never freed, and a
    /// count that is not CPython's (refused).
    public func newStaticStr(_ s: String) -> ObjectRef {
        let r = newStaticInternedStr(s, size: 64)
        flags[Int(r)] |= ObjectFlags.unmodelledCount.rawValue
        return r
    }

    /// The row of an interned str outside the simulated heap (static or start-up memory).
    /// `size` only advances the static address cursor (sizes come from StrLayout).
    func newStaticInternedStr(_ s: String, size: Int) -> ObjectRef {
        newStatic(type: builtinTypes[.str]!, size: size, payload: .str(strValue(s, interned: true)))
    }

    /// An interned str CPython's start-up already made (a name in a builtin type's dict, which
    /// dir() lists) that the engine meets for the first time in the session: a static row, so
    /// it takes none of the session's simulated memory (CPython allocates nothing for it).
    /// Its count is start-up's, which the engine does not know: refused
    /// (`hasUnmodelledCount`) unless interned strs are immortal (3.12). Borrowed: the
    /// interned table keeps it.
    public func internStartupName(_ s: String) -> ObjectRef {
        if let r = interned[s] { return r }
        let r = newStaticInternedStr(s, size: StrLayout.sizeof(s, profile: profile))
        flags[Int(r)] |= ObjectFlags.fromStartup.rawValue
        if !profile.internedStringsImmortal { flags[Int(r)] |= ObjectFlags.unmodelledCount.rawValue }
        interned[s] = r
        return r
    }

    /// PyUnicode_InternInPlace: returns the interned equal string, interning `r` if none.
    /// Consumes the reference to `r` and returns a new reference.
    public func intern(_ r: ObjectRef) -> ObjectRef {
        guard case .str(var v) = payload[Int(r)] else { return r }
        if v.isInterned { return r }
        if let existing = interned[v.value] ?? (startupInterned.contains(v.value) ? internStartupName(v.value) : nil) {
            incref(existing)
            decref(r)
            return existing
        }
        v.isInterned = true
        payload[Int(r)] = .str(v)
        interned[v.value] = r
        // 3.11 and 3.13: the interned dict holds two references that are then "stolen"
        // back: interned strings are mortal and the dict's reference is not counted.
        // 3.12 (PEP 683): _Py_SetImmortal(s) — every interned str is immortal.
        if profile.internedStringsImmortal { setImmortal(r) }
        return r
    }

    public func newBytes(_ b: [UInt8]) throws(HeapExhausted) -> ObjectRef {
        if b.isEmpty { incref(emptyBytes); return emptyBytes }
        if b.count == 1 { let r = byteChars[Int(b[0])]; incref(r); return r }
        return try allocateObject(type: builtinType(.bytes), size: profile.objects.bytesSizeOf(count: b.count, profile: profile), payload: .bytes(b))
    }

    /// PyBytes_FromStringAndSize(NULL, n) filled in place (bytes_upper, join, hex...): a
    /// one-byte result is a new object, not the cached character (the cache is used only
    /// when the contents are given); b'' is still the empty singleton.
    public func newBytesObject(_ b: [UInt8]) throws(HeapExhausted) -> ObjectRef {
        if b.isEmpty { incref(emptyBytes); return emptyBytes }
        return try allocateObject(type: builtinType(.bytes), size: profile.objects.bytesSizeOf(count: b.count, profile: profile), payload: .bytes(b))
    }

    // MARK: - Tuples

    /// PyTuple_New + fill: steals the references in `items`. Length-0 is the singleton;
    /// lengths 1..<20 come from the per-length free list first.
    public func newTuple(_ items: [ObjectRef]) throws(HeapExhausted) -> ObjectRef {
        if items.isEmpty { incref(emptyTuple); return emptyTuple }
        let type = builtinType(.tuple)
        let r: ObjectRef
        if profile.tupleFreeListReusedLengths.contains(items.count), let addr = freeLists.tuples[items.count]?.popLast() {
            r = reuseObject(type: type, address: addr, payload: .tuple(items))
        } else {
            r = try allocateObject(type: type, size: profile.objects.tupleSizeOf(count: items.count, profile: profile), payload: .tuple(items))
        }
        gcTrackNew(r)
        return r
    }
}

extension Heap {
    /// _PyTuple_Resize(&t, items.count) shrinking a tuple PyTuple_New made longer than its
    /// items (PySequence_Tuple's length-hint guess, 10 for a generator), `items` (stolen)
    /// taking the place of `t`'s placeholders (released): untracked, the block reallocated
    /// (pymalloc_realloc: moved when at least a quarter is shaved off), tracked again. The
    /// object keeps its count in generation 0 (PyTuple_New's) and, being of the new length,
    /// goes to that length's free list when freed.
    public func shrinkTuple(_ t: ObjectRef, to items: [ObjectRef]) throws(HeapExhausted) {
        guard case .tuple(let old) = payload[Int(t)], !items.isEmpty, items.count < old.count else {
            preconditionFailure("shrinkTuple: not a longer tuple")
        }
        let block = blockAddress(t)
        let newSize = profile.objects.tupleSizeOf(count: items.count, profile: profile)
        guard let moved = allocator.realloc(block, newSize) else { throw HeapExhausted() }
        if moved != block {
            if !identities.holders.isEmpty { noteBlockFreed(t, toPymalloc: true) }
            address[Int(t)] = moved + (address[Int(t)] - block)
        }
        payload[Int(t)] = .tuple(items)
        old.forEach(decref)
    }

    /// Makes and frees the given objects: each is taken from its free list when one waits
    /// there (uncounted) or allocated (counted by the collector), and all go back onto the
    /// lists, in reverse, so a list that held enough is left exactly as it was. Fills the
    /// free lists at start-up, and stands for the objects CPython's compiler borrows for
    /// every statement (after a full collection has emptied the lists, they are counted).
    /// At the heap limit it stops early: what was made still goes back.
    public func cycleThroughFreeLists(_ counts: FreeListCounts) {
        releaseWorkingSet(takeFromFreeLists(counts))
    }

    /// Takes `counts` objects of the free-listed kinds (made fresh when a free list is
    /// empty, which is what the collector counts); `releaseWorkingSet` gives them back.
    /// Stops quietly at the heap limit.
    public func takeFromFreeLists(_ counts: FreeListCounts) -> [ObjectRef] {
        var made: [ObjectRef] = []
        do throws(HeapExhausted) {
            for _ in 0..<counts.floats { made.append(try newFloat(0)) }
            for _ in 0..<counts.lists { made.append(try newList(ListStorage())) }
            for _ in 0..<counts.dicts { made.append(try newDict(DictStorage())) }
            for (length, count) in counts.tuples.enumerated() where length > 0 {
                for _ in 0..<count {
                    let items = [ObjectRef](repeating: none, count: length)
                    items.forEach(incref)
                    do { made.append(try newTuple(items)) } catch { items.forEach(decref); throw error }
                }
            }
        } catch {}
        return made
    }

    public func releaseWorkingSet(_ objects: [ObjectRef]) { objects.reversed().forEach(decref) }

    /// Leaves `counts` more objects on each free list (up to its limit): as many objects as
    /// the list holds plus `counts` are made (the extra ones fresh, counted by the collector)
    /// and freed again.
    public func growFreeLists(by counts: FreeListCounts) {
        var held = counts
        held.floats += counts.floats > 0 ? freeLists.floats.count : 0
        held.lists += counts.lists > 0 ? freeLists.lists.count : 0
        held.dicts += counts.dicts > 0 ? freeLists.dicts.count : 0
        for (length, n) in counts.tuples.enumerated() where n > 0 {
            held.tuples[length] += freeLists.tuples[length]?.count ?? 0
        }
        cycleThroughFreeLists(held)
    }

    /// Runs `body` with one more arena allowed past the heap limit. The limit stops runaway
    /// programs; compiling the next statement (its code objects' tuples, the compiler's
    /// working set) must still work once one has filled the heap, so the session recovers.
    public func withCompilerReserve<T>(_ body: () throws -> T) rethrows -> T {
        let limit = allocator.heapLimit
        allocator.heapLimit = limit + profile.arenaSize
        defer { allocator.heapLimit = limit }
        return try body()
    }
}

/// How many entries each free list holds (`Heap.freeListLengths`, `Heap.trimFreeLists`).
public struct FreeListLengths: Sendable {
    var methods: Int, cfunctions: Int, frames: Int
    var tuples: [Int: Int]
    var floats: Int, lists: Int, dicts: Int, dictKeys: Int
}

/// Free lists of 3.11 (Include/internal/pycore_*.h): the memory of dead objects kept
/// for the next object of the same type (addresses; LIFO).
struct FreeLists {
    var floats: [UInt64] = []
    var tuples: [Int: [UInt64]] = [:]
    var lists: [UInt64] = []
    var dicts: [UInt64] = []
    var dictKeys: [UInt64] = []
    /// The one-slice cache (interp->slice_cache; a static before 3.10): never cleared by
    /// the collector.
    var slices: [UInt64] = []
    /// Before 3.9: builtin functions and bound methods (`Profile.cfunctionFreeListMax`).
    var cfunctions: [UInt64] = []
    var methods: [UInt64] = []
    /// Before 3.11: frame objects on frameobject.c's free_list (how many; their blocks are
    /// not modelled, `Heap+FrameObjects.swift`).
    var frames = 0
}

extension Heap {
    /// An object whose state the interpreter owns (exceptions, code objects), sized by
    /// its type's basicsize.
    public func newNativeObject(type: ObjectRef, _ state: AnyObject, extraSize: Int = 0) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateObject(type: type, size: max(16, requestSize(type) + extraSize), payload: .native(state))
        if typeInfo(type).isGC { gcTrackNew(r) }
        return r
    }

    /// A new static type (exception classes and other builtin types the interpreter adds).
    public func newStaticType(name: String, kind: TypeKind, base: ObjectRef, basicSize: Int, isGC: Bool) -> ObjectRef {
        let info = TypeInfo(name: name, module: nil, kind: kind, base: base, mro: [],
                            isHeapType: false, basicSize: basicSize, itemSize: 0, isGC: isGC,
                            preHeaderSize: isGC ? profile.gcHeaderSize : 0)
        let r = newStatic(type: builtinType(.type), size: profile.objects.staticTypeSizeOf, payload: .type(info))
        info.mro = [r] + typeInfo(base).mro
        registerType(r)
        return r
    }

    /// An object CPython's start-up made that the engine makes at its first use (a method
    /// descriptor of a static type's dict): static (no simulated block; CPython's is
    /// somewhere in start-up's arenas, and `gc.get_objects()` counts it among the
    /// phantoms), a start-up object, held `refcount` times.
    public func newStartupObject(type: ObjectRef, payload p: Payload, refcount: Int) -> ObjectRef {
        let r = newStatic(type: type, size: typeInfo(type).basicSize, payload: p)
        flags[Int(r)] |= ObjectFlags.fromStartup.rawValue
        refcnt[Int(r)] = refcount
        return r
    }

    /// A static type standing for one a module makes (from 3.12 often a heap type holding
    /// the module's references): its count is not CPython's, so it is refused (as the deque
    /// type's is).
    public func markModuleTypeCountUnmodelled(_ t: ObjectRef) {
        flags[Int(t)] |= ObjectFlags.unmodelledCount.rawValue
        unmodelledShared[t] = StartupRefcounts.untracked
    }
}

extension Heap {
    public func newModuleObject(type: ObjectRef, _ info: ModuleInfo) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateObject(type: type, size: requestSize(type), payload: .module(info))
        gcTrackNew(r)
        return r
    }

    public func newBuiltinFunction(_ info: BuiltinInfo) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateReusing({ $0.cfunctions.popLast() }, type: builtinType(.builtinFunction), payload: .builtin(info))
        gcTrackNew(r)
        return r
    }

    /// A builtin of another type than builtin_function_or_method: 3.13's builtin_method
    /// (PyCMethodObject, what PyCMethod_New makes for a METH_METHOD function such as
    /// ctypes' from_address). No free list: 3.9+ have none for either.
    public func newBuiltinFunction(_ info: BuiltinInfo, type: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateObject(type: type, size: requestSize(type), payload: .builtin(info))
        gcTrackNew(r)
        return r
    }

    /// A bound method (PyMethod_New): owns references to the function and self.
    public func newMethod(function: ObjectRef, selfRef: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        incref(function); incref(selfRef)
        let r = try allocateReusing({ $0.methods.popLast() }, type: builtinType(.method), payload: .method(function, selfRef))
        gcTrackNew(r)
        return r
    }

    /// PySlice_New: the cached slice's memory when there is one.
    public func newSlice(_ start: ObjectRef, _ stop: ObjectRef, _ step: ObjectRef) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateReusing({ $0.slices.popLast() }, type: builtinType(.slice), payload: .tuple([start, stop, step]))
        gcTrackNew(r)
        return r
    }

    /// A plain object of any type with a given payload (iterators, ranges, cells).
    public func newObject(type: ObjectRef, payload p: Payload, extraSize: Int = 0) throws(HeapExhausted) -> ObjectRef {
        let r = try allocateObject(type: type, size: requestSize(type) + extraSize, payload: p)
        if typeInfo(type).isGC { gcTrackNew(r) }
        return r
    }
}

extension Heap {
    /// PyMem_Malloc of a buffer that is no object (an argument array built for one call):
    /// pymalloc serves it like an object of its size, so it takes part in address reuse.
    public func pyMemMalloc(_ nbytes: Int) throws(HeapExhausted) -> UInt64 {
        guard let block = allocator.malloc(nbytes) else { throw HeapExhausted() }
        return block
    }

    /// PyMem_Free of a `pyMemMalloc` block.
    public func pyMemFree(_ address: UInt64) { allocator.free(address) }
}
