import HeapEngine

// Mirrors Python/compile.c (3.11): the AST of one compilation unit becomes code objects of
// bytecode (`Bytecode`), run by `CEval`. The constant model (literals, folding, merging,
// interning, co_consts and co_names) is `Compiler`'s (Compiler+Constants.swift,
// Compiler+CodeObjects.swift).
//
// Invariant: every call with an effect on the heap (Compiler.foldConstant, addConst,
// literal, noteName, Interpreter.name, enterUnit, makeCode) happens in the order the
// engine's compile-time allocations were measured in: source order, as CPython's parser
// makes the literals and names (a call's arguments before its callee's name, an augmented
// assignment's value before its target). Where bytecode order differs from that order, the
// instructions are generated into a side buffer (`capture`) and spliced. A construct the
// generator does not handle is refused where it is met (`Compiler.unsupported`), which
// ends the session: nothing it half-compiled is seen.

final class CodeGen {
    let c: Compiler
    let interp: Interpreter
    let heap: Heap

    /// One code object being generated.
    final class Unit {
        let bytecode = Bytecode()
        /// A generator expression's unit (`refuseIfCellSlot`).
        var isGeneratorExpression = false
        /// The location the next instruction gets (`SET_LOC`: the node being visited).
        var loc: Location
        var nextLabel = 0
        /// The blocks around the statement being generated, innermost last (compile.c's
        /// fblock stack): what `return`, `break` and `continue` unwind.
        var blocks: [Block] = []
        /// The value stack's depth at the statement being generated: an iterator per `for`
        /// loop, what the handlers around it keep (`Block`).
        var depth = 0
        /// The slot of each cell or free variable (`CodeGen.layOutClosure`).
        var deref: [String: Int] = [:]
        var cellSlots: Set<Int> = []
        /// The names a nested function may capture from here.
        var captureEnv: Set<String> = []
        /// co_consts[0] is the function's docstring, not None.
        var hasDocstring = false
        /// A class body's unit, and whether a function made in it uses its `__class__` cell.
        var isClassBody = false
        var needsClassCell = false
        init(line: Int) { loc = .lineOnly(Int32(line)) }
    }

    struct Loop {
        let top: Int
        let exit: Int
        /// A `for` loop keeps its iterator on the stack: `break` and `return` pop it.
        let isFor: Bool
    }

    var units: [Unit] = []
    var unit: Unit { units[units.count - 1] }
    /// Whether the module-level code of this compilation uses or binds `super` (3.12+'s
    /// can_optimize_super_call reads the top symtable); nil where the walk was refused.
    var topLevelUsesSuper: Bool?
    /// Emitting a comprehension's outermost iterable (in the enclosing scope), where `:=` is
    /// CPython's SyntaxError.
    var inComprehensionIterable = 0

    init(compiler: Compiler) {
        self.c = compiler
        self.interp = compiler.interp
        self.heap = compiler.heap
    }

    /// Compiles one unit (a REPL statement in `single` mode, or a file in `exec` mode).
    static func compileModule(_ compiler: Compiler, _ body: [Stmt], interactive: Bool) throws -> CodeObject {
        let interp = compiler.interp
        // Python/future.c first (Compiler+Future.swift); at the prompt `annotations` stays on
        // for the statements after the one that imported it.
        var future = try FutureStatements.parse(body, minor: interp.profile.minor, interactive: interactive)
        if interactive {
            if future.annotations { interp.promptFutureAnnotations = true }
            future.annotations = future.annotations || interp.promptFutureAnnotations
        }
        compiler.future = future
        let stringified = future.annotations
            ? try FutureStatements.stringifyAnnotations(body, minor: interp.profile.minor) : body
        let body = ASTOptimizer.optimize(stringified, profile: interp.profile)
        return try CodeGen(compiler: compiler).compileModule(body, interactive: interactive)
    }

    /// compiler_mod: the symtable's working sets first, then the body.
    func compileModule(_ body: [Stmt], interactive: Bool) throws -> CodeObject {
        let profile = interp.profile
        var topLevel = ClosureWalker()
        topLevelUsesSuper = (try? topLevel.walk(body)) == nil ? nil : topLevel.uses.contains("super")
        let blocks = SymtableBlock.children(of: body)
        c.workingSet += heap.takeFromFreeLists(profile.symtableWorkingSet)
        for _ in 0..<blocks.reduce(0, { $0 + $1.entryCount }) {
            c.workingSet += heap.takeFromFreeLists(Compiler.symtableEntry)
        }
        try c.analyzeSymtable(blocks)
        c.workingSet += heap.takeFromFreeLists(profile.compileWorkingSet)
        let code = CodeObject(kind: .module, name: "<module>", qualname: "<module>", filename: c.filename,
                              firstLine: body.first?.span.line ?? 1)
        c.scopes.append(Scope(kind: .module))
        c.codes.append(code)
        defer { c.scopes.removeLast(); c.codes.removeLast() }
        c.interactive = interactive
        units.append(Unit(line: 0))   // a module's RESUME is on line 0
        defer { units.removeLast() }
        emit(.RESUME, .value(0))
        if Stmt.containsAnnotatedAssignment(body) {
            if let first = body.first { unit.loc = Location(first.span) }
            emit(.SETUP_ANNOTATIONS)
        }
        // A module's docstring (not at the prompt: `single` mode has none): a script starting
        // with a string prints it as `__doc__` (3.6.15-3.13.0).
        let statements = interactive ? body[...] : try emitDocstring(body)
        for stmt in statements { try emitStmt(stmt, interactive: interactive) }
        emitImplicitReturn()
        attach(unit, to: code)
        return code
    }

    /// Hangs the bytecode on the code object (`CEval.run` runs it).
    func attach(_ u: Unit, to code: CodeObject) {
        u.bytecode.linesOnlyIncrease = interp.profile.linesOnlyIncrease
        code.bytecode = u.bytecode
    }

    // MARK: - Emitting

    func emit(_ op: Opcode, _ arg: Bytecode.Arg = .value(0), aux: Int32 = -1) {
        unit.bytecode.pending.append(.instruction(op, arg, aux: aux, loc: unit.loc))
    }

    func emitConst(_ r: ObjectRef) { emit(.LOAD_CONST, .const(r)) }

    /// Runs `body` with the instructions it emits located at `loc` (compile.c's SET_LOC
    /// around a visit: the location is the visited node's until the visit returns).
    func located<T>(_ loc: Location, _ body: () throws -> T) rethrows -> T {
        let saved = unit.loc
        unit.loc = loc
        defer { unit.loc = saved }
        return try body()
    }

    /// update_start_location_to_match_attr (3.11+): a location spanning lines from an
    /// attribute's object starts at the attribute's name instead, so a traceback points at
    /// `.name` in `(x\n  .name)`.
    func atAttributeName(_ loc: Location, _ attribute: Expr, _ name: String) -> Location {
        guard interp.profile.attributeLocatedAtName, loc.line != Int32(attribute.span.endLine) else { return loc }
        var loc = loc
        loc.line = Int32(attribute.span.endLine)
        loc.column = Int32(attribute.span.endColumn - name.unicodeScalars.count)
        loc.endLine = max(loc.line, loc.endLine)
        if loc.line == loc.endLine { loc.endColumn = max(loc.column, loc.endColumn) }
        return loc
    }

    /// `LOAD_CONST None; RETURN_VALUE` without a line of its own (assembly gives it one).
    func emitImplicitReturn() {
        // Unreachable after a `return` that ends the body (CPython removes the dead block).
        if case .instruction(let op, _, _, _)? = unit.bytecode.pending.last, op.isUnconditionalExit { return }
        let saved = unit.loc
        unit.loc = .lineOnly(-1)
        emitNone()
        emit(.RETURN_VALUE)
        unit.loc = saved
    }

    /// The None a bare or implicit `return` loads, without adding a constant:
    /// co_consts[0] is None in a function without a docstring. With a docstring,
    /// None is added to co_consts where the return is (ADDOP_LOAD_CONST).
    func emitNone() {
        emitConst(unit.hasDocstring ? c.compilerConst(heap.newNone()) : heap.none)
    }

    func newLabel() -> Int {
        unit.nextLabel += 1
        return unit.nextLabel
    }

    func place(_ label: Int) { unit.bytecode.pending.append(.label(label)) }

    /// Runs `body` with the instructions it emits set aside; returns them for `splice`.
    func capture(_ body: () throws -> Void) rethrows -> [Bytecode.Item] {
        let saved = unit.bytecode.pending
        unit.bytecode.pending = []
        defer { unit.bytecode.pending = saved }
        try body()
        return unit.bytecode.pending
    }

    func splice(_ items: [Bytecode.Item]) { unit.bytecode.pending += items }

    func addCallShape(_ shape: CallShape) -> Int32 {
        unit.bytecode.callShapes.append(shape)
        return Int32(unit.bytecode.callShapes.count - 1)
    }

    // MARK: - Statements (compiler_visit_stmt)

    /// The body of a compound statement: expression statements print only at module level
    /// of an interactive unit (c_interactive).
    func emitBlock(_ body: [Stmt]) throws {
        let interactive = c.interactive && c.scope.kind == .module
        for stmt in body { try emitStmt(stmt, interactive: interactive) }
    }

    func emitStmt(_ stmt: Stmt, interactive: Bool) throws {
        unit.loc = Location(stmt.span)
        // 3.6's ast puts a decorated def or class at its first decorator.
        switch stmt.kind {
        case .functionDef(_, _, _, let decorators, _), .classDef(_, _, _, let decorators):
            if interp.profile.decoratedStatementAtFirstDecorator, let first = decorators.first {
                unit.loc.line = Int32(first.span.line)
            }
        default: break
        }
        unit.bytecode.pending.append(.statementStart)
        switch stmt.kind {
        case .expr(let e):
            // compiler_visit_stmt_expr: past the REPL's top level, a constant statement
            // compiles to nothing (3.11: a NOP, like `pass`); its object is the parser's (or
            // ast_opt's fold's, 3.8+), which co_consts does not take. 3.6's is_const: a
            // literal, not a fold of the peephole optimizer.
            if !interactive, try c.foldConstant(e) != nil, interp.profile.minor >= 8 || c.isPlainLiteral(e) {
                emit(.NOP)
                break
            }
            try emitExpr(e)
            emit(interactive ? .PRINT_EXPR : .POP_TOP)

        case .assign(let targets, let value):
            if targets.count == 1, try emitUnpackWithoutTuple(targets[0], value) { break }
            try emitExpr(value)
            for (k, t) in targets.enumerated() {
                if k < targets.count - 1 { emit(.COPY, .value(1)) }
                try emitStore(t)
            }

        case .augAssign(let target, let op, let value):
            try emitAugAssign(target, op, value)

        case .annAssign(let target, let annotation, let value, let simple):
            try emitAnnAssign(target, annotation, value, simple: simple)

        case .delete(let targets):
            for t in targets { try emitDelete(t) }

        case .pass, .global:
            if case .global(let names) = stmt.kind, c.scope.kind == .function {
                for n in names where c.scope.localIndex[n] != nil {
                    throw SyntaxError(.syntaxError, "name '\(n)' is assigned to before global declaration",
                                      line: stmt.span.line, offset: stmt.span.column + 1)
                }
            }
            emit(.NOP)

        case .break, .continue:
            // compiler_break / compiler_continue: the blocks inside the loop are unwound.
            let isBreak = stmt.kind == .break
            try unwindingBlocks(preservingValue: false, untilLoop: true) { loop in
                guard let loop else { throw c.unsupported("'break' or 'continue' outside a loop", stmt.span) }
                if isBreak {
                    if loop.isFor { emit(.POP_TOP) }
                    emit(.JUMP_FORWARD, .label(loop.exit))
                } else {
                    emit(.JUMP_BACKWARD, .label(loop.top))
                }
            }

        case .if(let test, let body, let orelse):
            let otherwise = newLabel(), end = newLabel()
            try emitJumpIf(test, jumpIfTrue: false, to: otherwise)
            try emitBlock(body)
            if !orelse.isEmpty { emit(.JUMP_FORWARD, .label(end)) }
            place(otherwise)
            try emitBlock(orelse)
            place(end)

        case .while(let test, let body, let orelse):
            // compiler_while: the test at the top (3.11 repeats it at the bottom; here the
            // bottom jumps back to it, since compiling it twice would make its literals twice).
            let top = newLabel(), otherwise = newLabel(), end = newLabel()
            place(top)
            unit.loc = Location(stmt.span)
            try emitJumpIf(test, jumpIfTrue: false, to: otherwise)
            unit.bytecode.pending.append(.loopIterationStart)
            unit.blocks.append(.loop(Loop(top: top, exit: end, isFor: false)))
            try emitBlock(body)
            unit.blocks.removeLast()
            emit(.JUMP_BACKWARD, .label(top))
            place(otherwise)
            try emitBlock(orelse)
            place(end)

        case .for(let target, let iter, let body, let orelse):
            let top = newLabel(), exhausted = newLabel(), end = newLabel()
            try emitExpr(iter)
            located(interp.profile.getIterLocatedAtIterable ? Location(iter.span) : unit.loc) { emit(.GET_ITER) }
            place(top)
            unit.loc = Location(stmt.span)
            emit(.FOR_ITER, .label(exhausted))
            try emitStore(target)
            unit.blocks.append(.loop(Loop(top: top, exit: end, isFor: true)))
            unit.depth += 1
            try emitBlock(body)
            unit.depth -= 1
            unit.blocks.removeLast()
            emit(.JUMP_BACKWARD, .label(top))
            place(exhausted)
            try emitBlock(orelse)
            place(end)

        case .functionDef(let name, let params, let body, let decorators, let returns):
            try refuseNamedDecorator(decorators)
            for d in decorators { try emitExpr(d) }
            try emitFunction(name: name, params: params, body: body, span: stmt.span, returns: returns)
            emitDecoratorCalls(decorators)
            try emitStore(Expr(.name(name), stmt.span))

        case .return(let value):
            guard c.scope.kind == .function else {
                throw SyntaxError(.syntaxError, "'return' outside function", line: stmt.span.line, offset: stmt.span.column + 1)
            }
            try emitReturn(value)

        case .import(let aliases):
            for alias in aliases {
                // IMPORT_NAME: level 0 and fromlist None are constants.
                let level = c.compilerConst(try interp.newInt(0))
                let fromlist = c.compilerConst(heap.newNone())
                c.noteName(alias.name)
                emitConst(level)
                emitConst(fromlist)
                emit(.IMPORT_NAME, .name(alias.name, key: 0))
                let bound = alias.asName ?? String(alias.name.split(separator: ".").first!)
                try emitStore(Expr(.name(bound), stmt.span))
            }

        case .importFrom(let moduleName, let names):
            // compiler_from_import: a future statement after the leading ones (future.c's ff_lineno).
            if moduleName == "__future__", stmt.span.line > c.future.lastLine { throw FutureStatements.lateFuture(stmt) }
            let level = c.compilerConst(try interp.newInt(0))
            let fromlist = c.compilerConst(try c.nameTuple(names.map({ $0.name })))
            c.noteName(moduleName)
            emitConst(level)
            emitConst(fromlist)
            emit(.IMPORT_NAME, .name(moduleName, key: 0))
            for alias in names {
                c.noteName(alias.name)
                emit(.IMPORT_FROM, .name(alias.name, key: 0))
                try emitStore(Expr(.name(alias.asName ?? alias.name), stmt.span))
            }
            emit(.POP_TOP)

        case .raise(let exc, let cause):
            if let exc {
                try emitExpr(exc)
                if let cause { try emitExpr(cause) }
                emit(.RAISE_VARARGS, .value(cause == nil ? 1 : 2))
            } else {
                emit(.RAISE_VARARGS, .value(0))
            }

        case .assert(let test, let message):
            if case .tuple = test.kind { c.warned = true }   // "assertion is always true"
            // The engine makes the AssertionError at RAISE_VARARGS (Interpreter.raiseNew):
            // LOAD_ASSERTION_ERROR pushes nothing, and aux says whether a message is on the stack.
            let end = newLabel()
            try emitJumpIf(test, jumpIfTrue: true, to: end)
            try located(interp.profile.assertLocatedAtTest ? Location(test.span) : unit.loc) {
                emit(.LOAD_ASSERTION_ERROR)
                if let message { try emitExpr(message) }
                emit(.RAISE_VARARGS, .value(1), aux: message == nil ? 0 : 1)
            }
            place(end)

        case .classDef(let name, let bases, let body, let decorators):
            try refuseNamedDecorator(decorators)
            for d in decorators { try emitExpr(d) }
            try emitClass(name: name, bases: bases, body: body, span: stmt.span)
            emitDecoratorCalls(decorators)
            try emitStore(Expr(.name(name), stmt.span))

        case .nonlocal:
            emit(.NOP)

        case .try(let body, let handlers, let orelse, let finalbody):
            if let bare = handlers.dropLast().first(where: { $0.type == nil }) {
                throw c.unsupported("a bare 'except:' before the last handler", bare.span)   // CPython's SyntaxError
            }
            // A `finally` body is generated once and copied (`Bytecode.Item.inlineFinally`),
            // in the context of its normal path: leaving it by return/break/continue, which
            // unwinds differently on the exceptional path, is not generated yet.
            if CodeGen.leavesBlock(finalbody) {
                throw c.unsupported("'return', 'break' or 'continue' in a 'finally' block", stmt.span)
            }
            if finalbody.isEmpty {
                try emitTryExcept(body, handlers, orelse)
            } else {
                try emitTryFinally(body, handlers, orelse, finalbody)
            }

        case .with(let items, let body):
            try emitWith(items[...], body, stmt.span)
        }
    }

    /// compiler_augassign, with the value's constants made before the target's (the
    /// compile-time order above).
    func emitAugAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr) throws {
        let value = try capture { try emitExpr(valueExpr) }
        let inplace = BinaryOp.inplaceBase + op.nbOparg
        switch target.kind {
        case .name:
            try emitExpr(target)
            splice(value)
            emit(.BINARY_OP, .value(inplace))
            try emitStore(target)
        case .attribute(let objExpr, let attr):
            // The target's loads and stores are located at the target, the operation at
            // the statement.
            let at = atAttributeName(Location(target.span), target, attr)
            try located(Location(target.span)) { try emitExpr(objExpr) }
            c.noteName(attr)
            located(at) {
                emit(.COPY, .value(1))
                emit(.LOAD_ATTR, .name(attr, key: 0))
            }
            splice(value)
            emit(.BINARY_OP, .value(inplace))
            located(at) {
                emit(.SWAP, .value(2))
                emit(.STORE_ATTR, .name(attr, key: 0))
            }
        case .subscript(let objExpr, let indexExpr):
            let at = Location(target.span)
            try located(at) {
                try emitExpr(objExpr)
                try emitExpr(indexExpr)
                emit(.COPY, .value(2))
                emit(.COPY, .value(2))
                emit(.BINARY_SUBSCR)
            }
            splice(value)
            emit(.BINARY_OP, .value(inplace))
            located(at) {
                emit(.SWAP, .value(3))
                emit(.SWAP, .value(2))
                emit(.STORE_SUBSCR)
            }
        default:
            throw SyntaxError(.syntaxError, "'\(CodeGen.describe(target))' is an illegal expression for augmented assignment",
                              line: target.span.line, offset: target.span.column + 1)
        }
    }

    // MARK: - Functions (compiler_function)

    /// compiler_function: defaults, the nested unit, its code object made
    /// and added to co_consts, then (3.6-3.10) the qualname constant.
    /// `lambdaBody`: the expression of a lambda (compiler_lambda: `body` is `[return it]`,
    /// co_consts[0] None so that it has no docstring; the value is returned as it is).
    func emitFunction(name: String, params sourceParams: [Param], body: [Stmt], span: SourceSpan, lambdaBody: Expr? = nil,
                      returns: Expr? = nil) throws {
        // symtable_visit_arguments' order, which is co_varnames': positional-only, positional,
        // keyword-only, *args, **kwargs. Positional-only parameters are 3.8+ syntax (3.6's
        // SyntaxError, whose LL(1) wording is not modelled).
        if sourceParams.contains(where: { $0.kind == .positionalOnly }), interp.profile.minor < 8 {
            throw c.unsupported("positional-only parameters under CPython \(interp.profile.version) (its SyntaxError)", span)
        }
        let positional = sourceParams.filter { $0.kind == .positionalOnly || $0.kind == .positional }
        let keywordOnly = sourceParams.filter { $0.kind == .keywordOnly }
        let params = positional + keywordOnly + sourceParams.filter { $0.kind == .varArgs }
            + sourceParams.filter { $0.kind == .varKeywords }
        // symtable.c's analyze_block: a class body binds `__class__` for the functions in it.
        let analysis = try ClosureAnalysis(params: params, body: body, env: unit.isClassBody ? ["__class__"] : captureEnv)
        var defaultConstants: [ObjectRef] = []
        var allConstant = true
        let defaults = try capture {
            for p in positional {
                guard let d = p.defaultValue else { continue }
                if let k = try emitOperand(d) { defaultConstants.append(k) } else { allConstant = false }
            }
        }
        let defaultCount = positional.filter({ $0.defaultValue != nil }).count
        // compiler_visit_kwonlydefaults: the values, then the names as one constant tuple
        // and BUILD_CONST_KEY_MAP (after the positional defaults).
        let kwDefaulted = keywordOnly.filter { $0.defaultValue != nil }
        let kwdefaults = try capture {
            guard !kwDefaulted.isEmpty else { return }
            for p in kwDefaulted { try emitExpr(p.defaultValue!) }
            emitConst(c.compilerConst(try c.nameTuple(kwDefaulted.map { $0.name })))
            emit(.BUILD_CONST_KEY_MAP, .value(Int32(kwDefaulted.count)))
        }
        let (annotations, annotationFold) = try emitAnnotations(sourceParams, returns)
        var fold: TupleFold?
        if defaultCount > 0 && allConstant {
            fold = TupleFold(items: defaultConstants)
            c.emittingCode.tupleFolds.append(fold!)
        }
        let qualname = (c.qualPrefix + [name]).joined(separator: ".")
        let code = CodeObject(kind: .function, name: name, qualname: qualname, filename: c.filename, firstLine: span.line)
        var fscope = analysis.scope
        fscope.declaredGlobal.subtract(params.map({ $0.name }))
        code.paramCount = positional.count
        code.posonlyCount = positional.filter({ $0.kind == .positionalOnly }).count
        code.kwonlyCount = keywordOnly.count
        code.hasVarArgs = params.contains { $0.kind == .varArgs }
        code.hasVarKeywords = params.contains { $0.kind == .varKeywords }
        code.isGenerator = analysis.isGenerator
        if code.isGenerator && lambdaBody != nil { throw c.unsupported("'yield' in a lambda", span) }
        let inner = Unit(line: span.line)
        layOutClosure(analysis, code, inner)
        c.scopes.append(fscope)
        c.enterUnit(code)
        c.qualPrefix.append(name)
        c.qualPrefix.append("<locals>")
        // co_consts[0]: the docstring, which compiles to no instruction, or None.
        var statements = body[...]
        if lambdaBody == nil, case .expr(let first)? = body.first?.kind, case .string = first.kind {
            try checkDocstring(first)
        }
        if lambdaBody == nil, case .expr(let first)? = body.first?.kind, case .string = first.kind, let doc = try c.foldConstant(first) {
            _ = c.addConst(doc)
            statements = body.dropFirst()
            inner.hasDocstring = true
        } else {
            _ = c.addConst(c.literal(heap.newNone()))
        }
        units.append(inner)
        if code.isGenerator { emit(.RETURN_GENERATOR); emit(.POP_TOP) }
        emit(.RESUME, .value(0))
        if let lambdaBody {
            try emitExpr(lambdaBody)
            emit(.RETURN_VALUE)
        } else {
            try emitBlock(Array(statements))
            emitImplicitReturn()
        }
        units.removeLast()
        c.qualPrefix.removeLast(2)
        c.codes.removeLast()
        c.scopes.removeLast()
        attach(inner, to: code)
        if !interp.profile.qualnameIsConstant {
            // 3.11+ co_qualname (compiler_set_qualname; see `CodeObject.qualnameRef`).
            let q = qualname == name ? try interp.internedName(name) : try interp.newStr(qualname)
            if qualname == name { heap.incref(q) }
            code.qualnameRef = q
        }
        let made: ObjectRef
        do { made = try c.makeCode(code) } catch {
            if let q = code.qualnameRef { code.qualnameRef = nil; heap.decref(q) }
            throw error
        }
        let codeRef = lambdaBody.map { c.addCodeConst(made, of: Expr(.lambda(params: sourceParams, body: $0), span)) }
            ?? c.addConst(made)
        heap.decref(codeRef)   // addConst took its own reference; drop the creation one
        var qualnameConst: ObjectRef?
        if interp.profile.qualnameIsConstant { qualnameConst = c.addConst(c.literal(try interp.newStr(qualname))) }
        // MAKE_FUNCTION's operands: the defaults tuple, the closure tuple, the code, (3.6-3.10)
        // the qualname.
        if let fold {
            emit(.LOAD_CONST, .fold(fold))
        } else if defaultCount > 0 {
            splice(defaults)
            emit(.BUILD_TUPLE, .value(Int32(defaultCount)))
        }
        splice(kwdefaults)
        if let annotationFold { emit(.LOAD_CONST, .fold(annotationFold)) } else { splice(annotations) }
        if !analysis.frees.isEmpty { try emitClosureTuple(analysis.frees, at: span) }
        emitConst(codeRef)
        if let qualnameConst { emitConst(qualnameConst) }
        let annotated = !Stmt.annotations(sourceParams, returns).isEmpty
        let flags: Int32 = (defaultCount > 0 ? 0x01 : 0) | (kwDefaulted.isEmpty ? 0 : 0x02)
            | (annotated ? 0x04 : 0) | (analysis.frees.isEmpty ? 0 : 0x08)
        emit(.MAKE_FUNCTION, .value(flags), aux: qualnameConst == nil ? 0 : 1)
    }

    /// compiler_visit_annotations: each annotated parameter's name with its value, then
    /// `return`'s, after the defaults. 3.6-3.9 make a dict (the values, the names as one
    /// constant tuple, BUILD_CONST_KEY_MAP); 3.10+ a flat tuple of name, value pairs
    /// (BUILD_TUPLE, which the optimizer folds into one constant when every value is one).
    /// Returns the instructions and, when folded, the constant they became.
    private func emitAnnotations(_ params: [Param], _ returns: Expr?) throws -> ([Bytecode.Item], TupleFold?) {
        let annotated = params.compactMap { p in p.annotation.map { (p.name, $0) } } + (returns.map { [("return", $0)] } ?? [])
        var fold: TupleFold?
        let code = try capture {
            guard !annotated.isEmpty else { return }
            guard interp.profile.annotationsAsTuple else {
                for (_, e) in annotated { try emitExpr(e) }
                emitConst(c.compilerConst(try c.nameTuple(annotated.map { $0.0 })))
                emit(.BUILD_CONST_KEY_MAP, .value(Int32(annotated.count)))
                return
            }
            var items: [ObjectRef] = []
            var allConstant = true
            for (n, e) in annotated {
                let k = c.addConst(try interp.internedName(n))
                emitConst(k)
                items.append(k)
                if let v = try emitOperand(e) { items.append(v) } else { allConstant = false }
            }
            if allConstant {
                fold = TupleFold(items: items)
                c.emittingCode.tupleFolds.append(fold!)
            } else {
                emit(.BUILD_TUPLE, .value(Int32(2 * annotated.count)))
            }
        }
        return (code, fold)
    }

    /// compiler_annassign: the assignment first. In a module or class body a simple name's
    /// annotation is then stored in `__annotations__` (LOAD_NAME; STORE_SUBSCR; 3.6's
    /// STORE_ANNOTATION, the same store into the namespace's dict), another target's
    /// annotation evaluated and dropped (check_annotation); in a function nothing of the
    /// annotation runs. An attribute or subscription without a value evaluates its object
    /// (and index) and drops them (check_ann_expr, check_ann_subscr).
    func emitAnnAssign(_ target: Expr, _ annotation: Expr, _ value: Expr?, simple: Bool) throws {
        let storesAnnotations = c.scope.kind == .module || c.scope.kind == .classBody
        if let value {
            try emitExpr(value)
            try emitStore(target)
        }
        switch target.kind {
        case .name(let n) where simple && storesAnnotations:
            try emitExpr(annotation)
            c.noteName("__annotations__")
            // aux 1: 3.6's STORE_ANNOTATION looks only in the namespace.
            emit(.LOAD_NAME, .name("__annotations__", key: interp.name("__annotations__")),
                 aux: interp.profile.annotationNameInNames ? 1 : -1)
            if interp.profile.annotationNameInNames {
                c.noteName(n)   // STORE_ANNOTATION's operand is in co_names, not co_consts
                emitConst(try interp.internedName(n))
            } else {
                emitConst(c.addConst(try interp.internedName(n)))
            }
            emit(.STORE_SUBSCR)
            return
        case .attribute(let object, _) where value == nil:
            try emitExpr(object)
            emit(.POP_TOP)
        case .subscript(let object, let index) where value == nil:
            try emitExpr(object)
            emit(.POP_TOP)
            try emitAnnotationSubscript(index)
        default:
            break
        }
        // 3.10+ with `from __future__ import annotations`: check_annotation evaluates nothing
        // (3.8 still evaluates the expression: Compiler+Future.swift).
        if !simple && storesAnnotations && !(c.future.annotations && interp.profile.minor >= 10) {
            try emitExpr(annotation)
            emit(.POP_TOP)
        }
    }

    /// check_ann_subscr: a slice's bounds one by one, a tuple's items, else the index.
    private func emitAnnotationSubscript(_ index: Expr) throws {
        switch index.kind {
        case .slice(let lower, let upper, let step):
            for e in [lower, upper, step].compactMap({ $0 }) { try emitExpr(e); emit(.POP_TOP) }
        case .tuple(let items):
            for e in items { try emitAnnotationSubscript(e) }
        default:
            try emitExpr(index)
            emit(.POP_TOP)
        }
    }

    // MARK: - Classes (compiler_class)

    /// compiler_body: a body starting with a string stores it as `__doc__` (LOAD_CONST;
    /// STORE_NAME __doc__). Returns the statements after it.
    func emitDocstring(_ body: [Stmt]) throws -> ArraySlice<Stmt> {
        guard let first = body.first, case .expr(let doc) = first.kind, case .string = doc.kind else { return body[...] }
        unit.loc = Location(first.span)
        unit.bytecode.pending.append(.statementStart)
        try checkDocstring(doc)
        try emitExpr(doc)
        try emitStore(Expr(.name("__doc__"), first.span))
        return body.dropFirst()
    }

    /// compiler_class: the bases, then the body's unit (its
    /// prologue names and constants, the statements, 3.13's static attributes), its code
    /// object added to co_consts, then LOAD_BUILD_CLASS (`ClassShape`).
    func emitClass(name: String, bases: [Expr], body: [Stmt], span: SourceSpan) throws {
        for b in bases { try emitExpr(b) }
        let qualname = (c.qualPrefix + [name]).joined(separator: ".")
        let code = CodeObject(kind: .classBody, name: name, qualname: qualname, filename: c.filename, firstLine: span.line)
        c.scopes.append(Scope(kind: .classBody))
        c.enterUnit(code)
        c.qualPrefix.append(name)
        // The body's prologue (__module__ = __name__, __qualname__, 3.13's __firstlineno__)
        // is stored by `Interpreter.buildClass`; its names and constants are the code's.
        let staticNames = interp.profile.classStaticAttributes ? StaticAttributes.names(ofClassBody: body) : nil
        ["__name__", "__module__", "__qualname__"].forEach(c.noteName)
        // compiler_set_qualname: u_qualname is u_name (the interned identifier) at top level.
        let qualnameConst = c.addConst(qualname == name ? try interp.internedName(name) : c.literal(try interp.newStr(qualname)))
        if staticNames != nil {
            c.noteName("__firstlineno__")
            _ = c.addConst(c.literal(try interp.newInt(span.line)))
        }
        let bodyUnit = Unit(line: span.line)
        bodyUnit.isClassBody = true
        units.append(bodyUnit)
        emit(.RESUME, .value(0))
        // compiler_body: SETUP_ANNOTATIONS before the docstring when the body annotates.
        if Stmt.containsAnnotatedAssignment(body) { emit(.SETUP_ANNOTATIONS) }
        let statements = try emitDocstring(body)
        try emitBlock(Array(statements))
        if bodyUnit.needsClassCell {
            // compiler_class: a function used `__class__` (or super): the body's cell is
            // stored as `__classcell__` (type_new fills it with the class) and returned to
            // __build_class__; no None constant then (3.6.15 to 3.13.0: co_cellvars
            // ('__class__',), the body's code starting with MAKE_CELL on 3.11+).
            code.localNames = ["__class__"]
            code.cellSlots = [0]
            code.returnsClassCell = true
            unit.loc = .lineOnly(-1)
            emit(.LOAD_CLOSURE, .value(0))
            emit(.COPY, .value(1))
            c.noteName("__classcell__")
            emit(.STORE_NAME, .name("__classcell__", key: interp.name("__classcell__")))
            emit(.RETURN_VALUE)
        } else {
            emitImplicitReturn()
        }
        let inner = units.removeLast()
        var staticAttributes: ObjectRef?
        if let staticNames {
            c.noteName("__static_attributes__")
            staticAttributes = c.addConst(c.literal(try c.nameTuple(staticNames)))
        }
        c.qualPrefix.removeLast()
        c.codes.removeLast()
        c.scopes.removeLast()
        attach(inner, to: code)
        let codeRef = c.addConst(try c.makeCode(code))
        heap.decref(codeRef)
        unit.bytecode.classShapes.append(ClassShape(code: code, codeRef: codeRef, name: name, qualname: qualname, qualnameConst: qualnameConst,
                                                    staticAttributes: staticAttributes))
        emit(.LOAD_BUILD_CLASS, .value(Int32(bases.count)), aux: Int32(unit.bytecode.classShapes.count - 1))
    }
}
