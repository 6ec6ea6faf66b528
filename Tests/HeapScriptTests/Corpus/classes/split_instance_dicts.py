import sys, gc
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

a = P(1, 2)
sys.getsizeof(a), sys.getsizeof(a.__dict__)
b = P(3, 4)
sys.getsizeof(b.__dict__), sys.getsizeof(P)
b.z = 5
sys.getsizeof(b.__dict__), sys.getsizeof(a.__dict__)
c = P(5, 6)
sys.getsizeof(c.__dict__)
c.w = 1
sys.getsizeof(c.__dict__), sys.getsizeof(P)
d = P(7, 8)
sys.getsizeof(d.__dict__)
del d.x
sys.getsizeof(d.__dict__), sys.getsizeof(P)
e = P(9, 9)
sys.getsizeof(e.__dict__)
gc.is_tracked(a.__dict__), gc.is_tracked(a)
[type(r).__name__ for r in gc.get_referents(a)]
class Q:
    def __init__(self):
        self.a, self.b, self.c = 1, 2, 3
        self.d, self.e, self.f = 4, 5, 6

q = Q()
sys.getsizeof(q.__dict__), sys.getsizeof(Q)
q2 = Q()
sys.getsizeof(q2.__dict__)
class R: pass

r = R()
sys.getsizeof(r.__dict__)
r.__dict__['k'] = 1
sys.getsizeof(r.__dict__)
r2 = R()
r2.y = 1
sys.getsizeof(r2.__dict__), sys.getsizeof(R)
r3 = R()
r3.x = 1
sys.getsizeof(r3.__dict__)
r3.__dict__[5] = 1
sys.getsizeof(r3.__dict__)
