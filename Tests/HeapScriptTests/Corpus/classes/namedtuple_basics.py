import sys
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
sys.getsizeof(p), sys.getsizeof((1, 2)), sys.getsizeof(Point(1, 2)) == sys.getsizeof(tuple(p))
p
p.x, p.y, p[0], p[-1], p[:1]
x, y = p
x, y
p == (1, 2), (1, 2) == p, hash(p) == hash((1, 2)), p != Point(2, 1)
isinstance(p, tuple), type(p) is Point, type(p).__name__, len(p)
Point._fields, p._fields
Point.__doc__, Point.__module__, Point.__qualname__
Point.__mro__
p._replace(x=3), p
Point._make([5, 6]), Point._make(iter((7, 8)))
Point(y=4, x=3)
P3 = namedtuple('P3', 'a, b c')
P3(1, 2, 3), P3._fields, sys.getsizeof(P3(1, 2, 3))
One = namedtuple('One', 'only')
One(1), One.__doc__, sys.getsizeof(One(1))
str(p), repr(Point('a', [1]))
p.count(1), p.index(2), 2 in p, list(p), tuple(p) == p
p + (3,), p * 2
len(dir(Point)), sorted(set(dir(Point)) - set(dir(tuple)))
Q = namedtuple('Q', 'property len count'); Q(1, 2, 3).property, Q(1, 2, 3).len, Q(1, 2, 3).count, Q(1, 2, 3)
