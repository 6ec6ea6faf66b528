import sys, gc
class S:
    __slots__ = ("x", "y")

class One:
    __slots__ = "x"

class Four:
    __slots__ = ("a", "b", "c", "d")

class E:
    __slots__ = ()

class P:
    pass

sys.getsizeof(S()), sys.getsizeof(One()), sys.getsizeof(Four()), sys.getsizeof(E()), sys.getsizeof(P())
gc.is_tracked(S()), gc.is_tracked(E()), gc.is_tracked(P())
gc.get_referents(E())
sys.getsizeof(S), sys.getsizeof(E), sys.getsizeof(P)
sys.getsizeof(S.x)
a = S()
old = id(a)
del a; b = S()
id(b) == old
del b; c = Four()
id(c) == old
e = E()
old_e = id(e)
del e; f = E()
id(f) == old_e
p = P()
old_p = id(p)
del p; q = S()
id(q) == old_p
s = S()
s.x = 1.5
s.y = (1, 2)
sys.getsizeof(s)
