import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

fib(30)
fib.cache_info()
fib(30)
fib.cache_info()
[fib(i) for i in range(10)]
fib.cache_info()
fib.cache_clear()
fib(10)
fib.cache_info()
@functools.lru_cache(maxsize=4)
def fib2(n):
    return n if n < 2 else fib2(n - 1) + fib2(n - 2)

fib2(25)
fib2.cache_info()
fib2(20)
fib2.cache_info()
@functools.lru_cache(maxsize=None)
def bad(n):
    return 1 // n

bad(1)
bad(0)
bad.cache_info()
bad(0)
bad.cache_info()
