import sys, gc
class L(list): pass

class LS(list): __slots__ = ()

class D(dict): pass

class C: pass

sys.getsizeof(L), sys.getsizeof(LS), sys.getsizeof(D), sys.getsizeof(C)
x = L([1, 2]); y = D(a=x); x.append(y)
repr(x), repr(y)
a, b = L([1, 2]); a, b
del x, y; gc.collect()
del L; gc.collect()
del LS, D; gc.collect()
