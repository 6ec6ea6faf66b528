import HeapEngine

/// Compiles the AST of one REPL statement (or one module) into closures.
///
/// Like CPython's compile(): the parser's literal objects live in an "arena" until the
/// statement has run (PyArena owns them), the constant cache merges equal constants of
/// the whole compilation unit (c_const_cache), and each code object keeps its own
/// co_consts. Both sets of references are real, which is what `sys.getrefcount` sees.
final class Compiler {
    let interp: Interpreter
    var heap: Heap { interp.heap }
    let filename: String
    /// Objects created for literals while parsing (owned; released after the run).
    var arena: [ObjectRef] = []
    /// Canonical constants of this compilation unit by value (owned while compiling).
    var constCache: [ConstKey: ObjectRef] = [:]
    /// 3.6 (`Profile.mergesFoldedConstants` false): constants the peephole optimizer folded,
    /// which it appends to co_consts without merging them with equal ones.
    var unmergedConstants: Set<ObjectRef> = []
    /// ... and of those, the ones the peephole optimizer made (`CodeObject.peepholeFolded`).
    var peepholeFolds: Set<ObjectRef> = []
    var scopes: [Scope] = []
    var codes: [CodeObject] = []
    /// Qualified-name prefix of the enclosing definitions.
    var qualPrefix: [String] = []
    /// Compiling in `single` mode (the REPL).
    var interactive = false
    /// The free-listed objects the compiler itself holds until it finishes
    /// (`Profile.compileWorkingSet`, `Profile.compileUnitWorkingSet`).
    var workingSet: [ObjectRef] = []
    /// What each open nested unit holds until its code object is made (`enterUnit`).
    var unitStack: [[ObjectRef]] = []
    /// Nested units compiled (functions, lambdas and comprehensions before 3.12; class bodies),
    /// for `Profile.compileCountError`.
    var functionsCompiled = 0, classBodiesCompiled = 0

    /// A symtable entry's own free-listed objects (ste_new): ste_symbols, ste_varnames and
    /// ste_children, held until the compilation ends.
    static let symtableEntry = FreeListCounts(lists: 2, dicts: 1)

    init(interp: Interpreter, filename: String) {
        self.interp = interp
        self.filename = filename
    }

    var scope: Scope { get { scopes[scopes.count - 1] } set { scopes[scopes.count - 1] = newValue } }
    var code: CodeObject { codes[codes.count - 1] }

    /// Compiles a module-level body (a REPL statement in `single` mode, or a file in `exec` mode).
    func compileModule(_ body: [Stmt], interactive: Bool) throws -> CodeObject {
        let body = ASTOptimizer.optimize(body, profile: interp.profile)
        // The symtable is built (every block's entry) before it is analysed.
        let profile = interp.profile
        let blocks = SymtableBlock.children(of: body)
        workingSet += heap.takeFromFreeLists(profile.symtableWorkingSet)
        for _ in 0..<blocks.reduce(0, { $0 + $1.entryCount }) {
            workingSet += heap.takeFromFreeLists(Compiler.symtableEntry)
        }
        try analyzeSymtable(blocks)
        workingSet += heap.takeFromFreeLists(profile.compileWorkingSet)
        let code = CodeObject(kind: .module, name: "<module>", qualname: "<module>", filename: filename, firstLine: body.first?.span.line ?? 1)
        scopes.append(Scope(kind: .module))
        codes.append(code)
        defer { scopes.removeLast(); codes.removeLast() }
        self.interactive = interactive
        let stmts = try body.map { try compileStmt($0, interactive: interactive) }
        code.body = Compiler.sequence(stmts)
        return code
    }

    /// symtable_analyze (`Profile.symtableAnalysisSets`): the analysis makes sets and frees
    /// them before any code is compiled — `free` and `global`, then five in analyze_block for
    /// the module, and for each nested block three copies (analyze_child_block) and its own
    /// five; each block's update_symbols iterates over one of them once its children are
    /// done. None of these has a free list, so the count peaks 8 + 8 per level of nesting
    /// above where the analysis started, and a collection can start there.
    func analyzeSymtable(_ blocks: [SymtableBlock]) throws {
        guard interp.profile.symtableAnalysisSets else { return }
        let interp = self.interp, heap = self.heap
        func sets(_ n: Int) throws -> [ObjectRef] { try (0..<n).map { _ in try interp.newSet([]) } }
        func analyzeBlock(_ children: [SymtableBlock]) throws {
            let own = try sets(5)   // local, newglobal, newfree, newbound, allfree
            defer { own.forEach(heap.decref) }
            for child in children {
                let copies = try sets(3)   // temp_bound, temp_free, temp_global
                defer { copies.forEach(heap.decref) }
                try analyzeBlock(child.children)
            }
            heap.decref(try interp.getIter(own[2]))   // update_symbols' iterator over newfree
        }
        let outer = try sets(2)
        defer { outer.forEach(heap.decref) }
        try analyzeBlock(blocks)
    }

    /// Releases the compile-time references (the constant cache); the arena is released
    /// by `releaseArena()` after the statement ran.
    func finishCompiling() {
        for (_, r) in constCache { heap.decref(r) }
        constCache = [:]
        unitStack.reversed().forEach(heap.releaseWorkingSet)
        unitStack = []
        heap.releaseWorkingSet(workingSet)
        workingSet = []
    }

    func releaseArena() {
        let a = arena
        arena = []
        heap.runningLiterals = []
        for r in a.reversed() { heap.decref(r) }
    }

    static func sequence(_ stmts: [Exec]) -> Exec {
        switch stmts.count {
        case 0: return { _ in .next }
        case 1: return stmts[0]
        case 2:
            let a = stmts[0], b = stmts[1]
            return { f in
                let r = try a(f)
                if case .next = r { return try b(f) }
                return r
            }
        default:
            return { f in
                for s in stmts {
                    let r = try s(f)
                    if case .next = r { continue }
                    return r
                }
                return .next
            }
        }
    }

    func unsupported(_ what: String, _ span: SourceSpan) -> UnsupportedConstruct {
        UnsupportedConstruct(what, line: span.line, column: span.column)
    }
}
