import weakref, sys, gc
class K:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, w() is None, w2() is None)

class C:
    pass

b = K("b")
d = C()
w = weakref.ref(d, print)
e = C()
keep = [weakref.ref(e, lambda r: print("cb keep"))]
a = K("a")
w2 = weakref.ref(a, print)
c = [K("c"), K("c2")]
n = gc.collect()
r = C(); r.r = r; r.k = K("cycle")
del r
sys.getrefcount(d), sys.getrefcount(w)
