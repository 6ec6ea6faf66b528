/// Which addresses the engine vouches for when the program compares the id of a new object
/// with the id of a dead one across statements typed at the prompt.
///
/// CPython compiles each statement typed at the prompt after running the previous one: the
/// tokenizer, the parser's arena (its `a_objects` list and that list's item array), the
/// symbol table, the compiler's dicts and lists, the code object and its tuples take and free
/// pymalloc blocks and free-listed objects, which the engine does not model one for one. So
/// which free block the next object gets is CPython's only while no compilation came between
/// the free and the allocation. Measured on 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0:
/// `x = 1099511627777; a = id(x); del x` then `y = 1099511627778; id(y) == a` on the next
/// line is False (on 3.11 the arena's item array took the freed 32-byte block first), and
/// the same statements on one line give True; with `n * 1000000009` for the literal the
/// next line gives True on 3.12.1 only.
///
/// The engine follows the ints `id()` returned (`holders`: how many live id ints hold each
/// address). A dying object whose address is held leaves a *dead block*; once a compilation
/// follows, the block is *stale*. An object allocated while a stale block of its size class
/// (the system malloc counts as one class) is free, or is held by an object whose own
/// address is uncertain, or into a stale block itself, may not be where CPython put it, so
/// the int `id()` gives for it is *uncertain*. Comparing an uncertain id with a stale
/// block's id, and `in` or hashing with an uncertain id while stale blocks are held, are
/// refused; comparing ids of objects alive together, and reuse within one epoch — one
/// statement at the prompt, a whole script, a chapter's script block — stay exact. A stale
/// block stops mattering when the last int holding its address dies.
///
/// Within one epoch the engine vouches for reuse only where pymalloc's choice does not
/// depend on how full CPython's pools are (Allocator+ReuseLog.swift): a dead object's block,
/// freed to pymalloc, is certainly the next block of its size class when the frees of its
/// class since its allocation were of later blocks freed last-made first, and then only for
/// the class's next allocation. Every other object of the class made while such a block is
/// free, or after it may have been taken, is *uncertain against* the dead ids it held:
/// comparing its id with them, or hashing and `in` with its id while they are held, is
/// refused.
///
/// Invariants: `uncertain` and every `occupant` are live rows; a stale block's
/// `heldAddresses` are all keys of `holders`; a block's `occupant` is set only where its
/// reuse is certain.
struct IdentityCertainty {
    struct DeadBlock {
        var sizeClass: Int
        /// The ids (object addresses) of the dead objects that lived in the block, with the
        /// epoch each died in.
        var heldAddresses: [UInt64: Int]
        /// The live object now in the block, if any.
        var occupant: ObjectRef?
        /// Who takes the block: the engine's allocator is CPython's (free lists, the system
        /// malloc), the class's next allocation if it comes right after the free, or nobody
        /// knows.
        var reuse: Reuse = .exact
    }
    enum Reuse {
        case exact
        /// Certainly taken by the allocation that makes the class's count `allocations + 1`.
        case next(allocations: Int)
        case unknown
    }
    /// An int id() returned: the address it holds, the object's row while it lives, and the
    /// epoch the object died in.
    struct IdInt {
        var address: UInt64
        var deathEpoch: Int?
    }
    var idInts: [ObjectRef: IdInt] = [:]
    /// The id ints of each live object whose id was taken.
    var intsOfObject: [ObjectRef: [ObjectRef]] = [:]
    var holders: [UInt64: Int] = [:]
    /// Compilations so far.
    var epoch = 0
    /// Blocks (by block address) of dead objects whose id is held, freed in this epoch.
    var diedThisEpoch: [UInt64: DeadBlock] = [:]
    /// The same from earlier epochs: a compilation came after them.
    var stale: [UInt64: DeadBlock] = [:]
    /// Live objects whose address the engine does not vouch for, and the ints id() gave
    /// for them, with the epoch the object was allocated in.
    var uncertain: [ObjectRef: Int] = [:]
    var uncertainInts: [ObjectRef: Int] = [:]
    /// Live objects made in this epoch that may or may not sit where these dead ids' objects
    /// did, and the ints id() gave for them.
    var uncertainAgainst: [ObjectRef: Set<UInt64>] = [:]
    var uncertainAgainstInts: [ObjectRef: Set<UInt64>] = [:]

    var isTracking: Bool {
        !holders.isEmpty || !uncertain.isEmpty || !uncertainInts.isEmpty
            || !uncertainAgainst.isEmpty || !uncertainAgainstInts.isEmpty
    }

    /// No int holds `address` any more: its dead blocks stop mattering.
    static func forget(_ address: UInt64, in blocks: inout [UInt64: DeadBlock]) {
        for (block, var dead) in blocks where dead.heldAddresses[address] != nil {
            dead.heldAddresses[address] = nil
            blocks[block] = dead.heldAddresses.isEmpty ? nil : dead
        }
    }
}

extension Heap {
    /// The prompt is about to compile a statement: blocks freed so far may have been taken
    /// and given back in another order by the time it runs.
    public func beginCompilation() {
        for (block, dead) in identities.diedThisEpoch {
            identities.stale[block, default: IdentityCertainty.DeadBlock(sizeClass: dead.sizeClass, heldAddresses: [:])]
                .heldAddresses.merge(dead.heldAddresses) { $1 }
            identities.stale[block]?.occupant = dead.occupant
        }
        identities.diedThisEpoch.removeAll()
        identities.epoch += 1
    }

    /// The int `id()` returned for `r`: followed until it dies.
    public func noteIdentityTaken(_ idInt: ObjectRef, of r: ObjectRef) {
        guard identities.idInts[idInt] == nil else { return }
        let held = address[Int(r)]
        identities.idInts[idInt] = IdentityCertainty.IdInt(address: held)
        identities.intsOfObject[r, default: []].append(idInt)
        identities.holders[held, default: 0] += 1
        if let made = identities.uncertain[r] { identities.uncertainInts[idInt] = made }
        if let dead = identities.uncertainAgainst[r] { identities.uncertainAgainstInts[idInt] = dead }
    }

    /// Why comparing `a` with `b` (or `id(y) - old`) may not give CPython's answer, or nil:
    /// an uncertain id against the id of an object that died before the compilation of the
    /// statement that made the uncertain one (or against a plain int equal to such an id).
    public func identityComparisonUncertainty(_ a: ObjectRef, _ b: ObjectRef) -> String? {
        guard !identities.uncertainInts.isEmpty || !identities.uncertainAgainstInts.isEmpty else { return nil }
        for (x, y) in [(a, b), (b, a)] {
            if let dead = identities.uncertainAgainstInts[x] {
                if let other = identities.idInts[y] {
                    if other.deathEpoch != nil && dead.contains(other.address) { return Heap.poolsBetween }
                } else if case .int(let v) = payload[Int(y)], v > 0, dead.contains(UInt64(v)) {
                    return Heap.poolsBetween
                }
            }
            guard let made = identities.uncertainInts[x] else { continue }
            if let other = identities.idInts[y] {
                if let died = other.deathEpoch, died < made { return Heap.compiledBetween }
            } else if case .int(let v) = payload[Int(y)], v > 0,
                      identities.stale.values.contains(where: { ($0.heldAddresses[UInt64(v)] ?? made) < made }) {
                return Heap.compiledBetween
            }
        }
        return nil
    }

    /// Why hashing `r` or looking it up in a container may not give CPython's answer, or nil:
    /// an uncertain id while ids of objects that died before its object's compilation are
    /// held, or such an id while uncertain ones exist (the container may hold either).
    public func identityLookupUncertainty(_ r: ObjectRef) -> String? {
        if let dead = identities.uncertainAgainstInts[r], dead.contains(where: { identities.holders[$0] != nil }) {
            return Heap.poolsBetween
        }
        if let held = identities.idInts[r], held.deathEpoch != nil,
           identities.uncertainAgainstInts.values.contains(where: { $0.contains(held.address) }) {
            return Heap.poolsBetween
        }
        if let made = identities.uncertainInts[r],
           identities.stale.values.contains(where: { $0.heldAddresses.values.contains { $0 < made } }) {
            return Heap.compiledBetween
        }
        if let died = identities.idInts[r]?.deathEpoch, identities.uncertainInts.values.contains(where: { died < $0 }) {
            return Heap.compiledBetween
        }
        return nil
    }

    static let compiledBetween = "CPython compiles each statement typed at the prompt, and its parser and "
        + "compiler take and free blocks that heapbook does not model one for one; the id of an object that "
        + "died before that compilation is compared with the id of one made after it, which may or may not "
        + "have reused its block (free and allocate in one statement: `del x; y = ...; id(y) == old`)"

    static let poolsBetween = "which free block pymalloc gives a new object depends on how full CPython's "
        + "pools are once another block of its size class was freed or taken in between, which heapbook does "
        + "not model; the id of an object that died is compared with the id of one made after it "
        + "(`hash(map(f, a)) == hash(map(f, a))`: the map and its iterator are two blocks of one size class)"

    /// releaseRow: an id int or a block's occupant dies.
    func noteIdentityFreed(_ r: ObjectRef) {
        identities.uncertain[r] = nil
        identities.uncertainInts[r] = nil
        identities.uncertainAgainst[r] = nil
        identities.uncertainAgainstInts[r] = nil
        if let ints = identities.intsOfObject.removeValue(forKey: r) {
            for n in ints { identities.idInts[n]?.deathEpoch = identities.epoch }
        }
        if let held = identities.idInts.removeValue(forKey: r)?.address {
            identities.holders[held]! -= 1
            if identities.holders[held] == 0 {
                identities.holders[held] = nil
                IdentityCertainty.forget(held, in: &identities.stale)
                IdentityCertainty.forget(held, in: &identities.diedThisEpoch)
            }
        }
        let block = blockAddress(r)
        if identities.stale[block]?.occupant == r { identities.stale[block]?.occupant = nil }
        if identities.diedThisEpoch[block]?.occupant == r { identities.diedThisEpoch[block]?.occupant = nil }
        // A free-listed object keeps its memory; its free list is the compiler's too.
        if !Heap.freeListsFollowedAcrossCompilation.contains(kind(r)) { noteBlockFreed(r) }
    }

    /// The free lists the compiler's use of which the engine models (the parser's literal
    /// floats, the arena's list, ...): `x = n * 1.5; old = id(x); del x`, then `y = n * 2.5;
    /// id(y) == old` on the next line is True on 3.6.15-3.13.0 and in the engine, and so are
    /// the same steps with `[n, n]` then `[n]`, and `{'a': n}` then `{'b': n}`. Not tuples:
    /// `(n, 'a')` then `('b', n)` is False on all five (the code's 2-tuples take it first).
    static let freeListsFollowedAcrossCompilation: Set<TypeKind> = [.float, .list, .dict]

    /// freeBlock (or a free list other than those followed): a dying object whose address
    /// is held leaves a dead block. `toPymalloc`: freeBlock, just before the block goes back
    /// to the allocator (a free list's object keeps its memory, and whichever object takes it
    /// is the engine's to say).
    ///
    /// The block of a dead object whose id is held may also be freed by the object that took
    /// it: who takes it next is then as (un)certain as for the first free, if that object
    /// certainly took it; if not (CPython may have put it elsewhere, the block may still be
    /// free there), the block stays unknown.
    func noteBlockFreed(_ r: ObjectRef, toPymalloc: Bool = false) {
        let objectAddress = address[Int(r)]
        let block = blockAddress(r)
        let held = identities.holders[objectAddress] != nil
        guard held || toPymalloc && identities.diedThisEpoch[block] != nil else { return }
        var dead = identities.diedThisEpoch[block] ?? IdentityCertainty.DeadBlock(
            sizeClass: allocator.sizeClass(of: block), heldAddresses: [:])
        if held { dead.heldAddresses[objectAddress] = identities.epoch }
        if toPymalloc && dead.sizeClass >= 0 {
            dead.occupant = nil
            dead.reuse = dead.reuse.isExact && allocator.freeLeavesBlockNext(block)
                ? .next(allocations: allocator.allocationCount(dead.sizeClass)) : .unknown
        }
        identities.diedThisEpoch[block] = dead
    }

    /// Where the block of `r` starts (its address less the GC header or other pre-header).
    func blockAddress(_ r: ObjectRef) -> UInt64 {
        address[Int(r)] - UInt64(TypeBits.preHeader(typeBits[Int(typeOf[Int(r)])]))
    }

    /// newRow while dead blocks are held: the new object occupies one, or may be somewhere
    /// else than CPython put it.
    func noteAllocationNearDeadBlocks(_ r: ObjectRef) {
        let f = ObjectFlags(rawValue: flags[Int(r)])
        if f.contains(.isStatic) || f.contains(.fromFreeList) && Heap.freeListsFollowedAcrossCompilation.contains(kind(r)) {
            return
        }
        let block = blockAddress(r)
        if !f.contains(.fromFreeList) { noteAllocationInClass(r, block: block) }
        if identities.diedThisEpoch[block]?.reuse.isExact == true { identities.diedThisEpoch[block]?.occupant = r }
        if identities.stale.isEmpty { return }
        if identities.stale[block] != nil {
            identities.stale[block]?.occupant = r
            identities.uncertain[r] = identities.epoch
            return
        }
        let sizeClass = allocator.sizeClass(of: block)
        for dead in identities.stale.values where dead.sizeClass == sizeClass {
            if dead.occupant.map({ identities.uncertain[$0] != nil }) ?? true {
                identities.uncertain[r] = identities.epoch
                return
            }
        }
    }

    /// A new pymalloc object while blocks of dead objects whose ids are held were freed in
    /// this epoch: it takes one of them for certain, or is uncertain against those of its
    /// class whose taker is not known.
    private func noteAllocationInClass(_ r: ObjectRef, block: UInt64) {
        guard !identities.diedThisEpoch.isEmpty else { return }
        let sizeClass = allocator.sizeClass(of: block)
        guard sizeClass >= 0 else { return }
        for (freed, var dead) in identities.diedThisEpoch where dead.sizeClass == sizeClass {
            switch dead.reuse {
            case .exact: continue
            case .next(let n) where freed == block && allocator.allocationCount(sizeClass) == n + 1
                    && allocator.lastAllocationTookLastFreed(sizeClass):
                dead.reuse = .exact
                dead.occupant = r
            case .next, .unknown:
                dead.reuse = .unknown
                dead.occupant = nil
                identities.uncertainAgainst[r, default: []].formUnion(dead.heldAddresses.keys)
            }
            identities.diedThisEpoch[freed] = dead
        }
    }
}

extension IdentityCertainty.Reuse {
    var isExact: Bool { if case .exact = self { return true } else { return false } }
}
