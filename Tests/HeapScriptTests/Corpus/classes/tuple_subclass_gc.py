import sys, gc
_ = gc.collect()
class T(tuple): pass

a = []; t = T((a,)); a.append(t)
del a, t; gc.collect()
k = T((1, 'x')); gc.get_referents(k)[:2]
del k; gc.collect()
class R(T):
    def __repr__(self):
        return 'R' + repr(tuple(self))

r = R((1, 2)); r, [r], str(r)
class Q(T):
    def __str__(self):
        return 'Q!'

str(Q()), repr(Q((3,))), '%s' % (Q(),)
m = [T((i, [i])) for i in range(5)]
del m; gc.collect()
del T, R, Q
gc.collect()
