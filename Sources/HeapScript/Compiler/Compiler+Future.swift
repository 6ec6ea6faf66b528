import HeapEngine

// Python/future.c: the future statements a module starts with, and what the compiler does
// with them (Python/compile.c's compiler_visit_annexpr, PEP 563).
//
// future_parse reads the top-level statements after the docstring: each leading
// `from __future__ import ...` names features; the first other statement ends them, and a
// later one is the SyntaxError "from __future__ imports must occur at the beginning of the
// file" (future.c for a top-level statement, compiler_from_import for a nested one, whose
// line is after ff_lineno, the last leading one's). `braces` is "not a chance", an unknown
// name "future feature X is not defined" (3.6.15 has no `annotations`).
//
// Every feature but two is a no-op by 3.6 (Lib/__future__.py's mandatory releases): nested_scopes,
// generators, division, absolute_import, with_statement, print_function, unicode_literals,
// and generator_stop from 3.7 (PEP 479 is the default there). barry_as_FLUFL (the `<>`
// operator) and 3.6's generator_stop change what the engine compiles or runs: refused.
//
// `annotations` (3.7+): every annotation the compiler would evaluate is stored as its source
// text instead (ASTUnparse.swift), a str constant the code loads as it would load a literal.
// The engine rewrites the tree before compiling it: a parameter's or return annotation, and a
// simple name's annotated assignment, become that str. At the prompt the flag outlives the
// statement (pythonrun.c keeps the merged cf_flags for the next one): measured
// `from __future__ import annotations`, then `def f(x: int): pass`, `f.__annotations__` is
// {'x': 'int'} on 3.8.18-3.13.0.
//
// What stays evaluated differs per version (measured `sys.x: undefined_name = 1`):
// - a non-simple target's annotation (`sys.x: T`, `(y): T`) at module or class level: 3.8
//   still evaluates the expression (check_annotation, NameError); 3.10+ do not
//   (`CodeGen.emitAnnAssign` skips it);
// - 3.10+ visit an annotation in a symtable block of its own (symtable_visit_annotation), so
//   its names are no uses of the enclosing scope: `def outer(): T = 1; class C: y: T` has no
//   cell for T (co_cellvars `()` on 3.11.7-3.13.0, `('T',)` on 3.8.18). The str constant has
//   no names, which is 3.10+'s answer; on 3.8 an annotation inside a function that reads a
//   name is refused.
struct FutureStatements {
    /// CO_FUTURE_ANNOTATIONS: annotations are stored as strings.
    var annotations = false
    /// ff_lineno: the line of the last leading future statement (-1: none).
    var lastLine = -1

    static let noOpFeatures: Set<String> = ["nested_scopes", "generators", "division", "absolute_import",
                                            "with_statement", "print_function", "unicode_literals"]

    /// future_parse and future_check_features over a module's (or a prompt input's) statements.
    static func parse(_ body: [Stmt], minor: Int, interactive: Bool) throws -> FutureStatements {
        var ff = FutureStatements()
        var statements = body[...]
        // The docstring (a script's; the prompt's `single` mode has none).
        if !interactive, case .expr(let first)? = statements.first?.kind, case .string = first.kind {
            statements = statements.dropFirst()
        }
        var done = false
        for s in statements {
            guard case .importFrom("__future__", let names) = s.kind else { done = true; continue }
            if done { throw lateFuture(s) }
            for alias in names {
                let feature = alias.name
                if noOpFeatures.contains(feature) { continue }
                switch feature {
                case "generator_stop" where minor >= 7: continue
                case "annotations" where minor >= 7: ff.annotations = true
                case "generator_stop", "barry_as_FLUFL":
                    throw UnsupportedConstruct("`from __future__ import \(feature)`", line: s.span.line, column: s.span.column,
                                               fullMessage: "heapbook does not model `from __future__ import \(feature)`: it changes "
                                                + "what CPython's compiler accepts or how generators end, which heapbook's does not follow")
                case "braces":
                    throw SyntaxError(.syntaxError, "not a chance", line: s.span.line, offset: s.span.column + 1)
                default:
                    throw SyntaxError(.syntaxError, "future feature \(feature) is not defined",
                                      line: s.span.line, offset: s.span.column + 1)
                }
            }
            ff.lastLine = s.span.line
        }
        return ff
    }

    /// ERR_LATE_FUTURE at the statement `s`.
    static func lateFuture(_ s: Stmt) -> SyntaxError {
        let width = s.span.endLine == s.span.line ? max(1, s.span.endColumn - s.span.column) : 1
        return SyntaxError(.syntaxError, "from __future__ imports must occur at the beginning of the file",
                           line: s.span.line, offset: s.span.column + 1, width: width)
    }

    // MARK: - Annotations as strings (compiler_visit_annexpr)

    /// The statements with every annotation the compiler evaluates replaced by its text.
    static func stringifyAnnotations(_ body: [Stmt], minor: Int) throws -> [Stmt] {
        try body.map { try stringify($0, minor: minor, inFunction: false) }
    }

    private static func stringify(_ s: Stmt, minor: Int, inFunction: Bool) throws -> Stmt {
        func block(_ b: [Stmt], inFunction f: Bool) throws -> [Stmt] {
            try b.map { try stringify($0, minor: minor, inFunction: f) }
        }
        func block(_ b: [Stmt]) throws -> [Stmt] { try block(b, inFunction: inFunction) }
        func text(_ e: Expr) throws -> Expr { try annotationText(e, minor: minor, inFunction: inFunction) }
        var out = s
        switch s.kind {
        case .annAssign(let target, let annotation, let value, let simple) where simple:
            out.kind = .annAssign(target: target, annotation: try text(annotation), value: value, simple: simple)
        case .functionDef(let name, let params, let body, let decorators, let returns):
            var ps = params
            for k in ps.indices { if let a = ps[k].annotation { ps[k].annotation = try text(a) } }
            out.kind = .functionDef(name: name, params: ps, body: try block(body, inFunction: true),
                                    decorators: decorators, returns: try returns.map(text))
        case .classDef(let name, let bases, let body, let decorators):
            out.kind = .classDef(name: name, bases: bases, body: try block(body), decorators: decorators)
        case .if(let t, let b, let o): out.kind = .if(test: t, body: try block(b), orelse: try block(o))
        case .while(let t, let b, let o): out.kind = .while(test: t, body: try block(b), orelse: try block(o))
        case .for(let target, let iter, let b, let o):
            out.kind = .for(target: target, iter: iter, body: try block(b), orelse: try block(o))
        case .try(let body, let handlers, let orelse, let finalbody):
            var hs = handlers
            for k in hs.indices { hs[k].body = try block(hs[k].body) }
            out.kind = .try(body: try block(body), handlers: hs, orelse: try block(orelse), finalbody: try block(finalbody))
        case .with(let items, let body): out.kind = .with(items: items, body: try block(body))
        default: break
        }
        return out
    }

    /// `_PyAST_ExprAsUnicode(annotation)` as a str constant, or the refusal of what the engine
    /// does not unparse exactly (see ASTUnparse.swift and the header).
    private static func annotationText(_ e: Expr, minor: Int, inFunction: Bool) throws -> Expr {
        func refuse(_ why: String) -> UnsupportedConstruct {
            UnsupportedConstruct("a string annotation", line: e.span.line, column: e.span.column,
                                 fullMessage: "heapbook does not model `from __future__ import annotations` here: \(why)")
        }
        if minor < 10 && ASTUnparse.foldedBefore310(e) {
            throw refuse("CPython 3.\(minor) stores the annotation's text after folding its constants (ast_opt.c), which heapbook does not do")
        }
        if minor < 10 && inFunction && ASTUnparse.usesName(e) {
            throw refuse("CPython 3.\(minor)'s symtable still sees the names of an annotation inside a function (cells, free variables)")
        }
        do {
            return Expr(.string(try ASTUnparse.unparse(e, minor: minor)), e.span)
        } catch let r as ASTUnparse.Refused {
            throw refuse("heapbook does not unparse \(r.what) (Python/ast_unparse.c)")
        }
    }
}
