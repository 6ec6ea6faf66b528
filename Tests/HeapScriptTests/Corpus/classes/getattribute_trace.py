import sys
class Traced:
    def __init__(self, x):
        self.x = x
    def __getattribute__(self, name):
        print('get', name)
        return object.__getattribute__(self, name)
    def double(self):
        return self.x * 2
    def __len__(self):
        return 3

t = Traced([1, 2])
t.x
t.double()
len(t)
hasattr(t, 'x')
getattr(t, 'x')
getattr(t, 'x', 'default')
sys.getrefcount(t)
v = t.x
sys.getrefcount(v)
vars(t)
try:
    t.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Refs:
    def __getattribute__(self, name):
        print(name, sys.getrefcount(self))
        return object.__getattribute__(self, name)
    def m(self):
        return sys.getrefcount(self)

r = Refs()
r.m()
f = r.m
sys.getrefcount(f)
del f
sys.getrefcount(r)

class Sup(Traced):
    def __getattribute__(self, name):
        print('sup', name)
        return super().__getattribute__(name)

s = Sup(5)
for i in range(3):
    s.x

s.double()
object.__getattribute__(s, 'x')
object.__getattribute__(s, 3)
