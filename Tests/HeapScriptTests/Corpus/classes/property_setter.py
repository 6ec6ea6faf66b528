import sys, gc
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "degrees"
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set", v, sys.getrefcount(self))
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del", sys.getrefcount(self))
        self._c = None

t = Temp()
t.celsius
t.celsius = 25
t.celsius
del t.celsius
t.celsius
Temp.celsius.__doc__
prop = Temp.celsius
prop.fget.__name__, prop.fset.__name__, prop.fdel.__name__
sys.getrefcount(prop.fget), sys.getrefcount(prop.fset)
q = prop.getter(prop.fset)
q is prop, q.fget is prop.fset, q.fset is prop.fset, q.__doc__
r = property(prop.fget).setter(prop.fset)
r.__doc__, r.fdel
class Reader:
    def __init__(self):
        self.n = 0
    @property
    def rc(self):
        return sys.getrefcount(self)

rd = Reader()
rd.rc
for i in range(4): print(rd.rc, end=' ')

def read():
    return rd.rc

[read() for i in range(4)]
class Nested:
    @property
    def inner(self):
        return rd.rc + 100
    @property
    def outer(self):
        return self.inner

Nested().outer
Nested().outer
gc.collect()
class Cyc:
    @property
    def me(self):
        return self

k = Cyc()
k.me is k
k.loop = k
del k
gc.collect()
