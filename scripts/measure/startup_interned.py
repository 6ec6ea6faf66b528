"""Which identifier-like strs CPython's start-up has already interned, per version.

A str constant that looks like an identifier is interned by the compiler; when start-up
(site, the REPL's modules, the C runtime's _Py_IDENTIFIERs) already interned an equal str,
the program's constant *is* that object, with start-up's references: `x = 'bound';
sys.getrefcount(x)` is 7 on 3.11.7, not 2. The engine cannot know those counts, so it
refuses them (Heap.intern, `Profile.startupInternedNames`).

Usage: python3 startup_interned.py PYTHON  -> prints the interned candidates, one per line.
The candidates are every identifier-like token of the interpreter's own Lib/ sources plus
the names of its builtins, types and modules (a str interned only by C code and absent from
all of them is missed). Each candidate is tested at the interactive prompt, in the state
`python3 -q -i` starts in, by interning a fresh copy: `sys.intern(t) is t` is False exactly
when an equal str was interned before. The measuring code's own names come out as
interned too (a harmless over-approximation: the engine refuses a little more).
"""
import os, re, subprocess, sys, tempfile

def candidates(python):
    lib = subprocess.check_output([python, "-c", "import os; print(os.path.dirname(os.__file__))"], text=True).strip()
    names = set()
    token = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
    for root, dirs, files in os.walk(lib):
        if "site-packages" in root:
            continue
        for f in files:
            if f.endswith(".py"):
                try:
                    with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
                        names.update(token.findall(fh.read()))
                except OSError:
                    pass
    extra = subprocess.check_output([python, "-c",
        "import builtins, sys\n"
        "seen = set()\n"
        "for o in list(vars(builtins).values()) + list(sys.modules.values()):\n"
        "    try: seen.update(dir(o))\n"
        "    except Exception: pass\n"
        "print('\\n'.join(sorted(seen)))"], text=True)
    names.update(extra.split())
    return sorted(n for n in names if len(n) >= 2)

def main():
    python = sys.argv[1]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(candidates(python)))
        path = f.name
    probe = ("exec(\"import sys as _s\\n_r = []\\nfor _c in open(%r).read().split():\\n"
             "    _t = _c[:1] + _c[1:]\\n    if _s.intern(_t) is not _t: _r.append(_c)\\n"
             "print('\\\\n'.join(_r))\")\n" % path)
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
    out = subprocess.run([python, "-q", "-i"], input=probe, capture_output=True, text=True, env=env).stdout
    os.unlink(path)
    print(out.strip())

main()
