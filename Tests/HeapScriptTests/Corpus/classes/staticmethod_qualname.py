import sys, gc
def top(): pass

top.__qualname__ is top.__name__, top.__qualname__ is top.__qualname__
class C:
    def m(self): pass
    @staticmethod
    def s(x):
        return 2 * x
    @classmethod
    def c(cls):
        return cls

C.m.__qualname__, C.m.__qualname__ is C.m.__qualname__
sys.getrefcount(C.m.__qualname__)
C.s(21), C.c() is C, C().c() is C
C.__dict__['s'].__qualname__ is C.s.__qualname__
C.__dict__['c'].__qualname__ is C.c.__func__.__qualname__
sys.getrefcount(C.s.__qualname__), sys.getrefcount(C.c.__qualname__)
sorted(C.__dict__['s'].__dict__)
C.__dict__['c'].__dict__['__qualname__']
C().m.__qualname__, C().m.__name__ is C.m.__name__, C.c.__name__
C().m.nothing
gc.collect()
class D:
    @staticmethod
    def counter():
        D.n += 1
        return D.n
    n = 0

D.counter(), D.counter(), D().counter()
q = D.counter.__qualname__
sys.getrefcount(q)
del D
gc.collect()
sys.getrefcount(q)
q
def outer():
    class E:
        @staticmethod
        def inner(): pass
    return E

E = outer()
E.inner.__qualname__, E.__dict__['inner'].__dict__['__qualname__'] is E.inner.__qualname__
sys.getrefcount(E.inner.__qualname__)
del E
gc.collect()
