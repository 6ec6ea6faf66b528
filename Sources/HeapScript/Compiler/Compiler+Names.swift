import HeapEngine

/// Loads, stores and deletes of names, attributes and subscripts: LOAD_FAST / LOAD_NAME /
/// LOAD_GLOBAL and their STORE_/DELETE_ twins, resolved by the scope at compile time.
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

    func compileLoadName(_ name: String, _ span: SourceSpan) throws -> Eval {
        let interp = self.interp, heap = self.heap
        let key = interp.name(name)
        switch resolve(name) {
        case .fast(let i):
            return { f in
                guard let v = f.locals[i] else { throw interp.unboundLocal(name) }
                heap.incref(v)
                return v
            }
        case .enclosing(let depth, let i):
            return { f in
                var frame = f
                for _ in 0..<depth { frame = frame.parent! }
                guard let v = frame.locals[i] else {
                    throw interp.error("NameError", "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
                }
                heap.incref(v)
                return v
            }
        case .closure:
            throw closureRefusal(span)
        case .name:
            noteName(name)
            return { f in try interp.loadName(f, key, name) }
        case .global:
            noteName(name)
            return { f in try interp.loadGlobal(f.globals, key, name, frame: f) }
        }
    }

    /// A store consumes the value reference it is given.
    typealias Store = (Frame, ObjectRef) throws -> Void

    func compileStore(_ target: Expr) throws -> Store {
        let interp = self.interp, heap = self.heap
        switch target.kind {
        case .name(let name):
            let key = interp.name(name)
            switch storeAccess(name) {
            case .fast(let i):
                return { f, v in
                    let old = f.locals[i]
                    f.locals[i] = v
                    heap.xdecref(old)
                }
            case .enclosing:
                throw unsupported("assignment to an enclosing variable", target.span)
            case .closure:
                throw closureRefusal(target.span)
            case .name:
                noteName(name)
                return { f, v in
                    defer { heap.decref(v) }
                    try interp.dictSet(f.namespace!, key, v)
                }
            case .global:
                noteName(name)
                return { f, v in
                    defer { heap.decref(v) }
                    try interp.dictSet(f.globals, key, v)
                }
            }
        case .attribute(let objExpr, let attr):
            let obj = try compileExpr(objExpr)
            noteName(attr)
            return { f, v in
                defer { heap.decref(v) }
                let o = try obj(f)
                defer { heap.decref(o) }
                try interp.setAttr(o, attr, v)
            }
        case .subscript(let objExpr, let indexExpr):
            let obj = try compileExpr(objExpr)
            let index = try compileExpr(indexExpr)
            return { f, v in
                defer { heap.decref(v) }
                let o = try obj(f)
                defer { heap.decref(o) }
                let i = try index(f)
                defer { heap.decref(i) }
                try interp.setItem(o, i, v)
            }
        case .tuple(let elements), .list(let elements):
            if elements.contains(where: { if case .starred = $0.kind { return true }; return false }) {
                throw unsupported("starred assignment targets", target.span)
            }
            let stores = try elements.map { try compileStore($0) }
            let n = stores.count
            return { f, v in
                // UNPACK_SEQUENCE: the items are pushed, then the sequence is released (also
                // when unpacking raises). Each store consumes its item, also when it fails;
                // the items not yet stored are released by unwinding.
                let items: [ObjectRef]
                do { items = try interp.unpack(v, count: n) } catch { heap.decref(v); throw error }
                heap.decref(v)
                for k in 0..<n {
                    do { try stores[k](f, items[k]) } catch {
                        items[(k + 1)...].forEach(heap.decref)
                        throw error
                    }
                }
            }
        default:
            let what = Compiler.describe(target)
            let hint = what == "comparison" ? "" : " here. Maybe you meant '==' instead of '='?"
            throw SyntaxError(.syntaxError, "cannot assign to \(what)\(hint)", line: target.span.line, offset: target.span.column + 1)
        }
    }

    func compileDelete(_ target: Expr) throws -> Exec {
        let interp = self.interp, heap = self.heap
        switch target.kind {
        case .name(let name):
            let key = interp.name(name)
            switch storeAccess(name) {
            case .fast(let i):
                return { f in
                    guard let old = f.locals[i] else { throw interp.unboundLocal(name) }
                    f.locals[i] = nil
                    heap.decref(old)
                    return .next
                }
            case .name:
                noteName(name)
                return { f in try interp.dictDelName(f.namespace!, key, name); return .next }
            case .global:
                noteName(name)
                return { f in try interp.dictDelName(f.globals, key, name); return .next }
            case .enclosing:
                throw unsupported("deleting an enclosing variable", target.span)
            case .closure:
                throw closureRefusal(target.span)
            }
        case .attribute(let objExpr, let attr):
            let obj = try compileExpr(objExpr)
            noteName(attr)
            return { f in
                let o = try obj(f)
                defer { heap.decref(o) }
                try interp.delAttr(o, attr)
                return .next
            }
        case .subscript(let objExpr, let indexExpr):
            let obj = try compileExpr(objExpr)
            let index = try compileExpr(indexExpr)
            return { f in
                let o = try obj(f)
                defer { heap.decref(o) }
                let i = try index(f)
                defer { heap.decref(i) }
                try interp.delItem(o, i)
                return .next
            }
        case .tuple(let es), .list(let es):
            let dels = try es.map { try compileDelete($0) }
            return { f in for d in dels { _ = try d(f) }; return .next }
        default:
            throw SyntaxError(.syntaxError, "cannot delete \(Compiler.describe(target))", line: target.span.line, offset: target.span.column + 1)
        }
    }
}
