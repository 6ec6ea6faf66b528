import gc
class A: pass

def make():
    gc.collect()
    class C(A): pass
    return gc.get_count()

make()
make()
gc.collect()
n = len(gc.get_objects())
class B(A): pass

len(gc.get_objects()) - n
del B
gc.collect()
len(gc.get_objects()) - n
class D: pass

class E(D): pass

class F(E): pass

del F, E
gc.collect()
