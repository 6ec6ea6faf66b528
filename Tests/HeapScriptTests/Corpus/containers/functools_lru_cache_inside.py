import sys, functools
@functools.lru_cache(maxsize=None)
def f(x):
    print(sys.getrefcount(x), sys.getrefcount(f))
    return x

n = 7
s = 'a' * n
f(s) is s
f((s, 1))[0] is s
@functools.lru_cache(maxsize=2)
def g(x, y):
    print(sys.getrefcount(x))
    return y

g(s, s) is s
sys.getrefcount(s)
