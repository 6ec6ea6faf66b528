import HeapEngine

// Python/symtable.c's free/cell analysis (analyze_block, analyze_cells, update_symbols) and
// Python/compile.c's compiler_make_closure for the code generator: which of a function's
// names live in cells (co_cellvars: bound here, used by a nested function) and which come
// from the function's closure (co_freevars: used here or by a nested function, bound in an
// enclosing function). Class bodies are not part of it: a class body or a method using an
// enclosing function's variable (LOAD_CLASSDEREF, a class cell) resolves to `.closure` and
// stays refused, and so does a comprehension using a cell (the engine's comprehension reads
// the enclosing frame's slots, not cells).

/// The closure analysis of one function or lambda.
struct ClosureAnalysis {
    /// Fast locals (parameters first), `nonlocal` names removed.
    var scope: Scope
    /// co_cellvars: locals a nested function uses, sorted (dictbytype sorts them).
    var cells: [String]
    /// co_freevars, sorted.
    var frees: [String]

    /// Names a function nested in this one may capture (its `env`).
    var captureEnv: Set<String> = []
    /// The body yields: calling the function makes a generator.
    var isGenerator = false

    /// `env`: the names bound in the enclosing functions (and visible: not declared global
    /// on the way), which a use here may refer to. Refuses what the analysis does not cover
    /// (a `nonlocal` without a binding, whose SyntaxError is not modelled; a function or
    /// lambda in a comprehension).
    init(params: [Param], body: [Stmt], env: Set<String>) throws(UnsupportedConstruct) {
        var walker = ClosureWalker()
        try walker.walk(body)
        let nonlocals = walker.nonlocals, uses = walker.uses, children = walker.children
        for (n, span) in walker.nonlocalSpans where !env.contains(n) {
            throw UnsupportedConstruct("'nonlocal \(n)' without a binding in an enclosing function", line: span.line, column: span.column)
        }
        if let span = walker.classCellSpans.first {
            // A comprehension's own frame (3.11) or its enclosing one (3.12+ inline it) would
            // be the one zero-argument super() reads.
            throw UnsupportedConstruct("super() or __class__ in a comprehension", line: span.line, column: span.column)
        }
        var s = Scope.function(params: params, body: body)
        for (n, span) in walker.annotatedNames where nonlocals.contains(n) || s.declaredGlobal.contains(n) {
            // symtable.c's "annotated name 'x' can't be global" (or nonlocal): not modelled.
            throw UnsupportedConstruct("an annotated name declared global or nonlocal", line: span.line, column: span.column)
        }
        if let n = ["super", "__class__"].first(where: { s.localIndex[$0] != nil || nonlocals.contains($0) || s.declaredGlobal.contains($0) }) {
            throw UnsupportedConstruct("binding the name '\(n)' in a function", line: body.first?.span.line ?? 0, column: 0)
        }
        if !nonlocals.isEmpty {
            var filtered = Scope(kind: .function)
            filtered.declaredGlobal = s.declaredGlobal
            for n in s.locals where !nonlocals.contains(n) { filtered.addLocal(n) }
            s = filtered
        }
        let locals = Set(s.locals)
        let visible = env.subtracting(s.declaredGlobal)
        let childEnv = visible.union(locals)
        var childFrees: Set<String> = []
        for child in children {
            childFrees.formUnion(try ClosureAnalysis(params: child.params, body: child.body, env: childEnv).frees)
        }
        for (n, span) in walker.comprehensionTargets where childEnv.contains(n) {
            throw UnsupportedConstruct("a comprehension variable shadowing a closure variable", line: span.line, column: span.column)
        }
        scope = s
        cells = locals.intersection(childFrees).sorted()
        var free = uses.union(childFrees).subtracting(locals).subtracting(s.declaredGlobal).intersection(visible)
        free.formUnion(nonlocals)
        frees = free.sorted()
        captureEnv = childEnv
        isGenerator = walker.yields
    }
}

/// Collects a function body's name uses, `nonlocal` declarations and nested functions,
/// without entering nested function or class bodies (their defaults, decorators and bases
/// are evaluated here).
struct ClosureWalker {
    var uses: Set<String> = []
    var nonlocals: Set<String> = []
    /// Where each name annotated as a simple target (`x: int`) was first annotated.
    var annotatedNames: [String: SourceSpan] = [:]
    /// Where each `nonlocal` name was first declared.
    var nonlocalSpans: [String: SourceSpan] = [:]
    var children: [(params: [Param], body: [Stmt])] = []
    /// Each comprehension variable and where it is bound.
    var comprehensionTargets: [String: SourceSpan] = [:]
    /// A `yield` of this function (not of a nested one): it is a generator (CO_GENERATOR).
    var yields = false
    /// Where a comprehension of this function uses `super` or `__class__`.
    var classCellSpans: [SourceSpan] = []
    private var inComprehension = 0

    mutating func walk(_ body: [Stmt]) throws(UnsupportedConstruct) { for s in body { try walk(s) } }

    mutating func walk(_ s: Stmt) throws(UnsupportedConstruct) {
        switch s.kind {
        case .expr(let e): try walk(e)
        case .assign(let targets, let value): for t in targets { try walk(t) }; try walk(value)
        case .augAssign(let t, _, let v): try walk(t); try walk(v)
        case .annAssign(let t, let annotation, let v, let simple):
            // symtable.c visits the annotation wherever it is (a use, even in a function,
            // where it is never evaluated); a simple name is bound as a local.
            if simple, case .name(let n) = t.kind, annotatedNames[n] == nil { annotatedNames[n] = s.span }
            if case .name = t.kind, !simple, v == nil {} else { try walk(t) }
            try walk(annotation)
            if let v { try walk(v) }
        case .delete(let ts): for t in ts { try walk(t) }
        case .pass, .break, .continue, .global, .import: break
        case .importFrom: break
        case .nonlocal(let names):
            nonlocals.formUnion(names)
            for n in names where nonlocalSpans[n] == nil { nonlocalSpans[n] = s.span }
        case .if(let t, let b, let o), .while(let t, let b, let o): try walk(t); try walk(b); try walk(o)
        case .for(let t, let i, let b, let o): try walk(t); try walk(i); try walk(b); try walk(o)
        case .functionDef(_, let params, let body, let decorators, let returns):
            for d in decorators { try walk(d) }
            for a in Stmt.annotations(params, returns) { try walk(a) }
            try function(params, body, s.span)
        case .classDef(_, let bases, _, let decorators):
            for e in decorators + bases { try walk(e) }
        case .return(let v): if let v { try walk(v) }
        case .raise(let e, let cause): if let e { try walk(e) }; if let cause { try walk(cause) }
        case .assert(let t, let m): try walk(t); if let m { try walk(m) }
        case .try(let body, let handlers, let orelse, let finalbody):
            try walk(body)
            for h in handlers {
                if let t = h.type { try walk(t) }
                if let n = h.name { try walk(Expr(.name(n), h.span)) }
                try walk(h.body)
            }
            try walk(orelse); try walk(finalbody)
        case .with(let items, let body):
            for i in items {
                try walk(i.context)
                if let t = i.target { try walk(t) }
            }
            try walk(body)
        }
    }

    private mutating func function(_ params: [Param], _ body: [Stmt], _ span: SourceSpan) throws(UnsupportedConstruct) {
        if inComprehension > 0 { throw UnsupportedConstruct("a function or lambda in a comprehension", line: span.line, column: span.column) }
        for p in params { if let d = p.defaultValue { try walk(d) } }
        children.append((params, body))
    }

    mutating func walk(_ e: Expr) throws(UnsupportedConstruct) {
        switch e.kind {
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: break
        case .name(let n):
            uses.insert(n)
            // symtable_visit_expr: a use of `super` counts as a use of `__class__`, which a
            // method gets from its class body's cell (co_freevars).
            if n == "super" { uses.insert("__class__") }
            if inComprehension > 0, n == "super" || n == "__class__" { classCellSpans.append(e.span) }
        case .fstring(let parts): for case .field(let x, _, _) in parts { try walk(x) }
        case .tuple(let xs), .list(let xs), .set(let xs), .boolOp(_, let xs): for x in xs { try walk(x) }
        case .dict(let entries): for d in entries { if let k = d.key { try walk(k) }; try walk(d.value) }
        case .attribute(let x, _), .unary(_, let x), .starred(let x): try walk(x)
        case .subscript(let a, let b), .binary(_, let a, let b): try walk(a); try walk(b)
        case .slice(let a, let b, let c): for x in [a, b, c].compactMap({ $0 }) { try walk(x) }
        case .call(let f, let args, let kws): try walk(f); for a in args { try walk(a) }; for k in kws { try walk(k.value) }
        case .compare(let first, let rest): try walk(first); for r in rest { try walk(r.operand) }
        case .ifExp(let t, let b, let o): try walk(t); try walk(b); try walk(o)
        case .lambda(let params, let body):
            try function(params, [Stmt(.return(body), body.span)], e.span)
        case .yield(let value):
            if inComprehension > 0 { throw UnsupportedConstruct("'yield' in a comprehension", line: e.span.line, column: e.span.column) }
            yields = true
            if let value { try walk(value) }
        case .yieldFrom(let value):
            if inComprehension > 0 { throw UnsupportedConstruct("'yield' in a comprehension", line: e.span.line, column: e.span.column) }
            yields = true
            try walk(value)
        case .namedExpr(let target, let value):
            // In a comprehension the target binds in this function (PEP 572's scoping:
            // `Scope.collectBindings` makes it a local here); `CodeGen.emitComprehensionNamedExpr`
            // refuses what the engine does not model of it.
            try walk(value); try walk(target)
        case .generatorExp where inComprehension > 0:
            // Its qualname and closure would pass through the comprehension, which the
            // engine's comprehensions (reading the enclosing frame, not cells) cannot give it.
            throw UnsupportedConstruct("a generator expression inside a comprehension", line: e.span.line, column: e.span.column)
        case .generatorExp(let el, let gens):
            // Its first iterable is evaluated here; the rest runs in the generator's own
            // function, which reads this function's variables through cells.
            try walk(gens[0].iter)
            try function([Param(name: ".0")], CodeGen.generatorBody(el, gens), e.span)
        case .listComp(let el, let gens), .setComp(let el, let gens):
            try comprehension([el], gens)
        case .dictComp(let k, let v, let gens): try comprehension([k, v], gens)
        }
    }

    private mutating func comprehension(_ elements: [Expr], _ gens: [Comprehension]) throws(UnsupportedConstruct) {
        inComprehension += 1
        defer { inComprehension -= 1 }
        for g in gens {
            var targets = ClosureWalker()
            try targets.walk(g.target)
            for n in targets.uses where comprehensionTargets[n] == nil { comprehensionTargets[n] = g.target.span }
            try walk(g.iter)
            for i in g.ifs { try walk(i) }
        }
        for x in elements { try walk(x) }
    }
}

extension CodeGen {
    /// A generator expression as the function CPython compiles it to, for the closure
    /// analysis: `def <genexpr>(.0): for target in .0: [if test:] ... yield element`.
    static func generatorBody(_ element: Expr, _ gens: [Comprehension]) -> [Stmt] {
        var body = [Stmt(.expr(Expr(.yield(element), element.span)), element.span)]
        for (i, g) in gens.enumerated().reversed() {
            for test in g.ifs.reversed() { body = [Stmt(.if(test: test, body: body, orelse: []), test.span)] }
            let iter = i == 0 ? Expr(.name(".0"), g.iter.span) : g.iter
            body = [Stmt(.for(target: g.target, iter: iter, body: body, orelse: []), g.target.span)]
        }
        return body
    }

    /// The names a function nested in the current unit may capture (empty at module level
    /// and in class bodies).
    var captureEnv: Set<String> { unit.captureEnv }

    /// Lays out a function's cells and free variables after its fast locals (3.11's
    /// localsplus: a cell for a parameter stays in the parameter's slot) and records which
    /// slot each deref name has. Cells are made in 3.11's MAKE_CELL order (by slot) or, before
    /// 3.11, in co_cellvars order (sorted by name, _PyEval_MakeFrameVector's loop).
    func layOutClosure(_ analysis: ClosureAnalysis, _ code: CodeObject, _ u: Unit) {
        var names = analysis.scope.locals
        var slotOf: [String: Int] = [:]
        for n in analysis.cells {
            if let i = analysis.scope.localIndex[n] { slotOf[n] = i } else { slotOf[n] = names.count; names.append(n) }
        }
        for n in analysis.frees { slotOf[n] = names.count; names.append(n) }
        code.localNames = names
        code.freeCount = analysis.frees.count
        let cellSlots = analysis.cells.map { slotOf[$0]! }
        code.cellSlots = interp.profile.lazyFrameObjects ? cellSlots.sorted() : cellSlots
        u.deref = slotOf
        u.cellSlots = Set(cellSlots)
        u.captureEnv = analysis.captureEnv
    }

    /// compiler_make_closure: LOAD_CLOSURE of each of the nested code's free variables (a
    /// new reference to this frame's cell), packed in a tuple for MAKE_FUNCTION's 0x08.
    func emitClosureTuple(_ frees: [String], at span: SourceSpan) throws {
        for n in frees {
            if n == "__class__" && unit.isClassBody {
                // compiler_make_closure in a class body: the body's `__class__` cell, its only
                // cell (slot 0), which makes the body return it (`emitClass`). A function
                // nested in a method gets the method's free variable, like any other.
                unit.needsClassCell = true
                emit(.LOAD_CLOSURE, .value(0))
                continue
            }
            guard let slot = unit.deref[n] else { throw c.unsupported("a free variable without a cell", span) }
            emit(.LOAD_CLOSURE, .value(Int32(slot)))
        }
        emit(.BUILD_TUPLE, .value(Int32(frees.count)))
    }

    /// The deref slot of `name` in the current unit, if it is a cell or free variable.
    func derefSlot(_ name: String) -> Int32? { unit.deref[name].map { Int32($0) } }

    /// A comprehension reading a slot that holds a cell: refused (see the file comment).
    func refuseIfCellSlot(depth: Int, index: Int, _ span: SourceSpan) throws {
        if units[units.count - 1 - depth].cellSlots.contains(index) { throw c.closureRefusal(span) }
        // A generator expression outlives the frame around it: CPython reads that frame's
        // variable through a cell (LOAD_DEREF of a closure), which the engine's comprehensions
        // do not make.
        if (0..<depth).contains(where: { units[units.count - 1 - $0].isGeneratorExpression }) {
            throw c.unsupported("a generator expression using a variable of the function around it", span)
        }
    }

    /// A docstring's statement: from 3.13 the compiler strips the common indentation of its
    /// lines (_PyCompile_CleanDoc), which the engine does not do, so a multi-line one is
    /// refused there.
    func checkDocstring(_ doc: Expr) throws {
        if case .string(let text) = doc.kind, text.contains("\n"), interp.profile.minor >= 13, !interp.makingFinalizeClass, !interp.makingFutureModule {
            throw c.unsupported("multi-line docstrings", doc.span)
        }
    }

    /// compiler_decorators / compiler_apply_decorators: each decorator is called with what
    /// the ones below it returned, the innermost (last written) first.
    /// Each call is located at its decorator from 3.11 (compiler_apply_decorators' SET_LOC),
    /// at the statement before (3.8: the `def` line; 3.6: the first decorator's).
    func emitDecoratorCalls(_ decorators: [Expr]) {
        for d in decorators.reversed() {
            located(interp.profile.decoratorCallsLocatedAtDecorator ? Location(d.span) : unit.loc) {
                emit(.CALL, .value(1))
            }
        }
    }
}
