import BigInt

// Mirrors Objects/longobject.c (CPython 3.11.7: long_hash, _PyLong_New, int___sizeof__),
// Python/pyhash.c (_Py_HashDouble) and Objects/tupleobject.c (tuplehash).
//
// An int is a PyLongObject: a header (ob_refcnt, ob_type, ob_size; offsetof(ob_digit) is
// 24) followed by |ob_size| 30-bit digits stored in 4 bytes each; 0 has ob_size 0 but
// int.__sizeof__ counts max(1, ndigits) digits (3.11), so sys.getsizeof(0) == 28 ==
// sys.getsizeof(1), 2**30 takes 32 and 2**60 takes 36. ints are not GC-tracked.
//
// Numeric hashes reduce modulo the Mersenne prime P = 2**61 - 1 (_PyHASH_MODULUS) so that
// equal int, float and Fraction values hash alike: hash(n) = sign(n) * (|n| mod P), except
// that -1 is reserved for errors and becomes -2 (so hash(-1) == hash(-2) == -2).

/// Size and hash rules of `int`, `float` and `tuple`. Mirrors longobject.c, pyhash.c and
/// tupleobject.c (3.11).
public enum IntLayout {
    /// _PyHASH_BITS and _PyHASH_MODULUS on 64-bit builds.
    public static let hashBits = 61
    public static let hashModulus: UInt64 = (1 << 61) - 1
    /// _PyHASH_INF.
    public static let hashInf = 314159

    // MARK: - Digits and sizes

    /// |ob_size|: the number of 30-bit digits (0 for 0).
    public static func digitCount(_ value: Int, _ profile: Profile) -> Int {
        bitsToDigits(value.magnitude.bitWidth - value.magnitude.leadingZeroBitCount, profile)
    }

    public static func digitCount(_ value: BigInt, _ profile: Profile) -> Int {
        bitsToDigits(value.magnitude.bitWidth, profile)
    }

    static func bitsToDigits(_ bits: Int, _ profile: Profile) -> Int {
        (bits + profile.longDigitBits - 1) / profile.longDigitBits
    }

    /// `sys.getsizeof(n)` = int.__sizeof__ = offsetof(ob_digit) + ndigits * 4, counting at
    /// least one digit from 3.11 (`intSizeofCountsOneDigitForZero`).
    public static func sizeof(digits: Int, profile: Profile) -> Int {
        profile.objects.longHeaderSize
            + (profile.objects.intSizeofCountsOneDigitForZero ? max(1, digits) : digits) * profile.longDigitSize
    }

    public static func sizeof(_ value: Int, profile: Profile) -> Int {
        sizeof(digits: digitCount(value, profile), profile: profile)
    }

    public static func sizeof(_ value: BigInt, profile: Profile) -> Int {
        sizeof(digits: digitCount(value, profile), profile: profile)
    }

    // MARK: - Hashes

    /// long_hash for a machine int.
    public static func hash(_ value: Int) -> Int {
        var x = Int(value.magnitude % UInt(hashModulus))
        if value < 0 { x = -x }
        return x == -1 ? -2 : x
    }

    /// long_hash for an arbitrary int.
    public static func hash(_ value: BigInt) -> Int {
        if let small = Int(exactly: value) { return hash(small) }
        let r = value.magnitude % BigUInt(hashModulus)
        var x = Int(r)
        if value.sign == .minus { x = -x }
        return x == -1 ? -2 : x
    }

    /// _Py_HashDouble for a finite or infinite value. NaN hashes by object identity in
    /// 3.10+ (_Py_HashPointer), so the caller passes `nanHash` for it.
    public static func hash(_ v: Double, nanHash: Int = 0) -> Int {
        if !v.isFinite {
            if v.isInfinite { return v > 0 ? hashInf : -hashInf }
            return nanHash
        }
        if v == 0 { return 0 }
        // frexp: v = m * 2**e with 0.5 <= |m| < 1.
        var m = v.magnitude.significand / 2
        var e = Int(v.magnitude.exponent) + 1
        let sign: UInt64 = v < 0 ? UInt64.max : 1   // -1 or 1 as an unsigned multiplier
        var x: UInt64 = 0
        let bits = UInt64(hashBits)
        while m != 0 {
            x = ((x << 28) & hashModulus) | x >> (bits - 28)
            m *= 268435456.0  // 2**28
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= hashModulus { x -= hashModulus }
        }
        // Reduce the exponent modulo _PyHASH_BITS.
        e = e >= 0 ? e % hashBits : hashBits - 1 - ((-1 - e) % hashBits)
        x = ((x << UInt64(e)) & hashModulus) | x >> (bits - UInt64(e))
        x = x &* sign
        if x == UInt64.max { x = UInt64.max - 1 }
        return Int(bitPattern: UInt(x))
    }

    /// tuplehash of the item hashes: 3.8+'s xxHash-inspired combine, or 3.6/3.7's.
    public static func tupleHash(_ itemHashes: [Int], legacy: Bool = false) -> Int {
        if legacy { return legacyTupleHash(itemHashes) }
        let prime1: UInt64 = 11400714785074694791
        let prime2: UInt64 = 14029467366897019727
        let prime5: UInt64 = 2870177450012600261
        var acc = prime5
        for h in itemHashes {
            let lane = UInt64(bitPattern: Int64(h))
            acc = acc &+ lane &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(itemHashes.count) ^ (prime5 ^ 3527539))
        if acc == UInt64.max { return 1546275796 }
        return Int(Int64(bitPattern: acc))
    }

    /// tuplehash before 3.8: x = (x ^ y) * mult, mult += 82520 + 2 * remaining.
    static func legacyTupleHash(_ itemHashes: [Int]) -> Int {
        var x: UInt64 = 0x345678
        var mult: UInt64 = 1_000_003
        var len = itemHashes.count
        for h in itemHashes {
            len -= 1
            x = (x ^ UInt64(bitPattern: Int64(h))) &* mult
            mult = mult &+ UInt64(82520 + len + len)
        }
        x = x &+ 97531
        if x == UInt64.max { return -2 }
        return Int(Int64(bitPattern: x))
    }
}
