import gc
gc.collect()
from collections import namedtuple
gc.collect()
Point = namedtuple('Point', 'x y')
gc.get_count()
