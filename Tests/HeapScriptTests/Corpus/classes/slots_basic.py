import sys
class S:
    __slots__ = ("x", "y")

s = S()
S.x
S.y
type(S.x)
S.x.__name__
S.__slots__, s.__slots__
try:
    s.x
except AttributeError as e:
    print(e)

sys.getrefcount(s)
s.x = 1
s.x
v = []
s.y = v
sys.getrefcount(v)
s.y is v
s.x = v
sys.getrefcount(v)
del s.x
sys.getrefcount(v)
try:
    del s.x
except AttributeError as e:
    print(e)

sys.getrefcount(s)
try:
    s.z = 5
except AttributeError as e:
    print(e)

sys.getrefcount(s)
try:
    del s.z
except AttributeError as e:
    print(e)

try:
    s.z
except AttributeError as e:
    print(e)

try:
    s.__dict__
except AttributeError as e:
    print(e)

sys.getrefcount(s)
try:
    s.__weakref__
except AttributeError as e:
    print(e)

sys.getrefcount(s)
s.x = 3
s.x, s.y
del v
s.y
s.y = None
s.y
class One:
    __slots__ = "only"
    k = 1
    def m(self):
        return self.only

o = One()
o.only = 'value'
o.m()
One.only
try:
    o.k = 2
except AttributeError as e:
    print(e)

try:
    o.m = 2
except AttributeError as e:
    print(e)

o.k
class L:
    __slots__ = ["b", "a"]

l = L()
l.a = 1; l.b = 2
l.a, l.b, L.__slots__
S.x = 10
s.x
try:
    s.x = 4
except AttributeError as e:
    print(e)

del S.x
try:
    s.x
except AttributeError as e:
    print(e)

class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

pt = Point(1.5, 2.5)
pt.x, pt.y, sys.getsizeof(pt)
pts = [Point(i, i) for i in range(3)]
[p.x for p in pts]
sys.getrefcount(Point)
del pts
sys.getrefcount(Point)
'done'
