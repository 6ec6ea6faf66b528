import sys
sys.getsizeof({}), sys.getsizeof(dict()), sys.getsizeof(dict(a=1)), sys.getsizeof(dict([(1, 2)]))
d = dict()
for i in range(12):
    d[str(i)] = i
    print(i, sys.getsizeof(d))

e = {1: 1}
e['a'] = 2
sys.getsizeof(e)
f = {k: k for k in range(7)}
sys.getsizeof(f)
del f[0], f[1], f[2]
f[100] = 1; f[101] = 1; f[102] = 1; f[103] = 1
sys.getsizeof(f)
g = {}.copy(); sys.getsizeof(g)
h = {'x': 1}; h.clear(); sys.getsizeof(h)
h['y'] = 2; sys.getsizeof(h)
sys.getsizeof({}.keys())
i = {'a': 1, 'b': 2}; i.update(c=3, d=4, e=5, f=6); sys.getsizeof(i)
sys.getsizeof({1: 2}.keys()), sys.getsizeof(iter({}))
k = {}; k.setdefault(1, []); k.setdefault('s', 2); sys.getsizeof(k)
m = {'a': 1}; m.pop('a'); sys.getsizeof(m)
n = {i: i for i in range(6)}; n.popitem(); sys.getsizeof(n)
