import HeapEngine

// Lib/reprlib.py: Repr, aRepr, repr, recursive_repr.
//
// The module is Python in CPython, and so it is here: `import reprlib` compiles and runs
// Lib/reprlib.py at the profile's tag (v3.6.15 and v3.8.18 are one text; v3.11.7 adds
// `fillvalue`; v3.12.1 keyword-only `__init__` arguments, `indent` and `_join`; v3.13.0 differs
// only in recursive_repr) with the engine's own compiler and evaluator, so that every call
// (`repr1`'s `hasattr`/`getattr`, the `repr_<type>` methods, `_possibly_sorted`'s `sorted`),
// every str, list and bound method a repr makes, and every `__repr__`/`__lt__` of the
// program's classes runs as CPython's bytecode runs it.
//
// What the engine does not have is replaced, never approximated:
// - `builtins.repr` is `_hb_builtin_repr`, a native calling the builtin repr (the engine has
//   no `builtins` module; a native rather than the builtin itself, so that no count of
//   builtins.repr changes); `import builtins` and `from _thread import get_ident` are left
//   out, and with them the names `reprlib.builtins` and `reprlib.get_ident` (refused by the
//   recorded surface);
// - `recursive_repr(fillvalue='...')` keeps its signature and docstring but refuses when
//   called: its wrapper keys on `(id(self), get_ident())`, and neither the ids of the
//   engine's objects after this import nor a thread ident are CPython's, nor does the engine
//   model the wrapper's `__qualname__`/`__annotations__`/`__type_params__`/`__wrapped__`;
// - a repr showing an address (`<__main__.C object at 0x...>`), which repr_instance
//   truncates to its last digits: refused (`_hb_builtin_repr`), as id() is after the import;
// - `repr_instance`'s fallback for a raising `__repr__`, `'<%s instance at %#x>' % (...,
//   id(x))`, prints an address, which CPython chooses at random: refused there
//   (`_hb_instance_id`);
// - an exception leaving the module's frames (a bad `indent`, a str too long for
//   int's repr...) is refused (`Interpreter.callFunction`): CPython's traceback would name
//   the installed Lib/reprlib.py and its lines.
//
// The import itself is not modelled object for object: see `noteReprlibImport`.
extension Interpreter {
    /// The file name the module's code carries (`co_filename`).
    static let reprlibModuleFile = "<heapbook: Lib/reprlib.py>"

    /// Whether CPython's start-up has imported reprlib (`'reprlib' in sys.modules` as the
    /// first line, measured): never on 3.6.15 and 3.8.18; always on 3.11.7 (site imports
    /// it through its collections/functools chain); at 3.12.1's and 3.13.0's prompt (the
    /// REPL's imports) but not in their scripts. Each time it is, itertools is too.
    var reprlibPreloaded: Bool {
        switch profile.minor {
        case 11: return true
        case 12, 13: return !scriptStartup
        default: return false
        }
    }

    /// The first `import reprlib`: runs the stand-in in the module's dict `d`, then declares
    /// what it did not model (`noteReprlibImport`).
    func importReprlibModule(_ d: ObjectRef) throws {
        defer { noteReprlibImport() }
        try dictSet(d, name("__builtins__"), builtinsDict)
        defineFunction(in: d, "_hb_builtin_repr", module: "reprlib") { i, _, args, _ in
            let s = try i.reprObject(args[0])
            // A repr with an address in it (object's `<__main__.C object at 0x...>`, a
            // function's...): reprlib truncates it, keeping the address's last digits, which
            // CPython chooses at random; and after this import the engine's addresses are
            // not even the simulated CPython's. Refused, as id() is (the text is only read
            // when it is a plain str: one spelled from an id() value refuses itself).
            if i.heap.kind(s) == .str, i.stringValue(s).contains(" at 0x"), let why = i.addressObservationRefusal() {
                i.heap.decref(s)
                throw i.notModelled("reprlib's repr of a '\(i.typeName(args[0]))' object whose repr shows its address",
                                    because: why)
            }
            return s
        }
        defineFunction(in: d, "_hb_instance_id", module: "reprlib") { i, _, args, _ in
            throw i.notModelled("reprlib's repr of a '\(i.typeName(args[0]))' object whose __repr__ raised",
                                because: "Lib/reprlib.py then prints '<... instance at %#x>' with id(x), an address "
                                    + "CPython chooses at random")
        }
        defineFunction(in: d, "_hb_recursive_repr_refused", module: "reprlib") { i, _, _, _ in
            throw i.notModelled("reprlib.recursive_repr",
                                because: "its wrapper keys on (id(self), _thread.get_ident()), which are not CPython's "
                                    + "values here, and heapbook does not model the wrapper's copied attributes")
        }
        // 3.11.7: a frame that called a Python function (a `__lt__` of sorted's) and then
        // catches an exception ends with one GC object more in generation 0 than the engine
        // counts (CopyModule.swift's `_hb_frame_count_unknown`); 3.12.1 and 3.13.0 agree.
        defineFunction(in: d, "_hb_frame_count_unknown", module: "reprlib") { i, _, _, _ in
            i.heap.countMayDiffer(by: 1)
            return i.heap.newNone()
        }
        // The class body's `__module__ = __name__`: 'reprlib' (`reprlib.Repr.__module__`).
        classBodyModule = "reprlib"
        defer { classBodyModule = "__main__" }
        try runStandIn(reprlibModuleSource(), filename: Interpreter.reprlibModuleFile, in: d)
        // Functions' `__globals__` would show the stand-in's names; the dict lacks CPython's
        // `builtins`, `get_ident`, `__file__`...
        opaqueObjects[d] = "reprlib.__dict__"
    }

    /// `reprlib.__dict__` and the stand-in's own names (`_hb_...`), which CPython's module
    /// does not have: refused rather than shown.
    static func isReprlibStandInAttribute(_ attr: String) -> Bool {
        attr == "__dict__" || attr.hasPrefix("_hb_")
    }

    /// What CPython's first `import reprlib` does that the engine's does not model one for
    /// one, where start-up has not imported it already: it runs Lib/reprlib.py (and, on 3.6,
    /// 3.8, 3.12 and 3.13 scripts, builtins' and _thread's lookups; itertools is the engine's
    /// own import): GC allocations, blocks, references to shared small ints and strs (its
    /// code's constants). `gc.disable(); import reprlib; gc.collect()` is 0 on every version,
    /// prompt and script (3.13.0's prompt: 5, start-up's own `Profile.startupGarbageClass`):
    /// it leaves no cyclic garbage.
    ///
    /// Where start-up has imported it (`reprlibPreloaded`), CPython's import allocates
    /// nothing: `importModule` gives generation 0's count back; the stand-in's blocks and
    /// tracked objects are still the engine's only, and its code's references to the shared
    /// objects are counts CPython's start-up had already (the measured start-up counts), so
    /// those stay refused either way.
    private func noteReprlibImport() {
        noteUnmodelledImport("reprlib", blocks: "Lib/reprlib.py's code, class and functions",
                             objects: "Lib/reprlib.py's class, functions and code objects", leavesGarbage: false)
        unknownBlockSizes = unknownBlockSizes ?? "CPython \(profile.version)'s start-up imported reprlib: its objects are "
            + "blocks heapbook places only at the first `import reprlib`"
        unmodelledCollectorObjects = unmodelledCollectorObjects ?? "the reprlib module CPython \(profile.version)'s "
            + "start-up made, which heapbook makes at the first `import reprlib`"
        heap.markSharedCountsUnmodelled()
    }

    /// Lib/reprlib.py at the profile's tag (see the header for what is replaced).
    private func reprlibModuleSource() -> String {
        let v = profile.minor
        // 3.11 (bpo-46065... gh-90003): `fillvalue`; before, the literal '...'.
        let fill = v >= 11 ? "self.fillvalue" : "'...'"
        let initializer = v >= 12
            ? """
                  def __init__(
                      self, *, maxlevel=6, maxtuple=6, maxlist=6, maxarray=5, maxdict=4,
                      maxset=6, maxfrozenset=6, maxdeque=6, maxstring=30, maxlong=40,
                      maxother=30, fillvalue='...', indent=None,
                  ):
                      self.maxlevel = maxlevel
                      self.maxtuple = maxtuple
                      self.maxlist = maxlist
                      self.maxarray = maxarray
                      self.maxdict = maxdict
                      self.maxset = maxset
                      self.maxfrozenset = maxfrozenset
                      self.maxdeque = maxdeque
                      self.maxstring = maxstring
                      self.maxlong = maxlong
                      self.maxother = maxother
                      self.fillvalue = fillvalue
                      self.indent = indent

              """
            : """
                  def __init__(self):
              \(v >= 11 ? "        self.fillvalue = '...'\n" : "")        self.maxlevel = 6
                      self.maxtuple = 6
                      self.maxlist = 6
                      self.maxarray = 5
                      self.maxdict = 4
                      self.maxset = 6
                      self.maxfrozenset = 6
                      self.maxdeque = 6
                      self.maxstring = 30
                      self.maxlong = 40
                      self.maxother = 30

              """
        let join = v >= 12
            ? """
                  def _join(self, pieces, level):
                      if self.indent is None:
                          return ', '.join(pieces)
                      if not pieces:
                          return ''
                      indent = self.indent
                      if isinstance(indent, int):
                          if indent < 0:
                              raise ValueError(
                                  f'Repr.indent cannot be negative int (was {indent!r})'
                              )
                          indent *= ' '
                      try:
                          sep = ',\\n' + (self.maxlevel - level + 1) * indent
                      except TypeError as error:
                          raise TypeError(
                              f'Repr.indent must be a str, int or None, not {type(indent)}'
                          ) from error
                      return sep.join(('', *pieces, ''))[1:-len(indent) or None]

              """
            : ""
        let joinPieces = v >= 12 ? "self._join(pieces, level)" : "', '.join(pieces)"
        let trailTest = v >= 12 ? "n == 1 and trail and self.indent is None" : "n == 1 and trail"
        return """
            \"\"\"Redo the builtin repr() (representation) but with limits on most sizes.\"\"\"

            __all__ = ["Repr", "repr", "recursive_repr"]

            from itertools import islice

            def recursive_repr(fillvalue='...'):
                'Decorator to make a repr function return fillvalue for a recursive call'
                _hb_recursive_repr_refused()

            class Repr:

            \(initializer)    def repr(self, x):
                    return self.repr1(x, self.maxlevel)

                def repr1(self, x, level):
                    typename = type(x).__name__
                    if ' ' in typename:
                        parts = typename.split()
                        typename = '_'.join(parts)
                    if hasattr(self, 'repr_' + typename):
                        return getattr(self, 'repr_' + typename)(x, level)
                    else:
                        return self.repr_instance(x, level)

            \(join)    def _repr_iterable(self, x, level, left, right, maxiter, trail=''):
                    n = len(x)
                    if level <= 0 and n:
                        s = \(fill)
                    else:
                        newlevel = level - 1
                        repr1 = self.repr1
                        pieces = [repr1(elem, newlevel) for elem in islice(x, maxiter)]
                        if n > maxiter:
                            pieces.append(\(fill))
                        s = \(joinPieces)
                        if \(trailTest):
                            right = trail + right
                    return '%s%s%s' % (left, s, right)

                def repr_tuple(self, x, level):
                    return self._repr_iterable(x, level, '(', ')', self.maxtuple, ',')

                def repr_list(self, x, level):
                    return self._repr_iterable(x, level, '[', ']', self.maxlist)

                def repr_array(self, x, level):
                    if not x:
                        return "array('%s')" % x.typecode
                    header = "array('%s', [" % x.typecode
                    return self._repr_iterable(x, level, header, '])', self.maxarray)

                def repr_set(self, x, level):
                    if not x:
                        return 'set()'
                    x = _possibly_sorted(x)
                    return self._repr_iterable(x, level, '{', '}', self.maxset)

                def repr_frozenset(self, x, level):
                    if not x:
                        return 'frozenset()'
                    x = _possibly_sorted(x)
                    return self._repr_iterable(x, level, 'frozenset({', '})',
                                               self.maxfrozenset)

                def repr_deque(self, x, level):
                    return self._repr_iterable(x, level, 'deque([', '])', self.maxdeque)

                def repr_dict(self, x, level):
                    n = len(x)
                    if n == 0:
                        return '{}'
                    if level <= 0:
                        return \(v >= 11 ? "'{' + self.fillvalue + '}'" : "'{...}'")
                    newlevel = level - 1
                    repr1 = self.repr1
                    pieces = []
                    for key in islice(_possibly_sorted(x), self.maxdict):
                        keyrepr = repr1(key, newlevel)
                        valrepr = repr1(x[key], newlevel)
                        pieces.append('%s: %s' % (keyrepr, valrepr))
                    if n > self.maxdict:
                        pieces.append(\(fill))
                    s = \(joinPieces)
                    return '{%s}' % (s,)

                def repr_str(self, x, level):
                    s = _hb_builtin_repr(x[:self.maxstring])
                    if len(s) > self.maxstring:
                        i = max(0, (self.maxstring-3)//2)
                        j = max(0, self.maxstring-3-i)
                        s = _hb_builtin_repr(x[:i] + x[len(x)-j:])
                        s = s[:i] + \(fill) + s[len(s)-j:]
                    return s

                def repr_int(self, x, level):
                    s = _hb_builtin_repr(x) # XXX Hope this isn't too slow...
                    if len(s) > self.maxlong:
                        i = max(0, (self.maxlong-3)//2)
                        j = max(0, self.maxlong-3-i)
                        s = s[:i] + \(fill) + s[len(s)-j:]
                    return s

                def repr_instance(self, x, level):
                    try:
                        s = _hb_builtin_repr(x)
                        # Bugs in x.__repr__() can cause arbitrary
                        # exceptions -- then make up something
                    except Exception:
                        return '<%s instance at %#x>' % (x.__class__.__name__, _hb_instance_id(x))
                    if len(s) > self.maxother:
                        i = max(0, (self.maxother-3)//2)
                        j = max(0, self.maxother-3-i)
                        s = s[:i] + \(fill) + s[len(s)-j:]
                    return s


            def _possibly_sorted(x):
                # Since not all sequences of items can be sorted and comparison
                # functions may raise arbitrary exceptions, return an unsorted
                # sequence in that case.
                try:
                    return sorted(x)
                except Exception:
                    \(v == 11 ? "_hb_frame_count_unknown()\n        " : "")return list(x)

            aRepr = Repr()
            repr = aRepr.repr
            """
    }
}
