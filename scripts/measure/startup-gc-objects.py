"""How many GC-tracked objects CPython's start-up leaves in each generation (the engine's phantoms).

    python3 scripts/measure/startup-gc-objects.py              # every profile, writes startup-gc-objects.json
    python3 scripts/measure/startup-gc-objects.py 3.11 --check # one version, print only

The same measuring program runs in CPython (`python -q -i` and script mode, under several
PYTHONHASHSEED values) and in the engine (`heapbook repl` / `heapbook run`). It prints the
sizes of the generations (`len(gc.get_objects(g))`, 3.8+) or of all of them
(`len(gc.get_objects())`, 3.6: no generation argument), and `gc.get_freeze_count()`, at the
first prompt and after each collection of a sequence. Everything the program itself makes is
made in both, so CPython minus engine is what start-up left that the engine does not model.

Each step is printed as `label total [g0, g1, g2] frozen collected`. From an engine without
phantoms, `cpython - engine` gives the data of `Profile.startupPhantoms` (Profile.swift):
the counts per generation at the first prompt, and how many of them the first collection to
examine them untracks (untrack_tuples: start-up tuples of atomic items; untrack_dicts in a
full collection). 3.6's split by generation comes from DEBUG_STATS' "objects in each
generation" line at the start of the first `gc.collect(0)` (generation 1 and 2 are what they
were at the prompt: nothing collected in between). From an engine with phantoms every
difference must be 0 (`--check` prints them). The committed startup-gc-objects.json was
written by the engine without phantoms (commit be0741c).
"""
import json
import os
import re
import subprocess
import sys

from measuring import ENV, HEAPBOOK, PYENV, ROOT, VERSIONS

SEEDS = ["0", "1", "17"]
SEQUENCES = {
    # The stages (first collection to examine generation 0's, generation 1's, all start-up
    # objects) in each of the four ways they can fall into collections; then two more.
    "A/B/C": ["collect(0)", "collect(1)", "collect()", "collect()", "collect()"],
    "AB/C": ["collect(1)", "collect(0)", "collect()", "collect()", "collect()"],
    "A/BC": ["collect(0)", "collect(0)", "collect()", "collect()", "collect()"],
    "ABC": ["collect()", "collect()", "collect()"],
}


def program(version, steps):
    per_gen = version != "3.6"
    sizes = "[len(gc.get_objects(g)) for g in (0, 1, 2)]" if per_gen else "[]"
    frozen = "gc.get_freeze_count()" if version != "3.6" else "0"
    lines = ["import gc", "c = 0"]
    show = "print('M', len(gc.get_objects()), %s, %s, c)" % (sizes, frozen)
    lines.append(show)
    for s in steps:
        lines.append("c = gc.%s" % s)
        lines.append(show)
    if version == "3.6":
        # The generation split at the prompt, as the first collection's DEBUG_STATS line shows it.
        lines += ["gc.set_debug(gc.DEBUG_STATS)", "gc.collect(0)", "gc.set_debug(0)"]
    return "\n".join(lines) + "\n"


def run(command, text, seed="0", script=False):
    env = ENV | {"PYTHONHASHSEED": seed}
    if script:
        path = os.path.join(ROOT, ".build", "startup-gc-objects-probe.py")
        with open(path, "w") as f:
            f.write(text)
        p = subprocess.run(command + [path], capture_output=True, text=True, env=env)
    else:
        p = subprocess.run(command, input=text, capture_output=True, text=True, env=env)
    rows = []
    for m in re.finditer(r"M (\d+) \[([\d, ]*)\] (\d+) (\d+)", p.stdout):
        gens = [int(x) for x in m.group(2).split(",")] if m.group(2) else None
        rows.append({"total": int(m.group(1)), "generations": gens, "frozen": int(m.group(3)),
                     "collected": int(m.group(4))})
    stats = re.search(r"objects in each generation: (\d+) (\d+) (\d+)", p.stderr)
    return rows, ([int(x) for x in stats.groups()] if stats else None)


def cpython_cmd(version, script):
    exe = os.path.join(PYENV, "versions", VERSIONS[version], "bin", "python3")
    return [exe] if script else [exe, "-q", "-i"]


def engine_cmd(version, script):
    return [HEAPBOOK, "run", "--python", version] if script else [HEAPBOOK, "repl", "--python", version]


def measure(version):
    out = {}
    for mode in ("repl", "script"):
        script = mode == "script"
        result = {}
        for name, steps in SEQUENCES.items():
            text = program(version, steps)
            runs = [run(cpython_cmd(version, script), text, seed, script) for seed in SEEDS]
            deterministic = all(r == runs[0] for r in runs)
            cp, stats = runs[0]
            en, _ = run(engine_cmd(version, script), text if version != "3.6" else program(version, steps), "0", script)
            diff = []
            for c, e in zip(cp, en):
                d = {"total": c["total"] - e["total"], "frozen": c["frozen"] - e["frozen"],
                     "collected": c["collected"] - e["collected"]}
                if c["generations"] and e["generations"]:
                    d["generations"] = [a - b for a, b in zip(c["generations"], e["generations"])]
                diff.append(d)
            result[name] = {"deterministic": deterministic, "cpython": cp, "engine": en, "difference": diff}
            if stats:
                result[name]["cpython_first_collect0_debug_stats"] = stats
        out[mode] = result
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    versions = args or list(VERSIONS)
    data = {}
    for v in versions:
        data[v] = measure(v)
        for mode, result in data[v].items():
            for name, r in result.items():
                print(v, mode, name, "deterministic" if r["deterministic"] else "NOT DETERMINISTIC",
                      [(d["total"], d.get("generations"), d["frozen"], d["collected"]) for d in r["difference"]])
    if "--check" not in sys.argv:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "startup-gc-objects.json"), "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
