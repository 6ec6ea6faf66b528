import sys, gc
x = [1, 2, 3, 4, 5]
a, *b = x
a, b, sys.getsizeof(b), sys.getrefcount(b)
*c, d = x
c, d, sys.getsizeof(c)
e, *f, g = (10, 20, 30, 40, 50, 60, 70)
e, f, g, sys.getsizeof(f)
h, *i = range(20)
sys.getsizeof(i), len(i)
j, *k = 'ab'
j, k, sys.getsizeof(k)
[l, *m] = [7]
l, m, sys.getsizeof(m)
n, *o, p = (i * i for i in range(5))
n, o, p, sys.getsizeof(o)
q, *r = (i for i in range(12))
sys.getsizeof(r)
s, *t = {'k': 1, 'j': 2}
s, t
_ = gc.collect(); gc.get_count()
_ = gc.collect(); a, *b = x; gc.get_count()
for u, *w in [(1, 2, 3), (4,), (5, 6)]:
    print(u, w, sys.getsizeof(w))

def f(seq):
    first, *rest = seq
    return first, rest, sys.getrefcount(rest)

f([1, 2, 3])
try:
    a, *b = 1
except TypeError as e:
    print(e)

try:
    a, b, *c = [1]
except ValueError as e:
    print(e)

try:
    a, *b, c, d = (1, 2)
except ValueError as e:
    print(e)

try:
    *a, b = []
except ValueError as e:
    print(e)

a, (b, *c) = 1, [2, 3, 4]
a, b, c
y = object()
a, *b = [y, y, y]
sys.getrefcount(y)
del b
sys.getrefcount(y)
