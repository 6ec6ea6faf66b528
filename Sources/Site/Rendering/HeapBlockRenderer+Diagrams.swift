import Workbook

/// The pictures of a `diagram` block, below its code (`heap-diagrams.mustache`).
extension HeapBlockRenderer {
    func diagramsHTML(_ diagram: BlockDiagram, block: HeapBlock, anchor: String, line: Int) throws -> String {
        let caption = "after the block at line \(line)"
        var context = DiagramsContext()
        if let objects = diagram.objects {
            // print.html shows the heap after each block only: stepping is for the screen.
            let stepping = diagram.steps.count > 1 && anchorPrefix.isEmpty
            var notes: [String] = []
            if !objects.missingNames.isEmpty {
                notes.append("Not bound in __main__: " + objects.missingNames.joined(separator: ", ") + ".")
            }
            if objects.omittedObjects > 0 {
                notes.append("\(objects.omittedObjects) more reachable objects are not drawn.")
            }
            if objects.nodes.contains(where: { $0.shared != nil }) {
                notes.append("Shared objects (small ints, interned strings, singletons) also belong to CPython's start-up state; their real refcounts depend on the environment.")
            }
            if stepping {
                // The stepper's last step is the heap after the block: it replaces the
                // single picture rather than repeating it.
                let steps = try HeapStepper(steps: diagram.steps, examples: block.examples, anchor: anchor).render(theme: theme)
                context.stepper = .init(count: steps.count - 1, steps: steps, notes: notes,
                                        showsGenerations: diagram.steps.last?.generationCounts != nil,
                                        showsPools: diagram.steps.last?.pools != nil, drawsObjects: true)
            } else {
                let svg = try HeapDiagram(snapshot: objects, id: anchor + "-objects", caption: caption).drawing().render(with: theme)
                context.objects = .init(svg: svg, notes: notes)
            }
        }
        if diagram.objects == nil, diagram.arenas != nil, diagram.steps.count > 1, anchorPrefix.isEmpty {
            // A `diagram=arenas` block steps through its pools (the map stays the heap
            // after the block: one per statement would weigh too much).
            let steps = try HeapStepper(steps: diagram.steps, examples: block.examples, anchor: anchor, drawsObjects: false)
                .render(theme: theme)
            context.stepper = .init(count: steps.count - 1, steps: steps, notes: [],
                                    showsGenerations: diagram.steps.last?.generationCounts != nil,
                                    showsPools: true, drawsObjects: false)
        }
        if let arenas = diagram.arenas {
            context.arenas = .init(svg: try ArenaMap(arenas: arenas, id: anchor + "-arenas", caption: caption).drawing().render(with: theme),
                                   notes: [])
        }
        if let gc = diagram.gc {
            let steps = try GCDiagram(snapshot: gc, id: anchor, caption: caption).steps(theme: theme)
            var notes: [String] = []
            if gc.otherObjects > 0 {
                notes.append("\(gc.otherObjects) other tracked object\(gc.otherObjects == 1 ? " takes" : "s take") part in the collection but \(gc.otherObjects == 1 ? "is" : "are") not drawn.")
            }
            notes.append("Drawn from a copy of the session: the chapter's own session is not collected.")
            context.gc = .init(collected: gc.collected, single: gc.collected == 1, steps: steps, notes: notes)
        }
        return try theme.render(context, template: "heap-diagrams")
    }
}

struct DiagramsContext {
    struct Panel { var svg: String; var notes: [String] }
    struct Collection { var collected: Int; var single: Bool; var steps: [GCDiagram.Step]; var notes: [String] }
    var objects: Panel?
    struct Stepper {
        var count: Int; var steps: [HeapStepper.Step]; var notes: [String]; var showsGenerations: Bool; var showsPools: Bool
        var drawsObjects: Bool
    }
    var stepper: Stepper?
    var arenas: Panel?
    var gc: Collection?
}
