import sys, gc
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

class S:
    __slots__ = ("b", "a", "c")

s = S()
s.a = D("a"); s.b = D("b"); s.c = D("c")
del s
class U(S):
    __slots__ = ("e", "d")

u = U()
u.a = D("a"); u.b = D("b"); u.c = D("c"); u.d = D("d"); u.e = D("e")
U.d, U.a
gc.get_referents(u)[:5] == [u.d, u.e, u.a, u.b, u.c]
del u
class N:
    __slots__ = ("other", "payload")

gc.collect()
a = N(); b = N()
a.other = b; b.other = a
a.payload = D("pa"); b.payload = D("pb")
gc.is_tracked(a)
gc.get_referents(a) == [b, a.payload, N]
sys.getrefcount(a), sys.getrefcount(b)
del a, b
gc.collect()
class Selfish:
    __slots__ = ("me",)
    def __del__(self):
        print("Selfish del")

x = Selfish()
x.me = x
del x
gc.collect()
gc.collect()
class S2:
    __slots__ = ("x", "y")

del S2
gc.collect()
class S3:
    __slots__ = ["x"]

del S3
gc.collect()
class S4:
    __slots__ = "x"

del S4
gc.collect()
class S5:
    __slots__ = ()

del S5
gc.collect()
class S6:
    __slots__ = ("p", "q")

s6 = S6()
s6.p = s6
s6.q = [s6]
del s6
gc.collect()
'done'
