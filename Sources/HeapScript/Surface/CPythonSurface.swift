import HeapEngine

/// What one real CPython has, recorded by scripts/measure/surface.py (generated data; do not edit).
///
/// The engine refuses (`notModelled`) a name, attribute or module it lacks when this says
/// CPython has it; only what CPython lacks keeps CPython's own error.
public struct CPythonSurface: Sendable {
    public let version: String                  // "3.11"
    public let release: String                  // "3.11.7"
    public let builtins: [String]               // sorted dir(builtins)
    /// `list(builtins.__dict__)`: the order NameError's suggestion walks (first of ties wins).
    public let builtinsInOrder: [String]
    /// `sorted(globals())` of `__main__` when a `-q -i` session starts.
    public let mainGlobals: [String]
    /// sorted dir() of `class C: pass` and of its instances (object's names and the class
    /// dict's `__module__`, `__dict__`, `__weakref__`, …).
    public let plainClass: [String]
    /// Whether NameError and AttributeError lines end in "Did you mean: 'x'?" (3.10+,
    /// Python/suggestions.c), measured with `zipp` in the REPL.
    public let suggestsNames: Bool
    /// Whether a NameError for a standard module's name ends in "Did you forget to import
    /// 'sys'" (3.12+, traceback.py), measured with `sys` in the REPL.
    public let hintsForgottenImport: Bool
    public let types: [String: [String]]        // builtin type's __name__ → sorted dir(type)
    public let modules: [String]                // sorted importable module names (stdlib + builtin modules)
    public let moduleAttributes: [String: [String]]   // "sys", "gc", "weakref", … → sorted dir(module)

    private let builtinSet: Set<String>
    private let typeSets: [String: Set<String>]
    private let moduleSet: Set<String>
    private let moduleAttributeSets: [String: Set<String>]

    /// The surface of the profile's release (the profile's `version`; every profile has one).
    public static func of(_ profile: Profile) -> CPythonSurface {
        guard let s = byVersion[profile.version] else {
            preconditionFailure("no recorded surface for CPython \(profile.version): run scripts/measure/surface.py")
        }
        return s
    }

    /// Every recorded surface, oldest first.
    public static var all: [CPythonSurface] { recorded.map { byVersion[$0.version]! } }

    public func has(builtin name: String) -> Bool { builtinSet.contains(name) }
    public func has(attribute: String, onType typeName: String) -> Bool {
        typeSets[typeName]?.contains(attribute) ?? false
    }
    public func has(module: String) -> Bool { moduleSet.contains(module) }
    public func has(attribute: String, inModule module: String) -> Bool {
        moduleAttributeSets[module]?.contains(attribute) ?? false
    }

    /// Split once, on first use of any surface.
    private static let byVersion: [String: CPythonSurface] = {
        var out: [String: CPythonSurface] = [:]
        for r in recorded { out[r.version] = CPythonSurface(r) }
        return out
    }()

    private init(_ r: RecordedSurface) {
        version = r.version
        release = r.release
        builtins = words(r.builtins)
        builtinsInOrder = words(r.builtinsInOrder)
        mainGlobals = words(r.mainGlobals)
        modules = words(r.modules)
        plainClass = words(r.plainClass)
        suggestsNames = r.suggestsNames
        hintsForgottenImport = r.hintsForgottenImport
        var t: [String: [String]] = [:]
        for (name, list) in r.types { t[name] = words(list) }
        types = t
        var m: [String: [String]] = [:]
        for (name, list) in r.moduleAttributes { m[name] = words(list) }
        moduleAttributes = m
        builtinSet = Set(builtins)
        typeSets = t.mapValues { Set($0) }
        moduleSet = Set(modules)
        moduleAttributeSets = m.mapValues { Set($0) }
    }
}

/// One release's lists as the generator writes them: each a space-separated string.
struct RecordedSurface: Sendable {
    let version: String
    let release: String
    let builtins: String
    let builtinsInOrder: String
    let mainGlobals: String
    let modules: String
    let plainClass: String
    let suggestsNames: Bool
    let hintsForgottenImport: Bool
    let types: [(String, String)]
    let moduleAttributes: [(String, String)]
}

private func words(_ s: String) -> [String] {
    s.split(separator: " ").map(String.init)
}
