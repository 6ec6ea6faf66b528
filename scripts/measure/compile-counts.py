"""Generation-0 counts after compiling and running one statement, engine against CPython.

    python3 scripts/measure/compile-counts.py 3.11           # one version
    python3 scripts/measure/compile-counts.py all            # 3.6, 3.8, 3.11, 3.12, 3.13

Each probe runs `gc.collect()` (which empties the free lists), then the statement, then
prints `gc.get_count()[0]`: whatever the statement's compilation and run took fresh from
the allocator shows up in the count. The engine's `Profile.compileWorkingSet`,
`compileUnitWorkingSet` and `compileClassBodyWorkingSet` were set so that these agree
(within one or two per nested code unit); the first line compares the REPL's start-up
count (`Profile.replStartupGCCounts`). Needs `.build/debug/heapbook` and pyenv's CPythons.
"""
import re
import subprocess
import sys

from measuring import ENV, VERSIONS, cpython, engine

PROBES = [
    ("pass", "pass"),
    ("x = 1", "x = 1"),
    ("list comprehension", "y = [i for i in range(5)]"),
    ("def", "def f(a):\n    return a\n"),
    ("def with a default", "def g(a, b=None):\n    c = [a, b]\n    return c\n"),
    ("class", "class K: pass\n"),
    ("class with __init__", "class C:\n    def __init__(self, v):\n        self.v = v\n        self.other = None\n"),
    ("... and __del__", "class D:\n    def __init__(self, v):\n        self.v = v\n"
                        "    def __del__(self):\n        print('del D')\n"),
    ("NameError", "nope"),
    ("AttributeError", "x.a"),
]


def run(command, source):
    out = subprocess.run(command, input=source, capture_output=True, text=True, env=ENV).stdout
    return re.findall(r"@@ (\d+|\(.*?\))", out)


def compare(version):
    lines = ["import sys", "import gc", "print('@@', gc.get_count())"]
    for _, probe in PROBES:
        lines += ["gc.collect()", probe + ("\n" if probe.endswith("\n") else ""), "print('@@', gc.get_count()[0])"]
    source = "\n".join(lines) + "\n"
    real, simulated = run(cpython(version), source), run(engine(version), source)
    print(f"CPython {VERSIONS[version]} vs engine --python {version}")
    for name, r, s in zip(["start-up"] + [n for n, _ in PROBES], real, simulated):
        mark = "  " if r == s else "!!"
        print(f"  {mark} {name:22} {r:>14} {s:>14}")


for v in (VERSIONS if sys.argv[1:] == ["all"] else sys.argv[1:] or ["3.11"]):
    compare(v)
