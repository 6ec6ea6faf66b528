import HeapEngine

// The deref instructions of Python/ceval.c (3.11; bytecodes.c later): a slot of a frame
// whose code has cells or free variables holds a cell (`Interpreter.makeCellsAndCopyFreeVars`),
// and these read, write and empty what the cell holds.

extension Interpreter {
    /// LOAD_DEREF: a new reference to the cell's content; LOAD_CLOSURE (`closure`): a new
    /// reference to the cell itself.
    func derefLoad(_ frame: Frame, _ slot: Int, closure: Bool) throws -> ObjectRef {
        guard let cell = frame.locals[slot] else { preconditionFailure("a deref slot without a cell") }
        if closure { heap.incref(cell); return cell }
        guard let v = cellGet(cell) else { throw unboundDeref(frame.code, slot) }
        heap.incref(v)
        return v
    }

    /// STORE_DEREF: takes over `value`'s reference; the old content is released.
    func derefStore(_ frame: Frame, _ slot: Int, _ value: ObjectRef) {
        cellSet(frame.locals[slot]!, value)
    }

    /// DELETE_DEREF: an empty cell cannot be emptied.
    func derefDelete(_ frame: Frame, _ slot: Int) throws {
        let cell = frame.locals[slot]!
        guard cellGet(cell) != nil else { throw unboundDeref(frame.code, slot) }
        cellSet(cell, nil)
    }

    /// format_exc_unbound (3.11) / format_exc_unbound before: a cell variable is a local
    /// (UnboundLocalError), a free variable is the enclosing scope's (NameError). The texts
    /// are each version's (CPython 3.6.15 and 3.8.18 against 3.11.7, 3.12.1, 3.13.0).
    func unboundDeref(_ code: CodeObject, _ slot: Int) -> PyException {
        let name = code.localNames[slot]
        let old = profile.minor < 11
        if slot >= code.localNames.count - code.freeCount {
            return error("NameError", old ? "free variable '\(name)' referenced before assignment in enclosing scope"
                                          : "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
        }
        return error("UnboundLocalError", old ? "local variable '\(name)' referenced before assignment"
                                              : "cannot access local variable '\(name)' where it is not associated with a value")
    }
}
