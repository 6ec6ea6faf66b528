import gc, sys, weakref
class C:
    pass

seen = []
def cb(w):
    seen.append((type(w).__name__, sys.getrefcount(w)))

c = C(); r = weakref.ref(c, cb); sys.getrefcount(cb)
del c
sys.getrefcount(cb), r() is None, seen
c = C(); r1 = weakref.ref(c, cb); p1 = weakref.proxy(c, cb); p0 = weakref.proxy(c); sys.getrefcount(cb)
gc.collect(); del c; gc.get_count(), sys.getrefcount(cb)
seen
c = C(); ws = [weakref.proxy(c, cb) for i in range(3)]; sys.getrefcount(cb), weakref.getweakrefcount(c)
gc.collect(); del c; gc.get_count(), sys.getrefcount(cb), len(seen)
del ws, r1, p1
sys.getrefcount(cb)
