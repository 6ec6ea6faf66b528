import HeapEngine

/// makecode (Python/compile.c): a finished unit becomes a code object that owns real
/// tuples — co_consts, co_names and its local names (`Profile.mergesCodeTuples`).
extension Compiler {
    /// Records a name of co_names (LOAD_NAME, LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR, IMPORT_NAME...).
    func noteName(_ name: String) {
        let code = emittingCode
        if !code.names.contains(name) { code.names.append(name) }
    }

    /// The code object the current instructions go to: an inlined comprehension's are its
    /// enclosing code's (3.12+).
    var emittingCode: CodeObject {
        guard interp.profile.inlinesComprehensions else { return code }
        return codes.last { $0.kind != .comprehension || $0.isGenerator } ?? code   // genexps are not inlined
    }

    /// A nested unit (its symtable entry was made with the symtable, `compileModule`): its
    /// compiler unit holds dicts and tuples (`Profile.compileUnitWorkingSet`) until the whole
    /// compilation ends, and a function's holds more (`Profile.compileUnitStackedSet`) until
    /// its code object is made (compiler_exit_scope), so sibling functions reuse those.
    func enterUnit(_ code: CodeObject) {
        codes.append(code)
        unitsEntered += 1
        if code.kind == .classBody { classBodiesCompiled += 1 } else if !(code.kind == .comprehension && interp.profile.inlinesComprehensions) { functionsCompiled += 1 }
        let profile = interp.profile
        if code.kind == .comprehension && profile.inlinesComprehensions { unitStack.append([]); return }
        workingSet += heap.takeFromFreeLists(
            code.kind == .classBody ? profile.compileClassBodyWorkingSet : profile.compileUnitWorkingSet)
        unitStack.append(code.kind == .classBody ? [] : heap.takeFromFreeLists(profile.compileUnitStackedSet))
    }

    /// What _PyCode_ConstantKey and merge_consts_recursive (Python/compile.c) make for the
    /// constant `c`: a key tuple per tuple, frozenset, float or complex in it, and the keys of
    /// each nested container again per enclosing level. `size`: such nodes in `c`; `weight`:
    /// each counted once per level above it (Σ of the subtree sizes). Anything the engine does
    /// not know to be an atom counts as a node (the bound only needs to be high).
    func constantKeyNodes(_ c: ObjectRef) -> (size: Int, weight: Int) {
        switch heap.payload[Int(c)] {
        case .int, .bigInt, .str, .bytes: return (0, 0)
        case .tuple(let items): return constantKeyNodes(of: items)
        case .set(let s): return constantKeyNodes(of: s.storage.elements)
        case .native(let o) where o is CodeObject: return (0, 0)   // counted as a unit
        default:
            if c == heap.none || c == heap.trueRef || c == heap.falseRef || c == heap.ellipsis { return (0, 0) }
            return (1, 1)
        }
    }

    private func constantKeyNodes(of items: [ObjectRef]) -> (size: Int, weight: Int) {
        var size = 1, weight = 0
        for item in items {
            let (s, w) = constantKeyNodes(item)
            size += s; weight += w
        }
        return (size, weight + size)
    }

    /// Builds `code`'s tuples and its code object; returns a new reference to the latter.
    func makeCode(_ code: CodeObject) throws -> ObjectRef {
        switch code.kind {
        case .module, .classBody:
            // The implicit `return None` at the end of the body.
            if !code.returnsClassCell { _ = addConst(literal(heap.newNone()), to: code) }
        case .function, .comprehension: break
        }
        try foldTuples(of: code)
        keyNodes += code.consts.reduce(0) { $0 + constantKeyNodes($1).weight }
        var locals = code.localNames
        if code.kind == .comprehension && !code.isGenerator { locals.insert(".0", at: 0) }   // a genexp has it as a local
        locals += code.hiddenLocals.filter { !locals.contains($0) }
        // makecode's order: co_names, co_consts, then the local names.
        let namesTuple = merged(try nameTuple(code.names))
        // The tuple takes references of its own (newTuple releases them if it fails, and the
        // array still owns its own then).
        code.consts.forEach(heap.incref)
        let constsTuple = merged(try interp.newTuple(code.consts))
        code.consts.forEach(heap.decref)
        // From here on borrowed from co_consts (equal items: the constants are canonical).
        if case .tuple(let items) = heap.payload[Int(constsTuple)] { code.consts = items }
        code.tuples = [constsTuple, namesTuple, merged(try nameTuple(locals))]
        let made = try interp.newCodeObject(code)
        if code.kind != .module, let unit = unitStack.popLast() { heap.releaseWorkingSet(unit) }
        return made
    }

    /// fold_tuple_on_constants: each folded tuple is appended to co_consts, on 3.11+ first
    /// merged with an equal constant (add_const), the new tuple freed at once then. 3.12+
    /// then drop the constants no instruction loads any more (remove_unused_consts; the
    /// first one stays): `def f(a, b=1)` keeps no `1` in co_consts.
    private func foldTuples(of code: CodeObject) throws {
        for fold in code.tupleFolds {
            fold.items.forEach(heap.incref)
            let t = try interp.newTuple(fold.items)
            let c = interp.profile.mergesFoldedTuples ? canonical(t) : t
            if !code.consts.contains(c) {
                heap.incref(c)
                code.consts.append(c)
            }
            heap.decref(t)
            fold.tuple = c
            for item in fold.items { code.constUses[item, default: 1] -= 1 }
            code.constUses[c, default: 0] += 1
        }
        guard interp.profile.removesUnusedConsts, !code.tupleFolds.isEmpty else { return }
        let unused = code.consts.dropFirst().filter { code.constUses[$0, default: 0] <= 0 }
        code.consts.removeAll { unused.contains($0) }
        unused.forEach(heap.decref)
    }

    /// A new tuple of interned names (co_names, local names, a fromlist, __static_attributes__).
    /// A call's keyword names as one constant tuple, which the compiler makes after the
    /// values (3.11 compiler_call_simple_kw_helper's KW_NAMES; CALL_FUNCTION_KW's on 3.6 and
    /// 3.8; CALL_KW's on 3.13): co_consts holds it and its names.
    func addKeywordNamesConst(_ names: [String]) throws {
        if !names.isEmpty { _ = compilerConst(try nameTuple(names)) }
    }

    func nameTuple(_ names: [String]) throws -> ObjectRef {
        let strs = try names.map { try interp.internedName($0) }
        strs.forEach(heap.incref)
        return try interp.newTuple(strs)
    }

    /// merge_const_one: an equal tuple already among the compilation's constants replaces
    /// the new one.
    private func merged(_ tuple: ObjectRef) -> ObjectRef {
        guard interp.profile.mergesCodeTuples else { return tuple }
        let c = canonical(tuple)
        if c != tuple {
            heap.incref(c)
            heap.decref(tuple)
        }
        return c
    }
}
