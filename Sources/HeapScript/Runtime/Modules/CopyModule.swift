import HeapEngine
import BigInt

// Lib/copy.py: copy.copy and copy.deepcopy.
//
// The module is Python in CPython, and so it is here: `import copy` compiles and runs the
// functions of Lib/copy.py at the profile's tag (v3.6.15, v3.8.18, v3.11.7, v3.12.1, v3.13.0)
// with the engine's own compiler and evaluator, so that a copy's objects are made as
// CPython's bytecode makes them: the memo dict and its id() keys, `y = []` grown by
// `append` (a deep-copied list's allocated size is not the original's), the bound method
// `append`, the `_keep_alive` list stored under id(memo), the KeyError `_keep_alive`
// catches, the comprehension list of `_deepcopy_tuple`, the frames (objects before 3.11).
//
// What the engine does not have is replaced, never approximated:
// - the `__reduce_ex__(4)` path: `_reconstruct` is copy.py's own, copyreg's `__newobj__` and
//   `_slotnames` are stand-ins and object.__reduce_ex__ is native (CopyregReduce.swift),
//   for instances of plain classes only (all three renamed `_hb_...`: CPython's copy has
//   `_reconstruct` and neither of copyreg's names, and the surface refuses the first); every other object reaching it (sets, bytearrays,
//   bound methods, slices, slotted instances...) is refused there (`_hb_getattr`,
//   `refusePlainInstanceReduce`). `_reconstruct(x, None, *rv)` and `func(*args)` are
//   CALL_FUNCTION_EX, modelled on 3.11 only: on 3.6, 3.8, 3.12 and 3.13 copying an
//   instance is refused there (`f(*args, **kwargs)`);
// - `types.X` are spelled `type(None)`, `type(len)`...; the dispatch tables lack the types
//   the engine has no objects of (complex, code, slice, types.MethodType), and bytearray
//   (whose copies are refused before the tables are read: no `__copy__` lookup), and are
//   renamed (`_hb_copy_dispatch`), so that `copy._deepcopy_dispatch`, `copy.dispatch_table`
//   and every other name of CPython's module the engine does not define are refused by
//   the recorded surface instead of answered with other contents; `id` is `_hb_id`
//   (`isCopyStandInAttribute`);
// - the docstrings, `__all__` and `Error`/`error` are left out (refused likewise): the
//   engine's subset has no subclasses of builtin exceptions, and copy.py raises Error only
//   for an object without `__reduce_ex__` and `__reduce__`, which the engine has none of.
//
// The import itself is not modelled object for object (Lib/copy.py's code objects, types,
// weakref, copyreg, and what the import system allocates): see `noteCopyImport`.
extension Interpreter {
    /// The file name the module's code carries (`co_filename`); an exception leaving one of
    /// its frames is refused (`Interpreter.callFunction`): CPython's traceback would show the
    /// installed Lib/copy.py's path and lines.
    static let copyModuleFile = "<heapbook: Lib/copy.py>"

    /// The first `import copy`: runs the stand-in in the module's dict `d` (registered in
    /// `modules` already), then declares what it did not model (`noteCopyImport`).
    ///
    /// At 3.13.0's prompt copy is already loaded (site's _pyrepl imports it: `'copy' in
    /// sys.modules` is True at `python3.13 -q -i`'s first prompt, False in a script and on
    /// 3.6.15-3.12.1 either way), so CPython's import allocates nothing: the stand-in's own
    /// objects then neither count in generation 0 nor start a collection.
    func importCopyModule(_ d: ObjectRef) throws {
        // Preloaded: Interpreter.importModule gives the count back (`modulePreloadedByStartup`).
        defer { noteCopyImport(preloaded: modulePreloadedByStartup("copy")) }
        try defineCopyModule(d)
    }

    private func defineCopyModule(_ d: ObjectRef) throws {
        try dictSet(d, name("__builtins__"), builtinsDict)
        // builtins.id without `unknownBlockSizes`' refusal: the ids are only memo keys, compared
        // with the ids of objects alive at the same time.
        defineFunction(in: d, "_hb_id", module: "copy") { i, _, args, _ in
            try i.makeInt(BigInt(i.heap.address[Int(args[0])]))
        }
        // 3.11.7: a frame that called a Python function and then catches an exception ends
        // with one GC object more in generation 0 than the engine counts (`def f(m):\n y =
        // g()\n try: m[5]\n except KeyError: pass`, then `gc.collect(); f({});
        // gc.get_count()`: (3, 0, 0) in CPython, (2, 0, 0) in the engine; not found yet where).
        // `_deepcopy_tuple` does exactly that for every tuple the memo does not hold, so the
        // count is declared off by one there; 3.12.1 and 3.13.0 agree with the engine.
        defineFunction(in: d, "_hb_frame_count_unknown", module: "copy") { i, _, _, _ in
            i.heap.countMayDiffer(by: 1)
            return i.heap.newNone()
        }
        defineFunction(in: d, "_hb_unmodelled", module: "copy") { i, _, args, _ in
            let cls = args[0]
            let what = i.heap.kind(cls) == .type ? i.heap.typeInfo(cls).name : i.typeName(cls)
            throw i.notModelled("copying a '\(what)' object",
                                because: "Lib/copy.py copies it through `__reduce_ex__(4)` (copyreg.__newobj__, "
                                    + "_reconstruct), which heapbook models only for instances of plain classes without slots")
        }
        defineCopyregNatives(d)
        try runStandIn(copyModuleSource(), filename: Interpreter.copyModuleFile, in: d)
        // `copy.deepcopy.__globals__` would show the stand-in's names.
        opaqueObjects[d] = "copy.__dict__"
    }

    /// `copy.__dict__` and the stand-in's own names (`_hb_...`), which CPython's module does
    /// not have: refused rather than shown.
    static func isCopyStandInAttribute(_ attr: String) -> Bool {
        attr == "__dict__" || attr.hasPrefix("_hb_")
    }

    /// What CPython's first `import copy` does that the engine's does not model one for one:
    /// it runs Lib/copy.py (and, where start-up has not, weakref, types, copyreg): hundreds of
    /// GC allocations, automatic collections (measured `gc.collect(); import copy`,
    /// gc.get_count() (25, 0, 0) → (660, 3, 0) on 3.6.15, (25, 0, 0) → (190, 1, 0) on 3.8.18,
    /// (27, 0, 0) → (92, 0, 0) on 3.11.7, (27, 0, 0) → (510, 0, 0) on 3.12.1 at the prompt),
    /// pymalloc blocks, references to the shared small ints and strs (code constants). So from
    /// here: generation 0's count is unknown until a collection, addresses (`id()`) are
    /// unknown, the collector's lists are not counted, and before 3.12 the shared objects'
    /// counts are refused. `preloaded` (3.13.0's prompt): CPython's import allocates nothing,
    /// the count is kept; the stand-in's blocks and tracked objects are still the engine's
    /// only, so addresses and the lists stay refused.
    private func noteCopyImport(preloaded: Bool) {
        if !preloaded { heap.countMayDiffer(by: heap.gc.thresholds[0] + 1) }
        unknownBlockSizes = "CPython \(profile.version)'s `import copy` allocates blocks (Lib/copy.py's code, "
            + "weakref, copyreg) that heapbook does not model one for one"
        unmodelledCollectorObjects = "the objects CPython \(profile.version)'s `import copy` made (Lib/copy.py's "
            + "functions, code objects, dispatch tables)"
        heap.markSharedCountsUnmodelled()
        // `gc.disable(); import copy; gc.collect()` in a fresh interpreter: 104 on 3.6.15 (the
        // pure-Python OrderedDict `collections` leaves, and more), 7 on 3.8.18, 0 on 3.11.7;
        // 3.12.1 and 3.13.0: 7 as a script, none new at the prompt (3.13.0's 5 are the
        // start-up garbage `Profile.startupGarbageClass` models).
        let leavesGarbage = profile.minor < 11 || (profile.minor >= 12 && scriptStartup)
        if leavesGarbage {
            unmodelledGarbage = "CPython \(profile.version)'s first `import copy` leaves cyclic garbage that its "
                + "automatic collections may or may not have taken"
        }
    }

    /// Lib/copy.py's copy, deepcopy and their helpers at the profile's tag (see the header).
    private func copyModuleSource() -> String {
        let v = profile.minor
        // 3.6: `if copier:` and issubclass guarded by try (SF #502085); 3.8+: `is not None`.
        let isSome = v < 8 ? "" : " is not None"
        let issubclassCheck = v < 8
            ? """
                  try:
                      issc = issubclass(cls, type)
                  except TypeError:
                      issc = False
                  if issc:
              """
            : "    if issubclass(cls, type):\n"
        let deepIssubclass = v < 8
            ? """
                      try:
                          issc = issubclass(cls, type)
                      except TypeError:
                          issc = 0
                      if issc:
              """
            : "        if issubclass(cls, type):\n"
        // 3.13 (gh-114264): id(x) first, and no memo lookup for a fresh memo.
        let memoLookup = v >= 13
            ? """
                  d = _hb_id(x)
                  if memo is None:
                      memo = {}
                  else:
                      y = memo.get(d, _nil)
                      if y is not _nil:
                          return y

              """
            : """
                  if memo is None:
                      memo = {}

                  d = _hb_id(x)
                  y = memo.get(d, _nil)
                  if y is not _nil:
                      return y

              """
        // `property` joined both tables in 3.8 (bpo-35606...), `range` the deep one in 3.9.
        let copyImmutable = "type(None), int, float, bool, str, tuple, bytes, frozenset, type, range, "
            + (v >= 8 ? "property, " : "") + "type(len), type(...), type(NotImplemented), type(copy), weakref.ref"
        let deepAtomic = "type(None), type(...), type(NotImplemented), int, float, bool, bytes, str, type, "
            + (v >= 11 ? "range, " : "") + "type(len), type(copy), weakref.ref" + (v >= 8 ? ", property" : "")
        // 3.8+: `_reconstruct(..., *, deepcopy=deepcopy)`.
        let kwOnly = v < 8 ? "" : "*, "
        return """
            import weakref

            def copy(x):
                cls = type(x)

                copier = _hb_copy_dispatch.get(cls)
                if copier:
                    return copier(x)

            \(issubclassCheck)        return _copy_immutable(x)

                copier = getattr(cls, "__copy__", None)
                if copier\(isSome):
                    return copier(x)

                reductor = _hb_dispatch_table.get(cls)
                if reductor\(isSome):
                    rv = reductor(x)
                else:
                    reductor = _hb_getattr(x, "__reduce_ex__", None)
                    if reductor\(isSome):
                        rv = reductor(4)
                    else:
                        _hb_unmodelled(cls)

                if isinstance(rv, str):
                    return x
                return _hb_reconstruct(x, None, *rv)

            _hb_copy_dispatch = d = {}

            def _copy_immutable(x):
                return x
            for t in (\(copyImmutable)):
                d[t] = _copy_immutable

            d[list] = list.copy
            d[dict] = dict.copy

            del d, t

            def deepcopy(x, memo=None, _nil=[]):
            \(memoLookup)    cls = type(x)

                copier = _hb_deepcopy_dispatch.get(cls)
                if copier\(isSome):
                    y = copier(x, memo)
                else:
            \(deepIssubclass)            y = _deepcopy_atomic(x, memo)
                    else:
                        copier = getattr(x, "__deepcopy__", None)
                        if copier\(isSome):
                            y = copier(memo)
                        else:
                            reductor = _hb_dispatch_table.get(cls)
                            if reductor:
                                rv = reductor(x)
                            else:
                                reductor = _hb_getattr(x, "__reduce_ex__", None)
                                if reductor\(isSome):
                                    rv = reductor(4)
                                else:
                                    _hb_unmodelled(cls)
                            if isinstance(rv, str):
                                y = x
                            else:
                                y = _hb_reconstruct(x, memo, *rv)
                # If is its own copy, don't memoize.
                if y is not x:
                    memo[d] = y
                    _keep_alive(x, memo) # Make sure x lives at least as long as d
                return y

            _hb_deepcopy_dispatch = d = {}

            def _deepcopy_atomic(x, memo):
                return x
            for t in (\(deepAtomic)):
                d[t] = _deepcopy_atomic

            def _deepcopy_list(x, memo, deepcopy=deepcopy):
                y = []
                memo[_hb_id(x)] = y
                append = y.append
                for a in x:
                    append(deepcopy(a, memo))
                return y
            d[list] = _deepcopy_list

            def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
                y = [deepcopy(a, memo) for a in x]
                # We're not going to put the tuple in the memo, but it's still important we
                # check for it, in case the tuple contains recursive mutable structures.
                try:
                    return memo[_hb_id(x)]
                except KeyError:
                    \(v == 11 ? "_hb_frame_count_unknown()" : "pass")
                for k, j in zip(x, y):
                    if k is not j:
                        y = tuple(y)
                        break
                else:
                    y = x
                return y
            d[tuple] = _deepcopy_tuple

            def _deepcopy_dict(x, memo, deepcopy=deepcopy):
                y = {}
                memo[_hb_id(x)] = y
                for key, value in x.items():
                    y[deepcopy(key, memo)] = deepcopy(value, memo)
                return y
            d[dict] = _deepcopy_dict

            del d, t

            def _keep_alive(x, memo):
                try:
                    memo[_hb_id(memo)].append(x)
                except KeyError:
                    # aha, this is the first one :-)
                    memo[_hb_id(memo)]=[x]

            def _hb_reconstruct(x, memo, func, args,
                             state=None, listiter=None, dictiter=None,
                             \(kwOnly)deepcopy=deepcopy):
                deep = memo is not None
                if deep and args:
                    args = (deepcopy(arg, memo) for arg in args)
                    y = _hb_call_star_generator(func, args)
                else:
                    y = func(*args)
                if deep:
                    memo[_hb_id(x)] = y

                if state is not None:
                    if deep:
                        state = deepcopy(state, memo)
                    if hasattr(y, '__setstate__'):
                        y.__setstate__(state)
                    else:
                        if isinstance(state, tuple) and len(state) == 2:
                            state, slotstate = state
                        else:
                            slotstate = None
                        if state is not None:
                            y.__dict__.update(state)
                        if slotstate is not None:
                            for key, value in slotstate.items():
                                setattr(y, key, value)

                if listiter is not None:
                    _hb_unmodelled(type(y))
                if dictiter is not None:
                    _hb_unmodelled(type(y))
                return y

            del weakref

            # Lib/copyreg.py (CopyregReduce.swift): dispatch_table holds no class the engine
            # copies through it; copyreg's Python functions follow.
            _hb_dispatch_table = {}

            \(Interpreter.copyregStandIn)
            """
    }
}
