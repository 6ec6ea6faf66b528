"""Argument checking of every callable the engine models, measured on a real CPython.

For each callable: calls with fewer arguments than it needs, with its sample arguments,
with one argument too many, and with a bogus keyword. Prints one line per call,
`CALL<TAB>RESULT`, where RESULT is `ok` or `ExceptionType: message`.

    env -u PYTHONSTARTUP PYTHONHASHSEED=0 python3.X scripts/measure/arity.py \
        > Tests/HeapScriptTests/Corpus/errors/arity-measured/3.X.txt 2>/dev/null

ArgumentTests runs every CALL in the engine under that version's profile and requires
CPython's exact message, or a refusal (never a different message, never a crash).
"""
import contextlib
import gc
import io
import sys
import weakref

# (expression of the callable, sample arguments as source text)
CALLABLES = [
    # Python/bltinmodule.c
    ("print", []), ("id", ["1"]), ("len", ["[]"]), ("repr", ["1"]), ("hex", ["1"]),
    ("abs", ["1"]), ("isinstance", ["1", "int"]), ("sum", ["[1]", "0"]),
    ("min", ["[1]"]), ("max", ["[1]"]), ("sorted", ["[1]"]), ("iter", ["[1]"]),
    ("next", ["iter([1])", "0"]), ("hash", ["1"]), ("callable", ["1"]), ("any", ["[]"]),
    ("all", ["[]"]), ("enumerate", ["[]", "1"]), ("globals", []),
    ("bin", ["1"]), ("oct", ["1"]), ("chr", ["200"]), ("ord", ["'a'"]), ("divmod", ["7", "2"]),
    ("getattr", ["1", "'__class__'", "0"]), ("hasattr", ["1", "'__class__'"]),
    ("setattr", ["sys", "'x'", "1"]), ("delattr", ["sys", "'x'"]), ("issubclass", ["int", "int"]), ("format", ["1", "'d'"]),
    ("dir", ["1"]), ("round", ["1.5", "1"]), ("pow", ["2", "3", "5"]), ("ascii", ["1"]),
    # builtin types
    ("int", ["1"]), ("float", ["1"]), ("str", ["1"]), ("bool", ["1"]), ("list", ["()"]),
    ("tuple", ["[]"]), ("dict", ["()"]), ("set", ["()"]), ("frozenset", ["()"]),
    ("bytes", ["1"]), ("object", []), ("type", ["1"]), ("range", ["1", "2", "1"]),
    ("weakref.ref", ["int", "None"]), ("map", ["str", "[]"]), ("filter", ["None", "[]"]),
    # Objects/descrobject.c, Objects/funcobject.c
    ("property", ["None", "None", "None", "None"]), ("classmethod", ["lambda: 0"]),
    ("staticmethod", ["lambda: 0"]),
    # list methods (Objects/listobject.c)
    ("[1].append", ["1"]), ("[1].extend", ["()"]), ("[1].insert", ["0", "1"]),
    ("[1].pop", ["0"]), ("[1].remove", ["1"]), ("[1].clear", []), ("[1].index", ["1", "0", "1"]),
    ("[1].count", ["1"]), ("[1].copy", []), ("[1].reverse", []), ("[1].sort", []),
    # dict methods (Objects/dictobject.c)
    ("{1: 2}.get", ["1", "0"]), ("{1: 2}.keys", []), ("{1: 2}.values", []), ("{1: 2}.items", []),
    ("{1: 2}.pop", ["1", "0"]), ("{1: 2}.setdefault", ["1", "0"]), ("{1: 2}.update", ["{}"]),
    ("{1: 2}.clear", []), ("{1: 2}.copy", []), ("{1: 2}.popitem", []),
    ("dict.fromkeys", ["[1]", "0"]), ("{}.fromkeys", ["[1]", "0"]),
    # set methods (Objects/setobject.c)
    ("{1}.add", ["1"]), ("{1}.discard", ["1"]), ("{1}.remove", ["1"]), ("{1}.pop", []),
    ("{1}.clear", []), ("{1}.update", []),
    # str methods (Objects/unicodeobject.c)
    ("'ab'.join", ["[]"]), ("'{}'.format", ["1"]), ("'ab'.find", ["'a'", "0", "1"]), ("'ab'.index", ["'a'", "0", "1"]),
    ("'ab'.count", ["'a'", "0", "1"]), ("'ab'.isdigit", []), ("'ab'.isalpha", []),
    ("'ab'.title", []), ("'ab'.capitalize", []), ("'ab'.upper", []), ("'ab'.lower", []),
    ("'ab'.strip", ["None"]), ("'ab'.lstrip", ["None"]), ("'ab'.rstrip", ["None"]),
    ("'ab'.split", ["None", "-1"]), ("'ab'.startswith", ["'a'", "0", "1"]),
    ("'ab'.endswith", ["'a'", "0", "1"]), ("'ab'.replace", ["'a'", "'b'", "1"]),
    ("'ab'.isidentifier", []), ("'ab'.encode", ["'utf-8'", "'strict'"]),
    ("b'ab'.decode", ["'utf-8'", "'strict'"]),
    ("'ab'.center", ["4", "'*'"]), ("'ab'.ljust", ["4", "'*'"]), ("'ab'.rjust", ["4", "'*'"]),
    ("'ab'.zfill", ["4"]), ("'ab'.expandtabs", ["4"]), ("'ab'.partition", ["'a'"]),
    ("'ab'.rpartition", ["'a'"]), ("'ab'.removeprefix", ["'a'"]), ("'ab'.removesuffix", ["'a'"]),
    ("'ab'.isspace", []), ("'ab'.isdecimal", []), ("'ab'.isnumeric", []), ("'ab'.isalnum", []),
    ("'ab'.isupper", []), ("'ab'.islower", []), ("'ab'.isprintable", []), ("'ab'.istitle", []),
    ("'ab'.isascii", []), ("'ab'.swapcase", []), ("'ab'.casefold", []),
    ("'ab'.rfind", ["'a'", "0", "1"]), ("'ab'.rindex", ["'a'", "0", "1"]),
    ("b'ab'.rfind", ["b'a'", "0", "1"]), ("b'ab'.rindex", ["b'a'", "0", "1"]),
    # bytes methods (Objects/bytesobject.c)
    ("b'ab'.hex", []), ("b'ab'.find", ["b'a'", "0", "1"]), ("b'ab'.index", ["b'a'", "0", "1"]),
    ("b'ab'.count", ["b'a'", "0", "1"]), ("b'ab'.startswith", ["b'a'", "0", "1"]),
    ("b'ab'.endswith", ["b'a'", "0", "1"]), ("b'ab'.join", ["[]"]), ("b'ab'.upper", []),
    ("b'ab'.lower", []), ("b'ab'.strip", ["None"]), ("b'ab'.lstrip", ["None"]), ("b'ab'.rstrip", ["None"]),
    # set and frozenset methods (Objects/setobject.c)
    ("{1}.copy", []), ("{1}.union", ["{2}"]), ("{1}.intersection", ["{2}"]),
    ("{1}.intersection_update", ["{2}"]), ("{1}.difference", ["{2}"]), ("{1}.difference_update", ["{2}"]),
    ("{1}.symmetric_difference", ["{2}"]), ("{1}.symmetric_difference_update", ["{2}"]),
    ("{1}.issubset", ["{2}"]), ("{1}.issuperset", ["{2}"]), ("{1}.isdisjoint", ["{2}"]),
    ("frozenset().copy", []), ("frozenset().issubset", ["{2}"]), ("frozenset().issuperset", ["{2}"]),
    ("frozenset().isdisjoint", ["{2}"]),
    # int and float methods (Objects/longobject.c, Objects/floatobject.c)
    ("(5).bit_length", []), ("(5).bit_count", []), ("(5).conjugate", []), ("(5).as_integer_ratio", []),
    ("(1.5).is_integer", []), ("(1.5).conjugate", []),
    # tuple methods (Objects/tupleobject.c)
    ("(1,).count", ["1"]), ("(1,).index", ["1", "0", "1"]),
    # Python/sysmodule.c
    ("sys.getsizeof", ["1", "0"]), ("sys.getrefcount", ["1"]), ("sys.intern", ["'a'"]),
    ("sys.getrecursionlimit", []), ("sys._debugmallocstats", []),
    # Modules/_weakref.c
    ("weakref.getweakrefcount", ["1"]),
    # Modules/gcmodule.c (freeze and friends are 3.7+)
    ("gc.collect", ["0"]), ("gc.get_objects", ["0"]), ("gc.get_referrers", []),
    ("gc.get_referents", []), ("gc.get_stats", []), ("gc.set_debug", ["0"]),
    ("gc.get_threshold", []), ("gc.get_count", []), ("gc.isenabled", []), ("gc.enable", []),
    ("gc.is_tracked", ["1"]), ("gc.set_threshold", ["700", "10", "10"]),
    ("gc.get_freeze_count", []),
]


def calls(fn, sample):
    """Every prefix of the sample arguments, one argument too many, a bogus keyword."""
    out = []
    for k in range(len(sample) + 1):
        out.append("%s(%s)" % (fn, ", ".join(sample[:k])))
    out.append("%s(%s)" % (fn, ", ".join(sample + ["1"] * (4 - len(sample) if len(sample) < 4 else 1))))
    out.append("%s(%s)" % (fn, ", ".join(sample + ["x=1"])))
    return out


def main():
    namespace = {"sys": sys, "gc": gc, "weakref": weakref}
    for fn, sample in CALLABLES:
        try:
            eval(fn, namespace)
        except AttributeError:
            continue  # not in this version (gc.get_freeze_count before 3.7)
        for call in calls(fn, sample):
            try:
                with contextlib.redirect_stdout(io.StringIO()):  # print()'s own output
                    eval(call, namespace)
                result = "ok"
            except Exception as e:
                result = "%s: %s" % (type(e).__name__, e)
            print("%s\t%s" % (call, result))
    gc.enable()


main()
