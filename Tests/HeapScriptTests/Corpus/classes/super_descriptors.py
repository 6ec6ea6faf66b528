import sys
class Base:
    kind = "base"
    def f(self):
        return "Base.f"
    @property
    def p(self):
        return "Base.p"

class Child(Base):
    kind = "child"
    def f(self):
        return super().f() + "/Child.f"
    @property
    def p(self):
        return super().p + "/Child.p"
    def kinds(self):
        return self.kind, super().kind
    def bound(self):
        return super().f
    def unbound(self):
        return super(Child, Child).f

c = Child()
c.f(), c.p, c.kinds()
b = c.bound()
b.__self__ is c, b.__func__ is Base.f
sys.getrefcount(c)
del b
c.unbound() is Base.f
super(Child, Child).p is Base.p
super(Child, c).p
super(Child, c).kind
class Grand(Child):
    def f(self):
        return super().f() + "/Grand.f"
    def skip(self):
        return super(Child, self).f()

g = Grand()
g.f(), g.skip(), g.p, g.kinds()
super(Grand, g)
super(Child, g)
super(Child, Grand)
super(Child, Grand).f is Base.f
sys.getrefcount(g)
