import sys
from collections import namedtuple
class Point(namedtuple('Point', 'x y')):
    __slots__ = ()
    def norm(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
p, p.norm(), p.x, sys.getsizeof(p) == sys.getsizeof((3, 4))
p._replace(y=0), type(p._replace(y=0)).__name__, Point._make([1, 1])
isinstance(p, tuple), Point.__mro__[1].__name__, len(Point.__mro__)
Point(1)
