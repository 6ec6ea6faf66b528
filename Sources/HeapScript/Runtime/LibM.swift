// The C maths library, for what the Swift standard library lacks (`pow`). Not Foundation:
// Embedded Swift for WebAssembly has WASILibc's libm too.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(WASILibc)
import WASILibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's functions as float_pow (Objects/floatobject.c) and _Py_c_abs (complexobject.c) call them.
enum LibM {
    static func power(_ a: Double, _ b: Double) -> Double { pow(a, b) }
    /// hypot, as _Py_c_abs calls it.
    static func hypotenuse(_ a: Double, _ b: Double) -> Double { hypot(a, b) }
}
