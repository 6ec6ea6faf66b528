import XCTest
import Foundation

/// HeapEngine and HeapScript are written in what Embedded Swift compiles (they are to run in
/// the reader's browser as WebAssembly): no Foundation, no Mirror, no key paths, no
/// `String(describing:)`.
final class EmbeddedRulesTests: XCTestCase {
    func testEngineSourcesAvoidWhatEmbeddedSwiftLacks() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()   // EngineTests
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let banned = ["import Foundation", "import Dispatch", "Mirror(", "String(describing:", "\\."]
        var found: [String] = []
        for target in ["Sources/HeapEngine", "Sources/HeapScript"] {
            let dir = root.appendingPathComponent(target)
            let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
            XCTAssertFalse(files.isEmpty, target)
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.components(separatedBy: "//").first ?? ""
                    for b in banned where code.contains(b) { found.append("\(target)/\(file):\(n + 1): \(b)") }
                }
            }
        }
        XCTAssertEqual(found, [])
    }
}
