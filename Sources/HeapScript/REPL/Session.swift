import HeapEngine

/// What one run of source text printed and how it ended.
public struct ExecutionResult: Sendable, Equatable {
    /// Everything written to sys.stdout (print, the REPL's repr of expression values).
    public var stdout: String
    /// Everything written to sys.stderr: tracebacks in CPython's format.
    public var stderr: String
    /// The last line of the traceback when the run raised, e.g. "ZeroDivisionError: division by zero".
    public var exception: String?
    /// Set when the source used a construct outside heapbook's subset (nothing was run).
    public var unsupported: UnsupportedConstruct?
    /// Set when a run limit (`Limits`) stopped the run: the state is not one CPython would
    /// have, so the REPL and the runner stop there.
    public var stopped = false

    public init(stdout: String = "", stderr: String = "", exception: String? = nil,
                unsupported: UnsupportedConstruct? = nil) {
        self.stdout = stdout; self.stderr = stderr; self.exception = exception
        self.unsupported = unsupported
    }
}

/// Run-away protection. Each limit ends the run with a Python traceback, never a crash.
public struct Limits: Sendable, Equatable {
    /// Interpreter steps (statements + loop iterations + calls) per run.
    public var steps: Int
    /// Simulated heap bytes (arenas + large allocations) before MemoryError.
    public var heapBytes: Int
    /// Seconds of wall-clock time per run (statement), checked every `clockInterval` steps.
    public var wallClockSeconds: Int
    /// Resident memory of the whole process, in bytes, checked with `residentBytesProbe`
    /// every `checkInterval` steps (nil: not checked).
    public var residentBytes: Int?
    /// Reads the process's resident set size (the CLI reads /proc/self/statm; the engine
    /// itself uses no operating-system API).
    public var residentBytesProbe: (@Sendable () -> Int?)?
    /// Reads the seconds of CPU time the process has used. When set, `wallClockSeconds`
    /// bounds CPU time instead, so that a run is not stopped for waiting on a loaded machine
    /// (the CLI: clock_gettime(CLOCK_PROCESS_CPUTIME_ID)).
    public var cpuSecondsProbe: (@Sendable () -> Double)?
    /// Steps between two clock checks, and between two memory checks (powers of two). The
    /// clock is read often because one step can take long (`s += t` copies all of `s`).
    static let clockInterval = 1 << 6
    static let checkInterval = 1 << 14

    public init(steps: Int = 200_000_000, heapBytes: Int = 8 << 30, wallClockSeconds: Int = 60,
                residentBytes: Int? = nil, residentBytesProbe: (@Sendable () -> Int?)? = nil,
                cpuSecondsProbe: (@Sendable () -> Double)? = nil) {
        self.steps = steps; self.heapBytes = heapBytes; self.wallClockSeconds = wallClockSeconds
        self.residentBytes = residentBytes; self.residentBytesProbe = residentBytesProbe
        self.cpuSecondsProbe = cpuSecondsProbe
    }

    public static func == (a: Limits, b: Limits) -> Bool {
        a.steps == b.steps && a.heapBytes == b.heapBytes && a.wallClockSeconds == b.wallClockSeconds
            && a.residentBytes == b.residentBytes && (a.residentBytesProbe == nil) == (b.residentBytesProbe == nil)
            && (a.cpuSecondsProbe == nil) == (b.cpuSecondsProbe == nil)
    }
}

/// Whether interactive input forms a complete statement yet (see `Session.completeness`).
public enum Completeness: Sendable, Equatable {
    case complete
    /// More lines are needed (an open bracket, a compound statement not yet closed by a blank line).
    case incomplete
    case invalid(SyntaxError)
}
