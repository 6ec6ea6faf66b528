import XCTest
@testable import HeapScript

/// The parser puts every expression where CPython 3.11.7's does (lineno, col_offset,
/// end_lineno, end_col_offset): tracebacks draw their carets from these positions.
/// Expected values: `scripts/measure/ast-positions.py` run by CPython 3.11.7 over the corpus
/// (Corpus/ast-positions.txt).
final class NodePositionTests: XCTestCase {
    func testCorpusExpressionPositionsAreCPythons() throws {
        let root = try DifferentialTests.corpusRoot()
        let table = try String(contentsOf: root.appendingPathComponent("ast-positions.txt"), encoding: .utf8)
        var expected: [String: [String]] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1)
            expected[String(fields[0]), default: []].append(String(fields[1]))
        }
        XCTAssertGreaterThan(expected.count, 150)
        var compared = 0
        for (file, want) in expected.sorted(by: { $0.key < $1.key }) {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let body: [Stmt]
            do { body = try Parser.parseModule(source) } catch { continue }   // outside the subset
            var got: [String] = []
            for s in body { NodePositionTests.collect(s, into: &got) }
            var missing = want, extra: [String] = []
            for g in got {
                if let i = missing.firstIndex(of: g) { missing.remove(at: i) } else { extra.append(g) }
            }
            XCTAssert(missing.isEmpty && extra.isEmpty, "\(file): CPython has \(missing.sorted()), the parser \(extra.sorted())")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 150)
    }

    static func line(_ type: String, _ s: SourceSpan) -> String {
        "\(type) \(s.line) \(s.column) \(s.endLine) \(s.endColumn)"
    }

    static func collect(_ s: Stmt, into out: inout [String]) {
        func e(_ x: Expr) { collect(x, into: &out) }
        func b(_ xs: [Stmt]) { xs.forEach { collect($0, into: &out) } }
        func params(_ ps: [Param]) { ps.compactMap(\.defaultValue).forEach(e); ps.compactMap(\.annotation).forEach(e) }
        switch s.kind {
        case .expr(let x): e(x)
        case .assign(let ts, let v): ts.forEach(e); e(v)
        case .augAssign(let t, _, let v): e(t); e(v)
        case .annAssign(let t, let a, let v, _): e(t); e(a); v.map(e)
        case .delete(let ts): ts.forEach(e)
        case .pass, .break, .continue, .global, .nonlocal, .import, .importFrom: break
        case .if(let t, let body, let orelse), .while(let t, let body, let orelse): e(t); b(body); b(orelse)
        case .for(let t, let i, let body, let orelse): e(t); e(i); b(body); b(orelse)
        case .functionDef(_, let ps, let body, let decorators, let returns): decorators.forEach(e); params(ps); returns.map(e); b(body)
        case .return(let v): v.map(e)
        case .classDef(_, let bases, let body, let decorators): decorators.forEach(e); bases.forEach(e); b(body)
        case .raise(let x, let cause): x.map(e); cause.map(e)
        case .assert(let t, let m): e(t); m.map(e)
        case .try(let body, let handlers, let orelse, let finalbody):
            b(body); for h in handlers { h.type.map(e); b(h.body) }; b(orelse); b(finalbody)
        case .with(let items, let body): for i in items { e(i.context); i.target.map(e) }; b(body)
        }
    }

    static func collect(_ x: Expr, into out: inout [String]) {
        func e(_ x: Expr) { collect(x, into: &out) }
        func gens(_ gs: [Comprehension]) { for g in gs { e(g.target); e(g.iter); g.ifs.forEach(e) } }
        let type: String
        switch x.kind {
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: type = "Constant"
        case .fstring(let parts):
            type = "JoinedStr"
            for case .field(let f, _, _) in parts { e(f) }
        case .name: type = "Name"
        case .tuple(let xs): type = "Tuple"; xs.forEach(e)
        case .list(let xs): type = "List"; xs.forEach(e)
        case .set(let xs): type = "Set"; xs.forEach(e)
        case .dict(let items): type = "Dict"; for i in items { i.key.map(e); e(i.value) }
        case .listComp(let el, let gs): type = "ListComp"; e(el); gens(gs)
        case .setComp(let el, let gs): type = "SetComp"; e(el); gens(gs)
        case .dictComp(let k, let v, let gs): type = "DictComp"; e(k); e(v); gens(gs)
        case .generatorExp(let el, let gs): type = "GeneratorExp"; e(el); gens(gs)
        case .attribute(let o, _): type = "Attribute"; e(o)
        case .subscript(let o, let i): type = "Subscript"; e(o); e(i)
        case .slice(let l, let u, let st): type = "Slice"; l.map(e); u.map(e); st.map(e)
        case .call(let f, let args, let kws): type = "Call"; e(f); args.forEach(e); kws.forEach { e($0.value) }
        case .unary(_, let o): type = "UnaryOp"; e(o)
        case .binary(_, let l, let r): type = "BinOp"; e(l); e(r)
        case .boolOp(_, let xs): type = "BoolOp"; xs.forEach(e)
        case .compare(let f, let rest): type = "Compare"; e(f); rest.forEach { e($0.operand) }
        case .ifExp(let t, let b, let o): type = "IfExp"; e(t); e(b); e(o)
        case .starred(let o): type = "Starred"; e(o)
        case .lambda(let ps, let body): type = "Lambda"; ps.compactMap(\.defaultValue).forEach(e); e(body)
        case .yield(let v): type = "Yield"; v.map(e)
        case .yieldFrom(let v): type = "YieldFrom"; e(v)
        case .namedExpr(let t, let v): type = "NamedExpr"; e(t); e(v)
        }
        out.append(line(type, x.span))
    }
}
