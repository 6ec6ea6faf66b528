import weakref, sys
class C:
    pass

a, b, c = C(), C(), C()
d = weakref.WeakKeyDictionary()
d[a] = 1
d[b] = 2
d[c] = 3
it = iter(d)
x = next(it)
x is a, len(d._iterating)
del b
len(d), len(d._pending_removals), len(d.data)
rest = list(it)
len(rest)
len(d), len(d._pending_removals), len(d._iterating), len(d.data)
del x, rest
it = d.items()
k, v = next(it)
k is a, v
del a, k
len(d), len(d._pending_removals)
d[C()] = 5
len(d), len(d.data), d._dirty_len
del d[c]
len(d), d._dirty_len, len(d._pending_removals)
list(it)
len(d), len(d.data)
e = C()
d[e] = 4
vs = d.values()
next(vs)
del e
len(d)
list(vs)
len(d), len(d.data)
