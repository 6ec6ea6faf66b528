// PyHash.swift — str and bytes hashing, after CPython's Python/pyhash.c and the key set-up of
// Python/bootstrap_hash.c (_Py_HashRandomization_Init).
//
// CPython hashes the bytes of a str's PEP 393 buffer (1, 2 or 4 bytes per code point,
// little-endian on x86-64) and of a bytes object with SipHash, keyed by a 128-bit secret:
//   - 3.4-3.10: SipHash-2-4 (Py_HASH_SIPHASH24); 3.11+: SipHash-1-3 (bpo-29410).
//   - Py_HASH_CUTOFF is 0, so no short input takes another path; an empty input hashes to 0,
//     and a result of -1 becomes -2 (-1 is the C API's error value).
// The secret comes from PYTHONHASHSEED: unset or "random" → os.urandom (a different value in
// every process: hash randomization); 0 → all zero bytes; N → lcg_urandom(N).
//
// The engine models a session's secret exactly when the seed is known. When it is not, every
// str and bytes hash is still computed (with the zero key) because the tables need one, but a
// value CPython would print differently from run to run — `hash('a')`, the order of a set of
// strs — is refused by HeapScript (see `HashSecret.isKnown`); the sizes and counts of the
// tables do not depend on where the keys land, so they stay exact.

/// The SipHash variant of a release (Py_HASH_ALGORITHM).
public enum PyHashAlgorithm: Sendable, Equatable {
    case siphash24, siphash13
}

/// `_Py_HashSecret.siphash`: the key every str and bytes hash of a process uses.
public struct HashSecret: Sendable, Equatable {
    public let k0: UInt64
    public let k1: UInt64
    /// False under hash randomization (no PYTHONHASHSEED): the key is then a stand-in.
    public let isKnown: Bool

    /// The secret of a process started with PYTHONHASHSEED=`seed`; nil is "random".
    public init(seed: UInt32?) {
        guard let seed, seed != 0 else {
            k0 = 0; k1 = 0; isKnown = seed != nil
            return
        }
        // lcg_urandom: the Windows rand() LCG, one byte (bits 16-23) per step, filling the
        // 24-byte _Py_HashSecret_t union whose first 16 bytes are k0 and k1 (little-endian).
        var x = seed
        var words: (UInt64, UInt64) = (0, 0)
        for index in 0..<16 {
            x = x &* 214013 &+ 2531011
            let byte = UInt64((x >> 16) & 0xff)
            if index < 8 { words.0 |= byte << (8 * UInt64(index)) } else { words.1 |= byte << (8 * UInt64(index - 8)) }
        }
        k0 = words.0; k1 = words.1; isKnown = true
    }

    public static let randomized = HashSecret(seed: nil)

    /// PYTHONHASHSEED=0: CPython runs with hash randomization off (`sys.flags.hash_randomization`
    /// is 0, not 1; see `Profile.hashRandomizationFlagReferences`).
    public var randomizationDisabled: Bool { isKnown && k0 == 0 && k1 == 0 }
}

/// SipHash over a byte stream fed one byte at a time (pyhash.c's siphash24/siphash13, which
/// read 8-byte little-endian words and put the length in the top byte of the last one).
public struct SipHasher {
    private var v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64
    /// c and d of SipHash-c-d: rounds per message word, and rounds of the finalization.
    private let compressionRounds: Int
    private let finalizationRounds: Int
    private var word: UInt64 = 0
    private var length: UInt64 = 0

    public init(_ secret: HashSecret, _ algorithm: PyHashAlgorithm) {
        v0 = secret.k0 ^ 0x736f_6d65_7073_6575
        v1 = secret.k1 ^ 0x646f_7261_6e64_6f6d
        v2 = secret.k0 ^ 0x6c79_6765_6e65_7261
        v3 = secret.k1 ^ 0x7465_6462_7974_6573
        (compressionRounds, finalizationRounds) = algorithm == .siphash24 ? (2, 4) : (1, 3)
    }

    private static func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }

    /// SINGLE_ROUND: two HALF_ROUNDs.
    private mutating func round() {
        v0 = v0 &+ v1; v2 = v2 &+ v3
        v1 = Self.rotl(v1, 13) ^ v0; v3 = Self.rotl(v3, 16) ^ v2; v0 = Self.rotl(v0, 32)
        v2 = v2 &+ v1; v0 = v0 &+ v3
        v1 = Self.rotl(v1, 17) ^ v2; v3 = Self.rotl(v3, 21) ^ v0; v2 = Self.rotl(v2, 32)
    }

    private mutating func compress(_ m: UInt64) {
        v3 ^= m
        for _ in 0..<compressionRounds { round() }
        v0 ^= m
    }

    public mutating func combine(_ byte: UInt8) {
        word |= UInt64(byte) << (8 * (length & 7))
        length &+= 1
        if length & 7 == 0 { compress(word); word = 0 }
    }

    /// The hash as `_Py_HashBytes` returns it (0 for no input, never -1).
    public mutating func finalize() -> Int {
        if length == 0 { return 0 }
        compress(word | (length << 56))
        v2 ^= 0xff
        for _ in 0..<finalizationRounds { round() }
        let t = Int(bitPattern: UInt(v0 ^ v1 ^ v2 ^ v3))
        return t == -1 ? -2 : t
    }
}

extension HashSecret {
    /// `_Py_HashBytes` of a bytes object's contents.
    public func hashBytes<S: Sequence>(_ bytes: S, _ algorithm: PyHashAlgorithm) -> Int where S.Element == UInt8 {
        var h = SipHasher(self, algorithm)
        for b in bytes { h.combine(b) }
        return h.finalize()
    }

    /// unicode_hash: `_Py_HashBytes` of the PEP 393 buffer, `kind` bytes per code point.
    public func hashStr(_ value: String, kind: UInt8, _ algorithm: PyHashAlgorithm) -> Int {
        var h = SipHasher(self, algorithm)
        for s in value.unicodeScalars {
            let v = s.value
            h.combine(UInt8(truncatingIfNeeded: v))
            if kind >= 2 { h.combine(UInt8(truncatingIfNeeded: v >> 8)) }
            if kind == 4 { h.combine(UInt8(truncatingIfNeeded: v >> 16)); h.combine(UInt8(truncatingIfNeeded: v >> 24)) }
        }
        return h.finalize()
    }
}
