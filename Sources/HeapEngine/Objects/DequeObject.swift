// Modules/_collectionsmodule.c: collections.deque (dequeobject), at v3.6.15, v3.8.18,
// v3.11.7, v3.12.1 and v3.13.0.
//
// A deque keeps its items in a doubly linked chain of fixed blocks, `struct BLOCK {
// leftlink; PyObject *data[BLOCKLEN]; rightlink; }` with BLOCKLEN 64 (528 bytes, so
// PyMem_Malloc takes them from malloc, not pymalloc). The first item is at
// leftblock->data[leftindex], the last at rightblock->data[rightindex]. An empty deque has
// one block and is centred: leftindex == CENTER + 1 == 32, rightindex == CENTER == 31.
// deque_extend into an empty deque first moves the indices to the left end (leftindex 1,
// rightindex 0, "space saving heuristic"), deque_extendleft to the right end (63, 62).
//
// deque_sizeof: tp_basicsize + blocks * sizeof(block), blocks = (leftindex + len +
// BLOCKLEN - 1) / BLOCKLEN, which is the number of blocks in the chain. sys.getsizeof adds
// the GC header. tp_basicsize is 80 on 3.6.15 and 3.8.18 and 216 from 3.11 (the deque
// keeps a cache of 16 free block pointers in itself: `Profile.dequeKeepsFreeBlocks`);
// `collections.deque.__basicsize__` on each release, and `sys.getsizeof(deque())` 640
// (3.6.15: 32-byte GC head), 624 (3.8.18), 760 (3.11.7-3.13.0).
//
// The blocks themselves are not placed in the simulated malloc (nor is the free-block
// cache, global before 3.11, per deque from 3.11): the interpreter declares block
// addresses unknown once a deque exists.
//
// GC: deques are GC objects (tp_alloc of a Py_TPFLAGS_HAVE_GC type); deque_traverse visits
// the items left to right; deque_clear (tp_clear, and deque_dealloc's clear) empties the
// deque onto a fresh centred block first, then releases the old items left to right.

/// The state of one deque: its items, left to right, and the C indices that decide how
/// many blocks it has.
///
/// Invariants (as in C): 0 <= leftindex < BLOCKLEN, -1 < rightindex < BLOCKLEN;
/// (leftindex + count - 1) mod BLOCKLEN == rightindex; `blocks` is the chain's length.
public final class DequeObject: NativeReferents, NativeClearable {
    public static let blockLength = 64
    public static let center = (blockLength - 1) / 2
    /// sizeof(block): two links and BLOCKLEN pointers.
    public static let blockSize = (blockLength + 2) * 8

    public var items: [ObjectRef] = []
    public private(set) var leftindex = DequeObject.center + 1
    public private(set) var rightindex = DequeObject.center
    public private(set) var blocks = 1
    /// maxlen, nil for an unbounded deque (-1 in C).
    public var maxlen: Int?
    /// Incremented whenever the indices move (deque->state): iterators compare it.
    public private(set) var state = 0

    /// 3.12+: the deque's type, a heap type, which deque_traverse visits first
    /// (`Profile.dequeTypeIsHeapType`); nil before. The engine's type is static and its
    /// count refused, so the reference is not counted.
    let visitedType: ObjectRef?

    public init(maxlen: Int?, visitedType: ObjectRef?) { self.maxlen = maxlen; self.visitedType = visitedType }

    public var count: Int { items.count }

    /// deque_sizeof without the GC header.
    public func sizeof(basicSize: Int) -> Int {
        basicSize + (leftindex + items.count + DequeObject.blockLength - 1) / DequeObject.blockLength * DequeObject.blockSize
    }

    /// NEEDS_TRIM: 0 <= maxlen < len.
    var needsTrim: Bool { if let m = maxlen { return m < items.count } else { return false } }

    /// deque_append_internal: `item` is a new reference the deque takes. Returns the item
    /// trimmed off the left (deque_popleft when maxlen is exceeded), which the caller
    /// releases.
    public func append(_ item: ObjectRef) -> ObjectRef? {
        if rightindex == DequeObject.blockLength - 1 {
            blocks += 1
            rightindex = -1
        }
        rightindex += 1
        items.append(item)
        if needsTrim { return popleft() }
        state += 1
        return nil
    }

    /// deque_appendleft_internal; trims on the right.
    public func appendleft(_ item: ObjectRef) -> ObjectRef? {
        if leftindex == 0 {
            blocks += 1
            leftindex = DequeObject.blockLength
        }
        leftindex -= 1
        items.insert(item, at: 0)
        if needsTrim { return pop() }
        state += 1
        return nil
    }

    /// deque_pop: the item (the reference moves to the caller), or nil when empty.
    public func pop() -> ObjectRef? {
        guard let item = items.popLast() else { return nil }
        rightindex -= 1
        state += 1
        if rightindex < 0 {
            if !items.isEmpty {
                blocks -= 1
                rightindex = DequeObject.blockLength - 1
            } else {
                // re-center instead of freeing a block
                leftindex = DequeObject.center + 1
                rightindex = DequeObject.center
            }
        }
        return item
    }

    /// deque_popleft.
    public func popleft() -> ObjectRef? {
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        leftindex += 1
        state += 1
        if leftindex == DequeObject.blockLength {
            if !items.isEmpty {
                blocks -= 1
                leftindex = 0
            } else {
                leftindex = DequeObject.center + 1
                rightindex = DequeObject.center
            }
        }
        return item
    }

    /// deque_extend's space saving heuristic: an empty deque starts filling from the left.
    public func prepareExtend() {
        if items.isEmpty { leftindex = 1; rightindex = 0 }
    }

    /// deque_extendleft's: an empty deque starts filling from the right.
    public func prepareExtendLeft() {
        if items.isEmpty { leftindex = DequeObject.blockLength - 1; rightindex = DequeObject.blockLength - 2 }
    }

    /// deque_clear's first half: the deque becomes empty on a new centred block; the old
    /// items are returned, left to right, for the caller to release in that order.
    public func takeAll() -> [ObjectRef] {
        guard !items.isEmpty else { return [] }
        let old = items
        items = []
        blocks = 1
        leftindex = DequeObject.center + 1
        rightindex = DequeObject.center
        state += 1
        return old
    }

    public func releaseReferences(in heap: Heap) {
        for item in takeAll() { heap.decref(item) }
    }

    public func clearReferences(in heap: Heap) { releaseReferences(in: heap) }

    /// deque_traverse: the type (3.12+), then the items, left to right.
    public func forEachReferent(_ body: (ObjectRef) -> Void) {
        if let t = visitedType { body(t) }
        for item in items { body(item) }
    }
}

extension Heap {
    /// The `collections.deque` type, made on first use.
    public func dequeType() -> ObjectRef {
        if let t = dequeTypeRef { return t }
        let layout = TypeLayout.builtin(.deque, profile: profile)
        let t = newStaticType(name: "collections.deque", kind: .deque, base: builtinType(.object),
                              basicSize: layout.basicSize, isGC: layout.isGC)
        dequeTypeRef = t
        // CPython's type is made by the module (and, from 3.12, is a heap type with the
        // module's references): its count is not the engine's.
        flags[Int(t)] |= ObjectFlags.unmodelledCount.rawValue
        unmodelledShared[t] = StartupRefcounts.untracked
        return t
    }

    /// The deque type, nil before the first `import collections`.
    public var dequeTypeIfMade: ObjectRef? { dequeTypeRef }

    /// deque_new: an empty deque (GC-tracked).
    public func newDeque(maxlen: Int?) throws(HeapExhausted) -> ObjectRef {
        let type = dequeType()
        return try newNativeObject(type: type, DequeObject(maxlen: maxlen, visitedType: profile.dequeTypeIsHeapType ? type : nil))
    }

    /// The deque state of `r`, if `r` is a deque.
    public func deque(_ r: ObjectRef) -> DequeObject? {
        if case .native(let o) = payload[Int(r)] { return o as? DequeObject }
        return nil
    }
}
