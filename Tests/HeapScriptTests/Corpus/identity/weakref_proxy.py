import sys, weakref
class C:
    def __init__(self):
        self.x = 1
    def __len__(self):
        return 3
    def __repr__(self):
        return 'C()'

def f(a):
    return a + 1

c = C()
p = weakref.proxy(c)
sys.getsizeof(p), sys.getrefcount(c), sys.getrefcount(p)
weakref.getweakrefcount(c), p is weakref.proxy(c)
type(p) is weakref.ProxyType, type(p).__name__
r = weakref.ref(c)
ws = weakref.getweakrefs(c)
ws[0] is r, ws[1] is p, len(ws), sys.getrefcount(p), sys.getsizeof(ws)
del ws
p.x
p.y = 2
c.y
del p.y
p.y
p.__class__ is C, p.__dict__
str(p), len(p), bool(p), repr(p).replace(hex(id(p)), 'P').replace(hex(id(c)), 'C')
print(p)
isinstance(p, C), isinstance(p, weakref.ProxyType), isinstance(p, (int, C))
p == c, c == p, p != c, p == 1, 1 == p, p is c
[p].index(c), c in [p], p in [c]
hash(p)
fp = weakref.proxy(f)
type(fp) is weakref.CallableProxyType, fp(4), callable(fp), callable(p), callable(r)
weakref.getweakrefs(f)[0] is fp, sys.getsizeof(fp)
weakref.getweakrefs(1)
weakref.getweakrefcount(p)
weakref.proxy(1)
weakref.proxy()
weakref.proxy(c, None) is p
weakref.ProxyType(c)
p()
weakref.ref(p)
p < c
1 < p
weakref.getweakrefs()
sys.getrefcount(c), sys.getrefcount(p)
