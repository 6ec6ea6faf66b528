"""Where the engine's generation-0 count drifts from CPython's, by kind of statement.

    python3 scripts/measure/count-drift.py 3.11 --seed 3 --programs 0:150

Runs fuzz programs (`heapbook fuzz --show I`) with `gc.disable()` after `import gc` and
`gc.get_count()[0]` printed after every statement, under the engine and under CPython, and
tallies each statement's count change by its shape (names and numbers normalised). The
automatic collections' timing — what `Tests/PendingDivergences` turns on — follows these
counts, so the kinds at the top of the list are the next things to model.
"""
import argparse
import collections
import concurrent.futures
import re
import subprocess

from measuring import ENV, VERSIONS, cpython, engine, fuzz_program, repl_input, shape, statements


def counts(command, source):
    out = subprocess.run(command, input=source, capture_output=True, text=True, env=ENV).stdout
    return [int(x) for x in re.findall(r"@@ (\d+)", out)]


def program(args, index):
    text = fuzz_program(args.version, args.seed, index)
    source, shapes = [], []
    for st in statements(text):
        if st[0] == "import sys":
            source.append(st[0])
            continue
        source.append(repl_input(st))
        if st[0] == "import gc":
            source.append("gc.disable()")
        shapes.append(shape(st))
        source.append("print('@@', gc.get_count()[0])")
    source = "\n".join(source) + "\n"
    real, simulated = counts(cpython(args.version), source), counts(engine(args.version), source)
    rows = [(shapes[k], real[k] - real[k - 1], simulated[k] - simulated[k - 1])
            for k in range(1, min(len(real), len(simulated)))]
    if args.first_collection:
        # Only the statements before the one in which CPython's first automatic collection
        # would fall (its count passing the threshold): their drift moves that collection.
        # gc.collect() resets the count, so the statements since the last one count.
        crossing = next((k for k in range(1, len(real)) if real[k] > args.threshold), None)
        if crossing is None:
            return []
        start = max((k for k in range(crossing) if rows[k][0] == "gc.collect()"), default=-1) + 1
        rows = rows[start:crossing]
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("version", choices=VERSIONS)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--programs", default="0:150", help="FIRST:END program indexes")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--first-collection", action="store_true",
                        help="tally only the statements before CPython's first automatic collection")
    parser.add_argument("--threshold", type=int, default=700, help="generation 0's threshold")
    args = parser.parse_args()
    first, end = map(int, args.programs.split(":"))
    tally = collections.defaultdict(collections.Counter)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for rows in pool.map(lambda i: program(args, i), range(first, end)):
            for s, real, simulated in rows:
                tally[s][(real, simulated)] += 1
    rows = []
    for s, c in tally.items():
        off = sum(n for (r, e), n in c.items() if r != e)
        rows.append((off, sum(c.values()), s, c))
    rows.sort(reverse=True)
    total = sum(r[1] for r in rows)
    print(f"{sum(r[0] for r in rows)} of {total} statements moved the count differently (CPython {VERSIONS[args.version]})")
    for off, n, s, c in rows[:args.top]:
        print(f"{off:5}/{n:<5} {s[:100]}")
        print("            " + ", ".join(f"CPython {r:+} engine {e:+} x{k}" for (r, e), k in c.most_common(5)))


main()
