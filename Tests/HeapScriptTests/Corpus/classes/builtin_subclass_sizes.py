import sys, gc
_ = gc.collect()
class L(list):
    pass

class D(dict):
    pass

class LS(list):
    __slots__ = ()

class DS(dict):
    __slots__ = ()

sys.getsizeof(L()), sys.getsizeof(L([1, 2, 3])), sys.getsizeof(LS()), sys.getsizeof([]), sys.getsizeof(list())
sys.getsizeof(D()), sys.getsizeof(D(a=1)), sys.getsizeof(DS()), sys.getsizeof({}), sys.getsizeof(dict())
sys.getsizeof(L(range(5))), sys.getsizeof(L(x for x in range(3))), sys.getsizeof(L('abc')), sys.getsizeof(L(L([1, 2, 3])))
sys.getsizeof(list(L([1, 2, 3]))), sys.getsizeof(D({'a': 1, 'b': 2})), sys.getsizeof(dict(D(a=1, b=2))), sys.getsizeof(D([('a', 1)]))
x = L([1, 2])
sys.getsizeof(x), sys.getrefcount(x), sys.getrefcount(L)
x.append(3); x.extend([4, 5]); x, len(x), sys.getsizeof(x)
y = D(a=1)
y['b'] = 2; y['c'] = 3; sys.getsizeof(y), y, sys.getrefcount(y), sys.getrefcount(D)
gc.is_tracked(L()), gc.is_tracked(D()), gc.is_tracked(LS()), gc.is_tracked(DS()), gc.is_tracked(x), gc.is_tracked(y)
e = D()
_ = gc.collect()
gc.is_tracked(e), sys.getsizeof(e)
class L2(L):
    pass

z = L2([1])
type(z), L2.__mro__, sys.getsizeof(z), isinstance(z, L), isinstance(z, list), z
sys.getrefcount(L2), sys.getrefcount(L)
del z, L2
gc.collect()
sys.getrefcount(L)
