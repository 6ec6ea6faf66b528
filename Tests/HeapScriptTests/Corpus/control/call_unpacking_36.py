import sys, gc
def f(a, b=None, **k):
    return sys.getrefcount(a), b is None or sys.getrefcount(b), sorted(k)

x = object()
y = object()
print(f(*[x]), f(*(x, y)), f(x, *[y]))
print(f(*[x], **{}), f(x, **{'b': y}), f(*[x], **{'b': y, 'c': 1}))
print(f(**{'a': x, 'b': y}), f(x, b=y, **{'c': 2}))
print(sys.getrefcount(x), sys.getrefcount(y))
def objs(*a, **k):
    return len(gc.get_objects())

gc.collect()
base = objs()
print(objs(*[1]) - base, objs(*[1], **{}) - base, objs(*[1], **{'q': 1}) - base, objs(**{'q': 1, 'r': 2}) - base)
def pos(a, b):
    return sys.getrefcount(a)

print(pos(*[x], **{'b': 1}), pos(x, **{'b': 1}), pos(*[x, 1]))
class C:
    def m(self, a, b=0):
        return sys.getrefcount(a), sys.getrefcount(self)
    def n(self, *a, **k):
        return len(gc.get_objects())

c = C()
print(c.m(*[x]), c.m(*[x], **{}), c.m(*[x], **{'b': 2}), c.m(x, **{'b': y}))
gc.collect()
base = c.n()
print(c.n(*[1]) - base, c.n(*[1], **{}) - base, c.n(**{'q': 1}) - base)
def gen(*a, **k):
    yield sys.getrefcount(x)
    yield sorted(k)

print(list(gen(*[x], **{'z': x})))
def kwonly(*, a, b=2):
    return a + b

print(kwonly(**{'a': 1}), kwonly(**{'a': 1, 'b': 5}))
for call in (lambda: kwonly(**{'c': 1}), lambda: pos(*[1, 2, 3]), lambda: pos(**{'b': 1}), lambda: pos(*[1], **{'a': 2})):
    try:
        call()
    except TypeError as e:
        print(e)

def rec(n):
    return n if n == 0 else rec(*[n - 1])

print(rec(50))
