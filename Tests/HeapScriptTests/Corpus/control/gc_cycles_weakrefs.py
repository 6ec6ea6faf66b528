import gc, sys
gc.collect()
class N:
    def __init__(self):
        self.me = self

for i in range(10):
    n = N()

gc.collect()
a = N(); b = N(); a.o = b; b.o = a
del a, b
gc.collect()
class D:
    def __del__(self):
        print('del')

x = D(); x.s = x
del x
gc.collect()
gc.garbage
l = []; l.append(l); del l
gc.collect()
d = {}; d['d'] = d; del d
gc.collect()
gc.get_threshold()
t = (1, [])
gc.is_tracked(t), gc.is_tracked((1, 2)), gc.is_tracked({}), gc.is_tracked({'a': []}), gc.is_tracked([])
gc.collect()
gc.is_tracked(t)
import weakref
class W: pass

w = W()
r = weakref.ref(w)
r() is w, weakref.getweakrefcount(w)
del w
r() is None
sys.getsizeof(r)
def f(): pass

f.__name__
