import sys, gc
def f(a, *args):
    return a, args

f(1)
f(1, 2, 3)
f(1)[1] is f(2)[1]
def g(**kw):
    return kw

g()
g(x=1, y=[2])
sys.getsizeof(g(x=1))
gc.is_tracked(g(x=1))
gc.is_tracked(g(x=[]))
def h(a, b=2, *rest, **opts):
    return a, b, rest, opts

h(1)
h(1, 3, 4, 5, c=6)
h(a=7, b=8, z=9)
def keep(*args):
    return args

t = keep([], [])
sys.getrefcount(t)
type(t).__name__
gc.is_tracked(t)
def count(*args, **kw):
    return len(args) + len(kw)

count(1, 2, k=3)
