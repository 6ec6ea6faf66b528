import Workbook

/// The pictures of a `diagram` block, below its code (`heap-diagrams.mustache`).
extension HeapBlockRenderer {
    func diagramsHTML(_ diagram: BlockDiagram, anchor: String, line: Int) throws -> String {
        let caption = "after the block at line \(line)"
        var context = DiagramsContext()
        if let objects = diagram.objects {
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
            let svg = try HeapDiagram(snapshot: objects, id: anchor + "-objects", caption: caption).drawing().render(with: theme)
            context.objects = .init(svg: svg, notes: notes)
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
    var arenas: Panel?
    var gc: Collection?
}
