import HeapEngine

extension Compiler {
    /// In `single` mode every expression statement of the module-level code prints, also
    /// inside `if`/`for`/`while` (the compiler's c_interactive), but not inside functions.
    func compileBlock(_ body: [Stmt]) throws -> Exec {
        let interactive = self.interactive && scope.kind == .module
        return Compiler.sequence(try body.map { try compileStmt($0, interactive: interactive) })
    }

    func compileStmt(_ stmt: Stmt, interactive: Bool) throws -> Exec {
        let line = stmt.span.line
        let interp = self.interp
        let inner = try compileStmtBody(stmt, interactive: interactive)
        return { f in
            f.line = line
            try interp.step()
            return try inner(f)
        }
    }

    private func compileStmtBody(_ stmt: Stmt, interactive: Bool) throws -> Exec {
        let interp = self.interp
        let heap = self.heap
        switch stmt.kind {
        case .expr(let e):
            let value = try compileExpr(e)
            if interactive {
                // PRINT_EXPR: sys.displayhook(value).
                return { f in
                    let v = try value(f)
                    defer { heap.decref(v) }
                    try interp.displayhook(v)
                    return .next
                }
            }
            return { f in heap.decref(try value(f)); return .next }

        case .assign(let targets, let valueExpr):
            let value = try compileExpr(valueExpr)
            let stores = try targets.map { try compileStore($0) }
            if stores.count == 1 {
                let store = stores[0]
                return { f in try store(f, try value(f)); return .next }
            }
            return { f in
                let v = try value(f)
                // DUP_TOP for each extra target: every store consumes one reference, also
                // when it fails; a failing store leaves the later targets' copies on the
                // stack, which unwinding releases.
                for _ in 1..<stores.count { heap.incref(v) }
                for (k, s) in stores.enumerated() {
                    do { try s(f, v) } catch {
                        for _ in (k + 1)..<stores.count { heap.decref(v) }
                        throw error
                    }
                }
                return .next
            }

        case .augAssign(let target, let op, let valueExpr):
            return try compileAugAssign(target, op, valueExpr)

        case .delete(let targets):
            let dels = try targets.map { try compileDelete($0) }
            return { f in for d in dels { _ = try d(f) }; return .next }

        case .pass: return { _ in .next }
        case .break: return { _ in .breakLoop }
        case .continue: return { _ in .continueLoop }

        case .if(let testExpr, let body, let orelse):
            let test = try compileCondition(testExpr)
            let thenBlock = try compileBlock(body)
            let elseBlock = try compileBlock(orelse)
            return { f in try test(f) ? try thenBlock(f) : try elseBlock(f) }

        case .while(let testExpr, let body, let orelse):
            let test = try compileCondition(testExpr)
            let block = try compileBlock(body)
            let elseBlock = try compileBlock(orelse)
            return { f in
                while try test(f) {
                    try interp.step()
                    switch try block(f) {
                    case .breakLoop: return .next
                    case .returned: return .returned
                    case .next, .continueLoop: interp.evalBreaker(); continue   // JUMP_BACKWARD
                    }
                }
                return try elseBlock(f)
            }

        case .for(let target, let iterExpr, let body, let orelse):
            let iterable = try compileExpr(iterExpr)
            let store = try compileStore(target)
            let block = try compileBlock(body)
            let elseBlock = try compileBlock(orelse)
            let line = stmt.span.line
            return { f in
                let it = try interp.getIterReleasing(try iterable(f))
                do {
                    // FOR_ITER is on the `for` line: "dictionary changed size during iteration"
                    // points there, not at the body's last statement.
                    while let item = try { f.line = line; return try interp.next(it) }() {
                        try interp.step()
                        try store(f, item)
                        switch try block(f) {
                        case .breakLoop: heap.decref(it); return .next
                        case .returned: heap.decref(it); return .returned
                        case .next, .continueLoop: interp.evalBreaker(); continue   // JUMP_BACKWARD
                        }
                    }
                } catch { heap.decref(it); throw error }
                // FOR_ITER pops the exhausted iterator before jumping to the `else` block
                // (ceval.c), so the block runs without it (measured on 3.6.15-3.13.0).
                heap.decref(it)
                return try elseBlock(f)
            }

        case .functionDef(let name, let params, let body, let decorators):
            guard decorators.isEmpty else { throw unsupported("decorators", stmt.span) }
            let make = try compileFunction(name: name, params: params, body: body, span: stmt.span)
            let store = try compileStore(Expr(.name(name), stmt.span))
            return { f in try store(f, try make(f)); return .next }

        case .return(let valueExpr):
            guard scope.kind == .function else {
                throw SyntaxError(.syntaxError, "'return' outside function", line: stmt.span.line, offset: stmt.span.column + 1)
            }
            let value = try valueExpr.map { try compileExpr($0) }
            return { f in
                f.returnValue = try value?(f) ?? heap.newNone()
                return .returned
            }

        case .classDef(let name, let bases, let body, let decorators):
            guard decorators.isEmpty else { throw unsupported("decorators", stmt.span) }
            let make = try compileClass(name: name, bases: bases, body: body, span: stmt.span)
            let store = try compileStore(Expr(.name(name), stmt.span))
            return { f in try store(f, try make(f)); return .next }

        case .global(let names):
            if scope.kind == .function {
                for n in names where scope.localIndex[n] != nil {
                    throw SyntaxError(.syntaxError, "name '\(n)' is assigned to before global declaration", line: stmt.span.line, offset: stmt.span.column + 1)
                }
            }
            return { _ in .next }

        case .nonlocal:
            throw unsupported("'nonlocal'", stmt.span)

        case .import(let aliases):
            var steps: [Exec] = []
            for alias in aliases {
                let moduleName = alias.name
                // IMPORT_NAME: level 0 and fromlist None are constants.
                _ = compilerConst(try interp.newInt(0))
                _ = compilerConst(heap.newNone())
                noteName(moduleName)
                let bound = alias.asName ?? String(moduleName.split(separator: ".").first!)
                let store = try compileStore(Expr(.name(bound), stmt.span))
                steps.append { f in try store(f, try interp.importModule(moduleName)); return .next }
            }
            return Compiler.sequence(steps)

        case .importFrom(let moduleName, let names):
            var steps: [Exec] = []
            _ = compilerConst(try interp.newInt(0))
            _ = compilerConst(try nameTuple(names.map({ $0.name })))
            noteName(moduleName)
            for alias in names {
                let attr = alias.name
                noteName(attr)
                let store = try compileStore(Expr(.name(alias.asName ?? attr), stmt.span))
                steps.append { f in
                    let module = try interp.importModule(moduleName)
                    defer { heap.decref(module) }
                    let value: ObjectRef
                    do { value = try interp.getAttr(module, attr) } catch let e as PyException {
                        interp.releaseException(e)
                        throw interp.error("ImportError", "cannot import name '\(attr)' from '\(moduleName)' (unknown location)")
                    }
                    try store(f, value)
                    return .next
                }
            }
            return Compiler.sequence(steps)

        case .raise(let excExpr, let cause):
            guard cause == nil else { throw unsupported("'raise ... from'", stmt.span) }
            guard let excExpr else {
                return { _ in throw interp.error("RuntimeError", "No active exception to reraise") }
            }
            let exc = try compileExpr(excExpr)
            return { f in throw try interp.makeRaise(try exc(f)) }

        case .assert(let testExpr, let messageExpr):
            let test = try compileCondition(testExpr)
            let message = try messageExpr.map { try compileExpr($0) }
            return { f in
                if try test(f) { return .next }
                let args: [ObjectRef] = try message.map { [try $0(f)] } ?? []
                throw try interp.raiseNew("AssertionError", args: args)
            }

        case .try:
            throw unsupported("'try'", stmt.span)
        case .with:
            throw unsupported("'with'", stmt.span)
        }
    }

    /// A condition in `if`/`while`: evaluates, tests truth, releases.
    func compileCondition(_ e: Expr) throws -> (Frame) throws -> Bool {
        let interp = self.interp, heap = self.heap
        let value = try compileExpr(e)
        return { f in
            let v = try value(f)
            defer { heap.decref(v) }
            return try interp.isTrue(v)
        }
    }

    func compileAugAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr) throws -> Exec {
        let interp = self.interp, heap = self.heap
        let value = try compileExpr(valueExpr)
        // The target's old value and the right-hand side are on the stack; BINARY_OP
        // (INPLACE_* before 3.11) releases both, the old value first then the operand, before
        // the result is stored (STORE_NAME/STORE_ATTR/STORE_SUBSCR). So a temporary operand is
        // freed before the store frees the old value (measured on 3.6.15-3.13.0 with float
        // free-list reuse, `Corpus/refcount/augassign_release_order.py`).
        func inplace(_ old: ObjectRef, _ f: Frame) throws -> ObjectRef {
            let rhs: ObjectRef
            do { rhs = try value(f) } catch { heap.decref(old); throw error }
            defer { heap.decref(old); heap.decref(rhs) }
            return try interp.inplaceOp(op, old, rhs)
        }
        switch target.kind {
        case .name:
            let load = try compileExpr(target)
            let store = try compileStore(target)
            return { f in
                try store(f, try inplace(try load(f), f))
                return .next
            }
        case .attribute(let objExpr, let attr):
            let obj = try compileExpr(objExpr)
            noteName(attr)
            return { f in
                let o = try obj(f)
                defer { heap.decref(o) }
                let result = try inplace(try interp.getAttr(o, attr), f)
                defer { heap.decref(result) }
                try interp.setAttr(o, attr, result)
                return .next
            }
        case .subscript(let objExpr, let indexExpr):
            let obj = try compileExpr(objExpr)
            let index = try compileExpr(indexExpr)
            return { f in
                let o = try obj(f)
                let i: ObjectRef
                do { i = try index(f) } catch { heap.decref(o); throw error }
                // STORE_SUBSCR releases the value, then the container, then the key.
                defer { heap.decref(o); heap.decref(i) }
                let result = try inplace(try interp.getItem(o, i), f)
                defer { heap.decref(result) }
                try interp.setItem(o, i, result)
                return .next
            }
        default:
            throw SyntaxError(.syntaxError, "'\(Compiler.describe(target))' is an illegal expression for augmented assignment", line: target.span.line, offset: target.span.column + 1)
        }
    }

    /// How CPython's compiler names an invalid target in "cannot assign to …".
    static func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .tuple: return "tuple"
        case .list: return "list"
        case .int, .bigInt, .float, .string, .bytes, .bool, .none, .ellipsis: return "literal"
        case .compare: return "comparison"
        default: return "expression"
        }
    }
}
