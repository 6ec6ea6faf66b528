"""Start-up refcounts of the shared objects at the first prompt of `python3.X -q -i`: are they stable?

    python3 scripts/measure/startup-refcounts.py            # 3.6, 3.8, 3.11
    python3 scripts/measure/startup-refcounts.py 3.8        # one version

The objects: the small ints -5..256, None, True, False, (), '', b'' and the printable ASCII
one-character strs. PROBE prints `sys.getrefcount` of each; it runs after each of FIRSTS
as the first statement, twice in CPython and once in the engine (`.build/debug/heapbook`,
which starts every shared object at StartupRefcounts.staticObject = 1,000,000).

An object's start-up offset is CPython's count minus the engine's after `pass`. It is
*stable* when both CPython runs agree and the offset is the same after every first
statement, i.e. the engine's own references track CPython's from there on; only then could
a profile carry CPython's count as data. The script prints, per version, the unstable objects
and by how much each first statement moved them, and the offsets of the stable ones.
3.12+ need nothing: their shared objects are immortal (PEP 683) and show 4294967295.
"""
import sys

import subprocess

from measuring import ENV, VERSIONS, cpython, engine

FIRSTS = ["pass", "x = 1", "import gc", "abcdefghijklmnopqrstuvwxyz = 12345678",
          "def f(a):\n    return a\n"]
CHARS = [chr(c) for c in range(32, 127)]
PROBE = """import sys
print([sys.getrefcount(n) for n in range(-5, 257)])
print([sys.getrefcount(o) for o in (None, True, False, (), '', b'')])
print([sys.getrefcount(c) for c in %r])
""" % "".join(CHARS)
NAMES = [str(n) for n in range(-5, 257)] + ["None", "True", "False", "()", "''", "b''"] + [repr(c) for c in CHARS]


def counts(command, first):
    text = first + ("\n" if first.endswith("\n") else "") + "\n" + PROBE
    out = subprocess.run(command, input=text, capture_output=True, text=True, env=ENV).stdout
    rows = [line[line.index("["):] for line in out.splitlines() if "[" in line]
    values = [int(x) for row in rows for x in row.strip("[]").split(",")]
    assert len(values) == len(NAMES), (command, first, out[-300:])
    return values


def main():
    versions = sys.argv[1:] or ["3.6", "3.8", "3.11"]
    for v in versions:
        cp = {f: (counts(cpython(v), f), counts(cpython(v), f)) for f in FIRSTS}
        en = {f: counts(engine(v), f) for f in FIRSTS}
        offsets = [c - e for c, e in zip(cp["pass"][0], en["pass"])]
        unstable = {}
        for f in FIRSTS:
            a, b = cp[f]
            for i in range(len(NAMES)):
                if a[i] != b[i]:
                    unstable.setdefault(i, []).append(f"runs differ after {f!r}")
                elif a[i] - en[f][i] != offsets[i]:
                    unstable.setdefault(i, []).append(f"{a[i] - en[f][i] - offsets[i]:+d} after {f!r}")
        print(f"{VERSIONS[v]}: {len(unstable)} of {len(NAMES)} unstable")
        for i, why in sorted(unstable.items()):
            print(f"  {NAMES[i]}: " + "; ".join(why))
        print("  stable, CPython's count after 'pass' (probe's own references included): "
              + ", ".join(f"{NAMES[i]}={cp['pass'][0][i]}" for i in range(len(NAMES)) if i not in unstable))


if __name__ == "__main__":
    main()
