"""Are the start-up counts of 0, 1, True and False deterministic? (StartupRefcounts refuses them.)

    python3 scripts/measure/flag-refcounts.py [RUNS]

For 3.6, 3.8 and 3.11, in both modes (`python3 -q -i` with the probe on stdin, `python3 probe.py`),
runs the probe RUNS times (default 12) with PYTHONHASHSEED=0 and a few times with other seeds,
then once per environment change below, and prints each distinct line of counts with how
often it came. The probe holds each object once more (a name) besides the argument.

Measured 2026-12-07 on the helper machine (its environment has PYTHONDONTWRITEBYTECODE=1,
PYTHONUNBUFFERED=1, LANG=C.UTF-8): with seed 0 every run agrees, and so do the other seeds
among themselves (0 and 1 move by `Profile.hashRandomizationFlagReferences`). But the counts
follow the environment, which the engine does not see: unsetting PYTHONDONTWRITEBYTECODE
moves 0 and 1 by 2 (3.8.18), 1 (3.11.7, 3.6.15) and True/False too; LC_ALL=C moves True and
False on 3.11.7 and 3.6.15; PYTHONNOUSERSITE=1 moves True and False (site.ENABLE_USER_SITE);
PYTHONWARNINGS=ignore moves 0 by 10 (3.8.18), by 114 (3.6.15); unsetting LANG moves 0 and 1.
So they stay refused unless the engine is told the interpreter's environment.
"""
import os
import subprocess
import sys

from measuring import PYENV, VERSIONS

PROBE = """import sys
z = len('')
o = len('.')
t = bool(o)
f = bool(z)
print(sys.getrefcount(z), sys.getrefcount(o), sys.getrefcount(t), sys.getrefcount(f))
"""
CHANGES = [("unset PYTHONDONTWRITEBYTECODE", {"PYTHONDONTWRITEBYTECODE": None}),
           ("PYTHONDONTWRITEBYTECODE=1", {"PYTHONDONTWRITEBYTECODE": "1"}),
           ("LC_ALL=C", {"LC_ALL": "C"}), ("unset LANG", {"LANG": None}),
           ("PYTHONNOUSERSITE=1", {"PYTHONNOUSERSITE": "1"}), ("PYTHONWARNINGS=ignore", {"PYTHONWARNINGS": "ignore"}),
           ("PYTHONUTF8=1", {"PYTHONUTF8": "1"})]
WORKDIR = "/tmp/heapbook-flag-refcounts"


def run(v, mode, seed, change=None):
    env = {k: x for k, x in os.environ.items() if k != "PYTHONSTARTUP"}
    env["PYTHONHASHSEED"] = seed
    for k, x in (change or {}).items():
        if x is None:
            env.pop(k, None)
        else:
            env[k] = x
    py = os.path.join(PYENV, "versions", VERSIONS[v], "bin", "python3")
    os.makedirs(WORKDIR, exist_ok=True)
    with open(os.path.join(WORKDIR, "probe.py"), "w") as f:
        f.write(PROBE)
    if mode == "repl":
        p = subprocess.run([py, "-q", "-i"], input=PROBE, capture_output=True, text=True, env=env, cwd=WORKDIR)
    else:
        p = subprocess.run([py, "probe.py"], capture_output=True, text=True, env=env, cwd=WORKDIR)
    return p.stdout.strip()


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    for v in ("3.6", "3.8", "3.11"):
        for mode in ("script", "repl"):
            for label, seeds in (("seed 0", ["0"] * runs), ("seeds 1 2 7", ["1", "2", "7"])):
                seen = {}
                for s in seeds:
                    out = run(v, mode, s)
                    seen[out] = seen.get(out, 0) + 1
                print("%s %s %s: %s" % (VERSIONS[v], mode, label, "; ".join("%s x%d" % kv for kv in seen.items())))
            for label, change in CHANGES:
                print("%s %s seed 0, %s: %s" % (VERSIONS[v], mode, label, run(v, mode, "0", change)))


if __name__ == "__main__":
    main()
