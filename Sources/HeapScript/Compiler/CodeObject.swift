import HeapEngine

/// What a statement or function body compiles to: CPython's code object.
///
/// `consts` are owned references (co_consts): they keep the constants of a running
/// statement alive, which is why `sys.getrefcount(300)` counts them.
final class CodeObject: NativeReferents {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    let name: String
    var qualname: String
    let filename: String
    let firstLine: Int
    /// 3.11+ co_qualname (owned) of a `def`'s code: the str compiler_set_qualname made
    /// ("C.f", PyUnicode_Concat + PyUnicode_Append, not interned), or the interned name
    /// itself when the qualname is the name. PyFunction_New shares it as func_qualname, and
    /// functools_wraps copies that very object into a staticmethod's or classmethod's dict.
    /// nil for other code (and before 3.11, where MAKE_FUNCTION pops the qualname).
    var qualnameRef: ObjectRef?
    /// co_consts' items. Owned while compiling; once `Compiler.makeCode` has built the real
    /// tuples, borrowed from the co_consts tuple (which may be an equal merged one).
    var consts: [ObjectRef] = []
    /// co_names: global, builtin and attribute names, in order of first use.
    var names: [String] = []
    /// 3.12+ inlined comprehensions' variables: hidden fast locals of this code.
    var hiddenLocals: [String] = []
    /// co_consts, co_names and the local names as real tuples (owned), once made.
    var tuples: [ObjectRef] = []
    /// Fast-local names (function scopes): parameters first, then other locals.
    var localNames: [String] = []
    /// BUILD_TUPLEs of constants that the CFG optimizer folds when this code is assembled
    /// (a `def`'s constant defaults), in order.
    var tupleFolds: [TupleFold] = []
    /// How many instructions load each constant (a folded BUILD_TUPLE's items lose theirs).
    var constUses: [ObjectRef: Int] = [:]
    /// 3.6 (`Profile.mergesFoldedConstants` false): a constant of this code was folded by the
    /// peephole optimizer, which leaves the operands in co_consts and appends the results
    /// after every other constant (`def f(): return 'a' * 3` has co_consts
    /// `(None, 'a', 3, 'aaa')` on 3.6.15). That layout is not modelled: co_consts is refused.
    var peepholeFolded = false
    /// co_argcount: the positional parameters, the positional-only ones included.
    var paramCount = 0
    /// co_posonlyargcount (3.8+): the first `posonlyCount` of the `paramCount` slots take no
    /// keyword (_PyEval_EvalCodeWithName / initialize_locals look keywords up after them).
    var posonlyCount = 0
    /// The local slots that hold cells (co_cellvars), in the order the frame makes them
    /// (`Interpreter.makeCellsAndCopyFreeVars`); the last `freeCount` slots take the
    /// function's closure cells (co_freevars).
    var cellSlots: [Int] = []
    var freeCount = 0
    /// The instructions (`CodeGen.attach`), set once the code generator finished the unit.
    var bytecode: Bytecode?
    /// co_kwonlyargcount: the keyword-only parameters' slots follow the positional ones.
    var kwonlyCount = 0
    /// CO_VARARGS / CO_VARKEYWORDS: the `*args` slot is `paramCount + kwonlyCount`, the
    /// `**kwargs` slot follows it (co_varnames order: symtable_visit_arguments).
    var hasVarArgs = false
    var hasVarKeywords = false
    /// Before 3.11: co_zombieframe is set (the frame object of the last call, kept for the
    /// next one; `Heap+FrameObjects.swift`).
    var zombieFrame = false
    /// CO_GENERATOR: calling the code's function makes a generator (GenObject.swift), whose
    /// frame runs the code from after RETURN_GENERATOR.
    var isGenerator = false
    /// A class body whose functions use its `__class__` cell: it returns the cell, and
    /// co_consts has no implicit None (`CodeGen.emitClass`).
    var returnsClassCell = false
    /// The comprehension and lambda code constants of this code, by line and syntax tree
    /// (`Compiler.addCodeConst`).
    var codeConstants: [(line: Int, expr: Expr, ref: ObjectRef)] = []

    init(kind: Kind, name: String, qualname: String, filename: String, firstLine: Int) {
        self.kind = kind; self.name = name; self.qualname = qualname
        self.filename = filename; self.firstLine = firstLine
    }

    func releaseReferences(in heap: Heap) {
        if zombieFrame { zombieFrame = false; heap.frameObjectZombieFree() }
        let owned = tuples.isEmpty ? consts : tuples
        consts = []; tuples = []
        for r in owned { heap.decref(r) }
        // code_dealloc: co_qualname after co_consts, co_names and the local names.
        if let q = qualnameRef { qualnameRef = nil; heap.decref(q) }
    }

    func forEachReferent(_ body: (ObjectRef) -> Void) { (tuples.isEmpty ? consts : tuples).forEach(body) }
}

/// A BUILD_TUPLE of constants (the `LOAD_CONST`s of `items`) that fold_tuple_on_constants
/// turns into one constant when the enclosing code is assembled; `tuple` is set then.
final class TupleFold {
    let items: [ObjectRef]
    var tuple: ObjectRef = 0
    init(items: [ObjectRef]) { self.items = items }
}

/// How a frame's code finished (`CEval.run`): module and class-body code runs to its end;
/// a function's `RETURN_VALUE` leaves `Frame.returnValue` set.
enum Flow { case next, returned }

/// One activation: a module statement, a function call, a class body or a comprehension.
/// Mirrors `_PyInterpreterFrame` (3.11): fast locals are owned references.
final class Frame {
    let code: CodeObject
    /// The globals dict (borrowed from the function or module).
    let globals: ObjectRef
    /// The namespace dict for module and class scopes (LOAD_NAME), nil in functions.
    let namespace: ObjectRef?
    var locals: [ObjectRef?]
    /// The enclosing frame for comprehensions (their free variables live there).
    let parent: Frame?
    var line: Int
    /// The location of the instruction an exception left this frame at (bytecode only).
    var position: SourceSpan?
    /// 3.12+ (PEP 709): an inlined comprehension failed; its instruction's line and location
    /// are this frame's in the traceback, not those of the instruction that ran it.
    var inlinedFailure: (line: Int, position: SourceSpan?)?
    var returnValue: ObjectRef = 0
    /// The exceptions a handler of this frame caught: their tracebacks hold this frame
    /// (its frame object), which keeps the locals alive after the frame ends while one of
    /// them is alive (`Interpreter.clearFrame`).
    var tracebackHolders: [ExceptionState] = []
    /// Before 3.11: this activation's frame object was counted (`Interpreter.newFrameObject`).
    var ownsFrameObject = false
    /// The frame holds no reference to its function: 3.8's frames hold the code, and a call
    /// from C through PyObject_Call leaves the function's reference with the caller
    /// (CALL_FUNCTION_EX's stack, a bound method), which releases it after the call.
    var borrowsFunction = false

    init(code: CodeObject, globals: ObjectRef, namespace: ObjectRef?, parent: Frame? = nil) {
        self.code = code; self.globals = globals; self.namespace = namespace; self.parent = parent
        self.locals = Array(repeating: nil, count: code.localNames.count)
        self.line = code.firstLine
    }
}
