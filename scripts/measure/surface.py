"""CPython's surface as data: the names a real interpreter has, for the engine to refuse what it lacks.

Run by hand under each real interpreter (it records the interpreter that runs it):

    env -u PYTHONSTARTUP PYTHONHASHSEED=0 $(pyenv root)/versions/3.11.7/bin/python3 scripts/measure/surface.py

writes scripts/measure/surface/3.11.json. Then, under any python3,

    python3 scripts/measure/surface.py --swift

writes Sources/HeapScript/Surface/CPythonSurface+Data.swift from every surface/*.json.
Written for 3.6 and later (no walrus, no dict union).
"""
import builtins
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SWIFT = os.path.join(ROOT, "Sources", "HeapScript", "Surface", "CPythonSurface+Data.swift")

# Modules whose dir() later issues need (sys, gc and weakref are the contract's minimum).
MODULES_DIR = ["sys", "gc", "weakref", "copy", "collections", "array", "itertools", "functools",
               "operator", "tracemalloc", "ctypes", "dataclasses", "pprint", "reprlib"]


def common_types():
    """Types of objects a program meets without naming their type in builtins."""
    import types
    import weakref

    def f(x):
        def g():
            return x
        return g

    class C:
        def m(self):
            pass

    def gen():
        yield 1

    async def coro():
        pass

    async def agen():
        yield 1

    try:
        raise ValueError
    except ValueError:
        tb = sys.exc_info()[2]
    d = {1: 2}
    c = C()
    objects = [
        f, c.m, len, f.__code__, sys._getframe(), gen(), f(1).__closure__[0], sys, None, NotImplemented,
        Ellipsis, d.keys(), d.values(), d.items(), iter(d), iter(d.values()), iter(d.items()), iter([]),
        iter(()), iter(set()), iter(range(0)), iter(""), iter(b""), iter(bytearray()), reversed([]),
        iter(callable, 0), types.MappingProxyType({}), weakref.ref(C), weakref.proxy(c),
        weakref.proxy(f), tb, [].append, [].__len__, list.__dict__["append"], object.__dict__["__init__"],
        type.__dict__["__dict__"], C.__dict__["__weakref__"], dict.__dict__["fromkeys"],
        sys.flags, sys.version_info, sys.float_info, sys.int_info, sys.hash_info, sys.implementation,
        staticmethod(f), classmethod(f), property(f),
    ]
    co = coro()
    objects.append(co)
    objects.append(agen())
    if hasattr(d, "__reversed__"):  # 3.8+: reversed(dict) and its views
        objects.append(reversed(d))
    out = [type(o) for o in objects]
    co.close()
    return out


def surface():
    types_ = {}
    candidates = [v for v in vars(builtins).values() if isinstance(v, type)] + common_types()
    for t in candidates:
        name = t.__name__
        if name in types_ and types_[name] != sorted(dir(t)):
            sys.exit("two types named %s" % name)
        types_[name] = sorted(dir(t))
    # The REPL's sys: ps1/ps2 are set by PyRun_InteractiveLoopFlags (Python/pythonrun.c) in every
    # interactive session; last_type/last_value/last_traceback (and 3.12's last_exc) by
    # PyErr_PrintEx after the first uncaught exception. A script run has neither, so they are
    # added here; the engine refuses them rather than track whether an exception came first.
    module_dirs = {}
    for m in MODULES_DIR:
        try:
            module_dirs[m] = sorted(dir(__import__(m)))
        except ImportError:   # dataclasses before 3.7
            pass
    extra = ["ps1", "ps2", "last_type", "last_value", "last_traceback"]
    if sys.version_info >= (3, 12):
        extra.append("last_exc")
    module_dirs["sys"] = sorted(set(module_dirs["sys"]) | set(extra))
    return {
        "version": "%d.%d" % sys.version_info[:2],
        "release": "%d.%d.%d" % sys.version_info[:3],
        "builtins": sorted(dir(builtins)),
        # Insertion order: NameError's "Did you mean" takes the first of equally close names.
        "builtinsInOrder": list(vars(builtins)),
        "mainGlobals": main_globals(),
        "types": {k: types_[k] for k in sorted(types_)},
        "modules": modules(),
        "plainClass": plain_class(),
        "errorHints": error_hints(),
        "moduleAttributes": module_dirs,
    }


def plain_class():
    """sorted(dir()) of `class C: pass` (the same for its instances): object's names and what
    type_new puts in the class dict (__module__, __dict__, __weakref__; 3.13 adds
    __firstlineno__ and __static_attributes__)."""
    class C:
        pass
    return sorted(dir(C))


def error_hints():
    """How the REPL ends a NameError's line, measured: whether it suggests a close name
    ("Did you mean", Python/suggestions.c, 3.10+) and whether it names a standard module the
    program forgot to import (traceback.py, 3.12+)."""
    err = repl("zipp\nsys\n", stderr=True)
    return {"suggests": "Did you mean: 'zip'?" in err, "forgotImport": "Did you forget to import 'sys'" in err}


def repl(text, stderr=False):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    env["PYTHONHASHSEED"] = "0"
    r = subprocess.run([sys.executable, "-q", "-i"], input=text.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    return (r.stderr if stderr else r.stdout).decode()


def main_globals():
    """`__main__`'s globals when a `-q -i` session starts (what LOAD_NAME finds before builtins)."""
    return repl("print(' '.join(sorted(globals())))\n").split()


def modules():
    """Top-level importable module names: 3.10+ sys.stdlib_module_names with the built-in ones;
    before 3.10, the standard library directory (modules, packages, lib-dynload extensions)."""
    names = set(sys.builtin_module_names)
    if hasattr(sys, "stdlib_module_names"):
        return sorted(names | set(sys.stdlib_module_names))
    lib = os.path.dirname(os.__file__)
    for entry in os.listdir(lib):
        path = os.path.join(lib, entry)
        if entry.endswith(".py"):
            names.add(entry[:-3])
        elif os.path.isfile(os.path.join(path, "__init__.py")):
            names.add(entry)
    dynload = os.path.join(lib, "lib-dynload")
    for entry in os.listdir(dynload):
        if entry.endswith(".so"):
            names.add(entry.split(".")[0])
    return sorted(n for n in names if n.isidentifier() and n != "site-packages")


def swift_string(words):
    return '"' + " ".join(words) + '"'


def write_swift():
    surfaces = []
    for name in sorted(os.listdir(os.path.join(HERE, "surface")), key=lambda n: [int(x) for x in n[:-5].split(".")]):
        with open(os.path.join(HERE, "surface", name)) as f:
            surfaces.append(json.load(f))
    lines = [
        "// Generated by scripts/measure/surface.py --swift from scripts/measure/surface/*.json: do not edit.",
        "// Each list is one space-separated string (CPythonSurface splits it once, on first use).",
        "",
        "extension CPythonSurface {",
        "    /// (version, release, sorted builtins, __main__'s start-up globals, modules, dir(class C: pass),",
        "    ///  NameError's two hints (measured),",
        "    ///  builtins in the order of builtins.__dict__,",
        "    ///  [(type name, dir(type))], [(module, dir(module))]) of every measured release.",
        "    static let recorded: [RecordedSurface] = [",
    ]
    for s in surfaces:
        lines.append("        RecordedSurface(")
        lines.append('            version: "%s", release: "%s",' % (s["version"], s["release"]))
        lines.append("            builtins: %s," % swift_string(s["builtins"]))
        lines.append("            builtinsInOrder: %s," % swift_string(s["builtinsInOrder"]))
        lines.append("            mainGlobals: %s," % swift_string(s["mainGlobals"]))
        lines.append("            modules: %s," % swift_string(s["modules"]))
        lines.append("            plainClass: %s," % swift_string(s["plainClass"]))
        lines.append("            suggestsNames: %s, hintsForgottenImport: %s," % (
            str(s["errorHints"]["suggests"]).lower(), str(s["errorHints"]["forgotImport"]).lower()))
        lines.append("            types: [")
        for t in sorted(s["types"]):
            lines.append('                ("%s", %s),' % (t, swift_string(s["types"][t])))
        lines.append("            ],")
        lines.append("            moduleAttributes: [")
        for m in sorted(s["moduleAttributes"]):
            lines.append('                ("%s", %s),' % (m, swift_string(s["moduleAttributes"][m])))
        lines.append("            ]")
        lines.append("        ),")
    lines += ["    ]", "}", ""]
    with open(SWIFT, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    if sys.argv[1:] == ["--swift"]:
        write_swift()
    else:
        data = surface()
        os.makedirs(os.path.join(HERE, "surface"), exist_ok=True)
        with open(os.path.join(HERE, "surface", data["version"] + ".json"), "w") as f:
            json.dump(data, f, indent=1, sort_keys=True)
            f.write("\n")
