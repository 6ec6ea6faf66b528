import sys
class L(list):
    kind = 'L'
    def first(self):
        return self[0]

x = L([3, 1, 2])
x.sort(); x, type(x), x.first(), x.kind, L.kind, type(x) is L, x.__class__
x.reverse(); x.pop(), x.index(2), x.count(2), 2 in x, x == [2, 1], x != [2], x < [3]
del x[0]; x, len(x), bool(x), bool(L())
[i for i in x], list(x), tuple(x), sorted(L([3, 2])), list(reversed(L([1, 2])))
x[0] = 9; x[:] = [5, 6, 7]; x, x[::2], type(x[::2]), x.copy(), type(x.copy())
type(L([1]) + [2]), type([2] + L([1])), type(L([1, 2])[:1]), type(L([1]) * 2), type(L([1]) + L([2]))
x.insert(0, 4); x.remove(6); x, type(x)
y = L([1]); yid = id(y)
y *= 3; y += [2]; y, type(y), id(y) == yid
y.clear(); y, type(y)
try:
    hash(L())
except TypeError as e:
    print(e)

try:
    x.missing
except AttributeError as e:
    print(e)

try:
    L(1, 2)
except TypeError as e:
    print(e)

try:
    L(5)
except TypeError as e:
    print(e)

print(L('ab'), L(), str(L([1])), '%s' % L([2]), f'{L([3])}', format(L([4])))
class D(dict):
    def keys_sorted(self):
        return sorted(self)

d = D(b=2, a=1)
d.keys_sorted(), list(d.keys()), list(d.values()), list(d.items()), d.get('a'), d.pop('a'), d.setdefault('c', 3), d
d.update({'e': 5}); d.update(f=6); d, len(d), 'e' in d, d == {'b': 2, 'c': 3, 'e': 5, 'f': 6}, type(d)
del d['e']; d.popitem(), d, type(dict(d)), dict(d), type(d.copy()), d.copy()
try:
    d['zz']
except KeyError as e:
    print(repr(e))

try:
    D(1)
except TypeError as e:
    print(e)

for k in D(a=1, b=2):
    print(k)

for v in L([1, 2]):
    print(v)

print(D(a=1), [D()], {1: D()}, D([('a', 1)], b=2))
