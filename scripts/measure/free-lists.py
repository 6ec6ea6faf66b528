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
import re
import subprocess

from measuring import ENV, VERSIONS, cpython, engine, fuzz_program, repl_input, shape, statements

# No display and no print until the end: the first repr of a container is a warm-up of its own.
PROBE = "sys._debugmallocstats(); _counts.append(gc.get_count()[0])"


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
        source += [repl_input(st), PROBE]
    source = "\n".join(source + ["print('@@', _counts)"]) + "\n"
    real, simulated = states(cpython(version), source), states(engine(version), source)
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
        text = fuzz_program(args.version, args.seed, index)
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
