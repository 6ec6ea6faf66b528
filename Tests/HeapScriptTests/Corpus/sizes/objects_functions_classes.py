import sys
sys.getsizeof(object())
def f():
    pass

sys.getsizeof(f)
def g(a, b=2):
    return a + b

sys.getsizeof(g)
class C:
    pass

sys.getsizeof(C())
class D:
    def __init__(self):
        self.a = 1
        self.b = 2

d = D()
sys.getsizeof(d)
sys.getsizeof(d.__dict__)
o = object()
sys.getsizeof(o)
