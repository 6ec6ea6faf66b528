import HeapEngine

// Mirrors Python/compile.c (3.11): compiler_try_except, compiler_try_finally, compiler_with,
// compiler_return, compiler_unwind_fblock. Handlers are described by the exception table (`Bytecode.Item.
// pushHandler`/`popHandler`, SETUP_FINALLY/SETUP_CLEANUP/POP_BLOCK), not by instructions.
//
// Stack shapes (3.11), on top of the `depth` slots of the statement:
// - a handler is entered with [exc] (`lasti` handlers: [lasti, exc]); PUSH_EXC_INFO makes it
//   [prev_exc, exc], where prev_exc is the exception handled before (None if none);
// - an `except` body runs on [prev_exc] (the exception was stored or popped); POP_EXCEPT
//   pops prev_exc back into the thread's handled exception;
// - a cleanup handler (depth + 1, lasti) is entered with [prev_exc, lasti, exc]: COPY 3;
//   POP_EXCEPT restores prev_exc, RERAISE 1 sends exc on;
// - a `with` body runs on [exit] (the bound __exit__); its handler (depth + 1, lasti) makes
//   [exit, lasti, prev_exc, exc] and WITH_EXCEPT_START pushes what __exit__ returned.

extension CodeGen {
    /// A handler as the exception table names it.
    struct Handler {
        let label: Int
        let depth: Int
        let lasti: Bool
    }

    /// One entry of the fblock stack (compile.c's `fblocktype`).
    enum Block {
        case loop(Loop)
        /// TRY_EXCEPT: a `try` body whose handlers are `except` clauses.
        case tryExcept(Handler)
        /// FINALLY_TRY: a `try` body whose `finally` body is `Bytecode.finallyBodies[id]`,
        /// generated on the stack of the `try` statement.
        case finallyTry(id: Int, Handler)
        /// HANDLER_CLEANUP: an `except` body, with the handlers around it (the clause's
        /// cleanup, then `except ... as name`'s), and the name to unbind.
        case handlerCleanup(name: String?, [Handler])
        /// WITH: a `with` body, whose __exit__ is on the stack; where its calls are located.
        case with(Handler, Location)
    }

    func pushHandler(_ h: Handler) {
        unit.bytecode.pending.append(.pushHandler(label: h.label, depth: h.depth, lasti: h.lasti))
    }

    func popHandler() { unit.bytecode.pending.append(.popHandler) }

    /// `name = None; del name`: the cleanup after `except E as name`, so that the exception
    /// (which holds the frame through its traceback) does not stay in a local.
    /// Located where the code generator is (the handler body's last statement), as
    /// compiler_try_except leaves it.
    func emitUnbindHandlerName(_ name: String) throws {
        emitConst(c.compilerConst(heap.newNone()))
        let here = SourceSpan(line: Int(unit.loc.line), column: Int(unit.loc.column),
                              endLine: Int(unit.loc.endLine), endColumn: Int(unit.loc.endColumn))
        try emitStore(Expr(.name(name), here))
        try emitDelete(Expr(.name(name), here))
    }

    // MARK: - try/except (compiler_try_except)

    /// `inFinally`: the `try` of a try/except/finally, whose NOP the finally's stands for
    /// (remove_redundant_nops leaves one per line).
    func emitTryExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], inFinally: Bool = false) throws {
        let d = unit.depth
        let handlerLabel = newLabel(), cleanup = newLabel(), end = newLabel()
        if !inFinally { emit(.NOP) }   // where SETUP_FINALLY was, on the `try` line
        let setup = Handler(label: handlerLabel, depth: d, lasti: false)
        pushHandler(setup)
        unit.blocks.append(.tryExcept(setup))
        try emitBlock(body)
        unit.blocks.removeLast()
        popHandler()
        try emitBlock(orelse)
        emit(.JUMP_FORWARD, .label(end))

        place(handlerLabel)
        let cleanupHandler = Handler(label: cleanup, depth: d + 1, lasti: true)
        pushHandler(cleanupHandler)
        located(.lineOnly(-1)) { emit(.PUSH_EXC_INFO) }
        for h in handlers {
            unit.loc = handlerLocation(h)
            let next = newLabel()
            if let type = h.type {
                try emitExpr(type)
                emit(.CHECK_EXC_MATCH)
                emit(.POP_JUMP_FORWARD_IF_FALSE, .label(next))
            }
            var around = [cleanupHandler]
            if let name = h.name {
                try emitStore(Expr(.name(name), h.span))
                let cleanupEnd = Handler(label: newLabel(), depth: d + 1, lasti: true)
                pushHandler(cleanupEnd)
                around.append(cleanupEnd)
            } else {
                emit(.POP_TOP)
            }
            unit.blocks.append(.handlerCleanup(name: h.name, around))
            unit.depth = d + 1
            try emitBlock(h.body)
            unit.depth = d
            unit.blocks.removeLast()
            around.forEach { _ in popHandler() }
            emit(.POP_EXCEPT)
            if let name = h.name { try emitUnbindHandlerName(name) }
            emit(.JUMP_FORWARD, .label(end))
            pushHandler(cleanupHandler)
            if h.name != nil {
                // cleanup_end: the body raised; the name is unbound and the exception goes on.
                place(around[1].label)
                try emitUnbindHandlerName(h.name!)
                emit(.RERAISE, .value(1))
            }
            place(next)
        }
        // No clause matched: the exception goes on, its traceback unchanged (located at the
        // last clause, as is the cleanup after it).
        unit.loc = handlerLocation(handlers[handlers.count - 1])
        emit(.RERAISE, .value(0))
        popHandler()
        emitPopExceptAndReraise(cleanup)
        place(end)
    }

    /// An except clause's location (the excepthandler node): from `except` to the end of
    /// its body's last statement (3.13.0's traceback shows both lines of `except 5:\n pass`).
    private func handlerLocation(_ h: ExceptHandler) -> Location {
        var loc = Location(h.span)
        if let last = h.body.last {
            loc.endLine = Int32(last.span.endLine)
            loc.endColumn = Int32(last.span.endColumn)
        }
        return loc
    }

    /// POP_EXCEPT_AND_RERAISE: a cleanup handler's code.
    private func emitPopExceptAndReraise(_ label: Int) {
        place(label)
        emit(.COPY, .value(3))
        emit(.POP_EXCEPT)
        emit(.RERAISE, .value(1))
    }

    // MARK: - try/finally (compiler_try_finally)

    func emitTryFinally(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ finalbody: [Stmt]) throws {
        let d = unit.depth
        let excLabel = newLabel(), cleanup = newLabel(), exit = newLabel()
        let id = unit.bytecode.finallyBodies.count
        unit.bytecode.finallyBodies.append([])
        emit(.NOP)
        let setup = Handler(label: excLabel, depth: d, lasti: false)
        pushHandler(setup)
        unit.blocks.append(.finallyTry(id: id, setup))
        if handlers.isEmpty {
            try emitBlock(body)
        } else {
            try emitTryExcept(body, handlers, orelse, inFinally: true)
        }
        unit.blocks.removeLast()
        popHandler()
        // The body is generated once, here (where compile.c first visits it), then copied
        // for the normal path, the exceptional one, and each return/break/continue.
        unit.bytecode.finallyBodies[id] = try capture { try emitBlock(finalbody) }
        unit.bytecode.pending.append(.inlineFinally(id: id, depthDelta: 0))
        emit(.JUMP_FORWARD, .label(exit))

        place(excLabel)
        pushHandler(Handler(label: cleanup, depth: d + 1, lasti: true))
        located(.lineOnly(-1)) { emit(.PUSH_EXC_INFO) }
        unit.bytecode.pending.append(.inlineFinally(id: id, depthDelta: 2))
        emit(.RERAISE, .value(0))
        popHandler()
        emitPopExceptAndReraise(cleanup)
        place(exit)
    }

    // MARK: - with (compiler_with)

    /// One `with` per item, the later ones inside the earlier ones' bodies.
    func emitWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ span: SourceSpan) throws {
        guard let item = items.first else { return try emitBlock(body) }
        let d = unit.depth
        let final = newLabel(), cleanup = newLabel(), suppress = newLabel(), exit = newLabel()
        try emitExpr(item.context)
        // 3.13's compiler_with locates BEFORE_WITH and the __exit__ calls at the context
        // expression, 3.11 and 3.12 at the statement (3.13.0's traceback shows `with A():`
        // with `~^^` under `A()`, 3.11.7's the `with` line, for a raising __exit__ too).
        let withLoc = interp.profile.minor >= 13 ? Location(item.context.span) : Location(span)
        located(withLoc) { emit(.BEFORE_WITH) }
        let setup = Handler(label: final, depth: d + 1, lasti: true)
        pushHandler(setup)
        unit.blocks.append(.with(setup, withLoc))
        unit.depth = d + 1
        if let target = item.target { try emitStore(target) } else { emit(.POP_TOP) }
        try emitWith(items.dropFirst(), body, span)
        unit.depth = d
        unit.blocks.removeLast()
        popHandler()
        // 3.8's compiler_with emits the normal exit with the line of the last statement it
        // compiled in the body (3.8.18: a raising __exit__ after `pass` on line 6 is reported
        // on line 6); 3.6 and 3.11+ use the `with` statement's.
        unit.loc = interp.profile.minor == 8 ? .lineOnly(Int32(CodeGen.lastCompiledLine(body, after: span.line))) : withLoc
        emitCallExitWithNones()
        emit(.JUMP_FORWARD, .label(exit))

        place(final)
        let cleanupHandler = Handler(label: cleanup, depth: d + 3, lasti: true)
        pushHandler(cleanupHandler)
        emit(.PUSH_EXC_INFO)
        emit(.WITH_EXCEPT_START)
        emit(.POP_JUMP_FORWARD_IF_TRUE, .label(suppress))
        emit(.RERAISE, .value(2))
        popHandler()
        emitPopExceptAndReraise(cleanup)
        // __exit__ returned true: the exception is dropped.
        place(suppress)
        pushHandler(cleanupHandler)
        emit(.POP_TOP)
        popHandler()
        emit(.POP_EXCEPT)
        emit(.POP_TOP)
        emit(.POP_TOP)
        place(exit)
    }

    /// The line 3.8's compiler was at after compiling `body`: its last statement's, or that of
    /// the last statement of the block compiled last inside it (an `else` after the body, a
    /// `finally` after the handlers).
    static func lastCompiledLine(_ body: [Stmt], after line: Int) -> Int {
        guard let s = body.last else { return line }
        switch s.kind {
        case .if(_, let b, let o), .while(_, let b, let o), .for(_, _, let b, let o):
            return o.isEmpty ? lastCompiledLine(b, after: s.span.line) : lastCompiledLine(o, after: s.span.line)
        case .with(_, let b): return lastCompiledLine(b, after: s.span.line)
        case .try(let b, let handlers, let o, let f):
            if !f.isEmpty { return lastCompiledLine(f, after: s.span.line) }
            if !o.isEmpty { return lastCompiledLine(o, after: s.span.line) }
            return lastCompiledLine(handlers.last?.body ?? b, after: s.span.line)
        default: return s.span.line
        }
    }

    /// compiler_call_exit_with_nones: `__exit__(None, None, None)`, its result dropped. 3.11
    /// writes the call as PRECALL 2; CALL 2 (the bound __exit__ in the method slot, the first
    /// None as its self); the engine's CALL counts the three Nones as arguments.
    private func emitCallExitWithNones() {
        let none = c.compilerConst(heap.newNone())
        for _ in 0..<3 { emitConst(none) }
        emit(.PRECALL, .value(3))
        emit(.CALL, .value(3))
        emit(.POP_TOP)
    }

    // MARK: - Leaving blocks (compiler_unwind_fblock_stack)

    /// `return` (compiler_return): a constant is loaded after the blocks are unwound, any
    /// other value before, kept on top while they are. With only loops around, the value is
    /// loaded first as before (the iterators are swapped under it).
    func emitReturn(_ value: Expr?) throws {
        let unwindsHandlers = unit.blocks.contains { if case .loop = $0 { return false }; return true }
        var isConstant = value == nil
        if let value, unwindsHandlers {
            switch value.kind {
            case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: isConstant = true
            default: break
            }
        }
        let preserving = !(unwindsHandlers && isConstant)
        let load = try capture { if let value { try emitExpr(value) } else { emitNone() } }
        if preserving { splice(load) }
        try unwindingBlocks(preservingValue: preserving, untilLoop: false) { _ in
            if !preserving { splice(load) }
            emit(.RETURN_VALUE)
        }
    }

    /// Emits the unwinding of the blocks from the innermost out to the innermost loop
    /// (`untilLoop`) or all of them, then `exit` (given the loop reached), then re-opens the
    /// handlers it closed, for the code that follows in the same block.
    func unwindingBlocks(preservingValue preserving: Bool, untilLoop: Bool, _ exit: (Loop?) throws -> Void) throws {
        var closed: [Handler] = []
        var reached: Loop?
        for block in unit.blocks.reversed() {
            switch block {
            case .loop(let loop):
                if untilLoop { reached = loop; break }
                if loop.isFor {
                    if preserving { emit(.SWAP, .value(2)) }
                    emit(.POP_TOP)
                }
                continue
            case .tryExcept(let h):
                popHandler()
                closed.append(h)
                continue
            case .finallyTry(let id, let h):
                popHandler()
                closed.append(h)
                unit.bytecode.pending.append(.inlineFinally(id: id, depthDelta: preserving ? 1 : 0))
                continue
            case .with(let h, let loc):
                popHandler()
                closed.append(h)
                located(loc) {
                    if preserving { emit(.SWAP, .value(2)) }
                    emitCallExitWithNones()
                }
                continue
            case .handlerCleanup(let name, let around):
                if name != nil { popHandler() }
                if preserving { emit(.SWAP, .value(2)) }
                popHandler()
                emit(.POP_EXCEPT)
                if let name { try emitUnbindHandlerName(name) }
                closed += around.reversed()
                continue
            }
            break
        }
        try exit(reached)
        for h in closed.reversed() { pushHandler(h) }
    }
}

extension CodeGen {
    /// Whether `body` has a `return`, or a `break`/`continue` of a loop around it (nested
    /// functions and classes aside).
    static func leavesBlock(_ body: [Stmt], inLoop: Bool = false) -> Bool {
        body.contains { s in
            switch s.kind {
            case .return: return true
            case .break, .continue: return !inLoop
            case .if(_, let b, let o): return leavesBlock(b + o, inLoop: inLoop)
            case .while(_, let b, let o), .for(_, _, let b, let o):
                return leavesBlock(b, inLoop: true) || leavesBlock(o, inLoop: inLoop)
            case .try(let b, let hs, let o, let f):
                return leavesBlock(b + o + f + hs.flatMap { $0.body }, inLoop: inLoop)
            case .with(_, let b): return leavesBlock(b, inLoop: inLoop)
            default: return false
            }
        }
    }
}
