import HeapEngine

// Python/compile.c (3.12+): can_optimize_super_call and load_args_for_super, which compile
// `super().name` and `super(C, obj).name` to LOAD_SUPER_ATTR (gh-103497: no super object
// once the instruction is specialized, `Interpreter.loadSuperAttr`); and the class body's
// `__class__` cell, whose name the engine keeps out of class bodies.

extension CodeGen {
    /// can_optimize_super_call: the arguments of the `super(...)` call that `objExpr` is,
    /// when `objExpr.attr` compiles to LOAD_SUPER_ATTR (3.12.1 and 3.13.0 `dis`), else nil.
    /// `super` must be an implicit global of the function and neither used nor bound at
    /// the top level of the compilation; the zero-argument form needs a positional
    /// parameter and `__class__` among the free variables; `super().__class__`, keyword
    /// arguments and starred ones keep the plain call. A class body, module level or
    /// comprehension whose `super(...)` the compiler would treat so is refused.
    func superCallArguments(_ objExpr: Expr, _ attr: String) throws -> [Expr]? {
        guard interp.profile.minor >= 12, case .call(let f, let args, let keywords) = objExpr.kind,
              case .name("super") = f.kind, attr != "__class__", keywords.isEmpty,
              args.count == 0 || (args.count == 2 && !args.contains(where: { if case .starred = $0.kind { true } else { false } }))
        else { return nil }
        guard case .global = c.resolve("super"), !c.scope.declaredGlobal.contains("super") else { return nil }
        guard let topLevelUsesSuper else {
            throw c.unsupported("super() where CPython \(interp.profile.version) may compile LOAD_SUPER_ATTR", objExpr.span)
        }
        if topLevelUsesSuper { return nil }
        guard c.scope.kind == .function else {
            throw c.unsupported("super(...).\(attr) outside a function under CPython \(interp.profile.version)", objExpr.span)
        }
        if args.isEmpty && (c.code.paramCount == 0 || unit.deref["__class__"] == nil) { return nil }
        return args
    }

    /// load_args_for_super: `super` (LOAD_GLOBAL, no NULL), then `__class__` and the first
    /// parameter (read as the function reads them: fast local or cell) or the two
    /// arguments, located at the `super(...)` call.
    func emitSuperAttrOperands(_ call: Expr, _ args: [Expr]) throws {
        try located(Location(call.span)) {
            try emitLoadName("super", call.span, pushNull: false)
            if args.isEmpty {
                try emitLoadName("__class__", call.span, pushNull: false)
                try emitLoadName(c.scope.locals[0], call.span, pushNull: false)
            } else {
                for a in args { try emitExpr(a) }
            }
        }
    }

    /// `__class__` in a class body itself (not in a function of it) is refused: its cell
    /// belongs to the functions (`emitClosureTuple`).
    func refuseClassCellName(_ name: String, _ span: SourceSpan) throws {
        if name == "__class__" && unit.isClassBody { throw c.unsupported("the name __class__ in a class body", span) }
    }
}
