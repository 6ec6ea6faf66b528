import Foundation
import HeapEngine
import XCTest
@testable import Site
import Workbook

/// `diagram` blocks through the whole pipeline on the real engine: the Verifier takes the
/// pictures, the page shows them, and taking them changes nothing the chapter prints.
final class DiagramBlockTests: XCTestCase {
    static let chapter = """
    # Pictures

    ```heap
    >>> import gc, sys
    >>> x = [1]
    ```

    ```heap diagram
    >>> a = [1, 2]
    >>> b = [a, a]
    >>> sys.getrefcount(a)
    4
    ```

    ```heap diagram=gc,keep
    >>> class Node:
    ...     pass
    ...
    >>> n = Node(); m = Node()
    >>> n.other = m; m.other = n
    >>> del n, m
    >>> keep = [[]]
    ```

    ```heap diagram=arenas
    >>> ints = list(range(1000, 11000))
    ```

    ```heap
    >>> gc.collect()
    2
    ```

    """

    func report() throws -> ChapterReport {
        let directory = try book(["01-pictures.md": Self.chapter])
        let loaded = ChapterLoader().load([directory.path])
        return Workbook().test(loaded.chapters[0])
    }

    func testPicturesAreTakenOnlyForDiagramBlocks() throws {
        let report = try report()
        XCTAssertEqual(report.results.filter(\.isFailure).map(\.got), [])
        let withDiagrams = report.results.filter { $0.diagram != nil }
        XCTAssertEqual(withDiagrams.map(\.example.blockIndex), [1, 2, 3])
        XCTAssertEqual(withDiagrams.map { $0.example.source }, ["sys.getrefcount(a)\n", "keep = [[]]\n", "ints = list(range(1000, 11000))\n"])

        let objects = try XCTUnwrap(withDiagrams[0].diagram?.objects)
        XCTAssertEqual(objects.bindings.map(\.name), ["x", "a", "b"])

        // The collection ran on a copy: the chapter's own gc.collect() still finds the cycle (2).
        let gc = try XCTUnwrap(withDiagrams[1].diagram?.gc)
        XCTAssertNil(withDiagrams[1].diagram?.objects)
        XCTAssertEqual(gc.collected, 2)
        XCTAssertEqual(gc.phases.map(\.phase), GCPhase.allCases)
        XCTAssertEqual(gc.graph.bindings.map(\.name), ["keep"])
        let nodes = gc.graph.nodes
        let instances = nodes.filter { $0.typeName == "Node" }.map(\.id)
        XCTAssertEqual(instances.count, 2)
        let update = gc.phases[0].objects, subtract = gc.phases[1].objects, move = gc.phases[2].objects
        for id in instances {
            XCTAssertEqual(update.first { $0.node == id }?.gcRefs, 1, "gc_refs = refcount")
            XCTAssertEqual(subtract.first { $0.node == id }?.gcRefs, 0, "only referenced from inside")
            XCTAssertEqual(move.first { $0.node == id }?.state, .unreachable)
            XCTAssertNil(gc.phases[4].objects.first { $0.node == id }, "freed by delete_garbage")
        }
        XCTAssertTrue(gc.graph.edges.contains { instances.contains($0.from) && instances.contains($0.to) && $0.label == ".other" })
        let keep = gc.graph.bindings[0].node
        XCTAssertEqual(move.first { $0.node == keep }?.state, .reachable)

        let arenas = try XCTUnwrap(withDiagrams[2].diagram?.arenas)
        let blocks32 = arenas.flatMap(\.pools).filter { $0.blockSize == 32 }.reduce(0) { $0 + $1.blocksInUse }
        XCTAssertGreaterThanOrEqual(blocks32, 10_000, "10,000 ints of 28 bytes in 32-byte blocks")
    }

    func testPageShowsPicturesWithTitles() throws {
        let build = try SiteBuilder(theme: Theme.bundled()).render(chaptersIn: try book(["01-pictures.md": Self.chapter]).path)
        let files = try XCTUnwrap(build.files)
        let page = String(decoding: try XCTUnwrap(files.first { $0.path == "01-pictures.html" }).bytes, as: UTF8.self)
        XCTAssertEqual(page.components(separatedBy: "<svg ").count - 1, 4 + 5 + 1, "four steps, five GC phases, arenas")
        XCTAssertEqual(page.components(separatedBy: "<title id=").count - 1, 10)
        XCTAssertEqual(page.components(separatedBy: "<desc id=").count - 1, 10)
        XCTAssertTrue(page.contains("<li class=\"gc-step\">"))
        XCTAssertTrue(page.contains("class=\"heap-diagram arena-map\""))
        // Same input, same bytes.
        let again = try SiteBuilder(theme: Theme.bundled()).render(chaptersIn: try book(["01-pictures.md": Self.chapter]).path)
        XCTAssertEqual(build.files, again.files)
    }

    func testStepsAreTakenBeforeAndAfterEachStatement() throws {
        let report = try report()
        let steps = try XCTUnwrap(report.results.first { $0.example.source == "sys.getrefcount(a)\n" }?.diagram?.steps)
        XCTAssertEqual(steps.map(\.line), [nil, 9, 10, 11])
        XCTAssertEqual(steps.map { $0.objects.bindings.map(\.name) }, [["x"], ["x", "a"], ["x", "a", "b"], ["x", "a", "b"]])
        let a = { (step: HeapStep) in step.objects.nodes[step.objects.bindings[1].node].refcount }
        XCTAssertEqual(a(steps[1]), 1)
        XCTAssertEqual(a(steps[2]), 3, "b = [a, a] holds two more")
        XCTAssertEqual(steps[2].objects, steps[3].objects, "getrefcount leaves the heap as it was")
        XCTAssertNil(steps[3].generationCounts, "the block does not use gc")
        // The gc picture has no stepper; the arenas block steps through its pools only.
        let stepped = report.results.filter { $0.diagram?.steps.isEmpty == false }
        XCTAssertEqual(stepped.map(\.example.source), ["sys.getrefcount(a)\n", "ints = list(range(1000, 11000))\n"])
        let pools = try XCTUnwrap(stepped.last?.diagram?.steps)
        XCTAssertEqual(pools.count, 2)
        XCTAssertTrue(pools[1].objects.nodes.isEmpty && pools[1].objects.bindings.isEmpty, "no objects drawn")
        let blocks32 = { (step: HeapStep) in step.pools?.classes.first { $0.blockSize == 32 }?.blocksInUse ?? 0 }
        XCTAssertGreaterThanOrEqual(blocks32(pools[1]) - blocks32(pools[0]), 10_000, "10,000 new ints in 32-byte blocks")
    }

    func testStepperMarksWhatChanged() throws {
        let build = try SiteBuilder(theme: Theme.bundled()).render(chaptersIn: try book(["01-pictures.md": Self.chapter]).path)
        let files = try XCTUnwrap(build.files)
        let page = String(decoding: try XCTUnwrap(files.first { $0.path == "01-pictures.html" }).bytes, as: UTF8.self)
        XCTAssertTrue(page.contains(#"<div class="diagram-panel heap-stepper" data-steps="3">"#))
        XCTAssertEqual(page.components(separatedBy: #"<li class="heap-step"#).count - 1, 4 + 2, "four steps of objects, two of pools")
        XCTAssertTrue(page.contains(#"<code>b = [a, a]</code>"#))
        XCTAssertTrue(page.contains("refcount 1 → 3"), "the change in words")
        XCTAssertTrue(page.contains("dg-object dg-changed"), "the changed box is marked")
        XCTAssertTrue(page.contains("dg-object dg-new"), "the new list is marked")
        XCTAssertTrue(page.contains("dg-edge-new"), "new references are marked")
        // The last step always has its own picture, even when it looks like the one before.
        XCTAssertTrue(page.contains(#"class="heap-step heap-step-last" data-step="3" data-line="11">"#))
        XCTAssertTrue(page.contains("pymalloc&#39;s pools before this block") || page.contains("pymalloc's pools before this block"))
        // print.html shows the heap after the block only.
        let print = String(decoding: try XCTUnwrap(files.first { $0.path == "print.html" }).bytes, as: UTF8.self)
        XCTAssertFalse(print.contains("heap-stepper"))
        XCTAssertTrue(print.contains("-objects-title"))
    }

    func testOptionWords() {
        XCTAssertEqual(DiagramRequest([]), DiagramRequest(objects: true))
        XCTAssertEqual(DiagramRequest(["a", "b"]), DiagramRequest(objects: true, names: ["a", "b"]))
        XCTAssertEqual(DiagramRequest(["arenas"]), DiagramRequest(objects: false, arenas: true))
        XCTAssertEqual(DiagramRequest(["gc", "a"]), DiagramRequest(objects: false, gc: true, names: ["a"]))
        XCTAssertEqual(DiagramRequest(["objects", "arenas"]), DiagramRequest(objects: true, arenas: true))
    }
}
