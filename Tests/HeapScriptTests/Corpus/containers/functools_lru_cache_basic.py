import sys, gc
import functools
@functools.lru_cache(maxsize=2)
def f(x):
    return x * 2

sys.getsizeof(f)
type(f)
type(f).__name__
f.__name__, f.__qualname__, f.__module__, f.__doc__
f.__wrapped__.__name__
sorted(f.__dict__)
sys.getsizeof(f.__dict__)
f(1), f(2), f(1), f(3)
f.cache_info()
f.cache_info().hits, f.cache_info().currsize
type(f.cache_info())
f.cache_info() == (1, 3, 2, 2)
f.cache_clear()
f.cache_info()
gc.is_tracked(f)
callable(f)
f.label = 'mine'
f.label
sorted(f.__dict__)
@functools.lru_cache(maxsize=0)
def z(x):
    return -x

z(1), z(1), z(2)
z.cache_info()
def doc(x):
    "A docstring."
    return x

d = functools.lru_cache(maxsize=None)(doc)
d.__doc__
d.__wrapped__ is doc
d(5), d(5), d(6)
d.cache_info()
functools.WRAPPER_ASSIGNMENTS
functools.WRAPPER_UPDATES
@functools.lru_cache(maxsize=-5)
def neg(x):
    return x

neg(1), neg(1)
neg.cache_info()
