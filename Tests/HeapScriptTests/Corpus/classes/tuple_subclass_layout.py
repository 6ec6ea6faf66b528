import sys, gc
class T(tuple): pass

class S(tuple): __slots__ = ()

T.__mro__, S.__mro__[1:]
sys.getsizeof(()), sys.getsizeof((1, 2)), sys.getsizeof(T()), sys.getsizeof(T((1, 2))), sys.getsizeof(S()), sys.getsizeof(S((1, 2)))
x = T((1, 2)); x, type(x), isinstance(x, tuple), x == (1, 2), (1, 2) == x, hash(x) == hash((1, 2))
T() is T(), T() == (), len(T(range(5))), T('ab'), S([3, 4]), T(x for x in 'xyz')
gc.is_tracked(T()), gc.is_tracked(S()), gc.is_tracked(x)
_ = gc.collect(); gc.is_tracked(x), gc.is_tracked((1, 2))
type(x[:]), x[:] is x, type(x + ()), type(() + x), x + () is x, type(x * 1), x * 1 is x, type(1 * x), type(x * 0)
tuple(x) is x, type(tuple(x)), list(x), x[0], x[-1], x[::-1], x.count(1), x.index(2), 2 in x
a, b = x; a, b
class U(T):
    def f(self): return sum(self)
    g = property(lambda self: self[0])

u = U([5, 6]); u.f(), u.g, u, type(u).__name__, sys.getsizeof(u)
'%s-%s' % x, '-'.join(T(('p', 'q'))), sorted(T((3, 1, 2))), max(T((3, 9))), dict([T(('k', 'v'))])
