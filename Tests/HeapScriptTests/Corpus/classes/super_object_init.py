import sys, gc
class B:
    def __init__(self):
        super().__init__()
        self.x = 1

b = B()
b.x, sys.getrefcount(b)
class A:
    def __init__(self, x):
        super().__init__(x)

try: A(1)
except TypeError as e: print(e)

class R:
    def reset(self):
        return super().__init__()
    def bad(self, x, y):
        return super().__init__(x, y)

R().reset() is None
try: R().bad(1, 2)
except TypeError as e: print(e)

class Two:
    def __init__(self):
        super(Two, self).__init__()
        self.ok = True

Two().ok
m = super(Two, Two()).__init__
type(m).__name__
m()
try: m(1)
except TypeError as e: print(e)

del m
class Base:
    def __init__(self, v):
        super().__init__()
        self.v = v

class Child(Base):
    def __init__(self, v):
        super().__init__(v)
        self.w = v * 2

c = Child(3)
c.v, c.w, sys.getrefcount(c)
for i in range(3):
    try: R().bad(i, 2)
    except TypeError as e: print(i, e)

gc.collect()
gc.collect(); b2 = B(); gc.get_count()
gc.collect(); l = [B() for i in range(5)]; gc.get_count()
gc.collect(); cs = [Child(i) for i in range(4)]; gc.get_count()
del b, b2, l, c, cs
gc.collect()
