import sys
for n in range(12):
    print(n, sys.getsizeof(list(range(n))), sys.getsizeof([0] * n), sys.getsizeof(sorted(range(n))), sys.getsizeof([i for i in range(n)]))

sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5, 6]), sys.getsizeof(['a', 'b', 'c'])
a = []
a.extend([1, 2, 3])
sys.getsizeof(a)
a += [4]
sys.getsizeof(a)
b = list('hello')
sys.getsizeof(b)
b.insert(0, 'x')
sys.getsizeof(b)
c = list({1: 2, 3: 4})
sys.getsizeof(c)
d = [x for x in 'abcdefghij' if x > 'c']
sys.getsizeof(d)
e = list((1, 2, 3))
sys.getsizeof(e), sys.getsizeof(e[:]), sys.getsizeof(e + e), sys.getsizeof(e * 3)
e.clear(); sys.getsizeof(e)
e.append(1); sys.getsizeof(e)
t = tuple(range(5)); sys.getsizeof(t)
s = {1, 2, 3}; sys.getsizeof(s)
s2 = set([1, 2, 3, 4, 5]); sys.getsizeof(s2)
{(1, 2), (3, 4), (5, 6)}
hash((1, 2)), hash(('a',)) == hash(('a',)), hash((1.5, -1))
sorted({(i, i) for i in range(6)})
list({(1, 2): 1, (2, 1): 2})
