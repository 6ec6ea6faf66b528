import sys, gc
class D(dict): pass

def f(*a, **k): return a, k

def g(a, b=2): return a, b

x, y = [], {}
print(f(x, *[1, 2]), f(*[1], *(2,), x), f(x, *[], y, **{}))
print(f(**{'a': 1}, **{'b': 2}), f(q=x, **{'b': 2}), f(**D(a=1)))
f(x, *1)
f(*[1], *2)
f(**{'a': 1}, **{'a': 2})
f(**{'a': 1}, **[2])
f(**[2])
f(*1, **[2])
g(x, *[1], **{'b': 3})
k = {'b': 5}
print(g(1, **k), sys.getrefcount(k))
def r(**kw): return sys.getrefcount(k), kw is k

print(r(**k))
def s(a): return sys.getrefcount(a)

print(s(*[x]), s(x, *[]), s(**{'a': x}), sys.getrefcount(x))
class C:
    def m(self, a, b=0): return sys.getrefcount(a), sys.getrefcount(self)

c = C()
print(c.m(*[x]), c.m(x, **{'b': 1}), c.m(*[x], b=2))
gc.collect()
t = f(x, *[1, 2], **k)
print(gc.get_count())
print(f(1, 2, *[3]))
c.m(*[1, 2, 3, 4, 5])
