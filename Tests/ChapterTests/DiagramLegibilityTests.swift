import Foundation
import XCTest
import Site

/// The book's pictures, as a reader gets them: every chapter has some, and every one can be
/// read — no two arrowheads end on the same point or within 6 px of each other (a
/// reader counts arrows to count references) and no text is smaller than 11 px. Checked over the SVG of a fresh build of
/// the real chapters, with the font sizes the site's stylesheet gives each text class.
final class DiagramLegibilityTests: XCTestCase {
    static let minimumDiagrams = 2
    static let minimumTextSize = 11
    /// Arrowheads are drawn 7 px long: closer than this, two read as one.
    static let minimumArrowheadGap = 6.0

    func pages() throws -> (chapters: [(path: String, html: String)], css: String) {
        let files = try ChapterTests.freshFiles()
        let chapters = files.filter { $0.path.range(of: #"^\d\d-.*\.html$"#, options: .regularExpression) != nil }
            .map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
        let css = try XCTUnwrap(files.first { $0.path.hasSuffix("book.css") })
        return (chapters.sorted { $0.0 < $1.0 }, String(decoding: css.bytes, as: UTF8.self))
    }

    func testEveryChapterHasPictures() throws {
        let (chapters, _) = try pages()
        XCTAssertFalse(chapters.isEmpty)
        for (path, html) in chapters {
            let blocks = html.components(separatedBy: #"<div class="heap-diagrams">"#).count - 1
            XCTAssertGreaterThanOrEqual(blocks, Self.minimumDiagrams, "\(path) has \(blocks) diagram block(s)")
        }
    }

    func testNoTwoArrowheadsEndOnTheSamePoint() throws {
        let (chapters, _) = try pages()
        var svgs = 0
        for (path, html) in chapters {
            for svg in Self.svgs(in: html) {
                svgs += 1
                var ends: [(x: Double, y: Double)] = []
                for d in Self.matches(#"<path d="([^"]*)"[^>]*marker-end="#, in: svg) {
                    let numbers = d.split(whereSeparator: { !"-0123456789".contains($0) }).compactMap { Double($0) }
                    guard numbers.count >= 2 else { continue }
                    ends.append((numbers[numbers.count - 2], numbers[numbers.count - 1]))
                }
                let id = Self.matches(#"<title id="([^"]*)-title""#, in: svg).first ?? "?"
                for i in ends.indices {
                    for j in ends.indices where j > i {
                        let gap = ((ends[i].x - ends[j].x) * (ends[i].x - ends[j].x) + (ends[i].y - ends[j].y) * (ends[i].y - ends[j].y)).squareRoot()
                        if gap < Self.minimumArrowheadGap {
                            XCTFail("\(path), \(id): arrowheads end at (\(ends[i].x), \(ends[i].y)) and (\(ends[j].x), \(ends[j].y))")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(svgs, 0)
    }

    func testNoTextUnderElevenPixels() throws {
        let (chapters, css) = try pages()
        let sizes = Self.fontSizes(css)
        let base = try XCTUnwrap(sizes["heap-diagram"], "book.css gives .heap-diagram no font size")
        XCTAssertGreaterThanOrEqual(base, Self.minimumTextSize)
        var checked = 0
        for (path, html) in chapters {
            for svg in Self.svgs(in: html) {
                XCTAssertFalse(svg.contains("font-size="), "\(path): an SVG sets a font size of its own")
                for classes in Self.matches(#"<text [^>]*class="([^"]*)""#, in: svg) {
                    checked += 1
                    let size = classes.split(separator: " ").compactMap { sizes[String($0)] }.min() ?? base
                    if size < Self.minimumTextSize { XCTFail("\(path): text of class '\(classes)' is \(size) px") }
                }
            }
        }
        XCTAssertGreaterThan(checked, 0)
    }

    // MARK: Reading the markup

    static func svgs(in html: String) -> [String] {
        matches(#"(<svg [^>]*class="heap-diagram[\s\S]*?</svg>)"#, in: html)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// The smallest `font-size: Npx` any rule gives each class, by the last class of its
    /// selectors (`.heap-diagram .dg-pool-full .dg-pool-size` sizes `dg-pool-size`).
    static func fontSizes(_ css: String) -> [String: Int] {
        var sizes: [String: Int] = [:]
        let rules = try! NSRegularExpression(pattern: #"([^{}]+)\{([^{}]*)\}"#)
        let ns = css as NSString
        for rule in rules.matches(in: css, range: NSRange(location: 0, length: ns.length)) {
            let body = ns.substring(with: rule.range(at: 2))
            guard let px = matches(#"font-size:\s*(\d+)px"#, in: body).first.flatMap(Int.init) else { continue }
            for selector in ns.substring(with: rule.range(at: 1)).split(separator: ",") {
                guard let last = selector.split(separator: " ").last,
                      let cls = matches(#"\.([A-Za-z0-9_-]+)$"#, in: String(last)).first else { continue }
                sizes[cls] = min(sizes[cls] ?? .max, px)
            }
        }
        return sizes
    }
}
