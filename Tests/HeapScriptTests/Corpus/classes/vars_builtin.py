import sys, gc
class A:
    def __init__(self):
        self.x = 1

a = A()
vars(a)
vars(a) is a.__dict__
sys.getrefcount(vars(a))
class S:
    __slots__ = ('x',)

vars(S())
vars(1)
vars(1, 2)
vars(x=1)
vars(sys) is sys.__dict__
