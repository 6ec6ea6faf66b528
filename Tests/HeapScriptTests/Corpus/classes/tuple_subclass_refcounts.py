import sys, gc
_ = gc.collect()
class T(tuple): pass

o = object(); sys.getrefcount(o)
x = T((o, o)); sys.getrefcount(o), sys.getrefcount(x), sys.getrefcount(T)
y = T([o]); sys.getrefcount(o)
del x, y; sys.getrefcount(o), sys.getrefcount(T)
s = 'some text'; t = (s, s)
z = T(t); sys.getrefcount(t), sys.getrefcount(s)
del z; sys.getrefcount(s)
w = T(); v = T(); w is v, w == v
_ = gc.collect(); q = T((1, 2, 3)); gc.get_count()[0]
_ = gc.collect(); q2 = T([1, 2, 3]); gc.get_count()[0]
_ = gc.collect(); q3 = T(q); gc.get_count()[0]
n = [T((i,)) for i in range(3)]
del n, q, q2, q3
class D(T):
    def __del__(self):
        print('del', tuple(self))

d = D((1, 2)); del d
e = D(['self']); f = [e]; e2 = D((f,)); f.append(e2)
del e, f, e2; gc.collect()
