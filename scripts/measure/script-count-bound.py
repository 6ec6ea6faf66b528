"""Checks Profile.scriptCountBound against real script runs (Heap+CountCertainty.swift).

    python3 scripts/measure/script-count-bound.py          # 3.6, 3.8, 3.11, 3.13

For every corpus case and a set of generated stress files (lambdas, deep and wide constant
tuples, floats, frozensets, names, strings, defs, classes), run as `python3 FILE` with a
first line that prints generation 0's count and generation 0's collection count:
- the bound (the profile's startup + 16 x code units + 8 x constant key nodes + bytes / 2,
  computed from CPython's own code objects, which have no more units than the engine's)
  must be >= the count, and
- where the bound is <= threshold0, no collection may have run before the first line
  (the collection count equals the smallest file's).
Files whose compilation warns are skipped (the engine gives them no bound). Prints, per
version, the largest excess of the count over the bound's variable part (what `startup` must
cover) and the smallest margin.
"""
import glob
import os
import subprocess
import sys
import tempfile

from measuring import ENV, PYENV, ROOT, VERSIONS

# Profile+CPython*.swift's ScriptCountBound(startup:) and threshold0.
STARTUP = {"3.6": 128, "3.8": 450, "3.11": 288, "3.13": 128}
THRESHOLD = {"3.6": 700, "3.8": 700, "3.11": 700, "3.13": 2000}
PROBE = "import gc; print('@@', gc.get_count()[0], gc.get_stats()[0]['collections']); import sys; sys.exit(0)\n"

# Run by the measured interpreter: units, key nodes (each once per enclosing level) and
# whether compiling warns.
FEATURES = r'''
import sys, types, warnings
def keys(c):
    if isinstance(c, (tuple, frozenset)):
        size, weight = 1, 0
        for x in c:
            s, w = keys(x); size += s; weight += w
        return size, weight + size
    return (1, 1) if isinstance(c, (float, complex)) else (0, 0)
def walk(co):
    u, k = 1, 0
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            a, b = walk(c); u += a; k += b
        else:
            k += keys(c)[1]
    return u, k
src = open(sys.argv[1], 'rb').read()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    try:
        co = compile(src, sys.argv[1], 'exec')
    except Exception:
        print('error'); sys.exit(0)
u, k = walk(co)
print(len(src), u, k, 1 if w else 0)
'''


def generated(directory):
    files = {
        "lambdas": "fs = [" + ",".join("lambda:0" for _ in range(60)) + "]\n",
        "floats": "t = (" + ",".join("%d." % i for i in range(300)) + ")\n",
        "tuples": "t = (" + ",".join("(%d,)" % i for i in range(200)) + ")\n",
        "nested": "t = ((1,2),)*256\nu = (((1,),),)*100\n",
        "deep": "t = " + "(" * 30 + "1.5," + ")," * 29 + ")\n",
        "defs": "".join("def f%d(a, b=(%d,)):\n    return [a for a in b]\n" % (i, i) for i in range(30)),
        "classes": "".join("class C%d:\n    x = %d.5\n    def m(self): return self\n" % (i, i) for i in range(30)),
        "names": "\n".join("v%d = w%d.a%d" % (i, i, i) for i in range(200)) + "\n",
        "strs": "\n".join("s%d = 'abc%d' + b'%d'.decode() + f'{s%d}'" % (i, i, i, i) for i in range(100)) + "\n",
        "fsets": "\n".join("x in {%d.0, (%d,), 'a'}" % (i, i) for i in range(100)) + "\n",
        "globals": "def f():\n    global " + ", ".join("g%d" % i for i in range(300)) + "\n",
        "example": "import gc\nclass A:\n    def __del__(self):\n        print('del A')\na = A()\na.self = a\n"
                   "del a\nprint('before collect')\nprint(gc.collect())\nprint('after')\n",
    }
    paths = []
    for name, text in files.items():
        path = os.path.join(directory, name + ".py")
        with open(path, "w") as f:
            f.write(text)
        paths.append(path)
    return paths


def measure(version, files, directory):
    python = os.path.join(PYENV, "versions", VERSIONS[version], "bin", "python3")
    helper = os.path.join(directory, "features.py")
    with open(helper, "w") as f:
        f.write(FEATURES)
    rows = []
    for path in files:
        probe = os.path.join(directory, "probe.py")
        with open(probe, "w") as f:
            f.write(PROBE + open(path).read())
        features = subprocess.run([python, helper, probe], capture_output=True, text=True).stdout.split()
        if not features or features[0] == "error" or features[3] == "1":
            continue
        out = subprocess.run([python, probe], capture_output=True, text=True, env=ENV).stdout
        line = next((l for l in out.splitlines() if l.startswith("@@")), None)
        if line is None:
            continue
        count, collections = map(int, line.split()[1:])
        size, units, nodes = map(int, features[:3])
        variable = 16 * units + 8 * nodes + size // 2
        rows.append((os.path.relpath(path, ROOT), count, collections, variable))
    baseline = min(r[2] for r in rows)
    excess = max(r[1] - r[3] for r in rows)
    bounded = [r for r in rows if STARTUP[version] + r[3] <= THRESHOLD[version]]
    over = [r for r in rows if r[1] > STARTUP[version] + r[3]]
    collected = [r for r in bounded if r[2] != baseline]
    margin = min(STARTUP[version] + r[3] - r[1] for r in rows)
    print(f"CPython {VERSIONS[version]}: {len(rows)} files, {len(bounded)} bounded below threshold0; "
          f"largest excess over the variable part {excess} (startup {STARTUP[version]}); smallest margin {margin}")
    for r in over:
        print("  !! count above the bound:", r)
    for r in collected:
        print("  !! collected before the first line although bounded:", r)
    return not over and not collected


corpus = sorted(glob.glob(os.path.join(ROOT, "Tests", "HeapScriptTests", "Corpus", "*", "*.py")))
with tempfile.TemporaryDirectory() as directory:
    files = generated(directory) + corpus
    ok = all([measure(v, files, directory) for v in (sys.argv[1:] or ["3.6", "3.8", "3.11", "3.13"])])
sys.exit(0 if ok else 1)
