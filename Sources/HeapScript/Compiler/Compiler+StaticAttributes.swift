/// `__static_attributes__` (3.13, gh-115775): the compiler records, for each class, the names
/// assigned as `self.X` (a Store of an attribute of the plain name `self`) in any function
/// nested in its body — assignments, unpacking and `for` targets, inner functions too, but
/// not augmented assignments, `del`, or the class body itself — sorted. Checked on 3.13.0:
/// `self.b = 1; self.a = 2; self.q += 1; x, self.t = 1, 2; for self.u in []: ...;
/// del self.w; def inner(): self.n = 1` and `this.c = 1` give ('a', 'b', 'n', 't', 'u').
/// Only profiles with `Profile.classStaticAttributes` use them (they pre-fill the class's
/// shared keys and so size its instances' inline values).
enum StaticAttributes {
    static func names(ofClassBody body: [Stmt]) -> [String] {
        var names = Set<String>()
        func target(_ e: Expr) {
            switch e.kind {
            case .attribute(let obj, let attr):
                if case .name("self") = obj.kind { names.insert(attr) }
            case .tuple(let items), .list(let items):
                items.forEach(target)
            case .starred(let inner):
                target(inner)
            default:
                break
            }
        }
        func walk(_ stmts: [Stmt], inFunction: Bool) {
            for s in stmts {
                switch s.kind {
                case .assign(let targets, _):
                    if inFunction { targets.forEach(target) }
                case .for(let t, _, let body, let orelse):
                    if inFunction { target(t) }
                    walk(body, inFunction: inFunction); walk(orelse, inFunction: inFunction)
                case .if(_, let body, let orelse), .while(_, let body, let orelse):
                    walk(body, inFunction: inFunction); walk(orelse, inFunction: inFunction)
                case .annAssign(let t, _, let value, _):
                    // compiler_annassign visits the target as a store only with a value.
                    if inFunction && value != nil { target(t) }
                case .functionDef(_, _, let body, _, _):
                    walk(body, inFunction: true)
                case .try(let body, let handlers, let orelse, let finalbody):
                    walk(body, inFunction: inFunction)
                    for h in handlers { walk(h.body, inFunction: inFunction) }
                    walk(orelse, inFunction: inFunction); walk(finalbody, inFunction: inFunction)
                case .with(let items, let body):
                    if inFunction { items.compactMap({ $0.target }).forEach(target) }
                    walk(body, inFunction: inFunction)
                default:
                    break   // a nested class collects its own names
                }
            }
        }
        walk(body, inFunction: false)
        return names.sorted { Array($0.unicodeScalars.map({ $0.value })).lexicographicallyPrecedes($1.unicodeScalars.map({ $0.value })) }
    }
}
