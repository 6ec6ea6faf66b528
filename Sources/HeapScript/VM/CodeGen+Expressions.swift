import HeapEngine

// Mirrors Python/compile.c's compiler_visit_expr, compiler_call, compiler_compare,
// compiler_jump_if and the store/delete halves of compiler_nameop (3.11), with each
// side effect made where `Compiler+Expressions.swift` / `Compiler+Names.swift` make it.

extension CodeGen {
    func emitExpr(_ e: Expr) throws { _ = try emitOperand(e) }

    /// compiler_visit_expr: a constant is one LOAD_CONST (returned); anything else
    /// is generated and nil returned.
    @discardableResult
    func emitOperand(_ e: Expr) throws -> ObjectRef? {
        try located(Location(e.span)) { try emitOperandHere(e) }
    }

    private func emitOperandHere(_ e: Expr) throws -> ObjectRef? {
        if let constant = try c.foldConstant(e) {
            let k = c.addConst(constant)
            emitConst(k)
            return k
        }
        try emitNonConstant(e)
        return nil
    }

    /// 3.8's grammar took an unparenthesized `:=` only in if/while tests, call arguments and
    /// list/tuple displays; in a set display, an index or a decorator it was a SyntaxError,
    /// parenthesized it was not, and the AST does not tell the two apart: refused there.
    func refuseOldGrammarNamedExpr(_ e: Expr, _ position: String) throws {
        if case .namedExpr = e.kind, interp.profile.minor < 10 {
            throw c.unsupported("':=' \(position) under CPython \(interp.profile.version)", e.span)
        }
    }

    func refuseNamedDecorator(_ decorators: [Expr]) throws {
        for d in decorators { try refuseOldGrammarNamedExpr(d, "as a decorator") }
    }

    private func emitNonConstant(_ e: Expr) throws {
        switch e.kind {
        case .tuple(let elements), .list(let elements), .set(let elements):
            if let star = elements.first(where: isStarred) {
                guard interp.profile.displayUnpackingModelled else {
                    throw c.unsupported("'*' unpacking in displays under CPython \(interp.profile.version)", star.span)
                }
                try emitStarUnpack(e, elements)
                return
            }
            if let guideline = interp.profile.stackUseGuideline, elements.count > guideline, !elements.allSatisfy(c.isLiteral) {
                try emitStarUnpack(e, elements)
                return
            }
        case .dict(let entries):
            if let star = entries.first(where: { $0.key == nil }) {
                guard interp.profile.displayUnpackingModelled else {
                    throw c.unsupported("'**' unpacking in dict displays under CPython \(interp.profile.version)", star.value.span)
                }
            }
            if let guideline = interp.profile.stackUseGuideline {
                try emitDict(entries, e.span, guideline: guideline)
                return
            }
        default: break
        }
        switch e.kind {
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis:
            throw c.unsupported("a literal the constant folder did not fold", e.span)

        case .namedExpr(let target, let value):
            // compiler_visit_expr1, NamedExpr_kind: the value, a second reference to it
            // (DUP_TOP before 3.11, COPY 1), stored in the target; the first is the value.
            guard interp.profile.minor >= 8 else {
                throw c.unsupported("':=' under CPython \(interp.profile.version) (its SyntaxError)", e.span)
            }
            if inComprehensionIterable > 0 {
                // symtable_handle_namedexpr (its error is the whole expression's).
                throw SyntaxError(.syntaxError, "assignment expression cannot be used in a comprehension iterable expression",
                                  line: e.span.line, offset: e.span.column + 1, width: namedExprWidth(target, value))
            }
            if c.scope.kind == .comprehension {
                try emitComprehensionNamedExpr(target, value, e.span)
                return
            }
            try emitExpr(value)
            emit(.COPY, .value(1))
            try emitStore(target)

        case .fstring(let parts):
            // FORMAT_VALUE per field, BUILD_STRING when there is not exactly one piece
            // (compiler_joined_str). Without fields it is the one Constant the parser made.
            if case .literal(let text)? = parts.first, parts.count == 1, !text.isEmpty {
                try emitExpr(Expr(.string(text), e.span))
                return
            }
            var pieces = 0
            for part in parts {
                switch part {
                case .literal(let s) where s.isEmpty:
                    continue
                case .literal(let s):
                    emitConst(c.addConst(c.literal(try heap.newStr(s))))
                case .field(let x, let conversion, let spec):
                    try emitExpr(x)
                    // compiler_formatted_value: the spec (a constant here) after the value,
                    // FVS_HAVE_SPEC (4) in the oparg.
                    if let spec { emitConst(c.addConst(c.literal(try heap.newStr(spec)))) }
                    let which: Int32 = conversion == "r" ? 2 : conversion == "s" ? 1 : conversion == "a" ? 3 : 0
                    emit(.FORMAT_VALUE, .value(which | (spec != nil ? 4 : 0)))
                }
                pieces += 1
            }
            // One field alone is FORMAT_VALUE's result (`f"{s}" is s` for a str, as in CPython).
            var lone = false
            if pieces == 1, case .field? = parts.first(where: { if case .literal(let s) = $0 { return !s.isEmpty }; return true }) { lone = true }
            if !lone { emit(.BUILD_STRING, .value(Int32(pieces))) }

        case .name(let name):
            try emitLoadName(name, e.span, pushNull: false)

        case .tuple(let elements):
            for el in elements { try emitExpr(el) }
            emit(.BUILD_TUPLE, .value(Int32(elements.count)))

        case .list(let elements):
            if elements.count > 2 && interp.profile.foldsConstantDisplays, let k = try c.constantTuple(elements) {
                // starunpack_helper: BUILD_LIST 0 + LOAD_CONST (tuple) + LIST_EXTEND 1.
                emit(.BUILD_LIST, .value(0))
                emitConst(k)
                emit(.LIST_EXTEND, .value(1))
                return
            }
            for el in elements { try emitExpr(el) }
            emit(.BUILD_LIST, .value(Int32(elements.count)))

        case .set(let elements):
            if elements.count > 2 && interp.profile.foldsConstantDisplays, let k = try c.constantFrozenset(elements) {
                emit(.BUILD_SET, .value(0))
                emitConst(k)
                emit(.SET_UPDATE, .value(1))
                return
            }
            for el in elements { try refuseOldGrammarNamedExpr(el, "in a set display") }
            for el in elements { try emitExpr(el) }
            emit(.BUILD_SET, .value(Int32(elements.count)))

        case .dict(let entries):
            try emitSubdict(entries[...], e.span)

        case .attribute(let objExpr, let attr):
            if let superArgs = try superCallArguments(objExpr, attr) {
                try emitSuperAttrOperands(objExpr, superArgs)
                c.noteName(attr)
                located(atAttributeName(unit.loc, e, attr)) {
                    emit(.LOAD_SUPER_ATTR, .name(attr, key: 0), aux: superArgs.isEmpty ? 0 : 2)
                }
                break
            }
            try emitExpr(objExpr)
            c.noteName(attr)
            located(atAttributeName(unit.loc, e, attr)) { emit(.LOAD_ATTR, .name(attr, key: 0)) }

        case .subscript(let objExpr, let indexExpr):
            c.noteMayWarn(subscripting: objExpr)
            try refuseOldGrammarNamedExpr(indexExpr, "as an index")
            try emitExpr(objExpr)
            try emitExpr(indexExpr)
            emit(.BINARY_SUBSCR)

        case .slice(let lower, let upper, let step):
            // A missing bound is None, which the engine does not add to co_consts (CPython
            // does): it is loaded from past co_consts' end (see Bytecode).
            for part in [lower, upper] {
                if let part { try emitExpr(part) } else { emitConst(heap.none) }
            }
            if let step { try emitExpr(step) }
            emit(.BUILD_SLICE, .value(step == nil ? 2 : 3))

        case .call(let callee, let args, let keywords):
            c.noteMayWarn(subscripting: callee)
            try emitCall(callee, args, keywords)

        case .unary(let op, let operand):
            try emitExpr(operand)
            switch op {
            case .not: emit(.UNARY_NOT)
            case .negate: emit(.UNARY_NEGATIVE)
            case .plus: emit(.UNARY_POSITIVE)
            case .invert: emit(.UNARY_INVERT)
            }

        case .binary(let op, let lhs, let rhs):
            try emitExpr(lhs)
            try emitExpr(rhs)
            emit(.BINARY_OP, .value(op.nbOparg))

        case .boolOp(let op, let operands):
            let end = newLabel()
            for (k, x) in operands.enumerated() {
                try emitExpr(x)
                if k < operands.count - 1 {
                    emit(op == .and ? .JUMP_IF_FALSE_OR_POP : .JUMP_IF_TRUE_OR_POP, .label(end))
                }
            }
            place(end)

        case .compare(let first, let rest):
            try emitCompare(e, first, rest)

        case .ifExp(let test, let body, let orelse):
            let otherwise = newLabel(), end = newLabel()
            try emitJumpIf(test, jumpIfTrue: false, to: otherwise)
            try emitExpr(body)
            emit(.JUMP_FORWARD, .label(end))
            place(otherwise)
            try emitExpr(orelse)
            place(end)

        case .starred:
            throw SyntaxError(.syntaxError, "can't use starred expression here", line: e.span.line, offset: e.span.column + 1)

        case .listComp, .setComp, .dictComp:
            try emitComprehension(e)

        case .lambda(let params, let body):
            try emitFunction(name: "<lambda>", params: params, body: [Stmt(.return(body), body.span)], span: e.span, lambdaBody: body)

        case .generatorExp:
            try emitComprehension(e)

        case .yield(let value):
            // compiler_visit_expr1, Yield_kind (3.11): the value, YIELD_VALUE, RESUME 1; the
            // expression's value is what the generator is resumed with (None for next()).
            guard c.code.isGenerator, c.code.kind == .function else { throw c.unsupported("'yield' outside a function", e.span) }
            try emitExpr(value ?? Expr(.none, e.span))
            emit(.YIELD_VALUE)
            emit(.RESUME, .value(1))

        case .yieldFrom(let value):
            // compiler_visit_expr1, YieldFrom_kind, and compiler_add_yield_from (3.11): the
            // iterator, None, then SEND (to the end when the subiterator returns: its value
            // replaces it), YIELD_VALUE of what it yielded, RESUME 2, and back to SEND with
            // what the generator is resumed with.
            guard c.code.isGenerator, c.code.kind == .function else { throw c.unsupported("'yield from' outside a function", e.span) }
            guard interp.profile.yieldFromModelled else {
                throw c.unsupported("'yield from' under CPython \(interp.profile.version)", e.span)
            }
            try emitExpr(value)
            emit(.GET_YIELD_FROM_ITER)
            emitConst(c.compilerConst(heap.newNone()))
            let send = newLabel(), exit = newLabel()
            place(send)
            emit(.SEND, .label(exit))
            emit(.YIELD_VALUE)
            emit(.RESUME, .value(2))
            emit(.JUMP_BACKWARD_NO_INTERRUPT, .label(send))
            place(exit)
        }
    }

    /// compiler_compare: one comparison is one instruction; a chain keeps the middle operand
    /// (SWAP 2, COPY 2) and leaves early through a cleanup that drops it.
    private func emitCompare(_ e: Expr, _ first: Expr, _ rest: [Comparison]) throws {
        let firstConst = try emitOperand(first)
        var consts: [(CompareOp, ObjectRef?)] = []
        if rest.count == 1 {
            consts.append((rest[0].op, try emitOperand(rest[0].operand)))
            emitCompareOp(rest[0].op)
        } else {
            let cleanup = newLabel(), end = newLabel()
            for (k, link) in rest.enumerated() {
                consts.append((link.op, try emitOperand(link.operand)))
                if k < rest.count - 1 {
                    emit(.SWAP, .value(2))
                    emit(.COPY, .value(2))
                    emitCompareOp(link.op)
                    emit(.JUMP_IF_FALSE_OR_POP, .label(cleanup))
                } else {
                    emitCompareOp(link.op)
                    emit(.JUMP_FORWARD, .label(end))
                }
            }
            place(cleanup)
            emit(.SWAP, .value(2))
            emit(.POP_TOP)
            place(end)
        }
        c.checkCompare(e, first: firstConst, rest: consts)
    }

    private func emitCompareOp(_ op: CompareOp) {
        switch op {
        case .is: emit(.IS_OP, .value(0))
        case .isNot: emit(.IS_OP, .value(1))
        case .in: emit(.CONTAINS_OP, .value(0))
        case .notIn: emit(.CONTAINS_OP, .value(1))
        default: emit(.COMPARE_OP, .value(op.cmpOparg!))
        }
    }

    /// compiler_jump_if: `not` inverts the jump and `and`/`or` become chains of jumps, so
    /// each operand's truth is asked once; anything else is evaluated and popped by
    /// POP_JUMP_FORWARD_IF_FALSE/TRUE.
    func emitJumpIf(_ e: Expr, jumpIfTrue: Bool, to label: Int) throws {
        switch e.kind {
        case .unary(.not, let operand):   // `not x` never folds (foldConstantExpr)
            try emitJumpIf(operand, jumpIfTrue: !jumpIfTrue, to: label)
        case .boolOp(let op, let operands):
            // `a and b` jumps away on the first false operand when the jump is for false; for a
            // jump on true, every operand but the last jumps past it when false.
            let shortCircuitsOn = op == .or
            if shortCircuitsOn == jumpIfTrue {
                for x in operands { try emitJumpIf(x, jumpIfTrue: jumpIfTrue, to: label) }
            } else {
                let next = newLabel()
                for x in operands.dropLast() { try emitJumpIf(x, jumpIfTrue: !jumpIfTrue, to: next) }
                try emitJumpIf(operands[operands.count - 1], jumpIfTrue: jumpIfTrue, to: label)
                place(next)
            }
        default:
            try emitExpr(e)
            emit(jumpIfTrue ? .POP_JUMP_FORWARD_IF_TRUE : .POP_JUMP_FORWARD_IF_FALSE, .label(label))
        }
    }

    /// compiler_call / maybe_optimize_method_call. The arguments' constants are made before
    /// the callee's name (the compile-time order): they are generated aside and spliced after it.
    private func emitCall(_ calleeExpr: Expr, _ args: [Expr], _ keywords: [Keyword]) throws {
        if args.contains(where: isStarred) || keywords.contains(where: { $0.name == nil }) {
            // STACK_USE_GUIDELINE: longer argument lists are built another way.
            if args.count > 30 || keywords.count * 2 > 30 {
                throw c.unsupported("a call with '*' or '**' and more than 30 arguments", calleeExpr.span)
            }
            try emitCallEx(calleeExpr, args, keywords)
            return
        }
        if let guideline = interp.profile.stackUseGuideline {
            // compiler_call_helper's ex_call (the arguments built piecewise, CALL_FUNCTION_EX),
            // and maybe_optimize_method_call's limit (LOAD_ATTR, a bound method, instead).
            let isMethod = if case .attribute = calleeExpr.kind { true } else { false }
            if args.count + keywords.count * 2 > guideline
                || (isMethod && args.count + keywords.count + (keywords.isEmpty ? 0 : 1) >= guideline) {
                throw c.unsupported("a call with this many arguments under CPython \(interp.profile.version)", calleeExpr.span)
            }
        }
        let arguments = try capture {
            for a in args { try emitExpr(a) }
            for k in keywords { try emitExpr(k.value) }
        }
        let kwnames = keywords.map { $0.name ?? "" }
        try c.addKeywordNamesConst(kwnames)
        let argc = Int32(args.count + keywords.count)
        if case .attribute(let objExpr, let attr) = calleeExpr.kind {
            // maybe_optimize_method_call: the method is looked up at the attribute, the
            // call made at the call, each moved to the name when it spans lines.
            let superArgs = try superCallArguments(objExpr, attr)
            if let superArgs { try emitSuperAttrOperands(objExpr, superArgs) } else { try emitExpr(objExpr) }
            c.noteName(attr)
            located(atAttributeName(Location(calleeExpr.span), calleeExpr, attr)) {
                if let superArgs {
                    emit(.LOAD_SUPER_ATTR, .name(attr, key: 0), aux: superArgs.isEmpty ? 1 : 3)
                } else {
                    emit(.LOAD_METHOD, .name(attr, key: 0))
                }
            }
            splice(arguments)
            let shape = addCallShape(CallShape(kwnames: kwnames, method: attr))
            located(atAttributeName(unit.loc, calleeExpr, attr)) {
                if !kwnames.isEmpty { emit(.KW_NAMES, .value(shape)) }
                emit(.PRECALL, .value(argc))
                emit(.CALL, .value(argc), aux: shape)
            }
            return
        }
        if case .name(let name) = calleeExpr.kind {
            try emitLoadName(name, calleeExpr.span, pushNull: true)
        } else {
            emit(.PUSH_NULL)
            try emitExpr(calleeExpr)
        }
        splice(arguments)
        var shapeIndex: Int32 = -1
        if !kwnames.isEmpty {
            shapeIndex = addCallShape(CallShape(kwnames: kwnames, method: nil))
            emit(.KW_NAMES, .value(shapeIndex))
        }
        emit(.PRECALL, .value(argc))
        emit(.CALL, .value(argc), aux: shapeIndex)
    }

    private func isStarred(_ e: Expr) -> Bool {
        if case .starred = e.kind { return true }
        return false
    }

    /// compiler_call_helper's ex_call (3.11): no method call (maybe_optimize_method_call
    /// declines), the positional arguments as one tuple (a lone `*x` as it is; otherwise
    /// starunpack_helper's BUILD_LIST, LIST_APPEND / LIST_EXTEND, LIST_TO_TUPLE), the keyword
    /// arguments as one dict (compiler_subkwargs for each run of named ones, DICT_MERGE for
    /// each `**`), then CALL_FUNCTION_EX. `emitCall` keeps both under
    /// STACK_USE_GUIDELINE, whose larger forms are not generated.
    private func emitCallEx(_ calleeExpr: Expr, _ args: [Expr], _ keywords: [Keyword]) throws {
        if case .name(let name) = calleeExpr.kind {
            try emitLoadName(name, calleeExpr.span, pushNull: true)
        } else {
            emit(.PUSH_NULL)
            try emitExpr(calleeExpr)
        }
        if interp.profile.callArgumentsUnpackWithCall {
            try emitCallExWithUnpack(args, keywords, calleeExpr.span)
            return
        }
        if args.count == 1, case .starred(let value) = args[0].kind {
            try emitExpr(value)
        } else if let firstStar = args.firstIndex(where: isStarred) {
            for (i, a) in args.enumerated() {
                if case .starred(let value) = a.kind {
                    if i == firstStar { emit(.BUILD_LIST, .value(Int32(i))) }
                    try emitExpr(value)
                    emit(.LIST_EXTEND, .value(1))
                } else {
                    try emitExpr(a)
                    if i > firstStar { emit(.LIST_APPEND, .value(1)) }
                }
            }
            emit(.LIST_TO_TUPLE)
        } else if args.allSatisfy(c.isLiteral) {
            // All constants: starunpack_helper folds three or more into one constant tuple;
            // fewer are LOAD_CONSTs + BUILD_TUPLE that fold_tuple_on_constants turns into
            // one constant when the code is assembled (`TupleFold`, as for defaults).
            if args.count > 2 {
                guard let k = try c.constantTuple(args) else { throw c.unsupported("these constant call arguments", args[0].span) }
                emitConst(k)
            } else {
                try emitTupleFold(args)
            }
        } else {
            for a in args { try emitExpr(a) }
            emit(.BUILD_TUPLE, .value(Int32(args.count)))
        }
        if !keywords.isEmpty {
            var haveDict = false
            var seen = 0
            for (i, k) in keywords.enumerated() {
                if k.name == nil {
                    if seen > 0 {
                        try emitSubkwargs(Array(keywords[(i - seen)..<i]), calleeExpr.span)
                        if haveDict { emit(.DICT_MERGE, .value(1)) }
                        haveDict = true
                        seen = 0
                    }
                    if !haveDict { emit(.BUILD_MAP, .value(0)); haveDict = true }
                    try emitExpr(k.value)
                    emit(.DICT_MERGE, .value(1))
                } else {
                    seen += 1
                }
            }
            if seen > 0 {
                try emitSubkwargs(Array(keywords.suffix(seen)), calleeExpr.span)
                if haveDict { emit(.DICT_MERGE, .value(1)) }
            }
        }
        emit(.CALL_FUNCTION_EX, .value(keywords.isEmpty ? 0 : 1))
    }

    /// compiler_call_helper before 3.9 (3.6.15, 3.8.18): each run of positional arguments a
    /// BUILD_TUPLE, each `*x` as it is, joined by BUILD_TUPLE_UNPACK_WITH_CALL when there are
    /// several (BUILD_TUPLE 0 when there are none); each run of named keywords a
    /// compiler_subkwargs dict, each `**x` as it is, joined by BUILD_MAP_UNPACK_WITH_CALL when
    /// there are several; then CALL_FUNCTION_EX. A lone `*x` or `**x` is passed as it is: no
    /// copy of an exact tuple or dict is made (CALL_FUNCTION_EX converts the others).
    private func emitCallExWithUnpack(_ args: [Expr], _ keywords: [Keyword], _ span: SourceSpan) throws {
        var parts = 0
        var run: [Expr] = []
        // Each run of positional arguments: BUILD_TUPLE, which the peephole optimizer folds
        // into one constant when the run is all constants (fold_tuple_on_constants).
        func packRun() throws {
            guard !run.isEmpty else { return }
            defer { run = []; parts += 1 }
            guard run.allSatisfy(c.isLiteral) else {
                for a in run { try emitExpr(a) }
                emit(.BUILD_TUPLE, .value(Int32(run.count)))
                return
            }
            try emitTupleFold(run)
        }
        for a in args {
            if case .starred(let value) = a.kind {
                try packRun()
                try emitExpr(value)
                parts += 1
            } else {
                run.append(a)
            }
        }
        try packRun()
        if parts > 1 { emit(.BUILD_TUPLE_UNPACK_WITH_CALL, .value(Int32(parts))) }
        if parts == 0 { emit(.BUILD_TUPLE, .value(0)) }
        var maps = 0, seen = 0
        for (i, k) in keywords.enumerated() {
            if k.name == nil {
                if seen > 0 { try emitSubkwargs(Array(keywords[(i - seen)..<i]), span); maps += 1; seen = 0 }
                try emitExpr(k.value)
                maps += 1
            } else {
                seen += 1
            }
        }
        if seen > 0 { try emitSubkwargs(Array(keywords.suffix(seen)), span); maps += 1 }
        if maps > 1 { emit(.BUILD_MAP_UNPACK_WITH_CALL, .value(Int32(maps))) }
        emit(.CALL_FUNCTION_EX, .value(maps > 0 ? 1 : 0))
    }

    /// Constant arguments as LOAD_CONSTs + BUILD_TUPLE that fold_tuple_on_constants turns into
    /// one constant when the code is assembled (`TupleFold`, as for defaults).
    private func emitTupleFold(_ args: [Expr]) throws {
        var items: [ObjectRef] = []
        _ = try capture {
            for a in args {
                guard let k = try emitOperand(a) else { throw c.unsupported("these constant call arguments", a.span) }
                items.append(k)
            }
        }
        let fold = TupleFold(items: items)
        c.emittingCode.tupleFolds.append(fold)
        emit(.LOAD_CONST, .fold(fold))
    }

    /// compiler_subkwargs: two or more named keywords as BUILD_CONST_KEY_MAP over a
    /// constant tuple of their names; one as LOAD_CONST name, value, BUILD_MAP 1.
    private func emitSubkwargs(_ keywords: [Keyword], _ span: SourceSpan) throws {
        let names = keywords.map { $0.name ?? "" }
        if keywords.count > 1 {
            for k in keywords { try emitExpr(k.value) }
            emitConst(c.compilerConst(try c.nameTuple(names)))
            emit(.BUILD_CONST_KEY_MAP, .value(Int32(keywords.count)))
            return
        }
        guard let key = try c.foldConstant(Expr(.string(names[0]), span)) else {
            throw c.unsupported("this keyword argument's name", span)
        }
        emitConst(c.addConst(key))
        try emitExpr(keywords[0].value)
        emit(.BUILD_MAP, .value(1))
    }

    // MARK: - Names (compiler_nameop)

    /// compiler_nameop for a load. `pushNull`: the name is a callee, after a NULL
    /// (PUSH_NULL before it, or LOAD_GLOBAL's own low bit).
    func emitLoadName(_ name: String, _ span: SourceSpan, pushNull: Bool) throws {
        try refuseClassCellName(name, span)
        let key = interp.name(name)
        if let slot = derefSlot(name) {
            if pushNull { emit(.PUSH_NULL) }
            emit(.LOAD_DEREF, .value(slot))
            return
        }
        switch c.resolve(name) {
        case .fast(let i):
            if pushNull { emit(.PUSH_NULL) }
            emit(.LOAD_FAST, .value(Int32(i)))
        case .enclosing(let depth, let i):
            try refuseIfCellSlot(depth: depth, index: i, span)
            // A comprehension's free variable, read from the frame running it (the closure
            // path's model; CPython reads it through a cell or, 3.12+, its own frame).
            if pushNull { emit(.PUSH_NULL) }
            emit(.LOAD_DEREF, .value(Int32(i)), aux: Int32(depth))
        case .closure:
            throw c.closureRefusal(span)
        case .name:
            c.noteName(name)
            if pushNull { emit(.PUSH_NULL) }
            emit(.LOAD_NAME, .name(name, key: key))
        case .global:
            c.noteName(name)
            emit(.LOAD_GLOBAL, .name(name, key: key), aux: pushNull ? 1 : 0)
        }
    }

    /// Stores the value on top of the stack, located at the target
    /// (compile.c visits a target as an expression in a Store context).
    func emitStore(_ target: Expr) throws {
        try located(Location(target.span)) { try emitStoreHere(target) }
    }

    private func emitStoreHere(_ target: Expr) throws {
        switch target.kind {
        case .name(let name):
            try refuseClassCellName(name, target.span)
            let key = interp.name(name)
            if let slot = derefSlot(name) { emit(.STORE_DEREF, .value(slot)); return }
            switch c.storeAccess(name) {
            case .fast(let i): emit(.STORE_FAST, .value(Int32(i)))
            case .enclosing: throw c.unsupported("assignment to an enclosing variable", target.span)
            case .closure: throw c.closureRefusal(target.span)
            case .name:
                c.noteName(name)
                emit(.STORE_NAME, .name(name, key: key))
            case .global:
                c.noteName(name)
                emit(.STORE_GLOBAL, .name(name, key: key))
            }
        case .attribute(let objExpr, let attr):
            try emitExpr(objExpr)
            c.noteName(attr)
            located(atAttributeName(unit.loc, target, attr)) { emit(.STORE_ATTR, .name(attr, key: 0)) }
        case .subscript(let objExpr, let indexExpr):
            try emitExpr(objExpr)
            try emitExpr(indexExpr)
            emit(.STORE_SUBSCR)
        case .tuple(let elements), .list(let elements):
            // unpack_helper: a starred target makes it UNPACK_EX, the counts before and
            // after the star in its low and high byte (the parser allows one star).
            if let star = elements.firstIndex(where: { if case .starred = $0.kind { return true }; return false }) {
                emit(.UNPACK_EX, .value(Int32(star + ((elements.count - star - 1) << 8))))
            } else {
                emit(.UNPACK_SEQUENCE, .value(Int32(elements.count)))
            }
            for el in elements { try emitStore(el) }
        case .starred(let inner):
            try emitStore(inner)   // compile.c visits the starred value: located there
        default:
            let what = CodeGen.describe(target)
            let hint = what == "comparison" ? "" : " here. Maybe you meant '==' instead of '='?"
            throw SyntaxError(.syntaxError, "cannot assign to \(what)\(hint)", line: target.span.line, offset: target.span.column + 1)
        }
    }

    /// `a, b = x, y`: BUILD_TUPLE n (3.6: or BUILD_LIST n) right before UNPACK_SEQUENCE n,
    /// n ≤ 3, is no tuple: 3.6/3.8's peephole.c makes it NOPs, ROT_TWO, or ROT_THREE +
    /// ROT_TWO, 3.11+'s optimize_basic_block NOP or SWAP n (the same stack). Then 3.11+'s
    /// apply_static_swaps swaps the stores instead of the stack items when they are
    /// STORE_FASTs to distinct locals on one line: in a function `a, b = x, y` binds b
    /// first, releasing b's old value before a's (dis of 3.6.15-3.12.1). No tuple means no
    /// allocation: `gc.collect(); f(); gc.get_count()` after `a, b = x, y` in f counts one
    /// object fewer than a tuple would (the free lists are empty after a full collection).
    /// Returns false (nothing emitted) where the peephole does not apply.
    func emitUnpackWithoutTuple(_ target: Expr, _ value: Expr) throws -> Bool {
        let targets: [Expr], values: [Expr]
        switch target.kind {
        case .tuple(let t), .list(let t): targets = t
        default: return false
        }
        switch value.kind {
        case .tuple(let v): values = v
        case .list(let v) where interp.profile.minor < 7: values = v
        default: return false
        }
        func isStarred(_ e: Expr) -> Bool { if case .starred = e.kind { return true }; return false }
        guard (1...3).contains(targets.count), values.count == targets.count,
              !targets.contains(where: isStarred), !values.contains(where: isStarred) else { return false }
        for v in values { try emitExpr(v) }
        guard targets.count > 1 else { try emitStore(targets[0]); return true }
        if interp.profile.minor >= 11, let order = staticSwapOrder(targets) {
            for t in order { try emitStore(t) }
            return true
        }
        emit(.SWAP, .value(Int32(targets.count)))
        for t in targets { try emitStore(t) }
        return true
    }

    /// apply_static_swaps' outcome for SWAP n followed by the targets' stores: the first and
    /// last stores exchanged when every store is a STORE_FAST on the target's line and none
    /// of the three stores to the same local as another; nil when the SWAP stays.
    private func staticSwapOrder(_ targets: [Expr]) -> [Expr]? {
        var slots: [Int] = []
        for t in targets {
            guard case .name(let n) = t.kind, derefSlot(n) == nil, case .fast(let i) = c.storeAccess(n),
                  t.span.line == targets[0].span.line else { return nil }
            slots.append(i)
        }
        guard Set(slots).count == slots.count else { return nil }
        var order = targets
        order.swapAt(0, order.count - 1)
        return order
    }

    /// A `del` target, located at it.
    func emitDelete(_ target: Expr) throws {
        try located(Location(target.span)) { try emitDeleteHere(target) }
    }

    private func emitDeleteHere(_ target: Expr) throws {
        switch target.kind {
        case .name(let name):
            try refuseClassCellName(name, target.span)
            let key = interp.name(name)
            if let slot = derefSlot(name) { emit(.DELETE_DEREF, .value(slot)); return }
            switch c.storeAccess(name) {
            case .fast(let i): emit(.DELETE_FAST, .value(Int32(i)))
            case .name:
                c.noteName(name)
                emit(.DELETE_NAME, .name(name, key: key))
            case .global:
                c.noteName(name)
                emit(.DELETE_GLOBAL, .name(name, key: key))
            case .enclosing: throw c.unsupported("deleting an enclosing variable", target.span)
            case .closure: throw c.closureRefusal(target.span)
            }
        case .attribute(let objExpr, let attr):
            try emitExpr(objExpr)
            c.noteName(attr)
            located(atAttributeName(unit.loc, target, attr)) { emit(.DELETE_ATTR, .name(attr, key: 0)) }
        case .subscript(let objExpr, let indexExpr):
            try emitExpr(objExpr)
            try emitExpr(indexExpr)
            emit(.DELETE_SUBSCR)
        case .tuple(let es), .list(let es):
            for el in es { try emitDelete(el) }
        default:
            throw SyntaxError(.syntaxError, "cannot delete \(CodeGen.describe(target))", line: target.span.line, offset: target.span.column + 1)
        }
    }

    // MARK: - Comprehensions (compiler_comprehension)

    /// compiler_comprehension: the outermost iterable in the enclosing scope, the
    /// comprehension's unit (the element, then the generators from the innermost out, in the
    /// compile-time order; spliced outermost first), its code object made (before 3.12),
    /// then the call.
    func emitComprehension(_ e: Expr) throws {
        let generators: [Comprehension]
        enum Element { case list(Expr), set(Expr), dict(Expr, Expr), generator(Expr) }
        let element: Element
        switch e.kind {
        case .listComp(let el, let gens): element = .list(el); generators = gens
        case .setComp(let el, let gens): element = .set(el); generators = gens
        case .dictComp(let k, let v, let gens): element = .dict(k, v); generators = gens
        case .generatorExp(let el, let gens): element = .generator(el); generators = gens
        default: throw c.unsupported("this comprehension", e.span)
        }
        let firstIter = try capture {
            inComprehensionIterable += 1
            defer { inComprehensionIterable -= 1 }
            try emitExpr(generators[0].iter)
        }
        let codeName = switch element {
        case .list: "<listcomp>"; case .set: "<setcomp>"; case .dict: "<dictcomp>"; case .generator: "<genexpr>"
        }
        let isGenerator: Bool
        if case .generator = element { isGenerator = true } else { isGenerator = false }
        // A generator's qualname is in its repr (compiler_set_qualname); inside another
        // comprehension it would name that comprehension too, which the engine does not track.
        if isGenerator, c.scopes.contains(where: { $0.kind == .comprehension }) {
            throw c.unsupported("a generator expression inside a comprehension", e.span)
        }
        let qualname = isGenerator ? (c.qualPrefix + [codeName]).joined(separator: ".") : codeName
        // A generator expression reads the variables of the function around it through cells
        // (its closure), as a nested function does.
        var closure: ClosureAnalysis?
        if case .generator(let el) = element {
            closure = try ClosureAnalysis(params: [Param(name: ".0")], body: CodeGen.generatorBody(el, generators), env: captureEnv)
            if closure!.frees.contains("__class__") { throw c.unsupported("super() or __class__ in a generator expression", e.span) }
        }
        let code = CodeObject(kind: .comprehension, name: codeName, qualname: qualname, filename: c.filename, firstLine: e.span.line)
        var cscope = Scope(kind: .comprehension)
        // A generator expression is a generator function whose one parameter, `.0`, is the
        // outermost iterator (the other comprehensions keep it on their stack).
        if isGenerator { cscope.addLocal(".0") }
        for g in generators { Scope.bindTarget(g.target, into: &cscope) }
        code.localNames = cscope.locals
        code.isGenerator = isGenerator
        code.paramCount = isGenerator ? 1 : 0
        let enclosing = c.code
        c.scopes.append(cscope)
        c.enterUnit(code)
        units.append(Unit(line: e.span.line))
        unit.isGeneratorExpression = isGenerator
        if let closure { layOutClosure(closure, code, unit) }
        let tables = c.emittingCode
        let n = generators.count
        // The body's stack: [result, iterator 0, ..., iterator n-1]; *_APPEND/ADD find the
        // result under the iterators.
        let depth = Bytecode.Arg.value(Int32(n + 1))
        let add: [Bytecode.Item]
        switch element {
        case .list(let el):
            add = try capture { try emitExpr(el); emit(.LIST_APPEND, depth) }
        case .set(let el):
            add = try capture { try emitExpr(el); emit(.SET_ADD, depth) }
        case .dict(let k, let v):
            let key = try capture { try emitExpr(k) }, value = try capture { try emitExpr(v) }
            let valueFirst = interp.profile.dictComprehensionEvaluatesValueFirst
            add = (valueFirst ? value + key : key + value)
                + [.instruction(.MAP_ADD, depth, aux: valueFirst ? 1 : 0, loc: unit.loc)]
        case .generator(let el):
            add = try capture { try emitExpr(el); emit(.YIELD_VALUE); emit(.RESUME, .value(1)); emit(.POP_TOP) }
        }
        let tops = generators.map { _ in newLabel() }, ends = generators.map { _ in newLabel() }
        let skips = generators.map { _ in newLabel() }
        var stores = Array(repeating: [Bytecode.Item](), count: n), tests = stores, iters = stores
        for index in (0..<n).reversed() {
            let g = generators[index]
            stores[index] = try capture { try emitStore(g.target) }
            tests[index] = try capture { for t in g.ifs { try emitJumpIf(t, jumpIfTrue: false, to: skips[index]) } }
            if index > 0 {
                iters[index] = try capture {
                    inComprehensionIterable += 1
                    defer { inComprehensionIterable -= 1 }
                    try emitExpr(g.iter)
                }
            }
        }
        if isGenerator { emit(.RETURN_GENERATOR); emit(.POP_TOP) }
        emit(.RESUME, .value(0))
        if isGenerator { emit(.LOAD_FAST, .value(0)) }
        for index in 0..<n {
            if index > 0 { splice(iters[index]); emit(.GET_ITER) }
            place(tops[index])
            emit(.FOR_ITER, .label(ends[index]))
            splice(stores[index])
            splice(tests[index])
        }
        splice(add)
        for index in (0..<n).reversed() {
            place(skips[index])
            emit(.JUMP_BACKWARD, .label(tops[index]))
            place(ends[index])
        }
        if isGenerator { try emitExpr(Expr(.none, e.span)) }
        emit(.RETURN_VALUE)
        let inner = units.removeLast()
        attach(inner, to: code)
        let inlined = interp.profile.inlinesComprehensions && !isGenerator   // PEP 709 inlines the others
        var codeRef: ObjectRef?, qualnameConst: ObjectRef?
        var runs = (code: code, tables: tables)
        if inlined {
            enclosing.hiddenLocals += code.localNames.filter { !enclosing.hiddenLocals.contains($0) }
        } else {
            let ref = c.addCodeConst(try c.makeCode(code), of: e, to: enclosing)
            heap.decref(ref)
            codeRef = ref
            let twin = c.codeObject(ref)   // an equal code constant's, when merged
            runs = (twin, twin)
            if interp.profile.qualnameIsConstant { qualnameConst = c.addConst(c.literal(try interp.newStr(codeName)), to: enclosing) }
        }
        c.codes.removeLast()
        c.scopes.removeLast()
        // MAKE_FUNCTION (before 3.12; the closure tuple first), the outermost iterable,
        // GET_ITER, the call.
        if let codeRef {
            let frees = closure?.frees ?? []
            if !frees.isEmpty { try emitClosureTuple(frees, at: e.span) }
            emitConst(codeRef)
            if let qualnameConst { emitConst(qualnameConst) }
            emit(.MAKE_FUNCTION, .value(frees.isEmpty ? 0 : 0x08), aux: qualnameConst == nil ? 0 : 1)
        }
        splice(firstIter)
        emit(.GET_ITER)
        let result: ComprehensionShape.Result = switch element {
        case .list: .list; case .set: .set; case .dict: .dict; case .generator: .generator
        }
        let shape = addCallShape(CallShape(kwnames: [], method: nil,
                                           comprehension: ComprehensionShape(code: runs.code, tables: runs.tables, result: result, inlined: inlined)))
        emit(.PRECALL, .value(0))
        emit(.CALL, .value(0), aux: shape)
    }
}

extension CodeGen {
    /// How CPython's compiler names an invalid target in "cannot assign to …".
    static func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .tuple: return "tuple"
        case .list: return "list"
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: return "literal"
        case .compare: return "comparison"
        default: return "expression"
        }
    }
}

// MARK: - Displays with unpacking (compile.c starunpack_helper, compiler_dict)

extension CodeGen {
    /// compiler_subdict: BUILD_CONST_KEY_MAP with the keys as one constant tuple when there
    /// are two or more and all are constants, else the keys and values in turn and BUILD_MAP.
    func emitSubdict(_ entries: ArraySlice<DictItem>, _ span: SourceSpan) throws {
        let keys = entries.map { $0.key! }
        if keys.count > 1, keys.allSatisfy(c.isLiteral) {
            for entry in entries { try emitExpr(entry.value) }
            guard let keyTuple = try c.constantTuple(keys) else {
                throw c.unsupported("these dict display keys", span)
            }
            emitConst(keyTuple)
            emit(.BUILD_CONST_KEY_MAP, .value(Int32(entries.count)))
            return
        }
        for (k, entry) in zip(keys, entries) {
            try emitExpr(k)
            try emitExpr(entry.value)
        }
        emit(.BUILD_MAP, .value(Int32(entries.count)))
    }

    /// compiler_dict (3.10+): each run of `key: value` entries (at most 17: STACK_USE_GUIDELINE)
    /// is a subdict, merged with DICT_UPDATE into the first dict made; each `**x` is
    /// DICT_UPDATE'd into it (an empty BUILD_MAP first when the display starts with one).
    func emitDict(_ entries: [DictItem], _ span: SourceSpan, guideline: Int) throws {
        var haveDict = false, run = 0
        for (i, entry) in entries.enumerated() {
            if entry.key == nil {
                if run > 0 {
                    try emitSubdict(entries[(i - run)..<i], span)
                    if haveDict { emit(.DICT_UPDATE, .value(1)) }
                    haveDict = true
                    run = 0
                }
                if !haveDict { emit(.BUILD_MAP, .value(0)); haveDict = true }
                try emitExpr(entry.value)
                emit(.DICT_UPDATE, .value(1))
            } else if run * 2 > guideline {
                try emitSubdict(entries[(i - run)...i], span)
                if haveDict { emit(.DICT_UPDATE, .value(1)) }
                haveDict = true
                run = 0
            } else {
                run += 1
            }
        }
        if run > 0 {
            try emitSubdict(entries[(entries.count - run)...], span)
            if haveDict { emit(.DICT_UPDATE, .value(1)) }
            haveDict = true
        }
        if !haveDict { emit(.BUILD_MAP, .value(0)) }
    }

    /// starunpack_helper (3.10+) for a display with a `*` or more items than
    /// STACK_USE_GUIDELINE: the items before the first star are built (BUILD_LIST/BUILD_SET
    /// of them; of none when there are too many), then each `*x` extends it and each other
    /// item is appended; a tuple is built as a list and turned into one (LIST_TO_TUPLE). The
    /// extends carry aux 1: a display's, not a call's (`CEval`).
    func emitStarUnpack(_ e: Expr, _ elements: [Expr]) throws {
        let isSet: Bool, isTuple: Bool
        switch e.kind {
        case .set: (isSet, isTuple) = (true, false)
        case .tuple: (isSet, isTuple) = (false, true)
        default: (isSet, isTuple) = (false, false)
        }
        let big = elements.count > (interp.profile.stackUseGuideline ?? Int.max)
        var built = false
        if big { emit(isSet ? .BUILD_SET : .BUILD_LIST, .value(0)); built = true }
        for (i, el) in elements.enumerated() {
            if case .starred(let value) = el.kind {
                if !built { emit(isSet ? .BUILD_SET : .BUILD_LIST, .value(Int32(i))); built = true }
                try emitExpr(value)
                emit(isSet ? .SET_UPDATE : .LIST_EXTEND, .value(1), aux: 1)
            } else {
                try emitExpr(el)
                if built { emit(isSet ? .SET_ADD : .LIST_APPEND, .value(1)) }
            }
        }
        if isTuple { emit(.LIST_TO_TUPLE) }
    }
}

// MARK: - ':=' in a comprehension (PEP 572; symtable.c symtable_extend_namedexpr_scope)

extension CodeGen {
    /// The caret width of a whole `target := value` (its node's extent on one line).
    func namedExprWidth(_ target: Expr, _ value: Expr) -> Int {
        let start = target.span, end = value.span
        return end.endLine == start.line ? max(1, end.endColumn - start.column) : 1
    }

    /// `target := value` inside a comprehension: the target is bound in the scope around the
    /// comprehensions (symtable_extend_namedexpr_scope, 3.8.18 = 3.11.7 = 3.12.1 = 3.13.0):
    /// - a SyntaxError when it is an iteration variable of any comprehension it is in, or
    ///   when the comprehensions are in a class body (located at the target name);
    /// - at module level (and for a name the function declares global) STORE_GLOBAL, in the
    ///   comprehension's own code through 3.11 and in the inlined code from 3.12;
    /// - in a function, a local of the function: from 3.12 (PEP 709) the inlined code's
    ///   STORE_FAST of the function's slot, which the engine's comprehension makes as a
    ///   store into the frame around it (STORE_DEREF with a depth, as its reads are). Through
    ///   3.11 the variable is a cell of the function and a free variable of the
    ///   comprehension's function (LOAD_CLOSURE, a closure tuple, MAKE_FUNCTION 8), which the
    ///   engine's comprehensions do not make: refused.
    func emitComprehensionNamedExpr(_ target: Expr, _ value: Expr, _ span: SourceSpan) throws {
        guard case .name(let name) = target.kind else { throw c.unsupported("':=' to a non-name", span) }
        let nameWidth = name.unicodeScalars.count
        var depth = 0
        var k = c.scopes.count - 1
        while k >= 0, c.scopes[k].kind == .comprehension {
            if c.scopes[k].localIndex[name] != nil {
                throw SyntaxError(.syntaxError, "assignment expression cannot rebind comprehension iteration variable '\(name)'",
                                  line: target.span.line, offset: target.span.column + 1, width: nameWidth)
            }
            k -= 1; depth += 1
        }
        if k >= 0, c.scopes[k].kind == .classBody {
            throw SyntaxError(.syntaxError, "assignment expression within a comprehension cannot be used in a class body",
                              line: target.span.line, offset: target.span.column + 1, width: nameWidth)
        }
        // A generator expression outlives the frame around it: its target would be a cell.
        if units.contains(where: { $0.isGeneratorExpression }) {
            throw c.unsupported("':=' in a generator expression", span)
        }
        let access = c.resolve(name)
        if case .enclosing = access, !interp.profile.inlinesComprehensions {
            throw c.unsupported("':=' in a comprehension in a function under CPython \(interp.profile.version) (the target's cell)", span)
        }
        try emitExpr(value)
        emit(.COPY, .value(1))
        switch access {
        case .global:
            c.noteName(name)
            located(Location(target.span)) { emit(.STORE_GLOBAL, .name(name, key: interp.name(name))) }
        case .enclosing(let d, let i) where d == depth:
            try refuseIfCellSlot(depth: d, index: i, target.span)
            located(Location(target.span)) { emit(.STORE_DEREF, .value(Int32(i)), aux: Int32(d)) }
        default:
            throw c.unsupported("':=' in a comprehension binding this name", span)
        }
    }
}
