import sys
import functools
from functools import partial
partial
type(partial)
def f(*a, **k):
    return a, k

x = 'bound-arg'
sys.getrefcount(x)
p = partial(f, x, 2)
sys.getrefcount(x)
sys.getrefcount(p)
sys.getsizeof(p)
p.func is f, p.args, p.keywords
p.args[0] is x
sys.getrefcount(p.args), sys.getsizeof(p.args)
sys.getsizeof(p.keywords)
repr(p) == 'functools.partial(' + repr(f) + ", 'bound-arg', 2)"
str(p) == repr(p)
callable(p), isinstance(p, partial), type(p) is partial
q = partial(f)
q.args, q.keywords
r = partial(f)
q.keywords is r.keywords, q.args is r.args
pk = partial(f, 1, k=2, j=3)
pk.keywords
sys.getsizeof(pk.keywords)
repr(pk) == 'functools.partial(' + repr(f) + ', 1, k=2, j=3)'
pk.keywords['z'] = 9
nested = partial(pk, 8, y=1)
nested.func is f, nested.args, nested.keywords
nested.keywords is pk.keywords
p2 = partial(p)
p2.args is p.args, p2.keywords is p.keywords
p3 = partial(partial(f), 4)
p3.args
p.attr = 'a'
p.__dict__
p4 = partial(p, 5)
p4.func is p, p4.args
p.attr
del p.attr
p.__dict__
p.missing
p.func = f
p.args = ()
p.keywords = {}
del p.func
partial()
partial(1)
partial(f=1)
partial(func=f)
del p4, p2
sys.getrefcount(x)
p(3)
p()
p(k=1)
p(3, k=1)
sys.getrefcount(x)
q()
q(1, 2, z=3)
pk()
pk(5, k=6)
pk(j=0)
pk.keywords
nested()
del p
sys.getrefcount(x)
