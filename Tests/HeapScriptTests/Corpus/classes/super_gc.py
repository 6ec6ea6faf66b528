import sys, gc
class Base:
    def __init__(self, other):
        self.other = other
    def f(self):
        return 1

class Child(Base):
    def __init__(self, other):
        super().__init__(other)
        self.me = self
    def g(self):
        return super().f()
    def keep(self):
        self.s = super()

c = Child(None)
c = Child(None)
gc.collect(); gc.get_count(); c.g(); gc.get_count()
gc.collect(); gc.get_count(); c.g(); c.g(); c.g(); gc.get_count()
gc.collect(); gc.get_count(); d = Child(c); gc.get_count()
del c, d
gc.collect()
e = Child(None)
e.keep()
sys.getrefcount(e)
gc.get_referents(e.s) == [e, Child, Child]
gc.is_tracked(e.s)
del e
gc.collect()
gc.collect(); gc.get_count(); f = Child(None); f.keep(); gc.get_count()
del f
gc.collect()
