import HeapEngine
import BigInt

// Python/bltinmodule.c builtin_id (PyLong_FromVoidPtr of the object's address) once the
// engine's addresses may no longer be CPython's, and the strs CPython spells from such an
// int: builtin_hex/oct/bin (PyNumber_ToBase), long_to_decimal_string (str(), repr(), an
// f-string field, format() with an empty spec) and long__format__ with a spec that only
// picks a base (Python/formatter_unicode.c).
//
// After an import the engine does not model block for block (`noteUnmodelledImport`,
// `noteCopyImport`), or whatever else makes `addressObservationRefusal` answer, no engine
// address is CPython's. id() still answers, with an *unplaced* int: the engine's address,
// followed in `unplacedIds`. What the program may do with it is what does not depend on
// the number: store it, pass it on (list.append, ctypes' from_address), `is`, type(),
// isinstance(), and `==`/`!=` with another unplaced int of a live object. Everything that
// reads the number (printing, arithmetic, ordering, hashing, indexing, comparing with an
// ordinary int) is refused, with the reason addresses are unknown.
//
// hex(), oct(), bin(), str(), repr() and format() of an unplaced int give an *unplaced*
// str: a real str object (its refcount and identity are exact) whose text the engine does
// not know. `==`/`!=` between two spelled the same way is exact, as each spelling is
// injective over ints; everything that reads the text (printing, len(), indexing,
// iterating, hashing, concatenating, formatting it into another str, comparing with an
// ordinary str) is refused.
//
// Invariant (the one all of this rests on): two live objects have distinct engine
// addresses, as they have distinct CPython addresses, and an object does not move; so two
// unplaced values whose objects both still live are equal iff they were made from the same
// object, in the engine as in CPython, whenever each was made.
extension Interpreter {
    /// An int id() gave, or a str spelled from one, while addresses were not CPython's.
    struct UnplacedId {
        /// The object whose address the value holds.
        let target: ObjectRef
        /// Whether `target` still lives (the value is then its address, held by no other live object).
        let targetLife: LifeWatch
        /// nil for the int; for a str, how it was spelled (`hex()`, `str()`...): two strs
        /// compare exactly only when spelled alike.
        let spelling: String?
        /// Why addresses are not CPython's.
        let why: String
        /// Whether the value's own row is still this value.
        let life: LifeWatch

        /// How a refusal names the value.
        var noun: String { spelling.map { "\($0) of an id() value" } ?? "an id() value" }
    }

    /// The unplaced value `r` is, if it is one.
    @inline(__always)
    func unplacedId(_ r: ObjectRef) -> UnplacedId? {
        guard !unplacedIds.isEmpty, let u = unplacedIds[r], u.life.isAlive else { return nil }
        return u
    }

    /// builtin_id while addresses are not CPython's: the engine's address, followed.
    func newUnplacedId(of r: ObjectRef, why: String) throws -> ObjectRef {
        let result = try makeInt(BigInt(heap.address[Int(r)]))
        heap.noteIdentityTaken(result, of: r)
        unplacedIds[result] = UnplacedId(target: r, targetLife: heap.watchLife(r), spelling: nil, why: why,
                                         life: heap.watchLife(result))
        return result
    }

    /// The str CPython spells from the unplaced int `u` (the engine's own text stands in for
    /// it; nothing may read it). `spelling` names the function whose text it is.
    func newUnplacedIdStr(_ u: UnplacedId, _ text: String, spelling: String) throws -> ObjectRef {
        let result = try newStr(text)
        unplacedIds[result] = UnplacedId(target: u.target, targetLife: u.targetLife, spelling: spelling, why: u.why,
                                         life: heap.watchLife(result))
        return result
    }

    /// hex(), oct(), bin() of `r`, when it is an unplaced int (`prefix` is the function's,
    /// `radix` its base): an unplaced str, else nil.
    func unplacedIdToBase(_ r: ObjectRef, _ function: String, radix: Int, prefix: String) throws -> ObjectRef? {
        guard let u = unplacedId(r), u.spelling == nil, let n = number(r), let b = bigOf(n) else { return nil }
        return try newUnplacedIdStr(u, prefix + String(b.magnitude, radix: radix), spelling: "\(function)()")
    }

    /// str()/repr() of an unplaced int (long_to_decimal_string: the same text for both).
    func unplacedIdDecimal(_ r: ObjectRef) throws -> ObjectRef? {
        guard let u = unplacedId(r), u.spelling == nil, let n = number(r), let b = bigOf(n) else { return nil }
        return try newUnplacedIdStr(u, String(b.magnitude), spelling: "str()")
    }

    /// format(v, spec) (PyObject_Format) of an unplaced value, or nil if `v` is not one.
    /// An int: only specs that pick a base and nothing else keep distinct ints distinct
    /// (a fill character can make two ints one text: `format(5, '1>3')` is `format(15,
    /// '1>3')`), so only those are modelled; '' and 'd' are str()'s text, '#x' hex()'s,
    /// '#o' oct()'s, '#b' bin()'s. A str: an empty spec gives the str itself
    /// (unicode__format__), any other reads its text.
    func unplacedIdFormat(_ v: ObjectRef, spec: String) throws -> ObjectRef? {
        guard let u = unplacedId(v) else { return nil }
        if u.spelling != nil {
            guard spec.isEmpty else { throw notModelled("format() of \(u.noun) with a spec", because: u.why) }
            heap.incref(v)
            return v
        }
        guard let n = number(v), let b = bigOf(n) else { return nil }
        switch spec {
        case "", "d": return try unplacedIdDecimal(v)
        case "#x": return try unplacedIdToBase(v, "hex", radix: 16, prefix: "0x")
        case "#o": return try unplacedIdToBase(v, "oct", radix: 8, prefix: "0o")
        case "#b": return try unplacedIdToBase(v, "bin", radix: 2, prefix: "0b")
        case "x", "X", "o", "b":
            let text = String(b.magnitude, radix: spec == "o" ? 8 : spec == "b" ? 2 : 16, uppercase: spec == "X")
            return try newUnplacedIdStr(u, text, spelling: "format() with '\(spec)'")
        default:
            throw notModelled("format() of an id() value with the spec '\(spec)'", because: u.why)
        }
    }

    /// Refuses what reads the value of `r` if it is unplaced: `doing` names the reading
    /// ("print() of", "the + operator with"); without it, the number or the text itself.
    func refuseUnplacedId(_ r: ObjectRef, _ doing: String? = nil) throws(UnsupportedAtRuntime) {
        guard let u = unplacedId(r) else { return }
        let what = doing.map { "\($0) \(u.noun)" } ?? (u.spelling == nil ? "the value of id()" : "the text of \(u.noun)")
        throw notModelled(what, because: u.why)
    }

    /// `==` between `a` and `b` when either is unplaced (nil when neither is): exact between
    /// two spelled alike whose objects both live (the invariant above); refused for an
    /// unplaced value against any other object (a plain int may or may not be the address),
    /// between spellings, or when an object died (its block may hold another by now).
    func unplacedIdsEqual(_ a: ObjectRef, _ b: ObjectRef) throws(UnsupportedAtRuntime) -> Bool? {
        let ua = unplacedId(a), ub = unplacedId(b)
        guard ua != nil || ub != nil else { return nil }
        guard let ua, let ub else {
            let u = ua ?? ub!
            throw notModelled("comparing \(u.noun) with another object", because: u.why)
        }
        guard ua.spelling == ub.spelling else {
            throw notModelled("comparing \(ua.noun) with \(ub.noun)", because: ua.why)
        }
        guard ua.targetLife.isAlive, ub.targetLife.isAlive else {
            throw notModelled("comparing the id of a freed object", because: ua.why)
        }
        return ua.target == ub.target
    }

    /// PyObject_Hash of the unplaced value `r` (long_hash of the engine's address), for a set's
    /// or dict's table: `seen.add(id(o))`, `id(o) in seen`, `memo[id(x)]`. What the table then
    /// answers must not depend on the number, only on which object it came from:
    /// - membership: a stored id() value compares equal to the looked-up one iff their hashes
    ///   are equal and `unplacedIdsEqual` says so, exact while both objects live (the
    ///   invariant above). An id() value of a freed object anywhere among the live unplaced
    ///   ints is refused: CPython may have given its address to an object made since, so the
    ///   freed one's id may or may not equal a new one's, while the engine's addresses need
    ///   not repeat CPython's reuse;
    /// - the order of a set holding one is run-specific (`hashIsReproducible`: CPython's
    ///   addresses move from run to run), and refused where shown;
    /// - the number: hash() refuses it (`reproducibleHash`, through `hashedUnplacedId`).
    /// A str spelled from an id() value (its text not known) is refused, as before.
    func unplacedIdTableHash(_ r: ObjectRef, _ u: UnplacedId) throws -> Int {
        let h: Int
        switch heap.payload[Int(r)] {
        case .int(let v) where u.spelling == nil: h = IntLayout.hash(v)
        case .bigInt(let v) where u.spelling == nil: h = IntLayout.hash(v)
        default: throw notModelled("hashing \(u.noun)", because: u.why)
        }
        for (k, other) in unplacedIds {
            guard other.life.isAlive else { unplacedIds[k] = nil; continue }
            if !other.targetLife.isAlive {
                throw notModelled("hashing an id() value while the id() of a freed object is still held",
                                  because: other.why + "; CPython may or may not have given the freed object's address "
                                      + "to an object made since")
            }
        }
        hashedUnplacedId = u
        return h
    }

    /// An unplaced value `r` is or holds as an item of a tuple or frozenset (nested), whose
    /// hash would mix in the engine's address.
    func unplacedIdHeld(by r: ObjectRef) -> UnplacedId? {
        guard !unplacedIds.isEmpty else { return nil }
        if let u = unplacedId(r) { return u }
        switch heap.payload[Int(r)] {
        case .tuple(let items):
            for i in items { if let u = unplacedIdHeld(by: i) { return u } }
        case .set(let st) where heap.kind(r) == .frozenset:
            for k in st.storage.keys where k >= 0 { if let u = unplacedIdHeld(by: k) { return u } }
        default: break
        }
        return nil
    }

    /// COMPARE_OP with an unplaced operand: `==`/`!=` as `unplacedIdsEqual` says, any
    /// ordering refused. nil when neither operand is unplaced.
    func unplacedIdComparison(_ op: CompareOp, _ a: ObjectRef, _ b: ObjectRef) throws -> ObjectRef? {
        guard op == .eq || op == .ne else {
            let u = unplacedId(a) ?? unplacedId(b)
            guard let u else { return nil }
            throw notModelled("ordering \(u.noun)", because: u.why)
        }
        guard let same = try unplacedIdsEqual(a, b) else { return nil }
        return heap.newBool((op == .eq) == same)
    }
}
