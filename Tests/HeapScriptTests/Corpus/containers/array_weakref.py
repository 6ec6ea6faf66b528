import sys, weakref
from array import array
a = array('i', [1])
r = weakref.ref(a)
r() is a, weakref.getweakrefcount(a), sys.getrefcount(a)
def cb(w):
    print('dead', w is r2)

r2 = weakref.ref(a, cb)
weakref.getweakrefcount(a)
del a
r(), r2()
weakref.ref(array('d'))() is None
