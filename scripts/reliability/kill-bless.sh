#!/usr/bin/env bash
# Usage: scripts/reliability/kill-bless.sh [N]   (N = 200 by default)
#
# Kills `heapbook test --bless` with SIGKILL at N random points of its run and checks,
# after each kill, what the next heapbook run that reads the chapters sees: every chapter
# (and the oracle cache) entirely old or entirely new, all of them together (bless lands
# per run, not per file), no temporary file or journal left over, the symlinked chapter
# still a link to a file that kept its mode 0640.
#
# The book: KILL_BLESS_CHAPTERS chapters (40) whose outputs are all wrong, plus one
# chapter that is a symbolic link into another directory. By default no CPython is
# reachable, so the engine's outputs are blessed (the fastest run, where the writing is
# the largest share of it); KILL_BLESS_ORACLE=1 lets heapbook find the real interpreter,
# so CPython's outputs and the oracle cache are written too.
#
# The write itself takes a millisecond or two of a run of seconds, so uniform kills would
# almost never land in it: heapbook pauses KILL_BLESS_STEP_MS (100) after each step of it
# (HEAPBOOK_ATOMIC_STEP_DELAY_MS: each temporary file, the journal, each rename); 0 turns
# the pauses off.
#
# Prints where the kills landed (judged from what was on disk right after each kill) and
# exits 1 at the first chapter set that is neither all old nor all new.
set -euo pipefail

N=${1:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
heapbook=${HEAPBOOK:-$root/.build/debug/heapbook}
chapters=${KILL_BLESS_CHAPTERS:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs heapbook in place of this (sub)shell, so that its PID is the one to kill.
exec_heapbook() {
    export HEAPBOOK_ATOMIC_STEP_DELAY_MS=${KILL_BLESS_STEP_MS:-100}
    if [ "${KILL_BLESS_ORACLE:-0}" = 1 ]; then exec "$heapbook" "$@"
    else exec env PATH=/nonexistent PYENV_ROOT=/nonexistent "$heapbook" "$@"; fi
}

make_book() {
    mkdir -p "$1/chapters" "$1/elsewhere"
    for i in $(seq -w 1 "$chapters"); do
        printf '# Chapter %s\n\n```heap\n>>> x = [%d] * 3\n>>> len(x)\n0\n>>> x[0]\n-1\n```\n' "$i" "$((10#$i))" \
            > "$1/chapters/$i-chapter.md"
    done
    printf '# Linked\n\n```heap\n>>> s = "ab" * 2\n>>> s\n%s\n```\n' "''" > "$1/elsewhere/linked.md"
    chmod 640 "$1/elsewhere/linked.md"
    ln -s ../elsewhere/linked.md "$1/chapters/99-linked.md"
}

# One line per chapter (through the link) and for the cache: its digest, or "absent".
state() {
    for f in "$1"/chapters/*.md "$1/chapters/.oracle-cache.json"; do
        if [ -e "$f" ]; then echo "$(basename "$f") $(md5sum < "$f" | cut -d' ' -f1)"
        else echo "$(basename "$f") absent"; fi
    done
}

make_book "$work/old"
cp -a "$work/old" "$work/new"
( exec_heapbook test --bless "$work/new/chapters" ) > /dev/null 2>&1 || true
state "$work/old" > "$work/old.state"
state "$work/new" > "$work/new.state"
if cmp -s "$work/old.state" "$work/new.state"; then echo "bless changed nothing: no test" >&2; exit 2; fi

# How long a whole run takes; kills land uniformly in [0, 1.2 x that).
start=$(date +%s%N)
cp -a "$work/old" "$work/timed"
( exec_heapbook test --bless "$work/timed/chapters" ) > /dev/null 2>&1 || true
span=$(( ($(date +%s%N) - start) / 1000000 * 12 / 10 ))
echo "a whole bless run: $((span * 10 / 12)) ms; killing at random points in [0, $span) ms, $N times"

untouched=0 temps=0 journal=0 finished=0 exited=0 old=0 new=0
for i in $(seq 1 "$N"); do
    rm -rf "$work/book"
    cp -a "$work/old" "$work/book"
    delay=$(( (RANDOM * 32768 + RANDOM) % span ))
    ( exec_heapbook test --bless "$work/book/chapters" ) > /dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    if kill -9 "$pid" 2> /dev/null; then :; else exited=$((exited + 1)); fi
    wait "$pid" 2> /dev/null || true

    # Where it was stopped, from what is on disk now.
    if [ -e "$work/book/chapters/.heapbook-bless-journal" ]; then journal=$((journal + 1))
    elif compgen -G "$work/book/chapters/.*.tmp" > /dev/null || compgen -G "$work/book/elsewhere/.*.tmp" > /dev/null; then temps=$((temps + 1))
    elif state "$work/book" | cmp -s - "$work/new.state"; then finished=$((finished + 1))
    else untouched=$((untouched + 1)); fi

    # The next run that reads the chapters finishes or undoes the interrupted one.
    ( exec_heapbook test "$work/book/chapters" ) > /dev/null 2>&1 || true
    state "$work/book" > "$work/now.state"
    if cmp -s "$work/now.state" "$work/old.state"; then old=$((old + 1))
    elif cmp -s "$work/now.state" "$work/new.state"; then new=$((new + 1))
    else
        echo "kill $i (after $delay ms): chapters neither all old nor all new:" >&2
        diff "$work/old.state" "$work/now.state" >&2 || true
        exit 1
    fi
    leftovers=$(find "$work/book" -name '.*.tmp' -o -name '.heapbook-bless-journal')
    if [ -n "$leftovers" ]; then echo "kill $i: left behind: $leftovers" >&2; exit 1; fi
    if [ ! -L "$work/book/chapters/99-linked.md" ]; then echo "kill $i: the symlinked chapter is no longer a link" >&2; exit 1; fi
    mode=$(stat -c %a "$work/book/elsewhere/linked.md")
    if [ "$mode" != 640 ]; then echo "kill $i: the linked chapter's mode is $mode, not 640" >&2; exit 1; fi
done

echo "kills: $N ($exited after the run had ended)"
echo "on disk right after the kill: $untouched untouched, $temps with temporary files only (rolled back)," \
     "$journal with the journal (rolled forward), $finished finished"
echo "as the next run read them: $old all old, $new all new, 0 mixed"
