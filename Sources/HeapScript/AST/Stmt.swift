/// A statement of heapbook's Python subset (a trimmed `Parser/Python.asdl`).
public struct Stmt: Sendable, Equatable {
    public var kind: StmtKind
    public var span: SourceSpan
    public init(_ kind: StmtKind, _ span: SourceSpan) { self.kind = kind; self.span = span }
}

public indirect enum StmtKind: Sendable, Equatable {
    case expr(Expr)
    /// `a = b = value`: targets left to right.
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinaryOp, value: Expr)
    /// `target: annotation [= value]` (AnnAssign). `simple`: the target is a name not in
    /// parentheses, whose annotation a module or class body stores in `__annotations__`.
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case delete([Expr])
    case pass
    case `break`
    case `continue`
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt])
    /// `returns`: the `-> expr` annotation.
    case functionDef(name: String, params: [Param], body: [Stmt], decorators: [Expr], returns: Expr?)
    case `return`(Expr?)
    case classDef(name: String, bases: [Expr], body: [Stmt], decorators: [Expr])
    case global([String])
    case nonlocal([String])
    /// `import a.b as c, d`
    case `import`([ImportAlias])
    /// `from module import a as b, c`
    case importFrom(module: String, names: [ImportAlias])
    case raise(Expr?, cause: Expr?)
    case `assert`(test: Expr, message: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case with(items: [WithItem], body: [Stmt])
}

extension Stmt {
    /// A def's annotations in the order compile.c evaluates them (and symtable.c visits
    /// them): the parameters' in source order (positional, *args, keyword-only, **kwargs),
    /// then the return annotation.
    public static func annotations(_ params: [Param], _ returns: Expr?) -> [Expr] {
        params.compactMap { $0.annotation } + [returns].compactMap { $0 }
    }

    /// compile.c's find_ann: an annotated assignment in the body, looking into compound
    /// statements but not into nested functions or classes. A module or class body with one
    /// starts with SETUP_ANNOTATIONS.
    public static func containsAnnotatedAssignment(_ body: [Stmt]) -> Bool {
        body.contains { s in
            switch s.kind {
            case .annAssign: return true
            case .for(_, _, let b, let o), .while(_, let b, let o), .if(_, let b, let o):
                return containsAnnotatedAssignment(b) || containsAnnotatedAssignment(o)
            case .with(_, let b): return containsAnnotatedAssignment(b)
            case .try(let b, let handlers, let o, let f):
                return handlers.contains { containsAnnotatedAssignment($0.body) } || containsAnnotatedAssignment(b)
                    || containsAnnotatedAssignment(f) || containsAnnotatedAssignment(o)
            default: return false
            }
        }
    }
}

public struct Param: Sendable, Equatable {
    /// `positionalOnly`: before a `/` (PEP 570, 3.8+); bound by position alone, its slots
    /// come first in co_varnames and count in both co_posonlyargcount and co_argcount.
    public enum Kind: Sendable { case positionalOnly, positional, varArgs, keywordOnly, varKeywords }
    public var name: String
    public var defaultValue: Expr?
    public var kind: Kind
    /// `name: annotation`, evaluated with the defaults when the `def` runs.
    public var annotation: Expr?
    public init(name: String, defaultValue: Expr? = nil, kind: Kind = .positional, annotation: Expr? = nil) {
        self.name = name; self.defaultValue = defaultValue; self.kind = kind; self.annotation = annotation
    }
}

public struct ImportAlias: Sendable, Equatable {
    public var name: String
    public var asName: String?
    public init(name: String, asName: String?) { self.name = name; self.asName = asName }
}

public struct ExceptHandler: Sendable, Equatable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var span: SourceSpan
    public init(type: Expr?, name: String?, body: [Stmt], span: SourceSpan) {
        self.type = type; self.name = name; self.body = body; self.span = span
    }
}

public struct WithItem: Sendable, Equatable {
    public var context: Expr
    public var target: Expr?
    public init(context: Expr, target: Expr?) { self.context = context; self.target = target }
}
