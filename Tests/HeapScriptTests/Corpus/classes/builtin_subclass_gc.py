import sys, gc
_ = gc.collect()
class L(list):
    pass

class D(dict):
    pass

a = L(); a.append(a); sys.getrefcount(a)
del a; gc.collect()
d = D(); d['self'] = d
del d; gc.collect()
x = L([1, 2])
gc.get_referents(x)
p = L(); q = D(); p.append(q); q['p'] = p
del p, q; gc.collect()
class Holder(list):
    def __del__(self):
        print('del', len(self))

h = Holder([1]); h.append(h)
del h; gc.collect()
h = Holder([2])
del h
m = L(D(k=L()) for _ in range(3))
sys.getsizeof(m), len(m)
del m; gc.collect()
del L, D
gc.collect()
