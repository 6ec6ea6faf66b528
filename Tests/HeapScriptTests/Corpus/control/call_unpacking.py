import sys, gc
def f(a, b, c=3):
    return (a, b, c)

t = (1, 2)
l = [10, 20, 30]
f(*t)
f(*l)
f(0, *t)
f(*t, c=9)
k = {'b': 5, 'c': 6}
f(1, **k)
f(**{'a': 7, 'b': 8})
f(*[1], **{'b': 2})
f(1, *[], 2, **{}, c=4)
def g(*args, **kwargs):
    return args, kwargs, sys.getsizeof(args), sys.getsizeof(kwargs)

g(*l)
g(*t, x=1, **k)
g(*'abc')
g(*range(4))
g(*{'p': 1, 'q': 2})
def deco(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper

h = deco(g)
h(1, 2, z=3)
h()
def rc(x, y):
    return sys.getrefcount(x), sys.getrefcount(y)

o = object()
p = object()
rc(*(o, p))
rc(*[o, p])
rc(*[o], **{'y': p})
rc(o, **{'y': p})
sys.getrefcount(o)
def n(*args, **kwargs):
    return args, kwargs

m = deco(n)
_ = gc.collect(); gc.get_count()
_ = gc.collect(); r = f(*t); gc.get_count()
_ = gc.collect(); r = n(*l, x=1); gc.get_count()
_ = gc.collect(); r = m(1, 2, z=3); gc.get_count()
_ = gc.collect(); r = m(*t, **k); gc.get_count()
try:
    f(*1)
except TypeError as e:
    print(e)

try:
    f(**1)
except TypeError as e:
    print(e)

try:
    f(1, **{'a': 2})
except TypeError as e:
    print(e)

try:
    f(*[1, 2], **{'c': 1}, c=2)
except TypeError as e:
    print(e)

try:
    f(*[1, 2, 3, 4])
except TypeError as e:
    print(e)

try:
    f(*[], **{'d': 1})
except TypeError as e:
    print(e)

try:
    g(1, *2)
except TypeError as e:
    print(e)

