import gc, sys
import functools
def f(x):
    return [x]

w = functools.lru_cache(maxsize=None)(f)
def g(x):
    return x

b = functools.lru_cache(maxsize=2)(g)
gc.collect(); w(1); gc.get_count()
gc.collect(); w(1); gc.get_count()
gc.collect(); w('a'); gc.get_count()
gc.collect(); w((1, 2)); gc.get_count()
gc.collect(); w.cache_clear(); gc.get_count()
gc.collect(); b(1); b(2); b(3); gc.get_count()
gc.collect(); b(3); gc.get_count()
gc.collect(); b((4, 5)); gc.get_count()
gc.collect(); b.cache_clear(); gc.get_count()
gc.collect(); x = b(7); gc.get_count()
b.cache_info()
gc.collect()
del w
gc.collect()
del b
gc.collect()
def make():
    @functools.lru_cache(maxsize=None)
    def inner(x):
        return inner
    inner(1)
    return inner

c = make()
c.cache_info()
del c
gc.collect()
gc.collect()
gc.collect(); w = functools.lru_cache(maxsize=None)(f); gc.get_count()
gc.collect(); w.cache_info(); gc.get_count()
