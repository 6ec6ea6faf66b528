/// One column of the object store, grown a page at a time.
///
/// A flat Swift array grows by doubling: every growth copies the whole column into fresh
/// memory and touches its pages a second time, which cost a third of a 10-million-object
/// run. Pages are never moved, so appending costs one initialisation and, once per page,
/// one allocation whose memory is touched only when used (as an arena is in CPython).
/// The page table is a raw pointer so that reading a row costs two loads and no
/// reference counting.
///
/// Invariant: elements `0..<count` are initialised; the rest of the last page is not.
public final class PagedColumn<Element> {
    @usableFromInline static var pageShift: Int { 16 }
    @usableFromInline static var pageMask: Int { (1 << pageShift) - 1 }
    /// Room for 2^32 rows: more than an `ObjectRef` can name.
    static var maxPages: Int { 1 << (32 - pageShift) }

    @usableFromInline let pages: UnsafeMutablePointer<UnsafeMutablePointer<Element>>
    var pageCount = 0
    public private(set) var count = 0

    public init() {
        pages = .allocate(capacity: Self.maxPages)
    }

    deinit {
        for p in 0..<pageCount {
            let used = min(count - (p << Self.pageShift), 1 << Self.pageShift)
            if used > 0 { pages[p].deinitialize(count: used) }
            pages[p].deallocate()
        }
        pages.deallocate()
    }

    @inlinable
    public subscript(i: Int) -> Element {
        @inline(__always) get {
            assert(i >= 0 && i < count, "row out of range")
            return pages[i >> Self.pageShift][i & Self.pageMask]
        }
        @inline(__always) set {
            assert(i >= 0 && i < count, "row out of range")
            pages[i >> Self.pageShift][i & Self.pageMask] = newValue
        }
    }

    /// The element's storage, stable for the column's lifetime (pages never move).
    @inlinable @inline(__always)
    public func pointer(_ i: Int) -> UnsafeMutablePointer<Element> {
        assert(i >= 0 && i < count, "row out of range")
        return pages[i >> Self.pageShift] + (i & Self.pageMask)
    }

    public func append(_ element: Element) {
        let page = count >> Self.pageShift
        if page == pageCount {
            precondition(page < Self.maxPages, "object store is full")
            pages[page] = .allocate(capacity: 1 << Self.pageShift)
            pageCount += 1
        }
        (pages[page] + (count & Self.pageMask)).initialize(to: element)
        count += 1
    }
}
