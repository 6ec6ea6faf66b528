#!/usr/bin/env python3
"""serve-hostile.py [HEAPBOOK]: knock at `heapbook serve` from loopback and check it stays up.

Starts `heapbook serve --port 0` on a small generated book, with `ulimit -n 1024` applied to
the server and HEAPBOOK_SERVE_IDLE_TIMEOUT=IDLE (env, default 5 s; serve's own default is
30 s), then checks, in order:

  normal      GET / is 200 text/html with the live-reload script; localhost and [::1] Host forms too
  host        Host: evil.example (DNS rebinding) is refused with 421 or 403
  paths       /index.html%00.png, /../x, /%2e%2e/x and /a%5cb are 400; the real file's type is served
  head-1mib   two 1 MiB request headers at once: each answered (431) or closed within 2 s,
              the server spends under 1 s of CPU on them, and a normal GET still works
  idle-1100   1,100 idle connections (more than the server's 1,024 descriptors): a normal GET
              then succeeds within IDLE + 15 s, the server is still running, idle ones get closed
  crash       a rebuild whose `heapbook build` child is killed (SIGKILL): the server keeps serving
              and /__heapbook/version reports the crash; the next good rebuild clears it
  reload      a chapter edit is served rebuilt (prints the edit-to-served time)
  sigint      Ctrl-C stops it with exit status 0

Only python3's standard library; every wait is bounded; traffic goes to 127.0.0.1 only.
HEAPBOOK defaults to .build/debug/heapbook of this checkout. CHECKS=head-1mib,idle-1100 (env)
runs only those (normal and sigint always run). Prints one PASS/FAIL line per
check, measurements included, and 'N passed, N failed'; exit status 0 when all passed.
"""
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEAPBOOK = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/heapbook"))
IDLE = float(os.environ.get("IDLE", "5"))
TICK = os.sysconf("SC_CLK_TCK")

results = []
ONLY = set(filter(None, os.environ.get("CHECKS", "").split(",")))


def wanted(name):
    return not ONLY or name in ONLY


def report(name, ok, detail):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)


def cpu_seconds(pid):
    """utime + stime of the whole process (all threads)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except OSError:
        return float("nan")


def exchange(port, raw, timeout=5.0):
    """Sends raw bytes, reads until the server closes (or timeout). Returns (status, headers, body, seconds)."""
    start = time.monotonic()
    data = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            try:
                s.sendall(raw)
            except OSError:
                pass  # the server may close before reading all of a hostile request
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
                head, sep, body = data.partition(b"\r\n\r\n")
                m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                if sep and m and len(body) >= int(m.group(1)):
                    break
    except OSError:
        pass
    elapsed = time.monotonic() - start
    head, _, body = data.partition(b"\r\n\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        headers[k.strip().lower().decode()] = v.strip().decode(errors="replace")
    return (int(m.group(1)) if m else None), headers, body, elapsed


def get(port, path, host=None, timeout=5.0):
    host = host if host is not None else f"127.0.0.1:{port}"
    raw = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    return exchange(port, raw, timeout)


def make_book(directory):
    os.makedirs(directory)
    with open(os.path.join(directory, "index.md"), "w") as f:
        f.write("# Served\n\nHello.\n")
    write_chapter(directory, "one")


def write_chapter(directory, word, slow=False):
    # `slow` adds an example that runs for a second or two, so the rebuild can be caught.
    loop = "```heap\n>>> for i in range(300000):\n...     pass\n>>> print('looped')\nlooped\n```\n" if slow else ""
    with open(os.path.join(directory, "01-a.md"), "w") as f:
        f.write(f"# First {word}\n\n```heap\n>>> print('{word}')\n{word}\n```\n\n{loop}")


def children(pid):
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def main():
    if not os.access(HEAPBOOK, os.X_OK):
        print(f"serve-hostile.py: no executable {HEAPBOOK} (swift build first)", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="serve-hostile-")
    book, out = os.path.join(work, "book"), os.path.join(work, "out")
    make_book(book)
    env = dict(os.environ, HEAPBOOK_SERVE_IDLE_TIMEOUT=str(IDLE))

    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))

    server = subprocess.Popen([HEAPBOOK, "serve", "--port", "0", "--out", out, book], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, preexec_fn=limit, env=env, cwd=work)
    lines = []
    threading.Thread(target=lambda: [lines.append(l.decode(errors="replace").rstrip()) for l in server.stdout],
                     daemon=True).start()
    try:
        deadline = time.monotonic() + 120
        port = None
        while port is None and time.monotonic() < deadline and server.poll() is None:
            for line in list(lines):
                m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if m:
                    port = int(m.group(1))
            time.sleep(0.05)
        if port is None:
            print("serve did not start:\n" + "\n".join(lines), file=sys.stderr)
            return 1
        print(f"# {HEAPBOOK} serving on port {port}, pid {server.pid}, idle timeout {IDLE:g} s, ulimit -n 1024", flush=True)
        checks(server, port, book)
        if os.environ.get("VERBOSE"):
            print("\n".join("# serve: " + l for l in lines))
        # Ctrl-C
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            code = None
        report("sigint", code == 0, f"exit status {code}")
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


def checks(server, port, book):
    # normal
    status, headers, body, _ = get(port, "/")
    forms = [get(port, "/index.html", host=h)[0] for h in (f"localhost:{port}", f"[::1]:{port}", f"LOCALHOST:{port}")]
    report("normal", status == 200 and headers.get("content-type", "").startswith("text/html")
           and b"/__heapbook/livereload.js" in body and forms == [200, 200, 200],
           f"GET / {status} {headers.get('content-type')}; localhost/[::1]/LOCALHOST forms {forms}")

    if wanted("host"):
        check_host(port)
    if wanted("paths"):
        check_paths(port)
    if wanted("head-1mib"):
        check_head(server, port)
    if wanted("idle-1100") and not check_idle(server, port):
        return
    if wanted("crash"):
        check_crash(server, port, book)
    if wanted("reload"):
        check_reload(port, book)


def check_host(port):
    evil = get(port, "/", host="evil.example")[0]
    evil_port = get(port, "/", host=f"evil.example:{port}")[0]
    wrong_port = get(port, "/", host=f"127.0.0.1:{port + 1 if port < 65535 else port - 1}")[0]
    report("host", evil in (421, 403) and evil_port in (421, 403) and wrong_port in (421, 403),
           f"evil.example {evil}, evil.example:{port} {evil_port}, 127.0.0.1 with another port {wrong_port}")



def check_paths(port):
    nul_status, nul_headers, _, _ = get(port, "/index.html%00.png")
    dots = [get(port, p)[0] for p in ("/../etc/passwd", "/%2e%2e/etc/passwd", "/a/%2E%2E/%2e%2e/x", "/a%5cb", "/index.html%0a")]
    real = get(port, "/index.html")[1].get("content-type", "")
    report("paths", nul_status == 400 and all(d == 400 for d in dots) and real.startswith("text/html"),
           f"%00.png {nul_status} ({nul_headers.get('content-type')}); ../ forms and %5c, %0a {dots}; /index.html {real}")



def check_head(server, port):
    cpu0 = cpu_seconds(server.pid)
    big = (f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: ".encode() + b"a" * (1 << 20) + b"\r\n\r\n")
    answers = [None, None]

    def hostile(i):
        answers[i] = exchange(port, big, timeout=10)

    threads = [threading.Thread(target=hostile, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(1)  # any CPU the server still burns on them shows up here
    normal = get(port, "/", timeout=5)
    cpu1 = cpu_seconds(server.pid)
    statuses = [a[0] for a in answers]
    times = [round(a[3], 3) for a in answers]
    report("head-1mib", all(t < 2 for t in times) and normal[0] == 200 and cpu1 - cpu0 < 1.0,
           f"answers {statuses} after {times} s; server CPU {cpu1 - cpu0:.2f} s; GET / afterwards {normal[0]} in {normal[3]:.3f} s")



def check_idle(server, port):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1200:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    idle = []
    started = time.monotonic()
    refused = 0
    for _ in range(1100):
        try:
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        except OSError:
            refused += 1
    opened = time.monotonic() - started
    normal = get(port, "/", timeout=IDLE + 15)
    alive = server.poll() is None
    closed = 0
    time.sleep(0.2)
    for s in idle:
        try:
            s.setblocking(False)
            if s.recv(1) == b"":
                closed += 1
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
    for s in idle:
        s.close()
    report("idle-1100", normal[0] == 200 and alive,
           f"{len(idle)} connections opened ({refused} failed) in {opened:.1f} s; then GET / {normal[0]} after "
           f"{normal[3]:.1f} s; server {'running' if alive else 'EXITED (' + str(server.returncode) + ')'}; "
           f"{closed} idle ones closed by the server by then")
    return alive


def check_crash(server, port, book):
    # a slow rebuild, its `heapbook build` child killed (Swift's backtracer resumes after a
    # SIGSEGV sent with kill(2), so SIGKILL stands for the crash)
    before = json.loads(get(port, "/__heapbook/version")[2] or b"{}")
    write_chapter(book, "crash", slow=True)
    edited = time.monotonic()
    victim = None
    deadline = time.monotonic() + 15
    while victim is None and time.monotonic() < deadline:
        kids = children(server.pid)
        if kids:
            victim = kids[0]
        time.sleep(0.02)
    if victim is None:
        report("crash", False, "no child build process seen within 15 s (the rebuild runs in-process?)")
    else:
        # The watcher looks twice a second and the slow example runs for over a second:
        # a second after the edit, the build is under way.
        time.sleep(max(0.0, 1.0 - (time.monotonic() - edited)))
        os.kill(victim, signal.SIGKILL)
        state = {}
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            state = json.loads(get(port, "/__heapbook/version")[2] or b"{}")
            if state.get("version", 0) > before.get("version", 0):
                break
            time.sleep(0.1)
        page = get(port, "/01-a.html")
        report("crash", server.poll() is None and page[0] == 200 and "crash" in (state.get("error") or ""),
               f"child {victim} killed; server {'running' if server.poll() is None else 'EXITED'}; "
               f"GET /01-a.html {page[0]}; version error: {(state.get('error') or '').splitlines()[:1]}")



def check_reload(port, book):
    # also the recovery after the crash
    time.sleep(1.1)  # a new mtime second, for file systems with coarse timestamps
    start = time.monotonic()
    write_chapter(book, "edited")
    body = b""
    while b"First edited" not in body and time.monotonic() - start < 120:
        body = get(port, "/01-a.html")[2]
        time.sleep(0.05)
    took = time.monotonic() - start
    state = json.loads(get(port, "/__heapbook/version")[2] or b"{}")
    report("reload", b"First edited" in body and not state.get("error"),
           f"edit served after {took * 1000:.0f} ms; version {state.get('version')}, error {state.get('error')!r}")


if __name__ == "__main__":
    sys.exit(main())
