import gc, sys, weakref
class C:
    pass

def cb(w):
    print('callback', type(w).__name__, weakref.getweakrefcount(w))

c = C()
p = weakref.proxy(c)
p2 = weakref.proxy(c, cb)
r2 = weakref.ref(c, cb)
r = weakref.ref(c)
p3 = weakref.proxy(c, cb)
p2 is p, p3 is p2, weakref.getweakrefcount(c), sys.getrefcount(c)
ws = weakref.getweakrefs(c)
ws[0] is r, ws[1] is p, ws[2] is p3, ws[3] is r2, ws[4] is p2
del ws
sys.getrefcount(p), sys.getrefcount(p2), gc.is_tracked(p2), sys.getsizeof(p2)
del p3
weakref.getweakrefcount(c)
del c
r() is None
repr(p).replace(hex(id(p)), 'P').replace(hex(id(None)), 'N')
str(p)
p.x
p.x = 1
len(p)
bool(p)
p == 1
1 == p
isinstance(p, C)
isinstance(p, weakref.ProxyType)
type(p) is weakref.ProxyType
hash(p)
gc.collect()
class N:
    pass

n = N(); n.me = n
q = weakref.proxy(n, cb)
gc.is_tracked(q), weakref.getweakrefcount(n)
del n
gc.collect()
q.me
def f():
    return 1

fp = weakref.proxy(f, cb)
fp()
del f
fp()
repr(fp).replace(hex(id(fp)), 'P').replace(hex(id(None)), 'N')
