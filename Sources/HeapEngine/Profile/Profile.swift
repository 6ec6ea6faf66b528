/// Every version-specific number or rule of the simulated runtime.
///
/// Like obmalloc.c's "Main tunable settings section", the numbers live here and nowhere
/// else as literals; each group states the invariants it must keep. Adding a CPython
/// version means adding a `Profile` value (see `Profile+CPython311.swift`), not editing
/// logic through the engine.
public struct Profile: Sendable, Equatable {
    /// "3.11" — what `--python` and `python=` accept.
    public var version: String
    /// The real interpreter this profile was measured against, e.g. "3.11.7".
    public var referenceVersion: String
    /// `sys.version_info` major/minor.
    public var major: Int
    public var minor: Int

    // MARK: - Allocator (Objects/obmalloc.c)

    /// Invariants: alignment <= smallRequestThreshold <= 512, smallRequestThreshold is a
    /// multiple of alignment, arenaSize is an exact multiple of poolSize.
    public var alignment: Int
    public var smallRequestThreshold: Int
    public var poolSize: Int
    public var arenaSize: Int
    /// sizeof(struct pool_header) rounded up: POOL_OVERHEAD.
    public var poolOverhead: Int
    /// Start of the simulated address space where arenas are mapped (mmap region).
    public var arenaBaseAddress: UInt64
    /// Start of the simulated address space used by the system malloc for large requests.
    public var mallocBaseAddress: UInt64
    /// Static objects (types, None, small ints live in the interpreter state or the binary).
    public var staticBaseAddress: UInt64

    /// SIZEOF_VOID_P: pointer width; sizes the arena-map radix tree (POINTER_BITS = 8 * pointerSize).
    public var pointerSize: Int
    /// SYSTEM_PAGE_SIZE: simulated mmap hands out page-aligned (not pool-aligned) arena addresses.
    public var systemPageSize: Int
    /// INITIAL_ARENA_OBJECTS: arena_object slots made on the first new_arena; doubled after that.
    public var initialArenaObjects: Int
    /// WITH_PYMALLOC_RADIX_TREE (3.10+): `_debugmallocstats` then reports the arena map nodes.
    public var obmallocRadixTree: Bool
    /// bpo-37257 (3.9+): insert_to_freepool keeps a wholly free arena if it is the last usable one.
    public var obmallocKeepsLastFreeArena: Bool
    /// Bytes already mapped just below `arenaBaseAddress` when the first arena is mmap'd (libraries,
    /// thread stacks). Invariant: a multiple of systemPageSize. Non-zero mod poolSize makes every arena
    /// lose one pool to alignment, as on real Linux runs.
    public var arenaMmapSkew: Int

    // MARK: - System malloc (glibc, used for requests > smallRequestThreshold)

    /// SIZE_SZ, MALLOC_ALIGNMENT and MINSIZE of glibc's malloc.c: chunk = max(minChunk,
    /// round_up(request + sizeSz, mallocAlignment)); the user pointer is chunk + 2 * sizeSz.
    public var mallocSizeSz: Int
    public var mallocAlignment: Int
    public var mallocMinChunk: Int
    /// Largest chunk size tcache keeps (tcache_max_bytes 1032 -> chunk 1040) and entries per bin.
    public var tcacheMaxChunk: Int
    public var tcacheCount: Int

    // MARK: - Object layout (Include/object.h, Include/cpython/*.h)

    /// sizeof(PyGC_Head): counted by sys.getsizeof for GC-tracked types.
    public var gcHeaderSize: Int
    /// Bytes of PyLongObject digits; 30-bit digits stored in 4 bytes.
    public var longDigitBits: Int
    public var longDigitSize: Int

    // MARK: - Identity and caches

    /// Small-int cache: [smallIntMin, smallIntMax] inclusive (NSMALLNEGINTS / NSMALLPOSINTS - 1).
    public var smallIntMin: Int
    public var smallIntMax: Int
    /// The one-character strs whose interned object is not the latin-1 singleton: start-up
    /// interned another static str of that text first (3.11: a deep-frozen module's name;
    /// 3.12: a `_Py_ID` global string). So `t = 'o'` (a constant, interned by the compiler)
    /// is not `'hello'[4]` (the singleton) on 3.11.7. Measured at the prompt and in a script
    /// (the same set): `''.join(chr(i) for i in range(256) if chr(i) is not
    /// sys.intern(chr(i)))`; empty on 3.6.15, 3.8.18 and 3.13.0.
    public var internedCharsNotSingletons = ""
    /// PEP 683 (3.12+): immortal objects. Static objects (None, True/False, small ints, the
    /// empty singletons, one-character latin-1 strs, static types) start with this refcount
    /// (`_Py_IMMORTAL_REFCNT`, UINT_MAX on 64-bit), and incref/decref leave a count at or above
    /// it untouched (`_Py_IsImmortal` tests the count itself). nil before 3.12: static
    /// objects are then ordinary counted objects (their start-up counts: `StartupRefcounts`).
    public var immortalRefcount: Int?
    /// 3.12 only (gh-84436 / PEP 683 follow-up in unicodeobject.c): `PyUnicode_InternInPlace`
    /// makes every interned str immortal (`_Py_SetImmortal`). 3.13 made runtime-interned
    /// strs mortal again (gh-113601, `_PyUnicode_InternMortal`); before 3.12 they are mortal.
    public var internedStringsImmortal: Bool

    // MARK: - Cyclic GC timing

    /// 3.12+ (gh-97922): `_PyObject_GC_Link` only schedules the collection (`_Py_ScheduleGC`)
    /// and it runs at the next eval-breaker check (RESUME at a frame's start, JUMP_BACKWARD at
    /// a loop's back edge, after a CALL), not inside the allocation as in 3.11 and earlier.
    public var gcCollectsOnEvalBreaker: Bool

    /// 3.6's tokenizer skips a line of blanks and/or a comment at the start of an interactive
    /// statement and reads the next one at `... `; only a line with nothing at all ends it
    /// (3.8+ lets such a first line through as an empty statement, bpo-33306's tokenizer
    /// change). `# c` then `1/0` at 3.6.15's prompt: `>>> ... `, and the traceback says line 2.
    public var interactiveCommentLinesContinue: Bool = false

    // MARK: - Compiler and calls

    /// 3.9+ (bpo-39320, compile.c starunpack_helper): a list or set display of three or more
    /// constants compiles to BUILD_LIST 0 + LOAD_CONST tuple + LIST_EXTEND (BUILD_SET 0 +
    /// frozenset + SET_UPDATE), so `[1, 2, 3]` is over-allocated: getsizeof 88 on 3.11.7,
    /// 80 on 3.8.18 (BUILD_LIST 3 of three LOAD_CONSTs).
    public var foldsConstantDisplays: Bool = true
    /// 3.7+ (the AST optimizer, bpo-29469): folded constants are merged with equal ones in
    /// co_consts. 3.6's peephole optimizer appends them unmerged: `c = 1000; d = 999 + 1;
    /// c is d` on one line is False on 3.6.15, True on 3.8.18.
    public var mergesFoldedConstants: Bool = true
    /// The constant folder's limits on a str/bytes and a tuple made by `*`: MAX_STR_SIZE and
    /// MAX_COLLECTION_SIZE of Python/ast_opt.c (3.7+: 4096 and 256) or, on 3.6.15, of
    /// Python/peephole.c's safe_multiply (bpo-30416, both 20). `'a' * 21 is 'a' * 21` is False
    /// on 3.6.15 (multiplied at run time), True on 3.8.18-3.13.0.
    public var foldMaxStrSize: Int = 4096
    public var foldMaxCollectionSize: Int = 256
    /// What a code object owns besides its constants, as real tuples: co_consts, co_names and
    /// the local names (co_localsplusnames from 3.11, co_varnames before; the cell and free
    /// variable tuples are the empty singleton in the subset). They are GC objects: a `def`
    /// or a method keeps them for as long as its function lives (`class C: def __init__(self,
    /// v): self.v = v ...` leaves 11 new objects on 3.11.7, its function's co_consts,
    /// co_names and co_localsplusnames among them), and a statement's own code object frees
    /// its tuples to the free list after it ran.
    /// 3.8+ (makecode's merge_const_one) merge each tuple with an equal constant of the
    /// compilation.
    public var mergesCodeTuples: Bool = true
    /// 3.11+ (flowgraph add_const): a BUILD_TUPLE of constants folded while assembling (a
    /// `def`'s defaults) is merged with an equal constant: `def f(a, b=None)` has
    /// `f.__defaults__ is f.__code__.co_consts` True on 3.11.7-3.13.0, False on 3.8.18.
    public var mergesFoldedTuples: Bool = true
    /// 3.8-3.11: symtable_analyze's sets (no free list) make every statement's count peak
    /// while it is compiled, 7 above its start plus 8 per level of nested function, class or
    /// comprehension (`pass` +7, a `def` +15, a method +23 on 3.11.7, by
    /// scripts/measure/peaks.py), and a collection starts there when that passes the
    /// threshold. 3.12+ only schedule the collection, and by the eval breaker the count is
    /// back down; 3.6.15 shows no peak.
    public var symtableAnalysisSets: Bool = true
    /// 3.12+ (flowgraph remove_unused_consts): constants no instruction loads are dropped
    /// from co_consts, so a `def`'s folded defaults leave no items behind.
    public var removesUnusedConsts: Bool = false
    /// Before 3.11 MAKE_FUNCTION takes the qualified name from the enclosing code's
    /// co_consts (`'C0.__init__'`, `'<listcomp>'`); 3.11+ read it from the code object.
    public var qualnameIsConstant: Bool = false
    /// 3.10+ (bpo-42202): MAKE_FUNCTION's annotations are a flat tuple of name, value pairs
    /// (BUILD_TUPLE, folded to a constant when every value is one) that `__annotations__`
    /// turns into a dict on first use (func_get_annotation_dict); before, a dict built by
    /// BUILD_CONST_KEY_MAP with the names as one constant tuple.
    public var annotationsAsTuple: Bool = true
    /// Before 3.12 calls of C code count towards the recursion limit (3.12 gave C recursion a
    /// limit of its own): `Interpreter.refuseCCallNearRecursionLimit`.
    public var cCallsCountTowardsRecursionLimit: Bool = false
    /// 3.6: `x: int` in a module or class stores through STORE_ANNOTATION, whose name is in
    /// co_names and which looks `__annotations__` up in the namespace only ("__annotations__
    /// not found" otherwise); 3.7+ compile LOAD_NAME __annotations__, the name as a
    /// constant, STORE_SUBSCR.
    public var annotationNameInNames: Bool = false
    /// 3.10+ (bpo-43901): `type.__annotations__` is a getset that reads only the class's own
    /// dict and stores a new empty dict there when it has none (`C.__annotations__` of an
    /// unannotated class is `{}`); before, the ordinary lookup along the MRO (a base's
    /// annotations, or AttributeError).
    public var typeHasAnnotationsDescriptor: Bool = true
    /// compiler_add_const merges equal code objects (all but 3.11, whose code objects also
    /// compare their positions; `Compiler+CodeConstants.swift`).
    public var mergesEqualCodeConstants = true
    /// 3.7+'s AST optimizer (fold_iter, fold_compare) makes an iterated or `in`-searched list
    /// display a tuple; 3.6's peephole optimizer only folds one of constants
    /// (`ASTOptimizer.swift`).
    public var iterableDisplaysBecomeTuples = true
    /// 3.6: slot functions call a special method through a bound method object
    /// (`Interpreter.bindForSlotCall`).
    public var slotCallsBindMethods = false
    /// 3.8+: LOAD_METHOD leaves a slot wrapper (wrapper_descriptor, Py_TPFLAGS_METHOD_DESCRIPTOR)
    /// unbound and CALL calls it with self first: _PyObject_MakeTpCall packs (self, *args),
    /// wrapperdescr_call slices off args (a tuple each, off the free list a full collection
    /// empties). 3.6 has no LOAD_METHOD: LOAD_ATTR makes a method-wrapper, whose tp_call
    /// packs only the arguments. `x = [1]; gc.collect(); a = x.__len__(); gc.get_count()`
    /// counts 0 on 3.6.15 and 1 on 3.8.18-3.13.0; `x.__eq__(x)` 1 and 2.
    public var loadMethodLeavesSlotWrappersUnbound = true
    /// 3.11+: a deque caches up to 16 free blocks in itself (`numfreeblocks`,
    /// `freeblocks[MAXFREEBLOCKS]`), so dequeobject's tp_basicsize is 216; before, the cache
    /// is a static array of the module and tp_basicsize 80 (`collections.deque.__basicsize__`
    /// on 3.6.15, 3.8.18, 3.11.7).
    public var dequeKeepsFreeBlocks = true
    /// 3.12+: _collections' types are heap types (PyType_FromModuleAndSpec); deque_traverse
    /// visits the type (`gc.get_referents(deque([o]))[0] is deque` on 3.12.1 and 3.13.0,
    /// not on 3.11.7; `deque.__flags__ & Py_TPFLAGS_HEAPTYPE`), and so does defdict_traverse
    /// (`gc.get_referents(defaultdict(list))[0] is defaultdict` on 3.12.1 and 3.13.0).
    public var dequeTypeIsHeapType = false
    /// 3.12+ (PEP 709): comprehensions are inlined, so they make no code object; their
    /// iteration variables become hidden fast locals of the enclosing code (a module's
    /// co_localsplusnames is `('i',)` after `v = [i for i in range(5)]` on 3.12.1).
    public var inlinesComprehensions: Bool = false
    /// Before 3.8 (bpo-35224) a dict comprehension evaluated each value before its key
    /// (`{print('k'): print('v') for x in [1]}` prints v, k on 3.6.15); its MAP_ADD took them
    /// in that order. Displays (`{k: v}`) were already key first.
    public var dictComprehensionEvaluatesValueFirst = false

    // MARK: - Hashing (Python/pyhash.c)

    /// The str and bytes hash: SipHash-1-3 from 3.11 (bpo-29410), SipHash-2-4 before.
    public var strHashAlgorithm: PyHashAlgorithm = .siphash13
    /// References start-up holds to the int 1 instead of 0 when hash randomization is on
    /// (PYTHONHASHSEED unset or not 0: `sys.flags.hash_randomization` and the configuration
    /// behind it). The measured start-up counts are for PYTHONHASHSEED=0; measured against
    /// unset and 7, REPL and script alike: 3.6.15 1, 3.8.18 2, 3.11.7 1.
    public var hashRandomizationFlagReferences = 1
    /// 3.12+ (gh-99540): `hash(None)` is a constant (0xFCA86420); before, None's address.
    public var noneHashIsConstant = false
    /// 3.10+ (bpo-43475): a NaN hashes by its address (_Py_HashPointer); before, to 0.
    public var nanHashIsAddress = true
    /// Whether the engine's two builds of a constant set (SetStorage.compilerConstant) give
    /// CPython's order when an item is a str of name characters. 3.6.15 and 3.8.18 agree on
    /// 120 of 120 random displays; 3.11+ sometimes build it a third time (interning), so the
    /// engine refuses to show that order there.
    public var modelsConstantSetsOfNames = false

    // MARK: - Names and messages that changed between releases

    /// 3.6: `'a' + 1` says "must be str, not int"; 3.7+ "can only concatenate str (not "int")
    /// to str" (bpo-29116).
    public var strConcatErrorSaysMustBeStr = false
    /// 3.11+ name `x **= y`'s operator "**=" when neither operand has it; before, "** or pow()"
    /// (measured: 3.8.18 and 3.6.15 print the latter).
    public var augmentedPowErrorSaysAssignment = true

    /// Before 3.11 a missing attribute's delete passes the dict's KeyError on as
    /// `AttributeError: name` (PyObject_GenericSetAttr, 3.6.15, 3.8.18); 3.11+ word it fully.
    public var bareAttributeErrorOnDelete = false
    /// 3.13: setting or deleting a missing attribute of an object without `__dict__` adds
    /// "and no __dict__ for setting new attributes".
    public var noDictReasonInAttributeError = false
    /// 3.8+: `x is 'a'` (a literal) is a compile-time SyntaxWarning (bpo-34850).
    public var warnsIsWithLiteral = true
    /// 3.12+ name the literal's type in that warning ("'str' literal"; before, "a literal").
    public var isWarningNamesLiteralType = false
    /// 3.11+: weakref.ref's type prints as `weakref.ReferenceType` (before, `weakref`).
    public var weakrefTypeName = "weakref.ReferenceType"
    /// weakref.proxy's types (Objects/weakrefobject.c): tp_name "weakref.ProxyType" and
    /// "weakref.CallableProxyType" from 3.11, "weakproxy" and "weakcallableproxy" before
    /// (`type(weakref.proxy(c))` on 3.6.15, 3.8.18, 3.11.7).
    public var weakProxyTypeNames = ("weakref.ProxyType", "weakref.CallableProxyType")
    /// 3.13 (gh-105927): proxy_repr says `<weakproxy at %p; to '%s' at %p>` and, dead,
    /// `<weakproxy at %p; dead>`; before, `<weakproxy at %p to %s at %p>`, which for a dead
    /// proxy names None (`to NoneType at ...`, 3.6.15 to 3.12.1).
    public var weakProxyReprQuotesType = false
    /// 3.13: _weakref.getweakrefs appends each weakref to an empty list (PyList_Append,
    /// over-allocated: `sys.getsizeof` of a two-weakref result is 88 on 3.13.0); before, it
    /// is PyList_New(count), exactly sized (72 on 3.11.7 and 3.12.1).
    public var getweakrefsAppends = false
    /// 3.13.0 (gh-111926): PyObject_ClearWeakRefs packs the weakrefs with callbacks and their
    /// callbacks into a tuple even when there is one (`sys.getrefcount(w)` in a lone
    /// callback is 4 on 3.13.0, 3 on 3.6.15-3.12.1, where one weakref is handled alone).
    public var clearWeakrefsAlwaysPacks = false
    /// 3.11+ (unicodeobject.c): an ASCII str's iterator is `str_ascii_iterator`, any other
    /// str's `str_iterator`; before, all are `str_iterator`.
    public var hasASCIIStrIterator = true
    /// 3.10+ (bpo-42536): dict_itemiterator's reused result tuple is tracked again if the
    /// collector untracked it meanwhile.
    public var retracksReusedItemResult = true
    /// 3.8+ (bpo-19332): a dict iterator that finds an entry after its size's worth raises
    /// "dictionary keys changed during iteration" (same size, other keys).
    public var detectsDictKeysChanged = true
    /// 3.11+: frames live on the interpreter's own stack and get a frame object only when
    /// something asks for one — a traceback does, as an exception leaves each frame — and
    /// PyEval_EvalCode runs a statement's code through a new function object, which the
    /// module frame keeps. So after an exception at the prompt sys.last_traceback keeps a
    /// traceback, a frame and that function: `nope` moves generation 0 by 3 more on 3.11.7.
    /// Before 3.11 every call has a frame object (with free lists; not modelled).
    public var lazyFrameObjects: Bool = false
    /// 3.11: every PRINT_EXPR at the prompt (even of None) raises and clears an
    /// AttributeError inside sys.displayhook: PyImport_GetModule('builtins') checks
    /// `__spec__._initializing` with PyObject_GetAttr, and set_attribute_error_context
    /// normalizes the error, making its args 1-tuple and the instance (3.12 looks the name up
    /// without raising). So after a full collection emptied the free lists `gc.collect()`
    /// leaves a 1-tuple there (`x = gc.collect()` does not; 3.6.15, 3.8.18, 3.12.1 and 3.13.0
    /// leave none either), and the instance, a GC object while it lives, can start a
    /// collection: a loop of `keep.append(Node())` statements reaches threshold 700 one
    /// iteration earlier than `_ = keep.append(Node())` does (3.11.7).
    public var displayhookRaisesAttributeError = false
    /// 3.11+: print's Argument Clinic parser packs the positional arguments into a tuple
    /// (_PyArg_UnpackKeywordsWithVararg) that lives until print returns; taken off the free
    /// list, or new and counted by generation 0 when that list is empty (`gc.collect();
    /// print(1, 2)` counts it on 3.11.7, 3.12.1 and 3.13.0; 3.8.18 parses the stack).
    public var printPacksArguments = false
    /// 3.11: a builtin parsed by a static _PyArg_Parser (print) makes its keyword-name tuple
    /// on the first call and keeps it (3.12+ compile those tuples in; 3.6/3.8 print parses
    /// without one): the first `print()` of a session takes a 4-tuple off the free list.
    public var argumentParsersMakeKeywordTuples = false
    /// The first repr of a non-empty container (Py_ReprEnter) makes the thread state's
    /// "Py_Repr" list and keeps it: objects taken from the free lists, and objects that
    /// generation 0 counts as new (measured: 3.11.7 and 3.12.1 take a list off the free
    /// list and count one more object, 3.6.15 and 3.8.18 count two).
    public var firstReprKeeps = FreeListCounts()
    public var firstReprFreshObjects = 0
    /// 3.13: the prompt's start-up (the _pyrepl import) has made the "Py_Repr" list already;
    /// a script's has not, and its first repr makes it as 3.12's does (`gc.collect(); a =
    /// gc.get_count(); print((1, 2)); gc.get_count()` in a script counts 4 on 3.13.0, 2 at
    /// the prompt).
    public var firstReprMadeByPromptStartup = false
    /// Up to 3.10 a Python function's frame takes its own references to the arguments
    /// (function_code_fastcall / _PyEval_EvalCode copy them with Py_INCREF) while the
    /// caller's value stack keeps its own until the call returns; 3.11's
    /// _PyEvalFramePushAndInit moves the stack's references into the new frame. Measured:
    /// `def f(a): return sys.getrefcount(a)` on a global list is 4 on 3.8.18, 3 on 3.11.7.
    public var callerStackKeepsArguments: Bool = false
    /// 3.10+ (bpo-38530): AttributeError carries `name` and `obj`, so the object stays
    /// referenced by sys.last_value after a failed lookup in the REPL.
    public var attributeErrorKeepsObject: Bool = true

    // MARK: - Instances of classes

    /// Up to 3.10 an instance has a `__dict__` pointer slot (and a `__weakref__` slot) in its
    /// body; its dict is created by the first attribute store (or `obj.__dict__`), sharing
    /// the class's cached keys while instances set the same names in the same order
    /// (_PyObjectDict_SetItem, PEP 412). 3.11+ keep the values in a managed pre-header.
    public var instanceDictSlot: Bool = false

    /// 3.13 (gh-115776, Py_TPFLAGS_INLINE_VALUES): an instance's attribute values are
    /// allocated with the object — `_PyType_AllocNoTrack` adds `_PyInlineValuesSize`, a
    /// prefix of round8(n) bytes plus n + 1 pointers for the n = shared_keys_usable_size slots —
    /// and the class's shared keys start filled with its `__static_attributes__`
    /// (gh-115775), so n settles at their count + 1. Measured on 3.13.0 with the stride of
    /// 3000 live instances: 80 bytes for `class C: pass`, 96 with two `self.x =` attributes.
    /// Before 3.13 the values are a separate PyMem block (not simulated).
    public var instanceInlineValues: Bool
    /// 3.13: the compiler makes every class body store `__firstlineno__` (gh-118465) and
    /// `__static_attributes__` (gh-115775, the names assigned as `self.X` in its methods,
    /// sorted), and _PyDict_NewKeysForClass pre-fills the shared keys with the latter.
    public var classStaticAttributes: Bool = false
    /// 3.13 (PyObject_SetAttr calls _PyObject_SetAttributeErrorContext): an AttributeError
    /// from setting or deleting an attribute also records `name` and `obj`, so the object
    /// stays referenced by sys.last_exc. Before 3.13 only failed lookups do.
    public var attributeErrorContextOnSet: Bool = false

    // MARK: - property (Objects/descrobject.c)

    /// 3.10+ (bpo-44511): a property keeps the name `__set_name__` gave it (prop_name, set
    /// by type_new_set_names and copied by setter/getter/deleter), and a missing accessor's
    /// AttributeError names it and the instance's class: "property 'x' of 'C' object has no
    /// setter" (3.11.7-3.13.0), where 3.6.15 and 3.8.18 say "can't set attribute",
    /// "can't delete attribute", "unreadable attribute".
    public var propertyKeepsName: Bool = true
    /// 3.6's property_descr_get calls the getter through a one-item argument tuple it keeps
    /// in a static (`cached_args`) between calls: made on the first read, never freed, and
    /// holding the instance during the call (`sys.getrefcount(self)` in a getter read at the
    /// prompt is 5 on 3.6.15, 4 on 3.8.18-3.13.0). A nested read, finding the cache taken,
    /// makes a tuple of its own, which becomes the cache; the outer one is then freed.
    public var propertyGetCachesArgumentTuple: Bool = false
    /// 3.12+ specialize a LOAD_ATTR that found a property whose getter is a plain Python
    /// function of one argument (LOAD_ATTR_PROPERTY, specialize.c) on its second execution;
    /// the specialized form moves the instance from the value stack into the getter's frame,
    /// so from then on the getter sees one reference fewer: a getter returning
    /// `sys.getrefcount(self)` read four times in a loop gives 4 3 3 3 on 3.12.1 and 3.13.0,
    /// 4 4 4 4 on 3.11.7.
    public var specializesPropertyLoads: Bool = false
    /// 3.10+ (bpo-43682, bpo-43434): classmethod and staticmethod copy the function's
    /// `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__` into their
    /// own `__dict__` (cm_init's functools_wraps), have `__wrapped__`, show the function in
    /// their repr, and a staticmethod is callable (sm_call). Before, their dict starts empty
    /// and a staticmethod object raises "'staticmethod' object is not callable".
    public var funcWrappersCopyAttributes: Bool = true
    /// 3.8+ (bpo-35810: an instance holds a reference to its heap type, so every heap type
    /// is a GC type): type_new sets Py_TPFLAGS_HAVE_GC on every class. 3.6 sets it only when
    /// the base has it or the class adds slots: `class E: __slots__ = ()` instances are not
    /// GC objects there (`sys.getsizeof(E())` 16 and `gc.is_tracked(E())` False on 3.6.15;
    /// 32 and True on 3.8.18-3.13.0).
    public var heapTypesAlwaysGC: Bool = true
    /// Before 3.10 (descrobject.c member_get → structmember.c PyMember_GetOne) reading a
    /// `__slots__` member that was never set raises `AttributeError('x')`; 3.11+ say
    /// "'S' object has no attribute 'x'" (3.6.15, 3.8.18 vs 3.11.7-3.13.0).
    public var bareAttributeErrorForUnsetSlot: Bool = false
    /// type_new's TypeError for a `__weakref__` slot the class may not add (its base has a
    /// weakref list, or it is listed twice): "__weakref__ slot disallowed: either we already
    /// got one, or __itemsize__ != 0" up to 3.11 (3.6.15, 3.8.18, 3.11.7), "__weakref__ slot
    /// disallowed: we already got one" from 3.12 (3.12.1, 3.13.0).
    public var weakrefSlotErrorMentionsItemsize: Bool = false

    // MARK: - Interpreter start-up

    /// A class the interpreter's own start-up leaves as cyclic garbage ("module.Name"), found
    /// by the first collection. 3.13: site.register_readline imports `_pyrepl.readline`, whose
    /// `@dataclass(slots=True) _ReadlineWrapper` discards its original class (5 GC objects).
    public var startupGarbageClass: String? = nil
    /// The GC-tracked objects start-up leaves that the engine does not model, as phantom
    /// counts (Heap+StartupObjects.swift), for `python -q -i` and for a script. nil: not
    /// measured, and the interpreter refuses whatever would show them (gc.get_objects...).
    /// The counts are scripts/measure/startup-gc-objects.json's less the start-up objects the
    /// engine has made its own since: one, `object.__new__` (SlotTpNew.swift), in the
    /// generation its own start-up objects go to (`engineObjectsGeneration`).
    public var replStartupObjects: StartupObjects? = nil
    public var scriptStartupObjects: StartupObjects? = nil

    // MARK: - Free lists (PyInterpreterState.*_state)

    public var floatFreeListMax: Int
    public var listFreeListMax: Int
    public var dictFreeListMax: Int
    public var dictKeysFreeListMax: Int
    /// PyTuple_NFREELISTS: dead tuples of length 1...tupleFreeListMaxLength are pushed on a
    /// free list per length (up to tupleFreeListMaxSize each), but new tuples are taken
    /// from them only for lengths below it (PyTuple_MAXSAVESIZE): 3.11 pushes length-20
    /// tuples it never reuses.
    public var tupleFreeListMaxLength: Int
    public var tupleFreeListMaxSize: Int
    /// Before 3.11 (PyTuple_MAXSAVESIZE 20 for both push and pop): tuples of the longest
    /// saved length (19) are reused too, and cleared by a full collection.
    public var tupleFreeListReusesLongest = false
    /// Before 3.9 (bpo-37340 removed both): dead builtin-function objects (PyCFunctionObject,
    /// Objects/methodobject.c `free_list`, PyCFunction_MAXFREELIST 256) and bound methods
    /// (PyMethodObject, Objects/classobject.c, PyMethod_MAXFREELIST 256) are kept for reuse,
    /// and a full collection empties both first (clear_freelists). So on 3.8.18 `gc.collect();
    /// print(end='')` counts the `write` method print looks up once, and later prints none.
    public var cfunctionFreeListMax = 0
    /// 3.13 (free-threading rework of listreviter_next): an exhausted list_reverseiterator
    /// whose index ran down to -1 returns at once and keeps its list; before, it drops the
    /// list (`x = [1, 2]; r = reversed(x); list(r); sys.getrefcount(x)` is 3 on 3.13.0, 2 on
    /// 3.12.1).
    public var listReverseIteratorKeepsList = false
    /// How a traceback marks the failing part of each source line it prints (PEP 657):
    /// 3.6 and 3.8 print the line alone; 3.11 and 3.12 underline it with `~` and `^` in
    /// Python/traceback.c; 3.13 formats it in Lib/traceback.py, which also anchors calls,
    /// prints multi-line locations whole and leaves out the carets of `x = f()`.
    public var tracebackCarets: TracebackCarets = .pep657
    /// The Unicode database of `unicodedata` (3.11.7: 14.0.0, 3.12.1: 15.0.0, 3.13.0:
    /// 15.1.0), whose East Asian widths place a traceback's carets under wide characters.
    public var unicodeDatabase: UnicodeDatabase = .v14_0_0
    /// 3.6's compiler_visit_expr only ever raises the line it emits at (`if (e->lineno >
    /// c->u->u_lineno)`), within a statement: `f(1,\n  1/0)` fails on line 2 as on 3.8+,
    /// but `(d[\n "k"\n])` on line 2 where 3.8 says line 1.
    public var linesOnlyIncrease = false
    /// 3.6: unpacking a non-iterable fails as iter() does (`a, b = 1`: "'int' object is not
    /// iterable"); 3.8+ say "cannot unpack non-iterable int object".
    public var unpackErrorSaysNotIterable = false
    /// CALL_FUNCTION_EX (`f(*a, **k)`) is modelled (3.11+; ceval.c: the argument tuple and
    /// dict stay on the stack through PyObject_Call, _PyStack_UnpackDict's array and kwnames
    /// tuple live for the call; but see `callFunctionExPushesFrame`). 3.6 and 3.8 build them
    /// with BUILD_*_UNPACK_WITH_CALL (`callArgumentsUnpackWithCall`) and call through
    /// function_call (`callFunctionExThroughFunctionCall`) / PyVectorcall_Call.
    public var callFunctionExModelled = false
    /// 3.6: CALL_FUNCTION_EX calls through do_call_core → PyObject_Call (one recursion
    /// level of its own), and a Python function's tp_call is function_call
    /// (Objects/funcobject.c at v3.6.15): a keyword dict, even an empty one, becomes a new
    /// tuple `(k1, v1, k2, v2, ...)` holding references to the keys and values (the empty
    /// tuple when the dict is empty) for _PyEval_EvalCodeWithName, released after the call;
    /// the positional arguments stay the tuple's. A bound method goes through method_call
    /// → _PyObject_Call_Prepend (self and up to four arguments in a C stack array) →
    /// _PyFunction_FastCallDict, which makes that tuple only for a non-empty dict. No
    /// vectorcall array (3.8's _PyStack_UnpackDict) is made.
    public var callFunctionExThroughFunctionCall = false
    /// 3.12+: CALL_FUNCTION_EX of an exact Python function pushes its frame
    /// (_PyEvalFramePushAndInit_Ex), which takes the stack's reference to the function and
    /// releases the argument tuple and dict before the body runs.
    public var callFunctionExPushesFrame = false
    /// 3.6 and 3.8: a call with `*` or `**` builds its tuple and dict with
    /// BUILD_TUPLE_UNPACK_WITH_CALL / BUILD_MAP_UNPACK_WITH_CALL (a lone `*x` or `**x`
    /// passed as it is), and CALL_FUNCTION_EX calls through PyObject_Call.
    public var callArgumentsUnpackWithCall = false
    /// `[*a, b]`, `(*a,)`, `{*a}` and `{**d}` are modelled: 3.9+ build them with BUILD_LIST /
    /// LIST_EXTEND / LIST_APPEND (LIST_TO_TUPLE for a tuple), BUILD_SET / SET_UPDATE / SET_ADD
    /// and BUILD_MAP / DICT_UPDATE (compile.c starunpack_helper, compiler_dict). 3.6 and 3.8's
    /// BUILD_*_UNPACK (a tuple per run of plain items, then one new container extended by
    /// each) are not modelled.
    public var displayUnpackingModelled = false
    /// compile.c's STACK_USE_GUIDELINE (3.10+: 30): a display of more items is built
    /// piecewise (BUILD_LIST 0 then LIST_APPEND each, so `[a, b, ...]` of 33 names is
    /// over-allocated as appends grow it), a dict display in runs of at most 17 entries
    /// merged with DICT_UPDATE, and a call with more arguments goes through CALL_FUNCTION_EX.
    /// nil before 3.10: one BUILD_* of all the items.
    public var stackUseGuideline: Int? = nil
    /// `yield from` is modelled: 3.11+'s SEND (PyIter_Send: a generator's return value comes
    /// back without a StopIteration object). 3.6 and 3.8's YIELD_FROM sets StopIteration,
    /// which is instantiated when the value is a tuple or while an exception is handled: not
    /// modelled.
    public var yieldFromModelled = false
    /// The argument-binding errors name the function's qualname (3.11 initialize_locals
    /// formats func_qualname): "d.<locals>.w() missing 1 required positional argument: 'a'";
    /// 3.6 and 3.8 name co_name ("w() missing ..."). Measured on 3.8.18 and 3.11.7.
    public var bindingErrorsNameQualname = true
    /// 3.6: the first `import weakref` imports `collections`, whose pure-Python OrderedDict
    /// class is replaced by the C one and left as cyclic garbage (35 objects), unless one of
    /// the import's automatic collections already took some or all of it: the next
    /// `gc.collect()` at a fresh prompt returns 35, after 100 or 300 allocations 0, after 500
    /// again 35 (3.6.15; as a script 35, 35, 28, 33). The engine does not model that import,
    /// so what such a collection finds is not known.
    public var weakrefImportLeavesGarbage = false
    /// 3.13: a script whose compilation warns (`x is 'a'`, `"\\d"`) shows the warning with
    /// its source line through Python code that leaves cyclic garbage: the script's first
    /// `gc.collect()` returns 19 more than the engine's garbage (3.13.0; 3.12.1 and the
    /// REPL: none). The engine does not model it, so such a collection is refused.
    public var scriptWarningLeavesGarbage = false
    /// 3.6, 3.8, 3.12: `weakref` is not loaded at start-up, and its first import runs
    /// Lib/weakref.py (and `collections`): hundreds of GC allocations and, from some counts,
    /// automatic collections (`import gc; import weakref`: (95, 11, 0) → (666, 1, 1) on 3.6.15,
    /// (510, 9, 0) → (415, 10, 0) on 3.8.18, (27, 2, 1) → (408, 2, 1) on 3.12.1; 3.11.7 and
    /// 3.13.0 have it loaded). The engine's weakref is built in, so after that import the
    /// count, and when the next collection runs, are not known.
    public var weakrefImportUnmodelled = false
    /// The same for `python3 FILE`, whose start-up loads `weakref` on 3.11.7 only (3.13.0's
    /// REPL loads it, its scripts do not). With collection disabled, the first import leaves
    /// 73 unreachable objects on 3.6.15, 0 on 3.8.18, 7 on 3.12.1 and 3.13.0.
    public var scriptWeakrefImportUnmodelled = false
    public var scriptWeakrefImportLeavesGarbage = false
    /// 3.11+ (update_start_location_to_match_attr): an attribute spanning lines is located
    /// at its name: `(x\n  .foo)` fails on line 2, at `foo` (3.8: line 1, where `x` is).
    public var attributeLocatedAtName = true
    /// Where a failed `assert` points: its test (3.11.7, 3.13.0: `^^^^^^` under `1 == 2`) or
    /// the statement (3.12.1: no carets).
    public var assertLocatedAtTest = true
    /// 3.13: a `for` loop's GET_ITER is located at the iterable (`for i in 5:` underlines
    /// `5`); before, at the statement.
    public var getIterLocatedAtIterable = false
    /// 3.11+: the call applying a decorator is located at the decorator (`@deco` underlined);
    /// 3.8 reports the `def` line.
    public var decoratorCallsLocatedAtDecorator = true
    /// 3.6 (ast before bpo-33211): a decorated def or class starts at its first decorator, so
    /// its instructions report that line.
    public var decoratedStatementAtFirstDecorator = false
    /// Before 3.11 each binary opcode had its own case in ceval.c, and BINARY_SUBTRACT and
    /// BINARY_MODULO released the right operand first; 3.11's BINARY_OP (bpo-45636) releases
    /// the left first for every operator (`Corpus/identity/operand_release_order`).
    public var subtractAndModuloReleaseRightFirst = false
    public var methodFreeListMax = 0
    /// Lengths whose free list feeds new tuples (clear_freelists empties every length's).
    var tupleFreeListReusedLengths: ClosedRange<Int> {
        1...(tupleFreeListReusesLongest ? tupleFreeListMaxLength : tupleFreeListMaxLength - 1)
    }

    // MARK: - Cyclic GC (Modules/gcmodule.c)

    /// gc.freeze / gc.unfreeze / gc.get_freeze_count (3.7+, bpo-31558); 3.6 has no such attributes.
    public var gcHasFreeze: Bool = true
    /// Before 3.9 (bpo-38379's handle_resurrected_objects) a finalizer that resurrected any
    /// object of the unreachable set keeps the whole set alive (check_garbage): nothing is
    /// cleared and the set moves to the older generation. The gc docs' Lazarus in a cycle
    /// with a list: `gc.collect()` is 0 on 3.8.18 and 2 on 3.6.15, then the next one 1
    /// (1 then 0 on 3.11.7).
    public var gcResurrectionKeepsAllGarbage = false
    /// 3.6 counts the unreachable set as collected before its finalizers run (so a set
    /// kept by check_garbage still counts); 3.8 counts only what delete_garbage gets.
    public var gcCountsGarbageBeforeFinalizers = false

    public var gcThresholds: (Int, Int, Int) {
        get { (gcThreshold0, gcThreshold1, gcThreshold2) }
        set { (gcThreshold0, gcThreshold1, gcThreshold2) = newValue }
    }
    public var gcThreshold0: Int
    public var gcThreshold1: Int
    public var gcThreshold2: Int

    // MARK: - Objects: type layouts and container rules (Sources/HeapEngine/Objects)
    // [objects block — added by the Objects helper; kept separate from the allocator fields]

    /// tp_basicsize/tp_itemsize/GC of each builtin type, the PEP 393, dict-keys and set-table
    /// layouts, and the container growth constants (see `ObjectLayouts`, TypeLayouts.swift).
    /// Defaults to CPython 3.11's values (Profile+CPython311.swift); a profile for another
    /// version assigns its own `ObjectLayouts` value.
    public var objects: ObjectLayouts = .cpython311

    /// The free lists when the REPL reads its first statement: what start-up (site, readline,
    /// the interactive loop) left on them, as `sys._debugmallocstats()` prints it in the first
    /// statement of `python -q -i`. Objects taken from a free list are not counted by the
    /// collector, so these decide how fast generation 0 fills at first.
    public var replStartupFreeLists = FreeListCounts()
    /// What the first `import gc` (importlib's `_find_and_load` of the builtin module) does
    /// to the free lists besides making the module: objects it leaves alive (`keeps`, taken
    /// from the free lists) and objects it made fresh and freed, so the lists end up longer
    /// (`adds`). Measured as the free-list change `import gc` causes on CPython, by
    /// `sys._debugmallocstats()` before and after it (scripts/measure/free-lists.py).
    public var gcImportKeeps = FreeListCounts()
    public var gcImportAdds = FreeListCounts()
    /// The GC objects the first `import gc` makes and keeps (the module's builtin functions,
    /// its spec, importlib's records), which generation 0 counts. Measured by when the first
    /// automatic collection comes in a session with and without an early `import gc` (a
    /// cyclic object with a `__del__` that prints, then one new object per statement): on
    /// 3.11.7 it comes 21 statements sooner with the import, on 3.8.18 24.
    public var gcImportCountedObjects = 0
    /// The generation `__main__`'s dict is in at the first prompt (`[g for g in (0, 1, 2) if
    /// any(o is globals() for o in gc.get_objects(g))]`: [2] on 3.11.7 and 3.12.1, [1] on
    /// 3.8.18 and 3.13.0). A collection walks it before the objects typed since, so at
    /// shutdown the finalizers run in the collector's list order (`v3 = C1()`,
    /// `gc.collect(0)`, `v6 = C2()`, `gc.collect()`: C2's `__del__` first on 3.11.7).
    public var mainDictGeneration = 2
    /// 3.13: the REPL keeps each statement's source lines in linecache.cache (a tuple and a
    /// list per statement, never freed): `x = 1` then `gc.get_count()` moves count0 by 2-3
    /// on 3.13.0, by 0-1 on 3.12.1.
    public var replCachesSourceLines = false
    /// 3.11: while a statement (a script: the whole file) runs, CPython's PEG parser arena
    /// holds a context-dependent number of references to each small-int literal of it
    /// (3.11.7: `sys.getrefcount(7)` is one more than one arena reference per literal,
    /// `[7, sys.getrefcount(7)]` three more). Where the parse is known
    /// (`pegParserNumberObjects`), the ints are modelled; the count of any other shared object
    /// that is a literal of the running code is refused (`Heap.runningLiterals`), and so is
    /// every one where the parse is not known. 3.6 and 3.8 (one reference per literal, no
    /// backtracking parser) are modelled; from 3.12 the objects are immortal.
    public var parserArenaLiteralsVary = false
    /// CPython's PEG parser (3.9+) makes a number literal's object once per run of its `atom`
    /// rule on the token: 2 to 4 times (HeapScript's `NumberTokenParses`), each kept by the
    /// arena. Set where it shows (3.11: small ints are mortal); from 3.12 they are immortal and
    /// the other numbers' extra objects are only garbage the arena keeps.
    public var pegParserNumberObjects = false
    /// The free-listed objects compiling one statement holds until it finishes (the compiler's
    /// and symtable's dicts and lists, and tuples besides the code objects' own and their
    /// constant keys, which the compiler makes itself). Measured as the free lists refilled by
    /// `sys._debugmallocstats()` in the statement after a full `gc.collect()` (which empties
    /// them), then fitted against generation-0 counts (scripts/measure/compile-counts.py):
    /// `gc.collect()` then `gc.get_count()` shows (21, 0, 0) on 3.11.7 and in the engine.
    public var compileWorkingSet = FreeListCounts()
    /// The part of it made before symtable_analyze runs (`symtableAnalysisSets`): the
    /// compiler's constant cache and unit stack (compiler_init), the symtable's block dict and
    /// stack and the module entry's symbols, names and children (3.11 compile.c and
    /// symtable.c: 3 dicts and 4 lists); the rest (the module unit's dicts) is made after.
    public var symtableWorkingSet = FreeListCounts()
    /// What each nested code unit (a function, class body or comprehension) adds to it,
    /// besides its symtable entry's dict and two lists (ste_new, the same in every version;
    /// `Compiler.symtableEntry`, made with the symtable): its compiler unit's dicts and
    /// tuples. Measured the same way after `def f(a): return a`, a list comprehension and a class
    /// (15 more objects each on 3.11.7, which is why the first `def` after a `gc.collect()`
    /// moves generation 0 by 16 instead of 3).
    public var compileUnitWorkingSet = FreeListCounts()
    /// What a function's (or comprehension's) compiler unit holds only until its code
    /// object is made; its siblings reuse them (fitted with scripts/measure/free-lists.py:
    /// on 3.11.7 a class with one method leaves 2 more dicts on the free list than with
    /// everything held to the end, a class with two methods 3 fewer).
    public var compileUnitStackedSet = FreeListCounts()
    /// The same for a class body, which needs fewer (no fast locals).
    public var compileClassBodyWorkingSet = FreeListCounts()

    /// `gc.get_count()` when the REPL reads its first statement: the collector's counts
    /// left by start-up (site, readline, the interactive loop). They decide when the
    /// session's first automatic collection happens. Measured with `python -q -i`.
    public var replStartupGCCounts: [Int] = [0, 0, 0]
    /// How many GC objects the engine's model of the compiler may be off by, per statement, per
    /// nested function or class body it compiles, and per uncaught exception the REPL prints
    /// (Heap+CountCertainty.swift); nil: the model is exact. Set from
    /// `scripts/measure/compile-counts.py`'s differences per probe plus a margin of two (3.8.18:
    /// `pass` +3, a def +5, a class with `__init__` and `__del__` +12; 3.13.0: a NameError's
    /// traceback, printed by Python code, −20). 3.11's is nil: its model was fitted until
    /// 2 × 10,000 fuzz programs agreed on when every automatic collection runs.
    public var compileCountError: CompileCountError? = nil
    /// An upper bound of generation 0's count when a script's first line runs
    /// (Heap+CountCertainty.swift, `Heap.startWithBoundedCount`); nil: none is claimed
    /// (3.12: start-up leaves the count at 690 of 700, and the collection an allocation asks
    /// for during the compilation runs at the first eval-breaker check).
    public var scriptCountBound: ScriptCountBound? = nil
    /// Before 3.9 no builtin type has vectorcall (bpo-37207): calling one goes through
    /// tp_call, which packs the arguments into a tuple (`_PyStack_AsTuple`) and the keywords
    /// into a dict for the duration of the call, off the free lists or new and counted when a
    /// full collection emptied them (`gc.collect(); x = list(range(3)); gc.get_count()` is 2
    /// on 3.8.18, 1 on 3.11.7).
    public var typeCallPacksArguments = false
    /// Before 3.9 a builtin function called with keywords may pack them into a dict or make
    /// its argument parser's keyword tuple on first use, and on 3.6 (METH_VARARGS) one
    /// called with any argument packs them into a tuple; the engine does not model which
    /// builtin does which, so each such call leaves the count within this many objects of
    /// CPython's (`sorted([2, 1], reverse=True)` after `gc.collect()` counts 3 more objects on
    /// 3.6.15 than on 3.11.7, `print(1, end='')` 3 more).
    public var builtinKeywordCallCountError = 0
    /// 3.6: PyFile_WriteObject packs its argument into a tuple to call `write` (3.8+ call it
    /// with a vector), and TextIOWrapper.write keeps pending bytes in a list (3.8+: the
    /// bytes object itself while there is one).
    public var fileWritePacksArguments = false
    public var builtinPositionalCallCountError = 0
    /// 3.6's class statement: builtin___build_class__ is METH_VARARGS (the call packs
    /// (func, name, *bases) into a tuple held until it returns), calls `__prepare__` with
    /// PyTuple_Pack(2, name, bases), and type_new's mro_implementation merges lists (a list
    /// of the n + 1 sequences to merge, each base's MRO as a list, the bases as a list, the
    /// result), freed once the MRO tuple is made; 3.7 made __build_class__ METH_FASTCALL and
    /// 3.7's mro_implementation has a fast path for one base (and merges C arrays). Measured:
    /// `class C: pass` in a function right after `gc.collect()` counts 19 objects on 3.6.15,
    /// 14 on 3.8.18.
    public var buildClassMakesTemporaries = false
    /// tp_subclasses before 3.11: add_subclass makes the base's dict first (then the key and
    /// the weakref), and remove_subclass leaves it behind when its last entry goes. 3.11
    /// (bpo-46417) makes the key and the weakref first and frees the emptied dict. Measured:
    /// `class C(A): pass` in a function right after `gc.collect()`, A a class, counts one more
    /// object each time on 3.11.7-3.13.0 (the dict is new each time), only the first time on
    /// 3.6.15 and 3.8.18.
    public var subclassesKeptWhenEmpty = false
    /// The identifier-like strs start-up has interned (StartupInterned+Data.swift, measured at
    /// `python3 -q -i`'s first prompt by scripts/measure/startup_interned.py), separated by
    /// whitespace. A program's constant or name equal to one of them is start-up's object,
    /// with references the engine does not know: `x = 'bound'; sys.getrefcount(x)` is 7 on
    /// 3.11.7 and 2 on 3.8.18 ('bound' is not among 3.8's).
    public var startupInternedNames = ""
    /// The same when `python3 FILE` starts running the file (no site REPL set-up), measured
    /// as `import gc; print(gc.get_count())` in a file less the engine's `import gc`.
    public var scriptStartupGCCounts: [Int] = [0, 0, 0]
    /// What start-up's collections left in `gc.get_stats()`, per generation (collections,
    /// collected, uncollectable), flattened: `python3 -q -i`, then `import gc`. The same under
    /// every PYTHONHASHSEED tried (1, 2, 3).
    public var replStartupGCStats: [Int] = Array(repeating: 0, count: 9)

    // MARK: - Interpreter

    public var recursionLimit: Int
    /// PyTrash_UNWIND_LEVEL (Include/object.h, Include/cpython/object.h: 50 in 3.6 to 3.12):
    /// deallocations nested this deep through the trashcan are deferred (`Heap.dealloc`).
    /// Checked against 3.6.15 to 3.12.1 by the addresses reused after freeing 120 and 160
    /// nested lists (LimitTests).
    public var trashcanUnwindLevel = 50
    /// 3.8+: Py_TRASHCAN_BEGIN(op, dealloc) applies only when Py_TYPE(op)->tp_dealloc is
    /// `dealloc`, so dict_dealloc called by defdict_dealloc does not defer (3.6's
    /// Py_TRASHCAN_SAFE_BEGIN always does): a million nested defaultdicts freed at once
    /// crash 3.8.18-3.13.0 and not 3.6.15.
    public var trashcanChecksDealloc = true
    /// Before 3.9 subtype_dealloc raises the trashcan nesting around its own
    /// Py_TRASHCAN_SAFE_BEGIN (`++trash_delete_nesting` before, `--` after, and again around
    /// Py_TRASHCAN_SAFE_END), and 3.6's list/tuple/dict deallocators enter the trashcan again
    /// for a subclass instance (3.8's Py_TRASHCAN_BEGIN skips them when tp_dealloc is not
    /// theirs). The engine does not model where that puts the deferral in a deep chain of
    /// heap-type instances: a chain of 80 `class L(list)` instances with `__del__` is deferred
    /// after 25 on 3.6.15, and a chain of plain instances one level off the engine's on 3.6.15
    /// and 3.8.18. Such a chain is refused there (`Heap.dealloc`).
    public var subtypeDeallocTrashcanUnmodelled = false

    // MARK: - Parser nesting (Parser/pegen.h MAXSTACK; Parser/parser.h MAXSTACK before 3.9)

    /// The SyntaxError texts the engine's parser reports are those of the PEG parser and its
    /// 3.10+ tokenizer (`invalid decimal literal`, `'(' was never closed`, "Perhaps you forgot
    /// a comma?"), as 3.11.7, 3.12.1 and 3.13.0 print them. Before 3.9 the LL(1) parser says
    /// "invalid syntax" with its own caret (3.8.18: `1 if 2` → caret under the end, 3.6.15:
    /// `0777` → "invalid token"), so there a syntax error is refused, not reported in a later
    /// version's words.
    public var pegSyntaxErrors = true

    /// A conservative model of the parser's own stack, so that the engine never accepts source
    /// CPython rejects as too deeply nested (MemoryError "Parser stack overflowed", or 3.6/3.8's
    /// "s_push: parser stack overflow"). Each nested expression costs `parserNestingCost`
    /// entries, each open bracket `parserBracketCost` more; beyond `parserStackBudget` the
    /// parser refuses. Fitted from bisections of `compile(src, '<stdin>', 'single')`, rounded
    /// up per level: 3.11.7 fails at 2985 nested `lambda:` (pegen MAXSTACK 6000, ~2.01 per
    /// level) and at 200 parentheses + 194 lambdas (~28.1 per parenthesis); 3.6.15 at 93
    /// parentheses, 88 calls, 741 lambdas (parser.h MAXSTACK 1500, ~17 per bracket), 3.8.18
    /// at 99, 99, 841. The budget keeps a margin for the statement rules below the expression.
    /// Invariant (3.9+): 200 brackets fit, so the tokenizer's MAXLEVEL error at the 201st
    /// ("too many nested parentheses") is reported as CPython reports it.
    public var parserStackBudget = 5800
    public var parserNestingCost = 2
    public var parserBracketCost = 27

    // MARK: - int <-> str (Objects/longobject.c, gh-95778 / CVE-2020-10735)

    /// sys.get_int_max_str_digits() at start-up (_PY_LONG_DEFAULT_MAX_STR_DIGITS 4300; in
    /// 3.11+ and backported to 3.8.14): decimal conversions of longer ints raise ValueError
    /// and longer literals are a SyntaxError. nil where CPython has no limit (3.6.15).
    public var intMaxStrDigits: Int? = 4300
    /// How the messages name the limit: "(4300 digits)" from 3.11.0 on, "(4300)" in the
    /// 3.8 backport (3.8.18: "Exceeds the limit (4300) for integer string conversion").
    public var intMaxStrDigitsUnit = " digits"

    // MARK: - Slots of user classes (typeobject.c)

    /// slot_sq_length: 3.8+ turn `__len__`'s result into an int first (_PyNumber_Index) and
    /// raise "__len__() should return >= 0" for any negative int; 3.6 goes straight to
    /// PyNumber_AsSsize_t, so a negative int beyond ssize_t raises its OverflowError
    /// ("cannot fit 'int' into an index-sized integer"; measured `-2**70` on 3.6.15, 3.8.18).
    public var lengthSignCheckedBeforeSize: Bool = true
    /// 3.12+ compile `a or b` / `a and b` as COPY 1 + POP_JUMP_IF_TRUE/FALSE (3.11 and
    /// before: JUMP_IF_TRUE_OR_POP): the operand is on the stack twice while its truth is
    /// tested, which a user `__bool__` sees (`sys.getrefcount(self)` is 4 for `B() or 1`
    /// on 3.12.1 and 3.13.0, 3 on 3.11.7).
    public var boolOpCopiesOperand: Bool = false
    /// 3.6's PyObject_GetItem tries the sequence methods (tp_as_sequence) of a type that has
    /// them for an int key, so `A()[1]` without `__getitem__`, `{1}[0]` and `d.keys()[0]` raise
    /// "'A' object does not support indexing" there (3.6.15), "... is not subscriptable" on
    /// 3.8.18+.
    public var heapTypeSubscriptSaysIndexing: Bool = false
    /// 3.12 (gh-101264) made slices hashable (slicehash: tuplehash's algorithm over start,
    /// stop, step); before, `hash(slice(1, 2))` raises "unhashable type: 'slice'" (3.11.7).
    public var slicesAreHashable: Bool = false
    /// 3.6's ceval call_function does Py_INCREF(func) for a callable that is not a bound
    /// method, held while it is called (`sys.getrefcount(self)` in `__call__` of a named
    /// instance: 6 on 3.6.15, 5 on 3.8.18); 3.7+ call through the stack's reference.
    public var callFunctionHoldsCallable: Bool = false

    public init(
        version: String, referenceVersion: String, major: Int, minor: Int,
        alignment: Int, smallRequestThreshold: Int, poolSize: Int, arenaSize: Int,
        poolOverhead: Int, arenaBaseAddress: UInt64, mallocBaseAddress: UInt64,
        staticBaseAddress: UInt64, gcHeaderSize: Int, longDigitBits: Int, longDigitSize: Int,
        smallIntMin: Int, smallIntMax: Int, immortalRefcount: Int?,
        floatFreeListMax: Int, listFreeListMax: Int, dictFreeListMax: Int,
        dictKeysFreeListMax: Int, tupleFreeListMaxLength: Int, tupleFreeListMaxSize: Int,
        gcThreshold0: Int, gcThreshold1: Int, gcThreshold2: Int, recursionLimit: Int,
        internedStringsImmortal: Bool = false, gcCollectsOnEvalBreaker: Bool = false,
        instanceInlineValues: Bool = false,
        pointerSize: Int = 8, systemPageSize: Int = 4096, initialArenaObjects: Int = 16,
        obmallocRadixTree: Bool = true, obmallocKeepsLastFreeArena: Bool = true,
        arenaMmapSkew: Int = 0, mallocSizeSz: Int = 8, mallocAlignment: Int = 16,
        mallocMinChunk: Int = 32, tcacheMaxChunk: Int = 1040, tcacheCount: Int = 7
    ) {
        self.version = version; self.referenceVersion = referenceVersion
        self.major = major; self.minor = minor
        self.alignment = alignment; self.smallRequestThreshold = smallRequestThreshold
        self.poolSize = poolSize; self.arenaSize = arenaSize; self.poolOverhead = poolOverhead
        self.arenaBaseAddress = arenaBaseAddress; self.mallocBaseAddress = mallocBaseAddress
        self.staticBaseAddress = staticBaseAddress
        self.pointerSize = pointerSize; self.systemPageSize = systemPageSize
        self.initialArenaObjects = initialArenaObjects; self.obmallocRadixTree = obmallocRadixTree
        self.obmallocKeepsLastFreeArena = obmallocKeepsLastFreeArena
        self.arenaMmapSkew = arenaMmapSkew
        self.mallocSizeSz = mallocSizeSz; self.mallocAlignment = mallocAlignment
        self.mallocMinChunk = mallocMinChunk; self.tcacheMaxChunk = tcacheMaxChunk
        self.tcacheCount = tcacheCount
        self.gcHeaderSize = gcHeaderSize; self.longDigitBits = longDigitBits
        self.longDigitSize = longDigitSize
        self.smallIntMin = smallIntMin; self.smallIntMax = smallIntMax
        self.immortalRefcount = immortalRefcount
        self.internedStringsImmortal = internedStringsImmortal
        self.gcCollectsOnEvalBreaker = gcCollectsOnEvalBreaker
        self.instanceInlineValues = instanceInlineValues
        self.floatFreeListMax = floatFreeListMax; self.listFreeListMax = listFreeListMax
        self.dictFreeListMax = dictFreeListMax; self.dictKeysFreeListMax = dictKeysFreeListMax
        self.tupleFreeListMaxLength = tupleFreeListMaxLength
        self.tupleFreeListMaxSize = tupleFreeListMaxSize
        self.gcThreshold0 = gcThreshold0; self.gcThreshold1 = gcThreshold1
        self.gcThreshold2 = gcThreshold2
        self.recursionLimit = recursionLimit
    }

    /// Number of size classes: smallRequestThreshold / alignment.
    public var sizeClassCount: Int { smallRequestThreshold / alignment }
    public var poolsPerArena: Int { arenaSize / poolSize }

    public static func == (a: Profile, b: Profile) -> Bool { a.version == b.version }
}

/// Objects by free-listed kind (see `Profile.replStartupFreeLists`, `Profile.compileWorkingSet`).
public struct FreeListCounts: Sendable {
    public var floats = 0, lists = 0, dicts = 0
    /// By tuple length: `tuples[n]` tuples of length n (index 0 unused).
    public var tuples: [Int] = []
    public init(floats: Int = 0, lists: Int = 0, dicts: Int = 0, tuples: [Int] = []) {
        self.floats = floats; self.lists = lists; self.dicts = dicts; self.tuples = tuples
    }

    /// One tuple of length `n`.
    public static func tuple(length n: Int) -> FreeListCounts {
        FreeListCounts(tuples: Array(repeating: 0, count: n) + [1])
    }
}

extension Profile {
    /// Every profile heapbook knows, oldest first.
    public static let all: [Profile] = [.cpython36, .cpython38, .cpython311, .cpython312, .cpython313]

    /// The profile `--python` selects when none is given.
    public static let `default`: Profile = .cpython311

    /// Looks a profile up by "3.11" (also accepts "311" and "cpython3.11").
    public static func named(_ name: String) -> Profile? {
        var key = Substring(name)
        for prefix in ["cpython", "python"] where key.hasPrefix(prefix) { key = key.dropFirst(prefix.count) }
        return all.first { $0.version == key || $0.version.filter { $0 != "." } == key }
    }
}

/// `Profile.compileCountError`: bounds on how far the engine's generation-0 count may be from
/// CPython's after compiling a statement.
public struct CompileCountError: Sendable, Equatable {
    public var statement: Int
    public var function: Int
    public var classBody: Int
    public var uncaughtError: Int
    public init(statement: Int, function: Int, classBody: Int, uncaughtError: Int) {
        self.statement = statement; self.function = function; self.classBody = classBody
        self.uncaughtError = uncaughtError
    }
}

/// `Profile.scriptCountBound`: generation 0's count when a script's first line runs is at most
/// `startup + perUnit × code units + perKeyNode × constant key nodes + source bytes / 2`
/// (the argument and its measurements: Heap+CountCertainty.swift and
/// `scripts/measure/script-count-bound.py`).
public struct ScriptCountBound: Sendable, Equatable {
    public var startup: Int
    public var perUnit: Int
    public var perKeyNode: Int
    public init(startup: Int, perUnit: Int = 16, perKeyNode: Int = 8) {
        self.startup = startup; self.perUnit = perUnit; self.perKeyNode = perKeyNode
    }

    /// The bound for a file of `bytes` bytes whose compilation made `units` code units and
    /// constants of `keyNodes` key nodes (`Compiler.constantKeyNodes`).
    public func bound(bytes: Int, units: Int, keyNodes: Int) -> Int {
        startup + perUnit * units + perKeyNode * keyNodes + bytes / 2
    }
}

/// The traceback formats of `Profile.tracebackCarets`.
public enum TracebackCarets: Sendable {
    /// No column information: the source line alone (3.6, 3.8).
    case none
    /// Python/traceback.c's tb_displayline (3.11, 3.12).
    case pep657
    /// Lib/traceback.py's StackSummary.format_frame_summary (3.13).
    case pep657Anchored
}

/// The Unicode databases of the profiles' `unicodedata` modules.
public enum UnicodeDatabase: Sendable {
    case v14_0_0, v15_0_0, v15_1_0
}
