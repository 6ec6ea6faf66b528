// The free-list part of `sys._debugmallocstats()` (_PyObject_DebugTypeStats): one
// _PyDebugAllocatorStats line per free list the engine models, in CPython's order.

extension Heap {
    /// "8 free PyDictObjects * 48 bytes each = 384"-style lines for the dict, float, list and
    /// per-length tuple free lists (sizes without the GC header, as CPython's sizeof).
    /// 3.6/3.8's PyCFunction, PyFrame and PyMethod lines and 3.13's PyDictKeysObject line are
    /// left out: the engine does not model those free lists.
    public func freeListStatsLines() -> [String] {
        func line(_ name: String, _ count: Int, _ size: Int) -> String {
            Allocator.debugAllocatorStats(blockName: name, numBlocks: count, sizeofBlock: size)
        }
        let layouts = profile.objects
        var lines = [
            line("free PyDictObject", freeLists.dicts.count, layouts.dict.basicSize),
            line("free PyFloatObject", freeLists.floats.count, layouts.float.basicSize),
            line("free PyListObject", freeLists.lists.count, layouts.list.basicSize),
        ]
        for length in 1...profile.tupleFreeListMaxLength {
            lines.append(line("free \(length)-sized PyTupleObject", freeLists.tuples[length]?.count ?? 0,
                              layouts.tuple.basicSize + length * layouts.tuple.itemSize))
        }
        return lines
    }
}
