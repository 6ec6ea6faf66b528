#!/usr/bin/env bash
# kill-build.sh N [HEAPBOOK]: kill -9 `heapbook build` at random moments, N times, and check
# after each kill that the output directory is the old site or the new one, byte for byte —
# never missing, never partial — and that the next runs clean what the killed ones left.
#
# Two generated books, A and B, are built alternately into the same site/. Odd runs kill at
# a uniformly random delay between 0 and 1.2 times a measured full build (start-up,
# verification, writing the staging tree, the swap, deleting the old tree); even runs between
# 0.7 and 1.1 times it, where the writing and the swap happen.
# HEAPBOOK defaults to .build/debug/heapbook of this checkout. Exit status 0 when every check
# held; 1 at the first violation (the work directory is kept for inspection).
set -euo pipefail

n=${1:?usage: kill-build.sh N [HEAPBOOK]}
root=$(cd "$(dirname "$0")/../.." && pwd)
heapbook=$(realpath "${2:-$root/.build/debug/heapbook}")
[ -x "$heapbook" ] || { echo "kill-build.sh: no executable $heapbook (swift build first)" >&2; exit 2; }

work=$(mktemp -d)
cd "$work"

# A book of `count` chapters of ~20 KB of prose each, and one verified heap block in the
# introduction (every block is run in a fresh engine session, which would dominate the time):
# writing the site then takes a measurable share of a build.
make_book() {  # make_book DIR LETTER COUNT
    local dir=$1 letter=$2 count=$3 i prose
    mkdir -p "$dir"
    printf '# Book %s\n\n```heap\n>>> print("%s")\n%s\n```\n' "$letter" "$letter" "$letter" > "$dir/index.md"
    prose=$(for _ in $(seq 200); do printf 'Book %s repeats this sentence about reference counts. ' "$letter"; done)
    for i in $(seq -w 1 "$count"); do
        printf '# Chapter %s%s\n\n%s\n' "$letter" "$i" "$prose" > "$dir/$i-chapter.md"
    done
}
make_book book-A A 60
make_book book-B B 45

# Reference trees, built whole.
"$heapbook" build --out ref-A book-A > /dev/null
"$heapbook" build --out ref-B book-B > /dev/null

start=$(date +%s%N)
"$heapbook" build --out site book-A > /dev/null
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
current=A
echo "work directory $work; a full build takes ${duration_ms} ms; killing at 0-$((duration_ms * 12 / 10)) ms (odd runs)," \
     "$((duration_ms * 7 / 10))-$((duration_ms * 11 / 10)) ms (even runs)"

old=0 new=0 leftover_runs=0 max_leftovers=0
for run in $(seq "$n"); do
    next=$([ "$current" = A ] && echo B || echo A)
    if [ $((run % 2)) -eq 1 ]; then
        delay_ms=$(( RANDOM * RANDOM % (duration_ms * 12 / 10 + 1) ))
    else
        delay_ms=$(( duration_ms * 7 / 10 + RANDOM * RANDOM % (duration_ms * 4 / 10 + 1) ))
    fi
    "$heapbook" build --out site "book-$next" > /dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true

    if [ ! -d site ]; then
        echo "run $run: site/ is missing after a kill at ${delay_ms} ms (kept: $work)" >&2; exit 1
    elif diff -r site "ref-$current" > /dev/null 2>&1; then
        old=$((old + 1))
    elif diff -r site "ref-$next" > /dev/null 2>&1; then
        new=$((new + 1)); current=$next
    else
        echo "run $run: site/ is neither the old nor the new tree after a kill at ${delay_ms} ms (kept: $work)" >&2
        diff -r site "ref-$current" | head -5 >&2
        exit 1
    fi
    leftovers=$(find . -maxdepth 1 -name '.site.*' | wc -l)
    [ "$leftovers" -gt 0 ] && leftover_runs=$((leftover_runs + 1))
    [ "$leftovers" -gt "$max_leftovers" ] && max_leftovers=$leftovers
done

# One run that is not killed: it must clean every leftover of the killed ones.
next=$([ "$current" = A ] && echo B || echo A)
"$heapbook" build --out site "book-$next" > /dev/null
diff -r site "ref-$next" > /dev/null || { echo "the final build is not book $next (kept: $work)" >&2; exit 1; }
remaining=$(find . -maxdepth 1 -name '.site.*' | wc -l)
[ "$remaining" -eq 0 ] || { echo "the final build left $remaining leftovers (kept: $work)" >&2; exit 1; }

echo "$n kills: site/ was the old tree $old times and the new tree $new times, never missing or partial;"
echo "leftovers of killed runs were present after $leftover_runs kills (at most $max_leftovers at once); the final build removed them all"
rm -rf "$work"
