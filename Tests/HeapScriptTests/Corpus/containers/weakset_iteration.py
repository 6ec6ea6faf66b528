import weakref, gc, sys
class C:
    pass

a = C()
ws = weakref.WeakSet([a])
sys.getrefcount(ws), sys.getrefcount(a)
len(ws._pending_removals), len(ws._iterating)
it = iter(ws)
x = next(it)
x is a, len(ws._iterating)
sys.getrefcount(ws), sys.getrefcount(a)
del a, x
len(ws), len(ws.data)
list(it)
len(ws), len(ws._pending_removals), len(ws.data), len(ws._iterating)
sys.getrefcount(ws)
b = C()
ws.add(b)
[y is b for y in ws]
len(ws._iterating)
del b
len(ws)
