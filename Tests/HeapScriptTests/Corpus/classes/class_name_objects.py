import sys, gc
class Outer:
    class Inner:
        pass

Outer.__name__ is Outer.__name__, Outer.__qualname__ is Outer.__qualname__
Outer.__qualname__ is Outer.__name__
Outer.Inner.__qualname__ is Outer.Inner.__qualname__
Outer.Inner.__qualname__
sys.getrefcount(Outer.Inner.__qualname__)
name = 'Outer'
Outer.__name__ is name
q = Outer.Inner.__qualname__
i = Outer.Inner
del Outer
gc.collect()
sys.getrefcount(q)
del i
gc.collect()
sys.getrefcount(q)
