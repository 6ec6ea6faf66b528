import sys
# A generator's own __sizeof__: its basicsize before 3.11 (object.__sizeof__), then
# gen_sizeof, which counts the frame's slots (locals and stack) inside the generator.
def g1():
    yield

def g2(a, b=2, *args, **kw):
    yield a + b * len(args)

def g3(n):
    total = 0
    while total < n:
        total += yield total
    return total

a, b, c = g1(), g2(1), g3(3)
a.__sizeof__(), b.__sizeof__(), c.__sizeof__()
sys.getsizeof(a) - a.__sizeof__(), sys.getsizeof(c) - c.__sizeof__()
next(c)
c.__sizeof__()
type(a).__sizeof__(b) == b.__sizeof__()
m = a.__sizeof__
type(m).__name__, m() == a.__sizeof__()
sys.getrefcount(a)
del m
sys.getrefcount(a)
(x for x in 'ab').__sizeof__()
