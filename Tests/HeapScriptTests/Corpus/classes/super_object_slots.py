import sys, gc
class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'P(%r) ' % self.v + super().__repr__()[:12]
    def __eq__(self, other):
        if isinstance(other, P):
            return self.v == other.v
        return super().__eq__(other)
    def __hash__(self):
        return super().__hash__()

p = P(1)
repr(p)
p == P(1), p == 1, p != 1, p != P(2)
super(P, p).__eq__(p), super(P, p).__eq__(P(1)), super(P, p).__ne__(P(1))
super(P, p).__lt__(p), super(P, p).__ge__(1)
hash(p) == id(p) >> 4 or hash(p) == id(p) // 16
hash(p) == super(P, p).__hash__()
{p: 1}[p]
class Q:
    def __repr__(self):
        r = super().__repr__()
        return r.replace('object', 'thing')

q = Q()
repr(q) == '<__main__.Q thing at %s>' % hex(id(q))
str(q) == repr(q)
for i in range(3):
    print(repr(q) == "<__main__.Q thing at %s>" % hex(id(q)), super(Q, q).__repr__() == repr(q).replace("thing", "object"))

sys.getrefcount(q), sys.getrefcount(p)
m = super(Q, q).__repr__
type(m).__name__, sys.getrefcount(q)
del m
sys.getrefcount(q)
try: super(P, p).__eq__()
except TypeError as e: print(e)

try: super(P, p).__hash__(1)
except TypeError as e: print(e)

gc.collect()
del p, q
gc.collect()
