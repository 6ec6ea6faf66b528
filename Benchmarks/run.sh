#!/usr/bin/env bash
# heapbook's performance targets (docs/DESIGN.md §8), measured as ratios against the reference
# in the same run with hyperfine (alternating the commands; medians are what we quote).
#
#   Benchmarks/run.sh            all benchmarks
#   Benchmarks/run.sh list       one of: list, gc, book
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
command -v cmark >/dev/null || { echo "cmark (the reference for the book benchmark) is needed (apt-get install cmark)" >&2; exit 2; }
PY=${PYTHON:-$(command -v python3.11 || echo "$(pyenv root)/versions/3.11.7/bin/python3")}
swift build -c release --product heapbook >/dev/null 2>&1
HB=.build/release/heapbook
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
which=${1:-all}

if [ "$which" = all ] || [ "$which" = list ]; then
  # Target: heapbook run <= 1.0 x python3.11 wall time.
  echo 'x = [i for i in range(10_000_000)]; del x' > "$work/list.py"
  hyperfine --warmup 1 --runs 5 --export-json "$work/list.json" \
    "$HB run $work/list.py" "$PY $work/list.py"
fi

if [ "$which" = all ] || [ "$which" = gc ]; then
  # Target: gc.collect() over 1,000,000 objects of cyclic garbage <= 1.0 x CPython 3.11's.
  # The subset has no clock, so each side times only its collection with its own clock, in
  # the same run: CPython with time.perf_counter, the engine in CollectorBenchmarks.
  py_ms=$("$PY" - <<'PY'
import gc, statistics, time
gc.disable()
runs = []
for _ in range(5):
    for i in range(500_000):
        a = []; b = [a]; a.append(b)
    del a, b
    t = time.perf_counter(); n = gc.collect(); runs.append((time.perf_counter() - t) * 1000)
    assert n == 1_000_000, n
print(f"{statistics.median(runs):.1f}")
PY
)
  hb_ms=$(HEAPBOOK_GC_BENCH=1 swift test -c release -Xswiftc -enable-testing \
            --filter CollectorBenchmarks 2>&1 | sed -n 's/.*garbage 1M: \([0-9.]*\) ms.*/\1/p' | tail -1)
  python3 -c "print(f'gc.collect() of 1,000,000 cyclic objects: heapbook {float(\"$hb_ms\"):.1f} ms, CPython {float(\"$py_ms\"):.1f} ms, ratio {float(\"$hb_ms\")/float(\"$py_ms\"):.2f}x')"
fi

if [ "$which" = all ] || [ "$which" = book ]; then
  # Target: heapbook build of a 200-chapter book <= 3 x cmark rendering the same files.
  mkdir -p "$work/book"
  for n in $(seq -w 1 200); do cp chapters/0$(( (10#$n % 3) + 1 ))-*.md "$work/book/$n-chapter.md"; done
  cp chapters/index.md "$work/book/"
  hyperfine --warmup 1 --runs 5 \
    "$HB build --out $work/site $work/book" "cmark $work/book/*.md > /dev/null"
fi
