import weakref, gc, sys
_ = gc.collect()
class C: pass

weakref.getweakrefcount(C)
class D(C): pass

weakref.getweakrefcount(D), weakref.getweakrefcount(C)
r = weakref.ref(C)
weakref.getweakrefcount(C)
del D
gc.collect()
del C
gc.collect()
r() is None
class E(C):
    def __init__(self):
        self.x = 1

import sys
sys.getsizeof(E()), sys.getsizeof(E().__dict__)
del E
gc.collect()
