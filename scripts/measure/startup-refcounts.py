"""Start-up refcounts of the shared objects at the first prompt of `python3.X -q -i`.

    python3 scripts/measure/startup-refcounts.py 3.11        # one version
    python3 scripts/measure/startup-refcounts.py all         # 3.6, 3.8, 3.11, 3.12, 3.13

For each first statement in FIRSTS, runs the interpreter twice and prints, per object (the
small ints -5..256, None, True, False, (), '', b'', the 128 one-character ASCII strs), the
refcount `sys.getrefcount` reports in PROBE, minus what PROBE itself holds (the argument, the
comprehension's variable, the constant -5). It reports whether two runs agree (are the
counts stable?) and which objects' counts depend on the first statement. Only if both
hold (stable runs, differences explained by the first statement's own references) can a
profile carry the counts as data.
"""
import subprocess
import sys

from measuring import ENV, VERSIONS, cpython

FIRSTS = ["pass", "x = 1", "import gc"]
PROBE = """import sys
print([sys.getrefcount(n) - 2 for n in range(-5, 257)])
print([sys.getrefcount(o) - 1 for o in (None, True, False, (), '', b'')])
print([sys.getrefcount(chr(i)) - 1 for i in range(128)])
"""
NAMES = [str(n) for n in range(-5, 257)] + ["None", "True", "False", "()", "''", "b''"] + \
        [repr(chr(i)) for i in range(128)]


def measure(version, first):
    out = subprocess.run(cpython(version), input=first + "\n" + PROBE, capture_output=True, text=True, env=ENV).stdout
    rows = [line.lstrip(">. ") for line in out.splitlines() if "[" in line]
    counts = [int(x) for row in rows for x in row.strip("[] >").split(",")]
    counts[0] -= 1   # the constant -5 in the probe's co_consts
    return counts


def main():
    versions = list(VERSIONS) if sys.argv[1:] in ([], ["all"]) else sys.argv[1:]
    for v in versions:
        runs = {f: (measure(v, f), measure(v, f)) for f in FIRSTS}
        stable = all(a == b for a, b in runs.values())
        base = runs[FIRSTS[0]][0]
        print(f"{VERSIONS[v]}: runs agree: {stable}")
        for f in FIRSTS[1:]:
            diff = [(NAMES[i], base[i], c) for i, c in enumerate(runs[f][0]) if c != base[i]]
            print(f"  first statement {f!r} vs {FIRSTS[0]!r}: {len(diff)} differ: "
                  + ", ".join(f"{n} {a}->{b}" for n, a, b in diff[:12]) + (" ..." if len(diff) > 12 else ""))
        print("  after 'pass':", dict(zip(NAMES, base)))


if __name__ == "__main__":
    main()
