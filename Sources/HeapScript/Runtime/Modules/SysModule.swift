import HeapEngine

// Python/sysmodule.c (_PySys_InitCore, sys_setrecursionlimit_impl, sys_getdefaultencoding)
// and Python/ceval.c (Py_SetRecursionLimit): the sys module's constants and the recursion
// limit. The functions sys has always had (getsizeof, getrefcount, intern...) are in
// Builtins/Modules.swift.
//
// The constants are the reference build's (the profile's `referenceVersion` on x86-64
// Linux, the build heapbook's sizes are measured on), measured on 3.6.15-3.13.0:
// maxsize 9223372036854775807, byteorder 'little', platform 'linux', maxunicode 1114111,
// hexversion PY_VERSION_HEX (50728944 for 3.6.15 ... 51183856 for 3.13.0). They are made at
// start-up, as _PySys_InitCore makes them, so `sys.getrefcount` of them is refused
// (`refuseStartupRefcount`: CPython's start-up holds other references, 10 to maxsize on
// 3.11.7). `sys.version` stays out of the dict, refused as every attribute CPython has and
// the engine does not model: it names the build (date and compiler), which is not the
// reader's.

extension Interpreter {
    /// _PySys_InitCore's constants and structseqs, and the functions of this file.
    func defineSysConstants(_ d: ObjectRef) {
        let release = profile.referenceVersion.split(separator: ".").compactMap { Int($0) }
        let micro = release.count > 2 ? release[2] : 0
        func set(_ key: String, _ value: ObjectRef) {
            try! dictSet(d, name(key), value)
            heap.decref(value)
        }
        set("maxsize", try! newInt(Int.max))
        set("maxunicode", try! newInt(0x10FFFF))
        set("byteorder", try! newStr("little"))
        set("platform", try! newStr("linux"))
        // PY_VERSION_HEX: major, minor, micro, PY_RELEASE_LEVEL_FINAL (0xF), serial 0.
        set("hexversion", try! newInt(profile.major << 24 | profile.minor << 16 | micro << 8 | 0xF0))
        // make_version_info (the releaselevel 'final' is a new str, not interned).
        set("version_info", try! makeStructSeq("sys.version_info",
                                               fields: ["major", "minor", "micro", "releaselevel", "serial"],
                                               values: [try! newInt(profile.major), try! newInt(profile.minor), try! newInt(micro),
                                                        try! newStr("final"), try! newInt(0)],
                                               callable: false))
        // PyLong_GetInfo: 30-bit digits; 3.8.18 has the int max str digits fields (backported
        // to 3.8.14, 3.7.14 and later, not 3.6).
        var intFields = ["bits_per_digit", "sizeof_digit"], intValues = [try! newInt(30), try! newInt(4)]
        if profile.minor >= 8 {
            intFields += ["default_max_str_digits", "str_digits_check_threshold"]
            intValues += [try! newInt(4300), try! newInt(640)]
        }
        set("int_info", try! makeStructSeq("sys.int_info", fields: intFields, values: intValues))
        // PyFloat_GetInfo: IEEE 754 binary64.
        set("float_info", try! makeStructSeq("sys.float_info",
            fields: ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
            values: [try! newFloat(Double.greatestFiniteMagnitude), try! newInt(1024), try! newInt(308),
                     try! newFloat(Double.leastNormalMagnitude), try! newInt(-1021), try! newInt(-307),
                     try! newInt(15), try! newInt(53), try! newFloat(Double.ulpOfOne), try! newInt(2), try! newInt(1)]))
        // get_hash_info: siphash24 until 3.10, siphash13 from 3.11 (Py_HASH_ALGORITHM default).
        set("hash_info", try! makeStructSeq("sys.hash_info",
            fields: ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
            values: [try! newInt(64), try! newInt((1 << 61) - 1), try! newInt(314159), try! newInt(0), try! newInt(1000003),
                     try! newStr(profile.minor >= 11 ? "siphash13" : "siphash24"), try! newInt(64), try! newInt(128), try! newInt(0)]))
        // 3.11+: `&_Py_STR(utf_8)`, a static str (one object: `sys.getdefaultencoding() is
        // sys.getdefaultencoding()` is True from 3.11, False before, where each call makes a
        // new str with PyUnicode_FromString). Its count is refused (a start-up object here).
        let defaultEncoding: ObjectRef? = profile.minor >= 11 ? try! newStr("utf-8") : nil
        defineFunction(in: d, "getdefaultencoding", module: "sys") { i, _, _, _ in
            if let e = defaultEncoding { i.heap.incref(e); return e }
            return try i.newStr("utf-8")
        }
        defineFunction(in: d, "setrecursionlimit", module: "sys") { i, _, args, _ in
            try i.setRecursionLimit(args[0])
            return i.heap.newNone()
        }
    }

    /// create_stdio (Python/pylifecycle.c): sys.stdout and sys.stderr, with `__stdout__` and
    /// `__stderr__` the same objects, are io.TextIOWrappers start-up made. They stand in
    /// for identity (`from sys import stderr`, `file is sys.stdout`) and for `print`'s
    /// `file=sys.stdout`, which takes the path `print()` takes. Anything else is refused:
    /// their repr names the reader's locale encoding, stderr's buffering (line-buffered from
    /// 3.9, so each line's pending list is made and freed) differs from stdout's, and their
    /// attributes are io's. Made at the first lookup, as static rows outside the sys dict:
    /// CPython's are start-up's, so making them must not take the session's blocks.
    func standardStream(_ attr: String) -> ObjectRef? {
        let stream: String
        switch attr {
        case "stdout", "__stdout__": stream = "stdout"
        case "stderr", "__stderr__": stream = "stderr"
        default: return nil
        }
        if let r = standardStreams[stream] { return r }
        let wrapper = standardStreams["type"] ?? {
            let object = heap.builtinType(.object)
            let t = heap.newStaticType(name: "TextIOWrapper", kind: .object, base: object,
                                       basicSize: heap.typeInfo(object).basicSize, isGC: false)
            heap.typeInfo(t).module = "_io"
            opaqueObjects[t] = "io.TextIOWrapper"
            standardStreams["type"] = t
            return t
        }()
        let r = heap.newStaticPlaceholder(type: wrapper)
        opaqueObjects[r] = "sys.\(stream)"
        standardStreams[stream] = r
        return r
    }

    /// References start-up objects the engine makes (the structseqs' items) hold to the
    /// shared objects (small ints): CPython's are inside the measured start-up counts
    /// (StartupRefcounts, the count of `1` or `7` at the first prompt), which the engine's
    /// re-base adds to the references it holds itself, so they are taken off here, once,
    /// before the re-base. The objects holding them live for the session. No-op where shared
    /// objects are immortal (3.12+).
    func discountStartupReferences(_ refs: [ObjectRef]) {
        guard profile.immortalRefcount == nil else { return }
        for r in refs where heap.isStatic(r) { heap.refcnt[Int(r)] -= 1 }
    }

    /// sys_setrecursionlimit_impl. The argument: 3.6/3.8's "i" format, 3.11+'s
    /// _PyLong_AsInt through Argument Clinic (worded as the array module's C ints,
    /// `arrayIntTypeError`; an int beyond C int/long: OverflowError). Then "recursion limit
    /// must be greater or equal than 1" (ValueError), then the check against the current
    /// depth (RecursionError "cannot set the recursion limit to N at the recursion depth D:
    /// the limit is too low"). A limit above the profile's default is refused: the engine's
    /// stack is sized for the default's frames (BigStackExecutor).
    func setRecursionLimit(_ v: ObjectRef) throws {
        let n: Int
        switch heap.payload[Int(v)] {
        case .int(let x) where heap.kind(v) == .int || heap.kind(v) == .bool:
            if x > Int(Int32.max) || x < Int(Int32.min) {
                // 3.6's "i": PyLong_AsLong, then the C int range; 3.8+'s _PyLong_AsInt.
                if profile.minor >= 8 { throw error("OverflowError", "Python int too large to convert to C int") }
                throw error("OverflowError", "signed integer is \(x > 0 ? "greater than maximum" : "less than minimum")")
            }
            n = x
        case .bigInt where heap.kind(v) == .int:
            throw error("OverflowError", "Python int too large to convert to C \(profile.minor >= 8 ? "int" : "long")")
        default: throw arrayIntTypeError(v, unsigned: false)
        }
        guard n >= 1 else { throw error("ValueError", "recursion limit must be greater or equal than 1") }
        let depth = cpythonRecursionDepth
        // 3.6/3.8 (_Py_RecursionLimitLowerWaterMark): the depth must stay under the new
        // limit's low-water mark; 3.11+ under the limit itself.
        let mark = profile.minor < 11 ? (n > 200 ? n - 50 : 3 * (n >> 2)) : n
        if depth >= mark {
            throw error("RecursionError", "cannot set the recursion limit to \(n) at the recursion depth \(depth): the limit is too low")
        }
        // CPython counts C calls too (3.8's "maximum recursion depth exceeded while calling a
        // Python object", 3.11's Py_EnterRecursiveCall in every C call), which the engine does
        // not: a limit this close to the current depth is refused.
        if n < depth + 10 {
            throw notModelled("sys.setrecursionlimit(\(n)) at the recursion depth \(depth)",
                              because: "the C calls CPython counts towards a limit this low are not modelled")
        }
        if n > profile.recursionLimit {
            throw notModelled("sys.setrecursionlimit(\(n))", because: "heapbook's stack holds at most the default limit's "
                              + "\(profile.recursionLimit) frames")
        }
        recursionLimit = n
    }

    /// The recursion depth CPython's setrecursionlimit compares: at the REPL's top level 1 on
    /// 3.6.15 (the module's frame), 2 on 3.8.18 and 3.11.7 (the frame and the C call's
    /// Py_EnterRecursiveCall), 1 on 3.12.1/3.13.0 (Python frames only); one more per
    /// Python frame (measured: "at the recursion depth 3" inside a function on 3.11.7).
    var cpythonRecursionDepth: Int {
        let topLevel = profile.minor == 8 || profile.minor == 11 ? 2 : 1
        return topLevel + depth
    }

    /// Py_EnterRecursiveCall in PyObject_Repr (and the other C recursions, which the engine
    /// does not count): with a limit lowered below the default, a nested repr near it is refused.
    func refuseReprNearLoweredLimit(_ reprDepth: Int) throws {
        guard recursionLimit < profile.recursionLimit, reprDepth > 0, reprDepth + cpythonRecursionDepth + 10 >= recursionLimit else { return }
        throw notModelled("a nested repr near a lowered recursion limit")
    }
}
