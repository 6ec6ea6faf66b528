/// Symbol tables for the subset (a small Python/symtable.c): which names of a function
/// are fast locals, which are globals, and which belong to an enclosing comprehension host.
struct Scope {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    /// Fast locals in co_varnames order (parameters first).
    var locals: [String] = []
    var localIndex: [String: Int] = [:]
    var declaredGlobal: Set<String> = []

    init(kind: Kind) { self.kind = kind }

    mutating func addLocal(_ name: String) {
        guard localIndex[name] == nil, !declaredGlobal.contains(name) else { return }
        localIndex[name] = locals.count
        locals.append(name)
    }

    /// Collects a function body's bound names in order of first binding (symtable order).
    static func function(params: [Param], body: [Stmt]) -> Scope {
        var scope = Scope(kind: .function)
        for stmt in body { collectGlobals(stmt, into: &scope.declaredGlobal) }
        for p in params { scope.addLocal(p.name) }
        for stmt in body { collectBindings(stmt, into: &scope) }
        return scope
    }

    static func collectGlobals(_ stmt: Stmt, into set: inout Set<String>) {
        switch stmt.kind {
        case .global(let names): set.formUnion(names)
        case .if(_, let b, let o), .while(_, let b, let o), .for(_, _, let b, let o):
            (b + o).forEach { collectGlobals($0, into: &set) }
        case .try(let b, let hs, let o, let f):
            (b + o + f + hs.flatMap({ $0.body })).forEach { collectGlobals($0, into: &set) }
        case .with(_, let b): b.forEach { collectGlobals($0, into: &set) }
        default: break
        }
    }

    static func collectBindings(_ stmt: Stmt, into scope: inout Scope) {
        // symtable.c: a `:=` target is a local of the function it is in, bound where the
        // statement evaluates it (before the statement's own targets).
        for n in statementExpressions(stmt).flatMap({ $0.namedExprTargets }) { scope.addLocal(n) }
        switch stmt.kind {
        case .assign(let targets, _): targets.forEach { bindTarget($0, into: &scope) }
        case .augAssign(let t, _, _): bindTarget(t, into: &scope)
        case .annAssign(let t, _, let value, let simple):
            // symtable.c: a simple name is a local even without a value (DEF_ANNOT |
            // DEF_LOCAL); another target only when a value is stored.
            if simple || value != nil { bindTarget(t, into: &scope) }
        case .delete(let ts): ts.forEach { bindTarget($0, into: &scope) }
        case .for(let t, _, let b, let o):
            bindTarget(t, into: &scope)
            (b + o).forEach { collectBindings($0, into: &scope) }
        case .if(_, let b, let o), .while(_, let b, let o):
            (b + o).forEach { collectBindings($0, into: &scope) }
        case .functionDef(let name, _, _, _, _), .classDef(let name, _, _, _): scope.addLocal(name)
        case .import(let aliases):
            for a in aliases { scope.addLocal(a.asName ?? String(a.name.split(separator: ".").first ?? "")) }
        case .importFrom(_, let aliases): for a in aliases { scope.addLocal(a.asName ?? a.name) }
        case .try(let b, let hs, let o, let f):
            b.forEach { collectBindings($0, into: &scope) }
            for h in hs {
                if let n = h.name { scope.addLocal(n) }
                h.body.forEach { collectBindings($0, into: &scope) }
            }
            (o + f).forEach { collectBindings($0, into: &scope) }
        case .with(let items, let b):
            items.compactMap({ $0.target }).forEach { bindTarget($0, into: &scope) }
            b.forEach { collectBindings($0, into: &scope) }
        default: break
        }
    }

    /// A statement's own expressions (not its nested blocks') in the order it evaluates them.
    static func statementExpressions(_ stmt: Stmt) -> [Expr] {
        switch stmt.kind {
        case .expr(let e), .return(let e?): return [e]
        case .assign(let targets, let value): return [value] + targets
        case .augAssign(let t, _, let v): return [t, v]
        case .annAssign(let t, let a, let v, _): return [v].compactMap { $0 } + [t, a]
        case .delete(let ts): return ts
        case .if(let test, _, _), .while(let test, _, _): return [test]
        case .for(let target, let iter, _, _): return [iter, target]
        case .functionDef(_, let params, _, let decorators, let returns):
            return decorators + params.compactMap { $0.defaultValue } + Stmt.annotations(params, returns)
        case .classDef(_, let bases, _, let decorators): return decorators + bases
        case .raise(let e, let cause): return [e, cause].compactMap { $0 }
        case .assert(let t, let m): return [t] + [m].compactMap { $0 }
        case .try(_, let handlers, _, _): return handlers.compactMap { $0.type }
        case .with(let items, _): return items.flatMap { [$0.context] + [$0.target].compactMap { $0 } }
        case .return(nil), .pass, .break, .continue, .global, .nonlocal, .import, .importFrom: return []
        }
    }

    static func bindTarget(_ e: Expr, into scope: inout Scope) {
        switch e.kind {
        case .name(let n): scope.addLocal(n)
        case .tuple(let es), .list(let es): es.forEach { bindTarget($0, into: &scope) }
        case .starred(let inner): bindTarget(inner, into: &scope)
        default: break
        }
    }
}
