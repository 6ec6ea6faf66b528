import sys
super()
def h():
    return super()

h()
def h2(a):
    return super()

h2(1)
class E:
    def f(self):
        return super()
    f(1)

class A:
    def f(self):
        return super()
    def g(*args):
        return super()
    def k(self):
        del self
        return super()

A().f()
A().g()
A().k()
super(A, 1)
super(1, 1)
super(A, int)
class B(A):
    pass

super(B, A())
super(A, B()).f
class M(A):
    def miss(self):
        return super().nope
    def miss2(self):
        return super(M, self).nope()

m = M()
for i in range(3):
    try:
        m.miss()
    except AttributeError as e:
        print(e, sys.getrefcount(m))

for i in range(3):
    try:
        m.miss2()
    except AttributeError as e:
        print(e, sys.getrefcount(m))

sys.getrefcount(m)
