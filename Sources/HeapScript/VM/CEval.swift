import HeapEngine

// Mirrors Python/ceval.c (3.11: _PyEval_EvalFrameDefault and its exception_unwind /
// exit_unwind paths; Python/bytecodes.c in later versions), with frames as data as in
// Include/internal/pycore_frame.h.
//
// The value stack: every slot owns exactly one reference, as CPython's does. An
// instruction that pushes a borrowed object (LOAD_CONST, LOAD_FAST, COPY) increfs it; one
// that pops an operand it does not hand on decrefs it once it is done with it. When an
// error unwinds a frame, its slots are released from the top down (exit_unwind's POPs).
//
// Python-to-Python calls do not recurse on the host stack: CALL of a function compiled to
// bytecode pushes an activation and the loop goes on in it; RETURN_VALUE pops it. Calls
// into the interpreter's own operations (builtins, `callMethod`, `instantiate`'s
// `__init__`, finalizers) may run Python code: that code enters a new `CEval` through
// `CodeObject.body`, as C calling Python enters a new _PyEval_EvalFrameDefault.
//
// Semantics come from the interpreter's operations (Interpreter.binaryOp, call,
// callMethod, getAttr, getItem, repr, displayhook, ...), which the builtins share.

final class CEval {
    let interp: Interpreter
    let heap: Heap
    /// The value stack of every frame this evaluation runs (CPython's data stack).
    var stack: [ObjectRef] = []
    /// What each LOAD_METHOD on the stack found (the slot of its self / attribute), until
    /// its CALL: the method half of CPython's (meth, self) pair.
    var methods: [(slot: Int, method: Interpreter.LoadedMethod)] = []

    /// One running frame (`_PyInterpreterFrame`): the engine's `Frame` (locals, globals,
    /// namespace, line), where its instructions are and where its stack slots begin.
    final class Activation {
        let frame: Frame
        let code: CodeObject
        let bytecode: Bytecode
        /// The instruction running (or, in a caller, the CALL it waits on).
        var pc = 0
        let base: Int
        /// The function this activation was called as, which it owns (f_func); nil for the
        /// one `run` was given, whose owner (the session, `callFunction`) set it up and clears it.
        let function: ObjectRef?
        /// Before 3.11 (`Profile.callerStackKeepsArguments`): the caller's references to the
        /// arguments, released once the frame is cleared.
        let callerArgs: [ObjectRef]
        /// The generator whose frame this is (`resume`); YIELD_VALUE suspends it.
        var generator: GenObject?

        init(frame: Frame, bytecode: Bytecode, base: Int, function: ObjectRef?, callerArgs: [ObjectRef]) {
            self.frame = frame; self.code = frame.code; self.bytecode = bytecode
            self.base = base; self.function = function; self.callerArgs = callerArgs
        }
    }

    init(_ interp: Interpreter) {
        self.interp = interp
        self.heap = interp.heap
    }

    /// Runs `frame` (whose code has bytecode) to its end: `.returned` with
    /// `frame.returnValue` set for function code, `.next` for module code.
    /// - Parameter initialStack: references the frame's stack starts with (a comprehension's
    ///   result and iterator), owned by the stack from here.
    func run(_ frame: Frame, initialStack: [ObjectRef] = []) throws -> Flow {
        guard let bytecode = frame.code.bytecode else { preconditionFailure("no bytecode") }
        bytecode.assemble(frame.code)
        stack += initialStack
        var frames = [Activation(frame: frame, bytecode: bytecode, base: stack.count - initialStack.count, function: nil, callerArgs: [])]
        while true {
            do {
                return try execute(&frames)
            } catch {
                // A handler resumes the loop where the exception table says; otherwise every
                // frame of this run has been left.
                if let unhandled = exceptionUnwind(&frames, error) { throw unhandled }
            }
        }
    }

    /// Resumes a generator's frame (gen_send_ex): at `gen.pc`, with `stack` (owned: the
    /// saved slots and the sent value). Returns when it yields (`gen.yielded`, the value in
    /// `frame.returnValue`) or returns.
    func resume(_ gen: GenObject, stack saved: [ObjectRef]) throws -> Flow {
        guard let bytecode = gen.frame.code.bytecode else { preconditionFailure("no bytecode") }
        stack += saved
        let a = Activation(frame: gen.frame, bytecode: bytecode, base: stack.count - saved.count, function: nil, callerArgs: [])
        a.pc = gen.pc
        a.generator = gen
        var frames = [a]
        while true {
            do {
                return try execute(&frames)
            } catch {
                if let unhandled = exceptionUnwind(&frames, error) { throw unhandled }
            }
        }
    }

    /// Releases the slots of the stack above `depth` (exit_unwind's POPs), top first.
    func popStack(to depth: Int) {
        while stack.count > depth {
            heap.decref(stack.removeLast())
            // A loaded method's slot goes (self), then the method beside it.
            if let m = methods.last, m.slot == stack.count {
                methods.removeLast()
                if case .function(let fn) = m.method { heap.decref(fn) }
            }
        }
    }

    /// What `Interpreter.callFunction` does when its body raises: the traceback gets the
    /// frame, and (3.11+) its frame object; it keeps the function and the locals alive.
    func leave(_ a: Activation, _ function: ObjectRef, _ error: Error) -> Error {
        defer {
            interp.depth -= 1
            a.callerArgs.forEach(heap.decref)
        }
        if let e = error as? PyException, a.code.filename == Interpreter.functoolsModuleFile {
            interp.releaseException(e)
            interp.clearFrame(a.frame, function)
            return interp.functoolsStandInRaised(a.code)
        }
        if var e = error as? PyException {
            let live = a.frame.tracebackHolders.filter { $0.holdsTraceback }
            if !live.isEmpty {
                // A caught exception still alive shares this frame with the one in flight: the
                // one both keep alive takes the locals (`Interpreter.frameKeeper`).
                guard interp.frameKeeper(live, inFlight: interp.exceptionState(e.exception)) != nil else {
                    interp.releaseException(e)
                    interp.clearFrame(a.frame, function)
                    return interp.notModelled("an exception leaving a frame whose caught exception is still alive",
                                              because: "the frame object both tracebacks share is not modelled")
                }
                interp.leaveFrame(&e, code: a.code, line: a.frame.line, function: a.code.name, position: a.frame.position)
                interp.clearFrame(a.frame, function)
                return e
            }
            interp.leaveFrame(&e, code: a.code, line: a.frame.line, function: a.code.name, position: a.frame.position)
            interp.deallocFrameObject(a.frame, keptByTraceback: true)
            e.keptAlive.append(function)
            for case let r? in a.frame.locals { e.keptAlive.append(r) }
            if !interp.profile.lazyFrameObjects { e.keptAlive.append(a.frame.globals) }
            return e
        }
        if var stop = error as? RunStopped {
            stop.traceback.append(TracebackEntry(filename: a.code.filename, line: a.frame.line, function: a.code.name))
            interp.clearFrame(a.frame, function)
            return stop
        }
        interp.clearFrame(a.frame, function)
        return error
    }

    // MARK: - The stack

    @inline(__always) func push(_ r: ObjectRef) { stack.append(r) }
    @inline(__always) func pop() -> ObjectRef { stack.removeLast() }

    /// The top `n` slots, bottom first, taken off the stack (their references move to the caller).
    private func pop(_ n: Int) -> [ObjectRef] {
        let items = Array(stack[(stack.count - n)...])
        stack.removeLast(n)
        return items
    }

    // MARK: - The loop

    private func execute(_ frames: inout [Activation]) throws -> Flow {
        var a = frames[frames.count - 1]
        var code = a.bytecode.instructions
        var pc = a.pc
        var lastImport = ""
        let heap = self.heap, interp = self.interp
        while true {
            let ins = code[pc]
            a.pc = pc
            pc += 1
            if ins.steps > 0 { for _ in 0..<ins.steps { try interp.step() } }
            // A deallocation in the last instruction left CPython's order unknown: nothing
            // more runs (Heap.trashcanOrderUnknown).
            if heap.trashcanOrderUnknown, let u = interp.refuseTrashcanOrder() { throw u }
            if heap.allocator.tracemalloc.tracing { noteTracedInstruction(ins) }
            switch ins.op {
            case .NOP, .RESUME, .PUSH_NULL, .PRECALL, .KW_NAMES, .LOAD_ASSERTION_ERROR:
                // RESUME's eval-breaker check is made by whoever enters the frame (as the closure
                // path does); a NULL slot holds no reference; KW_NAMES is the call's shape
                // (`CallShape`), read by CALL.
                break

            case .LOAD_SUPER_ATTR:
                // 3.12+: `super().name` / `super(C, obj).name` without a super object once
                // specialized (`Interpreter.loadSuperAttr`); aux bit 1: a method call follows.
                let obj = pop(), cls = pop(), globalSuper = pop()
                let found = try interp.loadSuperAttr(globalSuper, cls, obj, a.bytecode.names[Int(ins.arg)],
                                                     method: ins.aux & 1 != 0, twoArgs: ins.aux & 2 != 0,
                                                     frame: a.frame, code: a.bytecode, site: pc - 1)
                switch found {
                case .function, .slotWrapper: push(obj); methods.append((slot: stack.count - 1, method: found))
                case .attribute(let v):
                    push(v)
                    if ins.aux & 1 != 0 { methods.append((slot: stack.count - 1, method: found)) }
                default: preconditionFailure("LOAD_SUPER_ATTR found a builtin method")
                }

            case .LOAD_METHOD:
                // The method is looked up before the arguments are evaluated. Its slot holds
                // self (or the attribute, for NULL + attr); what was found rides beside it.
                let owner = pop()
                let method = try interp.loadMethod(owner, a.bytecode.names[Int(ins.arg)])
                if case .attribute(let bound) = method { push(bound) } else { push(owner) }
                methods.append((slot: stack.count - 1, method: method))

            case .POP_TOP:
                heap.decref(pop())
            case .COPY:
                let v = stack[stack.count - Int(ins.arg)]
                heap.incref(v)
                push(v)
            case .SWAP:
                stack.swapAt(stack.count - 1, stack.count - Int(ins.arg))

            case .LOAD_CONST:
                let v = a.bytecode.constants[Int(ins.arg)]
                heap.incref(v)
                push(v)

            case .LOAD_FAST:
                guard let v = a.frame.locals[Int(ins.arg)] else { throw interp.unboundLocal(a.code.localNames[Int(ins.arg)]) }
                heap.incref(v)
                push(v)
            case .STORE_FAST:
                let old = a.frame.locals[Int(ins.arg)]
                a.frame.locals[Int(ins.arg)] = pop()
                heap.xdecref(old)
            case .DELETE_FAST:
                guard let old = a.frame.locals[Int(ins.arg)] else { throw interp.unboundLocal(a.code.localNames[Int(ins.arg)]) }
                a.frame.locals[Int(ins.arg)] = nil
                heap.decref(old)

            case .LOAD_DEREF where ins.aux < 0, .LOAD_CLOSURE:
                push(try interp.derefLoad(a.frame, Int(ins.arg), closure: ins.op == .LOAD_CLOSURE))
            case .STORE_DEREF where ins.aux < 0:
                interp.derefStore(a.frame, Int(ins.arg), pop())
            case .DELETE_DEREF:
                try interp.derefDelete(a.frame, Int(ins.arg))

            case .LOAD_DEREF:
                // A comprehension's free variable: a local of the frame `aux` levels out.
                var owner = a.frame
                for _ in 0..<Int(ins.aux) { owner = owner.parent! }
                guard let v = owner.locals[Int(ins.arg)] else {
                    throw interp.error("NameError", "cannot access free variable '\(owner.code.localNames[Int(ins.arg)])' where it is not associated with a value in enclosing scope")
                }
                heap.incref(v)
                push(v)
            case .STORE_DEREF:
                // A comprehension's `:=` target (3.12+): a local of the frame `aux` levels
                // out, as the inlined code's STORE_FAST (`CodeGen.emitComprehensionNamedExpr`).
                var owner = a.frame
                for _ in 0..<Int(ins.aux) { owner = owner.parent! }
                let old = owner.locals[Int(ins.arg)]
                owner.locals[Int(ins.arg)] = pop()
                heap.xdecref(old)

            case .LIST_APPEND:
                let v = pop()
                try interp.listAppendStealing(stack[stack.count - Int(ins.arg)], v)
            case .SET_ADD:
                let v = pop()
                defer { heap.decref(v) }
                try interp.setAdd(stack[stack.count - Int(ins.arg)], v)
            case .MAP_ADD:
                // Evaluated key then value, or (aux 1: `Profile.dictComprehensionEvaluatesValueFirst`)
                // value then key; released in the order they were evaluated.
                let second = pop(), first = pop()
                defer { heap.decref(first); heap.decref(second) }
                let (k, v) = ins.aux == 1 ? (second, first) : (first, second)
                try interp.dictSet(stack[stack.count - Int(ins.arg)], k, v)

            case .LOAD_NAME:
                let i = Int(ins.arg)
                if ins.aux == 1 {
                    // 3.6's STORE_ANNOTATION: `__annotations__` from the namespace only.
                    guard let d = try interp.dictGet(a.frame.namespace!, a.bytecode.nameKeys[i]) else {
                        throw interp.error("NameError", "__annotations__ not found")
                    }
                    heap.incref(d)
                    push(d)
                    break
                }
                push(try interp.loadName(a.frame, a.bytecode.nameKeys[i], a.bytecode.names[i]))
            case .SETUP_ANNOTATIONS:
                // The namespace's `__annotations__`, made (an empty dict) when missing.
                let ns = a.frame.namespace!
                if try interp.dictGet(ns, interp.name("__annotations__")) == nil {
                    let d = try interp.newDict()
                    defer { heap.decref(d) }
                    try interp.dictSet(ns, interp.name("__annotations__"), d)
                }
            case .STORE_NAME:
                let v = pop()
                defer { heap.decref(v) }
                try interp.dictSet(a.frame.namespace!, a.bytecode.nameKeys[Int(ins.arg)], v)
            case .DELETE_NAME:
                let i = Int(ins.arg)
                try interp.dictDelName(a.frame.namespace!, a.bytecode.nameKeys[i], a.bytecode.names[i])
            case .LOAD_GLOBAL:
                let i = Int(ins.arg >> 1)
                push(try interp.loadGlobal(a.frame.globals, a.bytecode.nameKeys[i], a.bytecode.names[i], frame: a.frame))
            case .STORE_GLOBAL:
                let v = pop()
                defer { heap.decref(v) }
                try interp.dictSet(a.frame.globals, a.bytecode.nameKeys[Int(ins.arg)], v)
            case .DELETE_GLOBAL:
                let i = Int(ins.arg)
                try interp.dictDelName(a.frame.globals, a.bytecode.nameKeys[i], a.bytecode.names[i])

            case .LOAD_ATTR:
                let owner = pop()
                let attrName = a.bytecode.names[Int(ins.arg)]
                // 3.12+'s LOAD_ATTR_PROPERTY: the owner's reference goes to the getter's frame.
                if interp.profile.specializesPropertyLoads,
                   let r = try interp.specializedPropertyLoad(owner, attrName, a.bytecode, site: pc - 1) {
                    push(r)
                    break
                }
                defer { heap.decref(owner) }
                push(try interp.getAttr(owner, attrName))
            case .STORE_ATTR:
                let owner = pop(), v = pop()
                defer { heap.decref(v); heap.decref(owner) }
                try interp.setAttr(owner, a.bytecode.names[Int(ins.arg)], v)
            case .DELETE_ATTR:
                let owner = pop()
                defer { heap.decref(owner) }
                try interp.delAttr(owner, a.bytecode.names[Int(ins.arg)])

            case .BINARY_SUBSCR:
                let sub = pop(), container = pop()
                defer { heap.decref(container); heap.decref(sub) }
                push(try interp.getItem(container, sub))
            case .STORE_SUBSCR:
                let sub = pop(), container = pop(), v = pop()
                defer { heap.decref(v); heap.decref(container); heap.decref(sub) }
                try interp.setItem(container, sub, v)
            case .DELETE_SUBSCR:
                let sub = pop(), container = pop()
                defer { heap.decref(container); heap.decref(sub) }
                try interp.delItem(container, sub)

            case .UNARY_NOT:
                let v = pop()
                defer { heap.decref(v) }
                push(heap.newBool(!(try interp.isTrue(v))))
            case .UNARY_NEGATIVE, .UNARY_POSITIVE, .UNARY_INVERT:
                let v = pop()
                defer { heap.decref(v) }
                let op: UnaryOp = ins.op == .UNARY_NEGATIVE ? .negate : ins.op == .UNARY_POSITIVE ? .plus : .invert
                push(try interp.unaryOp(op, v))
            case .BINARY_OP:
                let rhs = pop(), lhs = pop()
                // The operands go lhs first (3.11 ceval.c BINARY_OP, 3.12+ bytecodes.c), as
                // in every BINARY_*/INPLACE_* case before 3.11 except two, which release the
                // right operand first: BINARY_SUBTRACT (`Py_DECREF(right); Py_DECREF(left)`)
                // and BINARY_MODULO (divisor, then dividend) in 3.6's and 3.8's ceval.c. The
                // order decides which freed block the next allocation of the size class gets
                // (corpus identity/operand_release_order, from CPython 3.6.15 to 3.13.0). From
                // 3.11 a warm loop runs specialized forms (BINARY_OP_SUBTRACT_INT, …), which
                // release the right operand first; the VM runs the generic form, as CPython
                // does for a statement run once at the prompt.
                let rightFirst = interp.profile.subtractAndModuloReleaseRightFirst && (ins.arg == BinaryOp.sub.nbOparg || ins.arg == BinaryOp.mod.nbOparg)
                defer { if rightFirst { heap.decref(rhs); heap.decref(lhs) } else { heap.decref(lhs); heap.decref(rhs) } }
                let mapped = heap.allocator.mappedBytes
                if ins.arg >= BinaryOp.inplaceBase {
                    push(try interp.inplaceOp(BinaryOp.byNbOparg[Int(ins.arg - BinaryOp.inplaceBase)], lhs, rhs))
                } else {
                    push(try interp.binaryOp(BinaryOp.byNbOparg[Int(ins.arg)], lhs, rhs))
                }
                // One operation can build a large object (`b'ab' * 2 * 2 * ...` in one
                // statement, no step between): the run's bounds are checked after each that
                // grew the heap by a MiB or more.
                if heap.allocator.mappedBytes - mapped >= 1 << 20 { try interp.checkLimits() }
            case .COMPARE_OP, .IS_OP, .CONTAINS_OP:
                let right = pop(), left = pop()
                defer { heap.decref(left); heap.decref(right) }
                let op: CompareOp = switch ins.op {
                case .IS_OP: ins.arg == 0 ? .is : .isNot
                case .CONTAINS_OP: ins.arg == 0 ? .in : .notIn
                default: CompareOp.byCmpOparg[Int(ins.arg)]
                }
                push(try interp.compare(op, left, right))

            case .BUILD_TUPLE:
                push(try interp.newTuple(pop(Int(ins.arg))))
            case .BUILD_LIST:
                if ins.arg == 0, pc + 1 < code.count, code[pc].op == .LOAD_CONST, code[pc + 1].op == .LIST_EXTEND,
                   code[pc + 1].aux != 1 {
                    // BUILD_LIST 0; LOAD_CONST (tuple); LIST_EXTEND 1: the list as list_extend
                    // sizes it, made at once (the same allocations in the same order).
                    let items = interp.sequenceItems(a.bytecode.constants[Int(code[pc].arg)])!
                    items.forEach(heap.incref)
                    a.pc = pc + 1
                    pc += 2
                    push(try interp.newList(items, extend: true))
                } else {
                    push(try interp.newList(pop(Int(ins.arg)), extend: false))
                }
            case .BUILD_SET:
                if ins.arg == 0, pc + 1 < code.count, code[pc].op == .LOAD_CONST, code[pc + 1].op == .SET_UPDATE,
                   code[pc + 1].aux != 1 {
                    // BUILD_SET 0; LOAD_CONST (frozenset); SET_UPDATE 1.
                    let source = a.bytecode.constants[Int(code[pc].arg)]
                    a.pc = pc + 1
                    pc += 2
                    push(try interp.newSetMerging(source))
                } else {
                    push(try interp.newSet(pop(Int(ins.arg))))
                }
            case .LIST_EXTEND:
                // A `*x` of a call or (aux 1) of a display (starunpack_helper); the constant
                // form of a display is taken by BUILD_LIST.
                let iterable = pop()
                defer { heap.decref(iterable) }
                // A call: [callable, list] below the iterable (the NULL is not on the stack).
                if ins.aux != 1 { try checkCallFunctionEx(stack[stack.count - Int(ins.arg) - 1]) }
                try listExtend(stack[stack.count - Int(ins.arg)], iterable, inCall: ins.aux != 1)
            case .SET_UPDATE:
                // `{*x}` (aux 1): _PySet_Update, whose errors are iter()'s. The constant form
                // is taken by BUILD_SET.
                let iterable = pop()
                defer { heap.decref(iterable) }
                if interp.generator(iterable) != nil { throw interp.notModelled("{*generator}") }
                try interp.setUpdateInternal(stack[stack.count - Int(ins.arg)], iterable)
            case .DICT_UPDATE:
                // `{**x}`: PyDict_Update; anything without keys() "is not a mapping".
                let update = pop()
                defer { heap.decref(update) }
                guard case .dict = heap.payload[Int(update)] else {
                    if case .instance = heap.payload[Int(update)] { throw interp.notModelled("{**instance}") }
                    try interp.refuseWeakProxyOperand(update, "{**proxy}")
                    try interp.refuseMappingProxyOperand(update, "{**mappingproxy}")
                    throw interp.error("TypeError", "'\(interp.typeName(update))' object is not a mapping")
                }
                try interp.refuseOrderedDictSource(update, "{**OrderedDict}")
                try interp.dictMergeDict(stack[stack.count - Int(ins.arg)], from: update)
            case .LIST_TO_TUPLE:
                // PyList_AsTuple: a tuple of exactly the list's items; the list is released.
                let list = pop()
                defer { heap.decref(list) }
                let items = interp.listItems(list)
                items.forEach(heap.incref)
                push(try interp.newTuple(items))
            case .DICT_MERGE:
                let update = pop()
                defer { heap.decref(update) }
                // [callable, callargs, dict] below the update (the NULL is not on the stack).
                try checkCallFunctionEx(stack[stack.count - Int(ins.arg) - 2])
                try dictMerge(stack[stack.count - Int(ins.arg)], update, callable: stack[stack.count - Int(ins.arg) - 2])
            case .BUILD_TUPLE_UNPACK_WITH_CALL:
                // [callable, parts...]: the parts stay on the stack until the tuple is made.
                let callable = stack[stack.count - Int(ins.arg) - 1]
                try checkCallFunctionEx(callable)
                push(try buildTupleUnpackWithCall(pop(Int(ins.arg)), callable: callable))
            case .BUILD_MAP_UNPACK_WITH_CALL:
                // [callable, callargs, maps...].
                let callable = stack[stack.count - Int(ins.arg) - 2]
                try checkCallFunctionEx(callable)
                push(try buildMapUnpackWithCall(pop(Int(ins.arg)), callable: callable))
            case .CALL_FUNCTION_EX:
                let kwargs = ins.arg & 1 != 0 ? pop() : nil
                let callargs = pop()
                let callable = pop()
                push(try callFunctionEx(callable, callargs, kwargs))
            case .BUILD_MAP:
                push(try buildMap(pop(2 * Int(ins.arg))))
            case .BUILD_CONST_KEY_MAP:
                let keys = pop()
                defer { heap.decref(keys) }
                let values = pop(Int(ins.arg))
                var items: [ObjectRef] = []
                items.reserveCapacity(values.count * 2)
                for (k, v) in zip(interp.sequenceItems(keys)!, values) {
                    heap.incref(k)
                    items.append(k)
                    items.append(v)
                }
                push(try buildMap(items))
            case .BUILD_SLICE:
                let step = ins.arg == 3 ? pop() : heap.newNone()
                let upper = pop(), lower = pop()
                push(try interp.newSlice(lower, upper, step))
            case .FORMAT_VALUE where ins.arg & 4 != 0:
                // PyObject_Format(value, spec) after the conversion; the value is released
                // before the spec.
                let spec = pop()
                var v = pop()
                do {
                    if ins.arg & 3 != 0 {
                        let converted = try ins.arg & 3 == 2 ? interp.reprObject(v) : interp.strObject(v)
                        heap.decref(v)
                        v = converted
                    }
                    try interp.refuseUnplacedId(spec, "a format spec that is")
                    let result = try interp.formatObject(v, spec: interp.stringValue(spec))
                    heap.decref(v); heap.decref(spec)
                    push(result)
                } catch { heap.decref(v); heap.decref(spec); throw error }
            case .FORMAT_VALUE:
                let v = pop()
                defer { heap.decref(v) }
                // PyObject_Format goes through object.__format__ (not modelled for a proxy).
                if ins.arg & 3 == 0 { try interp.refuseWeakProxyOperand(v, "formatting a weakref proxy") }
                push(try ins.arg == 2 ? interp.reprObject(v) : interp.strObject(v))
            case .BUILD_STRING:
                let pieces = pop(Int(ins.arg))
                // Released from the top of the stack down, after the join (3.6-3.11 ceval.c:
                // `while (--oparg >= 0) { item = POP(); Py_DECREF(item); }`; the same order
                // on 3.12.1 and 3.13.0, measured: after f'{a}-{b}' the next new str takes the
                // block of `a`'s piece, on all five versions).
                defer { pieces.reversed().forEach(heap.decref) }
                var s = ""
                // A piece spelled from an id() value has no known text (UnplacedIds.swift).
                for p in pieces { try interp.refuseUnplacedId(p, "an f-string with"); s += interp.stringValue(p) }
                push(try interp.newStr(s))

            case .GET_ITER:
                push(try interp.getIterReleasing(pop()))
            case .FOR_ITER:
                if let item = try interp.next(stack[stack.count - 1]) {
                    push(item)
                    try interp.step()   // a step per iteration (`Instruction.steps`)
                } else {
                    heap.decref(pop())
                    pc = Int(ins.arg)
                }
            case .UNPACK_SEQUENCE:
                let seq = pop()
                let items: [ObjectRef]
                do { items = try interp.unpack(seq, count: Int(ins.arg)) } catch { heap.decref(seq); throw error }
                heap.decref(seq)
                for item in items.reversed() { push(item) }

            case .UNPACK_EX:
                let seq = pop()
                let items: [ObjectRef]
                do { items = try interp.unpackEx(seq, before: Int(ins.arg & 0xFF), after: Int(ins.arg >> 8)) } catch {
                    heap.decref(seq); throw error
                }
                heap.decref(seq)
                for item in items.reversed() { push(item) }

            case .JUMP_FORWARD:
                pc = Int(ins.arg)
            case .JUMP_BACKWARD:
                interp.evalBreaker()
                pc = Int(ins.arg)
            case .JUMP_BACKWARD_NO_INTERRUPT:
                pc = Int(ins.arg)
            case .GET_YIELD_FROM_ITER:
                // A generator is delegated to as it is; anything else through iter().
                let iterable = stack[stack.count - 1]
                if interp.generator(iterable) == nil {
                    stack[stack.count - 1] = try interp.getIter(iterable)
                    heap.decref(iterable)
                }
            case .SEND:
                // PyIter_Send (3.11): a generator is resumed with the value; another iterator
                // is advanced with next() when the value is None. Its return value (None for
                // an exhausted iterator) replaces it, and the jump leaves the loop.
                let v = pop()
                let receiver = stack[stack.count - 1]
                let item: ObjectRef?, returned: ObjectRef?
                do {
                    defer { heap.decref(v) }
                    if let gen = interp.generator(receiver) {
                        (item, returned) = try interp.genSend(receiver, gen, v)
                    } else if v == heap.none {
                        item = try interp.next(receiver)
                        returned = nil
                    } else {
                        throw interp.notModelled("send() of a value through 'yield from' to a \(interp.typeName(receiver))")
                    }
                }
                if let item {
                    push(item)
                } else {
                    stack[stack.count - 1] = returned ?? heap.newNone()
                    heap.decref(receiver)
                    pc = Int(ins.arg)
                }
            case .POP_JUMP_FORWARD_IF_FALSE, .POP_JUMP_FORWARD_IF_TRUE:
                let v = pop()
                defer { heap.decref(v) }
                if try interp.isTrue(v) == (ins.op == .POP_JUMP_FORWARD_IF_TRUE) { pc = Int(ins.arg) }
            case .JUMP_IF_FALSE_OR_POP, .JUMP_IF_TRUE_OR_POP:
                // 3.12+'s COPY 1 holds a second reference while the truth is tested.
                let v = stack[stack.count - 1]
                let copied = interp.profile.boolOpCopiesOperand
                if copied { heap.incref(v) }
                let truth: Bool
                do { truth = try interp.isTrue(v) } catch { if copied { heap.decref(v) }; throw error }
                if copied { heap.decref(v) }
                if truth == (ins.op == .JUMP_IF_TRUE_OR_POP) {
                    pc = Int(ins.arg)
                } else {
                    heap.decref(pop())
                }

            case .PRINT_EXPR:
                let v = pop()
                defer { heap.decref(v) }
                try interp.displayhook(v)

            case .IMPORT_NAME:
                let fromlist = pop(), level = pop()
                defer { heap.decref(level); heap.decref(fromlist) }
                lastImport = a.bytecode.names[Int(ins.arg)]
                push(try interp.importModule(lastImport))
            case .IMPORT_FROM:
                let attr = a.bytecode.names[Int(ins.arg)]
                do {
                    push(try interp.getAttr(stack[stack.count - 1], attr))
                } catch let e as PyException {
                    interp.releaseException(e)
                    throw interp.error("ImportError", "cannot import name '\(attr)' from '\(lastImport)' (unknown location)")
                }

            case .RAISE_VARARGS:
                if ins.aux >= 0 {
                    // `assert`: the AssertionError with the message, if any, as its argument.
                    throw try interp.raiseNew("AssertionError", args: ins.aux == 1 ? [pop()] : [])
                }
                if ins.arg == 0 { throw reraiseHandled() }
                if ins.arg == 2 {
                    let cause = pop()
                    throw try interp.makeRaise(pop(), from: cause)
                }
                throw try interp.makeRaise(pop())
            case .PUSH_EXC_INFO:
                pushExcInfo()
            case .POP_EXCEPT:
                popExcept()
            case .CHECK_EXC_MATCH:
                try checkExcMatch()
            case .RERAISE:
                throw reraise(pop())
            case .BEFORE_WITH:
                try beforeWith()
            case .WITH_EXCEPT_START:
                try withExceptStart()

            case .MAKE_FUNCTION:
                // 3.6-3.10: the qualname (PyFunction_NewWithQualName keeps it as func_qualname).
                let qualname = ins.aux == 1 ? pop() : nil
                let codeObject = pop()
                defer { heap.decref(codeObject) }
                let closure = ins.arg & 0x08 != 0 ? pop() : nil
                let annotations = ins.arg & 0x04 != 0 ? pop() : nil
                let kwdefaults = ins.arg & 0x02 != 0 ? pop() : nil
                let defaults = ins.arg & 1 != 0 ? pop() : nil
                let function: ObjectRef
                do {
                    function = try interp.newFunction(codeRef: codeObject, globals: a.frame.globals, defaults: defaults, closure: closure)
                } catch { qualname.map(heap.decref); throw error }
                if case .function(let fn) = heap.payload[Int(function)] {
                    fn.kwdefaults = kwdefaults; fn.annotations = annotations
                    // Where the qualname is the name CPython's constant is the interned name
                    // (compiler_set_qualname), which `__qualname__` gives (the engine's constant
                    // is another str): only a dotted qualname is kept.
                    if let qualname, fn.qualname != fn.name { fn.qualnameRef = qualname } else { qualname.map(heap.decref) }
                }
                push(function)

            case .CALL:
                let shape = ins.aux >= 0 ? a.bytecode.callShapes[Int(ins.aux)] : nil
                if let comprehension = shape?.comprehension, comprehension.result == .generator {
                    // A generator expression: its function called with the iterator as `.0`.
                    let it = pop()
                    push(try interp.makeGenerator(pop(), [it], []))
                    break
                }
                if let comprehension = shape?.comprehension {
                    let it = pop()
                    let function = comprehension.inlined ? nil : pop()
                    push(try runComprehension(comprehension, it, function, a.frame))
                    break
                }
                let kwnames = shape?.kwnames ?? []
                let argc = Int(ins.arg)
                let start = stack.count - argc
                let args = Array(stack[start..<(stack.count - kwnames.count)])
                var kwargs: [(String, ObjectRef)] = []
                for (k, name) in kwnames.enumerated() { kwargs.append((name, stack[stack.count - kwnames.count + k])) }
                let callable = stack[start - 1]
                stack.removeLast(argc + 1)
                // From here the call owns the callable's and the arguments' references.
                if case .function(let fn) = heap.payload[Int(callable)], let calleeCode = fn.code as? CodeObject,
                   calleeCode.isGenerator, shape?.method == nil {
                    push(try interp.makeGenerator(callable, args, kwargs))
                    break
                }
                if shape?.method != nil {
                    let method = methods.removeLast().method
                    push(try interp.callLoadedMethod(method, callable, args, kwargs))
                } else if case .function(let fn) = heap.payload[Int(callable)] {
                    guard let calleeCode = fn.code as? CodeObject, let calleeBytecode = calleeCode.bytecode else {
                        push(try interp.callFunction(callable, args, kwargs))
                        break
                    }
                    // _PyEvalFramePushAndInit: the new frame, then the loop goes on in it.
                    let callee = try enterFrame(callable, fn, calleeCode, calleeBytecode, args, kwargs)
                    frames.append(callee)
                    a = callee
                    code = calleeBytecode.instructions
                    pc = 0
                    interp.evalBreaker()   // RESUME
                    try interp.step()
                } else if case .method = heap.payload[Int(callable)] {
                    push(try interp.callUnpackingMethod(callable, args, kwargs))
                } else if callable == heap.builtinType(.superObject) {
                    // The zero-argument form reads this frame (super_init_without_args).
                    defer { heap.decref(callable); args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
                    push(try interp.callSuper(args, kwargs, frame: a.frame))
                    interp.evalBreaker()
                } else if callable == interp.dirBuiltin, args.isEmpty, kwargs.isEmpty {
                    // dir() lists the calling frame's names (_dir_locals).
                    defer { heap.decref(callable) }
                    push(try interp.dirLocals(a.frame))
                    interp.evalBreaker()
                } else {
                    defer { heap.decref(callable) }
                    // 3.6's call_function takes a reference of its own to any callable that
                    // is not a bound method for the call (a user `__call__` sees it).
                    let holds = interp.profile.callFunctionHoldsCallable
                    if holds { heap.incref(callable) }
                    defer { if holds { heap.decref(callable) } }
                    push(try interp.call(callable, args, kwargs))
                }

            case .LOAD_BUILD_CLASS:
                // __build_class__(func, name, *bases) (`ClassShape`): consumes the bases.
                let shape = a.bytecode.classShapes[Int(ins.aux)]
                let bases = pop(Int(ins.arg))
                push(try interp.buildClass(code: shape.code, codeRef: shape.codeRef, name: shape.name,
                                           qualname: shape.qualname, qualnameConst: shape.qualnameConst,
                                           bases: bases, globals: a.frame.globals,
                                           staticAttributes: shape.staticAttributes))

            case .YIELD_VALUE:
                // The generator's frame is the only one of this evaluation (`resume`).
                guard let gen = a.generator, frames.count == 1 else { preconditionFailure("yield outside a generator") }
                if !methods.isEmpty { throw interp.notModelled("a generator suspended inside a method call's arguments") }
                let v = pop()
                gen.stack = Array(stack[a.base...])
                stack.removeLast(stack.count - a.base)
                gen.pc = pc
                gen.yielded = true
                gen.delegating = pc >= 2 && code[pc - 2].op == .SEND
                a.frame.returnValue = v
                return .returned
            case .RETURN_GENERATOR:
                preconditionFailure("generator code is run by GenObject")

            case .RETURN_VALUE:
                let v = pop()
                guard let function = a.function else {
                    if a.code.kind == .function || a.code.kind == .comprehension {
                        a.frame.returnValue = v
                        return .returned
                    }
                    // A class body returns its `__class__` cell (or None) to __build_class__.
                    if a.code.kind == .classBody { a.frame.returnValue = v } else { heap.decref(v) }
                    return .next
                }
                // The frame is cleared (locals in order, then the function), then (before 3.11)
                // the caller's copies of the arguments go.
                frames.removeLast()
                interp.clearFrame(a.frame, function)
                interp.depth -= 1
                a.callerArgs.forEach(heap.decref)
                if interp.pendingRefusal != nil { heap.decref(v); try interp.throwPendingRefusal() }
                a = frames[frames.count - 1]
                code = a.bytecode.instructions
                pc = a.pc + 1
                push(v)
            }
        }
    }

    /// A comprehension's call (before 3.12) or inlined body (3.12+): in a frame of
    /// its own whose parent is the enclosing one (its free variables live there), with the
    /// result made after the frame; the body's stack starts as [result, iterator]. On an
    /// error before 3.12 the traceback gets the `<listcomp>` frame, which keeps its iterator,
    /// variables and function (3.11+; the globals before) alive.
    private func runComprehension(_ comp: ComprehensionShape, _ it: ObjectRef, _ function: ObjectRef?,
                                  _ enclosing: Frame) throws -> ObjectRef {
        defer { function.map(heap.decref) }
        let code = comp.code
        let frame = Frame(code: code, globals: enclosing.globals, namespace: nil, parent: enclosing)
        if function != nil { interp.newFrameObject(frame) }
        let acc: ObjectRef
        do {
            switch comp.result {
            case .list: acc = try interp.newList([], extend: false)
            case .set: acc = try interp.newSet([])
            case .dict: acc = try interp.newDict()
            case .generator: preconditionFailure("a generator expression is called, not run")
            }
        } catch { heap.decref(it); throw error }
        var keptByTraceback = false
        defer {
            heap.decref(it)
            for case let r? in frame.locals { heap.decref(r) }
            interp.deallocFrameObject(frame, keptByTraceback: keptByTraceback)
        }
        heap.incref(acc)
        heap.incref(it)
        code.bytecode!.assemble(comp.tables)
        do {
            _ = try CEval(interp).run(frame, initialStack: [acc, it])
        } catch var e as PyException {
            heap.decref(acc)
            if function == nil { enclosing.inlinedFailure = (frame.line, frame.position) }
            if let function {
                interp.leaveFrame(&e, code: code, line: frame.line, function: code.name, position: frame.position)
                var kept = [it] + frame.locals.compactMap { $0 }
                kept.append(interp.profile.lazyFrameObjects ? function : enclosing.globals)
                kept.forEach(heap.incref)
                e.keptAlive += kept
                keptByTraceback = true
            }
            throw e
        } catch var stop as RunStopped {
            heap.decref(acc)
            if function == nil { enclosing.inlinedFailure = (frame.line, frame.position) }
            if function != nil { stop.traceback.append(TracebackEntry(filename: code.filename, line: frame.line, function: code.name)) }
            throw stop
        } catch { heap.decref(acc); throw error }
        heap.decref(frame.returnValue)   // the stack's reference to the result, returned
        return acc
    }

    /// How the call errors of CALL_FUNCTION_EX name the callee: from 3.9
    /// _PyObject_FunctionStr, its `__module__` and `__qualname__` (a bound method forwards both
    /// to its function; a builtin's module, "builtins", is left out); before,
    /// PyEval_GetFuncName and PyEval_GetFuncDesc, the `__name__` and "()".
    private func functionStr(_ callable: ObjectRef) throws -> String {
        switch try exCallee(callable) {
        case .builtin(let name): return "\(name)()"
        case .function(let fn):
            guard case .function(let info) = heap.payload[Int(fn)] else { preconditionFailure("not a function") }
            if interp.profile.callArgumentsUnpackWithCall { return "\(info.name)()" }
            return "\(info.module.map(interp.stringValue) ?? "__main__").\(info.qualname)()"
        }
    }

    /// The callees CALL_FUNCTION_EX is modelled for (3.8+): a Python function (a bound
    /// method's own), or a builtin function by name.
    private enum ExCallee { case function(ObjectRef), builtin(String) }

    /// The builtin functions whose call through CALL_FUNCTION_EX the engine models: vectorcall
    /// ones (the argument array is the tuple's items; 3.11+'s `print` packs its arguments
    /// either way), and METH_VARARGS ones (min/max before 3.13, sum on 3.6), which take the
    /// argument tuple itself where CALL packs a new one. No Python code of theirs runs but
    /// the arguments' special methods, which see the tuple's references.
    private static let exBuiltins: Set<String> = ["print", "len", "repr", "id", "abs", "isinstance", "sum", "min", "max"]
    /// The builtins of `exBuiltins` that take keywords through it: print is vectorcall in every
    /// modelled version, so a non-empty dict goes through _PyStack_UnpackDict as a Python
    /// function's does. (min/max were METH_VARARGS | METH_KEYWORDS before 3.13: not that path.)
    private static let exBuiltinsWithKeywords: Set<String> = ["print"]

    /// What CALL_FUNCTION_EX calls, or its refusal: another profile's CALL_FUNCTION_EX (3.6
    /// and 3.8 build the arguments with BUILD_*_UNPACK_WITH_CALL, whose errors name the
    /// callee), or a callee whose call from C with a tuple the engine does not model (types,
    /// builtin methods, other builtins, callable instances). Checked before the argument
    /// tuple and dict raise anything.
    private func exCallee(_ callable: ObjectRef, keywords: Bool = false) throws -> ExCallee {
        guard interp.profile.callFunctionExModelled else {
            throw interp.notModelled("f(*args, **kwargs)", because: "CPython \(interp.profile.version)'s CALL_FUNCTION_EX is not modelled")
        }
        switch heap.payload[Int(callable)] {
        case .function: return .function(callable)
        case .method(let fn, _) where heap.kind(fn) == .function: return .function(fn)
        case .builtin(let b) where b.selfRef == nil && !interp.profile.callFunctionExThroughFunctionCall:
            // (3.6's do_call_core calls a builtin through PyCFunction_Call, by its METH_ flags:
            // not modelled.)
            let name = interp.builtinTable[Int(b.id)].qualifiedName
            if Self.exBuiltins.contains(name) && (!keywords || Self.exBuiltinsWithKeywords.contains(name)) { return .builtin(name) }
        case .builtin where callable == interp.objectNewFunction && !keywords && !interp.profile.callFunctionExThroughFunctionCall:
            // object.__new__ (METH_VARARGS | METH_KEYWORDS): PyCFunction_Call hands it the
            // tuple itself (`super().__new__(cls, *args)`). Named as 3.8's
            // PyEval_GetFuncName and 3.9+'s _PyObject_FunctionStr name it.
            return .builtin(interp.profile.minor >= 9 ? "object.__new__" : "__new__")
        default: break
        }
        throw interp.notModelled("f(*args, **kwargs)", because: interp.profile.callFunctionExThroughFunctionCall
            ? "on CPython \(interp.profile.version) only calls of Python functions and their bound methods with unpacking are modelled"
            : "only calls of Python functions, their bound methods and some builtins with unpacking are modelled")
    }

    private func checkCallFunctionEx(_ callable: ObjectRef) throws { _ = try exCallee(callable) }

    /// The iterables `*x` unpacks without Python code of their own (PySequence_Check or tp_iter).
    private func isIterableWithoutCode(_ r: ObjectRef) throws -> Bool {
        try interp.refuseDequeOperand(r, "iterating a deque")
        switch heap.payload[Int(r)] {
        case .list, .tuple, .str, .range, .dict, .set, .bytes, .iterator: return true
        case .native(let o) where o is GenObject || o is ItertoolsObject || o is ByteArrayObject
            || o is ArrayObject || o is ArrayIterObject: return true
        case .cell where interp.dictView(r) != nil: return true
        case .instance: throw interp.notModelled("f(*instance)")
        case .weakref where heap.isWeakProxy(r): throw interp.notModelled("*proxy (a weakref proxy unpacked)")
        default: return false
        }
    }

    /// While tracemalloc traces: the instructions whose C code makes blocks the engine does not
    /// (checked against CPython's tracemalloc on 3.11.7-3.13.0) make the numbers unknown.
    /// Unpacking and extending from anything but a list or tuple go through an iterator
    /// object (PySequence_Fast, list_extend, set_update_internal, dict_merge's keys());
    /// formatting uses _PyUnicodeWriter's buffers and scratch objects; a raise makes an
    /// exception with its args tuple and traceback; CALL_FUNCTION_EX packs tuples and dicts.
    private func noteTracedInstruction(_ ins: Instruction) {
        let top = stack.last.map { heap.kind($0) }
        let why: String
        switch ins.op {
        case .LIST_EXTEND, .UNPACK_SEQUENCE, .UNPACK_EX:
            if top == .list || top == .tuple { return }
            why = "unpacking something other than a list or tuple (CPython's iterator object)"
        case .SET_UPDATE: why = "a set display unpacking an iterable (set_update_internal's iterator)"
        case .DICT_UPDATE, .DICT_MERGE:
            if top == .dict, let t = stack.last, !heap.typeInfo(of: t).isHeapType { return }
            why = "a dict display or call unpacking a mapping"
        case .CALL_FUNCTION_EX: why = "a call with *args or **kwargs"
        case .FORMAT_VALUE, .BUILD_STRING: why = "an f-string (_PyUnicodeWriter's buffers)"
        case .RAISE_VARARGS, .RERAISE: why = "an exception was raised"
        case .BINARY_OP:
            let rhs = stack.count >= 2 ? heap.kind(stack[stack.count - 1]) : nil
            let lhs = stack.count >= 2 ? heap.kind(stack[stack.count - 2]) : nil
            // str % args: PyUnicode_Format's writer; bytes likewise.
            if (ins.arg == BinaryOp.mod.nbOparg || ins.arg == BinaryOp.mod.nbOparg + BinaryOp.inplaceBase)
                && (lhs == .str || lhs == .bytes) {
                why = "%-formatting (PyUnicode_Format's buffers)"
            } else if lhs == .str || lhs == .bytes || rhs == .str || rhs == .bytes {
                // `s += t` resizes s in place when nothing else holds it (unicode_concatenate).
                if ins.arg < BinaryOp.inplaceBase { return }
                why = "an in-place str or bytes concatenation (unicode_concatenate's resize)"
            } else { return }
        default: return
        }
        heap.tracemalloc.noteUnknown("\(why) ran, which heapbook does not model block for block")
    }

    /// LIST_EXTEND (3.11): list_extend, or "Value after * must be an iterable".
    /// LIST_EXTEND: _PyList_Extend, whose TypeError for a non-iterable ceval.c rewrites.
    private func listExtend(_ list: ObjectRef, _ iterable: ObjectRef, inCall: Bool) throws {
        guard try isIterableWithoutCode(iterable) else {
            throw interp.error("TypeError", "Value after * must be an iterable, not \(interp.typeName(iterable))")
        }
        if interp.generator(iterable) != nil { throw interp.notModelled(inCall ? "f(*generator)" : "[*generator]") }
        try interp.listExtend(list, iterable)
    }

    /// BUILD_TUPLE_UNPACK_WITH_CALL (3.6, 3.8): an empty list extended by each part in turn
    /// (_PyList_Extend; check_args_iterable words a TypeError after the callee), made a tuple
    /// (PyList_AsTuple) and released; then the parts, the top one first.
    private func buildTupleUnpackWithCall(_ parts: [ObjectRef], callable: ObjectRef) throws -> ObjectRef {
        defer { parts.reversed().forEach(heap.decref) }
        let list = try interp.newList([], extend: false)
        defer { heap.decref(list) }
        for part in parts {
            guard try isIterableWithoutCode(part) else {
                throw interp.error("TypeError", "\(try functionStr(callable)) argument after * must be an iterable, not \(interp.typeName(part))")
            }
            if interp.generator(part) != nil { throw interp.notModelled("f(*generator)") }
            try interp.listExtend(list, part)
        }
        let items = interp.listItems(list)
        items.forEach(heap.incref)
        return try interp.newTuple(items)
    }

    /// BUILD_MAP_UNPACK_WITH_CALL (3.6, 3.8): a new dict, each map merged into it in turn
    /// (_PyDict_MergeEx(sum, arg, 2), format_kwargs_error's messages); then the maps, the top
    /// one first.
    private func buildMapUnpackWithCall(_ maps: [ObjectRef], callable: ObjectRef) throws -> ObjectRef {
        defer { maps.reversed().forEach(heap.decref) }
        let sum = try interp.newDict()
        do { for m in maps { try dictMerge(sum, m, callable: callable) } } catch { heap.decref(sum); throw error }
        return sum
    }

    /// DICT_MERGE (3.11): _PyDict_MergeEx(dict, update, 2), whose errors format_kwargs_error
    /// words after the callee.
    private func dictMerge(_ dict: ObjectRef, _ update: ObjectRef, callable: ObjectRef) throws {
        guard case .dict = heap.payload[Int(update)] else {
            if case .instance = heap.payload[Int(update)] { throw interp.notModelled("f(**instance)") }
            try interp.refuseWeakProxyOperand(update, "f(**proxy)")
            try interp.refuseMappingProxyOperand(update, "f(**mappingproxy)")
            throw interp.error("TypeError", "\(try functionStr(callable)) argument after ** must be a mapping, not \(interp.typeName(update))")
        }
        let interp = self.interp
        try interp.refuseOrderedDictSource(update, "f(**OrderedDict)")
        try interp.dictMergeDict(dict, from: update) { [self] k in
            guard interp.isExactStr(k) else { return interp.notModelled("f(**{non-str key: value})") }
            return interp.error("TypeError", "\(try functionStr(callable)) got multiple values for keyword argument '\(interp.stringValue(k))'")
        }
    }

    /// CALL_FUNCTION_EX (3.11+): the arguments made a tuple (PySequence_Tuple when they are
    /// not one), then
    /// - 3.11, and 3.12+ for any callee but an exact Python function: PyObject_Call, which
    ///   runs a Python function (a bound method's, with self prepended by method_vectorcall)
    ///   in an evaluation of its own (_PyEval_Vector, whose frame takes references of its
    ///   own). A non-empty dict goes through _PyStack_UnpackDict first (vectorcall): a
    ///   PyMem_Malloc'd array holding further references to every argument, and a kwnames
    ///   tuple, both freed when the call returns. The callable, tuple and dict are released
    ///   after the call.
    /// - 3.12+ for a Python function: _PyEvalFramePushAndInit_Ex pushes the frame, which takes
    ///   the stack's reference to the function and new references to the arguments (the
    ///   unpacked array's, freed without releasing them, when there are keywords), and
    ///   releases the tuple and the dict before the body runs (`def k(a): return
    ///   sys.getrefcount(a)`: `k(*[[]])` 3 on 3.11.7, 2 on 3.12.1 and 3.13.0).
    private func callFunctionEx(_ callable: ObjectRef, _ callargs: ObjectRef, _ kwargs: ObjectRef?) throws -> ObjectRef {
        var keywords = false
        if let kwargs, let d = heap.payload[Int(kwargs)].dictStorage { keywords = d.count > 0 }
        let callee = try exCallee(callable, keywords: keywords)
        var tuple = callargs
        var kwargs = kwargs
        var released = false
        // Released as ceval.c releases them after the call (or the frame push): func, callargs, kwargs.
        func release() {
            guard !released else { return }
            released = true
            heap.decref(callable); heap.decref(tuple); if let kwargs { heap.decref(kwargs) }
        }
        defer { release() }
        if interp.profile.callArgumentsUnpackWithCall, let given = kwargs, heap.typeOf[Int(given)] != heap.builtinType(.dict) {
            // 3.8: a lone `**x` that is not an exact dict is merged into a new one first.
            let d = try interp.newDict()
            do { try dictMerge(d, given, callable: callable) } catch { heap.decref(d); throw error }
            heap.decref(given)
            kwargs = d
        }
        if heap.kind(callargs) != .tuple || heap.typeOf[Int(callargs)] != heap.builtinType(.tuple) {
            guard try isIterableWithoutCode(callargs) else {
                throw interp.error("TypeError", "\(try functionStr(callable)) argument after * must be an iterable, not \(interp.typeName(callargs))")
            }
            if case .native(let o) = heap.payload[Int(callargs)], o is GenObject {
                throw interp.notModelled("f(*generator)")
            }
            // PySequence_Tuple: a list's items copied; another sized iterable fills a tuple
            // of its length hint (its len()).
            // Py_SETREF: the iterable is released before the call.
            let converted = try interp.newTuple(try interp.iterateToArray(callargs))
            heap.decref(tuple)
            tuple = converted
        }
        let args = interp.sequenceItems(tuple) ?? []
        var kw: [(String, ObjectRef)] = []
        var keys: [ObjectRef] = []
        if let kwargs, let d = heap.payload[Int(kwargs)].dictStorage {
            for (k, v) in d.items {
                guard interp.isExactStr(k) else { throw interp.notModelled("f(**{non-str key: value})") }
                kw.append((interp.stringValue(k), v)); keys.append(k)
            }
        }
        if case .method = heap.payload[Int(callable)],
           interp.profile.callArgumentsUnpackWithCall ? args.count + kw.count >= 5 : !keywords && args.count >= 5 {
            // method_vectorcall without PY_VECTORCALL_ARGUMENTS_OFFSET (3.9+: no
            // _PyStack_UnpackDict before it; 3.8's never sets it) copies self and more than
            // four arguments into a PyMem_Malloc'd array.
            throw interp.notModelled("a bound method called with five or more unpacked arguments",
                                     because: "method_vectorcall's argument array is not modelled")
        }
        if interp.profile.callFunctionExPushesFrame, case .function = heap.payload[Int(callable)], case .function(let fn) = callee {
            // _PyEvalFramePushAndInit_Ex: the frame steals the stack's reference to the
            // function (here: takes one, and the stack's goes when the frame is pushed).
            let unpacked = kw.isEmpty ? nil : try interp.stackUnpackDict(args, keys: keys, values: kw.map { $0.1 })
            if unpacked == nil { args.forEach(heap.incref) }
            heap.incref(fn)
            let result = try interp.callFunction(fn, args, kw, pushed: { [self] in
                // _PyStack_UnpackDict_FreeNoDecRef: the array's references are the frame's.
                if let unpacked { heap.pyMemFree(unpacked.array); heap.decref(unpacked.kwnames) }
                release()
            })
            interp.evalBreaker()
            return result
        }
        if interp.profile.callFunctionExThroughFunctionCall {
            return try callThroughFunctionCall(callable, args, kw, keys, hasDict: kwargs != nil)
        }
        var unpacked: Interpreter.UnpackedDict?
        if !kw.isEmpty { unpacked = try interp.stackUnpackDict(args, keys: keys, values: kw.map { $0.1 }) }
        defer { unpacked.map(interp.stackUnpackDictFree) }
        // _PyEval_Vector (3.8: the frame's fast locals): the frame's own references, consumed
        // by the call (a builtin's borrowed arguments, released when it returns). The caller's
        // are the tuple's and the unpacked array's.
        if case .builtin(let b) = heap.payload[Int(callable)] {
            // The builtin borrows the tuple's items and the dict's values.
            try interp.refuseCCallNearRecursionLimit()
            let result = try interp.callBuiltin(b.id, b.selfRef, args, kw, argumentsInTuple: true)
            interp.evalBreaker()
            return result
        }
        args.forEach(heap.incref); kw.forEach { heap.incref($0.1) }
        let result: ObjectRef
        // 3.11+'s _PyEval_Vector gives the frame a reference to the function; 3.8's frame
        // has none (the stack's, or the bound method's, is released after the call).
        let borrows = interp.profile.callArgumentsUnpackWithCall
        switch heap.payload[Int(callable)] {
        case .function:
            if !borrows { heap.incref(callable) }
            result = try interp.callFunction(callable, args, kw, vectorcall: true, borrowsFunction: borrows)
        case .method(let fn, let selfRef):
            heap.incref(selfRef)
            if !borrows { heap.incref(fn) }
            result = try interp.callFunction(fn, [selfRef] + args, kw, vectorcall: true, borrowsFunction: borrows)
        default:
            preconditionFailure("exCallee lets through functions, bound methods and builtins")
        }
        interp.evalBreaker()   // CHECK_EVAL_BREAKER after CALL_FUNCTION_EX
        return result
    }

    /// CALL_FUNCTION_EX's call on 3.6 (`Profile.callFunctionExThroughFunctionCall`):
    /// do_call_core → PyObject_Call, whose Py_EnterRecursiveCall counts one level (refused
    /// near the limit, as other C calls), then
    /// - a function: function_call, which turns any keyword dict (`hasDict`, even empty) into
    ///   a tuple `(k1, v1, ...)` of new references for PyEval_EvalCodeEx and releases it
    ///   after the call; the positional arguments are read from the argument tuple;
    /// - a bound method: method_call → _PyObject_Call_Prepend (self and the arguments
    ///   borrowed in a C array; more than four arguments are refused by `callFunctionEx`) →
    ///   _PyFunction_FastCallDict, which makes that tuple only for a non-empty dict.
    /// The frame (_PyEval_EvalCodeWithName or function_code_fastcall) takes its own
    /// references to the arguments; it holds the code, not the function, whose reference
    /// the caller (the stack, or the method) keeps.
    private func callThroughFunctionCall(_ callable: ObjectRef, _ args: [ObjectRef], _ kw: [(String, ObjectRef)],
                                         _ keys: [ObjectRef], hasDict: Bool) throws -> ObjectRef {
        try interp.refuseCCallNearRecursionLimit()
        var isMethod = false
        if case .method = heap.payload[Int(callable)] { isMethod = true }
        var kwtuple: ObjectRef?
        if isMethod ? !kw.isEmpty : hasDict {
            var items: [ObjectRef] = []
            for (k, (_, v)) in zip(keys, kw) { items.append(k); items.append(v) }
            items.forEach(heap.incref)
            kwtuple = try interp.newTuple(items)
        }
        defer { kwtuple.map(heap.decref) }
        args.forEach(heap.incref); kw.forEach { heap.incref($0.1) }
        let result: ObjectRef
        switch heap.payload[Int(callable)] {
        case .function:
            result = try interp.callFunction(callable, args, kw, vectorcall: true, borrowsFunction: true)
        case .method(let fn, let selfRef):
            heap.incref(selfRef)
            result = try interp.callFunction(fn, [selfRef] + args, kw, vectorcall: true, borrowsFunction: true)
        default:
            preconditionFailure("exCallee lets through functions and bound methods on 3.6")
        }
        interp.evalBreaker()   // CHECK_EVAL_BREAKER after CALL_FUNCTION_EX
        return result
    }

    /// BUILD_MAP: every key and value evaluated first, then the dict made presized for them
    /// (_PyDict_FromItems) and filled in order; the items' references are released after.
    private func buildMap(_ items: [ObjectRef]) throws -> ObjectRef {
        defer { items.forEach(heap.decref) }
        let d = try interp.newDict(presizedFor: stride(from: 0, to: items.count, by: 2).map { items[$0] })
        for i in stride(from: 0, to: items.count, by: 2) {
            do { try interp.dictSet(d, items[i], items[i + 1]) } catch { heap.decref(d); throw error }
        }
        return d
    }

    /// `Interpreter.callFunction` up to running the body: consumes the function reference
    /// (f_func) and the arguments (the fast locals).
    private func enterFrame(_ callable: ObjectRef, _ fn: FunctionInfo, _ code: CodeObject, _ bytecode: Bytecode,
                            _ args: [ObjectRef], _ kwargs: [(String, ObjectRef)]) throws -> Activation {
        bytecode.assemble(code)
        let frame = Frame(code: code, globals: fn.globals, namespace: nil)
        interp.newFrameObject(frame)
        if !interp.profile.lazyFrameObjects { heap.incref(fn.globals) }
        var callerArgs: [ObjectRef] = []
        if interp.profile.callerStackKeepsArguments {
            callerArgs = args + kwargs.map { $0.1 }
            callerArgs.forEach(heap.incref)
        }
        do {
            try interp.functoolsStandInEntered(code, kwargs)
            try interp.bindArguments(frame, fn, code, args, kwargs)
            try interp.checkRecursionDepth()
        } catch {
            interp.clearFrame(frame, callable)
            callerArgs.forEach(heap.decref)
            throw error
        }
        interp.depth += 1
        return Activation(frame: frame, bytecode: bytecode, base: stack.count, function: callable, callerArgs: callerArgs)
    }
}
