import gc, sys
import functools
def f(*a, **k):
    return len(a) + len(k)

p = functools.partial(f, 1)
[type(o).__name__ for o in gc.get_referents(p)]
p.d = 1
[type(o).__name__ for o in gc.get_referents(p)]
len(gc.get_referrers(p.args)), gc.get_referrers(p.args)[0] is p
gc.is_tracked(p), gc.is_tracked(p.args), gc.is_tracked(p.keywords)
gc.is_tracked(p.__dict__)
gc.collect()
gc.collect(); p(2); gc.get_count()
gc.collect(); p(); gc.get_count()
gc.collect(); p(2, 3, 4, 5, 6, 7); gc.get_count()
gc.collect(); p(k=1); gc.get_count()
gc.collect(); p(2); gc.get_count()
pk = functools.partial(f, 1, k=2)
gc.collect(); pk(2); gc.get_count()
gc.collect(); pk(2, j=3); gc.get_count()
gc.collect(); pk(); gc.get_count()
pk.keywords.clear()
gc.collect(); pk(2); gc.get_count()
gc.collect(); q = functools.partial(f, 1, 2); gc.get_count()
gc.collect(); q = functools.partial(f, a=1); gc.get_count()
gc.collect(); q = functools.partial(q, 3, b=2); gc.get_count()
del q
c = functools.partial(f)
c.me = c
del c
gc.collect()
l = []
c = functools.partial(f, l)
l.append(c)
del l, c
gc.collect()
c = functools.partial(f, k=[])
c.keywords['k'].append(c)
del c
gc.collect()
a = functools.partial(f)
b = functools.partial(f, a)
a.b = b
del a, b
gc.collect()
gc.collect()
del p, pk
sys.getrefcount(f)
x = object()
y = object()
def g(*a, **k):
    return sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(g)

pg = functools.partial(g, x)
pg(y), pg(), pg(y, k=y)
qg = functools.partial(g)
qg(y), qg(x, y)
rg = functools.partial(g, x, x, k=x)
rg(y), rg(), rg(y, j=y)
del pg, qg, rg
sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(g)
