import weakref, gc
class C:
    pass

d = weakref.WeakValueDictionary()
objs = [C() for i in range(4)]
for i, o in enumerate(objs):
    d[i] = o

for k in d:
    if k == 1:
        del objs[2]
    print(k, len(d._pending_removals))

len(d._pending_removals), len(d), sorted(d.keys())
for k, v in d.items():
    if k == 0:
        _ = objs.pop()
    print(k, v is not None)

len(d), sorted(d.keys())
n = 0
for v in d.values():
    n += 1

n
