import gc, weakref
class C:
    pass

def cb(r):
    pass

c = C()
d = C()
e = C()
gc.collect(); w = c; gc.get_count()
gc.collect(); w = weakref.ref; gc.get_count()
gc.collect(); w = weakref.ref(c); gc.get_count()
gc.collect(); w1 = weakref.ref(c); gc.get_count()
gc.collect(); w2 = weakref.ref(d, cb); gc.get_count()
gc.collect(); w3 = weakref.ref(e, None); gc.get_count()
gc.collect(); w4 = weakref.ref(e, None); gc.get_count()
