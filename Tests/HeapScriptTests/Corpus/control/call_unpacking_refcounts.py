import sys
def f(a): return sys.getrefcount(a)

x = object()
t = (x,)
print(f(*t), f(*[x]), f(x, *[]), f(*(x,)))
def g(a, b=0): return sys.getrefcount(a)

print(g(*t, **{'b': 1}), g(x, **{'b': 1}), g(*[x], b=1))
class C:
    def m(self, a): return sys.getrefcount(a)
    def s(self): return sys.getrefcount(self)

c = C()
print(c.m(*t), c.m(*[x]), c.m(x, **{}), c.s(*()), c.s(**{}))
print(sys.getrefcount(c), sys.getrefcount(x))
def h(*a, **k): return sys.getrefcount(a), sys.getrefcount(k), sys.getrefcount(x)

print(h(*t), h(*t, **{'q': 1}), h(x, *t))
print(max(*[3, 1, 2]), print(*[1, 2], sep='-'))
import sys
def f(*a): return sys.getrefcount(f)

print(f(), f(*()), f(*[1]), f(**{}), f(*[], **{}))
def g(a, b): return id(a), id((1, 2, a))

t = g(*[1, 2])
print(t[0] == id(1), t[1] == id(1))
def k(a): return sys.getrefcount(a)

print(k(*[[]]), k(**{'a': []}), k([]))
lst = [[]]
print(k(*lst), k(**{'a': lst[0]}))
