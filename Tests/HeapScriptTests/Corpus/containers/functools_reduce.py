import gc, sys
import functools
from functools import reduce
functools.reduce is reduce
reduce
reduce(lambda a, b: a + b, [1, 2, 3], 10)
reduce(lambda a, b: a * b, [], 7)
reduce(lambda a, b: a * b, [5])
reduce(lambda a, b: a * b, [])
reduce(lambda a, b: a * b)
reduce(lambda a, b: a * b, 5)
reduce(lambda a, b: a * b, [1], 2, 3)
reduce(lambda a, b: a * b, [1], initial=2)
x = 'reduce-arg'
sys.getrefcount(x)
reduce(lambda a, b: b, [x, x, x])
sys.getrefcount(x)
def keep(a, b):
    global held
    held = (a, b)
    return sys.getrefcount(b)

reduce(keep, [x, x])
sys.getrefcount(x)
del held
sys.getrefcount(x)
reduce(lambda a, b: a + [b], [4, 5], [])
gc.collect()
gc.collect(); reduce(lambda a, b: a + b, [1, 2, 3]); gc.get_count()
