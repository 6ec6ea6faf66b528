import HeapEngine

/// The signature of a builtin function, method or type: what CPython accepts, what the engine's
/// body honours, and which of CPython's argument checkers words the TypeError.
///
/// CPython checks a C function's arguments before its body runs, in one of a few places:
/// METH_O / METH_NOARGS in Objects/methodobject.c and Objects/descrobject.c, PyArg_UnpackTuple /
/// `_PyArg_CheckPositional` and `_PyArg_NoKeywords` in Python/getargs.c, old-style
/// PyArg_ParseTuple formats (vgetargs1), and Argument Clinic's `_PyArg_UnpackKeywords`. Each
/// words its errors its own way, and the wording changed between versions; every text here was
/// measured with scripts/measure/arity.py on CPython 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0
/// (the measurements are committed next to ArgumentTests, which checks every one).
struct Signature {
    /// Fewest and most positional arguments (`Int.max`: any number).
    var min: Int
    var max: Int
    /// Positional-or-keyword parameters (Argument Clinic): a keyword naming one is bound to its
    /// slot before the body runs, so bodies only ever see `args`.
    var parameters: [String] = []
    /// Keyword-only parameters CPython accepts; they reach the body in `kwargs`.
    var keywordOnly: [String] = []
    /// Any keyword is accepted and passed on (`dict(**kw)`, `dict.update(**kw)`).
    var anyKeywords = false
    /// Positional slots the body models; an argument in a slot past them is refused.
    var modelled = Int.max
    /// Keyword-only parameters the body models; any other accepted one is refused.
    var modelledKeywords: [String] = []
    var arity: ArityText
    var keywords: KeywordText
    /// METH_VARARGS: the call packs the positional arguments into a tuple (off the free list)
    /// that lives while the body runs (`_PyStack_AsTuple`). Measured from each interpreter's
    /// PyMethodDef flags (`ml_flags`, read with ctypes): 3.6.15's divmod, getattr, setattr,
    /// delattr, hasattr, issubclass and format are METH_VARARGS, METH_FASTCALL from 3.7.
    var packsArguments = false

    /// How CPython words a wrong number of arguments.
    enum ArityText {
        /// METH_O: "len() takes exactly one argument (0 given)".
        case exactlyOne(String)
        /// METH_NOARGS: "list.copy() takes no arguments (1 given)".
        case noArguments(String)
        /// PyArg_UnpackTuple / _PyArg_CheckPositional: "get expected at least 1 argument, got 0".
        /// `tooFewAsExactly`: the callable unpacks (1, 1) when given fewer than two arguments
        /// (min_max and range before 3.11): "min expected 1 argument, got 0".
        case expected(String, tooFewAsExactly: Bool = false)
        /// getargs.c vgetargs1 / vgetargskeywords: "insert() takes exactly 2 arguments (0 given)".
        case takes(String, missing: MissingText = .unknown)
        /// Argument Clinic (_PyArg_UnpackKeywords) with positional-only parameters:
        /// "sum() takes at least 1 positional argument (0 given)".
        case takesPositional(String)
        /// One text whatever the count: "type() takes 1 or 3 arguments".
        case fixed(String)
        /// Not measured: refuse rather than guess.
        case unknown
    }

    /// How CPython words a missing positional-or-keyword argument (vgetargskeywords).
    enum MissingText {
        /// 3.6: "Required argument 'object' (pos 1) not found".
        case required
        /// 3.8+: "getsizeof() missing required argument 'object' (pos 1)".
        case missing
        case unknown
    }

    /// How CPython words a keyword the callable does not take.
    enum KeywordText {
        /// _PyArg_NoKeywords / METH_O / METH_NOARGS: "len() takes no keyword arguments".
        case none(String)
        /// 3.6's set, frozenset, range and ref: "set() does not take keyword arguments".
        case doesNotTake(String)
        /// An unknown keyword of a function that takes keywords (getargs.c, 3.13's
        /// error_unexpected_keyword_arg): "'x' is an invalid keyword argument for print()".
        case invalid(String)
        /// Keywords count towards the maximum first (vgetargs1, _PyArg_UnpackKeywords):
        /// "float() takes at most 1 argument (2 given)"; within it, `invalid`.
        case counted(String)
        case fixed(String)
        case unknown
    }
}

extension Interpreter {
    /// Checks a call against `signature` before the body runs. Returns the arguments the body
    /// sees: keywords naming positional-or-keyword parameters bound to their slots (a slot left
    /// empty before a bound one is refused), and the remaining keywords. Borrows everything.
    func checkArguments(_ sig: Signature, _ displayName: String, _ args: [ObjectRef],
                        _ kwargs: [(String, ObjectRef)]) throws -> (args: [ObjectRef], kwargs: [(String, ObjectRef)]) {
        // Keyword checks that come first in CPython: the callable takes no keywords at all.
        if let (k, _) = kwargs.first, sig.parameters.isEmpty, sig.keywordOnly.isEmpty, !sig.anyKeywords {
            switch sig.keywords {
            case .none(let n): throw error("TypeError", "\(n)() takes no keyword arguments")
            case .doesNotTake(let n): throw error("TypeError", "\(n)() does not take keyword arguments")
            case .fixed(let text): throw error("TypeError", text)
            case .invalid(let n): throw error("TypeError", invalidKeywordText(k, n))
            case .counted, .unknown: break   // counted with the positional arguments below
            }
        }
        let unknownKeywords = kwargs.filter { k, _ in
            !sig.anyKeywords && !sig.parameters.contains(k) && !sig.keywordOnly.contains(k)
        }
        var given = args.count
        if case .counted = sig.keywords, !unknownKeywords.isEmpty { given += kwargs.count }
        if args.count > sig.max || given > sig.max { try throwArity(sig, displayName, given: max(given, args.count)) }
        if let (k, _) = unknownKeywords.first {
            if args.count < sig.min {
                // Which error comes first differs between checkers and versions (3.13's
                // clinic replace() counts positional arguments first); unmeasured: refuse.
                if case .takesPositional = sig.arity { try throwArity(sig, displayName, given: args.count) }
                throw UnsupportedAtRuntime(what: "", fullMessage:
                    "heapbook does not model CPython \(profile.version)'s TypeError for `\(displayName)` with the keyword '\(k)' and too few arguments")
            }
            switch sig.keywords {
            case .invalid(let n), .counted(let n): throw error("TypeError", invalidKeywordText(k, n))
            case .none(let n): throw error("TypeError", "\(n)() takes no keyword arguments")
            case .doesNotTake(let n): throw error("TypeError", "\(n)() does not take keyword arguments")
            case .fixed(let text): throw error("TypeError", text)
            case .unknown:
                throw UnsupportedAtRuntime(what: "", fullMessage:
                    "heapbook does not model CPython \(profile.version)'s TypeError for `\(displayName)` with the keyword '\(k)'")
            }
        }
        // Bind positional-or-keyword parameters given by keyword.
        var bound: [ObjectRef?] = args.map { $0 }
        var rest: [(String, ObjectRef)] = []
        for (k, value) in kwargs {
            guard let slot = sig.parameters.firstIndex(of: k) else { rest.append((k, value)); continue }
            if slot < args.count {
                // "argument for f() given by name ('x') and position (1)", worded differently
                // in every version: refused.
                throw UnsupportedAtRuntime(what: "", fullMessage:
                    "heapbook does not model CPython \(profile.version)'s TypeError for `\(displayName)` given '\(k)' twice")
            }
            while bound.count <= slot { bound.append(nil) }
            bound[slot] = value
        }
        let present = bound.prefix { $0 != nil }.count
        if present < sig.min {
            if case .takes(let n, let m) = sig.arity, present < sig.parameters.count {
                let p = sig.parameters[present]
                switch m {
                case .required: throw error("TypeError", "Required argument '\(p)' (pos \(present + 1)) not found")
                case .missing: throw error("TypeError", "\(n)() missing required argument '\(p)' (pos \(present + 1))")
                case .unknown:
                    throw UnsupportedAtRuntime(what: "", fullMessage:
                        "heapbook does not model CPython \(profile.version)'s TypeError for `\(displayName)` without '\(p)'")
                }
            }
            try throwArity(sig, displayName, given: present)
        }
        if bound.count > sig.modelled {
            let p = sig.parameters.count > sig.modelled ? sig.parameters[sig.modelled] : "argument \(sig.modelled + 1)"
            throw notModelled("\(displayName)(\(p))")
        }
        for (k, _) in rest where sig.keywordOnly.contains(k) && !sig.modelledKeywords.contains(k) {
            throw notModelled("\(displayName)(\(k)=)")
        }
        // A later slot bound by keyword with an earlier one left to its default: the bodies
        // take their defaults positionally only.
        guard present == bound.count else { throw notModelled("\(displayName)() with argument \(present + 1) left out") }
        return (bound.compactMap { $0 }, rest)
    }

    private func throwArity(_ sig: Signature, _ displayName: String, given n: Int) throws -> Never {
        if let text = arityText(sig, given: n, version: profile.minor) { throw error("TypeError", text) }
        throw UnsupportedAtRuntime(what: "", fullMessage:
            "heapbook does not model CPython \(profile.version)'s TypeError for `\(displayName)` with \(n) argument\(n == 1 ? "" : "s")")
    }

    /// getargs.c and 3.13's error_unexpected_keyword_arg.
    private func invalidKeywordText(_ k: String, _ n: String) -> String {
        if profile.minor >= 13 { return "\(n)() got an unexpected keyword argument '\(k)'" }
        if profile.minor < 7 { return "'\(k)' is an invalid keyword argument for this function" }
        return "'\(k)' is an invalid keyword argument for \(n)()"
    }

    private func arityText(_ sig: Signature, given n: Int, version v: Int) -> String? {
        func arguments(_ k: Int, alwaysPlural: Bool = false) -> String {
            "\(k) argument" + (k == 1 && !alwaysPlural ? "" : "s")
        }
        let tooMany = n > sig.max
        switch sig.arity {
        case .exactlyOne(let name): return "\(name)() takes exactly one argument (\(n) given)"
        case .noArguments(let name): return "\(name)() takes no arguments (\(n) given)"
        case .expected(let name, let tooFewAsExactly):
            // 3.6's PyArg_UnpackTuple always says "arguments".
            let plural = v < 7
            if !tooMany && tooFewAsExactly {
                return "\(name) expected \(arguments(sig.min, alwaysPlural: plural)), got \(n)"
            }
            let bound = tooMany ? sig.max : sig.min
            let which = sig.min == sig.max ? "" : tooMany ? "at most " : "at least "
            return "\(name) expected \(which)\(arguments(bound, alwaysPlural: plural)), got \(n)"
        case .takes(let name, _):
            let bound = tooMany ? sig.max : sig.min
            let which = sig.min == sig.max ? "exactly" : tooMany ? "at most" : "at least"
            // vgetargs1 without a function name (3.6's "|i:collect" keyword parser) says "function".
            if name.isEmpty { return "function takes \(which) \(arguments(bound)) (\(n) given)" }
            return "\(name)() takes \(which) \(arguments(bound)) (\(n) given)"
        case .takesPositional(let name):
            if tooMany { return "\(name)() takes at most \(arguments(sig.max)) (\(n) given)" }
            return "\(name)() takes at least \(sig.min) positional argument\(sig.min == 1 ? "" : "s") (\(n) given)"
        case .fixed(let text): return text
        case .unknown: return nil
        }
    }
}

/// Every callable the engine registers, with its signature for this profile's version.
extension Interpreter {
    /// `qualified` is "len", "list.append", "sys.getsizeof", "gc.collect", "_weakref.getweakrefcount".
    /// CPython 3.10+ (bpo-43093-era descrobject.c / methodobject.c) names methods and module
    /// functions by their qualified name in METH_O / METH_NOARGS / no-keyword errors; builtins
    /// functions never carry "builtins.".

    /// The method descriptors of the builtin types that are METH_VARARGS (not METH_FASTCALL)
    /// in each release, by their PyMethodDef's ml_flags (scripts/measure/varargs-methods.py on
    /// 3.6.15, 3.8.18, 3.11.7, 3.12.1, 3.13.0): their call packs the arguments into a tuple
    /// (method_vectorcall_VARARGS: `_PyTuple_FromArray`), which after a full collection comes
    /// off an empty free list: `gc.collect(); 'abc'.find('b'); gc.get_count()` is (2, 0, 0)
    /// on 3.8.18 where a METH_FASTCALL method leaves (1, 0, 0).
    static let varargsMethods: [Int: Set<String>] = [
        6: [
            "str.__format__", "str.center", "str.count", "str.encode", "str.endswith", "str.expandtabs",
            "str.find", "str.format", "str.index", "str.ljust", "str.lstrip", "str.replace", "str.rfind",
            "str.rindex", "str.rjust", "str.rsplit", "str.rstrip", "str.split", "str.splitlines",
            "str.startswith", "str.strip", "str.zfill", "bytes.center", "bytes.count", "bytes.endswith",
            "bytes.expandtabs", "bytes.find", "bytes.index", "bytes.ljust", "bytes.lstrip", "bytes.replace",
            "bytes.rfind", "bytes.rindex", "bytes.rjust", "bytes.rstrip", "bytes.startswith", "bytes.strip",
            "bytes.zfill", "list.index", "list.insert", "list.pop", "list.sort", "dict.get", "dict.pop",
            "dict.setdefault", "dict.update", "tuple.index", "set.difference", "set.difference_update",
            "set.intersection", "set.intersection_update", "set.union", "set.update", "int.__format__",
            "int.__round__", "int.to_bytes", "float.__format__", "float.__round__",
            "bytearray.__reduce_ex__", "bytearray.center", "bytearray.count", "bytearray.endswith",
            "bytearray.expandtabs", "bytearray.find", "bytearray.index", "bytearray.insert",
            "bytearray.ljust", "bytearray.lstrip", "bytearray.pop", "bytearray.replace", "bytearray.rfind",
            "bytearray.rindex", "bytearray.rjust", "bytearray.rstrip", "bytearray.startswith",
            "bytearray.strip", "bytearray.zfill",
        ],
        8: varargsFrom38.union(["int.__round__"]),
        11: varargsFrom38,
        12: varargsFrom38,
        13: ["str.format", "dict.update"],
    ]

    /// What 3.8.18, 3.11.7 and 3.12.1 share (3.13's Argument Clinic made them METH_FASTCALL).
    private static let varargsFrom38: Set<String> = [
        "str.count", "str.endswith", "str.find", "str.format", "str.index", "str.rfind", "str.rindex",
        "str.startswith", "bytes.count", "bytes.endswith", "bytes.find", "bytes.index", "bytes.rfind",
        "bytes.rindex", "bytes.startswith", "dict.update", "set.difference", "set.difference_update",
        "set.intersection", "set.intersection_update", "set.union", "set.update", "bytearray.count",
        "bytearray.endswith", "bytearray.find", "bytearray.index", "bytearray.rfind", "bytearray.rindex",
        "bytearray.startswith",
    ]

    /// Methods of `varargsMethods` whose bodies make their argument tuple themselves.
    private static let packingBodies: Set<String> = ["str.format", "list.index", "tuple.index"]

    func builtinSignature(_ qualified: String) -> Signature {
        var sig = builtinSignatureOfTable(qualified)
        if !sig.packsArguments, !Interpreter.packingBodies.contains(qualified),
           Interpreter.varargsMethods[profile.minor]?.contains(qualified) == true {
            sig.packsArguments = true
        }
        return sig
    }

    private func builtinSignatureOfTable(_ qualified: String) -> Signature {
        let v = profile.minor
        let bare = qualified.split(separator: ".").last.map(String.init) ?? qualified
        let q = v >= 11 ? qualified : bare
        typealias S = Signature
        func one() -> S { S(min: 1, max: 1, arity: .exactlyOne(q), keywords: .none(q)) }
        func noArgs() -> S { S(min: 0, max: 0, arity: .noArguments(q), keywords: .none(q)) }
        /// PyArg_UnpackTuple since 3.8 (old PyArg_ParseTuple "|O:pop" on 3.6).
        func unpack(_ lo: Int, _ hi: Int, modelled: Int = .max, oldStyleOn36: Bool = true) -> S {
            S(min: lo, max: hi, modelled: modelled,
              arity: v < 8 && oldStyleOn36 ? .takes(bare) : .expected(bare), keywords: .none(q))
        }
        /// str.find & co. (stringlib's "|OO:find" parse until 3.13's Argument Clinic).
        func strSearch() -> S {
            S(min: 1, max: 3, modelled: 1, arity: v >= 13 ? .expected(bare) : .takes(bare), keywords: .none(q))
        }
        // METH_NOARGS method descriptors of every builtin type (SizeofMethods.swift).
        if bare == "__sizeof__" { return noArgs() }
        // The Lib/dataclasses.py stand-in's helpers (DataclassesModule.swift), called only by
        // its code with the arguments they take.
        if qualified.hasPrefix("dataclasses._hb_") { return S(min: 0, max: 8, arity: .unknown, keywords: .none(q)) }
        // The Lib/pprint.py stand-in's natives (PprintModule.swift), likewise.
        if qualified.hasPrefix("pprint._hb_") { return S(min: 2, max: 8, arity: .unknown, keywords: .none(q)) }
        // METH_O | METH_COEXIST: dict/set/frozenset `__contains__`, list/dict `__getitem__`.
        if bare == "__contains__" || bare == "__getitem__" { return one() }
        switch qualified {
        // copy's stand-in for builtin getattr (CopyregReduce.swift).
        case "copy._hb_getattr": return builtinSignature("getattr")
        // Objects/typeobject.c: object_reduce_ex's "|i:__reduce_ex__" (METH_VARARGS) on 3.6,
        // Argument Clinic's METH_O from 3.7.
        // tp_new_wrapper (METH_VARARGS | METH_KEYWORDS): checks its arguments itself
        // (SlotTpNew.swift's objectNew); the call packs them into a tuple.
        case "object.__new__":
            var sig = S(min: 0, max: .max, anyKeywords: true, arity: .unknown, keywords: .unknown)
            sig.packsArguments = true
            return sig
        case "object.__reduce_ex__":
            guard v < 8 else { return one() }
            var sig = S(min: 0, max: 1, arity: .takes(bare), keywords: .none(q))
            sig.packsArguments = true
            return sig
        // Python/bltinmodule.c
        case "id", "len", "repr", "hex", "abs", "hash", "callable", "any", "all", "bin", "oct", "chr", "ord", "ascii":
            return one()
        case "divmod", "hasattr", "delattr", "issubclass", "getattr", "setattr", "format":
            let (lo, hi) = bare == "getattr" ? (2, 3) : bare == "setattr" ? (3, 3) : bare == "format" ? (1, 2) : (2, 2)
            // 3.6.15's format parses "O|U:format" (vgetargs1's texts); the others unpack.
            var sig = unpack(lo, hi, oldStyleOn36: bare == "format")
            sig.packsArguments = v < 8
            return sig
        case "globals": return noArgs()
        case "vars":
            // METH_VARARGS (PyArg_UnpackTuple) except on 3.12.1, whose ml_flags say
            // METH_FASTCALL (0x80, read with ctypes); 3.13.0 is METH_VARARGS again.
            var sig = S(min: 0, max: 1, arity: .expected(bare), keywords: .none(q))
            sig.packsArguments = v != 12
            return sig
        case "dir":
            // As vars: METH_VARARGS except on 3.12.1 (ml_flags 0x80, read with ctypes).
            var sig = S(min: 0, max: 1, arity: .expected(bare), keywords: .none(q))
            sig.packsArguments = v != 12
            return sig
        case "round":
            // 3.6.15: METH_VARARGS | METH_KEYWORDS ("O|O:round"); Argument Clinic from 3.7
            // (ml_flags 0x82); the texts are sys.getsizeof's kind (Corpus/errors/arity-measured).
            var sig = S(min: 1, max: 2, parameters: ["number", "ndigits"],
                        arity: .takes(bare, missing: v < 8 ? .required : .missing), keywords: .counted(bare))
            sig.packsArguments = v < 8
            return sig
        case "pow":
            // 3.6.15: METH_VARARGS (PyArg_UnpackTuple); 3.8+: Argument Clinic
            // pow(base, exp, mod=None) (ml_flags 0x82).
            if v < 8 {
                var sig = S(min: 2, max: 3, arity: .expected(bare), keywords: .none(bare))
                sig.packsArguments = true
                return sig
            }
            return S(min: 2, max: 3, parameters: ["base", "exp", "mod"], arity: .takes(bare, missing: .missing), keywords: .counted(bare))
        case "isinstance": return S(min: 2, max: 2, arity: .expected(bare), keywords: .none(bare))
        case "print":
            return S(min: 0, max: .max, keywordOnly: ["sep", "end", "file", "flush"],
                     modelledKeywords: ["sep", "end", "file", "flush"], arity: .unknown, keywords: .invalid("print"))
        case "sum":
            if v < 8 {
                var sig = S(min: 1, max: 2, arity: .expected(bare), keywords: .none(bare))
                sig.packsArguments = true   // 3.6.15: METH_VARARGS
                return sig
            }
            return S(min: 1, max: 2, parameters: ["", "start"], arity: .takesPositional(bare), keywords: .counted(bare))
        case "min", "max":
            var sig = S(min: 1, max: .max, keywordOnly: ["key", "default"], modelledKeywords: ["key", "default"],
                        arity: .expected(bare, tooFewAsExactly: v < 11), keywords: .invalid(bare))
            // METH_VARARGS | METH_KEYWORDS until 3.13 made them METH_FASTCALL (a user
            // `__iter__` sees the tuple's reference: 4 on 3.12.1, 3 on 3.13.0).
            sig.packsArguments = v < 13
            return sig
        case "sorted":
            var sig = S(min: 1, max: 1, keywordOnly: ["key", "reverse"], modelledKeywords: ["key", "reverse"],
                        arity: v < 8 ? .unknown : .expected(bare), keywords: .invalid("sort"))
            // 3.6.15: METH_VARARGS | METH_KEYWORDS (a user `__iter__` sees the tuple's
            // reference: 5 for a temporary on 3.6.15, 4 on 3.8.18).
            sig.packsArguments = v < 7
            return sig
        case "iter", "next":
            // 3.6.15: METH_VARARGS (METH_FASTCALL from 3.7); a user `__iter__` sees the
            // tuple's reference.
            var sig = S(min: 1, max: 2, modelled: bare == "iter" ? 1 : 2, arity: .expected(bare), keywords: .none(bare))
            sig.packsArguments = v < 7
            return sig
        // Modules/_collectionsmodule.c: the argument errors' texts are not measured (refused).
        case "collections.deque.append", "collections.deque.appendleft", "collections.deque.extend",
             "collections.deque.extendleft":
            return S(min: 1, max: 1, arity: .unknown, keywords: .unknown)
        case "collections.deque.pop", "collections.deque.popleft", "collections.deque.clear":
            return S(min: 0, max: 0, arity: .unknown, keywords: .unknown)
        // Objects/bytearrayobject.c (Argument Clinic; messages measured on 3.6.15-3.13.0 as
        // list's: "append() takes exactly one argument (0 given)", "bytearray.append()..."
        // from 3.11, "pop() takes at most 1 argument (2 given)" on 3.6.15).
        case "bytearray.append", "bytearray.extend": return one()
        case "bytearray.clear", "bytearray.copy": return noArgs()
        case "complex.conjugate": return noArgs()
        case "bytearray.pop": return unpack(0, 1)
        // Objects/memoryobject.c: memory_exit is METH_VARARGS (any arguments); cast takes a
        // format and a shape (the argument errors are not measured: refused).
        case "memoryview.__exit__": return S(min: 0, max: .max, arity: .unknown, keywords: .unknown)
        case "memoryview.cast": return S(min: 1, max: 2, arity: .unknown, keywords: .unknown)
        case "bytearray.decode": return S(min: 0, max: 1, arity: .unknown, keywords: .unknown)
        // Modules/arraymodule.c: the argument-count errors are not measured (refused).
        case "array.array.append", "array.array.extend", "array.array.remove", "array.array.index",
             "array.array.count", "array.array.frombytes", "array.array.fromlist":
            return S(min: 1, max: 1, arity: .unknown, keywords: .unknown)
        case "array.array.insert": return S(min: 2, max: 2, arity: .unknown, keywords: .unknown)
        // Modules/_ctypes/_ctypes.c CDataType_from_address: METH_O (wording not measured).
        case "ctypes.from_address": return S(min: 1, max: 1, arity: .unknown, keywords: .unknown)
        case "array.array.pop": return S(min: 0, max: 1, arity: .unknown, keywords: .unknown)
        case "array.array.reverse", "array.array.byteswap", "array.array.tolist", "array.array.tobytes",
             "array.array.clear":
            return S(min: 0, max: 0, arity: .unknown, keywords: .unknown)
        // Objects/listobject.c
        case "list.append", "list.extend", "list.remove", "list.count": return one()
        case "list.clear", "list.copy", "list.reverse": return noArgs()
        case "list.insert": return unpack(2, 2)
        case "list.pop": return unpack(0, 1)
        case "list.index": return unpack(1, 3, modelled: 1)
        case "list.sort":
            return S(min: 0, max: 0, keywordOnly: ["key", "reverse"], modelledKeywords: ["key", "reverse"],
                     arity: .unknown, keywords: .invalid("sort"))
        // Objects/dictobject.c
        case "dict.get", "dict.pop", "dict.setdefault": return unpack(1, 2, oldStyleOn36: false)
        case "dict.keys", "dict.values", "dict.items", "dict.clear", "dict.copy", "dict.popitem": return noArgs()
        // Objects/descrobject.c (registered from 3.11 only): the argument-count errors are
        // not measured (refused).
        case "mappingproxy.keys", "mappingproxy.values", "mappingproxy.items":
            return S(min: 0, max: 0, arity: .unknown, keywords: .unknown)
        case "mappingproxy.get": return S(min: 1, max: 2, arity: .unknown, keywords: .unknown)
        case "dict.fromkeys":
            var sig = unpack(1, 2, oldStyleOn36: false)
            sig.packsArguments = v < 7   // 3.6.15: METH_VARARGS | METH_CLASS
            return sig
        case "dict.update":
            return S(min: 0, max: 1, anyKeywords: true, arity: .expected(bare), keywords: .unknown)
        // Objects/setobject.c
        case "set.add", "set.discard", "set.remove": return one()
        case "set.pop", "set.clear": return noArgs()
        case "set.update", "set.union", "set.intersection", "set.intersection_update", "set.difference",
             "set.difference_update":
            // METH_VARARGS until 3.13 (ml_flags, read with ctypes); 3.13's Argument Clinic
            // (METH_FASTCALL) still packs `*others` into a tuple: `gc.collect(); w =
            // a.union(b); gc.get_count()` counts (1, 0, 0) on 3.13.0 where `w = a | b` and
            // `w = a.copy()` count as on 3.12.1.
            var sig = S(min: 0, max: .max, arity: .unknown, keywords: .none(q))
            sig.packsArguments = true
            return sig
        case "set.copy", "frozenset.copy": return noArgs()
        case "set.symmetric_difference", "set.symmetric_difference_update", "set.issubset", "set.issuperset",
             "set.isdisjoint", "frozenset.issubset", "frozenset.issuperset", "frozenset.isdisjoint": return one()
        // Objects/unicodeobject.c, Objects/bytesobject.c
        case "str.join": return one()
        case "str.format": return S(min: 0, max: .max, anyKeywords: true, arity: .unknown, keywords: .unknown)
        case "str.find", "str.index", "str.rfind", "str.rindex", "str.count", "str.startswith", "str.endswith":
            return strSearch()
        case "str.isdigit", "str.isalpha", "str.title", "str.capitalize", "str.upper", "str.lower",
             "str.isidentifier": return noArgs()
        case "str.strip", "str.lstrip", "str.rstrip": return unpack(0, 1)
        case "str.center", "str.ljust", "str.rjust":
            var sig = unpack(1, 2)
            sig.packsArguments = v < 7   // 3.6.15: METH_VARARGS
            return sig
        case "str.zfill":
            if v < 7 {
                var sig = S(min: 1, max: 1, arity: .takes(bare), keywords: .none(q))
                sig.packsArguments = true
                return sig
            }
            return one()
        case "str.expandtabs":
            var sig = S(min: 0, max: 1, parameters: ["tabsize"], arity: .takes(bare), keywords: .counted(bare))
            sig.packsArguments = v < 7   // 3.6.15: METH_VARARGS | METH_KEYWORDS
            return sig
        case "str.partition", "str.rpartition", "str.removeprefix", "str.removesuffix": return one()
        case "str.isspace", "str.isdecimal", "str.isnumeric", "str.isalnum", "str.isupper", "str.islower",
             "str.isprintable", "str.istitle", "str.isascii", "str.swapcase", "str.casefold": return noArgs()
        case "bytes.hex":
            if v < 8 { return noArgs() }
            return S(min: 0, max: 2, parameters: ["sep", "bytes_per_sep"], modelled: 0, arity: .takes(bare),
                     keywords: .counted(bare))
        case "bytes.find", "bytes.index", "bytes.rfind", "bytes.rindex", "bytes.count", "bytes.startswith",
             "bytes.endswith":
            var sig = strSearch()
            sig.packsArguments = v < 13   // METH_VARARGS until 3.13
            return sig
        case "bytes.join": return one()
        case "bytes.upper", "bytes.lower": return noArgs()
        case "bytes.strip", "bytes.lstrip", "bytes.rstrip":
            var sig = unpack(0, 1, oldStyleOn36: false)
            sig.packsArguments = v < 7   // 3.6.15: METH_VARARGS
            return sig
        // Objects/longobject.c, Objects/floatobject.c
        case "int.bit_length", "int.bit_count", "int.conjugate", "int.as_integer_ratio", "float.is_integer",
             "float.conjugate": return noArgs()
        case "str.split":
            return S(min: 0, max: 2, parameters: ["sep", "maxsplit"], modelled: 1, arity: .takes(bare),
                     keywords: .counted(bare))
        case "str.replace":
            if v >= 13 {
                return S(min: 2, max: 3, parameters: ["", "", "count"], modelled: 2,
                         arity: .takesPositional(bare), keywords: .counted(bare))
            }
            return unpack(2, 3, modelled: 2)
        case "str.encode", "bytes.decode":
            return S(min: 0, max: 2, parameters: ["encoding", "errors"], modelled: 0, arity: .takes(bare),
                     keywords: .counted(bare))
        // Objects/tupleobject.c
        case "tuple.count": return one()
        case "tuple.index": return unpack(1, 3, modelled: 1)
        // Python/sysmodule.c
        case "sys.getrefcount": return one()
        case "sys.intern":
            return v < 8 ? S(min: 1, max: 1, arity: .takes(bare), keywords: .none(bare)) : one()
        case "sys.getrecursionlimit", "sys._debugmallocstats", "sys.exc_info", "sys.getdefaultencoding": return noArgs()
        case "sys.setrecursionlimit":
            // 3.6.15: METH_VARARGS "i:setrecursionlimit"; Argument Clinic METH_O from 3.7.
            var sig = v < 8 ? S(min: 1, max: 1, arity: .takes(bare), keywords: .none(bare)) : one()
            sig.packsArguments = v < 8
            return sig
        case "sys.getsizeof":
            return S(min: 1, max: 2, parameters: ["object", "default"],
                     arity: .takes(bare, missing: v < 8 ? .required : .missing), keywords: .counted(bare))
        // Modules/_functoolsmodule.c: METH_VARARGS in every profile (ml_flags 0x1, read with
        // ctypes on 3.6.15-3.13.0), PyArg_UnpackTuple(args, "reduce", 2, 3).
        case "functools.reduce":
            // "reduce() takes no keyword arguments" unqualified in every profile (measured).
            var sig = S(min: 2, max: 3, arity: .expected(bare), keywords: .none(bare))
            sig.packsArguments = true
            return sig
        // Modules/_weakref.c
        case "_weakref.getweakrefcount", "_weakref.getweakrefs": return one()
        // weakref_proxy: PyArg_UnpackTuple(args, "proxy", 1, 2), METH_VARARGS.
        case "_weakref.proxy": return unpack(1, 2, oldStyleOn36: false)
        // The Lib/copy.py stand-in's helpers (CopyModule.swift), called only by its code.
        case "copy._hb_id", "copy._hb_unmodelled": return one()
        case "copy._hb_frame_count_unknown": return noArgs()
        case "copy._hb_class_dict_get", "copy._hb_class_dict_contains", "copy._hb_class_dict_getitem": return S(min: 2, max: 2, arity: .unknown, keywords: .none(q))
        case "copy._hb_object_new", "copy._hb_call_star_generator": return S(min: 2, max: 2, arity: .unknown, keywords: .none(q))
        // Modules/itertoolsmodule.c: chain_methods' from_iterable, METH_O | METH_CLASS.
        case "chain.from_iterable": return one()
        // The Lib/reprlib.py stand-in's helpers (ReprlibModule.swift), likewise.
        case "reprlib._hb_builtin_repr", "reprlib._hb_instance_id": return one()
        case "reprlib._hb_recursive_repr_refused", "reprlib._hb_frame_count_unknown": return noArgs()
        // The Lib/weakref.py finalize stand-in's helpers (WeakrefFinalize.swift), likewise.
        case "weakref._hb_atexit_register", "weakref._hb_unmodelled", "weakref._hb_call_ex": return one()
        case "weakref._hb_exit_exception": return noArgs()
        // The WeakValueDictionary stand-in's (WeakrefWeakValueDictionary.swift): KeyedRef's
        // making, and Modules/_weakref.c's `_remove_dead_weakref(dct, key, /)`, Argument
        // Clinic's METH_FASTCALL from 3.7 (no tuple), called only by the stand-in's code.
        case "weakref._hb_keyed_ref": return S(min: 3, max: 3, arity: .unknown, keywords: .none(q))
        case "_weakref._remove_dead_weakref": return S(min: 2, max: 2, arity: .unknown, keywords: .none(q))
        // The namedtuple stand-in's helpers (CollectionsNamedtuple.swift), likewise.
        case "collections._hb_unmodelled", "collections._tuplegetter": return one()
        // Objects/odictobject.c (OrderedDictObject.swift): METH_VARARGS | METH_KEYWORDS on
        // 3.6.15 (pop also on 3.8.18), Argument Clinic's METH_FASTCALL | METH_KEYWORDS after
        // (ml_flags 0x3 / 0x82, read with ctypes); clear is METH_NOARGS. Wrong counts and
        // keywords other than the parameters are refused (`.unknown`).
        case "OrderedDict.pop":
            return S(min: 1, max: 2, parameters: ["key", "default"], arity: .unknown, keywords: .unknown,
                     packsArguments: v < 11)
        case "OrderedDict.popitem":
            return S(min: 0, max: 1, parameters: ["last"], arity: .unknown, keywords: .unknown, packsArguments: v < 8)
        case "OrderedDict.move_to_end":
            return S(min: 1, max: 2, parameters: ["key", "last"], arity: .unknown, keywords: .unknown, packsArguments: v < 8)
        case "OrderedDict.setdefault":
            return S(min: 1, max: 2, parameters: ["key", "default"], arity: .unknown, keywords: .unknown,
                     packsArguments: v < 8)
        case "OrderedDict.clear": return S(min: 0, max: 0, arity: .unknown, keywords: .unknown)
        case "collections._hb_tuple_new": return S(min: 2, max: 2, arity: .unknown, keywords: .none(q))
        case "collections._hb_namedtuple": return S(min: 6, max: 6, arity: .unknown, keywords: .none(q))
        // Modules/_tracemalloc.c: start(nframe=1, /); other arities and keywords are refused.
        case "tracemalloc.start": return S(min: 0, max: 1, arity: .unknown, keywords: .unknown)
        // Modules/gcmodule.c
        case "gc.collect":
            return S(min: 0, max: 1, parameters: ["generation"], arity: .takes(v < 8 ? "" : bare),
                     keywords: .counted(bare))
        case "gc.get_objects":
            if v < 8 { return S(min: 0, max: 0, arity: .noArguments(bare), keywords: .none(bare)) }
            return S(min: 0, max: 1, parameters: ["generation"], arity: .takes(bare), keywords: .counted(bare))
        case "gc.get_referrers", "gc.get_referents":
            return S(min: 0, max: .max, arity: .unknown, keywords: .none(v >= 13 ? qualified : bare))
        case "gc.set_debug":
            return v < 8 ? S(min: 1, max: 1, arity: .takes(bare), keywords: .none(bare)) : one()
        case "gc.is_tracked", "gc.is_finalized": return one()
        // Objects/genobject.c
        case "generator.send": return one()
        case "generator.close": return noArgs()
        // Objects/descrobject.c (METH_O)
        case "property.getter", "property.setter", "property.deleter": return one()
        case "gc.set_threshold":
            return S(min: 1, max: 3, arity: v >= 13 ? .fixed("gc.set_threshold requires 1 to 3 arguments") : .takes(bare),
                     keywords: .none(bare))
        case "gc.get_stats", "gc.get_threshold", "gc.get_count", "gc.isenabled", "gc.enable", "gc.disable",
             "gc.freeze", "gc.unfreeze", "gc.get_freeze_count": return noArgs()
        default:
            // A callable registered without a signature takes nothing it was not measured with.
            return S(min: 0, max: 0, arity: .unknown, keywords: .unknown)
        }
    }

    /// The signature of calling a builtin type (its tp_new / tp_init / vectorcall).
    func typeSignature(_ kind: TypeKind) -> Signature? {
        let v = profile.minor
        typealias S = Signature
        /// float(), bool(), list(), tuple(): "|O:float" before 3.8, _PyArg_CheckPositional after.
        func single(_ n: String) -> S {
            v < 8 ? S(min: 0, max: 1, arity: .takes(n), keywords: .counted(n))
                : S(min: 0, max: 1, arity: .expected(n), keywords: .none(n))
        }
        switch kind {
        case .float: return single("float")
        case .bool: return single("bool")
        case .list: return single("list")
        case .tuple: return single("tuple")
        case .int:
            // int(x=1) is accepted by 3.6 only (x became positional-only in 3.7).
            return S(min: 0, max: 2, parameters: [v < 7 ? "x" : "", "base"], modelled: 1,
                     arity: v >= 13 ? .expected("int") : .takes("int"), keywords: v < 8 ? .unknown : .invalid("int"))
        case .str:
            return S(min: 0, max: 3, parameters: ["object", "encoding", "errors"], modelled: 1,
                     arity: v >= 13 ? .expected("str") : .takes("str"), keywords: .invalid("str"))
        case .bytes:
            return S(min: 0, max: 3, parameters: ["source", "encoding", "errors"], modelled: 1,
                     arity: .takes("bytes"), keywords: .invalid("bytes"))
        case .dict: return S(min: 0, max: 1, anyKeywords: true, arity: .expected("dict"), keywords: .unknown)
        case .set, .frozenset:
            let n = kind == .set ? "set" : "frozenset"
            return S(min: 0, max: 1, arity: .expected(n), keywords: v < 8 ? .doesNotTake(n) : .none(n))
        case .range:
            return S(min: 1, max: 3, arity: .expected("range", tooFewAsExactly: v < 11),
                     keywords: v < 8 ? .doesNotTake("range") : .none("range"))
        case .weakref:
            return S(min: 1, max: 2, arity: .expected("__new__"), keywords: v < 8 ? .doesNotTake("ref") : .none("ref"))
        case .object:
            let text = v < 8 ? "object() takes no parameters" : "object() takes no arguments"
            return S(min: 0, max: 0, arity: .fixed(text), keywords: .fixed(text))
        case .map:
            // map_new / map_vectorcall (3.11.7): `_PyArg_NoKeywords` first, then the count.
            return S(min: 2, max: .max, arity: .fixed("map() must have at least two arguments."),
                     keywords: v < 8 ? .doesNotTake("map") : .none("map"))
        case .filter:
            return S(min: 2, max: 2, arity: .expected("filter"), keywords: v < 8 ? .doesNotTake("filter") : .none("filter"))
        case .type:
            let text = "type() takes 1 or 3 arguments"
            // Two arguments are a TypeError and three a refusal, both in the body.
            return S(min: 1, max: 3, arity: .fixed(text),
                     keywords: v < 11 ? .fixed(text) : .none("type"))
        default: return nil
        }
    }
}

extension Interpreter {
    /// Runs builtin `id` on borrowed arguments once they pass its signature.
    /// `argumentsInTuple`: called by CALL_FUNCTION_EX with its argument tuple's items, which a
    /// METH_VARARGS function takes as they are (no tuple packed for it).
    func callBuiltin(_ id: Int32, _ selfRef: ObjectRef?, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)],
                     argumentsInTuple: Bool = false) throws -> ObjectRef {
        let fn = builtinTable[Int(id)]
        if heap.tracemalloc.tracing {
            noteTracedCall("\(fn.qualifiedName)()", checked: Interpreter.tracedBuiltinsChecked.contains(fn.qualifiedName)
                               && tracedArgumentsChecked(fn.qualifiedName, args))
        }
        // A phantom start-up object may only be stored (list.append...) or asked whether it is
        // tracked; any other builtin would look at it (GCModule.swift).
        if let s = selfRef { try refuseStartupObject(s) }
        if args.contains(where: heap.isStartupPhantom), !Interpreter.builtinsTakingStartupObjects.contains(fn.qualifiedName) {
            throw startupObjectRefusal()
        }
        // An id() value while addresses are not CPython's, or a str spelled from one: stored,
        // spelled, or read from (UnplacedIds.swift); list.insert's index is read.
        if !unplacedIds.isEmpty {
            let takes = Interpreter.builtinsTakingUnplacedIds.contains(fn.qualifiedName)
            for (n, a) in args.enumerated() where !takes || (n == 0 && fn.qualifiedName == "list.insert") {
                try refuseUnplacedId(a, "\(fn.qualifiedName)() of")
            }
            for (_, v) in kwargs { try refuseUnplacedId(v, "\(fn.qualifiedName)() with a keyword argument that is") }
        }
        // A proxy forwards most operations to its referent (WeakProxyObject.swift): only the
        // builtins that handle one as CPython does may be given one.
        if args.contains(where: heap.isWeakProxy) || kwargs.contains(where: { heap.isWeakProxy($0.1) }),
           !builtinTakesWeakProxies(fn.qualifiedName, bound: selfRef != nil, args) {
            throw notModelled("\(fn.qualifiedName)() with a weakref proxy argument")
        }
        var selfRef = selfRef, args = args
        if let owner = fn.owner, selfRef == nil {
            // A method looked up on its type (`list.append`): the method descriptor's first
            // argument is self, checked first (methoddescr_call before 3.7, method_check_args
            // and descr_check after), whatever the method's own arguments.
            let ownerType = heap.builtinType(owner)
            let ownerName = heap.typeInfo(ownerType).name
            guard let first = args.first else {
                throw error("TypeError", profile.minor >= 11 ? "unbound method \(fn.qualifiedName)() needs an argument"
                                : "descriptor '\(fn.name)' of '\(ownerName)' object needs an argument")
            }
            guard owner == .object || heap.typeInfo(of: first).mro.contains(ownerType) else {
                let given = typeName(first)
                throw error("TypeError", profile.minor >= 8
                            ? "descriptor '\(fn.name)' for '\(ownerName)' objects doesn't apply to a '\(given)' object"
                            : "descriptor '\(fn.name)' requires a '\(ownerName)' object but received a '\(given)'")
            }
            // A builtin subtype (bool for int) is an instance; the methods' bodies model the
            // exact types and a list or dict subclass's payload (`list.append(L(), 1)`), and
            // object.__sizeof__ checks its own.
            guard owner == .object || heap.kind(first) == owner || fn.name == "__sizeof__",
                  owner == .object || !heap.typeInfo(of: first).isHeapType || heap.isBuiltinSubtypeInstance(first) else {
                throw notModelled("\(fn.qualifiedName) called on its type with a '\(typeName(first))'")
            }
            selfRef = first
            args.removeFirst()
        }
        try refuseDictMethodOnOrderedDict(fn, selfRef)
        let checked = try checkArguments(fn.signature, fn.qualifiedName, args, kwargs)
        // What a call into C may allocate before 3.9 that the engine does not model
        // (`Profile.builtinKeywordCallCountError`).
        heap.countMayDiffer(by: kwargs.isEmpty ? (args.isEmpty ? 0 : profile.builtinPositionalCallCountError)
                                : profile.builtinKeywordCallCountError)
        guard fn.signature.packsArguments, !args.isEmpty || !kwargs.isEmpty, !argumentsInTuple else {
            return try fn.body(self, selfRef, checked.args, checked.kwargs)
        }
        // The tuple (none for no arguments: the empty tuple) and, for keywords, the dict of
        // METH_VARARGS | METH_KEYWORDS (_PyStack_AsDict) hold the arguments while the body
        // runs (visible from a user `__iter__`).
        var packed = FreeListCounts(dicts: kwargs.isEmpty ? 0 : 1)
        if !args.isEmpty { packed.tuples = Array(repeating: 0, count: args.count) + [1] }
        let held = heap.takeFromFreeLists(packed)
        args.forEach(heap.incref); kwargs.forEach { heap.incref($0.1) }
        defer {
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            heap.releaseWorkingSet(held)
        }
        return try fn.body(self, selfRef, checked.args, checked.kwargs)
    }

    /// tp_call's argument tuple and keyword dict before 3.9 (`Profile.typeCallPacksArguments`),
    /// held while `body` runs. `always`: a type without vectorcall on every version.
    private func packingTypeCallArguments(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)], always: Bool = false,
                                          _ body: () throws -> ObjectRef) throws -> ObjectRef {
        guard profile.typeCallPacksArguments || always, !args.isEmpty || !kwargs.isEmpty else { return try body() }
        var packed = FreeListCounts(dicts: kwargs.isEmpty ? 0 : 1)
        if !args.isEmpty { packed.tuples = Array(repeating: 0, count: args.count) + [1] }
        let held = heap.takeFromFreeLists(packed)
        // The tuple and dict hold the arguments while the type's code runs (visible from a
        // user `__bool__`: `bool(b)` counts one more reference to b on 3.6.15 and 3.8.18).
        args.forEach(heap.incref); kwargs.forEach { heap.incref($0.1) }
        defer {
            args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) }
            heap.releaseWorkingSet(held)
        }
        return try body()
    }

    /// `super(...)` made by a frame's CALL, which gives the zero-argument form its frame.
    func callSuper(_ args: [ObjectRef], _ kwargs: [(String, ObjectRef)], frame: Frame) throws -> ObjectRef {
        try packingTypeCallArguments(args, kwargs) { try newSuper(heap.builtinType(.superObject), args, kwargs, frame: frame) }
    }

    /// Calls a builtin type once the arguments pass its signature.
    func callBuiltinType(_ kind: TypeKind, _ type: ObjectRef, _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        if kind == .itertools { return try callItertoolsType(type, args, kwargs) }
        if type == heap.defaultDictTypeIfMade { return try newDefaultDictCall(type, args, kwargs) }
        if type == heap.orderedDictTypeIfMade { return try newOrderedDictCall(type, args, kwargs) }
        if args.contains(where: heap.isWeakProxy) || kwargs.contains(where: { heap.isWeakProxy($0.1) }),
           !Interpreter.typesTakingWeakProxies.contains(kind) {
            throw notModelled("\(heap.typeInfo(type).name)() with a weakref proxy argument")
        }
        if kind == .partial { return try callPartialType(type, args, kwargs) }
        if kind == .lruCache { return try callLruCacheType(type, args, kwargs) }
        if kind == .lruListElem { throw notModelled("functools._lru_list_elem() called") }
        if kind == .array { return try callArrayType(args, kwargs) }
        guard let sig = typeSignature(kind) else {
            return try packingTypeCallArguments(args, kwargs) { try constructBuiltin(kind, type, args, kwargs) }
        }
        let checked = try checkArguments(sig, heap.typeInfo(type).name, args, kwargs)
        // weakref.ref has no vectorcall up to 3.13 (Objects/weakrefobject.c: tp_call through
        // _PyObject_MakeTpCall): `gc.collect(); w = weakref.ref(o, None); gc.get_count()`
        // counts the 2-tuple, one more than the weakref, on 3.11.7-3.13.0 as on 3.8.18.
        return try packingTypeCallArguments(args, kwargs, always: kind == .weakref) {
            try constructBuiltin(kind, type, checked.args, checked.kwargs)
        }
    }
}
