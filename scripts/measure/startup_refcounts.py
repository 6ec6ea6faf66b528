"""Start-up refcounts of the objects CPython shares with user code, as data for the engine.

    python3 scripts/measure/startup_refcounts.py            # measure 3.6, 3.8, 3.11; write JSON + Swift
    python3 scripts/measure/startup_refcounts.py 3.8        # one version (JSON), then the Swift from all JSON
    python3 scripts/measure/startup_refcounts.py --swift    # only Sources/HeapEngine/Profile/StartupRefcounts+Data.swift
    python3 scripts/measure/startup_refcounts.py --verify   # the engine (measured bases) against CPython

Needs a built engine (`swift build`): it is run with `--provisional-startup-refcounts`, where
every shared object starts at StartupRefcounts.staticObject = 1,000,000 (no measured data).

The objects: small ints -5..256, None, True, False, Ellipsis, NotImplemented, (), '', b'', the
256 one-character latin-1 strs, the 256 one-byte bytes. PROBE prints sys.getrefcount of each (the ints as `item - five`: a
negative literal is a fold whose operand 3.6's peephole leaves in co_consts, and a literal 5
would be held by 3.11's REPL parser while the probe runs, which the engine does not model)
(the singletons one by one: a tuple of them would be a fold whose items 3.6's peephole
leaves in co_consts, and a tuple built at run time holds one reference to a constant item
that the engine does not model on 3.8 and 3.11)
(the strs and bytes by indexing and slicing a 256-character literal, as `chr` and `bytes` are
not in the engine's subset), one per line (so no earlier result, itself a small int, is alive while the next is measured).
The SAME probe runs in CPython and in the engine, so every reference the probe itself holds
(co_consts, the loop variable, the argument) and every reference the engine's own start-up
takes cancel out:

    base = cpython - (engine - 1,000,000)

is the count the engine must give the object at its first statement. Both modes are measured:
REPL (`python3 -q -i`, the probe on stdin) and script (`python3 probe.py`), from a fixed cwd and
file name.

An object is *deterministic* when the runs with PYTHONHASHSEED=0 agree and the runs with other
seeds (1, 2, 3, random) agree among themselves (seed 0 turns hash randomization off, which
moves 0 and 1 by one: the engine reproduces CPython as the oracle runs it, with seed 0);
otherwise its base is null and the engine refuses to show its count.

The bytes singletons (b'' and the 256 one-byte bytes) are refused whatever they measure:
CPython's code objects hold them as line tables (co_lnotab, co_linetable, co_exceptiontable,
one-byte or empty for short code), which the engine does not model, so any function definition
can move them (3.11: `def f_(a_): return a_` adds one to b'').

A script's parser arena (the whole file's) lives while it runs (pythonrun.c: pyrun_file frees
it after run_mod) and holds the file's literals: on 3.11 two to four references per small-int
literal, as many as the PEG parser made objects for the token (HeapScript's NumberTokenParses;
the engine reproduces them), so the probe's own literals (256, in `range(256)`) are calibrated
like the rest.

3.11's one-character strs are refused too: for some of them (e.g. 'a', 'q') CPython 3.11 has a
second object, the interned copy its start-up made before the latin-1 singleton was used, which
a literal 'a' then is (`'abc'[0] is 'a'` is False on 3.11.7); the engine has one object.

FIRSTS: the probe also runs after other first statements. An import's effect on shared objects
that the engine does not take itself (the module's spec, its constants) is stored as a delta
that the engine adds when it first imports that module; an object any other first statement
moves differently in CPython and in the engine (the engine does not track it: e.g. b'' held by
3.11 code objects' co_exceptiontable) is refused too (base null), with the reason recorded.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

from measuring import PYENV, ROOT, HEAPBOOK, VERSIONS

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "startup-refcounts")
SWIFT = os.path.join(ROOT, "Sources", "HeapEngine", "Profile", "StartupRefcounts+Data.swift")
MEASURED = ["3.6", "3.8", "3.11"]
# The engine simulates CPython as the oracle runs it, with PYTHONHASHSEED=0. Hash randomization
# itself moves 0 and 1 by one (sys.flags.hash_randomization holds one of them), so the runs
# with seed 0 and the runs with other seeds are compared within their group: an object is
# deterministic when each group agrees; its base is the seed-0 count.
SEEDS = ["0", "0", "0", "1", "2", "3", "random", "random"]
# Held by sys.flags and sys.dont_write_bytecode, whose values come from the environment and
# the command line: a reader's `python3` moves them (PYTHONDONTWRITEBYTECODE=1 takes two
# references from 0 on 3.8.18), so their absolute counts are refused.
FLAG_DEPENDENT = {"0", "1", "True", "False"}
# The first statements the probe also runs after. Names are never one character long: a
# one-character name is itself a shared object (the latin-1 str) and would move its count.
IMPORTS = ["gc", "weakref"]
OTHER_FIRSTS = ["x_ = 1", "def f_(a_):\n    return a_\n", "class C_:\n    pass\n", "t_ = (1, 2)"]
SINGLETONS = ["None", "True", "False", "()", "''", "b''", "Ellipsis", "NotImplemented"]
NAMES = ([str(n) for n in range(-5, 257)] + SINGLETONS
         + ["chr(%d)" % c for c in range(256)] + ["bytes([%d])" % b for b in range(256)])
CHARS = "'" + "".join("\\x%02x" % c for c in range(256)) + "'"
BYTES = "b'" + "".join("\\x%02x" % c for c in range(256)) + "'"
PROBE = """import sys
five = len('.....')
for item in range(262): print(sys.getrefcount(item - five))

print(sys.getrefcount(None))
print(sys.getrefcount(True))
print(sys.getrefcount(False))
print(sys.getrefcount(()))
print(sys.getrefcount(''))
print(sys.getrefcount(b''))
print(sys.getrefcount(Ellipsis))
print(sys.getrefcount(NotImplemented))
for item in range(256): print(sys.getrefcount(%s[item]))

for item in range(256): print(sys.getrefcount(%s[item:item + 1]))

""" % (CHARS, BYTES)
WORKDIR = os.path.join(tempfile.gettempdir(), "heapbook-startup-refcounts")


def env(seed):
    e = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    e["PYTHONHASHSEED"] = str(random.randrange(1, 2**32)) if seed == "random" else seed
    return e


def run(command, mode, text, seed="0"):
    """The probe's numbers. REPL mode: `text` on stdin; script mode: `text` as WORKDIR/probe.py."""
    os.makedirs(WORKDIR, exist_ok=True)
    if mode == "repl":
        p = subprocess.run(command + ["-q", "-i"] if command[0] != HEAPBOOK else command,
                           input=text, capture_output=True, text=True, env=env(seed), cwd=WORKDIR)
    else:
        with open(os.path.join(WORKDIR, "probe.py"), "w") as f:
            f.write(text)
        p = subprocess.run(command + ["probe.py"], capture_output=True, text=True, env=env(seed), cwd=WORKDIR)
    values = [int(x) for x in p.stdout.split()]
    assert len(values) == len(NAMES), (command, mode, p.stdout[-300:], p.stderr[-600:])
    return values


def cpython(v):
    return [os.path.join(PYENV, "versions", VERSIONS[v], "bin", "python3")]


def engine(v, mode, provisional=True):
    flag = ["--provisional-startup-refcounts"] if provisional else []
    return [HEAPBOOK, "repl" if mode == "repl" else "run", "--python", v] + flag


def program(first):
    return (first + ("\n" if first.endswith("\n") else "") + "\n" if first else "") + PROBE


def measure(v, mode):
    """{base: [int|None], imports: {module: {name: delta}}, refused: {name: why}} for one mode."""
    runs = [run(cpython(v), mode, PROBE, s) for s in SEEDS]
    en = run(engine(v, mode), mode, PROBE)
    refused = {}
    base = []
    for i, name in enumerate(NAMES):
        zero = sorted(set(r[i] for s, r in zip(SEEDS, runs) if s == "0"))
        other = sorted(set(r[i] for s, r in zip(SEEDS, runs) if s != "0"))
        if len(zero) > 1 or len(other) > 1:
            seen = sorted(set(zero + other))
            refused[name] = "varies from run to run (%d..%d)" % (seen[0], seen[-1])
            base.append(None)
        elif name in FLAG_DEPENDENT:
            refused[name] = ("varies with the interpreter's flags: sys.flags holds 0s and 1s and "
                             "sys.dont_write_bytecode a bool, so PYTHONDONTWRITEBYTECODE (measured: 0 moves "
                             "by 2 on 3.8.18), -B, -O, hash randomization... move it")
            base.append(None)
        elif v == "3.11" and name.startswith("chr("):
            refused[name] = ("not tracked: CPython 3.11 has two objects for some one-character strs, the "
                             "latin-1 singleton and an interned copy made at start-up ('abc'[0] is 'a' is False)")
            base.append(None)
        elif name.startswith("bytes(") or name == "b''":
            refused[name] = ("not tracked: CPython's code objects hold empty and one-byte bytes as "
                             "line tables, which the engine does not model")
            base.append(None)
        else:
            base.append(zero[0] - (en[i] - 1_000_000))
    offsets = [runs[0][i] - en[i] for i in range(len(NAMES))]

    def moved(first):
        """Per object: how much more CPython moved than the engine after `first` (None: varies)."""
        a = run(cpython(v), mode, program(first), "0")
        b = run(cpython(v), mode, program(first), "0")
        e = run(engine(v, mode), mode, program(first))
        return [None if a[i] != b[i] else a[i] - e[i] - offsets[i] for i in range(len(NAMES))]

    imports = {}
    for m in IMPORTS:
        d = moved("import " + m)
        imports[m] = {}
        for i, name in enumerate(NAMES):
            if base[i] is None:
                continue
            if d[i] is None:
                refused[name] = "varies from run to run after `import %s`" % m
                base[i] = None
            elif d[i]:
                imports[m][name] = d[i]
    for first in OTHER_FIRSTS:
        d = moved(first)
        for i, name in enumerate(NAMES):
            if base[i] is not None and d[i] != 0:
                what = "varies from run to run" if d[i] is None else "CPython moves it by %+d more than the engine" % d[i]
                refused[name] = "%s after %r" % (what, first)
                base[i] = None
    for m in IMPORTS:
        imports[m] = {n: d for n, d in imports[m].items() if base[NAMES.index(n)] is not None}
    return {"base": base, "imports": imports, "refused": refused}


def write_json(v):
    data = {"version": v, "release": VERSIONS[v], "seeds": SEEDS, "objects": NAMES,
            "repl": measure(v, "repl"), "script": measure(v, "script")}
    os.makedirs(DATA, exist_ok=True)
    with open(os.path.join(DATA, v + ".json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    for mode in ("repl", "script"):
        m = data[mode]
        shown = sorted(n for n in m["refused"] if not n.startswith("bytes("))
        if v == "3.11":
            shown = [n for n in shown if not n.startswith("chr(")]
        print("%s %s: %d of %d refused (the 256 one-byte bytes%s and): %s" % (
            VERSIONS[v], mode, len(m["refused"]), len(NAMES), ", the 256 one-character strs" if v == "3.11" else "",
            ", ".join(shown)))


def swift_ints(values, refused):
    """-1: varies from run to run (StartupRefcounts.varies); -2: not tracked (.untracked)."""
    def one(name, x):
        if x is not None:
            return str(x)
        return "-1" if refused[name].startswith("varies") else "-2"
    return "[" + ", ".join(one(n, x) for n, x in zip(NAMES, values)) + "]"


def write_swift():
    lines = [
        "// Generated by scripts/measure/startup_refcounts.py from scripts/measure/startup-refcounts/*.json:",
        "// do not edit.",
        "",
        "extension StartupRefcounts {",
        "    /// Per measured release and mode: the start-up count of every shared object, in table",
        "    /// order (-1: varies between runs, -2: not tracked by the engine; both refused), and per module the",
        "    /// references CPython's first import of it adds to shared objects (object index, delta).",
        "    static let recorded: [Recorded] = [",
    ]
    for v in MEASURED:
        path = os.path.join(DATA, v + ".json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            data = json.load(f)
        assert data["objects"] == NAMES, "re-measure %s: the object list changed" % v
        lines.append('        Recorded(version: "%s", release: "%s",' % (v, data["release"]))
        for mode, label in (("repl", "interactive"), ("script", "script")):
            m = data[mode]
            imports = ", ".join('("%s", [%s])' % (mod, ", ".join("(%d, %d)" % (NAMES.index(n), d)
                                                                  for n, d in sorted(m["imports"][mod].items(), key=lambda x: NAMES.index(x[0]))))
                                for mod in IMPORTS if m["imports"].get(mod))
            lines.append("                 %s: Table(base: %s," % (label, swift_ints(m["base"], m["refused"])))
            lines.append("                       imports: [%s])%s" % (imports, "," if label == "interactive" else "),"))
    lines += ["    ]", "}", ""]
    with open(SWIFT, "w") as f:
        f.write("\n".join(lines))
    print("wrote", os.path.relpath(SWIFT, ROOT))


def verify_program(base, first):
    """The probe without the refused objects' getrefcount calls (the engine would stop there);
    a refused object prints 999 in both. Its own constants differ from PROBE's: an independent check."""
    refused = [n for n, b in zip(NAMES, base) if b is None]
    ints = [int(n) for n in refused if n.lstrip("-").isdigit()]
    chars = [int(n[4:-1]) for n in refused if n.startswith("chr(")]
    lines = ["import sys",
             "five = len('.....')",
             # No small-int literal (3.11's REPL parser holds references to the literals of
             # the running code, which the engine refuses for those ints): the refused ones
             # are named by their strs. No negative literal: 3.6's peephole leaves folded
             # operands in co_consts, which the engine refuses rather than models.
             "for item in range(262): print(999 if str(item - five) in %r else sys.getrefcount(item - five))"
             % (tuple(str(n) for n in ints) + ("x",),),
             ""]
    for name in SINGLETONS:
        lines.append("print(999)" if name in refused else "print(sys.getrefcount(%s))" % name)
    lines += ["for item in range(256): print(999 if item in %r else sys.getrefcount(%s[item]))"
              % (tuple(chars) + (999,), CHARS), ""]
    lines += ["for item in range(256): print(999)", "", ""]
    return (first + ("\n" if first.endswith("\n") else "") + "\n" if first else "") + "\n".join(lines)


def engine_refusal(v, mode, text):
    """The object the engine refuses in `text` (NAMES entry), or None."""
    p = subprocess.run(engine(v, mode, provisional=False) + (["probe.py"] if mode == "script" else []),
                       input=text if mode == "repl" else None, capture_output=True, text=True, cwd=WORKDIR)
    marker = "does not model `sys.getrefcount("
    if marker not in p.stderr:
        return None
    what = p.stderr.split(marker)[1].split(")`")[0]
    if what.lstrip("-").isdigit() or what in SINGLETONS:
        return what
    return "chr(%d)" % ord(eval(what))


def verify(v):
    """The engine as users run it (measured bases, refusals) against CPython (seed 0), after
    the probe alone and after each first statement. Objects the engine refuses beyond the
    data (its at-rest count would fall below 1: its own references to the object differ from
    CPython's, e.g. 3.6's folded -5) are listed and left out."""
    bad = 0
    for mode in ("repl", "script"):
        with open(os.path.join(DATA, v + ".json")) as f:
            base = json.load(f)[mode]["base"]
        for first in [""] + ["import " + m for m in IMPORTS] + OTHER_FIRSTS:
            while True:
                text = verify_program(base, first)
                if mode == "script":
                    with open(os.path.join(WORKDIR, "probe.py"), "w") as f:
                        f.write(text)
                refused = engine_refusal(v, mode, text)
                if refused is None:
                    break
                print("  %s %s after %r: the engine refuses %s" % (VERSIONS[v], mode, first, refused))
                base = list(base)
                base[NAMES.index(refused)] = None
            cp = run(cpython(v), mode, text)
            en = run(engine(v, mode, provisional=False), mode, text)
            for i, name in enumerate(NAMES):
                if cp[i] != en[i] and base[i] is not None:
                    bad += 1
                    print("  %s %s after %r: %s CPython %d, engine %d" % (VERSIONS[v], mode, first, name, cp[i], en[i]))
    print("%s: %s" % (VERSIONS[v], "verified" if not bad else "%d mismatches" % bad))
    return bad


def main():
    args = sys.argv[1:]
    if args == ["--swift"]:
        write_swift()
        return
    if args[:1] == ["--verify"]:
        sys.exit(1 if sum(verify(v) for v in args[1:] or MEASURED) else 0)
    for v in args or MEASURED:
        write_json(v)
    write_swift()


if __name__ == "__main__":
    main()
