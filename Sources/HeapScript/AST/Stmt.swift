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
    case delete([Expr])
    case pass
    case `break`
    case `continue`
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt])
    case functionDef(name: String, params: [Param], body: [Stmt], decorators: [Expr])
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

public struct Param: Sendable, Equatable {
    public enum Kind: Sendable { case positional, varArgs, keywordOnly, varKeywords }
    public var name: String
    public var defaultValue: Expr?
    public var kind: Kind
    public init(name: String, defaultValue: Expr? = nil, kind: Kind = .positional) {
        self.name = name; self.defaultValue = defaultValue; self.kind = kind
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
