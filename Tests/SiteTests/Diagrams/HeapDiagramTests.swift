import Foundation
import HeapEngine
import HeapScript
import XCTest
@testable import Site
import Workbook

/// Diagrams are checked on the real engine, structurally (which objects, which arrows,
/// which refcounts), and then for byte-for-byte determinism of the SVG.
final class HeapDiagramTests: XCTestCase {
    func session(_ lines: [String]) -> Session {
        let session = Session()
        for line in lines { XCTAssertEqual(session.runInteractive(line + "\n").stderr, "", line) }
        return session
    }

    func testAliasedListSnapshot() {
        let snapshot = session(["a = [1, 2]", "b = [a, a]"]).heapSnapshot()
        XCTAssertEqual(snapshot.bindings.map(\.name), ["a", "b"])
        let a = snapshot.nodes[snapshot.bindings[0].node], b = snapshot.nodes[snapshot.bindings[1].node]
        XCTAssertEqual(a.typeName, "list")
        XCTAssertEqual(a.label, "len 2")
        // CPython: sys.getrefcount(a) is 4 here (the name, b[0], b[1], and the argument).
        XCTAssertEqual(a.refcount, 3)
        XCTAssertEqual(b.refcount, 1)
        XCTAssertEqual(a.size, 72)
        let fromB = snapshot.edges.filter { $0.from == b.id }
        XCTAssertEqual(fromB.map(\.to), [a.id, a.id])
        XCTAssertEqual(fromB.map(\.label), ["[0]", "[1]"])
        let ints = snapshot.edges.filter { $0.from == a.id }.map { snapshot.nodes[$0.to] }
        XCTAssertEqual(ints.map(\.label), ["1", "2"])
        XCTAssertEqual(ints.map(\.shared), [.smallInt, .smallInt])
        XCTAssertEqual(snapshot.nodes.count, 4, "a, b, 1 and 2, each once")
        XCTAssertEqual(snapshot.nodes.map(\.depth), [1, 1, 2, 2])
    }

    func testRootsAndMissingNames() {
        let snapshot = session(["a = [1, 2]", "b = [a, a]", "d = {'k': 'value', 3: None}"]).heapSnapshot(roots: ["d", "nope"])
        XCTAssertEqual(snapshot.bindings.map(\.name), ["d"])
        XCTAssertEqual(snapshot.missingNames, ["nope"])
        XCTAssertEqual(snapshot.edges.map(\.label), ["['k']", "[3]"])
        XCTAssertEqual(snapshot.nodes.map(\.typeName), ["dict", "str", "NoneType"])
        XCTAssertEqual(snapshot.nodes[2].shared, .runtime)
    }

    func testCycleInstanceAndLimits() {
        let s = session(["a = []", "a.append(a)", "class P:\n    pass\n", "p = P()", "p.x = a", "big = list(range(300, 400))"])
        let snapshot = s.heapSnapshot(roots: ["a", "p", "big"], maxObjects: 10, maxReferencesPerObject: 5)
        let a = snapshot.bindings[0].node
        XCTAssertTrue(snapshot.edges.contains { $0.from == a && $0.to == a && $0.label == "[0]" }, "a list that contains itself")
        let p = snapshot.bindings[1].node
        XCTAssertEqual(snapshot.nodes[p].typeName, "P")
        XCTAssertTrue(snapshot.edges.contains { $0.from == p && $0.to == a && $0.label == ".x" })
        let big = snapshot.nodes[snapshot.bindings[2].node]
        XCTAssertEqual(big.label, "len 100")
        XCTAssertEqual(big.omittedReferences, 95)
        XCTAssertLessThanOrEqual(snapshot.nodes.count, 10)
    }

    func testSnapshotDoesNotChangeTheHeap() {
        let s = session(["import sys", "a = [1, 2]", "b = [a, a]"])
        let before = s.runInteractive("sys.getrefcount(a)\n").stdout
        _ = s.heapSnapshot()
        _ = s.arenaSnapshot()
        XCTAssertEqual(s.runInteractive("sys.getrefcount(a)\n").stdout, before)
        XCTAssertEqual(before, "4\n")
    }

    func testDrawingIsDeterministicAndComplete() throws {
        let theme = try Theme.bundled()
        func svg() throws -> String {
            let snapshot = session(["a = [1, 2]", "b = [a, a]", "c = []", "c.append(c)"]).heapSnapshot()
            return try HeapDiagram(snapshot: snapshot, id: "t", caption: "after line 1").drawing().render(with: theme)
        }
        let first = try svg()
        XCTAssertEqual(first, try svg())
        XCTAssertTrue(first.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heap-diagram\""))
        XCTAssertTrue(first.contains("<title id=\"t-title\">Objects after line 1</title>"))
        XCTAssertTrue(first.contains("<desc id=\"t-desc\">Name a refers to list len 2"))
        // One arrow per name and per reference: a, b, c; a[0], a[1], b[0], b[1], c[0].
        XCTAssertEqual(first.components(separatedBy: "marker-end=").count - 1, 8)
        XCTAssertTrue(first.contains(">refcount 3 · 72 B<"))
        XCTAssertTrue(first.contains(">small int<"))
        for path in first.components(separatedBy: " d=\"").dropFirst() {
            XCTAssertFalse(path.prefix { $0 != "\"" }.contains("."), "integer coordinates only")
        }
    }
}
