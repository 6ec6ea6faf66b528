import Foundation
import XCTest
import Site
import Workbook

/// The book itself, checked with the real interpreter: every chapter passes, and the
/// committed `site/` is exactly what `heapbook build` produces now.
final class ChapterTests: XCTestCase {
    /// The package root, found from this file's path (Tests/ChapterTests/ChapterTests.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let chapters = root.appendingPathComponent("chapters").path

    func testEveryChapterPasses() {
        let report = Workbook().test([Self.chapters])
        XCTAssertEqual(report.exitCode, 0, "\n" + report.text)
    }

    /// The site as `heapbook build` renders it now, built once for every test that reads it.
    static let freshBuild: Result<SiteBuild, any Error> = Result {
        // As `heapbook build` does: the oracle cache beside the chapters feeds the marks.
        let confirmations = OracleConfirmations(chaptersIn: chapters, defaultProfile: Workbook().profile.version)
        return try SiteBuilder(theme: try Theme.bundled(), confirmations: confirmations).render(chaptersIn: chapters)
    }

    /// The files of a fresh build (fails the test when the book does not verify).
    static func freshFiles() throws -> [SiteFile] {
        let build = try freshBuild.get()
        return try XCTUnwrap(build.files, "the book does not verify:\n" + build.report.text)
    }

    func testCommittedSiteIsAFreshBuild() throws {
        let files = try Self.freshFiles()
        let site = Self.root.appendingPathComponent("site")
        var committed: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: site.path) ?? .init() {
            var isDirectory: ObjCBool = false
            let url = site.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                committed[path] = try Data(contentsOf: url)
            }
        }
        let fresh = Dictionary(uniqueKeysWithValues: files.map { ($0.path, Data($0.bytes)) })
        XCTAssertEqual(committed.keys.sorted(), fresh.keys.sorted(), "site/ is stale: run `make site`")
        for (path, bytes) in fresh.sorted(by: { $0.key < $1.key }) where committed[path] != bytes {
            XCTFail("site/\(path) differs from a fresh build: run `make site`")
        }
    }
}
