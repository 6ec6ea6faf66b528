import HeapEngine
import BigInt

// NumberMethods.swift — named methods of int and float, after Objects/longobject.c
// (int_bit_length, int_bit_count, long_long, int_as_integer_ratio) and Objects/floatobject.c
// (float_is_integer, float_float).
//
// Methods that hand back `self` (conjugate, as_integer_ratio's numerator) do so for the exact
// types only (long_long / float_float copy a subclass's value): a bool receiver is refused.
extension Interpreter {
    func registerNumberMethods() {
        defineMethod(.int, "bit_length") { i, s, _, _ in
            let v = try i.exactInt(s!, "bit_length")
            return try i.newInt(v.magnitude.bitWidth)
        }
        if profile.minor >= 10 {
            defineMethod(.int, "bit_count") { i, s, _, _ in
                let v = try i.exactInt(s!, "bit_count")
                return try i.newInt(v.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
            }
        }
        defineMethod(.int, "conjugate") { i, s, _, _ in
            _ = try i.exactInt(s!, "conjugate")
            i.heap.incref(s!); return s!
        }
        if profile.minor >= 8 {
            defineMethod(.int, "as_integer_ratio") { i, s, _, _ in
                // int_as_integer_ratio: (self, 1) for an exact int.
                _ = try i.exactInt(s!, "as_integer_ratio")
                i.heap.incref(s!)
                return try i.newTuple([s!, try i.newInt(1)])
            }
        }
        defineMethod(.float, "is_integer") { i, s, _, _ in
            guard case .float(let d) = i.heap.payload[Int(s!)] else { throw i.notModelled("float.is_integer() of a float subclass") }
            return i.heap.newBool(d.isFinite && d.rounded(.towardZero) == d)
        }
        defineMethod(.float, "conjugate") { i, s, _, _ in
            guard i.heap.typeOf[Int(s!)] == i.heap.builtinType(.float) else { throw i.notModelled("float.conjugate() of a float subclass") }
            i.heap.incref(s!); return s!
        }
        // float.as_integer_ratio is not registered: its shifts make temporary ints (3.6 and
        // 3.8 even for small results) the engine does not follow.
    }

    /// The value of an exact int receiver (bool refused: its results are copies).
    private func exactInt(_ s: ObjectRef, _ mname: String) throws -> BigInt {
        guard heap.kind(s) == .int, heap.typeOf[Int(s)] == heap.builtinType(.int) else {
            throw notModelled("int.\(mname)() of a '\(typeName(s))'")
        }
        switch heap.payload[Int(s)] {
        case .int(let v): return BigInt(v)
        case .bigInt(let v): return v
        default: throw notModelled("int.\(mname)() of this int")
        }
    }
}
