import HeapEngine

/// How a name is reached: LOAD_FAST / LOAD_NAME / LOAD_GLOBAL and their STORE_/DELETE_
/// twins, resolved by the scope at compile time (the code generator's `emitLoadName`,
/// `emitStore` and `emitDelete` emit them).
extension Compiler {
    /// `closure`: a free variable bound in an enclosing function, which CPython reads
    /// through a cell (LOAD_DEREF / LOAD_CLASSDEREF). The engine has no cells yet, so it
    /// refuses such a name rather than answer with a global lookup's NameError. (A class
    /// body's own bindings are not collected, so its load of a name that both it and an
    /// enclosing function bind is refused too, where CPython would LOAD_NAME.)
    enum NameAccess { case fast(Int), name, global, enclosing(depth: Int, index: Int), closure }

    func resolve(_ name: String) -> NameAccess {
        let s = scope
        switch s.kind {
        case .module: return .name
        case .classBody:
            return boundInEnclosingFunction(name, outside: scopes.count - 1) ? .closure : .name
        case .function:
            if let i = s.localIndex[name] { return .fast(i) }
            if s.declaredGlobal.contains(name) { return .global }
            return boundInEnclosingFunction(name, outside: scopes.count - 1) ? .closure : .global
        case .comprehension:
            if let i = s.localIndex[name] { return .fast(i) }
            // A free variable of the comprehension: a local of the comprehensions around
            // it, or of the function running them, is read from that frame.
            var depth = 0
            for k in stride(from: scopes.count - 2, through: 0, by: -1) {
                let outer = scopes[k]
                depth += 1
                switch outer.kind {
                case .comprehension, .function:
                    if let i = outer.localIndex[name] { return .enclosing(depth: depth, index: i) }
                    if outer.kind == .function {
                        if outer.declaredGlobal.contains(name) { return .global }
                        return boundInEnclosingFunction(name, outside: k) ? .closure : .global
                    }
                case .module, .classBody: return .global
                }
            }
            return .global
        }
    }

    /// Whether a function enclosing `scopes[index]` binds `name` (symtable.c's analyze_name:
    /// a name bound in an enclosing function scope is free; class scopes in between are
    /// skipped, the module scope ends the search, a `global` declaration stops it).
    func boundInEnclosingFunction(_ name: String, outside index: Int) -> Bool {
        for k in stride(from: index - 1, through: 0, by: -1) {
            let outer = scopes[k]
            switch outer.kind {
            case .module: return false
            case .classBody: continue
            case .function, .comprehension:
                if outer.localIndex[name] != nil { return true }
                if outer.declaredGlobal.contains(name) { return false }
            }
        }
        return false
    }

    /// How a store or delete reaches `name`: a class body binds in its own namespace
    /// (STORE_NAME) even when an enclosing function binds the same name.
    func storeAccess(_ name: String) -> NameAccess {
        let access = resolve(name)
        if case .closure = access, scope.kind == .classBody { return .name }
        return access
    }

    func closureRefusal(_ span: SourceSpan) -> UnsupportedConstruct {
        unsupported("closures over an enclosing function's variables", span)
    }
}
