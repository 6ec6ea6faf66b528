import gc
gc.collect()
from collections import namedtuple
Point = namedtuple('Point', 'x y')
gc.collect()
p = Point(1, 2)
del Point
gc.collect()
del p
gc.collect()
