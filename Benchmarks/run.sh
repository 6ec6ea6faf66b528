#!/usr/bin/env bash
# heapbook's performance targets (DESIGN.md §7), measured as ratios against the reference
# in the same run with hyperfine (alternating the commands; medians are what we quote).
#
#   Benchmarks/run.sh            all benchmarks
#   Benchmarks/run.sh list       one of: list, book
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
PY=${PYTHON:-$(command -v python3.11 || echo "$(pyenv root)/versions/3.11.7/bin/python3")}
swift build -c release --product heapbook >/dev/null
HB=.build/release/heapbook
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
which=${1:-all}

if [ "$which" = all ] || [ "$which" = list ]; then
  # Target: heapbook run <= 1.0 x python3.11 wall time.
  echo 'x = [i for i in range(10_000_000)]; del x' > "$work/list.py"
  hyperfine --warmup 1 --runs 5 --export-json "$work/list.json" \
    "$HB run $work/list.py" "$PY $work/list.py"
fi

if [ "$which" = all ] || [ "$which" = book ]; then
  # Target: heapbook build of a 200-chapter book <= 3 x cmark rendering the same files.
  mkdir -p "$work/book"
  for n in $(seq -w 1 200); do cp chapters/0$(( (10#$n % 3) + 1 ))-*.md "$work/book/$n-chapter.md"; done
  cp chapters/index.md "$work/book/"
  hyperfine --warmup 1 --runs 5 \
    "$HB build --out $work/site $work/book" "cmark $work/book/*.md > /dev/null"
fi
