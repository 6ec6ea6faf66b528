import sys
x = []
class K:
    def __init__(self, v):
        print(sys.getrefcount(v))
        self.v = v
    def m(self, a):
        return sys.getrefcount(a)
    def s(self):
        return sys.getrefcount(self)

k = K(x)
sys.getrefcount(x)
k.m(x)
k.s()
sys.getrefcount(k)
f = k.m
f(x)
def kw(a=None):
    return sys.getrefcount(a)

kw(a=x)
kw(x)
sorted([x, x]) == [x, x]
sys.getrefcount(x)
def deep(n):
    if n:
        return deep(n - 1)
    return sys.getrefcount(x)

deep(3)
[sys.getrefcount(x) for _ in range(1)]
