import Foundation
import HeapEngine
import HeapScript
import Workbook

/// The part of a real CPython's surface the boundary programs draw from: `dir(builtins)`,
/// `dir(T)` of builtin types, importable modules and `dir(M)` of a few modules.
public struct BoundarySurface: Sendable, Equatable {
    public var builtins: [String]
    public var types: [String: [String]]
    public var modules: [String]
    public var moduleAttributes: [String: [String]]

    public init(builtins: [String], types: [String: [String]], modules: [String], moduleAttributes: [String: [String]]) {
        self.builtins = builtins; self.types = types; self.modules = modules; self.moduleAttributes = moduleAttributes
    }

    /// The recorded surface of a profile's CPython (scripts/measure/surface.py).
    public init(_ surface: CPythonSurface) {
        self.init(builtins: surface.builtins, types: surface.types, modules: surface.modules,
                  moduleAttributes: surface.moduleAttributes)
    }
}

/// Subset programs (`ProgramGenerator`) with 1 to 3 statements from outside the subset put
/// in: names, type attributes, modules and module attributes of the real CPython, class
/// features (`__slots__`, `__sizeof__`, `__getattr__`, `metaclass=`) and keyword arguments.
/// Each statement prints only what CPython prints the same way on every run (no reprs
/// with addresses, nothing that reads the terminal or the network).
public struct BoundaryGenerator: Sendable {
    public var seed: UInt64
    public var surface: BoundarySurface

    public init(seed: UInt64, surface: BoundarySurface) { self.seed = seed; self.surface = surface }

    /// Builtins whose use reads stdin, prints pages, leaves the REPL or is not deterministic.
    static let unsafeBuiltins: Set<String> = ["breakpoint", "copyright", "credits", "exit", "help", "input", "license",
                                              "open", "quit", "exec", "eval", "compile", "__import__", "globals",
                                              "locals", "vars", "dir", "id", "hash", "__build_class__", "__loader__",
                                              "__spec__", "aiter", "anext", "memoryview", "print"]
    /// Modules whose import has side effects (a browser, a window, printing) or is slow.
    static let unsafeModules: Set<String> = ["antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo",
                                             "pydoc", "webbrowser", "ensurepip", "venv", "lib2to3", "test", "pip",
                                             "setuptools", "multiprocessing", "concurrent", "asyncio", "xxsubtype"]
    /// A literal of each measured type, for its attributes.
    static let instances = ["list": "[]", "dict": "{}", "set": "set()", "tuple": "()", "str": "''", "int": "(0)",
                            "float": "1.5", "object": "object()", "type": "type", "bytes": "b''"]

    public func program(_ index: Int) -> Program {
        var program = ProgramGenerator(seed: seed).program(index)
        var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0xA076_1D64_78BD_642F)
        _ = rng.next()
        for _ in 0..<(1 + rng.below(3)) {
            // After the two imports, anywhere among the statements.
            let at = 2 + rng.below(program.statements.count - 1)
            program.statements.insert(contentsOf: statement(&rng), at: at)
        }
        return program
    }

    func statement(_ rng: inout SplitMix64) -> [Program.Statement] {
        switch rng.below(7) {
        case 0:
            let pool = surface.builtins.filter { !Self.unsafeBuiltins.contains($0) && !$0.hasPrefix("__") }
            guard !pool.isEmpty else { fallthrough }
            let name = rng.pick(pool)
            // A builtin's repr has no address (`<built-in function len>`, `<class 'int'>`).
            return [.simple(rng.chance(50) ? name : "type(\(name)).__name__")]
        case 1:
            let typeName = rng.pick(Self.instances.keys.sorted())
            guard let attrs = surface.types[typeName], !attrs.isEmpty else { fallthrough }
            let attr = rng.pick(attrs), object = Self.instances[typeName]!
            return [.simple(rng.chance(50) ? "type(\(object).\(attr)).__name__" : "hasattr(\(object), '\(attr)')")]
        case 2:
            let pool = surface.modules.filter { !Self.unsafeModules.contains($0) }
            guard !pool.isEmpty else { fallthrough }
            let name = rng.pick(pool)
            return [.simple("import \(name)"), .simple("\(name).__name__")]
        case 3:
            let module = rng.pick(surface.moduleAttributes.keys.sorted())
            let attrs = (surface.moduleAttributes[module] ?? []).filter { !$0.hasPrefix("__") }
            guard !attrs.isEmpty else { fallthrough }
            let attr = rng.pick(attrs)
            return [.simple("import \(module)"), .simple("type(\(module).\(attr)).__name__")]
        case 4, 5:
            return [classFeature(&rng)]
        default:
            return [.simple(rng.pick([
                "sorted([3, 1, 2], reverse=True)", "print(1, 2, sep='-')", "print('a', end='!\\n')", "dict(a=1, b=2)",
                "int('101', base=2)", "max([1, 5, 2], key=None)", "[3, 1, 2].sort(key=None, reverse=True)",
                "list(reversed([1, 2]))", "sum([1, 2], start=10)", "round(2.675, ndigits=2)", "sys.getsizeof([], 0)",
                "gc.collect(generation=0)", "'a,b'.split(sep=',', maxsplit=1)", "enumerate([5], start=1).__next__()",
            ]))]
        }
    }

    func classFeature(_ rng: inout SplitMix64) -> Program.Statement {
        let name = "K\(rng.below(100))"
        switch rng.below(6) {
        case 0: return .compound("class \(name):", ["__slots__ = ('a', 'b')", "def __init__(self):\n    self.a = 1"])
        case 1: return .compound("class \(name):", ["def __sizeof__(self):\n    return 1000"])
        case 2: return .compound("class \(name):", ["def __getattr__(self, name):\n    return 7"])
        case 3: return .compound("class \(name)(metaclass=type):", ["x = 1"])
        case 4: return .compound("class \(name)(list):", ["pass"])
        default: return .compound("class \(name):", ["def __repr__(self):\n    return 'K'", "def __eq__(self, other):\n    return True"])
        }
    }
}

/// The verdict on one boundary program.
public enum BoundaryVerdict: String, Sendable, CaseIterable {
    /// Same stdout, same exception lines.
    case match
    /// The engine stopped with a refusal, and its stdout so far is CPython's stdout so far.
    case refused
    /// The engine raised an exception CPython did not (or refused after printing differently).
    case impersonation
    /// No unexplained exception, but stdout differs.
    case differentValue = "different value"
    /// The engine died or printed an internal error.
    case crash

    public var isFailure: Bool { self != .match && self != .refused }
}

/// How the engine ended a boundary program.
public struct EngineRun: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    /// `Repl.run` returned false: a refusal stopped the session.
    public var refused: Bool
    /// The process died (a child run killed by a signal).
    public var crashed: Bool
    public init(stdout: String, stderr: String, refused: Bool, crashed: Bool = false) {
        self.stdout = stdout; self.stderr = stderr; self.refused = refused; self.crashed = crashed
    }
}

public enum BoundaryClassifier {
    /// The messages a refusal may carry (`UnsupportedConstruct.message`).
    /// A refusal line, also one made at exit (`<stdin>: error: at exit: heapbook does not
    /// model …`: a finalizer the exit collection would run at a moment heapbook cannot place).
    static func isRefusal(_ line: Substring) -> Bool {
        line.contains(": error: heapbook does not model `") || line.contains(": error: at exit: heapbook does not model `")
            || line.contains(" is not in heapbook's Python subset")
    }

    /// The exception lines of a REPL's stderr: the unindented lines that are not the
    /// "Traceback" header (each traceback's last line, `SyntaxError: …` and the like), with
    /// the prompts `python -q -i` writes to stderr (">>> ", "... ") taken off first.
    public static func exceptionLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").map(withoutPrompts).filter { line in
            !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("\t") && !line.hasPrefix("Traceback (most recent call last)")
                && !isRefusal(line) && !line.hasPrefix("During handling") && !line.hasPrefix("The above exception")
        }
    }

    static func withoutPrompts(_ line: Substring) -> Substring {
        var line = line
        while line.hasPrefix(">>> ") || line.hasPrefix("... ") { line = line.dropFirst(4) }
        return line == ">>>" || line == "..." ? "" : line
    }

    public static func classify(engine: EngineRun, cpython: RunOutput) -> BoundaryVerdict {
        if engine.crashed { return .crash }
        let engineErrors = exceptionLines(engine.stderr), realErrors = exceptionLines(cpython.stderr)
        if engine.refused, engine.stderr.split(separator: "\n").contains(where: isRefusal) {
            // Before the refusal, every line printed and every exception raised must be CPython's.
            if cpython.stdout.hasPrefix(engine.stdout), realErrors.starts(with: engineErrors) { return .refused }
            return realErrors.starts(with: engineErrors) ? .differentValue : .impersonation
        }
        if engine.refused { return .crash }
        if engine.stdout == cpython.stdout, engineErrors == realErrors { return .match }
        return engineErrors.contains { !realErrors.contains($0) } ? .impersonation : .differentValue
    }
}

/// `heapbook fuzz --boundary N`: boundary programs through the engine and real CPython,
/// classified; failures shrunk (keeping their verdict).
public struct BoundaryFuzzer {
    public var generator: BoundaryGenerator
    public var cpython: @Sendable (String) throws -> RunOutput
    public var engine: (String) -> EngineRun
    public var jobs = 2
    public var maxShrink = 40

    public init(generator: BoundaryGenerator, cpython: @escaping @Sendable (String) throws -> RunOutput,
                engine: @escaping (String) -> EngineRun) {
        self.generator = generator; self.cpython = cpython; self.engine = engine
    }

    /// The engine in process, as `heapbook repl` runs piped input.
    public static func inProcess(_ profile: Profile) -> (String) -> EngineRun {
        { input in
            var out = "", err = ""
            let ok = Repl(session: Session(profile: profile, hashSeed: hashSeedFromEnvironment())).run(input, stdout: { out += $0 }, stderr: { err += $0 })
            return EngineRun(stdout: out, stderr: err, refused: !ok)
        }
    }

    public struct Failure: Sendable {
        public var index: Int
        public var verdict: BoundaryVerdict
        public var minimal: Program
        public var engine: EngineRun
        public var cpython: RunOutput
    }

    public struct Report: Sendable {
        public var programs = 0
        public var counts: [BoundaryVerdict: Int] = [:]
        public var failures: [Failure] = []
        public var errors: [String] = []
    }

    public func run(count: Int, progress: (String) -> Void = { _ in }) -> Report {
        var report = Report()
        let programs = (0..<count).map(generator.program)
        let outputs = concurrently(programs.map(\.text), jobs: jobs) { [cpython] text in Result { try cpython(text) } }
        var seen: Set<String> = []
        for (i, program) in programs.enumerated() {
            report.programs += 1
            guard case .success(let real) = outputs[i] else {
                if case .failure(let error) = outputs[i] { report.errors.append("program \(i): \(error)") }
                continue
            }
            let verdict = BoundaryClassifier.classify(engine: engine(program.text), cpython: real)
            report.counts[verdict, default: 0] += 1
            if verdict.isFailure, report.failures.count < maxShrink {
                let minimal = shrink(program, verdict)
                if seen.insert(minimal.text).inserted {
                    report.failures.append(Failure(index: i, verdict: verdict, minimal: minimal, engine: engine(minimal.text),
                                                   cpython: (try? cpython(minimal.text)) ?? real))
                }
            }
            if (i + 1) % 100 == 0 { progress("\(i + 1)/\(count) programs") }
        }
        return report
    }

    /// The smallest program derived from `program` with the same failing verdict.
    public func shrink(_ program: Program, _ verdict: BoundaryVerdict) -> Program {
        Shrinker { candidate in
            guard let real = try? cpython(candidate.text) else { return false }
            return BoundaryClassifier.classify(engine: engine(candidate.text), cpython: real) == verdict
        }.shrink(program)
    }
}

extension BoundaryFuzzer.Failure {
    /// `<name>.py`, `<name>.out` / `<name>.err` (CPython) and `<name>.engine.out` / `.engine.err`.
    public func write(to directory: URL, name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (ext, text) in [("py", minimal.text), ("out", cpython.stdout), ("err", cpython.stderr),
                            ("engine.out", engine.stdout), ("engine.err", engine.stderr)] {
            try Data(text.utf8).write(to: directory.appendingPathComponent("\(name).\(ext)"))
        }
    }
}
