import HeapEngine

// The assembler's half of Python/compile.c (3.11: `assemble`, `makecode`'s co_code and
// co_linetable): the code generator's instruction sequence with labels, constants and names
// becomes an instruction array whose opargs index co_consts and co_names.

/// Where an instruction comes from: the node the compiler was visiting when it emitted it
/// (3.11's `location`, co_positions), in the parser's columns. `line` -1 marks an instruction
/// emitted without a location (the implicit `return None`), -2 a statement's step NOP;
/// assembly gives both one.
struct Location: Equatable {
    var line: Int32
    var endLine: Int32
    var column: Int32
    var endColumn: Int32

    init(line: Int32, endLine: Int32, column: Int32, endColumn: Int32) {
        self.line = line; self.endLine = endLine; self.column = column; self.endColumn = endColumn
    }

    init(_ span: SourceSpan) {
        self.init(line: Int32(span.line), endLine: Int32(span.endLine),
                  column: Int32(span.column), endColumn: Int32(span.endColumn))
    }

    static func lineOnly(_ line: Int32) -> Location { Location(line: line, endLine: line, column: -1, endColumn: -1) }
}

/// A code object's bytecode, hung on `CodeObject.bytecode`.
///
/// Invariants once assembled: `constants[0..<coConstsCount]` are co_consts' items (borrowed
/// from the co_consts tuple, as `CodeObject.consts` is); items after that are static
/// singletons loaded without being put in co_consts (None for a slice's missing bound, which
/// CPython adds: co_consts is not shown where that differs), borrowed too. `nameKeys[i]` is
/// the interned str of `names[i]` for LOAD_NAME/LOAD_GLOBAL/STORE_NAME..., made when the
/// code generator met the name (0 for a name only used as an attribute).
final class Bytecode {
    enum Arg {
        case value(Int32)
        case const(ObjectRef)
        /// A BUILD_TUPLE of constants folded when the code object is made (`TupleFold`).
        case fold(TupleFold)
        case label(Int)
        case name(String, key: ObjectRef)
    }

    enum Item {
        case instruction(Opcode, Arg, aux: Int32, loc: Location)
        case label(Int)
        /// A statement begins: one interpreter step before its first instruction.
        case statementStart
        /// A loop iteration begins (after a `while` test succeeded): one step.
        case loopIterationStart
        /// SETUP_FINALLY / SETUP_CLEANUP (compile.c's pseudo-instructions): the instructions
        /// from here to the matching `popHandler` are covered by the handler at `label`,
        /// entered with the stack cut to `depth` slots of the frame's (and with the
        /// instruction's offset pushed, `lasti`).
        case pushHandler(label: Int, depth: Int, lasti: Bool)
        /// POP_BLOCK: the enclosing handler covers what follows.
        case popHandler
        /// A copy of the `finally` body `finallyBodies[id]` (compile.c visits the body once
        /// per path out of the `try`; here it is generated once and copied with fresh labels,
        /// so that its literals are made once), on a stack `depthDelta` slots deeper than
        /// the one it was generated on.
        case inlineFinally(id: Int, depthDelta: Int)
    }

    /// One entry of co_exceptiontable (3.11, Objects/exception_handling_notes.txt): an
    /// exception raised by the instructions `start...end` goes to `target` with the
    /// frame's stack cut to `depth` slots, then (with `lasti`) the raising instruction's
    /// offset pushed, then the exception.
    struct ExceptionTableEntry {
        let start: Int
        let end: Int
        let target: Int
        let depth: Int
        let lasti: Bool
    }

    /// What the code generator emitted, until `assemble` runs.
    var pending: [Item] = []
    /// 3.12+ (`Profile.specializesPropertyLoads`): how often each LOAD_ATTR (by instruction
    /// index) has run, and what its second run specialized it for (`PropertyLoadSite`).
    var loadAttrRuns: [Int: Int] = [:]
    var propertyLoadSites: [Int: PropertyLoadSite] = [:]
    /// 3.12+: the LOAD_SUPER_ATTRs (by instruction index) that have run once, so that the
    /// next run is specialized (`Interpreter.loadSuperAttr`).
    var superAttrSitesRun: Set<Int> = []
    var callShapes: [CallShape] = []
    var classShapes: [ClassShape] = []

    private(set) var assembled = false
    private(set) var instructions: [Instruction] = []
    /// The source line of each instruction (co_linetable, one entry per instruction).
    private(set) var lines: [Int32] = []
    /// The whole location of each instruction (co_positions), for tracebacks' carets.
    private(set) var positions: [Location] = []
    /// Before 3.8 an instruction's line is the largest line of the statement's nodes
    /// visited so far (`Profile.linesOnlyIncrease`): set by the code generator.
    var linesOnlyIncrease = false
    private(set) var constants: [ObjectRef] = []
    private(set) var coConstsCount = 0
    private(set) var names: [String] = []
    private(set) var nameKeys: [ObjectRef] = []
    /// Instruction indices some jump lands on (dis's `>>`).
    private(set) var jumpTargets: Set<Int> = []
    /// `finally` bodies by id, for `Item.inlineFinally`.
    var finallyBodies: [[Item]] = []
    private(set) var exceptionTable: [ExceptionTableEntry] = []

    /// Resolves labels, constants and names. Runs after `Compiler.makeCode(code)`, which fixes
    /// co_consts (folded default tuples appended, 3.12+'s unused constants removed).
    func assemble(_ code: CodeObject) {
        guard !assembled else { return }
        assembled = true
        names = code.names
        nameKeys = Array(repeating: 0, count: names.count)
        constants = code.consts
        coConstsCount = constants.count
        var labels: [Int: Int] = [:]
        var steps: UInt8 = 0
        // First pass: positions. A statement marker followed by a label (a `while` loop's top)
        // gets a NOP of its own, so the step is taken once, not on every iteration. Each
        // instruction notes the handler covering it (label_exception_targets).
        var flat: [(Opcode, Arg, Int32, Location, UInt8)] = []
        var handlers: [(label: Int, depth: Int, lasti: Bool)] = []
        var covering: [(label: Int, depth: Int, lasti: Bool)?] = []
        for item in expandingFinallyBodies(pending) {
            switch item {
            case .statementStart: steps += 1
            case .loopIterationStart: steps += 1
            case .label(let l):
                if steps > 0 {
                    flat.append((.NOP, .value(0), -1, .lineOnly(-2), steps))
                    covering.append(handlers.last)
                    steps = 0
                }
                labels[l] = flat.count
            case .instruction(let op, let arg, let aux, let loc):
                flat.append((op, arg, aux, loc, steps))
                covering.append(handlers.last)
                steps = 0
            case .pushHandler(let label, let depth, let lasti):
                handlers.append((label, depth, lasti))
            case .popHandler:
                handlers.removeLast()
            case .inlineFinally:
                preconditionFailure("expanded above")
            }
        }
        // assemble_exception_table: runs of instructions with the same handler.
        var i = 0
        while i < covering.count {
            guard let h = covering[i] else { i += 1; continue }
            var j = i
            while j + 1 < covering.count, let next = covering[j + 1], next.label == h.label, next.depth == h.depth { j += 1 }
            exceptionTable.append(ExceptionTableEntry(start: i, end: j, target: labels[h.label]!, depth: h.depth, lasti: h.lasti))
            jumpTargets.insert(labels[h.label]!)
            i = j + 1
        }
        instructions.reserveCapacity(flat.count)
        for (op, arg, aux, loc, s) in flat {
            let value: Int32
            switch arg {
            case .value(let v): value = v
            case .label(let l): value = Int32(labels[l]!)
            case .const(let r): value = constIndex(r)
            case .fold(let f): value = constIndex(f.tuple)
            case .name(let n, let key):
                let i = names.firstIndex(of: n)!
                if key != 0 { nameKeys[i] = key }
                // LOAD_GLOBAL's low bit: a NULL is pushed first (aux 1: the name is a callee).
                value = op == .LOAD_GLOBAL ? Int32(i << 1 | (aux == 1 ? 1 : 0)) : Int32(i)
            }
            if op.isJump { jumpTargets.insert(Int(value)) }
            instructions.append(Instruction(op: op, arg: value, aux: aux, steps: s))
            positions.append(loc)
        }
        resolveLines()
        lines = positions.map { $0.line }
        pending = []
    }

    /// `items` with each `inlineFinally` replaced by a copy of its body whose labels are
    /// fresh (negative, so that they meet none of the code generator's) and whose handlers'
    /// depths are moved by the copy's `depthDelta`.
    private func expandingFinallyBodies(_ items: [Item]) -> [Item] {
        var fresh = 0
        func expand(_ items: [Item], delta: Int, renaming: [Int: Int]) -> [Item] {
            var out: [Item] = []
            for item in items {
                switch item {
                case .label(let l): out.append(.label(renaming[l] ?? l))
                case .instruction(let op, .label(let l), let aux, let loc):
                    out.append(.instruction(op, .label(renaming[l] ?? l), aux: aux, loc: loc))
                case .pushHandler(let l, let depth, let lasti):
                    out.append(.pushHandler(label: renaming[l] ?? l, depth: depth + delta, lasti: lasti))
                case .inlineFinally(let id, let d):
                    var inner = renaming
                    for case .label(let l) in finallyBodies[id] { fresh -= 1; inner[l] = fresh }
                    out += expand(finallyBodies[id], delta: delta + d, renaming: inner)
                default: out.append(item)
                }
            }
            return out
        }
        return expand(items, delta: 0, renaming: [:])
    }

    /// Instruction `pc`'s offset in 3.11 code units (an instruction and its CACHE entries
    /// each one unit): the `lasti` a cleanup handler is given.
    func codeUnitOffset(of pc: Int) -> Int {
        instructions[..<pc].reduce(0) { $0 + 1 + $1.op.cacheEntries }
    }

    /// The handler of an exception raised at instruction `pc` (get_exception_handler).
    func handler(at pc: Int) -> ExceptionTableEntry? {
        exceptionTable.first { $0.start <= pc && pc <= $0.end }
    }

    /// Instruction `pc`'s location as a traceback shows it; nil without columns.
    func span(at pc: Int) -> SourceSpan? {
        let p = positions[pc]
        guard p.column >= 0, p.endColumn >= 0 else { return nil }
        return SourceSpan(line: Int(p.line), column: Int(p.column), endLine: Int(p.endLine), endColumn: Int(p.endColumn))
    }

    private func constIndex(_ r: ObjectRef) -> Int32 {
        if let i = constants.firstIndex(of: r) { return Int32(i) }
        constants.append(r)
        return Int32(constants.count - 1)
    }

    /// Instructions emitted without a line (-1: the implicit `return None`; -2: a statement's
    /// NOP) take one, as propagate_line_numbers gives it: a jump target reached only by jumps
    /// takes the line of the first jump to it, anything else its predecessor's line (a NOP:
    /// its successor's, the statement it begins).
    ///
    /// With `linesOnlyIncrease` (3.6's compiler_visit_expr raises u_lineno and never lowers
    /// it within a statement), each instruction's line becomes the largest line of the
    /// statement's instructions up to it; a statement's NOP starts the count again.
    private func resolveLines() {
        for i in positions.indices where positions[i].line == -2 {
            positions[i] = i + 1 < positions.count ? positions[i + 1] : .lineOnly(0)
        }
        for i in positions.indices where positions[i].line < 0 {
            if i > 0 && !instructions[i - 1].op.isUnconditionalExit {
                positions[i] = positions[i - 1]
            } else if let j = instructions.indices.first(where: { instructions[$0].op.isJump && Int(instructions[$0].arg) == i }) {
                positions[i] = positions[j]
            } else {
                positions[i] = i > 0 ? positions[i - 1] : .lineOnly(0)
            }
        }
        guard linesOnlyIncrease else { return }
        var highest: Int32 = 0
        for i in positions.indices {
            if instructions[i].steps > 0 { highest = 0 }
            highest = max(highest, positions[i].line)
            positions[i].line = highest
        }
    }
}
