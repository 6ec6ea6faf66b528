/// The C library's malloc beneath `PyMem_RawMalloc`, simulated after glibc's ptmalloc2 (x86-64)
/// only as far as it shows in `id()`:
///
/// - chunk size = max(MINSIZE, round_up(request + SIZE_SZ, MALLOC_ALIGNMENT)) (`request2size`);
///   the address returned is the chunk + 2 * SIZE_SZ, so it is MALLOC_ALIGNMENT-aligned.
/// - a freed chunk of tcache size (<= tcacheMaxChunk, up to tcacheCount per size) is reused LIFO by
///   the next request of the same chunk size, as tcache_put / tcache_get do.
/// - other freed chunks: one adjacent to the top chunk merges into it (the next chunk is carved at
///   the same address), repeatedly, like _int_free's consolidation with av->top; the rest wait in an
///   exact-size LIFO bin.
/// - a new chunk is carved off the top chunk, bumping upward from `mallocBaseAddress`.
/// - realloc: shrinking stays in place (a remainder of at least MINSIZE is split off and freed);
///   growing stays in place when the chunk borders the top chunk; otherwise malloc, copy, free.
///
/// Divergence: glibc also coalesces free chunks with free neighbours away from the top, splits
/// larger free chunks for smaller requests (best fit from the unsorted/small/large bins), grows a
/// chunk in place into a free successor, and serves requests >= M_MMAP_THRESHOLD (128 KiB,
/// dynamic) with mmap/mremap. None of that is modelled: bookkeeping stays O(1), and the addresses
/// it would change are ones CPython programs cannot predict either.
struct SystemMalloc {
    let sizeSz: Int
    let alignMask: Int
    let minChunk: Int
    let tcacheMaxChunk: Int
    let tcacheCount: Int
    /// Chunk address of the top chunk (the "wilderness"): everything from here up is unused.
    var top: UInt64
    /// Live blocks: user address -> chunk size.
    var live: [UInt64: Int] = [:]
    /// Sum of the chunk sizes in `live`.
    var liveBytes = 0
    /// tcache bins: chunk size -> user addresses, most recently freed last.
    var tcache: [Int: [UInt64]] = [:]
    /// Non-tcache free chunks by exact chunk size, most recently freed last.
    var bins: [Int: [UInt64]] = [:]
    /// End address -> chunk size of every chunk in `bins`, to merge them into the top chunk.
    var freeByEnd: [UInt64: Int] = [:]

    init(profile: Profile) {
        sizeSz = profile.mallocSizeSz
        alignMask = profile.mallocAlignment - 1
        minChunk = profile.mallocMinChunk
        tcacheMaxChunk = profile.tcacheMaxChunk
        tcacheCount = profile.tcacheCount
        top = profile.mallocBaseAddress
    }

    /// glibc `request2size`; `_PyMem_RawMalloc` turns 0 bytes into 1 first.
    func request2size(_ nbytes: Int) -> Int {
        Swift.max(minChunk, (Swift.max(nbytes, 1) + sizeSz + alignMask) & ~alignMask)
    }

    /// - Parameter limit: bytes of live chunks allowed after the call.
    mutating func malloc(_ nbytes: Int, limit: Int) -> UInt64? {
        let csize = request2size(nbytes)
        guard liveBytes + csize <= limit else { return nil }
        let mem: UInt64
        if csize <= tcacheMaxChunk, let m = tcache[csize]?.popLast() {
            mem = m                                                     // tcache_get
        } else if let m = bins[csize]?.popLast() {
            mem = m
            freeByEnd[m - UInt64(2 * sizeSz) + UInt64(csize)] = nil
        } else {
            mem = top + UInt64(2 * sizeSz)                              // split the top chunk
            top += UInt64(csize)
        }
        live[mem] = csize
        liveBytes += csize
        return mem
    }

    mutating func free(_ mem: UInt64) {
        guard let csize = live.removeValue(forKey: mem) else {
            assertionFailure("free(): invalid pointer \(mem)")
            return
        }
        liveBytes -= csize
        release(chunk: mem - UInt64(2 * sizeSz), size: csize)
    }

    /// `_int_free` of a chunk no longer live.
    private mutating func release(chunk: UInt64, size: Int) {
        let mem = chunk + UInt64(2 * sizeSz)
        if size <= tcacheMaxChunk, tcache[size, default: []].count < tcacheCount {
            tcache[size, default: []].append(mem)                       // tcache_put
            return
        }
        if chunk + UInt64(size) == top {
            // Consolidate into top, then any free chunks that now border it.
            top = chunk
            while let s = freeByEnd.removeValue(forKey: top) {
                let m = top - UInt64(s) + UInt64(2 * sizeSz)
                if let i = bins[s]?.lastIndex(of: m) { bins[s]!.remove(at: i) }
                top -= UInt64(s)
            }
            return
        }
        bins[size, default: []].append(mem)
        freeByEnd[chunk + UInt64(size)] = size
    }

    mutating func realloc(_ mem: UInt64, _ nbytes: Int, limit: Int) -> UInt64? {
        guard let old = live[mem] else {
            assertionFailure("realloc(): invalid pointer \(mem)")
            return nil
        }
        let csize = request2size(nbytes)
        let chunk = mem - UInt64(2 * sizeSz)
        if csize <= old {
            // Shrink in place; split off a remainder that can stand as a chunk.
            let rem = old - csize
            if rem >= minChunk {
                live[mem] = csize
                liveBytes -= rem
                release(chunk: chunk + UInt64(csize), size: rem)
            }
            return mem
        }
        guard liveBytes + (csize - old) <= limit else { return nil }
        if chunk + UInt64(old) == top {
            // The chunk borders the top chunk: grow into it.
            top = chunk + UInt64(csize)
            live[mem] = csize
            liveBytes += csize - old
            return mem
        }
        guard let moved = malloc(nbytes, limit: limit) else { return nil }
        free(mem)
        return moved
    }
}
