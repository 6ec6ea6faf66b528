import sys
import functools
@functools.lru_cache
def sq(x):
    return x * x

sq(3), sq(3), sq(4)
sq.cache_info()
sys.getsizeof(sq)
@functools.cache
def cube(x):
    return x ** 3

cube(2), cube(2), cube(3), cube(2)
cube.cache_info()
cube.cache_parameters()
sq.cache_parameters()
sorted(cube.__dict__)
cube.__wrapped__.__name__
