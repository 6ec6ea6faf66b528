import gc, sys
a = {1, 2, 3}
b = {3, 4}
c = a.copy()
c, c is a, sys.getsizeof(c), sys.getrefcount(c)
u = a.union(b, [5, 6], (7,))
u, sys.getsizeof(u), a.union() is a, a.union(a)
i = a.intersection(b)
i, sys.getsizeof(i), a.intersection(), a.intersection({2, 3}, {3})
d = a.difference(b)
d, sys.getsizeof(d), a.difference([1], (2,)), a.difference(), a.difference(a)
x = a.symmetric_difference(b)
x, sys.getsizeof(x), a.symmetric_difference([3, 9, 9])
a.issubset({1, 2, 3, 4}), a.issubset(b), a.issuperset({1}), a.issuperset(b), a.isdisjoint({7}), a.isdisjoint(b), a.isdisjoint(a)
big = set(range(100))
sys.getsizeof(big.union(range(100, 200))), sys.getsizeof(big.difference(range(90))), sys.getsizeof(big.difference({1}))
sys.getsizeof(big.symmetric_difference(set(range(50, 150)))), sys.getsizeof(big.intersection(set(range(50))))
s = set(range(10))
s.difference_update(range(5), {9}); s
s.intersection_update({5, 6, 7, 42}); s, sys.getsizeof(s)
s.symmetric_difference_update([7, 8]); s
s.symmetric_difference_update({8, 11}); s
f = frozenset({1, 2})
f.copy() is f, f.issubset(a), f.issuperset({1}), f.isdisjoint(b)
a.union(1)
a.difference([[]])
