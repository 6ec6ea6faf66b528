import sys, gc
from array import array
x = 1000
sys.getrefcount(x)
a = array('l', [x])
sys.getrefcount(x)
a[0] is x, a[0] == x
sys.getrefcount(a)
it = iter(a)
sys.getrefcount(a)
next(it)
list(it)
sys.getrefcount(a)
del it
sys.getrefcount(a)
b = a
sys.getrefcount(a)
del b
import weakref
r = weakref.ref(a)
r() is a, weakref.getweakrefcount(a)
del a
r()
c = array('i', range(100))
gc.get_referents(c) == [] or gc.get_referents(c) == [type(c)]
l = [c, c]
sys.getrefcount(c)
del l
sys.getrefcount(c)
d = array('d', [1.5, 2.5])
sys.getrefcount(d[0]), d[0] is d[0]
