// Python/compile.c's stackdepth() over 3.11's stack_effect(): the most slots the value stack
// of a frame running this code holds (co_stacksize). A generator embeds its frame from 3.11,
// so its size depends on it (`GenObject.sizeof`).
//
// The effects are CPython 3.11's for the instructions as CPython emits them; where the
// engine's instruction differs from CPython's (a class body's LOAD_BUILD_CLASS, a comprehension
// inlined as 3.12 inlines it), the depth is not known and nil is returned.

extension Bytecode {
    /// co_stacksize of the assembled code; nil where the engine's instructions are not
    /// CPython's. `kwnamesOnStack`: 3.13's CALL_KW takes the keyword names tuple from the
    /// stack (3.11 and 3.12 keep it aside, KW_NAMES): a keyword call needs one slot more.
    func stackDepth(generator: Bool, kwnamesOnStack: Bool) -> Int? {
        guard assembled, !instructions.isEmpty else { return nil }
        var depthAt = [Int](repeating: -1, count: instructions.count)
        var work: [Int] = []
        var maxDepth = 0
        func reach(_ pc: Int, _ depth: Int) {
            guard pc < instructions.count, depth > depthAt[pc] else { return }
            depthAt[pc] = depth
            maxDepth = max(maxDepth, depth)
            work.append(pc)
        }
        // A generator's frame starts with the value it is first resumed with (3.11's
        // stackdepth: `stackdepth_push(&sp, entry, 1)` for ste_generator).
        reach(0, generator ? 1 : 0)
        // A handler is entered with the stack cut to its depth, then the offset (lasti) and
        // the exception pushed.
        for e in exceptionTable { reach(e.target, e.depth + (e.lasti ? 1 : 0) + 1) }
        while let pc = work.popLast() {
            let ins = instructions[pc], depth = depthAt[pc]
            guard var effect = stackEffect(ins) else { return nil }
            if kwnamesOnStack, ins.op == .KW_NAMES { effect.next = 1 }
            if kwnamesOnStack, ins.op == .CALL, ins.aux >= 0, !callShapes[Int(ins.aux)].kwnames.isEmpty { effect.next -= 1 }
            maxDepth = max(maxDepth, depth + max(effect.next, effect.jump ?? effect.next))
            switch ins.op {
            case .JUMP_FORWARD, .JUMP_BACKWARD, .JUMP_BACKWARD_NO_INTERRUPT:
                reach(Int(ins.arg), depth)
            case .RETURN_VALUE, .RAISE_VARARGS, .RERAISE:
                break
            default:
                if let jump = effect.jump { reach(Int(ins.arg), depth + jump) }
                reach(pc + 1, depth + effect.next)
            }
        }
        return maxDepth
    }

    /// stack_effect(opcode, oparg, jump) of 3.11: after the instruction falling through, and
    /// after it jumping (nil for an instruction that does not jump).
    private func stackEffect(_ ins: Instruction) -> (next: Int, jump: Int?)? {
        let n = Int(ins.arg)
        switch ins.op {
        case .NOP, .RESUME, .UNARY_POSITIVE, .UNARY_NEGATIVE, .UNARY_NOT, .UNARY_INVERT, .GET_ITER,
             .CHECK_EXC_MATCH, .DELETE_NAME, .SWAP, .LOAD_ATTR, .DELETE_GLOBAL, .DELETE_FAST, .DELETE_DEREF,
             .RETURN_GENERATOR, .YIELD_VALUE, .KW_NAMES, .LIST_TO_TUPLE, .GET_YIELD_FROM_ITER, .SETUP_ANNOTATIONS:
            return (0, nil)
        case .FORMAT_VALUE: return (ins.arg & 4 != 0 ? -1 : 0, nil)   // the spec is popped too
        case .PUSH_NULL, .PUSH_EXC_INFO, .WITH_EXCEPT_START, .BEFORE_WITH, .COPY, .LOAD_CONST, .LOAD_NAME,
             .IMPORT_FROM, .LOAD_FAST, .LOAD_CLOSURE, .LOAD_DEREF, .LOAD_METHOD, .LOAD_ASSERTION_ERROR:
            return (1, nil)
        case .POP_TOP, .BINARY_SUBSCR, .PRINT_EXPR, .RETURN_VALUE, .POP_EXCEPT, .RERAISE, .STORE_NAME,
             .DELETE_ATTR, .STORE_GLOBAL, .COMPARE_OP, .IS_OP, .CONTAINS_OP, .IMPORT_NAME, .BINARY_OP,
             .STORE_FAST, .STORE_DEREF, .LIST_APPEND, .SET_ADD, .LIST_EXTEND, .SET_UPDATE, .CALL, .DICT_MERGE, .DICT_UPDATE:
            if ins.op == .CALL, ins.aux >= 0, let comprehension = callShapes[Int(ins.aux)].comprehension,
               comprehension.inlined {
                return nil   // 3.12's inlined comprehension is not a call
            }
            return (-1, nil)
        case .STORE_SUBSCR: return (-3, nil)
        case .DELETE_SUBSCR, .STORE_ATTR, .MAP_ADD: return (-2, nil)
        case .UNPACK_SEQUENCE: return (n - 1, nil)
        case .UNPACK_EX: return ((n & 0xFF) + (n >> 8), nil)
        // CALL_FUNCTION_EX: -2 - (oparg & 1), with the NULL below the callable (3.11).
        case .CALL_FUNCTION_EX: return (-2 - (n & 1), nil)
        case .FOR_ITER: return (1, -1)
        case .BUILD_TUPLE, .BUILD_LIST, .BUILD_SET, .BUILD_STRING, .BUILD_TUPLE_UNPACK_WITH_CALL,
             .BUILD_MAP_UNPACK_WITH_CALL: return (1 - n, nil)
        case .BUILD_MAP: return (1 - 2 * n, nil)
        case .BUILD_CONST_KEY_MAP: return (-n, nil)
        case .JUMP_FORWARD, .JUMP_BACKWARD, .JUMP_BACKWARD_NO_INTERRUPT: return (0, 0)
        case .SEND: return (0, -1)
        case .JUMP_IF_FALSE_OR_POP, .JUMP_IF_TRUE_OR_POP: return (-1, 0)
        case .POP_JUMP_FORWARD_IF_FALSE, .POP_JUMP_FORWARD_IF_TRUE: return (-1, -1)
        case .LOAD_GLOBAL: return (ins.aux == 1 ? 2 : 1, nil)
        case .RAISE_VARARGS: return (-n, nil)
        case .MAKE_FUNCTION: return (-(n & 1) - (n >> 1 & 1) - (n >> 2 & 1) - (n >> 3 & 1), nil)
        case .BUILD_SLICE: return (n == 3 ? -2 : -1, nil)
        case .PRECALL: return (-n, nil)
        // 3.12: global_super, class, self -- [NULL|self,] attribute.
        case .LOAD_SUPER_ATTR: return (ins.aux & 1 != 0 ? -1 : -2, nil)
        case .LOAD_BUILD_CLASS: return nil   // the engine's carries the class statement
        }
    }
}
