import HeapEngine

// Mirrors Objects/cellobject.c: a cell holds one (possibly absent) reference to the value
// of a variable that a nested function shares with the function that binds it. Cells are
// GC-tracked heap objects of type `cell` (TypeKind.cell, payload `.cell(content)`).
// The frame's half (Python/ceval.c: _PyEval_MakeFrameVector's cell loop before 3.11,
// MAKE_CELL / COPY_FREE_VARS from 3.11) is `makeCellsAndCopyFreeVars`.

extension Interpreter {
    /// PyCell_New: a new cell holding a new reference to `content` (nil: an empty cell).
    func newCell(_ content: ObjectRef?) throws -> ObjectRef {
        if let content { heap.incref(content) }
        do { return try heap.newObject(type: heap.builtinType(.cell), payload: .cell(content)) } catch {
            if let content { heap.decref(content) }
            throw memoryError()
        }
    }

    /// PyCell_GET: the cell's reference, borrowed.
    func cellGet(_ cell: ObjectRef) -> ObjectRef? {
        guard case .cell(let content) = heap.payload[Int(cell)] else { preconditionFailure("not a cell") }
        return content
    }

    /// PyCell_SET then the old value's release: takes over `value`'s reference.
    func cellSet(_ cell: ObjectRef, _ value: ObjectRef?) {
        let old = cellGet(cell)
        heap.withPayload(cell) { $0 = .cell(value) }
        heap.xdecref(old)
    }

    /// cell_get_contents: `ValueError: Cell is empty` for an empty cell.
    func cellContents(_ cell: ObjectRef) throws -> ObjectRef {
        guard let v = cellGet(cell) else { throw error("ValueError", "Cell is empty") }
        heap.incref(v)
        return v
    }

    /// cell_repr.
    func cellRepr(_ cell: ObjectRef) -> String {
        guard let v = cellGet(cell) else { return "<cell at \(hexAddress(cell)): empty>" }
        return "<cell at \(hexAddress(cell)): \(heap.typeInfo(of: v).name) object at \(hexAddress(v))>"
    }

    /// Whether `r` is a cell object (the `.cell` payload also backs dict views).
    func isCell(_ r: ObjectRef) -> Bool { heap.kind(r) == .cell }

    /// A new frame's cells, once its arguments are bound (before 3.11 in
    /// _PyEval_MakeFrameVector; from 3.11 the MAKE_CELL and COPY_FREE_VARS that open the
    /// code): each cell slot gets a cell holding what the slot held (an argument) or an empty
    /// one, in `code.cellSlots` order; the last `code.freeCount` slots get new references to
    /// the function's closure cells.
    func makeCellsAndCopyFreeVars(_ frame: Frame, _ fn: FunctionInfo, _ code: CodeObject) throws {
        for slot in code.cellSlots {
            let cell = try newCell(frame.locals[slot])
            heap.xdecref(frame.locals[slot])
            frame.locals[slot] = cell
        }
        guard code.freeCount > 0 else { return }
        guard let closure = fn.closure, case .tuple(let cells) = heap.payload[Int(closure)], cells.count == code.freeCount else {
            preconditionFailure("a function with free variables has no closure of their cells")
        }
        let first = frame.locals.count - code.freeCount
        for (k, cell) in cells.enumerated() {
            heap.incref(cell)
            frame.locals[first + k] = cell
        }
    }
}
