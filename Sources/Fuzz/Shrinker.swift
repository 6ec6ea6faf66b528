/// Delta debugging (Zeller & Hildebrandt's ddmin, complement-only) over a program's
/// statements: first the top-level statements, then the body statements of each compound
/// one, repeated until nothing more can go. The predicate says whether a candidate still
/// shows the divergence; the result is 1-minimal (removing any one remaining statement
/// loses it).
public struct Shrinker {
    public var stillDiverges: (Program) -> Bool
    /// Upper bound on predicate calls (each one runs CPython).
    public var budget: Int

    public init(budget: Int = 400, stillDiverges: @escaping (Program) -> Bool) {
        self.budget = budget; self.stillDiverges = stillDiverges
    }

    public func shrink(_ program: Program) -> Program {
        var calls = 0
        var memo: [String: Bool] = [:]
        func test(_ p: Program) -> Bool {
            if let known = memo[p.text] { return known }
            guard calls < budget else { return false }
            calls += 1
            let verdict = stillDiverges(p)
            memo[p.text] = verdict
            return verdict
        }
        var current = program
        while true {
            let before = current.size
            current.statements = Self.ddmin(current.statements) { test(Program(statements: $0)) }
            for i in current.statements.indices where current.statements[i].header != nil {
                let base = current
                current.statements[i].body = Self.ddmin(current.statements[i].body) { body in
                    var candidate = base
                    candidate.statements[i].body = body
                    return test(candidate)
                }
            }
            if current.size == before || calls >= budget { return current }
        }
    }

    /// The smallest sublist found by removing chunks, halving the chunk size when no
    /// chunk can go, down to single items.
    public static func ddmin<T>(_ items: [T], _ test: ([T]) -> Bool) -> [T] {
        var items = items
        var n = 2
        while items.count >= 2 {
            let chunk = (items.count + n - 1) / n
            var reduced = false
            var start = 0
            while start < items.count {
                let end = min(start + chunk, items.count)
                let complement = Array(items[..<start]) + Array(items[end...])
                if test(complement) {
                    items = complement
                    n = max(n - 1, 2)
                    reduced = true
                    break
                }
                start = end
            }
            if !reduced {
                if n >= items.count { break }
                n = min(n * 2, items.count)
            }
        }
        if items.count == 1, test([]) { return [] }
        return items
    }
}
