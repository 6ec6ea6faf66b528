"""The highest generation-0 count each statement reaches while it runs, engine vs CPython.

    python3 scripts/measure/peaks.py 3.11 --file prog.py

A statement's count can rise above where it ends: objects that are not free-listed (a class
body's function, a frame) are freed before it finishes, and each free lowers the count. An
automatic collection starts as soon as the count passes the threshold, so two interpreters
whose counts agree after every statement still collect at different moments when their peaks
differ. The peak is found by bisection: with the statements before it run under
`gc.disable()`, the statement runs under `gc.set_threshold(T)` for varying T, and a collection
during it (`gc.get_stats()[0]['collections']` moves) means the peak passed T.
"""
import argparse
import re
import subprocess

from measuring import ENV, VERSIONS, cpython, engine, repl_input, statements

COLLECTIONS = "gc.get_stats()[0]['collections']"


def run(command, source):
    out = subprocess.run(command, input=source, capture_output=True, text=True, env=ENV).stdout
    return [int(x) for x in re.findall(r"@@ (-?\d+)", out)]


def prefix(sts, i):
    """The program up to statement i, collector off, then the count and the collections so far."""
    lines = ["import gc", "gc.disable()"] + [repl_input(st) for st in sts[:i]]
    return lines + [f"_c = {COLLECTIONS}; print('@@', gc.get_count()[0])"]


def collected(command, sts, i, threshold):
    lines = prefix(sts, i) + [f"gc.set_threshold({threshold}); gc.enable()", repl_input(sts[i]),
                              "gc.disable()", f"print('@@', {COLLECTIONS} - _c)"]
    got = run(command, "\n".join(lines) + "\n")
    return got[-1] > 0 if len(got) >= 2 else None


def peak(command, sts, i):
    """The statement's starting count and its peak (the least threshold no collection passes)."""
    start = run(command, "\n".join(prefix(sts, i)) + "\n")[-1]
    low, high = start, start + 400
    if collected(command, sts, i, high):
        return start, None
    while low < high:   # least T with no collection
        mid = (low + high) // 2
        if collected(command, sts, i, mid):
            low = mid + 1
        else:
            high = mid
    return start, low


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("version", choices=VERSIONS)
    parser.add_argument("--file", required=True)
    args = parser.parse_args()
    sts = [st for st in statements(open(args.file).read()) if st[0] != "import gc"]
    for i, st in enumerate(sts):
        (rs, rp), (es, ep) = peak(cpython(args.version), sts, i), peak(engine(args.version), sts, i)
        mark = "  " if (rs, rp) == (es, ep) else "!!"
        print(f"{mark} {st[0][:50]:50} start {rs}/{es} peak {rp}/{ep}")


if __name__ == "__main__":
    main()
