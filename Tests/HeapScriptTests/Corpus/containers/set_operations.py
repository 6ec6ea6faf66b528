# Set operators as setobject.c runs them: which table is copied or walked decides the order.
import sys
a = {1, 9, 17, 25, 33, 41}
b = {2, 9, 25, 50, 66}
a | b
b | a
a & b
b & a
a - b
b - a
a ^ b
b ^ a
big = set(range(0, 400, 8))
big - {8, 16}
len(big - {8, 16}), sys.getsizeof(big - {8, 16})
s = {1, 9, 17}
before = id(s)
s |= {25, 33, 41, 49, 57}
s, id(s) == before, sys.getsizeof(s)
s &= {9, 33, 57, 100}
s, id(s) == before, sys.getsizeof(s)
s -= {33}
s, id(s) == before
s ^= {9, 65, 73}
s, id(s) == before, sys.getsizeof(s)
t = set({8: 1, 16: 2, 24: 3, 32: 4, 40: 5})
t, sys.getsizeof(t)
t.update({48, 56, 64}, {1: 0})
t, sys.getsizeof(t)
f = frozenset(a)
f
{1, 2} | f
x = [1000]
y = {1000, 2000}
sys.getrefcount(x[0]) - 1
u = y | y
sys.getrefcount(x[0]) - 1
del u
y -= y
y
