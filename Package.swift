// swift-tools-version:6.1
import PackageDescription

/// The engine's columns are class properties accessed millions of times per run; dynamic
/// exclusivity checks cost more than the work itself (measured: ~30% of a list benchmark).
///
/// They are optimized in debug builds too: `make test`, the corpus and the fuzzers run the engine
/// over millions of steps, and an unoptimized engine is 20-40x slower than this (a 1M-element
/// list comprehension: 6 s of CPU instead of 0.15 s), which puts ordinary memory examples from
/// articles past the CLI's time limit. Overflow checks stay on (-O, not -Ounchecked).
let engineSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
    name: "heapbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "heapbook", targets: ["heapbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `serve`'s HTTP: SwiftNIO underneath (bounded request heads, idle timeouts, accept back-off on EMFILE).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
    ],
    targets: [
        // C library over libcmark (Debian: libcmark-dev). No Swift code.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The simulated CPython runtime: objects, sizes, refcounts, allocator, GC. No I/O, no parsing.
        .target(
            name: "HeapEngine",
            dependencies: [.product(name: "BigInt", package: "BigInt")],
            swiftSettings: engineSettings
        ),
        // The Python-subset front end: lexer, parser, compiler, interpreter, REPL semantics.
        .target(
            name: "HeapScript",
            dependencies: ["HeapEngine", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: engineSettings
        ),
        // Chapters: cmark -> chapter model -> heap blocks -> run -> compare -> bless.
        .target(
            name: "Workbook",
            dependencies: ["HeapScript", "Ccmark"]
        ),
        // HTML/SVG rendering; the theme ships as resources.
        .target(
            name: "Site",
            dependencies: ["Workbook", "HeapScript", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources/Theme")]
        ),
        // Differential fuzzing: random programs in the subset, engine vs real CPython, shrinking.
        .target(
            name: "Fuzz",
            dependencies: ["HeapScript", "Workbook"]
        ),
        .executableTarget(
            name: "heapbook",
            dependencies: [
                "HeapScript", "Workbook", "Site", "Fuzz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "HeapEngineTests", dependencies: ["HeapEngine"]),
        .testTarget(name: "HeapScriptTests", dependencies: ["HeapScript"], resources: [.copy("Corpus"), .copy("Tracebacks")]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteTests", dependencies: ["Site"]),
        .testTarget(name: "FuzzTests", dependencies: ["Fuzz", "Workbook"]),
        .testTarget(name: "ChapterTests", dependencies: ["Workbook", "Site"]),
    ]
)
