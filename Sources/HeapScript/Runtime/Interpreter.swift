import HeapEngine

/// The running interpreter of one session: the heap, the modules, the frame stack depth,
/// the output streams and the run limits.
///
/// Evaluation follows CPython's reference discipline so that refcounts come out as
/// CPython's: an evaluated expression is a *new* reference; storing it consumes that
/// reference; a call consumes its argument references (a Python function keeps them as
/// its locals, a builtin borrows them and they are released when it returns).
public final class Interpreter {
    public let heap: Heap
    public let profile: Profile
    /// The CPython surface of this interpreter's profile (looked up once).
    public let surface: CPythonSurface
    var limits: Limits
    public internal(set) var stdout = ""
    public internal(set) var stderr = ""

    // Modules and namespaces (dict objects).
    public internal(set) var builtinsDict: ObjectRef = 0
    public internal(set) var mainModule: ObjectRef = 0
    public internal(set) var mainDict: ObjectRef = 0
    var modules: [String: ObjectRef] = [:]
    /// Start-up objects that only stand in for what CPython has (importlib's loaders): what
    /// each is, for the refusal when anything but identity, type() or repr() looks at it.
    var opaqueObjects: [ObjectRef: String] = [:]
    /// sys.stdout's and sys.stderr's stand-ins and their type, once looked up (SysModule.swift).
    var standardStreams: [String: ObjectRef] = [:]
    /// frozenset_new's empty singleton before 3.10, once made (`emptyFrozensetSingleton`).
    var emptyFrozenset: ObjectRef?
    /// Whether `__main__` has been set up as a script's (`__file__`, `__cached__`).
    var mainIsScript = false
    /// `from __future__ import annotations` compiled at the prompt: the flag the next
    /// statements compile with (Compiler+Future.swift).
    var promptFutureAnnotations = false
    /// types.GenericAlias, made at the first alias, and the ids of the `__class_getitem__`
    /// builtins a subscription binds (GenericAliasObject.swift).
    var genericAliasType: ObjectRef?
    var classGetitemIds: [TypeKind: Int32] = [:]
    /// What `clearFrame` found it does not model, thrown by its caller; also a refusal met
    /// inside a `__del__` or weakref callback, which cannot unwind a deallocation: thrown at
    /// the next function return, else the statement ends with it (never swallowed).
    var pendingRefusal: UnsupportedAtRuntime?
    /// A refusal `strString`/`reprString` met and could not throw (`shownTraceback`).
    var swallowedRefusal: UnsupportedAtRuntime?
    let scriptStartup: Bool

    /// Exception types by name (BaseException, TypeError, ...).
    var exceptionTypes: [String: ObjectRef] = [:]
    /// Builtins names bound to another exception type (IOError and EnvironmentError are OSError).
    var exceptionAliases: [String: String] = [:]
    /// Interned name strings used as dict keys (co_names), by value.
    var nameCache: [String: ObjectRef] = [:]
    /// The two names `internedName` answered last, newest first (`nameCache`'s entries).
    var recentNames: ((name: String?, ref: ObjectRef), (name: String?, ref: ObjectRef)) = ((nil, -1), (nil, -1))

    var stepsRemaining: Int
    /// When the current run passes `Limits.wallClockSeconds`.
    var deadline: ContinuousClock.Instant
    /// When the current run passes `Limits.wallClockSeconds` of CPU time, if the limits can
    /// read it (`Limits.cpuSecondsProbe`); then `deadline` is not used.
    var cpuDeadline: Double?
    /// Python frames currently running (for RecursionError).
    var depth = 0
    /// The class `__eq__` results the current dict or set probe takes (`probeInPython`),
    /// and whether it met a pair none answers (`refuseMissedProbe`).
    var probeAnswers: [(stored: ObjectRef, key: ObjectRef, equal: Bool)] = []
    var probeMissed = false
    /// The traceback of the last exception that reached the REPL (sys.last_traceback):
    /// it keeps its frames' locals alive until the next one replaces it.
    var lastTraceback: PyException?
    var preallocatedMemoryErrorRef: ObjectRef?
    /// Containers whose repr is being computed (Py_ReprEnter): `[...]` for cycles.
    var reprStack: Set<ObjectRef> = []
    /// Materialised instance dicts that still share their class's keys (split tables),
    /// with the class whose keys they share (3.11+). An entry counts only while the dict has
    /// `ObjectFlags.splitTable`: a dead dict's row may be recycled for another dict.
    var splitDictOwners: [ObjectRef: ObjectRef] = [:]
    /// Before 3.11 (`Profile.instanceDictSlot`): the keys each split instance dict shares
    /// (valid while the dict has `ObjectFlags.splitTable`), and each class's cached keys
    /// (CACHED_KEYS(tp); absent once the class stopped sharing).
    var splitTables: [ObjectRef: SplitKeys] = [:]
    /// Extension modules initialised at start-up, by name: the dict `import` copies (m_copy).
    var cachedModuleDicts: [String: ObjectRef] = [:]
    /// Objects one-time warm-ups leave alive for good: importlib's when it imported a module
    /// (`Profile.gcImportKeeps`), an argument parser's keyword tuple.
    var warmUpLeftovers: [ObjectRef] = []
    var printParserReady = false
    /// 3.6's property_descr_get `cached_args` (`Profile.propertyGetCachesArgumentTuple`):
    /// the untracked 1-tuple kept between getter calls, nil while a call has it.
    var propertyCachedArgs: ObjectRef?
    /// The builtin id of defaultdict's `__missing__` (DefaultDictObject.swift), made on first use.
    var defaultDictMissingBuiltin: Int32?
    /// The builtins object.__reduce_ex__'s model binds (CopyregReduce.swift), by name.
    var copyregBuiltins: [String: Int32] = [:]
    /// The builtin ids of OrderedDict's modelled methods (OrderedDictObject.swift), by name.
    var orderedDictMethods: [String: Int32] = [:]
    /// Counts stores and deletions of class attributes (each may change a type's version
    /// tag and so a specialized instruction's outcome: `specializedPropertyLoad`).
    var classAttributeEpoch = 0
    /// The type attribute cache (TypeAttributeCache.swift) and what tells it an answer may
    /// be stale.
    let typeVersion = TypeVersion()
    var typeAttributeCache = TypeAttributeCache()
    /// The builtin behind sys.stdout's bound `write` (`fileWrite`), and the `__reversed__`
    /// reversed() binds for a list or range (`newReversed`).
    var textIOWrapperWrite: Int32 = -1
    /// The bound `__sizeof__` sys.getsizeof looks up (`defineSysModule`).
    var objectSizeof: Int32 = -1
    var reversedMethod: Int32 = -1
    /// The classmethods class creation binds and calls (`buildClass`, `typeNewEpilogue`):
    /// type.__prepare__ and object.__init_subclass__; never reachable from Python.
    var typePrepareMethod: Int32 = -1
    var objectInitSubclassMethod: Int32 = -1
    /// 3.13: the identifiers of every source compiled in the session (`refuseRefcountObservation`).
    var compiledIdentifiers: Set<String> = []
    /// `object.__new__` (the builtin object's dict holds: SlotTpNew.swift).
    var objectNewFunction: ObjectRef = 0
    var reprListReady = false
    /// 3.13 (`Profile.replCachesSourceLines`): linecache.cache, and how many statements it holds.
    var linecacheDict: ObjectRef?
    var linecacheEntries = 0
    var classKeys: [ObjectRef: SplitKeys] = [:]
    /// Whether the first statement has run (the start-up objects are installed then, once the
    /// mode is known), and whether CPython's start-up objects in the collector are modelled
    /// for this profile and mode (`Profile.replStartupObjects`, Heap+StartupObjects.swift).
    var startupObjectsInstalled = false
    var startupObjectsModelled = false
    /// A script block ran: CPython ran it as `exec(SOURCE)` typed at the prompt, whose
    /// statement's objects are in the collector's lists while it runs, and change them after
    /// it (measured after `x = 1`: 3.8.18 one more object until a collection, 3.11.7 one
    /// fewer after one, 3.13.0 four more, growing with each block); the engine does not model
    /// them, so the session refuses to count the collector's objects from then on.
    var execObjectsUnmodelled = false
    /// Objects CPython has in the collector's lists that the engine does not model (what an
    /// import made, `noteCopyImport`): the reason; what would count them is refused.
    var unmodelledCollectorObjects: String?
    /// Garbage CPython has and the engine does not model, until a full collection would find
    /// it (`Profile.weakrefImportLeavesGarbage`): the reason, for the refusal.
    var unmodelledGarbage: String?
    /// Before 3.11: generators whose frame (a frame object in CPython, not one here) is not
    /// cleared; while there are any, what lists frame objects is refused.
    var liveGeneratorFrames = 0
    /// A finalizer or weakref callback of a collection being refused did not run.
    var skippedPythonCode = false
    /// Why pymalloc's blocks may no longer be CPython's (`id()` is refused), if they may not.
    var unknownBlockSizes: String?
    /// `unknownBlockSizes` when tracemalloc.start() began tracing: a new reason since then
    /// refuses the traced sizes (TracemallocModule.swift).
    var tracemallocBlockSizesAtStart: String?
    /// Whether the distance between two objects' addresses is answered from the engine's
    /// heap (`Session.showsEngineAddressDistances`) instead of refused (`refuseAddressDistance`).
    var engineAddressDistances = false
    /// How many pprint calls are formatting (PprintModule.swift): CPython's frames hold the object.
    var pprintFormatting = 0
    /// Each ctypes class's field width in bytes (c_long 8, c_int 4).
    var ctypesWidths: [ObjectRef: Int] = [:]
    /// The method descriptors of the builtin types' dicts made so far, by builtin id
    /// (MethodDescrObject.swift).
    var methodDescriptors: [Int32: ObjectRef] = [:]
    /// `from_address`, bound to the class at each lookup (CtypesModule.swift).
    var ctypesFromAddress: Int32 = -1
    /// `chain.from_iterable`, bound to the type at each lookup (ItertoolsModule.swift).
    var chainFromIterable: Int32 = -1
    /// 3.13's builtin_method type, which the bound from_address is (CtypesModule.swift).
    var ctypesBuiltinMethodType: ObjectRef?
    /// The ints `id()` gave while addresses were not CPython's, and the strs spelled from
    /// them (UnplacedIds.swift). An entry is only trusted while its `life` watch says the
    /// row is still that value.
    var unplacedIds: [ObjectRef: UnplacedId] = [:]
    /// The last unplaced id() value `hash` hashed (for `reproducibleHash` to refuse showing it).
    var hashedUnplacedId: UnplacedId?
    /// Constants 3.6's peephole optimizer folded in the running statement: their
    /// counts are refused until its arena is released (Compiler+Constants.swift).
    var peepholeFoldedConstants: Set<ObjectRef> = []
    /// The builtins' `dir` function: CEval hands it the calling frame when it has no argument.
    var dirBuiltin: ObjectRef = 0
    /// 3.6: a collection finalized a generator whose frame object it counted.
    var generatorFrameInGarbage = false
    /// The exception the innermost running handler handles (tstate->exc_info->exc_value, an
    /// owned reference; nil for None), set by PUSH_EXC_INFO and restored by POP_EXCEPT.
    var handledException: ObjectRef?
    let tracebackCensus = TracebackCensus()
    var weakrefImported = false
    /// Lib/weakref.py's `finalize` class, once its first lookup made it (WeakrefFinalize.swift).
    var finalizeClass: ObjectRef?
    /// Lib/_weakrefset.py's `WeakSet` class, once its first lookup made it (WeakrefWeakSet.swift).
    var weakSetClass: ObjectRef?
    /// Lib/weakref.py's `WeakKeyDictionary` class, once its first lookup made it
    /// (WeakrefWeakKeyDictionary.swift).
    var weakKeyDictClass: ObjectRef?
    /// Lib/weakref.py's `WeakValueDictionary` class and its KeyedRef (made natively), once the
    /// first lookup made them (WeakrefWeakValueDictionary.swift).
    var weakValueDictClass: ObjectRef?
    var keyedRefType: ObjectRef?
    /// Lib/collections' namedtuple, once its first lookup made it, the classes it made
    /// (each held for the session), its field getters' builtin, and whether a class is being
    /// made (CollectionsNamedtuple.swift).
    var namedtupleFunction: ObjectRef?
    /// functools' `_lru_cache_wrapper` and `_lru_list_elem` types (LruCacheObject.swift).
    var lruTypes: (wrapper: ObjectRef, elem: ObjectRef)?
    /// Nested lru_cache wrapper calls under way (LruCacheObject.swift refuses past 100).
    var lruCallDepth = 0
    var namedtupleClasses: [ObjectRef: NamedtupleInfo] = [:]
    var namedtupleGetter: Int32?
    var makingNamedtupleClass = false
    /// The classes `@dataclass` made, each kept alive by the interpreter (DataclassesModule.swift).
    var dataclassClasses: [ObjectRef: String] = [:]
    /// While `@dataclass` processes a class: the names it sets are allowed in its dict.
    var makingDataclass = false
    /// The collector's counts and switch before the decoration under way.
    var dataclassSaved: ([Int], Bool)?
    /// dataclasses.FrozenInstanceError, once `import dataclasses` made it.
    var frozenInstanceErrorType: ObjectRef?
    /// The `__module__` a class statement gets (its globals' `__name__` in CPython): always
    /// `__main__` but while Lib/weakref.py's finalize ("weakref") or Lib/_weakrefset.py's
    /// WeakSet ("_weakrefset") is made.
    var classBodyModule = "__main__"
    /// ht_qualname of the classes made in a class body (`class A:\n class B`: "A.B"), by
    /// class; only those whose qualname is not their name. `buildClass` sets or removes the
    /// entry of every class it makes, so a reused ObjectRef never reads a stale one.
    var nestedClassQualnames: [ObjectRef: String] = [:]
    /// While Lib/weakref.py's finalize is made: its classmethods copy their qualnames (3.10+),
    /// and on 3.13 its docstrings are already cleaned (WeakrefFinalize.swift).
    var makingFinalizeClass = false
    /// Running Lib/__future__.py's stand-in, whose 3.13 docstrings are written as 3.13's
    /// compiler leaves them (FutureModule.swift).
    var makingFutureModule = false
    /// atexit's callbacks in registration order (owned): only `finalize._exitfunc`, which
    /// finalize's first instance registers (WeakrefFinalize.swift); called last first at exit.
    var atexitCallbacks: [ObjectRef] = []
    /// Source lines of files run with `heapbook run`, for tracebacks.
    var sourceFiles: [String: [Substring]] = [:]
    /// Builtin functions and methods by id (BuiltinInfo.id).
    var builtinTable: [BuiltinFunction] = []
    /// Methods of builtin types: kind -> name -> builtin id.
    var methodTable: [TypeKind: [String: Int32]] = [:]
    /// Slot wrappers of builtin types (SlotWrappers.swift): by id, and kind -> name -> id.
    var slotWrappers: [SlotWrapper] = []
    var slotTable: [TypeKind: [String: Int32]] = [:]
    /// object's own slot wrappers as a super() lookup reaches them from an instance of a
    /// class (object.__dict__'s entries applied to any instance): name -> id.
    var objectSlotTable: [String: Int32] = [:]
    /// The structseq types (StructSeq.swift): sys.version_info and friends.
    var structSeqTypes: [ObjectRef: StructSeqType] = [:]
    /// sys.setrecursionlimit's limit (SysModule.swift); the profile's until it is set.
    var recursionLimit = 0

    /// `script`: start-up as `python3 FILE` leaves it, not as `python3 -q -i` does (the
    /// collector's counts, 3.13's REPL garbage).
    /// `hashSeed`: PYTHONHASHSEED of the CPython run the session stands for (nil: random).
    public init(profile: Profile, limits: Limits, script: Bool = false, hashSeed: UInt32? = nil) {
        self.profile = profile
        self.surface = CPythonSurface.of(profile)
        self.limits = limits
        self.scriptStartup = script
        self.heap = Heap(profile: profile, heapLimit: limits.heapBytes, hashSecret: HashSecret(seed: hashSeed))
        self.stepsRemaining = limits.steps
        self.deadline = ContinuousClock.now + .seconds(limits.wallClockSeconds)
        self.cpuDeadline = limits.cpuSecondsProbe.map { $0() + Double(limits.wallClockSeconds) }
        self.recursionLimit = profile.recursionLimit
        bootstrapRuntime()
    }

    // MARK: - Steps and depth

    @inline(__always)
    func step() throws {
        stepsRemaining &-= 1
        if stepsRemaining < 0 || stepsRemaining & (Limits.clockInterval - 1) == 0 { try checkLimits() }
    }

    /// The step, wall-clock and resident-memory bounds (`Limits`), each a RunStopped.
    func checkLimits() throws {
        if stepsRemaining < 0 {
            throw RunStopped(message: "heapbook: step limit of \(limits.steps) reached (a runaway loop?)")
        }
        if let cpuDeadline, let probe = limits.cpuSecondsProbe {
            if probe() > cpuDeadline {
                throw RunStopped(message: "heapbook: CPU time limit of \(limits.wallClockSeconds) s reached")
            }
        } else if ContinuousClock.now > deadline {
            throw RunStopped(message: "heapbook: wall-clock limit of \(limits.wallClockSeconds) s reached")
        }
        if stepsRemaining & (Limits.checkInterval - 1) == 0, let bound = limits.residentBytes, let rss = limits.residentBytesProbe?(), rss > bound {
            throw RunStopped(message: "heapbook: memory limit of \(bound >> 20) MiB reached "
                             + "(the engine's own resident memory)")
        }
    }

    /// An eval-breaker check (3.12+ ceval.c CHECK_EVAL_BREAKER: RESUME at a frame's start,
    /// JUMP_BACKWARD, the end of a CALL to C): runs a collection the allocator scheduled.
    /// Never fires on profiles that collect inside the allocation (3.11 and earlier).
    @inline(__always)
    func evalBreaker() { heap.gcRunScheduled() }

    /// A fresh step and time budget for the next REPL statement.
    func resetSteps() {
        stepsRemaining = limits.steps
        deadline = ContinuousClock.now + .seconds(limits.wallClockSeconds)
        cpuDeadline = limits.cpuSecondsProbe.map { $0() + Double(limits.wallClockSeconds) }
    }

    // MARK: - Names

    /// The interned str object for an identifier (a borrowed reference kept by the cache).
    func name(_ s: String) -> ObjectRef { try! internedName(s) }

    /// `name(_:)` where the heap may be full (names first met while compiling a statement):
    /// MemoryError instead of a trap.
    func internedName(_ s: String) throws -> ObjectRef {
        // One attribute access asks for its name's str several times (the type's MRO
        // dicts, the instance's table, the shared keys): the last two answers are kept, as
        // comparing a short Swift string costs less than hashing it. `nameCache` only
        // grows, so a remembered answer stays right.
        if s == recentNames.0.name { return recentNames.0.ref }
        if s == recentNames.1.name { return recentNames.1.ref }
        let r: ObjectRef
        if let cached = nameCache[s] {
            r = cached
        } else {
            let str: ObjectRef
            do { str = try heap.newStr(s) } catch { throw memoryError() }
            r = heap.intern(str)
            nameCache[s] = r
        }
        recentNames.1 = recentNames.0
        recentNames.0 = (s, r)
        return r
    }

    // MARK: - Output

    func write(_ s: String) { stdout += s }
}
