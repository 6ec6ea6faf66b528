import HeapEngine

// Lib/collections/__init__.py: collections.namedtuple, and Modules/_collectionsmodule.c's
// _tuplegetter (3.8+; 3.6's fields are `property(itemgetter(i))`).
//
// CPython builds the class with Python code: 3.6.15 formats `_class_template` (a class
// statement) and execs it; 3.8+ evals a lambda for `__new__`, defines the methods as closures
// of namedtuple's frame and calls `type(typename, (tuple,), namespace)`. The engine runs the
// same class as a stand-in (`runStandIn`): a class statement over tuple with `__slots__ = ()`,
// `_fields`, `_field_defaults` (3.7+; 3.8's `_fields_defaults` too), `__match_args__` (3.10+),
// the methods `_make` (a classmethod), `_replace` (`__replace__` too on 3.13), `__repr__`,
// `_asdict`, `__getnewargs__` with CPython's bodies (the closure variables spelled as the
// constants they are), and one property per field whose getter is tuple item i. So calling a
// method makes what CPython's bytecode makes (the frame, `map`, the bound `kwds.pop`, the
// dict of `_asdict`, the string of `__repr__`), and an instance is CPython's: a tuple subclass
// instance with no `__dict__` and no `__weakref__` (`sys.getsizeof` as a tuple's), tracked
// by the collector, equal to and hashed as the tuple of its fields.
//
// `Point(...)` (CPython: type_call → slot_tp_new → the eval'd `__new__` → tuple.__new__) is
// done natively (`instantiateNamedtuple`): the fields bound from the arguments and defaults
// with the TypeErrors of the lambda's binding, the instance allocated and filled; the
// temporary tuples and frames CPython makes and frees on the way only raise the peak of the
// count (`peakMayExceed`).
//
// What is not CPython's, and so refused:
// - what defining a class allocates: CPython's namedtuple() makes some 70 GC objects (the
//   type, its dict and mro, the functions, cells, the `__new__` globals...: `gc.get_count()`
//   goes from (1, 0, 0) to (76, 0, 0) at 3.11.7's prompt), and `del Point; gc.collect()`
//   finds 19 (3.6.15), 29 (3.8.18), 30 (3.11.7+) of them. The engine's class is not that
//   graph: the count is unknown after namedtuple() until a collection, and the interpreter
//   keeps every namedtuple class alive, refusing `gc.collect()` once one is garbage in
//   CPython (`refuseNamedtupleGarbage`) and `sys.getrefcount` of the class;
// - rename=, module=, 3.6's verbose=, field names or typenames CPython rejects (its
//   ValueErrors), defaults that are not a tuple or list, or more than the fields;
// - `__new__` (tuple's would be found here), the class's `__dict__`, the field descriptors
//   read off the class (CPython's are _tuplegetter objects from 3.8), 3.6's `_source`,
//   3.6's `_asdict` (an OrderedDict, not modelled), an exception leaving a method (its
//   traceback names CPython's installed collections/__init__.py), and `p._replace(self=...)`
//   (3.8+'s `self` is positional-only, the stand-in's is not).
extension Interpreter {
    /// The file name the stand-in's code carries (`co_filename`).
    static let namedtupleModuleFile = "<heapbook: Lib/collections/__init__.py>"

    /// What the interpreter knows of a class namedtuple() made.
    struct NamedtupleInfo {
        var typename: String
        var fields: [String]
        /// The defaults of the last `defaults.count` fields (owned).
        var defaults: [ObjectRef]
    }

    /// `collections.namedtuple` (borrowed): a Python function, made at the first lookup.
    func collectionsNamedtuple() throws -> ObjectRef {
        if let f = namedtupleFunction { return f }
        let f = try makeLibClass("namedtuple", module: "collections", file: Interpreter.namedtupleModuleFile) { d in
            defineFunction(in: d, "_hb_namedtuple", module: "collections") { i, _, args, _ in
                try i.makeNamedtuple(args)
            }
            // 3.6.15: `namedtuple(typename, field_names, *, verbose=False, rename=False, module=None)`;
            // 3.7+: `defaults=None` in verbose's place.
            return profile.minor < 7
                ? """
                  def namedtuple(typename, field_names, *, verbose=False, rename=False, module=None):
                      return _hb_namedtuple(typename, field_names, verbose, rename, None, module)

                  """
                : """
                  def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
                      return _hb_namedtuple(typename, field_names, False, rename, defaults, module)

                  """
        }
        namedtupleFunction = f
        return f
    }

    /// namedtuple()'s work: checks what is modelled, then makes the class (`namedtupleClassSource`).
    private func makeNamedtuple(_ args: [ObjectRef]) throws -> ObjectRef {
        let (typenameRef, fieldsRef, verbose, rename, defaultsRef, module) = (args[0], args[1], args[2], args[3], args[4], args[5])
        guard verbose == heap.falseRef else { throw notModelled("namedtuple(..., verbose=...)") }
        guard rename == heap.falseRef else { throw notModelled("namedtuple(..., rename=...)") }
        guard module == heap.none else { throw notModelled("namedtuple(..., module=...)") }
        guard isExactStr(typenameRef) else { throw notModelled("namedtuple() with a typename that is not a str") }
        let typename = stringValue(typenameRef)
        var fields: [String] = []
        if isExactStr(fieldsRef) {
            // `field_names.replace(',', ' ').split()`
            fields = stringValue(fieldsRef).split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            if stringValue(fieldsRef).contains(where: { $0 != " " && $0 != "," && ($0.isWhitespace || !$0.isASCII) }) {
                throw notModelled("namedtuple() field names with whitespace other than spaces or non-ASCII characters")
            }
        } else if let items = sequenceItems(fieldsRef), items.allSatisfy(isExactStr) {
            fields = items.map(stringValue)
        } else {
            throw notModelled("namedtuple() field names that are neither a str nor a list or tuple of str")
        }
        // CPython's checks raise ValueError (texts per version): not modelled.
        for (k, n) in ([typename] + fields).enumerated() {
            guard Interpreter.isPlainIdentifier(n), !Token.keywords.contains(n), !["async", "await"].contains(n) else {
                throw notModelled("namedtuple() with the name \(n.debugDescription)", because: "CPython raises ValueError for it")
            }
            if k > 0, n.hasPrefix("_") || fields[..<(k - 1)].contains(n) {
                throw notModelled("namedtuple() with the field name \(n.debugDescription)", because: "CPython raises ValueError for it")
            }
        }
        var defaults: [ObjectRef] = []
        if defaultsRef != heap.none {
            guard let d = sequenceItems(defaultsRef), d.count <= fields.count else {
                throw notModelled("namedtuple() defaults that are not a list or tuple of at most as many items as fields")
            }
            defaults = d
        }
        // What CPython's namedtuple() allocates is not the engine's class (see the header).
        let savedCounts = heap.gc.counts, savedEnabled = heap.gc.enabled
        heap.gc.enabled = false
        makingNamedtupleClass = true
        defer {
            makingNamedtupleClass = false
            heap.gc.counts = savedCounts
            heap.gc.enabled = savedEnabled
            heap.countMayDiffer(by: heap.gc.thresholds[0] + 1)
        }
        let g = try newDict()
        defer { heap.decref(g) }
        opaqueObjects[g] = "the globals of a namedtuple's methods"
        try dictSet(g, name("__builtins__"), builtinsDict)
        // 3.6 execs the template in `{'__name__': 'namedtuple_Point', ...}`; 3.8+ defines the
        // methods in namedtuple() itself, whose module is collections.
        try dictSet(g, name("__name__"), try newStr(profile.minor < 7 ? "namedtuple_\(typename)" : "collections"))
        let fieldNames = try newTuple(fields.map { heap.incref(name($0)); return name($0) })
        try dictSet(g, name("_hb_fields"), fieldNames)
        heap.decref(fieldNames)
        let fieldDefaults = try newDict()
        for (n, v) in zip(fields.suffix(defaults.count), defaults) { try dictSet(fieldDefaults, name(n), v) }
        try dictSet(g, name("_hb_field_defaults"), fieldDefaults)
        heap.decref(fieldDefaults)
        defineFunction(in: g, "_hb_tuple_new", module: "collections") { i, _, args, _ in
            try i.namedtupleTupleNew(args[0], args[1])
        }
        defineFunction(in: g, "_hb_unmodelled", module: "collections") { i, _, args, _ in
            throw i.notModelled(i.stringValue(args[0]))
        }
        for k in fields.indices {
            let index = try newInt(k)
            let getter: ObjectRef
            do { getter = try heap.newBuiltinFunction(BuiltinInfo(id: namedtupleGetterID(), selfRef: index)) } catch {
                heap.decref(index); throw memoryError()
            }
            try dictSet(g, name("_hb_getter_\(k)"), getter)
            heap.decref(getter)
        }
        try runStandIn(namedtupleClassSource(typename, fields), filename: Interpreter.namedtupleModuleFile, in: g)
        guard let c = try dictGet(g, name(typename)) else { preconditionFailure("no \(typename) in the namedtuple stand-in") }
        // 3.13's class statement adds `__firstlineno__` and `__static_attributes__`, which
        // CPython's `type(typename, (tuple,), class_namespace)` does not.
        if let td = heap.typeInfo(c).dict {
            for k in ["__firstlineno__", "__static_attributes__"] {
                if let (key, value) = try dictRemove(td, name(k)) { heap.decref(key); heap.decref(value) }
            }
        }
        // The interpreter's reference, for the session (see `refuseNamedtupleGarbage`).
        heap.incref(c)
        defaults.forEach(heap.incref)
        namedtupleClasses[c] = NamedtupleInfo(typename: typename, fields: fields, defaults: defaults)
        heap.incref(c)
        return c
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: what str.isidentifier accepts among ASCII names.
    static func isPlainIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    /// The builtin each field's getter calls: its `self` is the field's index (an int).
    /// tuplegetter_descr_get (3.8+) / 3.6's itemgetter: the item, a new reference.
    private func namedtupleGetterID() -> Int32 {
        if let id = namedtupleGetter { return id }
        let id = registerBuiltin("_tuplegetter", module: "collections") { i, s, args, _ in
            guard let s, case .int(let k) = i.heap.payload[Int(s)], case .tuple(let items) = i.heap.payload[Int(args[0])],
                  k < items.count else { preconditionFailure("a namedtuple field getter on a namedtuple") }
            i.heap.incref(items[k])
            return items[k]
        }
        namedtupleGetter = id
        return id
    }

    /// `tuple.__new__(cls, iterable)` in `_make`: tp_new_wrapper → tuple_subtype_new: a plain
    /// tuple of the items (PySequence_Tuple), the instance filled with them, the tuple released.
    private func namedtupleTupleNew(_ cls: ObjectRef, _ iterable: ObjectRef) throws -> ObjectRef {
        // tp_new_wrapper's argument tuple and its slice.
        heap.peakMayExceed(by: 2)
        let plain = try sequenceTuple(iterable)
        defer { heap.decref(plain) }
        let items = sequenceItems(plain) ?? []
        items.forEach(heap.incref)
        do { return try heap.newTupleSubtypeInstance(type: cls, items: items) } catch {
            items.forEach(heap.decref)
            throw memoryError()
        }
    }

    /// The class statement the stand-in runs (see the header): CPython's methods at the
    /// profile's tag.
    private func namedtupleClassSource(_ typename: String, _ fields: [String]) -> String {
        let v = profile.minor
        let argList = fields.joined(separator: ", ")
        let fieldsLiteral = "(" + fields.map { "'\($0)'" }.joined(separator: ", ") + (fields.count == 1 ? ",)" : ")")
        let reprFmt = "(" + fields.map { "\($0)=%r" }.joined(separator: ", ") + ")"
        let n = fields.count
        let selfName = v < 7 ? "_self" : "self"
        // `property` under a name no field can take (a field may be called `property`; 3.6's
        // template spells it `_property` for that reason).
        var s = """
            _hb_property = property

            class \(typename)(tuple):
                '\(typename)(\(argList)\(n == 1 ? "," : ""))'
                __slots__ = ()
                _fields = _hb_fields

            """
        if v >= 7 { s += "    _field_defaults = _hb_field_defaults\n" }
        if v == 8 { s += "    _fields_defaults = _hb_field_defaults\n" }
        s += v < 7
            ? """
                  @classmethod
                  def _make(cls, iterable, new=_hb_tuple_new, len=len):
                      'Make a new \(typename) object from a sequence or iterable'
                      result = new(cls, iterable)
                      if len(result) != \(n):
                          raise TypeError('Expected \(n) arguments, got %d' % len(result))
                      return result

              """
            : """
                  @classmethod
                  def _make(cls, iterable):
                      'Make a new \(typename) object from a sequence or iterable'
                      result = _hb_tuple_new(cls, iterable)
                      if len(result) != \(n):
                          raise TypeError(f'Expected \(n) arguments, got {len(result)}')
                      return result

              """
        let replaceError = v >= 13 ? "TypeError" : "ValueError"
        let replaceMessage = v < 7 ? "'Got unexpected field names: %r' % list(kwds)" : "f'Got unexpected field names: {list(kwds)!r}'"
        s += """
                def _replace(\(selfName), **kwds):
                    'Return a new \(typename) object replacing specified fields with new values'
                    result = \(selfName)._make(map(kwds.pop, \(fieldsLiteral), \(selfName)))
                    if kwds:
                        raise \(replaceError)(\(replaceMessage))
                    return result

                def __repr__(self):
                    'Return a nicely formatted representation string'
                    return self.__class__.__name__ + '\(reprFmt)' % self

            """
        s += v < 7
            ? """
                  def _asdict(self):
                      'Return a new OrderedDict which maps field names to their values.'
                      _hb_unmodelled("namedtuple._asdict() on 3.6, which returns a collections.OrderedDict")

              """
            : """
                  def _asdict(self):
                      'Return a new dict which maps field names to their values.'
                      return dict(zip(self._fields, self))

              """
        s += """
                def __getnewargs__(self):
                    'Return self as a plain tuple.  Used by copy and pickle.'
                    return tuple(self)

            """
        if v >= 13 { s += "    __replace__ = _replace\n" }
        // 3.6 sets `result._source` (the template's text): present in dir(), refused when read.
        if v < 7 { s += "    _source = None\n" }
        if v >= 10 { s += "    __match_args__ = _hb_fields\n" }
        for (k, f) in fields.enumerated() {
            s += "    \(f) = _hb_property(_hb_getter_\(k), None, None, 'Alias for field number \(k)')\n"
        }
        return s + "\n"
    }

    // MARK: - Instances

    /// `Point(...)`: type_call → slot_tp_new → `__new__(_cls, x, y)` → tuple.__new__(_cls, (x, y)).
    /// The arguments bind as the lambda's (3.6/3.8: a def) parameters: the TypeErrors of a
    /// Python function named `__new__` (qualified `Point.__new__` from 3.10). Consumes the
    /// arguments.
    func instantiateNamedtuple(_ type: ObjectRef, _ info: NamedtupleInfo, _ args: [ObjectRef],
                               _ kwargs: [(String, ObjectRef)]) throws -> ObjectRef {
        defer { args.forEach(heap.decref); kwargs.forEach { heap.decref($0.1) } }
        for a in args { try refuseStartupObject(a) }
        let packed = try packTypeCallArguments(args, kwargs)
        defer { packed.reversed().forEach(heap.decref) }
        let fn = profile.minor >= 10 ? "\(info.typename).__new__()" : "__new__()"
        let n = info.fields.count
        var slots = [ObjectRef?](repeating: nil, count: n)
        if args.count > n {
            // "takes 3 positional arguments but 4 were given", counting `_cls`.
            guard info.defaults.isEmpty else { throw notModelled("too many arguments to a namedtuple with defaults") }
            throw error("TypeError", "\(fn) takes \(n + 1) positional arguments but \(args.count + 1) were given")
        }
        for (k, a) in args.enumerated() { slots[k] = a }
        for (k, v) in kwargs {
            guard let idx = info.fields.firstIndex(of: k) else {
                if k == "_cls" { throw notModelled("a namedtuple called with the keyword _cls") }
                throw error("TypeError", "\(fn) got an unexpected keyword argument '\(k)'")
            }
            if slots[idx] != nil { throw error("TypeError", "\(fn) got multiple values for argument '\(k)'") }
            slots[idx] = v
        }
        let firstDefault = n - info.defaults.count
        for k in firstDefault..<n where slots[k] == nil { slots[k] = info.defaults[k - firstDefault] }
        let missing = info.fields.indices.filter { slots[$0] == nil }.map { "'\(info.fields[$0])'" }
        if !missing.isEmpty {
            let list: String
            switch missing.count {
            case 1: list = missing[0]
            case 2: list = "\(missing[0]) and \(missing[1])"
            default: list = missing.dropLast().joined(separator: ", ") + ", and \(missing.last!)"
            }
            throw error("TypeError", "\(fn) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        // The temporaries on the way (3.6's prepended argument tuple, the frame object before
        // 3.11, the `(x, y)` tuple, tuple.__new__'s argument tuple and its slice), all freed.
        heap.peakMayExceed(by: 5)
        let items = slots.map { $0! }
        items.forEach(heap.incref)
        do { return try heap.newTupleSubtypeInstance(type: type, items: items) } catch {
            items.forEach(heap.decref)
            throw memoryError()
        }
    }

    /// The namedtuple class `r`'s info, if `r` is one or derives from one (`class P(Point)`:
    /// type_call finds Point's `__new__` through the MRO, and tuple.__new__ allocates a P).
    func namedtupleInfo(_ r: ObjectRef) -> NamedtupleInfo? {
        guard !namedtupleClasses.isEmpty, heap.kind(r) == .type else { return nil }
        for t in heap.typeInfo(r).mro { if let info = namedtupleClasses[t] { return info } }
        return nil
    }

    // MARK: - Refusals

    /// Attributes of a namedtuple class or instance that are not CPython's here (see the header).
    func refuseNamedtupleAttribute(_ obj: ObjectRef, _ attr: String) throws {
        guard let f = namedtupleFunction else { return }
        // namedtuple itself: its docstring and code are CPython's Lib/collections', not the stand-in's.
        if obj == f, !["__name__", "__qualname__", "__module__", "__class__"].contains(attr) {
            throw notModelled("collections.namedtuple.\(attr)")
        }
        // The methods' code, globals, closures and defaults are the stand-in's (3.8+'s are
        // closures of namedtuple(); 3.6's `_make` defaults to tuple.__new__ and len).
        if case .function(let fn) = heap.payload[Int(obj)], let code = fn.code as? CodeObject,
           code.filename == Interpreter.namedtupleModuleFile,
           ["__code__", "__globals__", "__closure__", "__defaults__", "__kwdefaults__", "__dict__"].contains(attr) {
            throw notModelled("the \(attr) of a namedtuple's \(code.name)")
        }
        if heap.kind(obj) == .type, let info = namedtupleInfo(obj) {
            if info.fields.contains(attr) {
                throw notModelled("the field descriptor \(info.typename).\(attr)",
                                  because: profile.minor < 8 ? "3.6's is a property of an operator.itemgetter, which heapbook does not model"
                                      : "CPython's is a collections._tuplegetter, which heapbook does not model")
            }
            if ["__dict__", "__new__", "_source"].contains(attr) { throw notModelled("\(info.typename).\(attr)") }
            return
        }
        if heap.kind(obj) != .type, let info = namedtupleInfo(heap.typeOf[Int(obj)]), ["__new__", "_source"].contains(attr) {
            throw notModelled("\(info.typename)().\(attr)")
        }
    }

    /// `p.x = 1` on a namedtuple: the field's descriptor has no setter (tuplegetter_descr_set /
    /// property_descr_set: "can't set attribute" on 3.6.15 to 3.13.0). Other stores are left
    /// to the tuple subclass' refusals.
    func namedtupleAttributeStore(_ obj: ObjectRef, _ attr: String, delete: Bool) throws {
        guard let info = namedtupleInfo(heap.typeOf[Int(obj)]), info.fields.contains(attr) else { return }
        if delete { throw notModelled("deleting a namedtuple field") }
        throw error("AttributeError", "can't set attribute")
    }

    /// `sys.getrefcount` of a namedtuple class: the interpreter holds one reference more than
    /// CPython, and CPython's functions and cells hold others.
    func refuseNamedtupleClassRefcount(_ r: ObjectRef) throws {
        guard let info = namedtupleInfo(r) else { return }
        throw notModelled("sys.getrefcount(\(info.typename))", because: "heapbook's namedtuple class is not CPython's graph of "
            + "functions, cells and dicts referring to it")
    }

    /// A collection once a namedtuple class is garbage in CPython: what it finds (its type,
    /// functions, cells...) is not the engine's class, which the interpreter keeps.
    func refuseNamedtupleGarbage(_ what: String) throws {
        guard !namedtupleClasses.isEmpty || !dataclassClasses.isEmpty else { return }
        let objs = heap.getObjects()
        var refs: [ObjectRef: Int] = [:]
        refs.reserveCapacity(objs.count)
        for o in objs { refs[o] = heap.refcnt[Int(o)] }
        for o in objs { heap.forEachReferent(o) { r in if let n = refs[r] { refs[r] = n - 1 } } }
        // The interpreter's own reference to each class is not CPython's.
        for c in namedtupleClasses.keys { if let n = refs[c] { refs[c] = n - 1 } }
        for c in dataclassClasses.keys { if let n = refs[c] { refs[c] = n - 1 } }
        var work = objs.filter { refs[$0]! > 0 }
        var reached = Set(work)
        while let o = work.popLast() {
            heap.forEachReferent(o) { r in if refs[r] != nil, reached.insert(r).inserted { work.append(r) } }
        }
        for (c, info) in namedtupleClasses where refs[c] != nil && !reached.contains(c) {
            throw notModelled(what, because: "the namedtuple class \(info.typename) is garbage, and what CPython collects "
                + "of it (its type, functions, cells and dicts) is not heapbook's class")
        }
        for (c, n) in dataclassClasses where refs[c] != nil && !reached.contains(c) {
            throw notModelled(what, because: "the dataclass \(n) is garbage, and what CPython collects of it (its type, "
                + "the exec'd functions, cells, Field objects and dicts) is not heapbook's class")
        }
    }
}
