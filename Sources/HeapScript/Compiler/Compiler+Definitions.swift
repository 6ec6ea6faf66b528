import HeapEngine

/// `def`, `class` and comprehensions: each compiles a nested code object.
extension Compiler {
    /// MAKE_FUNCTION: the code object (a constant of the enclosing code) plus defaults.
    func compileFunction(name: String, params: [Param], body: [Stmt], span: SourceSpan) throws -> Eval {
        let interp = self.interp, heap = self.heap
        for p in params where p.kind != .positional {
            throw unsupported(p.kind == .varArgs ? "'*args' parameters" : p.kind == .varKeywords ? "'**kwargs' parameters" : "keyword-only parameters", span)
        }
        let defaults = try compileElements(params.compactMap(\.defaultValue))
        let hasDefaults = params.contains { $0.defaultValue != nil }
        let qualname = (qualPrefix + [name]).joined(separator: ".")
        let code = CodeObject(kind: .function, name: name, qualname: qualname, filename: filename, firstLine: span.line)
        var fscope = Scope.function(params: params, body: body)
        fscope.declaredGlobal.subtract(params.map(\.name))
        code.paramCount = params.count
        code.localNames = fscope.locals
        scopes.append(fscope)
        codes.append(code)
        qualPrefix.append(name)
        qualPrefix.append("<locals>")
        // The docstring slot: CPython 3.11 puts the docstring (or None) first in co_consts.
        if case .expr(let first)? = body.first?.kind, case .string = first.kind {
            _ = addConst(try foldConstant(first)!)
        } else {
            _ = addConst(literal(heap.newNone()))
        }
        let compiled = try compileBlock(body)
        qualPrefix.removeLast(2)
        codes.removeLast()
        scopes.removeLast()
        code.body = compiled
        let codeRef = addConst(try interp.newCodeObject(code))
        heap.decref(codeRef)   // addConst took its own reference; drop the creation one
        return { f in
            let defaultsTuple: ObjectRef? = hasDefaults ? try interp.newTuple(try defaults(f)) : nil
            return try interp.newFunction(codeRef: codeRef, globals: f.globals, defaults: defaultsTuple)
        }
    }

    /// LOAD_BUILD_CLASS: runs the body in a fresh namespace, then creates the type.
    func compileClass(name: String, bases: [Expr], body: [Stmt], span: SourceSpan) throws -> Eval {
        let interp = self.interp
        let baseEvals = try compileElements(bases)
        let qualname = (qualPrefix + [name]).joined(separator: ".")
        let code = CodeObject(kind: .classBody, name: name, qualname: qualname, filename: filename, firstLine: span.line)
        scopes.append(Scope(kind: .classBody))
        codes.append(code)
        qualPrefix.append(name)
        let compiled = try compileBlock(body)
        qualPrefix.removeLast()
        codes.removeLast()
        scopes.removeLast()
        code.body = compiled
        let codeRef = addConst(try interp.newCodeObject(code))
        interp.heap.decref(codeRef)
        let staticAttributes = interp.profile.classStaticAttributes ? StaticAttributes.names(ofClassBody: body) : []
        return { f in
            try interp.buildClass(code: code, name: name, qualname: qualname, bases: try baseEvals(f), globals: f.globals,
                                  staticAttributes: staticAttributes)
        }
    }

    /// List/set/dict comprehensions. 3.11 runs them as nested functions; heapbook runs
    /// them in a frame of their own (their names do not leak) without the function object.
    func compileComprehension(_ e: Expr) throws -> Eval {
        let interp = self.interp, heap = self.heap
        let generators: [Comprehension]
        enum Result { case list(Expr), set(Expr), dict(Expr, Expr) }
        let result: Result
        switch e.kind {
        case .listComp(let el, let gens): result = .list(el); generators = gens
        case .setComp(let el, let gens): result = .set(el); generators = gens
        case .dictComp(let k, let v, let gens): result = .dict(k, v); generators = gens
        default: fatalError("not a comprehension")
        }
        // The outermost iterable is evaluated in the enclosing scope.
        let firstIter = try compileExpr(generators[0].iter)
        let code = CodeObject(kind: .comprehension, name: "<listcomp>", qualname: "<listcomp>", filename: filename, firstLine: e.span.line)
        var cscope = Scope(kind: .comprehension)
        for g in generators { Scope.bindTarget(g.target, into: &cscope) }
        code.localNames = cscope.locals
        scopes.append(cscope)
        codes.append(code)
        defer { codes.removeLast(); scopes.removeLast() }

        // Innermost action: add the element(s) to the result container (LIST_APPEND etc.).
        typealias Action = (Frame, ObjectRef) throws -> Void
        let add: Action
        switch result {
        case .list(let el):
            let value = try compileExpr(el)
            add = { f, acc in try interp.listAppendStealing(acc, try value(f)) }
        case .set(let el):
            let value = try compileExpr(el)
            add = { f, acc in
                let v = try value(f)
                defer { heap.decref(v) }
                try interp.setAdd(acc, v)
            }
        case .dict(let k, let v):
            let key = try compileExpr(k), value = try compileExpr(v)
            add = { f, acc in
                let kr = try key(f)
                let vr = try value(f)
                defer { heap.decref(kr); heap.decref(vr) }
                try interp.dictSet(acc, kr, vr)
            }
        }
        // Build the loops from the inside out.
        var body: Action = add
        for (index, g) in generators.enumerated().reversed() {
            let store = try compileStore(g.target)
            let conditions = try g.ifs.map { try compileCondition($0) }
            let inner = body
            let iterEval: Eval? = index == 0 ? nil : try compileExpr(g.iter)
            body = { f, acc in
                let it: ObjectRef
                if let iterEval {
                    let seq = try iterEval(f)
                    it = try interp.getIter(seq)
                    heap.decref(seq)
                } else {
                    it = f.returnValue   // the iterator handed in by the caller
                }
                defer { if iterEval != nil { heap.decref(it) } }
                while let item = try interp.next(it) {
                    try interp.step()
                    try store(f, item)
                    var keep = true
                    for c in conditions where !(try c(f)) { keep = false; break }
                    if keep { try inner(f, acc) }
                    interp.evalBreaker()   // JUMP_BACKWARD (3.12+ inlined comprehensions)
                }
            }
        }
        let run = body
        let makeResult: () throws -> ObjectRef
        switch result {
        case .list: makeResult = { try interp.newList([], extend: false) }
        case .set: makeResult = { try interp.newSet([]) }
        case .dict: makeResult = { try interp.newDict() }
        }
        return { f in
            let seq = try firstIter(f)
            let it = try interp.getIter(seq)
            heap.decref(seq)
            let frame = Frame(code: code, globals: f.globals, namespace: nil, parent: f)
            frame.returnValue = it
            let acc = try makeResult()
            defer {
                heap.decref(it)
                for case let r? in frame.locals { heap.decref(r) }
            }
            do { try run(frame, acc) } catch { heap.decref(acc); throw error }
            return acc
        }
    }
}
