import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print('len refs', sys.getrefcount(self))
        return self.n

x = L(3)
len(x)
sys.getrefcount(x)
len(L(4))
bool(x), not x
if L(0):
    print('yes')
else:
    print('no')

show(lambda: len(L(-1)))
show(lambda: len(L('a')))
show(lambda: len(L(1.5)))
show(lambda: len(L(2**70)))
show(lambda: len(L(-2**70)))
show(lambda: len(L(True)))
show(lambda: len(L(None)))
show(lambda: bool(L(-1)))
show(lambda: bool(L('a')))
show(lambda: bool(L(2**70)))
big = L(2**40)
len(big)
x.n = [1, 2]
show(lambda: len(x))
sys.getrefcount(x.n)
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool refs', sys.getrefcount(self))
        return self.v

b = B(True)
bool(b)
sys.getrefcount(b)
show(lambda: bool(B(1)))
show(lambda: bool(B(None)))
show(lambda: not B(False))
show(lambda: len(B(1)))
B(False) or 'other'
B(True) and 'both'
[v.v for v in [B(False), B(True)] if v]
class BL(B):
    def __len__(self):
        return 0

bool(BL(True))
len(BL(True))
class Sub(L):
    pass

len(Sub(7)), bool(Sub(0))
def raising(self):
    raise KeyError('len')

L.__len__ = raising
show(lambda: len(x))
show(lambda: bool(x))
_ = gc.collect()
c = L(1)
c.me = c
del c
gc.collect()
sys.getrefcount(x), sys.getrefcount(b)
