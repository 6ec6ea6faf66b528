import BigInt

/// An expression of heapbook's Python subset (a trimmed `Parser/Python.asdl`).
public struct Expr: Sendable, Equatable {
    public var kind: ExprKind
    public var span: SourceSpan
    public init(_ kind: ExprKind, _ span: SourceSpan) { self.kind = kind; self.span = span }
}

public indirect enum ExprKind: Sendable, Equatable {
    // MARK: Literals
    /// An int literal that fits in Int; `bigInt` otherwise (underscores removed, any base decoded).
    case int(Int)
    case bigInt(BigInt)
    case float(Double)
    /// An imaginary literal (`2.5j`): its imaginary part (a complex constant, real part 0.0).
    case imaginary(Double)
    /// A str literal after escapes are decoded and adjacent literals concatenated.
    case string(String)
    case bytes([UInt8])
    /// An f-string: literal text and `{expr!c}` fields (no format specs in the subset).
    case fstring([FStringPart])
    case bool(Bool)
    case none
    case ellipsis

    // MARK: Names and displays
    case name(String)
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    case dict([DictItem])

    // MARK: Comprehensions
    case listComp(element: Expr, generators: [Comprehension])
    case setComp(element: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(element: Expr, generators: [Comprehension])

    // MARK: Operations
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    /// Only valid as the index of `subscript`.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    case call(Expr, args: [Expr], keywords: [Keyword])
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    /// `a and b and c` / `a or b`: two or more operands.
    case boolOp(BoolOp, [Expr])
    /// `a < b <= c`: one or more (operator, operand) pairs.
    case compare(Expr, [Comparison])
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `*x` inside a call's arguments or a display.
    case starred(Expr)
    case lambda(params: [Param], body: Expr)
    /// `yield` / `yield x` (the value nil for a bare `yield`) and `yield from x`.
    case yield(Expr?)
    case yieldFrom(Expr)
    /// `name := value` (NamedExpr, 3.8+): the target is a `.name` expression.
    case namedExpr(target: Expr, value: Expr)
}

extension Expr {
    /// The targets of the `:=` in this expression, in the order they are evaluated, not
    /// looking into lambdas (their own scope); comprehensions' are refused by the compiler.
    public var namedExprTargets: [String] {
        var out: [String] = []
        func visit(_ e: Expr) {
            switch e.kind {
            case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis, .name, .lambda: break
            case .fstring(let parts): for case .field(let x, _, _) in parts { visit(x) }
            case .tuple(let xs), .list(let xs), .set(let xs), .boolOp(_, let xs): xs.forEach(visit)
            case .dict(let items): for i in items { i.key.map(visit); visit(i.value) }
            case .listComp(let el, let gs), .setComp(let el, let gs), .generatorExp(let el, let gs):
                for g in gs { visit(g.iter); g.ifs.forEach(visit) }
                visit(el)
            case .dictComp(let k, let v, let gs):
                for g in gs { visit(g.iter); g.ifs.forEach(visit) }
                visit(k); visit(v)
            case .attribute(let x, _), .starred(let x), .unary(_, let x), .yieldFrom(let x): visit(x)
            case .subscript(let a, let b), .binary(_, let a, let b): visit(a); visit(b)
            case .slice(let a, let b, let c): [a, b, c].compactMap({ $0 }).forEach(visit)
            case .call(let f, let args, let kws): visit(f); args.forEach(visit); kws.forEach { visit($0.value) }
            case .compare(let a, let rest): visit(a); rest.forEach { visit($0.operand) }
            case .ifExp(let t, let b, let o): visit(t); visit(b); visit(o)
            case .yield(let x): x.map(visit)
            case .namedExpr(let t, let v):
                visit(v)
                if case .name(let n) = t.kind { out.append(n) }
            }
        }
        visit(self)
        return out
    }
}

/// One `op operand` link of a comparison chain.
public struct Comparison: Sendable, Equatable {
    public var op: CompareOp
    public var operand: Expr
    public init(_ op: CompareOp, _ operand: Expr) { self.op = op; self.operand = operand }
}

public enum FStringPart: Sendable, Equatable {
    case literal(String)
    /// `conversion` is "r", "s", "a" or nil; `spec` the format spec after ':' (a constant:
    /// a spec with fields of its own is refused), nil without ':'.
    case field(Expr, conversion: Character?, spec: String?)
}

public struct DictItem: Sendable, Equatable {
    /// nil for `**mapping` unpacking.
    public var key: Expr?
    public var value: Expr
    public init(key: Expr?, value: Expr) { self.key = key; self.value = value }
}

public struct Comprehension: Sendable, Equatable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public init(target: Expr, iter: Expr, ifs: [Expr]) {
        self.target = target; self.iter = iter; self.ifs = ifs
    }
}

public struct Keyword: Sendable, Equatable {
    /// nil for `**kwargs`.
    public var name: String?
    public var value: Expr
    public init(name: String?, value: Expr) { self.name = name; self.value = value }
}

public enum UnaryOp: String, Sendable { case negate = "-", plus = "+", not = "not", invert = "~" }

public enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case lshift = "<<", rshift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^", matMul = "@"
}

public enum BoolOp: String, Sendable { case and, or }

public enum CompareOp: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}
