import weakref, gc, sys
class C:
    pass

n = gc.collect()
d = weakref.WeakValueDictionary([('a', C())])
len(d)
objs = [C(), C(), C()]
d.update(x=objs[0], y=objs[1])
d[2.5] = objs[2]
d[3] = objs[2]
len(d), d.get(2.5) is objs[2], 2.5 in d, 3 in d
d.pop('x', 1) is objs[0], d.pop('zz', 7)
del d['y']
len(d)
e = d.copy()
len(e), e[3] is objs[2]
del objs[2]
len(d), len(e)
c = C()
c.c = c
d['c'] = c
del c
for k in d:
    gc.collect()
    print(k, len(d._pending_removals))

len(d), len(d.data)
