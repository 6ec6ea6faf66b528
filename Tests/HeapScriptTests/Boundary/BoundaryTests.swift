import XCTest
import Foundation
import HeapEngine
@testable import HeapScript

/// The boundary between what the engine models and what CPython has, generated from the
/// recorded surface (scripts/measure/surface/*.json) at test time, so it cannot go stale:
/// under every profile, each builtin, type attribute, module and module attribute CPython has
/// and the engine lacks is refused (never an exception CPython would not raise), and names
/// CPython lacks keep CPython's own error.
final class BoundaryTests: XCTestCase {
    private func refusal(_ what: String, _ profile: Profile) -> String {
        "heapbook does not model `\(what)` (CPython \(profile.version) has it)"
    }

    /// Runs `statements` one REPL input each in a fresh session and returns the refusal's
    /// message, if any.
    private func refusalMessage(_ statements: String..., profile: Profile = .cpython311) -> String? {
        let session = Session(profile: profile)
        for source in statements {
            let r = session.runInteractive(source + "\n")
            if let u = r.unsupported { return u.fullMessage ?? u.construct }
        }
        return nil
    }

    /// LOAD_NAME of every builtin CPython has and the engine lacks (an expression statement
    /// `vars` runs exactly this lookup; one of them goes through a whole session).
    func testEveryMissingBuiltinIsRefused() throws {
        for profile in Profile.all {
            let surface = CPythonSurface.of(profile)
            let i = Interpreter(profile: profile, limits: Limits())
            let modelled = Set(i.modelledBuiltins)
            let missing = surface.builtins.filter { !modelled.contains($0) }
            XCTAssertFalse(missing.isEmpty)
            for n in missing + surface.mainGlobals where !modelled.contains(n) {
                let key = try i.internedName(n)
                do {
                    heapDecref(i, try i.loadGlobal(i.mainDict, key, n))
                    XCTAssertTrue(i.dictStorage(i.mainDict).keys.map(i.stringValue).contains(n), "\(n) found")
                } catch let e as UnsupportedAtRuntime {
                    XCTAssertEqual(e.fullMessage, refusal(n, profile))
                } catch {
                    XCTFail("\(n) on \(profile.version): \(error)")
                }
            }
        }
        XCTAssertEqual(refusalMessage("compile", profile: .cpython36), refusal("compile", .cpython36))
    }

    func testEveryMissingModuleIsRefusedOnImport() {
        for profile in Profile.all {
            let surface = CPythonSurface.of(profile)
            let i = Interpreter(profile: profile, limits: Limits())
            XCTAssertEqual(i.modelledModules.filter { !surface.has(module: $0) }, [], profile.version)
            for m in surface.modules where !i.modelledModules.contains(m) {
                do {
                    heapDecref(i, try i.importModule(m))
                    XCTFail("import \(m) on \(profile.version) succeeded")
                } catch let e as UnsupportedAtRuntime {
                    XCTAssertEqual(e.fullMessage, refusal(m, profile))
                } catch {
                    XCTFail("import \(m) on \(profile.version): \(error)")
                }
            }
        }
        XCTAssertEqual(refusalMessage("import copyreg"), refusal("copyreg", .cpython311))
    }

    /// Every attribute CPython's dir() lists on a builtin type the engine has: looked up on the
    /// type object, the engine returns it or refuses, never raises. (Instance attributes the
    /// engine serves, like an exception's `args`, are refused on the type object, where
    /// CPython gives their descriptor.)
    func testEveryTypeAttributeIsServedOrRefused() throws {
        for profile in Profile.all {
            let surface = CPythonSurface.of(profile)
            let i = Interpreter(profile: profile, limits: Limits())
            var checked = 0
            for (typeName, attrs) in surface.types.sorted(by: { $0.key < $1.key }) {
                guard let kind = i.builtinKind(named: typeName) else { continue }
                let type = i.exceptionTypes[typeName] ?? i.heap.builtinType(kind)
                for attr in attrs {
                    do {
                        heapDecref(i, try i.getAttr(type, attr))
                    } catch let e as UnsupportedAtRuntime {
                        XCTAssertEqual(e.fullMessage, refusal("\(typeName).\(attr)", profile))
                        checked += 1
                    } catch {
                        XCTFail("\(typeName).\(attr) on \(profile.version) raised \(error)")
                    }
                }
            }
            XCTAssertGreaterThan(checked, 100, profile.version)
        }
    }

    func testEveryMissingModuleAttributeIsRefused() throws {
        for profile in Profile.all {
            let surface = CPythonSurface.of(profile)
            let i = Interpreter(profile: profile, limits: Limits())
            for m in i.modelledModules {
                let module = try i.importModule(m)
                let modelled = Set(i.modelledAttributes(ofModule: m))
                for attr in surface.moduleAttributes[m] ?? [] where !modelled.contains(attr) {
                    XCTAssertThrowsError(try i.getAttr(module, attr), "\(m).\(attr)") { e in
                        XCTAssertEqual((e as? UnsupportedAtRuntime)?.fullMessage, refusal("\(m).\(attr)", profile))
                    }
                }
                heapDecref(i, module)
            }
        }
    }

    /// Lib/_weakrefset.py's WeakSet (WeakrefWeakSet.swift): what its stand-in leaves out is
    /// refused, under every profile.
    func testWeakSetRefusals() {
        let setup = ["import weakref", "class C:\n    pass\n", "a = C()", "ws = weakref.WeakSet([a])"]
        let cases: [(String, String)] = [
            ("ws | ws", "the | operator with a WeakSet"),
            ("ws -= ws", "the - operator with a WeakSet"),
            ("ws.__reduce__", "WeakSet.__reduce__"),
            ("ws.__ior__", "WeakSet.__ior__"),
            ("weakref.WeakSet.__dict__", "WeakSet.__dict__"),
            ("ws._hb_isub", "WeakSet._hb_isub"),
            ("dir(ws)", "dir() of a WeakSet"),
            ("ws.remove(C())", "an exception raised through Lib/_weakrefset.py's WeakSet.remove()"),
            ("ws.add(1)", "an exception raised through Lib/_weakrefset.py's WeakSet.add()"),
            ("for x in ws:\n    break\n", "closing a WeakSet iterator before its end"),
            ("it = iter(ws); next(it) is a; del it", "closing a WeakSet iterator before its end"),
        ]
        assertRefusedUnderEveryProfile(setup: setup, cases)
        // `__class_getitem__ = classmethod(GenericAlias)` from 3.9; 3.6.15 and 3.8.18 raise.
        XCTAssertEqual(refusalMessage("import weakref", "weakref.WeakSet[int]"), refusal("WeakSet[...] (__class_getitem__)", .cpython311))
    }

    /// collections.OrderedDict (OrderedDictObject.swift): iteration, a real move_to_end, the
    /// unmodelled methods and attributes, and the paths where CPython reads an OrderedDict
    /// through its keys() (dict(od), `{**od}`, dict.update) are refused under every profile.
    func testOrderedDictRefusals() {
        let setup = ["from collections import OrderedDict", "od = OrderedDict(a=1, b=2)"]
        let iterating = "iterating a collections.OrderedDict"
        let cases: [(String, String)] = [
            ("for k in od:\n    pass\n", iterating),
            ("list(od)", iterating),
            ("a, b = od", iterating),
            ("sorted(od)", iterating),
            ("od.keys()", "collections.OrderedDict.keys"),
            ("od.items()", "collections.OrderedDict.items"),
            ("od.values()", "collections.OrderedDict.values"),
            ("od.move_to_end('a')", "OrderedDict.move_to_end() moving a key"),
            ("od.move_to_end('b', last=False)", "OrderedDict.move_to_end() moving a key"),
            ("od.copy()", "collections.OrderedDict.copy"),
            ("od.update(x=1)", "collections.OrderedDict.update"),
            ("od.__reduce__()", "collections.OrderedDict.__reduce__"),
            ("od.__sizeof__()", "collections.OrderedDict.__sizeof__"),
            ("od.__dict__", "collections.OrderedDict.__dict__"),
            ("od.x = 1", "setting or deleting collections.OrderedDict.x"),
            ("OrderedDict.fromkeys('ab')", "collections.OrderedDict.fromkeys"),
            ("dict(od)", "dict() of a collections.OrderedDict"),
            ("{}.update(od)", "dict.update() of a collections.OrderedDict"),
            ("dict.pop(od, 'a')", "dict.pop() on a collections.OrderedDict"),
            ("dict.__sizeof__(od)", "dict.__sizeof__() on a collections.OrderedDict"),
            ("od | {}", "the | operator with a collections.OrderedDict"),
            ("od[(1, 2)] = 3", "a tuple as a collections.OrderedDict key"),
            ("OrderedDict(od)", "OrderedDict() of a 'collections.OrderedDict'"),
            ("OrderedDict(1, 2)", "OrderedDict() with more than one positional argument"),
        ]
        assertRefusedUnderEveryProfile(setup: setup, cases)
        assertRefusedUnderEveryProfile(setup: setup + ["import weakref"],
                                       [("weakref.ref(od)", "weak references to collections.OrderedDict objects")])
        // `{**od}` (3.9+'s DICT_UPDATE; 3.6 and 3.8 refuse the display itself).
        XCTAssertEqual(refusalMessage("from collections import OrderedDict", "od = OrderedDict(a=1)", "{**od}")?
                        .hasPrefix("heapbook does not model `{**OrderedDict}`"), true)
        // odict_repr copies a non-empty OrderedDict into a dict from 3.12 (PyDict_Copy).
        XCTAssertEqual(refusalMessage("from collections import OrderedDict", "OrderedDict(a=1)", profile: .cpython312)?
                        .hasPrefix("heapbook does not model `repr() of a non-empty collections.OrderedDict`"), true)
        XCTAssertNil(refusalMessage("from collections import OrderedDict", "OrderedDict(a=1)", "OrderedDict()"))
    }

    /// Lib/weakref.py's WeakKeyDictionary (WeakrefWeakKeyDictionary.swift): what its ABC bases
    /// and ABCMeta would run, and what its stand-in leaves out, is refused under every profile.
    func testWeakKeyDictionaryRefusals() {
        let setup = ["import weakref", "class C:\n    pass\n", "a = C()", "d = weakref.WeakKeyDictionary({a: 1})",
                     "W = weakref.WeakKeyDictionary"]
        let cases: [(String, String)] = [
            ("type(W)", "type() with weakref.WeakKeyDictionary"),
            ("W.__class__", "WeakKeyDictionary.__class__"),
            ("W.__mro__", "WeakKeyDictionary.__mro__"),
            ("W.__dict__", "WeakKeyDictionary.__dict__"),
            ("isinstance(a, W)", "isinstance() with weakref.WeakKeyDictionary"),
            ("issubclass(C, (int, W))", "issubclass() with weakref.WeakKeyDictionary"),
            ("class E(W):\n    pass\n", "a class statement deriving with weakref.WeakKeyDictionary"),
            ("W[int]", "subscripting with weakref.WeakKeyDictionary"),
            ("super(W, d).clear", "super() with weakref.WeakKeyDictionary"),
            ("d == d", "== with a weakref.WeakKeyDictionary"),
            ("d != {}", "== with a weakref.WeakKeyDictionary"),
            ("d | d", "the | operator with a WeakKeyDictionary"),
            ("d.clear()", "WeakKeyDictionary.clear"),
            ("d.__slots__", "WeakKeyDictionary.__slots__"),
            ("d.__reversed__", "WeakKeyDictionary.__reversed__"),
            ("d._hb_unmodelled", "WeakKeyDictionary._hb_unmodelled"),
            ("dir(d)", "dir() of a WeakKeyDictionary"),
            ("d.__deepcopy__", "WeakKeyDictionary.__deepcopy__"),
            ("d.pop(a)", "f(*args, **kwargs)"),
            ("d[C()]", "an exception raised through Lib/weakref.py's WeakKeyDictionary.__getitem__()"),
            ("d[1] = 2", "an exception raised through Lib/weakref.py's WeakKeyDictionary.__setitem__()"),
            ("for x in d:\n    break\n", "closing a WeakKeyDictionary iterator before its end"),
        ]
        assertRefusedUnderEveryProfile(setup: setup, cases)
        // `update(self, dict=None, /, **kwargs)` from 3.8: 3.6.15 binds `dict`.
        let update = ["import weakref", "class C:\n    pass\n", "a = C()", "d = weakref.WeakKeyDictionary()", "d.update(dict={a: 1})"]
        for profile in Profile.all {
            let session = Session(profile: profile)
            let message = update.lazy.compactMap { session.runInteractive($0 + "\n").unsupported }.first
            XCTAssertEqual(message?.fullMessage?.hasPrefix("heapbook does not model `WeakKeyDictionary.update(dict=...)`") ?? false,
                           profile.minor >= 8, profile.version)
        }
    }

    /// Lib/weakref.py's WeakValueDictionary (WeakrefWeakValueDictionary.swift): the ABC
    /// refusals WeakKeyDictionary has, exceptions through the stand-in, KeyedRef's class.
    func testWeakValueDictionaryRefusals() {
        let setup = ["import weakref", "class C:\n    pass\n", "a = C()", "d = weakref.WeakValueDictionary(k=a)",
                     "W = weakref.WeakValueDictionary", "r = d.valuerefs()[0]"]
        let cases: [(String, String)] = [
            ("type(W)", "type() with weakref.WeakValueDictionary"),
            ("W.__mro__", "WeakValueDictionary.__mro__"),
            ("isinstance(a, W)", "isinstance() with weakref.WeakValueDictionary"),
            ("class E(W):\n    pass\n", "a class statement deriving with weakref.WeakValueDictionary"),
            ("d == d", "== with a weakref.WeakValueDictionary"),
            ("d | d", "the | operator with a WeakValueDictionary"),
            ("d.clear()", "WeakValueDictionary.clear"),
            ("d.__copy__", "WeakValueDictionary.__copy__"),
            ("dir(d)", "dir() of a WeakValueDictionary"),
            ("d['x']", "an exception raised through Lib/weakref.py's WeakValueDictionary.__getitem__()"),
            ("d.pop('x')", "an exception raised through Lib/weakref.py's WeakValueDictionary.pop()"),
            ("for x in d:\n    break\n", "closing a WeakValueDictionary iterator before its end"),
            ("d.update(other={})", "WeakValueDictionary.update(other=...)"),
            ("weakref.WeakValueDictionary(self=1)", "WeakValueDictionary.__init__(self=...)"),
            ("type(r)", "type() of a weakref.KeyedRef"),
            ("r.__class__", "the attribute '__class__' of a weakref.KeyedRef"),
            ("repr(r)", "repr() of a weakref.KeyedRef"),
            ("weakref.KeyedRef", "weakref.KeyedRef"),
        ]
        for profile in Profile.all where profile.minor >= 8 {
            for (statement, what) in cases {
                let session = Session(profile: profile)
                let message = (setup + [statement]).lazy.compactMap { session.runInteractive($0 + "\n").unsupported }.first
                XCTAssertEqual(message?.fullMessage?.hasPrefix("heapbook does not model `\(what)`") ?? false, true,
                               "\(profile.version) \(statement): \(message?.fullMessage ?? "nil")")
            }
        }
        // 3.6.15's `self.update(*args, **kw)`: the class itself.
        let session = Session(profile: .cpython36)
        let message = ["import weakref", "weakref.WeakValueDictionary"].lazy.compactMap { session.runInteractive($0 + "\n").unsupported }.first
        XCTAssertEqual(message?.fullMessage?.hasPrefix("heapbook does not model `weakref.WeakValueDictionary`") ?? false, true)
    }

    /// The brief's examples, each through a whole session as a program would meet it.
    func testRefusalsOfInstancesAndFunctions() {
        let p = Profile.cpython311
        XCTAssertEqual(refusalMessage("[].__reversed__"), refusal("list.__reversed__", p))
        XCTAssertEqual(refusalMessage("'ab'.format_map({})"), refusal("str.format_map", p))
        XCTAssertEqual(refusalMessage("import gc", "gc.callbacks"), refusal("gc.callbacks", p))
        XCTAssertEqual(refusalMessage("import weakref", "weakref.WeakMethod"), refusal("weakref.WeakMethod", p))
        // WeakKeyDictionary and WeakValueDictionary are modelled (WeakrefWeakKeyDictionary.swift,
        // WeakrefWeakValueDictionary.swift); KeyedRef, the weakref.ref subclass
        // WeakValueDictionary's values are, is made natively and not shown.
        XCTAssertEqual(refusalMessage("import weakref", "weakref.KeyedRef"), refusal("weakref.KeyedRef", p))
        let c = "class C:\n    pass\n"
        XCTAssertEqual(refusalMessage(c, "C().__sizeof__"), refusal("object.__sizeof__", p))
        XCTAssertEqual(refusalMessage(c, "C().__weakref__"), refusal("C.__weakref__", p))
        XCTAssertEqual(refusalMessage("def f():\n    pass\n", "f.__builtins__"), refusal("function.__builtins__", p))
        XCTAssertEqual(refusalMessage("def f():\n    pass\n", "f.__name__ = 'g'"), refusal("function.__name__", p))
        // The class-feature check (TypeObject.swift) sees a __class__ store first.
        XCTAssertEqual(refusalMessage(c, "C().__class__ = C"), refusal("__class__ assignment", p))
        // 3.12.1 has no __static_attributes__ (3.13.0 records it in every class).
        let r = Session(profile: .cpython312)   // 3.12.1 raises, as the engine must
        _ = r.runInteractive(c + "\n")
        XCTAssertEqual(r.runInteractive("C.__static_attributes__\n").exception,
                       "AttributeError: type object 'C' has no attribute '__static_attributes__'")
        // An attribute the program set shadows the class's.
        XCTAssertNil(refusalMessage(c, "o = C()", "o.__sizeof__ = 1", "o.__sizeof__"))
    }

    /// Names CPython lacks keep CPython's error line (the last line of the traceback),
    /// each from a real `-q -i` run of 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0.
    func testWhatCPythonLacksKeepsItsOwnError() {
        let cases: [(String, [String: String])] = [
            ("zipp", ["3.6": "NameError: name 'zipp' is not defined", "3.8": "NameError: name 'zipp' is not defined",
                      "3.11": "NameError: name 'zipp' is not defined. Did you mean: 'zip'?",
                      "3.12": "NameError: name 'zipp' is not defined. Did you mean: 'zip'?",
                      "3.13": "NameError: name 'zipp' is not defined. Did you mean: 'zip'?"]),
            ("sys", ["3.6": "NameError: name 'sys' is not defined", "3.8": "NameError: name 'sys' is not defined",
                     "3.11": "NameError: name 'sys' is not defined",
                     "3.12": "NameError: name 'sys' is not defined. Did you forget to import 'sys'?",
                     "3.13": "NameError: name 'sys' is not defined. Did you forget to import 'sys'?"]),
            ("abc", ["3.8": "NameError: name 'abc' is not defined",
                     "3.11": "NameError: name 'abc' is not defined. Did you mean: 'abs'?",
                     "3.12": "NameError: name 'abc' is not defined. Did you mean: 'abs'? Or did you forget to import 'abc'?",
                     "3.13": "NameError: name 'abc' is not defined. Did you mean: 'abs'? Or did you forget to import 'abc'?"]),
            ("[].apend", ["3.6": "AttributeError: 'list' object has no attribute 'apend'",
                          "3.8": "AttributeError: 'list' object has no attribute 'apend'",
                          "3.11": "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?",
                          "3.13": "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?"]),
            ("import nosuch", ["3.6": "ModuleNotFoundError: No module named 'nosuch'",
                               "3.11": "ModuleNotFoundError: No module named 'nosuch'"]),
            ("import sys.foo", ["3.8": "ModuleNotFoundError: No module named 'sys.foo'; 'sys' is not a package",
                                "3.13": "ModuleNotFoundError: No module named 'sys.foo'; 'sys' is not a package"]),
        ]
        for (source, byVersion) in cases {
            for profile in Profile.all {
                guard let expected = byVersion[profile.version] else { continue }
                let r = Session(profile: profile).runInteractive(source + "\n")
                XCTAssertNil(r.unsupported, "\(source) on \(profile.version)")
                XCTAssertEqual(r.exception, expected, "\(source) on \(profile.version)")
            }
        }
    }

    /// The statement table of the support matrix agrees with the parser and compiler.
    func testStatementTableMatchesTheCompiler() {
        for s in SupportMatrix.statements {
            let r = Session(profile: .cpython313).runModule(s.example + "\n", filename: "<string>")
            XCTAssertEqual(r.unsupported == nil, s.accepted, "\(s.kind): \(String(describing: r.unsupported))")
        }
    }

    /// docs/support-matrix.md is `heapbook support-matrix`'s output.
    func testCommittedSupportMatrixIsFresh() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/support-matrix.md"), encoding: .utf8)
        XCTAssertEqual(committed, SupportMatrix.markdown(),
                       "docs/support-matrix.md is stale: run `heapbook support-matrix > docs/support-matrix.md`")
    }

    private func heapDecref(_ i: Interpreter, _ r: ObjectRef) { i.heap.decref(r) }

    /// Each statement, run after `setup` in a fresh session of every profile, is refused
    /// with a message naming `what`.
    func assertRefusedUnderEveryProfile(setup: [String], _ cases: [(String, String)],
                                        file: StaticString = #filePath, line: UInt = #line) {
        for profile in Profile.all {
            for (statement, what) in cases {
                let session = Session(profile: profile)
                var message: String?
                for source in setup + [statement] {
                    let r = session.runInteractive(source + "\n")
                    if let u = r.unsupported { message = u.fullMessage ?? u.construct; break }
                }
                XCTAssertTrue(message?.hasPrefix("heapbook does not model `\(what)`") ?? false,
                              "\(profile.version) \(statement): \(message ?? "not refused")", file: file, line: line)
            }
        }
    }
}
