import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Box:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print('get refs', sys.getrefcount(self))
        return self.d[k]
    def __setitem__(self, k, v):
        print('set refs', sys.getrefcount(self), type(v) is list and sys.getrefcount(v))
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __contains__(self, k):
        print('contains refs', sys.getrefcount(self))
        return k in self.d
    def __len__(self):
        return len(self.d)

b = Box()
key = 'some key'
val = [1, 2]
b[key] = val
sys.getrefcount(val)
b[key] is val
sys.getrefcount(key)
key in b, 'other' in b, 'other' not in b
show(lambda: b['missing'])
del b[key]
sys.getrefcount(val)
show(lambda: b.__delitem__('missing'))
def setslice():
    b[1:3] = 'x'

show(setslice)
b[1, 2] = 'tuple'
b[1, 2]
len(b), bool(b)
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v

class C:
    def __init__(self, r):
        self.r = r
    def __contains__(self, k):
        return self.r

1 in C(Truthy(True)), 1 in C(Truthy(False)), 1 not in C(Truthy(False))
1 in C([]), 1 in C('x'), 1 in C(0)
show(lambda: 1 in C(Truthy(1)))
class G:
    def __getitem__(self, k):
        return k * 2

g = G()
g[21], g['ab'], g[::2]
show(lambda: g.__setitem__)
class NoItems:
    pass

show(lambda: NoItems()['a'])
show(lambda: 1 in NoItems())
show(lambda: g[None])
_ = gc.collect()
b2 = Box()
b2['self'] = b2
del b2
gc.collect()
sys.getrefcount(b), sys.getrefcount(g)
