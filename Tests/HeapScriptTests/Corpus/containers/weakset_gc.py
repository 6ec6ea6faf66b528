import weakref, gc, sys
class Node:
    pass

gc.collect()
n = Node()
n.me = n
ws = weakref.WeakSet([n])
len(ws), n in ws
del n
len(ws)
gc.collect()
len(ws)
m = Node()
ws.add(m)
it = iter(ws)
x = next(it)
x is m
del x
del m
len(ws)
list(it)
len(ws)
