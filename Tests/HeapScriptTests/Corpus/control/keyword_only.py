import sys, gc
def f(a, *, b, c=2):
    return a, b, c

f(1, b=5)
f(1, c=3, b=4)
f.__kwdefaults__
f.__defaults__
def g(*args, k=1, **kw):
    return args, k, kw

g()
g(1, 2, k=3, z=4)
def h(x=0, *, y=[1]):
    return x, y, sys.getrefcount(y)

h()
z2 = [2]
h(y=z2)
sys.getsizeof(h.__kwdefaults__)
sys.getrefcount(h.__kwdefaults__)
l = lambda a, *, b=7: (a, b)
l(1)
l(1, b=2)
l.__kwdefaults__
def m(*, p, q):
    return p - q

m(q=1, p=3)
_ = gc.collect(); gc.get_count()
_ = gc.collect(); n = lambda *, z=[]: z; gc.get_count()
_ = gc.collect(); r = f(1, b=2); gc.get_count()
try:
    f(1)
except TypeError as e:
    print(e)

try:
    f(1, 2)
except TypeError as e:
    print(e)

try:
    f(1, 2, b=3)
except TypeError as e:
    print(e)

try:
    f(1, 2, b=3, c=4)
except TypeError as e:
    print(e)

try:
    m()
except TypeError as e:
    print(e)

try:
    f(1, d=1)
except TypeError as e:
    print(e)

try:
    h(1, 2)
except TypeError as e:
    print(e)

def three(a, b, c):
    pass

try:
    three()
except TypeError as e:
    print(e)

def kw3(*, a, b, c):
    pass

try:
    kw3()
except TypeError as e:
    print(e)

def outer():
    def inner(a, *, b):
        return a + b
    return inner

try:
    outer()(1)
except TypeError as e:
    print(e)

try:
    outer()(1, 2, b=3)
except TypeError as e:
    print(e)

class C:
    def m(self, *, k):
        return k

C().m(k=4)
try:
    C().m()
except TypeError as e:
    print(e)

