import HeapEngine

// Mirrors CPython 3.11's Include/opcode.h and Lib/opcode.py: the opcode numbers, their
// names as `dis` prints them and how many inline CACHE entries follow each one (which
// `dis` counts in its offsets). Only the opcodes the code generator emits are listed.

/// A 3.11 opcode. The raw value is CPython 3.11.7's number for it.
enum Opcode: UInt8 {
    case POP_TOP = 1, PUSH_NULL = 2, NOP = 9
    case UNARY_POSITIVE = 10, UNARY_NEGATIVE = 11, UNARY_NOT = 12, UNARY_INVERT = 15
    case BINARY_SUBSCR = 25, PUSH_EXC_INFO = 35, CHECK_EXC_MATCH = 36, WITH_EXCEPT_START = 49, BEFORE_WITH = 53
    case STORE_SUBSCR = 60, DELETE_SUBSCR = 61
    case GET_ITER = 68, GET_YIELD_FROM_ITER = 69, PRINT_EXPR = 70, LOAD_BUILD_CLASS = 71, LOAD_ASSERTION_ERROR = 74, RETURN_GENERATOR = 75, LIST_TO_TUPLE = 82, RETURN_VALUE = 83, SETUP_ANNOTATIONS = 85, YIELD_VALUE = 86, POP_EXCEPT = 89
    case STORE_NAME = 90, DELETE_NAME = 91, UNPACK_SEQUENCE = 92, FOR_ITER = 93, UNPACK_EX = 94
    case STORE_ATTR = 95, DELETE_ATTR = 96, STORE_GLOBAL = 97, DELETE_GLOBAL = 98, SWAP = 99
    case LOAD_CONST = 100, LOAD_NAME = 101, BUILD_TUPLE = 102, BUILD_LIST = 103, BUILD_SET = 104
    case BUILD_MAP = 105, LOAD_ATTR = 106, COMPARE_OP = 107, IMPORT_NAME = 108, IMPORT_FROM = 109
    case JUMP_FORWARD = 110, JUMP_IF_FALSE_OR_POP = 111, JUMP_IF_TRUE_OR_POP = 112
    case POP_JUMP_FORWARD_IF_FALSE = 114, POP_JUMP_FORWARD_IF_TRUE = 115, LOAD_GLOBAL = 116
    case IS_OP = 117, CONTAINS_OP = 118, RERAISE = 119, COPY = 120, BINARY_OP = 122, SEND = 123
    case LOAD_FAST = 124, STORE_FAST = 125, DELETE_FAST = 126, RAISE_VARARGS = 130
    case MAKE_FUNCTION = 132, BUILD_SLICE = 133, JUMP_BACKWARD_NO_INTERRUPT = 134, LOAD_CLOSURE = 136, LOAD_DEREF = 137, STORE_DEREF = 138
    case DELETE_DEREF = 139, JUMP_BACKWARD = 140, CALL_FUNCTION_EX = 142
    /// 3.12+ only (3.12's number; the code generator emits it under `Profile.loadsSuperAttr`).
    case LOAD_SUPER_ATTR = 141
    case LIST_APPEND = 145, SET_ADD = 146, MAP_ADD = 147, RESUME = 151
    case FORMAT_VALUE = 155, BUILD_CONST_KEY_MAP = 156, BUILD_STRING = 157, LOAD_METHOD = 160
    case LIST_EXTEND = 162, SET_UPDATE = 163, DICT_MERGE = 164, DICT_UPDATE = 165, PRECALL = 166, CALL = 171, KW_NAMES = 172
    /// 3.6 and 3.8 only (`Profile.callArgumentsUnpackWithCall`): 3.8's BUILD_TUPLE_UNPACK_WITH_CALL
    /// is 158; its BUILD_MAP_UNPACK_WITH_CALL (151) is 3.11's RESUME, so it takes 159 here.
    case BUILD_TUPLE_UNPACK_WITH_CALL = 158, BUILD_MAP_UNPACK_WITH_CALL = 159

    /// The name `dis` prints.
    var name: String {
        switch self {
        case .POP_TOP: "POP_TOP"
        case .PUSH_NULL: "PUSH_NULL"
        case .NOP: "NOP"
        case .UNARY_POSITIVE: "UNARY_POSITIVE"
        case .UNARY_NEGATIVE: "UNARY_NEGATIVE"
        case .UNARY_NOT: "UNARY_NOT"
        case .UNARY_INVERT: "UNARY_INVERT"
        case .BINARY_SUBSCR: "BINARY_SUBSCR"
        case .PUSH_EXC_INFO: "PUSH_EXC_INFO"
        case .CHECK_EXC_MATCH: "CHECK_EXC_MATCH"
        case .POP_EXCEPT: "POP_EXCEPT"
        case .RERAISE: "RERAISE"
        case .WITH_EXCEPT_START: "WITH_EXCEPT_START"
        case .BEFORE_WITH: "BEFORE_WITH"
        case .STORE_SUBSCR: "STORE_SUBSCR"
        case .DELETE_SUBSCR: "DELETE_SUBSCR"
        case .GET_ITER: "GET_ITER"
        case .PRINT_EXPR: "PRINT_EXPR"
        case .SETUP_ANNOTATIONS: "SETUP_ANNOTATIONS"
        case .LOAD_DEREF: "LOAD_DEREF"
        case .LOAD_CLOSURE: "LOAD_CLOSURE"
        case .STORE_DEREF: "STORE_DEREF"
        case .DELETE_DEREF: "DELETE_DEREF"
        case .LIST_APPEND: "LIST_APPEND"
        case .SET_ADD: "SET_ADD"
        case .MAP_ADD: "MAP_ADD"
        case .LOAD_BUILD_CLASS: "LOAD_BUILD_CLASS"
        case .LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR"
        case .RETURN_VALUE: "RETURN_VALUE"
        case .STORE_NAME: "STORE_NAME"
        case .DELETE_NAME: "DELETE_NAME"
        case .UNPACK_SEQUENCE: "UNPACK_SEQUENCE"
        case .UNPACK_EX: "UNPACK_EX"
        case .LIST_TO_TUPLE: "LIST_TO_TUPLE"
        case .CALL_FUNCTION_EX: "CALL_FUNCTION_EX"
        case .DICT_MERGE: "DICT_MERGE"
        case .DICT_UPDATE: "DICT_UPDATE"
        case .GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER"
        case .SEND: "SEND"
        case .JUMP_BACKWARD_NO_INTERRUPT: "JUMP_BACKWARD_NO_INTERRUPT"
        case .FOR_ITER: "FOR_ITER"
        case .STORE_ATTR: "STORE_ATTR"
        case .DELETE_ATTR: "DELETE_ATTR"
        case .STORE_GLOBAL: "STORE_GLOBAL"
        case .DELETE_GLOBAL: "DELETE_GLOBAL"
        case .SWAP: "SWAP"
        case .LOAD_CONST: "LOAD_CONST"
        case .LOAD_NAME: "LOAD_NAME"
        case .BUILD_TUPLE: "BUILD_TUPLE"
        case .BUILD_LIST: "BUILD_LIST"
        case .BUILD_SET: "BUILD_SET"
        case .BUILD_MAP: "BUILD_MAP"
        case .LOAD_ATTR: "LOAD_ATTR"
        case .COMPARE_OP: "COMPARE_OP"
        case .IMPORT_NAME: "IMPORT_NAME"
        case .IMPORT_FROM: "IMPORT_FROM"
        case .JUMP_FORWARD: "JUMP_FORWARD"
        case .JUMP_IF_FALSE_OR_POP: "JUMP_IF_FALSE_OR_POP"
        case .JUMP_IF_TRUE_OR_POP: "JUMP_IF_TRUE_OR_POP"
        case .POP_JUMP_FORWARD_IF_FALSE: "POP_JUMP_FORWARD_IF_FALSE"
        case .POP_JUMP_FORWARD_IF_TRUE: "POP_JUMP_FORWARD_IF_TRUE"
        case .LOAD_GLOBAL: "LOAD_GLOBAL"
        case .IS_OP: "IS_OP"
        case .CONTAINS_OP: "CONTAINS_OP"
        case .COPY: "COPY"
        case .BINARY_OP: "BINARY_OP"
        case .LOAD_FAST: "LOAD_FAST"
        case .STORE_FAST: "STORE_FAST"
        case .DELETE_FAST: "DELETE_FAST"
        case .RAISE_VARARGS: "RAISE_VARARGS"
        case .MAKE_FUNCTION: "MAKE_FUNCTION"
        case .BUILD_SLICE: "BUILD_SLICE"
        case .JUMP_BACKWARD: "JUMP_BACKWARD"
        case .RESUME: "RESUME"
        case .RETURN_GENERATOR: "RETURN_GENERATOR"
        case .YIELD_VALUE: "YIELD_VALUE"
        case .FORMAT_VALUE: "FORMAT_VALUE"
        case .BUILD_CONST_KEY_MAP: "BUILD_CONST_KEY_MAP"
        case .BUILD_STRING: "BUILD_STRING"
        case .LOAD_METHOD: "LOAD_METHOD"
        case .LOAD_SUPER_ATTR: "LOAD_SUPER_ATTR"
        case .LIST_EXTEND: "LIST_EXTEND"
        case .SET_UPDATE: "SET_UPDATE"
        case .PRECALL: "PRECALL"
        case .CALL: "CALL"
        case .KW_NAMES: "KW_NAMES"
        case .BUILD_TUPLE_UNPACK_WITH_CALL: "BUILD_TUPLE_UNPACK_WITH_CALL"
        case .BUILD_MAP_UNPACK_WITH_CALL: "BUILD_MAP_UNPACK_WITH_CALL"
        }
    }

    /// `_inline_cache_entries` (Lib/opcode.py, 3.11): the 2-byte CACHE units after the
    /// instruction, which `dis` hides but counts in offsets and jump distances.
    var cacheEntries: Int {
        switch self {
        case .BINARY_SUBSCR, .STORE_ATTR, .LOAD_ATTR, .CALL: 4
        case .STORE_SUBSCR, .UNPACK_SEQUENCE, .BINARY_OP, .PRECALL, .LOAD_SUPER_ATTR: 1
        case .COMPARE_OP: 2
        case .LOAD_GLOBAL: 5
        case .LOAD_METHOD: 10
        default: 0
        }
    }

    /// Whether the argument is a jump target (an instruction index once assembled).
    var isJump: Bool {
        switch self {
        case .FOR_ITER, .JUMP_FORWARD, .JUMP_BACKWARD, .JUMP_IF_FALSE_OR_POP, .JUMP_IF_TRUE_OR_POP,
             .POP_JUMP_FORWARD_IF_FALSE, .POP_JUMP_FORWARD_IF_TRUE, .SEND, .JUMP_BACKWARD_NO_INTERRUPT: true
        default: false
        }
    }

    /// Whether control never falls through to the next instruction.
    var isUnconditionalExit: Bool {
        switch self {
        case .JUMP_FORWARD, .JUMP_BACKWARD, .JUMP_BACKWARD_NO_INTERRUPT, .RETURN_VALUE, .RAISE_VARARGS, .RERAISE: true
        default: false
        }
    }
}

/// BINARY_OP's oparg (`_nb_ops`, Include/opcode.h NB_*): the in-place forms are 13 higher.
extension BinaryOp {
    var nbOparg: Int32 {
        switch self {
        case .add: 0
        case .bitAnd: 1
        case .floorDiv: 2
        case .lshift: 3
        case .matMul: 4
        case .mul: 5
        case .mod: 6
        case .bitOr: 7
        case .pow: 8
        case .rshift: 9
        case .sub: 10
        case .div: 11
        case .bitXor: 12
        }
    }

    static let byNbOparg: [BinaryOp] = [.add, .bitAnd, .floorDiv, .lshift, .matMul, .mul, .mod, .bitOr, .pow,
                                        .rshift, .sub, .div, .bitXor]
    static let inplaceBase: Int32 = 13
}

/// COMPARE_OP's oparg (`cmp_op`: Py_LT ... Py_GE); `is`/`is not` are IS_OP 0/1 and
/// `in`/`not in` CONTAINS_OP 0/1.
extension CompareOp {
    static let byCmpOparg: [CompareOp] = [.lt, .le, .eq, .ne, .gt, .ge]

    var cmpOparg: Int32? {
        switch self {
        case .lt: 0
        case .le: 1
        case .eq: 2
        case .ne: 3
        case .gt: 4
        case .ge: 5
        default: nil
        }
    }
}

/// One assembled instruction. `arg` is the oparg; for jumps it is the target's instruction
/// index (dis turns it back into CPython's relative form). `aux` is what 3.11 keeps outside
/// the oparg (a call's shape, a loop test's flag), -1 when unused. `steps` is how many
/// interpreter steps (`Interpreter.step`) run before the instruction: one where a statement
/// begins and one where a loop iteration begins (the budget of `Limits`).
struct Instruction {
    var op: Opcode
    var arg: Int32
    var aux: Int32 = -1
    var steps: UInt8 = 0
}

/// What a CALL needs beyond its argument count: 3.11 keeps the keyword names in a constant
/// tuple (KW_NAMES) and the method in LOAD_METHOD's result on the stack. `method` is set for
/// `obj.name(...)`: LOAD_METHOD looked the method up before the arguments were evaluated
/// (`Interpreter.loadMethod`), and the call goes through `Interpreter.callLoadedMethod`.
struct CallShape {
    var kwnames: [String]
    var method: String?
    /// `CALL 0` of a comprehension's function (or, 3.12+, of its inlined body): run by
    /// `CEval.runComprehension`.
    var comprehension: ComprehensionShape? = nil
}

/// A list, set or dict comprehension's code, whose bytecode runs with the result and the
/// outermost iterator on its stack ([acc, iterator]) and returns the result.
struct ComprehensionShape {
    /// `.generator`: a generator expression, whose call makes a generator instead.
    enum Result { case list, set, dict, generator }
    let code: CodeObject
    /// Whose co_names and co_consts its instructions index: its own, or (inlined) those of
    /// the code it is inlined into (`Compiler.emittingCode`).
    let tables: CodeObject
    let result: Result
    /// 3.12+ (PEP 709, `Profile.inlinesComprehensions`): no function object, and no frame of
    /// its own in a traceback.
    let inlined: Bool
}

/// What a `class` statement's LOAD_BUILD_CLASS needs: the body's code and what
/// `Interpreter.buildClass` is given. The engine's LOAD_BUILD_CLASS is the whole
/// `__build_class__(func, name, *bases)` call in one instruction (its oparg: the number of
/// bases on the stack), because the engine makes the body's function inside
/// `buildClass`, after the bases: CPython 3.11's LOAD_BUILD_CLASS; LOAD_CONST code;
/// MAKE_FUNCTION; LOAD_CONST name; bases; PRECALL; CALL would allocate the function first.
struct ClassShape {
    let code: CodeObject
    let codeRef: ObjectRef
    let name: String
    let qualname: String
    /// The body's `__qualname__` constant (compiler_set_qualname: the name itself at top
    /// level, else a new "Outer.Name" str), which becomes the class's ht_qualname.
    let qualnameConst: ObjectRef
    /// 3.13's `__static_attributes__` tuple (`Profile.classStaticAttributes`).
    let staticAttributes: ObjectRef?
}
