import sys
class A:
    def __init__(self):
        print(sys.getrefcount(self))

a = A()
sys.getrefcount(a)
class B:
    def __init__(self, x, y=None):
        print(sys.getrefcount(self), sys.getrefcount(x), y is None)

b = B([])
item = []
b = B(item, y=item)
sys.getrefcount(item)
class D:
    def __del__(self):
        print('del', sys.getrefcount(self))

d = D()
del d
class E:
    def __init__(self):
        self.me = self
        print(sys.getrefcount(self))

e = E()
sys.getrefcount(e)
