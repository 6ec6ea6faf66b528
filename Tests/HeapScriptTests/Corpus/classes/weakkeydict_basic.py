import weakref, sys
class C:
    pass

a = C()
b = C()
sys.getrefcount(a)
d = weakref.WeakKeyDictionary()
type(d).__name__, type(d).__module__
sys.getsizeof(d), sys.getsizeof(d.data)
d[a] = 'first'
d[b] = [1, 2]
len(d), a in d, C() in d, 1 in d
sys.getrefcount(a)
weakref.getweakrefcount(a)
d[a], d.get(b), d.get(C()), d.get(C(), 'no')
sys.getsizeof(d.data)
sorted(d.values(), key=str)
[k is a or k is b for k in d]
len(list(d.items())), len(list(d.keys()))
len(d.keyrefs()), all(r() is not None for r in d.keyrefs())
del a
len(d)
sys.getsizeof(d.data)
d.setdefault(b, 'x'), d.setdefault(C(), 'y'), len(d)
e = C()
d.update({e: 3})
len(d), d[e]
f = d.copy()
type(f).__name__, len(f), f[e]
del d[e]
len(d), e in d
d.popitem()[1], len(d)
del b, e
len(d), len(f)
try:
    hash(d)
except TypeError as exc:
    print(exc)

vars(d).keys()
bool(d), bool(weakref.WeakKeyDictionary({C(): 1}))
g = weakref.WeakKeyDictionary([(C, 1)])
len(g), g[C]
sys.getsizeof(g.data)
