import HeapEngine

// The stand-in for Lib/dataclasses.py (3.7+), run by the engine (`runStandIn`): each version's
// own code for what the engine models, trimmed where it reaches modules the engine does not
// have (inspect, re, types, abc, reprlib, _thread, typing), and the generated methods made as
// CPython makes them: the same source text (`_create_fn` on 3.7-3.12, `_FuncBuilder` on 3.13),
// exec'd (`_hb_exec`, compiled by the engine itself) in the class's module globals.
extension Interpreter {
    func dataclassesModuleSource() -> String {
        let minor = profile.minor
        // The names the generated code binds (3.12 renamed them, gh-103767).
        let dflt = minor >= 12 ? "__dataclass_dflt_{f.name}__" : "_dflt_{f.name}"
        let typeName = minor >= 12 ? "__dataclass_type_{f.name}__" : "_type_{f.name}"
        let hasFactory = minor >= 12 ? "__dataclass_HAS_DEFAULT_FACTORY__" : "_HAS_DEFAULT_FACTORY"
        let returnType = minor >= 12 ? "__dataclass_return_type__" : "_return_type"
        let objectName = minor >= 9 ? "__dataclass_builtins_object__" : "BUILTINS.object"
        let hasKwOnly = minor >= 10
        let paramFields = minor >= 12
            ? ["init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot"]
            : ["init", "repr", "eq", "order", "unsafe_hash", "frozen"]
        var s = """
        class _HAS_DEFAULT_FACTORY_CLASS:
            def __repr__(self):
                return '<factory>'
        _HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()

        class _MISSING_TYPE:
            pass
        MISSING = _MISSING_TYPE()

        _EMPTY_METADATA = _hb_empty_metadata()

        class _FIELD_BASE:
            def __init__(self, name):
                self.name = name
            def __repr__(self):
                return self.name
        _FIELD = _FIELD_BASE('_FIELD')
        _FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
        _FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

        _FIELDS = '__dataclass_fields__'
        _PARAMS = '__dataclass_params__'
        _POST_INIT_NAME = '__post_init__'

        def _recursive_repr(user_function):
            repr_running = set()
            def wrapper(self):
                key = _hb_id(self), _hb_get_ident()
                if key in repr_running:
                    return '...'
                repr_running.add(key)
                try:
                    result = user_function(self)
                finally:
                    repr_running.discard(key)
                return result
            _hb_wraps(wrapper, user_function)
            return wrapper


        """
        if hasKwOnly {
            s += """
            class _KW_ONLY_TYPE:
                def __repr__(self):
                    return 'KW_ONLY'
            KW_ONLY = _KW_ONLY_TYPE()


            """
        }
        let fieldSlots = ["name", "type", "default", "default_factory", "repr", "hash", "init", "compare", "metadata"]
            + (hasKwOnly ? ["kw_only"] : []) + ["_field_type"]
        s += """
        class Field:
            __slots__ = (\(fieldSlots.map { "'\($0)'" }.joined(separator: ", ")),)

            def __init__(self, default, default_factory, init, repr, hash, compare,
                         metadata\(hasKwOnly ? ", kw_only" : "")):
                self.name = None
                self.type = None
                self.default = default
                self.default_factory = default_factory
                self.init = init
                self.repr = repr
                self.hash = hash
                self.compare = compare
                self.metadata = _EMPTY_METADATA
                \(hasKwOnly ? "self.kw_only = kw_only" : "pass")
                self._field_type = None

            def __repr__(self):
                return _hb_field_repr(self)


        class _DataclassParams:
            __slots__ = (\(paramFields.map { "'\($0)'" }.joined(separator: ", ")),)

            def __init__(self, \(paramFields.joined(separator: ", "))):
        \(paramFields.map { "        self.\($0) = \($0)" }.joined(separator: "\n"))

            def __repr__(self):
                return ('_DataclassParams('
        \(paramFields.enumerated().map { k, n in "                f'\(n)={self.\(n)!r}\(k == paramFields.count - 1 ? "" : ",")'" }.joined(separator: "\n"))
                        ')')


        def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
                  hash=None, compare=True, metadata=None\(hasKwOnly ? ", kw_only=MISSING" : "")):
            if metadata is not None:
                _hb_unmodelled('dataclasses.field(metadata=...)')
            if default is not MISSING and default_factory is not MISSING:
                raise ValueError('cannot specify both default and default_factory')
            return Field(default, default_factory, init, repr, hash, compare,
                         metadata\(hasKwOnly ? ", kw_only" : ""))


        def _tuple_str(obj_name, fields):
            if not fields:
                return '()'
            return f'({",".join([f"{obj_name}.{f.name}" for f in fields])},)'
        _hb_function_type = type(_tuple_str)


        """
        if minor >= 13 {
            s += """
            class _FuncBuilder:
                def __init__(self, globals):
                    self.names = []
                    self.src = []
                    self.globals = globals
                    self.locals = {}
                    self.overwrite_errors = {}
                    self.unconditional_adds = {}

                def add_fn(self, name, args, body, *, locals=None, return_type=MISSING,
                           overwrite_error=False, unconditional_add=False, decorator=None):
                    if locals is not None:
                        self.locals.update(locals)
                    if overwrite_error:
                        self.overwrite_errors[name] = overwrite_error
                    if unconditional_add:
                        self.unconditional_adds[name] = True
                    self.names.append(name)
                    if return_type is not MISSING:
                        self.locals[f'__dataclass_{name}_return_type__'] = return_type
                        return_annotation = f'->__dataclass_{name}_return_type__'
                    else:
                        return_annotation = ''
                    args = ','.join(args)
                    body = '\\n'.join(body)
                    self.src.append((f' {decorator}\\n' if decorator else '') + f' def {name}({args}){return_annotation}:\\n{body}')

                def add_fns_to_class(self, cls):
                    fns_src = '\\n'.join(self.src)
                    local_vars = ','.join(self.locals.keys())
                    if len(self.names) == 0:
                        return_names = '()'
                    else:
                        return_names = f'({",".join(self.names)},)'
                    txt = f"def __create_fn__({local_vars}):\\n{fns_src}\\n return {return_names}"
                    ns = {}
                    _hb_exec(txt, self.globals, ns)
                    fns = _hb_call_kw(ns['__create_fn__'], self.locals)
                    # `@__dataclasses_recursive_repr()` on the generated `__repr__`: applied
                    # after the exec here (the engine's evaluator mishandles the decorator in
                    # the exec'd closure on a second dataclass; the wrapper is the same).
                    fns = tuple([_recursive_repr(hf) if hn == '__repr__' else hf for hn, hf in zip(self.names, fns)])
                    for name, fn in zip(self.names, fns):
                        _hb_set_qualname(fn, f"{cls.__qualname__}.{fn.__name__}")
                        if self.unconditional_adds.get(name, False):
                            setattr(cls, name, fn)
                        else:
                            already_exists = _set_new_attribute(cls, name, fn)
                            msg_extra = self.overwrite_errors.get(name)
                            if already_exists and msg_extra:
                                error_msg = (f'Cannot overwrite attribute {fn.__name__} '
                                             f'in class {cls.__name__}')
                                if not msg_extra is True:
                                    error_msg = f'{error_msg} {msg_extra}'
                                raise TypeError(error_msg)


            def _hb_recursive_repr_factory():
                return _recursive_repr


            """
        } else {
            s += """
            def _create_fn(name, args, body, *, globals=None, locals=None,
                           return_type=MISSING):
                if locals is None:
                    locals = {}
            \(minor < 9 ? "    if 'BUILTINS' not in locals:\n        locals['BUILTINS'] = _hb_builtins_module()\n" : "")\
                return_annotation = ''
                if return_type is not MISSING:
                    locals['\(returnType)'] = return_type
                    return_annotation = '->\(returnType)'
                args = ','.join(args)
                body = '\\n'.join([f'  {b}' for b in body])
                txt = f' def {name}({args}){return_annotation}:\\n{body}'
                local_vars = ', '.join(locals.keys())
                txt = f"def __create_fn__({local_vars}):\\n{txt}\\n return {name}"
                ns = {}
                _hb_exec(txt, globals, ns)
                return _hb_call_kw(ns['__create_fn__'], locals)


            """
        }
        let indent = minor >= 13 ? "  " : ""
        s += """
        def _field_assign(frozen, name, value, self_name):
            if frozen:
                return f'\(indent)\(objectName).__setattr__({self_name},{name!r},{value})'
            return f'\(indent){self_name}.{name}={value}'


        def _field_init(f, frozen, globals, self_name, slots):
            default_name = f'\(dflt)'
            if f.default_factory is not MISSING:
                if f.init:
                    globals[default_name] = f.default_factory
                    value = (f'{default_name}() '
                             f'if {f.name} is \(hasFactory) '
                             f'else {f.name}')
                else:
                    globals[default_name] = f.default_factory
                    value = f'{default_name}()'
            else:
                if f.init:
                    if f.default is MISSING:
                        value = f.name
                    elif f.default is not MISSING:
                        globals[default_name] = f.default
                        value = f.name
                else:
                    if slots and f.default is not MISSING:
                        globals[default_name] = f.default
                        value = default_name
                    else:
                        return None
            return _field_assign(frozen, f.name, value, self_name)


        def _init_param(f):
            if f.default is MISSING and f.default_factory is MISSING:
                default = ''
            elif f.default is not MISSING:
                default = f'=\(dflt)'
            elif f.default_factory is not MISSING:
                default = '=\(hasFactory)'
            return f'{f.name}:\(typeName){default}'


        def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init,
                     self_name, globals, slots):
            seen_default = None
            for f in std_fields:
                if f.init:
                    if not (f.default is MISSING and f.default_factory is MISSING):
                        seen_default = f
                    elif seen_default:
                        raise TypeError(f'non-default argument {f.name!r} '
                                        \(minor >= 13 ? "f'follows default argument {seen_default.name!r}'" : "'follows default argument'"))
            locals = {}
            for f in fields:
                locals[f'\(typeName)'] = f.type
        \(minor < 12 ? "    locals['MISSING'] = MISSING\n" : "")\
            locals['\(hasFactory)'] = _HAS_DEFAULT_FACTORY
        \(minor >= 9 ? "    locals['__dataclass_builtins_object__'] = object\n" : "")\
            body_lines = []
            for f in fields:
                line = _field_init(f, frozen, locals, self_name, slots)
                if line:
                    body_lines.append(line)
            if has_post_init:
                body_lines.append(f'\(indent){self_name}.{_POST_INIT_NAME}()')
            if not body_lines:
                body_lines = ['\(indent)pass']
            _init_params = [_init_param(g) for g in std_fields]
            if kw_only_fields:
                _init_params += ['*']
                _init_params += [_init_param(g) for g in kw_only_fields]

        """
        if minor >= 13 {
            s += """
                globals.add_fn('__init__',
                               [self_name] + _init_params,
                               body_lines,
                               locals=locals,
                               return_type=None)


            def _frozen_get_del_attr(cls, fields, func_builder):
                locals = {'cls': cls,
                          'FrozenInstanceError': FrozenInstanceError}
                condition = 'type(self) is cls'
                if fields:
                    condition += ' or name in {' + ', '.join([repr(f.name) for f in fields]) + '}'
                func_builder.add_fn('__setattr__',
                                    ('self', 'name', 'value'),
                                    (f'  if {condition}:',
                                      '   raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                                     f'  super(cls, self).__setattr__(name, value)'),
                                    locals=locals,
                                    overwrite_error=True)
                func_builder.add_fn('__delattr__',
                                    ('self', 'name'),
                                    (f'  if {condition}:',
                                      '   raise FrozenInstanceError(f"cannot delete field {name!r}")',
                                     f'  super(cls, self).__delattr__(name)'),
                                    locals=locals,
                                    overwrite_error=True)


            def _hash_fn(fields, func_builder):
                self_tuple = _tuple_str('self', fields)
                func_builder.add_fn('__hash__',
                                    ('self',),
                                    [f'  return hash({self_tuple})'],
                                    unconditional_add=True)


            """
        } else {
            s += """
                return _create_fn('__init__',
                                  [self_name] + _init_params,
                                  body_lines,
                                  locals=locals,
                                  globals=globals,
                                  return_type=None)


            def _repr_fn(fields, globals):
                fn = _create_fn('__repr__',
                                ('self',),
                                ['return self.__class__.__qualname__ + f"(' +
                                 ', '.join([f"{f.name}={{self.{f.name}!r}}"
                                            for f in fields]) +
                                 ')"'],
                                 globals=globals)
                return _recursive_repr(fn)


            def _frozen_get_del_attr(cls, fields, globals):
                locals = {'cls': cls,
                          'FrozenInstanceError': FrozenInstanceError}
            \(minor >= 12 ? """
                condition = 'type(self) is cls'
                if fields:
                    condition += ' or name in {' + ', '.join([repr(f.name) for f in fields]) + '}'
            """ : """
                if fields:
                    fields_str = '(' + ','.join([repr(f.name) for f in fields]) + ',)'
                else:
                    fields_str = '()'
                condition = f'type(self) is cls or name in {fields_str}'
            """)
                return (_create_fn('__setattr__',
                                  ('self', 'name', 'value'),
                                  (f'if {condition}:',
                                    ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                                   f'super(cls, self).__setattr__(name, value)'),
                                   locals=locals,
                                   globals=globals),
                        _create_fn('__delattr__',
                                  ('self', 'name'),
                                  (f'if {condition}:',
                                    ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
                                   f'super(cls, self).__delattr__(name)'),
                                   locals=locals,
                                   globals=globals),
                        )


            def _cmp_fn(name, op, self_tuple, other_tuple, globals):
                return _create_fn(name,
                                  ('self', 'other'),
                                  [ 'if other.__class__ is self.__class__:',
                                   f' return {self_tuple}{op}{other_tuple}',
                                    'return NotImplemented'],
                                  globals=globals)


            def _hash_fn(fields, globals):
                self_tuple = _tuple_str('self', fields)
                return _create_fn('__hash__',
                                  ('self',),
                                  [f'return hash({self_tuple})'],
                                  globals=globals)


            """
        }
        // _set_qualname: 3.8's _set_new_attribute does not rename (only _hash_add does).
        let setsQualname = minor >= 10
        s += """
        def _set_qualname(cls, value):
            if type(value) is _hb_function_type:
                _hb_set_qualname(value, f"{cls.__qualname__}.{value.__name__}")
            return value


        def _set_new_attribute(cls, name, value):
            if _hb_in_class_dict(cls, name):
                return True
            \(setsQualname && minor < 13 ? "_set_qualname(cls, value)" : "pass")
            setattr(cls, name, value)
            return False


        def _hash_set_none(cls, fields, globals):
            return None


        def _hash_add(cls, fields, globals):
            flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
            \(minor >= 13 || minor < 10 ? "return _hash_fn(flds, globals)" : "return _set_qualname(cls, _hash_fn(flds, globals))")


        def _hash_exception(cls, fields, globals):
            raise TypeError(f'Cannot overwrite attribute __hash__ '
                            f'in class {cls.__name__}')


        _hash_action = {(False, False, False, False): None,
                        (False, False, False, True ): None,
                        (False, False, True,  False): None,
                        (False, False, True,  True ): None,
                        (False, True,  False, False): _hash_set_none,
                        (False, True,  False, True ): None,
                        (False, True,  True,  False): _hash_add,
                        (False, True,  True,  True ): None,
                        (True,  False, False, False): _hash_add,
                        (True,  False, False, True ): _hash_exception,
                        (True,  False, True,  False): _hash_add,
                        (True,  False, True,  True ): _hash_exception,
                        (True,  True,  False, False): _hash_add,
                        (True,  True,  False, True ): _hash_exception,
                        (True,  True,  True,  False): _hash_add,
                        (True,  True,  True,  True ): _hash_exception,
                        }


        def _get_field(cls, a_name, a_type\(hasKwOnly ? ", default_kw_only" : "")):
            default = getattr(cls, a_name, MISSING)
            if isinstance(default, Field):
                f = default
            else:
                if _hb_is_member_descriptor(default):
                    default = MISSING
                f = field(default=default)
            f.name = a_name
            f.type = a_type
            f._field_type = _FIELD
        \(hasKwOnly ? """
            if f.kw_only is MISSING:
                f.kw_only = default_kw_only

        """ : "")\
        \(minor >= 11 ? """
            if _hb_class_hash_is_none(f.default):
        """ : """
            if isinstance(f.default, (list, dict, set)):
        """)\
                raise ValueError(f'mutable default {type(f.default)} for field '
                                 f'{f.name} is not allowed: use default_factory')
            return f


        def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen\(hasKwOnly ? ", match_args, kw_only, slots" : "")\(minor >= 11 ? ", weakref_slot" : "")):
            _hb_begin(cls)
            try:
                return _hb_end(_hb_process_class(cls, init, repr, eq, order, unsafe_hash, frozen\(hasKwOnly ? ", match_args, kw_only, slots" : "")\(minor >= 11 ? ", weakref_slot" : "")))
            finally:
                _hb_finish()


        def _hb_process_class(cls, init, repr, eq, order, unsafe_hash, frozen\(hasKwOnly ? ", match_args, kw_only, slots" : "")\(minor >= 11 ? ", weakref_slot" : "")):
            \(hasKwOnly ? "" : "slots = False\n    weakref_slot = False\n    match_args = False\n    kw_only = False")
            \(hasKwOnly && minor < 11 ? "weakref_slot = False" : "")
            fields = {}
            globals = _hb_module_globals(cls)
            setattr(cls, _PARAMS, _DataclassParams(\(paramFields.joined(separator: ", "))))
            cls_annotations = _hb_class_annotations(cls)
            cls_fields = []
            KW_ONLY_seen = False
            for name, type in cls_annotations.items():
        \(hasKwOnly ? """
                if type is KW_ONLY:
                    if KW_ONLY_seen:
                        raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                        'has already been specified')
                    KW_ONLY_seen = True
                    kw_only = True
                    continue
                cls_fields.append(_get_field(cls, name, type, kw_only))
        """ : """
                cls_fields.append(_get_field(cls, name, type))
        """)
            for cf in cls_fields:
                fields[cf.name] = cf
                if isinstance(getattr(cls, cf.name, None), Field):
                    if cf.default is MISSING:
                        delattr(cls, cf.name)
                    else:
                        setattr(cls, cf.name, cf.default)
            for name in _hb_class_fields_without_annotation(cls, cls_annotations, Field):
                raise TypeError(f'{name!r} is a field but has no type annotation')
            setattr(cls, _FIELDS, fields)
            class_hash = _hb_class_dict_get(cls, '__hash__', MISSING)
            has_explicit_hash = not (class_hash is MISSING or
                                     (class_hash is None and _hb_in_class_dict(cls, '__eq__')))
            if order and not eq:
                raise ValueError('eq must be true if order is true')
            all_init_fields = [f for f in fields.values()
                               if f._field_type in (_FIELD, _FIELD_INITVAR)]
            std_init_fields = tuple([f for f in all_init_fields if f.init \(hasKwOnly ? "and not f.kw_only" : "")])
            kw_only_init_fields = tuple([f for f in all_init_fields if f.init \(hasKwOnly ? "and f.kw_only" : "and False")])
            \(minor >= 13 ? "func_builder = _FuncBuilder(globals)" : "func_builder = globals")
            if init:
                has_post_init = hasattr(cls, _POST_INIT_NAME)
                \(minor >= 13 ? "_init_fn(" : "_set_new_attribute(cls, '__init__', _init_fn(")all_init_fields,
                                 std_init_fields,
                                 kw_only_init_fields,
                                 frozen,
                                 has_post_init,
                                 '__dataclass_self__' if 'self' in fields else 'self',
                                 func_builder,
                                 slots,
                                 )\(minor >= 13 ? "" : ")")
        \(minor >= 13 ? "    _set_new_attribute(cls, '__replace__', _replace)\n" : "")\
            field_list = [f for f in fields.values() if f._field_type is _FIELD]
            if repr:
                flds = [f for f in field_list if f.repr]

        """
        if minor >= 13 {
            s += """
                    func_builder.add_fn('__repr__',
                                        ('self',),
                                        ['  return f"{self.__class__.__qualname__}(' +
                                         ', '.join([f"{f.name}={{self.{f.name}!r}}"
                                                    for f in flds]) + ')"'],
                                        locals={})
                if eq:
                    cmp_fields = [field for field in field_list if field.compare]
                    terms = [f'self.{field.name}==other.{field.name}' for field in cmp_fields]
                    field_comparisons = ' and '.join(terms) or 'True'
                    func_builder.add_fn('__eq__',
                                        ('self', 'other'),
                                        [ '  if self is other:',
                                          '   return True',
                                          '  if other.__class__ is self.__class__:',
                                         f'   return {field_comparisons}',
                                          '  return NotImplemented'])
                if order:
                    flds = [f for f in field_list if f.compare]
                    self_tuple = _tuple_str('self', flds)
                    other_tuple = _tuple_str('other', flds)
                    for name, op in [('__lt__', '<'),
                                     ('__le__', '<='),
                                     ('__gt__', '>'),
                                     ('__ge__', '>='),
                                     ]:
                        func_builder.add_fn(name,
                                        ('self', 'other'),
                                        [ '  if other.__class__ is self.__class__:',
                                         f'   return {self_tuple}{op}{other_tuple}',
                                          '  return NotImplemented'],
                                        overwrite_error='Consider using functools.total_ordering')
                if frozen:
                    _frozen_get_del_attr(cls, field_list, func_builder)
                hash_action = _hash_action[bool(unsafe_hash),
                                           bool(eq),
                                           bool(frozen),
                                           has_explicit_hash]
                if hash_action:
                    cls.__hash__ = hash_action(cls, field_list, func_builder)
                func_builder.add_fns_to_class(cls)

            """
        } else {
            s += """
                    _set_new_attribute(cls, '__repr__', _repr_fn(flds, globals))
                if eq:
                    flds = [f for f in field_list if f.compare]
                    self_tuple = _tuple_str('self', flds)
                    other_tuple = _tuple_str('other', flds)
                    _set_new_attribute(cls, '__eq__',
                                       _cmp_fn('__eq__', '==',
                                               self_tuple, other_tuple,
                                               globals=globals))
                if order:
                    flds = [f for f in field_list if f.compare]
                    self_tuple = _tuple_str('self', flds)
                    other_tuple = _tuple_str('other', flds)
                    for name, op in [('__lt__', '<'),
                                     ('__le__', '<='),
                                     ('__gt__', '>'),
                                     ('__ge__', '>='),
                                     ]:
                        if _set_new_attribute(cls, name,
                                              _cmp_fn(name, op, self_tuple, other_tuple,
                                                      globals=globals)):
                            raise TypeError(f'Cannot overwrite attribute {name} '
                                            f'in class {cls.__name__}. Consider using '
                                            'functools.total_ordering')
                if frozen:
                    for fn in _frozen_get_del_attr(cls, field_list, globals):
                        if _set_new_attribute(cls, fn.__name__, fn):
                            raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                            f'in class {cls.__name__}')
                hash_action = _hash_action[bool(unsafe_hash),
                                           bool(eq),
                                           bool(frozen),
                                           has_explicit_hash]
                if hash_action:
                    cls.__hash__ = hash_action(cls, field_list, globals)

            """
        }
        s += """
            if not _hb_class_has_doc(cls):
                _hb_set_doc(cls, init, std_init_fields, kw_only_init_fields)
        \(hasKwOnly ? """
            if match_args:
                _set_new_attribute(cls, '__match_args__',
                                   tuple([f.name for f in std_init_fields]))

        """ : "")\
        \(minor >= 11 ? """
            if weakref_slot and not slots:
                raise TypeError('weakref_slot is True but slots is False')

        """ : "")\
            if slots:
                _hb_unmodelled('dataclass(slots=True)')
            return cls


        def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
                      unsafe_hash=False, frozen=False\(hasKwOnly ? ", match_args=True, kw_only=False, slots=False" : "")\(minor >= 11 ? ", weakref_slot=False" : "")):
            def wrap(cls):
                return _process_class(cls, init, repr, eq, order, unsafe_hash,
                                      frozen\(hasKwOnly ? ", match_args, kw_only, slots" : "")\(minor >= 11 ? ", weakref_slot" : ""))
            if cls is None:
                return wrap
            return wrap(cls)


        def fields(class_or_instance):
            _hb_count_unknown()
            fields = getattr(class_or_instance, _FIELDS, None)
            if fields is None:
                _hb_unmodelled('dataclasses.fields() of an object that is not a dataclass')
            return tuple([f for f in fields.values() if f._field_type is _FIELD])


        def _is_dataclass_instance(obj):
            return hasattr(type(obj), _FIELDS)


        def is_dataclass(obj):
            _hb_count_unknown()
            cls = obj if isinstance(obj, type) else type(obj)
            return hasattr(cls, _FIELDS)


        def asdict(obj, *, dict_factory=dict):
            _hb_count_unknown()
            if not _is_dataclass_instance(obj):
                _hb_unmodelled('dataclasses.asdict() of an object that is not a dataclass instance')
            if dict_factory is not dict:
                _hb_unmodelled('dataclasses.asdict(dict_factory=...)')
            return _asdict_inner(obj, dict_factory)


        def _asdict_inner(obj, dict_factory):
            if _is_dataclass_instance(obj):
        \(minor >= 12 ? """
                return {
                    f.name: _asdict_inner(getattr(obj, f.name), dict)
                    for f in fields(obj)
                }
        """ : """
                result = []
                for f in fields(obj):
                    value = _asdict_inner(getattr(obj, f.name), dict_factory)
                    result.append((f.name, value))
                return dict_factory(result)
        """)
            return _hb_asdict_atom(obj)


        def astuple(obj, *, tuple_factory=tuple):
            _hb_count_unknown()
            if not _is_dataclass_instance(obj):
                _hb_unmodelled('dataclasses.astuple() of an object that is not a dataclass instance')
            if tuple_factory is not tuple:
                _hb_unmodelled('dataclasses.astuple(tuple_factory=...)')
            return _astuple_inner(obj, tuple_factory)


        def _astuple_inner(obj, tuple_factory):
            if _is_dataclass_instance(obj):
                result = []
                for f in fields(obj):
                    value = _astuple_inner(getattr(obj, f.name), tuple_factory)
                    result.append(value)
                return tuple_factory(result)
            return _hb_asdict_atom(obj)


        def \(minor >= 13 ? "_replace" : "replace")(obj, /, **changes):
            _hb_count_unknown()
            if not _is_dataclass_instance(obj):
                _hb_unmodelled('dataclasses.replace() of an object that is not a dataclass instance')
            for f in getattr(obj, _FIELDS).values():
                if f._field_type is _FIELD_CLASSVAR:
                    continue
                if not f.init:
                    if f.name in changes:
                        _hb_unmodelled('dataclasses.replace() of a field with init=False')
                    continue
                if f.name not in changes:
                    changes[f.name] = getattr(obj, f.name)
            return _hb_call_kw(obj.__class__, changes)
        \(minor >= 13 ? """


        def replace(obj, /, **changes):
            return _replace(obj, **changes)
        """ : "")

        """
        return s
    }
}
