import weakref, sys
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __hash__(self):
        return hash(self.v)

k1 = K(1)
k2 = K(1)
d = weakref.WeakKeyDictionary()
d[k1] = 'a'
k2 in d, d[k2], len(d)
d[k2] = 'b'
len(d), d[k1]
del k1
len(d), k2 in d
sys.getrefcount(k2)
