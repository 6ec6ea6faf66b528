#!/usr/bin/env python3
"""serve-reload-time.py [HEAPBOOK] [CHAPTERS] [EDITS]: the author's loop, timed.

Copies CHAPTERS (default: this checkout's chapters/, with its oracle cache) to a temporary
directory, starts `heapbook serve --port 0` on it, waits for the first build, then EDITS
times (default 3) appends a paragraph with a fresh marker to one chapter (the first
numbered one, or EDIT_CHAPTER=NAME.md) and measures the time from the write until the
rebuilt page containing the marker is served. Prints each time, and the median. Then
(COMPARE=0 skips it) it runs a full `heapbook build` of the edited chapters and checks that
serve's output is the same, file for file.
Only python3's standard library; traffic to 127.0.0.1 only; every wait is bounded.
"""
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEAPBOOK = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else os.path.join(ROOT, ".build/debug/heapbook"))
CHAPTERS = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else os.path.join(ROOT, "chapters")
EDITS = int(sys.argv[3]) if len(sys.argv) > 3 else 3


def fetch(port, path):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while True:
                chunk = s.recv(1 << 16)
                if not chunk:
                    return data
                data += chunk
    except OSError:
        return b""


def tree(root):
    files = {}
    for directory, _, names in os.walk(root):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def main():
    work = tempfile.mkdtemp(prefix="serve-reload-")
    book = os.path.join(work, "book")
    shutil.copytree(CHAPTERS, book)
    names = sorted(n for n in os.listdir(book) if re.match(r"\d+-.*\.md$", n))
    name = os.environ.get("EDIT_CHAPTER", names[0])
    page = "/" + name[:-3] + ".html"
    server = subprocess.Popen([HEAPBOOK, "serve", "--port", "0", "--out", os.path.join(work, "out"), book],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=work)
    lines = []
    threading.Thread(target=lambda: [lines.append(l.decode(errors="replace").rstrip()) for l in server.stdout],
                     daemon=True).start()
    times = []
    try:
        started = time.monotonic()
        port = None
        while port is None and time.monotonic() - started < 600 and server.poll() is None:
            for line in list(lines):
                m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if m:
                    port = int(m.group(1))
            time.sleep(0.1)
        if port is None:
            print("serve did not start:\n" + "\n".join(lines), file=sys.stderr)
            return 1
        print(f"# {HEAPBOOK}: first build and start {time.monotonic() - started:.1f} s; editing {name}", flush=True)
        for i in range(EDITS):
            time.sleep(1.1)  # a new modification time even on coarse file systems
            marker = f"reload-marker-{os.getpid()}-{i}"
            with open(os.path.join(book, name), "a") as f:
                f.write(f"\n{marker}\n")
            edited = time.monotonic()
            while marker.encode() not in fetch(port, page) and time.monotonic() - edited < 300:
                time.sleep(0.05)
            took = (time.monotonic() - edited) * 1000
            times.append(took)
            print(f"edit {i + 1}: served after {took:.0f} ms", flush=True)
        print(f"median edit-to-served: {statistics.median(times):.0f} ms")
        print("# serve said: " + " | ".join(l for l in lines if l.startswith("rebuil")))
        if os.environ.get("COMPARE", "1") != "0":
            full = os.path.join(work, "full")
            subprocess.run([HEAPBOOK, "build", "--out", full, book], stdout=subprocess.DEVNULL, check=True, cwd=work)
            served, built = tree(os.path.join(work, "out")), tree(full)
            same = served == built
            print(f"{'same' if same else 'DIFFERENT'}: serve's site and a full build ({len(built)} files)"
                  + ("" if same else f"; differing: {sorted(k for k in served.keys() | built.keys() if served.get(k) != built.get(k))}"))
            if not same:
                return 1
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
