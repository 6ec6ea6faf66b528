#!/usr/bin/env python3
"""Check a chapter's heap blocks against the real CPython interpreter.

Usage: scripts/check-chapter-cpython.py [--python PYTHON] [-v] chapters/01-x.md ...

For each chapter it collects the heap blocks (a plain fence scan, see docs/DESIGN.md
section 4), feeds the input of every example to `PYTHON -q -i` (one session per
chapter, a new one at each `fresh` block) and compares what the interpreter
prints with the expected output written in the chapter.

* transcript examples (`>>> ` / `... `) are fed as they are, with a blank line
  after a compound statement;
* a script block is fed as one line, `exec(<repr of its source>)`, so it runs in
  the session's `__main__` namespace; its expected stdout is the `output` fence
  that follows it;
* `# heap: +SKIP` examples, and blocks for another profile (`python=3.12`),
  are not fed; `# heap: +ENGINE` examples are fed but
  not compared; `+ELLIPSIS` and `+NORMALIZE_WHITESPACE` work as in doctest.

Each session runs twice: once with a marker line printed after every example,
to cut stdout (and stderr, for tracebacks) into per-example pieces, and once
exactly as the concatenated input, to make sure the markers changed nothing
(they allocate a little, which could in principle disturb an id-reuse example).

Exit status: 0 when everything matches, 1 on a mismatch, 2 on unusable input.
"""

import argparse
import os
import re
import subprocess
import sys

PROMPT_RE = re.compile(r"^(?:(?:>>>|\.\.\.) ?)+")
DIRECTIVE_RE = re.compile(r"#\s*heap:\s*(.*)$")
KNOWN_OPTIONS = {"fresh", "diagram", "versions"}


class Unusable(Exception):
    pass


class Example:
    def __init__(self, path, line, source, expected, kind, fresh):
        self.path = path
        self.line = line          # 1-based line of the example's first input line
        self.source = source      # list of source lines (no prompts)
        self.expected = expected  # list of expected output lines
        self.kind = kind          # "transcript" or "script"
        self.fresh = fresh        # first example of a `fresh` block
        self.version = None       # `python=X.Y` of its block, if any

    @property
    def skipped(self):
        # other profiles are not checked here (this script runs one interpreter)
        return "+SKIP" in self.flags or self.version not in (None, "3.11")

    @property
    def flags(self):
        flags = set()
        for src in self.source:
            m = DIRECTIVE_RE.search(src)
            if m:
                flags.update(f.strip() for f in m.group(1).split(",") if f.strip())
        return flags

    def feed(self):
        if self.kind == "script":
            return "exec(%r)\n" % ("\n".join(self.source) + "\n")
        text = "\n".join(self.source) + "\n"
        if len(self.source) > 1 or self.source[0].rstrip().endswith(":"):
            text += "\n"
        return text


def parse_chapter(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    examples = []
    i = 0
    pending_script = None  # script example waiting for its `output` fence
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^(\s*)(`{3,}|~{3,})(.*)$", line)
        if not m:
            if line.strip():
                pending_script = None
            i += 1
            continue
        fence = m.group(2)
        info = m.group(3).strip()
        start = i
        body = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*" + re.escape(fence[0]) + "{%d,}\\s*$" % len(fence), lines[i]):
            body.append(lines[i])
            i += 1
        if i >= len(lines):
            if info.startswith("heap"):
                raise Unusable("%s:%d: error: heap fence still open at end of file" % (path, start + 1))
            break
        i += 1  # closing fence
        words = info.split()
        if words and words[0] == "output":
            if pending_script is None:
                raise Unusable("%s:%d: error: output block does not follow a script-form heap block" % (path, start + 1))
            pending_script.expected = body
            pending_script = None
            continue
        pending_script = None
        if not words or not words[0].startswith("heap"):
            continue
        if words[0] != "heap":
            raise Unusable("%s:%d: error: bad heap info string %r" % (path, start + 1, info))
        opts = words[1:]
        for o in opts:
            if o.split("=")[0] not in KNOWN_OPTIONS and not o.startswith("python="):
                raise Unusable("%s:%d: error: unknown heap option %r" % (path, start + 1, o))
        fresh = "fresh" in opts
        version = next((o.split("=", 1)[1] for o in opts if o.startswith("python=")), None)
        first_example = len(examples)
        first_line = start + 2
        if any(b.startswith(">>>") for b in body):
            cur = None
            for k, b in enumerate(body):
                ln = first_line + k
                if b.startswith(">>> ") or b == ">>>":
                    cur = Example(path, ln, [b[4:]], [], "transcript", fresh)
                    fresh = False
                    examples.append(cur)
                elif b.startswith("... ") or b == "...":
                    if cur is None:
                        raise Unusable("%s:%d: error: '...' line with no '>>>' before it" % (path, ln))
                    if cur.expected:
                        # a `...` line inside expected output (ELLIPSIS / traceback)
                        cur.expected.append(b)
                    else:
                        cur.source.append(b[4:])
                else:
                    if cur is None:
                        if b.strip():
                            raise Unusable("%s:%d: error: text before the first '>>>'" % (path, ln))
                        continue
                    cur.expected.append(b)
        else:
            ex = Example(path, first_line, body, [], "script", fresh)
            examples.append(ex)
            pending_script = ex
        for ex in examples[first_example:]:
            ex.version = version
    for ex in examples:
        while ex.expected and not ex.expected[-1].strip():
            ex.expected.pop()
        ex.expected = ["" if e == "<BLANKLINE>" else e.rstrip() for e in ex.expected]
    return examples


def sessions_of(examples):
    sessions = [[]]
    for ex in examples:
        if ex.fresh and sessions[-1]:
            sessions.append([])
        sessions[-1].append(ex)
    return sessions


def run(python, text):
    env = dict(os.environ)
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONHASHSEED", None)  # keep hash randomization: outputs must not depend on it
    p = subprocess.run([python, "-q", "-i"], input=text, capture_output=True,
                       text=True, env=env)
    return p.stdout, p.stderr


def marker(n):
    return "@@heapcheck-%d@@" % n


def split_by_markers(text, count):
    pieces = []
    rest = text
    for n in range(count):
        m = marker(n)
        idx = rest.find(m + "\n")
        if idx < 0:
            return None
        pieces.append(rest[:idx])
        rest = rest[idx + len(m) + 1:]
    return pieces


def clean_stderr(piece):
    out = []
    for line in piece.split("\n"):
        line = PROMPT_RE.sub("", line)
        if line.strip():
            out.append(line.rstrip())
    return out


def matches(expected, got, flags):
    exp = "\n".join(expected)
    g = "\n".join(l.rstrip() for l in got)
    if "+NORMALIZE_WHITESPACE" in flags:
        exp = " ".join(exp.split())
        g = " ".join(g.split())
    if "+ELLIPSIS" in flags:
        pattern = ".*?".join(re.escape(part) for part in exp.split("..."))
        return re.fullmatch(pattern, g, re.S) is not None
    return exp == g


def traceback_matches(expected, got_err):
    # doctest style: header, optional `...`, last line is the exception
    if not got_err or got_err[0] != "Traceback (most recent call last):":
        # SyntaxError has no "Traceback" header in the REPL on 3.11
        return got_err and expected[-1].strip() == got_err[-1].strip()
    return expected[-1].strip() == got_err[-1].strip()


def check_session(python, session, verbose):
    failures = []
    active = [ex for ex in session if not ex.skipped]
    marked = []
    for n, ex in enumerate(active):
        marked.append(ex.feed())
        marked.append("print(%r); print(%r, file=__import__('sys').stderr)\n" % (marker(n), marker(n)))
    out, err = run(python, "".join(marked))
    outs = split_by_markers(out, len(active))
    errs = split_by_markers(err, len(active))
    if outs is None or errs is None:
        failures.append((active[0] if active else session[0], "the session did not reach its end",
                         [], (out + err).split("\n")[-20:]))
        return failures, 0
    checked = 0
    for ex, o, e in zip(active, outs, errs):
        got = o.split("\n")
        if got and got[-1] == "":
            got.pop()
        got_err = clean_stderr(e)
        if "+ENGINE" in ex.flags:
            continue
        checked += 1
        tb_at = next((k for k, l in enumerate(ex.expected) if l.startswith("Traceback (most recent call last):")), None)
        if tb_at is not None:
            ok = matches(ex.expected[:tb_at], got, ex.flags) and traceback_matches(ex.expected[tb_at:], got_err)
            shown = got + got_err
        else:
            ok = matches(ex.expected, got, ex.flags) and not got_err
            shown = got + got_err
        if not ok:
            what = "example failed"
            if got_err and tb_at is None:
                what = "example failed (unexpected output on stderr)"
            failures.append((ex, what, ex.expected, shown))
        elif verbose:
            print("%s:%d: ok" % (ex.path, ex.line))
    # The authoritative run: the same input without markers. Its whole stdout
    # must match the expected outputs, concatenated (ELLIPSIS and ENGINE parts
    # match anything). Markers allocate a little, which can disturb an
    # id-reuse example; so the per-example results above only count where
    # this run disagrees too.
    pure_out, _ = run(python, "".join(ex.feed() for ex in active))
    pieces = []
    for ex in active:
        exp = ex.expected
        tb_at = next((k for k, l in enumerate(exp) if l.startswith("Traceback (most recent call last):")), None)
        if tb_at is not None:
            exp = exp[:tb_at]
        if "+ENGINE" in ex.flags:
            pieces.append("(?:.*\n)*?")
            continue
        part = "".join(l + "\n" for l in exp)
        words = part.split() if "+NORMALIZE_WHITESPACE" in ex.flags else [part]
        if "+ELLIPSIS" in ex.flags:
            words = [".*?".join(re.escape(x) for x in w.split("...")) for w in words]
        else:
            words = [re.escape(w) for w in words]
        if "+NORMALIZE_WHITESPACE" in ex.flags:
            rx = "\\s*" + "\\s+".join(words) + "\\s*" if words else ""
        else:
            rx = words[0]
        pieces.append(rx)
    pure_lines = "".join(l.rstrip() + "\n" for l in pure_out.split("\n")[:-1])
    pure_ok = re.fullmatch("".join(pieces), pure_lines, re.S) is not None
    if pure_ok:
        # marker noise only: keep just the failures that are not about outputs
        failures = [f for f in failures if f[1] != "example failed"]
    elif not failures:
        exp_lines = []
        for ex in active:
            exp_lines.extend(ex.expected)
        got_lines = pure_out.split("\n")
        k = next((k for k in range(min(len(exp_lines), len(got_lines))) if exp_lines[k] != got_lines[k]), 0)
        failures.append((active[0], "session output differs (near line %d of its stdout)" % (k + 1),
                         exp_lines[max(0, k - 3):k + 3], got_lines[max(0, k - 3):k + 3]))
    return failures, checked


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python", default="python3.11")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("chapters", nargs="+")
    args = ap.parse_args()
    total_fail = 0
    total_checked = 0
    total_skipped = 0
    for path in args.chapters:
        try:
            examples = parse_chapter(path)
        except Unusable as e:
            print(e)
            return 2
        skipped = sum(1 for ex in examples if ex.skipped)
        engine = sum(1 for ex in examples if "+ENGINE" in ex.flags and not ex.skipped)
        fails = []
        checked = 0
        for session in sessions_of(examples):
            f, c = check_session(args.python, session, args.verbose)
            fails.extend(f)
            checked += c
        for ex, what, exp, got in fails:
            print("%s:%d: %s" % (ex.path, ex.line, what))
            for s in ex.source:
                print("    " + s)
            print("Expected:")
            for l in exp:
                print("    " + l)
            print("Got:")
            for l in got:
                print("    " + l)
        print("%s: %d examples, %d checked, %d failed, %d skipped, %d engine-only"
              % (path, len(examples), checked, len(fails), skipped, engine))
        total_fail += len(fails)
        total_checked += checked
        total_skipped += skipped
    print("%d checked, %d failed, %d skipped" % (total_checked, total_fail, total_skipped))
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
