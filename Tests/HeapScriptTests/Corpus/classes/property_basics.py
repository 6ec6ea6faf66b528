import sys, gc
sys.getsizeof(property())
gc.is_tracked(property())
type(property())
def getx(self):
    "the x"
    return self._x

sys.getrefcount(getx)
p = property(getx)
sys.getrefcount(getx), sys.getrefcount(p)
p.fget is getx, p.fset, p.fdel, p.__doc__
class C:
    def __init__(self):
        self._x = 1
    x = p

C.x is p
sys.getrefcount(p)
c = C()
c.x
c.__dict__['x'] = 5
c.x
c.x = 3
del c.x
sys.getrefcount(c)
c.nothing = property()
type(c.nothing)
class D:
    y = property()

d = D()
d.y
sys.getrefcount(d)
d.y = 1
sys.getrefcount(d)
del d.y
sys.getrefcount(d)
property(1, 2, 3, 4, 5)
p2 = property(None, None, None, "explicit")
p2.__doc__, p2.fget
repr(p)[:20]
isinstance(p, property), callable(p)
gc.collect()
del C, c, p
gc.collect()
sys.getrefcount(getx)
