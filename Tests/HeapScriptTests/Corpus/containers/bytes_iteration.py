import sys, gc
b = b'heap'
it = iter(b)
type(it).__name__, sys.getsizeof(it), gc.is_tracked(it)
next(it), next(it)
list(it)
sys.getrefcount(b)
list(b), tuple(b'\x00\xff'), sum(b)
x, y = b'xy'
x, y
for c in b'ok': print(c, sys.getrefcount(c) > 1)

ba = bytearray(b'abc')
it = iter(ba)
type(it).__name__, sys.getsizeof(it)
next(it)
ba.append(100)
list(it)
[c for c in bytearray(3)]
sys.getrefcount(ba)
it = iter(ba)
sys.getrefcount(ba)
del it
sys.getrefcount(ba)
max(b'hello'), sorted(bytearray(b'cab'))
