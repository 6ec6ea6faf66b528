import weakref, sys
class C:
    pass

a = C()
b = C()
sys.getrefcount(a)
ws = weakref.WeakSet()
ws.add(a)
ws.add(b)
len(ws)
a in ws, b in ws, C() in ws, 1 in ws
sys.getrefcount(a)
weakref.getweakrefcount(a)
type(ws).__name__, type(ws).__module__
sys.getsizeof(ws)
del a
len(ws)
[x is b for x in ws]
ws.add(b)
len(ws)
ws.discard(b)
len(ws), b in ws
ws.discard(b)
ws.add(b)
ws.pop() is b
len(ws)
w2 = weakref.WeakSet([b])
b in w2, len(w2)
ws == w2
ws.add(b)
ws == w2, ws != w2
w2.clear()
len(w2)
del b
len(ws)
