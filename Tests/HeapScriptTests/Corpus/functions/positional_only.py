import sys, gc
def f(a, b, /, c, d=4, *, e=5):
    return (a, b, c, d, e)

print(f(1, 2, 3), f(1, 2, c=3), f(1, 2, 3, d=0, e=9))
for call in (lambda: f(1, b=2, c=3), lambda: f(a=1, b=2, c=3), lambda: f(1, 2, c=3, z=1, b=2),
             lambda: f(1, 2, z=1, a=2), lambda: f(1, 2, z=1), lambda: f(1), lambda: f(),
             lambda: f(1, 2, 3, 4, 5), lambda: f(1, 2, 3, b=1), lambda: f(1, 2, 3, c=1)):
    try:
        call()
    except TypeError as x:
        print(x)

def g(a, /, **k):
    return a, k

print(g(1, a=2), g(1, b=3, a=4))
def h(a=1, /, b=2):
    return a, b

print(h(), h(b=3), h(5), h.__defaults__)
l = lambda x, /, y=7: (x, y)
print(l(1), l(1, y=2))
try:
    l(x=1, y=2)
except TypeError as x:
    print(x)

co = f.__code__
print(co.co_posonlyargcount, co.co_argcount, co.co_kwonlyargcount)
print(g.__code__.co_posonlyargcount, l.__code__.co_posonlyargcount, h.__code__.co_argcount)
class C:
    def m(self, a, /, b):
        return sys.getrefcount(a), b
    def n(self, /):
        return self

o = object()
print(C().m(o, b=1), C().m(o, 2))
c = C()
print(c.n() is c)
try:
    C().m(a=o, b=1)
except TypeError as x:
    print(x)

def r(x, /):
    return sys.getrefcount(x)

print(r(object()), r(o), sys.getrefcount(o))
def k(a, /, *args):
    return a, args

print(k(1, 2, 3))
try:
    k()
except TypeError as x:
    print(x)

def star(a, /, *args, **kwargs):
    return sys.getrefcount(a), args, sorted(kwargs)

print(star(o, 1, a=2, b=3))
gc.collect()
def p(x, y, /):
    return [x, y]

before = len(gc.get_objects())
z = p(1, 2)
print(len(gc.get_objects()) - before, z)
