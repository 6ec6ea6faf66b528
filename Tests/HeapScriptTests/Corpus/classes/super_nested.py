import sys
class A:
    def f(self):
        return "A.f"

class B(A):
    def f(self):
        def inner():
            return super().f()
        return inner()
    def g(self):
        def inner(x):
            return super().f()
        return inner(self)
    def h(self):
        k = lambda: super()
        return k()
    def i(self):
        return (lambda s: super().f())(self)
    def j(self):
        def inner(x):
            return super().f()
        return inner(1)
    def k(self):
        def inner(x):
            return __class__
        return inner(1)

B().f()
B().g()
B().h()
B().i()
B().j()
B().k() is B
b = B()
sys.getrefcount(b)
b.g(), b.i(), b.g(), b.i()
sys.getrefcount(b)
