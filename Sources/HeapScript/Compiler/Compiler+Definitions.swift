import HeapEngine

/// `def`, `class` and comprehensions: each compiles a nested code object.
extension Compiler {
    /// MAKE_FUNCTION: the code object (a constant of the enclosing code) plus defaults.
    func compileFunction(name: String, params: [Param], body: [Stmt], span: SourceSpan) throws -> Eval {
        let interp = self.interp, heap = self.heap
        for p in params where p.kind != .positional {
            throw unsupported(p.kind == .varArgs ? "'*args' parameters" : p.kind == .varKeywords ? "'**kwargs' parameters" : "keyword-only parameters", span)
        }
        // The defaults are evaluated one by one and packed by BUILD_TUPLE; when all are
        // constants, that folds into one constant only as the enclosing code is assembled,
        // after this function's code object is made (so 3.11+ merge it with an equal
        // co_consts: `def f(a, b=None)` shares its `(None,)`).
        let defaultOperands = try params.compactMap({ $0.defaultValue }).map(compileOperand)
        let defaultEvals = defaultOperands.map({ $0.eval })
        var constantDefaults: TupleFold?
        if !defaultOperands.isEmpty, case let items = defaultOperands.compactMap({ $0.constant }), items.count == defaultOperands.count {
            constantDefaults = TupleFold(items: items)
            emittingCode.tupleFolds.append(constantDefaults!)
        }
        let qualname = (qualPrefix + [name]).joined(separator: ".")
        let code = CodeObject(kind: .function, name: name, qualname: qualname, filename: filename, firstLine: span.line)
        var fscope = Scope.function(params: params, body: body)
        fscope.declaredGlobal.subtract(params.map({ $0.name }))
        code.paramCount = params.count
        code.localNames = fscope.locals
        scopes.append(fscope)
        enterUnit(code)
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
        let codeRef = addConst(try makeCode(code))
        heap.decref(codeRef)   // addConst took its own reference; drop the creation one
        if interp.profile.qualnameIsConstant { _ = addConst(literal(try interp.newStr(qualname))) }
        return { f in
            let defaultsTuple: ObjectRef?
            if let constantDefaults {
                heap.incref(constantDefaults.tuple)
                defaultsTuple = constantDefaults.tuple
            } else {
                defaultsTuple = defaultEvals.isEmpty ? nil : try interp.newTuple(try evaluateAll(defaultEvals, f, heap))
            }
            return try interp.newFunction(codeRef: codeRef, globals: f.globals, defaults: defaultsTuple)
        }
    }

    /// LOAD_BUILD_CLASS: runs the body in a fresh namespace, then creates the type.
    func compileClass(name: String, bases: [Expr], body: [Stmt], span: SourceSpan) throws -> Eval {
        let interp = self.interp
        // compiler_class stores a leading string as the class's __doc__ (which the engine's
        // class has not: `C.__doc__` would not be CPython's): refused, not dropped.
        if case .expr(let first)? = body.first?.kind, case .string = first.kind {
            throw unsupported("class docstrings", span)
        }
        let baseEvals = try compileElements(bases)
        let qualname = (qualPrefix + [name]).joined(separator: ".")
        let code = CodeObject(kind: .classBody, name: name, qualname: qualname, filename: filename, firstLine: span.line)
        scopes.append(Scope(kind: .classBody))
        enterUnit(code)
        qualPrefix.append(name)
        // The body's prologue: __module__ = __name__, __qualname__ = 'C' (a constant), and on
        // 3.13 __firstlineno__.
        let staticNames = interp.profile.classStaticAttributes ? StaticAttributes.names(ofClassBody: body) : nil
        ["__name__", "__module__", "__qualname__"].forEach(noteName)
        _ = addConst(literal(try interp.newStr(qualname)))
        if staticNames != nil {
            noteName("__firstlineno__")
            _ = addConst(literal(try interp.newInt(span.line)))
        }
        let compiled = try compileBlock(body)
        // 3.13: __static_attributes__, a constant tuple of the names.
        var staticAttributes: ObjectRef?
        if let staticNames {
            noteName("__static_attributes__")
            staticAttributes = addConst(literal(try nameTuple(staticNames)))
        }
        qualPrefix.removeLast()
        codes.removeLast()
        scopes.removeLast()
        code.body = compiled
        let codeRef = addConst(try makeCode(code))
        interp.heap.decref(codeRef)
        return { f in
            try interp.buildClass(code: code, codeRef: codeRef, name: name, qualname: qualname, bases: try baseEvals(f),
                                  globals: f.globals, staticAttributes: staticAttributes)
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
        let codeName = switch result { case .list: "<listcomp>"; case .set: "<setcomp>"; case .dict: "<dictcomp>" }
        let code = CodeObject(kind: .comprehension, name: codeName, qualname: codeName, filename: filename, firstLine: e.span.line)
        var cscope = Scope(kind: .comprehension)
        for g in generators { Scope.bindTarget(g.target, into: &cscope) }
        code.localNames = cscope.locals
        let enclosing = self.code
        scopes.append(cscope)
        enterUnit(code)
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
            let valueFirst = interp.profile.dictComprehensionEvaluatesValueFirst
            add = { f, acc in
                let (first, second) = valueFirst ? (value, key) : (key, value)
                let a = try first(f)
                let b: ObjectRef
                do { b = try second(f) } catch { heap.decref(a); throw error }
                defer { heap.decref(a); heap.decref(b) }
                let (kr, vr) = valueFirst ? (b, a) : (a, b)
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
                    it = try interp.getIterReleasing(try iterEval(f))
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
        // Before 3.12 the comprehension is a nested function: its code object is a constant
        // of the enclosing code, and each run makes (and frees) a function object. 3.12+
        // inline it: its variables become hidden locals of the enclosing code.
        var codeRef: ObjectRef?
        var frameCode = code   // an equal code constant's, when merged (its zombie frame)
        if interp.profile.inlinesComprehensions {
            enclosing.hiddenLocals += code.localNames.filter { !enclosing.hiddenLocals.contains($0) }
        } else {
            let ref = addCodeConst(try makeCode(code), of: e, to: enclosing)
            heap.decref(ref)
            codeRef = ref
            frameCode = codeObject(ref)
            if interp.profile.qualnameIsConstant { _ = addConst(literal(try interp.newStr(codeName)), to: enclosing) }
        }
        return { f in
            // MAKE_FUNCTION, then the outermost iterable, then the call.
            let function = try codeRef.map { try interp.newFunction(codeRef: $0, globals: f.globals, defaults: nil) }
            defer { function.map(heap.decref) }
            let it = try interp.getIterReleasing(try firstIter(f))
            let frame = Frame(code: frameCode, globals: f.globals, namespace: nil, parent: f)
            if function != nil { interp.newFrameObject(frame) }
            frame.returnValue = it
            var keptByTraceback = false
            defer {
                heap.decref(it)
                for case let r? in frame.locals { heap.decref(r) }
                interp.deallocFrameObject(frame, keptByTraceback: keptByTraceback)
            }
            let acc = try makeResult()
            do { try run(frame, acc) } catch var e as PyException {
                heap.decref(acc)
                // Before 3.12 the comprehension ran in a frame of its own, which the traceback
                // lists (`<listcomp>`) and keeps alive: its `.0` iterator and variables, its
                // function from 3.11 (f_func), the globals before (f_globals).
                if let function {
                    interp.leaveFrame(&e, code: code, line: frame.line, function: codeName)
                    var kept = [it] + frame.locals.compactMap { $0 }
                    kept.append(interp.profile.lazyFrameObjects ? function : f.globals)
                    kept.forEach(heap.incref)
                    e.keptAlive += kept
                    keptByTraceback = true
                }
                throw e
            } catch var stop as RunStopped {
                heap.decref(acc)
                if function != nil { stop.traceback.append(TracebackEntry(filename: code.filename, line: frame.line, function: codeName)) }
                throw stop
            } catch { heap.decref(acc); throw error }
            return acc
        }
    }
}
