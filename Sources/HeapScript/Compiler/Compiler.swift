import HeapEngine

/// The compiler state of one compilation unit (a REPL statement or a module) that the code
/// generator (`CodeGen`) drives: the constant model, scopes and the compiler's own allocations.
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
    /// How many objects CPython's PEG parser made for each number literal of the source
    /// (`Profile.pegParserNumberObjects`); nil where the parse is not the user's (a stand-in
    /// module's source), where each literal has one object.
    var numberParses: NumberTokenParses?
    /// The constant each AST node folded to, or nil (ast_opt replaces a node by one Constant
    /// whose object the parser or the fold made): a node visited again (a fold that failed
    /// higher up, `1 + x`; a `finally` body compiled twice) gets the same object, not another
    /// arena reference. By span, then node.
    var foldedNodes: [SourceSpan: [(Expr, ObjectRef?)]] = [:]
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
    /// The future statements of this compilation (Compiler+Future.swift).
    var future = FutureStatements()
    /// The free-listed objects the compiler itself holds until it finishes
    /// (`Profile.compileWorkingSet`, `Profile.compileUnitWorkingSet`).
    var workingSet: [ObjectRef] = []
    /// What each open nested unit holds until its code object is made (`enterUnit`).
    var unitStack: [[ObjectRef]] = []
    /// Nested units compiled (functions, lambdas and comprehensions before 3.12; class bodies),
    /// for `Profile.compileCountError`.
    var functionsCompiled = 0, classBodiesCompiled = 0
    /// For `Profile.scriptCountBound`: code units entered (every nested one, inlined
    /// comprehensions too: their symtable entries exist), the constants' key nodes
    /// (`constantKeyNodes`) and whether a warning was issued (the warnings machinery allocates
    /// what nothing bounds).
    var unitsEntered = 0, keyNodes = 0, warned = false

    /// A symtable entry's own free-listed objects (ste_new): ste_symbols, ste_varnames and
    /// ste_children, held until the compilation ends.
    static let symtableEntry = FreeListCounts(lists: 2, dicts: 1)

    init(interp: Interpreter, filename: String) {
        self.interp = interp
        self.filename = filename
    }

    var scope: Scope { get { scopes[scopes.count - 1] } set { scopes[scopes.count - 1] = newValue } }
    var code: CodeObject { codes[codes.count - 1] }

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
        foldedNodes = [:]
        heap.runningLiterals = []
        interp.peepholeFoldedConstants = []
        for r in a.reversed() { heap.decref(r) }
    }

    func unsupported(_ what: String, _ span: SourceSpan) -> UnsupportedConstruct {
        UnsupportedConstruct(what, line: span.line, column: span.column)
    }
}
