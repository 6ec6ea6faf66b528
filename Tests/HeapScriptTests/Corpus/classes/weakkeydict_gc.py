import weakref, gc, sys
class Node:
    pass

gc.collect()
d = weakref.WeakKeyDictionary()
n = Node()
n.me = n
d[n] = 'cycle'
len(d), n in d
sys.getrefcount(n)
del n
len(d)
gc.collect()
len(d)
m = Node()
v = Node()
v.me = v
d[m] = v
sys.getrefcount(v)
del v
gc.collect()
len(d)
del m
len(d)
gc.collect()
