/// Generates random programs in heapbook's subset (docs/DESIGN.md §4) that stress memory
/// behaviour: allocations of every container kind, aliasing, mutation, `del`, functions,
/// classes (with and without `__del__`), reference cycles, `gc.collect()`,
/// `sys.getsizeof`, `sys.getrefcount` of objects the program created, `is`, `==`, `id`
/// equality.
///
/// Programs are deterministic: program `index` of seed `seed` is the same on every run
/// and machine (own PRNG, no hashing of Swift values). Outputs never depend on what
/// CPython leaves to chance: no reprs that show addresses (a value is echoed only while
/// nothing reachable from it is an instance, function or class), no sets of strings (hash
/// randomisation), no refcounts of objects CPython shares with its start-up state.
public struct ProgramGenerator: Sendable {
    public var seed: UInt64
    /// Statements per program (besides the two imports).
    public var length: ClosedRange<Int> = 6...28

    public init(seed: UInt64) { self.seed = seed }

    public func program(_ index: Int) -> Program {
        var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        _ = rng.next()
        var state = State()
        var statements: [Program.Statement] = [.simple("import sys"), .simple("import gc")]
        let count = length.lowerBound + rng.below(length.count)
        for _ in 0..<count { statements.append(contentsOf: state.statement(&rng)) }
        return Program(statements: statements)
    }

    // MARK: - Model of the program's objects

    enum Kind: Equatable { case list, dict, set, tuple, int, str, float, instance, function, klass, none, generator }

    struct Object {
        var kind: Kind
        /// Its repr shows an address (instance, function, class).
        var opaque: Bool
        /// Objects it refers to (for printability).
        var contents: Set<Int> = []
        /// Made by the program at run time (its refcount means something).
        var owned: Bool
        /// Only ints inside (so sorting and set membership are safe).
        var intsOnly: Bool
    }

    struct State {
        var objects: [Object] = []
        var names: [(name: String, object: Int)] = []
        var classes: [(name: String, hasDel: Bool)] = []
        /// `positionalOnly`: the parameter `a` is positional-only (`def f(a, /)`, 3.8+), so
        /// its calls never pass it as a keyword.
        var functions: [(name: String, kind: Kind, positionalOnly: Bool)] = []
        var counter = 0

        mutating func fresh(_ prefix: String) -> String { counter += 1; return "\(prefix)\(counter)" }

        mutating func make(_ kind: Kind, opaque: Bool = false, contents: Set<Int> = [], owned: Bool = true,
                           intsOnly: Bool = false) -> Int {
            objects.append(Object(kind: kind, opaque: opaque, contents: contents, owned: owned, intsOnly: intsOnly))
            return objects.count - 1
        }

        mutating func bind(_ name: String, _ object: Int) {
            names.removeAll { $0.name == name }
            names.append((name, object))
        }

        func printable(_ object: Int) -> Bool {
            var seen: Set<Int> = []
            var stack = [object]
            while let o = stack.popLast() {
                guard seen.insert(o).inserted else { continue }
                if objects[o].opaque { return false }
                stack.append(contentsOf: objects[o].contents)
            }
            return true
        }

        func named(_ kinds: [Kind]) -> [(name: String, object: Int)] {
            names.filter { kinds.contains(objects[$0.object].kind) }
        }

        mutating func pickName(_ rng: inout SplitMix64, _ kinds: [Kind]) -> (name: String, object: Int)? {
            let pool = named(kinds)
            return pool.isEmpty ? nil : rng.pick(pool)
        }

        // MARK: Statements

        mutating func statement(_ rng: inout SplitMix64) -> [Program.Statement] {
            let roll = rng.below(100)
            switch roll {
            case 0..<22: return [allocate(&rng)]
            case 22..<28: return alias(&rng)
            case 28..<42: return mutate(&rng)
            case 42..<48: return remove(&rng)
            case 48..<72: return observe(&rng)
            case 72..<78: return [.simple("gc.collect()")]
            case 78..<83: return defineFunction(&rng)
            case 83..<88: return defineClass(&rng)
            case 88..<94: return cycle(&rng)
            default: return loop(&rng)
            }
        }

        /// An expression for a new object, and that object.
        mutating func newValue(_ rng: inout SplitMix64) -> (String, Int) {
            let n = rng.below(40)
            switch rng.below(14) {
            case 0: return (rng.pick(["[]", "[1, 2, 3]", "[None] * \(n)", "list(range(\(n)))"]), make(.list, intsOnly: true))
            case 1: return ("[i for i in range(\(n))]", make(.list, intsOnly: true))
            case 2: return ("[[] for i in range(\(n))]", make(.list))
            case 3:
                let parts = (0..<(1 + rng.below(3))).compactMap { _ in pickName(&rng, [.list, .dict, .tuple, .int, .str, .instance]) }
                // Sometimes a sequence's items are unpacked into the display (`[*x, y]`):
                // the new list holds them, not the sequence.
                if rng.chance(25), let x = pickName(&rng, [.list, .tuple]) {
                    let items = objects[x.object].contents
                    return ("[*" + x.name + parts.map { ", " + $0.name }.joined() + "]",
                            make(.list, contents: items.union(parts.map(\.object))))
                }
                return ("[" + parts.map(\.name).joined(separator: ", ") + "]", make(.list, contents: Set(parts.map(\.object))))
            case 4: return (rng.pick(["{}", "{'a': 1, 'b': 2}", "{i: i * 2 for i in range(\(n))}", "dict()"]), make(.dict))
            case 5:
                if let x = pickName(&rng, [.list, .int, .str, .instance, .tuple]) {
                    if rng.chance(25), let d = pickName(&rng, [.dict]) {
                        return ("{**\(d.name), 'k': \(x.name)}", make(.dict, contents: objects[d.object].contents.union([x.object])))
                    }
                    return ("{'k': \(x.name)}", make(.dict, contents: [x.object]))
                }
                return ("{'k': \(n)}", make(.dict))
            case 6: return (rng.pick(["set()", "{1, 2, 3}", "set(range(\(n)))", "{i % 7 for i in range(\(n))}"]), make(.set, intsOnly: true))
            case 7:
                let parts = (0..<rng.below(3)).compactMap { _ in pickName(&rng, [.list, .dict, .int, .instance]) }
                if parts.isEmpty { return (rng.pick(["()", "(1, 2)", "tuple(range(\(n)))", "(\(n),)"]), make(.tuple, owned: false)) }
                return ("(" + parts.map(\.name).joined(separator: ", ") + (parts.count == 1 ? ",)" : ")"),
                        make(.tuple, contents: Set(parts.map(\.object))))
            case 8: return (rng.pick(["'abc' * \(n)", "'x' + str(\(n))", "str(\(n * 1000 + 7))", "'hello'"]), make(.str, owned: false))
            case 9: return (rng.pick(["\(n)", "\(n * 1000 + 257)", "2 ** \(60 + n)", "-\(n * 37)", "\(n) * 1000"]), make(.int, owned: false))
            case 10: return (rng.pick(["1.5", "\(n) / 4", "float(\(n))"]), make(.float, owned: false))
            case 12:
                // A generator expression over a named sequence (it holds that sequence's
                // iterator) or a range.
                if let x = pickName(&rng, [.list, .tuple, .str]) {
                    let element = rng.pick(["x", "[x]", "(x, \(n))"])
                    return ("(\(element) for x in \(x.name))", make(.generator, opaque: true, contents: [x.object]))
                }
                return (rng.pick(["(i * i for i in range(\(n)))", "(i for i in range(\(n)) if i % 3)"]),
                        make(.generator, opaque: true))
            case 11:
                if let c = classes.isEmpty ? nil : rng.pick(classes) {
                    let arg = pickName(&rng, [.list, .dict, .int, .instance])
                    let obj = make(.instance, opaque: true, contents: arg.map { [$0.object] } ?? [])
                    return ("\(c.name)(\(arg?.name ?? String(n)))", obj)
                }
                return ("object()", make(.instance, opaque: true))
            default:
                if let f = functions.isEmpty ? nil : rng.pick(functions) {
                    let arg = pickName(&rng, [.list, .dict, .int, .instance, .tuple])
                    return ("\(f.name)(\(callArguments(&rng, arg?.name ?? String(n), positionalOnly: f.positionalOnly)))", make(f.kind, opaque: f.kind == .generator, contents: arg.map { [$0.object] } ?? []))
                }
                return ("[\(n)]", make(.list, intsOnly: true))
            }
        }

        mutating func allocate(_ rng: inout SplitMix64) -> Program.Statement {
            let (expr, object) = newValue(&rng)
            let name = names.count > 6 && rng.chance(30) ? rng.pick(names).name : fresh("v")
            bind(name, object)
            // An annotated assignment also stores into `__annotations__` (SETUP_ANNOTATIONS).
            if rng.chance(10) { return .simple("\(name): \(rng.pick(["object", "list", "'T'"])) = \(expr)") }
            return .simple("\(name) = \(expr)")
        }

        mutating func alias(_ rng: inout SplitMix64) -> [Program.Statement] {
            guard let x = names.isEmpty ? nil : rng.pick(names) else { return [allocate(&rng)] }
            let name = rng.chance(40) && names.count > 2 ? rng.pick(names).name : fresh("v")
            bind(name, x.object)
            return [.simple("\(name) = \(x.name)")]
        }

        mutating func mutate(_ rng: inout SplitMix64) -> [Program.Statement] {
            guard let x = pickName(&rng, [.list, .dict, .set, .instance]) else { return [allocate(&rng)] }
            let kind = objects[x.object].kind
            let value = rng.chance(50) ? pickName(&rng, [.list, .dict, .int, .str, .instance, .tuple]) : nil
            let valueText = value?.name ?? String(rng.below(300))
            func add() {
                if let value { objects[x.object].contents.insert(value.object) }
                if value.map({ objects[$0.object].kind != .int }) ?? false { objects[x.object].intsOnly = false }
            }
            switch kind {
            case .list:
                switch rng.below(9) {
                case 0, 1: add(); return [.simple("\(x.name).append(\(valueText))")]
                case 2: return [.simple("\(x.name).extend(range(\(rng.below(20))))")]
                case 3: add(); return [.simple("\(x.name).insert(0, \(valueText))")]
                case 4: let t = fresh("t"); bind(t, make(.none, opaque: true)); return [.simple("\(t) = \(x.name).pop()")]
                case 5: return [.simple("del \(x.name)[0]")]
                case 6: return [.simple("\(x.name).clear()")]
                case 7: add(); return [.simple("\(x.name)[0] = \(valueText)")]
                default: return [.simple("\(x.name) += [\(rng.below(9))] * \(rng.below(12))")]
                }
            case .dict:
                let key = rng.pick(["'a'", "'k'", "'z'", String(rng.below(20))])
                switch rng.below(6) {
                case 0, 1, 2: add(); return [.simple("\(x.name)[\(key)] = \(valueText)")]
                case 3: return [.simple("del \(x.name)[\(key)]")]
                case 4: return [.simple("\(x.name).clear()")]
                default: return [.simple("\(x.name).update({i: i for i in range(\(rng.below(12)))})")]
                }
            case .set:
                switch rng.below(4) {
                case 0, 1: return [.simple("\(x.name).add(\(rng.below(50)))")]
                case 2: return [.simple("\(x.name).discard(\(rng.below(50)))")]
                default: return [.simple("\(x.name).clear()")]
                }
            default:
                let attr = rng.pick(["a", "b", "other"])
                if rng.chance(20) { return [.simple("del \(x.name).\(attr)")] }
                add()
                return [.simple("\(x.name).\(attr) = \(valueText)")]
            }
        }

        mutating func remove(_ rng: inout SplitMix64) -> [Program.Statement] {
            guard let x = names.isEmpty ? nil : rng.pick(names) else { return [allocate(&rng)] }
            names.removeAll { $0.name == x.name }
            return [.simple("del \(x.name)")]
        }

        mutating func observe(_ rng: inout SplitMix64) -> [Program.Statement] {
            guard let x = names.isEmpty ? nil : rng.pick(names) else { return [allocate(&rng)] }
            let object = objects[x.object]
            let other = rng.pick(names)
            if object.kind == .generator && rng.chance(60) {
                // Drive the generator: one step, all of it, or close it.
                switch rng.below(5) {
                case 0: return [.simple("next(\(x.name), None) is None")]
                case 1: return [.simple("len(list(\(x.name)))")]
                case 2: return [.simple("sum(1 for _ in \(x.name))")]
                case 3: return [.simple("any(v is None for v in \(x.name))")]
                default: return [.simple("\(x.name).close()")]
                }
            }
            switch rng.below(12) {
            case 0, 1, 2:
                // An instance's __dict__: split, combined or inline depending on the version.
                if object.kind == .instance && rng.chance(40) { return [.simple("sys.getsizeof(\(x.name).__dict__)")] }
                return [.simple("sys.getsizeof(\(x.name))")]
            case 3, 4:
                guard object.owned, [.list, .dict, .set, .instance].contains(object.kind) else {
                    return [.simple("sys.getsizeof(\(x.name))")]
                }
                return [.simple("sys.getrefcount(\(x.name))")]
            case 5: return [.simple("\(x.name) is \(other.name)")]
            case 6: return [.simple("id(\(x.name)) == id(\(other.name))")]
            case 7:
                guard printable(x.object), printable(other.object) else { return [.simple("\(x.name) is \(other.name)")] }
                return [.simple("\(x.name) == \(other.name)")]
            case 8:
                guard [.list, .dict, .set, .tuple, .str].contains(object.kind) else { return [.simple("gc.is_tracked(\(x.name))")] }
                return [.simple(rng.chance(50) ? "len(\(x.name))" : "print(f'{len(\(x.name))} items')")]
            case 9: return [.simple("gc.is_tracked(\(x.name))")]
            case 10:
                guard printable(x.object) else { return [.simple("type(\(x.name)) is list")] }
                return [.simple(x.name)]
            default:
                return [.simple("gc.collect()")]
            }
        }

        /// The one argument (the parameter `a`) of a call of a generated function: mostly as
        /// it is, sometimes unpacked (CALL_FUNCTION_EX; 3.6/3.8's BUILD_*_UNPACK_WITH_CALL).
        /// A positional-only `a` is never passed as `**{'a': ...}` (a TypeError).
        func callArguments(_ rng: inout SplitMix64, _ arg: String, positionalOnly: Bool = false) -> String {
            guard rng.chance(25) else { return arg }
            if positionalOnly { return rng.pick(["*[\(arg)]", "*(\(arg),)", "\(arg), *[]"]) }
            return rng.pick(["*[\(arg)]", "*(\(arg),)", "**{'a': \(arg)}", "\(arg), *[]", "*[], **{'a': \(arg)}"])
        }

        mutating func defineFunction(_ rng: inout SplitMix64) -> [Program.Statement] {
            let name = fresh("f")
            let bodies: [(String, Kind, [String])] = [
                ("(a, b=None)", .list, ["c = [a, b]", "return c"]),
                ("(a)", .list, ["items = [a]", "items.append(items)", "return items"]),
                ("(a)", .dict, ["d = {'x': a}", "d['self'] = d", "return d"]),
                ("(a)", .list, ["tmp = [a] * 3", "return tmp[:2]"]),
                ("(a, n=3)", .list, ["out = []", "for i in range(n):\n    out.append([i, a])", "return out"]),
                ("(a)", .generator, ["yield a", "yield [a]"]),
                ("(a, n=3)", .generator, ["for i in range(n):\n    yield [i, a]", "return n"]),
            ]
            var (params, kind, body) = rng.pick(bodies)
            // Annotations: a dict (3.6, 3.8) or a tuple turned into a dict on first use (3.10+).
            if rng.chance(25) {
                let annotated = ["(a, b=None)": "(a: object, b: object = None)", "(a)": "(a: object)", "(a, n=3)": "(a: object, n: int = 3)"]
                params = (annotated[params] ?? params) + " -> \(rng.pick(["list", "'R'", "None"]))"
            }
            // Positional-only parameters (PEP 570: a SyntaxError on 3.6, where the run is
            // refused from here on): `a` before a `/`.
            let positionalOnly = rng.chance(15)
            if positionalOnly, let end = params.firstIndex(where: { $0 == "," || $0 == ")" }) {
                params.insert(contentsOf: ", /", at: end)
            }
            functions.append((name, kind, positionalOnly))
            var statements = [Program.Statement.compound("def \(name)\(params):", body)]
            if rng.chance(20) { statements.append(.simple("len(\(name).__annotations__)")) }
            bind(name, make(.function, opaque: true, owned: true))
            if rng.chance(70) {
                let v = fresh("v")
                let arg = pickName(&rng, [.list, .int, .instance, .dict])
                bind(v, make(kind, opaque: kind == .generator, contents: arg.map { [$0.object] } ?? []))
                statements.append(.simple("\(v) = \(name)(\(callArguments(&rng, arg?.name ?? "1", positionalOnly: positionalOnly)))"))
            }
            return statements
        }

        mutating func defineClass(_ rng: inout SplitMix64) -> [Program.Statement] {
            let name = "C\(classes.count)"
            let hasDel = rng.chance(40)
            var body = ["def __init__(self, v):\n    self.v = v\n    self.other = None"]
            if rng.chance(30) { body.insert(rng.chance(50) ? "count: int = 0" : "count = 0", at: 0) }
            if hasDel { body.append("def __del__(self):\n    print('del \(name)')") }
            if rng.chance(30) { body.append("def link(self, other):\n    self.other = other\n    other.other = self") }
            classes.append((name, hasDel))
            bind(name, make(.klass, opaque: true, owned: false))
            return [.compound("class \(name):", body)]
        }

        mutating func cycle(_ rng: inout SplitMix64) -> [Program.Statement] {
            if let a = pickName(&rng, [.instance]), let b = pickName(&rng, [.instance]) {
                objects[a.object].contents.insert(b.object); objects[b.object].contents.insert(a.object)
                return [.simple("\(a.name).other = \(b.name)"), .simple("\(b.name).other = \(a.name)")]
            }
            if let x = pickName(&rng, [.list]) {
                objects[x.object].contents.insert(x.object); objects[x.object].intsOnly = false
                return [.simple("\(x.name).append(\(x.name))")]
            }
            if let x = pickName(&rng, [.dict]) {
                objects[x.object].contents.insert(x.object)
                return [.simple("\(x.name)['self'] = \(x.name)")]
            }
            let v = fresh("v")
            bind(v, make(.list))
            return [.simple("\(v) = []"), .simple("\(v).append(\(v))")]
        }

        mutating func loop(_ rng: inout SplitMix64) -> [Program.Statement] {
            guard let x = pickName(&rng, [.list, .dict, .set]) else { return [allocate(&rng)] }
            let n = rng.below(30)
            switch objects[x.object].kind {
            case .list: return [.compound("for i in range(\(n)):", ["\(x.name).append(i)"])]
            case .dict: return [.compound("for i in range(\(n)):", ["\(x.name)[i] = [i]"])]
            default: return [.compound("for i in range(\(n)):", ["\(x.name).add(i * \(1 + rng.below(5)))"])]
            }
        }
    }
}
