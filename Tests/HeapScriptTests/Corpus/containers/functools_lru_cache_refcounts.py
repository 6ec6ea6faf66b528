import sys, weakref
import functools
class R:
    pass

def cb(name):
    return lambda r: print('freed', name)

@functools.lru_cache(maxsize=None)
def f(x):
    return R()

a = f(1); b = f(2)
sys.getrefcount(a), sys.getrefcount(b)
f(1) is a
ra = weakref.ref(a, cb('a')); rb = weakref.ref(b, cb('b'))
rf = weakref.ref(f.__wrapped__, cb('func'))
del a, b
f.cache_info()
f.cache_clear()
f.cache_info()
a = f(1); b = f(2)
ra = weakref.ref(a, cb('a')); rb = weakref.ref(b, cb('b'))
del a, b
del f
@functools.lru_cache(maxsize=2)
def g(x):
    return R()

a = g(1); b = g(2)
sys.getrefcount(a)
ra = weakref.ref(a, cb('a')); rb = weakref.ref(b, cb('b'))
del a, b
c = g(3)
g.cache_info()
c = g(1)
g.cache_info()
g(3) is c
g.cache_info()
rf = weakref.ref(g.__wrapped__, cb('func'))
g.cache_clear()
a = g(1); b = g(2)
ra = weakref.ref(a, cb('a')); rb = weakref.ref(b, cb('b'))
del a, b
del g
n = 10
s = 'x' * n
t = s * 2
@functools.lru_cache(maxsize=None)
def h(x, y=0):
    return x

sys.getrefcount(s)
h(s) is s
sys.getrefcount(s)
h(s) is s
sys.getrefcount(s)
sys.getrefcount(t)
h(t, 1) is t
sys.getrefcount(t)
h.cache_info()
h.cache_clear()
sys.getrefcount(s), sys.getrefcount(t)
@functools.lru_cache(maxsize=3)
def k(x):
    return [x]

u = k(s)
sys.getrefcount(s), sys.getrefcount(u)
k(s) is u
k.cache_clear()
sys.getrefcount(s), sys.getrefcount(u)
big = 10 ** 20
sys.getrefcount(big)
k(big)[0] is big
sys.getrefcount(big)
k((big, 1))[0][0] is big
sys.getrefcount(big)
k.cache_info()
k.cache_clear()
sys.getrefcount(big)
