import sys
class C: pass

class T(tuple): pass

class S(tuple): __slots__ = ()

sys.getsizeof(T) - sys.getsizeof(C), sys.getsizeof(S) - sys.getsizeof(C), sys.getrefcount(T), sys.getrefcount(S)
t = T((1, 2)); t.count(1), T.count(t, 2), tuple.count(t, 1), len(t), t.__class__
