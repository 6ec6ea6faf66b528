import sys, gc
gc.collect()
def f(self): return 1

gc.collect()
before = len(gc.get_objects())
p = property(f, f, f, "doc")
len(gc.get_objects()) - before
gc.get_referents(p) == [f, f, f, "doc"]
gc.collect()
gc.get_count()
class C:
    a = property(f)
    b = property(f)
    @property
    def c(self): return 2
    @c.setter
    def c(self, v): pass

gc.get_count()
gc.collect()
x = C()
x.a, x.b, x.c
gc.get_count()
q = C.c.setter(f)
gc.get_count()
del q
gc.get_count()
class Loop:
    pass

Loop.p = property(lambda self: Loop)
Loop().p is Loop
del Loop
gc.collect()
del p
gc.collect()
