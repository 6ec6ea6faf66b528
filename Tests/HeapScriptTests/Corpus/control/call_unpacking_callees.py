import sys, gc
def f(a, b=2, *rest, **kw): return a, b, rest, kw

print(f(*[1]), f(*(1, 3, 4), **{'z': 5}), f(1, *[], **{}))
f(*1)
f(**[1])
f(1, **{'a': 2})
f(*[], **{})
class C:
    def m(self, a): return (self.__class__.__name__, a)
    def s(self): return sys.getrefcount(self)

c = C()
print(c.m(*[7]), c.m(**{'a': 8}), c.s(*[]))
c.m(*1)
c.m(1, **{'a': 2})
c.m(*[1, 2])
print(*[1, 2, 3], sep=', ', end='!\n')
print(*'abc')
print(max(*[3, 9, 2]), min(*(5, 4)), len(*['xyz']), sum(*[[1, 2, 3]]))
print(*range(3))
print(*1)
max(*1)
def g(*a):
    yield a

gen = g(*[1, 2])
print(next(gen), sys.getsizeof(gen) > 0)
def k(a): return sys.getrefcount(a)

x = []
print(k(*[x]), k(**{'a': x}), k(*(x,)), sys.getrefcount(x))
gc.collect()
print(gc.get_count())
r = f(*[[] for i in range(3)])
print(gc.get_count())
del r
print(gc.get_count())
def h(): return id(())

print(h(*()) == id(()))
ids = [id(f(*[object()])) for i in range(3)]
print(len(set(ids)))
