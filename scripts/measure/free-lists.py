"""Where the engine's free lists and collector counts first part from CPython's.

    python3 scripts/measure/free-lists.py 3.11 --seed 3 --programs 0:200
    python3 scripts/measure/free-lists.py 3.11 --file prog.py      # one program, every statement

Runs fuzz programs (`heapbook fuzz --show I`) or a file with `sys._debugmallocstats()` and
`gc.get_count()` after every top-level statement, under the engine and under CPython, and
compares the free lists (dict, float, list, tuples by length) and the counts. For many
programs it tallies the first statement at which they differ, by shape: generation 0's
count moves only when an object is not taken from (or not returned to) a free list, so the
first difference in the lists is where a later difference in the collector's timing starts.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess

VERSIONS = {"3.6": "3.6.15", "3.8": "3.8.18", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEAPBOOK = os.path.join(ROOT, ".build", "debug", "heapbook")
PYENV = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip() or os.path.expanduser("~/.pyenv")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"} | {"PYTHONHASHSEED": "0"}
# No display and no print until the end: the first repr of a container is a warm-up of its own.
PROBE = "sys._debugmallocstats(); _counts.append(gc.get_count()[0])"


def statements(text):
    out, current = [], []
    for line in text.split("\n"):
        if line and not line.startswith(" "):
            if current:
                out.append(current)
            current = [line]
        elif line.strip():
            current.append(line)
    return out + ([current] if current else [])


def shape(lines):
    s = " | ".join(x.strip() for x in lines)
    return re.sub(r"\b\d+\b", "N", re.sub(r"\bC\d+\b", "C", re.sub(r"\b[vtf]\d+\b", "X", s)))


def states(command, source):
    """(free lists, counts) after every probe."""
    run = subprocess.run(command, input=source, capture_output=True, text=True, env=ENV)
    lists = []
    for chunk in run.stderr.split("Small block threshold")[1:]:
        d = {f"t{m[1]}": int(m[0]) for m in re.findall(r"(\d+) free (\d+)-sized PyTupleObjects", chunk)}
        d |= {m[1].lower(): int(m[0]) for m in re.findall(r"(\d+) free Py(Dict|Float|List)Objects", chunk)}
        lists.append(d)
    counts = re.findall(r"@@ \[([\d, ]*)\]", run.stdout)
    return list(zip(lists, counts[-1].split(', ') if counts else []))


def compare(version, text):
    """[(statement lines, CPython state, engine state)] after each statement."""
    sts = statements(text)
    source = ["import sys", "import gc", "_counts = []", PROBE]
    for st in sts:
        source += ["\n".join(st) + ("\n" if st[0].endswith(":") else ""), PROBE]
    source = "\n".join(source + ["print('@@', _counts)"]) + "\n"
    cpython = [os.path.join(PYENV, "versions", VERSIONS[version], "bin", "python3"), "-q", "-i"]
    real, simulated = states(cpython, source), states([HEAPBOOK, "repl", "--python", version], source)
    return list(zip([["(start)"]] + sts, real, simulated))


def difference(real, simulated):
    (rl, rc), (el, ec) = real, simulated
    parts = [f"{k} {rl.get(k)}/{el.get(k)}" for k in rl if rl.get(k) != el.get(k)]
    if rc != ec:
        parts.insert(0, f"count {rc}/{ec}")
    return ", ".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("version", choices=VERSIONS)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--programs", default="0:200", help="FIRST:END program indexes")
    parser.add_argument("--file", help="compare one program, statement by statement")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if args.file:
        for st, real, simulated in compare(args.version, open(args.file).read()):
            d = difference(real, simulated)
            print(f"{'!!' if d else '  '} {st[0][:60]:60} {d or real[1]}")
        return

    def first(index):
        text = subprocess.run([HEAPBOOK, "fuzz", "--python", args.version, "--seed", str(args.seed),
                               "--show", str(index)], capture_output=True, text=True).stdout
        for st, real, simulated in compare(args.version, text):
            if d := difference(real, simulated):
                return shape(st), d
        return None

    first_index, end = map(int, args.programs.split(":"))
    tally = collections.defaultdict(collections.Counter)
    agreeing = 0
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for found in pool.map(first, range(first_index, end)):
            if found is None:
                agreeing += 1
            else:
                tally[found[0]][found[1]] += 1
    print(f"{agreeing} of {end - first_index} programs agree on every statement (CPython {VERSIONS[args.version]})")
    for s, c in sorted(tally.items(), key=lambda kv: -sum(kv[1].values()))[:args.top]:
        print(f"{sum(c.values()):5} {s[:110]}")
        print("        " + "; ".join(f"{d} x{n}" for d, n in c.most_common(4)))


main()
