import sys
n = 3
s = 'ab-' * n
f"{s}" is s
t = f"{s}"
t is s
sys.getrefcount(s)
del t
f"{s!s}" is s
f"{s!r}" is s
f"x{s}" is s
f"{s}{''}" is s
k = 12345
f"{k}" is k
x = f"abc"
x is 'abc'
y = f""
y is ''
