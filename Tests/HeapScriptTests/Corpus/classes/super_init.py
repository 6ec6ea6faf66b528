import sys, gc
class Base:
    def __init__(self, x):
        self.rc = sys.getrefcount(self)
        self.x = x
    def f(self):
        return "Base.f"

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def f(self):
        return "Child.f+" + super().f()
    def s(self):
        return super()
    def g(self):
        return super().f

c = Child(1, 2)
c = Child(1, 2)
c.x, c.y, c.rc, c.f()
s = c.s()
s
sys.getsizeof(s)
s.__thisclass__ is Child, s.__self__ is c, s.__self_class__ is Child, s.__class__ is super
sys.getrefcount(c)
del s
sys.getrefcount(c)
Child.__init__.__closure__[0].cell_contents is Child
sys.getrefcount(Child)
m = c.g()
m.__func__ is Base.f, m.__self__ is c
del m
super(Child, c).f()
super(Child, Child).f is Base.f
type(super(Child, c)) is super
