# sys.stdout and sys.stderr: identity and print(file=sys.stdout) (their repr names the locale's
# encoding and is refused).
import sys
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdout is sys.stderr)
print(type(sys.stdout), type(sys.stderr) is type(sys.stdout))
from sys import stdout
print("to stdout", file=stdout)
print("a", "b", sep="-", file=sys.stdout, end="!\n")
print("none", file=None)
x = [1, 2]
print(sys.getrefcount(x), x, file=sys.stdout)
