import sys, gc, weakref
class S:
    __slots__ = ("x", "y")

class T(S):
    pass

class U(S):
    __slots__ = ("z",)

class P:
    pass

class V(P):
    __slots__ = ("a",)

t = T()
t.x = 1; t.w = 2
t.x, t.w, t.__dict__
sys.getsizeof(t), sys.getsizeof(t.__dict__)
r = weakref.ref(t)
r() is t
u = U()
u.x = 1; u.z = 3
u.x, u.z
sys.getsizeof(u)
try:
    u.w = 1
except AttributeError as e:
    print(e)

try:
    weakref.ref(u)
except TypeError as e:
    print(e)

v = V()
v.a = 1; v.b = 2
v.a, v.b, v.__dict__
sys.getsizeof(v)
gc.get_referents(v)[0], gc.get_referents(t)[0]
r2 = weakref.ref(v)
del t
r() is None
class W(T):
    __slots__ = ("q",)

w = W()
w.q = 5; w.x = 6; w.extra = 7
w.q, w.x, w.extra, sys.getsizeof(w)
sys.getsizeof(T), sys.getsizeof(U), sys.getsizeof(V)
'done'
