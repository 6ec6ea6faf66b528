import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    def __sizeof__(self):
        print('refs', sys.getrefcount(self))
        return 100

a = A()
sys.getsizeof(a)
sys.getrefcount(a)
a.__sizeof__()
class N:
    __slots__ = ()
    def __sizeof__(self):
        return 40

sys.getsizeof(N())
class S:
    __slots__ = ('x', 'y')
    def __sizeof__(self):
        return self.x

s = S()
s.x = 7
sys.getsizeof(s)
s.x = True
sys.getsizeof(s)
s.x = 0
sys.getsizeof(s, 5)
class B(A):
    pass

sys.getsizeof(B())
class Big:
    def __sizeof__(self):
        return 2**40

sys.getsizeof(Big())
class Neg:
    def __sizeof__(self):
        return -1

show(lambda: sys.getsizeof(Neg()))
show(lambda: sys.getsizeof(Neg(), 5))
class Str:
    def __sizeof__(self):
        return 'x'

show(lambda: sys.getsizeof(Str()))
class Flt:
    def __sizeof__(self):
        return 1.5

show(lambda: sys.getsizeof(Flt()))
class Huge:
    def __sizeof__(self):
        return 2**70

show(lambda: sys.getsizeof(Huge()))
show(lambda: sys.getsizeof(-Huge().__sizeof__()))
class Raises:
    def __sizeof__(self):
        raise KeyError('k')

show(lambda: sys.getsizeof(Raises()))
show(lambda: sys.getsizeof(Raises(), 1))
class Args:
    def __sizeof__(self, extra):
        return 1

show(lambda: sys.getsizeof(Args()))
sys.getsizeof([], 3), sys.getsizeof(a, None)
_ = gc.collect()
class Cyc:
    def __sizeof__(self):
        return 8

c = Cyc()
c.me = c
sys.getsizeof(c)
del c
gc.collect()
sys.getrefcount(a)
