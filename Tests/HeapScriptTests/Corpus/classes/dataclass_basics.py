import sys, gc
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
@dataclass
class Point:
    x: int
    y: int = 0

class Plain:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

p = Point(1, 2)
p
print(p)
repr(Point(3))
q = Plain(1, 2)
sys.getsizeof(p) == sys.getsizeof(q)
sys.getsizeof(p)
sys.getsizeof(p.__dict__) == sys.getsizeof(q.__dict__)
p.__dict__
import weakref
weakref.ref(p)() is p
sys.getrefcount(p)
r = p
sys.getrefcount(p)
del r
gc.is_tracked(p)
p == Point(1, 2)
p == Point(2, 1)
p != Point(1, 2)
p == (1, 2)
Point.__hash__ is None
Point.__eq__(p, q)
Point.__doc__
Point.__match_args__
[f.name for f in fields(p)]
[f.type for f in fields(Point)]
asdict(p)
astuple(p)
replace(p, y=5)
is_dataclass(p), is_dataclass(Point), is_dataclass(q)
Point.__dataclass_params__.eq, Point.__dataclass_params__.order
Point.__init__.__qualname__
Point.__repr__.__name__
p.x = 10
p
@dataclass
class Bag:
    items: list = field(default_factory=list)
    tag: str = field(default='t', repr=False)
    n: int = field(default=0, compare=False)

b = Bag()
b
b.items.append(1)
Bag() == Bag(n=5)
Bag([1]) == b
len(b.items)
try:
    Point()
except TypeError as e:
    print(e)

try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)

