import sys, gc
class C:
    a = 1

gc.collect()
d = gc.get_referents(C.__dict__)[0]
type(d), sys.getrefcount(d)
sys.getsizeof(d)
p = C.__dict__
sys.getrefcount(d), sys.getrefcount(p)
q = vars(C)
sys.getrefcount(d), p is q
del p, q
sys.getrefcount(d)
del d
gc.collect()
before = len(gc.get_objects())
x = C.__dict__
len(gc.get_objects()) - before
del x
len(gc.get_objects()) - before
class T: pass

del T
gc.collect()
class U:
    def f(self): return __class__

del U
gc.collect()
class V:
    __slots__ = ('x',)

del V
gc.collect()
