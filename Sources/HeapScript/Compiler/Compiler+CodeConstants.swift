import HeapEngine

// Code objects as constants of the enclosing code (Python/compile.c, compiler_add_const and
// merge_consts_recursive; Objects/codeobject.c, code_richcompare).
//
// CPython 3.6, 3.8, 3.12 and 3.13 merge equal code objects in co_consts: two comprehensions
// or lambdas on one line that compile to the same code share one code object, the second
// made and dropped at once (`compile("[i for i in range(3)]; [i for i in range(3)]", ...)`
// has one `<listcomp>` code constant on 3.6.15 and 3.8.18; `lambda: 1; lambda: 1` one code
// constant on 3.12.1 and 3.13.0, two on 3.11.7, whose code objects also compare positions).
// Before 3.11 that shares the code's zombie frame too (Heap+FrameObjects.swift), so the
// second comprehension's frame costs generation 0 nothing.
//
// Code objects compare equal when their name, first line, bytecode, constants and names do.
// The engine says so when the two expressions' syntax trees are equal but for positions: a
// sufficient test. Equal code from different trees (`lambda: 2` and `lambda: 1 + 1`, folded)
// is not merged; where that could change the count (a frame object kept or not), the count
// is treated as possibly one off.

extension Compiler {
    /// `addConst(made)` for the code object `made` of the comprehension or lambda `e`,
    /// merged with an equal code constant of `target` where the profile merges them. Same
    /// ownership as `addConst` (the caller then drops its creation reference of the result).
    func addCodeConst(_ made: ObjectRef, of e: Expr, to target: CodeObject? = nil) -> ObjectRef {
        let unit = target ?? code
        guard interp.profile.mergesEqualCodeConstants else { return addConst(made, to: unit) }
        let key = e.withoutPositions
        if let twin = unit.codeConstants.first(where: { $0.line == e.span.line && $0.expr == key }) {
            heap.incref(twin.ref)      // stands for the creation reference the caller drops
            heap.decref(made)          // the duplicate CPython drops at once
            unit.constUses[twin.ref, default: 0] += 1
            return twin.ref
        }
        if !interp.profile.lazyFrameObjects, unit.codeConstants.contains(where: { $0.line == e.span.line }) {
            heap.countMayDiffer(by: 1)
        }
        let ref = addConst(made, to: unit)
        unit.codeConstants.append((e.span.line, key, ref))
        return ref
    }
}

extension Compiler {
    /// The code object `ref` is.
    func codeObject(_ ref: ObjectRef) -> CodeObject {
        guard case .native(let o) = heap.payload[Int(ref)], let code = o as? CodeObject else { preconditionFailure("not code") }
        return code
    }
}

extension Expr {
    /// The expression with every position zeroed: equal for two spellings of the same tree.
    var withoutPositions: Expr {
        Expr(kind.withoutPositions, SourceSpan(line: 0, column: 0))
    }
}

extension ExprKind {
    var withoutPositions: ExprKind {
        func p(_ e: Expr) -> Expr { e.withoutPositions }
        func ps(_ es: [Expr]) -> [Expr] { es.map(p) }
        func gens(_ gs: [Comprehension]) -> [Comprehension] {
            gs.map { Comprehension(target: p($0.target), iter: p($0.iter), ifs: ps($0.ifs)) }
        }
        switch self {
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis, .name: return self
        case .fstring(let parts):
            return .fstring(parts.map { part in
                if case .field(let x, let c, let spec) = part { return .field(p(x), conversion: c, spec: spec) }
                return part
            })
        case .tuple(let xs): return .tuple(ps(xs))
        case .list(let xs): return .list(ps(xs))
        case .set(let xs): return .set(ps(xs))
        case .dict(let items): return .dict(items.map { DictItem(key: $0.key.map(p), value: p($0.value)) })
        case .listComp(let el, let g): return .listComp(element: p(el), generators: gens(g))
        case .setComp(let el, let g): return .setComp(element: p(el), generators: gens(g))
        case .dictComp(let k, let v, let g): return .dictComp(key: p(k), value: p(v), generators: gens(g))
        case .generatorExp(let el, let g): return .generatorExp(element: p(el), generators: gens(g))
        case .attribute(let x, let n): return .attribute(p(x), n)
        case .subscript(let x, let i): return .subscript(p(x), p(i))
        case .slice(let a, let b, let c): return .slice(lower: a.map(p), upper: b.map(p), step: c.map(p))
        case .call(let f, let args, let kws):
            return .call(p(f), args: ps(args), keywords: kws.map { Keyword(name: $0.name, value: p($0.value)) })
        case .unary(let op, let x): return .unary(op, p(x))
        case .binary(let op, let a, let b): return .binary(op, p(a), p(b))
        case .boolOp(let op, let xs): return .boolOp(op, ps(xs))
        case .compare(let a, let rest): return .compare(p(a), rest.map { Comparison($0.op, p($0.operand)) })
        case .ifExp(let t, let b, let o): return .ifExp(test: p(t), body: p(b), orelse: p(o))
        case .starred(let x): return .starred(p(x))
        case .lambda(let params, let body):
            return .lambda(params: params.map { Param(name: $0.name, defaultValue: $0.defaultValue.map(p), kind: $0.kind) },
                           body: p(body))
        case .yield(let x): return .yield(x.map(p))
        case .yieldFrom(let x): return .yieldFrom(p(x))
        case .namedExpr(let t, let v): return .namedExpr(target: t, value: p(v))
        }
    }
}
