import Foundation
import XCTest
@testable import Site
import Workbook

/// `build --out`/`serve --out` replace only heapbook sites, and interrupted runs lose nothing.
final class SiteWriterTests: XCTestCase {
    /// A project: `chapters/01-a.md`, a file, a directory of the user's, a link to it, an
    /// empty directory and one whose marker file says something else.
    func project() throws -> URL {
        let root = try book(["notes.txt": "mine\n"])
        let fm = FileManager.default
        for directory in ["chapters", "docs", "empty", "fake"] {
            try fm.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        try Data("# A\n\n```heap\n>>> print('a')\na\n```\n".utf8).write(to: root.appendingPathComponent("chapters/01-a.md"))
        try Data("keep\n".utf8).write(to: root.appendingPathComponent("docs/x.html"))
        try Data("not the marker\n".utf8).write(to: root.appendingPathComponent("fake/\(SiteWriter.markerName)"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "docs")
        return root
    }

    func testBuildAndServeRefuseWhatIsNotASiteAndTouchNothing() throws {
        let root = try project()
        let before = try tree(root)
        let notASite = "it is a directory heapbook did not build (it has no .heapbook-site); remove it or choose another output directory"
        let cases: [(out: String, reason: String)] = [
            ("", "the path is empty"),
            (".", "it is the current directory"),
            (root.path, "it is the current directory"),
            ("chapters/..", "it is the current directory"),
            ("..", "it contains the current directory"),
            ("/", "it contains the current directory"),
            ("chapters", "it is the chapters directory"),
            ("chapters/", "it is the chapters directory"),
            ("notes.txt", "it is a file, not a heapbook site"),
            ("link", "it is a symbolic link; name the directory itself"),
            ("docs", notASite),
            ("empty", notASite),
            ("fake", notASite),
        ]
        for (out, reason) in cases {
            let run = try runHeapbook(["build", "--out", out, "chapters"], in: root)
            XCTAssertEqual(run.status, 2, out)
            XCTAssertEqual(run.stderr, "error: cannot write the site to '\(out)': \(reason)\n")
            XCTAssertEqual(run.stdout, "", out)
        }
        let serve = try runHeapbook(["serve", "--port", "0", "--out", ".", "chapters"], in: root)
        XCTAssertEqual(serve.status, 2)
        XCTAssertEqual(serve.stderr, "error: cannot write the site to '.': it is the current directory\n")
        XCTAssertEqual(try tree(root), before)

        // Run from elsewhere: the project holds the chapters.
        let chapters = root.path + "/chapters"
        let elsewhere = try runHeapbook(["build", "--out", root.path, chapters], in: try book([:]))
        XCTAssertEqual(elsewhere.stderr, "error: cannot write the site to '\(root.path)': it contains the chapters ('\(chapters)')\n")
        XCTAssertEqual(try tree(root), before)
    }

    func testASiteIsReplacedWholeByEitherSwap() throws {
        let root = try project()
        for exchange in [true, false] {
            let target = try SiteWriter.prepare("out/deeper/site", chapters: "chapters", currentDirectory: root.path)
            XCTAssertEqual(target.path, root.resolvingSymlinksInPath().path + "/out/deeper/site")
            try SiteWriter.write([SiteFile(path: "a.html", bytes: [1]), SiteFile(path: "css/a.css", bytes: [2])], to: target,
                                 exchange: exchange)
            let marker = TreeEntry.file(Data(SiteWriter.marker.utf8))
            XCTAssertEqual(try tree(root.appendingPathComponent("out/deeper/site")),
                           [".heapbook-site": marker, "a.html": .file(Data([1])), "css": .directory, "css/a.css": .file(Data([2]))])
            // The site is a site now, so a second build replaces it: a.html goes.
            let again = try SiteWriter.prepare("out/deeper/site", chapters: "chapters", currentDirectory: root.path)
            try SiteWriter.write([SiteFile(path: "b.html", bytes: [3])], to: again, exchange: exchange)
            XCTAssertEqual(try tree(root.appendingPathComponent("out/deeper/site")),
                           [".heapbook-site": marker, "b.html": .file(Data([3]))])
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("out/deeper").path),
                           ["site"], "no staging or previous tree is left")
            try FileManager.default.removeItem(at: root.appendingPathComponent("out"))
        }
    }

    func testWriteRefusesATargetThatStoppedBeingASite() throws {
        let root = try project()
        let target = try SiteWriter.prepare("site", chapters: "chapters", currentDirectory: root.path)
        try Data("appeared\n".utf8).write(to: root.appendingPathComponent("site"))
        XCTAssertThrowsError(try SiteWriter.write([SiteFile(path: "a.html", bytes: [1])], to: target)) { error in
            XCTAssertEqual("\(error)", "cannot write the site to 'site': it is a file, not a heapbook site")
        }
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("site"), encoding: .utf8), "appeared\n")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: root.path).contains { $0.hasPrefix(".site.") })
    }

    /// Something that is not a site took the target's place after the last check: the swap
    /// puts it back untouched.
    func testSwapPutsBackWhatIsNotASite() throws {
        let root = try project()
        let target = SiteWriter.Target(given: "docs", path: root.path + "/docs")
        let before = try tree(root)
        for exchange in [true, false] {
            let staging = root.path + "/.docs.building-\(getpid())"
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            XCTAssertThrowsError(try SiteWriter.swap(staging, into: target, exchange: exchange)) { error in
                XCTAssertEqual(error as? OutputRefusal, OutputRefusal(output: "docs", reason: "it is a directory heapbook did not build"
                    + " (it has no .heapbook-site); remove it or choose another output directory"))
            }
            try FileManager.default.removeItem(atPath: staging)
            XCTAssertEqual(try tree(root), before)
        }
    }

    func testNextRunRestoresThePreviousTreeAndRemovesDeadRunsLeftovers() throws {
        let root = try project()
        let dead = try deadPID(), alive = getppid()
        let fm = FileManager.default
        func make(_ name: String, marker: Bool) throws {
            let url = root.appendingPathComponent(name)
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(name.utf8).write(to: url.appendingPathComponent("page.html"))
            if marker { try Data(SiteWriter.marker.utf8).write(to: url.appendingPathComponent(SiteWriter.markerName)) }
        }
        // A fallback swap killed between its renames: no site/, the old tree as previous.
        try make(".site.previous-\(dead)", marker: true)
        try make(".site.building-\(dead)", marker: false)
        try make(".site.building-\(alive)", marker: false)   // a run still going
        try make(".site.building-x1", marker: false)         // not a name heapbook makes
        try make(".docs.building-\(dead)", marker: false)    // another output's
        _ = try SiteWriter.prepare("site", chapters: "chapters", currentDirectory: root.path)
        let names = try fm.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }.sorted()
        XCTAssertEqual(names, [".docs.building-\(dead)", ".site.building-\(alive)", ".site.building-x1"])
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("site/page.html"), encoding: .utf8),
                       ".site.previous-\(dead)")
    }

    func testPathsAreResolvedAsTheKernelDoes() throws {
        let root = try project().resolvingSymlinksInPath().path
        XCTAssertEqual(SiteWriter.resolve("a/./b/../c/", in: root), root + "/a/c")
        // `link` is `docs`: its `..` is the project, and a link as the last component stays.
        XCTAssertEqual(SiteWriter.resolve("link/../out", in: root), root + "/out")
        XCTAssertEqual(SiteWriter.resolve("link/sub", in: root), root + "/docs/sub")
        XCTAssertEqual(SiteWriter.resolve("link", in: root), root + "/link")
        XCTAssertEqual(SiteWriter.resolve("/..", in: root), "/")
    }

    // MARK: - Helpers

    enum TreeEntry: Equatable {
        case directory
        case file(Data)
        case link(String)
    }

    /// Every entry under `root` by relative path, links not followed.
    func tree(_ root: URL) throws -> [String: TreeEntry] {
        let fm = FileManager.default
        var entries: [String: TreeEntry] = [:]
        func visit(_ relative: String) throws {
            let path = relative.isEmpty ? root.path : root.path + "/" + relative
            for name in try fm.contentsOfDirectory(atPath: path) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = root.path + "/" + child
                let type = try fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType
                switch type {
                case .typeSymbolicLink?: entries[child] = .link(try fm.destinationOfSymbolicLink(atPath: full))
                case .typeDirectory?: entries[child] = .directory; try visit(child)
                default: entries[child] = .file(try Data(contentsOf: URL(fileURLWithPath: full)))
                }
            }
        }
        try visit("")
        return entries
    }

    /// The PID of a process that has exited.
    func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
