/// The reference counts of the objects CPython creates at start-up and shares with user code
/// (small ints -5..256, None, True, False, Ellipsis, NotImplemented, (), '', b'', the
/// one-character latin-1 strs, the one-byte bytes), before 3.12.
///
/// CPython's counts come from everything its start-up imported (site, encodings, readline in
/// the REPL...), which the engine does not run. They were measured instead
/// (scripts/measure/startup_refcounts.py, per release and per mode: REPL `python3 -q -i` with
/// the program on stdin, or `python3 file.py`) and are data here
/// (`StartupRefcounts+Data.swift`, generated).
///
/// Invariants:
/// - The heap first gives every static object the provisional count `staticObject`; its own
///   start-up (builtins, the preloaded modules) then takes references on top. When the
///   session's mode is known (its first run), `Heap.rebaseStartupRefcounts` adds
///   `base - staticObject` to each measured object, so its count is CPython's exactly. (The
///   measured base is calibrated against the engine's own start-up references: it is
///   `cpython - (engine - staticObject)` for one probe run in both, so it must be re-measured
///   when the engine's start-up takes references to shared objects differently.)
/// - An object whose count differs between CPython runs (None, whose count moves by dozens
///   with PYTHONHASHSEED; 0, 1, True and False, which `sys.flags` and
///   `sys.dont_write_bytecode` hold, so that the environment and the command line move them:
///   PYTHONDONTWRITEBYTECODE=1 takes two references from 0 on 3.8.18), or that a first
///   statement moves differently in CPython and in the engine, has no base: it is marked
///   `unmodelledCount` and its absolute count is refused.
///   So is every other static object (the builtin types), which was never measured.
/// - 3.12+ (PEP 683): these objects are immortal at `Profile.immortalRefcount`, CPython's
///   exact number; nothing is re-based or refused.
public enum StartupRefcounts {
    /// The provisional start of every static object before the re-base (and for good with
    /// `heapbook repl --provisional-startup-refcounts`, which the measuring script runs).
    public static let staticObject = 1_000_000

    /// Which way CPython was started: the counts differ (the REPL imports readline and
    /// rlcompleter, a script run sets `__file__`...).
    public enum Mode: Sendable { case interactive, script }

    /// `Table.base` of a refused object: its count differs between CPython runs.
    static let varies = -1
    /// `Table.base` of a refused object: a first statement moves it differently in CPython
    /// and in the engine (e.g. 3.11 code objects hold b'' as co_exceptiontable).
    static let untracked = -2

    /// One measured table: `base[i]` for the object `i` of `objectOrder` (< 0: refused);
    /// `imports`: per module, (object index, references CPython's first import of the module
    /// adds that the engine's import does not take, e.g. the module spec's `None`s).
    struct Table {
        let base: [Int]
        let imports: [(String, [(Int, Int)])]
    }

    struct Recorded {
        let version: String
        let release: String
        let interactive: Table
        let script: Table
    }

    /// The order of `Table.base`: small ints -5...256, then `singletonNames`, then the 256
    /// latin-1 one-character strs, then the 256 one-byte bytes.
    static let smallIntCount = 262
    public static let singletonNames = ["None", "True", "False", "()", "''", "b''", "Ellipsis", "NotImplemented"]

    static func table(version: String, mode: Mode) -> Table? {
        guard let r = recorded.first(where: { $0.version == version }) else { return nil }
        return mode == .interactive ? r.interactive : r.script
    }

    /// The release a version's table was measured against (for refusal messages).
    static func release(version: String) -> String? {
        recorded.first(where: { $0.version == version })?.release
    }
}
