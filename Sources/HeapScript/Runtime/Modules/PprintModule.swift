import HeapEngine
import BigInt

// Lib/pprint.py: pprint, pformat, pp (3.8+), saferepr, isreadable, isrecursive.
//
// The public functions are Python functions in CPython, and so they are here (a stand-in run
// in the module's own globals, `pprintModuleSource`): their type, signature and argument
// errors are CPython's. Each calls one native of the stand-in's globals (not of the module's
// dict: `pprint._hb_...` is not an attribute, and `pprint.PrettyPrinter`, `pprint.re`... are
// refused by the recorded surface), which runs PrettyPrinter's algorithm step for step:
// `_format`, `_repr`, `_safe_repr`, `_pprint_dict/list/tuple/set/str/bytes`,
// `_format_dict_items`, `_format_items` (compact), `_wrap_bytes_repr`, the `_safe_key`
// sort. Step for step matters: a class's `__repr__` and `__lt__` run in the order and as
// often as CPython's calls them (`_repr` at every level), and what pprint writes goes to
// stdout piece by piece, between what those methods print.
//
// What it does not model is refused, never approximated:
// - the dispatch entries for the types the engine has but whose printer is not written
//   (OrderedDict, defaultdict, deque, bytearray, mappingproxy, dataclass instances from
//   3.10), where their repr does not fit (a fitting repr is written as it is, as CPython);
// - instances of subclasses of builtin types (their dispatch and `_safe_repr` depend on
//   where `__repr__` is defined, and before 3.10 any dict subclass takes `_pprint_dict`);
// - `<Recursion on list with id=...>`: the id of an object is not known after the import
//   (see below), and its length decides the wrapping; isrecursive() and isreadable() answer;
// - sorting by `_safe_key` where it is not a total order (mixed types, sets, tuples) on
//   3.13 (count_run changed, gh-116554) or with 64 items or more (timsort's merges); and
//   two unorderable objects of one type (`_safe_key` falls back to their ids);
// - `stream=` other than None (sys.stdout is not an object of the engine);
// - an exception leaving the module (a bad width, a raising `__repr__`): CPython's
//   traceback would name the installed Lib/pprint.py and its lines.
//
// The import is not modelled object for object (`importPprintModule`), nor are the
// objects a call makes and frees (the PrettyPrinter instance, the context dicts, the
// `_safe_key` objects, the sorted lists): after each call generation 0's count is unknown
// until an explicit collection (`pprintCallDone`).
extension Interpreter {
    static let pprintModuleFile = "<heapbook: Lib/pprint.py>"

    /// The module's public names the engine defines (the rest of CPython's are refused).
    var pprintModuleNames: [String] {
        ["pprint", "pformat", "saferepr", "isreadable", "isrecursive"] + (profile.minor >= 8 ? ["pp"] : [])
    }

    /// The first `import pprint`.
    ///
    /// Measured, `gc.collect(); import pprint; gc.get_count()` at the prompt: (400, 5, 0) on
    /// 3.6.15, (264, 4, 0) on 3.8.18, (662, 0, 0) on 3.11.7 (it imports dataclasses, re,
    /// inspect...), (341, 1, 0) on 3.12.1, (214, 0, 0) on 3.13.0; as a script (409, 5, 0),
    /// (250, 4, 0), (289, 4, 0), (206, 10, 0), (1851, 3, 0). `gc.disable(); import pprint;
    /// gc.collect()`: 104 on 3.6.15 and 3.8.18 (prompt and script), 0 at 3.11.7's and
    /// 3.12.1's prompt but 24 and 143 as scripts, 3.13.0: 5 at the prompt (start-up's own,
    /// `Profile.startupGarbageClass`), 150 as a script.
    func importPprintModule(_ d: ObjectRef) throws {
        defer {
            noteUnmodelledImport("pprint", blocks: "Lib/pprint.py's code, re, io"
                                    + (profile.minor >= 10 ? ", dataclasses, inspect" : ""),
                                 objects: "its class, functions, code objects and those of the modules it imports",
                                 leavesGarbage: profile.minor < 11 || scriptStartup)
        }
        let g = try newDict()
        defer { heap.decref(g) }
        try dictSet(g, name("__name__"), name("pprint"))
        try dictSet(g, name("__builtins__"), builtinsDict)
        definePprintNatives(g)
        try runStandIn(pprintModuleSource(), filename: Interpreter.pprintModuleFile, in: g)
        // Moved, not copied: in CPython only the module's dict holds them (`sys.getrefcount(
        // pprint.pprint)`); the stand-in's functions call natives, never each other.
        for n in pprintModuleNames {
            guard let f = try dictGet(g, name(n)) else { continue }
            try dictSet(d, name(n), f)
            try dictDelName(g, name(n), n)
        }
        // The functions' `__globals__` would show the stand-in's natives; the module's dict
        // lacks most of CPython's names.
        opaqueObjects[g] = "pprint.pprint.__globals__"
        opaqueObjects[d] = "pprint.__dict__"
    }

    /// Lib/pprint.py's module-level functions at the profile's tag: 3.8 added sort_dicts and
    /// pp(), 3.10 underscore_numbers. Each hands its arguments to a native.
    private func pprintModuleSource() -> String {
        let v = profile.minor
        let extra = v >= 10 ? ", sort_dicts=True, underscore_numbers=False" : v >= 8 ? ", sort_dicts=True" : ""
        let passed = v >= 10 ? "sort_dicts, underscore_numbers" : v >= 8 ? "sort_dicts, False" : "True, False"
        var s = """
            def pprint(object, stream=None, indent=1, width=80, depth=None, *,
                       compact=False\(extra)):
                _hb_pprint(object, stream, indent, width, depth, compact, \(passed))

            def pformat(object, indent=1, width=80, depth=None, *,
                        compact=False\(extra)):
                return _hb_pformat(object, indent, width, depth, compact, \(passed))

            def saferepr(object):
                return _hb_safe_repr(object, 0)

            def isreadable(object):
                return _hb_safe_repr(object, 1)

            def isrecursive(object):
                return _hb_safe_repr(object, 2)

            """
        if v >= 8 {
            // `pprint(object, *args, sort_dicts=sort_dicts, **kwargs)` is CALL_FUNCTION_EX,
            // modelled on 3.11 only: the native spreads the arguments.
            s += """

                def pp(object, *args, sort_dicts=False, **kwargs):
                    _hb_pp(object, args, sort_dicts, kwargs)

                """
        }
        return s
    }

    private func definePprintNatives(_ g: ObjectRef) {
        defineFunction(in: g, "_hb_pprint", module: "pprint") { i, _, a, _ in
            try i.pprintCall {
                guard a[1] == i.heap.none else { throw i.pprintStreamRefused() }
                _ = try i.ppFormatTop(a[0], try i.pprintOptions(indent: a[2], width: a[3], depth: a[4], compact: a[5],
                                                                 sortDicts: a[6], underscoreNumbers: a[7]), toStdout: true)
                return i.heap.newNone()
            }
        }
        defineFunction(in: g, "_hb_pformat", module: "pprint") { i, _, a, _ in
            try i.pprintCall {
                let run = try i.ppFormatTop(a[0], try i.pprintOptions(indent: a[1], width: a[2], depth: a[3], compact: a[4],
                                                                       sortDicts: a[5], underscoreNumbers: a[6]), toStdout: false)
                return try i.newStr(run.out)
            }
        }
        // pp(object, *args, sort_dicts=False, **kwargs): args and kwargs as pprint() takes them.
        defineFunction(in: g, "_hb_pp", module: "pprint") { i, _, a, _ in
            try i.pprintCall {
                let positional = i.sequenceItems(a[1]) ?? []
                let names = ["stream", "indent", "width", "depth"]
                var given: [String: ObjectRef] = [:]
                guard positional.count <= names.count else { throw i.pprintRaised() }
                for (n, v) in positional.enumerated() { given[names[n]] = v }
                let keywords = names + ["compact"] + (i.profile.minor >= 10 ? ["underscore_numbers"] : [])
                for (k, v) in i.dictStorage(a[3]).items {
                    guard i.heap.kind(k) == .str, keywords.contains(i.stringValue(k)), given[i.stringValue(k)] == nil else {
                        throw i.pprintRaised()
                    }
                    given[i.stringValue(k)] = v
                }
                if let s = given["stream"], s != i.heap.none { throw i.pprintStreamRefused() }
                let one = try i.makeInt(1), eighty = try i.makeInt(80)
                defer { i.heap.decref(one); i.heap.decref(eighty) }
                _ = try i.ppFormatTop(a[0], try i.pprintOptions(indent: given["indent"] ?? one, width: given["width"] ?? eighty,
                                                                 depth: given["depth"] ?? i.heap.none,
                                                                 compact: given["compact"] ?? i.heap.falseRef, sortDicts: a[2],
                                                                 underscoreNumbers: given["underscore_numbers"] ?? i.heap.falseRef),
                                      toStdout: true)
                return i.heap.newNone()
            }
        }
        // saferepr/isreadable/isrecursive: `PrettyPrinter()._safe_repr(object, {}, None, 0)[n]`
        // (3.6 and 3.8: the module's `_safe_repr`, sorting dicts).
        defineFunction(in: g, "_hb_safe_repr", module: "pprint") { i, _, a, _ in
            try i.pprintCall {
                guard case .int(let which) = i.heap.payload[Int(a[1])] else { preconditionFailure("_hb_safe_repr") }
                let run = PPRun(PPOptions(), toStdout: false)
                run.flagsOnly = which != 0
                var context: [ObjectRef] = []
                let (s, readable, recursive) = try i.ppSafeRepr(a[0], run, &context, nil, 0)
                switch which {
                case 0: return try i.newStr(s)
                case 1: return i.heap.newBool(readable)
                default: return i.heap.newBool(recursive)
                }
            }
        }
    }

    /// A native's body: an exception leaving it is refused (its traceback would go through
    /// Lib/pprint.py), and what the call allocated and freed is declared not counted.
    private func pprintCall(_ body: () throws -> ObjectRef) throws -> ObjectRef {
        // Before as well as after: a `__repr__` or `__lt__` it calls sees CPython's count with
        // the printer's objects in it, and CPython may collect while they live.
        heap.countMayDiffer(by: heap.gc.thresholds[0] + 1)
        pprintFormatting += 1
        defer {
            pprintFormatting -= 1
            heap.countMayDiffer(by: heap.gc.thresholds[0] + 1)
        }
        do { return try body() } catch let e as PyException {
            let what = typeName(e.exception)
            releaseException(e)
            throw notModelled("an exception (\(what)) raised through Lib/pprint.py",
                              because: "its traceback names CPython's installed pprint.py, which heapbook stands in for")
        }
    }

    /// sys.getrefcount() while pprint formats (from a `__repr__` or `__lt__` it calls: the
    /// object is held by CPython's frames of _format, _repr, _safe_repr..., and the items by
    /// its sorted lists and `_safe_key`s), and of the module, which CPython's sys.modules and
    /// importers hold.
    func refusePprintRefcount(_ r: ObjectRef) throws {
        if pprintFormatting > 0 {
            throw notModelled("sys.getrefcount() while pprint formats",
                              because: "Lib/pprint.py's frames, lists and _safe_key objects hold references heapbook does not make")
        }
        if let m = modules["pprint"], r == m {
            throw notModelled("sys.getrefcount(pprint)", because: "CPython \(profile.version)'s other modules hold references to it that heapbook does not make")
        }
    }

    private func pprintRaised() -> UnsupportedAtRuntime {
        notModelled("an exception raised through Lib/pprint.py",
                    because: "its traceback names CPython's installed pprint.py, which heapbook stands in for")
    }

    private func pprintStreamRefused() -> UnsupportedAtRuntime {
        notModelled("pprint's stream argument", because: "heapbook has no file objects; pprint writes to sys.stdout only")
    }

    /// PrettyPrinter.__init__: `int(indent)`, `int(width)`, `bool(compact)`; the checks that
    /// raise are refused with the rest of the exceptions (`pprintCall`).
    private func pprintOptions(indent: ObjectRef, width: ObjectRef, depth: ObjectRef, compact: ObjectRef,
                               sortDicts: ObjectRef, underscoreNumbers: ObjectRef) throws -> PPOptions {
        func smallInt(_ r: ObjectRef, _ what: String) throws -> Int {
            guard case .int(let v) = heap.payload[Int(r)], !heap.typeInfo(of: r).isHeapType else {
                throw notModelled("pprint's \(what) argument other than an int")
            }
            return v
        }
        var o = PPOptions()
        o.indent = try smallInt(indent, "indent")
        o.width = try smallInt(width, "width")
        if depth != heap.none { o.depth = try smallInt(depth, "depth") }
        if o.indent < 0 || o.width == 0 { throw pprintRaised() }
        if let d = o.depth, d <= 0 { throw pprintRaised() }
        o.compact = try isTrue(compact)
        o.sortDicts = try isTrue(sortDicts)
        o.underscoreNumbers = try isTrue(underscoreNumbers)
        return o
    }
}

/// PrettyPrinter's settings.
struct PPOptions {
    var indent = 1, width = 80
    var depth: Int? = nil
    var compact = false, sortDicts = true, underscoreNumbers = false
}

/// One call's printer: where it writes, and `_readable`/`_recursive`.
final class PPRun {
    let opts: PPOptions
    let toStdout: Bool
    var out = ""
    /// isreadable()/isrecursive(): only the flags are shown, so a recursion's id is not.
    var flagsOnly = false
    init(_ opts: PPOptions, toStdout: Bool) { self.opts = opts; self.toStdout = toStdout }
}

/// Which `_dispatch` entry `_format` takes for an object whose repr does not fit.
enum PPDispatch { case dict, list, tuple, set, str, bytes }

extension Interpreter {
    /// `stream.write(s)`: sys.stdout piece by piece (between what a `__repr__` prints), or
    /// pformat's StringIO.
    func ppWrite(_ run: PPRun, _ s: String) throws {
        if run.toStdout { try fileWrite { _ in s } } else { run.out += s }
    }

    /// len() of a str: code points.
    static func pyLen(_ s: String) -> Int { s.unicodeScalars.count }

    private func ppExact(_ r: ObjectRef, _ k: TypeKind) -> Bool { heap.typeOf[Int(r)] == heap.builtinType(k) }

    /// An instance of a subclass of a builtin type (see the header).
    private func ppRefuseBuiltinSubclass(_ r: ObjectRef) throws {
        guard heap.typeInfo(of: r).isHeapType else { return }
        if case .instance = heap.payload[Int(r)] { return }
        throw notModelled("pprint of a '\(typeName(r))' object", because: "pprint's handling of subclasses of builtin types is not modelled")
    }

    /// repr(object), refusing an unplaced id's text (UnplacedIds.swift).
    private func ppPlainRepr(_ r: ObjectRef) throws -> String {
        let s = try reprObject(r)
        defer { heap.decref(s) }
        try refuseUnplacedId(s, "pprint of")
        return stringValue(s)
    }

    /// `_recursion(object)`: prints the id.
    private func ppRecursion(_ r: ObjectRef, _ run: PPRun) throws -> String {
        guard run.flagsOnly else {
            throw notModelled("pprint of a recursive structure",
                              because: "`<Recursion on \(typeName(r)) with id=...>` shows an id() heapbook does not know after `import pprint`")
        }
        return "<Recursion on \(typeName(r)) with id=?>"
    }

    /// `_safe_repr(object, context, maxlevels, level)`: (repr, readable, recursive).
    func ppSafeRepr(_ r: ObjectRef, _ run: PPRun, _ context: inout [ObjectRef], _ maxLevels: Int?,
                    _ level: Int) throws -> (String, Bool, Bool) {
        try refuseUnplacedId(r, "pprint of")
        try ppRefuseBuiltinSubclass(r)
        // _builtin_scalars.
        if r == heap.none || ppExact(r, .str) || ppExact(r, .bytes) || ppExact(r, .bytearray) || ppExact(r, .float)
            || ppExact(r, .bool) || (heap.complexValue(r) != nil && !heap.typeInfo(of: r).isHeapType) {
            return (try ppPlainRepr(r), true, false)
        }
        if ppExact(r, .int) {
            let s = try ppPlainRepr(r)
            return (run.opts.underscoreNumbers ? Interpreter.ppUnderscored(s) : s, true, false)
        }
        let isList = ppExact(r, .list)
        if ppExact(r, .dict) {
            let items = dictStorage(r).items
            if items.isEmpty { return ("{}", true, false) }
            if let m = maxLevels, m != 0, level >= m { return ("{...}", false, context.contains(r)) }
            if context.contains(r) { return (try ppRecursion(r, run), false, true) }
            context.append(r)
            var readable = true, recursive = false
            var components: [String] = []
            let sorted = try ppSortedItems(items, run)
            sorted.forEach { heap.incref($0.key); heap.incref($0.value) }
            defer { sorted.forEach { heap.decref($0.key); heap.decref($0.value) } }
            for (k, v) in sorted {
                let (kr, kread, krec) = try ppSafeRepr(k, run, &context, maxLevels, level + 1)
                let (vr, vread, vrec) = try ppSafeRepr(v, run, &context, maxLevels, level + 1)
                components.append("\(kr): \(vr)")
                readable = readable && kread && vread
                if krec || vrec { recursive = true }
            }
            context.removeAll { $0 == r }
            return ("{" + components.joined(separator: ", ") + "}", readable, recursive)
        }
        if isList || ppExact(r, .tuple) {
            let items = sequenceItems(r) ?? []
            let open: String, close: String
            if isList {
                if items.isEmpty { return ("[]", true, false) }
                open = "["; close = "]"
            } else if items.count == 1 {
                open = "("; close = ",)"
            } else {
                if items.isEmpty { return ("()", true, false) }
                open = "("; close = ")"
            }
            if let m = maxLevels, m != 0, level >= m { return (open + "..." + close, false, context.contains(r)) }
            if context.contains(r) { return (try ppRecursion(r, run), false, true) }
            context.append(r)
            var readable = true, recursive = false
            var components: [String] = []
            items.forEach(heap.incref)
            defer { items.forEach(heap.decref) }
            for o in items {
                let (or, oread, orec) = try ppSafeRepr(o, run, &context, maxLevels, level + 1)
                components.append(or)
                if !oread { readable = false }
                if orec { recursive = true }
            }
            context.removeAll { $0 == r }
            return (open + components.joined(separator: ", ") + close, readable, recursive)
        }
        let rep = try ppPlainRepr(r)
        return (rep, !rep.isEmpty && !rep.hasPrefix("<"), false)
    }

    /// f"{object:_d}" of an int's decimal digits.
    static func ppUnderscored(_ s: String) -> String {
        var digits = Array(s.unicodeScalars)
        var sign = ""
        if digits.first == "-" { sign = "-"; digits.removeFirst() }
        var out = ""
        for (n, c) in digits.enumerated() {
            if n > 0, (digits.count - n) % 3 == 0 { out += "_" }
            out.unicodeScalars.append(c)
        }
        return sign + out
    }

    /// `_repr`: `format(object, context.copy(), self._depth, level)`, noting the flags.
    private func ppRepr(_ r: ObjectRef, _ run: PPRun, _ context: [ObjectRef], _ level: Int) throws -> String {
        var copy = context
        return try ppSafeRepr(r, run, &copy, run.opts.depth, level).0
    }

    /// The `_dispatch` entry of `type(object).__repr__`, or nil where `_format` writes the repr.
    private func ppDispatch(_ r: ObjectRef) throws -> PPDispatch? {
        if ppExact(r, .dict) { return .dict }
        if ppExact(r, .list) { return .list }
        if ppExact(r, .tuple) { return .tuple }
        if ppExact(r, .set) || ppExact(r, .frozenset) { return .set }
        if ppExact(r, .str) { return .str }
        if ppExact(r, .bytes) { return .bytes }
        let unmodelled: String?
        if heap.isOrderedDict(r) { unmodelled = "OrderedDict" }
        else if heap.isDefaultDict(r) { unmodelled = "defaultdict" }
        else if heap.deque(r) != nil { unmodelled = "deque" }
        else if heap.byteArray(r) != nil { unmodelled = "bytearray" }
        else if heap.mappingProxy(r) != nil { unmodelled = "mappingproxy" }
        else if profile.minor >= 10, case .instance = heap.payload[Int(r)],
                try lookupSpecialName(heap.typeOf[Int(r)], "__dataclass_params__") != nil { unmodelled = "dataclass instance" }
        else { unmodelled = nil }
        if let what = unmodelled {
            throw notModelled("pprint of a \(what) whose repr does not fit the width", because: "Lib/pprint.py's printer for it is not modelled")
        }
        return nil
    }

    /// `_format(object, stream, indent, allowance, context, level)`.
    func ppFormat(_ r: ObjectRef, _ run: PPRun, _ indent: Int, _ allowance: Int,
                  _ context: inout [ObjectRef], _ level: Int) throws {
        if context.contains(r) { _ = try ppRecursion(r, run) }
        let rep = try ppRepr(r, run, context, level)
        let maxWidth = run.opts.width - indent - allowance
        if Interpreter.pyLen(rep) > maxWidth, let p = try ppDispatch(r) {
            context.append(r)
            switch p {
            case .dict: try ppDict(r, run, indent, allowance, &context, level + 1)
            case .list:
                try ppWrite(run, "[")
                try ppItems(sequenceItems(r) ?? [], run, indent, allowance + 1, &context, level + 1)
                try ppWrite(run, "]")
            case .tuple:
                let items = sequenceItems(r) ?? []
                let end = items.count == 1 ? ",)" : ")"
                try ppWrite(run, "(")
                try ppItems(items, run, indent, allowance + end.count, &context, level + 1)
                try ppWrite(run, end)
            case .set: try ppSet(r, run, indent, allowance, &context, level + 1)
            case .str: try ppStr(stringValue(r), run, indent, allowance, level + 1)
            case .bytes: try ppBytes(bytesValue(r), run, indent, allowance, level + 1)
            }
            context.removeAll { $0 == r }
            return
        }
        try ppWrite(run, rep)
    }

    /// `_pprint_dict`.
    private func ppDict(_ r: ObjectRef, _ run: PPRun, _ indent: Int, _ allowance: Int,
                        _ context: inout [ObjectRef], _ level: Int) throws {
        try ppWrite(run, "{")
        if run.opts.indent > 1 { try ppWrite(run, String(repeating: " ", count: run.opts.indent - 1)) }
        let items = dictStorage(r).items
        if !items.isEmpty {
            let sorted = try ppSortedItems(items, run)
            sorted.forEach { heap.incref($0.key); heap.incref($0.value) }
            defer { sorted.forEach { heap.decref($0.key); heap.decref($0.value) } }
            // `_format_dict_items`.
            let indent = indent + run.opts.indent
            let delimnl = ",\n" + String(repeating: " ", count: indent)
            for (n, (k, v)) in sorted.enumerated() {
                let last = n == sorted.count - 1
                let rep = try ppRepr(k, run, context, level)
                try ppWrite(run, rep)
                try ppWrite(run, ": ")
                try ppFormat(v, run, indent + Interpreter.pyLen(rep) + 2, last ? allowance + 1 : 1, &context, level)
                if !last { try ppWrite(run, delimnl) }
            }
        }
        try ppWrite(run, "}")
    }

    /// `_pprint_set`: `{...}` or `frozenset({...})`, the items sorted by `_safe_key`.
    private func ppSet(_ r: ObjectRef, _ run: PPRun, _ indent: Int, _ allowance: Int,
                       _ context: inout [ObjectRef], _ level: Int) throws {
        let s = setStorage(r)
        if s.count == 0 { try ppWrite(run, try ppPlainRepr(r)); return }
        try refuseUnknownOrder(s, r)
        var indent = indent
        let end: String
        if ppExact(r, .set) {
            try ppWrite(run, "{"); end = "}"
        } else {
            try ppWrite(run, "frozenset({")
            end = "})"
            indent += "frozenset".count + 1
        }
        let elements = s.elements
        let order = try ppSortOrder(elements)
        let items = order.map { elements[$0] }
        try ppItems(items, run, indent, allowance + end.count, &context, level)
        try ppWrite(run, end)
    }

    /// `_format_items`, with `compact`.
    private func ppItems(_ items: [ObjectRef], _ run: PPRun, _ indent: Int, _ allowance: Int,
                         _ context: inout [ObjectRef], _ level: Int) throws {
        let indent = indent + run.opts.indent
        if run.opts.indent > 1 { try ppWrite(run, String(repeating: " ", count: run.opts.indent - 1)) }
        let delimnl = ",\n" + String(repeating: " ", count: indent)
        var delim = ""
        var width = run.opts.width - indent + 1, maxWidth = width
        items.forEach(heap.incref)
        defer { items.forEach(heap.decref) }
        for (n, ent) in items.enumerated() {
            let last = n == items.count - 1
            if last { maxWidth -= allowance; width -= allowance }
            if run.opts.compact {
                let rep = try ppRepr(ent, run, context, level)
                let w = Interpreter.pyLen(rep) + 2
                if width < w {
                    width = maxWidth
                    if !delim.isEmpty { delim = delimnl }
                }
                if width >= w {
                    width -= w
                    try ppWrite(run, delim)
                    delim = ", "
                    try ppWrite(run, rep)
                    continue
                }
            }
            try ppWrite(run, delim)
            delim = delimnl
            try ppFormat(ent, run, indent, last ? allowance : 1, &context, level)
        }
    }

    /// `_pprint_str`: the lines (`splitlines(True)`), each split at `\S*\s*` boundaries
    /// where its repr does not fit.
    private func ppStr(_ s: String, _ run: PPRun, _ indent: Int, _ allowance: Int, _ level: Int) throws {
        if s.isEmpty { try ppWrite(run, Interpreter.strRepr(s)); return }
        var indent = indent, allowance = allowance
        var chunks: [String] = []
        let lines = Interpreter.ppSplitLines(s)
        if level == 1 { indent += 1; allowance += 1 }
        let maxWidth = run.opts.width - indent
        var maxWidth1 = maxWidth
        var rep = ""
        for (i, line) in lines.enumerated() {
            rep = Interpreter.strRepr(line)
            if i == lines.count - 1 { maxWidth1 -= allowance }
            if Interpreter.pyLen(rep) <= maxWidth1 {
                chunks.append(rep)
            } else {
                let parts = Interpreter.ppWordParts(line)
                var maxWidth2 = maxWidth
                var current = ""
                for (j, part) in parts.enumerated() {
                    let candidate = current + part
                    if j == parts.count - 1 && i == lines.count - 1 { maxWidth2 -= allowance }
                    if Interpreter.pyLen(Interpreter.strRepr(candidate)) > maxWidth2 {
                        if !current.isEmpty { chunks.append(Interpreter.strRepr(current)) }
                        current = part
                    } else {
                        current = candidate
                    }
                }
                if !current.isEmpty { chunks.append(Interpreter.strRepr(current)) }
            }
        }
        if chunks.count == 1 { try ppWrite(run, rep); return }
        if level == 1 { try ppWrite(run, "(") }
        for (i, c) in chunks.enumerated() {
            if i > 0 { try ppWrite(run, "\n" + String(repeating: " ", count: indent)) }
            try ppWrite(run, c)
        }
        if level == 1 { try ppWrite(run, ")") }
    }

    /// `_pprint_bytes` and `_wrap_bytes_repr`: 4-byte parts joined while their repr fits.
    private func ppBytes(_ b: [UInt8], _ run: PPRun, _ indent: Int, _ allowance: Int, _ level: Int) throws {
        if b.count <= 4 { try ppWrite(run, Interpreter.bytesRepr(b)); return }
        var indent = indent, allowance = allowance
        let parens = level == 1
        if parens { indent += 1; allowance += 1; try ppWrite(run, "(") }
        var reps: [String] = []
        var width = run.opts.width - indent
        var current: [UInt8] = []
        let last = b.count / 4 * 4
        var i = 0
        while i < b.count {
            let part = Array(b[i..<min(i + 4, b.count)])
            let candidate = current + part
            if i == last { width -= allowance }
            if Interpreter.pyLen(Interpreter.bytesRepr(candidate)) > width {
                if !current.isEmpty { reps.append(Interpreter.bytesRepr(current)) }
                current = part
            } else {
                current = candidate
            }
            i += 4
        }
        if !current.isEmpty { reps.append(Interpreter.bytesRepr(current)) }
        var delim = ""
        for rep in reps {
            try ppWrite(run, delim)
            try ppWrite(run, rep)
            if delim.isEmpty { delim = "\n" + String(repeating: " ", count: indent) }
        }
        if parens { try ppWrite(run, ")") }
    }

    /// str.splitlines(True): \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
    static func ppSplitLines(_ s: String) -> [String] {
        let u = Array(s.unicodeScalars)
        var lines: [String] = []
        var start = 0, i = 0
        while i < u.count {
            var end = -1
            switch u[i].value {
            case 0x0D: end = (i + 1 < u.count && u[i + 1].value == 0x0A) ? i + 2 : i + 1
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: end = i + 1
            default: break
            }
            if end >= 0 {
                var line = ""
                line.unicodeScalars.append(contentsOf: u[start..<end])
                lines.append(line)
                start = end; i = end
            } else {
                i += 1
            }
        }
        if start < u.count {
            var line = ""
            line.unicodeScalars.append(contentsOf: u[start...])
            lines.append(line)
        }
        return lines
    }

    /// Py_UNICODE_ISSPACE, what `\s` matches in a str pattern.
    static func ppIsSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `re.findall(r'\S*\s*', line)` without its final empty match: runs of non-space then
    /// space (no empty match can come earlier: every position starts one or the other).
    static func ppWordParts(_ s: String) -> [String] {
        let u = Array(s.unicodeScalars)
        var parts: [String] = []
        var i = 0
        while i < u.count {
            let start = i
            while i < u.count, !ppIsSpace(u[i]) { i += 1 }
            while i < u.count, ppIsSpace(u[i]) { i += 1 }
            var part = ""
            part.unicodeScalars.append(contentsOf: u[start..<i])
            parts.append(part)
        }
        return parts
    }

    /// `sorted(object.items(), key=_safe_tuple)` where `sort_dicts`, else the items. The
    /// key tuples compare at their first item (two `_safe_key`s are never equal), so the
    /// order is the keys' by `_safe_key`.
    private func ppSortedItems(_ items: [(key: ObjectRef, value: ObjectRef)], _ run: PPRun) throws -> [(key: ObjectRef, value: ObjectRef)] {
        // 3.6's `_safe_repr` and `_pprint_dict` always sort.
        guard run.opts.sortDicts || profile.minor < 8 else { return items }
        return try ppSortOrder(items.map { $0.key }).map { items[$0] }
    }

    /// The order `sorted(keys, key=_safe_key)` gives (indices into `keys`).
    ///
    /// Where the keys are all exact strs, all exact bytes, or all exact ints, bools and
    /// floats without NaN, `<` is a total order and distinct keys are never equal, so any
    /// sort gives CPython's result and the comparisons run no Python code. Otherwise timsort
    /// itself is followed (as ListSort.swift: count_run, then binarysort; lists under 64
    /// items, 3.6-3.12), each comparison `_safe_key.__lt__`: `self.obj < other.obj`, and on
    /// TypeError `(str(type(a)), id(a)) < (str(type(b)), id(b))`, whose ids are compared
    /// only when the types' strs are equal (refused: the ids are not known).
    private func ppSortOrder(_ keys: [ObjectRef]) throws -> [Int] {
        var idx = Array(keys.indices)
        guard keys.count > 1 else { return idx }
        let allStr = keys.allSatisfy { ppExact($0, .str) }
        let allBytes = keys.allSatisfy { ppExact($0, .bytes) }
        let allNumbers = keys.allSatisfy {
            if ppExact($0, .int) || ppExact($0, .bool) { return true }
            if ppExact($0, .float), case .float(let d) = heap.payload[Int($0)] { return !d.isNaN }
            return false
        }
        if allStr || allBytes || allNumbers {
            try idx.sort { try ppLess(keys[$0], keys[$1]) }
            return idx
        }
        let why = "sorting by pprint's _safe_key where it is not a total order"
        guard profile.minor < 13 else { throw notModelled(why, because: "3.13's count_run is not modelled") }
        guard keys.count < 64 else { throw notModelled(why, because: "timsort's merges (64 items or more) are not modelled") }
        // list_sort_impl over `_safe_key`s (ListSort.swift's shortTimsort).
        try shortTimsort(&idx) { x, y in try ppSafeKeyLess(keys[x], keys[y]) }
        return idx
    }

    /// `PrettyPrinter(...)._format(object, stream, 0, 0, {}, 0)`, then pprint()'s and pp()'s
    /// closing newline when it writes to stdout.
    private func ppFormatTop(_ obj: ObjectRef, _ options: PPOptions, toStdout: Bool) throws -> PPRun {
        let run = PPRun(options, toStdout: toStdout)
        var context: [ObjectRef] = []
        try ppFormat(obj, run, 0, 0, &context, 0)
        if toStdout { try ppWrite(run, "\n") }
        return run
    }

    /// `self.obj < other.obj` (COMPARE_OP), its result's truth.
    private func ppLess(_ a: ObjectRef, _ b: ObjectRef) throws -> Bool {
        let r = try compare(.lt, a, b)
        defer { heap.decref(r) }
        return heap.kind(r) == .bool ? r == heap.trueRef : try isTrue(r)
    }

    /// `_safe_key.__lt__`.
    private func ppSafeKeyLess(_ a: ObjectRef, _ b: ObjectRef) throws -> Bool {
        do { return try ppLess(a, b) } catch let e as PyException where exceptionMatches(e, "TypeError") {
            releaseException(e)
            let ta = try str(heap.typeOf[Int(a)]), tb = try str(heap.typeOf[Int(b)])
            guard ta != tb else {
                throw notModelled("pprint sorting two unorderable '\(typeName(a))' objects",
                                  because: "its _safe_key then compares their id(), which heapbook does not know after `import pprint`")
            }
            return ta.unicodeScalars.lexicographicallyPrecedes(tb.unicodeScalars)
        }
    }
}
