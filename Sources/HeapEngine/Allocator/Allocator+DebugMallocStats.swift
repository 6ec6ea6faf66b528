// `sys._debugmallocstats()`'s pymalloc part: printone, _PyDebugAllocatorStats and
// _PyObject_DebugMallocStats of Objects/obmalloc.c (3.11), byte for byte.

extension Allocator {
    /// Mirrors `printone`: `msg` padded to 35 columns, "=", then `value` with thousands commas,
    /// right-aligned in 21 columns, and a newline.
    public static func printone(_ msg: String, _ value: Int) -> String {
        var line = msg
        if msg.utf8.count < 35 { line += String(repeating: " ", count: 35 - msg.utf8.count) }
        var digits = ""
        var v = value, k = 3
        repeat {
            digits.append(Character(Unicode.Scalar(UInt8(48 + v % 10))))
            v /= 10
            k -= 1
            if k == 0 && v != 0 { k = 3; digits.append(",") }
        } while v != 0
        let number = String(digits.reversed())
        return line + "=" + String(repeating: " ", count: Swift.max(0, 21 - number.utf8.count))
            + number + "\n"
    }

    /// Mirrors `_PyDebugAllocatorStats`: one free-list line of `sys._debugmallocstats()`, e.g.
    /// "            8 free PyDictObjects * 48 bytes each =                  384" (no newline).
    /// The object layer builds these and passes them to `debugMallocStats(extraLines:)`.
    public static func debugAllocatorStats(blockName: String, numBlocks: Int, sizeofBlock: Int) -> String {
        let buf1 = "\(numBlocks) \(blockName)s * \(sizeofBlock) bytes each"
        let buf2 = String(repeating: " ", count: Swift.max(0, 48 - buf1.utf8.count)) + buf1 + " "
        return String(printone(buf2, numBlocks * sizeofBlock).dropLast())
    }

    /// `sys._debugmallocstats()` as CPython 3.11 prints it: the pymalloc statistics, a blank line,
    /// then `extraLines` (the object layer's free lists, `_PyObject_DebugTypeStats`), one per line.
    public func debugMallocStats(extraLines: [String]) -> String {
        var out = debugMallocStats() + "\n"
        for line in extraLines { out += line + "\n" }
        return out
    }

    /// Mirrors `_PyObject_DebugMallocStats`: the size-class table, arena counters, where the arena
    /// bytes go, and (3.10+) the radix tree's node counts.
    public func debugMallocStats() -> String {
        let numclasses = numSizeClasses
        var numpools = Array(repeating: 0, count: numclasses)
        var numblocks = Array(repeating: 0, count: numclasses)
        var numfreeblocks = Array(repeating: 0, count: numclasses)
        var allocatedBytes = 0, availableBytes = 0, numfreepools = 0, arenaAlignment = 0
        var poolHeaderBytes = 0, quantization = 0, narenas = 0
        var out = "Small block threshold = \(smallRequestThreshold), in \(numclasses) size classes.\n"

        // Because full pools aren't linked to from anything, it's easiest to march over all the
        // arenas.
        for i in arenas.indices where arenas[i].address != 0 {
            narenas += 1
            numfreepools += Int(arenas[i].nfreepools)
            var base = arenas[i].address
            // round up to pool alignment
            if base & poolSizeMask != 0 {
                arenaAlignment += Int(poolSize)
                base = (base & ~poolSizeMask) + poolSize
            }
            // visit every pool in the arena
            var pool = i * maxPoolsInArena
            while base < arenas[i].poolAddress {
                defer { base += poolSize; pool += 1 }
                if pools[pool].count == 0 { continue }                // currently unused
                let sz = Int(pools[pool].szidx)
                numpools[sz] += 1
                numblocks[sz] += Int(pools[pool].count)
                numfreeblocks[sz] += numBlocks(sz) - Int(pools[pool].count)
            }
        }
        assert(narenas == narenasCurrentlyAllocated)

        out += "\nclass   size   num pools   blocks in use  avail blocks\n"
        out += "-----   ----   ---------   -------------  ------------\n"
        for i in 0..<numclasses where numpools[i] != 0 {
            let p = numpools[i], b = numblocks[i], f = numfreeblocks[i]
            let size = (i + 1) << alignmentShift
            out += pad(i, 5) + " " + pad(size, 6) + " " + pad(p, 11) + " " + pad(b, 15) + " "
                + pad(f, 13) + "\n"
            allocatedBytes += b * size
            availableBytes += f * size
            poolHeaderBytes += p * poolOverhead
            quantization += p * ((Int(poolSize) - poolOverhead) % size)
        }
        out += "\n"
        out += Self.printone("# arenas allocated total", ntimesArenaAllocated)
        out += Self.printone("# arenas reclaimed", ntimesArenaAllocated - narenas)
        out += Self.printone("# arenas highwater mark", narenasHighwater)
        out += Self.printone("# arenas allocated current", narenas)
        out += Self.printone("\(narenas) arenas * \(arenaSize) bytes/arena", narenas * Int(arenaSize))
        out += "\n"

        // Account for what all of those arena bytes are being used for.
        var total = allocatedBytes + availableBytes
        out += Self.printone("# bytes in allocated blocks", allocatedBytes)
        out += Self.printone("# bytes in available blocks", availableBytes)
        total += numfreepools * Int(poolSize)
        out += Self.printone("\(numfreepools) unused pools * \(poolSize) bytes", numfreepools * Int(poolSize))
        total += poolHeaderBytes + quantization + arenaAlignment
        out += Self.printone("# bytes lost to pool headers", poolHeaderBytes)
        out += Self.printone("# bytes lost to quantization", quantization)
        out += Self.printone("# bytes lost to arena alignment", arenaAlignment)
        out += Self.printone("Total", total)
        assert(narenas * Int(arenaSize) == total, "arena bytes do not add up")

        if profile.obmallocRadixTree {
            // sizeof(arena_map_top_t), sizeof(arena_map_mid_t): arrays of pointers;
            // sizeof(arena_map_bot_t): arrays of arena_coverage_t (two int32_t).
            let shifts = arenaMapShifts
            let interiorNode = (1 << shifts.interiorBits) * profile.pointerSize
            let botNode = (1 << shifts.botBits) * 2 * MemoryLayout<Int32>.size
            out += "\narena map counts\n"
            out += Self.printone("# arena map mid nodes", arenaMapMidNodes.count)
            out += Self.printone("# arena map bot nodes", arenaMapBotNodes.count)
            out += "\n"
            out += Self.printone("# bytes lost to arena map root", interiorNode)
            out += Self.printone("# bytes lost to arena map mid", interiorNode * arenaMapMidNodes.count)
            out += Self.printone("# bytes lost to arena map bot", botNode * arenaMapBotNodes.count)
            out += Self.printone("Total", interiorNode * (1 + arenaMapMidNodes.count)
                                 + botNode * arenaMapBotNodes.count)
        }
        return out
    }

    /// NUMBLOCKS(I): blocks in a pool of size class `szidx`.
    func numBlocks(_ szidx: Int) -> Int {
        (Int(poolSize) - poolOverhead) / ((szidx + 1) << alignmentShift)
    }

    /// printf's "%Nu": right-aligned in `width` columns.
    private func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return String(repeating: " ", count: Swift.max(0, width - s.utf8.count)) + s
    }
}
