"""What the measuring scripts share: the interpreters, the engine, fuzz programs by statement."""
import os
import re
import subprocess

VERSIONS = {"3.6": "3.6.15", "3.8": "3.8.18", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEAPBOOK = os.path.join(ROOT, ".build", "debug", "heapbook")
PYENV = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip() or os.path.expanduser("~/.pyenv")
# As the oracle runs CPython: no start-up file, fixed string hashes.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"} | {"PYTHONHASHSEED": "0"}


def cpython(version):
    """`python -q -i` of the pyenv interpreter a profile is measured against."""
    return [os.path.join(PYENV, "versions", VERSIONS[version], "bin", "python3"), "-q", "-i"]


def engine(version):
    return [HEAPBOOK, "repl", "--python", version]


def fuzz_program(version, seed, index):
    """The text of fuzz program `index` of `seed` (`heapbook fuzz --show`)."""
    return subprocess.run([HEAPBOOK, "fuzz", "--python", version, "--seed", str(seed), "--show", str(index)],
                          capture_output=True, text=True).stdout


def statements(text):
    """Top-level statements, each as its lines (a compound statement with its body)."""
    out, current = [], []
    for line in text.split("\n"):
        if line and not line.startswith(" "):
            if current:
                out.append(current)
            current = [line]
        elif line.strip():
            current.append(line)
    return out + ([current] if current else [])


def repl_input(lines):
    """A statement as REPL input: a compound statement needs the blank line that ends it."""
    return "\n".join(lines) + ("\n" if lines[0].endswith(":") else "")


def shape(lines):
    """A statement with the generator's names and numbers normalised, for tallying."""
    s = " | ".join(x.strip() for x in lines)
    return re.sub(r"\b\d+\b", "N", re.sub(r"\bC\d+\b", "C", re.sub(r"\b[vtf]\d+\b", "X", s)))
